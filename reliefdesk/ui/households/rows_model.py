"""A small read-only table model over a tuple of frozen dataclasses (one household's members,
income items, applications...): the shared :class:`~reliefdesk.ui.table_model.RecordTableModel`
configured with short ``(header, formatter)`` columns and the indexes of right-aligned ones.
The row object itself is available under ``ROW_ROLE``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reliefdesk.ui.table_model import ROW_ROLE, ColumnSpec, Index, RecordTableModel

Column = tuple[str, Callable[[Any], str]]

__all__ = ["ROW_ROLE", "Column", "Index", "RowsModel"]


class RowsModel(RecordTableModel):
    """Rows of dataclasses shown through per-column formatters; ``set_rows`` replaces them."""

    def __init__(
        self, columns: Sequence[ColumnSpec], parent: Any = None, align_right: Sequence[int] = ()
    ) -> None:
        super().__init__(columns, parent, align_right=align_right)
        self._right = tuple(align_right)

    def set_columns(self, columns: Sequence[ColumnSpec], align_right: Sequence[int] = ()) -> None:
        super().set_columns(columns, align_right or self._right)
