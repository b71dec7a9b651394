"""Comparing household plans with the register: who is already on file, what an earlier
import brought in (a re-import changes nothing; a corrected file updates only what changed),
and whether an amount fits the programme's rules (kept as the decided amount, flagged)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.benefits import tekun_basic_fen
from ...domain.money import fen_to_yuan, round_half_up
from ...domain.workflow import PROGRAMME_LABELS
from ...models import ImportBatch, ImportRecord, Person
from ..policy import Policy
from ..roster.calc import amount_cap
from ..roster.validation import _cap_ratio  # the roster's own cap setting (one rule, one place)
from .plan import HouseholdPlan
from .types import ProgrammeTotal, VillageTotal

__all__ = ["Decision", "amount_rule_problem", "decide", "standard_of", "totals"]


@dataclass
class Decision:
    """What the import does with one plan: create | update | unchanged | blocked."""

    plan: HouseholdPlan
    action: str
    record: ImportRecord | None = None


def amount_rule_problem(policy: Policy, plan: HouseholdPlan, cap_ratio: Fraction) -> str | None:
    """Why the sheet's amount does not fit the programme's rules (None when it fits). Above
    the roster's plausibility cap (``roster_calc.amount_cap``, the same rule the roster check
    applies) the roster will refuse to lock; otherwise dibao at most standard × persons plus
    the highest 分类施保 top-up; tekun per person the basic standard plus the care standard of
    its tier (any tier when the sheet does not say)."""
    amount, persons, programme = plan.amount_fen, plan.persons, plan.programme
    if amount is None or programme is None:
        return None
    standard = standard_of(policy, plan)
    cap = amount_cap(policy, programme, persons, standard, cap_ratio)
    if amount > cap:
        return (
            f"月保障金 {fen_to_yuan(amount)} 元超过名册金额上限 {fen_to_yuan(cap)} 元，按原核定金额导入，"
            "但名册将报错无法锁定：请核实并作出调整决定"
        )
    if programme in ("urban_dibao", "rural_dibao"):
        top = max(policy.topup_rates.values(), default=Fraction(0))
        upper = round_half_up(Fraction(standard) * persons * (1 + top))
        if amount > upper:
            return (
                f"月保障金 {fen_to_yuan(amount)} 元超过保障标准 {fen_to_yuan(standard)} 元 × "
                f"{persons} 人（含分类施保上限 {fen_to_yuan(upper)} 元），按原核定金额导入，请复核"
            )
        return None
    care = policy.tekun_care_fen
    per = Fraction(amount, persons)
    if plan.care_tier in care:
        expected = standard + care[plan.care_tier]
        if per != expected:
            return (
                f"特困供养金每人 {fen_to_yuan(round_half_up(per))} 元，按基本生活标准与护理等级"
                f"应为 {fen_to_yuan(expected)} 元，按原核定金额导入，请复核"
            )
        return None
    if per < standard or per > standard + max(care.values(), default=0):
        return (
            f"特困供养金每人 {fen_to_yuan(round_half_up(per))} 元不在基本生活标准 "
            f"{fen_to_yuan(standard)} 元至 {fen_to_yuan(standard + max(care.values()))} 元之间，"
            "按原核定金额导入，请复核"
        )
    return None


def standard_of(policy: Policy, plan: HouseholdPlan) -> int:
    """The standard an imported amount rests on: the dibao standard of its programme, or the
    tekun basic living standard (≥ 1.3 × the dibao standard of the area)."""
    if plan.programme == "tekun":
        return tekun_basic_fen(policy.dibao_standard_fen(plan.area_type), policy.tekun_basic_ratio)
    return policy.standard_for_programme(plan.programme or "rural_dibao")


def decide(s: Session, plans: list[HouseholdPlan], policy: Policy) -> list[Decision]:
    """One decision per plan, adding register problems to the plans."""
    cap_ratio = _cap_ratio(s)
    records: dict[str, ImportRecord] = {}
    for stored in s.scalars(
        select(ImportRecord)
        .join(ImportBatch)
        .where(ImportBatch.status == "active")
        .order_by(ImportRecord.id)
    ):
        records[stored.key] = stored  # the latest record of each household wins
    ids = {m.id_number for p in plans for m in p.members if m.id_number}
    on_file: dict[str, tuple[int, int, date | None]] = {}
    if ids:
        for pid, num, hid, dead in s.execute(
            select(Person.id, Person.id_number, Person.household_id, Person.deceased_on)
        ):
            if num in ids:
                on_file[num] = (pid, hid, dead)
    out: list[Decision] = []
    rule_memo: dict[tuple[object, ...], str | None] = {}
    for plan in plans:
        rec = records.get(plan.key) if plan.key else None
        for m in plan.members:
            found = on_file.get(m.id_number or "")
            if found is None or (rec is not None and found[1] == rec.household_id):
                continue
            if found[2] is not None:
                plan.problem(
                    m.row, "person.deceased", f"{m.name} 在系统中已登记死亡（{found[2]:%Y-%m-%d}）"
                )
            else:
                plan.problem(
                    m.row,
                    "person.in_register",
                    f"{m.name} 已在系统家庭档案中（户 #{found[1]}），请核对后手工处理",
                )
        rule_key = (plan.programme, plan.area_type, plan.care_tier, plan.persons, plan.amount_fen)
        if rule_key not in rule_memo:
            rule_memo[rule_key] = amount_rule_problem(policy, plan, cap_ratio)
        why = rule_memo[rule_key]
        if why and not plan.errors:
            plan.problem(plan.rows[0], "amount.rules", why, "warning")
        if plan.errors:
            out.append(Decision(plan, "blocked", rec))
        elif rec is None:
            out.append(Decision(plan, "create"))
        elif rec.content_hash == plan.content_hash():
            out.append(Decision(plan, "unchanged", rec))
        else:
            out.append(Decision(plan, "update", rec))
    return out


def totals(
    decisions: list[Decision],
) -> tuple[tuple[ProgrammeTotal, ...], tuple[VillageTotal, ...]]:
    """Households, persons and monthly amounts by programme and by village (imported or
    updated households, and unchanged ones already on file from this file's source)."""
    prog: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    vill: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for d in decisions:
        if d.action == "blocked":
            continue
        p = d.plan
        for acc in (prog[p.programme or ""], vill[p.village]):
            acc[0] += 1
            acc[1] += p.persons
            acc[2] += p.amount_fen or 0
    order = ("urban_dibao", "rural_dibao", "tekun")
    by_prog = tuple(
        ProgrammeTotal(k, PROGRAMME_LABELS.get(k, k), *prog[k])
        for k in sorted(prog, key=lambda k: order.index(k) if k in order else 9)
    )
    by_vill = tuple(VillageTotal(k, *v) for k, v in sorted(vill.items()))
    return by_prog, by_vill
