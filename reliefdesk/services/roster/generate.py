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
from ..scope import roster_township
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
    township_id: int | None = None,
) -> RosterView:
    """Build (or rebuild) the regular roster of ``month`` for ``programme`` (None = all).
    ``with_lines`` also returns every line (costly for big months: page with list_lines).
    A township user builds their township's roster; a county user the township they name
    (``township_id``; None: every township, one county roster).

    What the month's roster looked like is read BEFORE the write transaction, so that a
    concurrent generate that got there first is refused instead of silently rebuilt."""
    town = roster_township(actor, township_id)
    seen = seen_regular(db, month, programme, town) if programme != "temporary_aid" else NOT_LOOKED
    with db.session() as s:
        return generate_in(
            s, actor, month, programme, with_lines=with_lines, seen=seen, township_id=town
        )


def generate_in(
    s: Session,
    actor: Actor,
    month: str | date,
    programme: str | None = None,
    *,
    with_lines: bool = False,
    seen: Any = NOT_LOOKED,
    township_id: int | None = None,
) -> RosterView:
    """:func:`generate` inside the caller's transaction."""
    actor.require("roster.generate")
    town = roster_township(actor, township_id)
    if programme == "temporary_aid":  # one-off grants: a payment list of their own
        return generate_temp_aid_in(s, actor, month, town)
    with gc_paused():
        return generate_regular_in(s, actor, month, programme, with_lines, seen, town)
