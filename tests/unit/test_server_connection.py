"""Connection handling for a county server (issue 18): the pool, TLS, the password from the
environment or an owner-only file (never in the address), a clear message when the server is
unreachable, and reconnection by itself once it is back — on a real dedicated PostgreSQL
server with TLS and password login, stopped and started by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server_support import SERVER_PASSWORD, TlsServer, tls_server
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from reliefdesk.cli import main
from reliefdesk.db import server
from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.errors import DatabaseError
from reliefdesk.services import users

__all__ = ["tls_server"]  # the fixture, imported for pytest

ADMIN_PW = "Admin#Pass2026"


def _ssl_in_use(db: Database) -> bool:
    with db.read_session() as s:
        return bool(
            s.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
        )


@pytest.fixture(scope="module")
def county_db(tls_server: TlsServer) -> str:
    """A migrated database on the TLS server with a first administrator (its name)."""
    tls_server.admin_sql("CREATE DATABASE county")
    mp = pytest.MonkeyPatch()
    mp.setenv(server.ENV_PASSWORD, SERVER_PASSWORD)
    try:
        db = open_database(tls_server.url("county"))
        users.create_first_admin(db, "admin", ADMIN_PW, display_name="管理员")
        db.close()
    finally:
        mp.undo()
    return "county"


def test_password_in_the_address_is_refused() -> None:
    """An address carrying a password is refused with a Chinese line naming the alternatives."""
    with pytest.raises(DatabaseError) as err:
        open_database("postgresql+psycopg://postgres:secret@127.0.0.1:1/x")
    assert err.value.code == "db.password_in_url"
    assert server.ENV_PASSWORD in str(err.value) and "secret" not in str(err.value)


def test_pool_is_a_queue_pool_with_pre_ping(tls_server, county_db, monkeypatch) -> None:
    """The server engine pools connections (size, overflow, timeout) and pings each checkout."""
    monkeypatch.setenv(server.ENV_PASSWORD, SERVER_PASSWORD)
    db = open_database(tls_server.url(county_db))
    try:
        pool = db.engine.pool
        assert isinstance(pool, QueuePool)
        assert pool.size() == server.POOL_SIZE
        assert pool._max_overflow == server.MAX_OVERFLOW
        assert pool._timeout == server.POOL_TIMEOUT
        assert pool._pre_ping
        assert "password" not in db.location_label.lower()
    finally:
        db.close()


def test_tls_modes(tls_server, county_db, monkeypatch) -> None:
    """Default prefer and sslmode=require use TLS (pg_stat_ssl); verify-full passes with the
    server's certificate as root and fails with a clear line without it; disable is plain."""
    monkeypatch.setenv(server.ENV_PASSWORD, SERVER_PASSWORD)
    cert = tls_server.cert
    for query, ssl in (
        ("", True),
        ("sslmode=require", True),
        (f"sslmode=verify-full&sslrootcert={cert}", True),
        ("sslmode=disable", False),
    ):
        db = open_database(tls_server.url(county_db, query))
        try:
            assert _ssl_in_use(db) is ssl, query
        finally:
            db.close()
    monkeypatch.setenv(server.ENV_SSLMODE, "verify-full")  # the setting instead of the URL
    monkeypatch.setenv(server.ENV_SSLROOTCERT, str(cert))
    db = open_database(tls_server.url(county_db))
    try:
        assert _ssl_in_use(db)
    finally:
        db.close()
    monkeypatch.setenv(server.ENV_SSLROOTCERT, str(Path(__file__)))  # not a certificate
    with pytest.raises(DatabaseError) as err:
        open_database(tls_server.url(county_db))
    assert err.value.code == "db.server_tls" and "\n" not in str(err.value)


def test_password_file_must_be_owner_only(tls_server, county_db, tmp_path, monkeypatch) -> None:
    """A password file others may read is refused like ssh does; chmod 600 makes it work; a
    wrong password is a clear refused-login line."""
    monkeypatch.delenv(server.ENV_PASSWORD, raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    pw = tmp_path / "db-password"
    pw.write_text(SERVER_PASSWORD + "\n")
    pw.chmod(0o644)
    monkeypatch.setenv(server.ENV_PASSWORD_FILE, str(pw))
    with pytest.raises(DatabaseError) as err:
        open_database(tls_server.url(county_db))
    assert err.value.code == "db.password_file_mode"
    assert "chmod 600" in str(err.value) and "权限过宽" in str(err.value)
    pw.chmod(0o600)
    db = open_database(tls_server.url(county_db))
    try:
        assert users.has_users(db)
    finally:
        db.close()
    pw.write_text("wrong\n")
    with pytest.raises(DatabaseError) as err:
        open_database(tls_server.url(county_db))
    assert err.value.code == "db.server_auth"


def test_unreachable_server_then_reconnects_by_itself(
    tls_server, county_db, monkeypatch, capsys
) -> None:
    """Server stopped: a service call and the CLI fail with one clear Chinese line (exit 2);
    server started again: the next call on the SAME engine succeeds, no restart."""
    monkeypatch.setenv(server.ENV_PASSWORD, SERVER_PASSWORD)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    url = tls_server.url(county_db, "sslmode=require")
    db = open_database(url)
    engine = db.engine
    try:
        assert users.login(db, "admin", ADMIN_PW).username == "admin"
        tls_server.stop()
        for call in (lambda: users.has_users(db), lambda: users.login(db, "admin", ADMIN_PW)):
            with pytest.raises(DatabaseError) as err:
                call()
            assert err.value.code == "db.unreachable"
            assert "无法连接数据库服务器" in str(err.value) and "\n" not in str(err.value)
        assert main(["--db", url, "--user", "admin", "user", "list"]) == 2
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误：无法连接数据库服务器"), lines
        tls_server.start()
        assert users.login(db, "admin", ADMIN_PW).username == "admin"
        assert users.has_users(db)
        assert db.engine is engine
    finally:
        db.close()
    assert main(["--db", url, "--user", "admin", "user", "list"]) == 0


def test_all_connections_busy_is_a_clear_line(tls_server, county_db, monkeypatch) -> None:
    """When every pooled connection is taken, a call waits at most the pool timeout and then
    fails with one Chinese line (not SQLAlchemy's TimeoutError)."""
    monkeypatch.setenv(server.ENV_PASSWORD, SERVER_PASSWORD)
    db = open_database(tls_server.url(county_db))
    held = []
    try:
        db.engine.pool._timeout = 0.2  # instead of POOL_TIMEOUT seconds
        held = [db.engine.connect() for _ in range(server.POOL_SIZE + server.MAX_OVERFLOW)]
        with pytest.raises(DatabaseError) as err:
            users.has_users(db)
        assert err.value.code == "db.pool_busy" and "繁忙" in str(err.value)
    finally:
        for conn in held:
            conn.close()
        db.close()
