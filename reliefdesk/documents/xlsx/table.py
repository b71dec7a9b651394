"""A list as a workbook: a title row, a header row and one row per record (台账, 超期清单,
在保名单 ... any list a page shows).

Pure (data -> file): the caller gives column titles and rows of already formatted values.
Text stays literal (a leading "=" never becomes a formula); ints are numbers; column
``text_columns`` (IDs, file numbers) are forced to text with format ``@``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ._cells import CENTER, LEFT, CellMaker, bad_text, layout, new_write_only_sheet, save_atomically

__all__ = ["TableSheet", "write_table"]


@dataclass(frozen=True)
class TableSheet:
    """What to write: ``rows`` hold str, int (a number) or None (empty)."""

    title: str  # sheet name and the title row
    headers: tuple[str, ...]
    rows: Sequence[Sequence[str | int | None]]
    subtitle: str = ""  # e.g. 制表：张三 2026-12-01
    text_columns: frozenset[int] = field(default_factory=frozenset)
    widths: tuple[int, ...] = ()


def _clean(value: str) -> str:
    problem = bad_text(value)
    if problem is None:
        return value
    return "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")[:32767]


def write_table(path: str | os.PathLike[str], sheet: TableSheet) -> tuple[Path, str]:
    """Write ``sheet`` to ``path`` atomically; returns (path, SHA-256 of the file)."""
    name = "".join(ch for ch in sheet.title if ch not in "[]:*?/\\")[:31] or "Sheet1"

    def write(tmp: Path) -> None:
        wb, ws = new_write_only_sheet(name)
        n = max(len(sheet.headers), 1)
        for i in range(n):
            width = sheet.widths[i] if i < len(sheet.widths) else 16
            layout(ws).column_dimensions[chr(ord("A") + i) if i < 26 else "A"].width = width
        cells = CellMaker(ws)
        title_style = cells.style(bold=True, size=14)
        head = cells.style(bold=True, align=CENTER, border=True)
        text = cells.style(align=LEFT, border=True)
        forced = cells.style("@", align=LEFT, border=True)
        number = cells.style("0", border=True)
        ws.append([cells.text(_clean(sheet.title), title_style)])
        if sheet.subtitle:
            ws.append([cells.text(_clean(sheet.subtitle), cells.style())])
        ws.append([cells.text(_clean(h), head) for h in sheet.headers])
        for row in sheet.rows:
            out = []
            for i, value in enumerate(row):
                if (
                    isinstance(value, int)
                    and not isinstance(value, bool)
                    and i not in sheet.text_columns
                ):
                    out.append(cells.number(value, number))
                else:
                    out.append(
                        cells.text(
                            _clean("" if value is None else str(value)),
                            forced if i in sheet.text_columns else text,
                        )
                    )
            ws.append(out)
        wb.save(tmp)

    return save_atomically(path, write)
