"""The one table-model base of the UI: read-only rows of plain objects (frozen dataclasses)
shown through declared columns, and a variant that pages rows in from the database
(``canFetchMore``/``fetchMore``) through a background op, with jump-to-row.

Columns are declared once (title, how to show a row, optional colour, alignment, tooltip,
width); the models never sort or filter in Python: ordering and filtering happen in SQL in the
service. Every table of every page is one of these models or a subclass configuring it
(``rosters.models.LinesModel``, ``households.list_model.HouseholdListModel``, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.errors import ReliefError
from reliefdesk.ui.ops import QueryOp

Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOR = QColor("#c62828")
WARN_COLOR = QColor("#b26a00")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class Column:
    """One column: ``text(row)`` is the display text; ``color(row)`` an optional text colour;
    ``align`` a Qt alignment (``align_right`` is the short form); ``width`` a hint for views."""

    title: str
    text: Callable[[Any], str]
    color: Callable[[Any], QColor | None] | None = None
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None
    align: int | None = None
    width: int = 80

    @property
    def alignment(self) -> int:
        if self.align is not None:
            return self.align
        return ALIGN_RIGHT if self.align_right else ALIGN_LEFT


ColumnSpec = Column | tuple[str, Callable[[Any], str]]


def as_columns(columns: Sequence[ColumnSpec], align_right: Sequence[int] = ()) -> list[Column]:
    """Columns from ``Column`` objects or short ``(title, text)`` pairs."""
    right = set(align_right)
    return [
        c if isinstance(c, Column) else Column(c[0], c[1], align_right=i in right)
        for i, c in enumerate(columns)
    ]


def fmt_date(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def fmt_yuan(fen: int | None) -> str:
    return fen_to_yuan(fen) if fen is not None else ""


class RecordTableModel(QAbstractTableModel):
    """Rows of plain objects shown through ``columns``; ``row(i)`` gives the object back."""

    def __init__(
        self, columns: Sequence[ColumnSpec], parent: Any = None, *, align_right: Sequence[int] = ()
    ) -> None:
        super().__init__(parent)
        self.columns: list[Column] = as_columns(columns, align_right)
        self._rows: list[Any] = []

    # -- data access --------------------------------------------------------------------
    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, i: int) -> Any:
        return self._rows[i]

    def row_at(self, i: int) -> Any:
        return self._rows[i]

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[ColumnSpec], align_right: Sequence[int] = ()) -> None:
        self.beginResetModel()
        self.columns = as_columns(columns, align_right)
        self.endResetModel()

    def append_rows(self, rows: Sequence[Any]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def replace_row(self, i: int, row: Any) -> None:
        """Refresh one row in place (a write changed just that record)."""
        self._rows[i] = row
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    # -- Qt overrides ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self._rows))
            or index.column() >= len(self.columns)
        ):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            color = col.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return col.alignment
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row) or None
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].title
            return None
        return str(section + 1)


class PagedTableModel(RecordTableModel):
    """Rows fetched ``page_size`` at a time by ``fetch(offset, limit)`` off the GUI thread.

    ``reload()`` drops the rows and loads the first page; views call ``fetchMore`` as the
    user scrolls to the end; ``load_where(pred, then)`` loads on to a row (jump to a line). ``loaded`` fires after each page; ``failed`` on a known error. A reload bumps a
    generation number, so a page that arrives for an older query is dropped. Subclasses change
    what one page is by overriding ``_page_op``/``_accept_page``.
    """

    loaded = Signal()
    failed = Signal(object)

    def __init__(
        self,
        columns: Sequence[ColumnSpec],
        fetch: Callable[[int, int], Sequence[Any]] | None = None,
        *,
        page_size: int = 200,
        widget: QWidget | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self._fetch = fetch
        self.page_size = page_size
        self._widget = widget
        self._exhausted = True
        self._loading = False
        self._generation = 0
        self._after_load: list[Callable[[], None]] = []

    def set_fetch(self, fetch: Callable[[int, int], Sequence[Any]] | None) -> None:
        self._fetch = fetch

    def is_loading(self) -> bool:
        return self._loading

    def is_exhausted(self) -> bool:
        return self._exhausted

    @property
    def exhausted(self) -> bool:
        """True once the last page has arrived (no more rows on the server side)."""
        return self._exhausted

    def reload(self) -> None:
        self._generation += 1
        self._after_load.clear()
        self.set_rows([])
        self._loading = False
        self._exhausted = not self._can_load()
        if self._can_load():
            self._load(0, self.page_size)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(len(self._rows), self.page_size)

    def row_where(self, pred: Callable[[Any], bool]) -> int:
        """Row of the first loaded row matching ``pred``, or -1."""
        return next((i for i, r in enumerate(self._rows) if pred(r)), -1)

    def load_where(
        self, pred: Callable[[Any], bool], then: Callable[[int], None], *, want: int | None = None
    ) -> None:
        """Make sure a row matching ``pred`` is loaded, fetching ``want`` more rows (at least a
        page) in one go if it is not, then call ``then(row)`` (-1 if no loaded row matches)."""
        row = self.row_where(pred)
        if row >= 0 or self._exhausted or not self._can_load():
            then(row)
            return
        if self._loading:
            self._after_load.append(lambda: self.load_where(pred, then, want=want))
            return
        self._after_load.append(lambda: then(self.row_where(pred)))
        self._load(len(self._rows), max(self.page_size, want or 0))

    # -- one page -------------------------------------------------------------------------
    def _can_load(self) -> bool:
        return self._fetch is not None

    def _page_op(self, offset: int, limit: int) -> Callable[[], Any]:
        """The worker-thread call reading one page."""
        fetch = self._fetch
        assert fetch is not None
        return lambda: fetch(offset, limit)

    def _accept_page(self, result: Any, offset: int, limit: int) -> tuple[list[Any], bool]:  # noqa: ARG002 - the households list's override uses offset
        """(rows to append, exhausted) from what ``_page_op`` returned."""
        rows = list(result)
        return rows, len(rows) < limit

    def _emit_loaded(self) -> None:
        self.loaded.emit()

    def _emit_failed(self, error: ReliefError) -> None:
        self.failed.emit(error)

    def _load(self, offset: int, limit: int) -> None:
        self._loading = True
        generation = self._generation

        def done(result: Any) -> None:
            if generation != self._generation:
                return  # a newer reload() superseded this page
            rows, self._exhausted = self._accept_page(result, offset, limit)
            # append while still "loading": a view or tester reacting to the insertion must
            # not start a second fetch at the old offset
            self.append_rows(rows)
            self._loading = False
            self._emit_loaded()
            pending, self._after_load = self._after_load, []
            for callback in pending:
                callback()

        def fail(error: ReliefError) -> None:
            if generation == self._generation:
                self._loading = False
                self._exhausted = True
                self._after_load.clear()
                self._emit_failed(error)

        QueryOp(
            parent=self._widget, owner=self, op=self._page_op(offset, limit), success=done
        ).failure(fail).run_in_background()
