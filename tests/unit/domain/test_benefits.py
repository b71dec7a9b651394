"""Tests for reliefdesk.domain.benefits: dibao, 分类施保, 渐退, tekun and temporary aid."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliefdesk.domain.benefits import (
    SelfCare,
    TempAidAmount,
    Tier,
    WorkingLine,
    care_tier,
    classified_topups,
    dibao_gap,
    dibao_tier,
    per_capita_income,
    phase_out,
    single_person,
    tekun,
    temporary_aid,
)
from reliefdesk.errors import RuleViolation, ValidationError

TIERS = [
    Tier("三档", Fraction(1), Fraction(1, 2)),
    Tier("一档", Fraction(3, 10), Fraction(1)),
    Tier("二档", Fraction(3, 5), Fraction(4, 5)),
]
CARE = {SelfCare.FULL: 9000, SelfCare.PARTIAL: 18000, SelfCare.NONE: 36000}


def test_worked_example() -> None:
    """DOMAIN §2.13: rural standard 441, family of 3, income 600 → 723.00 元 with its working."""
    pci = per_capita_income(60000, 3)
    assert pci == 20000
    amount = dibao_gap(44100, pci, 3)
    assert amount.fen == 72300 and amount.eligible and amount.yuan == "723.00"
    assert amount.working == (
        WorkingLine("低保标准", "441.00 元/人·月"),
        WorkingLine("家庭月人均收入", "200.00 元"),
        WorkingLine("保障人数", "3"),
        WorkingLine("月低保金", "(441.00 − 200.00) × 3 = 723.00 元"),
    )


def test_per_capita_rounds_half_up() -> None:
    """Per-capita income rounds half-up to the fen; bad inputs are refused."""
    assert per_capita_income(100, 3) == 33
    assert per_capita_income(5, 2) == 3
    with pytest.raises(ValidationError):
        per_capita_income(100, 0)
    with pytest.raises(ValidationError):
        per_capita_income(-1, 1)


def test_gap_floor() -> None:
    """With a 20% floor a per-person gap of 41.00 is lifted to 88.20 (× 3 = 264.60)."""
    amount = dibao_gap(44100, 40000, 3, Fraction(1, 5))
    assert amount.fen == 26460
    assert amount.working[-1] == WorkingLine("月低保金", "441.00 × 20% × 3 = 264.60 元")
    assert dibao_gap(44100, 20000, 3, Fraction(1, 5)).fen == 72300  # floor not reached


def test_gap_floor_rounds_once() -> None:
    """A fractional-fen floor is rounded once for the household, not per person."""
    # 441.03 × 20% = 88.206 per person; × 3 = 264.618 → 264.62 (per-person rounding gives 264.63)
    assert dibao_gap(44103, 44000, 3, Fraction(1, 5)).fen == 26462


def test_gap_not_eligible() -> None:
    """Per-capita income at or above the standard gives 0, eligible=False, with a reason line."""
    for pci in (44100, 50000):
        amount = dibao_gap(44100, pci, 3, Fraction(1, 5))
        assert amount.fen == 0 and not amount.eligible
        assert amount.working[-1].label_zh == "结论"


@pytest.mark.parametrize(("standard", "pci", "persons"), [(0, 0, 1), (44100, -1, 1), (44100, 0, 0)])
def test_gap_refuses_bad_input(standard: int, pci: int, persons: int) -> None:
    """Zero standard, negative income and zero persons raise ValidationError."""
    with pytest.raises(ValidationError):
        dibao_gap(standard, pci, persons)


@given(
    st.integers(1, 200_000),
    st.integers(0, 300_000),
    st.integers(0, 300_000),
    st.integers(1, 10),
    st.sampled_from([None, Fraction(1, 5), Fraction(3, 10)]),
)
def test_gap_nonnegative_and_monotone(
    standard: int, a: int, b: int, persons: int, floor: Fraction | None
) -> None:
    """The gap amount is ≥ 0 and never rises when per-capita income rises."""
    lo, hi = min(a, b), max(a, b)
    x, y = dibao_gap(standard, lo, persons, floor), dibao_gap(standard, hi, persons, floor)
    assert x.fen >= 0 and y.fen >= 0
    assert x.fen >= y.fen
    assert x.fen <= standard * persons


def test_tier_selection() -> None:
    """Tiers are chosen by per-capita income / standard with inclusive upper bounds."""
    assert dibao_tier(44100, TIERS, 0, 3).fen == 132300  # 一档 100%
    assert dibao_tier(44100, TIERS, 13230, 3).fen == 132300  # exactly 30% → 一档
    assert dibao_tier(44100, TIERS, 13231, 3).fen == 105840  # 二档 80%
    assert dibao_tier(44100, TIERS, 44099, 1).fen == 22050  # 三档 50%, 220.50
    amount = dibao_tier(44100, TIERS, 44100, 3)
    assert amount.fen == 0 and not amount.eligible


def test_tier_gap_in_policy_is_loud() -> None:
    """Tiers that do not reach the standard raise RuleViolation; no tiers is a ValidationError."""
    with pytest.raises(RuleViolation) as exc:
        dibao_tier(44100, [Tier("一档", Fraction(1, 2), Fraction(1))], 30000, 1)
    assert exc.value.code == "benefit.tier_gap"
    with pytest.raises(ValidationError):
        dibao_tier(44100, [], 0, 1)


def test_single_person_minimum() -> None:
    """单人保 pays the person's gap but at least min_ratio × standard, even above the standard."""
    assert single_person(44100, 10000, Fraction(7, 10)).fen == 34100
    assert single_person(44100, 30000, Fraction(7, 10)).fen == 30870
    assert single_person(44100, 60000, Fraction(7, 10)).fen == 30870


def test_classified_topups() -> None:
    """Each member gets rate × the per-person subsidy; the household total is rounded once."""
    rates = {"elderly": Fraction(3, 10), "minor": Fraction(1, 5)}
    amount = classified_topups(24100, ["elderly", "minor", "elderly"], rates)
    assert amount.fen == 7230 * 2 + 4820
    assert classified_topups(24100, [], rates).fen == 0
    assert classified_topups(3, ["elderly", "elderly"], rates).fen == 2  # 0.9 + 0.9 = 1.8 → 2
    with pytest.raises(ValidationError) as exc:
        classified_topups(24100, ["severe_disability"], rates)
    assert exc.value.code == "benefit.category"


def test_phase_out_schedule() -> None:
    """渐退 follows the schedule month by month and stops (eligible=False) after its end."""
    schedule = (1, 1, Fraction(4, 5), Fraction(4, 5), Fraction(3, 5), Fraction(3, 5))
    got = [phase_out(72300, i, schedule).fen for i in range(7)]
    assert got == [72300, 72300, 57840, 57840, 43380, 43380, 0]
    assert not phase_out(72300, 6, schedule).eligible
    with pytest.raises(ValidationError):
        phase_out(72300, -1, schedule)
    with pytest.raises(ValidationError):
        phase_out(72300, 0, (Fraction(6, 5),))


def test_care_tier() -> None:
    """All six achieved → 全自理; 1–3 not achieved → 半失能; 4 or more → 全失能."""
    assert care_tier(True, True, True, True, True, True) is SelfCare.FULL
    assert care_tier(False, True, True, True, True, True) is SelfCare.PARTIAL
    assert care_tier(False, False, False, True, True, True) is SelfCare.PARTIAL
    assert care_tier(False, False, False, False, True, True) is SelfCare.NONE
    assert care_tier(False, False, False, False, False, False) is SelfCare.NONE
    assert SelfCare.PARTIAL.label_zh == "半失能" and SelfCare.NONE == "none"


def test_tekun_example() -> None:
    """Rural 441 → basic 573.30; plus Pingdingshan-style care 90/180/360."""
    assert tekun(44100, Fraction(13, 10), CARE, SelfCare.FULL).fen == 57330 + 9000
    assert tekun(44100, Fraction(13, 10), CARE, SelfCare.NONE).fen == 57330 + 36000
    amount = tekun(44100, Fraction(13, 10), CARE, SelfCare.PARTIAL)
    assert amount.working[-1] == WorkingLine("月供养金", "573.30 + 180.00 = 753.30 元")


def test_tekun_override_and_refusals() -> None:
    """A higher local basic standard wins; a ratio below 1.3 or a missing care tier is refused."""
    assert (
        tekun(44100, Fraction(13, 10), CARE, SelfCare.FULL, basic_override_fen=60000).fen == 69000
    )
    assert (
        tekun(44100, Fraction(13, 10), CARE, SelfCare.FULL, basic_override_fen=50000).fen == 66330
    )
    with pytest.raises(RuleViolation) as exc:
        tekun(44100, Fraction(6, 5), CARE, SelfCare.FULL)
    assert exc.value.code == "tekun.basic_ratio" and exc.value.rule
    with pytest.raises(ValidationError):
        tekun(44100, Fraction(13, 10), {SelfCare.FULL: 9000}, SelfCare.NONE)


def test_temporary_aid() -> None:
    """Amount = standard × persons × months; limit and 一事一议 flags; max months enforced."""
    amount = temporary_aid(44100, 3, 2, township_limit_fen=3 * 44100, max_months=6)
    assert isinstance(amount, TempAidAmount)
    assert amount.fen == 264600
    assert not amount.within_township_limit and not amount.needs_case_by_case
    small = temporary_aid(44100, 1, 1, township_limit_fen=3 * 44100, max_months=None)
    assert small.within_township_limit
    big = temporary_aid(44100, 5, 6, None, 6, case_by_case_threshold_fen=1_000_000)
    assert big.within_township_limit and big.needs_case_by_case
    with pytest.raises(RuleViolation):
        temporary_aid(44100, 1, 7, None, 6)
    with pytest.raises(ValidationError):
        temporary_aid(44100, 1, 0, None, None)


@given(st.integers(1, 200_000), st.integers(0, 1_000_000), st.integers(1, 8))
def test_gap_is_rounded_once_per_household(standard: int, income: int, persons: int) -> None:
    """With the exact per-capita income the gap amount is standard × persons − income, rounded
    once (never the sum of per-person roundings)."""
    from reliefdesk.domain.benefits import per_capita_exact

    result = dibao_gap(standard, per_capita_exact(income, persons), persons)
    assert result.fen == max(standard * persons - income, 0) or not result.eligible


@given(st.integers(1, 500_000), st.sampled_from([Fraction(13, 10), Fraction(3, 2), Fraction(7, 5)]))
def test_tekun_basic_never_below_the_ratio(standard: int, ratio: Fraction) -> None:
    """基本生活标准 is at least ratio × standard and less than one fen above it."""
    from reliefdesk.domain.benefits import tekun_basic_fen

    basic = tekun_basic_fen(standard, ratio)
    assert ratio * standard <= basic < ratio * standard + 1


def test_net_income_subtracts_transfers_out_only() -> None:
    """转移性支出 is subtracted; every other counted category is added."""
    from reliefdesk.domain.benefits import net_monthly_income

    items = [("wage", 60000), ("transfer_in", 20000), ("transfer_out", 30000)]
    assert net_monthly_income(items) == 50000
