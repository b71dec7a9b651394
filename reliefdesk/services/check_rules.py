"""The shared vocabulary of the consistency check (:class:`Problem`, the status tuples, the
per-kind cap) and its rules on enrollments and applications: one programme per person, an
enrollment's application, payee and members, and the application's steps (DOMAIN §2.15, §3).
Split out of :mod:`reliefdesk.services.check`, which re-exports the public names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func, not_, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import (
    Application,
    CaseStep,
    Enrollment,
    EnrollmentMember,
    Person,
)

LIVE = ("active", "phase_out", "suspended")
PAYING = ("active", "phase_out")
EXCLUSIVE_PROGRAMMES = ("urban_dibao", "rural_dibao", "tekun")
# CaseStep actions/decisions that record a confirmation (确认/审批同意).
CONFIRM_ACTIONS = ("confirm", "confirm_delegated", "approve", "county_confirm")
CONFIRM_DECISIONS = ("approved", "confirmed", "同意", "确认")
MAX_PER_KIND = 1000


@dataclass(frozen=True)
class Problem:
    kind: str
    entity: str
    entity_id: int | str | None
    message_zh: str


def _rows(s: Session, q: Any) -> Iterator[Any]:
    return iter(s.execute(q.limit(MAX_PER_KIND)))


# --- enrollments ------------------------------------------------------------------------------


def check_double_enrollment(s: Session) -> list[Problem]:
    """No person is a current member of two live dibao/tekun enrollments."""
    q = (
        select(EnrollmentMember.person_id, func.count(func.distinct(Enrollment.id)))
        .join(Enrollment, Enrollment.id == EnrollmentMember.enrollment_id)
        .where(
            EnrollmentMember.active.is_(True),
            Enrollment.status.in_(LIVE),
            Enrollment.programme.in_(EXCLUSIVE_PROGRAMMES),
        )
        .group_by(EnrollmentMember.person_id)
        .having(func.count(func.distinct(Enrollment.id)) > 1)
        .order_by(EnrollmentMember.person_id)
    )
    return [
        Problem(
            "double_enrollment",
            "person",
            pid,
            f"人员 #{pid} 同时在 {n} 个低保/特困保障中（重复享受）",
        )
        for pid, n in _rows(s, q)
    ]


def check_enrollment_application(s: Session) -> list[Problem]:
    """Every enrollment rests on an approved application of the same household/programme."""
    q = (
        select(Enrollment.id, Enrollment.household_id, Application.id, Application.decision)
        .outerjoin(Application, Application.id == Enrollment.application_id)
        .where(
            or_(
                Application.id.is_(None),
                Application.decision.is_(None),
                Application.decision != "approved",
                Application.household_id != Enrollment.household_id,
                Application.programme != Enrollment.programme,
            )
        )
        .order_by(Enrollment.id)
    )
    return [
        Problem(
            "enrollment_without_approval",
            "enrollment",
            eid,
            f"户号 {hid} 的保障记录 #{eid} 没有对应的已批准申请"
            + (f"（申请 #{aid} 状态：{dec or '未决定'}）" if aid else ""),
        )
        for eid, hid, aid, dec in _rows(s, q)
    ]


def check_enrollment_payee(s: Session) -> list[Problem]:
    q = (
        select(
            Enrollment.id,
            Enrollment.household_id,
            Person.name,
            Person.deceased_on,
            Person.household_id,
        )
        .join(Person, Person.id == Enrollment.payee_id)
        .where(
            Enrollment.status.in_(PAYING),
            or_(Person.deceased_on.is_not(None), Person.household_id != Enrollment.household_id),
        )
        .order_by(Enrollment.id)
    )
    out = []
    for eid, hid, name, dead, _phid in _rows(s, q):
        if dead is not None:
            out.append(
                Problem(
                    "payee_deceased",
                    "enrollment",
                    eid,
                    f"户号 {hid} 的在保记录 #{eid} 收款人{name}已于 {dead} 死亡，仍在发放",
                )
            )
        else:
            out.append(
                Problem(
                    "payee_not_member",
                    "enrollment",
                    eid,
                    f"户号 {hid} 的在保记录 #{eid} 收款人{name}不是本户成员",
                )
            )
    return out


def check_enrollment_members(s: Session) -> list[Problem]:
    """persons = number of current members; members are counted, living household members."""
    em = aliased(EnrollmentMember)
    active_count = (
        select(func.count(em.id))
        .where(em.enrollment_id == Enrollment.id, em.active.is_(True))
        .correlate(Enrollment)
        .scalar_subquery()
    )
    from .importing.batches import pending_completion  # hook (issue 12): 待补录 is known

    q = (
        select(Enrollment.id, Enrollment.household_id, Enrollment.persons, active_count)
        .where(
            Enrollment.status.in_(LIVE),
            Enrollment.programme.in_(EXCLUSIVE_PROGRAMMES),
            Enrollment.persons != active_count,
            ~pending_completion(Enrollment.id),
        )
        .order_by(Enrollment.id)
    )
    out = [
        Problem(
            "enrollment_persons",
            "enrollment",
            eid,
            f"户号 {hid} 的在保记录 #{eid} 保障人数为 {n}，但在保成员有 {m} 人",
        )
        for eid, hid, n, m in _rows(s, q)
    ]
    q2 = (
        select(
            Enrollment.id,
            Enrollment.household_id,
            Person.name,
            Person.household_id,
            Person.counted,
            Person.deceased_on,
        )
        .join(EnrollmentMember, EnrollmentMember.enrollment_id == Enrollment.id)
        .join(Person, Person.id == EnrollmentMember.person_id)
        .where(
            EnrollmentMember.active.is_(True),
            Enrollment.status.in_(LIVE),
            or_(
                Person.deceased_on.is_not(None),
                not_(Person.counted),
                Person.household_id != Enrollment.household_id,
            ),
        )
        .order_by(Enrollment.id)
    )
    for eid, hid, name, phid, _counted, dead in _rows(s, q2):
        if dead is not None:
            why = f"已于 {dead} 死亡"
        elif phid != hid:
            why = "不是本户成员"
        else:
            why = "不计入共同生活家庭成员"
        out.append(
            Problem(
                "enrollment_member_invalid",
                "enrollment",
                eid,
                f"户号 {hid} 的在保记录 #{eid} 的在保成员{name}{why}",
            )
        )
    return out


# --- applications -----------------------------------------------------------------------------


def check_application_steps(s: Session) -> list[Problem]:
    """An approved application has a confirmation step; the state equals the last step's."""
    confirmed = exists().where(
        CaseStep.application_id == Application.id,
        or_(CaseStep.action.in_(CONFIRM_ACTIONS), CaseStep.decision.in_(CONFIRM_DECISIONS)),
    )
    q = (
        select(Application.id, Application.household_id)
        .where(Application.decision == "approved", ~confirmed)
        .order_by(Application.id)
    )
    out = [
        Problem(
            "approved_without_confirm",
            "application",
            aid,
            f"户号 {hid} 的申请 #{aid} 记为已批准，但没有确认（审批）环节记录",
        )
        for aid, hid in _rows(s, q)
    ]
    cs = aliased(CaseStep)
    last_state = (
        select(cs.to_state)
        .where(cs.application_id == Application.id)
        .order_by(cs.id.desc())
        .limit(1)
        .correlate(Application)
        .scalar_subquery()
    )
    q2 = (
        select(Application.id, Application.household_id, Application.state, last_state)
        # no step: coalesce gives the state itself (not reported); one subquery per row
        .where(Application.state != func.coalesce(last_state, Application.state))
        .order_by(Application.id)
    )
    out += [
        Problem(
            "application_state",
            "application",
            aid,
            f"户号 {hid} 的申请 #{aid} 状态为“{st}”，与最后一个环节记录（“{ls}”）不一致",
        )
        for aid, hid, st, ls in _rows(s, q2)
    ]
    return out
