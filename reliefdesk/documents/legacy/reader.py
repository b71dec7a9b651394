"""Reading an office's legacy sheets: .xlsx and old .xls through python-calamine, .csv in
UTF-8 (with or without BOM) or GBK/GB18030.

Every sheet comes back as plain rows of cell values (str, float, int, date, datetime or None),
with cells merged across rows or columns filled from their top-left cell so a household cell
merged down over its member rows reads on every row (DOMAIN §12.1 oddity 3). Hidden rows are not
reported by the reader; they are read like the others (the row-by-row preview lists them).
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import ValidationError

__all__ = ["RawSheet", "file_sha256", "read_sheets", "sheet_names"]

SUPPORTED = (".xlsx", ".xlsm", ".xls", ".csv")


@dataclass(frozen=True)
class RawSheet:
    """One sheet as rows of raw cell values (row 0 is the sheet's first row)."""

    name: str
    rows: list[list[Any]]


def file_sha256(path: str | Path) -> str:
    """SHA-256 of the file's bytes (the source every imported record names)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ValidationError(
            f"不支持的文件类型：{path.name}（请选择 .xlsx、.xls 或 .csv 文件）",
            code="import.file_type",
        )
    if not path.is_file():
        raise ValidationError(f"文件不存在：{path}", code="import.file_missing")
    return suffix


def sheet_names(path: str | Path) -> list[str]:
    """The names of the file's sheets (a .csv has one, named after the file)."""
    p = Path(path)
    if _kind(p) == ".csv":
        return [p.stem]
    return list(_open_book(p).sheet_names)


def _open_book(p: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(p))
    except Exception as exc:
        raise ValidationError(
            f"无法读取文件 {p.name}：文件已损坏或不是 Excel 表格（{exc}）", code="import.unreadable"
        ) from None


def read_sheets(path: str | Path, only: str | None = None) -> list[RawSheet]:
    """All sheets of the file (or only the one named ``only``), merged cells filled."""
    p = Path(path)
    if _kind(p) == ".csv":
        return [RawSheet(p.stem, _read_csv(p))]
    book = _open_book(p)
    names = list(book.sheet_names)
    if only is not None:
        if only not in names:
            raise ValidationError(
                f"文件中没有名为“{only}”的工作表（有：{'、'.join(names)}）", code="import.sheet"
            )
        names = [only]
    out: list[RawSheet] = []
    for name in names:
        try:
            sheet = book.get_sheet_by_name(name)
            rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
        except Exception as exc:
            raise ValidationError(
                f"无法读取工作表“{name}”：{exc}", code="import.unreadable"
            ) from None
        _fill_merged(rows, getattr(sheet, "merged_cell_ranges", None))
        out.append(RawSheet(name, rows))
    return out


def _fill_merged(rows: list[list[Any]], ranges: Any) -> None:
    for rng in ranges or ():
        try:
            (r0, c0), (r1, c1) = rng
        except (TypeError, ValueError):
            continue
        if r0 >= len(rows):
            continue
        top = rows[r0]
        value = top[c0] if c0 < len(top) else None
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, c1 + 1):
                if c >= len(row):
                    row.extend([""] * (c + 1 - len(row)))
                if (r, c) != (r0, c0) and row[c] in ("", None):
                    row[c] = value


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError(
            "CSV 文件编码无法识别（应为 UTF-8 或 GBK/GB18030）", code="import.encoding"
        ) from None


def _read_csv(p: Path) -> list[list[Any]]:
    text = _decode(p.read_bytes())
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text), dialect)]
