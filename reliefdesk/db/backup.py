"""Verified backups and restore.

SQLite: the online backup API into a temporary file, ``PRAGMA integrity_check`` on the copy,
then an atomic rename. PostgreSQL: every table copied into a SQLite file of the same schema
(portable, verifiable by row counts), restored into an empty schema by the reverse copy.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, insert, select, text

from ..errors import DatabaseError
from ..paths import backup_dir, sqlite_path

if TYPE_CHECKING:
    from .engine import Database

KEEP_AUTOMATIC = 10


def _verify_sqlite_file(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()
        if result is None or result[0] != "ok":
            raise DatabaseError(f"备份文件校验失败（{path}）：{result}", code="backup.verify")
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"备份文件无法读取（{path}）：{exc}", code="backup.verify") from exc
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_database(db: Database, out: Path | None = None, *, reason: str = "manual") -> Path:
    """Write a verified copy of ``db`` to ``out`` (default: rotated file in the backup dir)."""
    if out is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        out = backup_dir() / f"reliefdesk-{reason}-{stamp}.sqlite3"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    if tmp.exists():
        tmp.unlink()
    src_path = sqlite_path(db.url)
    try:
        if src_path is not None:
            src = sqlite3.connect(str(src_path))
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        else:
            _copy_tables(db, tmp)
        _fsync(tmp)
        _verify_sqlite_file(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"无法写入备份文件 {out}：{exc.strerror or exc}", code="backup.io") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if reason != "manual":
        _rotate(out.parent, reason)
    return out


def _rotate(folder: Path, reason: str) -> None:
    files = sorted(folder.glob(f"reliefdesk-{reason}-*.sqlite3"))
    for old in files[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)


def _copy_tables(db: Database, target: Path) -> None:
    from ..models import Base

    dst = create_engine(f"sqlite:///{target}")
    try:
        Base.metadata.create_all(dst)
        with db.engine.connect() as src_conn, dst.begin() as dst_conn:
            version = src_conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            dst_conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) "
                                  "NOT NULL PRIMARY KEY)"))
            dst_conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": version})
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in src_conn.execute(select(table))]
                if rows:
                    dst_conn.execute(insert(table), rows)
    finally:
        dst.dispose()


def restore_database(db: Database, backup_file: Path) -> Path | None:
    """Replace the contents of ``db`` with ``backup_file`` after verifying it.

    The current database is first backed up itself (returned), so a restore can be undone.
    """
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise DatabaseError(f"找不到备份文件：{backup_file}", code="restore.missing")
    _verify_sqlite_file(backup_file)
    safety = backup_database(db, reason="pre-restore")
    src_path = sqlite_path(db.url)
    if src_path is not None:
        db.engine.dispose()
        src = sqlite3.connect(str(backup_file))
        dst = sqlite3.connect(str(src_path))
        try:
            src.backup(dst)
            res = dst.execute("PRAGMA integrity_check").fetchone()
            if res is None or res[0] != "ok":
                raise DatabaseError("恢复后的数据库校验失败。", code="restore.verify")
        finally:
            dst.close()
            src.close()
        return safety
    from ..models import Base

    src_engine = create_engine(f"sqlite:///{backup_file}")
    try:
        with src_engine.connect() as src_conn, db.engine.begin() as dst_conn:
            for table in reversed(Base.metadata.sorted_tables):
                dst_conn.execute(table.delete())
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in src_conn.execute(select(table))]
                if rows:
                    dst_conn.execute(insert(table), rows)
            for table in Base.metadata.sorted_tables:
                pk = list(table.primary_key.columns)
                if len(pk) == 1 and pk[0].autoincrement is not False and \
                        pk[0].type.python_type is int:
                    dst_conn.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                        f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"))
    finally:
        src_engine.dispose()
    return safety
