"""The bank / 一卡通 upload file (银行代发文件, DOMAIN §7.2 B and §7.3).

Rules the bank importer depends on: the first and only sheet, one header row, no merged cells,
no formulas, 序号 as plain integers, 证件号码 and 账号 as string cells formatted ``@``, amounts
as numbers formatted ``0.00``. Every line is checked before anything is written; all problems
are reported together (RowProblemsError), and no file is created.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from operator import attrgetter
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from reliefdesk.domain.idnumber import check_digit
from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.errors import ValidationError

from ._cells import (
    CellMaker,
    bad_text,
    layout,
    needs_forcing,
    new_write_only_sheet,
    printable,
    save_atomically,
)
from .model import ExportResult, RollHeader, RollLine
from .problems import raise_if_problems
from .template import (
    AMOUNT_FIELDS,
    DEFAULT_BANK_TEMPLATE,
    FIELD_LABELS,
    HEADER_TEXT_FIELDS,
    IDENTIFIER_FIELDS,
    BankTemplate,
)

__all__ = ["check_bank_lines", "write_bank_file"]

_ID_SHAPE = re.compile(r"\d{17}[\dX]")
_ACCOUNT_SHAPE = re.compile(r"\d{8,30}")
_WIDTHS = {"int": 7, "amount": 12, "amount_text": 12}
_FIELD_WIDTHS = {"id_number": 21, "account": 23, "payee": 10, "summary": 20, "bank": 24}


def _header_values(header: RollHeader) -> dict[str, str]:
    return {
        "summary": f"{header.month_label}{header.programme_label}",
        "programme_label": header.programme_label,
        "month": header.month,
        "county": header.county,
        "office_name": header.office_name,
    }


def check_bank_lines(lines: Sequence[RollLine], template: BankTemplate) -> list[str]:
    """Every reason these lines cannot go into a bank file under ``template`` (empty if none)."""
    problems: list[str] = []
    fields = {c.field for c in template.columns}
    seen_seq: dict[int, int] = {}
    seen_id: dict[str, int] = {}
    text_fields = [
        f
        for f in fields
        if f not in AMOUNT_FIELDS and f not in HEADER_TEXT_FIELDS and f not in ("seq", "persons")
    ]
    for n, line in enumerate(lines, 1):
        where = f"第 {n} 条（序号 {line.seq}，{printable(line.payee) or '无姓名'}）"
        if isinstance(line.seq, bool) or not isinstance(line.seq, int) or line.seq < 1:
            problems.append(f"{where}序号必须是正整数")
        elif line.seq in seen_seq:
            problems.append(f"{where}序号与第 {seen_seq[line.seq]} 条重复")
        else:
            seen_seq[line.seq] = n
        if "payee" in fields and not line.payee.strip():
            problems.append(f"{where}姓名为空")
        if "id_number" in fields:
            idn = line.id_number
            if not _ID_SHAPE.fullmatch(idn):
                problems.append(f"{where}证件号码“{idn}”应为 18 位（数字，末位可为大写 X）")
            elif check_digit(idn[:17]) != idn[17]:
                problems.append(f"{where}证件号码“{idn}”校验位不正确")
            elif idn in seen_id:
                problems.append(f"{where}证件号码与第 {seen_id[idn]} 条重复")
            else:
                seen_id[idn] = n
        if "account" in fields and not _ACCOUNT_SHAPE.fullmatch(line.account):
            problems.append(f"{where}卡号/账号“{line.account}”应为 8–30 位数字")
        for field in fields & AMOUNT_FIELDS:
            value = getattr(line, field)
            if field == "paid_fen" and (not isinstance(value, int) or value <= 0):
                problems.append(f"{where}实发金额必须大于 0（银行代发文件不含零金额或负金额行）")
            elif value is not None and not isinstance(value, int):
                problems.append(f"{where}{FIELD_LABELS[field]}必须是以分为单位的整数")
        # One regex pass over all text of the line; only a hit looks field by field.
        if bad_text("\n".join([getattr(line, f) for f in text_fields])):
            for field in text_fields:
                why = bad_text(getattr(line, field))
                if why:
                    problems.append(f"{where}{FIELD_LABELS[field]}{why}")
    return problems


def write_bank_file(
    path: str | os.PathLike[str],
    header: RollHeader,
    lines: Sequence[RollLine],
    template: BankTemplate = DEFAULT_BANK_TEMPLATE,
) -> ExportResult:
    """Write the bank upload file for ``lines``; ``total_fen`` is the sum of ``paid_fen``.

    Raises ValidationError when there are no lines, RowProblemsError (a ValidationError with
    ``problems``) when any line is unfit; nothing is written then.
    """
    if not lines:
        raise ValidationError("没有可导出的发放记录", code="bank_file.empty")
    raise_if_problems("银行代发数据", check_bank_lines(lines, template), code="bank_file.lines")
    for col in template.columns:
        if col.field in HEADER_TEXT_FIELDS:
            why = bad_text(_header_values(header)[col.field])
            if why:
                raise ValidationError(f"{col.header}{why}", code="bank_file.header")

    total_fen = sum(line.paid_fen for line in lines)

    def write(tmp: Path) -> None:
        wb, ws = new_write_only_sheet(template.sheet_title)
        if header.audit_head:  # outside the bank's columns: the document properties
            wb.properties.description = (
                f"花名册哈希 {header.roster_hash}；审计链头 {header.audit_head}"
            )
        make = CellMaker(ws)
        text_style = make.style("@")
        amount_style = make.style("0.00")
        for i, col in enumerate(template.columns):
            width = _FIELD_WIDTHS.get(col.field) or _WIDTHS.get(col.kind, 14)
            layout(ws).column_dimensions[_letter(i)].width = width
        ws.append([make.text(c.header, text_style) for c in template.columns])
        converters = [
            _converter(c.field, c.kind, header, make, text_style, amount_style)
            for c in template.columns
        ]
        append = ws.append
        for line in lines:
            append([conv(line) for conv in converters])
        wb.save(tmp)

    final, digest = save_atomically(path, write)
    return ExportResult(path=final, rows=len(lines), total_fen=total_fen, sha256_of_file=digest)


def _letter(index0: int) -> str:
    return get_column_letter(index0 + 1)


def _converter(
    field: str,
    kind: str,
    header: RollHeader,
    make: CellMaker,
    text_style: Any,
    amount_style: Any,
) -> Callable[[RollLine], Any]:
    """A function turning a line into this column's cell value (plain value or styled Cell)."""
    if field == "summary" and header.per_line_subsidy:
        # a roll of several programmes: each passbook names its own subsidy (§7.3.8)
        month, programme = header.month_label, header.programme_label
        return lambda line: f"{month}{line.subsidy or programme}"
    if field in HEADER_TEXT_FIELDS:
        const = _header_values(header)[field]
        if not const:
            return lambda _line: None
        if needs_forcing(const):
            return lambda _line: make.text(const, text_style)
        return lambda _line: const
    get = attrgetter(field)
    if kind == "int":
        return get
    if kind == "amount":

        def amount(line: RollLine) -> Any:
            fen = get(line)
            return None if fen is None else make.number(fen / 100, amount_style)

        return amount
    if kind == "amount_text":

        def amount_text(line: RollLine) -> Any:
            fen = get(line)
            return None if fen is None else make.text(fen_to_yuan(fen), text_style)

        return amount_text
    if field in IDENTIFIER_FIELDS:
        return lambda line: make.text(get(line), text_style)

    def text(line: RollLine) -> Any:
        value = get(line)
        if isinstance(value, int):
            return str(value)
        if not value:
            return None
        # Plain str is bound as a string by openpyxl (cheaper); only force the traps.
        return make.text(value, text_style) if needs_forcing(value) else value

    return text
