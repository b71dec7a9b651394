"""``migrate-to``: move a township's own SQLite file to the county's PostgreSQL server.

    reliefdesk-admin --db office.sqlite3 --user U migrate-to --db postgresql://... [--township CODE]

The global ``--db`` (before the command) is the township's file; the ``--db`` after the command
is the server. See :mod:`reliefdesk.services.county_move`.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import ValidationError
from .framework import EXIT_OK, CliContext


def register(subparsers: Any, _common: argparse.ArgumentParser) -> None:
    # migrate-to: not the common parent (its --db would overwrite the township's file)
    p = subparsers.add_parser(
        "migrate-to", help="把本乡镇的数据库文件迁入县级 PostgreSQL 服务器（保留历史与审计链）"
    )
    p.add_argument(
        "--db", dest="target", required=True, help="县级服务器地址 postgresql://…（须为新建空库）"
    )
    p.add_argument("--user", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.add_argument("--township", default=None, help="乡镇(街道)代码或名称（默认：本单位所在乡镇）")
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
    from ..paths import sqlite_path
    from ..services.county_move import move_to_server

    source = sqlite_path(ctx.db_url)
    if source is None:
        raise ValidationError(
            "请用 --db 指定本乡镇的数据库文件（在 migrate-to 之前）。", code="move.source"
        )
    actor = ctx.actor("admin.users")
    r = move_to_server(ctx.db(), actor, source, ctx.args.target, ctx.args.township)
    where = r.township or "县级"
    ctx.out(
        f"已迁入服务器（{where}）：{r.households} 户，{r.users} 个用户归入本乡镇，"
        f"{r.rosters} 份花名册；审计链共 {r.audit_events} 条记录。"
    )
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
