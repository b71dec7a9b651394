"""The payee, bank account and materials page of the new-application wizard.

The payee is chosen among the members and the account is checked like the roster checks it
(``register.add_account``, in the wizard's one transaction), so a household created here can
be paid. The applicant's materials received (申请书, 授权书, 承诺书, ID card and 户口本 copies)
are ticked here and printed on the 审批表 as 已收/未收.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWizardPage,
)

from reliefdesk.services.intake import AccountLine, MemberRef
from reliefdesk.ui import forms
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.widgets.inputs import code_combo, hint_label

if TYPE_CHECKING:
    from reliefdesk.ui.applications.wizard import NewApplicationWizard


class PayeePage(QWizardPage):
    """收款人、账户与申请材料."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardPayeePage")
        self.w = wizard
        self.setTitle(self.tr("Payee, account and materials"))
        self.setSubTitle(
            self.tr(
                "Who receives the money and on which account; which papers "
                "the applicant has handed in."
            )
        )
        self.account_check = QCheckBox(self.tr("Record the payment account now"))
        self.account_check.setObjectName("accountRecordCheck")
        self.account_check.setChecked(True)
        self.account_check.toggled.connect(self._on_account_check_toggled)
        self.payee_combo = QComboBox()
        self.payee_combo.setObjectName("payeeCombo")
        self.kind_combo = code_combo("accountKindCombo", lbl.account_kind_labels(), "bank_card")
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("accountNumberEdit")
        self.number_edit.setPlaceholderText(self.tr("16 to 19 digits"))
        self.bank_edit = QLineEdit()
        self.bank_edit.setObjectName("accountBankEdit")
        self.bank_edit.setPlaceholderText(self.tr("Bank and branch name"))
        self.holder_edit = QLineEdit()
        self.holder_edit.setObjectName("accountHolderEdit")
        self.holder_edit.setPlaceholderText(self.tr("Same as the payee if empty"))
        self.errors = forms.FormErrors(
            {
                "payee_person_id": self.payee_combo,
                "kind": self.kind_combo,
                "number": self.number_edit,
                "bank_name": self.bank_edit,
                "holder_name": self.holder_edit,
            },
            general=forms.make_error_label("payeeGeneralError", word_wrap=True),
        )
        self.errors.error_label("number").setWordWrap(True)
        self.account_box = QGroupBox(self.tr("Payment account"))
        self.account_box.setObjectName("accountBox")
        form = QFormLayout(self.account_box)
        form.addRow(self.tr("Payee:"), self.errors.row("payee_person_id"))
        form.addRow(self.tr("Account type:"), self.errors.row("kind"))
        form.addRow(self.tr("Card or account number:"), self.errors.row("number"))
        form.addRow(self.tr("Bank / branch:"), self.errors.row("bank_name"))
        form.addRow(self.tr("Account holder:"), self.errors.row("holder_name"))

        self.material_checks: dict[str, QCheckBox] = {}
        materials = QGroupBox(self.tr("Materials received"))
        materials.setObjectName("materialsBox")
        grid = QGridLayout(materials)
        for i, (kind, text) in enumerate(lbl.material_labels().items()):
            check = QCheckBox(text)
            check.setObjectName(f"material_{kind}_Check")
            check.setChecked(kind != "other_proof")
            self.material_checks[kind] = check
            grid.addWidget(check, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.account_check)
        layout.addWidget(self.account_box)
        layout.addWidget(
            hint_label(
                self.tr(
                    "The number is checked as the roster checks it; the full number is kept but shown "
                    "masked elsewhere. Scanned copies can be attached on the case page."
                )
            )
        )
        layout.addWidget(materials)
        layout.addWidget(self.errors.general_label())
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.w.set_step_title(self)
        current = self.payee_combo.currentData()
        applicant = self.w.programme_page.applicant_combo.currentData()
        self.payee_combo.clear()
        for r in self.w.members_page.rows():
            self.payee_combo.addItem(r.name, r.ref)
        wanted = current if current is not None else applicant
        index = self.payee_combo.findData(wanted) if wanted is not None else -1
        self.payee_combo.setCurrentIndex(max(index, 0))

    def nextId(self) -> int:
        from reliefdesk.ui.applications.wizard_programme import PAGE_SUMMARY

        return PAGE_SUMMARY

    def _on_account_check_toggled(self, checked: bool) -> None:
        self.account_box.setEnabled(checked)

    def has_input(self) -> bool:
        return bool(self.number_edit.text().strip())

    def account(self) -> AccountLine | None:
        if not self.account_check.isChecked():
            return None
        payee = self.payee_combo.currentData()
        return AccountLine(
            payee if isinstance(payee, MemberRef) else MemberRef(),
            str(self.kind_combo.currentData()),
            self.number_edit.text().strip(),
            self.bank_edit.text().strip(),
            self.holder_edit.text().strip(),
        )

    def materials(self) -> dict[str, bool]:
        return {k: c.isChecked() for k, c in self.material_checks.items()}

    def forget_member(self, index: int) -> None:
        """A new member was removed: the payee choice is rebuilt on the next visit."""
        ref = self.payee_combo.currentData()
        if isinstance(ref, MemberRef) and ref.new_index is not None and ref.new_index >= index:
            self.payee_combo.setCurrentIndex(-1)
