"""Signing in (the one path of the GUI and the CLI) and the recovery code's use.

:func:`sign_in`: the password unwraps the data key of an encrypted SQLite database, the
database opens, then the normal login check runs (lockout, audit). A plain file or a server
opens as before. :func:`recover`: every password lost, the recovery code opens the database
and sets a new password for an administrator.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..db.connect import open_database, unlock_key
from ..db.engine import Database
from ..db.keyfile import NO_SLOT_MESSAGE, KeyFile, keyfile_path
from ..errors import AuthError, NotFound, ValidationError
from ..models import User, utcnow
from ..paths import sqlite_path
from . import audit
from .context import Actor
from .keyslots import password_changed
from .users import check_password_strength, hash_password, login

ENV_RECOVERY_CODE = "RELIEFDESK_RECOVERY_CODE"


def sign_in(
    url: str, username: str, password: str, *, db: Database | None = None
) -> tuple[Database, Actor]:
    """Unwrap the data key with the password, open the database (unless ``db`` is already
    open), then run the login check. Returns the database and the signed-in user.

    A wrong password at the first sign-in cannot be counted (the database is still locked);
    with ``db`` open (switching user) it is counted by the login check as usual."""
    if db is not None:  # signed out / switching user: the database is open
        try:
            unlock_key(url, username, password)  # the password must still open the key
        except AuthError as exc:
            login(db, username, password)  # a wrong password: counted (还可尝试 N 次, lockout)
            # the right password, but no key slot (e.g. after `encrypt`)
            raise AuthError(NO_SLOT_MESSAGE, code="auth.no_slot") from exc
        return db, login(db, username, password)
    key = unlock_key(url, username, password)
    opened = open_database(url, key=key)
    try:
        return opened, login(opened, username, password)
    except BaseException:
        opened.close()
        raise


def recover(url: str, code: str, username: str, new_password: str) -> Actor:
    """Every password lost: the recovery code opens the database and ``username`` (an active
    administrator) gets ``new_password`` (and a new key slot); audited."""
    path = sqlite_path(url)
    if path is None or not keyfile_path(path).exists():
        raise ValidationError("此数据库未加密，无需恢复码。", code="keys.not_encrypted")
    key = KeyFile.load(keyfile_path(path)).unwrap_recovery(code)
    check_password_strength(new_password)
    db = open_database(url, key=key)
    try:
        with db.session() as s:
            user = s.scalar(select(User).where(User.username == username.strip()))
            if user is None:
                raise NotFound(f"找不到用户“{username}”。", code="user.missing")
            if user.role != "admin" or not user.active:
                raise AuthError("恢复码只能为在用的管理员账户设置新密码。", code="keys.not_admin")
            actor = Actor(user.id, user.username, user.display_name, user.role)
            user.password_hash = hash_password(new_password)
            user.password_changed_at = utcnow()
            user.failed_attempts = 0
            user.locked_until = None
            password_changed(s, user.username, new_password)
            audit.record(s, actor, "user.recover", "user", user.id, detail={"by": "恢复码"})
        return actor
    finally:
        db.close()


def recovery_sheet(office_name: str, database: str, admin: str, code: str) -> bytes:
    """The printed 恢复码 page (PDF bytes)."""
    from datetime import datetime

    from ..documents.pdf.recovery_sheet import RecoverySheetData, build_recovery_sheet

    return build_recovery_sheet(
        RecoverySheetData(office_name, database, admin, code, datetime.now())
    )


@dataclass(frozen=True)
class Encrypted:
    """What :func:`encrypt_office` did."""

    recovery_code: str
    backup: Path
    counts: dict[str, int]
    without_slot: tuple[str, ...]  # users who sign in again after an admin sets their password


def encrypt_office(db: Database, actor: Actor, password: str) -> tuple[Database, Encrypted]:
    """Convert the plain SQLite database of ``db`` (signed in as the administrator ``actor``
    with ``password``) in place: a verified backup first, then :func:`encrypt_in_place`; the
    event ``db.encrypt`` is recorded in the encrypted database. ``db`` is closed; the returned
    database is the encrypted one, open."""
    from ..db.backup import backup_database
    from ..db.convert import encrypt_backup, encrypt_in_place, refuse_if_open
    from ..db.keyfile import new_data_key, new_recovery_code
    from .settings import get_office

    actor.require("admin.users")
    path = sqlite_path(db.url)
    if path is None:
        raise ValidationError(
            "PostgreSQL 数据库不在本程序中加密（请在服务器上启用磁盘加密和 TLS）。",
            code="encrypt.server",
        )
    if db.data_key is not None:
        raise ValidationError("数据库已经加密。", code="encrypt.already")
    office = get_office(db)
    with db.read_session() as s:
        others = tuple(
            u
            for u in s.scalars(
                select(User.username).where(User.active.is_(True), User.username != actor.username)
            )
        )
    db.close()  # no connection of ours may be open when looking at the locks (POSIX)
    refuse_if_open(path)  # before the backup: a refused conversion leaves nothing behind
    backup = backup_database(db, reason="pre-encrypt")
    db.close()
    key, code = new_data_key(), new_recovery_code()
    keys = KeyFile.new(key, office=office.office_name if office else "")
    keys.set_user(actor.username, password, key)
    keys.set_recovery(code, key)
    keys.await_reset(others)
    encrypt_backup(backup, key, keys)  # before the database: no plain copy outlives it
    counts = encrypt_in_place(path, key, keys)
    encrypted = open_database(db.url, key=key)
    with encrypted.session() as s:
        audit.record(
            s,
            actor,
            "db.encrypt",
            "database",
            "",
            detail={"backup": str(backup), "tables": len(counts), "without_slot": list(others)},
        )
    return encrypted, Encrypted(code, backup, counts, others)
