"""Reading the bank's return file (回盘文件 / 代发结果) with python-calamine.

Banks lay these out differently, so the header row is found by Chinese synonyms within the
first rows (title rows above it are fine). Required: a result column (结果/状态/处理结果) and at
least one of 证件号码 / 卡号. Every row is checked; problems are collected and raised together
as one RowProblemsError (``.problems`` lists them all) instead of returning half-trusted rows:
the caller marks payments failed or paid from this, so a silently wrong row is worse than none.

The big trap: if someone opened the file in Excel and saved it, an 18-digit ID may have become
a number (4.10482E+17). Its last digits are gone for good, so such a row is reported, never
"repaired".
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import python_calamine
from openpyxl.utils import get_column_letter

from reliefdesk.domain.idnumber import check_digit
from reliefdesk.domain.money import yuan_to_fen
from reliefdesk.errors import ValidationError

from .model import ReturnRow
from .problems import raise_if_problems
from .return_guard import check_return_size

__all__ = ["HEADER_SYNONYMS", "read_bank_return"]

#: Recognised header texts per column, best first (compared after NFKC, without spaces, "*",
#: and a "(元)" unit suffix).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id_number": ("证件号码", "身份证号码", "身份证号", "公民身份号码", "身份证", "证件号"),
    "account": (
        "卡号/账号",
        "卡号",
        "账号",
        "银行账号",
        "银行卡号",
        "收款账号",
        "帐号",
        "账户",
        "社保卡号",
    ),
    "name": ("姓名", "户名", "账户名称", "账户名", "收款人", "领取人"),
    "amount": ("金额", "发放金额", "实发金额", "交易金额", "代发金额"),
    "result": ("结果", "处理结果", "状态", "交易状态", "处理状态", "代发结果", "交易结果"),
    "reason": ("失败原因", "原因", "错误信息", "返回信息", "处理说明", "备注"),
}
_LABELS = {
    "id_number": "证件号码",
    "account": "卡号",
    "name": "姓名",
    "amount": "金额",
    "result": "结果",
    "reason": "失败原因",
}
_SUCCESS = frozenset(
    {
        "成功",
        "处理成功",
        "交易成功",
        "代发成功",
        "入账成功",
        "已成功",
        "success",
        "succeeded",
        "successful",
        "ok",
    }
)
_FAILURE = frozenset(
    {"失败", "处理失败", "交易失败", "代发失败", "入账失败", "fail", "failed", "failure", "error"}
)
_HEADER_SCAN_ROWS = 30
_EXCEL_PRECISION = 1e15  # above this a double cannot hold every digit of the number


def _norm_header(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    text = "".join(unicodedata.normalize("NFKC", value).split()).replace("*", "")
    return text.removesuffix("(元)").lower()


def _find_columns(row: Sequence[Any]) -> dict[str, int]:
    normalised = [_norm_header(v) for v in row]
    found: dict[str, int] = {}
    for key, synonyms in HEADER_SYNONYMS.items():
        for synonym in synonyms:
            if synonym in normalised:
                found[key] = normalised.index(synonym)
                break
    return found


def _open(path: Path) -> list[list[Any]]:
    name = path.name
    if not path.is_file():
        raise ValidationError(f"找不到回盘文件：{path}", code="bank_return.missing", field="path")
    try:
        wb = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise ValidationError(
            f"回盘文件“{name}”有密码保护，请先去掉密码", code="bank_return.password"
        ) from None
    except python_calamine.CalamineError:
        raise ValidationError(
            f"回盘文件“{name}”不是有效的 Excel 文件（.xlsx/.xls），无法读取",
            code="bank_return.format",
        ) from None
    try:
        if not wb.sheet_names:
            raise ValidationError(f"回盘文件“{name}”没有工作表", code="bank_return.empty")
        rows: list[list[Any]] = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except python_calamine.CalamineError:
        raise ValidationError(
            f"回盘文件“{name}”的第一个工作表已损坏，无法读取", code="bank_return.format"
        ) from None
    finally:
        wb.close()
    return rows


def read_bank_return(path: str | os.PathLike[str]) -> list[ReturnRow]:
    """Read the first sheet of a bank return file into ReturnRows (success/failure per row).

    Raises ValidationError for an unreadable, empty or header-less file, and RowProblemsError
    (a ValidationError with ``.problems``) listing every bad row otherwise.
    """
    path = Path(path)
    check_return_size(path)  # a zip bomb is refused before anything is unpacked
    rows = _open(path)
    if not any(any(v not in ("", None) for v in row) for row in rows):
        raise ValidationError(f"回盘文件“{path.name}”是空的", code="bank_return.empty")

    header_index, columns = _locate_header(rows, path.name)
    problems: list[str] = []
    result: list[ReturnRow] = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if all(v in ("", None) for v in row):
            continue
        parsed = _parse_row(row, index + 1, columns, problems)
        if parsed is not None:
            result.append(parsed)
    raise_if_problems(f"回盘文件“{path.name}”", problems, code="bank_return.rows")
    if not result:
        raise ValidationError(
            f"回盘文件“{path.name}”在表头（第 {header_index + 1} 行）下面没有数据行",
            code="bank_return.no_rows",
        )
    return result


def _locate_header(rows: list[list[Any]], name: str) -> tuple[int, dict[str, int]]:
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        found = _find_columns(row)
        if "result" in found and ("id_number" in found or "account" in found):
            return index, found
        if found and (best is None or len(found) > len(best[1])):
            best = (index, found)
    if best is None:
        raise ValidationError(
            f"回盘文件“{name}”前 {_HEADER_SCAN_ROWS} 行中找不到表头"
            "（应有“证件号码”或“卡号”列，以及“结果/状态/处理结果”列）",
            code="bank_return.header",
        )
    index, found = best
    missing = (
        "“结果/状态/处理结果”" if "result" not in found else "“证件号码/身份证号”或“卡号/账号”"
    )
    raise ValidationError(
        f"回盘文件“{name}”第 {index + 1} 行的表头缺少{missing}列", code="bank_return.header"
    )


def _cell(row: Sequence[Any], col: int | None) -> Any:
    if col is None or col >= len(row):
        return ""
    value = row[col]
    return "" if value is None else value


def _where(row_number: int, col: int) -> str:
    return f"{get_column_letter(col + 1)}{row_number}"


def _digits_text(
    value: Any, row_number: int, col: int | None, label: str, problems: list[str]
) -> str | None:
    """A cell that must hold a digit string (证件号码, 卡号) as text; None after a problem."""
    if isinstance(value, bool) or col is None:
        return ""
    if isinstance(value, (int, float)):
        if abs(value) >= _EXCEL_PRECISION:
            problems.append(
                f"第 {row_number} 行{label}已被 Excel 转成数字，无法恢复"
                f"（单元格 {_where(row_number, col)}，值 {value:.6g}）"
            )
        else:
            problems.append(
                f"第 {row_number} 行{label}是数字而不是文本（单元格 {_where(row_number, col)}），"
                "开头的 0 可能已丢失，请让银行按文本格式导出"
            )
        return None
    if not isinstance(value, str):
        problems.append(
            f"第 {row_number} 行{label}的内容无法识别（单元格 {_where(row_number, col)}）"
        )
        return None
    return "".join(unicodedata.normalize("NFKC", value).split()).upper()


def _parse_row(
    row: Sequence[Any], row_number: int, columns: dict[str, int], problems: list[str]
) -> ReturnRow | None:
    first_text = next((str(v) for v in row if v not in ("", None)), "")
    id_col, acct_col = columns.get("id_number"), columns.get("account")
    raw_id, raw_acct = _cell(row, id_col), _cell(row, acct_col)
    if raw_id == "" and raw_acct == "" and ("合计" in first_text or "总计" in first_text):
        return None  # a totals line under the data
    before = len(problems)
    id_number = _digits_text(raw_id, row_number, id_col, "证件号码", problems)
    account = _digits_text(raw_acct, row_number, acct_col, "卡号/账号", problems)
    if id_number and not _id_ok(id_number):
        problems.append(f"第 {row_number} 行证件号码“{id_number}”不是有效的 18 位身份证号码")
    if id_number == "" and account == "":
        problems.append(f"第 {row_number} 行既没有证件号码也没有卡号/账号")
    if account and not account.isdigit():
        problems.append(f"第 {row_number} 行卡号/账号“{account}”含有非数字字符")

    amount_fen = _amount(_cell(row, columns.get("amount")), row_number, problems)
    raw_result = _cell(row, columns["result"])
    status = "".join(str(raw_result).split()).lower()
    success = status in _SUCCESS
    if not success and status not in _FAILURE:
        shown = f"“{raw_result}”" if status else "为空"
        problems.append(f"第 {row_number} 行处理结果{shown}无法识别（应为 成功/失败/success/fail）")
    if len(problems) > before:
        return None
    reason = "" if success else str(_cell(row, columns.get("reason"))).strip()
    return ReturnRow(
        row_number=row_number,
        id_number=id_number or "",
        account=account or "",
        name=str(_cell(row, columns.get("name"))).strip(),
        amount_fen=amount_fen,
        success=success,
        reason=reason,
    )


def _id_ok(text: str) -> bool:
    return (
        len(text) == 18
        and text[:17].isascii()
        and text[:17].isdigit()
        and check_digit(text[:17]) == text[17]
    )


def _amount(value: Any, row_number: int, problems: list[str]) -> int | None:
    if value == "":
        return None
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, (int, float)):
            scaled = Decimal(repr(value)) * 100
            if scaled != scaled.to_integral_value():
                raise ValueError
            fen = int(scaled)
        else:
            text = str(value).strip()
            if len(text.rpartition(".")[2]) > 2 and "." in text:
                raise ValueError
            fen = yuan_to_fen(text)
    except (ValueError, ArithmeticError, ValidationError):
        problems.append(f"第 {row_number} 行金额“{value}”不是有效的金额（最多两位小数）")
        return None
    if fen < 0:
        problems.append(f"第 {row_number} 行金额为负数（{value}）")
        return None
    return fen
