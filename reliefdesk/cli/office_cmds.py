"""Office commands: ``office show`` (no login) and ``office set`` (admin ``--user``)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from ..errors import NotFound
from .framework import EXIT_OK, CliContext


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("office", parents=[common], help="单位信息")
    osub = p.add_subparsers(dest="office_command", metavar="ACTION", parser_class=type(p))
    osub.required = True
    q = osub.add_parser("show", parents=[common], help="显示单位信息")
    q.set_defaults(handler=cmd_office_show)
    q = osub.add_parser("set", parents=[common], help="修改单位信息（需管理员 --user）")
    q.add_argument("--county")
    q.add_argument("--county-code")
    q.add_argument("--township", help="乡镇(街道)代码或名称")
    q.add_argument("--name", help="单位名称")
    q.add_argument("--phone")
    q.add_argument("--policy-url")
    q.set_defaults(handler=cmd_office_set)


# ----------------------------------------------------------------------------- office


def cmd_office_show(ctx: CliContext) -> int:
    from ..services.settings import get_office

    info = get_office(ctx.db())
    if info is None:
        ctx.out("尚未设置单位信息（reliefdesk-admin --user 管理员 office set ...）。")
        return EXIT_OK
    ctx.table(
        ("项目", "内容"),
        [
            ("县(市)", f"{info.county} {info.county_code}".strip()),
            ("乡镇(街道)", f"{info.township_name} {info.township_code}".strip()),
            ("单位名称", info.office_name),
            ("电话", info.phone),
            ("政策网址", info.policy_url),
        ],
    )
    return EXIT_OK


def cmd_office_set(ctx: CliContext) -> int:
    from dataclasses import replace

    from ..db.defaults import RUZHOU_COUNTY
    from ..models import Township
    from ..services.settings import OfficeInfo, office_in, save_office

    actor = ctx.actor("admin.office")
    a = ctx.args
    with ctx.db().session() as s:
        current = office_in(s) or OfficeInfo(RUZHOU_COUNTY[0], "", "", county_code=RUZHOU_COUNTY[1])
        info = current
        if a.township:
            town = s.scalar(
                select(Township).where(
                    (Township.code == a.township) | (Township.name == a.township)
                )
            )
            if town is None:
                raise NotFound(f"找不到乡镇(街道)：{a.township}", code="office.township")
            info = replace(info, township_code=town.code, township_name=town.name)
        for attr, value in (
            ("county", a.county),
            ("county_code", a.county_code),
            ("office_name", a.name),
            ("phone", a.phone),
            ("policy_url", a.policy_url),
        ):
            if value is not None:
                info = replace(info, **{attr: value})
        saved = save_office(s, actor, info)
    ctx.out(f"已保存单位信息：{saved.county} {saved.township_name} {saved.office_name}")
    return EXIT_OK
