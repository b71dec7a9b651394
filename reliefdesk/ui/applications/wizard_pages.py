"""Shared pieces of the new-application wizard and its first page (the household).

Pages keep plain Python state (lists of inputs) and only build the service inputs; the wizard
(:mod:`.wizard`) saves everything at the end through :mod:`.intake`. Every row a page lists
can be edited and removed with a button, the Delete key and the context menu
(:class:`RowActions`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import register, search
from reliefdesk.ui import forms
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.widgets.inputs import code_combo

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


class RowActions(QWidget):
    """Edit and Remove for the selected row of a wizard table: two buttons, the Delete key
    and a context menu. ``edit(row)`` / ``remove(row)`` get the table row."""

    def __init__(
        self,
        table_: QTableWidget,
        name: str,
        edit: Callable[[int], None],
        remove: Callable[[int], None],
    ) -> None:
        super().__init__()
        self.table = table_
        self._edit, self._remove = edit, remove
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName(f"{name}EditButton")
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"{name}RemoveButton")
        self.remove_button.clicked.connect(self.remove_current)
        self.delete_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), table_)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_shortcut.activated.connect(self.remove_current)
        table_.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table_.customContextMenuRequested.connect(self._on_table_context_menu)
        table_.doubleClicked.connect(lambda _i: self.edit_current())
        self.menu: QMenu | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit_button)
        row.addWidget(self.remove_button)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    @Slot()
    def edit_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self._edit(row)

    @Slot()
    def remove_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self._remove(row)

    @Slot(QPoint)
    def _on_table_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.context_menu(index.row()).popup(self.table.viewport().mapToGlobal(pos))

    def context_menu(self, row: int) -> QMenu:
        """The Edit / Remove menu of ``row`` (selected first)."""
        self.table.selectRow(row)
        self.menu = QMenu(self.table)
        self.menu.addAction(self.tr("Edit"), self.edit_current).setObjectName("rowEditAction")
        self.menu.addAction(self.tr("Remove"), self.remove_current).setObjectName("rowRemoveAction")
        return self.menu


# --------------------------------------------------------------------------- household


class HouseholdPage(QWizardPage):
    """Find an existing household (by name, pinyin or ID fragment) or describe a new one."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardHouseholdPage")
        self.w = wizard
        self.setTitle(self.tr("Household"))
        self.setSubTitle(self.tr("Apply for a household already on file, or register a new one."))
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
        self.results = table(
            "householdSearchResults",
            [
                self.tr("Name"),
                self.tr("ID number"),
                self.tr("Relation"),
                self.tr("Village"),
                self.tr("Household no."),
                self.tr("Programme"),
            ],
        )
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
        self.area_combo = code_combo("householdAreaCombo", lbl.area_labels(), "rural")
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("householdAddressEdit")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("householdPhoneEdit")
        self.errors = forms.FormErrors(
            {
                "village_id": self.village_combo,
                "area_type": self.area_combo,
                "address": self.address_edit,
                "phone": self.phone_edit,
            }
        )
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
        self.w.set_step_title(self)
        if not self._villages_loaded:
            self._villages_loaded = True
            db, actor = self.w.ctx.db, self.w.ctx.actor
            QueryOp(
                parent=self,
                op=lambda: register.list_villages(db, actor),
                success=self._fill_villages,
            ).run_in_background()

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
        QueryOp(
            parent=self, op=lambda: search.search_persons(db, actor, text), success=self._show_hits
        ).failure(self._on_search_failed).run_in_background()

    def _on_search_failed(self, error: ReliefError) -> None:
        self.search_error.setText(str(error))
        self.search_error.setVisible(True)

    def _show_hits(self, hits: list[search.PersonHit]) -> None:
        self.hits = hits
        self.results.setRowCount(len(hits))
        programmes, relations = lbl.programme_labels(), lbl.relation_labels()
        for i, h in enumerate(hits):
            fill_row(
                self.results,
                i,
                [
                    h.name,
                    h.masked_id,
                    lbl.label(relations, h.relation),
                    h.village_name,
                    str(h.household_id),
                    lbl.label(programmes, h.programme),
                ],
            )
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
            address=self.address_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
        )

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
