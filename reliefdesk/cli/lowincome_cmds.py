"""``reliefdesk-admin lowincome …`` and ``patrol …``: the low-income register and key-group
visits (issue 14).

    lowincome list   [--due] [--all]
    lowincome add    --household ID --category C --reason TEXT [--review YYYY-MM-DD]
    lowincome exit   --id N --reason TEXT
    patrol plan      --month YYYY-MM [--village V] [--responsible NAME]
    patrol record    --person ID --date YYYY-MM-DD --needs TEXT --help TEXT --solved yes|no
                     [--visitor NAME] [--mode onsite|phone|video] [--follow-up TEXT]
                     [--enter]   (the visit found hardship: put the household on the register)
    patrol stats     --from YYYY-MM --to YYYY-MM

``--category`` takes a code or its Chinese label (低保边缘, 刚性支出困难…); ``--village`` a
village number or its name. Each change prints one line; a refusal exits non-zero with one
line ``错误：…`` (see :mod:`reliefdesk.cli.framework`).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..domain.low_income import CATEGORIES, KEY_GROUPS
from ..domain.months import month_start
from ..domain.workflow_terms import VISIT_MODES
from ..errors import NotFound, ValidationError
from .framework import EXIT_OK, CliContext, month_arg


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:

    p = subparsers.add_parser("lowincome", parents=[common], help="低收入人口名册")
    sub = p.add_subparsers(dest="lowincome_command", metavar="ACTION")
    sub.required = True
    q = sub.add_parser("list", parents=[common], help="列出名册（--due 只列待复核的）")
    q.add_argument("--due", action="store_true", help="只列30天内到期或已逾期复核的")
    q.add_argument("--all", action="store_true", help="包括已退出的")
    q.set_defaults(handler=_list)
    q = sub.add_parser("add", parents=[common], help="纳入低收入人口名册")
    q.add_argument("--household", type=int, required=True, help="家庭编号")
    q.add_argument("--category", required=True, help="类别：" + "、".join(CATEGORIES.values()))
    q.add_argument("--reason", required=True, help="纳入原因")
    q.add_argument("--review", default=None, help="下次复核日期 YYYY-MM-DD（默认按类别）")
    q.set_defaults(handler=_add)
    q = sub.add_parser("exit", parents=[common], help="退出名册")
    q.add_argument("--id", type=int, required=True, help="条目编号")
    q.add_argument("--reason", required=True, help="退出原因")
    q.set_defaults(handler=_exit)

    p = subparsers.add_parser("patrol", parents=[common], help="重点群体巡访")
    sub = p.add_subparsers(dest="patrol_command", metavar="ACTION")
    sub.required = True
    q = sub.add_parser("plan", parents=[common], help="按村生成当月巡访计划")
    q.add_argument("--month", type=month_arg, required=True, help="月份 YYYY-MM")
    q.add_argument("--village", default=None, help="村（社区）编号或名称")
    q.add_argument("--responsible", default="", help="新计划的责任人（默认：当前用户）")
    q.set_defaults(handler=_plan)
    q = sub.add_parser(
        "record", parents=[common], add_help=False, help="记录一次走访（--help 为提供的帮助）"
    )
    q.add_argument("-h", action="help", help="显示帮助")
    q.add_argument("--person", type=int, required=True, help="人员编号")
    q.add_argument("--date", required=True, help="走访日期 YYYY-MM-DD")
    q.add_argument("--needs", required=True, help='发现的需求或问题（无则留空 ""）')
    q.add_argument("--help", dest="help_given", required=True, help="提供的帮助")
    q.add_argument("--solved", required=True, choices=("yes", "no"), help="问题是否解决")
    q.add_argument("--visitor", default="", help="走访人（默认：当前用户）")
    q.add_argument("--mode", default="onsite", choices=tuple(VISIT_MODES), help="走访方式")
    q.add_argument("--follow-up", default="", help="后续跟进")
    q.add_argument("--enter", action="store_true", help="走访发现困难：纳入低收入人口名册")
    q.set_defaults(handler=_record)
    q = sub.add_parser("stats", parents=[common], help="走访统计（人数、解决问题数）")
    q.add_argument("--from", dest="month_from", type=month_arg, required=True, help="YYYY-MM")
    q.add_argument("--to", dest="month_to", type=month_arg, required=True, help="YYYY-MM")
    q.set_defaults(handler=_stats)


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"{what}“{text}”格式不正确，应为 YYYY-MM-DD。", code="cli.date"
        ) from None


def _category(text: str) -> str:

    value = text.strip()
    if value in CATEGORIES:
        return value
    for code, label in CATEGORIES.items():
        if label == value:
            return code
    raise ValidationError(
        f"类别“{text}”无效，应为：" + "、".join(CATEGORIES.values()) + "。",
        code="cli.category",
    )


def _list(ctx: CliContext) -> int:
    from ..services import low_income as li

    actor = ctx.actor("read")
    rows = li.list_entries(ctx.db(), actor, due_only=ctx.args.due, include_exited=ctx.args.all)
    for e in rows:
        state = f"已退出 {e.exit_on}" if e.exit_on else ("待复核" if e.due else "在册")
        ctx.out(
            f"#{e.id}\t{e.village}\t{e.head_name}\t{e.head_id_masked}\t{e.category_label}\t"
            f"纳入 {e.entered_on}\t复核 {e.next_review}\t{state}\t{e.reason}"
        )
    ctx.out(f"共 {len(rows)} 条")
    return EXIT_OK


def _add(ctx: CliContext) -> int:
    from ..services import low_income as li

    actor = ctx.actor("register.write")
    review = _day(ctx.args.review, "复核日期") if ctx.args.review else None
    e = li.add_entry(
        ctx.db(),
        actor,
        ctx.args.household,
        _category(ctx.args.category),
        ctx.args.reason,
        next_review=review,
    )
    ctx.out(
        f"已纳入低收入人口名册：#{e.id} 家庭 {e.household_id} {e.head_name} "
        f"{e.category_label}，下次复核 {e.next_review}"
    )
    return EXIT_OK


def _exit(ctx: CliContext) -> int:
    from ..services import low_income as li

    actor = ctx.actor("register.write")
    e = li.exit_entry(ctx.db(), actor, ctx.args.id, ctx.args.reason)
    ctx.out(f"已退出名册：#{e.id} {e.head_name}（{e.category_label}），退出日期 {e.exit_on}")
    return EXIT_OK


def _village(ctx: CliContext, actor: Any, text: str | None) -> int | None:
    from ..services.register import list_villages

    if text is None:
        return None
    value = text.strip()
    villages = list_villages(ctx.db(), actor)
    if value.isascii() and value.isdigit():
        hits = [v for v in villages if v.id == int(value)]
    else:
        hits = [v for v in villages if v.name == value]
    if not hits:
        raise NotFound(f"村（社区）“{text}”不存在。", code="cli.village")
    if len(hits) > 1:
        raise ValidationError(f"村（社区）名称“{text}”不唯一，请用编号。", code="cli.village")
    return hits[0].id


def _plan(ctx: CliContext) -> int:
    from ..services import low_income as li
    from ..services.roster.types import parse_month

    actor = ctx.actor("register.write")
    month = parse_month(ctx.args.month)
    vid = _village(ctx, actor, ctx.args.village)
    plans = li.make_plans(ctx.db(), actor, month, vid, ctx.args.responsible)
    people = sum(len(p.items) for p in plans)
    groups: dict[str, int] = {}
    for p in plans:
        for i in p.items:
            groups[i.group_label] = groups.get(i.group_label, 0) + 1
    parts = "，".join(f"{k} {n}" for k, n in groups.items())
    ctx.out(
        f"{month:%Y-%m} 巡访计划：{len(plans)} 个村（社区），{people} 人"
        + (f"（{parts}）" if parts else "")
    )
    return EXIT_OK


def _record(ctx: CliContext) -> int:
    from ..services import low_income as li

    actor = ctx.actor("register.write")
    v = li.record_visit(
        ctx.db(),
        actor,
        ctx.args.person,
        _day(ctx.args.date, "走访日期"),
        ctx.args.needs,
        ctx.args.help_given,
        ctx.args.solved == "yes",
        visitor=ctx.args.visitor,
        follow_up=ctx.args.follow_up,
        mode=ctx.args.mode,
        enter_register=ctx.args.enter,
    )
    group = f"（{v.group_label}）" if v.group_label else ""
    planned = "，计入当月计划" if v.plan_item_id else ""
    planned += f"，已纳入低收入人口名册（#{v.entry_id}）" if v.entry_id else ""
    ctx.out(
        f"已记录走访 #{v.id}：{v.name}{group} {v.visited_on}，"
        f"问题{'已解决' if v.solved else '未解决'}{planned}"
    )
    return EXIT_OK


def _stats(ctx: CliContext) -> int:
    from ..services import low_income as li
    from ..services.roster.types import parse_month

    actor = ctx.actor("read")
    st = li.patrol_stats(
        ctx.db(), actor, parse_month(ctx.args.month_from), parse_month(ctx.args.month_to)
    )
    t = st.total
    groups = "，".join(f"{KEY_GROUPS.get(g, '其他')} {c.people} 人" for g, c in st.by_group.items())
    ctx.out(
        f"{st.month_from:%Y-%m} 至 {month_start(st.month_to):%Y-%m}：走访 {t.people} 人 "
        f"{t.visits} 人次，发现问题 {t.problems} 个，解决 {t.solved} 个；"
        f"计划 {st.planned} 人，已访 {st.planned_visited} 人" + (f"（{groups}）" if groups else "")
    )
    return EXIT_OK
