"""An application's state as the workflow sees it: its step facts, deadlines and the
:class:`ApplicationView`, plus the small step-writing helpers that :mod:`.workflow` and
:mod:`.create` share (DOMAIN §3). Split out of :mod:`reliefdesk.services.casework.workflow`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import admission
from ...domain import workflow as wf
from ...domain.calendar import WorkCalendar
from ...domain.workflow import Action, State
from ...errors import NotFound
from ...models import Application, CaseRecord, CaseStep, Enrollment, EnrollmentChange, Person
from ..assessment import counted_members
from ..context import ROLE_LABELS, Actor
from ..policy import Policy, policy_on, work_calendar
from ..stale import check_version
from ..township_settings import confirmation_delegated
from ..user_names import user_names
from .facts import (
    CaseFacts,
    case_facts,
)
from .types import ApplicationView, RecordView, StepView


def _limits(policy: Policy) -> wf.Limits:
    return wf.Limits.from_mapping(
        policy.data.get("limits", {}),
        publicity_days=policy.publicity_days,
        publicity_working_days=policy.publicity_working_days,
    )


def _load(s: Session, application_id: int) -> Application:
    app = s.get(Application, application_id)
    if app is None:
        raise NotFound(f"申请 #{application_id} 不存在。", code="application.not_found")
    return app


def _steps(s: Session, app_id: int) -> list[CaseStep]:
    return list(
        s.scalars(select(CaseStep).where(CaseStep.application_id == app_id).order_by(CaseStep.id))
    )


@dataclass(frozen=True)
class _StepFacts:
    """What the guards and deadlines need from a case's steps (ids are in step order)."""

    visits: int = 0
    last_prelim: int = -1  # id of the newest submit_prelim step, -1 if none
    last_resolve: int = -1  # id of the newest resolve_objection step
    notice_recorded: bool = False
    paperwork_done: bool = False


_NO_STEPS = _StepFacts()
_STEP_ACTIONS = (
    Action.RECORD_VISIT.value,
    Action.SUBMIT_PRELIM.value,
    Action.RESOLVE_OBJECTION.value,
    Action.RECORD_NOTICE.value,
    Action.COMPLETE_PAPERWORK.value,
)


def _step_facts(counts: Mapping[str, tuple[int, int]]) -> _StepFacts:
    """From {action: (number of steps, newest step id)}."""
    if not counts:
        return _NO_STEPS
    return _StepFacts(
        visits=counts.get(Action.RECORD_VISIT.value, (0, -1))[0],
        last_prelim=counts.get(Action.SUBMIT_PRELIM.value, (0, -1))[1],
        last_resolve=counts.get(Action.RESOLVE_OBJECTION.value, (0, -1))[1],
        notice_recorded=Action.RECORD_NOTICE.value in counts,
        paperwork_done=Action.COMPLETE_PAPERWORK.value in counts,
    )


def _summarise(steps: Sequence[CaseStep]) -> _StepFacts:
    counts: dict[str, tuple[int, int]] = {}
    for st in steps:
        if st.action in _STEP_ACTIONS:
            n, last = counts.get(st.action, (0, -1))
            counts[st.action] = (n + 1, max(last, st.id))
    return _step_facts(counts)


def _facts(
    app: Any, sf: _StepFacts, actor: Actor, on_date: date, cf: CaseFacts | None = None, **extra: Any
) -> wf.Facts:
    """``app``: an Application or a row with the same attribute names; ``cf``: the facts from
    records and steps (:mod:`reliefdesk.services.casework.facts`)."""
    return wf.Facts(
        actor_user_id=actor.user_id,
        created_by=app.created_by,
        on_date=on_date,
        green_channel=app.green_channel,
        aid_type=app.aid_type,
        visits_recorded=sf.visits,
        info_check_requested=app.info_check_requested_on is not None,
        info_check_recorded=app.info_check_result is not None,
        self_care_assessed=app.self_care is not None and app.care_tier is not None,
        prelim_current=sf.last_prelim >= 0 and sf.last_prelim > sf.last_resolve,
        proposed_fen=app.proposed_fen,
        publicity_end=app.publicity_end,
        objection_open=app.state == State.OBJECTION_REVIEW,
        notice_pending=app.state == State.REFUSED and not sf.notice_recorded,
        paperwork_pending=app.paperwork_due is not None and not sf.paperwork_done,
        **(cf.as_kwargs() if cf is not None else {}),
        **extra,
    )


def _deadlines_with(
    app: Any,
    sf: _StepFacts,
    limits: wf.Limits,
    cal: WorkCalendar,
    green_due: date | None = None,
    *,
    delegated: bool,
) -> tuple[date | None, date | None]:
    """(current step deadline, whole-case deadline) under ``limits`` (the policy of
    ``app.accepted_on``); a dibao 先行纳入 (``green_due``) must complete the ordinary steps
    by its own deadline; ``delegated``: confirmation delegated to the household's township
    (:class:`~reliefdesk.services.township_settings.Delegation`)."""
    paperwork = app.paperwork_due if not sf.paperwork_done else None
    pending_check = app.info_check_requested_on if app.info_check_result is None else None
    step = wf.step_deadline(
        app.programme,
        app.state,
        state_since=app.state_since,
        accepted_on=app.accepted_on,
        limits=limits,
        calendar=cal,
        publicity_end_on=app.publicity_end,
        decided_on=app.decided_on,
        notice_pending=app.state == State.REFUSED and not sf.notice_recorded,
        paperwork_due=paperwork,
        info_check_pending_since=pending_check,
    )
    total = None
    if app.state in wf.OPEN_STATES:
        step = _earliest(step, green_due)
        total = wf.total_deadline(
            app.programme,
            app.accepted_on,
            limits,
            cal,
            delegated=delegated,
            extended=app.extended,
        )
    return step, total


def _green_due(s: Session, app: Application) -> date | None:
    if not wf.is_dibao(app.programme):
        return None
    return s.scalar(
        select(CaseRecord.due_on).where(
            CaseRecord.application_id == app.id, CaseRecord.kind == "green_channel"
        )
    )


def _deadlines(
    s: Session, app: Application, sf: _StepFacts, cal: WorkCalendar | None = None
) -> tuple[date | None, date | None]:
    """(current step deadline, whole-case deadline)."""
    policy = policy_on(s, app.accepted_on)
    return _deadlines_with(
        app,
        sf,
        _limits(policy),
        cal or work_calendar(s),
        _green_due(s, app),
        delegated=confirmation_delegated(s, policy, app.household_id),
    )


def _earliest(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def _name(s: Session, person_id: int) -> str:
    p = s.get(Person, person_id)
    return p.name if p else ""


def _view(s: Session, app: Application, actor: Actor, today: date | None = None) -> ApplicationView:
    steps = _steps(s, app.id)
    names = user_names(s, {st.user_id for st in steps})
    sf = _summarise(steps)
    cal = work_calendar(s)
    step_due, total_due = _deadlines(s, app, sf, cal)
    policy = policy_on(s, app.accepted_on)
    cf = case_facts(s, app, policy)
    facts = _facts(app, sf, actor, today or date.today(), cf)
    actions = tuple(
        a.value for a in wf.allowed_actions(app.programme, app.state, actor.role, facts)
    )
    enrollment = s.scalar(select(Enrollment).where(Enrollment.application_id == app.id))
    enr = enrollment.id if enrollment is not None else None
    notice_change = (
        s.scalar(
            select(func.max(EnrollmentChange.id)).where(
                EnrollmentChange.enrollment_id == enr,
                EnrollmentChange.kind.in_(("decrease", "suspend", "terminate")),
            )
        )
        if enr
        else None
    )
    working = app.working or {}
    due = _earliest(step_due, total_due)
    warnings = [str(w) for w in working.get("warnings", [])] + _repeat_warnings(s, app)
    records = tuple(
        RecordView(
            r.id,
            r.kind,
            r.on_date,
            r.body,
            r.participants,
            r.reference,
            r.amount_fen,
            r.due_on,
            r.note,
        )
        for r in s.scalars(
            select(CaseRecord).where(CaseRecord.application_id == app.id).order_by(CaseRecord.id)
        )
    )
    return ApplicationView(
        app.id,
        app.file_no,
        app.household_id,
        app.applicant_id,
        _name(s, app.applicant_id),
        app.programme,
        wf.PROGRAMME_LABELS[app.programme],
        app.state,
        wf.STATE_LABELS[app.state],
        app.state_since,
        due,
        total_due,
        app.accepted_on,
        app.reason,
        app.single_person,
        app.care_mode,
        dict(app.self_care) if app.self_care else None,
        app.care_tier,
        app.aid_type,
        app.aid_months,
        app.aid_persons,
        app.green_channel,
        app.paperwork_due,
        app.info_check_requested_on,
        app.info_check_result,
        app.publicity_start,
        app.publicity_end,
        app.objection,
        app.extended,
        app.proposed_fen,
        tuple((str(a), str(b)) for a, b in working.get("lines", [])),
        tuple(warnings),
        app.decision,
        app.decision_reasons,
        app.decided_on,
        app.created_by,
        app.version,
        enr,
        tuple(
            StepView(
                st.id,
                st.action,
                wf.ACTION_LABELS.get(st.action, _EXTRA_LABELS.get(st.action, st.action)),
                st.from_state,
                st.to_state,
                st.user_id,
                names.get(st.user_id, st.username),  # 办理人 by real name
                st.role,
                ROLE_LABELS.get(st.role, st.role),
                st.at,
                st.on_date,
                st.decision,
                st.opinion,
            )
            for st in steps
        ),
        actions,
        records,
        app.aid_cause,
        cf.green_due if cf.green_authorised else None,
        cal.coverage_warning(app.accepted_on, due),
        _blockers(app, cf),
        notice_change,
        enrollment.status if enrollment is not None else None,
    )


def _blockers(app: Application, cf: CaseFacts) -> tuple[str, ...]:
    """What must be recorded before this case can be confirmed, in words."""
    if app.state not in wf.OPEN_STATES:
        return ()
    out = []
    if cf.county_approval_needed and not cf.county_approval_recorded:
        out.append("金额超过乡镇审批限额：须登记县级审批。")
    if cf.case_by_case_needed and not cf.case_by_case_recorded:
        out.append("金额超过一事一议标准：须登记一事一议决定。")
    if cf.county_visit_required and not cf.county_visit_recorded:
        out.append("近亲属备案案件：须登记县级民政部门入户调查。")
    if (
        cf.advance_cap_fen is not None
        and app.proposed_fen is not None
        and app.proposed_fen > cf.advance_cap_fen
    ):
        out.append(f"超过先行救助上限 {cf.advance_cap_fen / 100:.2f} 元：须按正常程序办理。")
    return tuple(out)


def _repeat_warnings(s: Session, app: Application) -> list[str]:
    """Same household, temporary aid for the same cause within 12 months (DOMAIN §4.4: the
    same cause once a year where the county says so): a warning, not a refusal."""
    if app.programme != "temporary_aid":
        return []
    key = admission.cause_key(app.aid_cause, app.reason)
    earlier = [
        (o.decided_on, admission.cause_key(o.aid_cause, o.reason))
        for o in s.scalars(
            select(Application).where(
                Application.household_id == app.household_id,
                Application.programme == "temporary_aid",
                Application.decision == "approved",
                Application.id != app.id,
                Application.decided_on.is_not(None),
            )
        )
        if o.decided_on is not None  # the query keeps decided cases only
    ]
    dates = admission.repeat_aid_dates(app.accepted_on, earlier, key)
    if not dates:
        return []
    return [
        f"本户在 12 个月内已因同一原因获得临时救助（{'、'.join(d.isoformat() for d in dates)}），"
        "请核实是否重复救助。"
    ]


_EXTRA_LABELS = {"accept": "受理", "self_care": "生活自理能力评估", "extend": "延长办理时限"}


def _add_step(
    s: Session,
    app: Application,
    actor: Actor,
    action: str,
    from_state: str | None,
    to_state: str,
    on_date: date,
    decision: str = "",
    opinion: str = "",
) -> None:
    s.add(
        CaseStep(
            application_id=app.id,
            action=action,
            from_state=from_state,
            to_state=to_state,
            user_id=actor.user_id,
            username=actor.username,
            role=actor.role,
            on_date=on_date,
            decision=decision,
            opinion=opinion,
        )
    )


def _refresh_due(s: Session, app: Application) -> None:
    s.flush()
    step, total = _deadlines(s, app, _summarise(_steps(s, app.id)))
    app.due_on = _earliest(step, total)


def _covered(
    s: Session, programme: str, household_id: int, applicant: Person, single_person: bool, on: date
) -> list[Person]:
    if programme == "tekun" or (wf.is_dibao(programme) and single_person):
        return [applicant]
    return counted_members(s, household_id, on)


def _check_version(app: Application, expected_version: int | None) -> None:
    check_version("申请", app.version, expected_version)
