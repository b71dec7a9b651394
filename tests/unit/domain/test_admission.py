"""Pure rules of issue 8: approval route of the proposed temporary-aid amount, 先行救助 cap,
单人保 cases, same-cause repeats, event dates, and the workflow guards that use them."""

from __future__ import annotations

from datetime import date

import pytest

from reliefdesk.domain import admission as ad
from reliefdesk.domain import workflow as wf
from reliefdesk.domain.workflow import Action, Facts, State
from reliefdesk.errors import PermissionDenied, RuleViolation

D = date(2025, 3, 3)


def test_route_follows_the_amount_actually_proposed():
    """Above the township limit → county; above the 一事一议 threshold → both."""
    assert ad.temp_aid_route(198450, 198450, 500000) == ad.TempAidRoute(False, False)
    assert ad.temp_aid_route(198451, 198450, 500000) == ad.TempAidRoute(True, False)
    assert ad.temp_aid_route(500001, 198450, 500000) == ad.TempAidRoute(True, True)
    assert ad.advance_cap(None, 198450) == 198450 and ad.advance_cap(80000, 198450) == 80000


@pytest.mark.parametrize(
    "cats, adult, jobless, clergy, family, edge, allowed",
    [
        ({"severe_disability"}, True, False, False, True, True, False),  # whole family qualifies
        ({"severe_disability"}, True, False, False, False, True, True),  # 低保边缘家庭
        ({"severe_disability"}, True, False, False, False, False, False),  # not near dibao
        ({"severe_disability"}, True, True, False, False, False, True),  # 成年无业重度残疾人
        ({"severe_disability"}, False, True, False, False, False, False),  # a minor: no 单人户
        ({"serious_illness"}, True, False, False, False, True, True),
        (set(), True, False, True, False, False, True),  # clergy ≥ 3 years
        (set(), True, True, False, False, True, False),  # no listed case
    ],
)
def test_single_person_cases(cats, adult, jobless, clergy, family, edge, allowed):
    """单人保 only in the cases of 民发〔2021〕57号 第八条 and 民函〔2022〕70号 §一."""
    verdict = ad.single_person_case(
        cats,
        adult=adult,
        unemployed=jobless,
        clergy_3y=clergy,
        family_qualifies=family,
        near_dibao=edge,
    )
    assert verdict.allowed is allowed and (allowed or verdict.message)


def test_repeat_within_twelve_months_and_cause_keys():
    """Same cause key within 12 months before the new date counts; older or other does not."""
    key = ad.cause_key("fire", "x")
    earlier = [(date(2024, 3, 3), key), (date(2024, 3, 4), key), (date(2024, 9, 1), "code:illness")]
    assert ad.repeat_aid_dates(D, earlier, key) == [date(2024, 3, 4)]
    assert ad.cause_key(None, "房屋 火灾。") == ad.cause_key(None, "房屋火灾")


def test_event_dates():
    """Death re-check due 3 months later (clamped); 18th birthday of a 29 February child."""
    assert ad.death_recheck_due(date(2025, 11, 30)) == date(2026, 2, 28)
    assert ad.eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)


def _facts(**kw) -> Facts:
    base = dict(
        actor_user_id=9,
        created_by=1,
        on_date=D,
        decision="approve",
        opinion="同意",
        proposed_fen=300000,
    )
    base.update(kw)
    return Facts(**base)


def test_confirm_guards_separation_routes_and_county_visit():
    """Involved users cannot confirm; missing county approval, 一事一议 or county visit block
    the approval with the rule named."""
    aw = State.AWAITING_CONFIRMATION
    with pytest.raises(PermissionDenied):
        wf.check_transition(
            "rural_dibao", aw, Action.CONFIRM, "approver", _facts(involved_user_ids=frozenset({9}))
        )
    with pytest.raises(RuleViolation) as exc:
        wf.check_transition(
            "temporary_aid", aw, Action.CONFIRM, "approver", _facts(county_approval_needed=True)
        )
    assert exc.value.code == "workflow.county_approval_missing"
    with pytest.raises(RuleViolation) as exc:
        wf.check_transition(
            "temporary_aid",
            aw,
            Action.CONFIRM,
            "approver",
            _facts(
                county_approval_needed=True, county_approval_recorded=True, case_by_case_needed=True
            ),
        )
    assert exc.value.code == "workflow.case_by_case_missing"
    with pytest.raises(RuleViolation) as exc:
        wf.check_transition(
            "rural_dibao", aw, Action.CONFIRM, "approver", _facts(county_visit_required=True)
        )
    assert exc.value.code == "workflow.county_visit_missing"
    assert (
        wf.check_transition(
            "rural_dibao",
            aw,
            Action.CONFIRM,
            "approver",
            _facts(county_visit_required=True, county_visit_recorded=True),
        )
        == State.APPROVED
    )


def test_record_actions_do_not_move_the_case_and_green_stop_waits_for_the_deadline():
    """Records keep the state; 先行纳入 stops only after its deadline."""
    f = _facts(county_approval_needed=True)
    assert (
        wf.check_transition(
            "temporary_aid",
            State.AWAITING_CONFIRMATION,
            Action.RECORD_COUNTY_APPROVAL,
            "reviewer",
            f,
        )
        == State.AWAITING_CONFIRMATION
    )
    assert Action.RECORD_COUNTY_APPROVAL not in wf.allowed_actions(
        "temporary_aid", State.AWAITING_CONFIRMATION, "reviewer", _facts()
    )
    green = _facts(green_authorised=True, green_due=date(2025, 4, 15), on_date=date(2025, 4, 15))
    with pytest.raises(RuleViolation):
        wf.check_transition(
            "rural_dibao", State.INVESTIGATING, Action.STOP_GREEN, "approver", green
        )
    late = _facts(green_authorised=True, green_due=date(2025, 4, 15), on_date=date(2025, 4, 16))
    assert (
        wf.check_transition("rural_dibao", State.INVESTIGATING, Action.STOP_GREEN, "approver", late)
        == State.TERMINATED
    )
    with pytest.raises(RuleViolation):  # tekun has no dibao green channel
        wf.check_transition("tekun", State.ACCEPTED, Action.AUTHORISE_GREEN, "approver", _facts())
