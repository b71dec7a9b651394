"""A database engine: pragmas, network-share refusal, sessions, known errors.

Opening (with migrations) is :func:`reliefdesk.db.connect.open_database`.

SQLite settings follow DESIGN.md §3: WAL, synchronous=FULL, foreign keys, busy timeout, and
``BEGIN IMMEDIATE`` emitted from the engine's begin event (with pysqlite's own transaction
handling switched off) so that every transaction, Alembic's DDL included, is atomic and takes
the write lock up front.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.exc import TimeoutError as SATimeoutError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError as SAStaleDataError

from ..errors import DatabaseError, StaleDataError
from ..paths import sqlite_path
from . import text_guard

text_guard.install()

log = logging.getLogger(__name__)

MOUNTS_FILE = Path("/proc/mounts")
NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "fuse.sshfs",
    "sshfs",
    "9p",
    "afs",
    "ncpfs",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
}

_MOUNT_FIELDS = 3  # /proc/mounts: device, mount point, type, ...
_LOCK_FIELDS = 8  # /proc/locks: id, kind, mode, access, pid, dev:inode, start, end
BUSY_TIMEOUT_MS = 10000  # how long a write waits for another program's write lock


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


_lock_wait = threading.local()


@contextmanager
def on_lock_wait(hook: Callable[[], None]) -> Iterator[None]:
    """Call ``hook`` (in this thread) when a write here must wait for another program's
    write lock on a SQLite file, before the wait starts; the GUI shows 正在等待 with it."""
    previous = getattr(_lock_wait, "hook", None)
    _lock_wait.hook = hook
    try:
        yield
    finally:
        _lock_wait.hook = previous


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _sqlite_begin(conn: Any) -> None:
    # Readers (``Database.read_session``) take a deferred snapshot so that, in WAL mode, they
    # never hold or wait for the write lock; every other transaction takes it up front.
    if conn.get_execution_options().get("reliefdesk_readonly"):
        conn.exec_driver_sql("BEGIN")
        return
    hook = getattr(_lock_wait, "hook", None)
    if hook is None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        return
    # Someone waits for this write: try the lock without waiting first, so that a busy file
    # is announced (hook) before the busy timeout runs, then wait as usual.
    raw = conn.connection.driver_connection
    raw.execute("PRAGMA busy_timeout=0")
    try:
        raw.execute("BEGIN IMMEDIATE")
        return
    except Exception as exc:  # the driver's OperationalError (sqlite3 or sqlcipher3)
        if not _is_busy(exc):
            raise
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    hook()
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
        if len(parts) < _MOUNT_FIELDS:
            continue
        mnt = parts[1].replace("\\040", " ")
        if (resolved == mnt or resolved.startswith(mnt.rstrip("/") + "/")) and len(mnt) > len(best):
            best, best_type = mnt, parts[2]
    return best_type in NETWORK_FS


def _application_name() -> str:
    import getpass
    import socket

    try:
        who = f"{getpass.getuser()}@{socket.gethostname()}"
    except Exception:
        who = socket.gethostname()
    return f"reliefdesk {who} pid {os.getpid()}"[:63]


@dataclass
class CipherKey:
    """The data key of an encrypted SQLite database, shared by an engine's connections (a box,
    so that a restore can put the restored file's key in place)."""

    key: bytes | None = None


def _keyed_connect(box: CipherKey) -> Any:
    def do_connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        from .cipher import cache_kib, dbapi, key_pragma

        if box.key is None:
            raise DatabaseError("数据库已加密，需要先登录解锁。", code="db.locked_key")
        conn = dbapi.connect(*cargs, **cparams)
        conn.execute(key_pragma(box.key))
        conn.execute(f"PRAGMA cache_size = -{cache_kib(cargs[0] if cargs else None)}")
        return conn

    return do_connect


def _cache_follows_file(path: Path) -> Callable[[Any], None]:
    """Before each transaction on an encrypted file: widen the connection's page cache when
    the file has grown past what it was sized for (a new office filled by one import)."""

    def grow(conn: Any) -> None:
        from .cipher import cache_kib

        info = conn.connection.info
        want = cache_kib(path)
        if info.get("reliefdesk_cache_kib") != want:
            conn.connection.driver_connection.execute(f"PRAGMA cache_size = -{want}")
            info["reliefdesk_cache_kib"] = want

    return grow


#: Page cache (KiB) of a bulk-writing transaction (:func:`bulk_write_cache`): enough index
#: pages for a million new rows (SQLite's default is 2 MiB).
BULK_WRITE_CACHE_KIB = 16384


@contextmanager
def bulk_write_cache(s: Session) -> Iterator[None]:
    """Run the rest of ``s``'s transaction with a page cache of :data:`BULK_WRITE_CACHE_KIB`,
    the connection's own size restored after (SQLite; a no-op on a server).

    For one transaction that writes far more than it reads back (the demo office): an
    encrypted connection's cache is sized to hold the whole file (``_cache_follows_file``),
    and would keep every page the transaction writes or reads, hundreds of MB. The limit
    holds until the block ends: the begin hook resizes the cache only when a transaction
    starts.
    """
    if s.get_bind().dialect.name != "sqlite":
        yield
        return
    # on the driver's connection: the size comes back even when the transaction failed
    raw: Any = s.connection().connection.driver_connection
    own = int(raw.execute("PRAGMA cache_size").fetchone()[0])
    raw.execute(f"PRAGMA cache_size = -{BULK_WRITE_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {own}")


def json_text(value: Any) -> str:
    """How a JSON column's value is stored, by the engine and by the bulk writers (roster
    lines, the demo office): compact UTF-8 text. SQLAlchemy's default (``json.dumps``) writes
    every Chinese character as a six-byte ``\\uXXXX`` escape and pads the separators, ~1.5x
    the bytes of the decisions' workings, visits and audit details; orjson writes the compact
    text ~5x faster than the standard encoder (a roster month has ~15,000 distinct workings)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def make_engine(url: str, *, check_share: bool = True, key: CipherKey | None = None) -> Engine:
    """An engine for ``url``; with ``key`` the SQLite file is opened through SQLCipher."""
    path = sqlite_path(url)
    if path is not None:
        if check_share and is_network_path(path):
            raise DatabaseError(
                f"数据库文件位于网络共享目录（{path}），SQLite 在网络共享上不安全。"
                "多台电脑共用数据请改用 PostgreSQL 服务器（--db postgresql://...），"
                "单机使用请把数据库放在本机硬盘上。",
                code="db.network_share",
            )
        if path.exists() and not path.is_file():
            raise DatabaseError(f"数据库路径不是普通文件：{path}", code="db.not_file")
        path.parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: an error message (and so a log or crash report) never carries the
        # ID or account numbers bound to a statement.
        extra: dict[str, Any] = {}
        if key is not None:
            from .cipher import dbapi

            extra["module"] = dbapi
            # The most recently used connection first: its page cache is the warm one (the
            # others, used only when threads overlap, stay small).
            extra["pool_use_lifo"] = True
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 10},
            hide_parameters=True,
            json_serializer=json_text,
            **extra,
        )
        if key is not None:
            event.listen(engine, "do_connect", _keyed_connect(key))
            event.listen(engine, "begin", _cache_follows_file(path))
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql"):
        from .server import make_server_engine  # pool, TLS, password: db/server.py

        return make_server_engine(url, _application_name(), json_text)
    raise DatabaseError(f"不支持的数据库地址：{url}", code="db.url")


@dataclass
class Database:
    """An open, migrated database. Services open short sessions with :meth:`session`."""

    url: str
    engine: Engine
    backup_path: Path | None = None  # set when opening upgraded an older schema
    cipher: CipherKey | None = None  # set for an encrypted SQLite file (the unlocked key)

    def __post_init__(self) -> None:
        # session.info["db"]: services that keep the key file in step with the users table
        # (services/keyslots.py) find the database from a session.
        self._factory = sessionmaker(self.engine, expire_on_commit=False, info={"db": self})
        self._read_factory = sessionmaker(
            self.engine.execution_options(reliefdesk_readonly=True), expire_on_commit=False
        )

    @property
    def data_key(self) -> bytes | None:
        """The unlocked data key of an encrypted SQLite database (None when plain)."""
        return self.cipher.key if self.cipher is not None else None

    @property
    def keyfile(self) -> Path | None:
        """The key file of an encrypted SQLite database."""
        path = sqlite_path(self.url)
        if path is None or self.data_key is None:
            return None
        from .keyfile import keyfile_path

        return keyfile_path(path)

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
            raise StaleDataError(
                "记录已被其他用户修改，本次修改未保存。请刷新后重试。", code="stale"
            ) from exc
        except DBAPIError as exc:
            session.rollback()
            raise _operational(exc, self.url) from exc
        except SATimeoutError as exc:
            session.rollback()
            raise _pool_busy() from exc
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
        except DBAPIError as exc:
            raise _operational(exc, self.url) from exc
        except SATimeoutError as exc:
            raise _pool_busy() from exc
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def reopen(self, key: bytes | None) -> None:
        """Point this database at its (replaced) file again, encrypted with ``key`` or plain
        (after a restore of a backup with another key)."""
        self.engine.dispose()
        self.cipher = CipherKey(key) if key is not None else None
        self.engine = make_engine(self.url, key=self.cipher)
        self.__post_init__()


PROC_LOCKS = Path("/proc/locks")
WAL_WRITE_LOCK_BYTE = 120  # SQLite's WAL write lock: byte 120 of the -shm file


def lock_holders(path: Path) -> list[str]:
    """Who holds SQLite's write lock on ``path`` ("PID 123：reliefdesk-admin --user clerk …"),
    as far as the system tells (Linux ``/proc/locks``); empty when unknown."""
    shm = path.with_name(path.name + "-shm")
    try:
        st = shm.stat()
        lines = PROC_LOCKS.read_text().splitlines()
    except OSError:
        return []
    dev = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    holders: list[str] = []
    for line in lines:
        parts = line.split()
        if "->" in parts:  # a waiter, not a holder
            continue
        if len(parts) < _LOCK_FIELDS or parts[3] != "WRITE" or parts[5] != dev:
            continue
        if parts[6] != str(WAL_WRITE_LOCK_BYTE):
            continue
        pid = parts[4]
        if pid == str(os.getpid()):
            continue
        try:
            raw = Path(f"/proc/{pid}/cmdline").read_bytes()
            cmd = " ".join(a for a in raw.decode("utf-8", "replace").split("\0") if a)
        except OSError:
            cmd = ""
        from ..logsetup import mask_sensitive

        holders.append(f"PID {pid}：{mask_sensitive(cmd)[:160]}" if cmd else f"PID {pid}")
    return holders


CORRUPT_MARKERS = ("malformed", "not a database", "file is encrypted", "database corrupt")


def _operational(exc: DBAPIError, url: str | None = None) -> DatabaseError:
    """A known, one-line Chinese error for a database failure (never raw SQL); for a busy
    SQLite file the message names the process holding the write lock when it is known."""
    if isinstance(exc, (IntegrityError, ProgrammingError, DataError)):
        raise exc  # a constraint or a bug, whatever words its message contains
    from .retry import conflict_error

    conflict = conflict_error(exc)  # a deadlock victim: the caller may run it again
    if conflict is not None:
        return conflict
    text = str(exc.orig) if exc.orig is not None else str(exc)
    low = text.lower()
    if any(m in low for m in CORRUPT_MARKERS):
        return corrupt_error(text)
    if "locked" in low or "busy" in low:
        path = sqlite_path(url) if url else None
        holders = lock_holders(path) if path is not None else []
        who = f"（正在写入的程序：{'；'.join(holders)}）" if holders else ""
        return DatabaseError(f"数据库正被其他程序占用{who}，请稍后再试。", code="db.locked")
    if "disk" in low and "full" in low:
        return DatabaseError("磁盘已满，数据未保存。请清理磁盘空间后重试。", code="db.full")
    if "readonly" in low or "read-only" in low:
        return DatabaseError("数据库文件只读，无法保存。", code="db.readonly")
    if not (url or "").startswith("sqlite"):
        from .server import describe_server_error

        known = describe_server_error(text, url, bool(exc.connection_invalidated))
        if known is not None:
            return known
    if not isinstance(exc, OperationalError):  # integrity/programming errors are bugs
        raise exc
    return DatabaseError(f"数据库错误：{text.splitlines()[0] if text else exc}", code="db.error")


def _pool_busy() -> DatabaseError:
    """All of this program's connections to the server are in use (pool timeout)."""
    return DatabaseError(
        "数据库服务器连接全部繁忙，本次操作未完成，请稍后重试。", code="db.pool_busy"
    )


def describe_db_error(exc: DBAPIError) -> DatabaseError | None:
    """The known error for a driver failure (damaged file, busy, full disk...), or None."""
    try:
        return _operational(exc)
    except DBAPIError:
        return None


def corrupt_error(detail: str = "") -> DatabaseError:
    """The message for a damaged database file, with what to do about it."""
    del detail  # the SQLite wording is not for the clerk; the log has the traceback
    return DatabaseError(
        "数据库文件损坏（或不是 reliefdesk 数据库），无法读取。请不要继续使用此文件：用最近的备份恢复"
        "（reliefdesk-admin restore 备份文件 --yes，或在程序的“备份与恢复”中恢复），"
        "并保留损坏的文件交技术人员检查。",
        code="db.corrupt",
    )
