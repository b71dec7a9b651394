"""Read helpers for the roster page (run them off the GUI thread): each is one service call
(one snapshot) — the roster shown for a month, programme and township, the townships, and the
history with its exports.
"""

from __future__ import annotations

from datetime import date

from reliefdesk.db.engine import Database
from reliefdesk.services import register, roster
from reliefdesk.services.context import Actor
from reliefdesk.services.roster import RosterView

from .models import HistoryRow


def roster_for(
    db: Database, actor: Actor, month: date, programme: str, township_id: int | None = None
) -> RosterView | None:
    """The regular roster of ``month`` for ``programme`` (see :func:`roster.roster_for`); a
    county user's of ``township_id`` (None: the county-wide roster)."""
    if actor.township_id is not None:
        return roster.roster_for(db, actor, month, programme)
    return roster.roster_for(db, actor, month, programme, township_id=township_id)


def townships(db: Database, actor: Actor) -> list[tuple[int, str]]:
    """(id, name) of the townships ``actor`` may see, by code."""
    return [(t.id, t.name) for t in register.list_townships(db, actor)]


def history(db: Database, actor: Actor) -> list[HistoryRow]:
    """Every roster (newest month first) with the exports made of it."""
    return [HistoryRow(r, exports) for r, exports in roster.roster_history(db, actor)]
