"""Encryption commands: ``encrypt`` (convert a plain database in place) and ``recover`` (the
recovery code sets a new administrator password), plus the new-office step of ``init``.

``encrypt`` needs ``--user`` with the admin role; ``recover`` needs no password, only the
recovery code (``--code`` or ``RELIEFDESK_RECOVERY_CODE``) and the administrator's name.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from .framework import (
    ENV_ADMIN_PASSWORD,
    ENV_NEW_PASSWORD,
    EXIT_OK,
    CliContext,
    read_new_password,
)

if TYPE_CHECKING:
    from ..db.engine import Database
    from ..db.keyfile import KeyFile
    from ..services.context import Actor

ENV_RECOVERY_CODE = "RELIEFDESK_RECOVERY_CODE"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add this module's commands to the ``reliefdesk-admin`` parser."""
    p = sub.add_parser(
        "encrypt",
        parents=[common],
        help="把未加密的数据库就地加密（先做经校验的备份；需管理员 --user）",
    )
    p.add_argument("--recovery-pdf", default=None, metavar="OUT.pdf", help="恢复码打印页")
    p.set_defaults(handler=cmd_encrypt)

    p = sub.add_parser(
        "recover", parents=[common], help="所有密码遗失时：用恢复码为管理员设置新密码"
    )
    p.add_argument("--code", default=None, help="恢复码（也可用环境变量 RELIEFDESK_RECOVERY_CODE）")
    p.set_defaults(handler=cmd_recover)


def _write_sheet(
    ctx: CliContext, out: str | None, office: str, db: str, admin: str, code: str
) -> None:
    from ..db.backup import check_backup_target
    from ..paths import write_private
    from ..services.signin import recovery_sheet

    ctx.out(f"恢复码：{code}")
    ctx.out("请立即抄写或打印恢复码，密封存放在单位保险柜中；它只显示这一次。")
    if out:
        target = check_backup_target(out)
        try:
            write_private(target, recovery_sheet(office, db, admin, code))
        except OSError as exc:
            raise ValidationError(
                f"无法写入文件 {target}：{exc.strerror or exc}", code="cli.write"
            ) from exc
        ctx.out(f"恢复码打印页：{target}（打印后请删除此文件）")


def cmd_encrypt(ctx: CliContext) -> int:
    from ..paths import sqlite_path
    from ..services.settings import get_office
    from ..services.signin import encrypt_office

    path = sqlite_path(ctx.db_url)
    if path is None:
        raise ValidationError(
            "PostgreSQL 数据库不在本程序中加密（请在服务器上启用磁盘加密和 TLS，见 README）。",
            code="encrypt.server",
        )
    actor = ctx.actor("admin.users")
    db = ctx.db()
    if db.data_key is not None:
        raise ValidationError("数据库已经加密。", code="encrypt.already")
    if ctx.args.recovery_pdf:
        from ..db.backup import check_backup_target

        check_backup_target(ctx.args.recovery_pdf)  # refuse before anything changes
    office = get_office(db)
    ctx._db = None
    encrypted, result = encrypt_office(db, actor, ctx.password())
    ctx._db = encrypted
    ctx.out(f"数据库已加密：{path}（密钥文件 {path.name}.keys 须与数据库放在一起）")
    ctx.out(
        f"加密前的备份（已用新密钥加密，密钥文件 {result.backup.name}.keys 在其旁边）：{result.backup}"
    )
    if result.without_slot:
        ctx.out(
            "此用户尚未获得新加密数据库的密钥，请管理员重置密码：" + "、".join(result.without_slot)
        )
    _write_sheet(
        ctx,
        ctx.args.recovery_pdf,
        office.office_name if office else "",
        str(path),
        actor.username,
        result.recovery_code,
    )
    return EXIT_OK


def cmd_recover(ctx: CliContext) -> int:
    from ..services.signin import recover

    username = getattr(ctx.args, "user", None)
    if not username:
        raise ValidationError("请用 --user 指定要设置新密码的管理员。", code="cli.no_user")
    code = ctx.args.code or os.environ.get(ENV_RECOVERY_CODE, "")
    if not code.strip():
        raise ValidationError(
            f"请提供恢复码（--code 或环境变量 {ENV_RECOVERY_CODE}）。", code="cli.no_code"
        )
    password = read_new_password(ENV_NEW_PASSWORD, f"管理员 {username} 的新密码：")
    actor = recover(ctx.db_url, code, username, password)
    ctx.out(f"已用恢复码为管理员 {actor.username} 设置新密码，请用新密码登录。")
    return EXIT_OK


@dataclass(frozen=True)
class NewOffice:
    """An encrypted office being set up by ``init`` (``resumed``: an earlier ``init`` was
    interrupted after its key file was written)."""

    key: bytes
    admin: str
    password: str
    resumed: bool = False


def prepare_new_office(ctx: CliContext) -> NewOffice | None:
    """For ``init`` on a new SQLite file (unless ``--plain``): the first admin's password, then
    the data key and the key file (the admin's slot and the recovery slot) before any database
    work, so that an interrupted ``init`` is resumed by the next one with the same password.
    None when the database exists (plain, or encrypted and opened with ``--user``) or is a
    server."""
    from ..db.keyfile import KeyFile, keyfile_path
    from ..paths import sqlite_path
    from ..services.keyslots import create_keys
    from ..services.users import check_password_strength

    path = sqlite_path(ctx.db_url)
    if path is None or getattr(ctx.args, "plain", False):
        return None
    has_data = path.exists() and path.stat().st_size > 0
    keys_path = keyfile_path(path)
    if (has_data and not keys_path.exists()) or (
        keys_path.exists() and getattr(ctx.args, "user", None)
    ):
        return None
    admin = ctx.args.admin or "admin"
    password = read_new_password(ENV_ADMIN_PASSWORD, f"初始管理员 {admin} 的密码：")
    if keys_path.exists():  # an init interrupted before its first administrator was saved
        return NewOffice(
            KeyFile.load(keys_path).unwrap_user(admin, password), admin, password, True
        )
    check_password_strength(password)  # before any file is made
    keys = create_keys(path, admin=(admin, password))
    return NewOffice(keys.key, admin, password)


def report_new_office(ctx: CliContext, new: NewOffice, db: Database) -> None:
    """After ``init`` created an encrypted office: a recovery code (a fresh one: the code of an
    interrupted init was never shown) and its printable sheet."""
    from ..db.keyfile import KeyFile, new_recovery_code

    path = db.keyfile
    if path is None:
        return
    code = new_recovery_code()
    keys = KeyFile.load(path)
    keys.set_recovery(code, new.key)
    keys.save(path)
    database = path.with_name(path.name[: -len(".keys")])
    ctx.out(f"数据库已加密（密钥文件 {path.name} 须与数据库放在一起）。")
    _write_sheet(ctx, getattr(ctx.args, "recovery_pdf", None), "", str(database), new.admin, code)


def recovery_code(ctx: CliContext) -> str:
    """The recovery code given to this command (``--code`` or the environment), or ""."""
    return (getattr(ctx.args, "code", None) or os.environ.get(ENV_RECOVERY_CODE, "")).strip()


def backup_unlocker(ctx: CliContext) -> Callable[[KeyFile], bytes]:
    """How ``restore`` opens an encrypted backup: the recovery code when given, else
    ``--user``'s password (the same one that signs in)."""

    def unlock(keys: KeyFile) -> bytes:
        code = recovery_code(ctx)
        if code:
            return keys.unwrap_recovery(code)
        username = getattr(ctx.args, "user", None)
        if not username:
            raise ValidationError(
                "加密备份需要 --user 用户名及其密码，或恢复码（--code）。", code="cli.no_user"
            )
        return keys.unwrap_user(str(username), ctx.password())

    return unlock


def recovery_actor(work: Database, username: str) -> Actor:
    """The backup's administrator ``username``, vouched for by the recovery code."""
    from sqlalchemy import select

    from ..errors import AuthError
    from ..models import User
    from ..services.context import Actor

    with work.read_session() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        if user is None or user.role != "admin" or not user.active:
            raise AuthError(f"备份中没有在用的管理员“{username}”。", code="restore.not_admin")
        return Actor(user.id, user.username, user.display_name, user.role)
