"""Plain input and output records of the workbook layer (发放花名册, 银行代发文件, 回盘文件).

Everything here is data only: the services build these from a locked roster snapshot and the
writers in this package turn them into ``.xlsx`` files. Money is integer fen (分) throughout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

__all__ = ["ExportResult", "ReturnRow", "RollHeader", "RollLine", "VillageSummaryRow"]


@dataclass(frozen=True, slots=True)
class RollLine:
    """One household line of a monthly payment roll (发放花名册), copied from the roster snapshot."""

    seq: int
    township: str
    village: str
    payee: str
    id_number: str
    category: str
    persons: int
    standard_fen: int
    per_capita_income_fen: int | None
    due_fen: int
    adjustment_fen: int
    adjustment_reason: str
    paid_fen: int
    account: str
    bank: str
    change_flag: str
    note: str
    subsidy: str = ""  # the line's own 补贴项目 (农村低保...) when the roll covers several


@dataclass(frozen=True, slots=True)
class RollHeader:
    """What the roll is about: place, programme, 所属期 ("YYYY-MM") and who made it."""

    county: str
    township: str
    office_name: str
    programme_label: str
    month: str
    roster_hash: str
    prepared_by: str
    made_on: date
    one_off: bool = False  # a 临时救助 list: amounts are one-off sums, not monthly
    audit_head: str = ""  # the audit chain head COUNT:HASH when the file was made
    per_line_subsidy: bool = False  # several programmes: each line's 摘要 names its own

    @property
    def month_label(self) -> str:
        """所属期 in Chinese, e.g. "2026年11月" (falls back to the raw text if malformed)."""
        year, sep, mon = self.month.partition("-")
        if sep and year.isdigit() and mon.isdigit():
            return f"{int(year)}年{int(mon)}月"
        return self.month


@dataclass(frozen=True, slots=True)
class VillageSummaryRow:
    """One village (村/社区) of the township summary (汇总表, DOMAIN §7.2 C)."""

    village: str
    dibao_households: int
    dibao_persons: int
    dibao_amount_fen: int
    tekun_households: int
    tekun_persons: int
    tekun_amount_fen: int


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A written file: where, how many data rows, their total, and the file's SHA-256 (hex)."""

    path: Path
    rows: int
    total_fen: int
    sha256_of_file: str
    password: str = ""  # a password-protected bank workbook: shown once, given to the bank


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """One data row of a bank return file (回盘文件); ``row_number`` is the 1-based Excel row."""

    row_number: int
    id_number: str
    account: str
    name: str
    amount_fen: int | None
    success: bool
    reason: str
