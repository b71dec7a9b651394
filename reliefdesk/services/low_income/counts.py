"""Visit figures for a period, like the office's year-end report: people visited, problems
found and solved, by key group and by village, and how much of the plans was done."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, distinct, func, select

from ...db.engine import Database
from ...domain import low_income as rules
from ...domain.months import month_start, next_month
from ...errors import ValidationError
from ...models import PatrolPlan, PatrolPlanItem, PatrolVisit, Village
from ..context import Actor
from ..scope import village_condition
from .types import Counts, PatrolStats

__all__ = ["patrol_stats"]


def _counts_query() -> tuple[ColumnElement[Any], ...]:
    return (
        func.count(distinct(PatrolVisit.person_id)),
        func.count(PatrolVisit.id),
        func.sum(case((PatrolVisit.needs != "", 1), else_=0)),
        func.sum(case((PatrolVisit.solved.is_(True), 1), else_=0)),
    )


def _counts(row: tuple[int | None, ...]) -> Counts:
    people, visits, problems, solved = (int(x or 0) for x in row)
    return Counts(people=people, visits=visits, problems=problems, solved=solved)


def patrol_stats(db: Database, actor: Actor, month_from: date, month_to: date) -> PatrolStats:
    """Figures from the first of ``month_from`` to the end of ``month_to``."""
    actor.require("read")
    start, last = month_start(month_from), month_start(month_to)
    if last < start:
        raise ValidationError("结束月份不能早于开始月份。", field="month_to", code="patrol.period")
    end = next_month(last)
    scope = village_condition(actor, PatrolVisit.village_id)
    window = (PatrolVisit.visited_on >= start, PatrolVisit.visited_on < end) + (
        () if scope is None else (scope,)
    )
    with db.read_session() as s:
        total = _counts(tuple(s.execute(select(*_counts_query()).where(*window)).one()))
        by_group = {
            g: _counts(tuple(row[1:]))
            for row in s.execute(
                select(PatrolVisit.key_group, *_counts_query())
                .where(*window)
                .group_by(PatrolVisit.key_group)
            )
            for g in [row[0]]
        }
        by_village = tuple(
            (row[0], _counts(tuple(row[1:])))
            for row in s.execute(
                select(Village.name, *_counts_query())
                .join(Village, Village.id == PatrolVisit.village_id)
                .where(*window)
                .group_by(Village.name)
                .order_by(Village.name)
            )
        )
        plan_scope = village_condition(actor, PatrolPlan.village_id)
        in_period = (PatrolPlan.month >= start, PatrolPlan.month < end) + (
            () if plan_scope is None else (plan_scope,)
        )
        planned = int(
            s.scalar(
                select(func.count(PatrolPlanItem.id))
                .join(PatrolPlan, PatrolPlan.id == PatrolPlanItem.plan_id)
                .where(*in_period)
            )
            or 0
        )
        done = int(
            s.scalar(
                select(func.count(distinct(PatrolVisit.plan_item_id)))
                .join(PatrolPlanItem, PatrolPlanItem.id == PatrolVisit.plan_item_id)
                .join(PatrolPlan, PatrolPlan.id == PatrolPlanItem.plan_id)
                .where(*in_period)
            )
            or 0
        )
    ordered = {g: by_group[g] for g in (*rules.KEY_GROUPS, "") if g in by_group}
    return PatrolStats(
        month_from=start,
        month_to=last,
        total=total,
        by_group=ordered,
        by_village=by_village,
        planned=planned,
        planned_visited=done,
    )
