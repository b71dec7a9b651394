"""``reliefdesk-admin account|enrollment|person …``: recipients from month to month (issue 9).

    account list        --household H
    account set         --household H --payee PERSON_ID --number N --bank NAME [--holder NAME]
                        [--kind bank_card|bank_book|social_security_card] [--from YYYY-MM]
                        [--entrusted --agreement NO --agreement-date YYYY-MM-DD --agent NAME]
    enrollment list     [--household H] [--programme P] [--due-recheck]
    enrollment adjust   --id E --amount YUAN --from YYYY-MM --reason TEXT
    enrollment suspend|resume|terminate --id E --from YYYY-MM --reason TEXT [--grounds G]
    person death        --id PERSON_ID --date YYYY-MM-DD

Each change prints one line; a refusal exits non-zero with one line ``错误：…`` (see
:mod:`reliefdesk.cli.framework`). ``terminate`` without ``--grounds`` uses "ineligible"
(低保: income or assets no longer qualify) or "income_assets" (特困), with the reason appended.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain.masking import mask_account
from ..domain.money import fen_to_yuan, yuan_to_fen
from ..errors import ValidationError
from .framework import EXIT_OK, CliContext

if TYPE_CHECKING:
    from ..services import enrollments as en

_PROGRAMMES = ("urban_dibao", "rural_dibao", "tekun")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("account", parents=[common], help="收款账户与领取人")
    sub = p.add_subparsers(dest="account_command", metavar="ACTION")
    sub.required = True
    q = sub.add_parser("list", parents=[common], help="列出一户的账户（号码已遮盖）")
    q.add_argument("--household", type=int, required=True, help="家庭编号")
    q.set_defaults(handler=_account_list)
    q = sub.add_parser("set", parents=[common], help="登记或更换账户并指定领取人")
    q.add_argument("--household", type=int, required=True, help="家庭编号")
    q.add_argument("--payee", type=int, required=True, help="领取人（家庭成员）编号")
    q.add_argument("--number", required=True, help="卡号/社保卡号/存折号")
    q.add_argument("--bank", required=True, help="开户银行/网点")
    q.add_argument("--holder", default=None, help="户名（默认：领取人姓名）")
    q.add_argument(
        "--kind",
        default="bank_card",
        choices=("bank_card", "bank_book", "social_security_card"),
        help="账户类型",
    )
    q.add_argument("--from", dest="from_month", default=None, help="启用月份 YYYY-MM（默认本月）")
    q.add_argument("--entrusted", action="store_true", help="存折/卡由他人代管")
    q.add_argument("--agreement", default="", help="代管协议编号")
    q.add_argument("--agreement-date", default=None, help="代管协议签订日期 YYYY-MM-DD")
    q.add_argument("--agent", default="", help="代管人")
    q.set_defaults(handler=_account_set)

    p = subparsers.add_parser("enrollment", parents=[common], help="在保对象动态管理")
    sub = p.add_subparsers(dest="enrollment_command", metavar="ACTION")
    sub.required = True
    q = sub.add_parser("list", parents=[common], help="列出在保记录")
    q.add_argument("--household", type=int, default=None, help="家庭编号")
    q.add_argument("--programme", choices=_PROGRAMMES, default=None, help="保障项目")
    q.add_argument("--due-recheck", action="store_true", help="只列本月及以前到期应核查的")
    q.set_defaults(handler=_enrollment_list)
    q = sub.add_parser("adjust", parents=[common], help="增发/减发（调整月保障金）")
    _change_args(q)
    q.add_argument("--amount", required=True, help="调整后的月保障金（元）")
    q.set_defaults(handler=_adjust)
    for name, help_text, handler in (
        ("suspend", "停发", _suspend),
        ("resume", "恢复发放", _resume),
        ("terminate", "终止", _terminate),
    ):
        q = sub.add_parser(name, parents=[common], help=help_text)
        _change_args(q)
        if name == "terminate":
            q.add_argument(
                "--grounds", default=None, help="终止理由代码（如 death、moved、voluntary）"
            )
        q.set_defaults(handler=handler)

    p = subparsers.add_parser("person", parents=[common], help="家庭成员变动")
    sub = p.add_subparsers(dest="person_command", metavar="ACTION")
    sub.required = True
    q = sub.add_parser("death", parents=[common], help="登记死亡（次月起停发该成员）")
    q.add_argument("--id", type=int, required=True, help="人员编号")
    q.add_argument("--date", required=True, help="死亡日期 YYYY-MM-DD")
    q.add_argument("--reason", default="", help="说明（如死亡证明编号）")
    q.set_defaults(handler=_death)


def _change_args(q: argparse.ArgumentParser) -> None:
    q.add_argument("--id", type=int, required=True, help="在保记录编号")
    q.add_argument("--from", dest="from_month", required=True, help="生效月份 YYYY-MM")
    q.add_argument("--reason", required=True, help="理由")


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"{what}“{text}”格式不正确，应为 YYYY-MM-DD。", code="cli.date"
        ) from None


# --- accounts --------------------------------------------------------------------------------


def _account_list(ctx: CliContext) -> int:
    from ..services.register import accounts as acc

    actor = ctx.actor("read")
    rows = acc.list_accounts(ctx.db(), actor, ctx.args.household)
    if not rows:
        ctx.out(f"家庭 #{ctx.args.household} 没有登记账户。")
    for a in rows:
        state = "使用中" if a.active else f"已停用（{a.stop_reason}）"
        since = f"，自 {a.effective_month:%Y-%m}" if a.effective_month else ""
        until = f"，至 {a.end_month:%Y-%m}" if a.end_month else ""
        ctx.out(
            f"账户 #{a.id} {a.payee_name} {a.bank_name} {a.number} 户名 {a.holder_name} "
            f"{state}{since}{until}"
        )
    ent = acc.get_entrustment(ctx.db(), actor, ctx.args.household)
    if ent.entrusted:
        ctx.out(f"代管：协议 {ent.agreement_no}，{ent.agreement_date or ''}，代管人 {ent.agent}")
    return EXIT_OK


def _account_set(ctx: CliContext) -> int:
    from ..services.register import accounts as acc
    from ..services.roster.types import parse_month

    a = ctx.args
    actor = ctx.actor("register.write")
    if not a.entrusted and (a.agreement or a.agreement_date or a.agent):
        raise ValidationError("填写代管协议时须同时加 --entrusted。", code="cli.entrusted")
    result = acc.set_account(
        ctx.db(),
        actor,
        a.household,
        a.payee,
        a.number,
        a.bank,
        kind=a.kind,
        holder_name=a.holder,
        effective_month=parse_month(a.from_month) if a.from_month else None,
        entrusted=True if a.entrusted else None,
        agreement_no=a.agreement,
        agreement_date=_day(a.agreement_date, "协议日期"),
        agent=a.agent,
    )
    v = result.account
    ctx.out(
        f"账户 #{v.id} 已登记：领取人 {v.payee_name}，{v.bank_name} {mask_account(v.number)}，"
        f"自 {v.effective_month:%Y-%m} 起使用"
        + (f"（替换账户 #{result.replaced_account_id}）" if result.replaced_account_id else "")
    )
    if a.entrusted:
        ctx.out(f"代管协议 {a.agreement} 已登记")
    for w in result.warnings:
        ctx.out(f"提醒：{w}")
    return EXIT_OK


# --- enrollments -----------------------------------------------------------------------------


def _enrollment_list(ctx: CliContext) -> int:
    from ..services import enrollment_events as ev

    actor = ctx.actor("read")
    page = ev.enrollment_page(
        ctx.db(),
        actor,
        household_id=ctx.args.household,
        programme=ctx.args.programme,
        due_month=date.today() if ctx.args.due_recheck else None,
        limit=100_000,
    )
    ctx.table(
        [
            "编号",
            "家庭",
            "领取人",
            "村（社区）",
            "项目",
            "状态",
            "人数",
            "月保障金(元)",
            "起始月",
            "下次核查",
        ],
        [
            [
                r.id,
                r.household_id,
                r.payee_name,
                r.village_name,
                r.programme_label,
                r.status_label,
                r.persons,
                fen_to_yuan(r.amount_fen),
                f"{r.start_month:%Y-%m}",
                f"{r.next_recheck:%Y-%m}" + ("（到期）" if r.recheck_due else "")
                if r.next_recheck
                else "",
            ]
            for r in page.rows
        ],
    )
    ctx.out(f"共 {page.total} 条。")
    return EXIT_OK


def _last_change(ctx: CliContext, v: en.EnrollmentView) -> int:
    c = v.changes[-1]
    amount = (
        f"{fen_to_yuan(c.old_fen)} → {fen_to_yuan(c.new_fen)} 元，"
        if c.old_fen != c.new_fen
        else ""
    )
    ctx.out(
        f"在保记录 #{v.id} {c.kind_label}：{amount}自 {c.effective_month:%Y-%m} 起，"
        f"理由：{c.reason}"
    )
    return EXIT_OK


def _month(ctx: CliContext) -> date:
    from ..services.roster.types import parse_month

    return parse_month(ctx.args.from_month)


def _adjust(ctx: CliContext) -> int:
    from ..services import enrollments as en

    actor = ctx.actor("enrollment.change")
    fen = yuan_to_fen(ctx.args.amount)
    return _last_change(
        ctx,
        en.change_amount(
            ctx.db(),
            actor,
            ctx.args.id,
            fen,
            ctx.args.reason,
            on_date=date.today(),
            effective_month=_month(ctx),
        ),
    )


def _suspend(ctx: CliContext) -> int:
    from ..services import enrollments as en

    actor = ctx.actor("enrollment.change")
    return _last_change(
        ctx,
        en.suspend(
            ctx.db(),
            actor,
            ctx.args.id,
            ctx.args.reason,
            on_date=date.today(),
            effective_month=_month(ctx),
        ),
    )


def _resume(ctx: CliContext) -> int:
    from ..services import enrollments as en

    actor = ctx.actor("enrollment.change")
    return _last_change(
        ctx,
        en.resume(
            ctx.db(),
            actor,
            ctx.args.id,
            ctx.args.reason,
            on_date=date.today(),
            effective_month=_month(ctx),
        ),
    )


def _terminate(ctx: CliContext) -> int:
    from ..services import enrollments as en

    actor = ctx.actor("enrollment.decide")
    grounds = ctx.args.grounds
    if grounds is None:
        current = en.get_enrollment(ctx.db(), actor, ctx.args.id)
        grounds = "income_assets" if current.programme == "tekun" else "ineligible"
    return _last_change(
        ctx,
        en.terminate(
            ctx.db(),
            actor,
            ctx.args.id,
            grounds,
            ctx.args.reason,
            on_date=date.today(),
            effective_month=_month(ctx),
        ),
    )


# --- persons ---------------------------------------------------------------------------------


def _death(ctx: CliContext) -> int:
    from ..services import member_events as me

    actor = ctx.actor("register.write")
    when = _day(ctx.args.date, "死亡日期")
    assert when is not None
    r = me.record_death(ctx.db(), actor, ctx.args.id, when, reason=ctx.args.reason)
    ctx.out(
        f"人员 #{r.person_id} 已登记死亡（{when:%Y-%m-%d}），自 {r.effective_month:%Y-%m} 起停发其份额"
    )
    for line in r.changes:
        ctx.out(line)
    return EXIT_OK
