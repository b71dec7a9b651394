"""Demo office: a year of locked rosters, so the 统计 page is full on first launch.

Called once from the demo generator (one-line hook) inside its transaction, before the
current month's temporary-aid draft: for each of the twelve months before ``as_of`` the
regular roster and the 临时救助 list are generated and locked by the demo's approver. The
demo plants register problems on purpose (for ``check``), so these demo rosters are locked
without the validation gate, with the usual SHA-256 over their lines and a note saying so.
"""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.months import add_months, month_start
from ...models import Roster, User, utcnow
from ..context import Actor

__all__ = ["lock_demo_year"]

NOTE = "演示数据：为统计页面预先生成并锁定（未经校验）"


def lock_demo_year(s: Session, as_of: date, months: int = 12) -> float:
    """Generate and lock the ``months`` rosters before ``as_of``; returns the seconds taken
    (0 when the demo has no approver account)."""
    from ..roster import generate_in
    from ..roster_check import roster_hash
    from ..roster_oneoff import mark_list_paid

    started = time.perf_counter()
    user = s.scalar(select(User).where(User.username == "approver"))
    if user is None:
        return 0.0
    actor = Actor(user.id, user.username, user.display_name or user.username, user.role)
    first = add_months(month_start(as_of), -months)
    for i in range(months):
        month = add_months(first, i)
        for programme in (None, "temporary_aid"):
            view = generate_in(s, actor, month, programme)
            roster = s.get(Roster, view.id)
            assert roster is not None
            if programme and roster.households == 0:
                s.delete(roster)
                s.flush()
                continue
            roster.status, roster.locked_at = "locked", utcnow()
            roster.locked_by, roster.locked_by_name = user.id, actor.display_name
            roster.note = NOTE
            s.flush()
            roster.lines_sha256 = roster_hash(s, roster)
            if programme:
                mark_list_paid(s, roster)
            s.flush()
    return time.perf_counter() - started
