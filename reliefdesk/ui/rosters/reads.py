"""Read helpers composed from the roster services for the page (run them off the GUI
thread): the roster shown for a month and programme, and the history with its exports."""

from __future__ import annotations

from datetime import date

from reliefdesk.db.engine import Database
from reliefdesk.services import roster
from reliefdesk.services.context import Actor
from reliefdesk.services.roster import RosterView

from .models import HistoryRow


def roster_for(db: Database, actor: Actor, month: date, programme: str) -> RosterView | None:
    """The regular roster of ``month`` for ``programme`` ("all" falls back to the month's first
    regular roster when the month was generated programme by programme)."""
    if programme == "temporary_aid":  # the month's latest one-off payment list
        lists = [r for r in roster.list_rosters(db, actor, month, programme)
                 if r.kind == "one_off"]
        return max(lists, key=lambda r: r.seq_no) if lists else None
    rows = [r for r in roster.list_rosters(db, actor, month) if r.kind == "regular"]
    for r in rows:
        if r.programme == programme:
            return r
    if programme == "all" and rows:
        return rows[0]
    return None


def history(db: Database, actor: Actor) -> list[HistoryRow]:
    """Every roster (newest month first) with the exports made of it."""
    return [HistoryRow(r, tuple(roster.list_exports(db, actor, r.id)))
            for r in roster.list_rosters(db, actor)]
