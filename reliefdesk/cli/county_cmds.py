"""``migrate-to``: move a township between its own SQLite file and the county's server.

    reliefdesk-admin --db office.sqlite3 --user U migrate-to --db postgresql://... [--township CODE]
    reliefdesk-admin --db postgresql://... --user U migrate-to --db sqlite:///town.db --township CODE

The global ``--db`` (before the command) is where the data is now; the ``--db`` after the
command is where it goes: a server (moving in, :mod:`reliefdesk.services.county_move`) or a new
file (moving back, encrypted unless ``--plain``, :mod:`reliefdesk.services.county_move_out`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from .framework import EXIT_OK, CliContext


def register(subparsers: Any, _common: argparse.ArgumentParser) -> None:
    # migrate-to: not the common parent (its --db would overwrite the township's file)
    p = subparsers.add_parser(
        "migrate-to",
        help="把本乡镇的数据库文件迁入县级 PostgreSQL 服务器，或把一个乡镇从服务器迁回"
        "自己的数据库文件（保留历史与审计链）",
    )
    p.add_argument(
        "--db",
        dest="target",
        required=True,
        help="迁入：县级服务器地址 postgresql://…（空库或已有其他乡镇）；"
        "迁回：新的数据库文件 sqlite:///路径（须不存在）",
    )
    p.add_argument("--user", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.add_argument(
        "--township",
        default=None,
        help="乡镇(街道)代码或名称（迁入默认：本单位所在乡镇；迁回必填）",
    )
    p.add_argument("--plain", action="store_true", help="迁回时新建不加密的数据库文件（不推荐）")
    p.set_defaults(handler=cmd_migrate_to)

    t = subparsers.add_parser(
        "township", parents=[_common], help="乡镇设置（单位信息、县级审核确认等）"
    )
    tsub = t.add_subparsers(dest="township_command", metavar="ACTION")
    tsub.required = True
    q = tsub.add_parser("show", parents=[_common], help="显示某乡镇的设置（含县级默认值）")
    q.add_argument("--township", required=True, help="乡镇(街道)代码或名称")
    q.set_defaults(handler=cmd_township_show)
    q = tsub.add_parser("set", parents=[_common], help="设置某乡镇的一项设置（需管理员）")
    q.add_argument("--township", required=True, help="乡镇(街道)代码或名称")
    q.add_argument("--key", required=True, help="设置项，例如 casework.county_confirms")
    q.add_argument("--value", required=True, help="值（true/false 或文字；空值删除本乡镇的设置）")
    q.set_defaults(handler=cmd_township_set)


def cmd_migrate_to(ctx: CliContext) -> int:
    from ..paths import sqlite_path, to_url
    from ..services.county_move import move_to_server

    target = sqlite_path(to_url(ctx.args.target))
    if target is not None:
        return _move_out(ctx, target)
    source = sqlite_path(ctx.db_url)
    if source is None:
        raise ValidationError(
            "请用 --db 指定本乡镇的数据库文件（在 migrate-to 之前）。", code="move.source"
        )
    actor = ctx.actor("admin.users")
    r = move_to_server(ctx.db(), actor, source, ctx.args.target, ctx.args.township)
    where = r.township or "县级"
    for old, new in r.renamed:
        ctx.out(f"用户名 {old} 在服务器上已存在，已改为 {new}。")
    ctx.out(
        f"已迁入服务器（{where}）：{r.households} 户，{r.users} 个用户归入本乡镇，"
        f"{r.rosters} 份花名册；审计链共 {r.audit_events} 条记录。"
    )
    return EXIT_OK


def _move_out(ctx: CliContext, target: Path) -> int:
    from ..services.county_move_out import move_to_file

    if not ctx.args.township:
        raise ValidationError(
            "迁回本乡镇的数据库文件时须用 --township 指定乡镇（街道）。", code="move.township"
        )
    actor = ctx.actor("admin.users")
    r = move_to_file(
        ctx.db(), actor, ctx.args.township, target, password=ctx.password(), plain=ctx.args.plain
    )
    ctx.out(
        f"已迁回文件（{r.township}）：{r.path}，{r.households} 户，{r.counts.get('person', 0)} 人，"
        f"{r.rosters} 份花名册；审计链共 {r.audit_events} 条记录；"
        "服务器上该乡镇的用户已停用，数据留作县级历史。"
    )
    if r.recovery_code:
        ctx.out(f"恢复码：{r.recovery_code}（请抄写或打印后密封保存，只显示这一次）")
    if r.without_slot:
        ctx.out("以下用户需由管理员重设密码后才能登录：" + "、".join(r.without_slot))
    return EXIT_OK


def _town(ctx: CliContext) -> int:
    from ..services.users import resolve_township

    with ctx.db().read_session() as s:
        town = resolve_township(s, ctx.args.township)
    if town is None:
        raise ValidationError("请指定一个乡镇（街道）。", code="cli.township")
    return town


def cmd_township_show(ctx: CliContext) -> int:
    from ..services.township_settings import township_settings

    actor = ctx.actor("read")
    values = township_settings(ctx.db(), actor, _town(ctx))
    ctx.table(("设置项", "值"), [(k, str(v)) for k, v in values.items()])
    return EXIT_OK


def cmd_township_set(ctx: CliContext) -> int:
    from ..services.township_settings import COUNTY_CONFIRMS, set_township_setting

    actor = ctx.actor("admin.office")
    town = _town(ctx)
    raw = ctx.args.value.strip()
    value: Any = raw or None
    if ctx.args.key == COUNTY_CONFIRMS:
        if raw.lower() not in ("true", "false", "是", "否"):
            raise ValidationError("该设置的值须为 true 或 false。", code="cli.bool")
        value = raw.lower() in ("true", "是")
    with ctx.db().session() as s:
        set_township_setting(s, actor, town, ctx.args.key, value)
    ctx.out(f"已设置 {ctx.args.key} = {value}")
    return EXIT_OK
