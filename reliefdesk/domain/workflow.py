"""Case workflow: the legal steps of an application as an explicit state machine.

One machine per programme (DOMAIN §2.16, §3.3, §4): 低保 dibao (urban/rural), 特困 tekun and
临时救助 temporary aid. Every transition declares the permission it needs, its guards and the
legal rule quoted when it is refused, so that no path enrolls anybody without the legal steps
("未经申请受理、家庭经济状况调查、审核确认等程序，不得将任何家庭或者个人直接纳入",
民发〔2021〕57号 第二十八条).

Pure: stdlib plus our error types. The services gather the :class:`Facts` from the database,
ask :func:`check_transition` and record the step; the UI asks :func:`allowed_actions` for its
buttons. Deadlines (:mod:`reliefdesk.domain.deadlines`, re-exported here) are counted in
working days with :class:`~reliefdesk.domain.calendar.WorkCalendar`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NoReturn

from ..errors import PermissionDenied, RuleViolation, ValidationError
from .programmes import DIBAO, PROGRAMME_LABELS, PROGRAMMES
from .roles import ROLE_PERMISSIONS, role_can, role_label

__all__ = [
    "ACTION_LABELS",
    "ACTION_PERMISSIONS",
    "DIBAO",
    "OPEN_STATES",
    "PROGRAMMES",
    "PROGRAMME_LABELS",
    "ROLE_PERMISSIONS",
    "RULES",
    "STATE_LABELS",
    "Action",
    "Facts",
    "Limits",
    "State",
    "Transition",
    "allowed_actions",
    "check_transition",
    "is_dibao",
    "next_state",
    "publicity_end",
    "required_path",
    "step_deadline",
    "total_deadline",
    "transition",
]


from .workflow_terms import (
    ACTION_LABELS,
    ACTION_PERMISSIONS,
    OPEN_STATES,
    RULES,
    STATE_LABELS,
    Action,
    State,
    _rule,
    is_dibao,
)


@dataclass(frozen=True)
class Facts:
    """What the guards need to know about one application and the acting user.

    ``prelim_current``: an 初审 opinion exists that is newer than the last objection resolution.
    ``visit_investigators``: investigators on the visit being recorded (record_visit only).
    """

    actor_user_id: int
    created_by: int
    on_date: date
    green_channel: bool = False
    aid_type: str | None = None
    visits_recorded: int = 0
    visit_investigators: int = 0
    info_check_requested: bool = False
    info_check_recorded: bool = False
    self_care_assessed: bool = False
    prelim_current: bool = False
    proposed_fen: int | None = None
    publicity_end: date | None = None
    objection_open: bool = False
    decision: str = ""  # confirm: "approve" | "refuse"
    opinion: str = ""
    resolution: str = ""  # resolve_objection: "recheck" | "democratic_review"
    notice_pending: bool = False
    paperwork_pending: bool = False
    # separation of duties: users who accepted, investigated or gave the 初审 opinion (plus,
    # if the office chose the stricter rule, started or ended the 公示)
    involved_user_ids: frozenset[int] = frozenset()
    # temporary aid: routing of the amount actually proposed (DOMAIN §4.4)
    county_approval_needed: bool = False
    county_approval_recorded: bool = False
    case_by_case_needed: bool = False
    case_by_case_recorded: bool = False
    advance_cap_fen: int | None = None  # 先行救助 cap (None: no cap)
    # near-relative (单独登记备案) case: the county's own home visit
    county_visit_required: bool = False
    county_visit_recorded: bool = False
    # dibao 特事特办/先行纳入
    green_authorised: bool = False
    green_due: date | None = None


@dataclass(frozen=True)
class Transition:
    """One edge: action from a set of states, the permission and the guards."""

    action: Action
    sources: frozenset[State]
    target: State | None  # None: decided by the facts (confirm → approved/refused)
    permission: str
    guards: tuple[Callable[[str, Facts], None], ...] = field(default=())


def _fail(msg: str, programme: str, key: str, code: str) -> NoReturn:
    raise RuleViolation(msg, rule=_rule(programme, key), code=f"workflow.{code}")


def _green(programme: str, f: Facts) -> bool:
    return programme == "temporary_aid" and f.green_channel and f.aid_type == "emergency"


def _g_visit_two(p: str, f: Facts) -> None:
    if f.visit_investigators < 2:
        _fail("入户调查每组调查人员不得少于 2 人。", p, "visit_two", "visit_two")


def _g_info_requested(p: str, f: Facts) -> None:
    if not f.info_check_requested:
        _fail("尚未提出信息核对申请，不能登记核对结果。", p, "info_check", "info_not_requested")


def _g_info_not_requested(p: str, f: Facts) -> None:
    if f.info_check_requested and not f.info_check_recorded:
        _fail("信息核对申请已提出，正在等待核对结果。", p, "info_check", "info_pending")


def _g_prelim_ready(p: str, f: Facts) -> None:
    if _green(p, f):
        return  # 先行救助: matching, 公示 and 民主评议 may be skipped and completed afterwards
    if f.visits_recorded < 1:
        _fail("尚未完成入户调查，不能提出初审意见。", p, "investigate", "no_visit")
    if not f.info_check_recorded:
        _fail("尚未取得家庭经济状况信息核对结果，不能提出初审意见。", p, "info_check", "no_info")
    if p == "tekun" and not f.self_care_assessed:
        _fail(
            "特困人员须先完成生活自理能力评估，才能提出初审意见。",
            p,
            "tekun_self_care",
            "no_self_care",
        )


def _g_prelim_current(p: str, f: Facts) -> None:
    if not f.prelim_current:
        _fail("公示异议复查后须重新提出初审意见，才能再次公示。", p, "publicity", "prelim_stale")


def _g_opinion(what: str) -> Callable[[str, Facts], None]:
    def guard(_p: str, f: Facts) -> None:
        if not f.opinion.strip():
            raise ValidationError(f"请填写{what}。", field="opinion", code="workflow.opinion")

    return guard


def _g_resolution(_p: str, f: Facts) -> None:
    if f.resolution not in ("recheck", "democratic_review"):
        raise ValidationError(
            "请选择异议处理方式：复查或民主评议。", field="resolution", code="workflow.resolution"
        )


def _g_publicity_over(p: str, f: Facts) -> None:
    if f.objection_open:
        _fail("公示期间有异议尚未处理，不能结束公示。", p, "publicity", "objection_open")
    if f.publicity_end is None or f.on_date <= f.publicity_end:
        end = f.publicity_end.isoformat() if f.publicity_end else "未设置"
        _fail(f"公示期（至 {end}）尚未届满，不能结束公示。", p, "publicity", "publicity_running")


def _g_in_publicity_period(p: str, f: Facts) -> None:
    if f.publicity_end is not None and f.on_date > f.publicity_end:
        _fail("公示期已届满，不能再登记公示异议。", p, "publicity", "publicity_over")


def _g_separation(p: str, f: Facts) -> None:
    if f.actor_user_id == f.created_by or f.actor_user_id in f.involved_user_ids:
        what = "审批" if p == "temporary_aid" else "审核确认"
        raise PermissionDenied(
            f"不能{what}本人受理、调查或提出初审意见的申请（经办与审批须分离），"
            "请由其他负责人办理。",
            code="workflow.self_confirm",
            rule=RULES["separation"],
        )


def _g_county_visit_done(p: str, f: Facts) -> None:
    if f.county_visit_required and not f.county_visit_recorded:
        _fail(
            "本案家庭成员是经办人员或村(居)委会成员的近亲属（单独登记备案），须先登记县级民政部门"
            "的入户调查，才能审核确认。",
            p,
            "county_visit",
            "county_visit_missing",
        )


def _g_confirm(p: str, f: Facts) -> None:
    _g_separation(p, f)
    _g_county_visit_done(p, f)
    if f.decision not in ("approve", "refuse"):
        raise ValidationError(
            "请选择审核确认结论：同意或不予确认。", field="decision", code="workflow.decision"
        )
    if f.decision == "refuse" and not f.opinion.strip():
        raise ValidationError("不予确认须写明理由。", field="opinion", code="workflow.reasons")
    if f.decision == "approve" and not f.proposed_fen:
        _fail(
            "初审核定金额为 0，不能确认同意；请复核收入或选择不予确认。",
            p,
            "decision",
            "zero_amount",
        )
    if f.decision == "approve" and p == "temporary_aid":
        amount = f"{(f.proposed_fen or 0) / 100:.2f}"
        if f.advance_cap_fen is not None and (f.proposed_fen or 0) > f.advance_cap_fen:
            _fail(
                f"先行救助只适用于小额救助：拟救助 {amount} 元超过先行救助上限 "
                f"{f.advance_cap_fen / 100:.2f} 元，请按正常程序办理。",
                p,
                "temp_advance",
                "advance_cap",
            )
        if f.county_approval_needed and not f.county_approval_recorded:
            _fail(
                f"拟救助 {amount} 元超过乡镇审批限额，须先登记县级民政部门的审批，才能发放。",
                p,
                "temp_limit",
                "county_approval_missing",
            )
        if f.case_by_case_needed and not f.case_by_case_recorded:
            _fail(
                f"拟救助 {amount} 元超过一事一议标准，须先登记县级协调机制的一事一议决定（日期、"
                "机构、参加人员、会议纪要、金额），才能发放。",
                p,
                "case_by_case",
                "case_by_case_missing",
            )


def _g_notice(p: str, f: Facts) -> None:
    if not f.notice_pending:
        _fail("书面告知已登记。", p, "decision", "notice_done")


def _g_county_approval(p: str, f: Facts) -> None:
    if not f.county_approval_needed or f.county_approval_recorded:
        _fail(
            "本案金额未超过乡镇审批限额，或县级审批已登记。",
            p,
            "temp_limit",
            "county_approval_not_needed",
        )


def _g_case_by_case(p: str, f: Facts) -> None:
    if not f.case_by_case_needed or f.case_by_case_recorded:
        _fail(
            "本案金额未超过一事一议标准，或一事一议决定已登记。",
            p,
            "case_by_case",
            "case_by_case_not_needed",
        )


def _g_county_visit(p: str, f: Facts) -> None:
    if not f.county_visit_required or f.county_visit_recorded:
        _fail("本案不需要县级入户调查，或已经登记。", p, "county_visit", "county_visit_not_needed")


def _g_green_new(p: str, f: Facts) -> None:
    if f.green_authorised:
        _fail("本案已经特事特办先行纳入。", p, "green_dibao", "green_done")


def _g_green_overdue(p: str, f: Facts) -> None:
    if not f.green_authorised or f.green_due is None:
        _fail("本案不是特事特办先行纳入的申请。", p, "green_dibao", "green_none")
    if f.on_date <= f.green_due:
        _fail(
            f"先行纳入的补办期限（{f.green_due.isoformat()}）尚未届满。",
            p,
            "green_dibao",
            "green_running",
        )


def _g_paperwork(p: str, f: Facts) -> None:
    if not f.paperwork_pending:
        _fail("本案无待补齐的先行救助手续。", p, "no_direct_add", "no_paperwork")


_S = State
_OPEN = frozenset(OPEN_STATES)
_BASE: tuple[Transition, ...] = (
    Transition(
        Action.START_INVESTIGATION, frozenset({_S.ACCEPTED}), _S.INVESTIGATING, "case.investigate"
    ),
    Transition(
        Action.REQUEST_INFO_CHECK,
        frozenset({_S.INVESTIGATING}),
        _S.INVESTIGATING,
        "case.investigate",
        (_g_info_not_requested,),
    ),
    Transition(
        Action.RECORD_INFO_CHECK,
        frozenset({_S.INVESTIGATING}),
        _S.INVESTIGATING,
        "case.investigate",
        (_g_info_requested, _g_opinion("核对结果")),
    ),
    Transition(
        Action.RECORD_VISIT,
        frozenset({_S.INVESTIGATING}),
        _S.INVESTIGATING,
        "case.investigate",
        (_g_visit_two,),
    ),
    Transition(
        Action.SUBMIT_PRELIM,
        frozenset({_S.INVESTIGATING, _S.PRELIM_REVIEW}),
        _S.PRELIM_REVIEW,
        "case.prelim",
        (_g_prelim_ready, _g_opinion("初审意见")),
    ),
    Transition(
        Action.START_PUBLICITY,
        frozenset({_S.PRELIM_REVIEW}),
        _S.PUBLICITY,
        "case.publicity",
        (_g_prelim_current,),
    ),
    Transition(
        Action.RECORD_OBJECTION,
        frozenset({_S.PUBLICITY}),
        _S.OBJECTION_REVIEW,
        "case.publicity",
        (_g_in_publicity_period, _g_opinion("异议内容")),
    ),
    Transition(
        Action.RESOLVE_OBJECTION,
        frozenset({_S.OBJECTION_REVIEW}),
        _S.PRELIM_REVIEW,
        "case.prelim",
        (_g_resolution, _g_opinion("复查或民主评议结论")),
    ),
    Transition(
        Action.FINISH_PUBLICITY,
        frozenset({_S.PUBLICITY}),
        _S.AWAITING_CONFIRMATION,
        "case.publicity",
        (_g_publicity_over,),
    ),
    Transition(
        Action.CONFIRM, frozenset({_S.AWAITING_CONFIRMATION}), None, "case.confirm", (_g_confirm,)
    ),
    Transition(
        Action.RECORD_NOTICE, frozenset({_S.REFUSED}), _S.REFUSED, "case.close", (_g_notice,)
    ),
    Transition(Action.WITHDRAW, _OPEN, _S.WITHDRAWN, "case.close", (_g_opinion("撤回原因"),)),
    Transition(
        Action.TERMINATE_NONCOOPERATION,
        _OPEN,
        _S.TERMINATED,
        "case.close",
        (_g_opinion("终止审核的理由"),),
    ),
)

# 先行救助 (急难型 green channel): after a prelim opinion the aid may be confirmed at once,
# with paperwork completed afterwards (DOMAIN §4.2).
_GREEN_CONFIRM = Transition(
    Action.CONFIRM,
    frozenset({_S.PRELIM_REVIEW, _S.AWAITING_CONFIRMATION}),
    None,
    "case.confirm",
    (_g_confirm,),
)
_GREEN_EXTRA = (
    Transition(
        Action.SUBMIT_PRELIM,
        frozenset({_S.ACCEPTED, _S.INVESTIGATING, _S.PRELIM_REVIEW}),
        _S.PRELIM_REVIEW,
        "case.prelim",
        (_g_prelim_ready, _g_opinion("初审意见")),
    ),
    Transition(
        Action.COMPLETE_PAPERWORK,
        frozenset({_S.APPROVED}),
        _S.APPROVED,
        "case.investigate",
        (_g_paperwork,),
    ),
)


_DECIDING = frozenset(
    {_S.PRELIM_REVIEW, _S.PUBLICITY, _S.OBJECTION_REVIEW, _S.AWAITING_CONFIRMATION}
)
_TEMP_AID_EXTRA = (
    Transition(
        Action.RECORD_COUNTY_APPROVAL, _DECIDING, None, "case.prelim", (_g_county_approval,)
    ),
    Transition(Action.RECORD_CASE_BY_CASE, _DECIDING, None, "case.prelim", (_g_case_by_case,)),
)
_COUNTY_VISIT = Transition(
    Action.RECORD_COUNTY_VISIT, _OPEN - {_S.ACCEPTED}, None, "case.investigate", (_g_county_visit,)
)
_DIBAO_GREEN = (
    Transition(
        Action.AUTHORISE_GREEN,
        frozenset({_S.ACCEPTED, _S.INVESTIGATING, _S.PRELIM_REVIEW}),
        None,
        "case.confirm",
        (_g_green_new,),
    ),
    Transition(Action.STOP_GREEN, _OPEN, _S.TERMINATED, "case.confirm", (_g_green_overdue,)),
)


def _table(programme: str, facts: Facts) -> dict[Action, Transition]:
    if programme not in PROGRAMMES:
        raise ValidationError(
            f"未知的救助项目：{programme}", field="programme", code="workflow.programme"
        )
    table = {t.action: t for t in _BASE}
    extra: tuple[Transition, ...] = (
        _TEMP_AID_EXTRA
        if programme == "temporary_aid"
        else ((_COUNTY_VISIT, *_DIBAO_GREEN) if is_dibao(programme) else (_COUNTY_VISIT,))
    )
    for t in extra:
        table[t.action] = t
    if _green(programme, facts):
        for t in _GREEN_EXTRA:
            table[t.action] = t
        table[Action.CONFIRM] = _GREEN_CONFIRM
    return table


def transition(programme: str, action: Action | str, facts: Facts) -> Transition:
    """The transition definition for ``action`` in this programme (with these facts)."""
    try:
        act = Action(action)
    except ValueError:
        raise ValidationError(f"未知的办理操作：{action}", code="workflow.action") from None
    table = _table(programme, facts)
    if act not in table:
        _fail(
            f"“{act.label_zh}”不适用于本申请（{PROGRAMME_LABELS[programme]}）。",
            programme,
            "no_direct_add",
            "not_applicable",
        )
    return table[act]


def next_state(programme: str, state: State | str, action: Action | str, facts: Facts) -> State:
    """The state after ``action`` (without checking permissions or guards)."""
    t = transition(programme, action, facts)
    if t.target is not None:
        return t.target
    if t.action != Action.CONFIRM:
        return State(state)  # a record that does not move the case
    return State.APPROVED if facts.decision == "approve" else State.REFUSED


def _has_permission(role: str, permission: str) -> bool:
    return role_can(role, permission)


def check_transition(
    programme: str, state: State | str, action: Action | str, role: str, facts: Facts
) -> State:
    """Raise if ``role`` may not do ``action`` now; return the resulting state.

    Errors: :class:`PermissionDenied` (role, or confirming one's own case),
    :class:`RuleViolation` naming the rule (wrong state, a guard), :class:`ValidationError`
    (missing opinion, decision...).
    """
    st = State(state)
    t = transition(programme, action, facts)
    if not _has_permission(role, t.permission):
        from_label = role_label(role)
        raise PermissionDenied(
            f"当前角色（{from_label}）无权执行“{t.action.label_zh}”。", code=f"perm.{t.permission}"
        )
    if st not in t.sources:
        key = (
            "no_direct_add"
            if t.action == Action.CONFIRM
            else (
                "publicity"
                if t.action
                in (
                    Action.START_PUBLICITY,
                    Action.FINISH_PUBLICITY,
                    Action.RECORD_OBJECTION,
                    Action.RESOLVE_OBJECTION,
                )
                else "investigate"
                if st == State.ACCEPTED
                else "no_direct_add"
            )
        )
        _fail(
            f"申请当前处于“{st.label_zh}”，不能执行“{t.action.label_zh}”。",
            programme,
            key,
            "illegal_transition",
        )
    for guard in t.guards:
        guard(programme, facts)
    return next_state(programme, st, t.action, facts)


# Guards that depend only on form input (opinion, decision...) are not used to grey out buttons.
_INPUT_GUARDS = frozenset(
    {
        "workflow.opinion",
        "workflow.decision",
        "workflow.reasons",
        "workflow.resolution",
        "workflow.zero_amount",
        "workflow.visit_two",
    }
)


def allowed_actions(programme: str, state: State | str, role: str, facts: Facts) -> list[Action]:
    """Actions this role could take now (buttons to enable); form-input checks are left to
    :func:`check_transition` when the form is submitted."""
    st = State(state)
    result: list[Action] = []
    for act, t in _table(programme, facts).items():
        if st not in t.sources or not _has_permission(role, t.permission):
            continue
        try:
            for guard in t.guards:
                guard(programme, facts)
        except (RuleViolation, ValidationError, PermissionDenied) as exc:
            if exc.code not in _INPUT_GUARDS:
                continue
        result.append(act)
    return result


def required_path(programme: str, green_channel: bool = False) -> tuple[State, ...]:
    """States an application must pass through before ``approved``."""
    if programme == "temporary_aid" and green_channel:
        return (State.ACCEPTED, State.PRELIM_REVIEW)
    return (
        State.ACCEPTED,
        State.INVESTIGATING,
        State.PRELIM_REVIEW,
        State.PUBLICITY,
        State.AWAITING_CONFIRMATION,
    )


from .deadlines import Limits, publicity_end, step_deadline, total_deadline  # noqa: E402
