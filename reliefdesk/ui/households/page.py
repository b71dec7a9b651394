"""家庭档案 page: the household list and, stacked over it, one household's page.

Reacts to ``ctx.householdRequested`` (opens that household), ``ctx.changed`` (refreshes what is
shown) and the main window's Ctrl+F (focuses the search box) and Ctrl+S (``save()``).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from reliefdesk.services import register
from reliefdesk.services.register.types import HouseholdView, TownshipView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.households.guard import alive
from reliefdesk.ui.households.household_panel import HouseholdPanel
from reliefdesk.ui.households.list_view import HouseholdListView
from reliefdesk.ui.households.new_household_dialog import NewHouseholdDialog
from reliefdesk.ui.ops import QueryOp

_REFRESH_KINDS = {"households", "applications", "visits", "enrollments", "rosters"}


class HouseholdsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdsPage")
        self.ctx = ctx
        self.list_view = HouseholdListView(ctx, self)
        self.panel = HouseholdPanel(ctx, self)
        self.stack = QStackedWidget()
        self.stack.setObjectName("householdsStack")
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.new_household_dialog: NewHouseholdDialog | None = None

        self.list_view.householdActivated.connect(self.open_household)
        self.list_view.newHouseholdRequested.connect(self.new_household)
        self.panel.backRequested.connect(self.show_list)
        ctx.householdRequested.connect(self.open_household)
        ctx.changed.connect(self._on_ctx_changed)
        search_requested = getattr(parent, "searchRequested", None)
        if search_requested is not None:
            search_requested.connect(self._on_window_search_requested)
        self.list_view.start()
        QueryOp(
            parent=None,
            op=lambda: register.list_townships(ctx.db, ctx.actor),
            success=alive(self, self._on_townships_loaded),
        ).run_in_background()

    def _on_townships_loaded(self, townships: list[TownshipView]) -> None:
        self.panel.set_townships(townships)

    # -- navigation ----------------------------------------------------------------------------
    @Slot(int)
    def open_household(self, household_id: int) -> None:
        self.stack.setCurrentWidget(self.panel)
        self.panel.open_household(household_id)

    @Slot()
    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.list_view.table.setFocus()

    def focus_search(self) -> None:
        self.show_list()
        self.list_view.focus_search()

    def save(self) -> None:
        """Ctrl+S: save the household form when a household is shown."""
        if self.stack.currentWidget() is self.panel:
            self.panel.save()

    @Slot()
    def new_household(self) -> None:
        dialog = NewHouseholdDialog(self.ctx, self)
        dialog.created.connect(self._on_household_created)
        self.new_household_dialog = dialog
        dialog.open()

    def _on_household_created(self, view: HouseholdView) -> None:
        self.ctx.announce("households")
        self.open_household(view.id)

    # -- reacting ---------------------------------------------------------------------------
    @Slot()
    def _on_window_search_requested(self) -> None:
        window = self.window()
        current = getattr(window, "current_page", None)
        if current is None or current() is self:
            self.focus_search()

    @Slot(object)
    def _on_ctx_changed(self, kinds: object) -> None:
        changed = set(kinds) if isinstance(kinds, (set, frozenset, list, tuple)) else set()
        if not changed & _REFRESH_KINDS:
            return
        if self.stack.currentWidget() is self.panel:
            self.panel.refresh()
        if changed & {"households", "enrollments"}:
            self.list_view.refresh()
