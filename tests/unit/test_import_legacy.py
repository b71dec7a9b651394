"""Reading the committed legacy workbooks (tests/data/legacy, made by
tests/data/make_legacy_workbooks.py): .xlsx with title lines, two-row merged headers and one
sheet per village, legacy .xls, GBK .csv."""

from __future__ import annotations

from pathlib import Path

from reliefdesk.documents.legacy import find_header, read_tables, sheet_names

DATA = Path(__file__).resolve().parents[1] / "data" / "legacy"


def test_person_workbook_headers_found_under_title_and_two_row_header() -> None:
    """The header sits on rows 3–4 (merged group labels above sub-labels); the column-number
    row is skipped; the 合计 and 字典 sheets have no header and are skipped."""
    skipped: list[str] = []
    tables = read_tables(DATA / "person_rows.xlsx", skipped=skipped)
    assert {t.sheet for t in tables} == {"东关村", "西街村", "南寨村", "北岭村", "河湾社区"}
    assert set(skipped) == {"合计", "字典"}
    t = tables[0]
    assert t.header_row == 4
    for fld in (
        "household_no",
        "name",
        "id_number",
        "relation",
        "programme",
        "persons",
        "amount",
        "bank",
        "account",
        "approved_on",
        "document_no",
    ):
        assert fld in t.mapping
    first_row_no, first = t.rows[0]
    assert first_row_no == 6 and first[1].startswith("H")


def test_household_cells_merged_down_are_filled() -> None:
    """A member row under its head reads the head's 户号 (merged cell filled)."""
    t = read_tables(DATA / "person_rows.xlsx", "东关村")[0]
    col = t.mapping["household_no"]
    rel = t.mapping["relation"]
    members = [r for _, r in t.rows if r[rel] not in ("本人", "", None)]
    assert members and all(str(r[col]).startswith("H") for r in members)


def test_xls_and_gbk_csv_are_read() -> None:
    """Old .xls through calamine and a GBK CSV both give their header and rows."""
    xls = read_tables(DATA / "household_rows.xls")
    assert sheet_names(DATA / "household_rows.xls") == ["台账"]
    assert xls[0].header_row == 2 and "member1_id" in xls[0].mapping
    csv = read_tables(DATA / "household_rows_gbk.csv")
    assert csv[0].header_row == 1 and len(csv[0].rows) == 30
    assert "head_name" in csv[0].mapping


def test_header_not_found_in_a_notes_sheet() -> None:
    """Rows without two recognised headers are not a header."""
    assert find_header([["说明"], ["本表为某某"], ["合计", 3, 4]]) is None


def test_two_row_header_joins_group_and_sub_labels() -> None:
    """户主 over 姓名/身份证号 and 家庭成员 over 姓名/身份证号 read as head and member columns,
    under a title line; the 序号 row of column numbers is skipped."""
    rows = [
        ["某村低保对象花名册", "", "", "", ""],
        ["户主", "", "家庭成员", "", "月保障金（元）"],
        ["姓名", "身份证号", "姓名", "身份证号", ""],
        ["1", "2", "3", "4", "5"],
        ["张三", "410482195803010022", "李四", "410482201506150043", "300"],
    ]
    guess = find_header(rows)
    assert guess is not None and guess.rows == 2 and guess.data_start == 4
    assert guess.mapping == {"head_name": 0, "head_id": 1, "name": 2, "id_number": 3, "amount": 4}
