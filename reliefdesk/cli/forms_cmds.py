"""``reliefdesk-admin forms …``: print case documents and rosters to PDF files.

    forms application --id N --out FILE          申请审批表
    forms batch       --ids 1,2,3 --out FILE     申请审批表（批量）
    forms visit       --id N --out FILE          入户调查表
    forms notice      --ids 1,2,3 --out FILE [--mask-names]   公示表
    forms decision    --id N --out FILE          确认通知书 / 不予确认告知书
    forms change-notice --change N --out FILE    减发/停发/终止告知书（变更记录编号）
    forms termination-notice --proposal N --out FILE   拟终止特困供养公示
    forms changes     --month YYYY-MM --out FILE   本月全部减发/停发/终止告知书（一个 PDF）
    forms roster      --month YYYY-MM [--programme P] [--full-ids] --out FILE   发放花名册
    forms change-roster --month YYYY-MM [--programme P] [--full-ids] --out FILE   变动名册

Acts as ``--user`` (permission ``print``; every print is audited). The file is written
atomically: a temporary file in the same folder, then renamed over the target.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ..paths import write_private
from .framework import EXIT_OK, MAX_INT, CliContext, month_arg

if TYPE_CHECKING:
    from ..services.printing import PrintResult

_PROGRAMMES = ("urban_dibao", "rural_dibao", "tekun", "all")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("forms", parents=[common], help="打印表单和名册（输出 PDF 文件）")
    sub = p.add_subparsers(dest="forms_command", metavar="DOCUMENT")
    sub.required = True

    def add(
        name: str, help_text: str, handler: Callable[[CliContext], int]
    ) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text)
        sp.add_argument("--out", required=True, help="输出的 PDF 文件")
        sp.set_defaults(handler=handler)
        return sp

    add("application", "申请审批表", _application).add_argument(
        "--id", type=int, required=True, help="申请编号"
    )
    add("batch", "批量打印申请审批表", _batch).add_argument(
        "--ids", required=True, help="申请编号，逗号分隔，如 1,2,3"
    )
    add("visit", "家庭经济状况入户调查表", _visit).add_argument(
        "--id", type=int, required=True, help="入户调查记录编号"
    )
    notice = add("notice", "公示表（只含姓名、人数、金额、村）", _notice)
    notice.add_argument("--ids", required=True, help="申请编号，逗号分隔")
    notice.add_argument("--mask-names", action="store_true", help="姓名中间字以 * 代替")
    add("decision", "确认通知书或不予确认告知书", _decision).add_argument(
        "--id", type=int, required=True, help="申请编号"
    )
    add("change-notice", "减发、停发、终止告知书（含理由和异议权利）", _change_notice).add_argument(
        "--change", type=int, required=True, help="变更记录编号（在保记录的减发、停发、终止）"
    )
    add("termination-notice", "拟终止特困人员救助供养公示", _termination_notice).add_argument(
        "--proposal", type=int, required=True, help="拟终止记录编号"
    )
    add("changes", "本月全部减发、停发、终止告知书（一个 PDF）", _changes).add_argument(
        "--month", required=True, help="变更生效月份 YYYY-MM"
    )
    for name, help_text, handler in (
        ("roster", "资金发放花名册", _roster),
        ("change-roster", "变动名册", _change_roster),
    ):
        sp = add(name, help_text, handler)
        sp.add_argument("--month", type=month_arg, required=True, help="所属期 YYYY-MM")
        sp.add_argument(
            "--programme",
            choices=_PROGRAMMES,
            default=None,
            help="保障项目（默认：本月唯一的或全部项目花名册）",
        )
        sp.add_argument(
            "--full-ids", action="store_true", help="打印完整身份证号和账号（需相应权限，记入审计）"
        )


def parse_ids(text: str) -> list[int]:
    """ "1,2, 3" → [1, 2, 3]; anything else is a one-line error."""
    out: list[int] = []
    for raw in text.replace("，", ",").split(","):
        part = raw.strip()
        if not part:
            continue
        if not (part.isascii() and part.isdigit() and int(part) <= MAX_INT):
            raise ValidationError(
                f"编号“{part}”不是数字；请用逗号分隔的编号，如 1,2,3。", code="cli.ids", field="ids"
            )
        out.append(int(part))
    if not out:
        raise ValidationError("请至少给出一个编号。", code="cli.ids", field="ids")
    return out


def _save(ctx: CliContext, result: PrintResult, lines: list[str] | None = None) -> int:
    """Write the PDF, then print ``lines`` (one per document in it) and the file line."""
    from ..documents.pdf.fonts import font_warning

    out = Path(ctx.args.out)
    write_private(out, result.pdf)
    for line in lines or []:
        ctx.out(line)
    ctx.out(f"已输出 {out}（{result.title}，{result.pages} 页，{len(result.pdf)} 字节）")
    warning = font_warning()
    if warning:
        print(f"警告：{warning}", file=sys.stderr)
    return EXIT_OK


def _application(ctx: CliContext) -> int:
    from ..services import printing

    return _save(ctx, printing.application_form_pdf(ctx.db(), ctx.actor("print"), ctx.args.id))


def _batch(ctx: CliContext) -> int:
    from ..services import printing

    ids = parse_ids(ctx.args.ids)
    return _save(ctx, printing.batch_application_forms_pdf(ctx.db(), ctx.actor("print"), ids))


def _visit(ctx: CliContext) -> int:
    from ..services import printing

    return _save(ctx, printing.visit_record_pdf(ctx.db(), ctx.actor("print"), ctx.args.id))


def _notice(ctx: CliContext) -> int:
    from ..services import printing

    ids = parse_ids(ctx.args.ids)
    return _save(
        ctx, printing.notice_pdf(ctx.db(), ctx.actor("print"), ids, mask_names=ctx.args.mask_names)
    )


def _decision(ctx: CliContext) -> int:
    from ..services import printing

    return _save(ctx, printing.decision_letter_pdf(ctx.db(), ctx.actor("print"), ctx.args.id))


def _change_notice(ctx: CliContext) -> int:
    from ..services.printing import notices as printing_notices

    return _save(
        ctx, printing_notices.change_notice_pdf(ctx.db(), ctx.actor("print"), ctx.args.change)
    )


def _termination_notice(ctx: CliContext) -> int:
    from ..services.printing import notices as printing_notices

    return _save(
        ctx,
        printing_notices.termination_notice_pdf(ctx.db(), ctx.actor("print"), ctx.args.proposal),
    )


def _roster(ctx: CliContext) -> int:
    from ..services import printing

    a = ctx.args
    return _save(
        ctx,
        printing.roster_pdf(
            ctx.db(), ctx.actor("print"), a.month, a.programme, mask_ids=not a.full_ids
        ),
    )


def _changes(ctx: CliContext) -> int:
    from ..services.printing import notices as printing_notices

    result, lines = printing_notices.month_notices_pdf(ctx.db(), ctx.actor("print"), ctx.args.month)
    return _save(ctx, result, lines)


def _change_roster(ctx: CliContext) -> int:
    from ..services import printing

    a = ctx.args
    return _save(
        ctx,
        printing.change_roster_pdf(
            ctx.db(), ctx.actor("print"), a.month, a.programme, mask_ids=not a.full_ids
        ),
    )
