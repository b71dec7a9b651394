"""申请审批表 for dibao, tekun and temporary aid (DOMAIN §6.2, §6.4, §6.5), and batches.

Drawn straight onto the canvas with the small grid layout of :mod:`grid` (same fields, order,
fonts, sizes and rules as the platypus version it replaced, at a fraction of the cost: a batch
of 500 forms is printed under deadline every month).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..forms_data import PROGRAMME_NAMES, ApplicationFormData, Opinion, PersonRow, WorkingLine
from ._compat import fen_to_yuan, to_capital
from .fonts import ensure_font
from .grid import (
    BODY,
    CELL_C,
    CELL_R,
    H2,
    SMALL,
    SUBTITLE,
    TABLE_W,
    TITLE,
    Block,
    Cell,
    Grid,
    Keep,
    Para,
    Sign,
    Text,
    draw_pages,
    paginate,
)
from .layout import fmt_date, fmt_month

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


def _header(data: ApplicationFormData) -> list[Block]:
    o = data.office
    title = f"{o.county}{TITLES[data.programme]}"
    kind = {"urban_dibao": "城市", "rural_dibao": "农村"}.get(data.programme, "")
    bits = [f"县（市、区）：{o.county}", f"乡镇（街道）：{o.township}", f"村（居）：{data.village}"]
    if kind:
        bits.append(f"申请类别：{kind}")
    line2 = f"申请日期：{fmt_date(data.applied_on)}　　编号：{data.file_no}"
    return [Para(title, TITLE), Para("　".join(bits), SUBTITLE), Para(line2, SUBTITLE)]


def _section(title: str) -> Para:
    return Para(title, H2)


def _label(text: object) -> Text:
    return Text(text, CELL_C)


def _applicant(data: ApplicationFormData) -> Grid:
    a = data.applicant
    cols = [23 * mm, 30 * mm, 16 * mm, 17 * mm, 16 * mm, 17 * mm, 16 * mm]
    cols.append(TABLE_W - sum(cols))
    rows: list[list[Cell]] = [
        [
            _label("姓名"),
            a.name,
            _label("性别"),
            a.sex,
            _label("年龄"),
            a.age,
            _label("民族"),
            data.ethnicity,
        ],
        [
            _label("公民身份号码"),
            a.id_number,
            None,
            None,
            _label("户籍性质"),
            data.hukou_type,
            _label("联系电话"),
            data.phone,
        ],
        [_label("现住址"), data.address, None, None, None, None, None, None],
        [
            _label("健康状况"),
            a.health,
            _label("残疾类别等级"),
            a.disability or "无",
            _label("劳动能力"),
            a.labour_capacity,
            _label("就业状况"),
            a.employment,
        ],
    ]
    return Grid(rows, cols, spans=[(1, 1, 3), (2, 1, 7)])


MEMBER_HEAD = (
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
)
MEMBER_COLS = (16, 13, 38, 9, 9, 14, 17, 15, 19, 15, 15)


def _members(members: Iterable[PersonRow]) -> Grid:
    cols = [x * mm for x in MEMBER_COLS]
    cols[-1] += TABLE_W - sum(cols)
    rows: list[list[Cell]] = [[_label(h) for h in MEMBER_HEAD]]
    for m in members:
        texts = (m.name, m.relation, m.id_number, m.sex, m.age, m.health, m.disability or "无")
        row: list[Cell] = [_label(t) for t in texts]
        row += [_label(m.labour_capacity), _label(m.employment or m.schooling)]
        row += [
            Text(fen_to_yuan(m.monthly_income_fen), CELL_R),
            _label("是" if m.counted else "否"),
        ]
        rows.append(row)
    return Grid(rows, cols, head=1)


def _economy(data: ApplicationFormData) -> list[Block]:
    total = sum(i.monthly_fen for i in data.income_items)
    n = max(data.counted_members, 1)
    rows: list[list[Cell]] = [[_label("收入类别"), _label("月收入(元)"), _label("说明")]]
    for it in data.income_items:
        rows.append([it.category, Text(fen_to_yuan(it.monthly_fen), CELL_R), it.note])
    rows.append(
        [
            "家庭月总收入",
            Text(fen_to_yuan(total), CELL_R),
            f"计入共同生活人数 {data.counted_members} 人",
        ]
    )
    rows.append(
        [
            "家庭月人均收入",
            Text(fen_to_yuan((total + n // 2) // n), CELL_R),
            "月总收入 ÷ 计入人数，四舍五入到分",
        ]
    )
    out: list[Block] = [Grid(rows, [40 * mm, 30 * mm, TABLE_W - 70 * mm], head=1)]
    if data.assets:
        rows = [[_label("财产类别"), _label("情况"), _label("价值(元)")]]
        for a in data.assets:
            rows.append([a.kind, a.description, Text(_yuan(a.value_fen), CELL_R)])
        out += [_section("财产状况"), Grid(rows, [30 * mm, TABLE_W - 60 * mm, 30 * mm], head=1)]
    if data.supporters:
        head = ("姓名", "关系", "年龄", "家庭人口", "月收入(元)", "赡养/扶养/抚养能力")
        rows = [[_label(h) for h in head]]
        for s in data.supporters:
            rows.append(
                [
                    _label(s.name),
                    _label(s.relation),
                    _label(s.age or ""),
                    _label(s.household_size or ""),
                    Text(_yuan(s.monthly_income_fen), CELL_R),
                    s.capacity,
                ]
            )
        cols = [20 * mm, 18 * mm, 14 * mm, 18 * mm, 24 * mm]
        cols.append(TABLE_W - sum(cols))
        out += [_section("法定赡养、扶养、抚养义务人情况"), Grid(rows, cols, head=1)]
    return out


def _tekun(data: ApplicationFormData) -> list[Block]:
    items = list(data.self_care)
    w = TABLE_W
    info = Grid(
        [
            [
                _label("供养方式"),
                data.supply_mode or "",
                _label("生活自理能力"),
                data.care_tier or "未评估",
                _label("护理人员/机构"),
                data.carer,
            ]
        ],
        [24 * mm, 24 * mm, 26 * mm, 26 * mm, 28 * mm, w - 128 * mm],
    )
    out: list[Block] = [_section("三、特困人员认定信息"), info]
    if items:
        head: list[Cell] = [_label("评估项目"), *(_label(i.item) for i in items)]
        res: list[Cell] = [
            _label("能否完成"),
            *(_label("能" if i.achieved else "不能") for i in items),
        ]
        care = Grid([head, res], [28 * mm] + [(w - 28 * mm) / len(items)] * len(items))
        out += [
            Para(
                "生活自理能力评估（6项：全部能完成为全自理，1—3项不能为半失能，4项及以上不能为全失能）",
                SMALL,
            ),
            care,
        ]
    return out


def _temp_aid(data: ApplicationFormData) -> list[Block]:
    kind = {"急难": "急难型", "支出": "支出型"}.get(data.aid_type, data.aid_type)
    adv = "是" if data.advance_aid else "否"
    if data.advance_aid and data.advance_aid_date:
        adv += f"（{fmt_date(data.advance_aid_date)}已先行救助，事后补齐手续）"
    rows: list[list[Cell]] = [
        [_label("救助类型"), kind, _label("申请金额(元)"), _yuan(data.requested_fen)],
        [_label("致困原因"), data.cause, None, None],
        [_label("先行救助"), adv, None, None],
    ]
    grid = Grid(rows, [24 * mm, 70 * mm, 26 * mm, TABLE_W - 120 * mm], spans=[(1, 1, 3), (2, 1, 3)])
    return [_section("三、临时救助情况"), grid]


def _calculation(data: ApplicationFormData, no: str) -> list[Block]:
    label = {"tekun": "月供养金额", "temporary_aid": "救助金额"}.get(data.programme, "户月保障金额")
    rows: list[list[Cell]] = [[_label("计算项目"), _label("内容")]]
    for raw in data.working:
        wl = WorkingLine.from_domain(raw)  # also accepts domain.benefits.WorkingLine
        rows.append([wl.label, wl.value])
    out: list[Block] = [_section(f"{no}、{label}核算")]
    if data.working:
        out.append(Grid(rows, [50 * mm, TABLE_W - 50 * mm], head=1))
    if data.amount_fen is not None:
        amount = f"¥{fen_to_yuan(data.amount_fen)}"
        # plain spaces: the platypus paragraph this replaced collapsed its "　" to one space
        txt = f"{label}：{amount} 元 （大写：{to_capital(data.amount_fen)}）"
        if data.start_month:
            txt += f" 起始发放年月：{fmt_month(data.start_month)}"
        out.append(Para(txt, BODY, underline=amount))
    return out


def _township_text(data: ApplicationFormData, t: Opinion | None) -> str:
    """Township box: investigation and 公示 facts first, then the opinion itself."""
    parts = []
    if data.investigators:
        parts.append(f"调查人员：{'、'.join(data.investigators)}。")
    if data.notice_start or data.notice_end:
        parts.append(
            f"公示期：{fmt_date(data.notice_start, '')}至{fmt_date(data.notice_end, '')}，"
            f"公示结果：{data.notice_result or '　　'}。"
        )
    if t is not None:
        parts.append(f"{t.decision}。{t.opinion}" if t.decision else t.opinion)
    return "".join(parts)


def _county_text(data: ApplicationFormData, c: Opinion | None) -> str:
    """County box: the five decision items (湘潭 layout) plus the decision."""
    parts = []
    if c is not None:
        parts.append(f"{c.decision}。" if c.decision else "")
    parts.append(f"保障人数：{data.counted_members}人；")
    if data.category:
        parts.append(f"保障类别：{data.category}；")
    if data.programme == "tekun" and data.care_tier:
        parts.append(f"照料护理档次：{data.care_tier}；")
    if data.amount_fen is not None:
        unit = {"temporary_aid": "救助金额"}.get(data.programme, "月保障金额")
        parts.append(f"{unit}：{fen_to_yuan(data.amount_fen)}元；")
    if data.start_month:
        parts.append(f"起始发放年月：{fmt_month(data.start_month)}。")
    if c is not None and c.opinion:
        parts.append(c.opinion)
    return "".join(parts)


def _opinion_grid(rows: list[tuple[str, Sign]]) -> Grid:
    """Two columns: a label on the left, a signature box on the right."""
    return Grid([[_label(label), box] for label, box in rows], [28 * mm, TABLE_W - 28 * mm])


def _opinions(data: ApplicationFormData) -> Grid:
    v, t, c = (_opinion(data, s) for s in ("village", "township", "county"))
    village = f"{v.decision}。{v.opinion}" if v and v.decision else (v.opinion if v else "")
    return _opinion_grid(
        [
            (
                "村（居）民委员会意见",
                Sign(
                    village,
                    ["负责人（签字）"],
                    seal="（村委会盖章）",
                    recorded=_recorded(v),
                    signed_date=v.date if v else None,
                ),
            ),
            (
                "乡镇人民政府（街道办事处）审核意见",
                Sign(
                    _township_text(data, t),
                    ["经办人", "负责人"],
                    seal="（乡镇人民政府盖章）",
                    recorded=_recorded(t),
                    signed_date=t.date if t else None,
                    min_height=36 * mm,
                ),
            ),
            (
                "县级人民政府民政部门审核确认意见",
                Sign(
                    _county_text(data, c),
                    ["经办人", "审核人", "负责人"],
                    seal="（县级民政部门盖章）",
                    recorded=_recorded(c),
                    signed_date=c.date if c else None,
                    min_height=36 * mm,
                ),
            ),
        ]
    )


CN_NUMBERS = "一二三四五六七八九十"


def application_blocks(data: ApplicationFormData) -> list[Block]:
    """The blocks of one 申请审批表, top to bottom (for the single and the batch builder)."""
    blocks: list[Block] = _header(data)
    blocks += [_section("一、申请人基本情况"), _applicant(data)]
    blocks += [_section("二、家庭成员情况"), _members(data.members)]
    no = 3
    if data.programme == "tekun":
        blocks += _tekun(data)
        no += 1
    elif data.programme == "temporary_aid":
        blocks += _temp_aid(data)
        no += 1
    blocks.append(_section(f"{CN_NUMBERS[no - 1]}、家庭经济状况"))
    blocks += _economy(data)
    no += 1
    reason = Sign(data.reason, ["申请人（签字或手印）"], seal=None, min_height=28 * mm)
    block: list[Block] = [
        _section(f"{CN_NUMBERS[no - 1]}、申请理由"),
        _opinion_grid([("申请理由", reason)]),
    ]
    if data.materials:
        received = "　".join(f"{label}：{'已收' if ok else '未收'}" for label, ok in data.materials)
        block.append(Grid([[_label("申请材料"), received]], [28 * mm, TABLE_W - 28 * mm]))
    block.append(Para(HONESTY, SMALL))
    blocks.append(Keep(*block))
    no += 1
    blocks.append(Keep(*_calculation(data, CN_NUMBERS[no - 1])))
    no += 1
    blocks.append(_section(f"{CN_NUMBERS[no - 1]}、审核审批意见"))
    blocks.append(_opinions(data))
    blocks.append(Para(NOTES, SMALL))
    return blocks


def _footer_left(data: ApplicationFormData) -> str:
    return f"{TITLES[data.programme]} {data.file_no} {data.applicant.name}"


def _render(forms: Iterable[ApplicationFormData], title: str) -> bytes:
    """Paginate and draw each form (numbered on its own) into one PDF."""
    ensure_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setTitle(title)
    c.setSubject(title)
    c.setAuthor("reliefdesk")
    c.setCreator("reliefdesk")
    n = 0
    for data in forms:
        draw_pages(c, paginate(application_blocks(data)), _footer_left(data))
        n += 1
    if not n:
        raise ValueError("build_batch needs at least one form")
    c.save()
    return buf.getvalue()


def build_application_form(data: ApplicationFormData) -> bytes:
    """One 申请审批表 as PDF bytes; the title follows ``data.programme``."""
    return _render([data], f"{data.office.county}{TITLES[data.programme]}")


def build_batch(forms: Iterable[ApplicationFormData]) -> bytes:
    """Many 申请审批表 in one PDF; each form starts on a new page and is numbered on its own."""
    return _render(forms, "申请审批表（批量打印）")


__all__ = [
    "PROGRAMME_NAMES",
    "application_blocks",
    "build_application_form",
    "build_batch",
]
