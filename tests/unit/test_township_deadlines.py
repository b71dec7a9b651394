"""Case deadlines per township (issue 18, DOMAIN §2.12): the whole-case limit of a dibao case is
20 working days where confirmation is delegated to the township and 30 where the county
confirms, read from the township's own ``casework.county_confirms`` with the policy's
``confirmation_delegated`` as the county default — in the case view and the work board's
overdue list alike (one rule: ``township_settings.Delegation``, also used by the case list)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from test_casework_support import family_of_three

from reliefdesk.db.defaults import default_policy
from reliefdesk.models import Household, Township, Village
from reliefdesk.services import casework, policy
from reliefdesk.services.context import SYSTEM, Actor
from reliefdesk.services.township_settings import COUNTY_CONFIRMS, set_township_setting

ACCEPTED = date(2025, 3, 3)
COUNTY_30 = date(2025, 4, 15)  # 30 working days after 2025-03-03 (清明 2025-04-04 off)
DELEGATED_20 = date(2025, 3, 31)  # 20 working days


def _town(db: Any, code: str) -> int:
    with db.session() as s:
        return int(s.scalar(select(Township.id).where(Township.code == code)))


def _case_in(db: Any, actors: dict[str, Actor], township_id: int, village: str) -> int:
    hid, ids = family_of_three(db)
    with db.session() as s:
        vil = Village(township_id=township_id, name=village)
        s.add(vil)
        s.flush()
        s.get(Household, hid).village_id = vil.id
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", ACCEPTED
    )
    return app.id


def _set(db: Any, actor: Actor, township_id: int, county_confirms: bool) -> None:
    with db.session() as s:
        set_township_setting(s, actor, township_id, COUNTY_CONFIRMS, county_confirms)


def test_delegated_and_county_confirmed_townships_get_their_own_limits(db, actors):
    """Township A (the county confirms) gets 30 working days, township B (delegated) 20, a
    township without a value of its own the county default (policy: not delegated, 30); the
    case view and the overdue list agree."""
    a, b, c = (_town(db, code) for code in ("410482101", "410482102", "410482103"))
    _set(db, actors["admin"], a, True)
    _set(db, actors["admin"], b, False)
    apps = {a: _case_in(db, actors, a, "甲村"), b: _case_in(db, actors, b, "乙村")}
    apps[c] = _case_in(db, actors, c, "丙村")
    clerk = actors["clerk"]
    totals = {t: casework.get_application(db, clerk, i).total_due_on for t, i in apps.items()}
    assert totals == {a: COUNTY_30, b: DELEGATED_20, c: COUNTY_30}

    late = {(o.application_id, o.kind) for o in casework.overdue(db, clerk, date(2025, 4, 1))}
    assert (apps[b], "total") in late
    assert (apps[a], "total") not in late and (apps[c], "total") not in late


def test_township_value_overrides_a_delegating_county_policy(db, actors):
    """Where the county's policy delegates confirmation (20 days), a township the county
    still confirms for keeps 30, and the other townships follow the policy."""
    data = default_policy()
    data["confirmation_delegated"] = True
    with db.session() as s:
        policy.save_policy(s, SYSTEM, date(2025, 1, 1), "下放乡镇确认", data)
    a, b = _town(db, "410482101"), _town(db, "410482102")
    _set(db, actors["admin"], a, True)
    app_a, app_b = _case_in(db, actors, a, "甲村"), _case_in(db, actors, b, "乙村")
    clerk = actors["clerk"]
    assert casework.get_application(db, clerk, app_a).total_due_on == COUNTY_30
    assert casework.get_application(db, clerk, app_b).total_due_on == DELEGATED_20
