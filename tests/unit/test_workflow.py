"""The pure workflow state machine: permissions, guards, rules named in refusals, deadlines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reliefdesk.domain import workflow as wf
from reliefdesk.domain.calendar import WorkCalendar, default_calendar
from reliefdesk.domain.workflow import Action, Facts, Limits, State
from reliefdesk.errors import PermissionDenied, RuleViolation, ValidationError
from reliefdesk.services.context import PERMISSIONS, ROLES

CREATOR, OTHER = 1, 2
D = date(2025, 3, 10)


def facts(**kw: object) -> Facts:
    base = {"actor_user_id": OTHER, "created_by": CREATOR, "on_date": D}
    base.update(kw)
    return Facts(**base)  # type: ignore[arg-type]


READY = facts(
    visits_recorded=1,
    info_check_requested=True,
    info_check_recorded=True,
    self_care_assessed=True,
    opinion="意见",
)


def test_role_permissions_mirror_the_service_table():
    """The domain's role table equals services.context.PERMISSIONS for every case.* permission."""
    for perm in {t for t in wf.ACTION_PERMISSIONS.values()}:
        for role in ROLES:
            assert (perm in wf.ROLE_PERMISSIONS[role]) == (role in PERMISSIONS[perm]), (perm, role)


def test_illegal_transition_names_the_no_direct_add_rule():
    """Confirming an application that was only accepted is refused citing 第二十八条."""
    with pytest.raises(RuleViolation) as exc:
        wf.check_transition(
            "rural_dibao",
            State.ACCEPTED,
            Action.CONFIRM,
            "approver",
            facts(decision="approve", proposed_fen=100),
        )
    assert exc.value.rule == "民发〔2021〕57号 第二十八条"
    assert "已受理" in exc.value.message


def test_clerk_can_never_confirm():
    """A clerk is refused confirmation and never sees the confirm button."""
    f = facts(decision="approve", proposed_fen=100)
    with pytest.raises(PermissionDenied):
        wf.check_transition("rural_dibao", State.AWAITING_CONFIRMATION, Action.CONFIRM, "clerk", f)
    assert Action.CONFIRM not in wf.allowed_actions(
        "rural_dibao", State.AWAITING_CONFIRMATION, "clerk", f
    )
    assert Action.CONFIRM in wf.allowed_actions(
        "rural_dibao", State.AWAITING_CONFIRMATION, "approver", f
    )


def test_creator_cannot_confirm_own_application():
    """The approver who accepted the case cannot confirm it (审核审批分离)."""
    f = facts(actor_user_id=CREATOR, decision="approve", proposed_fen=100)
    with pytest.raises(PermissionDenied) as exc:
        wf.check_transition(
            "urban_dibao", State.AWAITING_CONFIRMATION, Action.CONFIRM, "approver", f
        )
    assert exc.value.rule and "分离" in exc.value.rule
    assert Action.CONFIRM not in wf.allowed_actions(
        "urban_dibao", State.AWAITING_CONFIRMATION, "approver", f
    )


def test_visit_needs_two_investigators():
    """Recording a visit with one investigator is refused citing 第十六条."""
    with pytest.raises(RuleViolation) as exc:
        wf.check_transition(
            "rural_dibao",
            State.INVESTIGATING,
            Action.RECORD_VISIT,
            "clerk",
            facts(visit_investigators=1),
        )
    assert exc.value.rule == "民发〔2021〕57号 第十六条"
    assert (
        wf.check_transition(
            "rural_dibao",
            State.INVESTIGATING,
            Action.RECORD_VISIT,
            "clerk",
            facts(visit_investigators=2),
        )
        == State.INVESTIGATING
    )


@pytest.mark.parametrize(
    ("missing", "rule"),
    [
        ({"visits_recorded": 0}, "第十五条"),
        ({"info_check_recorded": False}, "第十七条"),
    ],
)
def test_prelim_needs_visit_and_info_check(missing, rule):
    """初审 is refused without a home visit or without the information-matching result."""
    with pytest.raises(RuleViolation) as exc:
        wf.check_transition(
            "rural_dibao",
            State.INVESTIGATING,
            Action.SUBMIT_PRELIM,
            "reviewer",
            replace(READY, **missing),
        )
    assert rule in (exc.value.rule or "")


def test_tekun_prelim_needs_self_care_assessment():
    """A tekun 初审 without the six-item self-care assessment cites 民发〔2021〕43号 第二十条."""
    with pytest.raises(RuleViolation) as exc:
        wf.check_transition(
            "tekun",
            State.INVESTIGATING,
            Action.SUBMIT_PRELIM,
            "reviewer",
            replace(READY, self_care_assessed=False),
        )
    assert exc.value.rule == "民发〔2021〕43号 第二十条"
    assert (
        wf.check_transition("tekun", State.INVESTIGATING, Action.SUBMIT_PRELIM, "reviewer", READY)
        == State.PRELIM_REVIEW
    )


def test_clerk_cannot_submit_prelim():
    """初审 needs case.prelim, which a clerk does not hold."""
    with pytest.raises(PermissionDenied):
        wf.check_transition(
            "rural_dibao", State.INVESTIGATING, Action.SUBMIT_PRELIM, "clerk", READY
        )


def test_publicity_cannot_finish_early_or_with_objection():
    """公示 ends only after its last day and only without an open objection (第十九条)."""
    end = date(2025, 3, 16)
    for f in (facts(publicity_end=end, on_date=end), facts(publicity_end=None)):
        with pytest.raises(RuleViolation) as exc:
            wf.check_transition("rural_dibao", State.PUBLICITY, Action.FINISH_PUBLICITY, "clerk", f)
        assert exc.value.rule == "民发〔2021〕57号 第十九条"
    assert (
        wf.check_transition(
            "rural_dibao",
            State.PUBLICITY,
            Action.FINISH_PUBLICITY,
            "clerk",
            facts(publicity_end=end, on_date=date(2025, 3, 17)),
        )
        == State.AWAITING_CONFIRMATION
    )
    with pytest.raises(RuleViolation):
        wf.check_transition(
            "rural_dibao",
            State.OBJECTION_REVIEW,
            Action.FINISH_PUBLICITY,
            "clerk",
            facts(publicity_end=end, on_date=date(2025, 3, 20), objection_open=True),
        )


def test_objection_loop_requires_new_prelim_before_new_publicity():
    """After 复查/民主评议 the case returns to 初审 and cannot be re-published on the old opinion."""
    f = facts(resolution="democratic_review", opinion="评议通过")
    assert (
        wf.check_transition(
            "rural_dibao", State.OBJECTION_REVIEW, Action.RESOLVE_OBJECTION, "reviewer", f
        )
        == State.PRELIM_REVIEW
    )
    with pytest.raises(ValidationError):
        wf.check_transition(
            "rural_dibao",
            State.OBJECTION_REVIEW,
            Action.RESOLVE_OBJECTION,
            "reviewer",
            replace(f, resolution="vote"),
        )
    with pytest.raises(RuleViolation) as exc:
        wf.check_transition(
            "rural_dibao",
            State.PRELIM_REVIEW,
            Action.START_PUBLICITY,
            "clerk",
            facts(prelim_current=False),
        )
    assert exc.value.code == "workflow.prelim_stale"


def test_objection_after_publicity_period_refused():
    """An objection cannot be recorded once the 公示 period is over."""
    with pytest.raises(RuleViolation):
        wf.check_transition(
            "rural_dibao",
            State.PUBLICITY,
            Action.RECORD_OBJECTION,
            "clerk",
            facts(publicity_end=date(2025, 3, 9), opinion="有人举报"),
        )


def test_confirm_refuse_needs_reasons_and_approve_needs_amount():
    """不予确认 requires written reasons; 同意 with a zero amount is refused."""
    with pytest.raises(ValidationError):
        wf.check_transition(
            "rural_dibao",
            State.AWAITING_CONFIRMATION,
            Action.CONFIRM,
            "approver",
            facts(decision="refuse"),
        )
    with pytest.raises(RuleViolation):
        wf.check_transition(
            "rural_dibao",
            State.AWAITING_CONFIRMATION,
            Action.CONFIRM,
            "approver",
            facts(decision="approve", proposed_fen=0),
        )
    assert (
        wf.check_transition(
            "rural_dibao",
            State.AWAITING_CONFIRMATION,
            Action.CONFIRM,
            "approver",
            facts(decision="refuse", opinion="收入超标"),
        )
        == State.REFUSED
    )


def test_green_channel_skips_info_check_and_publicity():
    """急难型先行救助: 初审 straight from acceptance and confirmation without 公示."""
    g = facts(
        green_channel=True,
        aid_type="emergency",
        opinion="火灾",
        decision="approve",
        proposed_fen=100,
        paperwork_pending=True,
    )
    assert (
        wf.check_transition("temporary_aid", State.ACCEPTED, Action.SUBMIT_PRELIM, "reviewer", g)
        == State.PRELIM_REVIEW
    )
    assert (
        wf.check_transition("temporary_aid", State.PRELIM_REVIEW, Action.CONFIRM, "approver", g)
        == State.APPROVED
    )
    assert Action.COMPLETE_PAPERWORK in wf.allowed_actions(
        "temporary_aid", State.APPROVED, "clerk", g
    )


def test_expenditure_aid_follows_normal_procedure():
    """支出型 (even if flagged green) cannot skip 公示 or the information check."""
    e = facts(
        green_channel=True,
        aid_type="expenditure",
        opinion="学费",
        decision="approve",
        proposed_fen=100,
    )
    with pytest.raises(RuleViolation):
        wf.check_transition("temporary_aid", State.PRELIM_REVIEW, Action.CONFIRM, "approver", e)
    with pytest.raises(RuleViolation):
        wf.check_transition(
            "temporary_aid", State.INVESTIGATING, Action.SUBMIT_PRELIM, "reviewer", e
        )
    with pytest.raises(RuleViolation):
        wf.check_transition("temporary_aid", State.APPROVED, Action.COMPLETE_PAPERWORK, "clerk", e)


def test_final_states_allow_nothing_but_follow_ups():
    """Withdrawn/terminated cases are closed; a refused one only takes its written notice."""
    f = facts(opinion="x", notice_pending=True)
    for state in (State.WITHDRAWN, State.TERMINATED):
        assert wf.allowed_actions("rural_dibao", state, "approver", f) == []
    assert wf.allowed_actions("rural_dibao", State.REFUSED, "clerk", f) == [Action.RECORD_NOTICE]
    assert (
        wf.allowed_actions("rural_dibao", State.REFUSED, "clerk", replace(f, notice_pending=False))
        == []
    )


def test_auditor_and_admin_have_no_case_actions():
    """三员分立: auditor and admin roles cannot act on cases."""
    for state in State:
        for role in ("auditor", "admin"):
            assert wf.allowed_actions("urban_dibao", state, role, READY) == []


# ----------------------------------------------------------------------------- deadlines

CAL = default_calendar()


def test_step_deadline_across_national_day_with_makeup_days():
    """Investigation must start within 3 working days; 2025-09-28 (Sunday) is a 调休 working day."""
    due = wf.step_deadline(
        "rural_dibao",
        State.ACCEPTED,
        state_since=date(2025, 9, 26),
        accepted_on=date(2025, 9, 26),
        limits=Limits(),
        calendar=CAL,
    )
    assert due == date(2025, 9, 30)
    due = wf.step_deadline(
        "rural_dibao",
        State.ACCEPTED,
        state_since=date(2025, 9, 30),
        accepted_on=date(2025, 9, 30),
        limits=Limits(),
        calendar=CAL,
    )
    assert due == date(2025, 10, 11)  # 10-1..10-8 off, 10-9, 10-10, 10-11 (Saturday, 调休)


def test_total_deadline_county_delegated_extended():
    """Whole-case limit from 2025-09-26: 30 wd → 11-13, 20 wd → 10-30, 45 wd → 12-04."""
    kw = {"limits": Limits(), "calendar": CAL}
    start = date(2025, 9, 26)
    assert wf.total_deadline("rural_dibao", start, delegated=False, **kw) == date(2025, 11, 13)
    assert wf.total_deadline("rural_dibao", start, delegated=True, **kw) == date(2025, 10, 30)
    assert wf.total_deadline("rural_dibao", start, delegated=False, extended=True, **kw) == date(
        2025, 12, 4
    )
    assert wf.total_deadline("tekun", start, delegated=False, **kw) is None


def test_every_open_step_has_a_limit_for_temporary_aid_and_tekun_prelim():
    """办理时限 for every open step: temporary aid runs against the county's limit from
    acceptance, and a tekun case at 初审 against its 15 working days of investigation + 初审."""
    kw = {"limits": Limits(), "calendar": CAL}
    start = date(2025, 9, 26)
    assert wf.total_deadline("temporary_aid", start, delegated=False, **kw) == CAL.add_working_days(
        start, Limits().temp_aid_wd
    )
    due = wf.step_deadline(
        "tekun", State.PRELIM_REVIEW, state_since=date(2025, 10, 13), accepted_on=start, **kw
    )
    assert due == CAL.add_working_days(start, Limits().tekun_prelim_wd)
    assert (
        wf.step_deadline(
            "rural_dibao", State.PRELIM_REVIEW, state_since=start, accepted_on=start, **kw
        )
        is None
    )  # dibao: the whole-case limit


def test_tekun_and_confirmation_step_limits():
    """Tekun 初审 within 15 working days of acceptance; county confirmation 10 (tekun 15)."""
    cal = WorkCalendar()
    start = date(2025, 3, 3)  # Monday
    assert wf.step_deadline(
        "tekun",
        State.INVESTIGATING,
        state_since=date(2025, 3, 4),
        accepted_on=start,
        limits=Limits(),
        calendar=cal,
    ) == date(2025, 3, 24)
    assert wf.step_deadline(
        "urban_dibao",
        State.AWAITING_CONFIRMATION,
        state_since=start,
        accepted_on=start,
        limits=Limits(),
        calendar=cal,
    ) == date(2025, 3, 17)
    assert wf.step_deadline(
        "tekun",
        State.AWAITING_CONFIRMATION,
        state_since=start,
        accepted_on=start,
        limits=Limits(),
        calendar=cal,
    ) == date(2025, 3, 24)
    assert wf.step_deadline(
        "urban_dibao",
        State.REFUSED,
        state_since=start,
        accepted_on=start,
        limits=Limits(),
        calendar=cal,
        decided_on=start,
        notice_pending=True,
    ) == date(2025, 3, 6)


def test_publicity_end_calendar_and_working_days():
    """7-day 公示 from 2025-09-29: calendar days end 10-05; working days end 10-13."""
    assert wf.publicity_end(date(2025, 9, 29), Limits(), CAL) == date(2025, 10, 5)
    wd = Limits(publicity_working_days=True)
    # 9-29, 9-30, 10-9, 10-10, 10-11 (调休), 10-13... → the 7th is 10-14
    assert wf.publicity_end(date(2025, 9, 29), wd, CAL) == date(2025, 10, 14)


def test_limits_from_policy_mapping():
    """Limits read the policy's ``limits`` mapping and ignore unknown keys."""
    lim = Limits.from_mapping({"total_county_wd": 25, "unknown": 1}, publicity_days=5)
    assert lim.total_county_wd == 25 and lim.publicity_days == 5


# ----------------------------------------------------------------------------- property

ROLES_ALL = ["clerk", "reviewer", "approver", "admin", "auditor"]


def _simulate(
    programme: str, green: bool, aid_type: str, moves: list[tuple[int, int, int]]
) -> tuple[list[State], State]:
    """Drive the machine like the service does, with arbitrary actions/roles/inputs."""
    state = State.ACCEPTED
    visited = [state]
    info_req = info_rec = prelim_current = False
    visits = 0
    pub_end: date | None = None
    day = date(2025, 1, 6)
    actions = list(Action)
    for a_i, r_i, x in moves:
        action, role = actions[a_i % len(actions)], ROLES_ALL[r_i % len(ROLES_ALL)]
        day = date.fromordinal(day.toordinal() + x % 4)
        f = Facts(
            actor_user_id=x % 3,
            created_by=1,
            on_date=day,
            green_channel=green,
            aid_type=aid_type,
            visits_recorded=visits,
            visit_investigators=x % 4,
            info_check_requested=info_req,
            info_check_recorded=info_rec,
            self_care_assessed=bool(x % 2),
            prelim_current=prelim_current,
            proposed_fen=x % 5,
            publicity_end=pub_end,
            objection_open=state == State.OBJECTION_REVIEW,
            decision=("approve", "refuse", "")[x % 3],
            opinion="意见" if x % 7 else "",
            resolution=("recheck", "democratic_review", "")[x % 3],
        )
        try:
            new = wf.check_transition(programme, state, action, role, f)
        except (RuleViolation, PermissionDenied, ValidationError):
            continue
        if action == Action.REQUEST_INFO_CHECK:
            info_req = True
        elif action == Action.RECORD_INFO_CHECK:
            info_rec = True
        elif action == Action.RECORD_VISIT:
            visits += 1
        elif action == Action.SUBMIT_PRELIM:
            prelim_current = True
        elif action == Action.RESOLVE_OBJECTION:
            prelim_current = False
        elif action == Action.START_PUBLICITY:
            pub_end = date.fromordinal(day.toordinal() + 6)
        state = new
        if visited[-1] != state:
            visited.append(state)
    return visited, state


@settings(max_examples=400, deadline=None)
@given(
    programme=st.sampled_from(wf.PROGRAMMES),
    green=st.booleans(),
    aid_type=st.sampled_from(["emergency", "expenditure"]),
    moves=st.lists(
        st.tuples(st.integers(0, 50), st.integers(0, 10), st.integers(0, 200)), max_size=120
    ),
)
def test_random_sequences_never_approve_without_required_steps(programme, green, aid_type, moves):
    """No sequence of actions reaches 确认同意 without passing every required state in order."""
    visited, state = _simulate(programme, green, aid_type, moves)
    if State.APPROVED in visited:
        required = wf.required_path(programme, green and aid_type == "emergency")
        path_before = visited[: visited.index(State.APPROVED)]
        it = iter(path_before)
        assert all(any(s == r for s in it) for r in required), path_before
    # nothing leaves a final state except to itself
    if visited[-1] in (State.WITHDRAWN, State.TERMINATED, State.REFUSED, State.APPROVED):
        assert state == visited[-1]


def test_simulation_can_reach_approval():
    """The property above is not vacuous: a legal sequence does reach 确认同意."""
    a = list(Action)
    seq = [
        (a.index(Action.START_INVESTIGATION), 0, 8),
        (a.index(Action.REQUEST_INFO_CHECK), 0, 8),
        (a.index(Action.RECORD_INFO_CHECK), 0, 8),
        (a.index(Action.RECORD_VISIT), 0, 3),
        (a.index(Action.SUBMIT_PRELIM), 1, 9),
        (a.index(Action.START_PUBLICITY), 0, 8),
        (a.index(Action.FINISH_PUBLICITY), 0, 3),
        (a.index(Action.FINISH_PUBLICITY), 0, 3),
        (a.index(Action.FINISH_PUBLICITY), 0, 3),
        (a.index(Action.CONFIRM), 2, 123),
    ]
    visited, state = _simulate("rural_dibao", False, "emergency", seq)
    assert state == State.APPROVED, visited
