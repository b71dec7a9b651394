"""Dialog for the recorded decisions of a case (:mod:`reliefdesk.services.casework.facts`):
the county's approval of a temporary-aid amount above the township limit, the 一事一议
decision (date, body, participants, minutes reference, amount), the county's own home visit of
a near-relative case, and the dibao 特事特办/先行纳入 authorisation (who authorised, why, the
deadline for the ordinary steps). The service validates; errors show next to the fields."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.errors import ReliefError
from reliefdesk.services.casework import ApplicationView
from reliefdesk.ui.applications.action_dialog import ActionDialog
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.widgets.inputs import date_edit, parse_yuan, to_date

RECORD_ACTIONS = (
    "record_county_approval",
    "record_case_by_case",
    "record_county_visit",
    "authorise_green",
)


class RecordDialog(ActionDialog):
    """One of :data:`RECORD_ACTIONS` on ``app``."""

    def __init__(
        self, ctx: AppContext, app: ApplicationView, action: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, app, action, parent, build=False)
        self.setObjectName("recordDialog")
        self.setMinimumWidth(520)
        self.body_edit = self._line("recordBodyEdit")
        self.participants_edit = self._line("recordParticipantsEdit")
        self.reference_edit = self._line("recordReferenceEdit")
        self.record_amount_edit = self._line("recordAmountEdit")
        self.due_edit = date_edit(
            "recordDueEdit",
            date.today() + timedelta(days=30),
            minimum=date.today() + timedelta(days=1),
        )
        if action == "record_case_by_case" and app.proposed_fen:
            self.record_amount_edit.setText(fen_to_yuan(app.proposed_fen))
        if action == "record_county_approval":
            self.body_edit.setPlaceholderText(self.tr("e.g. county civil affairs bureau"))
            self.participants_edit.setPlaceholderText(self.tr("who approved"))
            self.reference_edit.setPlaceholderText(self.tr("document number (optional)"))
            self.record_amount_edit.setPlaceholderText(
                self.tr("leave empty to keep the proposed amount")
            )
        elif action == "record_case_by_case":
            self.body_edit.setPlaceholderText(self.tr("e.g. county coordination mechanism"))
            self.participants_edit.setPlaceholderText(self.tr("departments and persons present"))
            self.reference_edit.setPlaceholderText(self.tr("minutes number"))
        elif action == "record_county_visit":
            self.body_edit.setPlaceholderText(self.tr("e.g. county civil affairs bureau"))
            self.participants_edit.setPlaceholderText(
                self.tr("county investigators, at least two, separated by commas")
            )
        else:
            self.participants_edit.setPlaceholderText(self.tr("name and post of who authorised"))
            self.record_amount_edit.setPlaceholderText(
                self.tr("leave empty to use the calculated amount")
            )
        self.build()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    def extra_rows(self) -> list[tuple[str, str | None, QWidget]]:
        a = self.action
        if a == "record_county_approval":
            return [
                (self.tr("Approved by (body):"), "body", self.body_edit),
                (self.tr("Approver:"), "participants", self.participants_edit),
                (self.tr("Document no.:"), "reference", self.reference_edit),
                (self.tr("Approved amount (yuan):"), "amount_fen", self.record_amount_edit),
            ]
        if a == "record_case_by_case":
            return [
                (self.tr("Decided by (body):"), "body", self.body_edit),
                (self.tr("Participants:"), "participants", self.participants_edit),
                (self.tr("Minutes ref.:"), "reference", self.reference_edit),
                (self.tr("Decided amount (yuan):"), "amount_fen", self.record_amount_edit),
            ]
        if a == "record_county_visit":
            return [
                (self.tr("County unit:"), "body", self.body_edit),
                (self.tr("Investigators:"), "participants", self.participants_edit),
            ]
        return [
            (self.tr("Authorised by:"), "participants", self.participants_edit),
            (self.tr("Complete the steps by:"), "due_on", self.due_edit),
            (self.tr("Amount (yuan):"), "amount_fen", self.record_amount_edit),
        ]

    def extra(self) -> dict[str, Any] | None:
        data: dict[str, Any] = {
            "body": self.body_edit.text().strip(),
            "participants": self.participants_edit.text().strip(),
            "reference": self.reference_edit.text().strip(),
        }
        try:
            fen = parse_yuan(self.record_amount_edit.text())
        except ReliefError as exc:
            self.errors.set_field_error("amount_fen", str(exc))
            return None
        if fen is not None:
            data["amount_fen"] = fen
        if self.action == "authorise_green":
            data["due_on"] = to_date(self.due_edit.date())
        return data
