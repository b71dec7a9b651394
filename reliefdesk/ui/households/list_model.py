"""The big household list (≥ 100k persons): a table model over SQL pages.

Rows arrive page by page (``PAGE_SIZE``) from ``register.household_summary_page`` on a worker
thread; ``canFetchMore``/``fetchMore`` ask for the next page when the view scrolls near the end.
Sorting (header clicks) and filtering reload from the first page with the new SQL ordering and
conditions — nothing is ever sorted in Python. A reload bumps a generation number, so a page
that arrives for an older query is dropped. It is the shared
:class:`~reliefdesk.ui.table_model.PagedTableModel` with a page that also carries the total.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal

from reliefdesk.services import register
from reliefdesk.services.register.types import HouseholdSummaryPage
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import register as labels
from reliefdesk.ui.table_model import Column, PagedTableModel

PAGE_SIZE = 200

# column -> SQL sort key (None: the column cannot be sorted)
_SORT_KEYS: tuple[str | None, ...] = (
    "id",
    "head_name",
    None,
    "village",
    None,
    "members",
    "programme",
    "status",
    "amount",
)


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: filters and SQL ordering."""

    programme: str | None = None
    status: str | None = None
    village_id: int | None = None
    sort: str = "id"
    descending: bool = False


class HouseholdListModel(PagedTableModel):
    """Households, one row each, fetched in pages of ``PAGE_SIZE`` off the GUI thread.

    Signals:
        loaded(int): a page arrived; the argument is the number of rows now held.
        failed(str): a page could not be read.
    """

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(self._columns(), page_size=PAGE_SIZE, parent=parent)
        self._ctx = ctx
        self._total = 0
        self._query = ListQuery()

    @staticmethod
    def _columns() -> list[Column]:
        translate = QCoreApplication.translate
        return [
            Column(
                translate("HouseholdListModel", "No."),
                lambda r: str(r.household_id),
                align_right=True,
            ),
            Column(translate("HouseholdListModel", "Head of household"), lambda r: r.head_name),
            Column(translate("HouseholdListModel", "ID number"), lambda r: r.head_id_masked),
            Column(translate("HouseholdListModel", "Village"), lambda r: r.village_name),
            Column(
                translate("HouseholdListModel", "Urban/rural"),
                lambda r: labels.label(labels.area_types(), r.area_type),
            ),
            Column(
                translate("HouseholdListModel", "Persons"),
                lambda r: str(r.members),
                align_right=True,
            ),
            Column(
                translate("HouseholdListModel", "Programme"),
                lambda r: labels.label(labels.programmes(), r.programme),
            ),
            Column(
                translate("HouseholdListModel", "Status"),
                lambda r: labels.label(labels.enrollment_statuses(), r.enrollment_status),
            ),
            Column(
                translate("HouseholdListModel", "Benefit (yuan)"),
                lambda r: labels.benefit(r.programme, r.amount_fen),
                align_right=True,
            ),
        ]

    # -- loading ---------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self.is_loading()

    def set_query(self, query: ListQuery) -> None:
        """Show a new filter/ordering: clears the rows and loads the first page."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        self._total = 0
        super().reload()

    def _can_load(self) -> bool:
        return True

    def _page_op(self, offset: int, limit: int) -> Any:
        ctx, q = self._ctx, self._query

        def op() -> HouseholdSummaryPage:
            return register.household_summary_page(
                ctx.db,
                ctx.actor,
                offset=offset,
                limit=limit,
                sort=q.sort,
                descending=q.descending,
                programme=q.programme,
                status=q.status,
                village_id=q.village_id,
                with_total=offset == 0,
            )

        return op

    def _accept_page(self, result: Any, offset: int, limit: int) -> tuple[list[Any], bool]:
        page: HouseholdSummaryPage = result
        if offset == 0:
            self._total = page.total
        held = len(self._rows) + len(page.rows)
        if len(page.rows) < limit:
            self._total = held  # the end, whatever the count said
        return list(page.rows), held >= self._total

    def _emit_loaded(self) -> None:
        self.loaded.emit(len(self._rows))

    def _emit_failed(self, error: Exception) -> None:
        self.failed.emit(str(error))

    # -- sorting in SQL --------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORT_KEYS[column] if 0 <= column < len(_SORT_KEYS) else None
        if key is None:
            key = "id"
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    @staticmethod
    def sortable(column: int) -> bool:
        return 0 <= column < len(_SORT_KEYS) and _SORT_KEYS[column] is not None
