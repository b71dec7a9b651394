"""低收入人口 page: the low-income register (with reviews due), the month's key-group visit
plans by village and person responsible, the quick visit record, and the visit figures
(people visited, problems solved) for a period. Everything comes from
``services.low_income`` in background ops."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.services import low_income as li
from reliefdesk.services import register
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.refresh import PageRefresh

from .dialogs import EntryDialog, ExitDialog, VisitDialog

__all__ = ["MonitoringPage"]


def _table(name: str) -> QTableWidget:
    t = QTableWidget()
    t.setObjectName(name)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    table.clearContents()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    table.resizeColumnsToContents()


def _month_edit(name: str, d: date) -> QDateEdit:
    edit = QDateEdit(QDate(d.year, d.month, 1))
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM")
    return edit


def _month(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), 1)


class MonitoringPage(QWidget):
    """The page. ``entriesLoaded``, ``plansLoaded`` and ``statsLoaded`` are emitted when the
    matching table is on screen."""

    entriesLoaded = Signal()
    plansLoaded = Signal()
    statsLoaded = Signal()
    dialogOpened = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitoringPage")
        self.ctx = ctx
        self.entries: list[li.EntryView] = []
        self.plan_rows: list[tuple[li.PlanView, li.PlanItemView]] = []
        self.stats: li.PatrolStats | None = None
        self._started = False
        self._build()
        self.refresher = PageRefresh(self, ctx, ("households", "persons", "enrollments"), self.load)

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Low-income monitoring"))
        title.setObjectName("monitoringTitle")
        title.setProperty("role", "pageTitle")
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.due_label)
        head.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("monitoringTabs")
        self.tabs.addTab(self._register_tab(), self.tr("Low-income register"))
        self.tabs.addTab(self._plan_tab(), self.tr("Visit plan"))
        self.tabs.addTab(self._stats_tab(), self.tr("Visit figures"))
        self.status = QLabel()
        self.status.setObjectName("monitoringStatus")
        root = QVBoxLayout(self)
        root.addLayout(head)
        root.addWidget(self.tabs, 1)
        root.addWidget(self.status)

    def _button(self, text: str, name: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        return b

    def _register_tab(self) -> QWidget:
        self.due_only_check = QCheckBox(self.tr("Reviews due only"))
        self.due_only_check.setObjectName("dueOnlyCheck")
        self.due_only_check.toggled.connect(lambda _on: self.load_entries())
        self.exited_check = QCheckBox(self.tr("Show exited"))
        self.exited_check.setObjectName("showExitedCheck")
        self.exited_check.toggled.connect(lambda _on: self.load_entries())
        self.add_button = self._button(self.tr("&Add…"), "addEntryButton")
        self.add_button.clicked.connect(self.open_add_dialog)
        self.review_button = self._button(self.tr("Reviewed today"), "reviewEntryButton")
        self.review_button.clicked.connect(self.review_selected)
        self.exit_button = self._button(self.tr("E&xit…"), "exitEntryButton")
        self.exit_button.clicked.connect(self.open_exit_dialog)
        bar = QHBoxLayout()
        for check in (self.due_only_check, self.exited_check):
            bar.addWidget(check)
        bar.addStretch(1)
        for button in (self.add_button, self.review_button, self.exit_button):
            bar.addWidget(button)
        self.entries_table = _table("entriesTable")
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addWidget(self.entries_table, 1)
        return tab

    def _plan_tab(self) -> QWidget:
        today = date.today()
        self.plan_month_edit = _month_edit("planMonthEdit", today)
        self.village_combo = QComboBox()
        self.village_combo.setObjectName("villageCombo")
        self.village_combo.addItem(self.tr("All villages"), 0)
        self.village_combo.setMinimumContentsLength(8)
        self.responsible_edit = QLineEdit()
        self.responsible_edit.setObjectName("responsibleEdit")
        self.responsible_edit.setPlaceholderText(self.tr("Person responsible"))
        self.responsible_edit.setMaximumWidth(160)
        self.show_plan_button = self._button(self.tr("Show"), "showPlanButton")
        self.show_plan_button.clicked.connect(self.load_plans)
        self.set_responsible_button = self._button(
            self.tr("Set responsible"), "setResponsibleButton"
        )
        self.set_responsible_button.clicked.connect(self.set_responsible)
        self.make_plan_button = self._button(self.tr("&Make plan"), "makePlanButton")
        self.make_plan_button.clicked.connect(self.make_plan)
        self.record_button = self._button(self.tr("&Record visit…"), "recordVisitButton")
        self.record_button.clicked.connect(self.open_visit_dialog)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month")))
        bar.addWidget(self.plan_month_edit)
        bar.addWidget(QLabel(self.tr("Village")))
        bar.addWidget(self.village_combo)
        bar.addWidget(self.show_plan_button)
        bar.addStretch(1)
        bar.addWidget(self.responsible_edit)
        bar.addWidget(self.set_responsible_button)
        bar.addWidget(self.make_plan_button)
        bar.addWidget(self.record_button)
        self.plan_summary = QLabel()
        self.plan_summary.setObjectName("planSummary")
        self.plan_table = _table("planTable")
        self.plan_table.doubleClicked.connect(lambda _i: self.open_visit_dialog())
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addWidget(self.plan_summary)
        lay.addWidget(self.plan_table, 1)
        return tab

    def _stats_tab(self) -> QWidget:
        today = date.today()
        self.from_edit = _month_edit("statsFromEdit", date(today.year, 1, 1))
        self.to_edit = _month_edit("statsToEdit", today)
        self.stats_button = self._button(self.tr("Count"), "countButton")
        self.stats_button.clicked.connect(self.load_stats)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(self.tr("To")))
        bar.addWidget(self.to_edit)
        bar.addWidget(self.stats_button)
        bar.addStretch(1)
        self.stats_summary = QLabel()
        self.stats_summary.setObjectName("statsSummary")
        self.stats_summary.setWordWrap(True)
        self.group_table = _table("groupTable")
        self.village_table = _table("villageTable")
        tables = QHBoxLayout()
        tables.addWidget(self.group_table, 1)
        tables.addWidget(self.village_table, 1)
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addWidget(self.stats_summary)
        lay.addLayout(tables, 1)
        return tab

    # -- loading --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self._load_villages()
            self.load()

    def load(self) -> None:
        """Reload the three tabs (each in its own background op)."""
        self.load_entries()
        self.load_plans()
        self.load_stats()

    def _load_villages(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(villages: list[register.VillageView]) -> None:
            for v in villages:
                self.village_combo.addItem(v.name, v.id)

        QueryOp(
            parent=self, op=lambda: register.list_villages(db, actor), success=done
        ).run_in_background()

    def load_entries(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        due_only, exited = self.due_only_check.isChecked(), self.exited_check.isChecked()

        def work() -> tuple[list[li.EntryView], int]:
            rows = li.list_entries(db, actor, due_only=due_only, include_exited=exited)
            return rows, li.due_count(db, actor)

        QueryOp(parent=self, op=work, success=self._show_entries).run_in_background()

    def _show_entries(self, result: tuple[list[li.EntryView], int]) -> None:
        self.entries, due = result
        self.due_label.setText(self.tr("Reviews due: %1").replace("%1", str(due)))
        headers = (
            self.tr("No."),
            self.tr("Village"),
            self.tr("Head"),
            self.tr("ID number"),
            self.tr("Category"),
            self.tr("Entered"),
            self.tr("Next review"),
            self.tr("Status"),
            self.tr("Reason"),
        )
        rows = [
            (
                e.id,
                e.village,
                e.head_name,
                e.head_id_masked,
                e.category_label,
                e.entered_on,
                e.next_review,
                self._state(e),
                e.exit_reason if e.exit_on else e.reason,
            )
            for e in self.entries
        ]
        _fill(self.entries_table, headers, rows)
        self.entriesLoaded.emit()

    def _state(self, e: li.EntryView) -> str:
        if e.exit_on is not None:
            return self.tr("Exited %1").replace("%1", e.exit_on.isoformat())
        return self.tr("Review due") if e.due else self.tr("On register")

    def _village_id(self) -> int | None:
        vid = int(self.village_combo.currentData() or 0)
        return vid or None

    def load_plans(self) -> None:
        db, actor, month, vid = self.ctx.db, self.ctx.actor, _month(self.plan_month_edit), None
        vid = self._village_id()
        QueryOp(
            parent=self, op=lambda: li.list_plans(db, actor, month, vid), success=self._show_plans
        ).run_in_background()

    def _show_plans(self, plans: list[li.PlanView]) -> None:
        self.plan_rows = [(p, i) for p in plans for i in p.items]
        headers = (
            self.tr("Village"),
            self.tr("Responsible"),
            self.tr("Name"),
            self.tr("Key group"),
            self.tr("Visits"),
            self.tr("Problem solved"),
        )
        yes, no = self.tr("Yes"), self.tr("No")
        rows = [
            (
                p.village,
                p.responsible,
                i.name,
                i.group_label,
                i.visits,
                "" if i.solved is None else (yes if i.solved else no),
            )
            for p, i in self.plan_rows
        ]
        _fill(self.plan_table, headers, rows)
        planned = len(self.plan_rows)
        visited = sum(p.visited for p in plans)
        self.plan_summary.setText(
            self.tr("%1 villages, %2 people planned, %3 visited")
            .replace("%1", str(len(plans)))
            .replace("%2", str(planned))
            .replace("%3", str(visited))
        )
        self.plansLoaded.emit()

    def load_stats(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        start, end = _month(self.from_edit), _month(self.to_edit)
        QueryOp(
            parent=self,
            op=lambda: li.patrol_stats(db, actor, start, end),
            success=self._show_stats,
        ).run_in_background()

    def _show_stats(self, st: li.PatrolStats) -> None:
        self.stats = st
        t = st.total
        self.stats_summary.setText(
            self.tr(
                "%1 to %2: %3 people visited (%4 visits), %5 problems found, %6 solved; "
                "plans: %7 people, %8 visited."
            )
            .replace("%1", f"{st.month_from:%Y-%m}")
            .replace("%2", f"{st.month_to:%Y-%m}")
            .replace("%3", str(t.people))
            .replace("%4", str(t.visits))
            .replace("%5", str(t.problems))
            .replace("%6", str(t.solved))
            .replace("%7", str(st.planned))
            .replace("%8", str(st.planned_visited))
        )
        cols = (self.tr("People"), self.tr("Visits"), self.tr("Problems"), self.tr("Solved"))
        other = self.tr("Other")
        _fill(
            self.group_table,
            (self.tr("Key group"), *cols),
            [
                (li.KEY_GROUPS.get(g, other), c.people, c.visits, c.problems, c.solved)
                for g, c in st.by_group.items()
            ],
        )
        _fill(
            self.village_table,
            (self.tr("Village"), *cols),
            [(v, c.people, c.visits, c.problems, c.solved) for v, c in st.by_village],
        )
        self.statsLoaded.emit()

    # -- actions --------------------------------------------------------------------------

    def selected_entry(self) -> li.EntryView | None:
        row = self.entries_table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def selected_plan_item(self) -> li.PlanItemView | None:
        row = self.plan_table.currentRow()
        return self.plan_rows[row][1] if 0 <= row < len(self.plan_rows) else None

    def _after_write(self, _result: object = None) -> None:
        self.load()

    def open_add_dialog(self) -> None:
        """Open the add dialog once the households whose aid ended are read (offered first);
        ``dialogOpened`` carries the dialog."""
        db, actor = self.ctx.db, self.ctx.actor

        def show(exited: list[li.ExitedHousehold]) -> None:
            dialog = EntryDialog(self.ctx, exited, self)
            dialog.saved.connect(self._after_write)
            dialog.open()
            self.dialogOpened.emit(dialog)

        QueryOp(
            parent=self, op=lambda: li.exited_households(db, actor), success=show
        ).run_in_background()

    def open_exit_dialog(self) -> ExitDialog | None:
        entry = self.selected_entry()
        if entry is None or entry.exit_on is not None:
            self.status.setText(self.tr("Select an entry on the register first."))
            return None
        dialog = ExitDialog(self.ctx, entry, self)
        dialog.saved.connect(self._after_write)
        dialog.open()
        return dialog

    def review_selected(self) -> None:
        """Record that the selected entry was reviewed today (next review per category)."""
        entry = self.selected_entry()
        if entry is None or entry.exit_on is not None:
            self.status.setText(self.tr("Select an entry on the register first."))
            return
        db, actor = self.ctx.db, self.ctx.actor
        MutationOp(
            parent=self,
            op=lambda: li.review_entry(db, actor, entry.id, expected_version=entry.version),
            success=self._after_write,
            ctx=self.ctx,
        ).run_in_background()

    def make_plan(self) -> None:
        """Plan the month from the key groups (the chosen village, or every village)."""
        db, actor = self.ctx.db, self.ctx.actor
        month, vid, who = (
            _month(self.plan_month_edit),
            self._village_id(),
            self.responsible_edit.text(),
        )
        MutationOp(
            parent=self,
            op=lambda: li.make_plans(db, actor, month, vid, who),
            success=self._after_write,
            ctx=self.ctx,
        ).with_progress(self.tr("Planning…")).run_in_background()

    def set_responsible(self) -> None:
        """Give the selected person's village plan the person responsible typed in (the
        plan's people stay; refused if someone changed the plan meanwhile)."""
        row = self.plan_table.currentRow()
        if not 0 <= row < len(self.plan_rows):
            self.status.setText(self.tr("Select a person in the plan first."))
            return
        plan = self.plan_rows[row][0]
        db, actor, who = self.ctx.db, self.ctx.actor, self.responsible_edit.text()
        items = [(i.person_id, i.key_group) for i in plan.items]
        MutationOp(
            parent=self,
            op=lambda: li.save_plan(
                db,
                actor,
                plan.month,
                plan.village_id,
                who,
                items,
                note=plan.note,
                expected_version=plan.version,
            ),
            success=self._after_write,
            ctx=self.ctx,
        ).run_in_background()

    def open_visit_dialog(self) -> VisitDialog | None:
        item = self.selected_plan_item()
        if item is None:
            self.status.setText(self.tr("Select a person in the plan first."))
            return None
        dialog = VisitDialog(self.ctx, item.person_id, f"{item.name}（{item.group_label}）", self)
        dialog.saved.connect(self._after_write)
        dialog.open()
        return dialog
