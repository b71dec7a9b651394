"""Low-income register rules: the review-date rule (刚性支出困难 valid 12 months) and who
belongs to which key group for visits."""

from __future__ import annotations

from datetime import date

import pytest

from reliefdesk.domain import low_income as li
from reliefdesk.domain.low_income import MemberFacts


def test_review_date_follows_the_category_rhythm() -> None:
    """Without a chosen date the review falls the category's months later, same day."""
    assert li.review_date("near_dibao", date(2026, 1, 31)) == date(2027, 1, 31)
    assert li.review_date("poverty_monitoring", date(2026, 8, 31)) == date(2027, 2, 28)
    assert li.review_date("finding", date(2026, 3, 15)) == date(2026, 6, 15)


def test_rigid_expense_review_cannot_pass_its_validity() -> None:
    """A 刚性支出困难 review later than 12 months after entry is refused, naming the rule;
    one within the validity is kept."""
    with pytest.raises(ValueError, match="刚性支出困难家庭认定办法"):
        li.review_date("rigid_expense", date(2026, 1, 10), date(2027, 1, 11))
    assert li.review_date("rigid_expense", date(2026, 1, 10), date(2027, 1, 10)) == date(
        2027, 1, 10
    )
    assert li.review_date("near_dibao", date(2026, 1, 10), date(2028, 1, 1)) == date(2028, 1, 1)


def test_review_on_or_before_entry_and_unknown_category_refused() -> None:
    """A review date not after the entry date, or an unknown category, is refused."""
    with pytest.raises(ValueError, match="晚于纳入日期"):
        li.review_date("near_dibao", date(2026, 1, 10), date(2026, 1, 10))
    with pytest.raises(ValueError):
        li.review_date("rich", date(2026, 1, 10))


def test_due_within_thirty_days() -> None:
    """A review is due when overdue or within 30 days, not before."""
    on = date(2026, 3, 1)
    assert li.is_due(date(2026, 2, 1), on) and li.is_due(date(2026, 3, 31), on)
    assert not li.is_due(date(2026, 4, 1), on)


def _m(
    pid: int, age: int, rel: str = "head", cats: tuple[str, ...] = (), **kw: bool
) -> MemberFacts:
    return MemberFacts(person_id=pid, age=age, relation=rel, categories=cats, **kw)


def test_key_groups_from_register_facts() -> None:
    """重病/重残 from the 分类施保 categories, 高龄独居 for 80+ alone, 失独 for parents whose
    only child died, 困境儿童 for a child without a working-age adult, 监测户 for the head."""
    sick = _m(1, 50, cats=("serious_illness", "severe_disability"))
    assert li.key_groups(sick, [sick]) == ("serious_illness", "severe_disability")
    old = _m(2, 82)
    assert li.key_groups(old, [old]) == ("elderly_alone",)
    assert li.key_groups(old, [old, _m(3, 55, "child")]) == ()
    father, mother = _m(4, 62), _m(5, 58, "spouse")
    dead_child = _m(6, 30, "child", alive=False)
    family = [father, mother, dead_child]
    assert li.key_groups(father, family) == ("bereaved_parent",)
    assert li.key_groups(father, [*family, _m(7, 20, "child")]) == ()
    grandma, child = _m(8, 70), _m(9, 10, "grandchild")
    assert li.key_groups(child, [grandma, child]) == ("child_hardship",)
    assert li.key_groups(child, [grandma, child, _m(10, 35, "child")]) == ()
    head, wife = _m(11, 40), _m(12, 40, "spouse")
    assert li.key_groups(head, [head, wife], monitored=True) == ("monitored",)
    assert li.key_groups(wife, [head, wife], monitored=True) == ()
    assert li.key_groups(dead_child, family) == ()
