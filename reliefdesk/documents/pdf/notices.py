"""公示 sheets, decision letters (确认通知书 / 不予确认告知书) and the 临时救助金领款收据.

A notice prints ONLY name (full or masked), household size, category, amount and
village (DOMAIN §2.11, §10.3); ``NoticeEntry`` has no other fields to print.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..forms_data import PROGRAMME_NAMES, AidReceiptData, DecisionLetterData, NoticeData
from ._compat import fen_to_yuan, mask_name, to_capital
from .layout import (
    P,
    Styles,
    build_pdf,
    content_width,
    esc,
    fmt_date,
    fmt_month,
    grid_table,
    qr_block,
    spacer,
)


def _seal_and_qr(office_name: str, when: object, url: str, st: Styles, w: float) -> Table:
    """QR on the left; issuing office, seal space and date on the right."""
    right = [P(office_name, st.right), spacer(14), P("（盖章）", st.right), P(when, st.right)]
    t = Table([[qr_block(url, st), right]], colWidths=[45 * mm, w - 45 * mm], rowHeights=[40 * mm])
    t.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return t


def notice_story(data: NoticeData, st: Styles, *, mask_names: bool = False) -> list[Flowable]:
    """Flowables of a 公示 sheet."""
    w = content_width()
    o = data.office
    story: list[Flowable] = [P(data.title, st.title)]
    story.append(
        P(
            f"根据社会救助有关规定，经申请、家庭经济状况调查和审核，现将以下{len(data.entries)}户"
            f"拟救助对象予以公示。公示期为{fmt_date(data.start)}至{fmt_date(data.end)}。"
            "公示期间，如对公示对象有异议，请向乡镇人民政府（街道办事处）或县级民政部门反映。",
            st.body_indent,
        )
    )
    story.append(spacer(3))
    rows: list[list[object]] = [
        [
            P(h, st.head)
            for h in ("序号", "村（社区）", "姓名", "家庭人口", "救助类别", "金额（元）")
        ]
    ]
    for i, e in enumerate(data.entries, 1):
        rows.append(
            [
                P(i, st.cell_c),
                P(e.village, st.cell_c),
                P(mask_name(e.name) if mask_names else e.name, st.cell_c),
                P(e.household_size, st.cell_c),
                P(e.programme, st.cell_c),
                P(e.amount_text, st.cell_r),
            ]
        )
    cols = [14 * mm, 40 * mm, 30 * mm, 22 * mm, 40 * mm]
    cols.append(w - sum(cols))
    story.append(grid_table(rows, cols, repeat_rows=1, header_rows=1, font_size=10))
    story.append(spacer(3))
    story.append(P(f"监督电话：{data.hotline}（社会救助服务热线）　乡镇电话：{o.phone}", st.body))
    story.append(spacer(2))
    story.append(_seal_and_qr(o.office_name, fmt_date(data.start), o.policy_url, st, w))
    return story


def build_notice(data: NoticeData, *, mask_names: bool = False) -> bytes:
    """公示 sheet as PDF bytes; ``mask_names`` prints 张*明 instead of full names."""
    st = Styles()
    return build_pdf(notice_story(data, st, mask_names=mask_names), title=data.title)


LETTER_TITLES = {"confirm": "确认通知书", "refuse": "不予确认告知书"}


def _programme_short(code: str) -> str:
    return {"urban_dibao": "最低生活保障", "rural_dibao": "最低生活保障"}.get(
        code, PROGRAMME_NAMES[code]
    )


def letter_story(data: DecisionLetterData, st: Styles) -> list[Flowable]:
    """Flowables of a decision letter."""
    w = content_width()
    o = data.office
    prog = _programme_short(data.programme)
    title = f"{prog}{LETTER_TITLES[data.kind]}"
    story: list[Flowable] = [
        P(title, st.title),
        P(data.file_no, st.right),
        spacer(4),
        P(f"{data.name}：", st.body),
    ]
    if data.kind == "confirm":
        amount = ""
        one_off = data.programme == "temporary_aid"
        if data.amount_fen is not None:
            what = (
                "一次性救助金额"
                if one_off
                else f"月{'供养' if data.programme == 'tekun' else '保障'}金额"
            )
            amount = (
                f"{what}为<u>{fen_to_yuan(data.amount_fen)}</u>元"
                f"（大写：{esc(to_capital(data.amount_fen))}），"
            )
        start = ""
        if data.start_month:
            start = (
                f"于{fmt_month(data.start_month)}一次性发放。"
                if one_off
                else f"自{fmt_month(data.start_month)}起发放。"
            )
        story.append(
            Paragraph(
                f"你（家）提出的{esc(prog)}申请，经家庭经济状况调查、公示和审核确认，符合条件，"
                f"决定予以确认（{esc(PROGRAMME_NAMES[data.programme])}），{amount}{esc(start)}",
                st.body_indent,
            )
        )
        for r in data.reasons:
            story.append(P(r, st.body_indent))
        if not one_off:  # a one-off grant has no continuing duty to report or recheck
            story.append(
                P(
                    "请你（家）在家庭人口、收入、财产状况发生变化时，及时向乡镇人民政府（街道办事处）"
                    "如实报告；民政部门将定期核查，对不再符合条件的依法停止救助。",
                    st.body_indent,
                )
            )
    else:
        story.append(
            P(
                f"你（家）提出的{prog}申请，经家庭经济状况调查和审核，不符合条件，决定不予确认。"
                "理由如下：",
                st.body_indent,
            )
        )
        for i, r in enumerate(data.reasons, 1):
            story.append(P(f"{i}．{r}", st.body_indent))
        story.append(
            P(
                "根据《最低生活保障审核确认办法》第二十一条，不予确认的，应当在作出决定后3个工作日内，"
                "通过乡镇人民政府（街道办事处）书面告知申请人并说明理由。特此告知。",
                st.body_indent,
            )
        )
        story.append(
            P(
                f"如对本决定不服，可以自收到本告知书之日起60日内向{o.county}人民政府申请行政复议，"
                "或者自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。",
                st.body_indent,
            )
        )
    story.append(P(f"咨询电话：{o.phone}　监督电话：12349", st.body_indent))
    story.append(spacer(6))
    story.append(_seal_and_qr(o.office_name, fmt_date(data.date), o.policy_url, st, w))
    return story


def build_decision_letter(data: DecisionLetterData) -> bytes:
    """确认通知书 or 不予确认告知书 as PDF bytes."""
    st = Styles(base=12)
    prog = _programme_short(data.programme)
    return build_pdf(letter_story(data, st), title=f"{prog}{LETTER_TITLES[data.kind]}")


def build_aid_receipt(data: AidReceiptData) -> bytes:
    """临时救助金领款收据 (cash payment of a one-off grant): amount in figures and 大写,
    cause, approval, and the lines the payee and the two paying officers sign."""
    st = Styles(base=12)
    w = content_width()
    o = data.office
    no = data.receipt_no or "________"
    rows: list[list[object]] = [
        [
            P("领款人", st.cell_c),
            P(data.name, st.cell),
            P("公民身份号码", st.cell_c),
            P(data.id_number, st.cell),
        ],
        [
            P("救助事由", st.cell_c),
            P(data.cause, st.cell),
            P("批准文号", st.cell_c),
            P(f"{data.file_no}（{fmt_date(data.approved_on)}批准）", st.cell),
        ],
        [
            P("救助金额（一次性）", st.cell_c),
            P(f"¥{fen_to_yuan(data.amount_fen)} 元　大写：{to_capital(data.amount_fen)}", st.cell),
            "",
            "",
        ],
        [P("发放方式", st.cell_c), P("现金（一次性发放，非按月）", st.cell), "", ""],
    ]
    cols = [32 * mm, w / 2 - 32 * mm, 28 * mm, w / 2 - 28 * mm]
    story: list[Flowable] = [
        P(f"{o.township}临时救助金领款收据", st.title),
        P(f"收据编号：{no}", st.right),
        spacer(3),
        grid_table(rows, cols, extra=[("SPAN", (1, 2), (3, 2)), ("SPAN", (1, 3), (3, 3))]),
        spacer(4),
        P("今收到上述临时救助金，金额无误。", st.body_indent),
        spacer(10),
        P(
            "领款人（签字或手印）：____________　　经办人：____________　　监发人：____________",
            st.body,
        ),
        spacer(6),
        P(f"领款日期：____年____月____日　　　　　　{esc(o.office_name)}（盖章）", st.body),
    ]
    return build_pdf(story, title=f"{o.township}临时救助金领款收据")
