"""Fixtures for the household page tests: a real SQLite database with villages, households and
a signed-in clerk, wrapped in an AppContext."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import User
from reliefdesk.services import register as reg
from reliefdesk.services.context import Actor
from reliefdesk.ui.context import AppContext

NAMES = ("张三", "曾小明", "单田芳", "李四", "王秀英")


def actor_of(db: Database, username: str) -> Actor:
    with db.session() as s:
        u = s.scalars(select(User).where(User.username == username)).one()
        return Actor(u.id, u.username, u.display_name, u.role)


def populate(db: Database, actor: Actor, extra: int = 0) -> dict[str, int]:
    """Two villages; five named households; ``extra`` more in one transaction."""
    township = reg.list_townships(db, actor)[0]
    east = reg.add_village(db, actor, township.id, "东营村")
    west = reg.add_village(db, actor, township.id, "西河社区", is_community=True)
    ids: dict[str, int] = {}
    with db.session() as s:
        for i, name in enumerate(NAMES):
            h = reg.create_household_in(
                s,
                actor,
                reg.HouseholdInput(
                    village_id=(east if i % 2 == 0 else west).id,
                    area_type="rural",
                    address=f"{i + 1}组",
                    phone="13812341234",
                ),
                reg.PersonInput(
                    name=name, id_number=make_id("410482", date(1960, 1, 1 + i), i + 1)
                ),
            )
            ids[name] = h.id
        for n in range(extra):
            reg.create_household_in(
                s,
                actor,
                reg.HouseholdInput(village_id=east.id, area_type="urban"),
                reg.PersonInput(
                    name=f"赵{'一二三四五六七八九十'[n % 10]}{n}",
                    id_number=make_id("410483", date(1950 + n % 50, 1, 1), n % 1000),
                ),
            )
    ids["east"], ids["west"] = east.id, west.id
    return ids


@pytest.fixture
def clerk(sqlite_db: Database) -> Actor:
    return actor_of(sqlite_db, "clerk")


@pytest.fixture
def ctx(sqlite_db: Database, clerk: Actor, tmp_path) -> AppContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return AppContext(sqlite_db, clerk, None, settings)
