"""Printable internal workbooks: the monthly roster (发放花名册, DOMAIN §7.2 A) and the village
summary (汇总表, §7.2 C).

These go from the township to the county for review, so they carry a merged title, 所属期, a
totals row, the 大写 total (§9.3) and the signature block. Totals are literal numbers, never
formulas: a reviewer's viewer or an importer may not evaluate formulas, and the printed total
must be the sum of the printed rows (§7.3.4).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from reliefdesk.domain.money import round_half_up, to_capital
from reliefdesk.errors import ValidationError

from ._cells import (
    CENTER,
    LEFT,
    RIGHT,
    CellMaker,
    bad_text,
    layout,
    new_write_only_sheet,
    printable,
    save_atomically,
)
from .model import ExportResult, RollHeader, RollLine, VillageSummaryRow
from .problems import raise_if_problems

__all__ = [
    "ONE_OFF_COLUMNS",
    "ROSTER_COLUMNS",
    "SUMMARY_COLUMNS",
    "write_internal_roster",
    "write_village_summary",
]

#: DOMAIN §7.2 A, with column widths.
ROSTER_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("乡镇(街道)", 10),
    ("村(社区)/组", 12),
    ("户主姓名(领取人)", 10),
    ("公民身份号码", 20),
    ("保障类别", 10),
    ("保障人数", 6),
    ("保障标准", 9),
    ("月人均收入", 9),
    ("本月应发", 10),
    ("补发/扣减", 10),
    ("实发金额", 10),
    ("社保卡号/银行账号", 22),
    ("开户行/代发网点", 16),
    ("变动标志", 8),
    ("备注", 14),
)
#: The same columns for a 临时救助发放名册: the amount is a one-off sum (never "月").
ONE_OFF_COLUMNS: tuple[tuple[str, float], ...] = tuple(
    (
        {
            "保障类别": "救助类别",
            "保障人数": "救助人数",
            "保障标准": "发放性质",
            "月人均收入": "—",
            "本月应发": "救助金额(一次性)",
        }.get(name, name),
        width,
    )
    for name, width in ROSTER_COLUMNS
)
SUMMARY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("村(社区)", 14),
    ("低保户数", 8),
    ("低保人数", 8),
    ("低保人均月保障金(元/人/月)", 12),
    ("低保月发放金额", 12),
    ("特困户数", 8),
    ("特困人数", 8),
    ("特困人均月保障金(元/人/月)", 12),
    ("特困月发放金额", 12),
    ("合计发放金额", 12),
)


TITLE_ROWS = 2  # the title and the period/office line above the column headers


class _Sheet:
    """A write-only sheet with the shared styles of the printable workbooks."""

    def __init__(self, ws: WriteOnlyWorksheet, columns: Sequence[tuple[str, float]]) -> None:
        self.ws = ws
        self.width = len(columns)
        self.row = 0
        make = self.make = CellMaker(ws)
        self.title = make.style(bold=True, size=16, align=CENTER)
        self.head = make.style(bold=True, align=CENTER, border=True)
        self.text = make.style("@", border=True)
        self.int = make.style("0", border=True, align=RIGHT)
        self.amount = make.style("0.00", border=True, align=RIGHT)
        self.plain = make.style(align=LEFT)
        self.bold = make.style(bold=True, align=LEFT)
        sheet = layout(ws)
        for i, (_, width) in enumerate(columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = "9"  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_options.horizontalCentered = True

    def append(self, cells: list[Any]) -> int:
        self.ws.append(cells)
        self.row += 1
        return self.row

    def merge(self, row: int, first: int, last: int) -> None:
        layout(self.ws).merged_cells.add(
            f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}"
        )

    def t(self, value: str | None, style: Any = None) -> Any:
        """A literal-string cell (None stays empty but keeps the border)."""
        if value is None or value == "":
            return self.make.number(None, style if style is not None else self.text)
        return self.make.text(value, style if style is not None else self.text)

    def n(self, value: int | None, style: Any = None) -> Any:
        return self.make.number(value, style if style is not None else self.int)

    def money(self, fen: int | None) -> Any:
        return self.make.number(None if fen is None else fen / 100, self.amount)

    def title_rows(self, title: str, left: str, right: str) -> None:
        """The :data:`TITLE_ROWS` rows above the column headers."""
        row = self.append([self.t(title, self.title)])
        self.merge(row, 1, self.width)
        half = self.width // 2
        row = self.append(
            [self.t(left, self.plain)] + [None] * (half - 1) + [self.t(right, self.plain)]
        )
        self.merge(row, 1, half)
        self.merge(row, half + 1, self.width)

    def headers(self, columns: Sequence[tuple[str, float]]) -> None:
        row = self.append([self.t(name, self.head) for name, _ in columns])
        self.ws.print_title_rows = f"{row}:{row}"

    def footer(self, header: RollHeader, capital: str | None) -> None:
        self.append([])
        if capital is not None:
            row = self.append([self.t(f"大写金额：{capital}", self.bold)])
            self.merge(row, 1, self.width)
        third = max(self.width // 3, 1)
        row = self.append(
            [
                self.t(f"制表人：{header.prepared_by}", self.plain),
                *[None] * (third - 1),
                self.t("审核人：", self.plain),
                *[None] * (third - 1),
                self.t("负责人：", self.plain),
            ]
        )
        self.merge(row, 1, third)
        self.merge(row, third + 1, 2 * third)
        self.merge(row, 2 * third + 1, self.width)
        made = header.made_on
        row = self.append(
            [
                self.t(f"单位（公章）：{header.office_name}", self.plain),
                *[None] * (2 * third - 1),
                self.t(f"制表日期：{made.year}年{made.month}月{made.day}日", self.plain),
            ]
        )
        self.merge(row, 1, 2 * third)
        self.merge(row, 2 * third + 1, self.width)
        if header.audit_head:  # tamper evidence: the lock hash and the audit chain head
            row = self.append(
                [
                    self.t(
                        f"花名册哈希：{header.roster_hash}　审计链头：{header.audit_head}",
                        self.plain,
                    )
                ]
            )
            self.merge(row, 1, self.width)


_LINE_TEXT = (
    "payee",
    "township",
    "village",
    "id_number",
    "category",
    "adjustment_reason",
    "account",
    "bank",
    "change_flag",
    "note",
)
_HEADER_TEXT = ("county", "township", "office_name", "programme_label", "month", "prepared_by")


def _check_texts(header: RollHeader, records: Sequence[Any], fields: Sequence[str]) -> None:
    """Refuse, before a single byte is written, any text that would corrupt the sheet XML."""
    problems = [
        f"表头的 {name}{why}" for name in _HEADER_TEXT if (why := bad_text(getattr(header, name)))
    ]
    for n, record in enumerate(records, 1):
        for name in fields:
            why = bad_text(getattr(record, name))
            if why:
                problems.append(
                    f"第 {n} 条（{printable(str(getattr(record, fields[0])))}）{name}{why}"
                )
    raise_if_problems("表格数据", problems, code="roster_file.text")


def write_internal_roster(
    path: str | os.PathLike[str], header: RollHeader, lines: Sequence[RollLine]
) -> ExportResult:
    """Write the printable monthly roster with totals (户数/人数/金额), 大写 total and signatures."""
    if not lines:
        raise ValidationError("没有可导出的发放记录", code="roster_file.empty")
    total_fen = sum(line.paid_fen for line in lines)
    if total_fen < 0:
        raise ValidationError("实发金额合计为负数，无法生成花名册", code="roster_file.total")
    _check_texts(header, lines, _LINE_TEXT)

    def write(tmp: Path) -> None:
        wb, ws = new_write_only_sheet("发放花名册")
        columns = ONE_OFF_COLUMNS if header.one_off else ROSTER_COLUMNS
        s = _Sheet(ws, columns)
        title = (
            f"{header.county}{header.township}临时救助金发放名册（一次性发放）"
            if header.one_off
            else f"{header.county}{header.township}{header.programme_label}资金发放花名册"
        )
        # a write-only sheet writes its view with the first row: freeze below the headers now
        ws.freeze_panes = f"A{TITLE_ROWS + 2}"
        s.title_rows(
            title,
            f"{'发放月份' if header.one_off else '所属期'}：{header.month_label}（{header.month}）",
            f"填报单位：{header.office_name}    金额单位：元"
            + ("（一次性救助金额，非按月发放）" if header.one_off else ""),
        )
        s.headers(columns)
        t, n, money = s.t, s.n, s.money
        for line in lines:
            s.append(
                [
                    n(line.seq),
                    t(line.township),
                    t(line.village),
                    t(line.payee),
                    t(line.id_number),
                    t(line.category),
                    n(line.persons),
                    t("一次性") if header.one_off else money(line.standard_fen),
                    money(line.per_capita_income_fen),
                    money(line.due_fen),
                    money(line.adjustment_fen),
                    money(line.paid_fen),
                    t(line.account),
                    t(line.bank),
                    t(line.change_flag),
                    t(_note(line)),
                ]
            )
        s.append(
            [
                t("合计", s.head),
                t("户数", s.head),
                n(len(lines)),
                t(None),
                t(None),
                t("人数", s.head),
                n(sum(line.persons for line in lines)),
                t(None),
                t(None),
                money(sum(line.due_fen for line in lines)),
                money(sum(line.adjustment_fen for line in lines)),
                money(total_fen),
                t(None),
                t(None),
                t(None),
                t(None),
            ]
        )
        s.footer(header, to_capital(total_fen))
        wb.save(tmp)

    final, digest = save_atomically(path, write)
    return ExportResult(path=final, rows=len(lines), total_fen=total_fen, sha256_of_file=digest)


def _note(line: RollLine) -> str:
    """备注, prefixed with the 补发/扣减 reason when there is an adjustment (§7.2 A "with reason")."""
    if line.adjustment_fen and line.adjustment_reason:
        reason = f"补扣原因：{line.adjustment_reason}"
        return f"{reason}；{line.note}" if line.note else reason
    return line.note


def _per_capita(amount_fen: int, persons: int) -> int | None:
    return round_half_up(Fraction(amount_fen, persons)) if persons else None


def write_village_summary(
    path: str | os.PathLike[str], header: RollHeader, rows: Sequence[VillageSummaryRow]
) -> ExportResult:
    """Write the per-village 低保/特困 summary with a literal totals row; ``total_fen`` = both."""
    if not rows:
        raise ValidationError("没有可汇总的村(社区)数据", code="summary_file.empty")
    total_fen = sum(r.dibao_amount_fen + r.tekun_amount_fen for r in rows)
    _check_texts(header, rows, ("village",))

    def write(tmp: Path) -> None:
        wb, ws = new_write_only_sheet("汇总表")
        s = _Sheet(ws, SUMMARY_COLUMNS)
        s.title_rows(
            f"{header.county}{header.township}低保、特困供养资金发放汇总表",
            f"所属期：{header.month_label}（{header.month}）",
            f"填报单位：{header.office_name}    金额单位：元",
        )
        s.headers(SUMMARY_COLUMNS)

        def data(label: list[Any], values: VillageSummaryRow) -> list[Any]:
            v = values
            return [
                *label,
                s.n(v.dibao_households),
                s.n(v.dibao_persons),
                s.money(_per_capita(v.dibao_amount_fen, v.dibao_persons)),
                s.money(v.dibao_amount_fen),
                s.n(v.tekun_households),
                s.n(v.tekun_persons),
                s.money(_per_capita(v.tekun_amount_fen, v.tekun_persons)),
                s.money(v.tekun_amount_fen),
                s.money(v.dibao_amount_fen + v.tekun_amount_fen),
            ]

        for i, r in enumerate(rows, 1):
            s.append(data([s.n(i), s.t(r.village)], r))
        totals = VillageSummaryRow(
            village="合计",
            dibao_households=sum(r.dibao_households for r in rows),
            dibao_persons=sum(r.dibao_persons for r in rows),
            dibao_amount_fen=sum(r.dibao_amount_fen for r in rows),
            tekun_households=sum(r.tekun_households for r in rows),
            tekun_persons=sum(r.tekun_persons for r in rows),
            tekun_amount_fen=sum(r.tekun_amount_fen for r in rows),
        )
        s.append(data([s.t("合计", s.head), s.t(None)], totals))
        s.footer(header, to_capital(total_fen))
        wb.save(tmp)

    final, digest = save_atomically(path, write)
    return ExportResult(path=final, rows=len(rows), total_fen=total_fen, sha256_of_file=digest)
