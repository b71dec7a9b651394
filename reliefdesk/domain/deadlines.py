"""Legal deadlines of a case: 公示 end, the whole-case limit and the current step's limit
(DOMAIN §2.12, §3.3, §4.4), counted with the working-day calendar. Pure; re-exported by
:mod:`reliefdesk.domain.workflow`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import WorkCalendar

__all__ = ["Limits", "publicity_end", "step_deadline", "total_deadline"]

DIBAO = ("urban_dibao", "rural_dibao")


def _is_dibao(programme: str) -> bool:
    return programme in DIBAO


@dataclass(frozen=True)
class Limits:
    """Working-day limits (policy ``limits``; DOMAIN §2.12, §3.3, §4.4) and 公示 settings."""

    investigate_start_wd: int = 3
    info_check_start_wd: int = 3
    county_confirm_wd: int = 10
    refusal_notice_wd: int = 3
    total_county_wd: int = 30
    total_delegated_wd: int = 20
    total_extended_wd: int = 45
    tekun_prelim_wd: int = 15
    tekun_confirm_wd: int = 15
    temp_aid_wd: int = 10
    paperwork_after_advance_wd: int = 5
    publicity_days: int = 7
    publicity_working_days: bool = False

    @classmethod
    def from_mapping(
        cls,
        limits: Mapping[str, int],
        *,
        publicity_days: int = 7,
        publicity_working_days: bool = False,
    ) -> Limits:
        known = {
            k: int(v)
            for k, v in limits.items()
            if k in cls.__dataclass_fields__ and not k.startswith("publicity")
        }
        return cls(
            **known, publicity_days=publicity_days, publicity_working_days=publicity_working_days
        )


def publicity_end(start: date, limits: Limits, calendar: WorkCalendar) -> date:
    """Last day of a 公示 starting on ``start`` (the start day is day 1).

    7 calendar days from 3 March end on 9 March; with working days the 7th working day counted
    from ``start`` (``start`` counts if it is a working day).
    """
    n = max(limits.publicity_days, 1)
    if not limits.publicity_working_days:
        return start + timedelta(days=n - 1)
    first = start if calendar.is_working_day(start) else calendar.add_working_days(start, 1)
    return calendar.add_working_days(first, n - 1)


def total_deadline(
    programme: str,
    accepted_on: date,
    limits: Limits,
    calendar: WorkCalendar,
    *,
    delegated: bool,
    extended: bool = False,
) -> date | None:
    """Whole-case limit for dibao: 30 working days (county confirms), 20 (delegated to the
    township), 45 when extended (民发〔2021〕57号 第二十二条; 民函〔2022〕70号 §四); temporary
    aid: the county's limit from acceptance (policy ``temp_aid_wd``, DOMAIN §4.4). Tekun has
    per-step limits only (None)."""
    if programme == "temporary_aid":
        return calendar.add_working_days(accepted_on, limits.temp_aid_wd)
    if not _is_dibao(programme):
        return None
    if extended:
        n = limits.total_extended_wd
    else:
        n = limits.total_delegated_wd if delegated else limits.total_county_wd
    return calendar.add_working_days(accepted_on, n)


def step_deadline(
    programme: str,
    state: str,
    *,
    state_since: date,
    accepted_on: date,
    limits: Limits,
    calendar: WorkCalendar,
    publicity_end_on: date | None = None,
    decided_on: date | None = None,
    notice_pending: bool = False,
    paperwork_due: date | None = None,
    info_check_pending_since: date | None = None,
) -> date | None:
    """Deadline of the current step, or None when the step has no limit of its own.

    accepted → start the investigation within 3 working days; an information check requested
    and not yet answered → the county starts matching within 3 working days of the request
    (民发〔2021〕57号 第十七条, policy ``info_check_start_wd``); tekun investigation + 初审 within
    15 working days of acceptance (again 15 after a 公示 objection); 公示 → its last day;
    awaiting confirmation → 10 working days (tekun 15; temporary aid 10); refused → written
    notice within 3 working days of the decision; approved by 先行救助 → paperwork due.
    """
    st = str(state)  # State is a StrEnum: its values compare equal to these codes
    cal = calendar
    if st == "accepted":
        return cal.add_working_days(state_since, limits.investigate_start_wd)
    if st == "investigating":
        due: date | None = None
        if programme == "tekun":
            due = cal.add_working_days(accepted_on, limits.tekun_prelim_wd)
        if info_check_pending_since is not None:
            check = cal.add_working_days(info_check_pending_since, limits.info_check_start_wd)
            due = check if due is None else min(due, check)
        return due
    if st == "prelim_review":  # tekun: investigation and 初审 within 15 working days
        return (
            cal.add_working_days(accepted_on, limits.tekun_prelim_wd)
            if programme == "tekun"
            else None
        )
    if st == "objection_review":
        return (
            cal.add_working_days(state_since, limits.tekun_prelim_wd)
            if programme == "tekun"
            else None
        )
    if st == "publicity":
        return publicity_end_on
    if st == "awaiting_confirmation":
        n = {"tekun": limits.tekun_confirm_wd, "temporary_aid": limits.temp_aid_wd}.get(
            programme, limits.county_confirm_wd
        )
        return cal.add_working_days(state_since, n)
    if st == "refused" and notice_pending:
        return cal.add_working_days(decided_on or state_since, limits.refusal_notice_wd)
    if st == "approved":
        return paperwork_due
    return None
