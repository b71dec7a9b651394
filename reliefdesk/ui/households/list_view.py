"""The household list screen: search box, filter combos, the paged list and search results."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.services import register
from reliefdesk.services.register.types import TownshipView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.households.list_model import HouseholdListModel, ListQuery
from reliefdesk.ui.households.search import PersonSearch
from reliefdesk.ui.labels import register as labels
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.tables import make_table


class _SearchBox(QLineEdit):
    """Down arrow moves into the results; Escape clears."""

    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.textEdited.emit("")
            return
        super().keyPressEvent(event)


class HouseholdListView(QWidget):
    """Signals: householdActivated(int) — the clerk opened a household (Enter/double-click);
    newHouseholdRequested() — the 新建家庭 button."""

    householdActivated = Signal(int)
    newHouseholdRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdListView")
        self._ctx = ctx
        self.model = HouseholdListModel(ctx, self)
        self.search = PersonSearch(ctx, self)

        title = QLabel(self.tr("Household register"))
        title.setProperty("role", "pageTitle")
        self.search_box = _SearchBox()
        self.search_box.setObjectName("householdSearchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Search: name, pinyin or initials, ID number digits, village (Ctrl+F)")
        )
        self.search_box.setMinimumWidth(280)
        self.programme_combo = QComboBox()
        self.programme_combo.setObjectName("programmeFilter")
        self.programme_combo.addItem(self.tr("All programmes"), None)
        self.programme_combo.addItem(self.tr("Dibao (urban and rural)"), "dibao")
        for code, text in labels.programmes().items():
            self.programme_combo.addItem(text, code)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for code, text in labels.enrollment_statuses().items():
            self.status_combo.addItem(text, code)
        self.village_combo = QComboBox()
        self.village_combo.setObjectName("villageFilter")
        self.village_combo.addItem(self.tr("All villages"), None)
        self.new_button = QPushButton(self.tr("New household..."))
        self.new_button.setObjectName("newHouseholdButton")
        self.new_button.clicked.connect(self.newHouseholdRequested)

        for combo in (self.programme_combo, self.status_combo, self.village_combo):
            # a long village or programme name must not widen the page past a 1366 screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(9)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.programme_combo)
        top.addWidget(self.status_combo)
        top.addWidget(self.village_combo)
        top.addWidget(self.new_button)

        self.table = make_table("householdTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        for col, width in enumerate((70, 100, 170, 150, 70, 60, 100, 90, 120)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.results = make_table("searchResultTable")
        self.results.setModel(self.search.model)
        for col, width in enumerate((110, 170, 50, 100, 90, 150, 80, 100, 90)):
            self.results.horizontalHeader().resizeSection(col, width)
        self.stack = QStackedWidget()
        self.stack.setObjectName("householdListStack")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.results)
        self.status_label = QLabel()
        self.status_label.setObjectName("householdListStatus")
        self.status_label.setProperty("role", "hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_label)
        self.setTabOrder(self.search_box, self.programme_combo)
        self.setTabOrder(self.programme_combo, self.status_combo)
        self.setTabOrder(self.status_combo, self.village_combo)
        self.setTabOrder(self.village_combo, self.new_button)
        self.setTabOrder(self.new_button, self.table)

        self.search_box.textEdited.connect(self._on_search_box_text_edited)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self.search_box.returnPressed.connect(self._on_search_box_return_pressed)
        self.search_box.downPressed.connect(self._on_search_box_down_pressed)
        self.search.finished.connect(self._on_search_finished)
        self.search.rejected.connect(self._on_search_rejected)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.failed.connect(self.status_label.setText)
        for combo in (self.programme_combo, self.status_combo, self.village_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.table.activated.connect(self._on_table_activated)
        self.results.activated.connect(self._on_results_activated)

    # -- loading ---------------------------------------------------------------------------
    def start(self) -> None:
        """First load: villages for the filter and the first page of households."""
        ctx = self._ctx
        QueryOp(
            parent=None,
            owner=self,
            op=lambda: register.list_townships(ctx.db, ctx.actor),
            success=self._set_townships,
        ).run_in_background()
        self.model.reload()

    def _set_townships(self, townships: list[TownshipView]) -> None:
        current = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        while self.village_combo.count() > 1:
            self.village_combo.removeItem(1)
        many = len(townships) > 1
        for t in townships:
            for v in t.villages:
                self.village_combo.addItem(f"{t.name} {v.name}" if many else v.name, v.id)
        index = self.village_combo.findData(current)
        self.village_combo.setCurrentIndex(max(0, index))
        self.village_combo.blockSignals(False)

    def refresh(self) -> None:
        self.model.reload()
        if self.search.text:
            self.search.set_text(self.search.text)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- slots -----------------------------------------------------------------------------
    @Slot(str)
    def _on_search_box_text_edited(self, text: str) -> None:
        self.search.set_text(text)

    @Slot(str)
    def _on_search_box_text_changed(self, text: str) -> None:
        if not text.strip():
            self.search.set_text("")
            self.stack.setCurrentWidget(self.table)
            self._show_list_status()

    @Slot()
    def _on_search_box_return_pressed(self) -> None:
        self.search.run_now()
        if self.stack.currentWidget() is self.results and self.search.model.rowCount() > 0:
            self.householdActivated.emit(self.search.model.row_at(0).household_id)

    @Slot()
    def _on_search_box_down_pressed(self) -> None:
        table = self.results if self.stack.currentWidget() is self.results else self.table
        table.setFocus()
        if table.model().rowCount() > 0 and not table.currentIndex().isValid():
            table.setCurrentIndex(table.model().index(0, 0))

    @Slot(str, int)
    def _on_search_finished(self, _query: str, count: int) -> None:
        self.stack.setCurrentWidget(self.results)
        if count == 0:
            self.status_label.setText(self.tr("No person found."))
        else:
            self.status_label.setText(self.tr("%n person(s) found.", "", count))

    @Slot(str)
    def _on_search_rejected(self, message: str) -> None:
        self.stack.setCurrentWidget(self.results)
        self.status_label.setText(message)

    @Slot(int)
    def _on_model_loaded(self, _rows: int) -> None:
        if self.stack.currentWidget() is self.table:
            self._show_list_status()

    def _show_list_status(self) -> None:
        self.status_label.setText(self.tr("%n household(s).", "", self.model.total))

    @Slot()
    def _on_filter_changed(self) -> None:
        q: ListQuery = self.model.query
        self.model.set_query(
            replace(
                q,
                programme=self.programme_combo.currentData(),
                status=self.status_combo.currentData(),
                village_id=self.village_combo.currentData(),
            )
        )
        filters: dict[str, Any] = {}
        if self.village_combo.currentData() is not None:
            filters["village_id"] = self.village_combo.currentData()
        if self.programme_combo.currentData() is not None:
            filters["programme"] = self.programme_combo.currentData()
        self.search.filters = filters
        if self.search.text:
            self.search.set_text(self.search.text)

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.householdActivated.emit(self.model.row_at(index.row()).household_id)

    @Slot(QModelIndex)
    def _on_results_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.householdActivated.emit(self.search.model.row_at(index.row()).household_id)
