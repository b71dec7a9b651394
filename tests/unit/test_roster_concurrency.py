"""Two ``roster generate`` for the same month at once (issue 13): one wins, the other gets a
clear Chinese message, never a duplicate roster (SQLite and PostgreSQL, two threads each with
its own Database); and no roster month before the office's first data."""

from __future__ import annotations

import importlib
import threading
from datetime import date

import pytest
from sqlalchemy import func, select
from test_roster_support import START, make_household, setup_policy

from reliefdesk.cli import main
from reliefdesk.db.connect import open_database
from reliefdesk.errors import ReliefError, RuleViolation
from reliefdesk.models import Roster
from reliefdesk.services import roster
from reliefdesk.services.roster import integrity

# the module (the package facade's `generate` is the function of the same name)
roster_generate = importlib.import_module("reliefdesk.services.roster.generate")


def _race(db, actor, monkeypatch, month: str, programme: str | None = None) -> list[object]:
    """Both callers look first, then write at the same moment (a barrier after the look)."""
    barrier = threading.Barrier(2, timeout=30)
    real = integrity.seen_regular

    def look_then_wait(*args, **kw):  # forces the interleaving; the writes are real
        seen = real(*args, **kw)
        barrier.wait()
        return seen

    monkeypatch.setattr(roster_generate, "seen_regular", look_then_wait)
    outcomes: list[object] = [None, None]

    def run(i: int) -> None:
        own = open_database(db.url)
        try:
            outcomes[i] = roster.generate(own, actor, month, programme)
        except ReliefError as exc:
            outcomes[i] = exc
        finally:
            own.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    monkeypatch.undo()
    return outcomes


def _one_wins(outcomes: list[object]) -> None:
    views = [o for o in outcomes if isinstance(o, roster.RosterView)]
    errors = [o for o in outcomes if isinstance(o, RuleViolation)]
    assert len(views) == 1 and len(errors) == 1, outcomes
    assert errors[0].code == "roster.concurrent" and "花名册" in str(errors[0])


def test_two_new_rosters_at_once_one_wins(db, actors, monkeypatch):
    """No roster yet: both try to create it; one does, the other is told (the unique
    constraint on PostgreSQL, the serialised write on SQLite); one roster row exists."""
    setup_policy(db)
    make_household(db)
    make_household(db)
    _one_wins(_race(db, actors["clerk"], monkeypatch, "2026-01"))
    with db.session() as s:
        assert s.scalar(select(func.count(Roster.id))) == 1


def test_two_rebuilds_of_a_draft_at_once_one_wins(db, actors, monkeypatch):
    """A draft exists: two rebuilds at once; the roster row lock (PostgreSQL) or the write
    lock (SQLite) orders them and the second sees the first's rebuild and refuses."""
    setup_policy(db)
    make_household(db)
    first = roster.generate(db, actors["clerk"], "2026-01")
    _one_wins(_race(db, actors["clerk"], monkeypatch, "2026-01"))
    with db.session() as s:
        assert list(s.scalars(select(Roster.id))) == [first.id]
    again = roster.generate(db, actors["clerk"], "2026-01")  # later on, a rebuild is fine
    assert again.id == first.id


def test_roster_month_before_first_data_is_refused(db, actors, monkeypatch, capsys):
    """A roster month before the office's earliest enrollment or application is refused with
    a clear message (service and CLI, non-zero exit); the first data month itself is fine."""
    setup_policy(db)
    make_household(db)
    with db.session() as s:
        first = integrity.first_data_month(s)
    assert first is not None and first <= START
    before = date(first.year - 1, first.month, 1)
    with pytest.raises(RuleViolation) as exc:
        roster.generate(db, actors["clerk"], before)
    assert exc.value.code == "roster.before_data" and "最早的数据" in str(exc.value)
    with pytest.raises(RuleViolation):
        roster.generate(db, actors["clerk"], before, "temporary_aid")
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Test#Pass2026")
    code = main(
        ["--db", db.url, "--user", "clerk", "roster", "generate", "--month", f"{before:%Y-%m}"]
    )
    err = capsys.readouterr().err.strip()
    assert code != 0 and "最早的数据" in err and "\n" not in err
    with db.session() as s:
        assert s.scalar(select(func.count(Roster.id))) == 0


def test_recheck_result_refuses_a_record_changed_meanwhile(db, actors):
    """The 复核 dialog passes the version it showed: a record another user changed since is
    refused (stale), nothing recorded; with the current version it is saved."""
    from test_casework_support import family_of_three, walk

    from reliefdesk.errors import StaleDataError
    from reliefdesk.services import casework, enrollment_events, enrollments

    hid, ids = family_of_three(db)
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", date(2025, 3, 3)
    )
    eid = walk(db, actors, app.id, "approved").enrollment_id
    seen = enrollments.get_enrollment(db, actors["clerk"], eid)
    enrollments.record_recheck(
        db,
        actors["reviewer"],
        eid,
        on_date=date(2026, 4, 8),
        stability="stable",
        note="其他用户先复核",
    )
    with pytest.raises(StaleDataError):
        enrollment_events.record_recheck_result(
            db,
            actors["reviewer"],
            eid,
            "unchanged",
            on_date=date(2026, 4, 9),
            expected_version=seen.version,
        )
    now = enrollments.get_enrollment(db, actors["clerk"], eid)
    done = enrollment_events.record_recheck_result(
        db,
        actors["reviewer"],
        eid,
        "unchanged",
        on_date=date(2026, 4, 9),
        expected_version=now.version,
    )
    assert done.id == eid and done.next_recheck is not None
