"""家庭经济状况入户调查表 (DOMAIN §2.9, §6.3)."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..forms_data import PROGRAMME_NAMES, VisitRecordData
from ._compat import fen_to_yuan
from .layout import (
    P,
    SignatureBox,
    Styles,
    build_pdf,
    content_width,
    fmt_date,
    grid_table,
    keep,
    opinion_table,
    section,
)

TITLE = "家庭经济状况入户调查表"
NUMERALS = "一二三四五六七八九十"


def visit_story(data: VisitRecordData, st: Styles) -> list[Flowable]:
    """Flowables of one visit record."""
    w = content_width()
    o = data.office
    numbers = iter(NUMERALS)

    def sec(title: str) -> Flowable:
        """Sections are numbered as printed, so a section left out leaves no gap."""
        return section(f"{next(numbers)}、{title}", st)

    cell = partial(P, style=st.cell_c)
    story: list[Flowable] = [
        P(f"{o.county}{TITLE}", st.title),
        P(
            f"乡镇（街道）：{o.township}　村（居）：{data.village}　申请类型：{PROGRAMME_NAMES[data.programme]}"
            f"　编号：{data.file_no}",
            st.subtitle,
        ),
    ]
    head = grid_table(
        [
            [
                cell("申请人"),
                P(data.applicant_name, st.cell),
                cell("调查日期"),
                P(fmt_date(data.visited_at), st.cell),
                cell("调查方式"),
                P(data.mode, st.cell),
            ],
            [cell("现住址"), P(data.address, st.cell), "", "", "", ""],
            [
                cell("调查人员"),
                P("、".join(data.investigators), st.cell),
                "",
                "",
                cell("在场家庭成员"),
                P("、".join(data.members_present), st.cell),
            ],
        ],
        [20 * mm, 40 * mm, 20 * mm, 32 * mm, 26 * mm, w - 138 * mm],
        extra=[("SPAN", (1, 1), (5, 1)), ("SPAN", (1, 2), (3, 2))],
    )
    story += [sec("基本情况"), head]

    rows: list[list[object]] = [
        [
            P(h, st.head)
            for h in (
                "姓名",
                "关系",
                "公民身份号码",
                "健康状况",
                "残疾类别等级",
                "就业状况",
                "收入明细（元/月）",
                "月收入合计",
            )
        ]
    ]
    total = 0
    for m in data.members:
        detail = (
            "；".join(f"{i.category} {fen_to_yuan(i.monthly_fen)}" for i in m.income_by_category)
            or "无"
        )
        total += m.monthly_income_fen
        rows.append(
            [
                P(m.name, st.cell_c),
                P(m.relation, st.cell_c),
                P(m.id_number, st.cell_c),
                P(m.health, st.cell_c),
                P(m.disability or "无", st.cell_c),
                P(m.work_status, st.cell_c),
                P(detail, st.cell),
                P(fen_to_yuan(m.monthly_income_fen), st.cell_r),
            ]
        )
    if data.household_income:
        shared = sum(i.monthly_fen for i in data.household_income)
        total += shared
        detail = "；".join(
            f"{i.category} {fen_to_yuan(i.monthly_fen)}" for i in data.household_income
        )
        rows.append(
            [
                P("家庭共有", st.cell_c),
                "",
                "",
                "",
                "",
                "",
                P(detail, st.cell),
                P(fen_to_yuan(shared), st.cell_r),
            ]
        )
    n = max(len(data.members), 1)
    rows.append(
        [
            P("合计", st.cell_c),
            "",
            "",
            "",
            "",
            "",
            P(f"家庭月总收入；月人均 {fen_to_yuan((total + n // 2) // n)} 元", st.cell),
            P(fen_to_yuan(total), st.cell_r),
        ]
    )
    cols = [16, 12, 38, 14, 17, 17]
    cols_pt = [x * mm for x in cols]
    cols_pt += [w - sum(cols_pt) - 20 * mm, 20 * mm]
    spans = [("SPAN", (0, -1), (5, -1))]
    if data.household_income:
        spans.append(("SPAN", (0, -2), (5, -2)))
    story += [
        sec("家庭成员及收入情况"),
        grid_table(rows, cols_pt, repeat_rows=1, header_rows=1, extra=spans),
    ]

    assets = [
        ("住房情况", data.housing),
        ("耐用消费品", data.durable_goods),
        ("车辆", data.vehicles),
        ("牲畜养殖", data.livestock),
        ("土地情况", data.land),
    ]
    story += [
        sec("财产及生活状况（吃、穿、住、用）"),
        grid_table([[cell(k), P(v or "无", st.cell)] for k, v in assets], [28 * mm, w - 28 * mm]),
    ]
    if data.spending:
        story.append(
            grid_table(
                [[cell(s.label), P(s.value, st.cell)] for s in data.spending],
                [28 * mm, w - 28 * mm],
            )
        )
    if data.supporters:
        srows: list[list[object]] = [
            [P(h, st.head) for h in ("姓名", "关系", "年龄", "家庭人口", "月收入(元)", "赡养能力")]
        ]
        for s in data.supporters:
            srows.append(
                [
                    P(s.name, st.cell_c),
                    P(s.relation, st.cell_c),
                    P(s.age or "", st.cell_c),
                    P(s.household_size or "", st.cell_c),
                    P(
                        "" if s.monthly_income_fen is None else fen_to_yuan(s.monthly_income_fen),
                        st.cell_r,
                    ),
                    P(s.capacity, st.cell),
                ]
            )
        scols = [20 * mm, 18 * mm, 14 * mm, 18 * mm, 24 * mm]
        scols.append(w - sum(scols))
        story += [
            sec("赡养、扶养、抚养义务人情况"),
            grid_table(srows, scols, header_rows=1, repeat_rows=1),
        ]

    story.append(
        keep(
            sec("调查意见"),
            opinion_table(
                [
                    (
                        "调查人员意见",
                        SignatureBox(data.opinion, [], st, seal=None, min_height=18 * mm),
                    ),
                    (
                        "处理建议",
                        SignatureBox(data.recommendation, [], st, seal=None, min_height=14 * mm),
                    ),
                ],
                st,
                w,
            ),
        )
    )

    # Signatures: every investigator and every family member present signs by hand.
    sig_rows: list[list[object]] = [
        [
            P("调查人员（签字）", st.head),
            P("工作单位", st.head),
            P("签字", st.head),
            P("日期", st.head),
        ]
    ]
    units = list(data.investigator_units) + [""] * len(data.investigators)
    for name, unit in zip(data.investigators, units, strict=False):
        sig_rows.append(
            [
                P(name, st.cell_c),
                P(unit or o.office_name, st.cell_c),
                "",
                P(fmt_date(None), st.cell_c),
            ]
        )
    fam_rows: list[list[object]] = [
        [
            P("在场家庭成员", st.head),
            P("与申请人关系", st.head),
            P("签字或手印", st.head),
            P("日期", st.head),
        ]
    ]
    rel = {m.name: m.relation for m in data.members}
    signed = set(data.members_signed)
    for name in data.members_present:
        fam_rows.append(
            [
                P(name, st.cell_c),
                P(rel.get(name, ""), st.cell_c),
                P("已签字" if name in signed else "", st.cell_c),
                P(fmt_date(data.visited_at) if name in signed else fmt_date(None), st.cell_c),
            ]
        )
    cols4 = [30 * mm, 50 * mm, w - 125 * mm, 45 * mm]
    h_sig = 12 * mm
    story.append(
        keep(
            sec("签字确认"),
            grid_table(
                sig_rows, cols4, header_rows=1, row_heights=[None] + [h_sig] * (len(sig_rows) - 1)
            ),
        )
    )
    story.append(
        keep(
            P("", st.small),
            grid_table(
                fam_rows, cols4, header_rows=1, row_heights=[None] + [h_sig] * (len(fam_rows) - 1)
            ),
        )
    )
    story.append(
        keep(
            P("", st.small),
            opinion_table(
                [
                    (
                        "村（居）民委员会",
                        SignatureBox(
                            "协助调查情况属实。", ["负责人（签字）"], st, seal="（村委会盖章）"
                        ),
                    )
                ],
                st,
                w,
            ),
        )
    )
    return story


def build_visit_record(data: VisitRecordData) -> bytes:
    """家庭经济状况入户调查表 as PDF bytes (needs at least two investigators)."""
    if len(data.investigators) < 2:
        raise ValueError("入户调查人员不得少于2人 (at least two investigators)")
    st = Styles()
    return build_pdf(visit_story(data, st), title=f"{data.office.county}{TITLE}")
