"""工作台 (workbench): what the signed-in user has to do today.

Four lists from ``services.casework.workbench``: pending cases by step with the legal deadline
and the working days left (overdue in red; a deadline in a year without holiday data is marked
and explained), the cases waiting for this user's role, the enrollments whose periodic re-check
(定期核查) falls due this month, and the follow-ups events started (a death, a tekun minor
turning 18, a self-care change, a 先行纳入 deadline, a termination in publicity). Double-clicking
a case or a follow-up opens it (``ctx.applicationRequested``), a re-check opens the household
(``ctx.householdRequested``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.services import casework
from reliefdesk.services.casework import Workbench, WorkItem
from reliefdesk.services.casework.events import EventItem
from reliefdesk.services.enrollments import RecheckItem
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.refresh import PageRefresh
from reliefdesk.ui.table_model import (
    OVERDUE_COLOR,
    WARN_COLOR,
    Column,
    RecordTableModel,
    fmt_date,
)
from reliefdesk.ui.tables import make_table
from reliefdesk.ui.workbench.quick import quick_todo


def _days_color(item: WorkItem) -> QColor | None:
    if item.days_left is None:
        return None
    if item.days_left < 0:
        return OVERDUE_COLOR
    if item.days_left <= 2:
        return WARN_COLOR
    return None


class WorkbenchPage(QWidget):
    """The to-do page. ``refresh()`` reloads it; it also reloads when cases or enrollments
    change (``ctx.changed``).

    On the first load the to-do list is filled at once from the stored deadlines
    (``quickFilled``); the full workbench (actions per case, re-checks) follows
    (``refreshed``).

    Signals:
        quickFilled: the to-do list shows the open cases (actions not yet known).
        refreshed: all lists were (re)filled from ``casework.workbench``.
    """

    quickFilled = Signal()
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workbenchPage")
        self.ctx = ctx
        self.data: Workbench | None = None
        self._loading = False
        self._pending_refresh = False

        title = QLabel(self.tr("Workbench"))
        title.setObjectName("workbenchTitle")
        title.setProperty("role", "pageTitle")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("workbenchSummaryLabel")
        self.summary_label.setProperty("role", "hint")
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("workbenchOverdueLabel")
        self.overdue_label.setProperty("role", "error")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("workbenchRefreshButton")
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button = QPushButton(self.tr("New application..."))
        self.new_button.setObjectName("workbenchNewApplicationButton")
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(lambda: self.ctx.newApplicationRequested.emit(0))
        self.new_button.setVisible(ctx.actor.can("case.accept"))

        states, programmes = lbl.state_labels(), lbl.programme_labels()
        actions = lbl.action_labels()
        todo_columns = [
            Column(self.tr("Step"), lambda w: lbl.label(states, w.state)),
            Column(self.tr("File no."), lambda w: w.file_no),
            Column(self.tr("Applicant"), lambda w: w.applicant_name),
            Column(self.tr("Programme"), lambda w: lbl.label(programmes, w.programme)),
            Column(
                self.tr("Deadline"),
                lambda w: fmt_date(w.due_on) + (" ⚠" if w.deadline_warning else ""),
                _days_color,
                tooltip=lambda w: w.deadline_warning or "",
            ),
            Column(self.tr("Working days left"), self._days_text, _days_color, align_right=True),
            Column(
                self.tr("You can"),
                lambda w: self.tr(", ").join(
                    actions.get(a, a) for a in w.actions if a not in _PASSIVE
                ),
            ),
        ]
        self.todo_model = RecordTableModel(todo_columns, self)
        self.todo_view = make_table("workbenchTodoView", self.todo_model, row_height=28)
        self.mine_model = RecordTableModel(todo_columns, self)
        self.mine_view = make_table("workbenchMineView", self.mine_model, row_height=28)
        self.recheck_model = RecordTableModel(
            [
                Column(
                    self.tr("Re-check due"),
                    lambda r: fmt_date(r.next_recheck),
                    lambda r: OVERDUE_COLOR if r.next_recheck < date.today() else None,
                ),
                Column(self.tr("Payee"), lambda r: r.payee_name),
                Column(self.tr("Programme"), lambda r: lbl.label(programmes, r.programme)),
                Column(self.tr("Household no."), lambda r: str(r.household_id), align_right=True),
                Column(
                    self.tr("Interval (months)"), lambda r: str(r.recheck_months), align_right=True
                ),
            ],
            self,
        )
        self.recheck_view = make_table("workbenchRecheckView", self.recheck_model, row_height=28)
        kinds = self._event_kinds()
        self.events_model = RecordTableModel(
            [
                Column(
                    self.tr("Due"),
                    lambda e: fmt_date(e.due_on),
                    lambda e: OVERDUE_COLOR if e.due_on < date.today() else None,
                ),
                Column(self.tr("Follow-up"), lambda e: kinds.get(e.kind, e.kind)),
                Column(self.tr("Person"), lambda e: e.name),
                Column(self.tr("What to do"), lambda e: e.text, tooltip=lambda e: e.text),
            ],
            self,
        )
        self.events_view = make_table("workbenchEventsView", self.events_model, row_height=28)
        self.events_view.activated.connect(self._on_events_view_activated)
        for col, width in enumerate((90, 130, 70)):
            self.events_view.setColumnWidth(col, width)
        for view in (self.todo_view, self.mine_view):
            view.activated.connect(self._on_case_view_activated)
            for col, width in enumerate((110, 130, 90, 90, 100, 110)):
                view.setColumnWidth(col, width)
        self.recheck_view.activated.connect(self._on_recheck_view_activated)

        self.todo_title = QLabel()
        self.todo_title.setProperty("role", "sectionTitle")
        self.mine_title = QLabel()
        self.mine_title.setProperty("role", "sectionTitle")
        self.recheck_title = QLabel()
        self.recheck_title.setProperty("role", "sectionTitle")
        self.events_title = QLabel()
        self.events_title.setObjectName("workbenchEventsTitle")
        self.events_title.setProperty("role", "sectionTitle")
        self.calendar_label = QLabel()
        self.calendar_label.setObjectName("workbenchCalendarWarningLabel")
        self.calendar_label.setProperty("role", "error")
        self.calendar_label.setWordWrap(True)
        self.calendar_label.setVisible(False)
        # issue 19: an administrator is told when the SQLite file is not encrypted yet
        self.encryption_label = QLabel(
            self.tr(
                "This database file is not encrypted: anyone who copies it can read the "
                'personal data. Close the program and run "reliefdesk-admin encrypt" '
                "(see the README)."
            )
        )
        self.encryption_label.setObjectName("workbenchNotEncryptedLabel")
        self.encryption_label.setProperty("role", "error")
        self.encryption_label.setWordWrap(True)
        self.encryption_label.setVisible(
            ctx.actor.role == "admin" and ctx.db.is_sqlite and ctx.db.data_key is None
        )

        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.summary_label, 1)
        head.addWidget(self.overdue_label)
        self._head = head  # add_header_widget inserts before the buttons
        head.addSpacing(12)
        head.addWidget(self.refresh_button)
        head.addWidget(self.new_button)

        def section(label: QLabel, view: QTableView) -> QWidget:
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(4)
            lay.addWidget(label)
            lay.addWidget(view, 1)
            return box

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(section(self.events_title, self.events_view))
        right.addWidget(section(self.recheck_title, self.recheck_view))
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(section(self.mine_title, self.mine_view))
        bottom.addWidget(right)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("workbenchSplitter")
        split.addWidget(section(self.todo_title, self.todo_view))
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.encryption_label)
        layout.addWidget(self.calendar_label)
        layout.addWidget(split, 1)
        self._update_titles()

        self.refresher = PageRefresh(
            self, ctx, ("applications", "enrollments", "visits", "households"), self.refresh
        )
        QTimer.singleShot(0, self.refresh)

    # -- public ---------------------------------------------------------------------------
    def add_header_widget(self, widget: QWidget) -> None:
        """Show ``widget`` in the header before the buttons (the findings link, issue 14)."""
        self._head.insertWidget(self._head.indexOf(self.refresh_button) - 1, widget)

    def is_loading(self) -> bool:
        return self._loading

    @Slot()
    def refresh(self) -> None:
        """Reload all three lists off the GUI thread."""
        if self._loading:
            self._pending_refresh = True
            return
        self._loading = True
        db, actor, today = self.ctx.db, self.ctx.actor, date.today()

        def done() -> None:
            self._loading = False
            if self._pending_refresh:
                self._pending_refresh = False
                self.refresh()

        def full() -> None:
            QueryOp(
                parent=self, op=lambda: casework.workbench(db, actor, today), success=self._show
            ).always(done).run_in_background()

        if self.data is None:  # first fill: stored deadlines at once, then the actions
            QueryOp(
                parent=self, op=lambda: quick_todo(db, actor, today), success=self._show_quick
            ).always(full).run_in_background()
        else:
            full()

    def _show_quick(self, items: list[WorkItem]) -> None:
        if self.data is not None:
            return  # the full workbench came first
        order = {s: i for i, s in enumerate(lbl.STATE_ORDER)}
        items.sort(key=lambda w: (order.get(w.state, 99), w.due_on or date.max, w.application_id))
        self.todo_model.set_rows(items)
        overdue = sum(1 for w in items if w.days_left is not None and w.days_left < 0)
        self.overdue_label.setText(self.tr("%n case(s) overdue", "", overdue) if overdue else "")
        self.summary_label.setText(self._summary_text() + self.tr(" - checking what you can do..."))
        self._update_titles()
        self.quickFilled.emit()

    # -- internals ------------------------------------------------------------------------
    def _days_text(self, item: WorkItem) -> str:
        if item.days_left is None:
            return ""
        if item.days_left < 0:
            return self.tr("%n day(s) overdue", "", -item.days_left)
        return str(item.days_left)

    def _show(self, data: Workbench) -> None:
        self.data = data
        order = {s: i for i, s in enumerate(lbl.STATE_ORDER)}
        todo: list[WorkItem] = []
        for state in sorted(data.by_state, key=lambda s: order.get(s, 99)):
            todo.extend(data.by_state[state])
        self.todo_model.set_rows(todo)
        self.mine_model.set_rows(list(data.waiting_for_me))
        self.recheck_model.set_rows(list(data.rechecks_due))
        self.events_model.set_rows(list(data.events))
        warnings = sorted({w.deadline_warning for w in todo if w.deadline_warning})
        self.calendar_label.setText("\n".join(warnings[:1]))
        self.calendar_label.setVisible(bool(warnings))
        overdue_cases = len({o.application_id for o in data.overdue})
        self.overdue_label.setText(
            self.tr("%n case(s) overdue", "", overdue_cases) if overdue_cases else ""
        )
        self.summary_label.setText(self._summary_text())
        self._update_titles()
        self.refreshed.emit()

    def _summary_text(self) -> str:
        return self.tr("{day} - signed in as {name} ({role})").format(
            day=date.today().isoformat(),
            name=self.ctx.actor.display_name or self.ctx.actor.username,
            role=lbl.label(lbl.role_labels(), self.ctx.actor.role),
        )

    def _update_titles(self) -> None:
        self.todo_title.setText(
            self.tr("Pending cases by step ({n})").format(n=self.todo_model.rowCount())
        )
        self.mine_title.setText(
            self.tr("Waiting for your role ({n})").format(n=self.mine_model.rowCount())
        )
        self.recheck_title.setText(
            self.tr("Re-checks due this month ({n})").format(n=self.recheck_model.rowCount())
        )
        self.events_title.setText(
            self.tr("Follow-ups ({n})").format(n=self.events_model.rowCount())
        )

    def _event_kinds(self) -> dict[str, str]:
        return {
            "death_recheck": self.tr("Re-check after a death"),
            "turning_18": self.tr("Minor turning 18"),
            "self_care": self.tr("Self-care re-assessment"),
            "green_channel": self.tr("Green channel: complete steps"),
            "termination": self.tr("Proposed termination"),
        }

    @Slot(QModelIndex)
    def _on_case_view_activated(self, index: QModelIndex) -> None:
        model = index.model()
        assert isinstance(model, RecordTableModel)
        item: WorkItem = model.row(index.row())
        self.ctx.applicationRequested.emit(item.application_id)

    @Slot(QModelIndex)
    def _on_events_view_activated(self, index: QModelIndex) -> None:
        item: EventItem = self.events_model.row(index.row())
        if item.application_id is not None:
            self.ctx.applicationRequested.emit(item.application_id)
        else:
            self.ctx.householdRequested.emit(item.household_id)

    @Slot(QModelIndex)
    def _on_recheck_view_activated(self, index: QModelIndex) -> None:
        item: RecheckItem = self.recheck_model.row(index.row())
        self.ctx.enrollmentRequested.emit(item.enrollment_id)  # where the result is recorded


_PASSIVE = {"withdraw", "terminate_noncooperation"}
