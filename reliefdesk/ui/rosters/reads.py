"""Read helpers for the roster page (run them off the GUI thread): each is one service call
(one snapshot) — the roster shown for a month and programme, and the history with its exports.
"""

from __future__ import annotations

from datetime import date

from reliefdesk.db.engine import Database
from reliefdesk.services import roster
from reliefdesk.services.context import Actor
from reliefdesk.services.roster import RosterView

from .models import HistoryRow


def roster_for(db: Database, actor: Actor, month: date, programme: str) -> RosterView | None:
    """The regular roster of ``month`` for ``programme`` (see :func:`roster.roster_for`)."""
    return roster.roster_for(db, actor, month, programme)


def history(db: Database, actor: Actor) -> list[HistoryRow]:
    """Every roster (newest month first) with the exports made of it."""
    return [HistoryRow(r, exports) for r, exports in roster.roster_history(db, actor)]
