"""Generating a month's roster: the one entry point for every programme.

Regular (monthly) rosters are built by :mod:`.build`; temporary aid gets a one-off payment
list of its own (:mod:`.oneoff`, which reuses the line helpers of :mod:`.build`). Keeping the
dispatch here means neither of those two modules imports the other in a circle.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ...db.engine import Database
from ..context import Actor
from .build import gc_paused, generate_regular_in
from .integrity import NOT_LOOKED, seen_regular
from .oneoff import generate_temp_aid_in
from .types import RosterView

__all__ = ["generate", "generate_in"]


def generate(
    db: Database,
    actor: Actor,
    month: str | date,
    programme: str | None = None,
    *,
    with_lines: bool = False,
) -> RosterView:
    """Build (or rebuild) the regular roster of ``month`` for ``programme`` (None = all).
    ``with_lines`` also returns every line (costly for big months: page with list_lines).

    What the month's roster looked like is read BEFORE the write transaction, so that a
    concurrent generate that got there first is refused instead of silently rebuilt."""
    seen = seen_regular(db, month, programme) if programme != "temporary_aid" else NOT_LOOKED
    with db.session() as s:
        return generate_in(s, actor, month, programme, with_lines=with_lines, seen=seen)


def generate_in(
    s: Session,
    actor: Actor,
    month: str | date,
    programme: str | None = None,
    *,
    with_lines: bool = False,
    seen: Any = NOT_LOOKED,
) -> RosterView:
    """:func:`generate` inside the caller's transaction."""
    actor.require("roster.generate")
    if programme == "temporary_aid":  # one-off grants: a payment list of their own
        return generate_temp_aid_in(s, actor, month)
    with gc_paused():
        return generate_regular_in(s, actor, month, programme, with_lines, seen)
