"""Helpers for the casework tests: households built directly with the ORM, and a walk of an
application through the legal steps. (No tests here.)"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import Household, IncomeItem, Person, Township, Village
from reliefdesk.services import casework, visits
from reliefdesk.services.context import Actor

_seq = itertools.count(1)


def make_household(
    db: Database,
    members: list[dict[str, Any]],
    area: str = "rural",
    incomes: list[tuple[int | None, int]] = (),
    **hh: Any,
) -> tuple[int, list[int]]:
    """Create a household; ``members`` are Person keyword dicts (``birth`` required);
    ``incomes`` are (member index or None, monthly fen). Returns (household id, person ids)."""
    with db.session() as s:
        township = s.scalars(select(Township).order_by(Township.id)).first()
        assert township is not None
        village = s.scalar(
            select(Village).where(Village.township_id == township.id, Village.name == "测试村")
        )
        if village is None:
            village = Village(township_id=township.id, name="测试村")
            s.add(village)
            s.flush()
        household = Household(village_id=village.id, area_type=area, **hh)
        s.add(household)
        s.flush()
        ids = []
        for i, member in enumerate(members):
            m = dict(member)
            birth: date = m.pop("birth")
            seq = next(_seq)
            p = Person(
                household_id=household.id,
                name=m.pop("name", f"成员{seq}"),
                id_number=make_id("410482", birth, seq % 1000),
                birth_date=birth,
                sex="M" if seq % 2 else "F",
                relation="head" if i == 0 else "child",
                **m,
            )
            s.add(p)
            s.flush()
            ids.append(p.id)
        for idx, fen in incomes:
            s.add(
                IncomeItem(
                    household_id=household.id,
                    person_id=None if idx is None else ids[idx],
                    category="wage",
                    monthly_fen=fen,
                )
            )
        return household.id, ids


def family_of_three(db: Database, income_fen: int = 60000, **hh: Any) -> tuple[int, list[int]]:
    """Adults aged ~40 and a 20-year-old: no 分类施保 categories; 600 元/月 income."""
    return make_household(
        db,
        [
            {"name": "王大山", "birth": date(1985, 4, 1)},
            {"name": "李秀兰", "birth": date(1986, 6, 1)},
            {"name": "王小林", "birth": date(2004, 9, 1)},
        ],
        incomes=[(0, income_fen)],
        **hh,
    )


TWO = [{"name": "张三", "unit": "民政所"}, {"name": "李四", "unit": "村委会"}]


def walk(
    db: Database, actors: dict[str, Actor], app_id: int, until: str, start: date = date(2025, 3, 3)
) -> casework.ApplicationView:
    """Move an application created on ``start`` through the steps up to state ``until``."""
    clerk, reviewer = actors["clerk"], actors["reviewer"]
    view = casework.get_application(db, clerk, app_id)
    hh = view.household_id
    order = ["investigating", "prelim_review", "publicity", "awaiting_confirmation", "approved"]
    for state in order:
        if state == "investigating":
            view = casework.perform(
                db, clerk, app_id, "start_investigation", on_date=date(2025, 3, 4)
            )
            if view.programme == "tekun" and view.self_care is None:
                view = casework.record_self_care(
                    db,
                    clerk,
                    app_id,
                    dict.fromkeys(casework.SELF_CARE_ITEMS, True),
                    on_date=date(2025, 3, 4),
                )
        elif state == "prelim_review":
            casework.perform(db, clerk, app_id, "request_info_check", on_date=date(2025, 3, 4))
            visits.save_visit(
                db,
                clerk,
                visits.VisitInput(
                    household_id=hh,
                    application_id=app_id,
                    visit_date=date(2025, 3, 5),
                    investigators=TWO,
                    opinion="情况属实",
                ),
            )
            casework.perform(
                db,
                clerk,
                app_id,
                "record_info_check",
                on_date=date(2025, 3, 6),
                opinion="核对无异常",
            )
            view = casework.perform(
                db,
                reviewer,
                app_id,
                "submit_prelim",
                on_date=date(2025, 3, 7),
                opinion="符合条件，建议纳入",
            )
        elif state == "publicity":
            view = casework.perform(db, clerk, app_id, "start_publicity", on_date=date(2025, 3, 10))
        elif state == "awaiting_confirmation":
            view = casework.perform(
                db, clerk, app_id, "finish_publicity", on_date=date(2025, 3, 17)
            )
        elif state == "approved":
            view = casework.perform(
                db,
                actors["approver"],
                app_id,
                "confirm",
                on_date=date(2025, 3, 18),
                decision="approve",
                opinion="同意",
            )
        if state == until:
            break
    assert view.state == until, view.state
    return view


def approve(db: Database, actors: dict[str, Actor], app_id: int, who: str = "approver") -> Any:
    """Confirm (同意) the application on 2025-03-18 as ``who``."""
    return casework.perform(
        db,
        actors[who],
        app_id,
        "confirm",
        on_date=date(2025, 3, 18),
        decision="approve",
        opinion="同意",
    )
