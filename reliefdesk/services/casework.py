"""Casework: applications (申请) moving through the legal steps of their programme.

``create_application`` accepts (受理) a case; ``perform`` applies one workflow action after
:func:`reliefdesk.domain.workflow.check_transition` has approved it, records a
:class:`CaseStep` (who, role, when, decision, opinion), moves the working-day clock and writes
the audit event, all in one transaction. Confirming an approval creates the enrollment
(:func:`reliefdesk.services.enrollments.enroll_in`), paying from the next month.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain import workflow as wf
from ..domain.benefits import care_tier
from ..domain.calendar import WorkCalendar
from ..domain.months import month_start
from ..domain.workflow import Action, State
from ..errors import NotFound, RuleViolation, StaleDataError, ValidationError
from ..models import Application, CaseStep, Enrollment, Household, Person, Visit
from . import audit, enrollments
from .printing_common import user_names
from .assessment import assess, counted_members, member_category, tekun_eligibility
from .context import ROLE_LABELS, Actor
from .policy import Policy, list_policies, policy_on, work_calendar

__all__ = [
    "SELF_CARE_ITEMS", "ApplicationRow", "ApplicationView", "OverdueItem", "PublicityBatch",
    "StepView", "WorkItem", "Workbench", "create_application", "extend_deadline",
    "get_application", "list_applications", "overdue", "perform", "perform_in",
    "record_self_care", "start_publicity_batch", "workbench",
]

SELF_CARE_ITEMS = ("eating", "dressing", "bed_transfer", "toileting", "indoor_walking",
                   "bathing")
SELF_CARE_LABELS = {"eating": "自主吃饭", "dressing": "自主穿衣", "bed_transfer": "自主上下床",
                    "toileting": "自主如厕", "indoor_walking": "室内自主行走",
                    "bathing": "自主洗澡"}
_FILE_PREFIX = {"urban_dibao": "CB", "rural_dibao": "NB", "tekun": "TK", "temporary_aid": "LS"}
_R_DUP = "民发〔2021〕57号 第二十八条（不得重复纳入）"
# temporary aid is not 纳入 (enrolment): its duplicate rule is the temporary-aid one
_R_DUP_TEMP = "《社会救助暂行办法》第四十七条；民发〔2018〕23号（临时救助同一事由不重复救助）"


@dataclass(frozen=True)
class StepView:
    id: int
    action: str
    action_label: str
    from_state: str | None
    to_state: str
    user_id: int
    username: str
    role: str
    role_label: str
    at: datetime
    on_date: date
    decision: str
    opinion: str


@dataclass(frozen=True)
class ApplicationView:
    """Everything the case screen shows; ``allowed_actions`` are for the viewing actor."""

    id: int
    file_no: str
    household_id: int
    applicant_id: int
    applicant_name: str
    programme: str
    programme_label: str
    state: str
    state_label: str
    state_since: date
    due_on: date | None  # deadline of the current step (or the whole case, if earlier)
    total_due_on: date | None
    accepted_on: date
    reason: str
    single_person: bool
    care_mode: str | None
    self_care: Mapping[str, bool] | None
    care_tier: str | None
    aid_type: str | None
    aid_months: int | None
    aid_persons: int | None
    green_channel: bool
    paperwork_due: date | None
    info_check_requested_on: date | None
    info_check_result: str | None
    publicity_start: date | None
    publicity_end: date | None
    objection: str | None
    extended: bool
    proposed_fen: int | None
    working_lines: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    decision: str | None
    decision_reasons: str | None
    decided_on: date | None
    created_by: int
    version: int
    enrollment_id: int | None
    steps: tuple[StepView, ...]
    allowed_actions: tuple[str, ...]


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    file_no: str
    household_id: int
    applicant_id: int
    applicant_name: str
    programme: str
    state: str
    state_label: str
    state_since: date
    due_on: date | None
    accepted_on: date
    proposed_fen: int | None
    version: int


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


@dataclass(frozen=True)
class Workbench:
    by_state: Mapping[str, tuple[WorkItem, ...]]
    waiting_for_me: tuple[WorkItem, ...]
    rechecks_due: tuple[enrollments.RecheckItem, ...]
    overdue: tuple[OverdueItem, ...]


@dataclass(frozen=True)
class PublicityBatch:
    application_ids: tuple[int, ...]
    start: date
    end: date


# ----------------------------------------------------------------------------- helpers


def _limits(policy: Policy) -> wf.Limits:
    return wf.Limits.from_mapping(policy.data.get("limits", {}),
                                  publicity_days=policy.publicity_days,
                                  publicity_working_days=policy.publicity_working_days)


def _load(s: Session, application_id: int) -> Application:
    app = s.get(Application, application_id)
    if app is None:
        raise NotFound(f"申请 #{application_id} 不存在。", code="application.not_found")
    return app


def _steps(s: Session, app_id: int) -> list[CaseStep]:
    return list(s.scalars(select(CaseStep).where(CaseStep.application_id == app_id)
                          .order_by(CaseStep.id)))


@dataclass(frozen=True)
class _StepFacts:
    """What the guards and deadlines need from a case's steps (ids are in step order)."""

    visits: int = 0
    last_prelim: int = -1  # id of the newest submit_prelim step, -1 if none
    last_resolve: int = -1  # id of the newest resolve_objection step
    notice_recorded: bool = False
    paperwork_done: bool = False


_NO_STEPS = _StepFacts()
_STEP_ACTIONS = (Action.RECORD_VISIT.value, Action.SUBMIT_PRELIM.value,
                 Action.RESOLVE_OBJECTION.value, Action.RECORD_NOTICE.value,
                 Action.COMPLETE_PAPERWORK.value)


def _step_facts(counts: Mapping[str, tuple[int, int]]) -> _StepFacts:
    """From {action: (number of steps, newest step id)}."""
    if not counts:
        return _NO_STEPS
    return _StepFacts(
        visits=counts.get(Action.RECORD_VISIT.value, (0, -1))[0],
        last_prelim=counts.get(Action.SUBMIT_PRELIM.value, (0, -1))[1],
        last_resolve=counts.get(Action.RESOLVE_OBJECTION.value, (0, -1))[1],
        notice_recorded=Action.RECORD_NOTICE.value in counts,
        paperwork_done=Action.COMPLETE_PAPERWORK.value in counts)


def _summarise(steps: Sequence[CaseStep]) -> _StepFacts:
    counts: dict[str, tuple[int, int]] = {}
    for st in steps:
        if st.action in _STEP_ACTIONS:
            n, last = counts.get(st.action, (0, -1))
            counts[st.action] = (n + 1, max(last, st.id))
    return _step_facts(counts)


def _facts(app: Any, sf: _StepFacts, actor: Actor, on_date: date, **extra: Any) -> wf.Facts:
    """``app``: an Application or a row with the same attribute names."""
    return wf.Facts(
        actor_user_id=actor.user_id, created_by=app.created_by, on_date=on_date,
        green_channel=app.green_channel, aid_type=app.aid_type,
        visits_recorded=sf.visits,
        info_check_requested=app.info_check_requested_on is not None,
        info_check_recorded=app.info_check_result is not None,
        self_care_assessed=app.self_care is not None and app.care_tier is not None,
        prelim_current=sf.last_prelim >= 0 and sf.last_prelim > sf.last_resolve,
        proposed_fen=app.proposed_fen, publicity_end=app.publicity_end,
        objection_open=app.state == State.OBJECTION_REVIEW,
        notice_pending=app.state == State.REFUSED and not sf.notice_recorded,
        paperwork_pending=app.paperwork_due is not None and not sf.paperwork_done,
        **extra)


def _deadlines_with(app: Any, sf: _StepFacts, policy: Policy, limits: wf.Limits,
                    cal: WorkCalendar) -> tuple[date | None, date | None]:
    """(current step deadline, whole-case deadline) under the policy of ``app.accepted_on``."""
    paperwork = app.paperwork_due if not sf.paperwork_done else None
    step = wf.step_deadline(app.programme, app.state, state_since=app.state_since,
                            accepted_on=app.accepted_on, limits=limits, calendar=cal,
                            publicity_end_on=app.publicity_end, decided_on=app.decided_on,
                            notice_pending=app.state == State.REFUSED
                            and not sf.notice_recorded, paperwork_due=paperwork)
    total = None
    if app.state in wf.OPEN_STATES:
        total = wf.total_deadline(app.programme, app.accepted_on, limits, cal,
                                  delegated=policy.confirmation_delegated,
                                  extended=app.extended)
    return step, total


def _deadlines(s: Session, app: Application, sf: _StepFacts,
               cal: WorkCalendar | None = None) -> tuple[date | None, date | None]:
    """(current step deadline, whole-case deadline)."""
    policy = policy_on(s, app.accepted_on)
    return _deadlines_with(app, sf, policy, _limits(policy), cal or work_calendar(s))


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
    step_due, total_due = _deadlines(s, app, sf)
    facts = _facts(app, sf, actor, today or date.today())
    actions = tuple(a.value for a in wf.allowed_actions(app.programme, app.state, actor.role,
                                                        facts))
    enr = s.scalar(select(Enrollment.id).where(Enrollment.application_id == app.id))
    working = app.working or {}
    return ApplicationView(
        app.id, app.file_no, app.household_id, app.applicant_id, _name(s, app.applicant_id),
        app.programme, wf.PROGRAMME_LABELS[app.programme], app.state,
        wf.STATE_LABELS[app.state], app.state_since, _earliest(step_due, total_due), total_due,
        app.accepted_on, app.reason, app.single_person, app.care_mode,
        dict(app.self_care) if app.self_care else None, app.care_tier, app.aid_type,
        app.aid_months, app.aid_persons, app.green_channel, app.paperwork_due,
        app.info_check_requested_on, app.info_check_result, app.publicity_start,
        app.publicity_end, app.objection, app.extended, app.proposed_fen,
        tuple((str(a), str(b)) for a, b in working.get("lines", [])),
        tuple(str(w) for w in working.get("warnings", [])), app.decision, app.decision_reasons,
        app.decided_on, app.created_by, app.version, enr,
        tuple(StepView(st.id, st.action, wf.ACTION_LABELS.get(st.action, _EXTRA_LABELS.get(
            st.action, st.action)), st.from_state, st.to_state, st.user_id,
            names.get(st.user_id, st.username),  # 办理人 by real name
            st.role, ROLE_LABELS.get(st.role, st.role), st.at, st.on_date, st.decision,
            st.opinion) for st in steps),
        actions)


_EXTRA_LABELS = {"accept": "受理", "self_care": "生活自理能力评估", "extend": "延长办理时限"}


def _add_step(s: Session, app: Application, actor: Actor, action: str, from_state: str | None,
              to_state: str, on_date: date, decision: str = "", opinion: str = "") -> None:
    s.add(CaseStep(application_id=app.id, action=action, from_state=from_state,
                   to_state=to_state, user_id=actor.user_id, username=actor.username,
                   role=actor.role, on_date=on_date, decision=decision, opinion=opinion))


def _refresh_due(s: Session, app: Application) -> None:
    s.flush()
    step, total = _deadlines(s, app, _summarise(_steps(s, app.id)))
    app.due_on = _earliest(step, total)


def _covered(s: Session, programme: str, household_id: int, applicant: Person,
             single_person: bool, on: date) -> list[Person]:
    if programme == "tekun" or (wf.is_dibao(programme) and single_person):
        return [applicant]
    return counted_members(s, household_id, on)


# ----------------------------------------------------------------------------- create


def create_application(db: Database, actor: Actor, household_id: int, applicant_id: int,
                       programme: str, reason: str, accepted_on: date,
                       **programme_fields: Any) -> ApplicationView:
    """受理 a new application.

    ``programme_fields``: ``single_person`` (单人保, dibao), ``care_mode``
    ("dispersed"/"centralised") and ``self_care`` (six booleans, see SELF_CARE_ITEMS) for tekun,
    ``aid_type`` ("emergency"/"expenditure"), ``aid_months``, ``aid_persons``,
    ``green_channel`` (先行救助, emergency only) for temporary aid, ``file_no``.
    """
    actor.require("case.accept")
    with db.session() as s:
        app = create_application_in(s, actor, household_id, applicant_id, programme, reason,
                                    accepted_on, **programme_fields)
        return _view(s, app, actor)


_KNOWN_FIELDS = {"single_person", "care_mode", "self_care", "aid_type", "aid_months",
                 "aid_persons", "green_channel", "file_no"}


def create_application_in(s: Session, actor: Actor, household_id: int, applicant_id: int,
                          programme: str, reason: str, accepted_on: date,
                          **fields: Any) -> Application:
    actor.require("case.accept")
    unknown = set(fields) - _KNOWN_FIELDS
    if unknown:
        raise ValidationError(f"未知的申请字段：{'、'.join(sorted(unknown))}",
                              code="application.field")
    if programme not in wf.PROGRAMMES:
        raise ValidationError(f"未知的救助项目：{programme}", field="programme",
                              code="application.programme")
    if accepted_on > date.today():
        raise ValidationError("受理日期不能晚于今天。", field="accepted_on",
                              code="application.date")
    household = s.get(Household, household_id)
    if household is None:
        raise NotFound(f"家庭 #{household_id} 不存在。", code="household.not_found")
    applicant = s.get(Person, applicant_id)
    if applicant is None or applicant.household_id != household_id:
        raise ValidationError("申请人必须是本户的家庭成员。", field="applicant_id",
                              code="application.applicant")
    if applicant.deceased_on is not None:
        raise ValidationError(f"{applicant.name} 已登记死亡，不能作为申请人。",
                              field="applicant_id", code="application.deceased")
    single = bool(fields.get("single_person", False))
    green = bool(fields.get("green_channel", False))
    aid_type = fields.get("aid_type")
    self_care = fields.get("self_care")
    if programme == "tekun":
        ground = tekun_eligibility(applicant, accepted_on)
        if ground is None:
            raise RuleViolation(f"{applicant.name} 不符合“无劳动能力”条件（年满 60 周岁、未满 16 周岁，"
                                "或智力/精神残疾 1–3 级、肢体残疾 1–2 级、视力残疾 1 级）。",
                                code="application.tekun_capacity",
                                rule="民发〔2021〕43号 第五条")
        single = True
    elif programme == "temporary_aid":
        if aid_type not in ("emergency", "expenditure"):
            raise ValidationError("请选择临时救助类型：急难型或支出型。", field="aid_type",
                                  code="application.aid_type")
        if not reason.strip():
            raise ValidationError("请填写致困原因。", field="reason", code="application.reason")
        if green and aid_type != "emergency":
            raise RuleViolation("只有急难型临时救助可以先行救助；支出型按正常程序办理。",
                                code="application.green_channel",
                                rule="民发〔2018〕23号 第二条第（二）项")
        for key in ("aid_months", "aid_persons"):
            v = fields.get(key)
            if v is not None and int(v) < 1:
                raise ValidationError("救助月数和人数至少为 1。", field=key,
                                      code="application.aid")
    else:
        if green:
            raise ValidationError("先行救助只适用于急难型临时救助。", field="green_channel",
                                  code="application.green_channel")
        if single and not (set(member_category(applicant, accepted_on))
                           & {"severe_disability", "serious_illness"}
                           or applicant.exclusion_reason == "clergy_3y"):
            raise RuleViolation(f"{applicant.name} 不属于可单独提出申请的情形（重度残疾、重特大疾病、"
                                "脱离家庭的宗教教职人员等）。", code="application.single",
                                rule="民发〔2021〕57号 第八条")
    if programme != "tekun" and self_care is not None:
        raise ValidationError("只有特困供养申请需要生活自理能力评估。", field="self_care",
                              code="application.self_care")
    # no double enrollment, no second open application for the same programme
    if programme != "temporary_aid":
        for p in _covered(s, programme, household_id, applicant, single, accepted_on):
            other = enrollments.active_enrollment_of(s, p.id)
            if other is not None:
                raise RuleViolation(
                    f"{p.name} 已在享受{wf.PROGRAMME_LABELS.get(other.programme, other.programme)}"
                    f"（在保记录 #{other.id}），不能重复申请。", code="application.enrolled",
                    rule=_R_DUP)
    family = wf.DIBAO if wf.is_dibao(programme) else (programme,)
    q = select(Application).where(Application.programme.in_(family),
                                  Application.state.in_([st.value for st in wf.OPEN_STATES]))
    q = q.where(Application.applicant_id == applicant_id) if programme == "tekun" else \
        q.where(Application.household_id == household_id)
    open_app = s.scalar(q.limit(1))
    if open_app is not None:
        temp = programme == "temporary_aid"
        raise RuleViolation(f"已有一件{wf.PROGRAMME_LABELS[open_app.programme]}申请正在办理"
                            f"（{open_app.file_no}，{wf.STATE_LABELS[open_app.state]}），"
                            + ("同一事由不能重复申请临时救助，可在原申请中补充情况。" if temp
                               else "不能重复申请。"), code="application.open",
                            rule=_R_DUP_TEMP if temp else _R_DUP)
    app = Application(
        file_no=str(fields.get("file_no") or ""), household_id=household_id,
        applicant_id=applicant_id, programme=programme, state=State.ACCEPTED.value,
        state_since=accepted_on, accepted_on=accepted_on, reason=reason.strip(),
        single_person=single, care_mode=fields.get("care_mode"), aid_type=aid_type,
        aid_months=fields.get("aid_months"), aid_persons=fields.get("aid_persons"),
        green_channel=green, created_by=actor.user_id)
    if programme == "temporary_aid" and app.aid_months is None:
        app.aid_months = 1
    if self_care is not None:
        app.self_care, app.care_tier = _self_care(self_care)
    s.add(app)
    s.flush()
    if not app.file_no:
        app.file_no = f"{_FILE_PREFIX[programme]}{accepted_on.year}-{app.id:05d}"
    _add_step(s, app, actor, "accept", None, State.ACCEPTED, accepted_on, opinion=reason)
    _refresh_due(s, app)
    audit.record(s, actor, "application.create", "application", app.id,
                 household_id=household_id,
                 detail={"programme": programme, "applicant_id": applicant_id,
                         "accepted_on": accepted_on.isoformat(), "file_no": app.file_no,
                         "green_channel": green})
    return app


def _self_care(values: Mapping[str, Any]) -> tuple[dict[str, bool], str]:
    missing = [k for k in SELF_CARE_ITEMS if k not in values]
    if missing:
        raise ValidationError("生活自理能力评估须填写全部六项：" + "、".join(
            SELF_CARE_LABELS[k] for k in missing), field="self_care", code="application.self_care")
    six = {k: bool(values[k]) for k in SELF_CARE_ITEMS}
    return six, care_tier(**six).value


def record_self_care(db: Database, actor: Actor, application_id: int,
                     values: Mapping[str, bool], *, on_date: date,
                     expected_version: int | None = None) -> ApplicationView:
    """Store the six-item 生活自理能力评估 of a tekun application and derive the care tier
    (民发〔2021〕43号 第二十条); required before the 初审."""
    actor.require("case.investigate")
    with db.session() as s:
        app = _load(s, application_id)
        _check_version(app, expected_version)
        if app.programme != "tekun":
            raise ValidationError("只有特困供养申请需要生活自理能力评估。", field="self_care",
                                  code="application.self_care")
        if app.state not in wf.OPEN_STATES:
            raise RuleViolation("申请已办结，不能再修改评估。", code="application.closed",
                                rule=wf.RULES["tekun_self_care"])
        app.self_care, app.care_tier = _self_care(values)
        _add_step(s, app, actor, "self_care", app.state, app.state, on_date,
                  decision=app.care_tier)
        audit.record(s, actor, "application.self_care", "application", app.id,
                     household_id=app.household_id,
                     detail={"self_care": app.self_care, "care_tier": app.care_tier})
        return _view(s, app, actor, on_date)


def extend_deadline(db: Database, actor: Actor, application_id: int, reason: str, *,
                    on_date: date, expected_version: int | None = None) -> ApplicationView:
    """Extend the whole-case limit to 45 working days (公示有异议、人户分离、异地申办、调查
    难度大; 民函〔2022〕70号 §四(一))."""
    actor.require("case.prelim")
    if not reason.strip():
        raise ValidationError("请填写延长办理时限的理由。", field="reason", code="application.reason")
    with db.session() as s:
        app = _load(s, application_id)
        _check_version(app, expected_version)
        if app.state not in wf.OPEN_STATES or app.extended:
            raise RuleViolation("该申请不能（再）延长办理时限。", code="application.extend",
                                rule=wf.RULES["total"])
        app.extended = True
        _add_step(s, app, actor, "extend", app.state, app.state, on_date, opinion=reason)
        _refresh_due(s, app)
        audit.record(s, actor, "application.extend", "application", app.id,
                     household_id=app.household_id, detail={"reason": reason})
        return _view(s, app, actor, on_date)


def _check_version(app: Application, expected_version: int | None) -> None:
    if expected_version is not None and app.version != expected_version:
        raise StaleDataError("申请已被其他用户修改，本次操作未保存。请刷新后重试。", code="stale")


# ----------------------------------------------------------------------------- perform


def perform(db: Database, actor: Actor, application_id: int, action: str, *, on_date: date,
            decision: str = "", opinion: str = "", expected_version: int | None = None,
            **data: Any) -> ApplicationView:
    """Apply one workflow ``action`` (see :class:`reliefdesk.domain.workflow.Action`).

    ``data`` by action: record_visit ``visit_id``; submit_prelim optional ``amount_fen``
    (manual amount, replaces the computed one; the working keeps both); resolve_objection
    ``resolution`` ("recheck" 复查 | "democratic_review" 民主评议); confirm ``decision``
    ("approve" | "refuse") and ``stability`` ("stable" | "unstable", dibao re-check interval).
    """
    with db.session() as s:
        app = perform_in(s, actor, application_id, action, on_date=on_date, decision=decision,
                         opinion=opinion, expected_version=expected_version, **data)
        return _view(s, app, actor, on_date)


def perform_in(s: Session, actor: Actor, application_id: int, action: str, *, on_date: date,
               decision: str = "", opinion: str = "", expected_version: int | None = None,
               **data: Any) -> Application:
    app = _load(s, application_id)
    _check_version(app, expected_version)
    t = wf.transition(app.programme, action, _facts(app, _NO_STEPS, actor, on_date))
    actor.require(t.permission)
    act = t.action
    if on_date < app.state_since:
        raise ValidationError(f"办理日期不能早于当前环节开始日期 {app.state_since.isoformat()}。",
                              field="on_date", code="application.on_date")
    if on_date > date.today():
        raise ValidationError("办理日期不能晚于今天。", field="on_date", code="application.on_date")
    steps = _steps(s, app.id)
    visit: Visit | None = None
    extra: dict[str, Any] = {"decision": decision, "opinion": opinion,
                             "resolution": str(data.get("resolution", ""))}
    if act == Action.RECORD_VISIT:
        visit_id = data.get("visit_id")
        visit = s.get(Visit, visit_id) if visit_id is not None else None
        if visit is None:
            raise ValidationError("请先保存入户调查记录，再登记到申请。", field="visit_id",
                                  code="application.visit")
        if visit.household_id != app.household_id or visit.application_id not in (None, app.id):
            raise ValidationError("该入户调查记录不属于本申请的家庭。", field="visit_id",
                                  code="application.visit")
        if any(st.action == Action.RECORD_VISIT and st.decision == f"visit:{visit.id}"
               for st in steps):
            raise ValidationError("该入户调查记录已登记。", field="visit_id",
                                  code="application.visit_dup")
        extra["visit_investigators"] = len(visit.investigators or [])
    facts = _facts(app, _summarise(steps), actor, on_date, **extra)
    old_state = State(app.state)
    new_state = wf.check_transition(app.programme, old_state, act, actor.role, facts)
    step_decision = decision
    if act == Action.REQUEST_INFO_CHECK:
        app.info_check_requested_on = on_date
    elif act == Action.RECORD_INFO_CHECK:
        app.info_check_result = opinion.strip()
    elif act == Action.RECORD_VISIT:
        assert visit is not None
        visit.application_id = app.id
        step_decision = f"visit:{visit.id}"
    elif act == Action.SUBMIT_PRELIM:
        _prelim(s, app, on_date, data.get("amount_fen"))
        step_decision = str(app.proposed_fen)
    elif act == Action.START_PUBLICITY:
        policy = policy_on(s, on_date)
        app.publicity_start = on_date
        app.publicity_end = wf.publicity_end(on_date, _limits(policy), work_calendar(s))
    elif act == Action.RECORD_OBJECTION:
        app.objection = opinion.strip()
    elif act == Action.RESOLVE_OBJECTION:
        step_decision = facts.resolution
    elif act == Action.CONFIRM:
        _confirm(s, actor, app, new_state, on_date, opinion, str(data.get("stability",
                                                                          "stable")))
    elif act in (Action.WITHDRAW, Action.TERMINATE_NONCOOPERATION):
        app.decision = new_state.value
        app.decision_reasons = opinion.strip()
        app.decided_on = on_date
    _add_step(s, app, actor, act.value, old_state.value, new_state.value, on_date,
              step_decision, opinion.strip())
    if new_state != old_state:
        app.state = new_state.value
        app.state_since = on_date
    _refresh_due(s, app)
    audit.record(s, actor, f"application.{act.value}", "application", app.id,
                 household_id=app.household_id,
                 detail={"from": old_state.value, "to": new_state.value,
                         "on_date": on_date.isoformat(), "decision": step_decision,
                         "opinion": opinion.strip()[:500]})
    return app


def _prelim(s: Session, app: Application, on_date: date, amount_fen: Any) -> None:
    result = assess(s, app, on_date)
    working = result.working_json()
    amount = result.amount_fen
    if amount_fen is not None:
        manual = int(amount_fen)
        if manual < 0:
            raise ValidationError("核定金额不能为负数。", field="amount_fen",
                                  code="application.amount")
        working["lines"].append(["初审核定金额（人工）", f"{manual / 100:.2f} 元"])
        amount = manual
    app.proposed_fen = amount
    app.working = working


def _confirm(s: Session, actor: Actor, app: Application, new_state: State, on_date: date,
             opinion: str, stability: str) -> None:
    app.decided_on = on_date
    if new_state == State.REFUSED:
        app.decision = "refused"
        app.decision_reasons = opinion.strip()
        return
    app.decision = "approved"
    app.decision_reasons = opinion.strip() or None
    if stability not in ("stable", "unstable"):
        raise ValidationError("家庭类型须为 stable（收入稳定）或 unstable（收入不稳定）。",
                              field="stability", code="application.stability")
    applicant = s.get(Person, app.applicant_id)
    assert applicant is not None
    covered = _covered(s, app.programme, app.household_id, applicant, app.single_person, on_date)
    enrollments.enroll_in(s, actor, app, [p.id for p in covered], on_date, stability=stability)
    if app.programme == "temporary_aid" and app.green_channel and app.aid_type == "emergency":
        limits = _limits(policy_on(s, on_date))
        app.paperwork_due = work_calendar(s).add_working_days(on_date,
                                                              limits.paperwork_after_advance_wd)


def start_publicity_batch(db: Database, actor: Actor, ids: Sequence[int],
                          start: date) -> PublicityBatch:
    """Start the 公示 of several applications on the same day (one notice board), all or
    nothing; returns the last day (7 days by default, calendar or working days per policy)."""
    if not ids:
        raise ValidationError("请选择要公示的申请。", code="publicity.empty")
    with db.session() as s:
        apps = [perform_in(s, actor, i, Action.START_PUBLICITY.value, on_date=start)
                for i in ids]
        end = apps[0].publicity_end
        assert end is not None
        return PublicityBatch(tuple(ids), start, end)


# ----------------------------------------------------------------------------- queries


def get_application(db: Database, actor: Actor, application_id: int,
                    today: date | None = None) -> ApplicationView:
    actor.require("read")
    with db.read_session() as s:
        return _view(s, _load(s, application_id), actor, today)


def list_applications(db: Database, actor: Actor, state: str | None = None,
                      programme: str | None = None, *, household_id: int | None = None,
                      open_only: bool = False, limit: int = 500,
                      offset: int = 0) -> list[ApplicationRow]:
    actor.require("read")
    with db.read_session() as s:
        q = select(Application, Person.name).join(Person, Person.id == Application.applicant_id)
        if state is not None:
            q = q.where(Application.state == state)
        if programme is not None:
            q = q.where(Application.programme == programme)
        if household_id is not None:
            q = q.where(Application.household_id == household_id)
        if open_only:
            q = q.where(Application.state.in_([st.value for st in wf.OPEN_STATES]))
        q = q.order_by(Application.accepted_on.desc(), Application.id.desc())
        return [ApplicationRow(a.id, a.file_no, a.household_id, a.applicant_id, name,
                               a.programme, a.state, wf.STATE_LABELS[a.state], a.state_since,
                               a.due_on, a.accepted_on, a.proposed_fen, a.version)
                for a, name in s.execute(q.limit(limit).offset(offset))]


class _MemoCalendar(WorkCalendar):
    """A WorkCalendar remembering its answers: many cases share start dates and deadlines."""

    def __init__(self, base: WorkCalendar) -> None:
        super().__init__(base.holidays, base.makeup_workdays)
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
    Application.id, Application.file_no, Application.programme, Application.state,
    Application.state_since, Application.accepted_on, Application.created_by,
    Application.green_channel, Application.aid_type, Application.info_check_requested_on,
    Application.info_check_result, Application.self_care, Application.care_tier,
    Application.proposed_fen, Application.publicity_end, Application.paperwork_due,
    Application.decided_on, Application.extended, Application.due_on)


@dataclass(frozen=True)
class _Pending:
    row: Any  # a result row with the _PENDING_COLUMNS attributes and ``applicant_name``
    steps: _StepFacts
    step_due: date | None
    total_due: date | None


def _pending_condition() -> Any:
    """Open applications plus closed ones with something still due (notice, paperwork)."""
    return (Application.state.in_([st.value for st in wf.OPEN_STATES])
            | (Application.state.in_([State.REFUSED.value, State.APPROVED.value])
               & Application.due_on.is_not(None)))


def _pending(s: Session, cal: WorkCalendar) -> list[_Pending]:
    """Every pending case with its step facts and deadlines, in (stored due date, id) order:
    three queries whatever the number of cases."""
    cond = _pending_condition()
    rows = s.execute(select(*_PENDING_COLUMNS, Person.name.label("applicant_name"))
                     .join(Person, Person.id == Application.applicant_id, isouter=True)
                     .where(cond).order_by(Application.due_on, Application.id)).all()
    counts: dict[int, dict[str, tuple[int, int]]] = {}
    for app_id, action, n, last in s.execute(
            select(CaseStep.application_id, CaseStep.action, func.count(CaseStep.id),
                   func.max(CaseStep.id))
            .where(CaseStep.application_id.in_(select(Application.id).where(cond)),
                   CaseStep.action.in_(_STEP_ACTIONS))
            .group_by(CaseStep.application_id, CaseStep.action)):
        counts.setdefault(app_id, {})[action] = (n, last)
    policies = _Policies(s)
    out: list[_Pending] = []
    for r in rows:
        sf = _step_facts(counts.get(r.id, {}))
        policy, limits = policies(r.accepted_on)
        step, total = _deadlines_with(r, sf, policy, limits, cal)
        out.append(_Pending(r, sf, step, total))
    return out


def _overdue_of(pending: Sequence[_Pending], on: date, cal: WorkCalendar) -> list[OverdueItem]:
    out: list[OverdueItem] = []
    for p in pending:
        app = p.row
        kind = {State.REFUSED: "refusal_notice", State.APPROVED: "paperwork"}.get(
            State(app.state), "step")
        for k, due in ((kind, p.step_due), ("total", p.total_due)):
            if due is not None and on > due:
                out.append(OverdueItem(app.id, app.file_no, app.applicant_name or "",
                                       app.programme, app.state, k, due,
                                       cal.working_days_between(due, on)))
    return out


def overdue(db: Database, actor: Actor, on: date) -> list[OverdueItem]:
    """Applications whose current step, whole-case limit, refusal notice or 先行救助 paperwork
    is past its deadline on ``on`` (a deadline day itself is not overdue)."""
    actor.require("read")
    with db.read_session() as s:
        cal = _MemoCalendar(work_calendar(s))
        return _overdue_of(_pending(s, cal), on, cal)


def workbench(db: Database, actor: Actor, today: date) -> Workbench:
    """The to-do screen: pending cases by state with deadline and working days left, the
    ones this actor can act on, re-checks due this month and overdue items."""
    actor.require("read")
    with db.read_session() as s:
        cal = _MemoCalendar(work_calendar(s))
        pending = _pending(s, cal)
        by_state: dict[str, list[WorkItem]] = {}
        mine: list[WorkItem] = []
        passive = {Action.WITHDRAW.value, Action.TERMINATE_NONCOOPERATION.value}
        for p in pending:
            app = p.row
            due = _earliest(p.step_due, p.total_due)
            actions = tuple(a.value for a in wf.allowed_actions(
                app.programme, app.state, actor.role, _facts(app, p.steps, actor, today)))
            item = WorkItem(app.id, app.file_no, app.applicant_name or "", app.programme,
                            app.state, wf.STATE_LABELS[app.state], due,
                            cal.working_days_between(today, due) if due else None, actions)
            by_state.setdefault(app.state, []).append(item)
            if set(actions) - passive:
                mine.append(item)
        key = lambda w: (w.due_on or date.max, w.application_id)
        return Workbench(
            {k: tuple(sorted(v, key=key)) for k, v in by_state.items()},
            tuple(sorted(mine, key=key)),
            tuple(enrollments.rechecks_due_in(s, month_start(today))),
            tuple(_overdue_of(pending, today, cal)))


