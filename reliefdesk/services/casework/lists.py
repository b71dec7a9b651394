"""The 申请审批 list as a clerk reads it: search (name, pinyin initials, ID digits, file no.),
sort by any column in SQL, the 办理时限 of every open step, the green-channel marker and who
handled the last step (by display name, not user name).

办理时限 is the stored ``due_on`` (the earliest of the step and whole-case limits, computed by
casework when a step is recorded); an open case without one (e.g. rows loaded from another
system, a temporary-aid or 特困 investigation) gets the programme's own limit from the same
workflow functions (:func:`reliefdesk.domain.workflow.step_deadline` /
:func:`~reliefdesk.domain.workflow.total_deadline`) under the policy of its acceptance date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain import workflow as wf
from ...domain.calendar import WorkCalendar
from ...domain.pinyin import normalize_query
from ...models import Application, CaseStep, Household, Person, PersonSearchKey, User, Village
from ..context import Actor
from ..policy import work_calendar
from ..scope import township_condition
from ..township_settings import Delegation
from .board import _MemoCalendar, _Policies  # casework's own deadline helpers

__all__ = ["SORT_COLUMNS", "CaseListRow", "case_deadline", "list_cases"]

SORT_COLUMNS = {
    "file_no": Application.file_no,
    "applicant": Person.name,
    "programme": Application.programme,
    "state": Application.state,
    "accepted_on": Application.accepted_on,
    "state_since": Application.state_since,
    "due_on": Application.due_on,
    "proposed": Application.proposed_fen,
    "village": Village.name,
}


@dataclass(frozen=True)
class CaseListRow:
    id: int
    file_no: str
    household_id: int
    applicant_id: int
    applicant_name: str
    village: str
    programme: str
    state: str
    state_label: str
    accepted_on: date
    state_since: date
    due_on: date | None  # 办理时限 of the open step ("" once closed)
    overdue: bool
    green_channel: bool
    handler: str  # display name of whoever recorded the last step
    proposed_fen: int | None
    version: int


def case_deadline(
    app: Application, policies: _Policies, cal: WorkCalendar, delegation: Delegation
) -> date | None:
    """办理时限 of an open case: its stored ``due_on`` or, when none is stored, the limit its
    programme sets for the step (temporary aid: from acceptance; 特困: investigation and
    初审 within the tekun limit; dibao: the whole-case limit, 20 or 30 working days as
    ``delegation`` says for the household's township)."""
    state = str(app.state)
    if state not in {s.value for s in wf.OPEN_STATES}:
        return None
    stored: date | None = app.due_on
    if stored is not None:
        return stored
    programme, accepted = str(app.programme), app.accepted_on
    policy, limits = policies(accepted)
    step = wf.step_deadline(
        programme,
        state,
        state_since=app.state_since,
        accepted_on=accepted,
        limits=limits,
        calendar=cal,
        publicity_end_on=app.publicity_end,
    )
    total = wf.total_deadline(
        programme,
        accepted,
        limits,
        cal,
        delegated=delegation(policy, app.household_id),
        extended=bool(app.extended),
    )
    found = [d for d in (step, total) if d is not None]
    return min(found) if found else None


def _handlers(s: Session, ids: list[int]) -> dict[int, str]:
    """Display name of whoever recorded the last step of each application."""
    if not ids:
        return {}
    last = (
        select(CaseStep.application_id, func.max(CaseStep.id).label("step_id"))
        .where(CaseStep.application_id.in_(ids))
        .group_by(CaseStep.application_id)
        .subquery()
    )
    rows = s.execute(
        select(last.c.application_id, User.display_name, CaseStep.username)
        .join(CaseStep, CaseStep.id == last.c.step_id)
        .join(User, User.id == CaseStep.user_id, isouter=True)
    )
    return {app_id: (name or username or "") for app_id, name, username in rows}


def list_cases(
    db: Database,
    actor: Actor,
    *,
    state: str | None = None,
    programme: str | None = None,
    open_only: bool = False,
    text: str = "",
    sort: str = "accepted_on",
    descending: bool = True,
    limit: int = 200,
    offset: int = 0,
    today: date | None = None,
) -> list[CaseListRow]:
    """One page of the list, filtered and sorted in SQL."""
    actor.require("read")
    today = today or date.today()
    with db.read_session() as s:
        q = (
            select(Application, Person.name, Village.name)
            .join(Person, Person.id == Application.applicant_id)
            .join(Household, Household.id == Application.household_id)
            .join(Village, Village.id == Household.village_id)
        )
        in_scope = township_condition(actor, Village.township_id)
        if in_scope is not None:
            q = q.where(in_scope)
        if state is not None:
            q = q.where(Application.state == state)
        if programme is not None:
            q = q.where(Application.programme == programme)
        if open_only:
            q = q.where(Application.state.in_([st.value for st in wf.OPEN_STATES]))
        needle = text.strip()
        if needle:
            like = f"%{needle}%"
            key = normalize_query(needle)
            conds = [
                Person.name.like(like),
                Application.file_no.like(like),
                Village.name.like(like),
                cast(Application.id, String) == needle,
            ]
            if key and key.isascii() and key.isalnum():
                conds += [
                    Person.id_number.like(f"%{key.upper()}%"),
                    Person.id.in_(
                        select(PersonSearchKey.person_id).where(
                            PersonSearchKey.key.like(f"{key.lower()}%")
                        )
                    ),
                ]
            q = q.where(or_(*conds))
        column = SORT_COLUMNS.get(sort, Application.accepted_on)
        order = column.desc() if descending else column.asc()
        q = q.order_by(order, Application.id.desc() if descending else Application.id.asc())
        found = s.execute(q.limit(limit).offset(offset)).all()
        handlers = _handlers(s, [a.id for a, _n, _v in found])
        cal = _MemoCalendar(work_calendar(s))
        policies = _Policies(s)
        delegation = Delegation(s)
        delegation.prefetch(a.household_id for a, _n, _v in found)
        out = []
        for a, name, village in found:
            due = case_deadline(a, policies, cal, delegation)
            out.append(
                CaseListRow(
                    a.id,
                    a.file_no,
                    a.household_id,
                    a.applicant_id,
                    name,
                    village,
                    a.programme,
                    a.state,
                    wf.STATE_LABELS[a.state],
                    a.accepted_on,
                    a.state_since,
                    due,
                    due is not None and due < today,
                    bool(a.green_channel),
                    handlers.get(a.id, ""),
                    a.proposed_fen,
                    a.version,
                )
            )
        return out
