"""``reliefdesk-admin policy …``: applying a changed standard to the decided amounts.

    policy restandard --from YYYY-MM [--dry-run]

One line per enrollment whose amount the 调标 run changes or leaves for review (unchanged ones
are counted only), then a summary line. ``--dry-run`` shows the same and writes nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..domain.money import fen_to_yuan
from .framework import EXIT_OK, CliContext

_OUTCOME = {"changed": "调整", "review": "待复核", "unchanged": "不变"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("policy", parents=[common], help="政策标准（调标）")
    sub = p.add_subparsers(dest="policy_command", metavar="ACTION")
    sub.required = True
    sp = sub.add_parser(
        "restandard", parents=[common], help="按新标准调整在保金额（调标），追溯月份自动计算补发"
    )
    sp.add_argument("--from", dest="from_month", required=True, help="生效月份 YYYY-MM")
    sp.add_argument("--dry-run", action="store_true", help="只显示结果，不保存")
    sp.set_defaults(handler=_restandard)


def _restandard(ctx: CliContext) -> int:
    from ..services.restandard import restandard
    from ..services.roster.types import PROGRAMME_LABELS, month_text

    actor = ctx.actor("read")
    run = restandard(ctx.db(), actor, ctx.args.from_month, dry_run=ctx.args.dry_run)
    for i in run.items:
        if i.outcome == "unchanged":
            continue
        back = f"  补发 {fen_to_yuan(i.back_pay_fen)} 元" if i.back_pay_fen else ""
        ctx.out(
            f"#{i.enrollment_id} {i.payee_name} {PROGRAMME_LABELS.get(i.programme, '')} "
            f"{month_text(i.effective_month)} {fen_to_yuan(i.old_fen)} → "
            f"{fen_to_yuan(i.new_fen)} 元 {_OUTCOME[i.outcome]}：{i.reason}{back}"
        )
    head = "（试算，未保存）" if run.dry_run else ""
    paid = (
        f"，{month_text(run.back_pay_month)} 起补发合计 {fen_to_yuan(run.back_pay_fen)} 元"
        if run.back_pay_fen and run.back_pay_month
        else ""
    )
    ctx.out(
        f"调标{head}：{run.policy_name} 自 {month_text(run.from_month)} 起，调整 "
        f"{run.count('changed')} 户，待复核 {run.count('review')} 户，不变 "
        f"{run.count('unchanged')} 户{paid}。"
    )
    return EXIT_OK
