"""The holiday table as an administrator enters it from the State Council's yearly notice:
one period (e.g. 春节 2027-02-06 … 2027-02-13) with its make-up working days (调休上班) at a
time, and which years the table covers (a deadline in an uncovered year is shown with a
warning, :meth:`reliefdesk.domain.calendar.WorkCalendar.coverage_warning`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select

from ..db.engine import Database
from ..errors import ValidationError
from ..models import Holiday
from . import audit
from .context import Actor

__all__ = ["add_holiday_period", "years_covered"]


_MAX_HOLIDAY_DAYS = 15  # one holiday spans at most 15 days
_SATURDAY = 5  # date.weekday(): Monday 0 … Friday 4


def add_holiday_period(
    db: Database, actor: Actor, name: str, first: date, last: date, makeup_days: Sequence[date] = ()
) -> int:
    """Save one 放假 period and its 调休上班 days in one transaction; returns the days saved."""
    actor.require("admin.policy")
    name = name.strip()
    if not name:
        raise ValidationError("请填写节日名称，如“春节”。", field="name", code="holiday.name")
    if last < first:
        raise ValidationError("放假结束日期不能早于开始日期。", field="last", code="holiday.range")
    if (last - first).days > _MAX_HOLIDAY_DAYS:
        raise ValidationError(
            "一次放假不超过 15 天，请检查日期。", field="last", code="holiday.range"
        )
    off = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    clash = set(off) & set(makeup_days)
    if clash:
        raise ValidationError(
            f"{min(clash).isoformat()} 不能既放假又调休上班。", field="makeup", code="holiday.clash"
        )
    for d in makeup_days:
        if d.weekday() < _SATURDAY:
            raise ValidationError(
                f"调休上班日 {d.isoformat()} 不是周末。", field="makeup", code="holiday.makeup"
            )
    with db.session() as s:
        for d, kind in [(d, "holiday") for d in off] + [(d, "workday") for d in makeup_days]:
            row = s.get(Holiday, d)
            if row is None:
                s.add(Holiday(day=d, kind=kind, name=name))
            else:
                row.kind, row.name = kind, name
        audit.record(
            s,
            actor,
            "holiday.period",
            "holiday",
            first.isoformat(),
            detail={
                "name": name,
                "from": first.isoformat(),
                "to": last.isoformat(),
                "makeup": [d.isoformat() for d in makeup_days],
            },
        )
    return len(off) + len(makeup_days)


def years_covered(db: Database, actor: Actor) -> list[int]:
    """Years with at least one official holiday in the table."""
    actor.require("read")
    with db.read_session() as s:
        return sorted(
            {d.year for d in s.scalars(select(Holiday.day).where(Holiday.kind == "holiday"))}
        )
