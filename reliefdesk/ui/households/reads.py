"""Read-only helpers for the household page: everything one household's tabs show, gathered
by existing services in one worker call (no rules and no SQL of our own here)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reliefdesk.db.engine import Database
from reliefdesk.errors import ReliefError
from reliefdesk.services import audit, casework, enrollments, register, visits
from reliefdesk.services.audit import AuditRow
from reliefdesk.services.casework import ApplicationRow
from reliefdesk.services.context import Actor
from reliefdesk.services.enrollments import EnrollmentView
from reliefdesk.services.register.types import HouseholdDetail
from reliefdesk.services.visits import VisitView

log = logging.getLogger(__name__)


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
    """One secondary tab's rows. A bug in that service must not make the whole household
    unreadable: it is logged and the tab shows that it could not be read."""
    try:
        return tuple(read())
    except ReliefError:
        raise
    except Exception:
        log.exception("household page: reading %s failed", what)
        problems.append(what)
        return ()


def load_bundle(
    db: Database, actor: Actor, household_id: int, *, reveal: bool = False
) -> HouseholdBundle:
    detail = register.get_household(db, actor, household_id, reveal=reveal)
    problems: list[str] = []
    return HouseholdBundle(
        detail,
        _part(
            "applications",
            lambda: casework.list_applications(db, actor, household_id=household_id),
            problems,
        ),
        _part("visits", lambda: visits.list_visits(db, actor, household_id=household_id), problems),
        _part(
            "enrollments",
            lambda: enrollments.list_enrollments(db, actor, household_id=household_id),
            problems,
        ),
        _part("history", lambda: audit.household_history(db, actor, household_id), problems),
        tuple(problems),
    )


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
