"""The workbench (工作台) and the overdue list: every pending case with its legal deadline,
what the acting user can do on it, re-checks due and follow-ups started by events. Read-only,
in a handful of queries whatever the number of cases. Re-exported by
:mod:`reliefdesk.services.casework`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain import workflow as wf
from ...domain.calendar import WorkCalendar
from ...domain.months import month_start
from ...domain.workflow import Action, State
from ...models import Application, CaseStep, Person
from .. import enrollments
from ..context import Actor
from ..policy import Policy, list_policies, policy_on, work_calendar
from ..scope import scope_households
from ..township_settings import Delegation
from .events import EventItem, event_items
from .facts import CaseFacts, case_facts_bulk
from .reads import list_applications_in
from .state import (
    _STEP_ACTIONS,
    _deadlines_with,
    _earliest,
    _facts,
    _limits,
    _step_facts,
    _StepFacts,
)

__all__ = [
    "QUICK_LIMIT",
    "OverdueItem",
    "WorkItem",
    "Workbench",
    "overdue",
    "quick_todo",
    "workbench",
]

QUICK_LIMIT = 5000


@dataclass(frozen=True)
class OverdueItem:
    application_id: int
    file_no: str
    applicant_name: str
    programme: str
    state: str
    kind: str  # step | total | refusal_notice | paperwork
    due_on: date
    working_days_over: int


@dataclass(frozen=True)
class WorkItem:
    application_id: int
    file_no: str
    applicant_name: str
    programme: str
    state: str
    state_label: str
    due_on: date | None
    days_left: int | None  # working days; negative = overdue
    actions: tuple[str, ...]
    deadline_warning: str | None = None  # the deadline runs through a year without holidays


@dataclass(frozen=True)
class Workbench:
    by_state: Mapping[str, tuple[WorkItem, ...]]
    waiting_for_me: tuple[WorkItem, ...]
    rechecks_due: tuple[enrollments.RecheckItem, ...]
    overdue: tuple[OverdueItem, ...]
    events: tuple[EventItem, ...] = ()  # follow-ups started by events (deaths, age 18 …)


class _MemoCalendar(WorkCalendar):
    """A WorkCalendar remembering its answers: many cases share start dates and deadlines."""

    def __init__(self, base: WorkCalendar) -> None:
        super().__init__(base.holidays, base.makeup_workdays, base.covered_years)
        self._added: dict[tuple[date, int], date] = {}
        self._between: dict[tuple[date, date], int] = {}

    def add_working_days(self, start: date, n: int) -> date:
        key = (start, n)
        found = self._added.get(key)
        if found is None:
            found = self._added[key] = super().add_working_days(start, n)
        return found

    def working_days_between(self, start: date, end: date) -> int:
        key = (start, end)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = super().working_days_between(start, end)
        return found


class _Policies:
    """``policy_on`` for many dates from one read of the (few) policy versions."""

    def __init__(self, s: Session) -> None:
        self._s = s
        self._versions = sorted(list_policies(s), key=lambda p: (p.effective_from, p.id))
        self._by_date: dict[date, tuple[Policy, wf.Limits]] = {}
        self._limits: dict[int, wf.Limits] = {}

    def __call__(self, on: date) -> tuple[Policy, wf.Limits]:
        found = self._by_date.get(on)
        if found is None:
            policy = next((p for p in reversed(self._versions) if p.effective_from <= on), None)
            if policy is None:
                policy = policy_on(self._s, on)  # raises the NotFound users see
            limits = self._limits.get(policy.id)
            if limits is None:
                limits = self._limits[policy.id] = _limits(policy)
            found = self._by_date[on] = (policy, limits)
        return found


_PENDING_COLUMNS = (
    Application.id,
    Application.file_no,
    Application.programme,
    Application.state,
    Application.state_since,
    Application.accepted_on,
    Application.created_by,
    Application.green_channel,
    Application.aid_type,
    Application.info_check_requested_on,
    Application.info_check_result,
    Application.self_care,
    Application.care_tier,
    Application.proposed_fen,
    Application.publicity_end,
    Application.paperwork_due,
    Application.decided_on,
    Application.extended,
    Application.due_on,
    Application.household_id,
    Application.applicant_id,
    Application.single_person,
)


@dataclass(frozen=True)
class _Pending:
    row: Any  # a result row with the _PENDING_COLUMNS attributes and ``applicant_name``
    steps: _StepFacts
    step_due: date | None
    total_due: date | None
    case: CaseFacts


def _pending_condition() -> Any:
    """Open applications plus closed ones with something still due (notice, paperwork)."""
    return Application.state.in_([st.value for st in wf.OPEN_STATES]) | (
        Application.state.in_([State.REFUSED.value, State.APPROVED.value])
        & Application.due_on.is_not(None)
    )


def _pending(s: Session, cal: WorkCalendar, actor: Actor) -> list[_Pending]:
    """Every pending case in ``actor``'s scope with its step facts and deadlines, in (stored
    due date, id) order: three queries whatever the number of cases."""
    cond = _pending_condition()
    in_scope = scope_households(actor)
    if in_scope is not None:
        cond = cond & Application.household_id.in_(in_scope)
    rows = s.execute(
        select(*_PENDING_COLUMNS, Person.name.label("applicant_name"))
        .join(Person, Person.id == Application.applicant_id, isouter=True)
        .where(cond)
        .order_by(Application.due_on, Application.id)
    ).all()
    counts: dict[int, dict[str, tuple[int, int]]] = {}
    for app_id, action, n, last in s.execute(
        select(
            CaseStep.application_id, CaseStep.action, func.count(CaseStep.id), func.max(CaseStep.id)
        )
        .where(
            CaseStep.application_id.in_(select(Application.id).where(cond)),
            CaseStep.action.in_(_STEP_ACTIONS),
        )
        .group_by(CaseStep.application_id, CaseStep.action)
    ):
        counts.setdefault(app_id, {})[action] = (n, last)
    policies = _Policies(s)
    cases = case_facts_bulk(s, rows, policies)
    delegation = Delegation(s)
    delegation.prefetch(r.household_id for r in rows)
    out: list[_Pending] = []
    for r in rows:
        sf = _step_facts(counts.get(r.id, {}))
        policy, limits = policies(r.accepted_on)
        cf = cases[r.id]
        step, total = _deadlines_with(
            r,
            sf,
            limits,
            cal,
            cf.green_due if cf.green_authorised else None,
            delegated=delegation(policy, r.household_id),
        )
        out.append(_Pending(r, sf, step, total, cf))
    return out


def _overdue_of(pending: Sequence[_Pending], on: date, cal: WorkCalendar) -> list[OverdueItem]:
    out: list[OverdueItem] = []
    for p in pending:
        app = p.row
        kind = {State.REFUSED: "refusal_notice", State.APPROVED: "paperwork"}.get(
            State(app.state), "step"
        )
        for k, due in ((kind, p.step_due), ("total", p.total_due)):
            if due is not None and on > due:
                out.append(
                    OverdueItem(
                        app.id,
                        app.file_no,
                        app.applicant_name or "",
                        app.programme,
                        app.state,
                        k,
                        due,
                        cal.working_days_between(due, on),
                    )
                )
    return out


def overdue(db: Database, actor: Actor, on: date) -> list[OverdueItem]:
    """Applications whose current step, whole-case limit, refusal notice or 先行救助 paperwork
    is past its deadline on ``on`` (a deadline day itself is not overdue)."""
    actor.require("read")
    with db.read_session() as s:
        cal = _MemoCalendar(work_calendar(s))
        return _overdue_of(_pending(s, cal, actor), on, cal)


def workbench(db: Database, actor: Actor, today: date) -> Workbench:
    """The to-do screen: pending cases by state with deadline and working days left, the
    ones this actor can act on, re-checks due this month, overdue items and the follow-ups
    events started (:func:`reliefdesk.services.casework.events.event_items`)."""
    actor.require("read")
    with db.read_session() as s:
        cal = _MemoCalendar(work_calendar(s))
        pending = _pending(s, cal, actor)
        by_state: dict[str, list[WorkItem]] = {}
        mine: list[WorkItem] = []
        passive = {Action.WITHDRAW.value, Action.TERMINATE_NONCOOPERATION.value}
        for p in pending:
            app = p.row
            due = _earliest(p.step_due, p.total_due)
            actions = tuple(
                a.value
                for a in wf.allowed_actions(
                    app.programme, app.state, actor.role, _facts(app, p.steps, actor, today, p.case)
                )
            )
            item = WorkItem(
                app.id,
                app.file_no,
                app.applicant_name or "",
                app.programme,
                app.state,
                wf.STATE_LABELS[app.state],
                due,
                cal.working_days_between(today, due) if due else None,
                actions,
                cal.coverage_warning(app.accepted_on, due),
            )
            by_state.setdefault(app.state, []).append(item)
            if set(actions) - passive:
                mine.append(item)

        def key(w: WorkItem) -> tuple[date, int]:
            return (w.due_on or date.max, w.application_id)

        return Workbench(
            {k: tuple(sorted(v, key=key)) for k, v in by_state.items()},
            tuple(sorted(mine, key=key)),
            tuple(enrollments.rechecks_due_in(s, month_start(today), actor)),
            tuple(_overdue_of(pending, today, cal)),
            tuple(event_items(s, today, actor)),
        )


def quick_todo(db: Database, actor: Actor, today: date, limit: int = QUICK_LIMIT) -> list[WorkItem]:
    """Open cases with their stored deadline and working days left (no actions yet): the
    workbench's first, fast paint, in one snapshot."""
    with db.read_session() as s:
        rows = list_applications_in(s, actor, open_only=True, limit=limit)
        cal = work_calendar(s)
    return [
        WorkItem(
            r.id,
            r.file_no,
            r.applicant_name,
            r.programme,
            r.state,
            r.state_label,
            r.due_on,
            cal.working_days_between(today, r.due_on) if r.due_on else None,
            (),
        )
        for r in rows
    ]
