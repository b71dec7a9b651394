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
from reliefdesk.ui.households.household_panel import HouseholdPanel
from reliefdesk.ui.households.list_view import HouseholdListView
from reliefdesk.ui.households.new_household_dialog import NewHouseholdDialog
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.refresh import PageRefresh

_REFRESH_KINDS = (
    "households",
    "persons",
    "accounts",
    "applications",
    "visits",
    "enrollments",
    "rosters",
)


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
        # The shown household reloads after any write that may show on it; the list after
        # register or enrollment writes (now if shown, else when next shown).
        self.panel_refresh = PageRefresh(self.panel, ctx, _REFRESH_KINDS, self.panel.refresh)
        self.list_refresh = PageRefresh(
            self.list_view, ctx, ("households", "persons", "enrollments"), self.list_view.refresh
        )
        search_requested = getattr(parent, "searchRequested", None)
        if search_requested is not None:
            search_requested.connect(self._on_window_search_requested)
        self.list_view.start()
        QueryOp(
            parent=None,
            owner=self,
            op=lambda: register.list_townships(ctx.db, ctx.actor),
            success=self._on_townships_loaded,
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
        """The dialog's MutationOp broadcast the new household; show it."""
        self.open_household(view.id)

    # -- reacting ---------------------------------------------------------------------------
    @Slot()
    def _on_window_search_requested(self) -> None:
        window = self.window()
        current = getattr(window, "current_page", None)
        if current is None or current() is self:
            self.focus_search()
