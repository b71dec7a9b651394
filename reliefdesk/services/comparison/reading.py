"""Reading a department file (xlsx/xls/csv, GBK or UTF-8) through the legacy-sheet reader and
finding its header by the source's usual column names (DOMAIN §12.2), the office's remembered
mapping for the source, or a mapping given for this file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...documents.legacy import file_sha256, normalise_label, read_sheets
from ...domain.comparison import SOURCES, Source
from ...errors import ValidationError
from .types import DeptTable

__all__ = ["check_source", "read_department_file", "table_from_rows"]

_SCAN = 15  # header rows searched under a title or unit line


def check_source(source: str) -> Source:
    """The source named ``source`` or a clear refusal."""
    src = SOURCES.get(source)
    if src is None:
        raise ValidationError(
            f"未知的比对数据来源：{source}（可选：{'、'.join(SOURCES)}）",
            code="compare.source",
            field="source",
        )
    return src


def _aliases(src: Source, remembered: Mapping[str, str]) -> dict[str, str]:
    """header label (normalised) -> field; the remembered/given mapping wins."""
    out: dict[str, str] = {}
    for fld, labels in src.fields.items():
        for label in labels:
            out.setdefault(normalise_label(label), fld)
    for fld, label in remembered.items():
        if fld in src.fields:
            out[normalise_label(label)] = fld
    return out


def _match_row(row: list[Any], aliases: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for c, cell in enumerate(row):
        fld = aliases.get(normalise_label(cell))
        if fld is not None and fld not in found:
            found[fld] = c
    return found


def read_department_file(
    path: str | Path,
    source: str,
    remembered: Mapping[str, str] | None = None,
    mapping: Mapping[str, str] | None = None,
) -> DeptTable:
    """The first sheet whose header has an ID-number column, as field -> value rows.

    ``mapping`` (field -> header label) must name labels the file has; an unknown field is
    refused. Nothing is written."""
    src = check_source(source)
    given = dict(mapping or {})
    unknown = [f for f in given if f not in src.fields]
    if unknown:
        raise ValidationError(
            f"列对应中有未知字段：{'、'.join(unknown)}（可用：{'、'.join(src.fields)}）",
            code="compare.mapping",
        )
    aliases = _aliases(src, {**(remembered or {}), **given})
    p = Path(path)
    sheets = read_sheets(p)
    for sheet in sheets:
        best: tuple[int, dict[str, int]] | None = None
        for r in range(min(_SCAN, len(sheet.rows))):
            cols = _match_row(sheet.rows[r], aliases)
            if "id_number" in cols and (best is None or len(cols) > len(best[1])):
                best = (r, cols)
        if best is None:
            continue
        r, cols = best
        header = sheet.rows[r]
        missing = [f for f, label in given.items() if f not in cols]
        if missing:
            raise ValidationError(
                f"文件 {p.name} 中找不到列对应指定的表头："
                + "、".join(f"{given[f]}（{f}）" for f in missing),
                code="compare.mapping",
            )
        labels = tuple(normalise_label(v) for v in header)
        width = len(header)
        rows: list[tuple[int, dict[str, Any]]] = []
        items = list(cols.items())
        for i in range(r + 1, len(sheet.rows)):
            raw = sheet.rows[i]
            if not any(v not in (None, "") for v in raw):
                continue
            n = len(raw)
            rows.append((i + 1, {f: (raw[c] if c < n else None) for f, c in items}))
        return DeptTable(
            file_name=p.name,
            sha256=file_sha256(p),
            sheet=sheet.name,
            header_row=r + 1,
            labels=labels[:width],
            mapping={f: labels[c] for f, c in cols.items()},
            rows=rows,
        )
    raise ValidationError(
        f"文件 {p.name} 中找不到身份证号码列（{src.label}数据应有“公民身份号码”或"
        "“证件号码”等列；可用 --mapping 指定）",
        code="compare.header",
    )


def table_from_rows(
    file_name: str, sha256: str, source: str, header: list[str], rows: list[list[Any]]
) -> DeptTable:
    """A table from rows already in memory (header + data, the header labels usual for the
    source): the demo's department month uses it without writing files."""
    src = check_source(source)
    cols = _match_row(list(header), _aliases(src, {}))
    if "id_number" not in cols:
        raise ValidationError("缺少身份证号码列", code="compare.header")
    return DeptTable(
        file_name=file_name,
        sha256=sha256,
        sheet="Sheet1",
        header_row=1,
        labels=tuple(normalise_label(h) for h in header),
        mapping={f: normalise_label(header[c]) for f, c in cols.items()},
        rows=[
            (n, {f: (row[c] if c < len(row) else None) for f, c in cols.items()})
            for n, row in enumerate(rows, start=2)
        ],
    )
