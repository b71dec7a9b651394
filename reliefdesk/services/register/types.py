"""Inputs, views and vocabularies of the register services (户籍/家庭登记).

Everything here is a frozen dataclass or a constant, so the GUI can pass these across threads.
Codes are English; the ``*_LABELS`` dicts give the Chinese labels the UI shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...models import EXCLUSION_REASONS, RELATIONS

__all__ = [
    "ACCOUNT_KIND_LABELS",
    "AREA_TYPES",
    "ASSET_KINDS",
    "COUNTED_INCOME",
    "DISABILITY_CATEGORIES",
    "EXCLUSION_LABELS",
    "EXCLUSION_REASONS",
    "HEALTH",
    "INCOME_CATEGORIES",
    "LABOUR",
    "RELATIONS",
    "RELATION_LABELS",
    "AccountResult",
    "AccountView",
    "AssetView",
    "HouseholdDetail",
    "HouseholdInput",
    "HouseholdRow",
    "HouseholdSummaryPage",
    "HouseholdView",
    "IncomeSummary",
    "IncomeView",
    "PersonInput",
    "PersonView",
    "TownshipView",
    "VillageView",
]

AREA_TYPES = {"urban": "城市", "rural": "农村"}
RELATION_LABELS = {
    "head": "户主",
    "spouse": "配偶",
    "child": "子女",
    "parent": "父母",
    "grandchild": "孙子女",
    "grandparent": "祖父母",
    "sibling": "兄弟姐妹",
    "child_in_law": "儿媳/女婿",
    "other": "其他",
}
EXCLUSION_LABELS = {
    "clergy_3y": "宗教教职人员（离家连续三年以上）",
    "prison": "服刑人员",
    "drug_rehab": "强制隔离戒毒",
    "missing": "宣告失踪",
    "conscript": "现役义务兵",
    "provincial_other": "省级民政部门规定的其他情形",
}
DISABILITY_CATEGORIES = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
HEALTH = {"healthy": "健康", "chronic": "慢性病", "serious": "重特大疾病"}
LABOUR = {"full": "有劳动能力", "partial": "部分丧失劳动能力", "none": "无劳动能力"}
# 户籍性质: the registered residence type printed on the 审批表 ("" = not recorded).
HUKOU_TYPES = {"rural": "农业", "urban": "非农业", "resident": "居民"}
# 民族: the 56 nationalities as printed (GB 3304), 汉族 first; stored as the printed name.
ETHNICITIES = (
    "汉族",
    "回族",
    "满族",
    "蒙古族",
    "壮族",
    "维吾尔族",
    "藏族",
    "苗族",
    "彝族",
    "土家族",
    "布依族",
    "侗族",
    "瑶族",
    "朝鲜族",
    "白族",
    "哈尼族",
    "哈萨克族",
    "黎族",
    "傣族",
    "畲族",
    "傈僳族",
    "仡佬族",
    "东乡族",
    "高山族",
    "拉祜族",
    "水族",
    "佤族",
    "纳西族",
    "羌族",
    "土族",
    "仫佬族",
    "锡伯族",
    "柯尔克孜族",
    "达斡尔族",
    "景颇族",
    "毛南族",
    "撒拉族",
    "布朗族",
    "塔吉克族",
    "阿昌族",
    "普米族",
    "鄂温克族",
    "怒族",
    "京族",
    "基诺族",
    "德昂族",
    "保安族",
    "俄罗斯族",
    "裕固族",
    "乌孜别克族",
    "门巴族",
    "鄂伦春族",
    "独龙族",
    "塔塔尔族",
    "赫哲族",
    "珞巴族",
)

# Income categories (DOMAIN §2.7). transfer_out is entered as a positive amount and reduces the
# household income. The last three are kept on file but never counted.
INCOME_CATEGORIES = {
    "wage": "工资性收入",
    "business": "经营净收入",
    "property": "财产净收入",
    "transfer_in": "转移性收入",
    "transfer_out": "转移性支出（抵减）",
    "other": "其他收入",
    "pension_basic": "城乡居民基础养老金（不计入）",
    "award": "优待抚恤金/奖励扶助金（不计入）",
    "assistance": "社会救助金（不计入）",
}
COUNTED_INCOME = frozenset({"wage", "business", "property", "transfer_in", "transfer_out", "other"})

ASSET_KINDS = {
    "deposit": "存款",
    "securities": "有价证券",
    "fund": "基金",
    "insurance": "商业保险",
    "claim": "债权",
    "internet_finance": "互联网金融资产",
    "vehicle": "车辆",
    "house": "房屋",
    "timber": "林木等定着物",
    "other": "其他",
}
ACCOUNT_KIND_LABELS = {"bank_card": "银行卡", "bank_book": "存折", "social_security_card": "社保卡"}


@dataclass(frozen=True)
class TownshipView:
    id: int
    code: str
    name: str
    kind: str
    villages: tuple[VillageView, ...] = ()


@dataclass(frozen=True)
class VillageView:
    id: int
    township_id: int
    name: str
    code: str | None
    is_community: bool


@dataclass(frozen=True)
class HouseholdInput:
    """What the household form edits. 代管 (``entrusted``) needs the agreement number and date.
    ``phone=None`` on an update keeps the stored number (forms only hold the masked one)."""

    village_id: int
    area_type: str  # "urban" | "rural"
    address: str = ""
    phone: str | None = ""
    entrusted: bool = False
    entrust_agreement_no: str = ""
    entrust_agreement_date: date | None = None
    near_dibao: bool = False
    note: str = ""


@dataclass(frozen=True)
class HouseholdView:
    id: int
    village_id: int
    village_name: str
    township_name: str
    area_type: str
    address: str
    phone: str  # masked unless revealed
    entrusted: bool
    entrust_agreement_no: str
    entrust_agreement_date: date | None
    near_dibao: bool
    note: str
    version: int


@dataclass(frozen=True)
class PersonInput:
    """What the member form edits. The ID number is validated (GB 11643) and normalised;
    birth date and sex are derived from it."""

    name: str
    id_number: str
    relation: str = "head"
    counted: bool = True
    exclusion_reason: str | None = None
    disability_category: str | None = None
    disability_level: int | None = None
    health: str = "healthy"
    labour_capacity: str = "full"
    schooling: str = ""
    employment: str = ""
    near_relative_of_staff: bool = False
    staff_relation_note: str = ""
    id_type: str = "resident"
    deceased_on: date | None = None
    ethnicity: str = ""  # 民族 as printed ("汉族"); "" = not recorded
    hukou_type: str = ""  # 户籍性质: a HUKOU_TYPES code or ""


@dataclass(frozen=True)
class PersonView:
    id: int
    household_id: int
    name: str
    id_number: str  # masked (410482********0022) unless revealed
    id_number_old: str | None  # masked likewise
    birth_date: date
    sex: str
    relation: str
    counted: bool
    exclusion_reason: str | None
    disability_category: str | None
    disability_level: int | None
    health: str
    labour_capacity: str
    schooling: str
    employment: str
    near_relative_of_staff: bool
    staff_relation_note: str
    deceased_on: date | None
    id_type: str
    version: int
    ethnicity: str = ""
    hukou_type: str = ""


@dataclass(frozen=True)
class IncomeView:
    id: int
    household_id: int
    person_id: int | None
    category: str
    description: str
    monthly_fen: int  # as entered (positive)
    counted: bool  # counted category
    effect_fen: int  # what it adds to the household total: 0, +amount or -amount


@dataclass(frozen=True)
class IncomeSummary:
    """Monthly household income over the counted members (DOMAIN §2.7)."""

    total_counted_fen: int
    per_capita_fen: int | None  # None when no member is counted
    counted_members: int
    items: tuple[IncomeView, ...]


@dataclass(frozen=True)
class AssetView:
    id: int
    household_id: int
    kind: str
    description: str
    value_fen: int
    exempt: bool


@dataclass(frozen=True)
class AccountView:
    id: int
    household_id: int
    payee_person_id: int
    payee_name: str
    kind: str
    bank_name: str
    holder_name: str
    number: str  # masked (**** **** 1234) unless revealed
    active: bool
    version: int
    effective_month: date | None = None  # first month paid into it
    end_month: date | None = None  # last month paid into it, once stopped
    stop_reason: str = ""


@dataclass(frozen=True)
class AccountResult:
    """A saved account plus the non-blocking warnings (e.g. Luhn) the clerk should confirm."""

    account: AccountView
    warnings: tuple[str, ...] = ()
    replaced_account_id: int | None = None


@dataclass(frozen=True)
class HouseholdDetail:
    household: HouseholdView
    members: tuple[PersonView, ...]
    income: IncomeSummary
    assets: tuple[AssetView, ...]
    accounts: tuple[AccountView, ...]
    revealed: bool = False


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the big household list."""

    household_id: int
    head_name: str
    head_id_masked: str
    village_id: int
    village_name: str
    area_type: str
    members: int
    programme: str | None  # of the household's current enrollment
    enrollment_status: str | None
    amount_fen: int | None
    entrusted: bool
    near_dibao: bool


@dataclass(frozen=True)
class HouseholdSummaryPage:
    rows: tuple[HouseholdRow, ...]
    total: int
    offset: int
    limit: int
