"""Key-group visit records (巡访/探访): the short record, linked to the month's plan, and the
list of records. The visit modes are the 入户调查's (:data:`reliefdesk.services.visits.MODES`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain import low_income as rules
from ...domain.months import month_start, next_month
from ...errors import NotFound, ValidationError
from ...models import Household, PatrolPlan, PatrolPlanItem, PatrolVisit, Person, Village
from .. import audit
from .. import casework as _casework  # noqa: F401 - loads before visits (visits <-> printing)
from ..context import Actor
from ..scope import village_condition
from ..visits import MODES
from .entries import active_entry, add_entry_in
from .patrol import plan_text as _text
from .patrol import propose_in
from .types import VisitRecordView

__all__ = ["list_visits", "record_visit"]

_CHUNK = 900


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
    enter_register: bool = False,
) -> VisitRecordView:
    """Record one visit. It counts for the person's place in that month's plan, if any; its
    key group is the plan's, else ``key_group``, else the first the person belongs to. ``enter_register``: the visit found
    the household in hardship — it goes on the low-income register as 走访发现 in the same
    transaction (unless it is on it already; a recipient household is refused)."""
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
        entry_id = None
        if enter_register:
            existing = active_entry(s, household.id)
            entry_id = (
                existing.id
                if existing is not None
                else add_entry_in(
                    s,
                    actor,
                    household.id,
                    "visit",
                    needs or "走访发现",
                    entered_on=visited_on,
                    source="visit",
                    source_ref=f"patrol_visit:{v.id}",
                ).id
            )
        return replace(_visit_views(s, [v])[0], entry_id=entry_id)


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
    scope = village_condition(actor, PatrolVisit.village_id)
    if scope is not None:
        q = q.where(scope)
    with db.read_session() as s:
        return _visit_views(s, list(s.scalars(q)))
