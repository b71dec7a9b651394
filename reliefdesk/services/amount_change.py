"""Re-deciding an enrollment's amount when its basis changes (成员变动, 自理能力重新评估).

A member's death, moving out or in, prison or military service changes the number of persons
sharing the household's assessed income; a tekun person's re-assessed self-care changes the
care tier. Either way the new decided amount comes from the roster's one amount function
(:func:`reliefdesk.services.roster.calc.compute`, the formula of the policy in force in the
effective month) and is recorded as a dated change:

* an :class:`~reliefdesk.models.EnrollmentChange` 增发/减发 (``change_amount_in``: reason,
  effective month, user, audit; a 减发 prints its 告知书), and
* a ``reassess`` :class:`~reliefdesk.models.RecipientEvent` of the enrollment carrying the
  basis before and after (persons, income, per-capita income, standard, care tier, policy
  version, amount), so a roster of an EARLIER month still shows (and pays) the old basis:
  ``roster.load`` reads these as :class:`~reliefdesk.services.roster.calc.BasisFact`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy.orm import Session

from ..domain.money import fen_to_yuan, round_half_up
from ..models import Enrollment, Household, RecipientEvent
from . import audit, enrollments
from .context import Actor
from .policy import policy_on
from .roster.calc import compute

__all__ = ["Reassessment", "basis_of", "reassess_in"]

REASSESS_KIND = "reassess"


@dataclass(frozen=True)
class Reassessment:
    """What a re-decision did: ``kind`` increase | decrease | unchanged | none (the formula
    leaves nothing to pay: a re-check is due instead); ``change_id`` of the 增发/减发 row."""

    enrollment_id: int
    kind: str
    old_fen: int
    new_fen: int
    effective_month: date
    change_id: int | None
    line: str


def basis_of(e: Enrollment) -> dict[str, Any]:
    """The decided basis stored on the enrollment (JSON-ready)."""
    return {
        "persons": e.persons,
        "per_capita_income_fen": e.per_capita_income_fen,
        "income_fen": e.income_fen,
        "standard_fen": e.standard_fen,
        "care_tier": e.care_tier,
        "policy_id": e.policy_id,
        "policy_name": e.policy_name,
        "amount_fen": e.amount_fen,
    }


def _income(e: Enrollment) -> int:
    """The net household income behind the decided amount (older records: pci × persons)."""
    return e.income_fen if e.income_fen is not None else e.per_capita_income_fen * max(e.persons, 1)


def reassess_in(
    s: Session,
    actor: Actor,
    e: Enrollment,
    month: date,
    on_date: date,
    reason: str,
    *,
    persons: int | None = None,
    care_tier: str | None = None,
) -> Reassessment:
    """Re-decide ``e`` from ``month`` with ``persons`` (dibao: the assessed household income
    shared by them) and/or ``care_tier`` (tekun), through the one amount function; records
    the change and its basis (see the module docstring). Needs ``enrollment.change``."""
    actor.require("enrollment.change")
    n = persons if persons is not None else e.persons
    tier = care_tier if care_tier is not None else e.care_tier
    income = _income(e)
    exact = Fraction(income, n) if n > 0 else Fraction(0)
    h = s.get(Household, e.household_id)
    policy = policy_on(s, month)
    amount = compute(
        {
            "programme": e.programme,
            "method": e.method,
            "persons": n,
            "per_capita_income_fen": exact,
            "care_tier": tier,
            "care_mode": e.care_mode,
            "topups": [
                str(c.get("category") if isinstance(c, dict) else c)
                for c in (e.topup_categories or [])
                if c
            ],
            "area_type": h.area_type if h else "rural",
            "fixed_fen": e.amount_fen,
        },
        policy,
    )
    if amount.working.get("error"):
        from ..errors import RuleViolation

        raise RuleViolation(
            f"无法重新核算金额：{amount.working['error']}", code="enrollment.reassess"
        )
    before = basis_of(e)
    old = e.amount_fen
    e.persons, e.care_tier = n, tier
    e.income_fen = income
    e.per_capita_income_fen = round_half_up(exact)
    if amount.fen <= 0:
        e.next_recheck = month
        s.flush()
        return Reassessment(
            e.id,
            "none",
            old,
            0,
            month,
            None,
            f"重新核算后本户不再有应发金额，已列入 {month:%Y-%m} 到期核查",
        )
    change_id: int | None = None
    kind = "unchanged"
    if amount.fen != old:
        view = enrollments.change_amount_in(
            s,
            actor,
            e.id,
            amount.fen,
            reason,
            on_date=on_date,
            effective_month=month,
            while_suspended=True,
        )
        change_id, kind = view.changes[-1].id, view.changes[-1].kind
    e.standard_fen = amount.standard_fen
    e.policy_id, e.policy_name = policy.id, policy.name
    e.amount_source, e.amount_review = "formula", None
    s.flush()
    after = basis_of(e)
    ev = RecipientEvent(
        household_id=e.household_id,
        enrollment_id=e.id,
        kind=REASSESS_KIND,
        event_date=on_date,
        effective_month=month,
        reason=f"重新核算：{reason}",
        detail={"change_id": change_id, "before": before, "after": after},
        user_id=actor.user_id or None,
        username=actor.username,
    )
    s.add(ev)
    s.flush()
    audit.record(
        s,
        actor,
        "enrollment.reassess",
        "enrollment",
        e.id,
        household_id=e.household_id,
        detail={
            "effective_month": month.isoformat(),
            "reason": reason,
            "change_id": change_id,
            "before": before,
            "after": after,
        },
    )
    label = {"increase": "增发", "decrease": "减发"}.get(kind, "金额不变")
    if kind == "unchanged":
        line = (
            f"在保记录 #{e.id} 重新核算：{n} 人，金额不变 {fen_to_yuan(old)} 元，"
            f"自 {month:%Y-%m} 起"
        )
    else:
        line = (
            f"在保记录 #{e.id} {label}：{fen_to_yuan(old)} 元 → {fen_to_yuan(amount.fen)} 元"
            f"（{n} 人），自 {month:%Y-%m} 起"
        )
    return Reassessment(e.id, kind, old, amount.fen, month, change_id, line)
