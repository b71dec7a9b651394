"""Add one monthly income item (收入) or one asset (财产) of a household.

Amounts are typed in 元 and read with ``domain.money.entered_amount_fen``: a negative amount
says it cannot be negative and more than two decimals is refused, never rounded. Income can be
typed per month or per year (farm income) and is stored monthly
(``domain.money.monthly_from_yearly``). Messages show next to the field; the form is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.domain.money import entered_amount_fen, fen_to_yuan, monthly_from_yearly
from reliefdesk.errors import ReliefError, ValidationError
from reliefdesk.services import register
from reliefdesk.services.register.types import PersonView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.labels import register as labels
from reliefdesk.ui.ops import MutationOp


class _MoneyDialog(QDialog):
    saved = Signal(object)
    errors: FormErrors  # made by the subclass before _finish_layout

    def _finish_layout(self, form: QFormLayout, name: str) -> None:
        self.general_error = make_error_label(f"{name}GeneralError", word_wrap=True)
        self.errors.general = self.general_error
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName(f"{name}SaveButton")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _amount(self, edit: QLineEdit, field: str, what: str = "金额") -> int:
        try:
            return entered_amount_fen(edit.text(), what)
        except ValidationError as error:
            raise ValidationError(str(error), code=error.code, field=field) from None

    def _on_buttons_accepted(self) -> None:
        raise NotImplementedError

    def _run(self, op: Callable[[], object]) -> None:
        self.save_button.setEnabled(False)
        MutationOp(parent=self, op=op, success=self._on_saved).failure(self._on_failed).always(
            lambda: self.save_button.setEnabled(True)
        ).run_in_background()

    def _on_saved(self, view: object) -> None:
        self.saved.emit(view)
        self.accept()

    def _on_failed(self, error: ReliefError) -> None:
        self.errors.show_error(error)


class IncomeDialog(_MoneyDialog):
    """Add an income item; ``members`` fill the "whose income" combo."""

    def __init__(
        self,
        ctx: AppContext,
        household_id: int,
        members: tuple[PersonView, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incomeDialog")
        self.setWindowTitle(self.tr("Add income"))
        self.setMinimumWidth(460)
        self._ctx, self._household_id = ctx, household_id
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("incomePerson")
        self.person_combo.addItem(self.tr("Whole household"), None)
        for m in members:
            self.person_combo.addItem(m.name, m.id)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("incomeCategory")
        for code, text in labels.income_categories().items():
            self.category_combo.addItem(text, code)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("incomeAmount")
        self.amount_edit.setPlaceholderText(self.tr("Yuan, e.g. 850.00"))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("incomePeriod")
        self.period_combo.addItem(self.tr("per month"), "month")
        self.period_combo.addItem(self.tr("per year"), "year")
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("incomeDescription")
        self.errors = FormErrors(
            {
                "person_id": self.person_combo,
                "category": self.category_combo,
                "monthly_fen": self.amount_edit,
            }
        )
        form = QFormLayout()
        form.addRow(self.tr("Whose income"), self.errors.row("person_id"))
        form.addRow(self.tr("Category"), self.errors.row("category"))
        form.addRow(self.tr("Amount (yuan)"), self.errors.row("monthly_fen"))
        form.addRow(self.tr("Entered"), self.period_combo)
        form.addRow(self.tr("Description"), self.description_edit)
        self._finish_layout(form, "income")

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        try:
            fen = self._amount(self.amount_edit, "monthly_fen", "收入")
        except ValidationError as error:
            self.errors.show_error(error)
            return
        ctx, hid = self._ctx, self._household_id
        person, category = self.person_combo.currentData(), self.category_combo.currentData()
        text = self.description_edit.text()
        if self.period_combo.currentData() == "year":
            note = f"年收入{fen_to_yuan(fen)}元，按月折算"
            text = f"{text.strip()}（{note}）" if text.strip() else note
            fen = monthly_from_yearly(fen)
        self._run(lambda: register.add_income(ctx.db, ctx.actor, hid, person, category, fen, text))


class AssetDialog(_MoneyDialog):
    """Add an asset (kind, value in 元, description, exempt flag)."""

    def __init__(self, ctx: AppContext, household_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assetDialog")
        self.setWindowTitle(self.tr("Add asset"))
        self.setMinimumWidth(460)
        self._ctx, self._household_id = ctx, household_id
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("assetKind")
        for code, text in labels.asset_kinds().items():
            self.kind_combo.addItem(text, code)
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("assetValue")
        self.value_edit.setPlaceholderText(self.tr("Value in yuan"))
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("assetDescription")
        self.exempt_check = QCheckBox(self.tr("Needed for production or daily life (exempt)"))
        self.exempt_check.setObjectName("assetExempt")
        self.errors = FormErrors({"kind": self.kind_combo, "value_fen": self.value_edit})
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.errors.row("kind"))
        form.addRow(self.tr("Value (yuan)"), self.errors.row("value_fen"))
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow("", self.exempt_check)
        self._finish_layout(form, "asset")

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        try:
            fen = self._amount(self.value_edit, "value_fen", "财产价值")
        except ValidationError as error:
            self.errors.show_error(error)
            return
        ctx, hid = self._ctx, self._household_id
        kind, text, exempt = (
            self.kind_combo.currentData(),
            self.description_edit.text(),
            self.exempt_check.isChecked(),
        )
        self._run(lambda: register.add_asset(ctx.db, ctx.actor, hid, kind, fen, text, exempt))
