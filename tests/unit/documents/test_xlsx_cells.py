"""The fast cell path of the workbook writers (issue #17): CellMaker cells on the sheets of
``new_write_only_sheet`` read back exactly, and the export benchmark's baseline writes the same
cells as the writers it is compared with."""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from reliefdesk.documents.workbooks import (
    RollHeader,
    RollLine,
    write_bank_file,
    write_internal_roster,
)
from reliefdesk.documents.xlsx._cells import CENTER, CellMaker, new_write_only_sheet
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.idnumber import make_id

HEADER = RollHeader(
    county="汝州市",
    township="寄料镇",
    office_name="寄料镇人民政府",
    programme_label="农村低保",
    month="2026-11",
    roster_hash="3fa9c1d2" + "0" * 56,
    prepared_by="王会计",
    made_on=date(2026, 11, 29),
    audit_head="7:abc",
)


def _line(seq: int, **changes: object) -> RollLine:
    base = RollLine(
        seq=seq,
        township="寄料镇",
        village="马庙村",
        payee=f"张{seq}",
        id_number=make_id("410482", date(1950, 1, 1), seq % 1000),
        category="农村低保A类",
        persons=2,
        standard_fen=52000,
        per_capita_income_fen=None if seq % 2 else 12000,
        due_fen=52000,
        adjustment_fen=0 if seq % 3 else -500,
        adjustment_reason="" if seq % 3 else "多发扣回",
        paid_fen=52000 + seq,
        account=make_card_number("622848", 19, f"{seq:012d}"),
        bank="农行汝州支行",
        change_flag="",
        note="" if seq % 4 else "代领：子",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _described(path: Path) -> list[tuple[Any, ...]]:
    """Every written cell: sheet, coordinate, type, value and what its style looks like."""
    out = []
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                look = (
                    c.number_format,
                    c.font.b,
                    c.font.sz,
                    c.border.left.style,
                    c.border.bottom.style,
                    c.alignment.horizontal,
                    c.alignment.vertical,
                    c.alignment.wrap_text,
                )
                out.append((ws.title, c.coordinate, c.data_type, c.value, look))
    return out


def _cell_xfs(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode()
    found = re.search(r'<cellXfs count="(\d+)"', styles)
    assert found is not None
    return int(found.group(1))


def test_maker_cells_read_back_with_value_type_and_style(tmp_path: Path) -> None:
    """CellMaker text/number cells keep value, type and style; one style entry per style."""
    wb, ws = new_write_only_sheet("表")
    make = CellMaker(ws)
    text = make.style("@", border=True)
    amount = make.style("0.00", border=True)
    head = make.style(bold=True, align=CENTER)
    ws.append([make.text("标题", head)])
    for i in range(50):
        ws.append(
            [
                make.text(f"41048219500101{i:04d}", text),
                make.number(i + 0.5, amount),
                make.text("=SUM(A1:A2)", text),  # user text that looks like a formula
                make.number(None, text),  # empty but bordered
            ]
        )
    wb.save(tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    title = sheet["A1"]
    assert (title.value, title.font.b, title.alignment.horizontal) == ("标题", True, "center")
    row = sheet[51]
    assert (row[0].value, row[0].data_type, row[0].number_format) == (
        "410482195001010049",
        "s",
        "@",
    )
    assert (row[1].value, row[1].data_type, row[1].number_format) == (49.5, "n", "0.00")
    assert (row[2].value, row[2].data_type) == ("=SUM(A1:A2)", "s")
    assert row[3].value is None and row[3].border.left.style == "thin"
    assert _cell_xfs(tmp_path / "t.xlsx") == 4  # openpyxl's default plus the three used


def test_plain_values_on_the_fast_sheet_keep_openpyxl_typing(tmp_path: Path) -> None:
    """Plain values appended to a new_write_only_sheet are typed by openpyxl as before: a date
    gets a date format that does not leak into the next plain value."""
    wb, ws = new_write_only_sheet("表")
    ws.append([datetime(2026, 11, 29, 8, 30), 5, "文本", None, 2.5])
    wb.save(tmp_path / "p.xlsx")
    row = load_workbook(tmp_path / "p.xlsx").worksheets[0][1]
    assert row[0].value == datetime(2026, 11, 29, 8, 30) and row[0].is_date
    assert (row[1].value, row[1].number_format) == (5, "General")
    assert (row[2].value, row[2].data_type) == ("文本", "s")
    assert row[3].value is None
    assert (row[4].value, row[4].number_format) == (2.5, "General")


def test_maker_cells_on_a_stock_sheet_write_the_same_cells(tmp_path: Path) -> None:
    """CellMaker cells appended to openpyxl's own write-only sheet give the same cells."""
    paths = []
    for name, fast in (("fast.xlsx", True), ("stock.xlsx", False)):
        if fast:
            wb, ws = new_write_only_sheet("表")
        else:
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("表")
        make = CellMaker(ws)
        text, amount = make.style("@", border=True), make.style("0.00")
        for i in range(20):
            ws.append([i, make.text(f"{i:019d}", text), make.number(i / 4, amount), "x"])
        wb.save(tmp_path / name)
        paths.append(tmp_path / name)
    assert _described(paths[0]) == _described(paths[1])


def test_benchmark_baseline_writes_the_same_cells(tmp_path: Path) -> None:
    """The export benchmark's bare-openpyxl baseline writes the cells of the bank file and the
    roster: same values, types, number formats, fonts, borders and alignments."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
    import bench_items

    lines = [_line(i) for i in range(1, 30)]
    ours = [
        write_bank_file(tmp_path / "bank.xlsx", HEADER, lines).path,
        write_internal_roster(tmp_path / "roster.xlsx", HEADER, lines).path,
    ]
    books = [bench_items._styled_cells(p) for p in ours]
    bench_items._bare_workbooks(tmp_path / "bare", books)
    for i, path in enumerate(ours):
        described = _described(path)
        assert len(described) > 29 * 9  # every line, not an empty sheet
        assert _described(tmp_path / "bare" / f"book{i}.xlsx") == described
