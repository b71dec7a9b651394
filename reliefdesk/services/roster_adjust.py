"""Adjustments carried by later rosters: 补发 (back pay), 扣减 / 追回 (overpayments).

Sources: ``back_pay`` (a standard raised retroactively: each locked line of the months is
recomputed under the policy now in force for that month), ``failed_payment`` (created by an
imported bank return; waits until the account is fixed), ``overpayment`` and ``manual``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from ..db.engine import Database
from ..domain.money import fen_to_yuan
from ..domain.months import add_months, next_month
from ..errors import LockedError, NotFound, RuleViolation, ValidationError
from ..models import Enrollment, Roster, RosterAdjustment, RosterLine
from . import audit
from .context import Actor
from .roster_build import _Policies, latest_locked_month, programmes_of
from .roster_calc import Calculator
from .roster_read import adjustment_view
from .roster_types import AdjustmentView, month_text, parse_month, programme_code

SOURCES = ("failed_payment", "back_pay", "overpayment", "manual")


def record_back_pay(db: Database, actor: Actor, from_month: str | date, to_month: str | date,
                    programme: str | None = None,
                    apply_month: str | date | None = None) -> list[AdjustmentView]:
    """补发 for months already paid under a lower standard: every locked regular line of
    ``from_month``..``to_month`` is recomputed with the policy in force for its month now; a
    positive difference (less what earlier back pay already covered) becomes a 补发
    adjustment applied from ``apply_month`` (default: the month after the latest locked
    regular roster). Lowered standards are not clawed back automatically."""
    actor.require("roster.generate")
    start, end = parse_month(from_month), parse_month(to_month)
    if end < start:
        raise ValidationError("结束月份不能早于开始月份。", code="roster.months", field="to_month")
    code = programme_code(programme)
    out: list[AdjustmentView] = []
    with db.session() as s:
        policies = _Policies(s)
        target = parse_month(apply_month) if apply_month else \
            next_month(max(latest_locked_month(s) or end, end))
        month = start
        while month <= end:
            policy = policies(month)
            calc = Calculator(policy)
            q = (select(RosterLine).join(Roster, Roster.id == RosterLine.roster_id)
                 .where(Roster.month == month, Roster.kind == "regular",
                        Roster.status == "locked", RosterLine.due_fen > 0,
                        RosterLine.programme.in_(programmes_of(code))))
            for line in s.scalars(q.order_by(RosterLine.id)):
                basis = (line.working or {}).get("basis")
                if not basis:
                    continue
                new = calc.compute(basis)
                already = s.scalar(select(func.coalesce(func.sum(RosterAdjustment.amount_fen), 0))
                                   .where(RosterAdjustment.enrollment_id == line.enrollment_id,
                                          RosterAdjustment.for_month == month,
                                          RosterAdjustment.source == "back_pay",
                                          RosterAdjustment.cancelled.is_(False))) or 0
                owed = new.fen - line.due_fen - int(already)
                if owed <= 0 or new.working.get("error"):
                    continue
                adj = RosterAdjustment(
                    enrollment_id=line.enrollment_id, household_id=line.household_id,
                    kind="补发", amount_fen=owed,
                    reason=(f"{month_text(month)} 按新标准（{policy.name}）补发：应发 "
                            f"{fen_to_yuan(new.fen)} 元，已发 {fen_to_yuan(line.due_fen)} 元"),
                    for_month=month, apply_month=target, source="back_pay",
                    source_roster_id=line.roster_id, source_line_id=line.id,
                    created_by=actor.user_id or None)
                s.add(adj)
                s.flush()
                out.append(adjustment_view(adj))
            month = add_months(month, 1)
        audit.record(s, actor, "roster.back_pay", "roster_adjustment", "",
                     detail={"from": month_text(start), "to": month_text(end),
                             "programme": code, "apply_month": month_text(target),
                             "count": len(out), "total_fen": sum(a.amount_fen for a in out)})
    return out


def add_adjustment(db: Database, actor: Actor, enrollment_id: int, kind: str, amount_fen: int,
                   reason: str, for_month: str | date, apply_month: str | date | None = None,
                   source: str = "manual") -> AdjustmentView:
    """A manual 补发 / 扣减 / 追回 (e.g. an overpayment found on recheck)."""
    actor.require("enrollment.change")
    if kind not in ("补发", "扣减", "追回"):
        raise ValidationError("调整类型须为 补发、扣减 或 追回。", code="adjustment.kind", field="kind")
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
        adj = RosterAdjustment(enrollment_id=e.id, household_id=e.household_id, kind=kind,
                               amount_fen=amount_fen, reason=reason.strip(), for_month=month,
                               apply_month=parse_month(apply_month) if apply_month
                               else next_month(month), source=source,
                               created_by=actor.user_id or None)
        s.add(adj)
        s.flush()
        audit.record(s, actor, "roster.adjustment_add", "roster_adjustment", adj.id,
                     household_id=e.household_id,
                     detail={"kind": kind, "amount_fen": amount_fen, "reason": adj.reason,
                             "for_month": month_text(month), "source": source})
        return adjustment_view(adj)


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
        raise RuleViolation("该款项已列入草稿花名册，请先删除或重新生成该名册。",
                            code="adjustment.in_draft")
    return adj


def mark_account_fixed(db: Database, actor: Actor, adjustment_id: int,
                       note: str = "") -> AdjustmentView:
    """The clerk confirms the failed account was corrected (e.g. the bank fixed the name)."""
    actor.require("roster.generate")
    with db.session() as s:
        adj = _pending_row(s, adjustment_id)
        if adj.source != "failed_payment":
            raise RuleViolation("只有发放失败的款项需要确认账户已更正。", code="adjustment.not_failed")
        adj.account_fixed = True
        s.flush()
        audit.record(s, actor, "roster.account_fixed", "roster_adjustment", adj.id,
                     household_id=adj.household_id, detail={"note": note})
        return adjustment_view(adj)


def cancel_adjustment(db: Database, actor: Actor, adjustment_id: int,
                      reason: str) -> AdjustmentView:
    actor.require("enrollment.change")
    if not reason or not reason.strip():
        raise ValidationError("请填写取消理由。", code="adjustment.reason", field="reason")
    with db.session() as s:
        adj = _pending_row(s, adjustment_id)
        adj.cancelled = True
        s.flush()
        audit.record(s, actor, "roster.adjustment_cancel", "roster_adjustment", adj.id,
                     household_id=adj.household_id, detail={"reason": reason.strip()})
        return adjustment_view(adj)
