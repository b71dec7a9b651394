"""Low-income population register (低收入人口, DOMAIN §8.1) and key groups for visits.

Pure rules, no database: the register's categories, the one review-date rule (with the
12-month validity of a 刚性支出困难 recognition), and which key group (重点群体) a person of
the register belongs to, from facts the register already holds (age, the 分类施保 categories
of :func:`reliefdesk.services.assessment.member_category`, relation, deaths in the family).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .months import add_months

__all__ = [
    "ADVANCED_AGE",
    "BEREAVED_PARENT_AGE",
    "CATEGORIES",
    "DUE_AHEAD_DAYS",
    "KEY_GROUPS",
    "REVIEW_MONTHS",
    "SOURCES",
    "VALIDITY_MONTHS",
    "MemberFacts",
    "is_due",
    "key_groups",
    "months_later",
    "review_date",
]

#: register categories (code → label). 低保边缘/刚性支出/防返贫 per DOMAIN §8.1; 支出型困难 is
#: the 临时救助 wording; the last three record how a household came on the register.
CATEGORIES: dict[str, str] = {
    "near_dibao": "低保边缘",
    "rigid_expense": "刚性支出困难",
    "poverty_monitoring": "防返贫监测户",
    "expenditure": "支出型困难",
    "finding": "比对发现",
    "visit": "走访发现",
    "exited_aid": "退出保障",
}
#: how an entry was made (code → label)
SOURCES: dict[str, str] = {
    "manual": "手工登记",
    "finding": "比对发现",
    "visit": "走访发现",
    "register": "退出保障转入",
}
#: months from entry (or the last review) to the next review. 刚性支出困难 is valid at most
#: 12 months and must then be applied for again [DOMAIN §8.1, V S7]; 防返贫 is compared every
#: quarter or half-year [§8.2, V S5]; the rest are the office's own rhythm [G, §8.3 rule 10].
REVIEW_MONTHS: dict[str, int] = {
    "near_dibao": 12,
    "rigid_expense": 12,
    "poverty_monitoring": 6,
    "expenditure": 6,
    "finding": 3,
    "visit": 3,
    "exited_aid": 6,
}
#: categories whose recognition expires: the review can never be later than this many months
#: after the day entered (认定) — 《刚性支出困难家庭认定办法》: 有效期不超过12个月.
VALIDITY_MONTHS: dict[str, int] = {"rigid_expense": 12}
RIGID_EXPENSE_RULE = "《刚性支出困难家庭认定办法》"
#: a review falling due within this many days is listed as due
DUE_AHEAD_DAYS = 30

#: key groups for 巡访/探访 (code → label), in the order a person is assigned to one
KEY_GROUPS: dict[str, str] = {
    "serious_illness": "重病",
    "severe_disability": "重残",
    "elderly_alone": "高龄独居",
    "bereaved_parent": "失独",
    "child_hardship": "困境儿童",
    "monitored": "监测户",
}
ADVANCED_AGE = 80  # 高龄: 80 full years and over (高龄津贴 age) [G]
BEREAVED_PARENT_AGE = 49  # 计划生育特别扶助: the mother has reached 49 [G]
ADULT_AGE = 18
WORKING_AGE_TO = 60
_PARENT_RELATIONS = ("head", "spouse")


def months_later(d: date, n: int) -> date:
    """The same day ``n`` months after ``d`` (the month's last day if it is shorter)."""
    first = add_months(d, n)
    return first.replace(day=min(d.day, calendar.monthrange(first.year, first.month)[1]))


def review_date(category: str, entered_on: date, requested: date | None = None) -> date:
    """The next review date of an entry made on ``entered_on``: ``requested`` if the clerk
    chose one, else the category's rhythm. A date on or before entry, or (刚性支出困难) past the
    validity, raises ``ValueError`` with a one-line Chinese message."""
    if category not in CATEGORIES:
        raise ValueError(f"未知的低收入人口类别：{category}")
    limit_months = VALIDITY_MONTHS.get(category)
    limit = months_later(entered_on, limit_months) if limit_months else None
    if requested is None:
        due = months_later(entered_on, REVIEW_MONTHS[category])
        return min(due, limit) if limit else due
    if requested <= entered_on:
        raise ValueError("下次复核日期须晚于纳入日期。")
    if limit is not None and requested > limit:
        raise ValueError(
            f"{CATEGORIES[category]}认定有效期不超过{limit_months}个月，"
            f"复核日期不能晚于 {limit.isoformat()}（依据：{RIGID_EXPENSE_RULE}）。"
        )
    return requested


def is_due(next_review: date, on: date) -> bool:
    """Whether a review is due on ``on`` (overdue, or within :data:`DUE_AHEAD_DAYS`)."""
    return next_review <= on + timedelta(days=DUE_AHEAD_DAYS)


@dataclass(frozen=True)
class MemberFacts:
    """What the register knows about one member, as of the plan month."""

    person_id: int
    age: int
    relation: str
    categories: tuple[str, ...]  # 分类施保 categories (severe_disability, serious_illness...)
    alive: bool = True
    counted: bool = True


def key_groups(
    member: MemberFacts, household: Sequence[MemberFacts], *, monitored: bool = False
) -> tuple[str, ...]:
    """The key groups ``member`` belongs to, in :data:`KEY_GROUPS` order (the first is the
    one a plan uses). ``household`` is every member of the household (the member included);
    ``monitored``: the household is a 防返贫监测户 on the register.

    - 重病 / 重残: the 分类施保 categories serious_illness / severe_disability;
    - 高龄独居: 80 or over and the only living, counted member;
    - 失独: head or spouse aged 49 or over, a child of the household has died and no child is
      alive;
    - 困境儿童: under 18 and seriously ill or severely disabled, or with no living adult under
      60 in the household (事实无人抚养);
    - 监测户: the head (or the first living member) of a monitored household.
    """
    if not member.alive:
        return ()
    living = [m for m in household if m.alive]
    groups: list[str] = []
    if "serious_illness" in member.categories:
        groups.append("serious_illness")
    if "severe_disability" in member.categories:
        groups.append("severe_disability")
    if member.age >= ADVANCED_AGE and [m for m in living if m.counted] == [member]:
        groups.append("elderly_alone")
    if (
        member.relation in _PARENT_RELATIONS
        and member.age >= BEREAVED_PARENT_AGE
        and any(m.relation == "child" and not m.alive for m in household)
        and not any(m.relation == "child" for m in living)
    ):
        groups.append("bereaved_parent")
    if member.age < ADULT_AGE and (
        "serious_illness" in member.categories
        or "severe_disability" in member.categories
        or not any(ADULT_AGE <= m.age < WORKING_AGE_TO for m in living)
    ):
        groups.append("child_hardship")
    if monitored:
        heads = [m for m in living if m.relation == "head"] or living[:1]
        if heads and heads[0] == member:
            groups.append("monitored")
    return tuple(groups)
