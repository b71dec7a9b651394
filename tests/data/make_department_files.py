"""Write realistic synthetic department files for every comparison source (DOMAIN §12.2).

    PYTHONPATH=$PWD python tests/data/make_department_files.py OUT_DIR [--rows N]

Formats vary as they do in practice: .xlsx with a title line (deaths, vehicles …), legacy .xls
written with xlwt (disability, disaster; a test-only dependency), GBK csv (medical, housing
fund), UTF-8 csv with a BOM (employment). The rows come from
:func:`reliefdesk.demo.departments.department_table`: 15-digit IDs, full-width digits,
lowercase x, name variants, a reversed death, people who match no one.

``--rows N`` writes one large medical csv of N rows (the benchmark's file) instead.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reliefdesk.demo.departments import (
    HEADERS,
    RegisterPerson,
    department_table,
    write_xlsx,
)
from reliefdesk.domain.comparison import SOURCE_LABELS
from reliefdesk.domain.idnumber import make_id

FORMATS = {
    "disability": "xls",
    "disaster": "xls",
    "medical": "gbk.csv",
    "housing_fund": "gbk.csv",
    "employment": "csv",
}


def write_xls(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    import xlwt  # test extra only

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("数据")
    for c, h in enumerate(header):
        ws.write(0, c, h)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            ws.write(r, c, "" if value is None else value)
    wb.save(str(path))
    return path


def write_csv(path: Path, header: list[str], rows: list[list[Any]], encoding: str) -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])
    return path


def write_source(
    out: Path,
    source: str,
    people: Sequence[RegisterPerson],
    *,
    month: date,
    strangers: int = 3,
    oddities: bool = True,
) -> Path:
    """One source's file in its usual format under ``out``."""
    header, rows = department_table(
        source, people, month=month, strangers=strangers, oddities=oddities
    )
    fmt = FORMATS.get(source, "xlsx")
    stem = out / f"{source}_{month:%Y%m}"
    if fmt == "xls":
        return write_xls(stem.with_suffix(".xls"), header, rows)
    if fmt == "gbk.csv":
        return write_csv(stem.with_suffix(".csv"), header, rows, "gbk")
    if fmt == "csv":
        return write_csv(stem.with_suffix(".csv"), header, rows, "utf-8-sig")
    title = f"{SOURCE_LABELS[source]}信息（{month:%Y年%m月}）"
    return write_xlsx(stem.with_suffix(".xlsx"), header, rows, title=title)


def write_all(out: Path, people: Sequence[RegisterPerson], *, month: date) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    return {s: write_source(out, s, people, month=month) for s in HEADERS}


def _made_up(n: int) -> list[RegisterPerson]:
    return [
        RegisterPerson(make_id("410482", date(1950 + i % 50, 1 + i % 12, 1 + i % 28), i % 1000),
                       f"测试{i}")
        for i in range(n)
    ]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=0)
    args = ap.parse_args()
    out = Path(args.out)
    if args.rows:
        out.mkdir(parents=True, exist_ok=True)
        header, rows = department_table(
            "medical", _made_up(args.rows // 3), month=date(2026, 11, 1), oddities=False
        )
        print(write_csv(out / "medical_large.csv", header, rows, "gbk"))
        return
    for source, path in write_all(out, _made_up(8), month=date(2026, 11, 1)).items():
        print(source, path)


if __name__ == "__main__":
    main()
