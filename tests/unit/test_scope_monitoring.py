"""Township scope of the monitoring services (issue 18 over issue 14): a township clerk sees
the department findings, the matched department rows, the low-income register, the visit plans,
the 巡访 records and their figures of their own township only (and the leads on people on no
register); the county clerk sees all."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from test_casework_support import family_of_three
from test_scope import _move, build_world

from reliefdesk.errors import PermissionDenied
from reliefdesk.models import Household, Person, Village
from reliefdesk.services import comparison, low_income

TODAY = date(2026, 1, 20)


def _people(db: Any, household_id: int) -> list[tuple[str, str]]:
    with db.read_session() as s:
        return [
            (p.name, p.id_number)
            for p in s.scalars(select(Person).where(Person.household_id == household_id))
        ]


def _village_of(db: Any, household_id: int) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(Household.village_id).where(Household.id == household_id)))


@pytest.fixture
def world(db, actors):  # type: ignore[no-untyped-def]
    """Two townships, each with a recipient family and a watched (non-recipient) family; one
    disability file matching people of both and a stranger; register entries, plans and a
    visit in both."""
    w = build_world(db, actors)
    watched = {}
    for town, village in ((w.a, "东村"), (w.b, "西村")):
        hid, _ids = family_of_three(db)
        _move(db, hid, town, village)
        watched[town] = hid
    rows = [
        [name, idn, "肢体", "一级"]
        for hid in (w.ha, w.hb, watched[w.a], watched[w.b])
        for name, idn in _people(db, hid)[:1]
    ] + [["陌生人", "410482199001011234", "肢体", "一级"]]
    table = comparison.table_from_rows(
        "disability_202601.xlsx",
        "x" * 64,
        "disability",
        ["姓名", "身份证号码", "残疾类别", "残疾等级"],
        rows,
    )
    with db.session() as s:
        comparison.compare_table_in(s, actors["clerk"], table, "disability", today=TODAY)
    for town in (w.a, w.b):
        low_income.add_entry(
            db, actors["clerk"], watched[town], "poverty_monitoring", "防返贫监测对象"
        )
    month = date(2026, 1, 1)
    low_income.make_plans(db, actors["clerk"], month)
    for plan in low_income.list_plans(db, actors["clerk"], month):
        if plan.items:
            item = plan.items[0]
            low_income.record_visit(
                db,
                actors["clerk"],
                item.person_id,
                TODAY,
                needs="看病",
                help_given="联系医保",
                solved=True,
            )
    return w, watched


def _towns(db: Any, household_ids: set[int]) -> set[int]:
    with db.read_session() as s:
        return set(
            s.scalars(
                select(Village.township_id)
                .join(Household, Household.village_id == Village.id)
                .where(Household.id.in_(household_ids))
            )
        )


def test_findings_and_rows_stay_in_the_township(db, actors, world):
    """A township-A clerk's queue holds A's findings and the strangers' leads, never B's; the
    run's rows show A's people and the strangers; B's finding by id is not found."""
    w, _watched = world
    me = w.ta["clerk"]
    mine = comparison.list_findings(db, me)
    everyone = comparison.list_findings(db, actors["clerk"])
    assert len(mine) < len(everyone)
    assert _towns(db, {f.household_id for f in mine if f.household_id}) == {w.a}
    assert comparison.count_open(db, me) == len(mine)
    b_finding = next(
        f for f in everyone if f.household_id and _towns(db, {f.household_id}) == {w.b}
    )
    with pytest.raises(Exception) as refused:
        comparison.get_finding(db, me, b_finding.id)
    assert type(refused.value).__name__ in ("NotFound", "PermissionDenied")
    run = comparison.list_runs(db, actors["clerk"])[0]
    mine_rows = comparison.list_rows(db, me, run.id)
    all_rows = comparison.list_rows(db, actors["clerk"], run.id)
    assert len(mine_rows) < len(all_rows)
    assert any(r.person_id is None for r in mine_rows)  # the stranger stays visible


def test_low_income_register_plans_and_visits_stay_in_the_township(db, actors, world):
    """The register, its due count, the plans, the 巡访 records and the figures a township-A
    clerk reads are A's; reading B's entry by id is refused."""
    w, watched = world
    me = w.ta["clerk"]
    entries = low_income.list_entries(db, me, include_exited=True)
    assert {e.household_id for e in entries} == {watched[w.a]}
    assert len(low_income.list_entries(db, actors["clerk"], include_exited=True)) == 2
    b_entry = next(
        e for e in low_income.list_entries(db, actors["clerk"]) if e.household_id == watched[w.b]
    )
    with pytest.raises(PermissionDenied):
        low_income.get_entry(db, me, b_entry.id)
    month = date(2026, 1, 1)
    plans = low_income.list_plans(db, me, month)
    all_plans = low_income.list_plans(db, actors["clerk"], month)
    assert plans and len(plans) < len(all_plans)
    assert {_town_of_village(db, p.village_id) for p in plans} == {w.a}
    assert {p.household_id for p in low_income.propose(db, me, month)} <= _households_in(db, w.a)
    visits = low_income.list_visits(db, me, month, month)
    assert visits and len(visits) < len(low_income.list_visits(db, actors["clerk"], month, month))
    mine = low_income.patrol_stats(db, me, month, month)
    county = low_income.patrol_stats(db, actors["clerk"], month, month)
    assert 0 < mine.total.people < county.total.people


def _town_of_village(db: Any, village_id: int) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(Village.township_id).where(Village.id == village_id)))


def _households_in(db: Any, township_id: int) -> set[int]:
    with db.read_session() as s:
        return set(
            s.scalars(
                select(Household.id)
                .join(Village, Village.id == Household.village_id)
                .where(Village.township_id == township_id)
            )
        )


def test_a_township_plans_only_its_own_villages(db, actors, world):
    """make_plans by a township-A clerk plans A's villages and leaves B's without a plan."""
    w, _watched = world
    month = date(2026, 2, 1)
    made = low_income.make_plans(db, w.ta["clerk"], month)
    assert made and {_town_of_village(db, p.village_id) for p in made} == {w.a}
    assert {
        _town_of_village(db, p.village_id)
        for p in low_income.list_plans(db, actors["clerk"], month)
    } == {w.a}
