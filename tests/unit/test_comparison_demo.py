"""The demo office comes with a month of department files compared and open findings in the
queue; a --clean demo reports no recipient dead, so its roster can still be locked."""

from __future__ import annotations

from datetime import date

from reliefdesk.demo import generate_demo
from reliefdesk.domain.comparison import SOURCES
from reliefdesk.services import comparison

AS_OF = date(2026, 6, 15)


def test_demo_has_runs_and_open_findings(db, actors) -> None:
    """Every source was compared once this month; findings of several kinds are open, two of
    them deaths of recipients (the first listed was a reversed registration)."""
    generate_demo(db, actors["admin"], 150, seed=3, as_of=AS_OF)
    clerk = actors["clerk"]
    runs = comparison.list_runs(db, clerk)
    assert {r.source for r in runs} == set(SOURCES) and len(runs) == len(SOURCES)
    open_ = comparison.list_findings(db, clerk, open_only=True)
    assert len({f.kind for f in open_}) >= 8
    assert sum(1 for f in open_ if f.kind == "death") == 2
    assert all(f.assignee_name for f in open_)


def test_clean_demo_has_no_death_leads(db, actors) -> None:
    """--clean: leads of other kinds, but no recipient reported dead."""
    generate_demo(db, actors["admin"], 150, seed=3, clean=True, as_of=AS_OF)
    clerk = actors["clerk"]
    assert comparison.count_open(db, clerk) > 0
    assert comparison.list_findings(db, clerk, open_only=True, kind="death") == []
