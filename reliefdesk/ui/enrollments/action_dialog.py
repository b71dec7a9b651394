"""One dialog for every change of an enrollment (动态管理): 增发/减发, 停发, 恢复发放, 渐退,
终止, and 复核 with its result and visit. Each asks for the date, the effective month and the
reason; the service records the change (with user and audit) and the next roster shows it as
a 变动 with that reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.domain.money import fen_to_yuan, yuan_to_fen
from reliefdesk.domain.months import month_start, next_month
from reliefdesk.errors import ReliefError, ValidationError
from reliefdesk.services import enrollment_events as ev
from reliefdesk.services import enrollments as en
from reliefdesk.services.enrollments import EnrollmentView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import make_error_label
from reliefdesk.ui.ops import MutationOp

ACTIONS = ("adjust", "suspend", "resume", "phase_out", "terminate", "recheck")


def action_titles() -> dict[str, str]:
    return {
        "adjust": QCoreApplication.translate(
            "EnrollmentActions", "Adjust amount (increase/decrease)"
        ),
        "suspend": QCoreApplication.translate("EnrollmentActions", "Suspend payment"),
        "resume": QCoreApplication.translate("EnrollmentActions", "Resume payment"),
        "phase_out": QCoreApplication.translate("EnrollmentActions", "Start phase-out"),
        "terminate": QCoreApplication.translate("EnrollmentActions", "Terminate"),
        "recheck": QCoreApplication.translate("EnrollmentActions", "Record re-check result"),
    }


def recheck_results() -> dict[str, str]:
    return {
        "unchanged": QCoreApplication.translate("EnrollmentActions", "Unchanged"),
        "adjusted": QCoreApplication.translate("EnrollmentActions", "Amount adjusted"),
        "phase_out": QCoreApplication.translate("EnrollmentActions", "Phase-out"),
        "terminated": QCoreApplication.translate("EnrollmentActions", "Terminated"),
    }


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ChangeDialog(QDialog):
    """``performed(EnrollmentView)`` after the service recorded the change."""

    performed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        view: EnrollmentView,
        action: str,
        visits: list[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrollmentChangeDialog")
        self.ctx, self.view, self.action = ctx, view, action
        self.setWindowTitle(action_titles()[action])
        info = QLabel(
            self.tr("{payee} - {programme}, {amount} yuan per month, {status}").format(
                payee=view.payee_name,
                programme=view.programme_label,
                amount=fen_to_yuan(view.amount_fen),
                status=ev.STATUS_LABELS.get(view.status, view.status),
            )
        )
        info.setObjectName("enrollmentChangeInfo")
        today = date.today()
        self.date_edit = QDateEdit(_qdate(today))
        self.date_edit.setObjectName("changeDateEdit")
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.month_edit = QDateEdit(_qdate(max(next_month(today), view.start_month)))
        self.month_edit.setObjectName("changeMonthEdit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setMinimumDate(_qdate(view.start_month))
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("changeAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("New monthly amount in yuan"))
        self.grounds_combo = QComboBox()
        self.grounds_combo.setObjectName("changeGroundsCombo")
        table = (
            en.TEKUN_TERMINATION_GROUNDS
            if view.programme == "tekun"
            else en.DIBAO_TERMINATION_GROUNDS
        )
        for code, text in table.items():
            self.grounds_combo.addItem(text, code)
        self.result_combo = QComboBox()
        self.result_combo.setObjectName("changeResultCombo")
        for code, text in recheck_results().items():
            self.result_combo.addItem(text, code)
        self.result_combo.currentIndexChanged.connect(self._update_fields)
        self.visit_combo = QComboBox()
        self.visit_combo.setObjectName("changeVisitCombo")
        self.visit_combo.addItem(self.tr("(no visit)"), None)
        for vid, text in visits or []:
            self.visit_combo.addItem(text, vid)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("changeReasonEdit")
        self.reason_edit.setFixedHeight(70)
        self.error_label = make_error_label("changeErrorLabel", word_wrap=True)

        self.form = QFormLayout()
        self.form.addRow(info)
        self.form.addRow(self.tr("&Decided on"), self.date_edit)
        self.form.addRow(self.tr("&Effective from month"), self.month_edit)
        if action == "recheck":
            self.form.addRow(self.tr("Re-check &result"), self.result_combo)
            self.form.addRow(self.tr("&Visit"), self.visit_combo)
        self.form.addRow(self.tr("New &amount (yuan)"), self.amount_edit)
        self.form.addRow(self.tr("&Grounds"), self.grounds_combo)
        self.form.addRow(self.tr("&Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("changeOkButton")
        self.buttons.accepted.connect(self.perform)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(520, 0)
        self._update_fields()

    def _update_fields(self) -> None:
        result = self.result_combo.currentData() if self.action == "recheck" else None
        amount = self.action == "adjust" or result == "adjusted"
        grounds = self.action == "terminate" or result == "terminated"
        self.form.setRowVisible(self.amount_edit, amount)
        self.form.setRowVisible(self.grounds_combo, grounds)

    def _op(self) -> Callable[[], Any]:
        db, actor, v = self.ctx.db, self.ctx.actor, self.view
        on = _pydate(self.date_edit.date())
        month = month_start(_pydate(self.month_edit.date()))
        reason = self.reason_edit.toPlainText().strip()
        grounds = str(self.grounds_combo.currentData())
        result = str(self.result_combo.currentData())
        needs_amount = self.action == "adjust" or (
            self.action == "recheck" and result == "adjusted"
        )
        fen = 0
        if needs_amount:
            try:
                fen = yuan_to_fen(self.amount_edit.text())
            except ValidationError as error:
                raise ValidationError(str(error), code=error.code, field="new_fen") from None
        ver = v.version
        if self.action == "adjust":
            return lambda: en.change_amount(
                db,
                actor,
                v.id,
                fen,
                reason,
                effective_month=month,
                on_date=on,
                expected_version=ver,
            )
        if self.action == "suspend":
            return lambda: en.suspend(
                db, actor, v.id, reason, effective_month=month, on_date=on, expected_version=ver
            )
        if self.action == "resume":
            return lambda: en.resume(
                db, actor, v.id, reason, effective_month=month, on_date=on, expected_version=ver
            )
        if self.action == "phase_out":
            return lambda: en.start_phase_out(
                db, actor, v.id, reason, start_month=month, on_date=on, expected_version=ver
            )
        if self.action == "terminate":
            return lambda: en.terminate(
                db,
                actor,
                v.id,
                grounds,
                reason,
                effective_month=month,
                on_date=on,
                expected_version=ver,
            )
        visit = self.visit_combo.currentData()
        return lambda: ev.record_recheck_result(
            db,
            actor,
            v.id,
            result,
            on_date=on,
            reason=reason,
            visit_id=visit,
            new_fen=fen or None,
            grounds=grounds if result == "terminated" else None,
            effective_month=month,
            expected_version=v.version,
        )

    def proposes_termination(self, view: EnrollmentView) -> bool:
        """The re-check result was a tekun termination the service put into publicity."""
        return (
            self.action == "recheck"
            and self.result_combo.currentData() == "terminated"
            and view.programme == "tekun"
            and view.status != "terminated"
        )

    def perform(self) -> None:
        """Record the change (in the background); errors stay in the dialog."""
        self.error_label.hide()
        try:
            op = self._op()
        except ReliefError as error:
            self._failed(error)
            return
        self.ok_button.setEnabled(False)
        MutationOp(parent=self, op=op, success=self._done).failure(self._failed).always(
            lambda: self.ok_button.setEnabled(True)
        ).run_in_background()

    def _done(self, view: EnrollmentView) -> None:
        self.performed.emit(view)
        self.accept()

    def _failed(self, error: ReliefError) -> None:
        self.error_label.setText(str(error))
        self.error_label.show()
