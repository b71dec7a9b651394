"""A month of department files for the demo office (信息比对, issue 14): a small sample of the
register listed in every source's file (with the usual oddities and a few strangers), run
through the comparison service so a newcomer finds open leads in the queue.

Cheap on purpose: a few dozen people per run whatever the size of the demo (the 40,000-household
demo must not get much slower). With ``clean`` no recipient is reported dead, so this month's
roster can still be locked; otherwise two recipients are, and the roster waits for the check.
"""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.comparison import SOURCES
from ..domain.months import add_months, month_start
from ..models import ComparisonRun, Enrollment, Household, Person, User
from ..services.comparison import DeptTable, compare_table_in, table_from_rows
from ..services.context import Actor
from .departments import RegisterPerson, department_table

__all__ = ["compare_demo_month"]

_RECIPIENTS = 40
_OTHERS = 20
_PER_SOURCE = 3


def _sample(s: Session) -> tuple[list[RegisterPerson], list[RegisterPerson]]:
    live = (
        select(Person.id_number, Person.name)
        .join(Enrollment, Enrollment.payee_id == Person.id)
        .where(
            Enrollment.status == "active",
            Enrollment.programme.in_(("urban_dibao", "rural_dibao", "tekun")),
            Person.deceased_on.is_(None),
        )
        .order_by(Enrollment.id)
        .limit(_RECIPIENTS)
    )
    recipients = [RegisterPerson(i, n, recipient=True) for i, n in s.execute(live)]
    enrolled = select(Enrollment.household_id)
    others_q = (
        select(Person.id_number, Person.name, Household.near_dibao)
        .join(Household, Household.id == Person.household_id)
        .where(Person.household_id.not_in(enrolled), Person.deceased_on.is_(None))
        .order_by(Household.near_dibao.desc(), Person.id)
        .limit(_OTHERS)
    )
    others = [RegisterPerson(i, n, near_dibao=bool(nd)) for i, n, nd in s.execute(others_q)]
    return recipients, others


def _table(source: str, people: list[RegisterPerson], month: date) -> DeptTable:
    header, rows = department_table(source, people, month=month, strangers=2)
    digest = hashlib.sha256(repr((source, month, rows)).encode("utf-8")).hexdigest()
    return table_from_rows(f"{source}_{month:%Y%m}.xlsx", digest, source, header, rows)


def _clerk(s: Session, fallback: Actor) -> Actor:
    u = s.scalar(select(User).where(User.username == "clerk", User.active.is_(True)))
    return Actor(u.id, u.username, u.display_name, u.role) if u is not None else fallback


def compare_demo_month(s: Session, actor: Actor, as_of: date, *, clean: bool) -> int:
    """Run this month's department files through the comparison; returns the findings made."""
    month = add_months(month_start(as_of), -1)  # the departments' data of last month
    recipients, others = _sample(s)
    clerk = _clerk(s, actor)
    made = 0
    for i, source in enumerate(SOURCES):
        chunk = recipients[i * _PER_SOURCE : (i + 1) * _PER_SOURCE]
        if source == "deaths":
            # the first is a reversed registration (冲销): no lead; then one lead in --clean-less
            chunk = chunk[:1] if clean else chunk[:3]
        people = chunk + others[(i % 4) * 4 : (i % 4) * 4 + 4]
        table = _table(source, people, month)
        if s.scalar(select(ComparisonRun.id).where(ComparisonRun.sha256 == table.sha256)):
            continue  # a demo run again on the same office: this file was compared already
        result = compare_table_in(s, clerk, table, source, today=as_of)
        made += result.run.findings
    return made
