"""The household's own fields (village, address, urban/rural, phone, 代管 and its agreement) as
a reusable form: on the household page (saved with Ctrl+S) and in the new-household dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from reliefdesk.services.register.types import HouseholdInput, HouseholdView, TownshipView
from reliefdesk.ui.forms import FormErrors
from reliefdesk.ui.labels import register as labels


class HouseholdForm(QWidget):
    """Fields named after ``HouseholdInput``; ``errors`` shows service errors by field."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.village_combo = QComboBox()
        self.village_combo.setObjectName(f"{prefix}Village")
        self.village_combo.addItem(self.tr("(choose a village)"), None)
        self.area_combo = QComboBox()
        self.area_combo.setObjectName(f"{prefix}AreaType")
        self.area_combo.addItem(self.tr("(choose)"), None)
        for code, text in labels.area_types().items():
            self.area_combo.addItem(text, code)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName(f"{prefix}Address")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName(f"{prefix}Phone")
        self.entrusted_check = QCheckBox(
            self.tr("Passbook or card held in trust (written agreement required)")
        )
        self.entrusted_check.setObjectName(f"{prefix}Entrusted")
        self.agreement_edit = QLineEdit()
        self.agreement_edit.setObjectName(f"{prefix}AgreementNo")
        self.agreement_date = QDateEdit()
        self.agreement_date.setObjectName(f"{prefix}AgreementDate")
        self.agreement_date.setCalendarPopup(True)
        self.agreement_date.setDisplayFormat("yyyy-MM-dd")
        self.agreement_date.setDate(QDate.currentDate())
        self.near_dibao_check = QCheckBox(self.tr("Near-dibao household (低保边缘)"))
        self.near_dibao_check.setObjectName(f"{prefix}NearDibao")
        self.errors = FormErrors(
            {
                "village_id": self.village_combo,
                "area_type": self.area_combo,
                "address": self.address_edit,
                "phone": self.phone_edit,
                "entrust_agreement_no": self.agreement_edit,
                "entrust_agreement_date": self.agreement_date,
            }
        )
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Village"), self.errors.row("village_id"))
        self.form.addRow(self.tr("Urban/rural"), self.errors.row("area_type"))
        self.form.addRow(self.tr("Address"), self.errors.row("address"))
        self.form.addRow(self.tr("Phone"), self.errors.row("phone"))
        self.form.addRow("", self.entrusted_check)
        self.form.addRow(self.tr("Agreement no."), self.errors.row("entrust_agreement_no"))
        self.form.addRow(self.tr("Agreement date"), self.errors.row("entrust_agreement_date"))
        self.form.addRow("", self.near_dibao_check)
        self.entrusted_check.toggled.connect(self._on_entrusted_check_toggled)
        self._on_entrusted_check_toggled(False)
        self._note = ""
        self._loaded_phone = ""

    def set_townships(self, townships: list[TownshipView]) -> None:
        current = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        while self.village_combo.count() > 1:
            self.village_combo.removeItem(1)
        many = len(townships) > 1
        for t in townships:
            for v in t.villages:
                self.village_combo.addItem(f"{t.name} {v.name}" if many else v.name, v.id)
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(current)))
        self.village_combo.blockSignals(False)

    def load(self, h: HouseholdView) -> None:
        """Show ``h`` (clears errors)."""
        self.errors.clear()
        index = self.village_combo.findData(h.village_id)
        if index < 0:
            self.village_combo.addItem(h.village_name, h.village_id)
            index = self.village_combo.count() - 1
        self.village_combo.setCurrentIndex(index)
        self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(h.area_type)))
        self.address_edit.setText(h.address)
        self.phone_edit.setText(h.phone)
        self._loaded_phone = h.phone
        self.entrusted_check.setChecked(h.entrusted)
        self.agreement_edit.setText(h.entrust_agreement_no)
        if h.entrust_agreement_date is not None:
            d = h.entrust_agreement_date
            self.agreement_date.setDate(QDate(d.year, d.month, d.day))
        self.near_dibao_check.setChecked(h.near_dibao)
        self._note = h.note

    def phone_unchanged(self) -> bool:
        """True when the phone field still holds what was loaded (possibly masked)."""
        return self.phone_edit.text() == self._loaded_phone

    def data(self) -> HouseholdInput:
        entrusted = self.entrusted_check.isChecked()
        qd = self.agreement_date.date()
        return HouseholdInput(
            village_id=self.village_combo.currentData() or 0,
            area_type=self.area_combo.currentData() or "",
            address=self.address_edit.text(),
            phone=self.phone_edit.text(),
            entrusted=entrusted,
            entrust_agreement_no=self.agreement_edit.text(),
            entrust_agreement_date=date(qd.year(), qd.month(), qd.day()) if entrusted else None,
            near_dibao=self.near_dibao_check.isChecked(),
            note=self._note,
        )

    @Slot(bool)
    def _on_entrusted_check_toggled(self, on: bool) -> None:
        self.agreement_edit.setEnabled(on)
        self.agreement_date.setEnabled(on)
