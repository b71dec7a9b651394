"""Households (户) and their members (家庭成员): validation, writes and search-key upkeep.

Rules enforced here: 代管 needs a written agreement (民发〔2021〕57号 第二十六条); a person belongs
to exactly one household, so an ID number already on file anywhere is refused with the household
it belongs to; ID numbers are validated per GB 11643 (lower-case x → X, 15-digit numbers
converted with the old number kept); a member not counted in the household needs an exclusion
reason (民发〔2021〕57号 第七条, DOMAIN §2.3).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.idnumber import parse_id
from ...domain.masking import mask_id
from ...errors import NotFound, RuleViolation, ValidationError
from ...models import Enrollment, EnrollmentMember, Household, Person, PersonSearchKey, Village
from .. import audit
from ..context import Actor
from ..search import ID_KEY_PREFIX, person_search_keys
from ..stale import check_version
from .types import (
    AREA_TYPES,
    DISABILITY_CATEGORIES,
    ETHNICITIES,
    EXCLUSION_LABELS,
    HEALTH,
    HUKOU_TYPES,
    LABOUR,
    RELATION_LABELS,
    HouseholdInput,
    HouseholdView,
    PersonInput,
    PersonView,
)

__all__ = [
    "add_person",
    "add_person_in",
    "check_new_id_number",
    "create_household",
    "create_household_in",
    "household_view",
    "load_household",
    "person_view",
    "update_household",
    "update_person",
    "write_search_keys",
]

RULE_ENTRUST = "民发〔2021〕57号 第二十六条"
RULE_MEMBERS = "民发〔2021〕57号 第七条"
ID_TYPES = ("resident", "hmt_residence", "foreign_permanent")


# --- views -----------------------------------------------------------------------------------


_MAX_PHONE_LENGTH = 32
_MAX_NAME_LENGTH = 64


def household_view(s: Session, h: Household, *, reveal: bool = False) -> HouseholdView:
    from ...domain.masking import mask_phone

    village = s.get(Village, h.village_id)
    township = village.township.name if village is not None else ""
    return HouseholdView(
        h.id,
        h.village_id,
        village.name if village else "",
        township,
        h.area_type,
        h.address,
        h.phone if reveal else mask_phone(h.phone),
        bool(h.entrusted),
        h.entrust_agreement_no,
        h.entrust_agreement_date,
        bool(h.near_dibao),
        h.note,
        h.version,
    )


def person_view(p: Person, *, reveal: bool = False) -> PersonView:
    number = p.id_number if reveal else mask_id(p.id_number)
    old = p.id_number_old if reveal or not p.id_number_old else mask_id(p.id_number_old)
    return PersonView(
        p.id,
        p.household_id,
        p.name,
        number,
        old,
        p.birth_date,
        p.sex,
        p.relation,
        bool(p.counted),
        p.exclusion_reason,
        p.disability_category,
        p.disability_level,
        p.health,
        p.labour_capacity,
        p.schooling,
        p.employment,
        bool(p.near_relative_of_staff),
        p.staff_relation_note,
        p.deceased_on,
        p.id_type,
        p.version,
        p.ethnicity or "",
        p.hukou_type or "",
    )


def load_household(s: Session, household_id: int) -> Household:
    h = s.get(Household, household_id)
    if h is None:
        raise NotFound(f"家庭（户号 {household_id}）不存在", code="household.not_found")
    return h


# --- households ------------------------------------------------------------------------------


def _household_fields(s: Session, data: HouseholdInput) -> dict[str, Any]:
    if s.get(Village, data.village_id) is None:
        raise ValidationError("请选择所属村（社区）", code="household.village", field="village_id")
    if data.area_type not in AREA_TYPES:
        raise ValidationError("请选择城市或农村", code="household.area_type", field="area_type")
    phone = "".join((data.phone or "").split())
    if (phone and not all(ch.isdigit() or ch in "-+" for ch in phone)) or len(
        phone
    ) > _MAX_PHONE_LENGTH:
        raise ValidationError("联系电话只能包含数字和“-”", code="household.phone", field="phone")
    agreement_no = data.entrust_agreement_no.strip()
    if data.entrusted:
        if not agreement_no:
            raise ValidationError(
                "代管存折（卡）须有书面协议：请填写代管协议编号",
                code="household.entrust_agreement",
                field="entrust_agreement_no",
                rule=RULE_ENTRUST,
            )
        if data.entrust_agreement_date is None:
            raise ValidationError(
                "代管存折（卡）须有书面协议：请填写协议签订日期",
                code="household.entrust_agreement",
                field="entrust_agreement_date",
                rule=RULE_ENTRUST,
            )
        if data.entrust_agreement_date > date.today():
            raise ValidationError(
                "代管协议签订日期不能晚于今天",
                code="household.entrust_date",
                field="entrust_agreement_date",
            )
    return {
        "village_id": data.village_id,
        "area_type": data.area_type,
        "address": data.address.strip(),
        "phone": phone,
        "entrusted": data.entrusted,
        "entrust_agreement_no": agreement_no if data.entrusted else "",
        "entrust_agreement_date": data.entrust_agreement_date if data.entrusted else None,
        "near_dibao": data.near_dibao,
        "note": data.note.strip(),
    }


def _audit_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    if "phone" in out:
        from ...domain.masking import mask_phone

        out["phone"] = mask_phone(out["phone"])
    return out


def create_household(
    db: Database, actor: Actor, data: HouseholdInput, head: PersonInput | None = None
) -> HouseholdView:
    """Register a household (optionally with its head in the same transaction)."""
    with db.session() as s:
        return create_household_in(s, actor, data, head)


def create_household_in(
    s: Session, actor: Actor, data: HouseholdInput, head: PersonInput | None = None
) -> HouseholdView:
    actor.require("register.write")
    fields = _household_fields(s, data)
    h = Household(**fields)
    s.add(h)
    s.flush()
    audit.record(
        s,
        actor,
        "household.create",
        "household",
        h.id,
        household_id=h.id,
        detail={"after": _audit_fields(fields)},
    )
    if head is not None:
        add_person_in(s, actor, h.id, head)
    return household_view(s, h)


def update_household(
    db: Database,
    actor: Actor,
    household_id: int,
    data: HouseholdInput,
    expected_version: int | None,
) -> HouseholdView:
    """Save the household form; ``expected_version`` is the version the form was loaded at."""
    actor.require("register.write")
    with db.session() as s:
        h = load_household(s, household_id)
        check_version("家庭信息", h.version, expected_version)
        if data.phone is None:
            data = replace(data, phone=h.phone)
        fields = _household_fields(s, data)
        before = {k: getattr(h, k) for k in fields}
        changed = {k: v for k, v in fields.items() if before[k] != v}
        for k, v in changed.items():
            setattr(h, k, v)
        s.flush()
        if changed:
            audit.record(
                s,
                actor,
                "household.update",
                "household",
                h.id,
                household_id=h.id,
                detail={
                    "before": _audit_fields({k: before[k] for k in changed}),
                    "after": _audit_fields(changed),
                },
            )
        return household_view(s, h)


# --- persons ---------------------------------------------------------------------------------


def _person_fields(
    s: Session, household_id: int, data: PersonInput, person_id: int | None
) -> dict[str, Any]:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError("请填写姓名", code="person.name", field="name")
    if len(name) > _MAX_NAME_LENGTH:
        raise ValidationError("姓名过长（最多 64 字）", code="person.name", field="name")
    if data.id_type not in ID_TYPES:
        raise ValidationError("证件类型无效", code="person.id_type", field="id_type")
    info = parse_id(data.id_number)  # raises ValidationError(field="id_number") in Chinese
    _refuse_duplicate_id(s, data.id_number, person_id)
    if data.relation not in RELATION_LABELS:
        raise ValidationError("请选择与户主关系", code="person.relation", field="relation")
    if data.relation == "head":
        other = s.scalar(
            select(Person.id).where(Person.household_id == household_id, Person.relation == "head")
        )
        if other is not None and other != person_id:
            raise ValidationError(
                "该家庭已有户主，一户只能有一名户主", code="person.second_head", field="relation"
            )
    reason = data.exclusion_reason or None
    if data.counted:
        reason = None
    elif reason not in EXCLUSION_LABELS:
        raise ValidationError(
            "该成员不计入共同生活家庭成员，请选择不计入的原因",
            code="person.exclusion",
            field="exclusion_reason",
            rule=RULE_MEMBERS,
        )
    category, level = data.disability_category or None, data.disability_level
    if (category is None) != (level is None):
        raise ValidationError(
            "残疾类别和残疾等级须同时填写",
            code="person.disability",
            field="disability_level" if level is None else "disability_category",
        )
    if category is not None and category not in DISABILITY_CATEGORIES:
        raise ValidationError("残疾类别无效", code="person.disability", field="disability_category")
    if level is not None and level not in (1, 2, 3, 4):
        raise ValidationError(
            "残疾等级应为一至四级", code="person.disability", field="disability_level"
        )
    if data.health not in HEALTH:
        raise ValidationError("健康状况无效", code="person.health", field="health")
    if data.labour_capacity not in LABOUR:
        raise ValidationError("劳动能力无效", code="person.labour", field="labour_capacity")
    ethnicity = data.ethnicity.strip()
    if ethnicity and ethnicity not in ETHNICITIES:
        raise ValidationError(
            f"民族“{ethnicity}”不在56个民族之列，请从列表中选择",
            code="person.ethnicity",
            field="ethnicity",
        )
    if data.hukou_type and data.hukou_type not in HUKOU_TYPES:
        raise ValidationError("户籍性质无效", code="person.hukou_type", field="hukou_type")
    if data.deceased_on is not None and (
        data.deceased_on > date.today() or data.deceased_on < info.birth_date
    ):
        raise ValidationError("死亡日期无效", code="person.deceased_on", field="deceased_on")
    note = data.staff_relation_note.strip()
    if data.near_relative_of_staff and not note:
        raise ValidationError(
            "经办人员或村（居）委会成员近亲属须单独登记：请注明与谁是何关系",
            code="person.staff_relative",
            field="staff_relation_note",
            rule="民发〔2021〕57号 第十一条",
        )
    return {
        "name": name,
        "id_type": data.id_type,
        "id_number": info.number,
        "id_number_old": info.converted_from,
        "birth_date": info.birth_date,
        "sex": info.sex,
        "relation": data.relation,
        "counted": data.counted,
        "exclusion_reason": reason,
        "disability_category": category,
        "disability_level": level,
        "health": data.health,
        "labour_capacity": data.labour_capacity,
        "schooling": data.schooling.strip(),
        "employment": data.employment.strip(),
        "near_relative_of_staff": data.near_relative_of_staff,
        "staff_relation_note": note if data.near_relative_of_staff else "",
        "deceased_on": data.deceased_on,
        "ethnicity": ethnicity,
        "hukou_type": data.hukou_type or "",
    }


def _refuse_duplicate_id(s: Session, id_number: str, person_id: int | None = None) -> None:
    """One person, one household: raise the full message if the number is on file."""
    info = parse_id(id_number)
    same = [Person.id_number == info.number]
    if info.converted_from:
        same.append(Person.id_number_old == info.converted_from)
    clash = s.execute(
        select(Person.id, Person.household_id, Person.name).where(or_(*same)).limit(1)
    ).first()
    if clash is not None and clash.id != person_id:
        head = _head_name(s, clash.household_id)
        where = f"户主{head}" if head else ""
        raise ValidationError(
            f"身份证号码 {mask_id(info.number)} 已登记为{clash.name}，属于户号 {clash.household_id}"
            f"（{where}）的家庭；一人只能属于一个家庭，如需调整请先在原家庭中处理",
            code="person.duplicate_id",
            field="id_number",
            household_id=clash.household_id,
            person_id=clash.id,
        )


def check_new_id_number(db: Database, actor: Actor, id_number: str) -> None:
    """Refuse, with the message saving would give, an ID number already in the register
    (the wizard checks each member as it is added, not only at the end)."""
    actor.require("read")
    with db.read_session() as s:
        _refuse_duplicate_id(s, id_number)


def _head_name(s: Session, household_id: int) -> str:
    return (
        s.scalar(
            select(Person.name)
            .where(Person.household_id == household_id)
            .order_by((Person.relation != "head"), Person.id)
            .limit(1)
        )
        or ""
    )


def write_search_keys(s: Session, person: Person) -> None:
    """Replace the person's search keys and ``search_initials`` (call after insert/rename)."""
    keys = person_search_keys(person.name, person.id_number)
    s.execute(delete(PersonSearchKey).where(PersonSearchKey.person_id == person.id))
    s.add_all(PersonSearchKey(person_id=person.id, key=k) for k in keys)
    pinyin_keys = [k for k in keys if not k.startswith(ID_KEY_PREFIX)]
    person.search_initials = pinyin_keys[1] if len(pinyin_keys) > 1 else ""


def _audit_person(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    for k in ("id_number", "id_number_old"):
        if out.get(k):
            out[k] = mask_id(out[k])
    return out


def add_person(db: Database, actor: Actor, household_id: int, data: PersonInput) -> PersonView:
    """Add a member to a household."""
    with db.session() as s:
        return add_person_in(s, actor, household_id, data)


def add_person_in(s: Session, actor: Actor, household_id: int, data: PersonInput) -> PersonView:
    actor.require("register.write")
    load_household(s, household_id)
    fields = _person_fields(s, household_id, data, None)
    p = Person(household_id=household_id, **fields)
    s.add(p)
    s.flush()
    write_search_keys(s, p)
    s.flush()
    audit.record(
        s,
        actor,
        "person.add",
        "person",
        p.id,
        household_id=household_id,
        detail={"after": _audit_person(fields)},
    )
    return person_view(p)


def _covered_now(s: Session, person_id: int) -> bool:
    """The person is covered by a live dibao/tekun enrollment today."""
    return (
        s.scalar(
            select(EnrollmentMember.id)
            .join(Enrollment)
            .where(
                EnrollmentMember.person_id == person_id,
                EnrollmentMember.active.is_(True),
                Enrollment.status.in_(("active", "phase_out", "suspended")),
                Enrollment.programme != "temporary_aid",
            )
            .limit(1)
        )
        is not None
    )


def update_person(
    db: Database, actor: Actor, person_id: int, data: PersonInput, expected_version: int | None
) -> PersonView:
    """Save the member form (same rules as :func:`add_person`)."""
    actor.require("register.write")
    with db.session() as s:
        p = s.get(Person, person_id)
        if p is None:
            raise NotFound("家庭成员不存在", code="person.not_found")
        check_version("成员信息", p.version, expected_version)
        fields = _person_fields(s, p.household_id, data, p.id)
        if fields["id_number_old"] is None and fields["id_number"] == p.id_number:
            fields["id_number_old"] = p.id_number_old  # keep the old number on file
        before = {k: getattr(p, k) for k in fields}
        changed = {k: v for k, v in fields.items() if before[k] != v}
        if before["deceased_on"] is None and changed.get("deceased_on") is not None:
            # a death stops payment and re-decides the household: only the 死亡 event does it
            raise RuleViolation(
                f"登记 {p.name} 死亡请在“在保对象”中使用“成员变动—死亡”（自次月起停发并"
                "重新核定），不在成员信息中直接填写。",
                code="person.death_event",
                field="deceased_on",
            )
        if ({"counted", "exclusion_reason"} & changed.keys()) and _covered_now(s, p.id):
            # leaving or rejoining the household count changes the benefit: only the member
            # event (入狱、服役、迁出…) does that, with its effective month and notice
            raise RuleViolation(
                f"{p.name} 是在保家庭的保障成员：是否计入共同生活请在“在保对象”中通过"
                "“成员变动”（入狱、服役、迁出等）办理，以便同时调整待遇。",
                code="person.covered_member",
                field="counted",
            )
        for k, v in changed.items():
            setattr(p, k, v)
        s.flush()
        if "name" in changed or "id_number" in changed:
            write_search_keys(s, p)
            s.flush()
        if changed:
            audit.record(
                s,
                actor,
                "person.update",
                "person",
                p.id,
                household_id=p.household_id,
                detail={
                    "before": _audit_person({k: before[k] for k in changed}),
                    "after": _audit_person(changed),
                },
            )
        return person_view(p)


def member_count(s: Session, household_id: int) -> int:
    return (
        s.scalar(
            select(func.count()).select_from(Person).where(Person.household_id == household_id)
        )
        or 0
    )
