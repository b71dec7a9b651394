"""Demo office: a few households on the low-income register (低收入人口) and this month's
key-group visit plan for two villages, half of it visited, so the monitoring page is not
empty on first launch.

Called once from the demo generator (one-line hook) inside its transaction. Rows are written
directly (the demo records one ``demo.generate`` audit event for everything); the dates and
review dates come from the same rules the services use. Cost: a few small queries, also at
40,000 households (the plan is proposed for two villages only).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import low_income as rules
from ..domain.months import month_start
from ..models import (
    Enrollment,
    Household,
    LowIncomeEntry,
    PatrolPlan,
    PatrolPlanItem,
    PatrolVisit,
)
from ..services.low_income import propose_in
from ..services.low_income.entries import RECIPIENT_STATUSES

__all__ = ["seed_monitoring"]

WHO = "演示数据"
_ENTRIES = (
    ("near_dibao", "人均收入低于当地低保标准1.5倍", 300),
    ("rigid_expense", "近12个月自付医疗费用超过家庭总收入", 350),
    ("poverty_monitoring", "乡村振兴部门防返贫监测对象（边缘易致贫户）", 170),
    ("expenditure", "子女大学学费支出大，家庭收支困难", 60),
    ("finding", "医保数据比对：个人自付费用较高", 100),
    ("visit", "巡访中发现独居老人生活困难", 20),
    ("near_dibao", "家庭成员重度残疾，收入低", 200),
    ("rigid_expense", "长期透析治疗支出", 40),
)
_NEEDS = (
    ("冬季取暖困难", "送去棉被一床，协调临时救助", True),
    ("门诊慢病报销不清楚", "讲解医保慢病政策，协助办理", True),
    ("", "了解近况，生活基本稳定", False),
    ("房屋漏雨", "已报镇村建办，待维修", False),
    ("缺少生活用品", "送去米面油", True),
)
_PLAN_VILLAGES = 2
_PLAN_PEOPLE = 12


def _free_households(s: Session, limit: int) -> list[int]:
    receiving = select(Enrollment.household_id).where(Enrollment.status.in_(RECIPIENT_STATUSES))
    return list(
        s.scalars(
            select(Household.id)
            .where(Household.id.not_in(receiving))
            .order_by(Household.id)
            .limit(limit)
        )
    )


def _ended_households(s: Session, limit: int) -> list[tuple[int, int, str]]:
    receiving = select(Enrollment.household_id).where(Enrollment.status.in_(RECIPIENT_STATUSES))
    rows = s.execute(
        select(Enrollment.household_id, Enrollment.id, Enrollment.terminated_reason)
        .where(
            Enrollment.status == "terminated",
            Enrollment.programme.in_(("urban_dibao", "rural_dibao", "tekun")),
            Enrollment.household_id.not_in(receiving),
        )
        .order_by(Enrollment.id)
        .limit(limit * 3)
    )
    seen: dict[int, tuple[int, int, str]] = {}
    for hid, eid, reason in rows:
        seen.setdefault(hid, (hid, eid, reason or "终止"))
    return list(seen.values())[:limit]


def seed_monitoring(s: Session, as_of: date) -> int:
    """Write the demo's register entries, plans and visits; returns the rows written."""
    if s.scalar(select(LowIncomeEntry.id).limit(1)) is not None:
        return 0  # a second demo run on the same database
    written = 0
    for hid, (category, reason, days_ago) in zip(
        _free_households(s, len(_ENTRIES)), _ENTRIES, strict=False
    ):
        entered = as_of - timedelta(days=days_ago)
        s.add(
            LowIncomeEntry(
                household_id=hid,
                category=category,
                reason=reason,
                source=category if category in ("finding", "visit") else "manual",
                source_ref="",
                entered_on=entered,
                next_review=rules.review_date(category, entered),
                exit_reason="",
                created_by_name=WHO,
                updated_by_name=WHO,
            )
        )
        if category == "near_dibao":
            household = s.get(Household, hid)
            if household is not None:
                household.near_dibao = True
        written += 1
    s.flush()
    entered_ids = set(s.scalars(select(LowIncomeEntry.household_id)))
    ended = [r for r in _ended_households(s, 3 + len(entered_ids)) if r[0] not in entered_ids]
    for hid, eid, reason in ended[:3]:
        entered = as_of - timedelta(days=45)
        s.add(
            LowIncomeEntry(
                household_id=hid,
                category="exited_aid",
                reason=f"退出保障（{reason}）",
                source="register",
                source_ref=f"enrollment:{eid}",
                entered_on=entered,
                next_review=rules.review_date("exited_aid", entered),
                exit_reason="",
                created_by_name=WHO,
                updated_by_name=WHO,
            )
        )
        written += 1
    s.flush()
    month = month_start(as_of)
    villages = list(
        s.scalars(select(Household.village_id).distinct().order_by(Household.village_id))
    )[:_PLAN_VILLAGES]
    for n, vid in enumerate(villages):
        people = propose_in(s, month, vid)[:_PLAN_PEOPLE]
        if not people:
            continue
        plan = PatrolPlan(
            month=month,
            village_id=vid,
            responsible=("包村干部 刘建国", "包村干部 陈秀梅")[n % 2],
            note="",
            created_by_name=WHO,
        )
        s.add(plan)
        s.flush()
        for i, p in enumerate(people):
            item = PatrolPlanItem(plan_id=plan.id, person_id=p.person_id, key_group=p.key_group)
            s.add(item)
            s.flush()
            written += 1
            if i % 2:
                continue
            needs, help_given, solved = _NEEDS[(i // 2) % len(_NEEDS)]
            s.add(
                PatrolVisit(
                    person_id=p.person_id,
                    household_id=p.household_id,
                    village_id=vid,
                    plan_item_id=item.id,
                    key_group=p.key_group,
                    visited_on=max(month, as_of - timedelta(days=i % 5)),
                    visitor=plan.responsible.split()[-1],
                    mode="onsite",
                    needs=needs,
                    help_given=help_given,
                    solved=solved,
                    follow_up="" if solved else "下月回访",
                    created_by_name=WHO,
                )
            )
            written += 1
    s.flush()
    return written
