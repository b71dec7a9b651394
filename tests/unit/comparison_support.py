"""Shared set-up for the comparison tests: a small register of recipients (with an active
enrollment each) and of people who receive nothing (some in 低保边缘 households), and the
department files that list them."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from test_roster_support import make_household, setup_policy

from reliefdesk.db.engine import Database
from reliefdesk.demo.departments import RegisterPerson
from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import Household, Person, Township, Village

DATA = Path(__file__).resolve().parents[1] / "data"
if str(DATA) not in sys.path:
    sys.path.insert(0, str(DATA))

from make_department_files import write_source  # noqa: E402

MONTH = date(2026, 11, 1)
_SURNAMES = "赵钱孙李周吴郑冯"


def make_register(db: Database) -> tuple[list[dict[str, int]], list[RegisterPerson]]:
    """4 recipient households (payee listed) then 4 non-recipients (the first two in 低保边缘
    households). Returns the recipients' make_household dicts and the 8 people in file order."""
    setup_policy(db)
    recs = [make_household(db, persons=2) for _ in range(4)]
    people: list[RegisterPerson] = []
    with db.session() as s:
        for r in recs:
            p = s.get(Person, r["payee_id"])
            assert p is not None
            people.append(RegisterPerson(p.id_number, p.name, recipient=True))
        town = s.query(Township).filter_by(code="410482101").one()
        vil = Village(township_id=town.id, name="西村")
        s.add(vil)
        s.flush()
        for i in range(4):
            hh = Household(village_id=vil.id, area_type="rural", near_dibao=i < 2)
            s.add(hh)
            s.flush()
            born = date(1970 + i, 3, 4)
            p = Person(
                household_id=hh.id,
                name=f"{_SURNAMES[i]}非保{i}",
                id_number=make_id("410482", born, 500 + i),
                birth_date=born,
                sex="M",
                relation="head",
            )
            s.add(p)
            people.append(RegisterPerson(p.id_number, p.name, near_dibao=i < 2))
    return recs, people


def department_file(tmp: Path, source: str, people: list[RegisterPerson]) -> Path:
    return write_source(tmp, source, people, month=MONTH)
