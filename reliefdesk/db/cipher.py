"""SQLCipher plumbing: keyed connections, telling a plain file from an encrypted one.

A database file is *plain* when it starts with SQLite's header; an existing file without it is
*encrypted* when its key file (:func:`reliefdesk.db.keyfile.keyfile_path`) lies beside it. A new
(missing or empty) file is created encrypted exactly when its key file exists. The key is
applied raw (``PRAGMA key = "x'<hex>'"``): no passphrase derivation per connection.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from .keyfile import keyfile_path

SQLITE_HEADER = b"SQLite format 3\x00"

#: The DB-API module for encrypted files (SQLAlchemy's ``module=``).
dbapi: Any = sqlcipher
#: What a raw connection (plain or encrypted) raises for a damaged or unreadable file.
RAW_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)


#: Page cache of an encrypted connection (KiB, as SQLite's negative cache_size). A page read
#: from the file costs a decryption and an HMAC check, where a plain file is served by the
#: operating system's cache; the cache keeps read pages decrypted across transactions (SQLite
#: drops it only when another connection wrote). It is sized to hold the whole file with room
#: to grow (a cache smaller than the file is flooded by a full scan such as integrity_check,
#: so that every page is decrypted again on each pass), within these bounds. Memory is taken
#: only as pages are read.
CACHE_MIN_KIB = 262144
CACHE_MAX_KIB = 1048576
CACHE_GROWTH = 1.5


def cache_kib(path: Path | str | None) -> int:
    """The page cache (KiB) for an encrypted connection to ``path`` (see :data:`CACHE_MIN_KIB`):
    the file with its write-ahead log (pages not yet copied into the file)."""
    size = 0
    if path is not None:
        for name in (Path(path), Path(f"{path}-wal")):
            with contextlib.suppress(OSError):
                size += name.stat().st_size
    return max(CACHE_MIN_KIB, min(CACHE_MAX_KIB, int(size * CACHE_GROWTH) // 1024))


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def is_plain_file(path: Path) -> bool:
    """True for an existing file with SQLite's plain header."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def needs_key(path: Path | None) -> bool:
    """Does opening ``path`` take the data key? (see the module docstring)"""
    if path is None or not keyfile_path(path).exists():
        return False
    if path.exists() and path.stat().st_size > 0:
        return not is_plain_file(path)
    return True


def connect_raw(path: Path | str, key: bytes | None = None, **kwargs: Any) -> Any:
    """A DB-API connection to ``path``: stdlib sqlite3 without a key, SQLCipher with one."""
    if key is None:
        return sqlite3.connect(str(path), **kwargs)
    conn = sqlcipher.connect(str(path), **kwargs)
    conn.execute(key_pragma(key))
    return conn


def export_encrypted(conn: Any, target: Path, key: bytes) -> None:
    """Write the database open on ``conn`` (a plain SQLCipher connection) into ``target``,
    encrypted with ``key`` (``sqlcipher_export``), keeping its user_version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(target),))
    try:
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE enc")
