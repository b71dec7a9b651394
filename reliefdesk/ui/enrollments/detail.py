"""One enrolled household (在保户): its enrollment, the actions of 动态管理 (调整, 停发/恢复,
渐退, 终止, 复核, member changes, payee and account) and the timeline of every change and
event with date, effective month, reason and user. Everything is read in one worker call.

A change that is a 减发, 停发 or 终止 (also one a member event or re-check made) is followed by
an offer to print its 告知书 (the print preview). A tekun termination other than for death,
from 终止 or from a re-check, leads into the 拟终止公示 procedure (the termination dialog of
the case page) instead of an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.services import enrollment_events as ev
from reliefdesk.services import enrollments as en
from reliefdesk.services import register, visits
from reliefdesk.services.enrollments import EnrollmentView
from reliefdesk.services.printing import notices as printing_notices
from reliefdesk.services.register.types import PersonView, VillageView
from reliefdesk.ui import printing
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import QueryOp, show_error
from reliefdesk.ui.table_model import Column, RecordTableModel, fmt_date
from reliefdesk.ui.tables import make_table
from reliefdesk.ui.widgets.account_dialog import AccountDialog
from reliefdesk.ui.widgets.termination_dialog import TerminationDialog

from .action_dialog import ACTIONS, ChangeDialog, action_titles
from .member_dialog import MemberEventDialog


@dataclass(frozen=True)
class DetailData:
    household_id: int
    title: str
    enrollments: tuple[ev.EnrollmentRow, ...]
    current: EnrollmentView | None
    members: tuple[PersonView, ...]
    timeline: tuple[ev.TimelineEntry, ...]
    visits: tuple[tuple[int, str], ...]
    villages: tuple[VillageView, ...]
    notice_ids: tuple[int, ...] = ()  # the household's changes that need a 告知书


def load_detail(ctx: AppContext, household_id: int, enrollment_id: int | None) -> DetailData:
    """Worker-thread read of everything the screen shows."""
    db, actor = ctx.db, ctx.actor
    rows = ev.enrollment_page(db, actor, household_id=household_id, limit=50).rows
    live = [r for r in rows if r.status != "terminated"]
    chosen = enrollment_id or (live[-1].id if live else (rows[-1].id if rows else None))
    current = en.get_enrollment(db, actor, chosen) if chosen else None
    hh = register.get_household(db, actor, household_id)
    head = next((m.name for m in hh.members if m.relation == "head"), "")
    title = f"{household_id}：{head}（{hh.household.township_name}{hh.household.village_name}）"
    vs = tuple(
        (v.id, f"{v.visit_date:%Y-%m-%d} {v.mode_label}")
        for v in visits.list_visits(db, actor, household_id, limit=20)
    )
    villages = tuple(register.list_villages(db, actor))
    return DetailData(
        household_id,
        title,
        rows,
        current,
        hh.members,
        tuple(ev.household_timeline(db, actor, household_id)),
        vs,
        villages,
        tuple(printing_notices.household_notice_ids(db, actor, household_id)),
    )


def timeline_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("EnrollmentDetail", "Date"), lambda r: fmt_date(r.when)),
        Column(
            QCoreApplication.translate("EnrollmentDetail", "From month"),
            lambda r: f"{r.effective_month:%Y-%m}" if r.effective_month else "",
        ),
        Column(QCoreApplication.translate("EnrollmentDetail", "Change"), lambda r: r.kind_label),
        Column(
            QCoreApplication.translate("EnrollmentDetail", "Enrollment"),
            lambda r: f"#{r.enrollment_id}" if r.enrollment_id else "",
        ),
        Column(QCoreApplication.translate("EnrollmentDetail", "By"), lambda r: r.by),
        Column(
            QCoreApplication.translate("EnrollmentDetail", "Reason"),
            lambda r: r.text,
            tooltip=lambda r: r.text,
        ),
    ]


class EnrollmentDetail(QWidget):
    """Signals: ``backRequested``; ``shown`` after data arrived; ``changed`` after an action."""

    backRequested = Signal()
    shown = Signal()
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrollmentDetail")
        self.ctx = ctx
        self.data: DetailData | None = None
        self.dialog: QWidget | None = None
        self._seq = 0
        self._notices_before: set[int] | None = None  # notice ids before the last change
        self.new_notice_ids: list[int] = []
        self._notice_household: int | None = None
        back = QPushButton(self.tr("< Back to list"))
        back.setObjectName("enrollmentBackButton")
        back.clicked.connect(self.backRequested)
        self.title = QLabel()
        self.title.setObjectName("enrollmentTitle")
        self.title.setProperty("role", "pageTitle")
        self.enrollment_combo = QComboBox()
        self.enrollment_combo.setObjectName("enrollmentCombo")
        self.enrollment_combo.setMinimumWidth(170)
        self.enrollment_combo.activated.connect(self._on_enrollment_combo_activated)
        self.household_button = QPushButton(self.tr("Household page"))
        self.household_button.setObjectName("enrollmentHouseholdButton")
        self.household_button.clicked.connect(
            lambda: self.data and ctx.householdRequested.emit(self.data.household_id)
        )
        head = QHBoxLayout()
        head.addWidget(back)
        head.addWidget(self.title, 1)
        head.addWidget(self.enrollment_combo)
        head.addWidget(self.household_button)
        self.facts = QLabel()
        self.facts.setObjectName("enrollmentFacts")
        self.facts.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        titles = action_titles()
        extra = {"member": self.tr("Member change..."), "account": self.tr("Payee and account...")}
        for i, key in enumerate((*ACTIONS, "member", "account")):
            b = QPushButton(titles[key] + "..." if key in titles else extra[key])
            b.setObjectName(f"enrollment_{key}_Button")
            b.clicked.connect(lambda _c=False, k=key: self.open_action(k))
            self.buttons[key] = b
            grid.addWidget(b, i // 4, i % 4)
        self.timeline_model = RecordTableModel(timeline_columns(), self)
        self.timeline_view = make_table("enrollmentTimeline", self.timeline_model)
        for col, width in enumerate((90, 80, 90, 80, 90)):
            self.timeline_view.setColumnWidth(col, width)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("enrollmentNoticeLabel")
        self.notice_label.setWordWrap(True)
        self.notice_button = QPushButton(self.tr("Print notice..."))
        self.notice_button.setObjectName("enrollmentNoticePrintButton")
        self.notice_button.clicked.connect(self.print_new_notices)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.notice_button)
        self.notice_label.hide()
        self.notice_button.hide()
        timeline_title = QLabel(self.tr("Changes and events (newest first)"))
        timeline_title.setProperty("role", "sectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addLayout(grid)
        layout.addLayout(notice_row)
        layout.addWidget(timeline_title)
        layout.addWidget(self.timeline_view, 1)

    # -- loading ----------------------------------------------------------------------------
    def open_household(self, household_id: int, enrollment_id: int | None = None) -> None:
        self._seq += 1
        seq, ctx = self._seq, self.ctx

        def done(data: DetailData) -> None:
            if seq == self._seq:
                self._show(data)

        QueryOp(
            parent=self, op=lambda: load_detail(ctx, household_id, enrollment_id), success=done
        ).failure(lambda e: show_error(self, e)).run_in_background()

    def refresh(self) -> None:
        if self.data is not None:
            cur = self.data.current
            self.open_household(self.data.household_id, cur.id if cur else None)

    def _show(self, data: DetailData) -> None:
        self.data = data
        self.title.setText(self.tr("Household {title}").format(title=data.title))
        self.enrollment_combo.clear()
        for r in data.enrollments:
            self.enrollment_combo.addItem(f"#{r.id} {r.programme_label} {r.status_label}", r.id)
        e = data.current
        if e is not None:
            self.enrollment_combo.setCurrentIndex(self.enrollment_combo.findData(e.id))
            self.facts.setText(
                self.tr(
                    "{programme}: {status}; {amount} yuan per month for {persons} person(s); paid "
                    "from {start}; payee {payee}; next re-check {recheck}"
                ).format(
                    programme=e.programme_label,
                    status=ev.STATUS_LABELS.get(e.status, e.status),
                    amount=fen_to_yuan(e.amount_fen),
                    persons=e.persons,
                    start=f"{e.start_month:%Y-%m}",
                    payee=e.payee_name,
                    recheck=f"{e.next_recheck:%Y-%m}" if e.next_recheck else "-",
                )
            )
        else:
            self.facts.setText(self.tr("This household has no enrollment."))
        self.timeline_model.set_rows(list(data.timeline))
        self._update_buttons()
        self._offer_notices(data)
        self.shown.emit()

    def _offer_notices(self, data: DetailData) -> None:
        """After a change: offer the 告知书 of the 减发/停发/终止 it made."""
        if self._notices_before is not None:
            self.new_notice_ids = [i for i in data.notice_ids if i not in self._notices_before]
            self._notices_before = None
        elif data.household_id != self._notice_household:
            self.new_notice_ids = []
        self._notice_household = data.household_id
        show = bool(self.new_notice_ids) and self.ctx.actor.can("print")
        if show:
            self.notice_label.setText(
                self.tr(
                    "This change reduces, suspends or ends the payment: the family must be told in "
                    "writing ({n} notice(s) with reasons and the right to object)."
                ).format(n=len(self.new_notice_ids))
            )
        self.notice_label.setVisible(show)
        self.notice_button.setVisible(show)

    def print_new_notices(self) -> None:
        """Open the print preview of the 告知书 the last change made (audited)."""
        ids = list(self.new_notice_ids)
        if not ids:
            return
        db, actor = self.ctx.db, self.ctx.actor
        printing.print_document(
            self.ctx, self, lambda: printing_notices.change_notices_pdf(db, actor, ids)[0]
        )

    def _update_buttons(self) -> None:
        e = self.data.current if self.data else None
        actor = self.ctx.actor
        status = e.status if e else ""
        allowed = {
            "adjust": status in ("active", "phase_out"),
            "suspend": status in ("active", "phase_out"),
            "resume": status == "suspended",
            "phase_out": status == "active"
            and e is not None
            and e.programme in ("urban_dibao", "rural_dibao"),
            "terminate": status in ("active", "phase_out", "suspended"),
            "recheck": status in ("active", "phase_out", "suspended"),
            "member": True,
            "account": True,
        }
        tekun = e is not None and e.programme == "tekun"
        rights = {
            "terminate": "enrollment.change" if tekun else "enrollment.decide",
            "member": "register.write",
            "account": "register.write",
        }
        for key, b in self.buttons.items():
            b.setEnabled(allowed[key] and actor.can(rights.get(key, "enrollment.change")))

    def _on_enrollment_combo_activated(self, index: int) -> None:
        if self.data is not None:
            self.open_household(self.data.household_id, self.enrollment_combo.itemData(index))

    # -- actions ----------------------------------------------------------------------------
    def open_action(self, key: str) -> QWidget | None:
        """Open the dialog of action ``key`` (see ``ACTIONS``, "member", "account")."""
        data = self.data
        if data is None:
            return None
        if key == "account":
            dialog: QWidget = AccountDialog(self.ctx, data.household_id, self)
            dialog.saved.connect(lambda _r: self._after_change())  # type: ignore[attr-defined]
        elif key == "member":
            dialog = MemberEventDialog(
                self.ctx, data.household_id, list(data.members), list(data.villages), self
            )
            dialog.performed.connect(lambda _r: self._after_change())
        elif key == "terminate" and data.current is not None and data.current.programme == "tekun":
            return self.open_termination()
        else:
            if data.current is None:
                return None
            change = ChangeDialog(self.ctx, data.current, key, list(data.visits), self)
            change.performed.connect(lambda v: self._after_change_dialog(change, v))
            dialog = change
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def open_termination(self) -> QWidget | None:
        """The 拟终止公示 procedure of the current tekun enrollment (propose, publicity,
        objection, finalise from next month; a death ends it through the member change)."""
        e = self.data.current if self.data else None
        if e is None:
            return None
        dialog = TerminationDialog(self.ctx, e.id, e.payee_name, self)
        dialog.changed.connect(lambda _v: self._after_change())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_change_dialog(self, dialog: ChangeDialog, view: EnrollmentView) -> None:
        self._after_change()
        if dialog.proposes_termination(view):
            self.open_termination()  # the re-check proposed it: continue the procedure

    def _after_change(self) -> None:
        if self.data is not None:
            self._notices_before = set(self.data.notice_ids)
        self.refresh()
        self.changed.emit()
