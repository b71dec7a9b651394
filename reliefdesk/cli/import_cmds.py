"""``reliefdesk-admin import``: bring in the recipients an office already pays (存量导入,
DOMAIN §12.1; administrators only).

    import recipients FILE [--sheet NAME] [--mapping MAP.json] [--dry-run] [--report OUT.xlsx]
    import list
    import undo --batch N

A dry run prints households, persons and the total monthly amount by programme, then the number
of problems, and exits 0. ``--mapping`` is a JSON object field -> header label (see
``reliefdesk.documents.legacy.FIELDS`` for the field names); it is remembered for the office
when the import runs. A refused file prints one line ``错误：…`` and exits 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.money import fen_to_yuan
from .framework import EXIT_OK, CliContext, read_mapping_file

if TYPE_CHECKING:
    from ..services import importing

_SEVERITY = {"error": "错误", "warning": "提示"}

_SHOWN_PROBLEMS = 200  # problems printed on screen; the --report workbook has them all


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("import", parents=[common], help="存量导入：从原有台账导入在保对象")
    sub = p.add_subparsers(dest="import_command", metavar="ACTION", parser_class=type(p))
    sub.required = True
    q = sub.add_parser("recipients", parents=[common], help="导入在保对象（.xlsx/.xls/.csv）")
    q.add_argument("file")
    q.add_argument("--sheet", default=None, help="只导入此工作表")
    q.add_argument(
        "--mapping",
        default=None,
        metavar="MAP.json",
        help="列对应关系（JSON：字段 → 表头文字），导入后记住",
    )
    q.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    q.add_argument(
        "--report", default=None, metavar="OUT.xlsx", help="写出问题清单（可修改后重新导入）"
    )
    q.set_defaults(handler=_recipients)
    q = sub.add_parser("list", parents=[common], help="列出导入批次")
    q.set_defaults(handler=_list)
    q = sub.add_parser("undo", parents=[common], help="撤销一个导入批次")
    q.add_argument("--batch", type=int, required=True)
    q.set_defaults(handler=_undo)


def _mapping(path: str | None) -> dict[str, str] | None:
    return read_mapping_file(path, "import.mapping")


def _print_preview(ctx: CliContext, pv: importing.ImportPreview) -> None:
    ctx.out(
        f"文件：{pv.file_name}（SHA-256 {pv.sha256[:16]}…，"
        f"{'每行一人' if pv.shape == 'person' else '每行一户'}）"
    )
    for sh in pv.sheets:
        ctx.out(f"  工作表“{sh.name}”：表头在第 {sh.header_row} 行，{sh.rows} 行数据")
    ctx.out(f"户数 {pv.households}，人数 {pv.persons}，月保障金合计 {fen_to_yuan(pv.total_fen)} 元")
    ctx.table(
        ["保障类别", "户数", "人数", "月保障金（元）"],
        [(t.label, t.households, t.persons, fen_to_yuan(t.amount_fen)) for t in pv.by_programme],
    )
    if pv.already_imported_batch is not None:
        ctx.out(f"此文件已于批次 #{pv.already_imported_batch} 导入，重新导入不会有任何改变。")
    ctx.out(
        f"新增 {pv.to_create} 户，更正 {pv.to_update} 户，无变化 {pv.unchanged} 户，"
        f"因错误不能导入 {pv.blocked} 户，待补录成员 {pv.incomplete} 户"
    )
    ctx.out(f"问题 {len(pv.problems)} 条（错误 {pv.errors} 条）")
    for p in pv.problems[:_SHOWN_PROBLEMS]:
        ctx.out(f"  {p.sheet} 第 {p.row} 行 [{_SEVERITY.get(p.severity, p.severity)}] {p.message}")
    if len(pv.problems) > _SHOWN_PROBLEMS:
        ctx.out(f"  ……其余 {len(pv.problems) - _SHOWN_PROBLEMS} 条见 --report 问题清单")


def _recipients(ctx: CliContext) -> int:
    from ..services import importing

    actor = ctx.actor("import.recipients")
    db = ctx.db()
    mapping = _mapping(ctx.args.mapping)
    path = Path(ctx.args.file)
    if ctx.args.dry_run:
        pv = importing.preview(db, actor, path, sheet=ctx.args.sheet, mapping=mapping)
        _print_preview(ctx, pv)
    else:
        result = importing.import_file(db, actor, path, sheet=ctx.args.sheet, mapping=mapping)
        _print_preview(ctx, result.preview)
        if mapping:
            importing.save_mapping(db, actor, mapping)
        if result.batch_id is None:
            ctx.out("没有需要写入的变化。")
        else:
            ctx.out(
                f"已导入：批次 #{result.batch_id}，新增 {result.created} 户，更正 "
                f"{result.updated} 户，新建人员 {result.persons} 人，月保障金 "
                f"{fen_to_yuan(result.total_fen)} 元"
            )
    if ctx.args.report:
        out = importing.write_problem_report(
            db, actor, path, ctx.args.report, sheet=ctx.args.sheet, mapping=mapping
        )
        ctx.out(f"问题清单已写出：{out}")
    return EXIT_OK


def _list(ctx: CliContext) -> int:
    from ..services import importing

    actor = ctx.actor("read")
    rows = [
        (
            b.id,
            b.file_name,
            b.created_at.strftime("%Y-%m-%d %H:%M"),
            b.created_by_name,
            b.households,
            b.persons,
            fen_to_yuan(b.amount_fen),
            "已撤销" if b.status == "undone" else "有效",
        )
        for b in importing.list_batches(ctx.db(), actor)
    ]
    ctx.table(["批次", "文件", "时间", "导入人", "户数", "人数", "月保障金（元）", "状态"], rows)
    return EXIT_OK


def _undo(ctx: CliContext) -> int:
    from ..services import importing

    actor = ctx.actor("import.recipients")
    b = importing.undo_batch(ctx.db(), actor, ctx.args.batch)
    ctx.out(f"已撤销导入批次 #{b.id}（{b.file_name}）")
    return EXIT_OK
