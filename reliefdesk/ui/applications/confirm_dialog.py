"""审核确认 (confirmation): decision 同意/不予确认, opinion, reasons when refusing, signed by the
current user on a date. Approving creates the enrollment paying from the next month."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from reliefdesk.domain.money import fen_to_yuan, to_capital
from reliefdesk.domain.months import next_month
from reliefdesk.errors import ReliefError
from reliefdesk.services.casework import ApplicationView
from reliefdesk.ui.applications.action_dialog import ActionDialog
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.widgets.inputs import code_combo


class ConfirmDialog(ActionDialog):
    """The confirmation dialog (action ``confirm``)."""

    def __init__(
        self, ctx: AppContext, app: ApplicationView, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, app, "confirm", parent, build=False)
        self.setObjectName("confirmDialog")
        decisions = lbl.decision_labels()
        self.approve_radio = QRadioButton(decisions["approve"])
        self.approve_radio.setObjectName("confirmApproveRadio")
        self.refuse_radio = QRadioButton(decisions["refuse"])
        self.refuse_radio.setObjectName("confirmRefuseRadio")
        group = QButtonGroup(self)
        group.addButton(self.approve_radio)
        group.addButton(self.refuse_radio)
        self.approve_radio.setChecked(True)
        self.reasons_edit = QPlainTextEdit()
        self.reasons_edit.setObjectName("confirmReasonsEdit")
        self.reasons_edit.setFixedHeight(70)
        self.reasons_edit.setPlaceholderText(
            self.tr("Required when refusing; sent to the applicant in the written notice")
        )
        self.stability_combo = code_combo(
            "confirmStabilityCombo",
            {
                "stable": self.tr("Stable income (re-check yearly)"),
                "unstable": self.tr("Unstable income (re-check every 6 months)"),
            },
            "stable",
        )
        self.decision_row = QWidget()
        row = QHBoxLayout(self.decision_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.approve_radio)
        row.addWidget(self.refuse_radio)
        row.addStretch(1)
        self.amount_label = QLabel(
            self.tr("{yuan} yuan ({capital})").format(
                yuan=fen_to_yuan(app.proposed_fen or 0), capital=to_capital(app.proposed_fen or 0)
            )
        )
        self.amount_label.setObjectName("confirmAmountLabel")
        self.start_label = QLabel()  # paid from the month after the confirmation date
        self.start_label.setObjectName("confirmStartMonthLabel")
        self.build()
        self.date_edit.dateChanged.connect(self._show_start_month)
        self._show_start_month()
        self.refuse_radio.toggled.connect(self._on_refuse_toggled)
        self._on_refuse_toggled(False)

    def extra_rows(self) -> list[tuple[str, str | None, QWidget]]:
        rows: list[tuple[str, str | None, QWidget]] = [
            (self.tr("Proposed amount:"), None, self.amount_label),
            (self.tr("Paid from:"), None, self.start_label),
            (self.tr("Decision:"), None, self.decision_row),
            (self.tr("Reasons for refusal:"), "reasons", self.reasons_edit),
        ]
        if self.app.programme in ("urban_dibao", "rural_dibao"):
            rows.append((self.tr("Household type:"), "stability", self.stability_combo))
        return rows

    @Slot()
    def _show_start_month(self) -> None:
        """下月起发放 (民发〔2021〕57号 第二十一条): the month after the confirmation date, the
        month the enrollment, the 审批表 and the 确认通知书 all show."""
        q = self.date_edit.date()
        start = next_month(date(q.year(), q.month(), q.day()))
        self.start_label.setText(
            self.tr("{month} (the month after the confirmation date)").format(
                month=f"{start:%Y-%m}"
            )
        )

    @Slot(bool)
    def _on_refuse_toggled(self, refuse: bool) -> None:
        self.reasons_edit.setEnabled(refuse)
        self.stability_combo.setEnabled(not refuse)
        self.ok_button.setText(
            lbl.decision_labels()["refuse"] if refuse else self.tr("Confirm approval")
        )

    def decision(self) -> str:
        return "refuse" if self.refuse_radio.isChecked() else "approve"

    def opinion(self) -> str:
        """The opinion; when refusing, the reasons lead (the service keeps them as the
        decision's reasons for the written notice)."""
        opinion = self.opinion_edit.toPlainText().strip()
        if self.decision() == "refuse":
            reasons = self.reasons_edit.toPlainText().strip()
            if not reasons:
                return ""
            return f"{reasons}\n{opinion}".strip() if opinion else reasons
        return opinion

    def extra(self) -> dict[str, Any] | None:
        return {"stability": self.stability_combo.currentData()}

    def show_error(self, error: ReliefError) -> None:
        if error.field == "opinion" and self.decision() == "refuse":
            self.errors.set_field_error("reasons", str(error))
            return
        self.errors.show_error(error)
