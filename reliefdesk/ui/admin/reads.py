"""Read-only helpers for the settings page where no list service exists: the holiday table of
one year and a page of audit events. Plain selects in a read-only session, returning frozen
dataclasses (no rules here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.models import AuditEvent, Holiday
from reliefdesk.services.context import Actor


@dataclass(frozen=True)
class HolidayRow:
    day: date
    kind: str  # "holiday" (放假) | "workday" (调休上班)
    name: str


@dataclass(frozen=True)
class AuditEventRow:
    id: int
    at: datetime
    username: str
    role: str
    action: str
    entity: str
    entity_id: str
    household_id: int | None
    detail: dict[str, Any]
    success: bool


def holidays_of_year(db: Database, actor: Actor, year: int) -> list[HolidayRow]:
    """The 放假 and 调休上班 days of ``year`` in date order."""
    actor.require("read")
    with db.read_session() as s:
        rows = s.scalars(select(Holiday).where(Holiday.day >= date(year, 1, 1),
                                               Holiday.day <= date(year, 12, 31))
                         .order_by(Holiday.day))
        return [HolidayRow(r.day, r.kind, r.name or "") for r in rows]


def audit_page(db: Database, actor: Actor, offset: int, limit: int, *, username: str = "",
               action: str = "") -> list[AuditEventRow]:
    """Audit events, newest first, optionally only one user's or one action's."""
    actor.require("audit.read")
    q = select(AuditEvent).order_by(AuditEvent.id.desc())
    if username:
        q = q.where(AuditEvent.username == username)
    if action:
        q = q.where(AuditEvent.action == action)
    with db.read_session() as s:
        rows = s.scalars(q.offset(offset).limit(limit))
        return [AuditEventRow(r.id, r.at, r.username, r.role, r.action, r.entity, r.entity_id,
                              r.household_id, dict(r.detail or {}), bool(r.success))
                for r in rows]


def audit_filter_choices(db: Database, actor: Actor) -> tuple[list[str], list[str]]:
    """The usernames and the action codes that occur in the audit log."""
    actor.require("audit.read")
    with db.read_session() as s:
        names = list(s.scalars(select(AuditEvent.username).distinct()
                               .order_by(AuditEvent.username)))
        actions = list(s.scalars(select(AuditEvent.action).distinct()
                                 .order_by(AuditEvent.action)))
    return names, actions
