"""Changes to an enrollment (在保): 增发/减发, 停发/恢复, 渐退, 终止 and the 定期核查 result, each
an :class:`EnrollmentChange` row effective from a month with reason, deciding role and audit
(DOMAIN §2.15, §3.7). Split out of :mod:`reliefdesk.services.enrollments`, which re-exports
every public name."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.months import add_months, month_start, next_month
from ..domain.workflow import is_dibao
from ..errors import RuleViolation, ValidationError
from ..models import Enrollment, EnrollmentChange
from . import audit
from .context import Actor
from .enrollment_views import (  # re-exported: callers import these from here
    EnrollmentView,
    _load,
    _view,
)
from .policy import policy_on

TEKUN_TERMINATION_GROUNDS = {
    "death": "死亡或被宣告死亡、宣告失踪",
    "regained_capacity": "具备或者恢复劳动能力",
    "prison": "依法被判处刑罚且在监狱服刑",
    "income_assets": "收入和财产状况不再符合条件",
    "supporter_able": "法定义务人具有了履行义务能力或者新增具有履行义务能力的法定义务人",
    "voluntary": "自愿申请退出",
}
DIBAO_TERMINATION_GROUNDS = {
    "ineligible": "家庭人均收入或财产状况不再符合条件",
    "death": "保障对象死亡",
    "moved": "户籍迁出本地",
    "fraud": "隐瞒、虚报信息骗取低保金",
    "noncooperation": "无正当理由拒不配合核查",
    "voluntary": "自愿申请退出",
    "procedure_incomplete": "特事特办先行纳入后未在期限内完成调查、公示、审核确认程序",
}
_RULE_TEKUN_END = "民发〔2021〕43号 第二十四条"
_RULE_DIBAO_CHANGE = "民发〔2021〕57号 第三十一条、第三十二条"
_RULE_PHASE_OUT = "民发〔2021〕57号 第三十三条；民函〔2022〕70号 §一（三）"


# ----------------------------------------------------------------------------- changes


def _effective(e: Enrollment, effective_month: date | None, on_date: date) -> date:
    month = month_start(effective_month) if effective_month else next_month(on_date)
    if month < e.start_month:
        raise ValidationError(
            f"生效月份不能早于开始发放月份 {e.start_month:%Y-%m}。",
            field="effective_month",
            code="enrollment.month",
        )
    return month


def _reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError(
            "请填写变更理由（减发、停发须告知家庭并说明理由）。",
            field="reason",
            code="enrollment.reason",
        )
    return reason.strip()


def _record(
    s: Session,
    actor: Actor,
    e: Enrollment,
    kind: str,
    month: date,
    old: int,
    new: int,
    reason: str,
    extra: dict[str, Any] | None = None,
) -> None:
    s.add(
        EnrollmentChange(
            enrollment_id=e.id,
            kind=kind,
            effective_month=month,
            old_fen=old,
            new_fen=new,
            reason=reason,
            decided_by=actor.user_id,
            role=actor.role,
        )
    )
    s.flush()
    audit.record(
        s,
        actor,
        f"enrollment.{kind}",
        "enrollment",
        e.id,
        household_id=e.household_id,
        detail={
            "effective_month": month.isoformat(),
            "old_fen": old,
            "new_fen": new,
            "reason": reason,
            **(extra or {}),
        },
    )


def _require_open(e: Enrollment, *statuses: str) -> None:
    if e.status not in statuses:
        labels = {
            "active": "在保",
            "phase_out": "渐退",
            "suspended": "停发",
            "terminated": "已终止",
        }
        raise RuleViolation(
            f"在保记录当前为“{labels.get(e.status, e.status)}”，不能执行此变更。",
            code="enrollment.state",
            rule=_RULE_DIBAO_CHANGE,
        )


def change_amount(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    new_fen: int,
    reason: str,
    *,
    on_date: date,
    effective_month: date | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """增发 or 减发 to ``new_fen`` per month from ``effective_month`` (default: next month)."""
    with db.session() as s:
        return change_amount_in(
            s,
            actor,
            enrollment_id,
            new_fen,
            reason,
            on_date=on_date,
            effective_month=effective_month,
            expected_version=expected_version,
        )


def change_amount_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    new_fen: int,
    reason: str,
    *,
    on_date: date,
    effective_month: date | None = None,
    expected_version: int | None = None,
    while_suspended: bool = False,
) -> EnrollmentView:
    """:func:`change_amount` inside the caller's transaction. ``while_suspended``: a held
    enrollment's decided amount may change too (a re-decision after a member event; it is
    what a resumption or back pay then pays)."""
    actor.require("enrollment.change")
    e = _load(s, enrollment_id, expected_version)
    _require_open(e, "active", "phase_out", *(("suspended",) if while_suspended else ()))
    if new_fen <= 0:
        raise ValidationError(
            "调整后的金额必须大于 0；停发请用“停发”，退出请用“终止”。",
            field="new_fen",
            code="enrollment.amount",
        )
    if new_fen == e.amount_fen:
        raise ValidationError("金额未变化。", field="new_fen", code="enrollment.same")
    month = _effective(e, effective_month, on_date)
    kind = "increase" if new_fen > e.amount_fen else "decrease"
    old = e.amount_fen
    e.amount_fen = new_fen
    e.amount_source = "adjusted"
    e.amount_review = None
    _record(s, actor, e, kind, month, old, new_fen, _reason(reason))
    return _view(s, e)


def suspend(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    reason: str,
    *,
    on_date: date,
    effective_month: date | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """停发: no payment from ``effective_month`` until :func:`resume`."""
    with db.session() as s:
        return suspend_in(
            s,
            actor,
            enrollment_id,
            reason,
            on_date=on_date,
            effective_month=effective_month,
            expected_version=expected_version,
        )


def suspend_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    reason: str,
    *,
    on_date: date,
    effective_month: date | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """:func:`suspend` inside the caller's transaction."""
    actor.require("enrollment.change")
    e = _load(s, enrollment_id, expected_version)
    _require_open(e, "active", "phase_out")
    month = _effective(e, effective_month, on_date)
    e.status = "suspended"
    _record(s, actor, e, "suspend", month, e.amount_fen, 0, _reason(reason))
    return _view(s, e)


def resume(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    reason: str,
    *,
    on_date: date,
    effective_month: date | None = None,
    new_fen: int | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """Resume a suspended enrollment (optionally with a new amount)."""
    with db.session() as s:
        return resume_in(
            s,
            actor,
            enrollment_id,
            reason,
            on_date=on_date,
            effective_month=effective_month,
            new_fen=new_fen,
            expected_version=expected_version,
        )


def resume_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    reason: str,
    *,
    on_date: date,
    effective_month: date | None = None,
    new_fen: int | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """:func:`resume` inside the caller's transaction."""
    actor.require("enrollment.change")
    e = _load(s, enrollment_id, expected_version)
    _require_open(e, "suspended")
    month = _effective(e, effective_month, on_date)
    if new_fen is not None:
        if new_fen <= 0:
            raise ValidationError("金额必须大于 0。", field="new_fen", code="enrollment.amount")
        e.amount_fen = new_fen
    e.status = "phase_out" if e.phase_out_start else "active"
    _record(s, actor, e, "resume", month, 0, e.amount_fen, _reason(reason))
    return _view(s, e)


def start_phase_out(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    reason: str,
    *,
    on_date: date,
    start_month: date | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """渐退期: dibao only; the policy schedule (at most 6 months by default) applies from
    ``start_month``; the last paid month is set accordingly."""
    with db.session() as s:
        return start_phase_out_in(
            s,
            actor,
            enrollment_id,
            reason,
            on_date=on_date,
            start_month=start_month,
            expected_version=expected_version,
        )


def start_phase_out_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    reason: str,
    *,
    on_date: date,
    start_month: date | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """:func:`start_phase_out` inside the caller's transaction."""
    actor.require("enrollment.change")
    e = _load(s, enrollment_id, expected_version)
    if not is_dibao(e.programme):
        raise RuleViolation(
            "渐退期只适用于低保。", code="enrollment.phase_out_programme", rule=_RULE_PHASE_OUT
        )
    _require_open(e, "active")
    month = _effective(e, start_month, on_date)
    schedule = policy_on(s, month).phase_out_schedule
    limit = int(policy_on(s, month).data.get("phase_out_max_months", 6))
    if not schedule:
        raise RuleViolation(
            "政策未设置渐退方案。", code="enrollment.phase_out_schedule", rule=_RULE_PHASE_OUT
        )
    if len(schedule) > limit:
        raise RuleViolation(
            f"渐退期 {len(schedule)} 个月超过上限 {limit} 个月。",
            code="enrollment.phase_out_long",
            rule=_RULE_PHASE_OUT,
        )
    e.status = "phase_out"
    e.phase_out_start = month
    e.end_month = add_months(month, len(schedule) - 1)
    _record(
        s,
        actor,
        e,
        "phase_out",
        month,
        e.amount_fen,
        e.amount_fen,
        _reason(reason),
        {"schedule": [str(r) for r in schedule], "end_month": e.end_month.isoformat()},
    )
    return _view(s, e)


def terminate(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    grounds: str,
    reason: str = "",
    *,
    on_date: date,
    effective_month: date | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """终止: no payment from ``effective_month`` (default next month); members released.

    ``grounds``: a key of TEKUN_TERMINATION_GROUNDS (特困, 民发〔2021〕43号 第二十四条) or of
    DIBAO_TERMINATION_GROUNDS (低保). A tekun termination other than for death goes through
    the 7-day publicity of :mod:`reliefdesk.services.termination` (第二十五条)."""
    with db.session() as s:
        return terminate_in(
            s,
            actor,
            enrollment_id,
            grounds,
            reason,
            on_date=on_date,
            effective_month=effective_month,
            expected_version=expected_version,
        )


def terminate_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    grounds: str,
    reason: str = "",
    *,
    on_date: date,
    effective_month: date | None = None,
    expected_version: int | None = None,
    published: bool = False,
) -> EnrollmentView:
    """:func:`terminate` inside the caller's transaction. ``published``: the tekun termination
    publicity of :mod:`reliefdesk.services.termination` has run (only that module says so)."""
    actor.require("enrollment.decide")
    e = _load(s, enrollment_id, expected_version)
    if (
        e.programme == "tekun"
        and grounds in TEKUN_TERMINATION_GROUNDS
        and grounds != "death"
        and not published
    ):
        raise RuleViolation(
            "终止特困人员救助供养须先公示 7 天（请用“拟终止公示”程序）。",
            code="enrollment.tekun_publicity",
            rule="民发〔2021〕43号 第二十五条",
        )
    _require_open(e, "active", "phase_out", "suspended")
    table = TEKUN_TERMINATION_GROUNDS if e.programme == "tekun" else DIBAO_TERMINATION_GROUNDS
    if grounds not in table:
        raise ValidationError(
            "请选择终止理由：" + "、".join(table.values()),
            field="grounds",
            code="enrollment.grounds",
            rule=_RULE_TEKUN_END if e.programme == "tekun" else None,
        )
    month = _effective(e, effective_month, on_date)
    text = table[grounds] + (f"：{reason.strip()}" if reason.strip() else "")
    old = e.amount_fen
    e.status = "terminated"
    e.end_month = add_months(month, -1)
    e.terminated_reason = text
    e.next_recheck = None
    for m in e.members:
        m.active = False
    _record(s, actor, e, "terminate", month, old, 0, text, {"grounds": grounds})
    return _view(s, e)


def record_recheck(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    *,
    on_date: date,
    stability: str | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> EnrollmentView:
    """定期核查 done on ``on_date``: the next one is due after the interval for the household's
    kind (stable yearly, unstable half-yearly, tekun yearly; policy ``recheck_months``). No
    clear change → the amount is not adjusted (use :func:`change_amount` otherwise)."""
    with db.session() as s:
        return record_recheck_in(
            s,
            actor,
            enrollment_id,
            on_date=on_date,
            stability=stability,
            note=note,
            expected_version=expected_version,
        )


def record_recheck_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    *,
    on_date: date,
    stability: str | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> EnrollmentView:
    """:func:`record_recheck` inside the caller's transaction."""
    actor.require("enrollment.change")
    e = _load(s, enrollment_id, expected_version)
    _require_open(e, "active", "phase_out", "suspended")
    policy = policy_on(s, on_date)
    if e.programme == "tekun":
        kind = "tekun"
    else:
        stable_cycle = policy.recheck_months("stable")
        kind = stability or ("unstable" if e.recheck_months < stable_cycle else "stable")
        if kind not in ("stable", "unstable"):
            raise ValidationError(
                "家庭类型须为 stable（收入稳定）或 unstable（收入不稳定）。",
                field="stability",
                code="enrollment.stability",
            )
    months = policy.recheck_months(kind)
    e.recheck_months = months
    e.next_recheck = add_months(on_date, months)
    _record(
        s,
        actor,
        e,
        "recheck",
        month_start(on_date),
        e.amount_fen,
        e.amount_fen,
        note.strip() or "定期核查，情况无明显变化",
        {"kind": kind, "next": e.next_recheck.isoformat()},
    )
    return _view(s, e)
