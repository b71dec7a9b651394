"""Enrollments (在保) and their changes: 增发/减发/停发/恢复, 渐退, 定期核查, 终止 (DOMAIN §2.15,
§3.7).

An enrollment is only ever created by confirming an application (:func:`enroll_in`, called by
``casework.perform``); there is no "direct add" (民发〔2021〕57号 第二十八条). Every change is
an :class:`EnrollmentChange` row effective from a month (normally the next month), with the
reason, the deciding user and role, and an audit event.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.changes import CHANGE_LABELS
from ..domain.months import add_months, month_start, next_month
from ..domain.workflow import DIBAO, PROGRAMME_LABELS
from ..errors import RuleViolation, ValidationError
from ..models import Application, Enrollment, EnrollmentMember, Person
from . import audit
from .context import Actor
from .enrollment_changes import (  # re-exported: callers import these from here
    DIBAO_TERMINATION_GROUNDS,
    TEKUN_TERMINATION_GROUNDS,
    change_amount,
    change_amount_in,
    record_recheck,
    record_recheck_in,
    resume,
    resume_in,
    start_phase_out,
    start_phase_out_in,
    suspend,
    suspend_in,
    terminate,
    terminate_in,
)
from .enrollment_views import (  # re-exported: callers import these from here
    ChangeView,
    EnrollmentView,
    RecheckItem,
    get_enrollment,
    list_enrollments,
    list_enrollments_in,
    load_for_update,
    rechecks_due,
    rechecks_due_in,
)
from .policy import policy_on

__all__ = [
    "CHANGE_KINDS",
    "DIBAO_TERMINATION_GROUNDS",
    "TEKUN_TERMINATION_GROUNDS",
    "ChangeView",
    "EnrollmentView",
    "RecheckItem",
    "active_enrollment_of",
    "change_amount",
    "change_amount_in",
    "enroll_in",
    "get_enrollment",
    "list_enrollments",
    "list_enrollments_in",
    "load_for_update",
    "rechecks_due",
    "rechecks_due_in",
    "record_recheck",
    "record_recheck_in",
    "resume",
    "resume_in",
    "start_phase_out",
    "start_phase_out_in",
    "suspend",
    "suspend_in",
    "terminate",
    "terminate_in",
]

CHANGE_KINDS = CHANGE_LABELS  # the codes and labels of reliefdesk.domain.changes
_SHARED_PROGRAMMES = (*DIBAO, "tekun")


def active_enrollment_of(s: Session, person_id: int) -> Enrollment | None:
    """The person's active dibao/tekun enrollment (at most one, by the partial unique index)."""
    return s.scalar(
        select(Enrollment)
        .join(EnrollmentMember)
        .where(
            EnrollmentMember.person_id == person_id,
            EnrollmentMember.active,
            Enrollment.programme.in_(_SHARED_PROGRAMMES),
        )
        .limit(1)
    )


def add_members(
    s: Session, enrollment: Enrollment, person_ids: list[int], active: bool = True
) -> None:
    """Insert the member rows; the database's partial unique index is the last line of defence
    against a second active enrollment, translated into a clear error here."""
    for pid in person_ids:
        s.add(EnrollmentMember(enrollment_id=enrollment.id, person_id=pid, active=active))
    try:
        with s.begin_nested():
            s.flush()
    except IntegrityError as exc:
        raise ValidationError(
            "有家庭成员已在享受低保或特困供养，同一人不能同时重复纳入（数据库拒绝了重复记录）。",
            code="enrollment.duplicate",
            rule="民发〔2021〕57号 第二十八条",
        ) from exc


def _amount_source(app: Application, working: dict[str, Any]) -> str:
    """ "manual" when the 初审 amount is not the formula's (a reviewer set it by hand)."""
    if any(
        isinstance(row, list) and row and row[0] == "初审核定金额（人工）"
        for row in working.get("lines") or []
    ):
        return "manual"
    formula = working.get("amount_fen")
    if formula is not None and int(formula) != (app.proposed_fen or 0):
        return "manual"
    return "formula"


def enroll_in(
    s: Session,
    actor: Actor,
    app: Application,
    person_ids: list[int],
    on_date: date,
    *,
    stability: str = "stable",
) -> Enrollment:
    """Create the enrollment for a just-approved application. The decided monthly amount is
    the application's 初审 amount (``proposed_fen``: published, confirmed and printed on the
    确认通知书), stored with its basis (standard, income, per-capita income, persons,
    categories, policy version); the roster pays exactly this amount until a recorded event
    changes it. Monthly benefits pay from the month after the confirmation date
    (民发〔2021〕57号 第二十一条). Temporary aid is a one-off grant, due (``status`` "due") in
    the month of the decision: start and end month coincide, its member rows are inactive (no
    exclusivity), and it becomes "paid" once on a locked payment list or paid in cash."""
    working = dict(app.working or {})
    one_off = app.programme == "temporary_aid"
    start = month_start(on_date) if one_off else next_month(on_date)
    shared = app.programme in _SHARED_PROGRAMMES
    if shared:
        for pid in person_ids:
            other = active_enrollment_of(s, pid)
            if other is not None:
                person = s.get(Person, pid)
                raise RuleViolation(
                    f"{person.name if person else pid} 已在享受"
                    f"{PROGRAMME_LABELS.get(other.programme, other.programme)}"
                    f"（在保记录 #{other.id}），不能重复纳入。",
                    code="enrollment.duplicate",
                    rule="民发〔2021〕57号 第二十八条",
                )
    policy = policy_on(s, on_date)
    kind = "tekun" if app.programme == "tekun" else stability
    months = policy.recheck_months(kind)
    source = _amount_source(app, working)
    e = Enrollment(
        household_id=app.household_id,
        application_id=app.id,
        payee_id=app.applicant_id,
        programme=app.programme,
        status="due" if one_off else "active",
        start_month=start,
        end_month=None if shared else start,
        persons=int(app.aid_persons or 0) or max(len(person_ids), 1)
        if one_off
        else max(len(person_ids), 1),
        amount_fen=app.proposed_fen or 0,
        per_capita_income_fen=int(working.get("per_capita_income_fen") or 0),
        method=str(working.get("method") or ("tekun" if app.programme == "tekun" else "gap")),
        care_tier=app.care_tier,
        care_mode=app.care_mode,
        topup_categories=list(working.get("topup_categories") or []),
        recheck_months=months,
        next_recheck=add_months(start, months) if shared else None,
        working=working,
        standard_fen=_opt_int(working.get("standard_fen")),
        income_fen=_opt_int(working.get("income_fen")),
        policy_id=_opt_int(working.get("policy_id")),
        policy_name=str(working.get("policy_name") or "") or None,
        amount_source=source,
    )
    s.add(e)
    s.flush()
    add_members(s, e, person_ids, active=shared)
    audit.record(
        s,
        actor,
        "enrollment.create",
        "enrollment",
        e.id,
        household_id=app.household_id,
        detail={
            "application_id": app.id,
            "programme": app.programme,
            "start_month": start.isoformat(),
            "amount_fen": e.amount_fen,
            "amount_source": source,
            "standard_fen": e.standard_fen,
            "policy_id": e.policy_id,
            "persons": person_ids,
        },
    )
    return e


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)
