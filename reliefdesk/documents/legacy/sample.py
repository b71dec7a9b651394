"""Synthetic legacy recipient workbooks for tests, training (``demo --legacy-workbook``) and
benchmarks: made-up people with valid made-up ID numbers, laid out the way offices keep their
sheets (DOMAIN §12.1), with the oddities switched on by ``oddities``:

* person rows (one row per person, household cells merged down, one sheet per village, a title
  and a unit line, a two-row merged header with a "1 2 3…" row, 小计 per village and a 合计
  row, blank rows, a 字典 sheet);
* household rows (members across columns 成员一姓名 …, 保障人数 larger than the members
  listed).

Odd values planted when ``oddities``: an ID stored as a number (digits lost), one in
scientific notation, a 15-digit ID, full-width digits and spaces, a lowercase x, amounts with
元 and thousands separators, dates as 1989年07月 / 2004.07.01 / 19881118 / Excel serials,
names with 生僻字, a person listed in two households, a household in two programmes, a card
failing its check, a missing account and an amount above the programme's rules.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ...domain.accounts import make_card_number
from ...domain.idnumber import make_id

__all__ = [
    "SampleHousehold",
    "SampleMember",
    "household_table",
    "make_households",
    "person_table",
    "write_household_xlsx",
    "write_person_xlsx",
]

_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
    "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段"
    "雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN = "建国秀英桂兰志强玉梅红霞春生海燕丽娟小军永福凤琴明华淑珍金花宝山国庆爱民德胜红梅文静子豪欣怡浩然雨涵"
_RARE = ("𠮷", "䶮", "𡎚", "堃", "喆", "禤")
_RELATIONS = ("妻子", "长子", "长女", "次子", "次女", "父亲", "母亲", "孙子", "儿媳")
_VILLAGES = ("东关村", "西街村", "南寨村", "北岭村", "河湾社区")
_BANKS = ("汝州农商银行", "中国邮政储蓄银行", "中国农业银行")
_PROGRAMME_TEXT = {
    "rural_dibao": "农村低保",
    "urban_dibao": "城市低保",
    "tekun_d": "特困人员（分散供养）",
    "tekun_c": "特困人员（集中供养）",
}


@dataclass
class SampleMember:
    name: str
    id_number: Any  # str, or a float / odd text when an oddity is planted
    relation: str
    birth: date


@dataclass
class SampleHousehold:
    no: str
    village: str
    programme: str  # a key of _PROGRAMME_TEXT
    persons: int  # 保障人数
    amount: Any  # the cell: a number or text with 元 / separators
    amount_fen: int  # what it means
    bank: str
    account: str
    approved: Any  # the date cell
    certificate: str
    members: list[SampleMember] = field(default_factory=list)
    expect: str = "ok"  # ok | blocked | warning


def _name(rng: random.Random, rare: bool = False) -> str:
    given = rng.choice(_GIVEN) + (rng.choice(_RARE) if rare else rng.choice(_GIVEN))
    return rng.choice(_SURNAMES) + given


def make_households(
    n: int,
    seed: int = 12,
    villages: tuple[str, ...] = _VILLAGES,
    oddities: bool = True,
    persons_total: int | None = None,
) -> list[SampleHousehold]:
    """``n`` households (about 2.5 persons each, or ``persons_total`` in all)."""
    rng = random.Random(seed)
    out: list[SampleHousehold] = []
    seq = 0
    used: set[str] = set()
    listed = 0
    target = persons_total or int(n * 2.5)
    for i in range(n):
        left = n - i
        size = max(1, min(6, round((target - listed) / left) + rng.choice((-1, 0, 0, 1))))
        prog = rng.choices(("rural_dibao", "urban_dibao", "tekun_d", "tekun_c"), (70, 15, 12, 3))[0]
        if prog.startswith("tekun"):
            size = 1
        listed += size
        village = villages[i % len(villages)]
        members: list[SampleMember] = []
        for k in range(size):
            seq += 1
            birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 70))
            rel = "本人" if k == 0 else _RELATIONS[(k - 1) % len(_RELATIONS)]
            pid = make_id("410482", birth, (seq * 7) % 1000)
            while pid in used:  # made-up people never share a number
                birth += timedelta(days=1)
                pid = make_id("410482", birth, (seq * 7) % 1000)
            used.add(pid)
            members.append(SampleMember(_name(rng, rare=(i % 97 == 5 and k == 0)), pid, rel, birth))
        if prog == "rural_dibao":
            fen = rng.randrange(150, 400) * 100 * size
        elif prog == "urban_dibao":
            fen = rng.randrange(250, 600) * 100 * size
        else:
            fen = 57330 + (9000 if prog == "tekun_d" else 18000)
        card = make_card_number("622", 19, f"{seed:03d}{i:012d}")
        approved = date(2012, 1, 1) + timedelta(days=rng.randrange(0, 365 * 12))
        out.append(
            SampleHousehold(
                f"H{i + 1:05d}",
                village,
                prog,
                size,
                fen / 100 if fen % 100 else fen // 100,
                fen,
                rng.choice(_BANKS),
                card,
                approved,
                f"汝民低{approved.year}{i + 1:05d}",
                members,
            )
        )
    if oddities and n >= 30:
        _plant(out)
    return out


def _plant(hh: list[SampleHousehold]) -> None:
    """The oddities of DOMAIN §12.1, each on a known household."""
    h = hh[1]  # head ID stored as a number: digits lost -> blocked
    h.members[0].id_number = float(h.members[0].id_number[:17] + "0")
    h.expect = "blocked"
    h = hh[2]  # head ID in scientific notation -> blocked
    h.members[0].id_number = "4.10482E+17"
    h.expect = "blocked"
    h = hh[3]  # a 15-digit ID (converted)
    old = h.members[0].id_number
    h.members[0].id_number = old[:6] + old[8:17]
    h = hh[4]  # full-width digits and spaces
    h.members[0].id_number = (
        " "
        + "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in h.members[0].id_number[:6])
        + " "
        + h.members[0].id_number[6:]
        + " "
    )
    for h in hh[5:40]:  # a lowercase x
        if h.members[0].id_number[-1] == "X":
            h.members[0].id_number = h.members[0].id_number[:-1] + "x"
            break
    hh[6].amount = f"{hh[6].amount_fen // 100:,}.{hh[6].amount_fen % 100:02d}元"
    hh[7].amount = f"{hh[7].amount_fen / 100:.2f} 元"
    hh[8].approved = "1989年07月"
    hh[9].approved = "2004.07.01"
    hh[10].approved = "19881118"
    hh[11].approved = 38000  # an Excel serial (2004-01-14)
    # a person in two households: the last member of 12 also listed in 13
    a, b = hh[12], hh[13]
    if len(a.members) < 2:
        a.members.append(
            SampleMember(
                "附加成员", make_id("410482", date(1990, 1, 1), 991), "长子", date(1990, 1, 1)
            )
        )
        a.persons = len(a.members)
    dup = a.members[-1]
    b.members.append(SampleMember(dup.name, dup.id_number, "其他", dup.birth))
    b.persons = len(b.members)
    a.expect = b.expect = "blocked"
    # a household in two programmes: 14 listed again as tekun
    c = hh[14]
    other = "urban_dibao" if c.programme.startswith("tekun") else "tekun_d"
    twin = SampleHousehold(
        c.no + "B",
        c.village,
        other,
        1,
        663.30,
        66330,
        c.bank,
        c.account,
        c.approved,
        c.certificate,
        [c.members[0]],
    )
    twin.expect = c.expect = "blocked"
    hh.insert(15, twin)
    hh[16].account = hh[16].account[:-1] + str((int(hh[16].account[-1]) + 1) % 10)  # Luhn
    hh[16].expect = "warning"
    hh[17].account = ""  # missing account
    hh[17].expect = "warning"
    hh[18].programme, hh[18].amount_fen, hh[18].amount = "rural_dibao", 999900, 9999
    hh[18].members = hh[18].members[:1]
    hh[18].persons = 1
    hh[18].expect = "warning"  # far above 441 × 1 + top-up


def _date_cell(value: Any) -> Any:
    return value.strftime("%Y-%m-%d") if isinstance(value, date) else value


PERSON_HEADER_TOP = [
    "序号",
    "户号",
    "家庭成员信息",
    "",
    "",
    "",
    "保障信息",
    "",
    "",
    "",
    "发放账户",
    "",
    "审批信息",
    "",
]
PERSON_HEADER_SUB = [
    "",
    "",
    "姓名",
    "身份证号码",
    "与户主关系",
    "出生年月",
    "保障类别",
    "保障人数",
    "月保障金（元）",
    "村（社区）",
    "开户行",
    "卡号",
    "审批日期",
    "低保证编号",
]


def person_table(hh: list[SampleHousehold]) -> dict[str, list[list[Any]]]:
    """Rows per village sheet (data only, household cells on the head row only)."""
    sheets: dict[str, list[list[Any]]] = {}
    for h in hh:
        rows = sheets.setdefault(h.village, [])
        for k, m in enumerate(h.members):
            head = k == 0
            rows.append(
                [
                    len(rows) + 1,
                    h.no if head else "",
                    m.name,
                    m.id_number,
                    m.relation,
                    f"{m.birth.year}年{m.birth.month:02d}月",
                    _PROGRAMME_TEXT[h.programme] if head else "",
                    h.persons if head else "",
                    h.amount if head else "",
                    h.village if head else "",
                    h.bank if head else "",
                    h.account if head else "",
                    _date_cell(h.approved) if head else "",
                    h.certificate if head else "",
                ]
            )
    return sheets


def write_person_xlsx(
    path: str | Path, hh: list[SampleHousehold], *, oddities: bool = True
) -> Path:
    """One row per person, one sheet per village, with the layout oddities."""
    from openpyxl import Workbook

    fast = not oddities
    wb = Workbook(write_only=fast)
    if not fast:
        wb.remove(wb.worksheets[0])
    width = len(PERSON_HEADER_SUB)
    for village, rows in person_table(hh).items():
        ws = wb.create_sheet(village)
        if fast:
            ws.append(PERSON_HEADER_SUB[:2] + PERSON_HEADER_SUB[2:])
            ws.append(["序号", "户号", *PERSON_HEADER_SUB[2:]])
            for values in rows:
                ws.append(values)
            continue
        ws.append([f"{village}最低生活保障及特困供养对象花名册"] + [""] * (width - 1))
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.append(
            ["填报单位：某某镇民政所", "", "", "", "", "", "", "", "", "", "", "", "单位：元", ""]
        )
        ws.append(PERSON_HEADER_TOP)
        ws.append(PERSON_HEADER_SUB)
        for c0, c1 in ((3, 6), (7, 10), (11, 12), (13, 14)):
            ws.merge_cells(start_row=3, start_column=c0, end_row=3, end_column=c1)
        for c in (1, 2):
            ws.cell(row=4, column=c).value = None
            ws.cell(row=3, column=c).value = PERSON_HEADER_TOP[c - 1]
            ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
        ws.append(list(range(1, width + 1)))
        start = 6
        r = start
        block_start = None
        for row in rows:
            if row[1]:  # a head: the previous household's cells merged down
                if block_start is not None and r - 1 > block_start:
                    _merge_down(ws, block_start, r - 1)
                block_start = r
            ws.append(row)
            if isinstance(row[3], str) and row[3].strip().isdigit():
                ws.cell(row=r, column=4).number_format = "@"
            r += 1
        if block_start is not None and r - 1 > block_start:
            _merge_down(ws, block_start, r - 1)
        ws.append([])
        ws.append(["小计", "", "", "", "", "", "", "", f"=SUM(I6:I{r - 1})"])
    if not fast:
        ws = wb.create_sheet("合计")
        ws.append(["说明：本表合计各村数据"])
        ws.append(["合计", len(hh), sum(h.amount_fen for h in hh) / 100])
        ws = wb.create_sheet("字典")
        ws.append(["保障类别可选值"])
        for v in _PROGRAMME_TEXT.values():
            ws.append([v])
    target = Path(path)
    wb.save(target)
    return target


def _merge_down(ws: Any, r0: int, r1: int) -> None:
    for col in (2, 7, 8, 9, 10, 11, 12, 13, 14):
        ws.merge_cells(start_row=r0, start_column=col, end_row=r1, end_column=col)


HOUSEHOLD_HEADER = [
    "登记时间",
    "户主姓名",
    "身份证号码",
    "家庭住址",
    "享受保障人数",
    "户月保障金",
    "保障类别",
    "开户行",
    "开户行账号",
    "村（社区）",
]
_NUM = "一二三四五六七八九"


def household_table(
    hh: list[SampleHousehold], members: int = 3
) -> tuple[list[str], list[list[Any]]]:
    """One row per household, up to ``members`` members across columns (the rest unlisted:
    待补录)."""
    header = list(HOUSEHOLD_HEADER)
    for k in range(members):
        header += [f"成员{_NUM[k]}姓名", f"成员{_NUM[k]}身份证号码", f"成员{_NUM[k]}与户主关系"]
    rows = []
    for h in hh:
        head = h.members[0]
        row = [
            _date_cell(h.approved),
            head.name,
            head.id_number,
            f"{h.village}{h.no[-3:]}号",
            h.persons,
            h.amount,
            _PROGRAMME_TEXT[h.programme],
            h.bank,
            h.account,
            h.village,
        ]
        for m in h.members[1 : 1 + members]:
            row += [m.name, m.id_number, m.relation]
        row += [""] * (len(header) - len(row))
        rows.append(row)
    return header, rows


def write_household_xlsx(path: str | Path, hh: list[SampleHousehold], members: int = 3) -> Path:
    from openpyxl import Workbook

    header, rows = household_table(hh, members)
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = "低保台账"
    ws.append(["低保户台账"])
    ws.append(header)
    for r in rows:
        ws.append(r)
    target = Path(path)
    wb.save(target)
    return target
