"""The error workbook of an import: every problem row by row, and the problem rows themselves
under their original header with a 问题说明 column, so the clerk fixes them in place and
re-imports the file (the extra column is ignored; fixed rows import, the rest are listed
again). ID and account cells are text cells (``@``) so Excel keeps every digit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

__all__ = ["PROBLEM_SHEET", "ProblemRow", "write_problem_workbook"]

#: The list sheet of an error workbook; a re-import skips it and reads the data sheets.
PROBLEM_SHEET = "问题清单"

_TEXT_HINTS = ("身份证", "号码", "卡号", "账号", "帐号", "证号", "户号", "编号")


@dataclass(frozen=True)
class ProblemRow:
    sheet: str
    row: int
    name: str
    severity: str  # 错误 | 提示
    code: str
    message: str


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value
    return value


def write_problem_workbook(
    path: str | Path,
    problems: Sequence[ProblemRow],
    originals: dict[str, tuple[Sequence[str], list[tuple[int, list[Any]]]]],
    notes: dict[tuple[str, int], str],
) -> Path:
    """Write the workbook: sheet 问题清单, then one sheet per source sheet with its problem
    rows (header labels, then the rows, then 原行号 and 问题说明)."""
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = PROBLEM_SHEET
    ws.append(["工作表", "行号", "姓名", "类别", "问题代码", "问题说明"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for p in problems:
        ws.append([_safe(p.sheet), p.row, _safe(p.name), p.severity, p.code, _safe(p.message)])
    for col, width in zip("ABCDEF", (14, 8, 12, 8, 24, 80), strict=False):
        ws.column_dimensions[col].width = width
    for sheet, (labels, rows) in originals.items():
        if not rows:
            continue
        out = wb.create_sheet(sheet[:28] or "数据")
        header = [*list(labels), "原行号", "问题说明"]
        out.append(header)
        for cell in out[1]:
            cell.font = Font(bold=True)
        text_cols = {i for i, lab in enumerate(labels) if any(h in str(lab) for h in _TEXT_HINTS)}
        for row_no, cells in rows:
            values = [
                str(v) if i in text_cols and v not in (None, "") else _safe(v)
                for i, v in enumerate(list(cells)[: len(labels)])
            ]
            values += [""] * (len(labels) - len(values))
            out.append([*values, row_no, notes.get((sheet, row_no), "")])
            for i in text_cols:
                out.cell(row=out.max_row, column=i + 1).number_format = "@"
    target = Path(path)
    wb.save(target)
    return target
