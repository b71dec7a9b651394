"""Synthetic department files (DOMAIN §12.2) for the demo office and the tests: one table per
source, with the headers those departments use and the usual oddities (old 15-digit IDs,
full-width digits, lowercase x, name variants, a reversed death, people who match no one).

Pure data: :func:`department_table` returns (header, rows); writing the rows to xlsx/xls/csv is
the caller's business (:func:`write_xlsx` here; the tests' script also writes .xls and GBK csv).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..domain.idnumber import make_id

__all__ = ["HEADERS", "RegisterPerson", "department_table", "oddify_id", "write_xlsx"]


@dataclass(frozen=True)
class RegisterPerson:
    """Someone from the register a department file may list."""

    id_number: str
    name: str
    recipient: bool = False
    near_dibao: bool = False


HEADERS: dict[str, list[str]] = {
    "deaths": ["序号", "姓名", "性别", "公民身份号码", "死亡日期", "死亡证明编号",
               "死亡注销类别", "冲销标志", "冲销时间", "派出所"],
    "moves": ["姓名", "公民身份号码", "迁出日期", "迁出注销类别", "迁往地址", "派出所"],
    "disability": ["姓名", "残疾证号", "残疾类别", "残疾等级", "发证日期"],
    "medical": ["人员编号", "姓名", "证件号码", "结算时间", "医疗费总额", "统筹基金支付",
                "个人负担总金额", "诊断"],
    "employment": ["姓名", "身份证号码", "工作单位", "就业状态", "缴费基数", "末次缴费时间"],
    "pension": ["姓名", "身份证号码", "险种类别", "退休时间", "养老金"],
    "unemployment": ["姓名", "公民身份号码", "失业登记日期", "失业金"],
    "business": ["企业名称", "统一社会信用代码", "负责人", "负责人身份证号", "注册资本",
                 "成立日期"],
    "vehicle": ["车牌号码", "品牌", "机动车类型", "使用性质", "初次登记日期", "所有人",
                "所有人身份证号", "现值"],
    "property": ["房产证编号", "坐落", "建筑面积", "权利人", "权利人证件号", "发证时间"],
    "housing_fund": ["个人帐号", "姓名", "身份证号码", "单位名称", "月缴存额", "当前状态",
                     "末次缴交年月"],
    "public_employee": ["姓名", "身份证号码", "工资发放单位", "实发工资"],
    "poverty_monitoring": ["数据日期", "乡(镇)", "行政村", "户编号", "姓名", "证件号码",
                           "与户主关系", "易返贫致贫户(监测对象)类型", "风险是否消除"],
    "disaster": ["户主姓名", "户主身份证号码", "家庭人口（人）", "家庭类型",
                 "行政村（社区）名称", "核准救助金额（元）"],
}  # fmt: skip

_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
_STRANGER_NAMES = ("周建国", "吴桂兰", "郑小军", "冯秀英", "陈卫东", "褚丽娟", "卫国强", "蒋玉梅")


def oddify_id(number: str, how: str) -> str:
    """An 18-digit ID as departments write it: ``old15`` (born 19xx), ``fullwidth``,
    ``lower`` (a check character x), ``spaced``, or unchanged."""
    if how == "old15" and number[6:8] == "19":
        return number[:6] + number[8:17]
    if how == "fullwidth":
        return number.translate(_FULL)
    if how == "lower":
        return number.lower()
    if how == "spaced":
        return f" {number[:6]} {number[6:14]} {number[14:]} "
    return number


def _stranger(rng: random.Random, i: int) -> tuple[str, str]:
    born = date(1950 + rng.randrange(50), 1 + rng.randrange(12), 1 + rng.randrange(28))
    return make_id("410423", born, (i * 37 + 11) % 1000), _STRANGER_NAMES[i % len(_STRANGER_NAMES)]


def _row(
    source: str, rng: random.Random, idn: str, name: str, n: int, month: date, heavy: bool
) -> list[list[Any]]:
    """The row(s) of one person; ``heavy`` = the kind that makes a lead (severe disability,
    large self-pay …)."""
    day = (month + timedelta(days=rng.randrange(27))).isoformat()
    if source == "deaths":
        return [[n, name, "男", idn, day, f"Y41{n:08d}", "死亡", "0", "", "城关派出所"]]
    if source == "moves":
        return [[name, idn, day, "迁往省外", "广东省东莞市", "城关派出所"]]
    if source == "disability":
        cat, level = (5, 2) if heavy else (4, 4)
        return [[name, f"{idn}{cat}{level}", ["", "视力", "听力", "言语", "肢体", "智力"][cat],
                 f"{level}级" if n % 2 else str(level), day]]  # fmt: skip
    if source == "medical":
        total = 3_000_000 if heavy else 80_000  # fen
        parts = 3
        return [
            [f"P{n:08d}", name, idn, day, total / parts / 100, total / parts / 200,
             total / parts / 100 * 0.45, "恶性肿瘤" if heavy else "上呼吸道感染"]
            for _ in range(parts)
        ]  # fmt: skip
    if source == "employment":
        return [[name, idn, "汝州市某建材有限公司", "就业", 3500, month.strftime("%Y%m")]]
    if source == "pension":
        return [[name, idn, "城乡居民基本养老保险", "2024-07-01", 1500 if heavy else 183]]
    if source == "unemployment":
        return [[name, idn, day, 1485]]
    if source == "business":
        return [[f"汝州市{name}商贸部", f"92410482MA{n:08d}", name, idn, 50000, "2025-03-02"]]
    if source == "vehicle":
        kind = "小型轿车" if heavy else "拖拉机"
        return [[f"豫D{n:05d}", "大众" if heavy else "东方红", kind, "非营运", "2025-05-06",
                 name, idn, 85000]]  # fmt: skip
    if source == "property":
        return [[f"豫(2025)汝州市不动产权第{n:07d}号", "汝州市广成路", 98.5, name, idn, day]]
    if source == "housing_fund":
        return [[f"{n:012d}", name, idn, "汝州市某学校", 620, "正常", month.strftime("%Y%m")]]
    if source == "public_employee":
        return [[name, idn, "汝州市某镇人民政府", 4300]]
    if source == "poverty_monitoring":
        return [[month.isoformat(), "寄料镇", "东村", f"H{n:06d}", name, idn, "户主",
                 "突发严重困难户", "否" if heavy else "是"]]  # fmt: skip
    if source == "disaster":
        return [[name, idn, 3, "其他户", "东村", 1200]]
    raise ValueError(source)


def department_table(
    source: str,
    people: Sequence[RegisterPerson],
    *,
    month: date,
    seed: int = 1,
    strangers: int = 3,
    oddities: bool = True,
) -> tuple[list[str], list[list[Any]]]:
    """(header, rows) of one department's monthly file listing ``people`` (every second one
    of the kind that makes a lead) and ``strangers`` people the register does not know.
    With ``oddities``: IDs written the old and the sloppy ways, one name variant, one name
    that is someone else's, and (deaths) the first person's registration reversed by 冲销标志."""
    rng = random.Random(f"{source}:{seed}")
    rows: list[list[Any]] = []
    ways = ("", "old15", "fullwidth", "spaced", "lower")
    for i, p in enumerate(people):
        idn, name = p.id_number, p.name
        if oddities:
            how = ways[i % len(ways)]
            if (how == "lower" and "X" not in idn) or (how == "old15" and source == "disability"):
                how = ""  # 残疾证号 are issued on 18-digit numbers
            idn = oddify_id(idn, how)
            if i == 1:
                name = f" {name[0]} {name[1:]}"  # spaces inside the name: still the same person
            elif i == 2 and len(people) > 3:
                name = "王" + name[1:] if name[0] != "王" else "李" + name[1:]  # a mismatch
        rows += _row(source, rng, idn, name, i + 1, month, heavy=i % 2 == 0)
    for j in range(strangers):
        idn, name = _stranger(rng, j)
        rows += _row(source, rng, idn, name, len(people) + j + 1, month, heavy=True)
    if oddities and source == "deaths" and rows:
        rows[0][7] = "1"  # the first person's registration was reversed by the police (冲销)
        rows[0][8] = month.isoformat()
    return HEADERS[source], rows


def write_xlsx(path: Path, header: list[str], rows: list[list[Any]], title: str = "") -> Path:
    """An .xlsx like the departments send: an optional title line over the header."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    if title:
        ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(str(path))
    return path
