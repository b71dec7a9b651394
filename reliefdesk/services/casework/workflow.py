"""Casework: applications (申请) moving through the legal steps of their programme.

``create_application`` accepts (受理) a case; ``perform`` applies one workflow action after
:func:`reliefdesk.domain.workflow.check_transition` has approved it, records a
:class:`CaseStep` (who, role, when, decision, opinion), moves the working-day clock and writes
the audit event, all in one transaction. Confirming an approval creates the enrollment
(:func:`reliefdesk.services.enrollments.enroll_in`), paying from the next month.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain import workflow as wf
from ...domain.workflow import Action, State
from ...errors import ValidationError
from ...models import Application, Enrollment, Person, Visit
from .. import audit, enrollments
from ..context import Actor
from ..policy import policy_on, work_calendar
from ..scope import require_household
from ..township_settings import require_confirm_authority
from .facts import (
    case_facts,
    check_publicity_start,
    decided_amount,
    prelim_amount,
    record_of_action,
    save_record,
)
from .green import green_admit, green_confirm, green_stop
from .state import (
    _NO_STEPS,
    _add_step,
    _check_version,
    _covered,
    _facts,
    _limits,
    _load,
    _refresh_due,
    _steps,
    _summarise,
    _view,
)
from .types import ApplicationView, PublicityBatch

__all__ = ["perform", "perform_in", "start_publicity_batch"]

# ----------------------------------------------------------------------------- perform


def perform(
    db: Database,
    actor: Actor,
    application_id: int,
    action: str,
    *,
    on_date: date,
    decision: str = "",
    opinion: str = "",
    expected_version: int | None = None,
    **data: Any,
) -> ApplicationView:
    """Apply one workflow ``action`` (see :class:`reliefdesk.domain.workflow.Action`).

    ``data`` by action: record_visit ``visit_id``; submit_prelim optional ``amount_fen``
    (manual amount, replaces the computed one; the working keeps both); resolve_objection
    ``resolution`` ("recheck" 复查 | "democratic_review" 民主评议); confirm ``decision``
    ("approve" | "refuse") and ``stability`` ("stable" | "unstable", dibao re-check interval).
    """
    with db.session() as s:
        app = perform_in(
            s,
            actor,
            application_id,
            action,
            on_date=on_date,
            decision=decision,
            opinion=opinion,
            expected_version=expected_version,
            **data,
        )
        return _view(s, app, actor, on_date)


def perform_in(
    s: Session,
    actor: Actor,
    application_id: int,
    action: str,
    *,
    on_date: date,
    decision: str = "",
    opinion: str = "",
    expected_version: int | None = None,
    **data: Any,
) -> Application:
    app = _load(s, application_id)
    require_household(s, actor, app.household_id)  # another township's case: refused first
    _check_version(app, expected_version)
    t = wf.transition(app.programme, action, _facts(app, _NO_STEPS, actor, on_date))
    actor.require(t.permission)
    act = t.action
    if act == Action.CONFIRM:
        require_confirm_authority(s, actor, app.household_id, app.programme)
    if on_date < app.state_since:
        raise ValidationError(
            f"办理日期不能早于当前环节开始日期 {app.state_since.isoformat()}。",
            field="on_date",
            code="application.on_date",
        )
    if on_date > date.today():
        raise ValidationError("办理日期不能晚于今天。", field="on_date", code="application.on_date")
    steps = _steps(s, app.id)
    visit: Visit | None = None
    extra: dict[str, Any] = {
        "decision": decision,
        "opinion": opinion,
        "resolution": str(data.get("resolution", "")),
    }
    if act == Action.RECORD_VISIT:
        visit_id = data.get("visit_id")
        visit = s.get(Visit, visit_id) if visit_id is not None else None
        if visit is None:
            raise ValidationError(
                "请先保存入户调查记录，再登记到申请。", field="visit_id", code="application.visit"
            )
        if visit.household_id != app.household_id or visit.application_id not in (None, app.id):
            raise ValidationError(
                "该入户调查记录不属于本申请的家庭。", field="visit_id", code="application.visit"
            )
        if any(
            st.action == Action.RECORD_VISIT and st.decision == f"visit:{visit.id}" for st in steps
        ):
            raise ValidationError(
                "该入户调查记录已登记。", field="visit_id", code="application.visit_dup"
            )
        extra["visit_investigators"] = len(visit.investigators or [])
    policy = policy_on(s, app.accepted_on)
    facts = _facts(app, _summarise(steps), actor, on_date, case_facts(s, app, policy), **extra)
    old_state = State(app.state)
    new_state = wf.check_transition(app.programme, old_state, act, actor.role, facts)
    step_decision = decision
    first_day = data.get("first_day") or on_date
    if act == Action.START_PUBLICITY:
        check_publicity_start(s, steps, first_day, on_date)
    elif (
        act in (Action.RECORD_OBJECTION, Action.FINISH_PUBLICITY)
        and app.publicity_start
        and on_date < app.publicity_start
    ):
        raise ValidationError(
            f"办理日期不能早于公示首日 {app.publicity_start.isoformat()}。",
            field="on_date",
            code="application.on_date",
        )
    kind = record_of_action(act.value)
    if kind is not None:
        rec = save_record(s, actor, app, kind, on_date, opinion, data)
        step_decision = kind
        if rec.amount_fen is not None and kind in ("case_by_case", "county_approval"):
            decided_amount(s, app, rec.amount_fen, kind)  # what is decided is what is paid
        if kind == "green_channel":
            green_admit(s, actor, app, on_date, data.get("amount_fen"))
    if act == Action.REQUEST_INFO_CHECK:
        app.info_check_requested_on = on_date
    elif act == Action.RECORD_INFO_CHECK:
        app.info_check_result = opinion.strip()
    elif act == Action.RECORD_VISIT:
        assert visit is not None
        visit.application_id = app.id
        step_decision = f"visit:{visit.id}"
    elif act == Action.SUBMIT_PRELIM:
        prelim_amount(s, app, on_date, data.get("amount_fen"))
        step_decision = str(app.proposed_fen)
    elif act == Action.START_PUBLICITY:
        app.publicity_start = first_day
        app.publicity_end = wf.publicity_end(
            first_day, _limits(policy_on(s, first_day)), work_calendar(s)
        )
    elif act == Action.RECORD_OBJECTION:
        app.objection = opinion.strip()
    elif act == Action.RESOLVE_OBJECTION:
        step_decision = facts.resolution
    elif act == Action.CONFIRM:
        _confirm(s, actor, app, new_state, on_date, opinion, str(data.get("stability", "stable")))
    elif act == Action.STOP_GREEN:
        green_stop(s, actor, app, on_date, opinion)
        app.decision = new_state.value
        app.decision_reasons = opinion.strip()
        app.decided_on = on_date
    elif act in (Action.WITHDRAW, Action.TERMINATE_NONCOOPERATION):
        app.decision = new_state.value
        app.decision_reasons = opinion.strip()
        app.decided_on = on_date
    _add_step(
        s,
        app,
        actor,
        act.value,
        old_state.value,
        new_state.value,
        on_date,
        step_decision,
        opinion.strip(),
    )
    if new_state != old_state:
        app.state = new_state.value
        app.state_since = on_date
    _refresh_due(s, app)
    audit.record(
        s,
        actor,
        f"application.{act.value}",
        "application",
        app.id,
        household_id=app.household_id,
        detail={
            "from": old_state.value,
            "to": new_state.value,
            "on_date": on_date.isoformat(),
            "decision": step_decision,
            "opinion": opinion.strip()[:500],
        },
    )
    return app


def _confirm(
    s: Session,
    actor: Actor,
    app: Application,
    new_state: State,
    on_date: date,
    opinion: str,
    stability: str,
) -> None:
    app.decided_on = on_date
    admitted = s.scalar(select(Enrollment).where(Enrollment.application_id == app.id))
    if admitted is not None:  # dibao 先行纳入: the enrollment exists; confirm or stop it
        green_confirm(s, actor, app, admitted, new_state == State.APPROVED, on_date, opinion)
    if new_state == State.REFUSED:
        app.decision = "refused"
        app.decision_reasons = opinion.strip()
        return
    app.decision = "approved"
    app.decision_reasons = opinion.strip() or None
    if stability not in ("stable", "unstable"):
        raise ValidationError(
            "家庭类型须为 stable（收入稳定）或 unstable（收入不稳定）。",
            field="stability",
            code="application.stability",
        )
    applicant = s.get(Person, app.applicant_id)
    assert applicant is not None
    covered = _covered(s, app.programme, app.household_id, applicant, app.single_person, on_date)
    if admitted is None:
        enrollments.enroll_in(s, actor, app, [p.id for p in covered], on_date, stability=stability)
    if app.programme == "temporary_aid" and app.green_channel and app.aid_type == "emergency":
        limits = _limits(policy_on(s, on_date))
        app.paperwork_due = work_calendar(s).add_working_days(
            on_date, limits.paperwork_after_advance_wd
        )


def start_publicity_batch(
    db: Database, actor: Actor, ids: Sequence[int], start: date, *, recorded_on: date | None = None
) -> PublicityBatch:
    """Start the 公示 of several applications on the same day (one notice board), all or
    nothing; returns the last day (7 days by default, calendar or working days per policy).

    ``start`` is the first day on the board; ``recorded_on`` (default today) the day it is
    recorded: ``start`` may not be more than the office's grace before it (no backdating)."""
    if not ids:
        raise ValidationError("请选择要公示的申请。", code="publicity.empty")
    recorded = recorded_on or date.today()
    with db.session() as s:
        apps = [
            perform_in(s, actor, i, Action.START_PUBLICITY.value, on_date=recorded, first_day=start)
            for i in ids
        ]
        end = apps[0].publicity_end
        assert end is not None
        return PublicityBatch(tuple(ids), start, end)
