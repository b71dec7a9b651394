"""Shared fixtures: real databases (a migrated SQLite file and a throwaway PostgreSQL cluster).

Both backends are built once per session as *templates* (schema at head, default data, one user
per role) and copied per test, so every test gets a fresh, real, migrated database quickly.
The PostgreSQL cluster is started with initdb/pg_ctl; if the binaries are missing the
PostgreSQL half of the suite FAILS (CI installs them) unless RELIEFDESK_TEST_PG=0 is set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("RELIEFDESK_HOME", tempfile.mkdtemp(prefix="reliefdesk-home-"))

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.services import users
from reliefdesk.services.context import SYSTEM, Actor

PASSWORD = "Test#Pass2026"
ROLE_USERS = {
    "clerk": "clerk",
    "clerk2": "clerk",
    "reviewer": "reviewer",
    "approver": "approver",
    "approver2": "approver",
    "admin": "admin",
    "auditor": "auditor",
}


def _seed_users(db: Database) -> None:
    with db.session() as s:
        for name, role in ROLE_USERS.items():
            users.add_user(s, SYSTEM, name, role, PASSWORD, display_name=name)


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (base / name).exists():
            return str(base / name)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """A throwaway PostgreSQL cluster owned by this test session."""

    def __init__(self) -> None:
        initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError(
                "PostgreSQL binaries (initdb, pg_ctl) not found: "
                "apt-get install postgresql, or set RELIEFDESK_TEST_PG=0"
            )
        self.dir = Path(tempfile.mkdtemp(prefix="reliefdesk-pg-"))
        self.port = _free_port()
        self.pg_ctl = pg_ctl
        run_as: list[str] = []
        if os.geteuid() == 0:  # postgres refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
            run_as = ["runuser", "-u", "postgres", "--"]
        self.run_as = run_as
        data = self.dir / "data"
        subprocess.run(
            [
                *run_as,
                initdb,
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *run_as,
                pg_ctl,
                "-D",
                str(data),
                "-w",
                "-l",
                str(self.dir / "log"),
                "-o",
                f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c full_page_writes=off -c max_connections=200",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        self.data = data

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def admin_sql(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(sql)

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.dir, ignore_errors=True)


def _pg_wanted() -> bool:
    return os.environ.get("RELIEFDESK_TEST_PG", "1") != "0"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    cluster = PgCluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(f"sqlite:///{path}")
    _seed_users(db)
    db.close()  # the last connection closing checkpoints the WAL into the main file
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(scope="session")
def pg_template(pg_cluster: PgCluster) -> str:
    pg_cluster.admin_sql("CREATE DATABASE rd_template")
    db = open_database(pg_cluster.url("rd_template"))
    _seed_users(db)
    db.close()
    return "rd_template"


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if _pg_wanted() else ["sqlite"]


@pytest.fixture(params=_backends())
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh migrated database with one user per role (password ``PASSWORD``)."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path / "test.sqlite3"
        shutil.copyfile(template, target)
        database = open_database(f"sqlite:///{target}")
        yield database
        database.close()
    else:
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        template_name: str = request.getfixturevalue("pg_template")
        name = "t_" + uuid.uuid4().hex[:12]
        cluster.admin_sql(f"CREATE DATABASE {name} TEMPLATE {template_name}")
        database = open_database(cluster.url(name))
        yield database
        database.close()
        cluster.admin_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A fresh SQLite-only database (for SQLite-specific behaviour)."""
    target = tmp_path / "test.sqlite3"
    shutil.copyfile(sqlite_template, target)
    database = open_database(f"sqlite:///{target}")
    yield database
    database.close()


@pytest.fixture
def actors(db: Database) -> dict[str, Actor]:
    """Logged-in actors keyed by username: clerk, clerk2, reviewer, approver, approver2,
    admin, auditor."""
    result = {}
    with db.session() as s:
        from sqlalchemy import select

        from reliefdesk.models import User

        for u in s.scalars(select(User)):
            result[u.username] = Actor(u.id, u.username, u.display_name, u.role)
    return result
