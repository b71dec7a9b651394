"""The income and assets page of the new-application wizard.

Income is typed per month or per year (farm income is yearly) and stored monthly
(:func:`reliefdesk.domain.money.monthly_from_yearly`); a negative amount or more than two
decimals is refused with a message saying so (:func:`~reliefdesk.domain.money.entered_amount_fen`).
Every row can be edited and removed. The per-capita income of the counted members is shown as
items are added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from reliefdesk.domain.benefits import net_monthly_income, per_capita_income
from reliefdesk.domain.money import entered_amount_fen, fen_to_yuan, monthly_from_yearly
from reliefdesk.errors import ReliefError
from reliefdesk.services import register
from reliefdesk.services.intake import AssetLine, IncomeLine, MemberRef
from reliefdesk.services.register.types import COUNTED_INCOME
from reliefdesk.ui import forms
from reliefdesk.ui.applications.wizard_pages import RowActions, fill_row, table
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.widgets.inputs import code_combo, section_label, set_combo_code

if TYPE_CHECKING:
    from reliefdesk.ui.applications.wizard import NewApplicationWizard


class IncomePage(QWizardPage):
    """Income items (counted or not by category) and assets."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardIncomePage")
        self.w = wizard
        self.setTitle(self.tr("Income and assets"))
        self.setSubTitle(
            self.tr(
                "Income in yuan per month or per year (stored monthly). "
                "Categories marked 'not counted' are kept on file but not "
                "added to the household income."
            )
        )
        self.income: list[IncomeLine] = []
        self.assets: list[AssetLine] = []
        self.editing_income: int | None = None
        self.editing_asset: int | None = None

        self.member_combo = QComboBox()
        self.member_combo.setObjectName("incomeMemberCombo")
        self.category_combo = code_combo("incomeCategoryCombo", lbl.income_labels(), "wage")
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("incomeAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("yuan"))
        self.amount_edit.returnPressed.connect(self._on_add_income)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("incomePeriodCombo")
        self.period_combo.addItem(self.tr("per month"), "month")
        self.period_combo.addItem(self.tr("per year"), "year")
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("incomeDescriptionEdit")
        self.add_income_button = QPushButton(self.tr("Add income"))
        self.add_income_button.setObjectName("incomeAddButton")
        self.add_income_button.clicked.connect(self._on_add_income)
        self.income_table = table(
            "incomeTable",
            [
                self.tr("Member"),
                self.tr("Category"),
                self.tr("Monthly (yuan)"),
                self.tr("Counted"),
                self.tr("Description"),
            ],
        )
        self.income_actions = RowActions(
            self.income_table, "income", self.edit_income, self.remove_income
        )
        self.per_capita_label = QLabel()
        self.per_capita_label.setObjectName("perCapitaLabel")
        self.per_capita_label.setProperty("role", "sectionTitle")

        self.asset_kind = code_combo("assetKindCombo", lbl.asset_labels(), "deposit")
        self.asset_value = QLineEdit()
        self.asset_value.setObjectName("assetValueEdit")
        self.asset_value.setPlaceholderText(self.tr("value in yuan"))
        self.asset_exempt = QCheckBox(self.tr("Exempt (needed for living or production)"))
        self.asset_exempt.setObjectName("assetExemptCheck")
        self.asset_description = QLineEdit()
        self.asset_description.setObjectName("assetDescriptionEdit")
        self.add_asset_button = QPushButton(self.tr("Add asset"))
        self.add_asset_button.setObjectName("assetAddButton")
        self.add_asset_button.clicked.connect(self._on_add_asset)
        self.asset_table = table(
            "assetTable",
            [self.tr("Kind"), self.tr("Value (yuan)"), self.tr("Exempt"), self.tr("Description")],
        )
        self.asset_actions = RowActions(
            self.asset_table, "asset", self.edit_asset, self.remove_asset
        )
        self.errors = forms.FormErrors(
            {
                "monthly_fen": self.amount_edit,
                "category": self.category_combo,
                "person_id": self.member_combo,
                "value_fen": self.asset_value,
                "kind": self.asset_kind,
            },
            general=forms.make_error_label("incomeGeneralError", word_wrap=True),
        )

        row1 = QGridLayout()
        row1.addWidget(QLabel(self.tr("Member:")), 0, 0)
        row1.addWidget(self.errors.row("person_id"), 0, 1)
        row1.addWidget(QLabel(self.tr("Category:")), 0, 2)
        row1.addWidget(self.errors.row("category"), 0, 3, 1, 2)
        row1.addWidget(QLabel(self.tr("Amount:")), 1, 0)
        row1.addWidget(self.errors.row("monthly_fen"), 1, 1)
        row1.addWidget(self.period_combo, 1, 2)
        row1.addWidget(self.description_edit, 1, 3)
        row1.addWidget(self.add_income_button, 1, 4)
        row1.addWidget(self.income_actions, 2, 0, 1, 2)
        row1.setColumnStretch(1, 1)
        row1.setColumnStretch(3, 2)
        self.description_edit.setPlaceholderText(self.tr("Description"))
        row2 = QGridLayout()
        row2.addWidget(QLabel(self.tr("Kind:")), 0, 0)
        row2.addWidget(self.errors.row("kind"), 0, 1)
        row2.addWidget(QLabel(self.tr("Value:")), 0, 2)
        row2.addWidget(self.errors.row("value_fen"), 0, 3)
        row2.addWidget(self.asset_exempt, 0, 4)
        row2.addWidget(QLabel(self.tr("Description:")), 1, 0)
        row2.addWidget(self.asset_description, 1, 1, 1, 3)
        row2.addWidget(self.add_asset_button, 1, 4)
        row2.addWidget(self.asset_actions, 2, 0, 1, 2)
        row2.setColumnStretch(1, 1)
        row2.setColumnStretch(3, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(section_label(self.tr("Income")))
        layout.addLayout(row1)
        layout.addWidget(self.income_table, 2)
        layout.addWidget(self.per_capita_label)
        layout.addWidget(section_label(self.tr("Assets")))
        layout.addLayout(row2)
        layout.addWidget(self.asset_table, 1)
        layout.addWidget(self.errors.general_label())

    def initializePage(self) -> None:
        self.w.set_step_title(self)
        current = self.member_combo.currentData()
        self.member_combo.clear()
        self.member_combo.addItem(self.tr("Whole household"), None)
        for r in self.w.members_page.rows():
            self.member_combo.addItem(r.name, r.ref)
        if current is not None:
            index = self.member_combo.findData(current)
            if index >= 0:
                self.member_combo.setCurrentIndex(index)
        elif self.member_combo.count() > 1:
            self.member_combo.setCurrentIndex(1)
        self._refresh()

    def has_input(self) -> bool:
        return bool(self.income or self.assets or self.amount_edit.text().strip())

    def _member_name(self, ref: MemberRef | None) -> str:
        if ref is None:
            return self.tr("Whole household")
        for r in self.w.members_page.rows():
            if r.ref == ref:
                return r.name
        return "?"

    def _amount(self, edit: QLineEdit, field: str, what: str) -> int | None:
        text = edit.text()
        if not text.strip():
            self.errors.set_field_error(field, self.tr("Please enter the amount in yuan."))
            return None
        try:
            return entered_amount_fen(text, what)
        except ReliefError as exc:
            self.errors.set_field_error(field, str(exc))
            return None

    @Slot()
    def _on_add_income(self) -> None:
        self.errors.clear()
        fen = self._amount(self.amount_edit, "monthly_fen", "收入")
        if fen is None:
            return
        description = self.description_edit.text().strip()
        if self.period_combo.currentData() == "year":
            note = f"年收入{fen_to_yuan(fen)}元，按月折算"
            description = f"{description}（{note}）" if description else note
            fen = monthly_from_yearly(fen)
        line = IncomeLine(
            self.member_combo.currentData(),
            str(self.category_combo.currentData()),
            fen,
            description,
        )
        if self.editing_income is not None and self.editing_income < len(self.income):
            self.income[self.editing_income] = line
        else:
            self.income.append(line)
        self.editing_income = None
        self.add_income_button.setText(self.tr("Add income"))
        self.amount_edit.clear()
        self.description_edit.clear()
        self.period_combo.setCurrentIndex(0)
        self.amount_edit.setFocus()
        self._refresh()

    @Slot()
    def _on_add_asset(self) -> None:
        self.errors.clear()
        fen = self._amount(self.asset_value, "value_fen", "财产价值")
        if fen is None:
            return
        line = AssetLine(
            str(self.asset_kind.currentData()),
            fen,
            self.asset_description.text().strip(),
            self.asset_exempt.isChecked(),
        )
        if self.editing_asset is not None and self.editing_asset < len(self.assets):
            self.assets[self.editing_asset] = line
        else:
            self.assets.append(line)
        self.editing_asset = None
        self.add_asset_button.setText(self.tr("Add asset"))
        self.asset_value.clear()
        self.asset_description.clear()
        self.asset_exempt.setChecked(False)
        self._refresh()

    def _existing(self) -> tuple[list[register.IncomeView], list[register.AssetView]]:
        if self.w.existing is None:
            return [], []
        return list(self.w.existing.income.items), list(self.w.existing.assets)

    def _new_row(self, row: int, existing: int, items: list) -> int | None:  # type: ignore[type-arg]
        index = row - existing
        if 0 <= index < len(items):
            return index
        self.errors.general_label().setText(
            self.tr("Items on file are changed on the household page.")
        )
        self.errors.general_label().setVisible(True)
        return None

    def edit_income(self, row: int) -> None:
        index = self._new_row(row, len(self._existing()[0]), self.income)
        if index is None:
            return
        line = self.income[index]
        self.editing_income = index
        self.member_combo.setCurrentIndex(max(0, self.member_combo.findData(line.member)))
        set_combo_code(self.category_combo, line.category)
        self.period_combo.setCurrentIndex(0)
        self.amount_edit.setText(fen_to_yuan(line.monthly_fen))
        self.description_edit.setText(line.description)
        self.add_income_button.setText(self.tr("Save income"))
        self.amount_edit.setFocus()

    def remove_income(self, row: int) -> None:
        index = self._new_row(row, len(self._existing()[0]), self.income)
        if index is not None:
            del self.income[index]
            self.editing_income = None
            self.add_income_button.setText(self.tr("Add income"))
            self._refresh()

    def edit_asset(self, row: int) -> None:
        index = self._new_row(row, len(self._existing()[1]), self.assets)
        if index is None:
            return
        a = self.assets[index]
        self.editing_asset = index
        set_combo_code(self.asset_kind, a.kind)
        self.asset_value.setText(fen_to_yuan(a.value_fen))
        self.asset_description.setText(a.description)
        self.asset_exempt.setChecked(a.exempt)
        self.add_asset_button.setText(self.tr("Save asset"))

    def remove_asset(self, row: int) -> None:
        index = self._new_row(row, len(self._existing()[1]), self.assets)
        if index is not None:
            del self.assets[index]
            self.editing_asset = None
            self.add_asset_button.setText(self.tr("Add asset"))
            self._refresh()

    def forget_member(self, index: int) -> None:
        """A new member was removed: drop their income, renumber the later members'."""
        kept: list[IncomeLine] = []
        for line in self.income:
            ref = line.member
            if ref is not None and ref.new_index is not None:
                if ref.new_index == index:
                    continue
                if ref.new_index > index:
                    kept.append(
                        IncomeLine(
                            MemberRef(new_index=ref.new_index - 1),
                            line.category,
                            line.monthly_fen,
                            line.description,
                        )
                    )
                    continue
            kept.append(line)
        self.income = kept

    def _refresh(self) -> None:
        cats, kinds = lbl.income_labels(), lbl.asset_labels()
        existing, existing_assets = self._existing()
        names = {
            r.ref.person_id: r.name
            for r in self.w.members_page.rows()
            if r.ref.person_id is not None
        }
        yes, no = self.tr("Yes"), self.tr("No")
        self.income_table.setRowCount(len(existing) + len(self.income))
        for i, e in enumerate(existing):
            fill_row(
                self.income_table,
                i,
                [
                    names.get(e.person_id, self.tr("Whole household"))
                    if e.person_id
                    else self.tr("Whole household"),
                    lbl.label(cats, e.category),
                    fen_to_yuan(e.monthly_fen),
                    yes if e.counted else no,
                    e.description + self.tr(" (on file)"),
                ],
            )
        for j, line in enumerate(self.income):
            fill_row(
                self.income_table,
                len(existing) + j,
                [
                    self._member_name(line.member),
                    lbl.label(cats, line.category),
                    fen_to_yuan(line.monthly_fen),
                    yes if line.category in COUNTED_INCOME else no,
                    line.description,
                ],
            )
        self.asset_table.setRowCount(len(existing_assets) + len(self.assets))
        for i, a in enumerate(existing_assets):
            fill_row(
                self.asset_table,
                i,
                [
                    lbl.label(kinds, a.kind),
                    fen_to_yuan(a.value_fen),
                    yes if a.exempt else no,
                    a.description + self.tr(" (on file)"),
                ],
            )
        for j, al in enumerate(self.assets):
            fill_row(
                self.asset_table,
                len(existing_assets) + j,
                [
                    lbl.label(kinds, al.kind),
                    fen_to_yuan(al.value_fen),
                    yes if al.exempt else no,
                    al.description,
                ],
            )
        self._update_per_capita(existing)
        self.w.mark_modified()

    def _update_per_capita(self, existing: list[register.IncomeView]) -> None:
        members = [r for r in self.w.members_page.rows() if r.counted]
        # the one income rule (transfers out subtracted); the summary page shows the service's
        total = net_monthly_income(
            [(e.category, e.monthly_fen) for e in existing if e.effect_fen]
            + [
                (line.category, line.monthly_fen)
                for line in self.income
                if line.category in COUNTED_INCOME
            ]
        )
        if members:
            pci = per_capita_income(total, len(members))
            self.per_capita_label.setText(
                self.tr(
                    "Counted income {total} yuan/month for {n} member(s): {pci} yuan per person "
                    "(the summary shows the official working)"
                ).format(total=fen_to_yuan(total), n=len(members), pci=fen_to_yuan(pci))
            )
        else:
            self.per_capita_label.setText("")
