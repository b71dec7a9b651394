"""Open a database: engine + pragmas, network-share refusal, migrations, sessions.

SQLite settings follow DESIGN.md §3: WAL, synchronous=FULL, foreign keys, busy timeout, and
``BEGIN IMMEDIATE`` emitted from the engine's begin event (with pysqlite's own transaction
handling switched off) so that every transaction, Alembic's DDL included, is atomic and takes
the write lock up front.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError as SAStaleDataError

from ..errors import DatabaseError, StaleDataError
from ..paths import sqlite_path

log = logging.getLogger(__name__)

MOUNTS_FILE = Path("/proc/mounts")
NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "sshfs", "9p", "afs",
              "ncpfs", "davfs", "fuse.davfs2", "glusterfs", "ceph"}


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # Readers (``Database.read_session``) take a deferred snapshot so that, in WAL mode, they
    # never hold or wait for the write lock; every other transaction takes it up front.
    if conn.get_execution_options().get("reliefdesk_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def is_network_path(path: Path) -> bool:
    """True when ``path`` lies on a network share, where SQLite's WAL mode is unsafe."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            drive_remote = 4
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
        return False
    try:
        mounts = MOUNTS_FILE.read_text().splitlines()
    except OSError:
        return False
    best, best_type = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mnt = parts[1].replace("\\040", " ")
        if (resolved == mnt or resolved.startswith(mnt.rstrip("/") + "/")) and len(mnt) > len(best):
            best, best_type = mnt, parts[2]
    return best_type in NETWORK_FS


def make_engine(url: str, *, check_share: bool = True) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        if check_share and is_network_path(path):
            raise DatabaseError(
                f"数据库文件位于网络共享目录（{path}），SQLite 在网络共享上不安全。"
                "多台电脑共用数据请改用 PostgreSQL 服务器（--db postgresql://...），"
                "单机使用请把数据库放在本机硬盘上。",
                code="db.network_share",
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql"):
        return create_engine(url, pool_pre_ping=True)
    raise DatabaseError(f"不支持的数据库地址：{url}", code="db.url")


@dataclass
class Database:
    """An open, migrated database. Services open short sessions with :meth:`session`."""

    url: str
    engine: Engine
    backup_path: Path | None = None  # set when opening upgraded an older schema

    def __post_init__(self) -> None:
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._read_factory = sessionmaker(
            self.engine.execution_options(reliefdesk_readonly=True), expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def location_label(self) -> str:
        path = sqlite_path(self.url)
        if path is not None:
            return str(path)
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: commit on success, roll back on any error."""
        session = self._factory()
        try:
            yield session
            session.commit()
        except SAStaleDataError as exc:
            session.rollback()
            raise StaleDataError("记录已被其他用户修改，本次修改未保存。请刷新后重试。",
                                 code="stale") from exc
        except OperationalError as exc:
            session.rollback()
            raise _operational(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only snapshot (never takes SQLite's write lock); always rolled back."""
        session = self._read_factory()
        try:
            yield session
        except OperationalError as exc:
            raise _operational(exc) from exc
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _operational(exc: OperationalError) -> DatabaseError:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseError("数据库正被其他程序占用，请稍后再试。", code="db.locked")
    if "disk" in text and "full" in text:
        return DatabaseError("磁盘已满，数据未保存。请清理磁盘空间后重试。", code="db.full")
    if "readonly" in text or "read-only" in text:
        return DatabaseError("数据库文件只读，无法保存。", code="db.readonly")
    return DatabaseError(f"数据库错误：{text.splitlines()[0] if text else exc}", code="db.error")


def open_database(url: str, *, migrate: bool = True, backup: bool = True) -> Database:
    """Open ``url``; create an empty database at head, upgrade an older one after a verified
    backup, and refuse a newer one."""
    from .migrate import ensure_schema

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(f"无法打开数据库：{_operational(exc).message}", code="db.open") from exc
    db = Database(url=url, engine=engine)
    if migrate:
        try:
            db.backup_path = ensure_schema(db, backup=backup)
        except BaseException:
            engine.dispose()
            raise
    return db
