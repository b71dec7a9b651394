"""Enrollments (在保) and their changes: 增发/减发/停发/恢复, 渐退, 定期核查, 终止 (DOMAIN §2.15,
§3.7).

An enrollment is only ever created by confirming an application (:func:`enroll_in`, called by
``casework.perform``); there is no "direct add" (民发〔2021〕57号 第二十八条). Every change is
an :class:`EnrollmentChange` row effective from a month (normally the next month), with the
reason, the deciding user and role, and an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.changes import CHANGE_LABELS, change_code, change_label
from ..domain.months import add_months, month_start, next_month
from ..domain.workflow import DIBAO, PROGRAMME_LABELS, is_dibao
from ..errors import NotFound, RuleViolation, StaleDataError, ValidationError
from ..models import Application, Enrollment, EnrollmentChange, EnrollmentMember, Person
from . import audit
from .context import ROLE_LABELS, Actor
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
_SHARED_PROGRAMMES = (*DIBAO, "tekun")


@dataclass(frozen=True)
class ChangeView:
    id: int
    kind: str
    kind_label: str
    effective_month: date
    old_fen: int
    new_fen: int
    reason: str
    decided_by: int
    role: str
    role_label: str


@dataclass(frozen=True)
class EnrollmentView:
    id: int
    household_id: int
    application_id: int
    payee_id: int
    payee_name: str
    programme: str
    programme_label: str
    status: str  # active | phase_out | suspended | terminated
    start_month: date
    end_month: date | None
    persons: int
    amount_fen: int
    per_capita_income_fen: int
    method: str
    care_tier: str | None
    care_mode: str | None
    phase_out_start: date | None
    recheck_months: int
    next_recheck: date | None
    terminated_reason: str | None
    member_ids: tuple[int, ...]
    active_member_ids: tuple[int, ...]
    changes: tuple[ChangeView, ...]
    version: int
    standard_fen: int | None = None
    income_fen: int | None = None
    policy_name: str | None = None
    amount_source: str = "formula"
    amount_review: str | None = None
    paid_on: date | None = None
    payment_method: str | None = None
    receipt_no: str | None = None


@dataclass(frozen=True)
class RecheckItem:
    enrollment_id: int
    household_id: int
    payee_name: str
    programme: str
    next_recheck: date
    recheck_months: int


def _view(s: Session, e: Enrollment) -> EnrollmentView:
    payee = s.get(Person, e.payee_id)
    return EnrollmentView(
        e.id,
        e.household_id,
        e.application_id,
        e.payee_id,
        payee.name if payee else "",
        e.programme,
        PROGRAMME_LABELS.get(e.programme, e.programme),
        e.status,
        e.start_month,
        e.end_month,
        e.persons,
        e.amount_fen,
        e.per_capita_income_fen,
        e.method,
        e.care_tier,
        e.care_mode,
        e.phase_out_start,
        e.recheck_months,
        e.next_recheck,
        e.terminated_reason,
        tuple(m.person_id for m in e.members),
        tuple(m.person_id for m in e.members if m.active),
        tuple(
            ChangeView(
                c.id,
                change_code(c.kind),
                change_label(c.kind),
                c.effective_month,
                c.old_fen,
                c.new_fen,
                c.reason,
                c.decided_by,
                c.role,
                ROLE_LABELS.get(c.role, c.role),
            )
            for c in e.changes
        ),
        e.version,
        e.standard_fen,
        e.income_fen,
        e.policy_name,
        e.amount_source,
        e.amount_review,
        e.paid_on,
        e.payment_method,
        e.receipt_no,
    )


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


# ----------------------------------------------------------------------------- changes


def _load(s: Session, enrollment_id: int, expected_version: int | None) -> Enrollment:
    e = s.get(Enrollment, enrollment_id)
    if e is None:
        raise NotFound(f"在保记录 #{enrollment_id} 不存在。", code="enrollment.not_found")
    if expected_version is not None and e.version != expected_version:
        raise StaleDataError(
            "在保记录已被其他用户修改，本次修改未保存。请刷新后重试。", code="stale"
        )
    return e


#: The version check for composed services (e.g. the re-check result).
load_for_update = _load


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
    if e.programme == "tekun":
        kind = "tekun"
    else:
        kind = stability or ("unstable" if e.recheck_months < 12 else "stable")
        if kind not in ("stable", "unstable"):
            raise ValidationError(
                "家庭类型须为 stable（收入稳定）或 unstable（收入不稳定）。",
                field="stability",
                code="enrollment.stability",
            )
    months = policy_on(s, on_date).recheck_months(kind)
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


def rechecks_due_in(s: Session, month: date) -> list[RecheckItem]:
    """Enrollments whose next 定期核查 falls in or before ``month`` (one joined query: with
    thousands due, reading each payee separately took seconds)."""
    rows = s.execute(
        select(
            Enrollment.id,
            Enrollment.household_id,
            Person.name,
            Enrollment.programme,
            Enrollment.next_recheck,
            Enrollment.recheck_months,
        )
        .join(Person, Person.id == Enrollment.payee_id, isouter=True)
        .where(
            Enrollment.status != "terminated",
            Enrollment.next_recheck.is_not(None),
            Enrollment.next_recheck < next_month(month),
        )
        .order_by(Enrollment.next_recheck, Enrollment.id)
    )
    return [
        RecheckItem(i, h, name or "", prog, due, months) for i, h, name, prog, due, months in rows
    ]


def rechecks_due(db: Database, actor: Actor, month: date) -> list[RecheckItem]:
    actor.require("read")
    with db.read_session() as s:
        return rechecks_due_in(s, month_start(month))


def get_enrollment(db: Database, actor: Actor, enrollment_id: int) -> EnrollmentView:
    actor.require("read")
    with db.read_session() as s:
        return _view(s, _load(s, enrollment_id, None))


def list_enrollments(
    db: Database,
    actor: Actor,
    *,
    household_id: int | None = None,
    status: str | None = None,
    programme: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[EnrollmentView]:
    with db.read_session() as s:
        return list_enrollments_in(
            s,
            actor,
            household_id=household_id,
            status=status,
            programme=programme,
            limit=limit,
            offset=offset,
        )


def list_enrollments_in(
    s: Session,
    actor: Actor,
    *,
    household_id: int | None = None,
    status: str | None = None,
    programme: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[EnrollmentView]:
    """:func:`list_enrollments` inside an open session (composition)."""
    actor.require("read")
    q = select(Enrollment)
    if household_id is not None:
        q = q.where(Enrollment.household_id == household_id)
    if status is not None:
        q = q.where(Enrollment.status == status)
    if programme is not None:
        q = q.where(Enrollment.programme == programme)
    rows = s.scalars(q.order_by(Enrollment.id).limit(limit).offset(offset))
    return [_view(s, e) for e in rows]
