"""What the comparison services hand back: frozen views of a read file, a run and a finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = ["DeptRowView", "DeptTable", "FindingView", "RunResult", "RunView", "ScheduleItem"]


@dataclass(frozen=True)
class DeptTable:
    """A department sheet: its header, the column of each field, and the data rows as
    (1-based row number, field -> cell value)."""

    file_name: str
    sha256: str
    sheet: str
    header_row: int
    labels: tuple[str, ...]
    mapping: dict[str, str]  # field -> header label
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


@dataclass(frozen=True)
class RunView:
    """One comparison run with its counts."""

    id: int
    source: str
    source_label: str
    file_name: str
    sha256: str
    created_at: datetime
    created_by_name: str
    rows_read: int
    matched: int
    unmatched: int
    name_mismatches: int
    bad_ids: int
    findings: int
    by_kind: dict[str, int]


@dataclass(frozen=True)
class RunResult:
    """What a comparison produced; ``unmatched_rows`` and ``mismatch_rows`` list (row, name,
    masked ID) for the report (at most a few hundred each)."""

    run: RunView
    reversed_deaths: int
    already_open: int
    unmatched_rows: tuple[tuple[int, str, str], ...] = ()
    mismatch_rows: tuple[tuple[int, str, str, str], ...] = ()
    #: rows of a county-wide file a township user's run left out (other townships' people,
    #: and rows whose township the data cannot tell)
    left_out: int = 0


@dataclass(frozen=True)
class FindingView:
    """One finding as the queue shows it (ID number masked)."""

    id: int
    kind: str
    kind_label: str
    action: str  # the rule's action: death | recheck | topup | application
    recipient: bool
    person_id: int | None
    household_id: int | None
    village: str
    name: str
    id_masked: str
    source: str
    source_label: str
    file_name: str
    run_id: int
    row_no: int
    message: str
    due_on: date
    assignee_name: str
    status: str
    outcome_note: str
    resolved_by_name: str
    taken_action: str
    action_ref: str
    data: dict[str, Any]
    version: int

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class ScheduleItem:
    """A source on the comparison calendar: due this month or not, and its last run."""

    source: str
    label: str
    department: str
    every_months: int
    last_run: datetime | None
    due: bool


@dataclass(frozen=True)
class DeptRowView:
    """One kept row of a run: how it matched (``matched``, ``name_mismatch``, ``unmatched``,
    ``bad_id``), the department's name, the register's name, the masked ID."""

    row_no: int
    match: str
    name: str
    register_name: str
    id_masked: str
    person_id: int | None
