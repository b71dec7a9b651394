"""What one household's page shows, read in one snapshot: the register detail, its
applications, visits, enrollments (with the payment steps) and its history.

One session for the whole page (a read-only one unless ``reveal`` audits the full ID numbers),
composed of the families' ``*_in`` reads; no rules of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..db.engine import Database
from ..errors import ReliefError
from .audit import AuditRow, household_history_in
from .casework.reads import list_applications_in
from .casework.types import ApplicationRow
from .context import Actor
from .enrollments import EnrollmentView, list_enrollments_in
from .register.read import get_household_in
from .register.types import HouseholdDetail
from .visits import VisitView, list_visits_in

__all__ = [
    "HouseholdBundle",
    "PaymentLine",
    "household_bundle",
    "household_bundle_in",
    "payment_lines",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PaymentLine:
    """One step of an enrollment's monthly amount: the start, then each recorded change."""

    programme: str
    month: date
    kind: str  # "start" or an EnrollmentChange kind
    old_fen: int | None
    new_fen: int
    status: str
    reason: str


def payment_lines(items: tuple[EnrollmentView, ...]) -> tuple[PaymentLine, ...]:
    """Newest enrollment first; within one, the start followed by its changes."""
    out: list[PaymentLine] = []
    for e in sorted(items, key=lambda x: x.id, reverse=True):
        first = e.changes[0].old_fen if e.changes else e.amount_fen
        out.append(PaymentLine(e.programme, e.start_month, "start", None, first, e.status, ""))
        out.extend(
            PaymentLine(
                e.programme, c.effective_month, c.kind, c.old_fen, c.new_fen, e.status, c.reason
            )
            for c in e.changes
        )
    return tuple(out)


@dataclass(frozen=True)
class HouseholdBundle:
    detail: HouseholdDetail
    applications: tuple[ApplicationRow, ...]
    visits: tuple[VisitView, ...]
    enrollments: tuple[EnrollmentView, ...]
    history: tuple[AuditRow, ...]
    problems: tuple[str, ...] = ()  # parts that could not be read

    @property
    def payments(self) -> tuple[PaymentLine, ...]:
        return payment_lines(self.enrollments)


def _part(what: str, read: Callable[[], list[Any]], problems: list[str]) -> tuple[Any, ...]:
    """One secondary tab's rows. A bug in that read must not make the whole household
    unreadable: it is logged and the tab shows that it could not be read."""
    try:
        return tuple(read())
    except ReliefError:
        raise
    except Exception:
        log.exception("household page: reading %s failed", what)
        problems.append(what)
        return ()


def household_bundle_in(
    s: Session, actor: Actor, household_id: int, *, reveal: bool = False
) -> HouseholdBundle:
    """:func:`household_bundle` inside an open session."""
    detail = get_household_in(s, actor, household_id, reveal=reveal)
    problems: list[str] = []
    return HouseholdBundle(
        detail,
        _part(
            "applications",
            lambda: list_applications_in(s, actor, household_id=household_id),
            problems,
        ),
        _part("visits", lambda: list_visits_in(s, actor, household_id=household_id), problems),
        _part(
            "enrollments",
            lambda: list_enrollments_in(s, actor, household_id=household_id),
            problems,
        ),
        _part("history", lambda: household_history_in(s, household_id), problems),
        tuple(problems),
    )


def household_bundle(
    db: Database, actor: Actor, household_id: int, *, reveal: bool = False
) -> HouseholdBundle:
    """Everything the household page's tabs show, in one snapshot. ``reveal`` (full ID and
    account numbers) writes an audit event, so it needs a write transaction."""
    actor.require("read")
    with db.session() if reveal else db.read_session() as s:
        return household_bundle_in(s, actor, household_id, reveal=reveal)
