"""The roster build reads the enrollment table once, by id, not in full scans (issue #17).

Its rows carry the decision's working (~500 bytes each, ~28 MB at 40,000 households); the
build asked "which enrollments pay in this month" five times, and each question scanned the
whole table until the covering index ``ix_enrollment_month`` (migration 0012).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import event

from reliefdesk.db.engine import Database
from reliefdesk.services.roster.load import load


def _plans(db: Database, run: Any) -> dict[str, list[str]]:
    """Each SELECT that ``run(session)`` executes, with SQLite's plan for it."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cur: Any, statement: str, params: Any, _ctx: Any, many: bool) -> None:
        if not many and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.read_session() as s:
            run(s)
            raw = s.connection().connection.driver_connection
            return {
                st: [str(r[-1]) for r in raw.execute("EXPLAIN QUERY PLAN " + st, p)]
                for st, p in seen
            }
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)


def test_roster_load_never_scans_the_enrollment_table(sqlite_db: Database) -> None:
    """Every query of the roster's load reads enrollments by id or from the month's covering
    index; none scans the table (five scans of ~28 MB at county scale)."""
    month = date(2026, 12, 1)
    plans = _plans(
        sqlite_db, lambda s: load(s, ("urban_dibao", "rural_dibao", "tekun"), month, month)
    )
    enrollment_queries = {st: p for st, p in plans.items() if re.search(r"\benrollment\b", st)}
    assert len(enrollment_queries) >= 4, plans
    for st, plan in enrollment_queries.items():
        assert not any(re.fullmatch(r"SCAN enrollment", step) for step in plan), (st, plan)
    assert any(
        "COVERING INDEX ix_enrollment_month" in step
        for p in enrollment_queries.values()
        for step in p
    )
