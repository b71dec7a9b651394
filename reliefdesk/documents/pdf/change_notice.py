"""告知书 for a 减发, 停发 or 终止 decision of any programme (民发〔2021〕57号 第三十二条: for 减发
and 停发 the family is told in writing with reasons; 民发〔2021〕43号 第二十六条 for 特困 终止):
the decision, the amounts before and after, from which month, the reasons, the referral to
other programmes where noted, and the right to object (申请行政复议 / 提起行政诉讼).

Also the 拟终止特困供养公示 posted for 7 days before a tekun termination (第二十五条): name,
village, the ground in general terms and the period, nothing else (DOMAIN §2.11, §10).

Pure: :class:`ChangeNoticeData` / :class:`TerminationNoticeData` in, PDF bytes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from ..forms_data import PROGRAMME_NAMES, Office
from ._compat import fen_to_yuan, to_capital
from .layout import P, Styles, build_pdf, content_width, fmt_date, qr_block, spacer

__all__ = [
    "CHANGE_TITLES",
    "ChangeNoticeData",
    "TerminationNoticeData",
    "build_change_notice",
    "build_change_notices",
    "build_termination_notice",
]

CHANGE_TITLES = {"decrease": "减发告知书", "suspend": "停发告知书", "terminate": "终止救助告知书"}
_VERBS = {"decrease": "减发", "suspend": "停发", "terminate": "终止"}


@dataclass(frozen=True, slots=True)
class ChangeNoticeData:
    """What one 告知书 prints."""

    office: Office
    kind: str  # decrease | suspend | terminate
    name: str
    programme: str
    old_fen: int
    new_fen: int
    effective_month: date
    reasons: tuple[str, ...]
    referral: str
    date: date
    file_no: str


def _programme(code: str) -> str:
    return {"urban_dibao": "最低生活保障", "rural_dibao": "最低生活保障"}.get(
        code, PROGRAMME_NAMES.get(code, code)
    )


def _story(d: ChangeNoticeData, st: Styles) -> list[Flowable]:
    w = content_width()
    prog = _programme(d.programme)
    month = f"{d.effective_month.year}年{d.effective_month.month}月"
    story: list[Flowable] = [
        P(f"{prog}{CHANGE_TITLES[d.kind]}", st.title),
        P(d.file_no, st.right),
        spacer(4),
        P(f"{d.name}：", st.body),
    ]
    if d.kind == "decrease":
        what = (
            f"经核查，决定自{month}起对你（家）的{prog}金额予以减发：由每月{fen_to_yuan(d.old_fen)}元"
            f"调整为每月{fen_to_yuan(d.new_fen)}元（大写：{to_capital(d.new_fen)}）。"
        )
    elif d.kind == "suspend":
        what = f"经核查，决定自{month}起暂停发放你（家）的{prog}金（原每月{fen_to_yuan(d.old_fen)}元）。"
    else:
        what = f"经核查，决定自{month}起终止你（家）的{prog}（原每月{fen_to_yuan(d.old_fen)}元）。"
    story.append(P(what + "理由如下：", st.body_indent))
    for i, r in enumerate(d.reasons or ("经核查，不再符合救助条件。",), 1):
        story.append(P(f"{i}．{r}", st.body_indent))
    if d.referral:
        story.append(P(f"转介其他救助：{d.referral}", st.body_indent))
    story.append(
        P(
            f"如对本决定有异议，可以自收到本告知书之日起向{d.office.office_name}提出，"
            "也可以自收到本告知书之日起60日内向"
            f"{d.office.county}人民政府申请行政复议，或者6个月内依法向人民法院提起行政诉讼。",
            st.body_indent,
        )
    )
    story.append(P(f"咨询电话：{d.office.phone}　监督电话：12349", st.body_indent))
    story.append(spacer(6))
    right = [
        P(d.office.office_name, st.right),
        spacer(14),
        P("（盖章）", st.right),
        P(fmt_date(d.date), st.right),
    ]
    t = Table(
        [[qr_block(d.office.policy_url, st), right]],
        colWidths=[45 * mm, w - 45 * mm],
        rowHeights=[40 * mm],
    )
    t.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story.append(t)
    story.append(spacer(10))
    story.append(
        P(
            f"被告知人签收：＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日"
            f"（{_VERBS[d.kind]}决定，一式两份）",
            st.body,
        )
    )
    return story


def build_change_notice(data: ChangeNoticeData) -> bytes:
    """The 告知书 as PDF bytes."""
    if data.kind not in CHANGE_TITLES:
        raise ValueError(data.kind)
    return build_pdf(
        _story(data, Styles(base=12)),
        title=f"{_programme(data.programme)}{CHANGE_TITLES[data.kind]}",
    )


def build_change_notices(notices: list[ChangeNoticeData], title: str) -> bytes:
    """Several 告知书 in one PDF (each starts on a new page), e.g. all notices of a month."""
    if not notices:
        raise ValueError("no notices")
    st = Styles(base=12)
    story: list[Flowable] = []
    for i, data in enumerate(notices):
        if data.kind not in CHANGE_TITLES:
            raise ValueError(data.kind)
        if i:
            story.append(PageBreak())
        story += _story(data, st)
    return build_pdf(story, title=title)


@dataclass(frozen=True, slots=True)
class TerminationNoticeData:
    """The 公示 of a proposed tekun termination."""

    office: Office
    name: str
    village: str
    grounds: str
    start: date
    end: date


def build_termination_notice(data: TerminationNoticeData) -> bytes:
    """拟终止特困人员救助供养公示 as PDF bytes."""
    st = Styles(base=13)
    o = data.office
    story: list[Flowable] = [P(f"{o.township}拟终止特困人员救助供养公示", st.title), spacer(6)]
    story.append(
        P(
            f"经调查核实，{data.village}{data.name}因“{data.grounds}”，拟终止其特困人员救助供养。"
            f"现予公示，公示期为{fmt_date(data.start)}至{fmt_date(data.end)}。",
            st.body_indent,
        )
    )
    story.append(
        P(
            "如有异议，请在公示期内向乡镇人民政府（街道办事处）民政所实名反映，"
            f"电话：{o.phone}；监督电话：12349。",
            st.body_indent,
        )
    )
    story.append(spacer(16))
    story.append(P(o.office_name, st.right))
    story.append(P(fmt_date(data.start), st.right))
    return build_pdf(story, title=f"{o.township}拟终止特困人员救助供养公示")
