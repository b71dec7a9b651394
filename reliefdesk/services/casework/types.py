"""Casework vocabularies and the frozen views the casework services return (no queries)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "SELF_CARE_ITEMS",
    "SELF_CARE_LABELS",
    "ApplicationRow",
    "ApplicationView",
    "PublicityBatch",
    "RecordView",
    "StepView",
]

SELF_CARE_ITEMS = ("eating", "dressing", "bed_transfer", "toileting", "indoor_walking", "bathing")
SELF_CARE_LABELS = {
    "eating": "自主吃饭",
    "dressing": "自主穿衣",
    "bed_transfer": "自主上下床",
    "toileting": "自主如厕",
    "indoor_walking": "室内自主行走",
    "bathing": "自主洗澡",
}
_FILE_PREFIX = {"urban_dibao": "CB", "rural_dibao": "NB", "tekun": "TK", "temporary_aid": "LS"}
_R_DUP = "民发〔2021〕57号 第二十八条（不得重复纳入）"
# temporary aid is not 纳入 (enrolment): its duplicate rule is the temporary-aid one
_R_DUP_TEMP = "《社会救助暂行办法》第四十七条；民发〔2018〕23号（临时救助同一事由不重复救助）"


@dataclass(frozen=True)
class StepView:
    id: int
    action: str
    action_label: str
    from_state: str | None
    to_state: str
    user_id: int
    username: str
    role: str
    role_label: str
    at: datetime
    on_date: date
    decision: str
    opinion: str


@dataclass(frozen=True)
class RecordView:
    """A recorded decision (一事一议, county approval, county visit, green channel)."""

    id: int
    kind: str
    on_date: date
    body: str
    participants: str
    reference: str
    amount_fen: int | None
    due_on: date | None
    note: str


@dataclass(frozen=True)
class ApplicationView:
    """Everything the case screen shows; ``allowed_actions`` are for the viewing actor."""

    id: int
    file_no: str
    household_id: int
    applicant_id: int
    applicant_name: str
    programme: str
    programme_label: str
    state: str
    state_label: str
    state_since: date
    due_on: date | None  # deadline of the current step (or the whole case, if earlier)
    total_due_on: date | None
    accepted_on: date
    reason: str
    single_person: bool
    care_mode: str | None
    self_care: Mapping[str, bool] | None
    care_tier: str | None
    aid_type: str | None
    aid_months: int | None
    aid_persons: int | None
    green_channel: bool
    paperwork_due: date | None
    info_check_requested_on: date | None
    info_check_result: str | None
    publicity_start: date | None
    publicity_end: date | None
    objection: str | None
    extended: bool
    proposed_fen: int | None
    working_lines: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    decision: str | None
    decision_reasons: str | None
    decided_on: date | None
    created_by: int
    version: int
    enrollment_id: int | None
    steps: tuple[StepView, ...]
    allowed_actions: tuple[str, ...]
    records: tuple[RecordView, ...] = ()
    aid_cause: str | None = None
    green_due: date | None = None  # dibao 先行纳入: ordinary steps to be completed by
    deadline_warning: str | None = None  # the deadline runs through a year without holidays
    blockers: tuple[str, ...] = ()  # what must be recorded before confirmation
    notice_change_id: int | None = None  # latest 减发/停发/终止 of the enrollment (告知书)
    enrollment_status: str | None = None


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    file_no: str
    household_id: int
    applicant_id: int
    applicant_name: str
    programme: str
    state: str
    state_label: str
    state_since: date
    due_on: date | None
    accepted_on: date
    proposed_fen: int | None
    version: int


@dataclass(frozen=True)
class PublicityBatch:
    application_ids: tuple[int, ...]
    start: date
    end: date
