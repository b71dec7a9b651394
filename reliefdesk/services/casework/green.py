"""Dibao 特事特办/先行纳入 (the green channel): a recorded, authorised exception that enrolls a
family at once (e.g. after a fire) while 调查, 公示 and 审核确认 are completed afterwards by a
deadline; if they are not, the payment stops with a written notice (DOMAIN §2.12; 民发〔2021〕
57号 第二十八条 allows no enrollment without the steps, so the exception is recorded, shown on
the workbench until done, and reversed if the steps fail).

Called by :func:`reliefdesk.services.casework.perform_in` inside its transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.months import next_month
from ...errors import RuleViolation, ValidationError
from ...models import Application, Enrollment, EnrollmentChange, Person
from .. import audit, enrollments
from ..assessment import assess, counted_members
from ..context import Actor

__all__ = ["green_admit", "green_confirm", "green_stop"]


def green_admit(
    s: Session, actor: Actor, app: Application, on_date: date, amount_fen: Any
) -> Enrollment:
    """先行纳入: assess (or take the authorised amount) and enroll from next month."""
    result = assess(s, app, on_date)
    working = result.working_json()
    amount = result.amount_fen
    if amount_fen not in (None, ""):
        amount = int(amount_fen)
        working["lines"].append(["特事特办先行纳入金额（人工）", f"{amount / 100:.2f} 元"])
    if amount <= 0:
        raise RuleViolation(
            "按现有收入计算的保障金为 0，不能先行纳入；请填写授权的金额。",
            code="workflow.green_zero",
            rule="民发〔2021〕57号 第二十八条",
        )
    working["warnings"] = [
        *working.get("warnings", []),
        "特事特办先行纳入：须在期限内补齐调查、公示、审核确认程序，逾期停发并书面告知。",
    ]
    app.green_channel = True
    app.proposed_fen = amount
    app.working = working
    applicant = s.get(Person, app.applicant_id)
    assert applicant is not None
    covered = [applicant] if app.single_person else counted_members(s, app.household_id, on_date)
    if not covered:
        raise ValidationError("没有计入的共同生活家庭成员。", code="workflow.green_members")
    return enrollments.enroll_in(s, actor, app, [p.id for p in covered], on_date)


def green_stop(s: Session, actor: Actor, app: Application, on_date: date, opinion: str) -> None:
    """The deadline passed without confirmation: stop payment from next month with reasons
    (the 告知书 prints from the termination change)."""
    if not opinion.strip():
        raise ValidationError(
            "请填写停发理由（将写入告知书）。", field="opinion", code="workflow.opinion"
        )
    e = s.scalar(select(Enrollment).where(Enrollment.application_id == app.id))
    if e is None or e.status == "terminated":
        return
    enrollments.terminate_in(
        s,
        actor,
        e.id,
        "procedure_incomplete",
        opinion,
        on_date=on_date,
        effective_month=next_month(on_date),
    )


def green_confirm(
    s: Session,
    actor: Actor,
    app: Application,
    e: Enrollment,
    approve: bool,
    on_date: date,
    opinion: str,
) -> None:
    """审核确认 of a family already admitted: approval keeps the enrollment at the confirmed
    amount (a difference is recorded as a change); refusal stops it with the reasons."""
    if not approve:
        if e.status != "terminated":
            enrollments.terminate_in(
                s,
                actor,
                e.id,
                "ineligible",
                opinion,
                on_date=on_date,
                effective_month=next_month(on_date),
            )
        return
    amount = app.proposed_fen or 0
    if e.status != "terminated" and amount and amount != e.amount_fen:
        old = e.amount_fen
        month = max(next_month(on_date), e.start_month)
        e.amount_fen = amount
        s.add(
            EnrollmentChange(
                enrollment_id=e.id,
                kind="increase" if amount > old else "decrease",
                effective_month=month,
                old_fen=old,
                new_fen=amount,
                reason="审核确认核定金额（先行纳入后补齐程序）",
                decided_by=actor.user_id,
                role=actor.role,
            )
        )
        s.flush()
        audit.record(
            s,
            actor,
            "enrollment.confirmed_amount",
            "enrollment",
            e.id,
            household_id=e.household_id,
            detail={"old_fen": old, "new_fen": amount, "month": month.isoformat()},
        )
