"""The big household list (≥ 100k persons): a table model over SQL pages.

Rows arrive page by page (``PAGE_SIZE``) from ``register.household_summary_page`` on a worker
thread; ``canFetchMore``/``fetchMore`` ask for the next page when the view scrolls near the end.
Sorting (header clicks) and filtering reload from the first page with the new SQL ordering and
conditions — nothing is ever sorted in Python. A reload bumps a generation number, so a page
that arrives for an older query is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from reliefdesk.services import register
from reliefdesk.services.register_types import HouseholdRow, HouseholdSummaryPage
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.households import labels
from reliefdesk.ui.households.rows_model import ROW_ROLE, Index
from reliefdesk.ui.ops import QueryOp

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


class HouseholdListModel(QAbstractTableModel):
    """Households, one row each, fetched in pages of ``PAGE_SIZE`` off the GUI thread.

    Signals:
        loaded(int): a page arrived; the argument is the number of rows now held.
        failed(str): a page could not be read.
    """

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[HouseholdRow] = []
        self._total = 0
        self._query = ListQuery()
        self._generation = 0
        self._loading = False
        self._headers = [
            QCoreApplication.translate("HouseholdListModel", "No."),
            QCoreApplication.translate("HouseholdListModel", "Head of household"),
            QCoreApplication.translate("HouseholdListModel", "ID number"),
            QCoreApplication.translate("HouseholdListModel", "Village"),
            QCoreApplication.translate("HouseholdListModel", "Urban/rural"),
            QCoreApplication.translate("HouseholdListModel", "Persons"),
            QCoreApplication.translate("HouseholdListModel", "Programme"),
            QCoreApplication.translate("HouseholdListModel", "Status"),
            QCoreApplication.translate("HouseholdListModel", "Monthly benefit (yuan)"),
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
        return self._loading

    def set_query(self, query: ListQuery) -> None:
        """Show a new filter/ordering: clears the rows and loads the first page."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()
        self._load(0, with_total=True)

    def _load(self, offset: int, *, with_total: bool) -> None:
        ctx, q, gen = self._ctx, self._query, self._generation
        self._loading = True

        def op() -> HouseholdSummaryPage:
            return register.household_summary_page(
                ctx.db,
                ctx.actor,
                offset=offset,
                limit=PAGE_SIZE,
                sort=q.sort,
                descending=q.descending,
                programme=q.programme,
                status=q.status,
                village_id=q.village_id,
                with_total=with_total,
            )

        def done(page: HouseholdSummaryPage) -> None:
            if gen != self._generation:
                return  # an older query's page
            self._loading = False
            if with_total:
                self._total = page.total
            if page.rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
                self._rows.extend(page.rows)
                self.endInsertRows()
            if len(page.rows) < PAGE_SIZE:
                self._total = len(self._rows)  # the end, whatever the count said
            self.loaded.emit(len(self._rows))

        def fail(error: Exception) -> None:
            if gen == self._generation:
                self._loading = False
                self.failed.emit(str(error))

        QueryOp(parent=None, owner=self, op=op, success=done).failure(
            fail
        ).run_in_background()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(len(self._rows), with_total=False)

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

    # -- model -----------------------------------------------------------------------------
    def row_at(self, row: int) -> HouseholdRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 5, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(r: HouseholdRow, col: int) -> str:
        if col == 0:
            return str(r.household_id)
        if col == 1:
            return r.head_name
        if col == 2:
            return r.head_id_masked
        if col == 3:
            return r.village_name
        if col == 4:
            return labels.label(labels.area_types(), r.area_type)
        if col == 5:
            return str(r.members)
        if col == 6:
            return labels.label(labels.programmes(), r.programme)
        if col == 7:
            return labels.label(labels.enrollment_statuses(), r.enrollment_status)
        return labels.yuan(r.amount_fen)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return super().headerData(section, orientation, role)
