"""调标: re-standardising decided amounts when a standard changes, as one recorded run.

Amounts are decided (at confirmation, by 增发/减发 decisions) and the roster pays them; a new
policy version never changes a payment by itself (DOMAIN §2.13, §2.15). When a standard is
raised (or lowered), :func:`restandard` applies the policy in force from ``from_month`` to
every open dibao/tekun enrollment and records the result:

* formula amounts (decided by the formula at confirmation or by an earlier 调标) get a
  ``restandard`` change (调标) effective from ``from_month`` (or the enrollment's first month,
  if later) with the old and new standard in its reason: the roster line of that month shows
  调增/调减 with that reason;
* manual amounts (set by hand at 初审) and adjusted ones (增发/减发 decisions), and 渐退
  shares, are not overwritten: they are flagged for review (``amount_review``) with the
  formula amount for comparison;
* a household whose formula amount the new version does not move (same amount under the
  version in force the month before) is left alone, whatever its decided amount;
* where the effective month is already paid on locked rosters, the difference becomes 补发
  (back pay) on the next roster (``roster.adjust.back_pay_in``); decreases are not clawed back.

``dry_run`` computes the same result and writes nothing. One audit event per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.money import fen_to_yuan
from ..domain.months import add_months, next_month
from ..domain.programmes import MONTHLY_PROGRAMMES
from ..errors import NotFound
from ..models import Enrollment, EnrollmentChange
from . import audit
from .context import Actor
from .policy import Policy, policy_on
from .roster.adjust import back_pay_in
from .roster.build import latest_locked_month
from .roster.calc import (
    AMOUNT_KINDS,
    Calculator,
    EnrollmentFacts,
    decided_fen_in,
    facts_in_month,
    formula_basis,
)
from .roster.load import load
from .roster.types import month_text, parse_month

__all__ = ["RestandardItem", "RestandardResult", "restandard", "restandard_in", "standards_changed"]

OPEN_STATUSES = ("active", "suspended", "phase_out")


@dataclass(frozen=True)
class RestandardItem:
    """One enrollment's outcome: ``changed`` (a 调标 change recorded), ``review`` (manual or
    adjusted amount left as is, flagged) or ``unchanged``."""

    enrollment_id: int
    household_id: int
    payee_name: str
    programme: str
    effective_month: date
    old_fen: int
    new_fen: int  # the formula amount under the new standard
    outcome: str
    reason: str
    back_pay_fen: int = 0


@dataclass(frozen=True)
class RestandardResult:
    from_month: date
    policy_name: str
    dry_run: bool
    items: tuple[RestandardItem, ...]
    back_pay_month: date | None

    def count(self, outcome: str) -> int:
        return sum(1 for i in self.items if i.outcome == outcome)

    @property
    def back_pay_fen(self) -> int:
        return sum(i.back_pay_fen for i in self.items)


def standards_changed(old: Policy | None, new: Policy) -> bool:
    """Whether ``new`` changes anything a monthly amount rests on (dibao standards, tekun
    ratio and care standards, method, floor, tiers, single-person minimum, 分类施保 rates):
    only then is a 调标 run needed. A temporary-aid cap or a time limit is not."""
    if old is None:
        return False
    keys = (
        "urban_dibao_standard_fen",
        "rural_dibao_standard_fen",
        "tekun_basic_ratio",
        "tekun_care_fen",
        "method",
        "floor_ratio",
        "tiers",
        "single_person_min_ratio",
        "topup_rates",
    )
    return any(old.data.get(k) != new.data.get(k) for k in keys)


def restandard(
    db: Database, actor: Actor, from_month: str | date, *, dry_run: bool = False
) -> RestandardResult:
    """Run 调标 from ``from_month`` (see the module docstring)."""
    _require(actor)
    with db.session() as s:
        result = restandard_in(s, actor, from_month, dry_run=dry_run)
        if dry_run:
            s.rollback()
        return result


def _require(actor: Actor) -> None:
    """The administrator who saved the new standard, or an approver, may apply it."""
    if not actor.can("admin.policy"):
        actor.require("enrollment.decide")


def _standard_text(policy: Policy, f: EnrollmentFacts, calc: Calculator) -> str:
    if f.programme == "tekun":
        return f"特困基本生活标准 {fen_to_yuan(calc.compute(formula_basis(f)).standard_fen)} 元"
    return f"低保标准 {fen_to_yuan(policy.standard_for_programme(f.programme))} 元"


def restandard_in(
    s: Session, actor: Actor, from_month: str | date, *, dry_run: bool = False
) -> RestandardResult:
    """:func:`restandard` inside the caller's transaction (``dry_run`` still writes nothing)."""
    _require(actor)
    start = parse_month(from_month)
    policy = policy_on(s, start)
    calcs: dict[date, tuple[Policy, Calculator]] = {}
    calcs_before: dict[date, Calculator | None] = {}
    facts, snaps = load(s, MONTHLY_PROGRAMMES, date(9999, 1, 1), start)
    locked = latest_locked_month(s)
    back_month = next_month(locked) if locked is not None and locked >= start else None
    items: list[RestandardItem] = []
    for stored in facts:
        if stored.status not in OPEN_STATUSES or (
            stored.end_month is not None and stored.end_month < start
        ):
            continue
        month = max(start, stored.start_month)
        f = facts_in_month(stored, month)  # the basis decided for that month
        name = snaps[f.enrollment_id].payee_name
        if month not in calcs:
            p = policy_on(s, month)
            calcs[month] = (p, Calculator(p))
        p, calc = calcs[month]
        old = decided_fen_in(f, month)
        formula = calc.compute(formula_basis(f, exact=True))
        if formula.working.get("error"):
            items.append(
                RestandardItem(
                    f.enrollment_id,
                    f.household_id,
                    name,
                    f.programme,
                    month,
                    old,
                    old,
                    "review",
                    f"无法按新标准计算：{formula.working['error']}",
                )
            )
            continue
        new = formula.fen
        before = _formula_before(s, f, month, calcs_before)
        if new in (old, before):  # the new version does not move this household
            items.append(
                RestandardItem(
                    f.enrollment_id,
                    f.household_id,
                    name,
                    f.programme,
                    month,
                    old,
                    new,
                    "unchanged",
                    "金额不变",
                )
            )
            continue
        later = any(c.kind in AMOUNT_KINDS and c.effective_month > month for c in f.changes)
        text = f"调标：{p.name} 自 {month_text(month)} 起{_standard_text(p, f, calc)}"
        if (
            f.status == "phase_out"
            or later
            or f.amount_source in ("manual", "adjusted", "import")
            or (f.amount_source == "legacy" and before != old)
        ):
            why = {
                "manual": "初审人工核定金额",
                "adjusted": "增发/减发决定金额",
                "import": "存量导入的原核定金额",
            }.get(f.amount_source, "渐退期金额" if f.status == "phase_out" else "已有后续变更决定")
            note = (
                f"{text}，按公式应为 {fen_to_yuan(new)} 元，现核定 {fen_to_yuan(old)} 元"
                f"（{why}），未自动调整，请复核后作出调整决定。"
            )
            items.append(
                RestandardItem(
                    f.enrollment_id,
                    f.household_id,
                    name,
                    f.programme,
                    month,
                    old,
                    new,
                    "review",
                    note,
                )
            )
            if not dry_run:
                e = s.get(Enrollment, f.enrollment_id)
                assert e is not None
                e.amount_review = note
            continue
        reason = f"{text}，月保障金由 {fen_to_yuan(old)} 元调整为 {fen_to_yuan(new)} 元"
        back = 0
        if not dry_run:
            e = s.get(Enrollment, f.enrollment_id)
            assert e is not None
            s.add(
                EnrollmentChange(
                    enrollment_id=e.id,
                    kind="restandard",
                    effective_month=month,
                    old_fen=old,
                    new_fen=new,
                    reason=reason,
                    decided_by=actor.user_id,
                    role=actor.role,
                )
            )
            e.amount_fen = new
            e.standard_fen = formula.standard_fen
            e.policy_id, e.policy_name = p.id, p.name
            e.amount_source, e.amount_review = "formula", None
            s.flush()
            if back_month is not None and locked is not None and month <= locked:
                adjs = back_pay_in(
                    s, actor, (f.programme,), month, locked, back_month, [e.id], "调标补发："
                )
                back = sum(a.amount_fen for a in adjs)
        elif back_month is not None and locked is not None and month <= locked:
            back = _dry_back_pay(f, month, locked, new)
        items.append(
            RestandardItem(
                f.enrollment_id,
                f.household_id,
                name,
                f.programme,
                month,
                old,
                new,
                "changed",
                reason,
                back,
            )
        )
    result = RestandardResult(start, policy.name, dry_run, tuple(items), back_month)
    if not dry_run:
        audit.record(
            s,
            actor,
            "enrollment.restandard",
            "policy",
            policy.id,
            detail={
                "from": month_text(start),
                "policy": policy.name,
                "changed": result.count("changed"),
                "review": result.count("review"),
                "unchanged": result.count("unchanged"),
                "back_pay_fen": result.back_pay_fen,
                "back_pay_month": month_text(back_month) if back_month else None,
            },
        )
    return result


def _formula_before(
    s: Session, f: EnrollmentFacts, month: date, cache: dict[date, Calculator | None]
) -> int | None:
    """The formula amount under the version in force the month before (None: none)."""
    prev = add_months(month, -1)
    if prev not in cache:
        try:
            cache[prev] = Calculator(policy_on(s, prev))
        except NotFound:
            cache[prev] = None
    calc = cache[prev]
    if calc is None:
        return None
    amount = calc.compute(formula_basis(f, exact=True))
    return None if amount.working.get("error") else amount.fen


def _dry_back_pay(f: EnrollmentFacts, month: date, locked: date, new: int) -> int:
    """Estimate for a dry run: the raise times the locked months it covers."""
    old = decided_fen_in(f, month)
    months = (locked.year - month.year) * 12 + locked.month - month.month + 1
    return max(0, int(Fraction(new - old) * months))
