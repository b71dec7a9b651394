"""Schema versioning with the Alembic migrations shipped inside the package.

On open: an empty database is created at head and seeded with default data in ONE transaction
(a crash leaves an empty file that the next open creates again); an older one is backed up
(verified copy) and upgraded in ONE transaction that also adds every new default setting, runs
the :data:`AFTER_UPGRADE` hooks (the services register the search-key rebuild and the audit
event ``db.upgrade`` there: this layer may not import them) and commits only if all succeed;
a newer one (a revision this program does not know) is refused with a clear message.

Reading the revision never takes SQLite's write lock, so a long write elsewhere does not stop
another program from opening the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..errors import DatabaseError
from .revisions import alembic_config, head_revision, scanned_head

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from .engine import Database

log = logging.getLogger(__name__)

UpgradeHook = Callable[[Session, "str | None", str, "Path | None"], None]
#: Called inside the upgrade transaction with (session, old revision, new revision, backup).
AFTER_UPGRADE: list[UpgradeHook] = []


def _read_engine(db: Database) -> Engine:
    return db.engine.execution_options(reliefdesk_readonly=True)


def current_revision(db: Database) -> str | None:
    """The stored revision, read without taking the write lock."""
    from alembic.runtime.migration import MigrationContext

    with _read_engine(db).connect() as conn:
        try:
            return MigrationContext.configure(conn).get_current_revision()
        finally:
            conn.rollback()


def _stored_revisions(db: Database) -> list[str] | None:
    """The rows of ``alembic_version`` (None when there is no such table), read with plain SQL."""
    with _read_engine(db).connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            return [str(v) for v in rows]
        except DBAPIError:
            return None
        finally:
            conn.rollback()


def schema_state(db: Database) -> str:
    """'empty', 'current', 'older', 'newer' or 'foreign' (tables but no alembic version)."""
    head = scanned_head()
    if head is not None and _stored_revisions(db) == [head]:
        return "current"  # the usual open, decided without loading Alembic
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(db)
    if current is None:
        with _read_engine(db).connect() as conn:
            tables = set(inspect(conn).get_table_names())
            conn.rollback()
        return "foreign" if tables - {"alembic_version"} else "empty"
    if current == script.get_current_head():
        return "current"
    try:
        script.get_revision(current)
    except CommandError:
        return "newer"
    return "older"


@contextmanager
def _foreign_keys_off(conn: Connection) -> Iterator[None]:
    """SQLite: foreign keys off for the migration (set before its transaction begins, as SQLite
    requires). A batch ALTER rebuilds a table by copy, drop and rename, and dropping a table
    that other rows reference (app_user, roster) fails with foreign keys on; the references are
    checked as a whole before the commit instead (:func:`_check_foreign_keys`)."""
    raw = conn.connection.driver_connection if conn.dialect.name == "sqlite" else None
    if raw is None:
        yield
        return
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _check_foreign_keys(conn: Connection) -> None:
    """Refuse to commit a migration that left a dangling reference (SQLite)."""
    if conn.dialect.name != "sqlite":
        return
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"migration left {len(broken)} dangling references, e.g. {broken[0]}")


def upgrade(
    db: Database, target: str = "head", *, seed: bool = True, backup_path: Path | None = None
) -> None:
    """Upgrade to ``target``, add missing default data and run the hooks, in ONE transaction.

    The hooks run only when an existing database moved to a newer revision.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from .defaults import seed_defaults

    cfg = alembic_config()
    old = current_revision(db)
    with db.engine.connect() as conn, _foreign_keys_off(conn), conn.begin():
        # one transaction for all revisions and the defaults
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        _check_foreign_keys(conn)
        if seed:
            session = Session(bind=conn)
            try:
                seed_defaults(session)
                new = MigrationContext.configure(conn).get_current_revision() or target
                if old is not None and old != new:
                    if not AFTER_UPGRADE:
                        log.warning(
                            "upgrade %s -> %s without post-upgrade hooks "
                            "(reliefdesk.services.audit not imported)",
                            old,
                            new,
                        )
                    for hook in AFTER_UPGRADE:
                        hook(session, old, new, backup_path)
                session.flush()
            finally:
                session.close()


def missing_defaults(db: Database) -> list[str]:
    """What default data a database at head lacks (an ``init`` interrupted by an old version)."""
    from .defaults import missing_default_data

    with db.read_session() as session:
        return missing_default_data(session)


def complete_defaults(db: Database) -> list[str]:
    """Add the missing default data; returns what was missing."""
    from .defaults import missing_default_data, seed_defaults

    with db.session() as session:
        missing = missing_default_data(session)
        if missing:
            seed_defaults(session)
    return missing


def ensure_schema(db: Database, *, backup: bool = True) -> Path | None:
    """Bring ``db`` to head. Returns the backup path when an upgrade made one."""
    state = schema_state(db)
    if state == "current":
        return None
    if state == "newer":
        raise DatabaseError(
            f"数据库版本（{current_revision(db)}）比本程序新，请先升级 reliefdesk 再打开此数据库。",
            code="db.newer",
        )
    if state == "foreign":
        raise DatabaseError(
            "该文件不是 reliefdesk 数据库（有数据表但没有版本信息），已拒绝打开。",
            code="db.foreign",
        )
    if state == "empty":
        upgrade(db)  # schema and default data in one transaction
        log.info("created database at %s", head_revision())
        return None
    backup_path = None
    if backup:
        from .backup import backup_database

        backup_path = backup_database(db, reason="pre-upgrade")
    upgrade(db, backup_path=backup_path)
    log.info("upgraded database to %s (backup %s)", head_revision(), backup_path)
    return backup_path
