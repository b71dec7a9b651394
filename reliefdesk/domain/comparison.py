"""Department data comparison (信息比对): the sources other departments hand over, the column
names their files typically carry (DOMAIN §12.2), and the early-warning rules (DOMAIN §8.3) as
data. Pure: no database.

A rule says which source it reads, whom it applies to (a recipient's household, or a person who
receives nothing), what it asks the clerk to do (``action``: ``death`` stop and re-check,
``recheck`` income/asset re-check, ``topup`` 分类施保 / tekun assessment check, ``application``
a 主动发现 candidate) and which condition of the row it needs. Thresholds are office settings
(``comparison.*`` in :mod:`reliefdesk.db.defaults`); :class:`Thresholds` carries them here.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..errors import ValidationError
from .idnumber import normalize_id, parse_id

__all__ = [
    "ACTION_LABELS",
    "KIND_LABELS",
    "RULES",
    "SOURCES",
    "SOURCE_LABELS",
    "Rule",
    "Source",
    "Thresholds",
    "amount_fen",
    "comparison_id",
    "disability_facts",
    "is_reversed",
    "names_agree",
    "rule_applies",
    "severe_disability",
]


@dataclass(frozen=True)
class Source:
    """A department source: its code, name, department, the months between comparisons
    (``every_months``; 0 = whenever delivered) and its fields -> usual header labels."""

    code: str
    label: str
    department: str
    every_months: int
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)


_NAME = ("姓名", "人员姓名", "证件姓名", "对象姓名")
_ID = ("公民身份号码", "身份证号码", "身份证号", "证件号码", "身份证件号码", "证件号", "certno")


def _src(
    code: str,
    label: str,
    dept: str,
    every: int,
    name: tuple[str, ...] = (),
    idn: tuple[str, ...] = (),
    **extra: tuple[str, ...],
) -> Source:
    return Source(code, label, dept, every, {"name": name + _NAME, "id_number": idn + _ID, **extra})


SOURCES: dict[str, Source] = {
    s.code: s
    for s in (
        _src(
            "deaths",
            "死亡人员",
            "公安/卫健/殡葬",
            1,
            ("逝者姓名", "死者姓名"),
            ("逝者身份证号码", "死者身份证号码"),
            death_date=("死亡日期", "死亡时间"),
            certificate_no=("死亡证明编号", "死亡医学证明编号"),
            cancel_kind=("死亡注销类别", "注销类别"),
            reversed=("冲销标志",),
            reversed_on=("冲销时间",),
            station=("派出所", "殡仪馆名称"),
        ),
        _src(
            "moves",
            "户籍迁出",
            "公安",
            1,
            moved_on=("迁出日期",),
            cancel_kind=("迁出注销类别",),
            destination=("迁往地址", "迁往地"),
            station=("派出所",),
        ),
        _src(
            "disability",
            "残疾人证",
            "残联",
            1,
            (),
            ("残疾证号", "残疾人证号"),  # ID + 类别 + 等级: the ID is its first 18 characters
            certificate_no=("证号",),
            category=("残疾类别", "类别"),
            level=("残疾等级", "等级"),
            issued_on=("发证日期", "发证时间"),
        ),
        _src(
            "medical",
            "医疗费用",
            "医保",
            1,
            self_pay=("个人负担总金额", "psn_part_amt", "个人自付", "个人自付金额", "自付金额"),
            total=("医疗费总额", "medfee_sumamt", "总费用"),
            diagnosis=("诊断", "疾病诊断", "诊断类别", "病种", "病种名称"),
            settled_on=("结算时间", "setl_time", "结算日期"),
        ),
        _src(
            "employment",
            "就业登记",
            "人社",
            1,
            employer=("工作单位", "缴费单位", "用工单位"),
            status=("就业状态",),
            wage_base=("缴费基数",),
            last_paid=("末次缴费时间",),
        ),
        _src(
            "pension",
            "养老金领取",
            "人社",
            1,
            kind=("险种类别", "养老保险类别"),
            amount=("养老金", "退休金额", "月养老金", "月领取金额"),
            retired_on=("退休时间", "开始领取时间"),
        ),
        _src(
            "unemployment",
            "失业登记",
            "人社",
            1,
            registered_on=("失业登记日期", "登记日期"),
            benefit=("失业金", "失业保险金"),
        ),
        _src(
            "business",
            "市场主体登记",
            "市场监管",
            3,
            ("负责人", "投资人姓名", "投资人", "法定代表人", "经营者姓名"),
            ("负责人身份证号", "投资人身份证号", "投资人身份证", "法定代表人证件号码"),
            company=("企业名称", "市场主体名称", "字号名称"),
            credit_code=("统一社会信用代码", "注册号"),
            capital=("注册资本", "认缴出资额"),
            founded_on=("成立日期",),
        ),
        _src(
            "vehicle",
            "车辆登记",
            "公安",
            1,
            ("所有人", "机动车所有人"),
            ("所有人身份证号", "所有人证件号码"),
            plate=("车牌号码", "号牌号码"),
            brand=("品牌", "中文品牌"),
            vehicle_type=("机动车类型", "车辆类型"),
            use=("使用性质",),
            registered_on=("初次登记日期",),
            value=("现值", "原值"),
        ),
        _src(
            "property",
            "不动产登记",
            "自然资源/不动产登记中心",
            3,
            ("权利人", "权利人姓名", "产权人"),
            ("权利人证件号", "权利人证件号码", "权利人身份证号"),
            certificate_no=("房产证编号", "不动产权证号", "不动产权证书号"),
            location=("坐落", "房屋坐落"),
            area=("建筑面积",),
            issued_on=("发证时间", "登记时间"),
        ),
        _src(
            "housing_fund",
            "住房公积金",
            "公积金中心",
            3,
            employer=("单位名称",),
            monthly=("月缴存额",),
            status=("当前状态", "账户状态"),
            last_paid=("末次缴交年月",),
        ),
        _src(
            "public_employee",
            "财政供养人员",
            "财政",
            3,
            employer=("工资发放单位", "单位名称"),
            salary=("实发工资", "应发工资"),
        ),
        _src(
            "poverty_monitoring",
            "防返贫监测对象",
            "乡村振兴",
            3,
            household_no=("户编号",),
            type=("易返贫致贫户(监测对象)类型", "监测对象类型", "户类型"),
            risk_cleared=("风险是否消除",),
            village=("行政村",),
            income=("人均纯收入",),
        ),
        _src(
            "disaster",
            "受灾人员",
            "应急",
            0,
            ("户主姓名",),
            ("户主身份证号码", "户主身份证号"),
            persons=("家庭人口", "家庭人口(人)"),
            family_type=("家庭类型",),
            amount=("核准救助金额", "核准救助金额(元)"),
            village=("行政村(社区)名称", "行政村名称", "村名称"),
        ),
    )
}
SOURCE_LABELS = {code: s.label for code, s in SOURCES.items()}


@dataclass(frozen=True)
class Rule:
    """One warning rule: ``kind`` is the finding kind it produces."""

    kind: str
    source: str
    recipient: bool  # True: the person's household receives aid; False: it does not
    action: str  # death | recheck | topup | application
    condition: str = ""  # "" | not_reversed | severe_disability | self_pay | active | risk
    unmatched: bool = False  # also a lead for a row that matches no one in the register
    programme: str = ""  # for ``application``: the programme to pre-fill
    label: str = ""


RULES: tuple[Rule, ...] = (
    Rule("death", "deaths", True, "death", "not_reversed", label="死亡：次月停发并复核"),
    Rule("moved_out", "moves", True, "recheck", label="户籍迁出：核查是否继续保障"),
    Rule("vehicle", "vehicle", True, "recheck", "not_exempt", label="车辆：财产复核"),
    Rule("business", "business", True, "recheck", label="市场主体：收入财产复核"),
    Rule("property", "property", True, "recheck", label="不动产：财产复核"),
    Rule("public_employee", "public_employee", True, "recheck", label="财政供养：家庭成员复核"),
    Rule("employment", "employment", True, "recheck", "employed", label="就业：收入复核"),
    Rule("pension", "pension", True, "recheck", label="养老金：收入复核"),
    Rule("unemployment", "unemployment", True, "recheck", label="失业登记：收入复核"),
    Rule("housing_fund", "housing_fund", True, "recheck", "active", label="公积金：收入复核"),
    Rule(
        "disability_topup",
        "disability",
        True,
        "topup",
        "new_disability",
        label="残疾：核查分类施保或特困评估",
    ),
    Rule(
        "illness_topup",
        "medical",
        True,
        "topup",
        "self_pay",
        label="大病：核查分类施保",
    ),
    Rule(
        "medical_discovery",
        "medical",
        False,
        "application",
        "self_pay",
        unmatched=True,
        programme="temporary_aid",
        label="大额自付：主动发现",
    ),
    Rule(
        "disability_discovery",
        "disability",
        False,
        "application",
        "severe_near_dibao",
        programme="dibao",
        label="边缘户重残：邀请单人保申请",
    ),
    Rule(
        "monitoring_discovery",
        "poverty_monitoring",
        False,
        "application",
        "risk",
        unmatched=True,
        programme="dibao",
        label="防返贫监测：主动发现",
    ),
    Rule(
        "disaster_discovery",
        "disaster",
        False,
        "application",
        unmatched=True,
        programme="temporary_aid",
        label="受灾：临时救助线索",
    ),
)
KIND_LABELS = {r.kind: r.label for r in RULES}
ACTION_LABELS = {
    "death": "登记死亡（次月停发）并提前复核",
    "recheck": "启动复核",
    "topup": "启动复核（分类施保/特困评估）",
    "application": "新建申请（预填）",
}


@dataclass(frozen=True)
class Thresholds:
    """The office's thresholds (settings ``comparison.*``)."""

    self_pay_fen: int = 1_000_000
    severe_levels: tuple[int, ...] = (1, 2)
    severe_level3_categories: tuple[str, ...] = ("智力", "精神")
    vehicle_exempt_words: tuple[str, ...] = ("农用", "拖拉机", "三轮", "残疾人专用")
    disabled_kinds: tuple[str, ...] = ()


def comparison_id(raw: Any) -> str | None:
    """The normalised 18-character ID of a department cell (15→18, full-width, lowercase x,
    a trailing ``.0`` of a number cell, a 残疾证号 with the category and level after the 18
    digits); None when it is not a valid citizen ID."""
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = unicodedata.normalize("NFKC", str(raw)).strip().removesuffix(".0")
    text = "".join(text.split()).upper()
    if len(text) in (19, 20) and text[:17].isdigit():
        text = text[:18]  # 残疾证号 = ID + 类别 + 等级
    try:
        number = normalize_id(text)
        parse_id(number)
    except ValidationError:
        return None
    return number


def _plain_name(name: Any) -> str:
    text = unicodedata.normalize("NFKC", str(name or ""))
    return "".join(ch for ch in text if not ch.isspace() and ch not in "·・.()（）")


def names_agree(register_name: str, row_name: Any) -> bool:
    """The row's name is the register's, allowing spaces, full-width forms and the middle dot
    of minority names; an empty row name does not contradict the register."""
    row = _plain_name(row_name)
    return not row or row == _plain_name(register_name)


def is_reversed(value: Any) -> bool:
    """A death registration cancelled (冲销标志 ≠ 0): re-check before stopping pay."""
    text = unicodedata.normalize("NFKC", str(value if value is not None else "")).strip()
    return text not in ("", "0", "0.0", "否", "N", "n", "无")


def amount_fen(value: Any) -> int:
    """A yuan amount of a department cell in fen (unreadable → 0)."""
    if value is None:
        return 0
    text = unicodedata.normalize("NFKC", str(value)).replace(",", "").replace("元", "").strip()
    try:
        return int((Decimal(text) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, ValueError):
        return 0


_CATEGORY_CODES = {
    "1": "视力",
    "2": "听力",
    "3": "言语",
    "4": "肢体",
    "5": "智力",
    "6": "精神",
    "7": "多重",
}
_LEVEL_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4}


def disability_facts(row: dict[str, Any]) -> tuple[str, int | None]:
    """(category, level) of a 残联 row; the 类别 column is trusted over the 证号 suffix."""
    cat = unicodedata.normalize("NFKC", str(row.get("category") or "")).strip()
    cat = _CATEGORY_CODES.get(cat.removesuffix(".0"), cat).removesuffix("残疾")
    lv_text = unicodedata.normalize("NFKC", str(row.get("level") or "")).strip()
    lv_text = lv_text.removesuffix(".0").removesuffix("级").removeprefix("第")
    level = _LEVEL_WORDS.get(lv_text) or (int(lv_text) if lv_text.isdigit() else None)
    cert = "".join(str(row.get("certificate_no") or "").split()).upper()
    if len(cert) == 20 and cert[18:].isdigit():
        cat = cat or _CATEGORY_CODES.get(cert[18], "")
        level = level or int(cert[19])
    return cat, level


def severe_disability(row: dict[str, Any], t: Thresholds) -> bool:
    """Level 1–2, or level 3 intellectual/mental (DOMAIN §8.3 rule 5; levels are settings)."""
    cat, level = disability_facts(row)
    if level is None:
        return False
    return level in t.severe_levels or (level == 3 and cat in t.severe_level3_categories)


def rule_applies(rule: Rule, row: dict[str, Any], t: Thresholds, ctx: dict[str, Any]) -> bool:
    """Whether ``rule``'s condition holds for ``row``. ``ctx`` carries what the register
    knows: ``near_dibao`` (household), ``disability_level`` (person), ``self_pay_fen`` (the
    person's total in this file)."""
    if rule.kind in t.disabled_kinds:
        return False
    c = rule.condition
    if c == "not_reversed":
        return not is_reversed(row.get("reversed"))
    if c == "not_exempt":
        text = f"{row.get('vehicle_type') or ''}{row.get('use') or ''}"
        return not any(w in text for w in t.vehicle_exempt_words)
    if c == "employed":
        return "失业" not in str(row.get("status") or "")
    if c == "active":
        status = str(row.get("status") or "")
        return not any(w in status for w in ("封存", "销户", "停缴"))
    if c == "risk":
        return str(row.get("risk_cleared") or "").strip() not in ("是", "已消除", "Y")
    if c == "self_pay":
        return int(ctx.get("self_pay_fen", 0)) >= t.self_pay_fen
    if c == "new_disability":
        if not severe_disability(row, t):
            return False
        _cat, level = disability_facts(row)
        known = ctx.get("disability_level")
        return known is None or (level is not None and level < int(known))
    if c == "severe_near_dibao":
        return bool(ctx.get("near_dibao")) and severe_disability(row, t)
    return True


#: How a department row matched the register (the stored codes).
MATCHES = ("matched", "name_mismatch", "unmatched", "bad_id")
#: How a finding was resolved (the stored codes and their words).
OUTCOMES = {"confirmed": "属实", "unfounded": "不属实", "handled": "已处理"}
