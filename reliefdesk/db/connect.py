"""Open a database: connect, refuse a damaged file, create or upgrade the schema.

This is the top of the ``db`` package: it uses :mod:`.engine` (engine, sessions, errors) and
:mod:`.migrate` (schema), which in turn uses :mod:`.backup`; none of them imports this module,
so the three have no import circle.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from ..errors import DatabaseError
from ..paths import make_private, sqlite_path
from .backup import BackupInfo
from .engine import Database, _operational, make_engine
from .migrate import ensure_schema

__all__ = ["open_database", "open_work_copy"]


def open_database(url: str, *, migrate: bool = True, backup: bool = True) -> Database:
    """Open ``url``; create an empty database at head, upgrade an older one after a verified
    backup, and refuse a newer one."""
    engine = make_engine(url)
    try:
        # A deferred read: opening never waits for (or takes) the write lock.
        with engine.execution_options(reliefdesk_readonly=True).connect() as conn:
            conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master"
                if engine.dialect.name == "sqlite"
                else "SELECT 1"
            )
            conn.rollback()
    except DBAPIError as exc:
        engine.dispose()
        known = _operational(exc, url)
        if known.code == "db.corrupt":
            raise known from exc
        raise DatabaseError(f"无法打开数据库：{known.message}", code="db.open") from exc
    path = sqlite_path(url)
    if path is not None and path.exists():
        make_private(path)
    db = Database(url=url, engine=engine)
    if migrate:
        try:
            db.backup_path = ensure_schema(db, backup=backup)
        except BaseException:
            engine.dispose()
            raise
    return db


def open_work_copy(info: BackupInfo) -> Database:
    """The working copy opened (and upgraded to the current schema, without a backup)."""
    return open_database(f"sqlite:///{info.work}", backup=False)
