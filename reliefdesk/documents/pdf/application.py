"""申请审批表 for dibao, tekun and temporary aid (DOMAIN §6.2, §6.4, §6.5), and batches."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from ..forms_data import PROGRAMME_NAMES, ApplicationFormData, Opinion, PersonRow, WorkingLine
from ._compat import fen_to_yuan, to_capital
from .layout import (
    FormStart,
    P,
    SignatureBox,
    Styles,
    build_pdf,
    content_width,
    esc,
    fmt_date,
    fmt_month,
    grid_table,
    keep,
    opinion_table,
    section,
)

TITLES = {
    "urban_dibao": "最低生活保障申请审批表",
    "rural_dibao": "最低生活保障申请审批表",
    "tekun": "特困人员救助供养申请审批表",
    "temporary_aid": "临时救助申请审批表",
}

HONESTY = (
    "本人承诺：以上所填家庭成员、收入、财产等信息及所提供的材料真实、完整，如有隐瞒或虚假，"
    "愿承担相应法律责任；同意并授权民政部门及相关单位依法核对本人及家庭成员的经济状况。"
)

NOTES = (
    "填表说明：1. 本表一式两份，乡镇（街道）和县级民政部门各存一份，归入“一户一档”；"
    "2. 家庭成员须如实填写共同生活的全部成员，不计入共同生活的成员在“计入”栏填“否”；"
    "3. 收入按月折算，金额单位为元，保留两位小数；"
    "4. 调查人员不少于2人，签字须本人手写；各级意见须签字并加盖公章。"
)


def _yuan(fen: int | None) -> str:
    return "" if fen is None else fen_to_yuan(fen)


def _opinion(data: ApplicationFormData, step: str) -> Opinion | None:
    for op in data.opinions:
        if op.step == step:
            return op
    return None


def _recorded(op: Opinion | None) -> str:
    if op is None or not op.user:
        return ""
    when = fmt_date(op.date, blank="")
    return f"系统记录：{op.user} {when} {op.decision}".strip()


def _header(data: ApplicationFormData, st: Styles) -> list[Flowable]:
    o = data.office
    title = f"{o.county}{TITLES[data.programme]}"
    kind = {"urban_dibao": "城市", "rural_dibao": "农村"}.get(data.programme, "")
    bits = [f"县（市、区）：{o.county}", f"乡镇（街道）：{o.township}", f"村（居）：{data.village}"]
    if kind:
        bits.append(f"申请类别：{kind}")
    line2 = f"申请日期：{fmt_date(data.applied_on)}　　编号：{data.file_no}"
    return [P(title, st.title), P("　".join(bits), st.subtitle), P(line2, st.subtitle)]


def _applicant(data: ApplicationFormData, st: Styles, w: float) -> Flowable:
    a = data.applicant
    c = st.cell
    cols = [23 * mm, 30 * mm, 16 * mm, 17 * mm, 16 * mm, 17 * mm, 16 * mm]
    cols.append(w - sum(cols))
    cell = partial(P, style=st.cell_c)
    rows: list[list[object]] = [
        [
            cell("姓名"),
            P(a.name, c),
            cell("性别"),
            P(a.sex, c),
            cell("年龄"),
            P(a.age, c),
            cell("民族"),
            P(data.ethnicity, c),
        ],
        [
            cell("公民身份号码"),
            P(a.id_number, c),
            "",
            "",
            cell("户籍性质"),
            P(data.hukou_type, c),
            cell("联系电话"),
            P(data.phone, c),
        ],
        [cell("现住址"), P(data.address, c), "", "", "", "", "", ""],
        [
            cell("健康状况"),
            P(a.health, c),
            cell("残疾类别等级"),
            P(a.disability or "无", c),
            cell("劳动能力"),
            P(a.labour_capacity, c),
            cell("就业状况"),
            P(a.employment, c),
        ],
    ]
    return grid_table(rows, cols, extra=[("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 2), (7, 2))])


def _members(members: Iterable[PersonRow], st: Styles, w: float) -> Flowable:
    head = [
        "姓名",
        "与申请人关系",
        "公民身份号码",
        "性别",
        "年龄",
        "健康状况",
        "残疾类别等级",
        "劳动能力",
        "就业/在校",
        "月收入(元)",
        "计入共同生活",
    ]
    cols = [16, 13, 38, 9, 9, 14, 17, 15, 19, 15, 15]
    cols_pt = [x * mm for x in cols]
    cols_pt[-1] += w - sum(cols_pt)
    rows: list[list[object]] = [[P(h, st.head) for h in head]]
    for m in members:
        rows.append(
            [
                P(m.name, st.cell_c),
                P(m.relation, st.cell_c),
                P(m.id_number, st.cell_c),
                P(m.sex, st.cell_c),
                P(m.age, st.cell_c),
                P(m.health, st.cell_c),
                P(m.disability or "无", st.cell_c),
                P(m.labour_capacity, st.cell_c),
                P(m.employment or m.schooling, st.cell_c),
                P(fen_to_yuan(m.monthly_income_fen), st.cell_r),
                P("是" if m.counted else "否", st.cell_c),
            ]
        )
    return grid_table(rows, cols_pt, repeat_rows=1, header_rows=1)


def _economy(data: ApplicationFormData, st: Styles, w: float) -> list[Flowable]:
    out: list[Flowable] = []
    total = sum(i.monthly_fen for i in data.income_items)
    n = max(data.counted_members, 1)
    rows: list[list[object]] = [
        [P("收入类别", st.head), P("月收入(元)", st.head), P("说明", st.head)]
    ]
    for it in data.income_items:
        rows.append(
            [
                P(it.category, st.cell),
                P(fen_to_yuan(it.monthly_fen), st.cell_r),
                P(it.note, st.cell),
            ]
        )
    rows.append(
        [
            P("家庭月总收入", st.cell),
            P(fen_to_yuan(total), st.cell_r),
            P(f"计入共同生活人数 {data.counted_members} 人", st.cell),
        ]
    )
    rows.append(
        [
            P("家庭月人均收入", st.cell),
            P(fen_to_yuan((total + n // 2) // n), st.cell_r),
            P("月总收入 ÷ 计入人数，四舍五入到分", st.cell),
        ]
    )
    out.append(grid_table(rows, [40 * mm, 30 * mm, w - 70 * mm], header_rows=1, repeat_rows=1))
    if data.assets:
        rows = [[P("财产类别", st.head), P("情况", st.head), P("价值(元)", st.head)]]
        for a in data.assets:
            rows.append(
                [P(a.kind, st.cell), P(a.description, st.cell), P(_yuan(a.value_fen), st.cell_r)]
            )
        out += [
            P("财产状况", st.h2),
            grid_table(rows, [30 * mm, w - 60 * mm, 30 * mm], header_rows=1, repeat_rows=1),
        ]
    if data.supporters:
        rows = [
            [
                P(h, st.head)
                for h in ("姓名", "关系", "年龄", "家庭人口", "月收入(元)", "赡养/扶养/抚养能力")
            ]
        ]
        for s in data.supporters:
            rows.append(
                [
                    P(s.name, st.cell_c),
                    P(s.relation, st.cell_c),
                    P(s.age or "", st.cell_c),
                    P(s.household_size or "", st.cell_c),
                    P(_yuan(s.monthly_income_fen), st.cell_r),
                    P(s.capacity, st.cell),
                ]
            )
        cols = [20 * mm, 18 * mm, 14 * mm, 18 * mm, 24 * mm]
        cols.append(w - sum(cols))
        out += [
            P("法定赡养、扶养、抚养义务人情况", st.h2),
            grid_table(rows, cols, header_rows=1, repeat_rows=1),
        ]
    return out


def _tekun(data: ApplicationFormData, st: Styles, w: float) -> list[Flowable]:
    cell = partial(P, style=st.cell_c)
    items = list(data.self_care)
    head = [cell("评估项目")] + [cell(i.item) for i in items]
    res = [cell("能否完成")] + [cell("能" if i.achieved else "不能") for i in items]
    n = max(len(items), 1)
    care = grid_table([head, res], [28 * mm] + [(w - 28 * mm) / n] * len(items)) if items else None
    info = grid_table(
        [
            [
                cell("供养方式"),
                P(data.supply_mode or "", st.cell),
                cell("生活自理能力"),
                P(data.care_tier or "未评估", st.cell),
                cell("护理人员/机构"),
                P(data.carer, st.cell),
            ]
        ],
        [24 * mm, 24 * mm, 26 * mm, 26 * mm, 28 * mm, w - 128 * mm],
    )
    out: list[Flowable] = [section("三、特困人员认定信息", st), info]
    if care is not None:
        out += [
            P(
                "生活自理能力评估（6项：全部能完成为全自理，1—3项不能为半失能，4项及以上不能为全失能）",
                st.small,
            ),
            care,
        ]
    return out


def _temp_aid(data: ApplicationFormData, st: Styles, w: float) -> list[Flowable]:
    cell = partial(P, style=st.cell_c)
    kind = {"急难": "急难型", "支出": "支出型"}.get(data.aid_type, data.aid_type)
    adv = "是" if data.advance_aid else "否"
    if data.advance_aid and data.advance_aid_date:
        adv += f"（{fmt_date(data.advance_aid_date)}已先行救助，事后补齐手续）"
    rows: list[list[object]] = [
        [
            cell("救助类型"),
            P(kind, st.cell),
            cell("申请金额(元)"),
            P(_yuan(data.requested_fen), st.cell),
        ],
        [cell("致困原因"), P(data.cause, st.cell), "", ""],
        [cell("先行救助"), P(adv, st.cell), "", ""],
    ]
    return [
        section("三、临时救助情况", st),
        grid_table(
            rows,
            [24 * mm, 70 * mm, 26 * mm, w - 120 * mm],
            extra=[("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 2), (3, 2))],
        ),
    ]


def _calculation(data: ApplicationFormData, st: Styles, w: float, no: str) -> list[Flowable]:
    label = {"tekun": "月供养金额", "temporary_aid": "救助金额"}.get(data.programme, "户月保障金额")
    rows: list[list[object]] = [[P("计算项目", st.head), P("内容", st.head)]]
    for raw in data.working:
        wl = WorkingLine.from_domain(raw)  # also accepts domain.benefits.WorkingLine
        rows.append([P(wl.label, st.cell), P(wl.value, st.cell)])
    out: list[Flowable] = [section(f"{no}、{label}核算", st)]
    if data.working:
        out.append(grid_table(rows, [50 * mm, w - 50 * mm], header_rows=1, repeat_rows=1))
    if data.amount_fen is not None:
        txt = (
            f"{label}：<u>¥{fen_to_yuan(data.amount_fen)}</u> 元　"
            f"（大写：{esc(to_capital(data.amount_fen))}）"
        )
        if data.start_month:
            txt += f"　起始发放年月：{esc(fmt_month(data.start_month))}"
        out.append(Paragraph(txt, st.body))
    return out


def _opinions(data: ApplicationFormData, st: Styles, w: float) -> Flowable:
    v, t, c = (_opinion(data, s) for s in ("village", "township", "county"))
    # Township: investigation and 公示 facts first, then the opinion itself.
    tparts = []
    if data.investigators:
        tparts.append(f"调查人员：{'、'.join(data.investigators)}。")
    if data.notice_start or data.notice_end:
        tparts.append(
            f"公示期：{fmt_date(data.notice_start, '')}至{fmt_date(data.notice_end, '')}，"
            f"公示结果：{data.notice_result or '　　'}。"
        )
    if t is not None:
        tparts.append(f"{t.decision}。{t.opinion}" if t.decision else t.opinion)
    # County: the five decision items (湘潭 layout) plus the decision.
    cparts = []
    if c is not None:
        cparts.append(f"{c.decision}。" if c.decision else "")
    cparts.append(f"保障人数：{data.counted_members}人；")
    if data.category:
        cparts.append(f"保障类别：{data.category}；")
    if data.programme == "tekun" and data.care_tier:
        cparts.append(f"照料护理档次：{data.care_tier}；")
    if data.amount_fen is not None:
        unit = {"temporary_aid": "救助金额"}.get(data.programme, "月保障金额")
        cparts.append(f"{unit}：{fen_to_yuan(data.amount_fen)}元；")
    if data.start_month:
        cparts.append(f"起始发放年月：{fmt_month(data.start_month)}。")
    if c is not None and c.opinion:
        cparts.append(c.opinion)
    rows = [
        (
            "村（居）民委员会意见",
            SignatureBox(
                (f"{v.decision}。{v.opinion}" if v and v.decision else (v.opinion if v else "")),
                ["负责人（签字）"],
                st,
                seal="（村委会盖章）",
                recorded=_recorded(v),
                signed_date=v.date if v else None,
            ),
        ),
        (
            "乡镇人民政府（街道办事处）审核意见",
            SignatureBox(
                "".join(tparts),
                ["经办人", "负责人"],
                st,
                seal="（乡镇人民政府盖章）",
                recorded=_recorded(t),
                signed_date=t.date if t else None,
                min_height=36 * mm,
            ),
        ),
        (
            "县级人民政府民政部门审核确认意见",
            SignatureBox(
                "".join(cparts),
                ["经办人", "审核人", "负责人"],
                st,
                seal="（县级民政部门盖章）",
                recorded=_recorded(c),
                signed_date=c.date if c else None,
                min_height=36 * mm,
            ),
        ),
    ]
    return opinion_table(rows, st, w)


def application_story(data: ApplicationFormData, st: Styles) -> list[Flowable]:
    """The flowables of one 申请审批表 (used by the single and the batch builder)."""
    w = content_width()
    story: list[Flowable] = [
        FormStart(f"{TITLES[data.programme]} {data.file_no} {data.applicant.name}")
    ]
    story += _header(data, st)
    story += [section("一、申请人基本情况", st), _applicant(data, st, w)]
    story += [section("二、家庭成员情况", st), _members(data.members, st, w)]
    no = 3
    if data.programme == "tekun":
        story += _tekun(data, st, w)
        no += 1
    elif data.programme == "temporary_aid":
        story += _temp_aid(data, st, w)
        no += 1
    cn = "一二三四五六七八九十"
    story.append(section(f"{cn[no - 1]}、家庭经济状况", st))
    story += _economy(data, st, w)
    no += 1
    reason = SignatureBox(data.reason, ["申请人（签字或手印）"], st, seal=None, min_height=28 * mm)
    block: list[Flowable] = [
        section(f"{cn[no - 1]}、申请理由", st),
        opinion_table([("申请理由", reason)], st, w),
    ]
    if data.materials:
        received = "　".join(f"{label}：{'已收' if ok else '未收'}" for label, ok in data.materials)
        block.append(
            grid_table([[P("申请材料", st.cell_c), P(received, st.cell)]], [28 * mm, w - 28 * mm])
        )
    block.append(P(HONESTY, st.small))
    story.append(keep(*block))
    no += 1
    story.append(keep(*_calculation(data, st, w, cn[no - 1])))
    no += 1
    story.append(section(f"{cn[no - 1]}、审核审批意见", st))
    story.append(_opinions(data, st, w))
    story.append(P(NOTES, st.small))
    return story


def build_application_form(data: ApplicationFormData) -> bytes:
    """One 申请审批表 as PDF bytes; the title follows ``data.programme``."""
    st = Styles()
    title = f"{data.office.county}{TITLES[data.programme]}"
    return build_pdf(application_story(data, st), title=title)


def build_batch(forms: Iterable[ApplicationFormData]) -> bytes:
    """Many 申请审批表 in one PDF; each form starts on a new page and is numbered on its own."""
    st = Styles()
    story: list[Flowable] = []
    for i, data in enumerate(forms):
        if i:
            story.append(PageBreak())
        story += application_story(data, st)
    if not story:
        raise ValueError("build_batch needs at least one form")
    return build_pdf(story, title="申请审批表（批量打印）")


__all__ = ["PROGRAMME_NAMES", "application_story", "build_application_form", "build_batch"]
