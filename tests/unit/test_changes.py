"""Changes collected from the write session: every committed write names its kinds and ids,
a rolled back or read-only call names nothing, and Core bulk statements are seen too."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from test_roster_support import make_household, setup_policy

from reliefdesk.domain.idnumber import make_id
from reliefdesk.errors import ValidationError
from reliefdesk.services import register as reg
from reliefdesk.services import roster
from reliefdesk.services.changes import Changes, collect_changes


def _household(db, clerk):
    township = reg.list_townships(db, clerk)[0]
    village = reg.add_village(db, clerk, township.id, "东营村")
    data = reg.HouseholdInput(
        village_id=village.id, area_type="rural", address="东营村3组", phone="13812341234"
    )
    head = reg.PersonInput(name="张三", id_number=make_id("410482", date(1958, 3, 1), 2))
    return reg.create_household(db, clerk, data, head=head)


def test_write_reports_its_kinds_and_ids(db, actors):
    """Adding a person reports that person and its household (and nothing else but audit)."""
    clerk = actors["clerk"]
    hh = _household(db, clerk)
    with collect_changes() as collected:
        added = reg.add_person(
            db,
            clerk,
            hh.id,
            reg.PersonInput(
                name="李四", id_number=make_id("410482", date(1960, 5, 1), 3), relation="spouse"
            ),
        )
    ch = collected.changes
    assert ch.ids("persons") >= {added.id}
    assert ch.ids("households") == {hh.id}
    assert ch.kinds() == {"persons", "households", "audit"}


def test_read_and_failed_write_report_nothing(db, actors):
    """A read reports nothing; a refused write (rolled back) reports nothing either."""
    clerk = actors["clerk"]
    hh = _household(db, clerk)
    with collect_changes() as collected:
        reg.get_household(db, clerk, hh.id)
        with pytest.raises(ValidationError):
            reg.add_person(db, clerk, hh.id, reg.PersonInput(name="王五", id_number="123"))
    assert not collected.changes


def test_bulk_statements_and_threads(db, actors):
    """A roster build (Core bulk insert/delete) reports the roster; a collector on another
    thread does not see this thread's writes."""
    setup_policy(db)
    make_household(db)
    seen_elsewhere: list[Changes] = []

    def other() -> None:
        with collect_changes() as c:
            pass
        seen_elsewhere.append(c.changes)

    with collect_changes() as collected:
        view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert view.id in collected.changes.ids("rosters")
    assert collected.changes.touches("rosters")
    assert seen_elsewhere == [Changes()]


def test_value_helpers():
    """Changes.all touches every kind; of() refuses unknown kinds; | merges."""
    assert Changes.all().touches("households", "policy")
    merged = Changes.of({"households": {1}}) | Changes.of(whole=["rosters"])
    assert merged.ids("households") == {1} and merged.touches("rosters")
    assert not merged.touches("visits")
    with pytest.raises(ValueError):
        Changes.of({"nope": {1}})
