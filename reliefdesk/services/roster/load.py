"""Bulk reads for roster generation: enrollments, their changes, members, payees, households
and accounts in a handful of set-based queries (no per-row lazy loads; 40,000 households)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Text, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from ...domain.changes import change_code
from ...models import (
    BankAccount,
    Enrollment,
    EnrollmentChange,
    EnrollmentMember,
    Household,
    Person,
    RecipientEvent,
    Township,
    Village,
)
from ..scope import township_households
from .calc import BasisFact, ChangeFact, EnrollmentFacts

_SENTINEL_YEAR = 1901  # months before it are the "pay now" sentinel of supplementary rosters


class Snapshot(NamedTuple):
    """Registry facts copied into a line (a NamedTuple: one per line, built cheaply)."""

    payee_person_id: int
    payee_name: str
    payee_id_number: str
    payee_deceased_on: date | None
    account: str
    account_kind: str
    bank: str
    holder_name: str
    village: str
    township: str
    members_counted: int
    all_members_dead_before: bool


def enrollment_condition(
    programmes: tuple[str, ...],
    month: date,
    since: date,
    extra_ids: Iterable[int] = (),
    township_id: int | None = None,
) -> Any:
    """Enrollments of ``programmes`` started by ``month`` and not ended before ``since``,
    plus ``extra_ids`` (enrollments with pending adjustments); of one township when given."""
    cond = and_(
        Enrollment.programme.in_(programmes),
        Enrollment.start_month <= month,
        or_(Enrollment.end_month.is_(None), Enrollment.end_month >= since),
    )
    extra = list(extra_ids)
    if extra:
        cond = or_(cond, Enrollment.id.in_(extra))
    if township_id is not None:
        cond = and_(cond, Enrollment.household_id.in_(township_households(township_id)))
    return cond


def load(
    session: Session,
    programmes: tuple[str, ...],
    month: date,
    since: date,
    extra_ids: Iterable[int] = (),
    township_id: int | None = None,
) -> tuple[list[EnrollmentFacts], dict[int, Snapshot]]:
    extra_ids = list(extra_ids)
    cond = enrollment_condition(programmes, month, since, extra_ids, township_id)
    # wrapped: an inner ``enrollment`` would otherwise correlate with an outer one
    in_sub = select(select(Enrollment.id).where(cond).subquery().c.id)
    e, h = Enrollment, Household
    payee = Person.__table__.alias("payee")
    conn = session.connection()  # Core rows: the ORM result layer costs ~3x here
    rows = conn.execute(
        select(
            e.id,
            e.household_id,
            e.payee_id,
            e.programme,
            e.status,
            e.start_month,
            e.end_month,
            e.persons,
            e.amount_fen,
            e.per_capita_income_fen,
            e.method,
            e.care_tier,
            e.care_mode,
            # as text, decoded once per distinct value below (most are "[]" or a few lists)
            cast(e.topup_categories, Text),
            e.phase_out_start,
            h.area_type,
            Village.name,
            Township.name,
            e.standard_fen,
            e.amount_source,
            e.policy_name,
            e.income_fen,
            payee.c.name,
            payee.c.id_number,
            payee.c.deceased_on,
        )
        .join(h, h.id == e.household_id)
        .join(Village, Village.id == h.village_id)
        .join(Township, Township.id == Village.township_id)
        .outerjoin(payee, payee.c.id == e.payee_id)
        # by id from the month's index (migration 0012): the table's pages in order, once
        .where(e.id.in_(in_sub))
        .order_by(e.id)
    ).all()
    changes: dict[int, list[ChangeFact]] = defaultdict(list)
    c = EnrollmentChange
    for ch in conn.execute(
        select(
            c.enrollment_id, c.id, c.kind, c.effective_month, c.old_fen, c.new_fen, c.reason
        ).where(c.enrollment_id.in_(in_sub))
    ).all():  # all(): one fetchall, cheaper than a fetch per row
        changes[ch[0]].append(ChangeFact(ch[1], change_code(ch[2]), ch[3], ch[4], ch[5], ch[6]))
    bases: dict[int, list[BasisFact]] = defaultdict(list)
    ev = RecipientEvent
    for eid, ev_id, month_, detail in conn.execute(
        select(ev.enrollment_id, ev.id, ev.effective_month, ev.detail)
        .where(ev.kind == "reassess", ev.enrollment_id.in_(in_sub))
        .order_by(ev.effective_month, ev.id)
    ):
        d = detail if isinstance(detail, dict) else {}
        if month_ is not None and d.get("before") and d.get("after"):
            bases[eid].append(BasisFact(ev_id, month_, d["before"], d["after"]))
    # active members: how many are counted and alive in ``month``, and whether any is alive
    # (an enrollment without active members is never "all dead"); summed in SQL, one row each
    m = EnrollmentMember
    alive = or_(Person.deceased_on.is_(None), Person.deceased_on >= month)
    members = {
        eid: (int(n_counted or 0), bool(any_alive))
        for eid, n_counted, any_alive in conn.execute(
            select(
                m.enrollment_id,
                func.sum(case((and_(alive, Person.counted.is_(True)), 1), else_=0)),
                func.max(case((alive, 1), else_=0)),
            )
            .join(Person, Person.id == m.person_id)
            .where(m.active.is_(True), m.enrollment_id.in_(in_sub))
            .group_by(m.enrollment_id)
        ).all()
    }
    accounts: dict[int, list[tuple[int, int, str, str, str, str, str]]] = defaultdict(list)
    holder = Person.__table__.alias("holder")
    a = BankAccount
    for ar in conn.execute(
        select(
            a.household_id,
            a.id,
            a.payee_person_id,
            a.kind,
            a.bank_name,
            a.holder_name,
            a.number,
            holder.c.name,
        )
        .join(holder, holder.c.id == a.payee_person_id)
        .where(
            _account_in_month(month),
            a.household_id.in_(select(e.household_id).where(cond)),
        )
        .order_by(a.active.desc(), a.id)
    ).all():
        accounts[ar[0]].append((ar[1], ar[2], ar[3], ar[4], ar[5] or ar[7], ar[6], ar[7]))
    facts: list[EnrollmentFacts] = []
    snaps: dict[int, Snapshot] = {}
    topups: dict[str | None, tuple[str, ...]] = {}
    no_members = (0, True)
    for r in rows:
        eid = r[0]
        cats = topups.get(r[13])
        if cats is None:
            cats = topups[r[13]] = tuple(_categories(json.loads(r[13]) if r[13] else None))
        facts.append(
            EnrollmentFacts(
                eid,
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                r[9] or 0,
                r[10] or "gap",
                r[11],
                r[12],
                cats,
                r[14],
                r[15],
                tuple(changes.get(eid, ())),
                r[18],
                r[19] or "formula",
                r[20],
                r[21],
                tuple(bases.get(eid, ())),
            )
        )
        accs = accounts.get(r[1], [])
        acc = next((x for x in accs if x[1] == r[2]), accs[0] if accs else None)
        counted, any_alive = members.get(eid, no_members)
        found = r[22] is not None  # the payee's person row
        snaps[eid] = Snapshot(
            payee_person_id=r[2],
            payee_name=r[22] if found else "",
            payee_id_number=r[23] if found else "",
            payee_deceased_on=r[24],
            account=acc[5] if acc else "",
            account_kind=acc[2] if acc else "bank_card",
            bank=acc[3] if acc else "",
            holder_name=acc[4] if acc else "",
            village=r[16],
            township=r[17],
            members_counted=counted,
            all_members_dead_before=not any_alive,
        )
    return facts, snaps


def _account_in_month(month: date) -> Any:
    """Accounts usable in ``month``: active ones already effective, and stopped ones whose
    last month is not before it (a card replaced from next month still pays this month).
    A sentinel month before 1901 (supplementary rosters pay now) means the active ones."""
    a = BankAccount
    if month.year < _SENTINEL_YEAR:
        return a.active.is_(True)
    return or_(
        and_(a.active.is_(True), or_(a.effective_month.is_(None), a.effective_month <= month)),
        and_(
            a.active.is_(False),
            a.end_month.is_not(None),
            a.end_month >= month,
            or_(a.effective_month.is_(None), a.effective_month <= month),
        ),
    )


def _categories(value: object) -> list[str]:
    out: list[str] = []
    for item in value or []:  # type: ignore[attr-defined]
        if isinstance(item, dict):
            cat = item.get("category")
            if cat:
                out.append(str(cat))
        elif item:
            out.append(str(item))
    return out
