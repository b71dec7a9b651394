"""Follow-ups that events start, for the workbench (DOMAIN §2.15, §3.2, §3.4, §3.7, §4.2):

- a covered member's death: re-check the family within 3 months (民函〔2022〕70号 §一(三));
- a tekun minor turning 18: continue only with proof of schooling (民发〔2021〕43号 第二十四条
  note; shown from 3 months before the birthday);
- a reported change in a tekun person's self-care: the county re-assesses within 10 working
  days (第二十条);
- a dibao 先行纳入: the ordinary steps are due by the authorised deadline;
- a tekun termination in publicity or with an objection to decide.
Read-only; a few queries whatever the size of the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import admission
from ...domain import workflow as wf
from ...models import (
    Application,
    CaseRecord,
    Enrollment,
    EnrollmentChange,
    EnrollmentMember,
    Person,
    TerminationProposal,
)
from ..context import Actor
from ..scope import visible_household_ids

__all__ = ["EVENT_KINDS", "EventItem", "event_items"]

EVENT_KINDS = {
    "death_recheck": "成员死亡后复核",
    "turning_18": "特困未成年人年满 18 周岁",
    "self_care": "生活自理能力变化重新评估",
    "green_channel": "特事特办补齐程序",
    "termination": "拟终止特困供养",
}
_AFTER_DEATH = ("recheck", "increase", "decrease", "suspend", "terminate", "resume")


@dataclass(frozen=True)
class EventItem:
    kind: str
    household_id: int
    application_id: int | None
    enrollment_id: int | None
    name: str
    due_on: date
    text: str


def event_items(
    s: Session, today: date, actor: Actor | None = None, lookahead_months: int = 3
) -> list[EventItem]:
    """Every open follow-up (of ``actor``'s township scope when given), ordered by due date."""
    out: list[EventItem] = []
    horizon = admission.plus_months(today, lookahead_months)
    # deaths of covered members, with no change or re-check recorded since
    rows = s.execute(
        select(
            Enrollment.id,
            Enrollment.household_id,
            Enrollment.application_id,
            Person.name,
            Person.deceased_on,
        )
        .join(EnrollmentMember, EnrollmentMember.enrollment_id == Enrollment.id)
        .join(Person, Person.id == EnrollmentMember.person_id)
        .where(
            Enrollment.status != "terminated",
            Enrollment.programme.in_((*wf.DIBAO, "tekun")),
            Person.deceased_on.is_not(None),
        )
    ).all()
    if rows:
        later: dict[int, date] = {}
        for eid, at in s.execute(
            select(EnrollmentChange.enrollment_id, EnrollmentChange.at).where(
                EnrollmentChange.enrollment_id.in_({r[0] for r in rows}),
                EnrollmentChange.kind.in_(_AFTER_DEATH),
            )
        ):
            later[eid] = max(later.get(eid, at.date()), at.date())
        for eid, hid, aid, name, died in rows:
            if died is None or later.get(eid, date.min) >= died:
                continue
            out.append(
                EventItem(
                    "death_recheck",
                    hid,
                    aid,
                    eid,
                    name,
                    admission.death_recheck_due(died),
                    f"{name} 于 {died.isoformat()} 死亡：须在 3 个月内复核家庭情况，"
                    "办理增发、减发或停发。",
                )
            )
    # tekun minors reaching 18 (from 3 months before; still listed for a year after)
    earliest_birth = date(today.year - 20, 1, 1)
    for eid, hid, aid, name, birth in s.execute(
        select(
            Enrollment.id,
            Enrollment.household_id,
            Enrollment.application_id,
            Person.name,
            Person.birth_date,
        )
        .join(Person, Person.id == Enrollment.payee_id)
        .where(
            Enrollment.programme == "tekun",
            Enrollment.status != "terminated",
            Person.birth_date >= earliest_birth,
        )
    ):
        turns = admission.eighteenth_birthday(birth)
        if admission.plus_months(today, -12) <= turns <= horizon:
            out.append(
                EventItem(
                    "turning_18",
                    hid,
                    aid,
                    eid,
                    name,
                    turns,
                    f"{name} 将于 {turns.isoformat()} 年满 18 周岁：如仍在义务教育、"
                    "普通高中或中等职业学校就读，请取得在读证明继续供养；否则办理终止。",
                )
            )
    # self-care changes reported, not yet re-assessed; dibao 先行纳入 not yet confirmed
    records = s.execute(
        select(CaseRecord, Application.household_id, Application.state, Person.name)
        .join(Application, Application.id == CaseRecord.application_id)
        .join(Person, Person.id == Application.applicant_id)
        .where(CaseRecord.kind.in_(("self_care_report", "self_care_reassessed", "green_channel")))
        .order_by(CaseRecord.id)
    ).all()
    reported: dict[int, tuple[CaseRecord, int, str]] = {}
    for rec, hid, state, name in records:
        if rec.kind == "self_care_report":
            reported[rec.application_id] = (rec, hid, name)
        elif rec.kind == "self_care_reassessed":
            reported.pop(rec.application_id, None)
        elif state in wf.OPEN_STATES and rec.due_on is not None:
            out.append(
                EventItem(
                    "green_channel",
                    hid,
                    rec.application_id,
                    None,
                    name,
                    rec.due_on,
                    f"{name} 已特事特办先行纳入：须在 "
                    f"{rec.due_on.isoformat()} 前完成调查、公示、审核确认，逾期停发并告知。",
                )
            )
    for rec, hid, name in reported.values():
        if rec.due_on is not None:
            out.append(
                EventItem(
                    "self_care",
                    hid,
                    rec.application_id,
                    None,
                    name,
                    rec.due_on,
                    f"{name} 生活自理能力发生变化（{rec.on_date.isoformat()} 报告）："
                    "县级须在 10 个工作日内重新评估。",
                )
            )
    # tekun terminations under way
    for tp, hid, aid, name in s.execute(
        select(TerminationProposal, Enrollment.household_id, Enrollment.application_id, Person.name)
        .join(Enrollment, Enrollment.id == TerminationProposal.enrollment_id)
        .join(Person, Person.id == Enrollment.payee_id)
        .where(TerminationProposal.status.in_(("publicity", "objection")))
    ):
        if tp.status == "objection" and tp.objection_due is not None:
            out.append(
                EventItem(
                    "termination",
                    hid,
                    aid,
                    tp.enrollment_id,
                    name,
                    tp.objection_due,
                    f"{name} 拟终止公示有异议：须在 "
                    f"{tp.objection_due.isoformat()} 前调查并作出决定。",
                )
            )
        else:
            out.append(
                EventItem(
                    "termination",
                    hid,
                    aid,
                    tp.enrollment_id,
                    name,
                    tp.publicity_end,
                    f"{name} 拟终止供养公示至 "
                    f"{tp.publicity_end.isoformat()}：期满无异议后次月起终止。",
                )
            )
    if actor is not None:
        keep = visible_household_ids(s, actor, (e.household_id for e in out))
        out = [e for e in out if e.household_id in keep]
    return sorted(out, key=lambda e: (e.due_on, e.kind, e.household_id))
