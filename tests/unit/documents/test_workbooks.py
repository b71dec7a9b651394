"""Payment-roll workbooks: the bank file's cell types, the roster footer, the return reader."""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from reliefdesk.documents.workbooks import (
    DEFAULT_BANK_TEMPLATE,
    BankTemplate,
    RollHeader,
    RollLine,
    RowProblemsError,
    VillageSummaryRow,
    export_file_name,
    read_bank_return,
    write_bank_file,
    write_internal_roster,
    write_village_summary,
)
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.idnumber import make_id
from reliefdesk.domain.money import to_capital
from reliefdesk.errors import ValidationError

HEADER = RollHeader(
    county="汝州市",
    township="寄料镇",
    office_name="寄料镇人民政府",
    programme_label="农村低保",
    month="2026-11",
    roster_hash="3fa9c1d2" + "0" * 56,
    prepared_by="王会计",
    made_on=date(2026, 11, 29),
)
ID_X = "11010519491231002X"  # the GB 11643 example ending in X
ACCOUNT = "6228480402564890018"  # 19 digits


def line(seq: int, **changes: object) -> RollLine:
    base = RollLine(
        seq=seq,
        township="寄料镇",
        village="马庙村",
        payee=f"张{seq}",
        id_number=make_id("410482", date(1950, 1, 1), seq % 1000),
        category="农村低保A类",
        persons=2,
        standard_fen=52000,
        per_capita_income_fen=None,
        due_fen=52000,
        adjustment_fen=0,
        adjustment_reason="",
        paid_fen=52000 + seq,
        account=make_card_number("622848", 19, f"{seq:012d}"),
        bank="农行汝州支行",
        change_flag="",
        note="",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def cells(path: Path) -> list[list]:
    wb = load_workbook(path)
    return [list(row) for row in wb.worksheets[0].iter_rows()]


# --- bank file -----------------------------------------------------------------------------


def test_bank_ids_and_accounts_are_exact_text_cells(tmp_path: Path) -> None:
    """18-digit IDs (incl. a trailing X) and 19-digit accounts come back exact, typed 's' with '@'."""
    lines = [line(1, id_number=ID_X, account=ACCOUNT), line(2)]
    write_bank_file(tmp_path / "b.xlsx", HEADER, lines)
    rows = cells(tmp_path / "b.xlsx")
    for row, src in zip(rows[1:], lines, strict=True):
        for cell, expected in ((row[2], src.id_number), (row[3], src.account)):
            assert cell.value == expected
            assert cell.data_type == "s"
            assert cell.number_format == "@"


def test_bank_file_has_one_sheet_one_header_no_merges_no_formulas(tmp_path: Path) -> None:
    """The bank file is one sheet, one header row, no merged cells and no formula anywhere."""
    path = tmp_path / "b.xlsx"
    write_bank_file(path, HEADER, [line(1, payee="=SUM(A1)", note="=1+1"), line(2, note="#N/A")])
    wb = load_workbook(path)
    assert len(wb.worksheets) == 1
    ws = wb.worksheets[0]
    assert not ws.merged_cells.ranges
    assert [c.value for c in ws[1]] == [c.header for c in DEFAULT_BANK_TEMPLATE.columns]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    with zipfile.ZipFile(path) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")


def test_bank_user_text_starting_with_equals_stays_literal(tmp_path: Path) -> None:
    """A name like "=SUM(A1)" and a note "#N/A" are written as plain strings, not formula/error."""
    write_bank_file(tmp_path / "b.xlsx", HEADER, [line(1, payee="=SUM(A1)", note="#N/A")])
    row = cells(tmp_path / "b.xlsx")[1]
    assert (row[1].value, row[1].data_type) == ("=SUM(A1)", "s")
    assert (row[9].value, row[9].data_type) == ("#N/A", "s")


def test_bank_seq_are_ints_and_amounts_two_decimals(tmp_path: Path) -> None:
    """序号 are plain int cells; amounts are numbers formatted 0.00 equal to fen/100."""
    lines = [line(1, paid_fen=12340), line(2, paid_fen=5), line(3, paid_fen=100000)]
    write_bank_file(tmp_path / "b.xlsx", HEADER, lines)
    rows = cells(tmp_path / "b.xlsx")[1:]
    assert [r[0].value for r in rows] == [1, 2, 3]
    assert all(type(r[0].value) is int and r[0].data_type == "n" for r in rows)
    assert all(r[4].data_type == "n" and r[4].number_format == "0.00" for r in rows)
    assert [Decimal(str(r[4].value)) for r in rows] == [Decimal("123.4"), Decimal("0.05"), 1000]


def test_bank_summary_column_names_programme_and_period(tmp_path: Path) -> None:
    """补贴项目/摘要 carries the 所属期 and programme (the passbook summary, DOMAIN §7.3.8)."""
    write_bank_file(tmp_path / "b.xlsx", HEADER, [line(1)])
    assert cells(tmp_path / "b.xlsx")[1][5].value == "2026年11月农村低保"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=40))
def test_bank_amount_column_sums_to_total(amounts: list[int]) -> None:
    """For any amounts, each cell is fen/100 exactly and the column sums to ExportResult.total_fen."""
    lines = [line(i, paid_fen=fen) for i, fen in enumerate(amounts, 1)]
    with tempfile.TemporaryDirectory() as tmp:
        result = write_bank_file(Path(tmp, "b.xlsx"), HEADER, lines)
        values = [r[4].value for r in cells(result.path)[1:]]
    fens = [int(Decimal(repr(v)) * 100) for v in values]
    assert fens == amounts
    assert sum(fens) == result.total_fen == sum(amounts)
    assert result.rows == len(amounts)


def test_bank_result_hash_matches_file(tmp_path: Path) -> None:
    """ExportResult.sha256_of_file is the SHA-256 of the bytes on disk; no temp file is left."""
    import hashlib

    result = write_bank_file(tmp_path / "b.xlsx", HEADER, [line(1)])
    assert result.sha256_of_file == hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert [p.name for p in tmp_path.iterdir()] == ["b.xlsx"]


def test_bank_rejects_bad_lines_listing_all_and_writes_nothing(tmp_path: Path) -> None:
    """Bad ID, bad account, zero amount, duplicates and control characters are all listed at once;
    no file is created."""
    lines = [
        line(1, id_number="41048219500101001"),
        line(2, account="6228 4804"),
        line(3, paid_fen=0),
        line(3),
        line(5, payee="李\x0b四"),
    ]
    with pytest.raises(RowProblemsError) as err:
        write_bank_file(tmp_path / "b.xlsx", HEADER, lines)
    problems = err.value.problems
    assert len(problems) == 6
    assert "证件号码" in problems[0] and "18 位" in problems[0]
    assert "卡号/账号" in problems[1]
    assert "实发金额必须大于 0" in problems[2]
    assert "序号与第 3 条重复" in problems[3]
    assert "证件号码与第 3 条重复" in problems[4]
    assert "姓名含有不可见的控制字符" in problems[5] and "\x0b" not in problems[5]
    assert isinstance(err.value, ValidationError) and "6 处问题" in str(err.value)
    assert not list(tmp_path.iterdir())


def test_bank_rejects_duplicate_id_and_empty_batch(tmp_path: Path) -> None:
    """The same ID twice in one file, or no lines at all, is refused with a Chinese message."""
    with pytest.raises(RowProblemsError, match="证件号码与第 1 条重复"):
        write_bank_file(
            tmp_path / "b.xlsx", HEADER, [line(1), line(2, id_number=line(1).id_number)]
        )
    with pytest.raises(ValidationError, match="没有可导出的发放记录"):
        write_bank_file(tmp_path / "b.xlsx", HEADER, [])


# --- template ------------------------------------------------------------------------------


def test_template_round_trips_through_json() -> None:
    """The default template survives to_dict -> JSON -> from_dict unchanged."""
    data = json.loads(json.dumps(DEFAULT_BANK_TEMPLATE.to_dict(), ensure_ascii=False))
    assert BankTemplate.from_dict(data) == DEFAULT_BANK_TEMPLATE


def test_template_unknown_field_is_a_clear_chinese_error() -> None:
    """An unknown source field names the column, the field, and lists what is available."""
    data = {
        "columns": [
            {"header": "姓名", "field": "payee", "kind": "text"},
            {"header": "手机", "field": "phone", "kind": "text"},
        ]
    }
    with pytest.raises(ValidationError, match="第 2 列「手机」的数据来源“phone”无法识别") as err:
        BankTemplate.from_dict(data)
    assert err.value.field == "columns[2]"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"columns": []}, "缺少列定义"),
        ({"columns": [{"header": "金额", "field": "paid_fen", "kind": "int"}]}, "不能用类型“int”"),
        (
            {"columns": [{"header": "金额", "field": "paid_fen", "kind": "money"}]},
            "类型“money”无法识别",
        ),
        ({"columns": [{"header": "A", "field": "seq", "kind": "int"}] * 2}, "表头重复"),
        (
            {"columns": [{"header": "A", "field": "seq", "kind": "int"}], "sheet_title": "a/b"},
            "工作表名称",
        ),
        ([1, 2], "JSON 对象"),
        ({"columns": [{"header": "A\x01", "field": "seq", "kind": "int"}]}, "控制字符"),
    ],
)
def test_template_malformed_is_rejected(data: object, message: str) -> None:
    """Malformed templates raise ValidationError with a message saying what is wrong."""
    with pytest.raises(ValidationError, match=message):
        BankTemplate.from_dict(data)  # type: ignore[arg-type]


def test_custom_template_orders_columns_and_text_amounts(tmp_path: Path) -> None:
    """A bank template with its own order and a text amount ("123.40", '@') is followed exactly."""
    template = BankTemplate.from_dict(
        {
            "name": "某行",
            "sheet_title": "代发",
            "columns": [
                {"header": "账号", "field": "account", "kind": "text"},
                {"header": "户名", "field": "payee", "kind": "text"},
                {"header": "金额", "field": "paid_fen", "kind": "amount_text"},
            ],
        }
    )
    write_bank_file(tmp_path / "b.xlsx", HEADER, [line(1, paid_fen=12340)], template)
    wb = load_workbook(tmp_path / "b.xlsx")
    assert wb.sheetnames == ["代发"]
    row = [(c.value, c.data_type, c.number_format) for c in wb.active[2]]
    assert row[2] == ("123.40", "s", "@")
    assert row[1][0] == "张1"


# --- roster and summary --------------------------------------------------------------------


def test_roster_has_capital_total_literal_totals_and_signatures(tmp_path: Path) -> None:
    """The roster shows 户数/人数/金额 as literal numbers, the 大写 total and the signature block."""
    lines = [line(1, paid_fen=32500, persons=3), line(2, paid_fen=20000, persons=1)]
    result = write_internal_roster(tmp_path / "r.xlsx", HEADER, lines)
    assert result.total_fen == 52500
    ws = load_workbook(result.path).worksheets[0]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    flat = [v for row in values for v in row if v is not None]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    totals = next(row for row in values if row[0] == "合计")
    assert totals[2] == 2 and totals[6] == 4 and totals[11] == 525
    assert f"大写金额：{to_capital(52500)}" in flat
    assert "大写金额：人民币伍佰贰拾伍元整" in flat
    assert any(v == "制表人：王会计" for v in flat)
    assert "审核人：" in flat and "负责人：" in flat
    assert "单位（公章）：寄料镇人民政府" in flat
    assert "制表日期：2026年11月29日" in flat
    assert any(isinstance(v, str) and "所属期" in v and "2026-11" in v for v in flat)


def test_roster_columns_and_text_types(tmp_path: Path) -> None:
    """The roster has DOMAIN §7.2 A's 16 columns; ID and account are text '@', a merged title."""
    write_internal_roster(tmp_path / "r.xlsx", HEADER, [line(1, id_number=ID_X, account=ACCOUNT)])
    ws = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert ws.max_column == 16
    assert [c.value for c in ws[3]][:5] == [
        "序号",
        "乡镇(街道)",
        "村(社区)/组",
        "户主姓名(领取人)",
        "公民身份号码",
    ]
    data = ws[4]
    assert (data[4].value, data[4].data_type, data[4].number_format) == (ID_X, "s", "@")
    assert (data[12].value, data[12].data_type, data[12].number_format) == (ACCOUNT, "s", "@")
    assert "A1:P1" in {str(r) for r in ws.merged_cells.ranges}


def test_roster_keeps_its_title_and_column_headers_frozen(tmp_path: Path) -> None:
    """Scrolling the roster keeps the title and the column headers (rows 1-3) on screen."""
    write_internal_roster(tmp_path / "r.xlsx", HEADER, [line(i) for i in range(1, 4)])
    ws = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert ws.freeze_panes == "A4"
    assert ws.cell(3, 1).value == "序号"


def test_roster_rejects_control_characters(tmp_path: Path) -> None:
    """Text with control characters (which would corrupt the XML) is refused with a clear message."""
    with pytest.raises(ValidationError, match="控制字符"):
        write_internal_roster(tmp_path / "r.xlsx", HEADER, [line(1, note="a\x07b")])
    assert not list(tmp_path.iterdir())


def test_village_summary_totals_row(tmp_path: Path) -> None:
    """The summary's 合计 row holds literal sums, and the total covers dibao plus tekun."""
    rows = [
        VillageSummaryRow("马庙村", 3, 5, 100000, 1, 1, 50000),
        VillageSummaryRow("寄料村", 2, 2, 40000, 0, 0, 0),
    ]
    result = write_village_summary(tmp_path / "s.xlsx", HEADER, rows)
    assert result.total_fen == 190000
    ws = load_workbook(result.path).worksheets[0]
    totals = next([c.value for c in row] for row in ws.iter_rows() if row[0].value == "合计")
    assert totals[2:4] == [5, 7] and totals[5] == 1400 and totals[9] == 500 and totals[10] == 1900
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


# --- file names ----------------------------------------------------------------------------


def test_export_file_name_is_windows_safe() -> None:
    """File names follow 乡镇_项目_所属期_类型_hash8.xlsx and never contain \\ / : * ? " < > |."""
    assert export_file_name("寄料镇", "农村低保", "2026-11", "3FA9C1D2AB", "bank") == (
        "寄料镇_农村低保_2026-11_银行代发_3fa9c1d2.xlsx"
    )
    name = export_file_name("寄料/镇:*", '低保?"<>|', "2026-01", "ab" * 8, "roster")
    assert not set(name) & set('\\/:*?"<>|')
    with pytest.raises(ValidationError, match="所属期"):
        export_file_name("寄料镇", "农村低保", "2026-13", "ab" * 8, "bank")


# --- bank return ---------------------------------------------------------------------------


def _mark_results(src: Path, dst: Path, failures: dict[int, str]) -> None:
    """Play the bank: add 处理结果 and 失败原因 columns to our own bank file."""
    wb = load_workbook(src)
    ws = wb.worksheets[0]
    col = ws.max_column + 1
    ws.cell(1, col, "处理结果")
    ws.cell(1, col + 1, "失败原因")
    for r in range(2, ws.max_row + 1):
        reason = failures.get(r)
        ws.cell(r, col, "失败" if reason else "成功")
        if reason:
            ws.cell(r, col + 1, reason)
    wb.save(dst)


def test_return_round_trips_bank_file_with_failures(tmp_path: Path) -> None:
    """Our bank file, marked by the bank with two failures, reads back row by row exactly."""
    lines = [line(i) for i in range(1, 6)] + [line(6, id_number=ID_X)]
    write_bank_file(tmp_path / "b.xlsx", HEADER, lines)
    _mark_results(
        tmp_path / "b.xlsx", tmp_path / "ret.xlsx", {3: "户名与账号不符", 7: "账户已冻结"}
    )
    rows = read_bank_return(tmp_path / "ret.xlsx")
    assert [r.row_number for r in rows] == list(range(2, 8))
    assert [(r.id_number, r.account, r.name, r.amount_fen) for r in rows] == [
        (ln.id_number, ln.account, ln.payee, ln.paid_fen) for ln in lines
    ]
    assert [r.success for r in rows] == [True, False, True, True, True, False]
    assert rows[1].reason == "户名与账号不符" and rows[5].reason == "账户已冻结"
    assert rows[0].reason == ""


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_return_id_turned_into_number_is_reported(tmp_path: Path) -> None:
    """An ID Excel turned into 4.10482E+17 is an error naming the row, never silently accepted."""
    path = _sheet(
        tmp_path / "r.xlsx",
        [
            ["银行代发结果"],
            ["户名", "身份证号", "账号", "发放金额", "状态", "原因"],
            ["张三", ID_X, ACCOUNT, 123.4, "success", ""],
            ["李四", 4.10482e17, ACCOUNT, 100, "fail", "账号不符"],
        ],
    )
    with pytest.raises(RowProblemsError) as err:
        read_bank_return(path)
    assert err.value.problems[0].startswith("第 4 行证件号码已被 Excel 转成数字，无法恢复")
    assert "B4" in err.value.problems[0]


def test_return_collects_every_row_problem(tmp_path: Path) -> None:
    """All bad rows are reported together: unknown result, bad amount, no identifier, bad ID."""
    path = _sheet(
        tmp_path / "r.xlsx",
        [
            ["姓名", "证件号码", "卡号", "金额", "结果", "备注"],
            ["甲", ID_X, ACCOUNT, 1, "待定", ""],
            ["乙", ID_X, ACCOUNT, "12.345", "成功", ""],
            ["丙", None, None, 1, "失败", "x"],
            ["丁", "110105194912310021", ACCOUNT, 1, "成功", ""],
            ["合计", None, None, 4, None, None],
        ],
    )
    with pytest.raises(RowProblemsError) as err:
        read_bank_return(path)
    problems = err.value.problems
    assert len(problems) == 4
    assert "第 2 行处理结果“待定”无法识别" in problems[0]
    assert "第 3 行金额" in problems[1]
    assert "第 4 行既没有证件号码也没有卡号" in problems[2]
    assert "第 5 行证件号码" in problems[3]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip", "不是有效的 Excel 文件"),
        (None, "是空的"),
        ([["序号", "名字", "钱"], [1, "甲", 2]], "找不到表头"),
        ([["姓名", "证件号码", "金额"], ["甲", ID_X, 1]], "缺少“结果/状态/处理结果”列"),
        ([["姓名", "证件号码", "结果"]], "没有数据行"),
    ],
)
def test_return_malformed_file_is_rejected_clearly(
    tmp_path: Path, content: object, message: str
) -> None:
    """Not-xlsx, empty, header-less and data-less files raise a one-line Chinese ValidationError."""
    path = tmp_path / "ret.xlsx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        _sheet(path, content or [])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message) as err:
        read_bank_return(path)
    assert "\n" not in str(err.value)
