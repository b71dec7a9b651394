"""``reliefdesk-admin roster …``: monthly payment rosters from the command line.

    roster generate      --month YYYY-MM [--programme P]
    roster diff          --month YYYY-MM [--programme P]
    roster validate      --month YYYY-MM [--programme P]      (exit 1 when errors remain)
    roster ack           --month YYYY-MM [--programme P] (--all-warnings | --item LINE:CODE …)
    roster lock          --month YYYY-MM [--programme P]
    roster unlock        --month YYYY-MM [--programme P] --reason TEXT
    roster export        --month YYYY-MM [--programme P] --out DIR
    roster import-return --month YYYY-MM [--programme P] FILE
    roster back-pay      --from YYYY-MM --to YYYY-MM [--programme P]
    roster list          [--month YYYY-MM] [--programme P]
    roster grants        [--status due|paid] [--month YYYY-MM]   (临时救助, one line a grant)
    roster pay-cash      --grant N --receipt NO [--date YYYY-MM-DD] [--received-by NAME]
    roster receipt       --grant N --out FILE.pdf   (领款收据 the family signs)

``--programme temporary_aid`` works on the month's 临时救助发放名册 (one-off grants: generate,
validate, lock — which marks the grants paid —, export, import-return). ``--id N`` picks a
roster by number instead (e.g. a supplementary roster or a second temporary-aid list).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..domain.money import fen_to_yuan
from ..errors import NotFound, ValidationError
from ..models import Roster
from .framework import EXIT_OK, EXIT_PROBLEMS, CliContext, month_arg

if TYPE_CHECKING:
    from ..services import roster as svc

_PROGRAMMES = ("urban_dibao", "rural_dibao", "tekun", "temporary_aid", "all")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "roster", parents=[common], help="发放花名册（生成、校验、锁定、导出、回盘）"
    )
    sub = p.add_subparsers(dest="roster_command", metavar="ACTION")
    sub.required = True

    def add(name: str, help_text: str, handler: Any, month: bool = True) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text)
        if month:
            sp.add_argument("--month", type=month_arg, help="所属期 YYYY-MM")
            sp.add_argument("--id", type=int, default=None, help="按编号指定花名册")
        sp.add_argument(
            "--programme", choices=_PROGRAMMES, default=None, help="保障项目（默认：全部项目）"
        )
        sp.set_defaults(handler=handler)
        return sp

    gen = add("generate", "生成（或重新生成）本月花名册草稿", _generate)
    gen.add_argument(
        "--township",
        default=None,
        help="乡镇(街道)代码或名称（县级用户；乡镇用户总是生成本乡镇的花名册）",
    )
    add("diff", "与上月花名册比较的变动", _diff)
    add("validate", "校验花名册（错误与警告）", _validate)
    ack = add("ack", "确认警告（记录确认人）", _ack)
    ack.add_argument("--all-warnings", action="store_true", help="确认全部未确认的警告")
    ack.add_argument("--item", action="append", default=[], help="行号:问题代码，可重复")
    ack.add_argument("--note", default="", help="确认说明")
    add("lock", "锁定花名册（负责人）", _lock)
    unlock = add("unlock", "解锁花名册（管理员，须填理由）", _unlock)
    unlock.add_argument("--reason", required=True, help="解锁理由")
    export = add("export", "导出银行代发文件、花名册和汇总表", _export)
    export.add_argument("--out", required=True, help="输出目录")
    export.add_argument(
        "--bank-password",
        action="store_true",
        default=None,
        help="银行代发文件加密码保护（密码只显示一次，另行交给银行；默认按单位设置，通常不加）",
    )
    imp = add("import-return", "导入银行回盘文件", _import_return)
    imp.add_argument("file", help="回盘文件 (.xlsx/.xls)")
    back = add("back-pay", "已锁定月份按现行核定金额计算补发", _back_pay, month=False)
    back.add_argument(
        "--from", dest="from_month", type=month_arg, required=True, help="起始月份 YYYY-MM"
    )
    back.add_argument(
        "--to", dest="to_month", type=month_arg, required=True, help="结束月份 YYYY-MM"
    )
    lst = add("list", "列出花名册", _list, month=False)
    lst.add_argument("--month", type=month_arg, default=None, help="所属期 YYYY-MM")
    grants = sub.add_parser("grants", parents=[common], help="临时救助发放情况（待发放/已发放）")
    grants.add_argument("--status", choices=("due", "paid"), default=None)
    grants.add_argument("--month", type=month_arg, default=None, help="应发月份 YYYY-MM")
    grants.set_defaults(handler=_grants)
    cash = sub.add_parser("pay-cash", parents=[common], help="临时救助现金发放（凭签字的领款收据）")
    cash.add_argument("--grant", type=int, required=True, help="临时救助记录编号（grants 列出）")
    cash.add_argument("--receipt", required=True, help="领款收据编号")
    cash.add_argument("--date", default=None, help="发放日期 YYYY-MM-DD（默认今天）")
    cash.add_argument("--received-by", default="", help="领款人（如非申请人本人）")
    cash.set_defaults(handler=_pay_cash)
    rec = sub.add_parser("receipt", parents=[common], help="打印临时救助金领款收据（PDF）")
    rec.add_argument("--grant", type=int, required=True, help="临时救助记录编号")
    rec.add_argument("--out", required=True, help="输出 PDF 文件")
    rec.set_defaults(handler=_receipt)


def _find(ctx: CliContext) -> int:
    from ..services import roster as svc
    from ..services.roster import oneoff
    from ..services.roster.integrity import same_township

    args = ctx.args
    if getattr(args, "id", None):
        return int(args.id)
    if not getattr(args, "month", None):
        raise ValidationError(
            "请用 --month YYYY-MM 指定月份（或 --id 指定花名册）。", code="cli.month"
        )
    month = svc.parse_month(args.month)
    programme = args.programme or "all"
    kind = oneoff.ONE_OFF_KIND if programme == oneoff.TEMP_AID else "regular"
    with ctx.db().read_session() as s:
        rid = s.scalar(
            select(Roster.id)
            .where(Roster.month == month, Roster.programme == programme, Roster.kind == kind)
            .where(same_township(ctx.actor("read").township_id))
            .order_by(Roster.seq_no.desc())
            .limit(1)
        )
    if rid is None:
        raise NotFound(
            f"{svc.month_text(month)} 没有{svc.PROGRAMME_LABELS[programme]}花名册，请先生成。",
            code="roster.not_found",
        )
    return int(rid)


def _summary(ctx: CliContext, v: svc.RosterView) -> None:
    from ..services.roster import oneoff

    state = "已锁定" if v.locked else "草稿"
    kind = {"supplementary": "（补发名册）", oneoff.ONE_OFF_KIND: "发放名册（一次性）"}
    ctx.out(
        f"花名册 #{v.id} {v.month_text} {v.programme_label}"
        f"{kind.get(v.kind, '')} {state}："
        f"{v.households} 户 {v.persons} 人，合计 {fen_to_yuan(v.amount_fen)} 元"
    )
    if v.flag_counts:
        ctx.out("变动：" + "，".join(f"{k} {n}" for k, n in sorted(v.flag_counts.items())))
    if v.lines_sha256:
        ctx.out(f"SHA-256：{v.lines_sha256}")


def _generate(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("roster.generate")
    if not ctx.args.month:
        raise ValidationError("请用 --month YYYY-MM 指定月份。", code="cli.month")
    from ..services.users import resolve_township

    with ctx.db().read_session() as s:
        town = resolve_township(s, ctx.args.township)
    v = svc.generate(ctx.db(), actor, ctx.args.month, ctx.args.programme, township_id=town)
    _summary(ctx, v)
    return EXIT_OK


def _diff(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("read")
    d = svc.diff(ctx.db(), actor, _find(ctx))
    ctx.out("变动汇总：" + ("，".join(f"{k} {n}" for k, n in sorted(d.counts.items())) or "无"))
    ctx.table(
        ["行号", "领取人", "变动", "上月(元)", "本月(元)", "原因"],
        [
            [
                e.line_no,
                e.payee_name,
                e.flag,
                "" if e.previous_fen is None else fen_to_yuan(e.previous_fen),
                fen_to_yuan(e.current_fen),
                e.reason,
            ]
            for e in d.entries
        ],
    )
    return EXIT_OK


def _print_problems(ctx: CliContext, problems: list[svc.Problem]) -> None:
    ctx.table(
        ["行号", "级别", "代码", "说明", "已确认"],
        [
            [
                p.line_no or "-",
                "错误" if p.severity == "error" else "警告",
                p.code,
                p.message_zh,
                p.acknowledged_by or "",
            ]
            for p in problems
        ],
    )


def _validate(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("read")
    problems = svc.validate(ctx.db(), actor, _find(ctx))
    errors = sum(p.severity == "error" for p in problems)
    open_w = sum(p.severity == "warning" and not p.acknowledged_by for p in problems)
    if problems:
        _print_problems(ctx, problems)
    ctx.out(f"错误 {errors} 个，未确认警告 {open_w} 条，共 {len(problems)} 条。")
    return EXIT_PROBLEMS if errors or open_w else EXIT_OK


def _ack(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("roster.generate")
    rid = _find(ctx)
    items: list[tuple[int, str]] = []
    if ctx.args.all_warnings:
        items = [
            p.key
            for p in svc.validate(ctx.db(), actor, rid)
            if p.severity == "warning" and not p.acknowledged_by
        ]
    for raw in ctx.args.item:
        line, sep, code = raw.partition(":")
        if not sep or not line.strip().isdigit():
            raise ValidationError(f"“{raw}”格式应为 行号:问题代码。", code="cli.item")
        items.append((int(line), code.strip()))
    if not items:
        raise ValidationError("没有要确认的警告（用 --all-warnings 或 --item）。", code="cli.item")
    problems = svc.acknowledge(ctx.db(), actor, rid, items, ctx.args.note)
    ctx.out(
        f"已确认 {len(items)} 条警告；剩余未确认 "
        f"{sum(p.severity == 'warning' and not p.acknowledged_by for p in problems)} 条。"
    )
    return EXIT_OK


def _lock(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("roster.lock")
    _summary(ctx, svc.lock(ctx.db(), actor, _find(ctx)))
    return EXIT_OK


def _unlock(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("roster.unlock")
    _summary(ctx, svc.unlock(ctx.db(), actor, _find(ctx), ctx.args.reason))
    return EXIT_OK


def _export(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("roster.export")
    results = svc.export(
        ctx.db(), actor, _find(ctx), ctx.args.out, protect_bank=ctx.args.bank_password
    )
    for r in results:
        ctx.out(f"{r.path}  {r.rows} 行  合计 {fen_to_yuan(r.total_fen)} 元")
        if r.password:
            ctx.out(
                f"  此文件已加密码保护，打开密码：{r.password}"
                "（只显示这一次；请通过电话或另一途径告知银行，不要与文件一起发送）"
            )
    if not any("银行代发" in Path(r.path).name for r in results):
        ctx.out(
            "注意：银行代发文件（含完整身份证号和账号）只能由设置中指定的角色（默认负责人）导出，"
            "本次未导出。"
        )
    return EXIT_OK


def _import_return(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("roster.export")
    res = svc.import_return(ctx.db(), actor, _find(ctx), ctx.args.file)
    ctx.out(
        f"回盘 {res.rows} 行：成功 {res.paid}，失败 {res.failed}，未匹配 "
        f"{len(res.unmatched_rows)}；新建待补发 {len(res.adjustments)} 笔。"
    )
    if res.unmatched_rows:
        ctx.out("未匹配的行号：" + "、".join(str(n) for n in res.unmatched_rows))
    return EXIT_PROBLEMS if res.unmatched_rows else EXIT_OK


def _back_pay(ctx: CliContext) -> int:
    from ..services import roster as svc

    actor = ctx.actor("roster.generate")
    adjs = svc.record_back_pay(
        ctx.db(), actor, ctx.args.from_month, ctx.args.to_month, ctx.args.programme
    )
    ctx.out(f"新建补发 {len(adjs)} 笔，合计 {fen_to_yuan(sum(a.amount_fen for a in adjs))} 元。")
    return EXIT_OK


def _list(ctx: CliContext) -> int:
    from ..services import roster as svc
    from ..services.roster import oneoff

    actor = ctx.actor("read")
    rows = svc.list_rosters(ctx.db(), actor, ctx.args.month, ctx.args.programme)
    ctx.table(
        ["编号", "所属期", "项目", "类型", "状态", "户数", "人数", "金额(元)", "生成人", "锁定人"],
        [
            [
                v.id,
                v.month_text,
                v.programme_label,
                {"supplementary": "补发", oneoff.ONE_OFF_KIND: "一次性"}.get(v.kind, "正常"),
                "已锁定" if v.locked else "草稿",
                v.households,
                v.persons,
                fen_to_yuan(v.amount_fen),
                v.generated_by,
                v.locked_by,
            ]
            for v in rows
        ],
    )
    return EXIT_OK


def _grants(ctx: CliContext) -> int:
    from ..services import roster as svc
    from ..services.roster import oneoff

    actor = ctx.actor("read")
    rows = oneoff.list_grants(ctx.db(), actor, status=ctx.args.status, month=ctx.args.month)
    for g in rows:
        how = {
            "bank": f"银行代发（名册 #{g.list_id}）" if g.list_id else "银行代发",
            "cash": f"现金（收据 {g.receipt_no}）",
            "legacy": "升级前已在系统外发放",
        }.get(g.payment_method or "", "")
        ctx.out(
            f"#{g.enrollment_id} {g.payee_name} 一次性 {fen_to_yuan(g.amount_fen)} 元 "
            f"应发 {svc.month_text(g.due_month)} {g.status_label}"
            f"{' ' + g.paid_on.isoformat() if g.paid_on else ''} {how} 事由：{g.cause}"
        )
    ctx.out(f"共 {len(rows)} 笔，合计 {fen_to_yuan(sum(g.amount_fen for g in rows))} 元。")
    return EXIT_OK


def _pay_cash(ctx: CliContext) -> int:
    from ..services.roster import oneoff

    actor = ctx.actor("roster.generate")
    raw = ctx.args.date
    try:
        paid_on = date.fromisoformat(raw) if raw else date.today()
    except ValueError:
        raise ValidationError(
            f"日期“{raw}”格式不正确，应为 YYYY-MM-DD。", code="cli.date"
        ) from None
    g = oneoff.pay_in_cash(
        ctx.db(),
        actor,
        ctx.args.grant,
        paid_on=paid_on,
        receipt_no=ctx.args.receipt,
        received_by=ctx.args.received_by,
    )
    ctx.out(
        f"#{g.enrollment_id} {g.payee_name} 一次性 {fen_to_yuan(g.amount_fen)} 元 已现金发放"
        f"（{g.paid_on}，收据 {g.receipt_no}）。"
    )
    return EXIT_OK


def _receipt(ctx: CliContext) -> int:
    from pathlib import Path

    from ..services import printing

    actor = ctx.actor("print")
    result = printing.aid_receipt_pdf(ctx.db(), actor, ctx.args.grant)
    out = Path(ctx.args.out)
    out.write_bytes(result.pdf)
    ctx.out(f"{out}  {result.title}  {result.pages} 页")
    return EXIT_OK
