"""Benefit assessment from the register and the policy in force (default Henan-like policy:
rural 441.00, urban 661.50 元, floor 20%, top-ups 10%/10%/20%/20%, single-person minimum 70%)."""

from __future__ import annotations

from datetime import date

import pytest
from test_casework_support import make_household

from reliefdesk.db.defaults import default_policy
from reliefdesk.models import Application, Asset, IncomeItem, Person
from reliefdesk.services import casework, policy
from reliefdesk.services.assessment import assess, member_category, tekun_eligibility
from reliefdesk.services.context import SYSTEM

D0 = date(2025, 3, 3)
ADULT = date(1985, 1, 1)


def _assess(db, actors, members, incomes=(), programme="rural_dibao", extra=(), hh_kw=None, **kw):
    hid, ids = make_household(db, members, incomes=list(incomes), **(hh_kw or {}))
    app = casework.create_application(db, actors["clerk"], hid, ids[0], programme, "困难", D0, **kw)
    with db.session() as s:
        for extra_row in extra:
            row = dict(extra_row)
            model = row.pop("model")
            if "person" in row:
                row["person_id"] = ids[row.pop("person")]
            s.add(model(household_id=hid, **row))
    with db.session() as s:
        return assess(s, s.get(Application, app.id))


def _set_policy(db, **changes):
    data = default_policy()
    data.update(changes)
    with db.session() as s:
        policy.save_policy(s, SYSTEM, date(2024, 1, 1), "测试政策", data)


def test_gap_counts_only_counted_members_and_income(db, actors):
    """(441 − 200) × 3 = 723.00: an excluded member and not-counted income are left out."""
    a = _assess(
        db,
        actors,
        [
            {"birth": ADULT},
            {"birth": ADULT},
            {"birth": date(2003, 1, 1)},
            {"birth": ADULT, "counted": False, "exclusion_reason": "prison"},
        ],
        incomes=[(0, 60000), (3, 100000)],
        extra=[
            {"model": IncomeItem, "category": "pension", "monthly_fen": 50000, "counted": False}
        ],
    )
    assert (a.amount_fen, a.persons, a.per_capita_income_fen, a.method) == (72300, 3, 20000, "gap")
    assert a.eligible and a.warnings == ()
    assert ("月低保金", "(441.00 − 200.00) × 3 = 723.00 元") in [
        (w.label_zh, w.value) for w in a.working_lines
    ]
    assert a.working_json()["lines"][0] == ["低保标准", "441.00 元/人·月"]


def test_floor_lifts_small_gap(db, actors):
    """A per-capita gap of 41.00 is below 20% of 441 and is paid as 88.20 × 3 = 264.60."""
    a = _assess(db, actors, [{"birth": ADULT}] * 3, incomes=[(0, 120000)])
    assert a.amount_fen == 26460


def test_urban_standard_used_for_urban_dibao(db, actors):
    """Urban dibao uses the urban standard: (661.50 − 0) × 1."""
    a = _assess(db, actors, [{"birth": ADULT}], programme="urban_dibao", hh_kw={"area": "urban"})
    assert a.amount_fen == 66150


def test_tier_method(db, actors):
    """分档: per-capita 200 ≤ 1/2 of 441 → 二档 70%: 441 × 70% × 3 = 926.10."""
    _set_policy(db, method="tier")
    a = _assess(db, actors, [{"birth": ADULT}] * 3, incomes=[(0, 60000)])
    assert (a.amount_fen, a.method) == (92610, "tier")


def test_income_above_standard_gives_zero_with_warning(db, actors):
    """Per-capita income above the standard: amount 0, not eligible, warning shown."""
    a = _assess(db, actors, [{"birth": ADULT}], incomes=[(0, 50000)])
    assert a.amount_fen == 0 and not a.eligible
    assert any("不低于低保标准" in w for w in a.warnings)


def test_classified_topups_highest_rate_per_member(db, actors):
    """分类施保: per-person 241 × (10% elderly + 10% minor + 20% elderly-and-ill) = 723 + 96.40."""
    a = _assess(
        db,
        actors,
        [
            {"birth": date(1950, 1, 1)},
            {"birth": date(2015, 1, 1)},
            {"birth": date(1945, 1, 1), "health": "serious"},
        ],
        incomes=[(None, 60000)],
    )
    assert a.topup_categories == ("elderly", "minor", "serious_illness")
    assert a.amount_fen == 72300 + 2410 + 2410 + 4820


def test_single_person_minimum_ratio(db, actors):
    """单人保: a severely disabled member with own income 300 gets max(141, 70% × 441) = 308.70,
    plus the 20% severe-disability top-up 61.74."""
    a = _assess(
        db,
        actors,
        [{"birth": ADULT, "disability_category": "肢体", "disability_level": 1}, {"birth": ADULT}],
        incomes=[(0, 30000), (1, 300000)],
        single_person=True,
        hh_kw={"near_dibao": True},
    )
    assert (a.method, a.persons) == ("single", 1)
    assert a.amount_fen == 30870 + 6174


def test_tekun_basic_plus_care_and_income_warning(db, actors):
    """Tekun: 1.3 × 441 + 全自理 care 90 = 663.30; own income ≥ standard warns."""
    six = dict.fromkeys(casework.SELF_CARE_ITEMS, True)
    a = _assess(
        db,
        actors,
        [{"birth": date(1950, 1, 1)}],
        incomes=[(0, 50000)],
        programme="tekun",
        self_care=six,
    )
    assert (a.amount_fen, a.method, a.persons) == (57330 + 9000, "tekun", 1)
    assert any("无生活来源" in w for w in a.warnings)


def test_temporary_aid_limits(db, actors):
    """Temporary aid = urban standard × persons × months; over the township limit warns, over the
    一事一议 threshold flags case-by-case."""
    a = _assess(
        db,
        actors,
        [{"birth": ADULT}] * 2,
        programme="temporary_aid",
        aid_type="emergency",
        aid_months=1,
        aid_persons=2,
    )
    assert a.amount_fen == 132300 and a.within_township_limit and a.warnings == ()
    _set_policy(db, temp_aid_case_by_case_fen=200000)
    b = _assess(
        db,
        actors,
        [{"birth": ADULT}] * 2,
        programme="temporary_aid",
        aid_type="expenditure",
        aid_months=3,
    )
    assert b.amount_fen == 66150 * 2 * 3
    assert not b.within_township_limit and b.needs_case_by_case and len(b.warnings) == 2


def test_asset_rules_warn_but_do_not_block(db, actors):
    """Configurable asset rules produce warnings; exempt assets are ignored; the amount stays."""
    _set_policy(
        db,
        asset_rules={
            "max_total_fen": {"deposit": 2000000},
            "max_count": {"car": 0},
            "per_capita_max_fen": 1000000,
        },
    )
    a = _assess(
        db,
        actors,
        [{"birth": ADULT}] * 2,
        incomes=[(0, 20000)],
        extra=[
            {"model": Asset, "kind": "deposit", "value_fen": 2500000},
            {"model": Asset, "kind": "car", "value_fen": 100, "exempt": True},
            {"model": Asset, "kind": "car", "value_fen": 100},
        ],
    )
    assert a.amount_fen == (44100 - 10000) * 2
    assert len(a.warnings) == 3


def test_near_relative_of_staff_warns(db, actors):
    """A near relative of staff triggers the 单独登记备案 / county-visit warning."""
    a = _assess(db, actors, [{"birth": ADULT, "near_relative_of_staff": True}])
    assert any("单独登记备案" in w for w in a.warnings)


@pytest.mark.parametrize(
    ("kw", "cats"),
    [
        ({"birth": date(1960, 3, 3)}, ["elderly"]),
        ({"birth": date(2007, 3, 4)}, ["minor"]),
        (
            {"birth": ADULT, "disability_category": "智力", "disability_level": 3},
            ["severe_disability"],
        ),
        ({"birth": ADULT, "disability_category": "肢体", "disability_level": 3}, []),
        ({"birth": ADULT, "health": "serious"}, ["serious_illness"]),
    ],
)
def test_member_categories(kw, cats):
    """Category boundaries: 60 on the birthday, under 18, level-3 only for intellectual/mental."""
    assert member_category(Person(birth_date=kw.pop("birth"), **kw), date(2025, 3, 3)) == cats


@pytest.mark.parametrize(
    ("kw", "ok"),
    [
        ({"birth_date": date(1965, 3, 3)}, True),
        ({"birth_date": date(2009, 3, 4)}, True),
        ({"birth_date": date(2009, 3, 3)}, False),
        ({"birth_date": ADULT, "disability_category": "精神", "disability_level": 3}, True),
        ({"birth_date": ADULT, "disability_category": "肢体", "disability_level": 3}, False),
        ({"birth_date": ADULT, "disability_category": "视力", "disability_level": 1}, True),
        ({"birth_date": ADULT, "disability_category": "视力", "disability_level": 2}, False),
    ],
)
def test_tekun_incapacity_grounds(kw, ok):
    """Tekun §3.1: ≥ 60, under 16, intellectual/mental 1–3, physical 1–2, visual 1."""
    assert (tekun_eligibility(Person(**kw), date(2025, 3, 3)) is not None) == ok
