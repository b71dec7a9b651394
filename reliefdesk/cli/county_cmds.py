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
    # not the common parent: its --db would overwrite the township's file with the server
    p = subparsers.add_parser(
        "migrate-to", help="把本乡镇的数据库文件迁入县级 PostgreSQL 服务器（保留历史与审计链）"
    )
    p.add_argument(
        "--db", dest="target", required=True, help="县级服务器地址 postgresql://…（须为新建空库）"
    )
    p.add_argument("--user", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.add_argument("--township", default=None, help="乡镇(街道)代码或名称（默认：本单位所在乡镇）")
    p.set_defaults(handler=cmd_migrate_to)


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
