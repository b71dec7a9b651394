"""Member changes of an enrolled household (成员变动, DOMAIN §2.3, §2.15, §3.7).

Every event is recorded as a :class:`~reliefdesk.models.RecipientEvent` (date, effective
month, reason, user) with an audit entry, and its effect on the household's live enrollments
goes through the enrollment functions (:mod:`reliefdesk.services.enrollments`) so that it
shows on the next roster as a 变动 with its reason:

* **death** (死亡): the person's payment stops from the month after the death: the member
  leaves the enrollment and the amount is reassessed (减发); the last living member, or the
  tekun person, ends the enrollment (终止, grounds "death"). If the payee (领取人) died, the
  payment is held (停发 "待指定新领取人") until a new payee is set
  (:func:`release_payee_holds_in`, called by ``register.accounts.set_payee_in``);
* **birth / moving in / marriage in** (出生、迁入、婚入): a new member joins the household
  and the enrollment, amount reassessed (增发);
* **moving out / marriage out** (迁出、婚出): the member leaves (减发), payee as for a death;
* **prison / military service** (服刑、现役义务兵, §2.3 excluded members): the member is not
  counted while excluded (减发); the return counts them again (增发).

The reassessed amount comes from the roster's own calculator (``roster.calc.compute``, via
``amount_change.reassess_in``): the enrollment's assessed household income shared by the
members now covered: one amount rule, recorded with its basis from the effective month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.months import add_months, month_start, next_month
from ..errors import NotFound, RuleViolation, ValidationError
from ..models import Enrollment, EnrollmentMember, Person, RecipientEvent
from . import audit, enrollments
from .amount_change import reassess_in
from .context import Actor
from .register.people import add_person_in
from .register.types import PersonInput

__all__ = [
    "EVENT_KINDS",
    "EventResult",
    "record_birth",
    "record_death",
    "record_death_in",
    "record_event_in",
    "record_exclusion",
    "record_move_in",
    "record_move_out",
    "release_payee_holds_in",
]

EVENT_KINDS = {
    "birth": "出生",
    "death": "死亡",
    "move_in": "迁入",
    "marriage_in": "婚入",
    "move_out": "迁出",
    "marriage_out": "婚出",
    "prison": "服刑",
    "prison_end": "刑满释放",
    "conscript": "入伍（现役义务兵）",
    "conscript_end": "退役",
    "payee_hold": "领取人死亡暂停发放",
    "payee_set": "指定新领取人",
    "transfer_out": "迁出本乡镇",
    "transfer_in": "迁入本乡镇",
    "transfer_out_county": "迁出本县",
    "recheck": "复核",
    "account": "登记/更换收款账户",
    "account_stop": "停用收款账户",
    "reassess": "重新核算",
    "payee_back_pay": "领取人变更补发",
}
_LIVE = ("active", "phase_out", "suspended")
_EXCLUSIONS = {"prison": "prison", "conscript": "conscript"}
_RULE_DEATH = "民发〔2021〕57号 第三十条；民函〔2022〕70号 §一（三）"


@dataclass(frozen=True)
class EventResult:
    """What an event did: its id, the enrollments changed and one line per change."""

    event_id: int
    household_id: int
    person_id: int | None
    effective_month: date | None
    changes: tuple[str, ...]


def record_event_in(
    s: Session,
    actor: Actor,
    household_id: int,
    kind: str,
    event_date: date,
    reason: str,
    *,
    person_id: int | None = None,
    enrollment_id: int | None = None,
    effective_month: date | None = None,
    detail: dict[str, Any] | None = None,
) -> RecipientEvent:
    """Append one dated event (and its audit entry)."""
    ev = RecipientEvent(
        household_id=household_id,
        person_id=person_id,
        enrollment_id=enrollment_id,
        kind=kind,
        event_date=event_date,
        effective_month=effective_month,
        reason=reason,
        detail=detail or {},
        user_id=actor.user_id or None,
        username=actor.username,
    )
    s.add(ev)
    s.flush()
    audit.record(
        s,
        actor,
        f"member_event.{kind}",
        "recipient_event",
        ev.id,
        household_id=household_id,
        detail={
            "person_id": person_id,
            "enrollment_id": enrollment_id,
            "event_date": event_date.isoformat(),
            "reason": reason,
            "effective_month": effective_month.isoformat() if effective_month else None,
            **(detail or {}),
        },
    )
    return ev


def _person(s: Session, person_id: int) -> Person:
    p = s.get(Person, person_id)
    if p is None:
        raise NotFound(f"人员 #{person_id} 不存在。", code="person.not_found")
    return p


def _check_date(d: date, what: str) -> None:
    if d > date.today():
        raise ValidationError(f"{what}不能晚于今天。", code="event.date", field="event_date")


def _live_enrollments(s: Session, household_id: int) -> list[Enrollment]:
    return list(
        s.scalars(
            select(Enrollment)
            .where(
                Enrollment.household_id == household_id,
                Enrollment.status.in_(_LIVE),
                Enrollment.programme != "temporary_aid",
            )
            .order_by(Enrollment.id)
        )
    )


def _membership(s: Session, e: Enrollment, person_id: int) -> EnrollmentMember | None:
    return s.scalar(
        select(EnrollmentMember).where(
            EnrollmentMember.enrollment_id == e.id, EnrollmentMember.person_id == person_id
        )
    )


def _covered(s: Session, e: Enrollment, month: date) -> list[Person]:
    """Members of ``e`` still covered in ``month``: active, counted, alive in that month."""
    rows = s.scalars(
        select(Person)
        .join(EnrollmentMember, EnrollmentMember.person_id == Person.id)
        .where(EnrollmentMember.enrollment_id == e.id, EnrollmentMember.active.is_(True))
    )
    return [p for p in rows if p.counted and (p.deceased_on is None or p.deceased_on >= month)]


def _effective(e: Enrollment, month: date) -> date:
    return max(month, e.start_month)


def _reassess(
    s: Session, actor: Actor, e: Enrollment, month: date, on_date: date, reason: str
) -> str | None:
    """Re-decide the amount over the members now covered (the assessed household income
    shared by the new number of persons) through the one amount function, recorded as a
    dated 增发/减发 with its basis (``amount_change.reassess_in``): a roster of an earlier
    month keeps the old persons and amount. Returns the change line, or None when the
    number of persons does not change."""
    persons = len(_covered(s, e, month))
    if persons in (0, e.persons):
        return None
    return reassess_in(s, actor, e, month, on_date, reason, persons=persons).line


def _hold_for_payee(
    s: Session, actor: Actor, e: Enrollment, person: Person, month: date, on_date: date, why: str
) -> str:
    if e.status == "suspended":
        return f"在保记录 #{e.id} 已停发，领取人{why}，请指定新领取人"
    enrollments.suspend_in(
        s,
        actor,
        e.id,
        f"领取人{person.name}{why}，暂停发放，待指定新领取人",
        on_date=on_date,
        effective_month=month,
    )
    record_event_in(
        s,
        actor,
        e.household_id,
        "payee_hold",
        on_date,
        f"领取人{person.name}{why}",
        person_id=person.id,
        enrollment_id=e.id,
        effective_month=month,
        detail={"released": False},
    )
    return f"在保记录 #{e.id} 停发：领取人{person.name}{why}，自 {month:%Y-%m} 起待指定新领取人"


def _leave(
    s: Session, actor: Actor, person: Person, month: date, on_date: date, why: str, *, death: bool
) -> list[str]:
    """The person leaves every live enrollment of the household from ``month``."""
    lines: list[str] = []
    for e in _live_enrollments(s, person.household_id):
        m = _membership(s, e, person.id)
        is_payee = e.payee_id == person.id
        if m is None and not is_payee:
            continue
        month_e = _effective(e, month)
        if m is not None and m.active:
            m.active = False
            s.flush()
            if not _covered(s, e, month_e) or e.programme == "tekun":
                grounds = "death" if death else ("moved" if e.programme != "tekun" else None)
                if grounds is None:
                    raise RuleViolation(
                        "特困人员迁出须按终止程序办理（公示 7 天后终止）。",
                        code="event.tekun_move",
                        rule="民发〔2021〕43号 第二十四条、第二十五条",
                    )
                enrollments.terminate_in(
                    s,
                    actor,
                    e.id,
                    grounds,
                    f"{person.name}{why}",
                    on_date=on_date,
                    effective_month=month_e,
                )
                lines.append(f"在保记录 #{e.id} 终止：{person.name}{why}，自 {month_e:%Y-%m} 起")
                continue
            line = _reassess(
                s, actor, e, month_e, on_date, f"家庭成员{person.name}{why}，保障人数减少"
            )
            if line:
                lines.append(line)
        if is_payee:
            lines.append(_hold_for_payee(s, actor, e, person, month_e, on_date, why))
    return lines


def record_death(
    db: Database, actor: Actor, person_id: int, death_date: date, *, reason: str = ""
) -> EventResult:
    """死亡: payment for the person stops from the month after ``death_date``."""
    with db.session() as s:
        return record_death_in(s, actor, person_id, death_date, reason=reason)


def record_death_in(
    s: Session, actor: Actor, person_id: int, death_date: date, *, reason: str = ""
) -> EventResult:
    """:func:`record_death` inside the caller's transaction (the person form refuses a date of
    death and points here, so the payment effects can never be skipped)."""
    _check_date(death_date, "死亡日期")
    person = _person(s, person_id)
    if person.deceased_on is not None:
        raise ValidationError(
            f"{person.name} 已于 {person.deceased_on:%Y-%m-%d} 登记死亡。",
            code="event.already_dead",
        )
    if death_date < person.birth_date:
        raise ValidationError("死亡日期早于出生日期。", code="event.date", field="event_date")
    _require(actor, s, person)
    month = next_month(death_date)
    person.deceased_on = death_date
    s.flush()
    why = f"于 {death_date:%Y-%m-%d} 死亡"
    lines = _leave(s, actor, person, month, date.today(), why, death=True)
    ev = record_event_in(
        s,
        actor,
        person.household_id,
        "death",
        death_date,
        reason.strip() or f"{person.name}{why}",
        person_id=person.id,
        effective_month=month,
        detail={"changes": lines},
    )
    return EventResult(ev.id, person.household_id, person.id, month, tuple(lines))


def _require(actor: Actor, s: Session, person: Person) -> None:
    """Register facts need register.write; changing a payment needs enrollment.change."""
    actor.require("register.write")
    if _live_enrollments(s, person.household_id):
        actor.require("enrollment.change")


def record_move_out(
    db: Database,
    actor: Actor,
    person_id: int,
    on: date,
    *,
    marriage: bool = False,
    reason: str = "",
) -> EventResult:
    """迁出 / 婚出: the member is no longer counted in the household from the next month."""
    _check_date(on, "迁出日期")
    with db.session() as s:
        person = _person(s, person_id)
        _require(actor, s, person)
        if not person.counted:
            raise ValidationError(f"{person.name} 已不计入本户。", code="event.not_counted")
        month = next_month(on)
        kind = "marriage_out" if marriage else "move_out"
        why = f"{EVENT_KINDS[kind]}（{on:%Y-%m-%d}）"
        person.counted = False
        person.exclusion_reason = None
        s.flush()
        lines = _leave(s, actor, person, month, date.today(), why, death=False)
        ev = record_event_in(
            s,
            actor,
            person.household_id,
            kind,
            on,
            reason.strip() or f"{person.name}{why}",
            person_id=person.id,
            effective_month=month,
            detail={"changes": lines},
        )
        return EventResult(ev.id, person.household_id, person.id, month, tuple(lines))


def record_exclusion(
    db: Database,
    actor: Actor,
    person_id: int,
    kind: str,
    on: date,
    *,
    ending: bool = False,
    reason: str = "",
) -> EventResult:
    """服刑 / 现役义务兵 (``kind`` prison | conscript): not counted while excluded (DOMAIN
    §2.3); ``ending`` (刑满释放 / 退役) counts the member again. Effective next month."""
    if kind not in _EXCLUSIONS:
        raise ValidationError(
            "事件类型应为 prison（服刑）或 conscript（现役义务兵）。",
            code="event.kind",
            field="kind",
        )
    _check_date(on, "日期")
    with db.session() as s:
        person = _person(s, person_id)
        _require(actor, s, person)
        if person.deceased_on is not None:
            raise ValidationError(f"{person.name} 已登记死亡。", code="event.dead")
        month = next_month(on)
        event_kind = f"{kind}_end" if ending else kind
        why = f"{EVENT_KINDS[event_kind]}（{on:%Y-%m-%d}）"
        lines: list[str] = []
        if not ending:
            if not person.counted:
                raise ValidationError(f"{person.name} 已不计入本户。", code="event.not_counted")
            person.counted, person.exclusion_reason = False, _EXCLUSIONS[kind]
            s.flush()
            lines = _leave(s, actor, person, month, date.today(), why, death=False)
        else:
            if person.counted or person.exclusion_reason != _EXCLUSIONS[kind]:
                raise ValidationError(
                    f"{person.name} 未登记为{EVENT_KINDS[kind]}。", code="event.not_excluded"
                )
            person.counted, person.exclusion_reason = True, None
            s.flush()
            lines = _join(s, actor, person, month, date.today(), why)
        ev = record_event_in(
            s,
            actor,
            person.household_id,
            event_kind,
            on,
            reason.strip() or f"{person.name}{why}",
            person_id=person.id,
            effective_month=month,
            detail={"changes": lines},
        )
        return EventResult(ev.id, person.household_id, person.id, month, tuple(lines))


def _join(
    s: Session, actor: Actor, person: Person, month: date, on_date: date, why: str
) -> list[str]:
    """The person joins the household's live dibao enrollments (增发 from ``month``)."""
    lines: list[str] = []
    for e in _live_enrollments(s, person.household_id):
        if e.programme == "tekun":
            continue
        m = _membership(s, e, person.id)
        if m is None:
            enrollments.add_members(s, e, [person.id])
        elif not m.active:
            m.active = True
            s.flush()
        line = _reassess(
            s, actor, e, _effective(e, month), on_date, f"家庭成员{person.name}{why}，保障人数增加"
        )
        if line:
            lines.append(line)
    return lines


def record_birth(
    db: Database,
    actor: Actor,
    household_id: int,
    data: PersonInput,
    on: date | None = None,
    *,
    reason: str = "",
) -> EventResult:
    """出生: the child joins the household (and its dibao enrollment) from the next month."""
    return _arrival(db, actor, household_id, data, "birth", on, reason)


def record_move_in(
    db: Database,
    actor: Actor,
    household_id: int,
    data: PersonInput,
    on: date,
    *,
    marriage: bool = False,
    reason: str = "",
) -> EventResult:
    """迁入 / 婚入: a new member joins from the month after ``on``."""
    return _arrival(
        db, actor, household_id, data, "marriage_in" if marriage else "move_in", on, reason
    )


def _arrival(
    db: Database,
    actor: Actor,
    household_id: int,
    data: PersonInput,
    kind: str,
    on: date | None,
    reason: str,
) -> EventResult:
    with db.session() as s:
        view = add_person_in(s, actor, household_id, data)
        person = _person(s, view.id)
        when = on or person.birth_date
        _check_date(when, "日期")
        _require(actor, s, person)
        month = next_month(when)
        why = f"{EVENT_KINDS[kind]}（{when:%Y-%m-%d}）"
        lines = _join(s, actor, person, month, date.today(), why) if person.counted else []
        ev = record_event_in(
            s,
            actor,
            household_id,
            kind,
            when,
            reason.strip() or f"{person.name}{why}",
            person_id=person.id,
            effective_month=month,
            detail={"changes": lines},
        )
        return EventResult(ev.id, household_id, person.id, month, tuple(lines))


def release_payee_holds_in(
    s: Session, actor: Actor, household_id: int, payee: Person, on_date: date
) -> list[str]:
    """A new payee is set: the enrollments held because the payee died resume from the
    current month (or the held month, if later; never a month already on a locked roster),
    and the months held are paid back once as 补发 on the roster of the resumption month
    (``roster.adjust.held_back_pay_in``: the decided amount in force in each held month)."""
    from .roster.adjust import held_back_pay_in
    from .roster.build import latest_locked_month

    lines = []
    locked = latest_locked_month(s)
    for ev in s.scalars(
        select(RecipientEvent)
        .where(RecipientEvent.household_id == household_id, RecipientEvent.kind == "payee_hold")
        .order_by(RecipientEvent.id)
    ):
        if (ev.detail or {}).get("released") or ev.enrollment_id is None:
            continue
        e = s.get(Enrollment, ev.enrollment_id)
        ev.detail = {**(ev.detail or {}), "released": True}
        if e is None or e.status != "suspended":
            continue
        held = ev.effective_month or month_start(on_date)
        month = max(month_start(on_date), held, next_month(locked) if locked is not None else held)
        enrollments.resume_in(
            s,
            actor,
            e.id,
            f"已指定新领取人{payee.name}，恢复发放",
            on_date=on_date,
            effective_month=month,
        )
        back = (
            held_back_pay_in(
                s, actor, e.id, held, add_months(month, -1), month, "领取人死亡暂停发放期间补发："
            )
            if held < month
            else []
        )
        total = sum(a.amount_fen for a in back)
        record_event_in(
            s,
            actor,
            household_id,
            "payee_set",
            on_date,
            f"指定新领取人{payee.name}",
            person_id=payee.id,
            enrollment_id=e.id,
            effective_month=month,
            detail={"back_pay_ids": [a.id for a in back], "back_pay_fen": total},
        )
        line = f"在保记录 #{e.id} 恢复发放：新领取人{payee.name}，自 {month:%Y-%m} 起"
        if back:
            line += (
                f"；暂停期间 {held:%Y-%m} 至 {add_months(month, -1):%Y-%m} 补发 "
                f"{total / 100:.2f} 元，列入 {month:%Y-%m} 名册"
            )
        lines.append(line)
    s.flush()
    return lines
