"""Open a database: connect, refuse a damaged file, create or upgrade the schema.

This is the top of the ``db`` package: it uses :mod:`.engine` (engine, sessions, errors) and
:mod:`.migrate` (schema), which in turn uses :mod:`.backup`; none of them imports this module,
so the three have no import circle.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from ..errors import AuthError, DatabaseError
from ..paths import make_private, sqlite_path
from .backup import BackupInfo
from .cipher import needs_key
from .engine import CipherKey, Database, _operational, make_engine
from .keyfile import KeyFile, keyfile_path
from .migrate import ensure_schema

__all__ = ["is_encrypted", "open_database", "open_work_copy", "unlock_key"]


def is_encrypted(url: str) -> bool:
    """Does opening ``url`` take a password (an encrypted SQLite file with its key file)?"""
    return needs_key(sqlite_path(url))


def unlock_key(url: str, username: str, password: str) -> bytes | None:
    """The data key of ``url`` unwrapped with ``username``'s password (None for a plain file
    or a server); AuthError when the password does not open it."""
    path = sqlite_path(url)
    if not needs_key(path):
        return None
    assert path is not None
    return KeyFile.load(keyfile_path(path)).unwrap_user(username, password)


def open_database(
    url: str, *, migrate: bool = True, backup: bool = True, key: bytes | None = None
) -> Database:
    """Open ``url``; create an empty database at head, upgrade an older one after a verified
    backup, and refuse a newer one. An encrypted SQLite file needs its data ``key``
    (:func:`unlock_key`); a plain one ignores it."""
    path = sqlite_path(url)
    cipher: CipherKey | None = None
    if needs_key(path):
        if key is None:
            raise AuthError(
                "数据库已加密：请以用户身份登录（CLI 加 --user 用户名）后打开。",
                code="db.encrypted",
            )
        cipher = CipherKey(key)
    engine = make_engine(url, key=cipher)
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
        if known.code == "db.corrupt" and cipher is not None:
            raise DatabaseError(
                "加密数据库无法用其密钥文件打开（密钥文件不属于此数据库，或文件已损坏）。"
                "请用最近的备份恢复。",
                code="db.corrupt",
            ) from exc
        if known.code in ("db.corrupt", "db.unreachable", "db.server_auth", "db.server_tls"):
            raise known from exc
        raise DatabaseError(f"无法打开数据库：{known.message}", code="db.open") from exc
    if path is not None and path.exists():
        make_private(path)
    db = Database(url=url, engine=engine, cipher=cipher)
    if migrate:
        try:
            db.backup_path = ensure_schema(db, backup=backup)
        except BaseException:
            engine.dispose()
            raise
    return db


def open_work_copy(info: BackupInfo) -> Database:
    """The working copy opened (and upgraded to the current schema, without a backup)."""
    return open_database(f"sqlite:///{info.work}", backup=False, key=info.key)
