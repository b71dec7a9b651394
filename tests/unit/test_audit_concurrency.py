"""Concurrent writers and the audit chain (issue 18): the chain head is locked only for the
short append at COMMIT, events of a rolled-back savepoint never join the chain, many writers
at once leave a chain that verifies, and a deadlock victim is run again once (real
PostgreSQL connections, each thread with its own Database)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text, update

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.db.retry import CONFLICT_CODE, run_retrying
from reliefdesk.errors import DatabaseError
from reliefdesk.models import AuditEvent, AuditHead, Township
from reliefdesk.services import audit
from reliefdesk.services.audit_anchor import current_anchor_in
from reliefdesk.services.context import SYSTEM


@pytest.fixture
def pg_db(pg_cluster, pg_template) -> Iterator[Database]:
    """A fresh migrated PostgreSQL database (these tests need a server's row locks)."""
    name = "t_" + uuid.uuid4().hex[:12]
    pg_cluster.admin_sql(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    database = open_database(pg_cluster.url(name))
    yield database
    database.close()
    pg_cluster.admin_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _events(db: Database, action: str) -> list[tuple[int, str]]:
    """(id, entity_id) of the events of ``action``, in chain order."""
    with db.read_session() as s:
        rows = s.execute(
            select(AuditEvent.id, AuditEvent.entity_id)
            .where(AuditEvent.action == action)
            .order_by(AuditEvent.id)
        )
        return [(int(i), str(e)) for i, e in rows]


def _chain_ok(db: Database) -> None:
    with db.read_session() as s:
        assert audit.verify_chain(s) == []


def test_open_transaction_does_not_hold_the_chain_head(pg_db: Database) -> None:
    """A transaction that has audited a write but not yet committed (a roster being built)
    does not make another township's writer wait for the chain head."""
    other = open_database(pg_db.url)
    try:
        with pg_db.session() as slow:
            audit.record(slow, SYSTEM, "test.slow", "test", 1)
            slow.flush()
            with other.session() as quick:  # must not wait for `slow` (it did before)
                quick.execute(text("SET LOCAL lock_timeout = '3s'"))
                audit.record(quick, SYSTEM, "test.quick", "test", 2)
        (quick_ev,) = _events(pg_db, "test.quick")
        (slow_ev,) = _events(pg_db, "test.slow")
        assert quick_ev[0] < slow_ev[0]  # the chain follows the order of the commits
        _chain_ok(pg_db)
    finally:
        other.close()


def test_many_writers_at_once_leave_a_chain_that_verifies(pg_db: Database) -> None:
    """Eight writers with their own connections, ten events each: every event is in the
    chain once, the head counts them all, the chain verifies."""
    with pg_db.read_session() as s:
        before = s.scalar(select(AuditHead.count).where(AuditHead.id == 1)) or 0
    errors: list[BaseException] = []

    def writer(i: int) -> None:
        own = open_database(pg_db.url)
        try:
            for k in range(10):
                with own.session() as s:
                    audit.record(s, SYSTEM, "test.many", "test", f"{i}-{k}")
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    assert len({e for _, e in _events(pg_db, "test.many")}) == 80
    with pg_db.read_session() as s:
        assert s.scalar(select(AuditHead.count).where(AuditHead.id == 1)) == before + 80
        assert s.scalar(select(func.count(AuditEvent.id))) == before + 80
    _chain_ok(pg_db)


def test_events_of_a_rolled_back_savepoint_never_join_the_chain(db: Database) -> None:
    """An event recorded in a savepoint that is rolled back (a preview) is dropped; one in a
    released savepoint is kept."""
    with db.session() as s:
        audit.record(s, SYSTEM, "test.outer", "test")
        preview = s.begin_nested()
        audit.record(s, SYSTEM, "test.preview", "test")
        inner = s.begin_nested()
        audit.record(s, SYSTEM, "test.preview", "test")
        inner.commit()
        preview.rollback()
        with s.begin_nested():
            audit.record(s, SYSTEM, "test.kept", "test")
    assert _events(db, "test.preview") == []
    assert len(_events(db, "test.outer")) == len(_events(db, "test.kept")) == 1
    _chain_ok(db)


def test_seal_puts_the_events_in_the_head_within_the_transaction(db: Database) -> None:
    """``seal`` appends the recorded events at once, so the same transaction can print an
    anchor that includes them; a rolled-back transaction leaves the head as it was."""
    with db.read_session() as s:
        start = current_anchor_in(s)
    with db.session() as s:
        ev = audit.record(s, SYSTEM, "test.sealed", "test")
        assert audit.seal(s) == 1
        assert current_anchor_in(s).count == start.count + 1
        assert current_anchor_in(s).hash == ev.hash
    with pytest.raises(RuntimeError), db.session() as s:
        audit.record(s, SYSTEM, "test.rolled_back", "test")
        raise RuntimeError("the write fails")
    with db.read_session() as s:
        assert current_anchor_in(s).count == start.count + 1
    assert _events(db, "test.rolled_back") == []
    _chain_ok(db)


def _two_townships(db: Database) -> tuple[int, int]:
    with db.read_session() as s:
        first, second = s.scalars(select(Township.id).order_by(Township.id).limit(2))
    return first, second


def _crossed(db: Database, first: int, second: int, attempts: int) -> list[object]:
    """Two writers lock the same two rows in opposite orders at the same moment (a real
    deadlock); each call is one service-like transaction that also audits."""
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[object] = [None, None]
    tries = [0, 0]

    def work(own: Database, i: int, a: int, b: int) -> str:
        tries[i] += 1
        with own.session() as s:
            s.execute(update(Township).where(Township.id == a).values(name=Township.name))
            if tries[i] == 1:
                barrier.wait()  # both hold their first row now
            s.execute(update(Township).where(Township.id == b).values(name=Township.name))
            audit.record(s, SYSTEM, "test.crossed", "township", f"{i}")
        return "ok"

    def run(i: int, a: int, b: int) -> None:
        own = open_database(db.url)
        try:
            outcomes[i] = run_retrying(lambda: work(own, i, a, b), attempts=attempts)
        except BaseException as exc:
            outcomes[i] = exc
        finally:
            own.close()

    threads = [
        threading.Thread(target=run, args=(0, first, second)),
        threading.Thread(target=run, args=(1, second, first)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes


def test_a_deadlock_victim_gets_a_clear_conflict_error(pg_db: Database) -> None:
    """Without a retry, PostgreSQL's deadlock victim sees one Chinese line (code
    ``db.conflict``), nothing of it is kept, the other writer succeeds."""
    first, second = _two_townships(pg_db)
    outcomes = _crossed(pg_db, first, second, attempts=1)
    errors = [o for o in outcomes if isinstance(o, BaseException)]
    assert outcomes.count("ok") == 1 and len(errors) == 1
    assert isinstance(errors[0], DatabaseError) and errors[0].code == CONFLICT_CODE
    assert "请稍后重试" in str(errors[0]) and "\n" not in str(errors[0])
    assert len(_events(pg_db, "test.crossed")) == 1
    _chain_ok(pg_db)


def test_a_deadlock_victim_is_run_again_once(pg_db: Database) -> None:
    """With ``run_retrying`` both crossed writers succeed, each audited exactly once."""
    first, second = _two_townships(pg_db)
    outcomes = _crossed(pg_db, first, second, attempts=2)
    assert outcomes == ["ok", "ok"]
    assert sorted(e for _, e in _events(pg_db, "test.crossed")) == ["0", "1"]
    _chain_ok(pg_db)


def test_an_appended_event_is_announced_as_a_change(db: Database) -> None:
    """The audit page hears of a new event after commit, also when PostgreSQL appended it by
    one SQL statement the ORM does not see."""
    from reliefdesk.services.changes import collect_changes

    with collect_changes() as collected, db.session() as s:
        audit.record(s, SYSTEM, "test.announced", "test")
    ((ev_id, _),) = _events(db, "test.announced")
    assert "audit" in collected.changes.kinds()
    assert ev_id in collected.changes.audit
