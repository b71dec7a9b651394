"""Enrollment management beyond single changes (动态管理, DOMAIN §2.15): the filtered list of
all enrollments, one household's timeline, 复核 results with their visit, a village's
re-checks at once, and transfers between townships or out of the county (keeping history).

Amount, suspension, phase-out and termination decisions are the functions of
:mod:`reliefdesk.services.enrollments`; this module composes them in one transaction and keeps
a :class:`~reliefdesk.models.RecipientEvent` for what happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.changes import change_label
from ..domain.months import month_start, next_month
from ..domain.workflow import PROGRAMME_LABELS
from ..errors import NotFound, RuleViolation, ValidationError
from ..models import (
    Enrollment,
    EnrollmentChange,
    Household,
    Person,
    RecipientEvent,
    Township,
    Village,
    Visit,
)
from . import enrollments, termination
from .context import Actor
from .enrollments import EnrollmentView
from .member_events import EVENT_KINDS, record_event_in
from .scope import require_household, restrict

__all__ = [
    "RECHECK_RESULTS",
    "EnrollmentPage",
    "EnrollmentRow",
    "TimelineEntry",
    "batch_recheck",
    "enrollment_page",
    "household_timeline",
    "record_recheck_result",
    "transfer_household",
    "transfer_out_of_county",
]

RECHECK_RESULTS = {
    "unchanged": "情况无变化",
    "adjusted": "调整金额",
    "phase_out": "渐退",
    "terminated": "终止",
}
STATUS_LABELS = {"active": "在保", "phase_out": "渐退", "suspended": "停发", "terminated": "已终止"}
_LIVE = ("active", "phase_out", "suspended")


@dataclass(frozen=True)
class EnrollmentRow:
    """One line of the enrollment list."""

    id: int
    household_id: int
    payee_name: str
    village_id: int
    village_name: str
    township_name: str
    programme: str
    programme_label: str
    status: str
    status_label: str
    persons: int
    amount_fen: int
    start_month: date
    next_recheck: date | None
    recheck_due: bool


@dataclass(frozen=True)
class EnrollmentPage:
    rows: tuple[EnrollmentRow, ...]
    total: int


@dataclass(frozen=True)
class TimelineEntry:
    """A change or event of a household, newest first."""

    when: date
    effective_month: date | None
    enrollment_id: int | None
    kind: str
    kind_label: str
    text: str
    by: str


def enrollment_page(
    db: Database,
    actor: Actor,
    *,
    programme: str | None = None,
    village_id: int | None = None,
    status: str | None = None,
    due_month: date | None = None,
    household_id: int | None = None,
    search: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> EnrollmentPage:
    """The filtered, SQL-paged list of enrollments (temporary aid excluded: one-off).
    ``status`` "live" = active, phase-out or suspended; ``due_month`` = re-check due in or
    before that month."""
    actor.require("read")
    e = Enrollment
    # step 1 on the enrollment table (joined only where a filter needs it): the page's ids
    # and the count; step 2 reads the shown rows' details by id (a join over 36,000
    # enrollments sorted by id took 250-400 ms; this takes a few ms)
    q = restrict(select(e.id).where(e.programme != "temporary_aid"), actor, e.household_id)
    if programme:
        q = q.where(e.programme == programme)
    if village_id:
        q = q.join(Household, Household.id == e.household_id).where(
            Household.village_id == village_id
        )
    if due_month is not None:
        # "!= terminated" (not IN live) lets SQLite walk the next_recheck index
        q = q.where(
            e.status != "terminated",
            e.next_recheck.is_not(None),
            e.next_recheck < next_month(month_start(due_month)),
        )
    if status == "live":
        if due_month is None:
            q = q.where(e.status.in_(_LIVE))
    elif status:
        q = q.where(e.status == status)
    if household_id:
        q = q.where(e.household_id == household_id)
    if search and search.strip():
        text = search.strip()
        if text.isdigit():
            q = q.where((e.household_id == int(text)) | (e.id == int(text)))
        else:
            q = q.join(Person, Person.id == e.payee_id).where(Person.name.contains(text))
    due_before = next_month(month_start(date.today()))
    with db.read_session() as s:
        total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
        # a due list comes most overdue first (and walks the next_recheck index)
        order = (e.next_recheck, e.id) if due_month is not None else (e.id,)
        ids = list(s.scalars(q.order_by(*order).limit(limit).offset(offset)))
        detail = (
            select(
                e.id,
                e.household_id,
                Person.name,
                Village.id,
                Village.name,
                Township.name,
                e.programme,
                e.status,
                e.persons,
                e.amount_fen,
                e.start_month,
                e.next_recheck,
            )
            .join(Household, Household.id == e.household_id)
            .join(Village, Village.id == Household.village_id)
            .join(Township, Township.id == Village.township_id)
            .outerjoin(Person, Person.id == e.payee_id)
        )
        rows = [
            r
            for i in range(0, len(ids), 5000)  # bound-parameter limits (CLI: all rows)
            for r in s.execute(detail.where(e.id.in_(ids[i : i + 5000])))
        ]
        position = {eid: i for i, eid in enumerate(ids)}
        rows.sort(key=lambda r: position[r[0]])
    return EnrollmentPage(
        tuple(
            EnrollmentRow(
                r[0],
                r[1],
                r[2] or "",
                r[3],
                r[4],
                r[5],
                r[6],
                PROGRAMME_LABELS.get(r[6], r[6]),
                r[7],
                STATUS_LABELS.get(r[7], r[7]),
                r[8],
                r[9],
                r[10],
                r[11],
                r[11] is not None and r[11] < due_before and r[7] in _LIVE,
            )
            for r in rows
        ),
        total,
    )


def household_timeline(db: Database, actor: Actor, household_id: int) -> list[TimelineEntry]:
    """Every enrollment change and member event of the household, newest first."""
    actor.require("read")
    with db.read_session() as s:
        require_household(s, actor, household_id)
        out: list[TimelineEntry] = []
        for c in s.scalars(
            select(EnrollmentChange)
            .join(Enrollment, Enrollment.id == EnrollmentChange.enrollment_id)
            .where(Enrollment.household_id == household_id)
        ):
            out.append(
                TimelineEntry(
                    c.at.date(),
                    c.effective_month,
                    c.enrollment_id,
                    c.kind,
                    change_label(c.kind),
                    _change_text(c),
                    _username(s, c.decided_by),
                )
            )
        for ev in s.scalars(
            select(RecipientEvent).where(RecipientEvent.household_id == household_id)
        ):
            out.append(
                TimelineEntry(
                    ev.event_date,
                    ev.effective_month,
                    ev.enrollment_id,
                    ev.kind,
                    EVENT_KINDS.get(ev.kind, ev.kind),
                    ev.reason,
                    ev.username,
                )
            )
        out.sort(key=lambda t: (t.when, t.effective_month or t.when), reverse=True)
        return out


def _username(s: Session, user_id: int | None) -> str:
    from ..models import User

    u = s.get(User, user_id) if user_id else None
    return (u.display_name or u.username) if u is not None else ""


def _change_text(c: EnrollmentChange) -> str:
    money = ""
    if c.kind in ("increase", "decrease", "resume"):
        money = f"（{c.old_fen / 100:.2f} → {c.new_fen / 100:.2f} 元）"
    return f"{c.reason}{money}"


# --- re-checks -------------------------------------------------------------------------------


def _visit(s: Session, e: Enrollment, visit_id: int | None) -> Visit | None:
    if visit_id is None:
        return None
    v = s.get(Visit, visit_id)
    if v is None or v.household_id != e.household_id:
        raise ValidationError("所选入户调查不属于本户。", code="recheck.visit", field="visit_id")
    return v


def record_recheck_result(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    result: str,
    *,
    on_date: date,
    reason: str = "",
    visit_id: int | None = None,
    new_fen: int | None = None,
    grounds: str | None = None,
    effective_month: date | None = None,
    stability: str | None = None,
    expected_version: int | None = None,
) -> EnrollmentView:
    """复核 (periodic or after an event) with its visit: ``result`` unchanged | adjusted
    (``new_fen``) | phase_out | terminated (``grounds``); the next re-check is scheduled.
    ``expected_version`` (the version the user saw) refuses a record changed meanwhile."""
    with db.session() as s:
        if expected_version is not None:
            enrollments.load_for_update(s, enrollment_id, expected_version)
        return _recheck_in(
            s,
            actor,
            enrollment_id,
            result,
            on_date=on_date,
            reason=reason,
            visit_id=visit_id,
            new_fen=new_fen,
            grounds=grounds,
            effective_month=effective_month,
            stability=stability,
        )


def _recheck_in(
    s: Session,
    actor: Actor,
    enrollment_id: int,
    result: str,
    *,
    on_date: date,
    reason: str,
    visit_id: int | None,
    new_fen: int | None,
    grounds: str | None,
    effective_month: date | None,
    stability: str | None,
) -> EnrollmentView:
    if result not in RECHECK_RESULTS:
        raise ValidationError(
            "复核结果应为：" + "、".join(RECHECK_RESULTS.values()),
            code="recheck.result",
            field="result",
        )
    e = s.get(Enrollment, enrollment_id)
    if e is None:
        raise NotFound(f"在保记录 #{enrollment_id} 不存在。", code="enrollment.not_found")
    visit = _visit(s, e, visit_id)
    note = reason.strip() or ("定期核查，情况无明显变化" if result == "unchanged" else "")
    if result != "unchanged" and not note:
        raise ValidationError("请填写复核结论的理由。", code="enrollment.reason", field="reason")
    propose = result == "terminated" and _needs_publicity(e, grounds)
    label = "拟终止（公示 7 天）" if propose else RECHECK_RESULTS[result]
    view = enrollments.record_recheck_in(
        s, actor, e.id, on_date=on_date, stability=stability, note=f"复核：{label}。{note}"
    )
    if result == "adjusted":
        if not new_fen:
            raise ValidationError(
                "请填写调整后的月保障金。", code="enrollment.amount", field="new_fen"
            )
        view = enrollments.change_amount_in(
            s,
            actor,
            e.id,
            new_fen,
            f"复核后调整：{note}",
            on_date=on_date,
            effective_month=effective_month,
        )
    elif result == "phase_out":
        view = enrollments.start_phase_out_in(
            s, actor, e.id, f"复核后渐退：{note}", on_date=on_date, start_month=effective_month
        )
    elif propose:
        # 特困: the termination is proposed and published 7 days first (第二十五条); the
        # procedure (objection, finalise) continues in the termination dialog / service
        termination.propose_in(
            s,
            actor,
            e.id,
            grounds or "",
            f"复核后拟终止：{note}",
            start=on_date,
            recorded_on=date.today(),
        )
    elif result == "terminated":
        view = enrollments.terminate_in(
            s,
            actor,
            e.id,
            grounds or "",
            f"复核后终止：{note}",
            on_date=on_date,
            effective_month=effective_month,
        )
    record_event_in(
        s,
        actor,
        e.household_id,
        "recheck",
        on_date,
        f"复核结果：{label}。{note}",
        enrollment_id=e.id,
        effective_month=effective_month,
        detail={"result": result, "visit_id": visit.id if visit else None},
    )
    return view


def _needs_publicity(e: Enrollment, grounds: str | None) -> bool:
    """A tekun termination other than for death goes through the 7-day publicity."""
    return (
        e.programme == "tekun"
        and grounds in enrollments.TEKUN_TERMINATION_GROUNDS
        and grounds != "death"
    )


def batch_recheck(
    db: Database, actor: Actor, items: list[dict[str, Any]], *, on_date: date
) -> list[EnrollmentView]:
    """A village's re-check results at once, in one transaction (all or nothing): each item
    is ``{"enrollment_id", "result", "reason"?, "visit_id"?, "new_fen"?, "grounds"?}``."""
    if not items:
        raise ValidationError("没有选择要登记复核结果的在保记录。", code="recheck.empty")
    with db.session() as s:
        return [
            _recheck_in(
                s,
                actor,
                int(i["enrollment_id"]),
                str(i.get("result") or "unchanged"),
                on_date=on_date,
                reason=str(i.get("reason") or ""),
                visit_id=i.get("visit_id"),
                new_fen=i.get("new_fen"),
                grounds=i.get("grounds"),
                effective_month=i.get("effective_month"),
                stability=i.get("stability"),
            )
            for i in items
        ]


# --- transfers -------------------------------------------------------------------------------


def transfer_household(
    db: Database, actor: Actor, household_id: int, village_id: int, *, on_date: date, reason: str
) -> list[int]:
    """人户分离 / move to another village of the county: the household keeps its enrollments
    and history; locked rosters keep the old village (snapshots). Returns the event ids."""
    actor.require("register.write")
    if not reason.strip():
        raise ValidationError("请填写迁移理由。", code="transfer.reason", field="reason")
    with db.session() as s:
        h = s.get(Household, household_id)
        if h is None:
            raise NotFound(f"家庭 #{household_id} 不存在。", code="household.not_found")
        old, new = s.get(Village, h.village_id), s.get(Village, village_id)
        if new is None:
            raise NotFound("迁入的村（社区）不存在。", code="village.not_found")
        if old is not None and old.id == new.id:
            raise ValidationError("迁入地与现住地相同。", code="transfer.same", field="village_id")
        if _live(s, household_id):
            actor.require("enrollment.change")
        h.village_id = new.id
        s.flush()
        month = next_month(on_date)
        detail = {
            "from_village_id": old.id if old else None,
            "to_village_id": new.id,
            "from": _place(s, old),
            "to": _place(s, new),
        }
        kinds = (
            ["transfer_out", "transfer_in"]
            if old is None or old.township_id != new.township_id
            else ["transfer_in"]
        )
        ids = [
            record_event_in(
                s,
                actor,
                household_id,
                k,
                on_date,
                f"{reason.strip()}：{detail['from']} → {detail['to']}",
                effective_month=month,
                detail=detail,
            ).id
            for k in kinds
        ]
        return ids


def _place(s: Session, v: Village | None) -> str:
    if v is None:
        return ""
    t = s.get(Township, v.township_id)
    return f"{t.name if t else ''}{v.name}"


def _live(s: Session, household_id: int) -> list[Enrollment]:
    return list(
        s.scalars(
            select(Enrollment).where(
                Enrollment.household_id == household_id,
                Enrollment.status.in_(_LIVE),
                Enrollment.programme != "temporary_aid",
            )
        )
    )


def transfer_out_of_county(
    db: Database,
    actor: Actor,
    household_id: int,
    *,
    on_date: date,
    destination: str,
    reason: str = "",
) -> list[EnrollmentView]:
    """户籍迁出本县: the live dibao enrollments end from the next month (grounds "moved"); the
    register and the history stay. 特困 needs its termination procedure instead."""
    if not destination.strip():
        raise ValidationError("请填写迁往何地。", code="transfer.destination", field="destination")
    with db.session() as s:
        live = _live(s, household_id)
        if any(e.programme == "tekun" for e in live):
            raise RuleViolation(
                "特困人员迁出须按终止程序办理（公示 7 天后终止）。",
                code="event.tekun_move",
                rule="民发〔2021〕43号 第二十四条、第二十五条",
            )
        text = f"迁往{destination.strip()}" + (f"：{reason.strip()}" if reason.strip() else "")
        views = [
            enrollments.terminate_in(s, actor, e.id, "moved", text, on_date=on_date) for e in live
        ]
        record_event_in(
            s,
            actor,
            household_id,
            "transfer_out_county",
            on_date,
            text,
            effective_month=next_month(on_date),
            detail={"enrollments": [v.id for v in views], "destination": destination.strip()},
        )
        return views
