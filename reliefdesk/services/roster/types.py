"""Frozen records the roster services return (safe to hand to the GUI off-thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from ...domain.months import month_start
from ...domain.programmes import MONTHLY_PROGRAMMES
from ...domain.programmes import PROGRAMME_LABELS as _LABELS
from ...errors import ValidationError

#: The programme names (:mod:`reliefdesk.domain.programmes`) plus the roster-only "all".
PROGRAMME_LABELS: dict[str, str] = {
    **{p: _LABELS[p] for p in MONTHLY_PROGRAMMES},
    "all": "全部项目",
    "temporary_aid": _LABELS["temporary_aid"],
}

Severity = Literal["error", "warning"]


def parse_month(value: str | date) -> date:
    """ "2026-03" / "2026-3" / a date → date(2026, 3, 1)."""
    if isinstance(value, date):
        return month_start(value)
    text = value.strip()
    try:
        year, _, mon = text.partition("-")
        return date(int(year), int(mon[:2]), 1)
    except ValueError:
        raise ValidationError(
            f"月份“{value}”格式不正确，应为 YYYY-MM。", code="roster.month", field="month"
        ) from None


def month_text(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def programmes_of(code: str) -> tuple[str, ...]:
    """The programmes a roster code covers ("all": every monthly programme)."""
    return MONTHLY_PROGRAMMES if code == "all" else (code,)


def programme_code(programme: str | None) -> str:
    """None → "all"; validates the code."""
    code = programme or "all"
    if code not in PROGRAMME_LABELS:
        raise ValidationError(
            f"未知的保障项目“{code}”，应为 urban_dibao、rural_dibao、tekun、temporary_aid 或 all。",
            code="roster.programme",
            field="programme",
        )
    return code


@dataclass(frozen=True)
class Problem:
    """One validation finding. ``line_no`` 0 means the roster as a whole; ``roster_id`` is set
    by :func:`verify_locked_rosters`. ``acknowledged_by`` is filled for acknowledged warnings."""

    line_no: int
    severity: Severity
    code: str
    message_zh: str
    roster_id: int | None = None
    acknowledged_by: str | None = None
    #: where the problem is fixed: "account" (household id), "person" (person id),
    #: "enrollment" (enrollment id) or "" (the roster as a whole)
    entity_kind: str = ""
    entity_id: int | None = None
    household_id: int | None = None

    @property
    def key(self) -> tuple[int, str]:
        return (self.line_no, self.code)


@dataclass(frozen=True)
class LineView:
    id: int
    line_no: int
    enrollment_id: int
    household_id: int
    payee_name: str
    payee_id_number: str
    account: str
    account_kind: str
    bank: str
    holder_name: str
    village: str
    township: str
    programme: str
    category: str
    persons: int
    members_counted: int
    standard_fen: int
    per_capita_income_fen: int | None
    due_fen: int
    adjustment_fen: int
    adjustment_reason: str
    paid_fen: int
    change_flag: str
    change_reason: str
    working: dict[str, Any]
    bank_status: str
    bank_reason: str


@dataclass(frozen=True)
class RosterView:
    """A roster with its totals; ``lines`` is filled when asked for (generate returns them)."""

    id: int
    month: date
    programme: str
    kind: str
    seq_no: int
    status: str
    generated_at: datetime
    generated_by: str
    locked_at: datetime | None
    locked_by: str
    lines_sha256: str | None
    households: int
    persons: int
    amount_fen: int
    version: int
    unlock_history: tuple[dict[str, Any], ...] = ()
    flag_counts: dict[str, int] = field(default_factory=dict)
    lines: tuple[LineView, ...] = ()
    township_id: int | None = None  # None: a county-wide roster
    county_reviewed_at: datetime | None = None  # 县级审核 after the township locked it
    county_reviewed_by: str = ""

    @property
    def month_text(self) -> str:
        return month_text(self.month)

    @property
    def programme_label(self) -> str:
        return PROGRAMME_LABELS.get(self.programme, self.programme)

    @property
    def locked(self) -> bool:
        return self.status == "locked"


@dataclass(frozen=True)
class DiffEntry:
    line_no: int | None  # None: stopped (not in this month's roster)
    enrollment_id: int
    household_id: int
    payee_name: str
    flag: str
    previous_fen: int | None
    current_fen: int
    reason: str


@dataclass(frozen=True)
class RosterDiff:
    """Changes against the previous month's regular roster of the same programme."""

    roster_id: int
    previous_roster_id: int | None
    counts: dict[str, int]
    entries: tuple[DiffEntry, ...]  # everything except 不变


@dataclass(frozen=True)
class AdjustmentView:
    id: int
    enrollment_id: int
    household_id: int
    kind: str
    amount_fen: int
    signed_fen: int
    reason: str
    for_month: date
    apply_month: date
    source: str
    failed_account: str | None
    account_fixed: bool
    cancelled: bool
    applied_in_roster_id: int | None


@dataclass(frozen=True)
class ImportResult:
    """What a bank return file did: lines marked paid/failed, rows that matched nothing, and
    the 补发 adjustments created for failed lines."""

    rows: int
    paid: int
    failed: int
    unmatched_rows: tuple[int, ...]
    adjustments: tuple[AdjustmentView, ...]
    file_sha256: str


@dataclass(frozen=True)
class ExportRecord:
    id: int
    roster_id: int
    kind: str
    file_name: str
    rows: int
    total_fen: int
    file_sha256: str
    roster_sha256: str
    username: str
    at: datetime
