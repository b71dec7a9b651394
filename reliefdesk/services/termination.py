"""特困 终止救助供养 (民发〔2021〕43号 第二十四—二十七条; DOMAIN §3.7) as a procedure:

1. :func:`propose` — the proposed termination, with its grounds and written reasons, is
   published for 7 days (policy ``publicity_days``) in the village or institution;
2. :func:`record_objection` — an objection during the publicity is decided within 15 working
   days (policy ``tekun_prelim_wd``) by :func:`decide_objection`: upheld (the proposal is
   withdrawn) or rejected (re-published from the decision day);
3. :func:`finalise` — after the publicity has run out without an open objection the
   enrollment ends from the following month (:func:`reliefdesk.services.enrollments.terminate_in`),
   the referral to dibao or temporary aid is noted, and the 告知书 prints from the change row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain import workflow as wf
from ..domain.months import next_month
from ..errors import NotFound, RuleViolation, ValidationError
from ..models import Enrollment, TerminationProposal
from . import audit, enrollments
from .context import Actor
from .policy import policy_on, work_calendar
from .scope import require_household
from .settings import get_setting
from .stale import check_version

__all__ = [
    "TerminationView",
    "decide_objection",
    "finalise",
    "list_proposals",
    "propose",
    "propose_in",
    "record_objection",
]

_RULE = "民发〔2021〕43号 第二十五条"
STATUS_LABELS = {
    "publicity": "公示中",
    "objection": "异议处理中",
    "terminated": "已终止",
    "withdrawn": "已撤回",
}


@dataclass(frozen=True)
class TerminationView:
    id: int
    enrollment_id: int
    grounds: str
    grounds_label: str
    reasons: str
    status: str
    status_label: str
    publicity_start: date
    publicity_end: date
    objection: str | None
    objection_due: date | None
    objection_decision: str | None
    referral: str
    decided_on: date | None
    version: int


def _view(tp: TerminationProposal) -> TerminationView:
    return TerminationView(
        tp.id,
        tp.enrollment_id,
        tp.grounds,
        enrollments.TEKUN_TERMINATION_GROUNDS.get(tp.grounds, tp.grounds),
        tp.reasons,
        tp.status,
        STATUS_LABELS.get(tp.status, tp.status),
        tp.publicity_start,
        tp.publicity_end,
        tp.objection,
        tp.objection_due,
        tp.objection_decision,
        tp.referral,
        tp.decided_on,
        tp.version,
    )


def _limits(s: Session, on: date) -> wf.Limits:
    policy = policy_on(s, on)
    return wf.Limits.from_mapping(
        policy.data.get("limits", {}),
        publicity_days=policy.publicity_days,
        publicity_working_days=policy.publicity_working_days,
    )


def _load(s: Session, proposal_id: int, expected_version: int | None) -> TerminationProposal:
    tp = s.get(TerminationProposal, proposal_id)
    if tp is None:
        raise NotFound(f"拟终止记录 #{proposal_id} 不存在。", code="termination.not_found")
    check_version("拟终止记录", tp.version, expected_version)
    return tp


def _text(value: str, what: str, field: str) -> str:
    if not value.strip():
        raise ValidationError(f"请填写{what}。", field=field, code=f"termination.{field}")
    return value.strip()


def _check_day(on: date, recorded_on: date, s: Session) -> None:
    if on > date.today():
        raise ValidationError("日期不能晚于今天。", field="on_date", code="termination.date")
    grace = int(get_setting(s, "casework.publicity_grace_days", 0) or 0)
    if (recorded_on - on).days > grace:
        raise RuleViolation(
            f"公示首日 {on.isoformat()} 早于登记日 {recorded_on.isoformat()}"
            f"（允许补登 {grace} 天）：公示不能倒签。",
            code="termination.backdated",
            rule=_RULE,
        )


def propose(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    grounds: str,
    reasons: str,
    *,
    start: date,
    recorded_on: date | None = None,
) -> TerminationView:
    """Publish a proposed tekun termination for 7 days from ``start``."""
    with db.session() as s:
        return propose_in(
            s, actor, enrollment_id, grounds, reasons, start=start, recorded_on=recorded_on
        )


def propose_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    grounds: str,
    reasons: str,
    *,
    start: date,
    recorded_on: date | None = None,
) -> TerminationView:
    """:func:`propose` inside the caller's transaction (e.g. a re-check whose result is a
    tekun termination starts the publicity: ``enrollment_events.record_recheck_result``)."""
    actor.require("enrollment.change")
    e = s.get(Enrollment, enrollment_id)
    if e is None:
        raise NotFound(f"在保记录 #{enrollment_id} 不存在。", code="enrollment.not_found")
    if e.programme != "tekun":
        raise RuleViolation(
            "拟终止公示程序只适用于特困供养；低保的减发、停发、终止直接决定并告知。",
            code="termination.programme",
            rule=_RULE,
        )
    if e.status == "terminated":
        raise RuleViolation("在保记录已终止。", code="termination.closed", rule=_RULE)
    if grounds not in enrollments.TEKUN_TERMINATION_GROUNDS:
        raise ValidationError(
            "请选择终止理由：" + "、".join(enrollments.TEKUN_TERMINATION_GROUNDS.values()),
            field="grounds",
            code="termination.grounds",
            rule="民发〔2021〕43号 第二十四条",
        )
    text = _text(reasons, "书面理由", "reasons")
    _check_day(start, recorded_on or date.today(), s)
    open_one = s.scalar(
        select(TerminationProposal.id).where(
            TerminationProposal.enrollment_id == e.id,
            TerminationProposal.status.in_(("publicity", "objection")),
        )
    )
    if open_one is not None:
        raise RuleViolation(
            "该对象已有一项拟终止公示正在办理。", code="termination.open", rule=_RULE
        )
    end = wf.publicity_end(start, _limits(s, start), work_calendar(s))
    tp = TerminationProposal(
        enrollment_id=e.id,
        grounds=grounds,
        reasons=text,
        status="publicity",
        publicity_start=start,
        publicity_end=end,
        proposed_by=actor.user_id,
    )
    s.add(tp)
    s.flush()
    audit.record(
        s,
        actor,
        "termination.propose",
        "enrollment",
        e.id,
        household_id=e.household_id,
        detail={
            "proposal": tp.id,
            "grounds": grounds,
            "reasons": text,
            "publicity": [start.isoformat(), end.isoformat()],
        },
    )
    return _view(tp)


def record_objection(
    db: Database,
    actor: Actor,
    proposal_id: int,
    objection: str,
    *,
    on_date: date,
    expected_version: int | None = None,
) -> TerminationView:
    """An objection during the publicity; the decision is due in 15 working days."""
    actor.require("case.publicity")
    with db.session() as s:
        tp = _load(s, proposal_id, expected_version)
        if tp.status != "publicity":
            raise RuleViolation(
                "只有公示中的拟终止才能登记异议。", code="termination.state", rule=_RULE
            )
        if not tp.publicity_start <= on_date <= tp.publicity_end:
            raise RuleViolation(
                f"异议须在公示期内（{tp.publicity_start} 至 {tp.publicity_end}）提出。",
                code="termination.objection_day",
                rule=_RULE,
            )
        tp.objection = _text(objection, "异议内容", "objection")
        tp.objection_on = on_date
        tp.objection_due = work_calendar(s).add_working_days(
            on_date, _limits(s, on_date).tekun_prelim_wd
        )
        tp.status = "objection"
        audit.record(
            s,
            actor,
            "termination.objection",
            "enrollment",
            tp.enrollment_id,
            detail={
                "proposal": tp.id,
                "objection": tp.objection,
                "due": tp.objection_due.isoformat(),
            },
        )
        return _view(tp)


def decide_objection(
    db: Database,
    actor: Actor,
    proposal_id: int,
    upheld: bool,
    decision: str,
    *,
    on_date: date,
    expected_version: int | None = None,
) -> TerminationView:
    """Objection upheld → the proposal is withdrawn; rejected → published again from
    ``on_date`` for another 7 days."""
    actor.require("enrollment.decide")
    with db.session() as s:
        tp = _load(s, proposal_id, expected_version)
        if tp.status != "objection" or tp.objection_on is None:
            raise RuleViolation("没有待决定的异议。", code="termination.state", rule=_RULE)
        if on_date < tp.objection_on or on_date > date.today():
            raise ValidationError(
                "决定日期须在异议日期之后、不晚于今天。", field="on_date", code="termination.date"
            )
        tp.objection_decision = _text(decision, "调查结论和决定", "decision")
        tp.objection_decided_on = on_date
        if upheld:
            tp.status = "withdrawn"
        else:
            tp.status = "publicity"
            tp.publicity_start = on_date
            tp.publicity_end = wf.publicity_end(on_date, _limits(s, on_date), work_calendar(s))
        audit.record(
            s,
            actor,
            "termination.objection_decided",
            "enrollment",
            tp.enrollment_id,
            detail={
                "proposal": tp.id,
                "upheld": upheld,
                "decision": decision,
                "late": tp.objection_due is not None and on_date > tp.objection_due,
            },
        )
        return _view(tp)


def finalise(
    db: Database,
    actor: Actor,
    proposal_id: int,
    referral: str,
    *,
    on_date: date,
    expected_version: int | None = None,
) -> TerminationView:
    """Terminate from the month after ``on_date``; the publicity must have run out without an
    open objection. ``referral``: the referral to dibao / temporary aid, or why none."""
    actor.require("enrollment.decide")
    with db.session() as s:
        tp = _load(s, proposal_id, expected_version)
        if tp.status != "publicity":
            raise RuleViolation(
                "拟终止尚在异议处理中或已办结，不能终止。", code="termination.state", rule=_RULE
            )
        if on_date <= tp.publicity_end:
            raise RuleViolation(
                f"拟终止公示（至 {tp.publicity_end.isoformat()}）尚未届满，不能终止。",
                code="termination.publicity_running",
                rule=_RULE,
            )
        if on_date > date.today():
            raise ValidationError("日期不能晚于今天。", field="on_date", code="termination.date")
        tp.referral = _text(
            referral, "转介其他救助的情况（如转介低保、临时救助，或写明无需转介）", "referral"
        )
        e = s.get(Enrollment, tp.enrollment_id)
        assert e is not None
        enrollments.terminate_in(
            s,
            actor,
            e.id,
            tp.grounds,
            tp.reasons,
            on_date=on_date,
            effective_month=next_month(on_date),
            published=True,
        )
        tp.status = "terminated"
        tp.decided_on = on_date
        audit.record(
            s,
            actor,
            "termination.finalise",
            "enrollment",
            e.id,
            household_id=e.household_id,
            detail={
                "proposal": tp.id,
                "referral": tp.referral,
                "from": next_month(on_date).isoformat(),
            },
        )
        return _view(tp)


def list_proposals(db: Database, actor: Actor, enrollment_id: int) -> list[TerminationView]:
    actor.require("read")
    with db.read_session() as s:
        e = s.get(Enrollment, enrollment_id)
        require_household(s, actor, e.household_id if e is not None else None)
        return [
            _view(tp)
            for tp in s.scalars(
                select(TerminationProposal)
                .where(TerminationProposal.enrollment_id == enrollment_id)
                .order_by(TerminationProposal.id)
            )
        ]
