"""比对线索 page: the findings of the department data comparison (issue 14) with kind, person
(masked ID), household, source file and row, due date, assignee and status; the comparison
calendar (which source is due this month); import a department file; check a finding
(属实 / 不属实 / 已处理) and, for a confirmed one, take the matching action in one click."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import comparison
from reliefdesk.services.comparison import FindingView, ScheduleItem
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.findings import labels as lbl
from reliefdesk.ui.findings.history_dialog import HistoryDialog
from reliefdesk.ui.findings.import_dialog import ImportDialog
from reliefdesk.ui.findings.resolve_dialog import ResolveDialog
from reliefdesk.ui.ops import MutationOp, QueryOp, show_error
from reliefdesk.ui.refresh import PageRefresh
from reliefdesk.ui.table_model import OVERDUE_COLOR, Column, RecordTableModel, fmt_date
from reliefdesk.ui.tables import make_table


class FindingsPage(QWidget):
    """The findings queue. ``refreshed`` after each reload; ``acted(FindingView)`` after an
    action was taken."""

    refreshed = Signal()
    acted = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPage")
        self.ctx = ctx
        self.dialog: QWidget | None = None
        kinds, sources, statuses = lbl.kind_labels(), lbl.source_labels(), lbl.status_labels()
        title = QLabel(self.tr("Department data findings"))
        title.setObjectName("findingsTitle")
        title.setProperty("role", "pageTitle")
        self.calendar_label = QLabel()
        self.calendar_label.setObjectName("findingsCalendarLabel")
        self.calendar_label.setProperty("role", "hint")
        self.calendar_label.setWordWrap(True)
        self.open_check = QCheckBox(self.tr("To check only"))
        self.open_check.setObjectName("findingsOpenOnlyCheck")
        self.open_check.setChecked(True)
        self.open_check.toggled.connect(self.refresh)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("findingsKindCombo")
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for code, text in kinds.items():
            self.kind_combo.addItem(text, code)
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        self.import_button = QPushButton(self.tr("Compare a department file..."))
        self.import_button.setObjectName("findingsImportButton")
        self.import_button.setProperty("role", "primary")
        self.import_button.clicked.connect(self.open_import)
        self.import_button.setEnabled(ctx.actor.can("register.write"))
        self.history_button = QPushButton(self.tr("History..."))
        self.history_button.setObjectName("findingsHistoryButton")
        self.history_button.clicked.connect(self.open_history)
        self.resolve_button = QPushButton(self.tr("Check..."))
        self.resolve_button.setObjectName("findingsResolveButton")
        self.resolve_button.clicked.connect(self.open_resolve)
        self.action_button = QPushButton(self.tr("Take the action"))
        self.action_button.setObjectName("findingsActionButton")
        self.action_button.clicked.connect(self.take_action)
        self.household_button = QPushButton(self.tr("Open household"))
        self.household_button.setObjectName("findingsHouseholdButton")
        self.household_button.clicked.connect(self._on_household_button_clicked)

        today = date.today()
        self.model = RecordTableModel(
            [
                Column(self.tr("Kind"), lambda f: lbl.label(kinds, f.kind)),
                Column(self.tr("Person"), lambda f: f.name),
                Column(self.tr("ID number"), lambda f: f.id_masked),
                Column(
                    self.tr("Household"),
                    lambda f: f"{f.village} #{f.household_id}" if f.household_id else "",
                ),
                Column(
                    self.tr("Source"),
                    lambda f: self.tr("{source}: {file} row {row}").format(
                        source=lbl.label(sources, f.source), file=f.file_name, row=f.row_no
                    ),
                    tooltip=lambda f: f.message,
                ),
                Column(
                    self.tr("Due"),
                    lambda f: fmt_date(f.due_on),
                    lambda f: OVERDUE_COLOR if f.is_open and f.due_on < today else None,
                ),
                Column(self.tr("Assignee"), lambda f: f.assignee_name),
                Column(self.tr("Status"), lambda f: self._status_text(f, statuses)),
            ],
            self,
        )
        self.view = make_table("findingsView", self.model, row_height=28)
        for col, width in enumerate((230, 80, 150, 110, 280, 90, 70)):
            self.view.setColumnWidth(col, width)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.view.activated.connect(lambda _i: self.open_resolve())
        self.detail_label = QLabel()
        self.detail_label.setObjectName("findingsDetailLabel")
        self.detail_label.setWordWrap(True)

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.history_button)
        head.addWidget(self.import_button)
        filters = QHBoxLayout()
        filters.addWidget(self.open_check)
        filters.addWidget(self.kind_combo)
        filters.addStretch(1)
        filters.addWidget(self.household_button)
        filters.addWidget(self.resolve_button)
        filters.addWidget(self.action_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 12)
        lay.setSpacing(8)
        lay.addLayout(head)
        lay.addWidget(self.calendar_label)
        lay.addLayout(filters)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.detail_label)
        self._update_buttons()
        self.refresher = PageRefresh(self, ctx, ("audit",), self.refresh)
        self.refresh()

    # -- reads ----------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        open_only, kind = self.open_check.isChecked(), self.kind_combo.currentData() or None

        def op() -> tuple[list[FindingView], list[ScheduleItem]]:
            rows = comparison.list_findings(db, actor, open_only=open_only, kind=kind)
            return rows, comparison.calendar(db, actor)

        QueryOp(parent=self, op=op, success=self._show).run_in_background()

    def _show(self, data: tuple[list[FindingView], list[ScheduleItem]]) -> None:
        rows, schedule = data
        current = self.current()
        self.model.set_rows(rows)
        if current is not None:
            for i, f in enumerate(rows):
                if f.id == current.id:
                    self.view.selectRow(i)
        sources = lbl.source_labels()
        due = [lbl.label(sources, i.source) for i in schedule if i.due]
        self.calendar_label.setText(
            self.tr("Due for comparison this month: {sources}").format(
                sources=self.tr(", ").join(due)
            )
            if due
            else self.tr("Every source due this month has been compared.")
        )
        self._update_buttons()
        self.refreshed.emit()

    def current(self) -> FindingView | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        row: FindingView = self.model.row(index.row())
        return row

    def _status_text(self, f: FindingView, statuses: dict[str, str]) -> str:
        text = lbl.label(statuses, f.status)
        if f.taken_action:
            text += " ✓"
        return text

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, _cur: QModelIndex, _prev: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        f = self.current()
        can_write = self.ctx.actor.can("register.write")
        self.resolve_button.setEnabled(can_write and f is not None and f.is_open)
        self.action_button.setEnabled(
            f is not None
            and f.status == "confirmed"
            and not f.taken_action
            and comparison.may_take_action(self.ctx.actor, f.action)
        )
        self.household_button.setEnabled(f is not None and f.household_id is not None)
        if f is None:
            self.detail_label.setText("")
            return
        text = f.message
        if f.outcome_note:
            text += "\n" + self.tr("Outcome ({who}): {note}").format(
                who=f.resolved_by_name, note=f.outcome_note
            )
        if f.status == "confirmed" and not f.taken_action:
            text += "\n" + self.tr("Next: {action}").format(
                action=lbl.label(lbl.action_labels(), f.action)
            )
        self.detail_label.setText(text)

    # -- commands -------------------------------------------------------------------------
    @Slot()
    def open_import(self) -> None:
        dlg = ImportDialog(self.ctx, self)
        dlg.compared.connect(lambda _r: self.refresh())
        self.dialog = dlg
        dlg.open()

    @Slot()
    def open_history(self) -> None:
        dlg = HistoryDialog(self.ctx, self)
        self.dialog = dlg
        dlg.open()

    @Slot()
    def open_resolve(self) -> None:
        f = self.current()
        if f is None or not f.is_open:
            return
        dlg = ResolveDialog(f, self, may_act=comparison.may_take_action(self.ctx.actor, f.action))
        self.dialog = dlg
        dlg.accepted.connect(lambda: self._resolve(f, dlg.outcome(), dlg.note(), dlg.act()))
        dlg.open()

    def _resolve(self, f: FindingView, outcome: str, note: str, act: bool) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        MutationOp(
            parent=self,
            ctx=self.ctx,
            op=lambda: comparison.resolve(
                db, actor, f.id, outcome, note, expected_version=f.version, act=act
            ),
            success=self._after_write,
        ).failure(self._on_failed).run_in_background()

    @Slot()
    def take_action(self) -> None:
        f = self.current()
        if f is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        MutationOp(
            parent=self,
            ctx=self.ctx,
            op=lambda: comparison.take_action(db, actor, f.id),
            success=self._after_write,
        ).failure(self._on_failed).run_in_background()

    def _on_failed(self, error: ReliefError) -> None:
        self.refresh()
        show_error(self, error)

    def _after_write(self, f: FindingView) -> None:
        self.refresh()
        if f.taken_action:
            self.acted.emit(f)
            kind, _sep, ref = f.action_ref.partition(":")
            if kind == "application" and ref.isdigit():
                self.ctx.applicationRequested.emit(int(ref))

    @Slot()
    def _on_household_button_clicked(self) -> None:
        f = self.current()
        if f is not None and f.household_id is not None:
            self.ctx.householdRequested.emit(f.household_id)
