"""家庭经济状况入户调查表 from a stored visit (DOMAIN §2.9, §6.3).

Members come from the visit's ``member_details`` (what the team found) matched by name to the
household register for relation, ID number, disability and income items; without details the
register's living members are printed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...documents.forms_data import IncomeItem, MemberSituation, VisitRecordData, WorkingLine
from ...domain.money import fen_to_yuan
from ...errors import NotFound
from ...models import Application, Household, Person, Visit
from ...models import IncomeItem as IncomeRow
from ..register.types import HEALTH, INCOME_CATEGORIES, LABOUR, RELATION_LABELS
from ..visits import HOUSING_TYPES, MODES, SPENDING_ITEMS, STRUCTURES
from ..visits import RECOMMENDATIONS as RECOMMENDATION_WORDS
from .cases import _income_effect, _village, supporters_from_json
from .common import disability_text, office_for_print

__all__ = ["load_visit", "visit_record_data"]

# The editor's vocabulary (services.visits) plus the keys older records and imports used.
RECOMMENDATIONS = {
    **RECOMMENDATION_WORDS,
    "eligible": "符合条件，建议纳入",
    "not_eligible": "不符合条件，建议不予纳入",
    "recheck": "建议复查",
}
SPENDING = {
    **SPENDING_ITEMS,
    **{f"{k}_fen": v for k, v in SPENDING_ITEMS.items()},
    "non_basic_fen": "非基本生活用品支出",
    "non_basic": "非基本生活用品支出",
    "rent_fen": "月房租",
    "rent": "月房租",
}
HOUSING = (
    ("type", "类型"),
    ("structure", "结构"),
    ("area_m2", "面积（平方米）"),
    ("rooms", "间数"),
    ("decoration", "装修"),
    ("owner", "产权人"),
    ("note", "说明"),
)
HOUSING_WORDS = {"type": HOUSING_TYPES, "structure": STRUCTURES}


def load_visit(s: Session, visit_id: int) -> Visit:
    v = s.get(Visit, visit_id)
    if v is None:
        raise NotFound(f"入户调查记录 #{visit_id} 不存在。", code="visit.not_found")
    return v


def _names(rows: list[Any]) -> tuple[str, ...]:
    out: list[str] = []
    for r in rows or []:
        name = str(r.get("name", "") if isinstance(r, dict) else r).strip()
        if name:
            out.append(name)
    return tuple(out)


def _housing(h: dict[str, Any]) -> str:
    """Housing in words: codes through the editor's vocabulary, unknown keys left out (an
    internal key never reaches paper)."""
    parts = []
    for key, label in HOUSING:
        value = h.get(key)
        if value in (None, "", 0, 0.0):
            continue
        words = HOUSING_WORDS.get(key, {})
        parts.append(f"{label}：{words.get(str(value), value)}")
    return "；".join(parts)


def _recommendation(stored: str) -> str:
    """ "approve|补充说明" → "符合条件，建议纳入；补充说明"."""
    code, _sep, text = stored.partition("|")
    if code in RECOMMENDATIONS:
        return "；".join(x for x in (RECOMMENDATIONS[code], text.strip()) if x)
    return stored


def _spending(sp: dict[str, Any]) -> tuple[WorkingLine, ...]:
    out = []
    for key, value in sp.items():
        label = SPENDING.get(key)
        if label is None or str(value).strip() == "":
            continue
        if key.endswith("_fen") and isinstance(value, int):
            text = f"{fen_to_yuan(value)} 元"
        else:
            text = f"{value} 元" if str(value).replace(".", "", 1).isdigit() else str(value)
        out.append(WorkingLine(label, text))
    return tuple(out)


def _incomes(s: Session, household_id: int) -> dict[int | None, list[IncomeItem]]:
    out: dict[int | None, list[IncomeItem]] = {}
    for item in s.scalars(
        select(IncomeRow).where(IncomeRow.household_id == household_id).order_by(IncomeRow.id)
    ):
        if item.counted:
            out.setdefault(item.person_id, []).append(
                IncomeItem(
                    INCOME_CATEGORIES.get(item.category, item.category),
                    _income_effect(item),
                    item.description,
                )
            )
    return out


def visit_record_data(s: Session, v: Visit) -> VisitRecordData:
    household = s.get(Household, v.household_id)
    if household is None:
        raise NotFound(f"家庭 #{v.household_id} 不存在。", code="household.not_found")
    village, township = _village(s, household)
    app = s.get(Application, v.application_id) if v.application_id else None
    persons = list(
        s.scalars(select(Person).where(Person.household_id == household.id).order_by(Person.id))
    )
    head = next((p for p in persons if p.relation == "head"), persons[0] if persons else None)
    applicant = s.get(Person, app.applicant_id) if app is not None else head
    by_name = {p.name: p for p in persons}
    incomes = _incomes(s, household.id)
    details = [d for d in v.member_details or [] if isinstance(d, dict) and d.get("name")]
    if not details:
        details = [
            {"name": p.name}
            for p in persons
            if p.deceased_on is None or p.deceased_on > v.visit_date
        ]
    members = []
    for d in details:
        p = by_name.get(str(d["name"]))
        relation = (
            "本人"
            if p is not None and applicant is not None and p.id == applicant.id
            else RELATION_LABELS.get(p.relation, p.relation)
            if p is not None
            else str(d.get("relation", ""))
        )
        health = str(d.get("health") or (p.health if p else ""))
        work = str(d.get("work") or (p.employment if p else ""))
        labour = str(d.get("labour") or (p.labour_capacity if p else ""))
        if labour and labour != "full":
            work = "，".join(x for x in (work, LABOUR.get(labour, labour)) if x)
        members.append(
            MemberSituation(
                name=str(d["name"]),
                relation=relation,
                id_number=p.id_number if p is not None else str(d.get("id_number", "")),
                health=HEALTH.get(health, health),
                disability=disability_text(p.disability_category, p.disability_level) if p else "",
                work_status=work,
                income_by_category=tuple(incomes.get(p.id, [])) if p else (),
            )
        )
    # household-shared income gets its own row: it is no one member's (the head's total
    # stays his own) but it counts in the household's total and per-capita
    household_level = tuple(incomes.get(None, []))
    programme = (
        app.programme
        if app is not None
        else ("urban_dibao" if household.area_type == "urban" else "rural_dibao")
    )
    units = tuple(
        dict.fromkeys(
            str(r.get("unit", "")).strip()
            for r in v.investigators or []
            if isinstance(r, dict) and str(r.get("unit", "")).strip()
        )
    )
    return VisitRecordData(
        office=office_for_print(s, township),
        programme=programme,  # type: ignore[arg-type]
        file_no=(app.file_no or f"#{app.id}") if app is not None else f"V{v.id}",
        village=village,
        applicant_name=applicant.name if applicant is not None else "",
        address=household.address,
        visited_at=v.visit_date,
        mode=MODES.get(v.mode, v.mode),
        investigators=_names(v.investigators),
        members_present=_names(v.members_present),
        members=tuple(members),
        housing=_housing(dict(v.housing or {})),
        durable_goods=v.durable_goods,
        vehicles=v.vehicles,
        livestock=v.livestock,
        land=v.land,
        supporters=supporters_from_json(v.supporters or []),
        spending=_spending(dict(v.spending or {})),
        opinion=v.opinion,
        recommendation=_recommendation(v.recommendation or ""),
        investigator_units=units,
        household_income=household_level,
        members_signed=tuple(
            str(r.get("name", "")).strip()
            for r in v.members_present or []
            if isinstance(r, dict) and r.get("signed") is True
        ),
    )
