"""Convert a plain SQLite database into an encrypted one, in place.

Steps (a crash at any of them leaves either the old plain file, which still opens, or the new
encrypted one with its key file — never neither):

1. take the file for ourselves: refuse when another process has it open (its lock on the
   -shm file), leave WAL mode and hold an exclusive lock until the end (a program that starts
   meanwhile finds the file busy);
2. ``sqlcipher_export`` into ``<db>.encrypting`` with the new key; verify it (integrity check
   and the row count of every table equal to the plain file's), fsync;
3. write the key file ``<db>.keys`` (atomic) — a plain file with a key file still opens plain
   (:func:`reliefdesk.db.cipher.needs_key` reads the header);
4. rename the encrypted file over the plain one (atomic), fsync the folder;
5. overwrite the bytes of the replaced plain file with zeros (through a descriptor held open
   across the rename; best effort: a solid-state disk may keep old copies of a block).

:func:`encrypt_backup` converts the pre-conversion safety backup the same way, before the
database itself: a plain copy of the data exists only while the database is still plain.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import DatabaseError
from .backup import save_sidecar
from .cipher import RAW_ERRORS, connect_raw, dbapi, export_encrypted, is_plain_file
from .keyfile import KeyFile, keyfile_path

ENCRYPTING_SUFFIX = ".encrypting"
WAL_DMS_BYTE = 128  # SQLite's WAL "dead man switch" lock byte in the -shm file
SCRUB_CHUNK = 1 << 20


def _step(name: str, path: Path) -> None:
    """A named point of the conversion of ``path`` (the crash tests end the process here)."""
    del name, path


def _table_counts(conn: Any, schema: str = "main") -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type='table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        n: int(conn.execute(f'SELECT COUNT(*) FROM {schema}."{n}"').fetchone()[0]) for n in names
    }


def _busy(path: Path) -> DatabaseError:
    from .engine import lock_holders

    holders = lock_holders(path)
    who = f"（{'；'.join(holders)}）" if holders else ""
    return DatabaseError(
        f"数据库正被其他程序使用{who}：请先关闭所有打开此数据库的 reliefdesk 窗口和命令，再加密。",
        code="encrypt.busy",
    )


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(str(folder), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _scrub(fd: int) -> None:
    """Overwrite the file open on ``fd`` with zeros when no name points to it any more (the
    plain file just replaced); a file still linked elsewhere is left alone."""
    st = os.fstat(fd)
    if st.st_nlink != 0:
        return
    zeros = bytes(SCRUB_CHUNK)
    os.lseek(fd, 0, os.SEEK_SET)
    left = st.st_size
    while left > 0:
        left -= os.write(fd, zeros[: min(left, SCRUB_CHUNK)])
    os.fsync(fd)


def _open_elsewhere(path: Path) -> bool:
    """Does another process have ``path`` open in WAL mode? Every WAL connection holds a
    shared lock on the -shm "DMS" byte for as long as it is open; an idle one takes no lock on
    the database file itself, so leaving WAL mode alone would not notice it."""
    shm = path.with_name(path.name + "-shm")
    if os.name != "posix" or not shm.exists():  # pragma: no cover - Windows locks the file
        return False
    import fcntl

    fd = os.open(str(shm), os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, WAL_DMS_BYTE, os.SEEK_SET)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, WAL_DMS_BYTE, os.SEEK_SET)
        return False
    finally:
        os.close(fd)  # this process has no other connection to the file now


def refuse_if_open(path: Path) -> None:
    """Refuse (DatabaseError) while another process has ``path`` open: checked before the
    safety backup, and again by :func:`encrypt_in_place`."""
    if _open_elsewhere(path):
        raise _busy(path)


def encrypt_in_place(path: Path, key: bytes, keys: KeyFile) -> dict[str, int]:
    """Encrypt the plain SQLite file ``path`` with ``key``; ``keys`` (holding ``key``) becomes
    its key file. Returns the verified row counts. Refuses while another process has the
    file open."""
    if not is_plain_file(path):
        raise DatabaseError(f"不是未加密的 SQLite 数据库：{path}", code="encrypt.not_plain")
    refuse_if_open(path)
    work = path.with_name(path.name + ENCRYPTING_SUFFIX)
    work.unlink(missing_ok=True)
    conn = dbapi.connect(str(path), isolation_level=None, timeout=0.5)
    done = False
    try:
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except dbapi.OperationalError as exc:
            raise _busy(path) from exc
        if str(mode).lower() != "delete":
            raise _busy(path)
        counts = _table_counts(conn)
        _step("exported-before", path)
        export_encrypted(conn, work, key)
        _step("exported", path)
        check = connect_raw(work, key)
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok" or _table_counts(check) != counts:
                raise DatabaseError(
                    "加密后的数据库校验未通过，原数据库未改动。", code="encrypt.verify"
                )
        except RAW_ERRORS as exc:
            raise DatabaseError(
                f"加密后的数据库无法读取，原数据库未改动：{exc}", code="encrypt.verify"
            ) from exc
        finally:
            check.close()
        fd = os.open(str(work), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        _step("verified", path)
        keys.save(keyfile_path(path))
        _step("keys-written", path)
        old = os.open(str(path), os.O_RDWR)
        try:
            os.replace(work, path)
            done = True
            _fsync_dir(path.parent)
            _step("renamed", path)
            _scrub(old)
        finally:
            os.close(old)
        _step("scrubbed", path)
    finally:
        conn.close()
        if not done:
            work.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return counts


def encrypt_backup(backup: Path, key: bytes, keys: KeyFile) -> dict[str, int]:
    """Encrypt the plain safety ``backup`` (made by :func:`reliefdesk.db.backup.backup_database`)
    in place with ``key``, its key file beside it, and mark its sidecar ``encrypted``; it then
    restores like any encrypted backup (a password or the recovery code)."""
    counts = encrypt_in_place(backup, key, keys)
    side = backup.with_name(backup.name + ".json")
    if side.exists():
        info = json.loads(side.read_text(encoding="utf-8"))
        info["encrypted"] = True
        save_sidecar(backup, info)
    return counts
