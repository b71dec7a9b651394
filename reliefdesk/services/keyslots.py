"""Encryption at rest, service side: signing in to an encrypted database, the key file kept in
step with the users table, the recovery code.

* :func:`password_changed` / :func:`user_disabled` are called by services/users.py inside the
  transaction that changes a user; the key file is rewritten when that transaction commits (a
  new slot with a fresh salt for a new password; the slot dropped for a disabled user). They
  need the unlocked data key of the session's database: an administrator resetting someone's
  password does it from their own signed-in session.
* :func:`create_keys` makes the data key and the key file of a new encrypted office with the
  recovery slot.

Signing in and the recovery code's use are in :mod:`.signin`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..db.keyfile import KeyFile, keyfile_path, new_data_key, new_recovery_code
from ..errors import DatabaseError, ValidationError
from ..paths import sqlite_path


@dataclass(frozen=True)
class NewKeys:
    """A new office's data key and the recovery code that also opens it (shown once)."""

    key: bytes
    recovery_code: str
    keyfile: Path


def _db_of(session: Session) -> Database | None:
    db = session.info.get("db")
    return db if isinstance(db, Database) else None


def _after_commit(session: Session, db: Database, change: str, username: str, pw: str) -> None:
    def write(_session: Session) -> None:
        path, key = db.keyfile, db.data_key
        if path is None or key is None:
            return
        keys = KeyFile.load(path)
        if change == "set":
            keys.set_user(username, pw, key)
        elif not keys.drop_user(username):
            return
        keys.save(path)

    event.listen(session, "after_commit", write, once=True)


def password_changed(session: Session, username: str, password: str) -> None:
    """``username`` has a new password (or is new): rewrap their slot on commit."""
    db = _db_of(session)
    if db is not None and db.data_key is not None:
        _after_commit(session, db, "set", username, password)


def user_disabled(session: Session, username: str) -> None:
    """``username`` was disabled: drop their slot on commit (re-enabled users get a slot again
    when an administrator sets their password)."""
    db = _db_of(session)
    if db is not None and db.data_key is not None:
        _after_commit(session, db, "drop", username, "")


def wrap_slots(db: Database, passwords: dict[str, str]) -> KeyFile | None:
    """The slow part of :func:`add_slots`, done ahead (Argon2, 64 MiB and ~0.2 s a
    derivation): the key file with a slot for each user of ``passwords``, not saved; None when
    not encrypted. These are the demo's published logins: users with the same password (the
    townships' clerks and the county clerk) share one derivation
    (:meth:`KeyFile.set_users_sharing`)."""
    path, key = db.keyfile, db.data_key
    if path is None or key is None or not passwords:
        return None
    keys = KeyFile.load(path)
    by_password: dict[str, list[str]] = {}
    for username, password in passwords.items():
        by_password.setdefault(password, []).append(username)
    for password, usernames in by_password.items():
        keys.set_users_sharing(usernames, password, key)
    return keys


def add_slots(db: Database, passwords: dict[str, str], wrapped: KeyFile | None = None) -> None:
    """Give each user of ``passwords`` a slot (the demo office's published logins); their
    slots are taken from ``wrapped`` (:func:`wrap_slots`) when given, into the key file as it
    is now."""
    wrapped = wrapped or wrap_slots(db, passwords)
    path = db.keyfile
    if wrapped is None or path is None:
        return
    keys = KeyFile.load(path)
    keys.take_slots(wrapped, passwords)
    keys.save(path)


def holds_nothing(db_path: Path) -> bool:
    """The database file and its WAL are missing or empty (a set-up that never committed)."""
    wal = db_path.with_name(db_path.name + "-wal")
    return all(not p.exists() or p.stat().st_size == 0 for p in (db_path, wal))


def create_keys(
    db_path: Path, *, office: str = "", admin: tuple[str, str] | None = None
) -> NewKeys:
    """A data key and the key file (the recovery slot, and ``admin`` = (user, password)'s slot
    when given) for a new encrypted database at ``db_path``; refuses to replace an existing
    database or key file."""
    keys_path = keyfile_path(db_path)
    if not holds_nothing(db_path):
        raise ValidationError(f"数据库已存在，不能新建加密数据库：{db_path}", code="keys.exists")
    # a key file beside an empty database is left from an interrupted set-up: replaced
    key, code = new_data_key(), new_recovery_code()
    keys = KeyFile.new(key, office=office)
    keys.set_recovery(code, key)
    if admin is not None:
        keys.set_user(admin[0], admin[1], key)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    keys.save(keys_path)
    return NewKeys(key, code, keys_path)


def set_office_label(db: Database, office: str) -> None:
    """The office name shown on the sign-in window before the database is open."""
    path = db.keyfile
    if path is None:
        return
    keys = KeyFile.load(path)
    if keys.office != office:
        keys.office = office
        keys.save(path)


def office_label(url: str) -> str:
    """The office name kept in the key file ("" for a plain file or a server)."""
    path = sqlite_path(url)
    if path is None or not keyfile_path(path).exists():
        return ""
    try:
        return KeyFile.load(keyfile_path(path)).office
    except DatabaseError:
        return ""
