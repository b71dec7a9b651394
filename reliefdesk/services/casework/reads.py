"""Casework reads: one application with its steps and records, and the plain application list.

Both open a read-only session (``Database.read_session``): a read never takes the write lock.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain import workflow as wf
from ...models import Application, Person
from ..context import Actor
from ..scope import require_household, restrict
from .state import _load, _view
from .types import ApplicationRow, ApplicationView

__all__ = ["get_application", "list_applications", "list_applications_in"]


def get_application(
    db: Database, actor: Actor, application_id: int, today: date | None = None
) -> ApplicationView:
    actor.require("read")
    with db.read_session() as s:
        app = _load(s, application_id)
        require_household(s, actor, app.household_id)
        return _view(s, app, actor, today)


def list_applications(
    db: Database,
    actor: Actor,
    state: str | None = None,
    programme: str | None = None,
    *,
    household_id: int | None = None,
    open_only: bool = False,
    limit: int = 500,
    offset: int = 0,
) -> list[ApplicationRow]:
    with db.read_session() as s:
        return list_applications_in(
            s,
            actor,
            state,
            programme,
            household_id=household_id,
            open_only=open_only,
            limit=limit,
            offset=offset,
        )


def list_applications_in(
    s: Session,
    actor: Actor,
    state: str | None = None,
    programme: str | None = None,
    *,
    household_id: int | None = None,
    open_only: bool = False,
    limit: int = 500,
    offset: int = 0,
) -> list[ApplicationRow]:
    """:func:`list_applications` inside an open session (composition)."""
    actor.require("read")
    q = select(Application, Person.name).join(Person, Person.id == Application.applicant_id)
    if state is not None:
        q = q.where(Application.state == state)
    if programme is not None:
        q = q.where(Application.programme == programme)
    if household_id is not None:
        q = q.where(Application.household_id == household_id)
    q = restrict(q, actor, Application.household_id)
    if open_only:
        q = q.where(Application.state.in_([st.value for st in wf.OPEN_STATES]))
    q = q.order_by(Application.accepted_on.desc(), Application.id.desc())
    return [
        ApplicationRow(
            a.id,
            a.file_no,
            a.household_id,
            a.applicant_id,
            name,
            a.programme,
            a.state,
            wf.STATE_LABELS[a.state],
            a.state_since,
            a.due_on,
            a.accepted_on,
            a.proposed_fen,
            a.version,
        )
        for a, name in s.execute(q.limit(limit).offset(offset))
    ]
