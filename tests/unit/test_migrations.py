"""Schema versioning on open: create at head, upgrade older files with a verified backup,
refuse newer or foreign databases, refuse SQLite on a network share."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from reliefdesk.db import engine as engine_mod
from reliefdesk.db.connect import open_database
from reliefdesk.db.migrate import current_revision, head_revision
from reliefdesk.errors import DatabaseError
from reliefdesk.models import Person, Township
from reliefdesk.services import users

DATA = Path(__file__).resolve().parents[1] / "data"


def test_empty_file_is_created_at_head_with_default_data(tmp_path):
    """A new SQLite file is migrated to head and seeded with the 21 Ruzhou townships."""
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        assert current_revision(db) == head_revision()
        with db.session() as s:
            assert len(s.scalars(select(Township)).all()) == 21
    finally:
        db.close()


def test_sqlite_connection_uses_wal_and_full_sync(sqlite_db):
    """Every SQLite connection runs in WAL mode with synchronous=FULL and foreign keys on."""
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_older_checked_in_database_is_backed_up_and_upgraded(tmp_path, monkeypatch):
    """A real database file from revision 0001 opens at head, keeps its data, and leaves a
    verified backup of the old file."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    assert head_revision() != "0001", "needs a second revision to exercise the upgrade"
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "reliefdesk-0001.sqlite3", target)
    db = open_database(f"sqlite:///{target}")
    try:
        assert current_revision(db) == head_revision()
        assert db.backup_path is not None and db.backup_path.exists()
        conn = sqlite3.connect(db.backup_path)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        with db.session() as s:
            assert s.scalar(select(Person.name)) == "张三"
        assert users.login(db, "admin", "Old#Schema2026").role == "admin"
    finally:
        db.close()


def test_newer_database_is_refused_with_clear_message(tmp_path):
    """A database stamped with a revision this program does not know is refused, untouched."""
    target = tmp_path / "newer.sqlite3"
    open_database(f"sqlite:///{target}").close()
    conn = sqlite3.connect(target)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{target}")
    assert info.value.code == "db.newer"
    assert "比本程序新" in str(info.value)
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_future"
    conn.close()


def test_foreign_sqlite_file_is_refused(tmp_path):
    """A SQLite file with tables but no reliefdesk version is not touched."""
    target = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{target}")
    assert info.value.code == "db.foreign"


def test_sqlite_on_network_share_is_refused(tmp_path, monkeypatch):
    """A SQLite file on a CIFS/NFS mount is refused with advice to use PostgreSQL."""
    share = tmp_path / "share"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"//server/office {share} cifs rw 0 0\n/dev/vda / ext4 rw 0 0\n")
    monkeypatch.setattr(engine_mod, "MOUNTS_FILE", mounts)
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{share / 'db.sqlite3'}")
    assert info.value.code == "db.network_share"
    assert "PostgreSQL" in str(info.value)
    assert not (share / "db.sqlite3").exists()
    assert engine_mod.is_network_path(Path("//server/share/db.sqlite3"))
    assert not engine_mod.is_network_path(tmp_path / "local.sqlite3")


def test_postgresql_database_is_created_at_head(db):
    """Both backends (SQLite and the throwaway PostgreSQL server) open at head."""
    assert current_revision(db) == head_revision()


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, object]) -> int:
    """Insert a row into ``table`` as the old schema has it, filling the other NOT NULL
    columns with a value of their type (the ORM models describe the newest schema)."""
    row = dict(values)
    for _cid, name, declared, notnull, default, pk in conn.execute(f"PRAGMA table_info({table})"):
        if name in row or pk or not notnull or default is not None:
            continue
        kind = (declared or "").upper()
        row[name] = (
            0
            if "INT" in kind or "BOOL" in kind or "NUM" in kind
            else "2026-01-01 00:00:00"
            if "DATE" in kind or "TIME" in kind
            else "{}"
            if "JSON" in kind
            else ""
        )
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cur = conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))
    return int(cur.lastrowid or 0)


def test_upgrade_rebuilding_a_referenced_table_keeps_every_reference(tmp_path, monkeypatch):
    """An office database whose users are referenced by other rows (a roster warning checked
    by a user) upgrades across a revision that rebuilds ``app_user`` (0010): the rebuild does
    not trip over the references, none dangles afterwards, and foreign keys are on again."""
    from reliefdesk.db.migrate import upgrade
    from reliefdesk.models import RosterProblemAck, User

    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "office.sqlite3"
    db = open_database(f"sqlite:///{path}", migrate=False)
    try:
        upgrade(db, "0009")
    finally:
        db.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA foreign_keys=ON")
        uid = _insert(conn, "app_user", {"username": "li", "display_name": "李", "role": "clerk"})
        rid = _insert(
            conn,
            "roster",
            {"month": "2026-01-01", "programme": "all", "kind": "regular", "seq_no": 1},
        )
        _insert(
            conn,
            "roster_problem_ack",
            {"roster_id": rid, "line_no": 0, "code": "x", "user_id": uid, "username": "li"},
        )
    conn.close()
    db = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(db) == head_revision()
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with db.session() as s:
            ack = s.scalar(select(RosterProblemAck))
            assert ack is not None and s.get(User, ack.user_id).username == "li"
    finally:
        db.close()


def test_scanned_head_is_alembics_head_and_a_current_open_does_not_load_alembic(tmp_path):
    """The start-up fast path reads the same head as Alembic and opens a current file without it."""
    import subprocess
    import sys

    from reliefdesk.db.revisions import scanned_head

    assert scanned_head() == head_revision()
    path = tmp_path / "office.sqlite3"
    open_database(f"sqlite:///{path}").close()
    code = (
        "import sys; from reliefdesk.db.connect import open_database; "
        f"open_database({f'sqlite:///{path}'!r}).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
