"""Read-only table models over lists of frozen dataclasses, and a variant that pages rows in
from the database (``canFetchMore``/``fetchMore``) through a background op.

Columns are declared once (title, how to show a row, optional colour); the models never sort
in Python: ordering and filtering happen in SQL in the service.
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


@dataclass(frozen=True)
class Column:
    """One column: ``text(row)`` is the display text; ``color(row)`` an optional text colour."""

    title: str
    text: Callable[[Any], str]
    color: Callable[[Any], QColor | None] | None = None
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


def fmt_date(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def fmt_yuan(fen: int | None) -> str:
    return fen_to_yuan(fen) if fen is not None else ""


class RecordTableModel(QAbstractTableModel):
    """Rows of plain objects shown through ``columns``; ``row(i)`` gives the object back."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    # -- data access --------------------------------------------------------------------
    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, i: int) -> Any:
        return self._rows[i]

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[Any]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # -- Qt overrides ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            color = col.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title
            return None
        return str(section + 1)


class PagedTableModel(RecordTableModel):
    """Rows fetched ``page_size`` at a time by ``fetch(offset, limit)`` off the GUI thread.

    ``reload()`` drops the rows and loads the first page; views call ``fetchMore`` as the
    user scrolls to the end. ``loaded`` fires after each page; ``failed`` on a known error.
    """

    loaded = Signal()
    failed = Signal(object)

    def __init__(self, columns: Sequence[Column], fetch: Callable[[int, int], Sequence[Any]],
                 *, page_size: int = 200, widget: QWidget | None = None,
                 parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._fetch = fetch
        self.page_size = page_size
        self._widget = widget
        self._exhausted = True
        self._loading = False
        self._generation = 0

    def set_fetch(self, fetch: Callable[[int, int], Sequence[Any]]) -> None:
        self._fetch = fetch

    def is_loading(self) -> bool:
        return self._loading

    def reload(self) -> None:
        self._generation += 1
        self.set_rows([])
        self._exhausted = False
        self._load(0)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(len(self._rows))

    def _load(self, offset: int) -> None:
        self._loading = True
        generation = self._generation
        fetch, limit = self._fetch, self.page_size

        def done(rows: Sequence[Any]) -> None:
            if generation != self._generation:
                return  # a newer reload() superseded this page
            self._loading = False
            self._exhausted = len(rows) < limit
            self.append_rows(list(rows))
            self.loaded.emit()

        def fail(error: ReliefError) -> None:
            if generation == self._generation:
                self._loading = False
                self._exhausted = True
                self.failed.emit(error)

        QueryOp(parent=self._widget, op=lambda: fetch(offset, limit), success=done).failure(
            fail).run_in_background()
