"""The programme page of the new-application wizard: programme, applicant, reason and
acceptance date, plus the programme's own fields (单人保; 特困 support mode and self-care with
the derived tier; 临时救助 type, months and persons)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from reliefdesk.domain.benefits import care_tier
from reliefdesk.services.casework import SELF_CARE_ITEMS
from reliefdesk.ui import forms
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.widgets.inputs import code_combo, date_edit

if TYPE_CHECKING:
    from reliefdesk.ui.applications.wizard import NewApplicationWizard

PAGE_HOUSEHOLD, PAGE_MEMBERS, PAGE_INCOME, PAGE_PROGRAMME, PAGE_GREEN, PAGE_SUMMARY, PAGE_PAYEE = (
    range(7)
)


class ProgrammePage(QWizardPage):
    """Programme, applicant, reason and acceptance date, plus the programme's own fields:
    单人保 (dibao), 分散/集中供养 and the six self-care items (tekun; the derived tier is
    shown), 急难/支出型, months and persons (temporary aid)."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardProgrammePage")
        self.w = wizard
        self.setTitle(self.tr("Programme and reason"))
        self.programme_combo = code_combo("programmeCombo", lbl.programme_labels(), "rural_dibao")
        self.programme_combo.currentIndexChanged.connect(self._on_programme_changed)
        self.applicant_combo = QComboBox()
        self.applicant_combo.setObjectName("applicantCombo")
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why the household needs assistance"))
        self.reason_edit.setFixedHeight(70)
        self.accepted_edit = date_edit("acceptedOnEdit", maximum=date.today())
        self.single_check = QCheckBox(self.tr("Individual application (single-person dibao)"))
        self.single_check.setObjectName("singlePersonCheck")

        self.care_mode_combo = code_combo("careModeCombo", lbl.care_mode_labels(), "dispersed")
        self.self_care_checks: dict[str, QCheckBox] = {}
        self.tier_label = QLabel()
        self.tier_label.setObjectName("careTierLabel")
        self.tier_label.setProperty("role", "sectionTitle")
        self.tekun_box = QGroupBox(self.tr("Tekun: support mode and self-care assessment"))
        self.tekun_box.setObjectName("tekunBox")
        tk = QGridLayout(self.tekun_box)
        tk.addWidget(QLabel(self.tr("Support mode:")), 0, 0)
        tk.addWidget(self.care_mode_combo, 0, 1)
        for i, (code, text) in enumerate(lbl.self_care_labels().items()):
            check = QCheckBox(text)
            check.setObjectName(f"selfCare_{code}_Check")
            check.setChecked(True)
            check.toggled.connect(self._update_tier)
            self.self_care_checks[code] = check
            tk.addWidget(check, 1 + i // 3, i % 3)
        tk.addWidget(self.tier_label, 3, 0, 1, 3)

        self.aid_type_combo = code_combo("aidTypeCombo", lbl.aid_type_labels(), "emergency")
        self.aid_months = QSpinBox()
        self.aid_months.setObjectName("aidMonthsSpin")
        self.aid_months.setRange(1, 12)
        self.aid_persons = QSpinBox()
        self.aid_persons.setObjectName("aidPersonsSpin")
        self.aid_persons.setRange(1, 20)
        # 致困原因: the same cause twice within 12 months is flagged on the case
        self.aid_cause_combo = code_combo("aidCauseCombo", lbl.aid_cause_labels(), "fire")
        self.aid_box = QGroupBox(self.tr("Temporary aid"))
        self.aid_box.setObjectName("aidBox")

        self.errors = forms.FormErrors(
            {
                "programme": self.programme_combo,
                "applicant_id": self.applicant_combo,
                "reason": self.reason_edit,
                "accepted_on": self.accepted_edit,
                "aid_type": self.aid_type_combo,
                "aid_months": self.aid_months,
                "aid_persons": self.aid_persons,
                "aid_cause": self.aid_cause_combo,
                "self_care": self.care_mode_combo,
                "single_person": self.single_check,
            },
            general=forms.make_error_label("programmeGeneralError", word_wrap=True),
        )
        ak = QFormLayout(self.aid_box)
        ak.addRow(self.tr("Type:"), self.errors.row("aid_type"))
        ak.addRow(self.tr("Cause:"), self.errors.row("aid_cause"))
        ak.addRow(self.tr("Months:"), self.errors.row("aid_months"))
        ak.addRow(self.tr("Persons:"), self.errors.row("aid_persons"))

        form = QFormLayout()
        form.addRow(self.tr("Programme:"), self.errors.row("programme"))
        form.addRow(self.tr("Applicant:"), self.errors.row("applicant_id"))
        form.addRow(self.tr("Reason:"), self.errors.row("reason"))
        form.addRow(self.tr("Accepted on:"), self.errors.row("accepted_on"))
        form.addRow("", self.errors.row("single_person"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tekun_box)
        layout.addWidget(self.aid_box)
        layout.addWidget(self.errors.general_label())
        layout.addStretch(1)
        self._on_programme_changed()
        self._update_tier()

    def initializePage(self) -> None:
        self.w.set_step_title(self)
        current = self.applicant_combo.currentData()
        self.applicant_combo.clear()
        rows = self.w.members_page.rows()
        for r in rows:
            self.applicant_combo.addItem(r.name, r.ref)
        index = self.applicant_combo.findData(current) if current is not None else -1
        self.applicant_combo.setCurrentIndex(max(index, 0))
        self.aid_persons.setValue(max(1, len(rows)))
        if not self.w.programme_touched:
            area = self.w.area_type()
            self.programme_combo.setCurrentIndex(
                self.programme_combo.findData("urban_dibao" if area == "urban" else "rural_dibao")
            )

    def programme(self) -> str:
        return str(self.programme_combo.currentData())

    @Slot()
    def _on_programme_changed(self) -> None:
        p = self.programme()
        self.tekun_box.setVisible(p == "tekun")
        self.aid_box.setVisible(p == "temporary_aid")
        self.single_check.setVisible(p in ("urban_dibao", "rural_dibao"))

    def self_care(self) -> dict[str, bool]:
        return {k: self.self_care_checks[k].isChecked() for k in SELF_CARE_ITEMS}

    @Slot()
    def _update_tier(self) -> None:
        tier = care_tier(**self.self_care()).value
        self.tier_label.setText(
            self.tr("Derived care tier: {tier}").format(
                tier=lbl.label(lbl.care_tier_labels(), tier)
            )
        )

    def fields(self) -> dict[str, Any]:
        p = self.programme()
        if p in ("urban_dibao", "rural_dibao"):
            return {"single_person": self.single_check.isChecked()}
        if p == "tekun":
            return {"care_mode": self.care_mode_combo.currentData(), "self_care": self.self_care()}
        return {
            "aid_type": self.aid_type_combo.currentData(),
            "aid_cause": self.aid_cause_combo.currentData(),
            "aid_months": self.aid_months.value(),
            "aid_persons": self.aid_persons.value(),
        }

    def validatePage(self) -> bool:
        if self.applicant_combo.currentData() is None:
            self.errors.set_field_error("applicant_id", self.tr("Please choose the applicant."))
            return False
        return True

    def nextId(self) -> int:
        if self.programme() == "temporary_aid" and self.aid_type_combo.currentData() == "emergency":
            return PAGE_GREEN
        return PAGE_PAYEE
