"""The monthly rhythm of comparison (重点信息每月一比对, DOMAIN §12.2): which source is due this
month, and the history of every run with its counts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.comparison import MATCHES, SOURCES
from ...domain.masking import mask_id
from ...domain.months import add_months, month_start
from ...errors import NotFound, ValidationError
from ...models import ComparisonRun, DepartmentRow, Person
from ..context import Actor
from ..scope import scope_households
from ..settings import get_setting
from .run import run_view
from .types import DeptRowView, RunView, ScheduleItem

__all__ = [
    "MATCHES",
    "calendar",
    "calendar_in",
    "list_rows",
    "list_rows_in",
    "list_runs",
    "list_runs_in",
]


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


def list_rows_in(
    s: Session, actor: Actor, run_id: int, match: str | None = None, limit: int = 1000
) -> list[DeptRowView]:
    """The rows of a run (those of one ``match`` kind), in file order: the report of rows
    that match no one or match with another name."""
    actor.require("read")
    if s.get(ComparisonRun, run_id) is None:
        raise NotFound(f"比对记录 #{run_id} 不存在。", code="compare.run_not_found")
    if match is not None and match not in MATCHES:
        raise ValidationError(f"未知的匹配结果：{match}", code="compare.match")
    q = (
        select(
            DepartmentRow.row_no,
            DepartmentRow.match,
            DepartmentRow.name,
            Person.name,
            DepartmentRow.id_number,
            DepartmentRow.person_id,
        )
        .outerjoin(Person, Person.id == DepartmentRow.person_id)
        .where(DepartmentRow.run_id == run_id)
        .order_by(DepartmentRow.row_no)
        .limit(limit)
    )
    if match is not None:
        q = q.where(DepartmentRow.match == match)
    households = scope_households(actor)  # a township sees its own people and the strangers
    if households is not None:
        q = q.where(or_(DepartmentRow.person_id.is_(None), Person.household_id.in_(households)))
    return [
        DeptRowView(no, m, name, reg or "", mask_id(idn) if idn else "", pid)
        for no, m, name, reg, idn, pid in s.execute(q)
    ]


def list_rows(
    db: Database, actor: Actor, run_id: int, match: str | None = None
) -> list[DeptRowView]:
    with db.read_session() as s:
        return list_rows_in(s, actor, run_id, match)
