"""Plain data handed from services to the document builders.

Services fill these frozen dataclasses from the database; the builders in
``reliefdesk.documents.pdf`` turn them into PDF bytes.  Nothing here touches the
database or Qt.  Money is integer fen (分) throughout; dates are ``datetime.date``;
months are ``"YYYY-MM"`` strings because that is how they are printed (所属期).

Privacy is partly structural: ``NoticeEntry`` (公示 line) has no field for an ID
number, phone or account, so a notice cannot print one by accident (DOMAIN §2.11, §10.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from reliefdesk.domain.money import fen_to_yuan

from ..domain.programmes import PROGRAMME_NAMES as _PROGRAMME_NAMES

Programme = Literal["urban_dibao", "rural_dibao", "tekun", "temporary_aid"]

#: Printed names of the programmes (保障类别): :data:`reliefdesk.domain.programmes.PROGRAMME_NAMES`.
PROGRAMME_NAMES = _PROGRAMME_NAMES

#: The six self-care indicators (生活自理能力评估, DOMAIN §3.4), in printed order.
SELF_CARE_ITEMS: tuple[str, ...] = (
    "自主吃饭",
    "自主穿衣",
    "自主上下床",
    "自主如厕",
    "室内自主行走",
    "自主洗澡",
)


@dataclass(frozen=True, slots=True)
class Office:
    """The issuing township office; titles and contact lines come from here."""

    county: str  # e.g. 汝州市
    township: str  # e.g. 温泉镇
    office_name: str  # e.g. 温泉镇人民政府
    phone: str  # township contact phone printed on notices
    policy_url: str  # ASCII URL encoded in the QR code


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One member of the household as printed in the members table."""

    name: str
    relation: str  # 与申请人关系: 本人/配偶/子女...
    id_number: str
    sex: str  # 男/女
    age: int
    health: str = "健康"  # 健康/多病/重病/...
    disability: str = ""  # 残疾类别/等级, "" when none
    labour_capacity: str = ""  # 有/部分丧失/完全丧失
    employment: str = ""  # 学龄前/在校/在职/灵活就业/登记失业/未登记失业/退休/务农
    schooling: str = ""  # 学历/在校情况
    monthly_income_fen: int = 0
    counted: bool = True  # 是否计入共同生活家庭成员


@dataclass(frozen=True, slots=True)
class WorkingLine:
    """One printed line of a benefit calculation, e.g. ("差额", "325.00 元")."""

    label: str
    value: str

    @classmethod
    def from_domain(cls, line: Any) -> WorkingLine:
        """Convert a ``reliefdesk.domain.benefits.WorkingLine`` (``label_zh``, ``value``)."""
        label = getattr(line, "label", None) or line.label_zh
        return cls(str(label), str(line.value))


@dataclass(frozen=True, slots=True)
class Opinion:
    """One approval step's opinion (村/乡镇/县), DOMAIN §6.6."""

    step: str  # "village" | "township" | "county" (or any code; role is printed)
    role: str  # printed heading, e.g. "村(居)委会意见"
    user: str  # who recorded it in the system ("" = not yet)
    decision: str  # 同意/不同意/...
    opinion: str
    date: date | None = None


@dataclass(frozen=True, slots=True)
class IncomeItem:
    """Household monthly income of one category (工资性, 经营, 财产...)."""

    category: str
    monthly_fen: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class AssetItem:
    """One asset line: kind (住房/车辆/存款...), description, optional value in fen."""

    kind: str
    description: str
    value_fen: int | None = None


@dataclass(frozen=True, slots=True)
class Supporter:
    """A statutory supporter (赡养/扶养/抚养义务人) living elsewhere."""

    name: str
    relation: str
    age: int | None = None
    household_size: int | None = None
    monthly_income_fen: int | None = None
    capacity: str = ""  # 赡养能力 description


@dataclass(frozen=True, slots=True)
class SelfCareItem:
    """One of the six self-care indicators and whether the person achieves it."""

    item: str
    achieved: bool


def care_tier_for(items: tuple[SelfCareItem, ...]) -> str:
    """Derive 全自理/半失能/全失能 from the six indicators (DOMAIN §3.4)."""
    missing = sum(1 for it in items if not it.achieved)
    if missing == 0:
        return "全自理"
    if missing <= 3:
        return "半失能"
    return "全失能"


@dataclass(frozen=True, slots=True)
class ApplicationFormData:
    """Everything printed on a 申请审批表 (dibao, tekun or temporary aid)."""

    programme: Programme
    office: Office
    file_no: str
    applied_on: date
    village: str
    applicant: PersonRow
    address: str
    phone: str
    members: tuple[PersonRow, ...]  # includes the applicant (relation 本人)
    reason: str
    ethnicity: str = ""  # 民族 as recorded on the person ("" = not recorded, printed blank)
    hukou_type: str = ""  # 户籍性质: 农业/非农业/居民
    income_items: tuple[IncomeItem, ...] = ()
    assets: tuple[AssetItem, ...] = ()
    supporters: tuple[Supporter, ...] = ()
    category: str = ""  # 保障类别/档次 as decided, e.g. "A类"
    # tekun (特困)
    supply_mode: str = ""  # 集中/分散
    self_care: tuple[SelfCareItem, ...] = ()
    carer: str = ""  # 护理人员 or institution
    # temporary aid (临时救助)
    aid_type: str = ""  # 急难/支出
    cause: str = ""
    requested_fen: int | None = None
    advance_aid: bool = False  # 先行救助
    advance_aid_date: date | None = None
    # calculation
    amount_fen: int | None = None  # 户月保障金额 / 供养金 / 救助金额
    working: tuple[WorkingLine, ...] = ()
    start_month: str = ""  # 起始发放年月 "YYYY-MM"
    # workflow
    investigators: tuple[str, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    notice_start: date | None = None
    notice_end: date | None = None
    materials: tuple[tuple[str, bool], ...] = ()  # 申请材料 (label, received), checklist order
    notice_result: str = ""  # e.g. 无异议

    @property
    def care_tier(self) -> str:
        """照料护理档次 derived from the six self-care items ("" if not assessed)."""
        return care_tier_for(self.self_care) if self.self_care else ""

    @property
    def counted_members(self) -> int:
        """Number of members counted in the household (保障人数)."""
        return sum(1 for m in self.members if m.counted)


@dataclass(frozen=True, slots=True)
class MemberSituation:
    """Per-member findings of a home visit (health, work, income by category)."""

    name: str
    relation: str
    id_number: str
    health: str = "健康"
    disability: str = ""
    work_status: str = ""
    income_by_category: tuple[IncomeItem, ...] = ()

    @property
    def monthly_income_fen(self) -> int:
        """Total monthly income of this member."""
        return sum(i.monthly_fen for i in self.income_by_category)


@dataclass(frozen=True, slots=True)
class VisitRecordData:
    """家庭经济状况入户调查表 (DOMAIN §2.9, §6.3)."""

    office: Office
    programme: Programme
    file_no: str
    village: str
    applicant_name: str
    address: str
    visited_at: date
    mode: str  # 实地/电话/视频
    investigators: tuple[str, ...]  # at least two (每组调查人员不得少于2人)
    members_present: tuple[str, ...]
    members: tuple[MemberSituation, ...]
    housing: str = ""  # type, structure, area, decoration
    durable_goods: str = ""
    vehicles: str = ""
    livestock: str = ""
    land: str = ""
    supporters: tuple[Supporter, ...] = ()
    spending: tuple[WorkingLine, ...] = ()  # 月水电燃料费, 月通讯费, ...
    opinion: str = ""
    recommendation: str = ""
    investigator_units: tuple[str, ...] = ()
    household_income: tuple[IncomeItem, ...] = ()  # shared by the household (no one member's)
    members_signed: tuple[str, ...] = ()  # members present who signed at the visit


@dataclass(frozen=True, slots=True)
class NoticeEntry:
    """One 公示 line.  Deliberately no ID, phone, address or account field."""

    name: str
    household_size: int
    amount_fen: int
    village: str
    programme: str  # printed category, e.g. 农村低保 / 特困 分散
    one_off: bool = False  # 临时救助: a one-off sum, printed as such (never "元/月")

    @property
    def amount_text(self) -> str:
        """ "723.00/月" for a monthly benefit, "1323.00（一次性）" for a one-off grant."""
        return fen_to_yuan(self.amount_fen) + ("（一次性）" if self.one_off else "/月")


@dataclass(frozen=True, slots=True)
class NoticeData:
    """A 公示/公布 sheet for the village notice board."""

    office: Office
    title: str
    entries: tuple[NoticeEntry, ...]
    start: date
    end: date
    hotline: str = "12349"


@dataclass(frozen=True, slots=True)
class DecisionLetterData:
    """确认通知书 (kind="confirm") or 不予确认告知书 (kind="refuse")."""

    office: Office
    kind: Literal["confirm", "refuse"]
    name: str
    programme: Programme
    amount_fen: int | None
    start_month: str  # "YYYY-MM"; "" for refusals
    reasons: tuple[str, ...]
    date: date
    file_no: str


@dataclass(frozen=True, slots=True)
class AidReceiptData:
    """临时救助金领款收据: the receipt a family signs when a grant is paid in cash."""

    office: Office
    name: str  # the payee
    id_number: str  # masked
    amount_fen: int  # the one-off sum
    cause: str
    file_no: str
    approved_on: date
    receipt_no: str  # "" when numbered by hand


@dataclass(frozen=True, slots=True)
class RosterPrintLine:
    """One line of the internal monthly roster (DOMAIN §7.2 A, 16 columns)."""

    seq: int
    township: str
    village: str
    payee: str
    id_number: str
    category: str
    persons: int
    standard_fen: int
    per_capita_income_fen: int | None
    due_fen: int
    adjustment_fen: int = 0
    adjustment_reason: str = ""
    paid_fen: int = 0
    account: str = ""
    bank: str = ""
    change_flag: str = ""  # 新增/调增/调减/停发/补发
    note: str = ""


@dataclass(frozen=True, slots=True)
class RosterTotals:
    """Footer totals: 户数, 人数, 金额 (paid)."""

    households: int
    persons: int
    paid_fen: int


def roster_totals(lines: tuple[RosterPrintLine, ...] | list[RosterPrintLine]) -> RosterTotals:
    """Sum a roster's lines (the printed footer must equal the sum of rows)."""
    return RosterTotals(
        households=len(lines),
        persons=sum(x.persons for x in lines),
        paid_fen=sum(x.paid_fen for x in lines),
    )


@dataclass(frozen=True, slots=True)
class RosterPrintData:
    """A monthly payment roster printout (发放花名册, internal)."""

    office: Office
    month: str  # 所属期 "YYYY-MM"
    programme: str  # printed programme name
    lines: tuple[RosterPrintLine, ...]
    totals: RosterTotals | None = None  # None -> computed from lines
    made_on: date | None = None  # 制表日期
    one_off: bool = False  # 临时救助发放名册: one-off sums, never per month
    roster_hash: str = ""  # the lock SHA-256 ("" for a draft)
    audit_head: str = ""  # the audit chain head COUNT:HASH when printed


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One line of a 变动名册: who changed, how, why, old and new amount."""

    seq: int
    village: str
    payee: str
    id_number: str
    category: str
    persons_before: int
    persons_after: int
    previous_fen: int
    new_fen: int
    change_flag: str  # 新增/调增/调减/停发/补发
    reason: str
    effective_month: str = ""

    @property
    def delta_fen(self) -> int:
        """New minus previous amount."""
        return self.new_fen - self.previous_fen


@dataclass(frozen=True, slots=True)
class ChangeRosterData:
    """变动名册 for one month and programme."""

    office: Office
    month: str
    programme: str
    lines: tuple[ChangeLine, ...]
    made_on: date | None = None
