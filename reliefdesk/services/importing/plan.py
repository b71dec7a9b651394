"""From legacy tables to household plans: group rows into households (one row per person, or
one row per household with members across columns), normalise every value and list every
problem row by row. No database here; :mod:`.checks` compares the plans with the register.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...documents.legacy import LegacyTable, normalise_label
from ...domain.accounts import check_account, normalize_account
from ...domain.legacy_values import (
    IdCell,
    area_code,
    care_tier_of,
    cell_text,
    clean_id,
    is_total_label,
    parse_amount,
    parse_count,
    parse_legacy_date,
    programme_of,
    relation_of,
)
from ...errors import ValidationError

__all__ = [
    "HouseholdPlan",
    "MemberPlan",
    "Problem",
    "account_kind",
    "build_plans",
    "resolve_mapping",
    "shape_of",
]

HOUSEHOLD_FIELDS = (
    "household_no",
    "head_name",
    "head_id",
    "programme",
    "care_mode",
    "care_tier",
    "area_type",
    "persons",
    "household_size",
    "amount",
    "bank",
    "account",
    "holder",
    "village",
    "address",
    "start_month",
    "approved_on",
    "document_no",
    "phone",
    "head_covered",
)


_TOTAL_SCAN_ROWS = 3  # rows looked at below a table for a 合计 line
_CJK_START = 0x2E80  # first CJK radical: text beyond it is Chinese
_CARD_MIN_DIGITS = 16  # bank card length range, as domain.accounts.check_account enforces
_CARD_MAX_DIGITS = 19


@dataclass(frozen=True)
class Problem:
    """One problem on one row; ``severity`` error (the household is not imported) or warning
    (imported and flagged)."""

    sheet: str
    row: int
    code: str
    message: str
    severity: str = "error"
    key: str = ""
    name: str = ""


@dataclass
class MemberPlan:
    name: str
    id_number: str | None
    id_old: str | None
    relation: str
    row: int
    birth: date | None = None
    sex: str | None = None
    covered: bool = True  # False: the head is on file but not covered (户主不享受, 单人保)


@dataclass
class HouseholdPlan:
    """A household as the sheet says it; ``key`` is the head's ID number."""

    sheet: str
    rows: list[int]
    key: str
    head_name: str
    programme: str | None = None
    care_mode: str | None = None
    care_tier: str | None = None  # tekun self-care code (none | partial | full)
    single: bool = False
    declared_persons: int = 0
    members: list[MemberPlan] = field(default_factory=list)
    skipped_members: int = 0
    amount_fen: int | None = None
    row_amounts: list[int] = field(default_factory=list)  # every amount cell of its rows
    bank: str = ""
    account: str = ""
    holder: str = ""
    village: str = ""
    address: str = ""
    phone: str = ""
    area_type: str = "rural"
    start_month: date | None = None
    approved_on: date | None = None
    document_no: str = ""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def persons(self) -> int:
        """Persons covered: the sheet's 保障人数, else the covered members listed."""
        return max(self.declared_persons, self.listed + self.skipped_members, 1)

    @property
    def listed(self) -> int:
        """Covered members listed with a usable ID number."""
        return sum(1 for m in self.members if m.covered)

    @property
    def incomplete(self) -> bool:
        """待补录: fewer members listed than covered."""
        return self.listed < self.persons

    def problem(self, row: int, code: str, message: str, severity: str = "error") -> None:
        p = Problem(self.sheet, row, code, message, severity, self.key, self.head_name)
        (self.errors if severity == "error" else self.warnings).append(p)

    def content_hash(self) -> str:
        """Equal for equal facts: what a re-import compares."""
        facts = [
            self.programme,
            self.care_mode,
            self.care_tier,
            self.single,
            self.persons,
            self.amount_fen,
            self.bank,
            self.account,
            self.holder,
            self.village,
            self.address,
            self.phone,
            self.area_type,
            str(self.start_month),
            str(self.approved_on),
            self.document_no,
            sorted((m.id_number or "", m.name, m.relation, m.covered) for m in self.members),
        ]
        return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()


def resolve_mapping(table: LegacyTable, override: dict[str, str] | None) -> dict[str, int]:
    """The table's automatic mapping with the user's corrections (field -> header label;
    an empty label removes the field). Labels not in this sheet are ignored."""
    mapping = dict(table.mapping)
    if override:
        index = {normalise_label(label): i for i, label in enumerate(table.labels)}
        for fld, label in override.items():
            if not label:
                mapping.pop(fld, None)
                continue
            col = index.get(normalise_label(label))
            if col is not None:
                for other in [f for f, c in mapping.items() if c == col and f != fld]:
                    mapping.pop(other)
                mapping[fld] = col
    return mapping


def shape_of(mappings: list[dict[str, int]]) -> str:
    """ "person" when rows are persons (a 与户主关系 column, or a person's ID next to the head's
    ID without the head's name: the provincial 人员 export), else "household" (the 家庭 export,
    台账 with members across columns or listed together in one cell)."""
    for m in mappings:
        if "relation" in m or ("head_id" in m and "id_number" in m and "head_name" not in m):
            return "person"
    return "household"


def _get(row: list[Any], mapping: dict[str, int], fld: str) -> Any:
    col = mapping.get(fld)
    if col is None or col >= len(row):
        return None
    value = row[col]
    return None if value == "" else value


def _skip(row: list[Any]) -> bool:
    """A blank row, or a 小计/合计/footer row (judged by its first three filled cells)."""
    seen = 0
    for v in row:
        if v is None or v == "":
            continue
        t = v if isinstance(v, str) else ""
        if t and not t.strip():
            continue
        if t and is_total_label(cell_text(t)):
            return True
        seen += 1
        if seen >= _TOTAL_SCAN_ROWS:
            return False
    return seen == 0


def build_plans(
    tables: list[LegacyTable], override: dict[str, str] | None = None, today: date | None = None
) -> tuple[str, list[HouseholdPlan], list[Problem]]:
    """Group and normalise every table; returns (shape, households, row problems that belong
    to no household)."""
    mappings = [resolve_mapping(t, override) for t in tables]
    shape = shape_of(mappings)
    plans: list[HouseholdPlan] = []
    loose: list[Problem] = []
    for table, mapping in zip(tables, mappings, strict=True):
        if shape == "person":
            _person_rows(table, mapping, plans, today)
        else:
            _household_rows(table, mapping, plans, today)
    _cross_checks(plans)
    return shape, plans, loose


def _household_facts(
    plan: HouseholdPlan, row: list[Any], mapping: dict[str, int], row_no: int
) -> None:
    """Fill household-level facts from a row (first non-empty value wins)."""

    def take(fld: str) -> Any:
        return _get(row, mapping, fld)

    if take("amount") is not None:
        try:
            fen = parse_amount(take("amount"))
        except ValidationError:
            plan.problem(row_no, "amount.format", f"金额无法识别：{cell_text(take('amount'))}")
        else:
            if fen is not None:
                plan.row_amounts.append(fen)
                if plan.amount_fen is None:
                    plan.amount_fen = fen
    if not plan.declared_persons:
        plan.declared_persons = parse_count(take("persons")) or 0
    for attr, fld in (
        ("bank", "bank"),
        ("holder", "holder"),
        ("village", "village"),
        ("address", "address"),
        ("phone", "phone"),
        ("document_no", "document_no"),
    ):
        if not getattr(plan, attr) and take(fld) is not None:
            setattr(plan, attr, cell_text(take(fld))[:64])
    if not plan.account and take("account") is not None:
        plan.account = normalize_account(cell_text(take("account")).lstrip("'"))
    if plan.care_tier is None and take("care_tier") is not None:
        plan.care_tier = care_tier_of(take("care_tier"))
    if take("area_type") is not None:
        plan.area_type = area_code(take("area_type")) or plan.area_type
    if plan.programme is None and take("programme") is not None:
        found = programme_of(take("programme"), area_code(take("area_type")), take("care_mode"))
        if found is None:
            plan.problem(
                row_no, "programme.unknown", f"保障类别无法识别：{cell_text(take('programme'))}"
            )
        else:
            plan.programme, plan.care_mode, plan.single = found
            if plan.programme == "urban_dibao":
                plan.area_type = "urban"
    elif plan.programme is not None and take("programme") is not None:
        found = programme_of(take("programme"), area_code(take("area_type")), take("care_mode"))
        if found is not None and found[0] != plan.programme:
            plan.problem(
                row_no,
                "household.two_programmes",
                f"同一户出现两个保障类别：{cell_text(take('programme'))}",
            )
    for attr, fld in (("start_month", "start_month"), ("approved_on", "approved_on")):
        if getattr(plan, attr) is None and take(fld) is not None:
            try:
                setattr(plan, attr, parse_legacy_date(take(fld)))
            except ValidationError as exc:
                plan.problem(row_no, "date.format", exc.message, "warning")


def clean_name(value: Any) -> str:
    """A name as typed: spaces used to align two-character names (张  三) dropped; a name in
    Latin letters keeps single spaces."""
    text = cell_text(value)
    if any(ord(ch) > _CJK_START for ch in text):
        return "".join(text.split())
    return " ".join(text.split())


def _member(
    plan: HouseholdPlan,
    name: Any,
    id_value: Any,
    relation: str,
    row_no: int,
    today: date | None,
    *,
    head: bool = False,
    cell: IdCell | None = None,
    covered: bool = True,
) -> None:
    cell = cell if cell is not None else clean_id(id_value, today)
    name_text = clean_name(name)
    if cell.number is None:
        if head:
            plan.problem(
                row_no, cell.problem or "id.unreadable", f"户主{name_text}：{cell.message}"
            )
        else:
            plan.skipped_members += 1
            plan.problem(
                row_no,
                cell.problem or "id.unreadable",
                f"成员{name_text}：{cell.message}；该成员未导入，本户按待补录处理",
                "warning",
            )
        return
    plan.members.append(
        MemberPlan(
            name_text, cell.number, cell.old, relation, row_no, cell.birth, cell.sex, covered
        )
    )


def _person_rows(
    table: LegacyTable,
    mapping: dict[str, int],
    plans: list[HouseholdPlan],
    today: date | None,
) -> None:
    """One row per person. Rows join their household by 户号 (filled down under the head when
    left blank or merged), else by the head's ID number (the provincial 人员 export: empty on
    the head's own row; rows need not be sorted), else by order: a head row starts one."""
    by_group: dict[str, HouseholdPlan] = {}
    current: HouseholdPlan | None = None
    last_no = ""
    for row_no, row in table.rows:
        if _skip(row):
            continue
        name = _get(row, mapping, "name")
        if name is None:
            name = _get(row, mapping, "head_name")
        own = clean_id(_get(row, mapping, "id_number"), today)
        raw_head = _get(row, mapping, "head_id")
        head_id = clean_id(raw_head, today) if raw_head is not None else None
        rel = relation_of(_get(row, mapping, "relation"))
        if rel is None:
            rel = "head" if head_id is None or head_id.number == own.number else "other"
        elif (
            rel == "head"
            and head_id is not None
            and head_id.number
            and head_id.number != own.number
        ):
            rel = "other"
        is_head = rel == "head"
        if "household_no" in mapping:
            group = cell_text(_get(row, mapping, "household_no")) or last_no
            last_no = group
        elif "head_id" in mapping:
            group = (head_id.number if head_id is not None else own.number) or ""
            if not group:
                group = f"?{row_no}"  # unreadable head number: a household of its own
        else:
            group = f"#{row_no}" if is_head or current is None else ""
        plan = by_group.get(group) if group else current
        if plan is None:
            plan = HouseholdPlan(
                table.sheet,
                [],
                "",
                clean_name(name if is_head else _get(row, mapping, "head_name")),
            )
            by_group[group] = plan
            plans.append(plan)
            if "head_id" in mapping and "household_no" not in mapping and not is_head:
                plan.key = head_id.number if head_id is not None and head_id.number else ""
                if not plan.key:
                    plan.problem(
                        row_no,
                        "household.no_head",
                        f"{clean_name(name)}：户主身份证号码无法识别，找不到所属户",
                    )
        current = plan
        plan.rows.append(row_no)
        _household_facts(plan, row, mapping, row_no)
        if is_head:
            if plan.key and own.number and plan.key != own.number:
                plan.problem(
                    row_no, "household.two_heads", f"{clean_name(name)}：同一户出现第二个户主"
                )
            elif own.number:
                plan.key = own.number
            plan.head_name = clean_name(name)
        covered = not (is_head and _not_covered(_get(row, mapping, "head_covered")))
        _member(
            plan,
            name,
            _get(row, mapping, "id_number"),
            rel,
            row_no,
            today,
            head=is_head,
            cell=own,
            covered=covered,
        )
    for plan in plans:
        if plan.sheet == table.sheet:
            plan.rows.sort()
            if not plan.village:
                plan.village = table.sheet


_SPLIT = re.compile(r"[、,，;；/|\n]+|\s{2,}")


def _members_in_one_cell(
    plan: HouseholdPlan, row: list[Any], mapping: dict[str, int], row_no: int, today: date | None
) -> None:
    """家庭成员姓名 / 家庭成员身份证号 holding several values each (the provincial 家庭
    export): split and pair them; the head, if listed again, is not added twice."""
    names = [x for x in _SPLIT.split(cell_text(_get(row, mapping, "name"))) if x.strip()]
    ids = [x for x in _SPLIT.split(cell_text(_get(row, mapping, "id_number"))) if x.strip()]
    if len(names) != len(ids):
        plan.problem(
            row_no,
            "members.cell",
            f"家庭成员姓名 {len(names)} 个、身份证号 {len(ids)} 个，数目不一致：成员未导入，待补录",
            "warning",
        )
        return
    for name, id_text in zip(names, ids, strict=True):
        cell = clean_id(id_text, today)
        if cell.number is not None and cell.number == plan.key:
            continue
        _member(plan, name, id_text, "other", row_no, today, cell=cell)


def _not_covered(value: Any) -> bool:
    """户主是否享受 = 否: the head is on file but not covered."""
    return cell_text(value) in ("否", "不享受", "0", "N", "n", "未享受")


def _household_rows(
    table: LegacyTable,
    mapping: dict[str, int],
    plans: list[HouseholdPlan],
    today: date | None,
) -> None:
    member_cols = sorted({int(f[6:].split("_")[0]) for f in mapping if f.startswith("member")})
    for row_no, row in table.rows:
        if _skip(row):
            continue
        name = _get(row, mapping, "head_name") or _get(row, mapping, "name")
        id_value = _get(row, mapping, "head_id") or _get(row, mapping, "id_number")
        if name is None and id_value is None:
            continue
        plan = HouseholdPlan(table.sheet, [row_no], "", cell_text(name))
        head = clean_id(id_value, today)
        plan.key = head.number or ""
        _household_facts(plan, row, mapping, row_no)
        _member(
            plan,
            name,
            id_value,
            "head",
            row_no,
            today,
            head=True,
            cell=head,
            covered=not _not_covered(_get(row, mapping, "head_covered")),
        )
        if (
            ("head_name" in mapping or "head_id" in mapping)
            and "id_number" in mapping
            and "head_id" in mapping
        ):
            _members_in_one_cell(plan, row, mapping, row_no, today)
        for n in member_cols:
            m_name = _get(row, mapping, f"member{n}_name")
            m_id = _get(row, mapping, f"member{n}_id")
            if m_name is None and m_id is None:
                continue
            rel = relation_of(_get(row, mapping, f"member{n}_relation")) or "other"
            _member(plan, m_name, m_id, rel, row_no, today)
        if not plan.village:
            plan.village = table.sheet
        plans.append(plan)


def _cross_checks(plans: list[HouseholdPlan]) -> None:
    """Problems that need the whole file: a person in two households, a household twice (in
    two programmes, or the same one), and each household's own completeness."""
    seen: dict[str, HouseholdPlan] = {}
    by_key: dict[str, HouseholdPlan] = {}
    for plan in plans:
        if plan.key:
            other = by_key.get(plan.key)
            if other is not None:
                if other.programme != plan.programme:
                    msg = (
                        f"同一户在两个保障类别中：{other.sheet} 第 {other.rows[0]} 行与"
                        f" {plan.sheet} 第 {plan.rows[0]} 行"
                    )
                    code = "household.two_programmes"
                else:
                    msg = (
                        f"同一户重复列出：{other.sheet} 第 {other.rows[0]} 行与 {plan.sheet}"
                        f" 第 {plan.rows[0]} 行"
                    )
                    code = "household.duplicate"
                plan.problem(plan.rows[0], code, msg)
                other.problem(other.rows[0], code, msg)
                continue
            by_key[plan.key] = plan
        for m in plan.members:
            if not m.id_number:
                continue
            first = seen.get(m.id_number)
            if first is not None and first is not plan:
                msg = (
                    f"{m.name} 同时列在两户：{first.sheet} 第 {first.rows[0]} 行户主"
                    f"{first.head_name} 与 {plan.sheet} 第 {plan.rows[0]} 行户主"
                    f"{plan.head_name}"
                )
                plan.problem(m.row, "person.two_households", msg)
                first.problem(first.rows[0], "person.two_households", msg)
            elif first is None:
                seen[m.id_number] = plan
        _own_checks(plan)


def account_kind(number: str) -> str:
    """A bank card when 16–19 digits, else a passbook (存折) number."""
    return "bank_card" if _CARD_MIN_DIGITS <= len(number) <= _CARD_MAX_DIGITS else "bank_book"


def _own_checks(plan: HouseholdPlan) -> None:
    row = plan.rows[0] if plan.rows else 0
    if len(set(plan.row_amounts)) > 1:  # an amount on each member's row: the household's sum
        plan.amount_fen = sum(plan.row_amounts)
        plan.problem(
            row,
            "amount.per_person",
            f"各成员行分别填写了金额，已按合计 {plan.amount_fen / 100:.2f} 元计为户月保障金，"
            "请核对",
            "warning",
        )
    if plan.programme is None and not any(p.code == "programme.unknown" for p in plan.errors):
        plan.problem(row, "programme.missing", "缺少保障类别")
    if plan.amount_fen is None and not any(p.code == "amount.format" for p in plan.errors):
        plan.problem(row, "amount.missing", "缺少月保障金额")
    elif plan.amount_fen is not None and plan.amount_fen <= 0:
        plan.problem(row, "amount.zero", "月保障金额应大于 0")
    if not plan.key and not any(p.code.startswith("id.") for p in plan.errors):
        plan.problem(row, "id.missing", "缺少户主身份证号码")
    if not plan.account:
        plan.problem(
            row, "account.missing", "缺少银行卡号/账号（导入后请补录，名册无法发放）", "warning"
        )
    else:
        for issue in check_account(plan.account, account_kind(plan.account)):
            plan.problem(row, issue.code, issue.message, "warning")
    if plan.incomplete and not plan.errors:
        plan.problem(
            row,
            "members.incomplete",
            f"保障人数 {plan.persons} 人，表中列出 {plan.listed} 人：其余成员待补录",
            "warning",
        )
