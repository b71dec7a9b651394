"""Typed cells for openpyxl write-only sheets, and saving a workbook atomically with a hash.

Two openpyxl traps are handled here (``reference/ECOSYSTEM.md`` §4.2): a ``str`` starting with
"=" is bound as a formula and "#N/A"-like strings as error cells. ``text()`` forces data type
``s`` so user text stays literal. Styles are built once per combination and shared through the
cell's style array: setting ``number_format``/``font`` on every cell costs more than writing it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.styleable import StyleableObject
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from reliefdesk.errors import ValidationError

__all__ = [
    "MAX_CELL_CHARS",
    "CellMaker",
    "bad_text",
    "needs_forcing",
    "printable",
    "save_atomically",
]

MAX_CELL_CHARS = 32767
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_THIN = Side(style="thin")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")
RIGHT = Alignment(horizontal="right", vertical="center")


def needs_forcing(text: str) -> bool:
    """True if openpyxl would not bind ``text`` as a plain string (formula or error code)."""
    return text[:1] == "=" or text in ERROR_CODES


def printable(text: str) -> str:
    """``text`` with control characters shown as "?" (for messages about that text)."""
    return _ILLEGAL.sub("?", text)


def bad_text(text: str) -> str | None:
    """Why ``text`` cannot go into a cell (control characters, too long), or None if it can."""
    if _ILLEGAL.search(text):
        return "含有不可见的控制字符"
    if len(text) > MAX_CELL_CHARS:
        return f"超过 Excel 单元格上限 {MAX_CELL_CHARS} 个字符"
    return None


class _Style:
    """One shared style of a :class:`CellMaker`: openpyxl's style array, whether it styles
    anything, and its id in the workbook once a cell of it is written."""

    __slots__ = ("array", "id", "used")

    def __init__(self, array: Any) -> None:
        self.array = array
        self.used = any(array)
        self.id: int | None = None


class _StyledCell(Cell):
    """A cell of a :class:`CellMaker`: it holds the maker's shared style (openpyxl would copy
    the style array per cell and hash it into the workbook's style list on every cell it
    writes; here the workbook id is looked up once per style), and its repr is cheap: on a
    sheet not made by :func:`new_write_only_sheet`, openpyxl's write-only ``append`` formats
    the repr of every Cell object into an error message it then discards."""

    __slots__ = ("_shared",)
    _shared: _Style

    @property
    def style_id(self) -> int:
        shared = self._shared
        if shared.id is None:  # in first-use order, as openpyxl itself numbers the styles
            workbook: Any = self.parent.parent
            shared.id = workbook._cell_styles.add(shared.array) if shared.used else 0
        return shared.id

    @property
    def has_style(self) -> bool:
        return self._shared.used

    def __repr__(self) -> str:
        return "<write-only cell>"


class CellMaker:
    """Makes styled write-only cells; each style combination is registered with the workbook once."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self._styles: dict[tuple[Any, ...], _Style] = {}

    def style(
        self,
        number_format: str = "General",
        *,
        bold: bool = False,
        size: float | None = None,
        align: Alignment | None = None,
        border: bool = False,
    ) -> _Style:
        """The shared style for this combination (opaque; pass it to text/number)."""
        key = (number_format, bold, size, id(align) if align else None, border)
        style = self._styles.get(key)
        if style is None:
            proto = WriteOnlyCell(self.ws)
            proto.number_format = number_format
            if bold or size:
                proto.font = Font(bold=bold, size=size or 11)
            if align is not None:
                proto.alignment = align
            if border:
                proto.border = BORDER
            # the style array is openpyxl's internal; reusing it is the fast path
            style = self._styles[key] = _Style(proto._style)  # type: ignore[attr-defined]
        return style

    def text(self, value: str, style: _Style) -> Cell:
        """A string cell that stays a literal string, whatever its first character.

        ``value`` must already be free of control characters (``bad_text``): the value is
        stored directly instead of through openpyxl's type guessing, which is both the
        formula trap and a third of the cost of a cell.
        """
        return _new_cell(self.ws, value, "s", style)

    def number(self, value: int | float | None, style: _Style) -> Cell:
        """A numeric (or, for None, empty but styled) cell."""
        return _new_cell(self.ws, value, "n", style)


#: Every attribute of an openpyxl ``Cell``; :func:`_new_cell` sets them all.
_CELL_ATTRIBUTES = frozenset(
    {"parent", "_style", "row", "column", "_value", "data_type", "_hyperlink", "_comment"}
)
if set(Cell.__slots__) | set(StyleableObject.__slots__) != _CELL_ATTRIBUTES:
    raise ImportError("this openpyxl's Cell has other attributes: update _cells._new_cell")
_blank = object.__new__


def _new_cell(ws: WriteOnlyWorksheet, value: Any, data_type: str, style: _Style) -> Cell:
    """A write-only cell of ``style`` holding ``value`` as is (no type guessing).

    Every attribute ``Cell.__init__`` would set is set here directly: a cell is made per value
    written, and the two ``__init__`` calls and the value setter cost more than the rest."""
    cell: Any = _blank(_StyledCell)  # openpyxl's stubs leave out the private attributes
    cell.parent = ws
    cell.row = cell.column = 1  # write-only: openpyxl sets both when the row is appended
    cell._value = value
    cell.data_type = data_type
    cell._hyperlink = cell._comment = None
    cell._style = style.array  # shared, not a copy
    cell._shared = style
    return cast(Cell, cell)


def save_atomically(
    path: str | os.PathLike[str], write: Callable[[Path], None]
) -> tuple[Path, str]:
    """Call ``write(tmp)`` then move ``tmp`` onto ``path``; return (path, SHA-256 hex of the file).

    The temporary file sits next to the target so the final ``os.replace`` is atomic: a crash or
    a full disk never leaves a half-written roll under the real name.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError(
            f"保存位置不存在：{target.parent}", code="export.folder", field="path"
        )
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        digest = hashlib.sha256()
        with tmp.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target, digest.hexdigest()


def layout(ws: WriteOnlyWorksheet) -> Worksheet:
    """The layout side of a write-only sheet (column widths, page setup, merges).

    openpyxl's write-only sheet borrows these attributes from ``Worksheet`` at runtime; the
    type stubs leave them out, so this one cast says so instead of an ignore per line.
    """
    return cast(Worksheet, ws)


class _CellRows(WriteOnlyWorksheet):
    """A write-only sheet that writes the cells of a :class:`CellMaker` as they are.

    openpyxl's ``append`` first tries every value as a plain value: for a Cell object that is
    a failed type check raising an exception with a formatted message, then a new blank cell
    after every styled one, about a third of the cost of writing a styled cell. Plain values
    still go through openpyxl's own type binding (formula and error traps, dates)."""

    def _values_to_row(self, values: Iterable[Any], row_idx: int) -> Iterator[Cell]:
        plain = WriteOnlyCell(self)
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                plain.value = value
                cell = plain
            cell.column = column
            cell.row = row_idx
            if cell._hyperlink is not None:  # type: ignore[attr-defined]
                cell.hyperlink.ref = cell.coordinate  # type: ignore[union-attr]
            yield cell
            if cell is plain and plain.has_style:  # a date got a number format: fresh cell
                plain = WriteOnlyCell(self)


def new_write_only_sheet(title: str) -> tuple[Workbook, WriteOnlyWorksheet]:
    """A write-only workbook with exactly one sheet named ``title`` (it takes CellMaker cells
    without openpyxl's per-cell detour)."""
    wb = Workbook(write_only=True)
    ws = _CellRows(parent=wb, title=title)
    wb._add_sheet(ws)  # type: ignore[attr-defined]  # as ``create_sheet`` does
    return wb, ws
