"""Write the synthetic legacy recipient workbooks under tests/data/legacy/ (DOMAIN §12.1).

    PYTHONPATH=$PWD python tests/data/make_legacy_workbooks.py [--large N]

* ``person_rows.xlsx`` – one row per person, a sheet per village, title and unit lines, two-row
  merged header with a column-number row, household cells merged down, 小计/合计 rows, a 字典
  sheet, and every planted value oddity (see reliefdesk.documents.legacy.sample);
* ``household_rows.xls`` – legacy Excel 97 (written with xlwt, a test-only dependency), one row
  per household with members across columns and IDs typed as numbers;
* ``household_rows_gbk.csv`` – household rows as GB18030 text (GBK's superset: 生僻字 kept).

``--large N`` writes ``township_N.xlsx`` (N households, no oddities) outside the repository,
for the end-to-end and benchmark runs.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from reliefdesk.documents.legacy.sample import household_table, make_households, write_person_xlsx

HERE = Path(__file__).resolve().parent / "legacy"


def write_xls(path: Path, header: list[str], rows: list[list[object]]) -> None:
    import xlwt  # test extra only

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("台账")
    ws.write_merge(0, 0, 0, len(header) - 1, "农村低保家庭台账（单位：元）")
    for c, h in enumerate(header):
        ws.write(1, c, h)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            v = value
            if isinstance(v, str) and len(v) == 18 and v[:17].isdigit() and r % 9 == 0:
                v = float(v[:17] + "0")  # typed as a number: last digits lost
            ws.write(r, c, v if v is not None else "")
    ws.write(len(rows) + 2, 0, "合计")
    wb.save(str(path))


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with open(path, "w", encoding="gb18030", newline="") as fh:  # GBK plus every 生僻字
        w = csv.writer(fh)
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--large", type=int, default=0)
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    if args.large:
        out = Path(args.out or f"/tmp/township_{args.large}.xlsx")
        write_person_xlsx(out, make_households(args.large, seed=3, oddities=False), oddities=False)
        print(out)
        return
    HERE.mkdir(exist_ok=True)
    hh = make_households(60, seed=12)
    write_person_xlsx(HERE / "person_rows.xlsx", hh)
    header, rows = household_table(make_households(40, seed=21), members=2)
    write_xls(HERE / "household_rows.xls", header, rows)
    header, rows = household_table(make_households(30, seed=33, oddities=False), members=2)
    write_csv(HERE / "household_rows_gbk.csv", header, rows)
    for p in sorted(HERE.iterdir()):
        print(p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
