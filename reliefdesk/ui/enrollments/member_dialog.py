"""成员变动 dialog: death, birth, moving in or out, marriage, prison or military service
(DOMAIN §2.3), and the household's transfer to another village or out of the county. The
services (``member_events``, ``enrollment_events``) apply the effect on the enrollment from
the month after the event and keep the event with its date and reason.
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
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import enrollment_events as ev
from reliefdesk.services import member_events as me
from reliefdesk.services.register.types import PersonInput, PersonView, VillageView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import make_error_label
from reliefdesk.ui.ops import MutationOp

PERSON_EVENTS = (
    "death",
    "move_out",
    "marriage_out",
    "prison",
    "prison_end",
    "conscript",
    "conscript_end",
)
NEW_PERSON_EVENTS = ("birth", "move_in", "marriage_in")
HOUSEHOLD_EVENTS = ("transfer", "transfer_out_county")


def event_titles() -> dict[str, str]:
    return {
        "death": QCoreApplication.translate("MemberEvents", "Death"),
        "birth": QCoreApplication.translate("MemberEvents", "Birth"),
        "move_in": QCoreApplication.translate("MemberEvents", "Moved in"),
        "marriage_in": QCoreApplication.translate("MemberEvents", "Married in"),
        "move_out": QCoreApplication.translate("MemberEvents", "Moved out"),
        "marriage_out": QCoreApplication.translate("MemberEvents", "Married out"),
        "prison": QCoreApplication.translate("MemberEvents", "Entered prison"),
        "prison_end": QCoreApplication.translate("MemberEvents", "Released from prison"),
        "conscript": QCoreApplication.translate("MemberEvents", "Entered military service"),
        "conscript_end": QCoreApplication.translate("MemberEvents", "Left military service"),
        "transfer": QCoreApplication.translate(
            "MemberEvents", "Moved to another village or township"
        ),
        "transfer_out_county": QCoreApplication.translate(
            "MemberEvents", "Moved out of the county"
        ),
    }


class MemberEventDialog(QDialog):
    """``performed(object)`` with the service's result after the event was recorded."""

    performed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        household_id: int,
        members: list[PersonView],
        villages: list[VillageView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberEventDialog")
        self.setWindowTitle(self.tr("Member change - household {id}").format(id=household_id))
        self.ctx, self.household_id = ctx, household_id
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("memberEventKindCombo")
        for code, text in event_titles().items():
            self.kind_combo.addItem(text, code)
        self.kind_combo.currentIndexChanged.connect(self._update_fields)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("memberEventPersonCombo")
        for m in members:
            if m.deceased_on is None:
                self.person_combo.addItem(m.name, m.id)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("memberEventDateEdit")
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("memberEventNameEdit")
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("memberEventIdEdit")
        self.relation_combo = QComboBox()
        self.relation_combo.setObjectName("memberEventRelationCombo")
        from reliefdesk.ui.labels import register as labels

        for code, text in labels.relations().items():
            if code != "head":
                self.relation_combo.addItem(text, code)
        self.village_combo = QComboBox()
        self.village_combo.setObjectName("memberEventVillageCombo")
        for v in villages:
            self.village_combo.addItem(v.name, v.id)
        self.destination_edit = QLineEdit()
        self.destination_edit.setObjectName("memberEventDestinationEdit")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("memberEventReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("e.g. death certificate no., police notice"))
        self.error_label = make_error_label("memberEventError", word_wrap=True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Change"), self.kind_combo)
        self.form.addRow(self.tr("&Member"), self.person_combo)
        self.form.addRow(self.tr("&Date"), self.date_edit)
        self.form.addRow(self.tr("&Name"), self.name_edit)
        self.form.addRow(self.tr("&ID number"), self.id_edit)
        self.form.addRow(self.tr("&Relation to head"), self.relation_combo)
        self.form.addRow(self.tr("New &village"), self.village_combo)
        self.form.addRow(self.tr("&Destination"), self.destination_edit)
        self.form.addRow(self.tr("&Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("memberEventOkButton")
        self.buttons.accepted.connect(self.perform)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(500, 0)
        self._update_fields()

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _update_fields(self) -> None:
        kind = self.kind()
        self.form.setRowVisible(self.person_combo, kind in PERSON_EVENTS)
        for w in (self.name_edit, self.id_edit, self.relation_combo):
            self.form.setRowVisible(w, kind in NEW_PERSON_EVENTS)
        self.form.setRowVisible(self.village_combo, kind == "transfer")
        self.form.setRowVisible(self.destination_edit, kind == "transfer_out_county")

    def _op(self) -> Callable[[], Any]:
        db, actor, hid, kind = self.ctx.db, self.ctx.actor, self.household_id, self.kind()
        q = self.date_edit.date()
        on = date(q.year(), q.month(), q.day())
        reason = self.reason_edit.text().strip()
        pid = self.person_combo.currentData()
        if kind == "death":
            return lambda: me.record_death(db, actor, int(pid), on, reason=reason)
        if kind in ("move_out", "marriage_out"):
            return lambda: me.record_move_out(
                db, actor, int(pid), on, marriage=kind == "marriage_out", reason=reason
            )
        if kind in ("prison", "prison_end", "conscript", "conscript_end"):
            base = kind.removesuffix("_end")
            return lambda: me.record_exclusion(
                db, actor, int(pid), base, on, ending=kind.endswith("_end"), reason=reason
            )
        if kind in NEW_PERSON_EVENTS:
            data = PersonInput(
                name=self.name_edit.text(),
                id_number=self.id_edit.text(),
                relation=str(self.relation_combo.currentData()),
            )
            if kind == "birth":
                return lambda: me.record_birth(db, actor, hid, data, on, reason=reason)
            return lambda: me.record_move_in(
                db, actor, hid, data, on, marriage=kind == "marriage_in", reason=reason
            )
        if kind == "transfer":
            vid = int(self.village_combo.currentData())
            return lambda: ev.transfer_household(db, actor, hid, vid, on_date=on, reason=reason)
        dest = self.destination_edit.text()
        return lambda: ev.transfer_out_of_county(
            db, actor, hid, on_date=on, destination=dest, reason=reason
        )

    def perform(self) -> None:
        self.error_label.hide()
        self.ok_button.setEnabled(False)
        MutationOp(parent=self, op=self._op(), success=self._done).failure(self._failed).always(
            lambda: self.ok_button.setEnabled(True)
        ).run_in_background()

    def _done(self, result: object) -> None:
        self.performed.emit(result)
        self.accept()

    def _failed(self, error: ReliefError) -> None:
        self.error_label.setText(str(error))
        self.error_label.show()
