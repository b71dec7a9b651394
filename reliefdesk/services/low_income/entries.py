"""Entries of the low-income register: add, update (review), exit, list, bring in.

One active entry per household. Entering a household as 低保边缘 sets the household's
``near_dibao`` attribute (DOMAIN §2.5), and its exit clears it, so that the 单独提出申请 rules
read one fact. A household receiving dibao or tekun is refused: it is watched as a recipient.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain import low_income as rules
from ...domain.masking import mask_id
from ...errors import NotFound, RuleViolation, ValidationError
from ...models import Enrollment, Household, LowIncomeEntry, Person, Village
from .. import audit
from ..context import Actor
from ..scope import require_household, restrict
from ..stale import check_version
from .types import EntryView, ExitedHousehold

__all__ = [
    "RECIPIENT_STATUSES",
    "active_entry",
    "add_entry",
    "add_entry_in",
    "bring_in",
    "due_count",
    "enter_from_finding_in",
    "exit_entry",
    "exited_households",
    "get_entry",
    "list_entries",
    "review_entry",
    "update_entry",
]

#: enrollment statuses of a household still receiving continuing aid
RECIPIENT_STATUSES = ("active", "phase_out", "suspended")
_CONTINUING = ("urban_dibao", "rural_dibao", "tekun")
_MAX_TEXT = 500


def _today() -> date:
    return date.today()


def _heads(s: Session, household_ids: Iterable[int]) -> dict[int, Person]:
    """The head (or first member) of each household."""
    ids = list(set(household_ids))
    heads: dict[int, Person] = {}
    for i in range(0, len(ids), 900):
        rows = s.scalars(
            select(Person).where(Person.household_id.in_(ids[i : i + 900])).order_by(Person.id)
        )
        for p in rows:
            cur = heads.get(p.household_id)
            if cur is None or (p.relation == "head" and cur.relation != "head"):
                heads[p.household_id] = p
    return heads


def _villages(s: Session, household_ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(household_ids))
    out: dict[int, str] = {}
    for i in range(0, len(ids), 900):
        rows = s.execute(
            select(Household.id, Village.name)
            .join(Village, Village.id == Household.village_id)
            .where(Household.id.in_(ids[i : i + 900]))
        )
        out.update({hid: name for hid, name in rows})
    return out


def _views(s: Session, entries: list[LowIncomeEntry], on: date) -> list[EntryView]:
    hids = [e.household_id for e in entries]
    heads, villages = _heads(s, hids), _villages(s, hids)
    out = []
    for e in entries:
        head = heads.get(e.household_id)
        out.append(
            EntryView(
                id=e.id,
                household_id=e.household_id,
                head_name=head.name if head else "",
                head_id_masked=mask_id(head.id_number) if head else "",
                village=villages.get(e.household_id, ""),
                category=e.category,
                category_label=rules.CATEGORIES.get(e.category, e.category),
                reason=e.reason,
                source=e.source,
                source_label=rules.SOURCES.get(e.source, e.source),
                source_ref=e.source_ref,
                entered_on=e.entered_on,
                next_review=e.next_review,
                exit_on=e.exit_on,
                exit_reason=e.exit_reason,
                due=e.exit_on is None and rules.is_due(e.next_review, on),
                created_by_name=e.created_by_name,
                version=e.version,
            )
        )
    return out


def _text(value: str, field: str, label: str, *, required: bool = True) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise ValidationError(f"请填写{label}。", field=field, code=f"low_income.{field}")
    if len(text) > _MAX_TEXT:
        raise ValidationError(
            f"{label}不能超过 {_MAX_TEXT} 字。", field=field, code=f"low_income.{field}"
        )
    return text


def _review(category: str, entered_on: date, requested: date | None) -> date:
    try:
        return rules.review_date(category, entered_on, requested)
    except ValueError as exc:
        raise ValidationError(str(exc), field="next_review", code="low_income.review") from exc


def active_entry(s: Session, household_id: int) -> LowIncomeEntry | None:
    """The household's entry on the register (not exited), if any."""
    return s.scalars(
        select(LowIncomeEntry).where(
            LowIncomeEntry.household_id == household_id, LowIncomeEntry.exit_on.is_(None)
        )
    ).first()


def _is_recipient(s: Session, household_id: int) -> bool:
    found = s.scalar(
        select(func.count())
        .select_from(Enrollment)
        .where(
            Enrollment.household_id == household_id,
            Enrollment.programme.in_(_CONTINUING),
            Enrollment.status.in_(RECIPIENT_STATUSES),
        )
    )
    return bool(found)


def add_entry_in(
    s: Session,
    actor: Actor,
    household_id: int,
    category: str,
    reason: str,
    *,
    entered_on: date | None = None,
    next_review: date | None = None,
    source: str = "manual",
    source_ref: str = "",
) -> EntryView:
    """Put a household on the register (in the caller's transaction)."""
    actor.require("register.write")
    if category not in rules.CATEGORIES:
        raise ValidationError(
            "类别应为：" + "、".join(rules.CATEGORIES.values()) + "。",
            field="category",
            code="low_income.category",
        )
    if source not in rules.SOURCES:
        raise ValidationError(f"未知的来源：{source}", field="source", code="low_income.source")
    reason = _text(reason, "reason", "纳入原因")
    entered = entered_on or _today()
    if entered > _today():
        raise ValidationError("纳入日期不能晚于今天。", field="entered_on", code="low_income.date")
    review = _review(category, entered, next_review)
    household = s.get(Household, household_id)
    if household is None:
        raise NotFound(f"家庭 #{household_id} 不存在。", code="household.not_found")
    existing = active_entry(s, household_id)
    if existing is not None:
        raise RuleViolation(
            f"该家庭已在低收入人口名册中（#{existing.id}，"
            f"{rules.CATEGORIES.get(existing.category, existing.category)}），请修改该条目。",
            code="low_income.duplicate",
        )
    if _is_recipient(s, household_id):
        raise RuleViolation(
            "该家庭正在享受低保或特困供养，按在保对象管理，无需纳入低收入人口名册。",
            code="low_income.recipient",
        )
    entry = LowIncomeEntry(
        household_id=household_id,
        category=category,
        reason=reason,
        source=source,
        source_ref=source_ref[:64],
        entered_on=entered,
        next_review=review,
        exit_reason="",
        created_by_name=actor.display_name,
        updated_by_name=actor.display_name,
    )
    s.add(entry)
    if category == "near_dibao" and not household.near_dibao:
        household.near_dibao = True
    s.flush()
    audit.record(
        s,
        actor,
        "low_income.add",
        "low_income_entry",
        entry.id,
        household_id=household_id,
        detail={
            "category": category,
            "source": source,
            "source_ref": entry.source_ref,
            "entered_on": entered.isoformat(),
            "next_review": review.isoformat(),
        },
    )
    return _views(s, [entry], _today())[0]


def add_entry(
    db: Database,
    actor: Actor,
    household_id: int,
    category: str,
    reason: str,
    *,
    entered_on: date | None = None,
    next_review: date | None = None,
    source: str = "manual",
    source_ref: str = "",
) -> EntryView:
    """Put a household on the register (its own transaction)."""
    with db.session() as s:
        return add_entry_in(
            s,
            actor,
            household_id,
            category,
            reason,
            entered_on=entered_on,
            next_review=next_review,
            source=source,
            source_ref=source_ref,
        )


def enter_from_finding_in(
    session: Session,
    actor: Actor,
    household_id: int,
    category: str,
    reason: str,
    finding_ref: str,
) -> EntryView:
    """A confirmed (属实) finding puts a household on the register, in the caller's
    transaction. If the household is already on it, the entry is returned unchanged and the
    link to the finding is audited."""
    existing = active_entry(session, household_id)
    if existing is not None:
        actor.require("register.write")
        audit.record(
            session,
            actor,
            "low_income.finding_linked",
            "low_income_entry",
            existing.id,
            household_id=household_id,
            detail={"finding": finding_ref, "category": category},
        )
        return _views(session, [existing], _today())[0]
    return add_entry_in(
        session, actor, household_id, category, reason, source="finding", source_ref=finding_ref
    )


def _load(s: Session, entry_id: int, expected_version: int | None) -> LowIncomeEntry:
    entry = s.get(LowIncomeEntry, entry_id)
    if entry is None:
        raise NotFound(f"低收入人口条目 #{entry_id} 不存在。", code="low_income.not_found")
    check_version("该条目", entry.version, expected_version)
    return entry


def update_entry(
    db: Database,
    actor: Actor,
    entry_id: int,
    *,
    expected_version: int | None,
    category: str | None = None,
    reason: str | None = None,
    next_review: date | None = None,
) -> EntryView:
    """Change the category, reason or next review date (a review sets a new date)."""
    actor.require("register.write")
    with db.session() as s:
        entry = _load(s, entry_id, expected_version)
        if entry.exit_on is not None:
            raise RuleViolation("该条目已退出，不能修改。", code="low_income.exited")
        new_category = category or entry.category
        if new_category not in rules.CATEGORIES:
            raise ValidationError(
                f"未知的低收入人口类别：{new_category}",
                field="category",
                code="low_income.category",
            )
        before = {
            "category": entry.category,
            "reason": entry.reason,
            "next_review": entry.next_review.isoformat(),
        }
        if reason is not None:
            entry.reason = _text(reason, "reason", "纳入原因")
        review = next_review or (entry.next_review if new_category == entry.category else None)
        entry.next_review = _review(new_category, entry.entered_on, review)
        household = s.get(Household, entry.household_id)
        if household is not None and new_category != entry.category:
            if new_category == "near_dibao":
                household.near_dibao = True
            elif entry.category == "near_dibao":
                household.near_dibao = False
        entry.category = new_category
        entry.updated_by_name = actor.display_name
        s.flush()
        audit.record(
            s,
            actor,
            "low_income.update",
            "low_income_entry",
            entry.id,
            household_id=entry.household_id,
            detail={
                "before": before,
                "category": entry.category,
                "next_review": entry.next_review.isoformat(),
            },
        )
        return _views(s, [entry], _today())[0]


def review_entry(
    db: Database,
    actor: Actor,
    entry_id: int,
    *,
    expected_version: int | None,
    reviewed_on: date | None = None,
) -> EntryView:
    """Record a review done on ``reviewed_on`` (today): the next review follows the
    category's rhythm from it, never past a recognition's validity (then the household must
    apply again: exit and re-enter)."""
    actor.require("register.write")
    day = reviewed_on or _today()
    with db.session() as s:
        entry = _load(s, entry_id, expected_version)
        if entry.exit_on is not None:
            raise RuleViolation("该条目已退出，不能复核。", code="low_income.exited")
        if day < entry.entered_on or day > _today():
            raise ValidationError(
                "复核日期须在纳入日期与今天之间。", field="reviewed_on", code="low_income.date"
            )
        wanted = rules.months_later(day, rules.REVIEW_MONTHS[entry.category])
        limit_months = rules.VALIDITY_MONTHS.get(entry.category)
        if limit_months and wanted > rules.months_later(entry.entered_on, limit_months):
            wanted = rules.months_later(entry.entered_on, limit_months)
            if wanted <= day:
                _review(entry.category, entry.entered_on, day + timedelta(days=1))
        before = entry.next_review
        entry.next_review = _review(entry.category, entry.entered_on, wanted)
        entry.updated_by_name = actor.display_name
        s.flush()
        audit.record(
            s,
            actor,
            "low_income.review",
            "low_income_entry",
            entry.id,
            household_id=entry.household_id,
            detail={
                "reviewed_on": day.isoformat(),
                "before": before.isoformat(),
                "next_review": entry.next_review.isoformat(),
            },
        )
        return _views(s, [entry], _today())[0]


def exit_entry(
    db: Database,
    actor: Actor,
    entry_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
    exit_on: date | None = None,
) -> EntryView:
    """Take an entry off the register with the reason (its history stays)."""
    actor.require("register.write")
    reason = _text(reason, "exit_reason", "退出原因")
    with db.session() as s:
        entry = _load(s, entry_id, expected_version)
        if entry.exit_on is not None:
            raise RuleViolation("该条目已退出。", code="low_income.exited")
        day = exit_on or _today()
        if day < entry.entered_on or day > _today():
            raise ValidationError(
                "退出日期须在纳入日期与今天之间。", field="exit_on", code="low_income.date"
            )
        entry.exit_on, entry.exit_reason = day, reason
        entry.updated_by_name = actor.display_name
        household = s.get(Household, entry.household_id)
        if entry.category == "near_dibao" and household is not None and household.near_dibao:
            household.near_dibao = False
        s.flush()
        audit.record(
            s,
            actor,
            "low_income.exit",
            "low_income_entry",
            entry.id,
            household_id=entry.household_id,
            detail={"exit_on": day.isoformat(), "reason": reason, "category": entry.category},
        )
        return _views(s, [entry], _today())[0]


def get_entry(db: Database, actor: Actor, entry_id: int) -> EntryView:
    actor.require("read")
    with db.read_session() as s:
        entry = _load(s, entry_id, None)
        require_household(s, actor, entry.household_id)
        return _views(s, [entry], _today())[0]


def list_entries(
    db: Database,
    actor: Actor,
    *,
    due_only: bool = False,
    include_exited: bool = False,
    household_id: int | None = None,
    on: date | None = None,
) -> list[EntryView]:
    """Entries, earliest review first; ``due_only``: reviews due within 30 days or overdue."""
    actor.require("read")
    day = on or _today()
    q = select(LowIncomeEntry).order_by(LowIncomeEntry.next_review, LowIncomeEntry.id)
    if not include_exited or due_only:
        q = q.where(LowIncomeEntry.exit_on.is_(None))
    if household_id is not None:
        q = q.where(LowIncomeEntry.household_id == household_id)
    q = restrict(q, actor, LowIncomeEntry.household_id)
    with db.read_session() as s:
        rows = list(s.scalars(q))
        views = _views(s, rows, day)
    return [v for v in views if v.due] if due_only else views


def due_count(db: Database, actor: Actor, on: date | None = None) -> int:
    """Active entries whose review is due (the workbench figure)."""
    actor.require("read")
    day = on or _today()
    limit = day.toordinal() + rules.DUE_AHEAD_DAYS
    with db.read_session() as s:
        q = (
            select(func.count())
            .select_from(LowIncomeEntry)
            .where(
                LowIncomeEntry.exit_on.is_(None),
                LowIncomeEntry.next_review <= date.fromordinal(limit),
            )
        )
        return int(s.scalar(restrict(q, actor, LowIncomeEntry.household_id)) or 0)


def _exited_rows(
    s: Session, actor: Actor, household_id: int | None = None
) -> list[ExitedHousehold]:
    q = restrict(
        select(Enrollment)
        .where(Enrollment.programme.in_(_CONTINUING), Enrollment.status == "terminated")
        .order_by(Enrollment.end_month.desc(), Enrollment.id.desc()),
        actor,
        Enrollment.household_id,
    )
    if household_id is not None:
        q = q.where(Enrollment.household_id == household_id)
    ended = list(s.scalars(q))
    if not ended:
        return []
    hids = {e.household_id for e in ended}
    still = set(
        s.scalars(
            select(Enrollment.household_id).where(
                Enrollment.household_id.in_(hids),
                Enrollment.programme.in_(_CONTINUING),
                Enrollment.status.in_(RECIPIENT_STATUSES),
            )
        )
    )
    listed = set(
        s.scalars(
            select(LowIncomeEntry.household_id).where(
                LowIncomeEntry.household_id.in_(hids), LowIncomeEntry.exit_on.is_(None)
            )
        )
    )
    heads, villages = _heads(s, hids), _villages(s, hids)
    out: list[ExitedHousehold] = []
    seen: set[int] = set()
    for e in ended:
        if e.household_id in still or e.household_id in listed or e.household_id in seen:
            continue
        seen.add(e.household_id)
        head = heads.get(e.household_id)
        out.append(
            ExitedHousehold(
                household_id=e.household_id,
                enrollment_id=e.id,
                head_name=head.name if head else "",
                village=villages.get(e.household_id, ""),
                programme=e.programme,
                end_month=e.end_month,
                terminated_reason=e.terminated_reason or "",
            )
        )
    return out


def exited_households(db: Database, actor: Actor) -> list[ExitedHousehold]:
    """Households whose dibao/tekun ended, no longer receiving, and not on the register."""
    actor.require("read")
    with db.read_session() as s:
        return _exited_rows(s, actor)


def bring_in(db: Database, actor: Actor, household_id: int, reason: str = "") -> EntryView:
    """Enter a household whose aid ended as 退出保障 (from the recipients' register)."""
    with db.session() as s:
        rows = _exited_rows(s, actor, household_id)
        if not rows:
            raise RuleViolation(
                "该家庭没有已终止的低保或特困记录（或仍在保、已在名册中），不能按退出保障纳入。",
                code="low_income.not_exited",
            )
        row = rows[0]
        text = reason.strip() or f"退出保障（{row.terminated_reason or '终止'}）"
        return add_entry_in(
            s,
            actor,
            household_id,
            "exited_aid",
            text,
            source="register",
            source_ref=f"enrollment:{row.enrollment_id}",
        )
