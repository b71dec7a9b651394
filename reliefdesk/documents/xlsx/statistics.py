"""Statistics workbooks (民政统计月报 / 年度统计) in the county's layouts, several sheets.

Pure (data -> file): the service passes ready rows. ``Money`` values are fen and are written
as numbers in 元 with format ``0.00``; ints are plain numbers; text stays literal.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from ._cells import CENTER, LEFT, CellMaker, save_atomically

__all__ = ["Money", "StatSheet", "write_statistics"]


@dataclass(frozen=True)
class Money:
    """An amount in fen, written as 元 with two decimals."""

    fen: int


Value = str | int | Money | None


@dataclass(frozen=True)
class StatSheet:
    """One sheet: a title row, a subtitle, a header row and data rows."""

    name: str
    title: str
    headers: tuple[str, ...]
    rows: Sequence[Sequence[Value]]
    subtitle: str = ""


def write_statistics(path: str | os.PathLike[str], sheets: Sequence[StatSheet]) -> tuple[Path, str]:
    """Write every sheet to ``path`` atomically; returns (path, SHA-256 of the file)."""

    def write(tmp: Path) -> None:
        wb = Workbook(write_only=True)
        for sheet in sheets:
            ws = wb.create_sheet(title=sheet.name[:31])
            for i in range(len(sheet.headers)):
                ws.column_dimensions[chr(ord("A") + i) if i < 26 else "A"].width = (
                    18 if i == 0 else 12
                )
            cells = CellMaker(ws)
            ws.append([cells.text(sheet.title, cells.style(bold=True, size=14))])
            if sheet.subtitle:
                ws.append([cells.text(sheet.subtitle, cells.style())])
            head = cells.style(bold=True, align=CENTER, border=True)
            text = cells.style(align=LEFT, border=True)
            integer = cells.style("0", border=True)
            money = cells.style("0.00", border=True)
            ws.append([cells.text(h, head) for h in sheet.headers])
            for row in sheet.rows:
                out = []
                for value in row:
                    if isinstance(value, Money):
                        out.append(cells.number(value.fen / 100, money))
                    elif isinstance(value, int) and not isinstance(value, bool):
                        out.append(cells.number(value, integer))
                    else:
                        out.append(cells.text("" if value is None else str(value), text))
                ws.append(out)
        wb.save(tmp)

    return save_atomically(path, write)
