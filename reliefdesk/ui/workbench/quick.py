"""A fast first fill of the workbench from the stored deadlines (one indexed query), shown
while the full ``casework.workbench`` (which evaluates each case's allowed actions) runs.

Qt-free; runs on a worker thread. Uses only service functions.
"""

from __future__ import annotations

from datetime import date

from reliefdesk.db.engine import Database
from reliefdesk.services import casework
from reliefdesk.services.casework import WorkItem
from reliefdesk.services.context import Actor
from reliefdesk.services.policy import work_calendar

QUICK_LIMIT = 5000


def quick_todo(db: Database, actor: Actor, today: date) -> list[WorkItem]:
    """Open cases with their stored deadline and working days left (no actions yet)."""
    rows = casework.list_applications(db, actor, open_only=True, limit=QUICK_LIMIT)
    with db.read_session() as s:
        cal = work_calendar(s)
    return [WorkItem(r.id, r.file_no, r.applicant_name, r.programme, r.state, r.state_label,
                     r.due_on, cal.working_days_between(today, r.due_on) if r.due_on else None,
                     ()) for r in rows]
