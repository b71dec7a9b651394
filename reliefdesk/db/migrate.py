"""Schema versioning with the Alembic migrations shipped inside the package.

On open: an empty database is created at head and seeded with default data; an older one is
backed up (verified copy) and upgraded in ONE transaction; a newer one (a revision this program
does not know) is refused with a clear message.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect

from ..errors import DatabaseError

if TYPE_CHECKING:
    from .engine import Database

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def schema_state(db: Database) -> str:
    """'empty', 'current', 'older', 'newer' or 'foreign' (tables but no alembic version)."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(db)
    if current is None:
        tables = set(inspect(db.engine).get_table_names())
        return "foreign" if tables - {"alembic_version"} else "empty"
    if current == script.get_current_head():
        return "current"
    try:
        script.get_revision(current)
    except CommandError:
        return "newer"
    return "older"


def upgrade(db: Database, target: str = "head") -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:  # one transaction for all revisions
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


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
        raise DatabaseError("该文件不是 reliefdesk 数据库（有数据表但没有版本信息），已拒绝打开。",
                            code="db.foreign")
    if state == "empty":
        upgrade(db)
        from .defaults import seed_defaults

        with db.session() as session:
            seed_defaults(session)
        log.info("created database at %s", head_revision())
        return None
    backup_path = None
    if backup:
        from .backup import backup_database

        backup_path = backup_database(db, reason="pre-upgrade")
    upgrade(db)
    log.info("upgraded database to %s (backup %s)", head_revision(), backup_path)
    return backup_path
