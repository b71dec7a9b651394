"""Read views of enrollments (在保): the frozen views, one enrollment by id, the list, and the
定期核查 due list (DOMAIN §2.15, §3.7). Split out of :mod:`reliefdesk.services.enrollments`,
which re-exports every public name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.changes import change_code, change_label
from ..domain.months import month_start, next_month
from ..domain.workflow import PROGRAMME_LABELS
from ..errors import NotFound
from ..models import Enrollment, Person
from .context import ROLE_LABELS, Actor
from .scope import require_household, restrict
from .stale import check_version


@dataclass(frozen=True)
class ChangeView:
    id: int
    kind: str
    kind_label: str
    effective_month: date
    old_fen: int
    new_fen: int
    reason: str
    decided_by: int
    role: str
    role_label: str


@dataclass(frozen=True)
class EnrollmentView:
    id: int
    household_id: int
    application_id: int
    payee_id: int
    payee_name: str
    programme: str
    programme_label: str
    status: str  # active | phase_out | suspended | terminated
    start_month: date
    end_month: date | None
    persons: int
    amount_fen: int
    per_capita_income_fen: int
    method: str
    care_tier: str | None
    care_mode: str | None
    phase_out_start: date | None
    recheck_months: int
    next_recheck: date | None
    terminated_reason: str | None
    member_ids: tuple[int, ...]
    active_member_ids: tuple[int, ...]
    changes: tuple[ChangeView, ...]
    version: int
    standard_fen: int | None = None
    income_fen: int | None = None
    policy_name: str | None = None
    amount_source: str = "formula"
    amount_review: str | None = None
    paid_on: date | None = None
    payment_method: str | None = None
    receipt_no: str | None = None


@dataclass(frozen=True)
class RecheckItem:
    enrollment_id: int
    household_id: int
    payee_name: str
    programme: str
    next_recheck: date
    recheck_months: int


def _view(s: Session, e: Enrollment) -> EnrollmentView:
    payee = s.get(Person, e.payee_id)
    return EnrollmentView(
        e.id,
        e.household_id,
        e.application_id,
        e.payee_id,
        payee.name if payee else "",
        e.programme,
        PROGRAMME_LABELS.get(e.programme, e.programme),
        e.status,
        e.start_month,
        e.end_month,
        e.persons,
        e.amount_fen,
        e.per_capita_income_fen,
        e.method,
        e.care_tier,
        e.care_mode,
        e.phase_out_start,
        e.recheck_months,
        e.next_recheck,
        e.terminated_reason,
        tuple(m.person_id for m in e.members),
        tuple(m.person_id for m in e.members if m.active),
        tuple(
            ChangeView(
                c.id,
                change_code(c.kind),
                change_label(c.kind),
                c.effective_month,
                c.old_fen,
                c.new_fen,
                c.reason,
                c.decided_by,
                c.role,
                ROLE_LABELS.get(c.role, c.role),
            )
            for c in e.changes
        ),
        e.version,
        e.standard_fen,
        e.income_fen,
        e.policy_name,
        e.amount_source,
        e.amount_review,
        e.paid_on,
        e.payment_method,
        e.receipt_no,
    )


def _load(s: Session, enrollment_id: int, expected_version: int | None) -> Enrollment:
    e = s.get(Enrollment, enrollment_id)
    if e is None:
        raise NotFound(f"在保记录 #{enrollment_id} 不存在。", code="enrollment.not_found")
    check_version("在保记录", e.version, expected_version)
    return e


#: The version check for composed services (e.g. the re-check result).
load_for_update = _load


def rechecks_due_in(s: Session, month: date, actor: Actor | None = None) -> list[RecheckItem]:
    """Enrollments whose next 定期核查 falls in or before ``month`` (one joined query: with
    thousands due, reading each payee separately took seconds); ``actor``'s scope when given."""
    q = (
        select(
            Enrollment.id,
            Enrollment.household_id,
            Person.name,
            Enrollment.programme,
            Enrollment.next_recheck,
            Enrollment.recheck_months,
        )
        .join(Person, Person.id == Enrollment.payee_id, isouter=True)
        .where(
            Enrollment.status != "terminated",
            Enrollment.next_recheck.is_not(None),
            Enrollment.next_recheck < next_month(month),
        )
        .order_by(Enrollment.next_recheck, Enrollment.id)
    )
    if actor is not None:
        q = restrict(q, actor, Enrollment.household_id)
    rows = s.execute(q)
    return [
        RecheckItem(i, h, name or "", prog, due, months)
        for i, h, name, prog, due, months in rows
        if due is not None  # the query only returns scheduled re-checks
    ]


def rechecks_due(db: Database, actor: Actor, month: date) -> list[RecheckItem]:
    actor.require("read")
    with db.read_session() as s:
        return rechecks_due_in(s, month_start(month), actor)


def get_enrollment(db: Database, actor: Actor, enrollment_id: int) -> EnrollmentView:
    actor.require("read")
    with db.read_session() as s:
        e = _load(s, enrollment_id, None)
        require_household(s, actor, e.household_id)
        return _view(s, e)


def list_enrollments(
    db: Database,
    actor: Actor,
    *,
    household_id: int | None = None,
    status: str | None = None,
    programme: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[EnrollmentView]:
    with db.read_session() as s:
        return list_enrollments_in(
            s,
            actor,
            household_id=household_id,
            status=status,
            programme=programme,
            limit=limit,
            offset=offset,
        )


def list_enrollments_in(
    s: Session,
    actor: Actor,
    *,
    household_id: int | None = None,
    status: str | None = None,
    programme: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[EnrollmentView]:
    """:func:`list_enrollments` inside an open session (composition)."""
    actor.require("read")
    q = restrict(select(Enrollment), actor, Enrollment.household_id)
    if household_id is not None:
        q = q.where(Enrollment.household_id == household_id)
    if status is not None:
        q = q.where(Enrollment.status == status)
    if programme is not None:
        q = q.where(Enrollment.programme == programme)
    rows = s.scalars(q.order_by(Enrollment.id).limit(limit).offset(offset))
    return [_view(s, e) for e in rows]
