"""A fast first fill of the workbench from the stored deadlines (one indexed query), shown
while the full ``casework.workbench`` (which evaluates each case's allowed actions) runs.

Qt-free; runs on a worker thread. Uses only service functions.
"""

from __future__ import annotations

from datetime import date

from reliefdesk.db.engine import Database
from reliefdesk.services.casework import WorkItem, board
from reliefdesk.services.context import Actor

QUICK_LIMIT = board.QUICK_LIMIT


def quick_todo(db: Database, actor: Actor, today: date) -> list[WorkItem]:
    """Open cases with their stored deadline and working days left (no actions yet): one
    service call (:func:`reliefdesk.services.casework.board.quick_todo`)."""
    return board.quick_todo(db, actor, today, QUICK_LIMIT)
