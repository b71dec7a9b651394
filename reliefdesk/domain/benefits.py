"""Benefit calculators: 低保金 (dibao), 特困供养金 (tekun), 临时救助金 (temporary aid).

Conventions (DOMAIN §2.13, §2.4, §2.15, §3.4, §3.5, §4.3):

* All money is ``int`` fen (分). Standards are monthly amounts per person.
* All ratios and percentages are :class:`fractions.Fraction` (``Fraction(1, 5)`` = 20%,
  ``Fraction(13, 10)`` = 1.3 ×); ints and Decimals are accepted and converted exactly.
* Arithmetic is exact; the result is **rounded once, half-up, per household per month**.
* Every result is an :class:`Amount` carrying the working lines (label, value) that produced
  it, printed on approval forms, and the formula in words. ``eligible=False`` marks a result of
  0 because a condition is not met (the reason is the last working line).
* Policy figures (standards, floors, tiers, rates, schedules) come from the caller's policy
  tables; nothing here hard-codes a local figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from reliefdesk.domain.benefit_text import (
    Ratio,
    as_ratio,
    check_nonneg,
    check_persons,
    check_standard,
    money_exact,
    pct_text,
    ratio_text,
    yuan,
)
from reliefdesk.domain.money import fen_to_yuan, round_half_up
from reliefdesk.errors import RuleViolation, ValidationError

__all__ = [
    "CATEGORY_LABELS",
    "TEKUN_MIN_BASIC_RATIO",
    "Amount",
    "SelfCare",
    "TempAidAmount",
    "Tier",
    "WorkingLine",
    "care_tier",
    "classified_topups",
    "dibao_gap",
    "dibao_tier",
    "net_monthly_income",
    "per_capita_exact",
    "per_capita_income",
    "phase_out",
    "single_person",
    "tekun",
    "tekun_basic_fen",
    "temporary_aid",
]

#: A per-capita income: whole fen, or the exact quotient total ÷ persons (not rounded, §2.13).
Income = int | Fraction

#: Income category of 转移性支出 (support paid to others, contributions): it is subtracted.
TRANSFER_OUT = "transfer_out"

#: 基本生活标准 ≥ 1.3 × 当地低保标准 (《河南省特困人员救助供养办法》第二十六条).
TEKUN_MIN_BASIC_RATIO = Fraction(13, 10)

#: Chinese labels of the usual 分类施保 categories (other names are shown as given).
CATEGORY_LABELS: dict[str, str] = {
    "elderly": "老年人",
    "minor": "未成年人",
    "severe_disability": "重度残疾人",
    "serious_illness": "重病患者",
}


@dataclass(frozen=True)
class WorkingLine:
    """One printed line of the calculation, e.g. ("低保标准", "441.00 元/人·月")."""

    label_zh: str
    value: str


@dataclass(frozen=True)
class Amount:
    """A monthly amount in fen with the working that produced it."""

    fen: int
    working: tuple[WorkingLine, ...]
    formula: str
    eligible: bool = True

    @property
    def yuan(self) -> str:
        """The amount as "723.00"."""
        return fen_to_yuan(self.fen)


@dataclass(frozen=True)
class TempAidAmount(Amount):
    """A temporary-aid amount plus the approval routing it implies.

    ``within_township_limit``: the township may approve it itself (under the delegated limit).
    ``needs_case_by_case``: above the 一事一议 threshold, the county's coordination mechanism
    decides.
    """

    within_township_limit: bool = True
    needs_case_by_case: bool = False


@dataclass(frozen=True)
class Tier:
    """A 分档 tier: applies when per-capita income ≤ ``max_per_capita_income_ratio`` × standard;
    pays ``payment_ratio`` × standard per person."""

    name: str
    max_per_capita_income_ratio: Fraction
    payment_ratio: Fraction


class SelfCare(StrEnum):
    """生活自理能力 tier from the six-indicator assessment (DOMAIN §3.4).

    Values are stable storage codes; ``label_zh`` is the printed name.
    """

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"

    @property
    def label_zh(self) -> str:
        return _SELF_CARE_LABELS[self]


_SELF_CARE_LABELS = {
    SelfCare.FULL: "全自理",
    SelfCare.PARTIAL: "半失能",
    SelfCare.NONE: "全失能",
}


# ----------------------------------------------------------------------------- dibao


def net_monthly_income(items: Iterable[tuple[str, int]]) -> int:
    """家庭月收入 of the counted items ``(category, monthly_fen)`` (DOMAIN §2.7): transfers out
    (转移性支出: support paid to others, taxes, contributions) are subtracted, everything else
    added; never below 0. The ONE income rule: assessment, register, wizard and roster basis
    all come through here (via ``services.register.money.household_income_in``)."""
    total = 0
    for category, fen in items:
        check_nonneg(fen, "收入金额", "monthly_fen")
        total += -fen if category == TRANSFER_OUT else fen
    return max(total, 0)


def per_capita_exact(total_monthly_income_fen: int, persons_counted: int) -> Fraction:
    """家庭月人均收入, exact (total ÷ counted members): what the calculators take, so that the
    household's amount is rounded once, at the end (DOMAIN §2.13)."""
    check_nonneg(total_monthly_income_fen, "家庭月收入", "income")
    check_persons(persons_counted, "共同生活的家庭成员人数")
    return Fraction(total_monthly_income_fen, persons_counted)


def per_capita_income(total_monthly_income_fen: int, persons_counted: int) -> int:
    """家庭月人均收入 for display: total ÷ counted members, rounded half-up to the fen.

    ``persons_counted`` are the 共同生活的家庭成员 (DOMAIN §2.3), excluded members left out.
    Never feed this rounded figure into a calculator; pass :func:`per_capita_exact`.
    """
    return round_half_up(per_capita_exact(total_monthly_income_fen, persons_counted))


def _pci(value: Income, what: str = "家庭月人均收入") -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
        raise TypeError(f"{what}: must be int fen or Fraction")
    frac = Fraction(value)
    if frac < 0:
        raise ValidationError(
            f"{what}不能为负数", code="benefit.negative", field="per_capita_income", value=str(frac)
        )
    return frac


def _pci_text(value: Fraction) -> str:
    return money_exact(value)


def _dibao_head(
    standard_fen: int, per_capita_income_fen: Fraction, persons: int
) -> list[WorkingLine]:
    return [
        WorkingLine("低保标准", f"{yuan(standard_fen)} 元/人·月"),
        WorkingLine("家庭月人均收入", f"{_pci_text(per_capita_income_fen)} 元"),
        WorkingLine("保障人数", str(persons)),
    ]


def _not_eligible(lines: list[WorkingLine], formula: str, standard_fen: int) -> Amount:
    lines.append(
        WorkingLine("结论", f"家庭月人均收入不低于低保标准 {yuan(standard_fen)} 元，不符合低保条件")
    )
    return Amount(0, tuple(lines), formula, eligible=False)


def dibao_gap(
    standard_fen: int,
    per_capita_income_fen: Income,
    persons: int,
    floor_ratio: Ratio | None = None,
) -> Amount:
    """补差 method: (standard − per-capita income) × persons (DOMAIN §2.13).

    With ``floor_ratio`` (e.g. 1/5), a per-person gap below floor × standard is lifted to it
    ("差额低于当地低保标准20%的，按照低保标准的20%计算"). Per-capita income ≥ standard gives 0
    with ``eligible=False``. ``per_capita_income_fen`` may be the exact quotient (a Fraction):
    the household amount is rounded once, at the end (1000 元 ÷ 3, standard 441 → 323.00).
    """
    check_standard(standard_fen)
    pci = _pci(per_capita_income_fen)
    check_persons(persons)
    formula = "(低保标准 − 家庭月人均收入) × 保障人数"
    lines = _dibao_head(standard_fen, pci, persons)
    if pci >= standard_fen:
        return _not_eligible(lines, formula, standard_fen)
    gap = standard_fen - pci
    if floor_ratio is not None:
        floor = as_ratio(floor_ratio, "保底比例")
        floor_fen = floor * standard_fen
        lines.append(
            WorkingLine(
                "保底标准",
                f"{yuan(standard_fen)} × {pct_text(floor)} = {money_exact(floor_fen)} 元/人·月",
            )
        )
        if gap < floor_fen:
            total = round_half_up(floor_fen * persons)
            lines.append(
                WorkingLine("人均差额", f"{money_exact(gap)} 元，低于保底标准，按保底计算")
            )
            lines.append(
                WorkingLine(
                    "月低保金",
                    f"{yuan(standard_fen)} × {pct_text(floor)} × {persons} = {yuan(total)} 元",
                )
            )
            return Amount(total, tuple(lines), "低保标准 × 保底比例 × 保障人数")
    total = round_half_up(gap * persons)
    lines.append(
        WorkingLine(
            "月低保金",
            f"({yuan(standard_fen)} − {_pci_text(pci)}) × {persons} = {yuan(total)} 元",
        )
    )
    return Amount(total, tuple(lines), formula)


def dibao_tier(
    standard_fen: int,
    tiers: Sequence[Tier],
    per_capita_income_fen: Income,
    persons: int,
) -> Amount:
    """分档 method: the first tier (by ascending income bound) whose bound the family meets
    (per-capita income ≤ bound × standard) pays payment_ratio × standard per person.

    Per-capita income ≥ standard gives 0 with ``eligible=False``. A policy whose tiers leave a gap
    below the standard raises ``RuleViolation`` (a configuration error must not deny silently).
    """
    check_standard(standard_fen)
    pci = _pci(per_capita_income_fen)
    check_persons(persons)
    if not tiers:
        raise ValidationError("未设置低保分档标准", code="benefit.tiers")
    formula = "低保标准 × 档次发放比例 × 保障人数"
    lines = _dibao_head(standard_fen, pci, persons)
    if pci >= standard_fen:
        return _not_eligible(lines, formula, standard_fen)
    ordered = sorted(tiers, key=lambda t: as_ratio(t.max_per_capita_income_ratio, "分档收入上限"))
    chosen: Tier | None = None
    for tier in ordered:
        bound = Fraction(tier.max_per_capita_income_ratio) * standard_fen
        if pci <= bound:
            chosen = tier
            break
    if chosen is None:
        raise RuleViolation(
            f"家庭月人均收入 {_pci_text(pci)} 元不属于任何低保档次，请检查分档设置",
            code="benefit.tier_gap",
            rule="低保分档标准",
        )
    pay = as_ratio(chosen.payment_ratio, "档次发放比例")
    bound_ratio = Fraction(chosen.max_per_capita_income_ratio)
    total = round_half_up(pay * standard_fen * persons)
    lines.append(
        WorkingLine(
            "适用档次",
            f"{chosen.name}（人均收入不高于标准的 {pct_text(bound_ratio)}，按 {pct_text(pay)} 发放）",
        )
    )
    lines.append(
        WorkingLine(
            "月低保金", f"{yuan(standard_fen)} × {pct_text(pay)} × {persons} = {yuan(total)} 元"
        )
    )
    return Amount(total, tuple(lines), formula)


def single_person(standard_fen: int, per_capita_income_fen: Income, min_ratio: Ratio) -> Amount:
    """单人保 / 单人户 (DOMAIN §2.4): one person's gap, but at least ``min_ratio`` × standard.

    ``per_capita_income_fen`` is the income attributed to the person under local rules. The
    person's eligibility is decided elsewhere (a 低保边缘家庭 member may have income above the
    standard), so the gap is floored at 0 and then lifted to the minimum.
    """
    check_standard(standard_fen)
    pci = _pci(per_capita_income_fen, "人均收入")
    ratio = as_ratio(min_ratio, "单人保最低比例")
    minimum = ratio * standard_fen
    gap = max(standard_fen - pci, Fraction(0))
    lines = [
        WorkingLine("低保标准", f"{yuan(standard_fen)} 元/人·月"),
        WorkingLine("月人均收入", f"{_pci_text(pci)} 元"),
        WorkingLine("保障人数", "1（单独纳入）"),
        WorkingLine(
            "最低发放", f"{yuan(standard_fen)} × {pct_text(ratio)} = {money_exact(minimum)} 元"
        ),
    ]
    if gap >= minimum:
        total = round_half_up(gap)
        lines.append(
            WorkingLine(
                "月低保金",
                f"{yuan(standard_fen)} − {_pci_text(pci)} = {yuan(total)} 元",
            )
        )
    else:
        total = round_half_up(minimum)
        lines.append(
            WorkingLine(
                "月低保金",
                f"差额低于最低发放，按 {yuan(standard_fen)} × {pct_text(ratio)} = {yuan(total)} 元",
            )
        )
    return Amount(total, tuple(lines), "max(低保标准 − 人均收入, 低保标准 × 最低比例)")


def classified_topups(
    base_per_person_fen: int,
    categories: Sequence[str],
    rates: Mapping[str, Ratio],
) -> Amount:
    """分类施保: each eligible member gets rate × the per-person subsidy (DOMAIN §2.13).

    ``categories`` has one entry per eligible member (the member's applicable category; if a
    member fits several, local rules pick one, usually the highest rate). Unknown categories
    raise ``ValidationError``. An empty list gives 0.
    """
    check_nonneg(base_per_person_fen, "人均补差金额", "base_per_person")
    counts: dict[str, int] = {}
    for cat in categories:
        if cat not in rates:
            raise ValidationError(
                f"未设置分类施保类别“{CATEGORY_LABELS.get(cat, cat)}”的增发比例",
                code="benefit.category",
                category=cat,
            )
        counts[cat] = counts.get(cat, 0) + 1
    lines = [WorkingLine("人均补差金额", f"{yuan(base_per_person_fen)} 元")]
    total_exact = Fraction(0)
    for cat, n in counts.items():
        rate = as_ratio(rates[cat], "分类施保比例")
        part = rate * base_per_person_fen * n
        total_exact += part
        lines.append(
            WorkingLine(
                f"分类施保（{CATEGORY_LABELS.get(cat, cat)}）",
                f"{n} 人 × {yuan(base_per_person_fen)} × {pct_text(rate)} = {money_exact(part)} 元",
            )
        )
    total = round_half_up(total_exact)
    lines.append(WorkingLine("分类施保增发合计", f"{yuan(total)} 元"))
    return Amount(total, tuple(lines), "Σ 人均补差金额 × 类别增发比例")


def phase_out(amount_fen: int, month_index: int, schedule: Sequence[Ratio]) -> Amount:
    """渐退 (DOMAIN §2.15): the amount × ``schedule[month_index]``.

    ``month_index`` is 0-based (0 = first month of the phase-out period), e.g. schedule
    (1, 1, 4/5, 4/5, 3/5, 3/5). Past the end of the schedule the amount is 0, ``eligible=False``.
    """
    check_nonneg(amount_fen, "低保金", "amount")
    if month_index < 0:
        raise ValidationError("渐退月份序号不能为负数", code="benefit.month_index")
    ratios = [as_ratio(r, "渐退比例") for r in schedule]
    for r in ratios:
        if r > 1:
            raise ValidationError("渐退比例不能超过 100%", code="benefit.ratio", value=str(r))
    formula = "原低保金 × 渐退比例"
    lines = [
        WorkingLine("原月低保金", f"{yuan(amount_fen)} 元"),
        WorkingLine("渐退期", f"{len(ratios)} 个月"),
    ]
    if month_index >= len(ratios):
        lines.append(WorkingLine("结论", f"渐退期（{len(ratios)} 个月）已满，停发"))
        return Amount(0, tuple(lines), formula, eligible=False)
    ratio = ratios[month_index]
    total = round_half_up(ratio * amount_fen)
    lines.append(WorkingLine("渐退月份", f"第 {month_index + 1} 个月，按 {pct_text(ratio)} 发放"))
    lines.append(
        WorkingLine("本月低保金", f"{yuan(amount_fen)} × {pct_text(ratio)} = {yuan(total)} 元")
    )
    return Amount(total, tuple(lines), formula)


# ----------------------------------------------------------------------------- tekun


def care_tier(
    eating: bool,
    dressing: bool,
    bed_transfer: bool,
    toileting: bool,
    indoor_walking: bool,
    bathing: bool,
) -> SelfCare:
    """Six indicators (True = can do it unaided) → tier: all → FULL; 1–3 not → PARTIAL;
    ≥ 4 not → NONE (DOMAIN §3.4)."""
    missing = [eating, dressing, bed_transfer, toileting, indoor_walking, bathing].count(False)
    if missing == 0:
        return SelfCare.FULL
    if missing <= 3:
        return SelfCare.PARTIAL
    return SelfCare.NONE


def tekun_basic_fen(dibao_standard_fen: int, basic_ratio: Ratio) -> int:
    """基本生活标准 = ratio × 低保标准, rounded UP to the fen: the rule says "不低于 1.3 倍"
    (not lower than), so a fraction of a fen is never rounded away (441.17 × 1.3 = 573.521 →
    573.53)."""
    exact = as_ratio(basic_ratio, "基本生活标准倍数") * dibao_standard_fen
    return -((-exact.numerator) // exact.denominator)


def tekun(
    dibao_standard_fen: int,
    basic_ratio: Ratio,
    care_fen_by_tier: Mapping[SelfCare, int],
    tier: SelfCare,
    basic_override_fen: int | None = None,
) -> Amount:
    """特困供养金 = 基本生活标准 + 照料护理标准[tier] (DOMAIN §3.5).

    基本生活标准 = max(:func:`tekun_basic_fen`, basic_override_fen). ``basic_ratio`` below
    1.3 raises ``RuleViolation`` (Henan rule: at least 1.3 × the local dibao standard).
    """
    check_standard(dibao_standard_fen)
    ratio = as_ratio(basic_ratio, "基本生活标准倍数")
    if ratio < TEKUN_MIN_BASIC_RATIO:
        raise RuleViolation(
            f"特困人员基本生活标准不得低于低保标准的 1.3 倍（当前设置为 {ratio_text(ratio)} 倍）",
            code="tekun.basic_ratio",
            rule="《河南省特困人员救助供养办法》第二十六条",
            ratio=str(ratio),
        )
    if tier not in care_fen_by_tier:
        raise ValidationError(
            f"未设置“{SelfCare(tier).label_zh}”的照料护理标准",
            code="tekun.care_tier",
            tier=str(tier),
        )
    care = care_fen_by_tier[tier]
    check_nonneg(care, "照料护理标准", "care")
    computed = tekun_basic_fen(dibao_standard_fen, ratio)
    lines = [
        WorkingLine("低保标准", f"{yuan(dibao_standard_fen)} 元/人·月"),
        WorkingLine(
            "基本生活标准",
            f"{yuan(dibao_standard_fen)} × {ratio_text(ratio)} = {yuan(computed)} 元",
        ),
    ]
    basic = computed
    if basic_override_fen is not None:
        check_nonneg(basic_override_fen, "基本生活标准", "basic_override")
        if basic_override_fen > computed:
            basic = basic_override_fen
            lines.append(WorkingLine("基本生活标准（本地标准）", f"{yuan(basic)} 元"))
    lines.append(WorkingLine("生活自理能力", SelfCare(tier).label_zh))
    lines.append(WorkingLine("照料护理标准", f"{yuan(care)} 元"))
    total = basic + care
    lines.append(WorkingLine("月供养金", f"{yuan(basic)} + {yuan(care)} = {yuan(total)} 元"))
    return Amount(total, tuple(lines), "基本生活标准 + 照料护理标准")


# ----------------------------------------------------------------------------- temporary aid


def temporary_aid(
    standard_fen: int,
    persons: int,
    months: int,
    township_limit_fen: int | None,
    max_months: int | None,
    case_by_case_threshold_fen: int | None = None,
) -> TempAidAmount:
    """临时救助金 = 低保月标准 × 救助人数 × 困难持续月数 (DOMAIN §4.3).

    ``months`` above ``max_months`` raises ``RuleViolation``. ``township_limit_fen`` (None = no
    delegation configured, treated as within) sets ``within_township_limit``; an amount above
    ``case_by_case_threshold_fen`` sets ``needs_case_by_case`` (一事一议).
    """
    check_standard(standard_fen)
    check_persons(persons, "救助人数")
    if months < 1:
        raise ValidationError("救助月数至少为 1 个月", code="temp_aid.months", value=months)
    if max_months is not None and months > max_months:
        raise RuleViolation(
            f"救助月数 {months} 个月超过上限 {max_months} 个月",
            code="temp_aid.max_months",
            rule="临时救助标准",
            months=months,
            max_months=max_months,
        )
    total = standard_fen * persons * months
    lines = [
        WorkingLine("低保标准", f"{yuan(standard_fen)} 元/人·月"),
        WorkingLine("救助人数", str(persons)),
        WorkingLine("困难持续月数", str(months)),
        WorkingLine(
            "临时救助金", f"{yuan(standard_fen)} × {persons} × {months} = {yuan(total)} 元"
        ),
    ]
    within = township_limit_fen is None or total <= township_limit_fen
    if township_limit_fen is not None:
        verdict = "乡镇可审批" if within else "超出乡镇审批权限，报县级审批"
        lines.append(WorkingLine("乡镇审批限额", f"{yuan(township_limit_fen)} 元（{verdict}）"))
    case_by_case = case_by_case_threshold_fen is not None and total > case_by_case_threshold_fen
    if case_by_case:
        lines.append(
            WorkingLine("一事一议", f"超过 {yuan(case_by_case_threshold_fen or 0)} 元，需一事一议")
        )
    return TempAidAmount(
        total,
        tuple(lines),
        "低保标准 × 救助人数 × 困难持续月数",
        within_township_limit=within,
        needs_case_by_case=case_by_case,
    )
