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
from ...domain.months import month_start, next_month
from ...errors import NotFound, StaleDataError, ValidationError
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
from .. import casework as _casework  # noqa: F401 - loads before visits (visits <-> printing)
from ..assessment import member_category
from ..context import Actor
from ..visits import MODES
from .types import PlanItemView, PlanView, ProposedPerson, VisitRecordView

__all__ = [
    "list_plans",
    "list_visits",
    "make_plans",
    "propose",
    "propose_in",
    "record_visit",
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
        return propose_in(s, month, village_id)


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


def _text(value: str, field: str, label: str, limit: int = _MAX_TEXT) -> str:
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
    responsible = _text(responsible, "responsible", "责任人", 64)
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
                note=_text(note, "note", "备注"),
                created_by_name=actor.display_name,
            )
            s.add(plan)
            s.flush()
        elif expected_version is not None and plan.version != expected_version:
            raise StaleDataError(
                "该巡访计划已被其他用户修改，本次操作未保存。请刷新后重试。", code="stale"
            )
        else:
            plan.responsible, plan.note = responsible, _text(note, "note", "备注")
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
    who = _text(responsible, "responsible", "责任人", 64) or actor.display_name
    with db.session() as s:
        if village_id is not None and s.get(Village, village_id) is None:
            raise NotFound(f"村（社区）#{village_id} 不存在。", code="village.not_found")
        proposal = propose_in(s, month, village_id)
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
    with db.read_session() as s:
        return _plan_views(s, list(s.scalars(q)))


def _visit_views(s: Session, rows: Sequence[PatrolVisit]) -> list[VisitRecordView]:
    pids = list({v.person_id for v in rows})
    names: dict[int, str] = {}
    for i in range(0, len(pids), _CHUNK):
        for pid, name in s.execute(
            select(Person.id, Person.name).where(Person.id.in_(pids[i : i + _CHUNK]))
        ):
            names[pid] = name
    villages = {vid: name for vid, name in s.execute(select(Village.id, Village.name))}
    return [
        VisitRecordView(
            id=v.id,
            person_id=v.person_id,
            name=names.get(v.person_id, ""),
            household_id=v.household_id,
            village=villages.get(v.village_id, ""),
            key_group=v.key_group,
            group_label=rules.KEY_GROUPS.get(v.key_group, ""),
            visited_on=v.visited_on,
            visitor=v.visitor,
            mode=v.mode,
            needs=v.needs,
            help_given=v.help_given,
            solved=v.solved,
            follow_up=v.follow_up,
            plan_item_id=v.plan_item_id,
        )
        for v in rows
    ]


def record_visit(
    db: Database,
    actor: Actor,
    person_id: int,
    visited_on: date,
    needs: str,
    help_given: str,
    solved: bool,
    *,
    visitor: str = "",
    follow_up: str = "",
    mode: str = "onsite",
    key_group: str | None = None,
) -> VisitRecordView:
    """Record one visit. It counts for the person's place in that month's plan, if any; its
    key group is the plan's, else ``key_group``, else the first the person belongs to."""
    actor.require("register.write")
    if visited_on > date.today():
        raise ValidationError("走访日期不能晚于今天。", field="visited_on", code="patrol.date")
    if mode not in MODES:
        raise ValidationError(
            "走访方式须为实地入户、电话或视频。", field="mode", code="patrol.mode"
        )
    if key_group is not None and key_group not in rules.KEY_GROUPS:
        raise ValidationError(
            f"未知的重点群体：{key_group}", field="key_group", code="patrol.group"
        )
    needs = _text(needs, "needs", "发现的需求")
    help_text = _text(help_given, "help_given", "提供的帮助")
    follow = _text(follow_up, "follow_up", "后续跟进")
    who = _text(visitor, "visitor", "走访人", 64) or actor.display_name
    if solved and not needs:
        raise ValidationError(
            "标记为“问题已解决”时，请填写发现的需求或问题。", field="needs", code="patrol.needs"
        )
    with db.session() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFound(f"人员 #{person_id} 不存在。", code="person.not_found")
        if person.deceased_on is not None and person.deceased_on < visited_on:
            raise ValidationError(
                f"{person.name}已于 {person.deceased_on.isoformat()} 去世，不能记录走访。",
                field="person",
                code="patrol.deceased",
            )
        household = s.get(Household, person.household_id)
        assert household is not None
        item = s.scalars(
            select(PatrolPlanItem)
            .join(PatrolPlan, PatrolPlan.id == PatrolPlanItem.plan_id)
            .where(
                PatrolPlan.month == month_start(visited_on), PatrolPlanItem.person_id == person_id
            )
        ).first()
        group = item.key_group if item is not None else key_group
        if group is None:
            found = [
                r
                for r in propose_in(s, visited_on, household.village_id)
                if r.person_id == person_id
            ]
            group = found[0].key_group if found else ""
        v = PatrolVisit(
            person_id=person_id,
            household_id=household.id,
            village_id=household.village_id,
            plan_item_id=item.id if item is not None else None,
            key_group=group,
            visited_on=visited_on,
            visitor=who,
            mode=mode,
            needs=needs,
            help_given=help_text,
            solved=solved,
            follow_up=follow,
            created_by_name=actor.display_name,
        )
        s.add(v)
        s.flush()
        audit.record(
            s,
            actor,
            "patrol.visit",
            "patrol_visit",
            v.id,
            household_id=household.id,
            detail={
                "person_id": person_id,
                "visited_on": visited_on.isoformat(),
                "key_group": group,
                "solved": solved,
                "plan_item_id": v.plan_item_id,
            },
        )
        return _visit_views(s, [v])[0]


def list_visits(
    db: Database,
    actor: Actor,
    month_from: date,
    month_to: date,
    *,
    village_id: int | None = None,
    person_id: int | None = None,
) -> list[VisitRecordView]:
    """Visit records from the first of ``month_from`` to the end of ``month_to``, newest first."""
    actor.require("read")
    start, end = month_start(month_from), month_start(month_to)
    q = (
        select(PatrolVisit)
        .where(PatrolVisit.visited_on >= start, PatrolVisit.visited_on < next_month(end))
        .order_by(PatrolVisit.visited_on.desc(), PatrolVisit.id.desc())
    )
    if village_id is not None:
        q = q.where(PatrolVisit.village_id == village_id)
    if person_id is not None:
        q = q.where(PatrolVisit.person_id == person_id)
    with db.read_session() as s:
        return _visit_views(s, list(s.scalars(q)))
