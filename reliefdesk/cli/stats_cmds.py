"""``reliefdesk-admin stats …`` and ``county …``: statistics and the county roll-up.

    stats month  --month YYYY-MM [--out FILE.xlsx]
    stats year   --year YYYY [--out FILE.xlsx|FILE.pdf]
    county export --month YYYY-MM --out PACKAGE.zip      (needs --user)
    county import PACKAGE.zip...                          (needs --user)
    county show  [--month YYYY-MM] [--live]               (--live: straight from this database)

``stats`` prints aggregate figures only (no personal data); with ``--user`` the export is
audited under that user, otherwise under the system account.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from .framework import EXIT_OK, EXIT_PROBLEMS, CliContext, month_arg

if TYPE_CHECKING:
    from ..services.context import Actor

_YEARS = range(2000, 2101)  # statistics years the office can ask for


def _year(text: str) -> int:
    if (
        not (text.isascii() and text.isdigit() and len(text) == len("YYYY"))
        or int(text) not in _YEARS
    ):
        raise argparse.ArgumentTypeError(f"年度“{text}”格式不正确，应为 YYYY（如 2025）。")
    return int(text)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("stats", parents=[common], help="统计月报与年度统计")
    sub = p.add_subparsers(dest="stats_command", metavar="ACTION")
    sub.required = True
    m = sub.add_parser("month", parents=[common], help="月度统计（仅已锁定的花名册）")
    m.add_argument("--month", type=month_arg, required=True, help="所属期 YYYY-MM")
    m.add_argument("--out", default=None, help="导出工作簿 FILE.xlsx")
    m.set_defaults(handler=_month)
    y = sub.add_parser("year", parents=[common], help="年度统计报告")
    y.add_argument("--year", type=_year, required=True, help="年度 YYYY")
    y.add_argument("--out", default=None, help="导出 FILE.xlsx 或 FILE.pdf")
    y.set_defaults(handler=_year_cmd)
    c = subparsers.add_parser("county", parents=[common], help="县级汇总（统计数据包导出/导入）")
    csub = c.add_subparsers(dest="county_command", metavar="ACTION")
    csub.required = True
    ex = csub.add_parser("export", parents=[common], help="导出本乡镇月度统计数据包")
    ex.add_argument("--month", type=month_arg, required=True, help="所属期 YYYY-MM")
    ex.add_argument("--out", required=True, help="数据包 PACKAGE.zip")
    ex.set_defaults(handler=_export)
    im = csub.add_parser("import", parents=[common], help="导入各乡镇的统计数据包")
    im.add_argument("packages", nargs="+", help="数据包 .zip")
    im.set_defaults(handler=_import)
    sh = csub.add_parser("show", parents=[common], help="县级汇总表")
    sh.add_argument("--month", type=month_arg, default=None, help="所属期 YYYY-MM")
    sh.add_argument(
        "--live",
        action="store_true",
        help="直接从本数据库按乡镇统计（县与乡镇共用一个 PostgreSQL 服务器时）",
    )
    sh.set_defaults(handler=_show)


def _reader(ctx: CliContext) -> Actor:
    from ..services.context import SYSTEM

    return ctx.actor("read") if getattr(ctx.args, "user", None) else SYSTEM


def _month(ctx: CliContext) -> int:
    from ..services import statistics as svc

    actor = _reader(ctx)
    stats = svc.month_stats(ctx.db(), actor, ctx.args.month)
    if not stats.locked:
        ctx.out(stats.message)
        return EXIT_PROBLEMS
    ctx.out(f"{stats.month_text} 统计（仅已锁定的花名册）")
    for key in svc.CATEGORY_KEYS:
        f = stats.by_category[key]
        ctx.out(
            f"{svc.CATEGORY_LABELS[key]}\t户数 {f.households}\t人数 {f.persons}\t"
            f"金额 {svc.yuan(f.amount_fen)} 元"
        )
    t = stats.total
    ctx.out(f"合计\t户数 {t.households}\t人数 {t.persons}\t金额 {svc.yuan(t.amount_fen)} 元")
    for b in stats.breaks:
        ctx.out(f"校验不符：{b}")
    if ctx.args.out:
        path, sha = svc.export_month_xlsx(ctx.db(), actor, stats.month, ctx.args.out)
        ctx.out(f"已导出：{path}（SHA-256 {sha}）")
    return EXIT_OK


def _year_cmd(ctx: CliContext) -> int:
    from ..services import statistics as svc

    actor = _reader(ctx)
    r = svc.year_report(ctx.db(), actor, ctx.args.year)
    if not r.locked_months:
        ctx.out(f"{r.year} 年没有已锁定的花名册，无统计数据。")
        return EXIT_PROBLEMS
    ctx.out(f"{r.year} 年度统计（已锁定月份：{'、'.join(str(m) for m in r.locked_months)}）")
    ctx.table(
        ["项目", "年末户数", "年末人数", "人次", "全年支出(元)", "人数同比%", "水平同比%"],
        [
            [
                svc.CATEGORY_LABELS[k],
                c.households_end,
                c.persons_end,
                c.person_months,
                svc.yuan(c.amount_fen),
                r.growth(k, "persons") or "—",
                r.growth(k, "level") or "—",
            ]
            for k, c in r.by_category.items()
        ],
    )
    ctx.out(f"全年支出合计 {svc.yuan(r.total_amount_fen)} 元")
    if ctx.args.out:
        path, sha = svc.export_year(ctx.db(), actor, r.year, ctx.args.out)
        ctx.out(f"已导出：{path}（SHA-256 {sha}）")
    return EXIT_OK


def _export(ctx: CliContext) -> int:
    from ..services import statistics as svc

    actor = ctx.actor("roster.export")
    res = svc.export_package(ctx.db(), actor, ctx.args.month, ctx.args.out)
    ctx.out(f"已导出统计数据包：{res.path}（SHA-256 {res.sha256}）")
    return EXIT_OK


def _import(ctx: CliContext) -> int:
    from ..services import statistics as svc

    actor = ctx.actor("roster.export")
    failed = 0
    for path in ctx.args.packages:
        try:
            r = svc.import_package(ctx.db(), actor, path)
        except (svc.RuleViolation, svc.ValidationError) as exc:
            print(f"错误：{exc}", file=ctx.stderr)
            failed += 1
            continue
        ctx.out(f"已导入：{r.township}（{r.township_code}）{r.month}")
    _print_table(ctx, None)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _show(ctx: CliContext) -> int:
    from ..services import statistics as svc

    if ctx.args.live:
        if not ctx.args.month:
            raise svc.ValidationError("--live 需要 --month YYYY-MM。", code="cli.month")
        rows = svc.township_figures(ctx.db(), _reader(ctx), ctx.args.month)
        ctx.table(
            ["乡镇", "所属期", "户数", "人数", "当月支出(元)"],
            [
                [
                    r.township,
                    r.month,
                    r.figures["total"]["households"],
                    r.figures["total"]["persons"],
                    svc.yuan(r.figures["total"]["amount_fen"]),
                ]
                for r in rows
            ],
        )
        total = sum(r.figures["total"]["amount_fen"] for r in rows)
        ctx.out(f"县级合计：{len(rows)} 个乡镇，当月支出 {svc.yuan(total)} 元")
        return EXIT_OK
    _print_table(ctx, ctx.args.month)
    return EXIT_OK


def _print_table(ctx: CliContext, month: str | None) -> None:
    from ..services import statistics as svc

    table = svc.county_table(ctx.db(), _reader(ctx), month)
    ctx.table(
        ["乡镇", "代码", "所属期", "户数", "人数", "当月支出(元)"],
        [
            [
                r.township,
                r.township_code,
                r.month,
                r.figures["total"]["households"],
                r.figures["total"]["persons"],
                svc.yuan(r.figures["total"]["amount_fen"]),
            ]
            for r in table.rows
        ],
    )
    t = table.totals.get("total")
    if t:
        ctx.out(
            f"县级合计：户数 {t['households']}，人数 {t['persons']}，"
            f"当月支出 {svc.yuan(t['amount_fen'])} 元（{len(table.rows)} 个数据包）"
        )
