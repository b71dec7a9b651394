"""Benefit assessment of an application: the proposed monthly amount and its working.

Reads the household's counted members (共同生活的家庭成员, DOMAIN §2.3), counted income items
(§2.7) and the policy in force on the date, and calls the pure calculators in
:mod:`reliefdesk.domain.benefits`: 低保 gap or tier (§2.13) with the floor, 单人保 (§2.4),
分类施保 top-ups, 特困 basic + care (§3.5), 临时救助 standard × persons × months (§4.3).
Asset rules only produce warnings (they are local and configurable, §2.8).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import benefits as b
from ..domain.idnumber import age_on
from ..domain.money import fen_to_yuan, round_half_up
from ..domain.workflow import is_dibao
from ..models import Application, Asset, Household, Person
from .policy import Policy, policy_on
from .register.money import household_income_in

__all__ = ["Assessment", "assess", "counted_members", "member_category", "tekun_eligibility"]


ELDERLY_AGE = 60  # 老年人: 60 full years and over (分类施保; 特困 §3.1)
ADULT_AGE = 18  # a minor is under 18 full years
_TEKUN_WORKING_AGE = 16  # 特困 §3.1: under 16 lacks working capacity
_SEVERE_LEVEL = 2  # disability levels 1–2 are severe
_SEVERE_MENTAL_LEVEL = 3  # for intellectual/mental disability level 3 counts as severe too


@dataclass(frozen=True)
class Assessment:
    """Result of :func:`assess`: monthly amount (fen; temporary aid: the one-off total)."""

    amount_fen: int
    working_lines: tuple[b.WorkingLine, ...]
    warnings: tuple[str, ...]
    per_capita_income_fen: int
    persons: int
    method: str  # gap | tier | single | tekun | fixed
    formula: str
    eligible: bool
    topup_categories: tuple[str, ...] = ()
    within_township_limit: bool = True
    needs_case_by_case: bool = False
    income_fen: int = 0  # the household's net counted monthly income (covered members)
    standard_fen: int = 0  # the standard applied (tekun: the basic living standard)
    policy_id: int | None = None
    policy_name: str = ""

    def working_json(self) -> dict[str, Any]:
        """The form stored on the application/enrollment (``working`` JSON column), with the
        formula amount (``amount_fen``) and its basis, so that a manual 初审 amount can be told
        apart from it at confirmation."""
        return {
            "formula": self.formula,
            "method": self.method,
            "lines": [[w.label_zh, w.value] for w in self.working_lines],
            "warnings": list(self.warnings),
            "persons": self.persons,
            "per_capita_income_fen": self.per_capita_income_fen,
            "topup_categories": list(self.topup_categories),
            "amount_fen": self.amount_fen,
            "income_fen": self.income_fen,
            "standard_fen": self.standard_fen,
            "policy_id": self.policy_id,
            "policy_name": self.policy_name,
        }


def counted_members(session: Session, household_id: int, on: date) -> list[Person]:
    """Members counted in the household on ``on`` (not excluded, alive)."""
    rows = session.scalars(
        select(Person).where(Person.household_id == household_id).order_by(Person.id)
    )
    return [p for p in rows if p.counted and (p.deceased_on is None or p.deceased_on > on)]


_SEVERE_MENTAL = ("智力", "精神", "intellectual", "mental")


def member_category(person: Person, on: date) -> list[str]:
    """分类施保 categories a person fits: elderly (≥ 60), minor (< 18), severe_disability
    (level 1–2, or level 3 intellectual/mental), serious_illness."""
    cats: list[str] = []
    age = age_on(person.birth_date, on)
    if age >= ELDERLY_AGE:
        cats.append("elderly")
    if age < ADULT_AGE:
        cats.append("minor")
    level = person.disability_level
    if level is not None and (
        level <= _SEVERE_LEVEL
        or (level == _SEVERE_MENTAL_LEVEL and (person.disability_category or "") in _SEVERE_MENTAL)
    ):
        cats.append("severe_disability")
    if person.health == "serious":
        cats.append("serious_illness")
    return cats


def tekun_eligibility(person: Person, on: date) -> str | None:
    """Why the person lacks working capacity (特困 §3.1), or None if no ground applies."""
    age = age_on(person.birth_date, on)
    if age >= ELDERLY_AGE:
        return f"年满 60 周岁（{age} 岁）"
    if age < _TEKUN_WORKING_AGE:
        return f"未满 16 周岁（{age} 岁）"
    cat, level = person.disability_category or "", person.disability_level
    if level is not None:
        if cat in _SEVERE_MENTAL and level <= _SEVERE_MENTAL_LEVEL:
            return f"{cat}残疾 {level} 级"
        if cat in ("肢体", "physical", "多重", "multiple") and level <= _SEVERE_LEVEL:
            return f"{cat}残疾 {level} 级"
        if cat in ("视力", "visual") and level == 1:
            return "视力残疾 1 级"
    return None


def _asset_warnings(session: Session, household_id: int, persons: int, policy: Policy) -> list[str]:
    """Configurable asset rules (policy ``asset_rules``): ``max_total_fen`` {kind: fen},
    ``max_count`` {kind: n}, ``per_capita_max_fen`` (non-exempt assets per counted member)."""
    rules = policy.data.get("asset_rules") or {}
    assets = [
        a
        for a in session.scalars(select(Asset).where(Asset.household_id == household_id))
        if not a.exempt
    ]
    out: list[str] = []
    for kind, cap in (rules.get("max_total_fen") or {}).items():
        value = sum(a.value_fen for a in assets if a.kind == kind)
        if value > int(cap):
            out.append(
                f"{kind}合计 {fen_to_yuan(value)} 元，超过资产规定上限 {fen_to_yuan(int(cap))} 元。"
            )
    for kind, cap in (rules.get("max_count") or {}).items():
        n = sum(1 for a in assets if a.kind == kind)
        if n > int(cap):
            out.append(f"{kind} {n} 项，超过资产规定的 {int(cap)} 项。")
    per_cap = rules.get("per_capita_max_fen")
    if per_cap is not None and persons:
        value = sum(a.value_fen for a in assets)
        if value > int(per_cap) * persons:
            out.append(
                f"家庭非豁免资产人均 {fen_to_yuan(value // persons)} 元，超过人均上限 "
                f"{fen_to_yuan(int(per_cap))} 元。"
            )
    return out


def _tiers(policy: Policy) -> list[b.Tier]:
    return [
        b.Tier(str(t["name"]), Fraction(str(t["max_income_ratio"])), Fraction(str(t["pay_ratio"])))
        for t in policy.data.get("tiers", [])
    ]


def assess(session: Session, application: Application, on: date | None = None) -> Assessment:
    """Compute the proposed amount and working for ``application`` with the policy on ``on``
    (default: the acceptance date)."""
    on = on or application.accepted_on
    policy = policy_on(session, on)
    household = session.get(Household, application.household_id)
    assert household is not None
    members = counted_members(session, household.id, on)
    warnings: list[str] = []
    applicant = session.get(Person, application.applicant_id)
    assert applicant is not None
    if any(p.near_relative_of_staff for p in members):
        warnings.append(
            "家庭成员中有经办人员或村(居)委会成员的近亲属：须单独登记备案，县级须入户调查。"
        )
    programme = application.programme
    if programme == "tekun":
        result = _tekun(policy, household, application)
        own = household_income_in(session, household.id, (), only_person=applicant.id)
        if own.total_fen >= policy.dibao_standard_fen(household.area_type):
            warnings.append("本人月收入不低于当地低保标准，不符合“无生活来源”条件。")
        return replace(
            _wrap(
                result,
                warnings + _asset_warnings(session, household.id, 1, policy),
                own.total_fen,
                1,
                "tekun",
            ),
            income_fen=own.total_fen,
            standard_fen=b.tekun_basic_fen(
                policy.dibao_standard_fen(household.area_type), policy.tekun_basic_ratio
            ),
            policy_id=policy.id,
            policy_name=policy.name,
        )
    if programme == "temporary_aid":
        persons = application.aid_persons or max(len(members), 1)
        months = application.aid_months or 1
        ta = b.temporary_aid(
            policy.dibao_standard_fen("urban"),
            persons,
            months,
            policy.data.get("temp_aid_township_limit_fen"),
            policy.data.get("temp_aid_max_months"),
            policy.data.get("temp_aid_case_by_case_fen"),
        )
        if not ta.within_township_limit:
            warnings.append("金额超出乡镇审批限额，须报县级审批。")
        if ta.needs_case_by_case:
            warnings.append("金额超过一事一议标准，须提交县级困难群众基本生活保障协调机制研究。")
        return Assessment(
            ta.fen,
            ta.working,
            tuple(warnings),
            0,
            persons,
            "fixed",
            ta.formula,
            ta.eligible,
            (),
            ta.within_township_limit,
            ta.needs_case_by_case,
            standard_fen=policy.dibao_standard_fen("urban"),
            policy_id=policy.id,
            policy_name=policy.name,
        )
    if not is_dibao(programme):
        raise ValueError(programme)
    return _dibao(session, policy, household, application, applicant, members, warnings, on)


def _dibao(
    session: Session,
    policy: Policy,
    household: Household,
    app: Application,
    applicant: Person,
    members: list[Person],
    warnings: list[str],
    on: date,
) -> Assessment:
    standard = policy.standard_for_programme(app.programme)
    if app.single_person:
        covered = [applicant]
        income = household_income_in(session, household.id, (), only_person=applicant.id)
        assert income.per_capita is not None
        amount = b.single_person(standard, income.per_capita, policy.single_person_min_ratio)
        method = "single"
    else:
        covered = members
        if not covered:
            amount = b.Amount(0, (b.WorkingLine("结论", "没有计入的共同生活家庭成员"),), "—", False)
            return _wrap(amount, warnings, 0, 0, policy.method)
        income = household_income_in(session, household.id, [p.id for p in covered])
        assert income.per_capita is not None
        if policy.method == "tier":
            amount = b.dibao_tier(standard, _tiers(policy), income.per_capita, len(covered))
        else:
            amount = b.dibao_gap(standard, income.per_capita, len(covered), policy.floor_ratio)
        method = policy.method
    pci = income.per_capita_fen or 0
    cats: list[str] = []
    rates = policy.topup_rates
    for p in covered:
        fits = [c for c in member_category(p, on) if c in rates]
        if fits:
            cats.append(max(fits, key=lambda c: rates[c]))  # the highest rate applies
    lines = list(amount.working)
    fen = amount.fen
    if amount.eligible and cats and fen > 0:
        base = round_half_up(Fraction(fen, len(covered)))
        top = b.classified_topups(base, cats, rates)
        lines += list(top.working)
        fen += top.fen
        lines.append(
            b.WorkingLine(
                "月保障金合计",
                f"{fen_to_yuan(amount.fen)} + {fen_to_yuan(top.fen)} = {fen_to_yuan(fen)} 元",
            )
        )
    if not amount.eligible:
        warnings.append("家庭月人均收入不低于低保标准，计算金额为 0。")
    warnings += _asset_warnings(session, household.id, len(covered), policy)
    return Assessment(
        fen,
        tuple(lines),
        tuple(warnings),
        pci,
        len(covered),
        method,
        amount.formula,
        amount.eligible,
        tuple(cats),
        income_fen=income.total_fen,
        standard_fen=standard,
        policy_id=policy.id,
        policy_name=policy.name,
    )


def _tekun(policy: Policy, household: Household, app: Application) -> b.Amount:
    tier = b.SelfCare(app.care_tier or "full")
    care = {b.SelfCare(k): v for k, v in policy.tekun_care_fen.items()}
    return b.tekun(
        policy.dibao_standard_fen(household.area_type), policy.tekun_basic_ratio, care, tier
    )


def _wrap(amount: b.Amount, warnings: list[str], pci: int, persons: int, method: str) -> Assessment:
    return Assessment(
        amount.fen,
        amount.working,
        tuple(warnings),
        pci,
        persons,
        method,
        amount.formula,
        amount.eligible,
    )
