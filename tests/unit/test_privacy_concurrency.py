"""Accounts, personal data and concurrency: failed logins audited in equal time, owner-only
files, logs without ID/account/phone numbers or passwords, opening and checking a database
while another program holds the write lock, and naming that program."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from reliefdesk.cli import main
from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database, lock_holders
from reliefdesk.errors import AuthError
from reliefdesk.logsetup import install_masking, mask_sensitive
from reliefdesk.models import AuditEvent
from reliefdesk.services import users

ADMIN_PW = "Admin#Pass2026"
PASSWORD = "Test#Pass2026"
ID = "410482195803010022"
ACCOUNT = "6228480123456789012"
PHONE = "13812341234"


def _login_events(db: Database) -> list[tuple[str, str, bool, dict]]:
    with db.read_session() as s:
        return [
            (e.username, e.entity_id, bool(e.success), dict(e.detail or {}))
            for e in s.scalars(
                select(AuditEvent).where(AuditEvent.action == "login").order_by(AuditEvent.id)
            )
        ]


def test_unknown_and_locked_out_logins_are_audited(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A login as an unknown user and every attempt during a lockout leave a failed login
    event (they were rolled back, or never written, before)."""
    with pytest.raises(AuthError):
        users.login(db, "nobody", "whatever")
    assert _login_events(db)[-1] == ("system", "nobody", False, {"reason": "unknown"})
    for _ in range(5):
        with pytest.raises(AuthError):
            users.login(db, "clerk", "Wrong#Pass1")
    with pytest.raises(AuthError, match="锁定"):
        users.login(db, "clerk", PASSWORD)
    last = _login_events(db)[-1]
    assert last[0] == "clerk" and last[2] is False and last[3] == {"reason": "locked"}


def test_login_costs_one_hash_whether_or_not_the_user_exists(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unknown user, wrong password and locked account each run exactly one Argon2
    verification, so the response time does not tell whether the name exists."""
    real = users._hasher
    calls: list[str] = []

    class Counting(type(real)):  # type: ignore[misc]
        def verify(self, hash: str, password: str) -> bool:
            calls.append(hash[:9])
            return real.verify(hash, password)

    counting = Counting()
    monkeypatch.setattr(users, "_hasher", counting)
    for name, pw in (("nobody", "x"), ("clerk", "Wrong#Pass1"), ("reviewer", PASSWORD)):
        calls.clear()
        with pytest.raises(AuthError) if pw != PASSWORD else _Null():
            users.login(db, name, pw)
        assert len(calls) == 1, name


class _Null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def test_log_records_are_masked(caplog: pytest.LogCaptureFixture) -> None:
    """Every log record (message and traceback) has ID, account and phone numbers masked and
    passwords removed."""
    install_masking()
    log = logging.getLogger("reliefdesk.test.privacy")
    with caplog.at_level(logging.INFO):
        log.info("person %s account %s phone %s password=%s", ID, ACCOUNT, PHONE, "Secret#1")
        try:
            raise ValueError(f"bad {ID} 6228 4801 2345 6789")
        except ValueError:
            log.exception("failed")
    text = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    for secret in (ID, ACCOUNT, PHONE, "Secret#1", "6228 4801 2345 6789"):
        assert secret not in text
    assert "410482********0022" in text and "138****1234" in text and "****9012" in text
    assert mask_sensitive("合同号 0375-6000000，2026 年") == "合同号 0375-6000000，2026 年"


def test_sql_errors_carry_no_parameters(db: Database) -> None:
    """A database error hides the parameters bound to the failing statement, and what the
    server itself quotes (PostgreSQL's "Failing row contains") is masked before any log or
    crash line shows it."""
    with pytest.raises(IntegrityError) as info, db.session() as s:
        s.execute(
            text("INSERT INTO person (household_id, name, id_number) VALUES (:h, :n, :i)"),
            {"h": 987654, "n": "张三", "i": ID},
        )
    assert "parameters hidden" in str(info.value)
    assert ID not in mask_sensitive(str(info.value))


def test_files_are_owner_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The database, its WAL, backups with their sidecar and the crash log are 0600."""
    home = tmp_path / "home"
    monkeypatch.setenv("RELIEFDESK_HOME", str(home))
    monkeypatch.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    old = os.umask(0o022)
    try:
        db = tmp_path / "p.sqlite3"
        assert main(["--db", str(db), "init", "--plain"]) == 0
        bak = tmp_path / "p-backup.sqlite3"
        assert main(["--db", str(db), "--user", "admin", "backup", "--out", str(bak)]) == 0
        from reliefdesk.cli import office_cmds

        monkeypatch.setattr(
            office_cmds,
            "cmd_office_show",
            lambda _ctx: (_ for _ in ()).throw(RuntimeError(f"boom {ID}")),
        )
        assert main(["--db", str(db), "office", "show"]) == 70
        crash_log = home / "logs" / "reliefdesk-admin.log"
        for path in (db, bak, bak.with_name(bak.name + ".json"), crash_log):
            assert path.stat().st_mode & 0o777 == 0o600, path
        assert ID not in crash_log.read_text(encoding="utf-8")
    finally:
        os.umask(old)


HOLD = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode=WAL")
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE setting SET value = value")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
c.execute("COMMIT")
"""


def test_open_and_check_while_another_program_writes(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """While another process holds SQLite's write lock for longer than the busy timeout,
    opening the database and `check` still work (they only read), and a write says which
    program holds the lock."""
    path = Path(sqlite_db.engine.url.database or "")
    sqlite_db.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), "40"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        holders = lock_holders(path)
        assert holders and holders[0].startswith(f"PID {proc.pid}")
        db = open_database(f"sqlite:///{path}")  # the old code waited 10 s, then failed
        db.close()
        assert main(["--db", str(path), "check"]) == 0
        monkeypatch.setenv("RELIEFDESK_PASSWORD", PASSWORD)
        capsys.readouterr()
        assert main(["--db", str(path), "--user", "clerk", "user", "list"]) == 2
        assert f"PID {proc.pid}" in capsys.readouterr().err
    finally:
        proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def test_server_connections_say_who_they_are(db: Database) -> None:
    """On PostgreSQL every connection names the program, account, PC and process, so the
    server can tell who holds a lock."""
    from reliefdesk.db.engine import _application_name

    name = _application_name()
    assert name.startswith("reliefdesk ") and f"pid {os.getpid()}" in name and len(name) < 64
    if not db.is_sqlite:  # SQLite has no server to tell; the lock holder comes from the OS
        with db.read_session() as s:
            assert s.scalar(text("SELECT current_setting('application_name')")) == name
