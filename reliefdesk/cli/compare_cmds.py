"""``reliefdesk-admin compare`` and ``findings``: department data comparison (信息比对,
DOMAIN §8, §12.2) and its findings queue.

    compare import FILE --source SOURCE [--mapping MAP.json]
    compare runs [--source SOURCE]
    compare rows --run N [--match matched|name_mismatch|unmatched|bad_id]
    compare calendar [--month YYYY-MM]
    findings list [--open] [--kind KIND]
    findings resolve --id F --outcome confirmed|unfounded|handled --note TEXT [--act]

``compare import`` prints ONE line: rows read, matched, unmatched, name mismatches and the
findings by kind. A refused file prints one line ``错误：…``, exits 2 and writes nothing.
``--mapping`` is a JSON object field -> header label (fields: ``SOURCES[source].fields`` of
:mod:`reliefdesk.domain.comparison`); it is remembered for the source.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.comparison import KIND_LABELS, MATCHES, OUTCOMES, SOURCES
from ..domain.months import parse_month_text
from .framework import EXIT_OK, CliContext, read_mapping_file

if TYPE_CHECKING:
    from ..services import comparison


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:

    p = subparsers.add_parser("compare", parents=[common], help="信息比对：导入部门数据并比对")
    sub = p.add_subparsers(dest="compare_command", metavar="ACTION", parser_class=type(p))
    sub.required = True
    q = sub.add_parser("import", parents=[common], help="导入一个部门数据文件并比对")
    q.add_argument("file")
    q.add_argument("--source", required=True, choices=list(SOURCES))
    q.add_argument("--mapping", default=None, metavar="MAP.json", help="列对应（JSON），比对后记住")
    q.set_defaults(handler=_import)
    q = sub.add_parser("runs", parents=[common], help="比对记录")
    q.add_argument("--source", default=None, choices=list(SOURCES))
    q.set_defaults(handler=_runs)
    q = sub.add_parser("rows", parents=[common], help="一次比对的明细（未匹配、姓名不一致等）")
    q.add_argument("--run", type=int, required=True)
    q.add_argument("--match", default=None, choices=list(MATCHES))
    q.set_defaults(handler=_rows)
    q = sub.add_parser("calendar", parents=[common], help="比对日历：本月应比对的数据")
    q.add_argument("--month", default=None, metavar="YYYY-MM")
    q.set_defaults(handler=_calendar)

    p = subparsers.add_parser("findings", parents=[common], help="比对线索：列出、核实")
    sub = p.add_subparsers(dest="findings_command", metavar="ACTION", parser_class=type(p))
    sub.required = True
    q = sub.add_parser("list", parents=[common], help="列出比对线索")
    q.add_argument("--open", action="store_true", help="只列待核实的")
    q.add_argument("--kind", default=None, choices=list(KIND_LABELS))
    q.set_defaults(handler=_list)
    q = sub.add_parser("resolve", parents=[common], help="登记核实结果")
    q.add_argument("--id", type=int, required=True)
    q.add_argument("--outcome", required=True, choices=list(OUTCOMES))
    q.add_argument("--note", required=True)
    q.add_argument("--act", action="store_true", help="属实时同时办理后续事项")
    q.set_defaults(handler=_resolve)


def _mapping(path: str | None) -> dict[str, str] | None:
    return read_mapping_file(path, "compare.mapping")


def summary_line(result: comparison.RunResult) -> str:
    """The one line ``compare import`` prints (also used by the demo's report)."""
    r = result.run
    kinds = "，".join(f"{KIND_LABELS.get(k, k)} {n}" for k, n in sorted(r.by_kind.items()))
    return (
        f"{r.source_label}比对 #{r.id}：读取 {r.rows_read} 行，匹配 {r.matched}，"
        f"未匹配 {r.unmatched}，姓名不一致 {r.name_mismatches}，号码无效 {r.bad_ids}；"
        f"新线索 {r.findings} 条"
        + (f"（{kinds}）" if kinds else "")
        + (
            f"；另有 {result.left_out} 行属于其他乡镇或无法确定乡镇，未纳入本次比对"
            if result.left_out
            else ""
        )
    )


def _import(ctx: CliContext) -> int:
    from ..services import comparison

    actor = ctx.actor("register.write")
    result = comparison.compare_file(
        ctx.db(), actor, Path(ctx.args.file), ctx.args.source, mapping=_mapping(ctx.args.mapping)
    )
    ctx.out(summary_line(result))
    return EXIT_OK


def _runs(ctx: CliContext) -> int:
    from ..services import comparison

    actor = ctx.actor("read")
    ctx.table(
        ["比对", "数据", "文件", "时间", "操作人", "行数", "匹配", "未匹配", "姓名不一致", "线索"],
        [
            (
                r.id,
                r.source_label,
                r.file_name,
                r.created_at.strftime("%Y-%m-%d %H:%M"),
                r.created_by_name,
                r.rows_read,
                r.matched,
                r.unmatched,
                r.name_mismatches,
                r.findings,
            )
            for r in comparison.list_runs(ctx.db(), actor, ctx.args.source)
        ],
    )
    return EXIT_OK


_MATCH_LABELS = {
    "matched": "匹配",
    "name_mismatch": "姓名不一致",
    "unmatched": "未匹配",
    "bad_id": "号码无效",
}


def _rows(ctx: CliContext) -> int:
    from ..services import comparison

    actor = ctx.actor("read")
    rows = comparison.list_rows(ctx.db(), actor, ctx.args.run, ctx.args.match)
    ctx.table(
        ["行", "结果", "部门数据姓名", "登记姓名", "身份证号"],
        [
            (r.row_no, _MATCH_LABELS.get(r.match, r.match), r.name, r.register_name, r.id_masked)
            for r in rows
        ],
    )
    ctx.out(f"共 {len(rows)} 行")
    return EXIT_OK


def _calendar(ctx: CliContext) -> int:
    from ..services import comparison

    actor = ctx.actor("read")
    month = parse_month_text(ctx.args.month) if ctx.args.month else date.today()
    ctx.table(
        ["数据", "部门", "周期", "上次比对", "本月"],
        [
            (
                i.label,
                i.department,
                f"每 {i.every_months} 个月" if i.every_months else "随时报送",
                i.last_run.strftime("%Y-%m-%d") if i.last_run else "从未",
                "应比对" if i.due else "",
            )
            for i in comparison.calendar(ctx.db(), actor, month)
        ],
    )
    return EXIT_OK


def _list(ctx: CliContext) -> int:
    from ..services import comparison

    actor = ctx.actor("read")
    rows = comparison.list_findings(ctx.db(), actor, open_only=ctx.args.open, kind=ctx.args.kind)
    ctx.table(
        ["线索", "类别", "姓名", "身份证号", "户", "来源", "行", "期限", "经办人", "状态"],
        [
            (
                f.id,
                f.kind_label,
                f.name,
                f.id_masked,
                f.household_id or "",
                f.file_name,
                f.row_no,
                f.due_on.isoformat(),
                f.assignee_name,
                comparison.STATUS_LABELS.get(f.status, f.status),
            )
            for f in rows
        ],
    )
    ctx.out(f"共 {len(rows)} 条")
    return EXIT_OK


def _resolve(ctx: CliContext) -> int:
    from ..services import comparison

    actor = ctx.actor("register.write")
    f = comparison.resolve(
        ctx.db(), actor, ctx.args.id, ctx.args.outcome, ctx.args.note, act=ctx.args.act
    )
    line = f"比对线索 #{f.id} 已登记为{comparison.STATUS_LABELS.get(f.status, f.status)}"
    if f.taken_action:
        line += f"，已办理：{comparison.ACTION_LABELS.get(f.taken_action, f.taken_action)}"
        line += f"（{f.action_ref}）"
    ctx.out(line)
    return EXIT_OK
