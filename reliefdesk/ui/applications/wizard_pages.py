"""The first pages of the new-application wizard: household, members, income and assets.

Pages keep plain Python state (lists of inputs) and only build the service inputs; the wizard
(:mod:`.wizard`) saves everything at the end through :mod:`.intake`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from reliefdesk.domain.benefits import net_monthly_income, per_capita_income
from reliefdesk.domain.idnumber import parse_id
from reliefdesk.domain.masking import mask_id
from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.errors import ReliefError
from reliefdesk.services import register, search
from reliefdesk.services.register_types import COUNTED_INCOME
from reliefdesk.ui import forms
from reliefdesk.ui.applications import labels as L
from reliefdesk.services.intake import AssetLine, IncomeLine, MemberRef
from reliefdesk.ui.applications.widgets import code_combo, parse_yuan, section_label
from reliefdesk.ui.ops import QueryOp

if TYPE_CHECKING:
    from reliefdesk.ui.applications.wizard import NewApplicationWizard


def table(name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.setAlternatingRowColors(True)
    return t


def fill_row(t: QTableWidget, row: int, values: list[str]) -> None:
    for col, value in enumerate(values):
        t.setItem(row, col, QTableWidgetItem(value))


# --------------------------------------------------------------------------- household


class HouseholdPage(QWizardPage):
    """Find an existing household (by name, pinyin or ID fragment) or describe a new one."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardHouseholdPage")
        self.w = wizard
        self.setTitle(self.tr("Household"))
        self.setSubTitle(self.tr("Apply for a household already on file, or register a new "
                                 "one."))
        self.existing_radio = QRadioButton(self.tr("Existing household"))
        self.existing_radio.setObjectName("householdExistingRadio")
        self.new_radio = QRadioButton(self.tr("New household"))
        self.new_radio.setObjectName("householdNewRadio")
        group = QButtonGroup(self)
        group.addButton(self.existing_radio)
        group.addButton(self.new_radio)
        self.new_radio.setChecked(True)

        # existing: search
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("householdSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin initials or ID digits"))
        self.search_edit.returnPressed.connect(self._on_search)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("householdSearchButton")
        self.search_button.clicked.connect(self._on_search)
        self.results = table("householdSearchResults", [
            self.tr("Name"), self.tr("ID number"), self.tr("Relation"), self.tr("Village"),
            self.tr("Household no."), self.tr("Programme")])
        self.results.itemSelectionChanged.connect(self.completeChanged)
        self.search_error = forms.make_error_label("householdSearchError")
        self.hits: list[search.PersonHit] = []
        existing = QWidget()
        ex = QVBoxLayout(existing)
        ex.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        ex.addLayout(row)
        ex.addWidget(self.search_error)
        ex.addWidget(self.results, 1)

        # new: village, address, area, phone
        self.village_combo = QComboBox()
        self.village_combo.setObjectName("householdVillageCombo")
        self.village_combo.setMinimumWidth(260)
        self.area_combo = code_combo("householdAreaCombo", L.area_labels(), "rural")
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("householdAddressEdit")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("householdPhoneEdit")
        self.errors = forms.FormErrors({"village_id": self.village_combo,
                                        "area_type": self.area_combo,
                                        "address": self.address_edit,
                                        "phone": self.phone_edit})
        new = QWidget()
        form = QFormLayout(new)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Village / community:"), self.errors.row("village_id"))
        form.addRow(self.tr("Urban or rural:"), self.errors.row("area_type"))
        form.addRow(self.tr("Address:"), self.errors.row("address"))
        form.addRow(self.tr("Phone:"), self.errors.row("phone"))

        self.stack = QStackedWidget()
        self.stack.addWidget(existing)
        self.stack.addWidget(new)
        self.stack.setCurrentIndex(1)
        self.existing_radio.toggled.connect(self._on_mode_toggled)

        radios = QHBoxLayout()
        radios.addWidget(self.new_radio)
        radios.addWidget(self.existing_radio)
        radios.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(radios)
        layout.addWidget(self.stack, 1)
        self._villages_loaded = False

    def initializePage(self) -> None:
        if not self._villages_loaded:
            self._villages_loaded = True
            db, actor = self.w.ctx.db, self.w.ctx.actor
            QueryOp(parent=self, op=lambda: register.list_villages(db, actor),
                    success=self._fill_villages).run_in_background()

    def _fill_villages(self, villages: list[register.VillageView]) -> None:
        self.village_combo.clear()
        for v in villages:
            self.village_combo.addItem(v.name, v.id)

    def preselect_household(self, household_id: int) -> None:
        """Start on an existing household (Ctrl+N from a household page)."""
        self.existing_radio.setChecked(True)
        self.w.household_id = household_id

    @Slot(bool)
    def _on_mode_toggled(self, existing: bool) -> None:
        self.stack.setCurrentIndex(0 if existing else 1)
        self.completeChanged.emit()

    @Slot()
    def _on_search(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            return
        db, actor = self.w.ctx.db, self.w.ctx.actor
        self.search_error.setVisible(False)
        QueryOp(parent=self, op=lambda: search.search_persons(db, actor, text),
                success=self._show_hits).failure(self._on_search_failed).run_in_background()

    def _on_search_failed(self, error: ReliefError) -> None:
        self.search_error.setText(str(error))
        self.search_error.setVisible(True)

    def _show_hits(self, hits: list[search.PersonHit]) -> None:
        self.hits = hits
        self.results.setRowCount(len(hits))
        programmes, relations = L.programme_labels(), L.relation_labels()
        for i, h in enumerate(hits):
            fill_row(self.results, i, [h.name, h.masked_id, L.label(relations, h.relation),
                                       h.village_name, str(h.household_id),
                                       L.label(programmes, h.programme)])
        if hits:
            self.results.selectRow(0)
        self.completeChanged.emit()

    def is_new(self) -> bool:
        return self.new_radio.isChecked()

    def selected_household(self) -> int | None:
        rows = self.results.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.hits):
            return self.hits[rows[0].row()].household_id
        return self.w.household_id if not self.hits else None

    def household_input(self) -> register.HouseholdInput:
        return register.HouseholdInput(
            village_id=int(self.village_combo.currentData() or 0),
            area_type=str(self.area_combo.currentData()),
            address=self.address_edit.text().strip(), phone=self.phone_edit.text().strip())

    def isComplete(self) -> bool:
        if self.is_new():
            return True
        return self.selected_household() is not None

    def validatePage(self) -> bool:
        if self.is_new():
            self.w.household_id = None
            self.w.existing = None
            if self.village_combo.currentData() is None:
                self.errors.set_field_error("village_id", self.tr("Please choose a village."))
                return False
            return True
        household_id = self.selected_household()
        if household_id is None:
            return False
        if self.w.household_id != household_id or self.w.existing is None:
            self.w.load_existing(household_id)
        return True


# --------------------------------------------------------------------------- members


@dataclass(frozen=True)
class MemberRow:
    """A member as listed on the members page."""

    ref: MemberRef
    name: str
    id_text: str
    relation: str
    birth: str
    sex: str
    health: str
    counted: bool = True


class MembersPage(QWizardPage):
    """The household members: existing ones (read-only) and new ones added with live ID
    validation (birth date and sex derived from the number as it is typed)."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardMembersPage")
        self.w = wizard
        self.setTitle(self.tr("Members"))
        self.setSubTitle(self.tr("Everyone living in the household. The first new member of a "
                                 "new household is its head."))
        self.new_members: list[register.PersonInput] = []

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("memberNameEdit")
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("memberIdEdit")
        self.id_edit.setMaxLength(20)
        self.id_edit.textChanged.connect(self._on_id_edit_text_changed)
        self.id_info = QLabel()
        self.id_info.setObjectName("memberIdInfoLabel")
        self.id_info.setProperty("role", "hint")
        self.relation_combo = code_combo("memberRelationCombo", L.relation_labels(), "head")
        self.health_combo = code_combo("memberHealthCombo", L.health_labels(), "healthy")
        self.disability_combo = QComboBox()
        self.disability_combo.setObjectName("memberDisabilityCombo")
        self.disability_combo.addItem(self.tr("None"), None)
        for cat in register.DISABILITY_CATEGORIES:
            self.disability_combo.addItem(cat, cat)
        self.disability_level = QSpinBox()
        self.disability_level.setObjectName("memberDisabilityLevelSpin")
        self.disability_level.setRange(1, 4)
        self.add_button = QPushButton(self.tr("Add member"))
        self.add_button.setObjectName("memberAddButton")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("memberRemoveButton")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.errors = forms.FormErrors(
            {"name": self.name_edit, "id_number": self.id_edit,
             "relation": self.relation_combo, "health": self.health_combo,
             "disability_category": self.disability_combo},
            general=forms.make_error_label("membersGeneralError", word_wrap=True))

        self.members_table = table("membersTable", [
            self.tr("Name"), self.tr("ID number"), self.tr("Relation"), self.tr("Birth date"),
            self.tr("Sex"), self.tr("Health"), self.tr("Status")])

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Name:")), 0, 0)
        grid.addWidget(self.errors.row("name"), 0, 1)
        grid.addWidget(QLabel(self.tr("ID number:")), 0, 2)
        grid.addWidget(self.errors.row("id_number"), 0, 3)
        grid.addWidget(self.id_info, 1, 3)
        grid.addWidget(QLabel(self.tr("Relation to head:")), 2, 0)
        grid.addWidget(self.errors.row("relation"), 2, 1)
        grid.addWidget(QLabel(self.tr("Health:")), 2, 2)
        grid.addWidget(self.errors.row("health"), 2, 3)
        grid.addWidget(QLabel(self.tr("Disability:")), 3, 0)
        dis = QHBoxLayout()
        dis.addWidget(self.errors.row("disability_category"), 1)
        dis.addWidget(QLabel(self.tr("Level:")))
        dis.addWidget(self.disability_level)
        grid.addLayout(dis, 3, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.add_button)
        grid.addLayout(buttons, 3, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.members_table, 1)

    def initializePage(self) -> None:
        if self.w.existing is not None and not self.new_members:
            self.relation_combo.setCurrentIndex(max(1, self.relation_combo.currentIndex()))
        self._refresh_table()

    def rows(self) -> list[MemberRow]:
        out: list[MemberRow] = []
        relations, health = L.relation_labels(), L.health_labels()
        if self.w.existing is not None:
            for p in self.w.existing.members:
                if p.deceased_on is not None:
                    continue
                out.append(MemberRow(MemberRef(person_id=p.id), p.name, p.id_number,
                                     L.label(relations, p.relation), p.birth_date.isoformat(),
                                     self._sex(p.sex), L.label(health, p.health), p.counted))
        for i, m in enumerate(self.new_members):
            info = parse_id(m.id_number)
            out.append(MemberRow(MemberRef(new_index=i), m.name, mask_id(info.number),
                                 L.label(relations, m.relation), info.birth_date.isoformat(),
                                 self._sex(info.sex), L.label(health, m.health)))
        return out

    def _sex(self, code: str) -> str:
        return self.tr("Male") if code == "M" else self.tr("Female")

    def _refresh_table(self) -> None:
        rows = self.rows()
        self.members_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            status = self.tr("New") if r.ref.new_index is not None else self.tr("On file")
            fill_row(self.members_table, i, [r.name, r.id_text, r.relation, r.birth, r.sex,
                                             r.health, status])
        self.completeChanged.emit()

    @Slot(str)
    def _on_id_edit_text_changed(self, text: str) -> None:
        text = text.strip()
        if len(text) < 15:
            self.id_info.setText(self.tr("{n} characters typed").format(n=len(text))
                                 if text else "")
            self.id_info.setProperty("role", "hint")
        else:
            try:
                info = parse_id(text)
            except ReliefError as exc:
                self.id_info.setText(str(exc))
                self.id_info.setProperty("role", "error")
            else:
                self.id_info.setText(self.tr("Born {birth}, {sex}").format(
                    birth=info.birth_date.isoformat(), sex=self._sex(info.sex)))
                self.id_info.setProperty("role", "hint")
        self.id_info.style().unpolish(self.id_info)
        self.id_info.style().polish(self.id_info)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self.errors.clear()
        name = " ".join(self.name_edit.text().split())
        if not name:
            self.errors.set_field_error("name", self.tr("Please enter the name."))
            return
        try:
            info = parse_id(self.id_edit.text())
        except ReliefError as exc:
            self.errors.set_field_error("id_number", str(exc))
            return
        known = {parse_id(m.id_number).number for m in self.new_members}
        if info.number in known:
            self.errors.set_field_error("id_number", self.tr("This ID number is already in "
                                                             "the list."))
            return
        category = self.disability_combo.currentData()
        person = register.PersonInput(
            name=name, id_number=info.number, relation=str(self.relation_combo.currentData()),
            health=str(self.health_combo.currentData()), disability_category=category,
            disability_level=self.disability_level.value() if category else None)
        self.new_members.append(person)
        self.name_edit.clear()
        self.id_edit.clear()
        self.disability_combo.setCurrentIndex(0)
        if self.relation_combo.currentData() == "head":
            self.relation_combo.setCurrentIndex(self.relation_combo.findData("spouse"))
        self.name_edit.setFocus()
        self._refresh_table()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        rows = self.members_table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.rows()[rows[0].row()]
        if row.ref.new_index is None:
            self.errors.general.setText(self.tr("Members on file are changed on the household "
                                                "page."))
            self.errors.general.setVisible(True)
            return
        del self.new_members[row.ref.new_index]
        self._refresh_table()

    def show_member_error(self, error: ReliefError) -> None:
        index = error.params.get("member_index")
        if isinstance(index, int):
            offset = len(self.rows()) - len(self.new_members)
            self.members_table.selectRow(offset + index)
            name = self.new_members[index].name if index < len(self.new_members) else ""
            self.errors.general.setText(f"{name}：{error}")
        else:
            self.errors.general.setText(str(error))
        self.errors.general.setVisible(True)

    def isComplete(self) -> bool:
        return bool(self.rows())


# --------------------------------------------------------------------------- income


class IncomePage(QWizardPage):
    """Monthly income items (元; counted or not by category) and assets; the per-capita
    income of the counted members is shown as items are added."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardIncomePage")
        self.w = wizard
        self.setTitle(self.tr("Income and assets"))
        self.setSubTitle(self.tr("Monthly income in yuan. Categories marked 'not counted' are "
                                 "kept on file but not added to the household income."))
        self.income: list[IncomeLine] = []
        self.assets: list[AssetLine] = []

        self.member_combo = QComboBox()
        self.member_combo.setObjectName("incomeMemberCombo")
        self.category_combo = code_combo("incomeCategoryCombo", L.income_labels(), "wage")
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("incomeAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("yuan per month"))
        self.amount_edit.returnPressed.connect(self._on_add_income)
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("incomeDescriptionEdit")
        self.add_income_button = QPushButton(self.tr("Add income"))
        self.add_income_button.setObjectName("incomeAddButton")
        self.add_income_button.clicked.connect(self._on_add_income)
        self.income_table = table("incomeTable", [
            self.tr("Member"), self.tr("Category"), self.tr("Monthly (yuan)"),
            self.tr("Counted"), self.tr("Description")])
        self.per_capita_label = QLabel()
        self.per_capita_label.setObjectName("perCapitaLabel")
        self.per_capita_label.setProperty("role", "sectionTitle")

        self.asset_kind = code_combo("assetKindCombo", L.asset_labels(), "deposit")
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
        self.asset_table = table("assetTable", [
            self.tr("Kind"), self.tr("Value (yuan)"), self.tr("Exempt"),
            self.tr("Description")])
        self.errors = forms.FormErrors(
            {"monthly_fen": self.amount_edit, "category": self.category_combo,
             "person_id": self.member_combo, "value_fen": self.asset_value,
             "kind": self.asset_kind},
            general=forms.make_error_label("incomeGeneralError", word_wrap=True))

        row1 = QGridLayout()
        row1.addWidget(QLabel(self.tr("Member:")), 0, 0)
        row1.addWidget(self.errors.row("person_id"), 0, 1)
        row1.addWidget(QLabel(self.tr("Category:")), 0, 2)
        row1.addWidget(self.errors.row("category"), 0, 3)
        row1.addWidget(QLabel(self.tr("Amount:")), 1, 0)
        row1.addWidget(self.errors.row("monthly_fen"), 1, 1)
        row1.addWidget(QLabel(self.tr("Description:")), 1, 2)
        row1.addWidget(self.description_edit, 1, 3)
        row1.addWidget(self.add_income_button, 1, 4)
        row1.setColumnStretch(1, 1)
        row1.setColumnStretch(3, 2)
        row2 = QGridLayout()
        row2.addWidget(QLabel(self.tr("Kind:")), 0, 0)
        row2.addWidget(self.errors.row("kind"), 0, 1)
        row2.addWidget(QLabel(self.tr("Value:")), 0, 2)
        row2.addWidget(self.errors.row("value_fen"), 0, 3)
        row2.addWidget(self.asset_exempt, 0, 4)
        row2.addWidget(QLabel(self.tr("Description:")), 1, 0)
        row2.addWidget(self.asset_description, 1, 1, 1, 3)
        row2.addWidget(self.add_asset_button, 1, 4)
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
        layout.addWidget(self.errors.general)

    def initializePage(self) -> None:
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

    def _member_name(self, ref: MemberRef | None) -> str:
        if ref is None:
            return self.tr("Whole household")
        for r in self.w.members_page.rows():
            if r.ref == ref:
                return r.name
        return "?"

    @Slot()
    def _on_add_income(self) -> None:
        self.errors.clear()
        try:
            fen = parse_yuan(self.amount_edit.text())
        except ReliefError as exc:
            self.errors.set_field_error("monthly_fen", str(exc))
            return
        if fen is None or fen < 0:
            self.errors.set_field_error("monthly_fen", self.tr("Please enter the monthly "
                                                               "amount in yuan."))
            return
        self.income.append(IncomeLine(self.member_combo.currentData(),
                                      str(self.category_combo.currentData()), fen,
                                      self.description_edit.text().strip()))
        self.amount_edit.clear()
        self.description_edit.clear()
        self.amount_edit.setFocus()
        self._refresh()

    @Slot()
    def _on_add_asset(self) -> None:
        self.errors.clear()
        try:
            fen = parse_yuan(self.asset_value.text())
        except ReliefError as exc:
            self.errors.set_field_error("value_fen", str(exc))
            return
        if fen is None or fen < 0:
            self.errors.set_field_error("value_fen", self.tr("Please enter the value in yuan."))
            return
        self.assets.append(AssetLine(str(self.asset_kind.currentData()), fen,
                                     self.asset_description.text().strip(),
                                     self.asset_exempt.isChecked()))
        self.asset_value.clear()
        self.asset_description.clear()
        self.asset_exempt.setChecked(False)
        self._refresh()

    def _refresh(self) -> None:
        cats, kinds = L.income_labels(), L.asset_labels()
        existing = list(self.w.existing.income.items) if self.w.existing is not None else []
        existing_assets = list(self.w.existing.assets) if self.w.existing is not None else []
        names = {r.ref.person_id: r.name for r in self.w.members_page.rows()
                 if r.ref.person_id is not None}
        yes, no = self.tr("Yes"), self.tr("No")
        self.income_table.setRowCount(len(existing) + len(self.income))
        for i, e in enumerate(existing):
            fill_row(self.income_table, i, [
                names.get(e.person_id, self.tr("Whole household")) if e.person_id else
                self.tr("Whole household"), L.label(cats, e.category),
                fen_to_yuan(e.monthly_fen), yes if e.counted else no,
                e.description + self.tr(" (on file)")])
        for j, line in enumerate(self.income):
            fill_row(self.income_table, len(existing) + j, [
                self._member_name(line.member), L.label(cats, line.category),
                fen_to_yuan(line.monthly_fen), yes if line.category in COUNTED_INCOME else no,
                line.description])
        self.asset_table.setRowCount(len(existing_assets) + len(self.assets))
        for i, a in enumerate(existing_assets):
            fill_row(self.asset_table, i, [L.label(kinds, a.kind), fen_to_yuan(a.value_fen),
                                           yes if a.exempt else no,
                                           a.description + self.tr(" (on file)")])
        for j, al in enumerate(self.assets):
            fill_row(self.asset_table, len(existing_assets) + j, [
                L.label(kinds, al.kind), fen_to_yuan(al.value_fen), yes if al.exempt else no,
                al.description])
        self._update_per_capita(existing)

    def _update_per_capita(self, existing: list[register.IncomeView]) -> None:
        members = [r for r in self.w.members_page.rows() if r.counted]
        # the one income rule (transfers out subtracted); the summary page shows the service's
        total = net_monthly_income(
            [(e.category, e.monthly_fen) for e in existing if e.effect_fen] +
            [(line.category, line.monthly_fen) for line in self.income
             if line.category in COUNTED_INCOME])
        if members:
            pci = per_capita_income(total, len(members))
            self.per_capita_label.setText(self.tr(
                "Counted income {total} yuan/month for {n} member(s): {pci} yuan per person "
                "(the summary shows the official working)").format(
                total=fen_to_yuan(total), n=len(members), pci=fen_to_yuan(pci)))
        else:
            self.per_capita_label.setText("")
