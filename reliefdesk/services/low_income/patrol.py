"""Key-group visits (巡访/探访): who qualifies, the month's plan per village, visit records.

The key groups and how a person qualifies are :mod:`reliefdesk.domain.low_income`'s; the
分类施保 categories they build on are :func:`reliefdesk.services.assessment.member_category`'s.
The visit modes are the 入户调查's (:data:`reliefdesk.services.visits.MODES`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ...db.engine import Database
from ...domain import low_income as rules
from ...domain.idnumber import age_on
from ...domain.months import month_start
from ...errors import NotFound, ValidationError
from ...models import (
    Household,
    LowIncomeEntry,
    PatrolPlan,
    PatrolPlanItem,
    PatrolVisit,
    Person,
    Village,
)
from .. import audit
from ..assessment import member_category
from ..context import Actor
from ..scope import restrict, restrict_townships, visible_townships
from ..stale import check_version
from .types import PlanItemView, PlanView, ProposedPerson

__all__ = [
    "list_plans",
    "make_plans",
    "plan_text",
    "propose",
    "propose_in",
    "save_plan",
]

_MAX_TEXT = 500
_CHUNK = 900


def _years_before(on: date, years: int) -> date:
    return on.replace(year=on.year - years)  # ``on`` is a first of month: never 29 Feb


def _living(on: date) -> ColumnElement[bool]:
    return or_(Person.deceased_on.is_(None), Person.deceased_on > on)


def _candidates(s: Session, on: date, village_id: int | None) -> list[int]:
    """Household ids that may hold someone of a key group (cheap SQL prefilter; the domain
    rule decides)."""
    living = _living(on)
    adult_birth, old_birth = _years_before(on, rules.ADULT_AGE), _years_before(on, 60)
    working = select(Person.household_id).where(
        living, Person.birth_date <= adult_birth, Person.birth_date > old_birth
    )
    alone = (
        select(Person.household_id)
        .where(living, Person.counted.is_(True))
        .group_by(Person.household_id)
        .having(func.count() == 1)
    )
    dead_child = select(Person.household_id).where(
        Person.relation == "child", Person.deceased_on.is_not(None), Person.deceased_on <= on
    )
    monitored = select(LowIncomeEntry.household_id).where(
        LowIncomeEntry.exit_on.is_(None), LowIncomeEntry.category == "poverty_monitoring"
    )
    q = (
        select(Person.household_id)
        .where(
            living,
            or_(
                Person.health == "serious",
                Person.disability_level.is_not(None),
                and_(
                    Person.birth_date <= _years_before(on, rules.ADVANCED_AGE),
                    Person.household_id.in_(alone),
                ),
                and_(Person.relation.in_(("head", "spouse")), Person.household_id.in_(dead_child)),
                and_(Person.birth_date > adult_birth, Person.household_id.not_in(working)),
                Person.household_id.in_(monitored),
            ),
        )
        .distinct()
    )
    if village_id is not None:
        q = q.join(Household, Household.id == Person.household_id).where(
            Household.village_id == village_id
        )
    return sorted(set(s.scalars(q)))


def propose_in(s: Session, month: date, village_id: int | None = None) -> list[ProposedPerson]:
    """Everyone who belongs to a key group on the first of ``month``, by village and group."""
    on = month_start(month)
    hids = _candidates(s, on, village_id)
    monitored = set(
        s.scalars(
            select(LowIncomeEntry.household_id).where(
                LowIncomeEntry.exit_on.is_(None), LowIncomeEntry.category == "poverty_monitoring"
            )
        )
    )
    villages = {vid: name for vid, name in s.execute(select(Village.id, Village.name))}
    out: list[ProposedPerson] = []
    for i in range(0, len(hids), _CHUNK):
        chunk = hids[i : i + _CHUNK]
        hh_village = {
            hid: vid
            for hid, vid in s.execute(
                select(Household.id, Household.village_id).where(Household.id.in_(chunk))
            )
        }
        members: dict[int, list[Person]] = {}
        for p in s.scalars(
            select(Person).where(Person.household_id.in_(chunk)).order_by(Person.id)
        ):
            members.setdefault(p.household_id, []).append(p)
        for hid, people in members.items():
            facts = [
                rules.MemberFacts(
                    person_id=p.id,
                    age=age_on(p.birth_date, on),
                    relation=p.relation,
                    categories=tuple(member_category(p, on)),
                    alive=p.deceased_on is None or p.deceased_on > on,
                    counted=p.counted,
                )
                for p in people
            ]
            for p, f in zip(people, facts, strict=True):
                groups = rules.key_groups(f, facts, monitored=hid in monitored)
                if not groups:
                    continue
                vid = hh_village[hid]
                out.append(
                    ProposedPerson(
                        person_id=p.id,
                        name=p.name,
                        age=f.age,
                        household_id=hid,
                        village_id=vid,
                        village=villages.get(vid, ""),
                        key_group=groups[0],
                        group_label=rules.KEY_GROUPS[groups[0]],
                        all_groups=groups,
                    )
                )
    order = {g: i for i, g in enumerate(rules.KEY_GROUPS)}
    out.sort(key=lambda r: (r.village, order[r.key_group], r.name, r.person_id))
    return out


def propose(
    db: Database, actor: Actor, month: date, village_id: int | None = None
) -> list[ProposedPerson]:
    actor.require("read")
    with db.read_session() as s:
        return _in_scope(s, actor, propose_in(s, month, village_id))


def _in_scope(s: Session, actor: Actor, proposal: list[ProposedPerson]) -> list[ProposedPerson]:
    """The proposal limited to ``actor``'s township (a township plans its own villages only)."""
    if visible_townships(actor) is None:
        return proposal
    mine = set(s.scalars(restrict(select(Household.id), actor, Household.id)))
    return [r for r in proposal if r.household_id in mine]


def _plan_views(s: Session, plans: Sequence[PatrolPlan]) -> list[PlanView]:
    if not plans:
        return []
    ids = [p.id for p in plans]
    items = list(
        s.scalars(
            select(PatrolPlanItem)
            .where(PatrolPlanItem.plan_id.in_(ids))
            .order_by(PatrolPlanItem.id)
        )
    )
    item_ids = [i.id for i in items]
    visits: dict[int, list[PatrolVisit]] = {}
    for i in range(0, len(item_ids), _CHUNK):
        for v in s.scalars(
            select(PatrolVisit)
            .where(PatrolVisit.plan_item_id.in_(item_ids[i : i + _CHUNK]))
            .order_by(PatrolVisit.visited_on, PatrolVisit.id)
        ):
            visits.setdefault(v.plan_item_id or 0, []).append(v)
    pids = list({i.person_id for i in items})
    people: dict[int, tuple[str, int]] = {}
    for i in range(0, len(pids), _CHUNK):
        for pid, name, hid in s.execute(
            select(Person.id, Person.name, Person.household_id).where(
                Person.id.in_(pids[i : i + _CHUNK])
            )
        ):
            people[pid] = (name, hid)
    villages = {vid: name for vid, name in s.execute(select(Village.id, Village.name))}
    by_plan: dict[int, list[PlanItemView]] = {}
    for it in items:
        done = visits.get(it.id, [])
        name, hid = people.get(it.person_id, ("", 0))
        by_plan.setdefault(it.plan_id, []).append(
            PlanItemView(
                id=it.id,
                person_id=it.person_id,
                name=name,
                household_id=hid,
                key_group=it.key_group,
                group_label=rules.KEY_GROUPS.get(it.key_group, it.key_group),
                visits=len(done),
                solved=done[-1].solved if done else None,
            )
        )
    return [
        PlanView(
            id=p.id,
            month=p.month,
            village_id=p.village_id,
            village=villages.get(p.village_id, ""),
            responsible=p.responsible,
            note=p.note,
            version=p.version,
            items=tuple(by_plan.get(p.id, [])),
        )
        for p in plans
    ]


def plan_text(value: str, field: str, label: str, limit: int = _MAX_TEXT) -> str:
    """``value`` with runs of white space made one, refused past ``limit`` characters."""
    text = " ".join((value or "").split())
    if len(text) > limit:
        raise ValidationError(f"{label}不能超过 {limit} 字。", field=field, code=f"patrol.{field}")
    return text


def save_plan(
    db: Database,
    actor: Actor,
    month: date,
    village_id: int,
    responsible: str,
    items: Sequence[tuple[int, str]],
    *,
    note: str = "",
    expected_version: int | None = None,
) -> PlanView:
    """Create or replace a village's plan for ``month``: (person id, key group) pairs. People
    dropped from the plan who were already visited stay on it."""
    actor.require("register.write")
    month = month_start(month)
    responsible = plan_text(responsible, "responsible", "责任人", 64)
    if not responsible:
        raise ValidationError("请填写巡访责任人。", field="responsible", code="patrol.responsible")
    wanted: dict[int, str] = {}
    for pid, group in items:
        if group not in rules.KEY_GROUPS:
            raise ValidationError(f"未知的重点群体：{group}", field="items", code="patrol.group")
        wanted[pid] = group
    with db.session() as s:
        if s.get(Village, village_id) is None:
            raise NotFound(f"村（社区）#{village_id} 不存在。", code="village.not_found")
        if wanted:
            found = {
                pid: vid
                for pid, vid in s.execute(
                    select(Person.id, Household.village_id)
                    .join(Household, Household.id == Person.household_id)
                    .where(Person.id.in_(list(wanted)))
                )
            }
            wrong = [pid for pid in wanted if found.get(pid) != village_id]
            if wrong:
                raise ValidationError(
                    f"人员 #{wrong[0]} 不存在或不属于该村。", field="items", code="patrol.person"
                )
        plan = s.scalars(
            select(PatrolPlan).where(PatrolPlan.month == month, PatrolPlan.village_id == village_id)
        ).first()
        created = plan is None
        if plan is None:
            plan = PatrolPlan(
                month=month,
                village_id=village_id,
                responsible=responsible,
                note=plan_text(note, "note", "备注"),
                created_by_name=actor.display_name,
            )
            s.add(plan)
            s.flush()
        else:
            check_version("该巡访计划", plan.version, expected_version)
            plan.responsible, plan.note = responsible, plan_text(note, "note", "备注")
            flag_modified(plan, "responsible")  # every save bumps the plan's version
        current = {
            i.person_id: i
            for i in s.scalars(select(PatrolPlanItem).where(PatrolPlanItem.plan_id == plan.id))
        }
        visited = set(
            s.scalars(
                select(PatrolVisit.plan_item_id).where(
                    PatrolVisit.plan_item_id.in_([i.id for i in current.values()] or [0])
                )
            )
        )
        removed = 0
        for pid, it in current.items():
            if pid not in wanted and it.id not in visited:
                s.delete(it)
                removed += 1
            elif pid in wanted:
                it.key_group = wanted[pid]
        added = [pid for pid in wanted if pid not in current]
        for pid in added:
            s.add(PatrolPlanItem(plan_id=plan.id, person_id=pid, key_group=wanted[pid]))
        s.flush()
        audit.record(
            s,
            actor,
            "patrol.plan_create" if created else "patrol.plan_update",
            "patrol_plan",
            plan.id,
            detail={
                "month": month.isoformat(),
                "village_id": village_id,
                "responsible": responsible,
                "added": len(added),
                "removed": removed,
                "people": len(wanted),
            },
        )
        s.refresh(plan)
        return _plan_views(s, [plan])[0]


def make_plans(
    db: Database,
    actor: Actor,
    month: date,
    village_id: int | None = None,
    responsible: str = "",
) -> list[PlanView]:
    """Plan ``month`` from the proposal: each village (or the one given) with someone in a
    key group gets a plan, or its plan gets the people not yet on it. A new plan's person
    responsible is ``responsible`` (default: the acting user)."""
    actor.require("register.write")
    month = month_start(month)
    who = plan_text(responsible, "responsible", "责任人", 64) or actor.display_name
    with db.session() as s:
        if village_id is not None and s.get(Village, village_id) is None:
            raise NotFound(f"村（社区）#{village_id} 不存在。", code="village.not_found")
        proposal = _in_scope(s, actor, propose_in(s, month, village_id))
        by_village: dict[int, list[ProposedPerson]] = {}
        for r in proposal:
            by_village.setdefault(r.village_id, []).append(r)
        existing = {
            p.village_id: p for p in s.scalars(select(PatrolPlan).where(PatrolPlan.month == month))
        }
        touched: list[PatrolPlan] = []
        added_total = 0
        for vid, people in sorted(by_village.items()):
            plan = existing.get(vid)
            if plan is None:
                plan = PatrolPlan(
                    month=month,
                    village_id=vid,
                    responsible=who,
                    note="",
                    created_by_name=actor.display_name,
                )
                s.add(plan)
                s.flush()
                have: set[int] = set()
            else:
                have = set(
                    s.scalars(
                        select(PatrolPlanItem.person_id).where(PatrolPlanItem.plan_id == plan.id)
                    )
                )
            new = [r for r in people if r.person_id not in have]
            for r in new:
                s.add(PatrolPlanItem(plan_id=plan.id, person_id=r.person_id, key_group=r.key_group))
            if new and vid in existing:
                flag_modified(plan, "responsible")
            added_total += len(new)
            touched.append(plan)
        s.flush()
        audit.record(
            s,
            actor,
            "patrol.plan_make",
            "patrol_plan",
            month.strftime("%Y-%m"),
            detail={"village_id": village_id, "plans": len(touched), "added": added_total},
        )
        return _plan_views(s, touched)


def list_plans(
    db: Database, actor: Actor, month: date, village_id: int | None = None
) -> list[PlanView]:
    """The plans of ``month`` (one village's, or all), with each person's visits so far."""
    actor.require("read")
    q = (
        select(PatrolPlan)
        .join(Village, Village.id == PatrolPlan.village_id)
        .where(PatrolPlan.month == month_start(month))
        .order_by(Village.name, PatrolPlan.id)
    )
    if village_id is not None:
        q = q.where(PatrolPlan.village_id == village_id)
    q = restrict_townships(q, actor, Village.township_id)
    with db.read_session() as s:
        return _plan_views(s, list(s.scalars(q)))
