"""The monthly rhythm of comparison (重点信息每月一比对, DOMAIN §12.2): which source is due this
month, and the history of every run with its counts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.comparison import SOURCES
from ...domain.months import add_months, month_start
from ...models import ComparisonRun
from ..context import Actor
from ..settings import get_setting
from .run import run_view
from .types import RunView, ScheduleItem

__all__ = ["calendar", "calendar_in", "list_runs", "list_runs_in"]


def calendar_in(s: Session, actor: Actor, month: date | None = None) -> list[ScheduleItem]:
    """Every source with its interval (setting ``comparison.calendar`` over the defaults),
    its last run, and whether a comparison is due in ``month``: never run, or the last run
    is at least the interval before ``month``. A source compared whenever delivered
    (interval 0) is never due."""
    actor.require("read")
    month = month_start(month or date.today())
    custom = get_setting(s, "comparison.calendar", {}) or {}
    last = dict(
        s.execute(
            select(ComparisonRun.source, func.max(ComparisonRun.created_at)).group_by(
                ComparisonRun.source
            )
        ).all()
    )
    out: list[ScheduleItem] = []
    for code, src in SOURCES.items():
        every = int(custom.get(code, src.every_months))
        when = last.get(code)
        if every <= 0:
            due = False
        elif when is None:
            due = True
        else:
            due = add_months(month_start(when.date()), every) <= month
        out.append(ScheduleItem(code, src.label, src.department, every, when, due))
    return out


def calendar(db: Database, actor: Actor, month: date | None = None) -> list[ScheduleItem]:
    with db.read_session() as s:
        return calendar_in(s, actor, month)


def list_runs_in(s: Session, actor: Actor, source: str | None = None) -> list[RunView]:
    """Every comparison run, newest first."""
    actor.require("read")
    q = select(ComparisonRun).order_by(ComparisonRun.id.desc())
    if source:
        q = q.where(ComparisonRun.source == source)
    return [run_view(r) for r in s.scalars(q)]


def list_runs(db: Database, actor: Actor, source: str | None = None) -> list[RunView]:
    with db.read_session() as s:
        return list_runs_in(s, actor, source)
