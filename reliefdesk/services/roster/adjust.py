"""Adjustments carried by later rosters: 补发 (back pay), 扣减 / 追回 (overpayments).

Sources: ``back_pay`` (a decided amount raised retroactively, e.g. by a 调标 run: each locked
line of the months is compared with the decided amount now in force for its month), ``failed_payment`` (created by an
imported bank return; waits until the account is fixed), ``overpayment`` and ``manual``.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.money import fen_to_yuan
from ...domain.months import next_month
from ...errors import LockedError, NotFound, RuleViolation, ValidationError
from ...models import Enrollment, Roster, RosterAdjustment, RosterLine
from .. import audit
from ..context import Actor
from ..policy import policy_on
from .build import latest_locked_month, programmes_of
from .calc import (
    SUSPEND_KINDS,
    Calculator,
    basis_for,
    decided_fen_in,
    facts_in_month,
    state_in_month,
)
from .load import load
from .read import adjustment_view
from .types import AdjustmentView, month_text, parse_month, programme_code

SOURCES = ("failed_payment", "back_pay", "overpayment", "manual")


def record_back_pay(
    db: Database,
    actor: Actor,
    from_month: str | date,
    to_month: str | date,
    programme: str | None = None,
    apply_month: str | date | None = None,
) -> list[AdjustmentView]:
    """补发 for months already paid below the decided amount: every locked regular line of
    ``from_month``..``to_month`` is compared with the enrollment's decided amount in force for
    that month NOW (after a retroactive 调标 or 增发 decision was recorded); a positive
    difference (less what earlier back pay already covered) becomes a 补发 adjustment applied
    from ``apply_month`` (default: the month after the latest locked regular roster). Lowered
    amounts are not clawed back automatically. Nothing is recomputed from a policy: a policy
    edit alone never creates back pay (the 调标 run records the new amounts first)."""
    actor.require("roster.generate")
    start, end = parse_month(from_month), parse_month(to_month)
    if end < start:
        raise ValidationError("结束月份不能早于开始月份。", code="roster.months", field="to_month")
    code = programme_code(programme)
    with db.session() as s:
        target = (
            parse_month(apply_month)
            if apply_month
            else next_month(max(latest_locked_month(s) or end, end))
        )
        out = back_pay_in(s, actor, programmes_of(code), start, end, target)
        audit.record(
            s,
            actor,
            "roster.back_pay",
            "roster_adjustment",
            "",
            detail={
                "from": month_text(start),
                "to": month_text(end),
                "programme": code,
                "apply_month": month_text(target),
                "count": len(out),
                "total_fen": sum(a.amount_fen for a in out),
            },
        )
    return out


def back_pay_in(
    s: Session,
    actor: Actor,
    programmes: tuple[str, ...],
    start: date,
    end: date,
    target: date,
    enrollment_ids: Collection[int] | None = None,
    reason: str = "",
) -> list[AdjustmentView]:
    """The 补发 adjustments of :func:`record_back_pay` inside the caller's transaction,
    optionally for some enrollments only (the 调标 run); ``reason`` prefixes each reason."""
    q = (
        select(RosterLine, Roster.month)
        .join(Roster, Roster.id == RosterLine.roster_id)
        .where(
            Roster.month >= start,
            Roster.month <= end,
            Roster.kind == "regular",
            Roster.status == "locked",
            RosterLine.due_fen > 0,
            RosterLine.programme.in_(programmes),
        )
    )
    if enrollment_ids is not None:
        q = q.where(RosterLine.enrollment_id.in_(list(enrollment_ids)))
    found = list(s.execute(q.order_by(Roster.month, RosterLine.id)))
    if not found:
        return []
    facts, _ = load(
        s,
        programmes,
        date(9999, 1, 1),
        date(1900, 1, 1),
        {line.enrollment_id for line, _m in found},
    )
    by_id = {f.enrollment_id: f for f in facts}
    out: list[AdjustmentView] = []
    for line, month in found:
        f = by_id.get(line.enrollment_id)
        basis = (line.working or {}).get("basis") or {}
        if f is None or "phase_out_index" in basis:
            continue  # 渐退 shares are decided case by case
        decided = decided_fen_in(f, month)
        already = (
            s.scalar(
                select(func.coalesce(func.sum(RosterAdjustment.amount_fen), 0)).where(
                    RosterAdjustment.enrollment_id == line.enrollment_id,
                    RosterAdjustment.for_month == month,
                    RosterAdjustment.source == "back_pay",
                    RosterAdjustment.cancelled.is_(False),
                )
            )
            or 0
        )
        owed = decided - line.due_fen - int(already)
        if owed <= 0:
            continue
        adj = RosterAdjustment(
            enrollment_id=line.enrollment_id,
            household_id=line.household_id,
            kind="补发",
            amount_fen=owed,
            reason=(
                f"{reason}{month_text(month)} 核定金额 {fen_to_yuan(decided)} 元，"
                f"已发 {fen_to_yuan(line.due_fen)} 元"
            ),
            for_month=month,
            apply_month=target,
            source="back_pay",
            source_roster_id=line.roster_id,
            source_line_id=line.id,
            created_by=actor.user_id or None,
        )
        s.add(adj)
        s.flush()
        out.append(adjustment_view(adj))
    return out


def add_adjustment(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    kind: str,
    amount_fen: int,
    reason: str,
    for_month: str | date,
    apply_month: str | date | None = None,
    source: str = "manual",
) -> AdjustmentView:
    """A manual 补发 / 扣减 / 追回 (e.g. an overpayment found on recheck)."""
    actor.require("enrollment.change")
    if kind not in ("补发", "扣减", "追回"):
        raise ValidationError(
            "调整类型须为 补发、扣减 或 追回。", code="adjustment.kind", field="kind"
        )
    if source not in SOURCES:
        raise ValidationError("未知的调整来源。", code="adjustment.source", field="source")
    if amount_fen <= 0:
        raise ValidationError("金额必须大于 0。", code="adjustment.amount", field="amount_fen")
    if not reason or not reason.strip():
        raise ValidationError("请填写调整理由。", code="adjustment.reason", field="reason")
    with db.session() as s:
        e = s.get(Enrollment, enrollment_id)
        if e is None:
            raise NotFound(f"在保记录 #{enrollment_id} 不存在。", code="enrollment.not_found")
        month = parse_month(for_month)
        return add_adjustment_in(
            s,
            actor,
            e,
            kind,
            amount_fen,
            reason,
            month,
            parse_month(apply_month) if apply_month else next_month(month),
            source,
        )


def add_adjustment_in(
    s: Session,
    actor: Actor,
    e: Enrollment,
    kind: str,
    amount_fen: int,
    reason: str,
    for_month: date,
    apply_month: date,
    source: str,
) -> AdjustmentView:
    """:func:`add_adjustment` inside the caller's transaction (checked arguments)."""
    adj = RosterAdjustment(
        enrollment_id=e.id,
        household_id=e.household_id,
        kind=kind,
        amount_fen=amount_fen,
        reason=reason.strip(),
        for_month=for_month,
        apply_month=apply_month,
        source=source,
        created_by=actor.user_id or None,
    )
    s.add(adj)
    s.flush()
    audit.record(
        s,
        actor,
        "roster.adjustment_add",
        "roster_adjustment",
        adj.id,
        household_id=e.household_id,
        detail={
            "kind": kind,
            "amount_fen": amount_fen,
            "reason": adj.reason,
            "for_month": month_text(for_month),
            "source": source,
            "apply_month": month_text(apply_month),
        },
    )
    return adjustment_view(adj)


def held_back_pay_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    first: date,
    last: date,
    apply_month: date,
    reason: str,
) -> list[AdjustmentView]:
    """补发 of the months ``first``..``last`` an enrollment was held (e.g. the payee died,
    DOMAIN §2.15): for each month what that month's roster would have paid without the hold
    (the decided amount, or its 渐退 share: the roster's own calculation), less what locked
    rosters paid for it and earlier back pay, becomes one 补发 applied from ``apply_month``."""
    facts, _ = load(
        s, programmes_of("all"), date(1900, 1, 1), date(9999, 1, 1), {enrollment_id}
    )  # only this enrollment
    f = next((x for x in facts if x.enrollment_id == enrollment_id), None)
    e = s.get(Enrollment, enrollment_id)
    if f is None or e is None:
        return []
    unheld = f._replace(  # the history without the holds of these months
        changes=tuple(
            c
            for c in f.changes
            if not (c.kind in SUSPEND_KINDS and first <= c.effective_month <= last)
        ),
        status="active" if f.status == "suspended" else f.status,
    )
    out: list[AdjustmentView] = []
    month = first
    while month <= last:
        in_force = facts_in_month(unheld, month)
        st = state_in_month(in_force, month)
        decided = (
            Calculator(policy_on(s, month)).compute(basis_for(in_force, st, month)).fen
            if st.payable
            else 0
        )
        paid = (
            s.scalar(
                select(func.coalesce(func.sum(RosterLine.due_fen), 0))
                .join(Roster, Roster.id == RosterLine.roster_id)
                .where(
                    RosterLine.enrollment_id == enrollment_id,
                    Roster.month == month,
                    Roster.kind == "regular",
                    Roster.status == "locked",
                )
            )
            or 0
        )
        already = (
            s.scalar(
                select(func.coalesce(func.sum(RosterAdjustment.amount_fen), 0)).where(
                    RosterAdjustment.enrollment_id == enrollment_id,
                    RosterAdjustment.for_month == month,
                    RosterAdjustment.source == "back_pay",
                    RosterAdjustment.cancelled.is_(False),
                )
            )
            or 0
        )
        owed = decided - int(paid) - int(already)
        if owed > 0:
            out.append(
                add_adjustment_in(
                    s,
                    actor,
                    e,
                    "补发",
                    owed,
                    f"{reason}{month_text(month)} 应发 {fen_to_yuan(decided)} 元，暂停期间未发",
                    month,
                    apply_month,
                    "back_pay",
                )
            )
        month = next_month(month)
    return out


def _pending_row(s: object, adjustment_id: int) -> RosterAdjustment:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    adj = s.get(RosterAdjustment, adjustment_id)
    if adj is None:
        raise NotFound(f"调整记录 #{adjustment_id} 不存在。", code="adjustment.not_found")
    if adj.applied_in_roster_id is not None:
        roster = s.get(Roster, adj.applied_in_roster_id)
        if roster is not None and roster.status == "locked":
            raise LockedError("该款项已列入已锁定的花名册，不能再修改。", code="roster.locked")
        raise RuleViolation(
            "该款项已列入草稿花名册，请先删除或重新生成该名册。", code="adjustment.in_draft"
        )
    return adj


def mark_account_fixed(
    db: Database, actor: Actor, adjustment_id: int, note: str = ""
) -> AdjustmentView:
    """The clerk confirms the failed account was corrected (e.g. the bank fixed the name)."""
    actor.require("roster.generate")
    with db.session() as s:
        adj = _pending_row(s, adjustment_id)
        if adj.source != "failed_payment":
            raise RuleViolation(
                "只有发放失败的款项需要确认账户已更正。", code="adjustment.not_failed"
            )
        adj.account_fixed = True
        s.flush()
        audit.record(
            s,
            actor,
            "roster.account_fixed",
            "roster_adjustment",
            adj.id,
            household_id=adj.household_id,
            detail={"note": note},
        )
        return adjustment_view(adj)


def cancel_adjustment(
    db: Database, actor: Actor, adjustment_id: int, reason: str
) -> AdjustmentView:
    actor.require("enrollment.change")
    if not reason or not reason.strip():
        raise ValidationError("请填写取消理由。", code="adjustment.reason", field="reason")
    with db.session() as s:
        adj = _pending_row(s, adjustment_id)
        adj.cancelled = True
        s.flush()
        audit.record(
            s,
            actor,
            "roster.adjustment_cancel",
            "roster_adjustment",
            adj.id,
            household_id=adj.household_id,
            detail={"reason": reason.strip()},
        )
        return adjustment_view(adj)
