"""Read helpers for the household page: everything one household's tabs show comes from one
service call (:func:`reliefdesk.services.household_page.household_bundle`, one snapshot),
run in one worker call. No rules, no SQL and no session here."""

from __future__ import annotations

from reliefdesk.db.engine import Database
from reliefdesk.services.context import Actor
from reliefdesk.services.household_page import (
    HouseholdBundle,
    PaymentLine,
    household_bundle,
    payment_lines,
)

__all__ = ["HouseholdBundle", "PaymentLine", "load_bundle", "payment_lines"]


def load_bundle(
    db: Database, actor: Actor, household_id: int, *, reveal: bool = False
) -> HouseholdBundle:
    return household_bundle(db, actor, household_id, reveal=reveal)
