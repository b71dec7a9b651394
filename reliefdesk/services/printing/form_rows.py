"""The database rows a 申请审批表 prints, loaded for a whole batch of applications at once.

One query per table for all the applications (households, their members, incomes and assets;
the applications' visits, enrollments and case steps; the names of the users who signed),
instead of a dozen per form: a batch of 500 forms read 7,000 times otherwise. A single form
uses the same loader with one application, so both print from the same rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Application, Asset, CaseStep, Enrollment, Household, Person, Village, Visit
from ...models import IncomeItem as IncomeRow
from .common import user_names

__all__ = ["FormRows"]


def _grouped(rows: Sequence[Any], key: str) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for r in rows:
        out[getattr(r, key)].append(r)
    return out


@dataclass(frozen=True, slots=True)
class FormRows:
    """Rows by household id (persons, incomes, assets, each by id) and by application id
    (visits by date then id, the first enrollment, case steps by id); user id → name."""

    persons: dict[int, list[Person]]
    incomes: dict[int, list[IncomeRow]]
    assets: dict[int, list[Asset]]
    visits: dict[int, list[Visit]]
    enrollments: dict[int, Enrollment]
    steps: dict[int, list[CaseStep]]
    names: dict[int, str]

    @classmethod
    def load(cls, s: Session, apps: Sequence[Application]) -> FormRows:
        """Everything the forms of ``apps`` print; households and villages land in the
        session's identity map, so ``s.get`` finds them without a query."""
        app_ids = [a.id for a in apps]
        hh_ids = sorted({a.household_id for a in apps})
        households = s.scalars(select(Household).where(Household.id.in_(hh_ids))).all()
        village_ids = {h.village_id for h in households}
        s.scalars(select(Village).where(Village.id.in_(village_ids))).all()

        def by_household(model: Any) -> dict[int, list[Any]]:
            q = select(model).where(model.household_id.in_(hh_ids)).order_by(model.id)
            return _grouped(s.scalars(q).all(), "household_id")

        def by_application(model: Any, *order: Any) -> dict[int, list[Any]]:
            q = select(model).where(model.application_id.in_(app_ids)).order_by(*order)
            return _grouped(s.scalars(q).all(), "application_id")

        steps = by_application(CaseStep, CaseStep.id)
        enrollments = by_application(Enrollment, Enrollment.id)
        return cls(
            persons=by_household(Person),
            incomes=by_household(IncomeRow),
            assets=by_household(Asset),
            visits=by_application(Visit, Visit.visit_date, Visit.id),
            enrollments={k: v[0] for k, v in enrollments.items()},
            steps=steps,
            names=user_names(s, {st.user_id for rows in steps.values() for st in rows}),
        )
