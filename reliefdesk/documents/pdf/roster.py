"""Monthly payment roster (发放花名册, DOMAIN §7.2 A) and change roster (变动名册).

Landscape A4.  The internal roster carries IDs and accounts; on print they are masked
by default (DOMAIN §10.3 "internal screens: masked by default") and printed in full only
when the caller passes ``mask_ids=False`` / ``mask_accounts=False`` (and logs that).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from ..forms_data import ChangeRosterData, RosterPrintData, roster_totals
from ._compat import fen_to_yuan, mask_account, mask_id, to_capital
from .layout import (
    P,
    Styles,
    build_pdf,
    content_width,
    fmt_date,
    fmt_month,
    grid_table,
    keep,
    spacer,
)

ROSTER_HEAD = (
    "序号",
    "乡镇（街道）",
    "村（社区）",
    "户主姓名（领取人）",
    "公民身份号码",
    "保障类别",
    "保障人数",
    "标准（元）",
    "月人均收入（元）",
    "本月应发（元）",
    "补发/扣减（元）",
    "实发金额（元）",
    "社保卡号/银行账号",
    "开户行",
    "变动标志",
    "备注",
)
#: The heading of a 临时救助发放名册: the amount is a one-off sum (never "月").
ONE_OFF_HEAD = tuple(
    {
        "保障类别": "救助类别",
        "保障人数": "救助人数",
        "标准（元）": "发放性质",
        "月人均收入（元）": "—",
        "本月应发（元）": "一次性救助金额（元）",
    }.get(h, h)
    for h in ROSTER_HEAD
)
ROSTER_COLS_MM = (8, 13, 15, 14, 30, 18, 8, 12, 12, 14, 28, 15, 32, 28, 10, 10)


def _sign_footer(st: Styles, w: float, made_on: object) -> Table:
    """制表人/审核人/负责人 lines, 单位公章 space and 制表日期."""
    lab, blank = 24 * mm, 34 * mm
    sig = Table(
        [[P("制表人：", st.right), "", P("审核人：", st.right), "", P("负责人：", st.right), ""]],
        colWidths=[lab, blank] * 3,
        rowHeights=[12 * mm],
    )
    sig.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                # Hand-signature lines under each blank cell.
                ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
                ("LINEBELOW", (5, 0), (5, 0), 0.6, colors.black),
            ]
        )
    )
    seal = [P("（单位公章）", st.body), spacer(14), P(f"制表日期：{made_on}", st.body)]
    t = Table(
        [[sig, seal]],
        colWidths=[3 * (lab + blank) + 4 * mm, w - 3 * (lab + blank) - 4 * mm],
        rowHeights=[32 * mm],
    )
    t.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (1, 0), (1, 0), 12 * mm)])
    )
    return t


def roster_story(
    data: RosterPrintData, st: Styles, *, mask_ids: bool = True, mask_accounts: bool = True
) -> list[Flowable]:
    """Flowables of a monthly roster printout."""
    w = content_width(landscape_page=True)
    o = data.office
    totals = data.totals or roster_totals(data.lines)
    title = (
        f"{o.county}{o.township}临时救助金发放名册（一次性发放）"
        if data.one_off
        else f"{o.county}{o.township}{data.programme}资金发放花名册"
    )
    period = "发放月份" if data.one_off else "所属期"
    unit = "元（一次性救助金额，非按月发放）" if data.one_off else "元"
    story: list[Flowable] = [
        P(title, st.title),
        P(
            f"{period}：{fmt_month(data.month)}　　单位：{unit}　　制表单位：{o.office_name}",
            st.subtitle,
        ),
    ]
    c, cc, cr = st.tiny, st.tiny_c, st.tiny_r
    rows: list[list[object]] = [[P(h, cc) for h in (ONE_OFF_HEAD if data.one_off else ROSTER_HEAD)]]
    for ln in data.lines:
        adj = ""
        if ln.adjustment_fen:
            adj = f"{fen_to_yuan(ln.adjustment_fen)}"
            if ln.adjustment_reason:
                adj += f"（{ln.adjustment_reason}）"
        rows.append(
            [
                P(ln.seq, cc),
                P(ln.township, cc),
                P(ln.village, cc),
                P(ln.payee, cc),
                P(mask_id(ln.id_number) if mask_ids else ln.id_number, cc),
                P(ln.category, cc),
                P(ln.persons, cc),
                P("一次性" if data.one_off else fen_to_yuan(ln.standard_fen), cr),
                P(
                    ""
                    if ln.per_capita_income_fen is None
                    else fen_to_yuan(ln.per_capita_income_fen),
                    cr,
                ),
                P(fen_to_yuan(ln.due_fen), cr),
                P(adj, c),
                P(fen_to_yuan(ln.paid_fen), cr),
                P(mask_account(ln.account) if mask_accounts else ln.account, cc),
                P(ln.bank, cc),
                P(ln.change_flag, cc),
                P(ln.note, c),
            ]
        )
    rows.append(
        [
            P("合计", cc),
            P(f"户数：{totals.households}户", c),
            "",
            "",
            P(f"人数：{totals.persons}人", c),
            "",
            P(totals.persons, cc),
            "",
            "",
            "",
            "",
            P(fen_to_yuan(totals.paid_fen), cr),
            P(f"大写：{to_capital(totals.paid_fen)}", c),
            "",
            "",
            "",
        ]
    )
    cols = [x * mm for x in ROSTER_COLS_MM]
    cols[-1] += w - sum(cols)
    story.append(
        grid_table(
            rows,
            cols,
            repeat_rows=1,
            header_rows=1,
            font_size=7.5,
            extra=[
                ("SPAN", (1, -1), (3, -1)),
                ("SPAN", (4, -1), (5, -1)),
                ("SPAN", (12, -1), (15, -1)),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ],
        )
    )
    story.append(
        keep(
            spacer(3),
            P(
                f"合计：{totals.households}户，{totals.persons}人，实发金额 ¥{fen_to_yuan(totals.paid_fen)} 元"
                f"（大写：{to_capital(totals.paid_fen)}）",
                st.body,
            ),
            spacer(2),
            _sign_footer(st, w, fmt_date(data.made_on)),
            P(
                f"花名册哈希：{data.roster_hash or '草稿（未锁定，无哈希）'}　　审计链头："
                f"{data.audit_head}",
                st.tiny,
            ),
        )
    )
    return story


def build_roster(
    data: RosterPrintData, *, mask_ids: bool = True, mask_accounts: bool = True
) -> bytes:
    """Monthly roster printout (landscape A4); IDs and accounts masked unless asked otherwise."""
    st = Styles()
    o = data.office
    name = "临时救助金发放名册" if data.one_off else f"{data.programme}资金发放花名册"
    return build_pdf(
        roster_story(data, st, mask_ids=mask_ids, mask_accounts=mask_accounts),
        title=f"{o.township}{name} {data.month}",
        landscape_page=True,
    )


CHANGE_HEAD = (
    "序号",
    "村（社区）",
    "户主姓名",
    "公民身份号码",
    "保障类别",
    "原人数",
    "现人数",
    "原金额（元）",
    "现金额（元）",
    "增减（元）",
    "变动类型",
    "变动原因",
    "生效年月",
)
CHANGE_COLS_MM = (9, 20, 16, 33, 18, 12, 12, 18, 18, 18, 15, 56, 20)


def change_story(data: ChangeRosterData, st: Styles, *, mask_ids: bool = True) -> list[Flowable]:
    """Flowables of a 变动名册."""
    w = content_width(landscape_page=True)
    o = data.office
    cc, c, cr = st.tiny_c, st.tiny, st.tiny_r
    story: list[Flowable] = [
        P(f"{o.county}{o.township}{data.programme}变动名册", st.title),
        P(f"所属期：{fmt_month(data.month)}　　单位：元　　制表单位：{o.office_name}", st.subtitle),
    ]
    rows: list[list[object]] = [[P(h, cc) for h in CHANGE_HEAD]]
    for ln in data.lines:
        d = ln.delta_fen
        rows.append(
            [
                P(ln.seq, cc),
                P(ln.village, cc),
                P(ln.payee, cc),
                P(mask_id(ln.id_number) if mask_ids else ln.id_number, cc),
                P(ln.category, cc),
                P(ln.persons_before, cc),
                P(ln.persons_after, cc),
                P(fen_to_yuan(ln.previous_fen), cr),
                P(fen_to_yuan(ln.new_fen), cr),
                P(("+" if d > 0 else "") + fen_to_yuan(d) if d >= 0 else "-" + fen_to_yuan(-d), cr),
                P(ln.change_flag, cc),
                P(ln.reason, c),
                P(fmt_month(ln.effective_month), cc),
            ]
        )
    cols = [x * mm for x in CHANGE_COLS_MM]
    cols[-1] += w - sum(cols)
    story.append(grid_table(rows, cols, repeat_rows=1, header_rows=1, font_size=7.5))
    by_flag: dict[str, int] = {}
    for ln in data.lines:
        by_flag[ln.change_flag] = by_flag.get(ln.change_flag, 0) + 1
    net = sum(ln.delta_fen for ln in data.lines)
    summary = "，".join(f"{k}{v}户" for k, v in by_flag.items()) or "无变动"
    sign = "增加" if net >= 0 else "减少"
    story.append(
        keep(
            spacer(3),
            P(
                f"本月变动合计：{len(data.lines)}户（{summary}）；月发放金额净{sign} ¥{fen_to_yuan(abs(net))} 元"
                f"（大写：{to_capital(abs(net))}）",
                st.body,
            ),
            spacer(2),
            _sign_footer(st, w, fmt_date(data.made_on)),
        )
    )
    return story


def build_change_roster(data: ChangeRosterData, *, mask_ids: bool = True) -> bytes:
    """变动名册 printout (landscape A4)."""
    st = Styles()
    o = data.office
    return build_pdf(
        change_story(data, st, mask_ids=mask_ids),
        title=f"{o.township}{data.programme}变动名册 {data.month}",
        landscape_page=True,
    )
