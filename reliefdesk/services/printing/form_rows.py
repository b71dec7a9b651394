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

from ...models import (
    Application,
    ApplicationMaterial,
    Asset,
    CaseStep,
    Enrollment,
    Household,
    Person,
    Township,
    Village,
    Visit,
)
from ...models import IncomeItem as IncomeRow
from ..materials import MATERIAL_KINDS
from .common import user_names

__all__ = ["FormRows"]


def _grouped(rows: Sequence[Any], key: str) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for r in rows:
        out[getattr(r, key)].append(r)
    return out


@dataclass(frozen=True, slots=True)
class FormRows:
    """Households by id, (village, township) names by village id; rows by household id
    (persons, incomes, assets, each by id) and by application id (visits by date then id,
    the first enrollment, case steps by id, the material kinds received); user id → name."""

    households: dict[int, Household]
    places: dict[int, tuple[str, str]]
    persons: dict[int, list[Person]]
    incomes: dict[int, list[IncomeRow]]
    assets: dict[int, list[Asset]]
    visits: dict[int, list[Visit]]
    enrollments: dict[int, Enrollment]
    steps: dict[int, list[CaseStep]]
    names: dict[int, str]
    received: dict[int, set[str]]

    def materials(self, application_id: int) -> tuple[tuple[str, bool], ...]:
        """The application's checklist as printed: (label, received) in ``MATERIAL_KINDS``
        order (as ``services.materials.materials_in`` lists it)."""
        got = self.received.get(application_id, set())
        return tuple((label, kind in got) for kind, label in MATERIAL_KINDS.items())

    @classmethod
    def load(cls, s: Session, apps: Sequence[Application]) -> FormRows:
        """Everything the forms of ``apps`` print. The rows are held here: the session's
        identity map holds only weak references, so rows loaded and dropped would be read
        again by every ``s.get``."""
        app_ids = [a.id for a in apps]
        hh_ids = sorted({a.household_id for a in apps})
        households = s.scalars(select(Household).where(Household.id.in_(hh_ids))).all()
        village_ids = {h.village_id for h in households}
        villages = s.scalars(select(Village).where(Village.id.in_(village_ids))).all()
        township_ids = {v.township_id for v in villages}
        townships = {
            t.id: t.name for t in s.scalars(select(Township).where(Township.id.in_(township_ids)))
        }

        def by_household(model: Any) -> dict[int, list[Any]]:
            q = select(model).where(model.household_id.in_(hh_ids)).order_by(model.id)
            return _grouped(s.scalars(q).all(), "household_id")

        def by_application(model: Any, *order: Any) -> dict[int, list[Any]]:
            q = select(model).where(model.application_id.in_(app_ids)).order_by(*order)
            return _grouped(s.scalars(q).all(), "application_id")

        steps = by_application(CaseStep, CaseStep.id)
        enrollments = by_application(Enrollment, Enrollment.id)
        received: dict[int, set[str]] = defaultdict(set)
        for app_id, kind in s.execute(
            select(ApplicationMaterial.application_id, ApplicationMaterial.kind).where(
                ApplicationMaterial.application_id.in_(app_ids),
                ApplicationMaterial.received.is_(True),
            )
        ):
            received[app_id].add(kind)
        return cls(
            households={h.id: h for h in households},
            places={v.id: (v.name, townships.get(v.township_id, "")) for v in villages},
            persons=by_household(Person),
            incomes=by_household(IncomeRow),
            assets=by_household(Asset),
            visits=by_application(Visit, Visit.visit_date, Visit.id),
            enrollments={k: v[0] for k, v in enrollments.items()},
            steps=steps,
            names=user_names(s, {st.user_id for rows in steps.values() for st in rows}),
            received=dict(received),
        )
