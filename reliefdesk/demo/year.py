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

from ..domain.months import add_months, month_start
from ..models import Roster, User, utcnow
from ..services import audit
from ..services.context import Actor

__all__ = ["lock_demo_year"]

NOTE = "演示数据：为统计页面预先生成并锁定（未经校验）"
# Above this size the year is skipped: twelve roster generations cost about 3 s at the default
# 1,500 households but about 45 s at 40,000 (the county demo must stay ≤ 60 s); the benchmark
# calls this function directly instead.
MAX_HOUSEHOLDS = 5000


def lock_demo_year(s: Session, as_of: date, households: int = 0, months: int = 12) -> float:
    """Generate and lock the ``months`` rosters before ``as_of``; returns the seconds taken
    (0 when skipped: more than MAX_HOUSEHOLDS, or no approver account)."""
    if households > MAX_HOUSEHOLDS:
        return 0.0
    from ..services.roster import generate_in
    from ..services.roster.check import roster_hash
    from ..services.roster.integrity import first_data_month
    from ..services.roster.oneoff import mark_list_paid

    started = time.perf_counter()
    user = s.scalar(select(User).where(User.username == "approver"))
    if user is None:
        return 0.0
    actor = Actor(user.id, user.username, user.display_name or user.username, user.role)
    first = add_months(month_start(as_of), -months)
    since = first_data_month(s)  # a tiny demo's first case may come later than a year ago
    for i in range(months):
        month = add_months(first, i)
        if since is None or month < since:
            continue  # no roster before the office's first data (the roster refuses it)
        if s.scalar(select(Roster.id).where(Roster.month == month).limit(1)) is not None:
            continue  # a second demo run on the same database: months already there stay
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
            audit.record(
                s,
                actor,
                "roster.lock",
                "roster",
                roster.id,
                detail={
                    "month": f"{month:%Y-%m}",
                    "kind": roster.kind,
                    "sha256": roster.lines_sha256,
                    "note": NOTE,
                },
            )
            s.flush()
    return time.perf_counter() - started
