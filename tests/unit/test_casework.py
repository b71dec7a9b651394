"""Casework service: applications through the legal steps, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from test_casework_support import TWO, family_of_three, make_household, walk

from reliefdesk.db.defaults import default_policy
from reliefdesk.errors import (
    NotFound,
    PermissionDenied,
    RuleViolation,
    StaleDataError,
    ValidationError,
)
from reliefdesk.models import AuditEvent, Enrollment, EnrollmentMember, Person
from reliefdesk.services import audit, casework, enrollments, policy, visits
from reliefdesk.services.context import SYSTEM

D0 = date(2025, 3, 3)  # Monday


def _new(db, actors, programme="rural_dibao", who="clerk", hh=None, **kw):
    if hh is None:
        hh = family_of_three(db)
    hid, ids = hh
    return casework.create_application(
        db, actors[who], hid, ids[0], programme, "生活困难", D0, **kw
    ), ids


def test_full_dibao_path_enrolls_from_next_month(db, actors):
    """A rural dibao case walked through every step is enrolled from the month after
    confirmation, covering every counted member, with the gap amount (441−200)×3."""
    hid, ids = make_household(
        db,
        [
            {"name": "甲", "birth": date(1985, 1, 1)},
            {"name": "乙", "birth": date(1986, 1, 1)},
            {"name": "丙", "birth": date(2000, 1, 1)},
            {
                "name": "丁",
                "birth": date(1990, 1, 1),
                "counted": False,
                "exclusion_reason": "prison",
            },
        ],
        incomes=[(0, 60000)],
    )
    app, _ = _new(db, actors, hh=(hid, ids))
    view = walk(db, actors, app.id, "approved")
    assert view.proposed_fen == 72300
    assert view.decided_on == date(2025, 3, 18)
    enr = enrollments.get_enrollment(db, actors["clerk"], view.enrollment_id)
    assert enr.start_month == date(2025, 4, 1)
    assert sorted(enr.active_member_ids) == sorted(ids[:3])
    assert enr.amount_fen == 72300 and enr.persons == 3
    assert enr.next_recheck == date(2026, 4, 1)
    assert view.state_label == "确认同意" and view.due_on is None


def test_timeline_records_user_role_and_opinion_and_audit(db, actors):
    """Each step stores who, role, date, decision and opinion; audit chain stays intact."""
    app, _ = _new(db, actors)
    view = walk(db, actors, app.id, "approved")
    actions = [s.action for s in view.steps]
    assert actions == [
        "accept",
        "start_investigation",
        "request_info_check",
        "record_visit",
        "record_info_check",
        "submit_prelim",
        "start_publicity",
        "finish_publicity",
        "confirm",
    ]
    confirm = view.steps[-1]
    assert (confirm.username, confirm.role, confirm.decision, confirm.opinion) == (
        "approver",
        "approver",
        "approve",
        "同意",
    )
    assert view.steps[5].role_label == "审核人"
    with db.session() as s:
        logged = {e.action for e in s.scalars(select(AuditEvent))}
        assert {
            "application.create",
            "application.confirm",
            "enrollment.create",
            "visit.create",
        } <= logged
        assert audit.verify_chain(s) == []


def test_clerk_cannot_confirm_and_creator_cannot_confirm(db, actors):
    """A clerk is refused; an approver who accepted the case is refused; another approver may."""
    app, _ = _new(db, actors, who="approver")
    walk(db, actors, app.id, "awaiting_confirmation")
    with pytest.raises(PermissionDenied):
        casework.perform(
            db, actors["clerk"], app.id, "confirm", on_date=date(2025, 3, 18), decision="approve"
        )
    with pytest.raises(PermissionDenied) as exc:
        casework.perform(
            db, actors["approver"], app.id, "confirm", on_date=date(2025, 3, 18), decision="approve"
        )
    assert "本人" in exc.value.message
    assert "confirm" not in casework.get_application(db, actors["approver"], app.id).allowed_actions
    view = casework.perform(
        db, actors["approver2"], app.id, "confirm", on_date=date(2025, 3, 18), decision="approve"
    )
    assert view.state == "approved"


@pytest.mark.parametrize(
    "stage,action,who",
    [
        ("accepted", "submit_prelim", "reviewer"),
        ("accepted", "start_publicity", "clerk"),
        ("accepted", "finish_publicity", "clerk"),
        ("accepted", "confirm", "approver"),
        ("investigating", "start_publicity", "clerk"),
        ("investigating", "confirm", "approver"),
        ("prelim_review", "finish_publicity", "clerk"),
        ("prelim_review", "confirm", "approver"),
        ("publicity", "confirm", "approver"),
    ],
)
def test_no_step_can_be_skipped(db, actors, stage, action, who):
    """Trying to jump ahead from any state is refused with a named rule; nothing is enrolled."""
    app, _ = _new(db, actors)
    if stage != "accepted":
        walk(db, actors, app.id, stage)
    with pytest.raises(RuleViolation) as exc:
        casework.perform(
            db,
            actors[who],
            app.id,
            action,
            on_date=date(2025, 3, 12),
            decision="approve",
            opinion="意见",
        )
    assert exc.value.rule
    with db.session() as s:
        assert s.scalar(select(Enrollment.id)) is None


def test_prelim_without_visit_or_info_check_refused(db, actors):
    """Under investigation, 初审 needs a visit AND the information-matching result."""
    app, _ = _new(db, actors)
    casework.perform(db, actors["clerk"], app.id, "start_investigation", on_date=D0)
    with pytest.raises(RuleViolation) as exc:
        casework.perform(db, actors["reviewer"], app.id, "submit_prelim", on_date=D0, opinion="x")
    assert "第十五条" in exc.value.rule
    visits.save_visit(
        db,
        actors["clerk"],
        visits.VisitInput(
            household_id=app.household_id, application_id=app.id, visit_date=D0, investigators=TWO
        ),
    )
    with pytest.raises(RuleViolation) as exc:
        casework.perform(db, actors["reviewer"], app.id, "submit_prelim", on_date=D0, opinion="x")
    assert "第十七条" in exc.value.rule
    with pytest.raises(RuleViolation):  # result before the request
        casework.perform(
            db, actors["clerk"], app.id, "record_info_check", on_date=D0, opinion="无异常"
        )


def test_objection_loop(db, actors):
    """公示 objection → 民主评议 → new 初审 → new 公示 → confirmation."""
    app, _ = _new(db, actors)
    walk(db, actors, app.id, "publicity")
    clerk, reviewer = actors["clerk"], actors["reviewer"]
    v = casework.perform(
        db, clerk, app.id, "record_objection", on_date=date(2025, 3, 12), opinion="邻居反映家有车辆"
    )
    assert v.state == "objection_review" and v.objection == "邻居反映家有车辆"
    with pytest.raises(RuleViolation):
        casework.perform(db, clerk, app.id, "finish_publicity", on_date=date(2025, 3, 20))
    v = casework.perform(
        db,
        reviewer,
        app.id,
        "resolve_objection",
        on_date=date(2025, 3, 14),
        opinion="评议：车辆已报废",
        resolution="democratic_review",
    )
    assert v.state == "prelim_review"
    with pytest.raises(RuleViolation) as exc:
        casework.perform(db, clerk, app.id, "start_publicity", on_date=date(2025, 3, 14))
    assert exc.value.code == "workflow.prelim_stale"
    casework.perform(
        db, reviewer, app.id, "submit_prelim", on_date=date(2025, 3, 17), opinion="复查后仍符合条件"
    )
    v = casework.perform(db, clerk, app.id, "start_publicity", on_date=date(2025, 3, 17))
    assert v.publicity_end == date(2025, 3, 23)
    with pytest.raises(RuleViolation):
        casework.perform(db, clerk, app.id, "finish_publicity", on_date=date(2025, 3, 23))
    casework.perform(db, clerk, app.id, "finish_publicity", on_date=date(2025, 3, 24))
    v = casework.perform(
        db, actors["approver"], app.id, "confirm", on_date=date(2025, 3, 31), decision="approve"
    )
    assert v.state == "approved"
    assert enrollments.get_enrollment(db, clerk, v.enrollment_id).start_month == date(2025, 4, 1)
    assert [s.decision for s in v.steps if s.action == "resolve_objection"] == ["democratic_review"]


def test_refusal_stores_reasons_and_notice_deadline(db, actors):
    """不予确认 keeps the reasons; the written notice is due in 3 working days and is tracked."""
    app, _ = _new(db, actors)
    walk(db, actors, app.id, "awaiting_confirmation")
    v = casework.perform(
        db,
        actors["approver"],
        app.id,
        "confirm",
        on_date=date(2025, 3, 21),
        decision="refuse",
        opinion="存款超过规定",
    )
    assert v.state == "refused" and v.decision_reasons == "存款超过规定"
    assert v.due_on == date(2025, 3, 26)
    assert v.enrollment_id is None
    items = casework.overdue(db, actors["clerk"], date(2025, 3, 27))
    assert [(i.kind, i.due_on) for i in items] == [("refusal_notice", date(2025, 3, 26))]
    v = casework.perform(
        db, actors["clerk"], app.id, "record_notice", on_date=date(2025, 3, 24), opinion="已送达"
    )
    assert v.due_on is None and casework.overdue(db, actors["clerk"], date(2025, 3, 27)) == []


def test_delegated_vs_county_total_limit(db, actors):
    """Total limit: 30 working days when the county confirms, 20 when delegated to the township."""
    app, _ = _new(db, actors)
    assert app.total_due_on == date(2025, 4, 15)  # 30 wd after 2025-03-03 (清明 4-4 off)
    data = default_policy()
    data["confirmation_delegated"] = True
    with db.session() as s:
        policy.save_policy(s, SYSTEM, date(2025, 1, 1), "下放乡镇确认", data)
    app2, _ = _new(db, actors)
    assert app2.total_due_on == date(2025, 3, 31)
    ext = casework.extend_deadline(db, actors["reviewer"], app2.id, "人户分离", on_date=D0)
    assert ext.total_due_on == date(2025, 5, 8) and ext.extended


def test_deadline_across_holiday_with_makeup_day(db, actors):
    """Accepted Friday 2025-09-26: investigation due 09-30 (Sunday 09-28 is 调休 working)."""
    hid, ids = family_of_three(db)
    v = casework.create_application(
        db, actors["clerk"], hid, ids[0], "urban_dibao", "失业", date(2025, 9, 26)
    )
    assert v.due_on == date(2025, 9, 30)
    assert v.total_due_on == date(2025, 11, 13)
    over = casework.overdue(db, actors["clerk"], date(2025, 10, 9))
    assert [(o.application_id, o.kind, o.working_days_over) for o in over] == [(v.id, "step", 1)]
    assert casework.overdue(db, actors["clerk"], date(2025, 9, 30)) == []


def test_overdue_and_workbench(db, actors):
    """An untouched case is overdue after 3 working days; the workbench lists it with days left."""
    app, _ = _new(db, actors)
    assert casework.overdue(db, actors["clerk"], date(2025, 3, 6)) == []
    assert [o.kind for o in casework.overdue(db, actors["clerk"], date(2025, 3, 7))] == ["step"]
    wb = casework.workbench(db, actors["clerk"], date(2025, 3, 4))
    item = wb.by_state["accepted"][0]
    assert item.application_id == app.id and item.days_left == 2
    assert "start_investigation" in item.actions
    assert [w.application_id for w in wb.waiting_for_me] == [app.id]
    assert casework.workbench(db, actors["auditor"], date(2025, 3, 4)).waiting_for_me == ()


def test_green_channel_temporary_aid(db, actors):
    """急难型先行救助: 初审 at once, confirmation without 公示, paperwork due in 5 working days."""
    hid, ids = family_of_three(db)
    clerk = actors["clerk"]
    app = casework.create_application(
        db,
        clerk,
        hid,
        ids[0],
        "temporary_aid",
        "房屋火灾",
        D0,
        aid_type="emergency",
        green_channel=True,
        aid_months=1,
        aid_persons=3,
    )
    v = casework.perform(
        db, actors["reviewer"], app.id, "submit_prelim", on_date=D0, opinion="火灾属实，先行救助"
    )
    assert v.proposed_fen == 66150 * 3  # within the 先行救助 cap (the township limit)
    v = casework.perform(db, actors["approver"], app.id, "confirm", on_date=D0, decision="approve")
    assert v.state == "approved" and v.paperwork_due == date(2025, 3, 10)
    assert (
        "complete_paperwork" in v.allowed_actions
        or "complete_paperwork" in casework.get_application(db, clerk, app.id).allowed_actions
    )
    enr = enrollments.get_enrollment(db, clerk, v.enrollment_id)
    assert enr.end_month == enr.start_month and enr.active_member_ids == ()
    assert [o.kind for o in casework.overdue(db, clerk, date(2025, 3, 11))] == ["paperwork"]
    casework.perform(
        db, clerk, app.id, "complete_paperwork", on_date=date(2025, 3, 7), opinion="签字盖章已补齐"
    )
    assert casework.overdue(db, clerk, date(2025, 3, 11)) == []


def test_temporary_aid_needs_type_and_cause(db, actors):
    """Temporary aid needs 急难型/支出型 and a cause; 支出型 cannot use the green channel."""
    hid, ids = family_of_three(db)
    clerk = actors["clerk"]
    with pytest.raises(ValidationError) as exc:
        casework.create_application(db, clerk, hid, ids[0], "temporary_aid", "病", D0)
    assert exc.value.field == "aid_type"
    with pytest.raises(ValidationError):
        casework.create_application(
            db, clerk, hid, ids[0], "temporary_aid", " ", D0, aid_type="emergency"
        )
    with pytest.raises(RuleViolation):
        casework.create_application(
            db,
            clerk,
            hid,
            ids[0],
            "temporary_aid",
            "学费",
            D0,
            aid_type="expenditure",
            green_channel=True,
        )
    app = casework.create_application(
        db, clerk, hid, ids[0], "temporary_aid", "学费", D0, aid_type="expenditure"
    )
    walk(db, actors, app.id, "publicity")  # the normal procedure


def test_tekun_self_care_tiers_and_amount(db, actors):
    """Tekun: 4 of 6 items lost → 全失能; amount = 1.3 × 441 + 360 = 933.30 元."""
    hid, ids = make_household(db, [{"name": "孤老", "birth": date(1950, 5, 5)}])
    six = dict.fromkeys(casework.SELF_CARE_ITEMS, True)
    six.update(eating=False, dressing=False, toileting=False, bathing=False)
    app = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "tekun",
        "无人赡养",
        D0,
        care_mode="dispersed",
        self_care=six,
    )
    assert app.care_tier == "none"
    v = walk(db, actors, app.id, "approved")
    assert v.proposed_fen == 57330 + 36000
    enr = enrollments.get_enrollment(db, actors["clerk"], v.enrollment_id)
    assert enr.active_member_ids == (ids[0],) and enr.care_tier == "none"


def test_tekun_prelim_requires_assessment_and_partial_tier(db, actors):
    """Tekun 初审 is refused before the self-care assessment; 2 items lost → 半失能 tier."""
    hid, ids = make_household(db, [{"name": "孤老", "birth": date(1950, 5, 5)}])
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "tekun", "无人赡养", D0)
    casework.perform(db, actors["clerk"], app.id, "start_investigation", on_date=D0)
    casework.perform(db, actors["clerk"], app.id, "request_info_check", on_date=D0)
    casework.perform(db, actors["clerk"], app.id, "record_info_check", on_date=D0, opinion="无")
    visits.save_visit(
        db,
        actors["clerk"],
        visits.VisitInput(
            household_id=hid, application_id=app.id, visit_date=D0, investigators=TWO
        ),
    )
    with pytest.raises(RuleViolation) as exc:
        casework.perform(db, actors["reviewer"], app.id, "submit_prelim", on_date=D0, opinion="x")
    assert exc.value.rule == "民发〔2021〕43号 第二十条"
    six = dict.fromkeys(casework.SELF_CARE_ITEMS, True)
    six.update(bathing=False, indoor_walking=False)
    v = casework.record_self_care(db, actors["clerk"], app.id, six, on_date=D0)
    assert v.care_tier == "partial"
    v = casework.perform(
        db, actors["reviewer"], app.id, "submit_prelim", on_date=D0, opinion="符合"
    )
    assert v.proposed_fen == 57330 + 18000
    with pytest.raises(ValidationError):
        casework.record_self_care(db, actors["clerk"], app.id, {"eating": True}, on_date=D0)


def test_tekun_needs_incapacity_ground(db, actors):
    """A 40-year-old without qualifying disability cannot apply for tekun (第五条); a level-2
    physically disabled adult can."""
    hid, ids = make_household(
        db,
        [
            {"name": "甲", "birth": date(1985, 1, 1)},
            {
                "name": "乙",
                "birth": date(1985, 2, 1),
                "disability_category": "肢体",
                "disability_level": 2,
            },
        ],
    )
    with pytest.raises(RuleViolation) as exc:
        casework.create_application(db, actors["clerk"], hid, ids[0], "tekun", "困难", D0)
    assert exc.value.rule == "民发〔2021〕43号 第五条"
    v = casework.create_application(db, actors["clerk"], hid, ids[1], "tekun", "困难", D0)
    assert v.single_person


def test_double_enrollment_refused_by_service(db, actors):
    """After enrollment, a new dibao application or a tekun application for a member is refused;
    so is a second open dibao application for the same household."""
    hh = make_household(
        db,
        [{"name": "老张", "birth": date(1950, 1, 1)}, {"name": "小张", "birth": date(1990, 1, 1)}],
        incomes=[(1, 30000)],
    )
    app, ids = _new(db, actors, hh=hh)
    with pytest.raises(RuleViolation) as exc:
        _new(db, actors, programme="urban_dibao", hh=hh)
    assert exc.value.code == "application.open" and "正在办理" in exc.value.message
    walk(db, actors, app.id, "approved")
    with pytest.raises(RuleViolation) as exc:
        _new(db, actors, hh=hh)
    assert "已在享受农村低保" in exc.value.message and exc.value.code == "application.enrolled"
    with pytest.raises(RuleViolation):
        casework.create_application(db, actors["clerk"], hh[0], ids[0], "tekun", "x", D0)
    # temporary aid is allowed on top of dibao
    casework.create_application(
        db, actors["clerk"], hh[0], ids[0], "temporary_aid", "住院", D0, aid_type="expenditure"
    )


def test_double_enrollment_at_confirmation_refused(db, actors):
    """Two applications accepted before either was confirmed: the second confirmation is refused."""
    hh = make_household(db, [{"name": "老李", "birth": date(1950, 1, 1)}], incomes=[(0, 10000)])
    a, ids = _new(db, actors, hh=hh)
    t = casework.create_application(
        db,
        actors["clerk"],
        hh[0],
        ids[0],
        "tekun",
        "无人赡养",
        D0,
        self_care=dict.fromkeys(casework.SELF_CARE_ITEMS, True),
    )
    walk(db, actors, a.id, "approved")
    walk(db, actors, t.id, "awaiting_confirmation")
    with pytest.raises(RuleViolation) as exc:
        casework.perform(
            db, actors["approver"], t.id, "confirm", on_date=date(2025, 3, 18), decision="approve"
        )
    assert "老李" in exc.value.message
    assert casework.get_application(db, actors["clerk"], t.id).state == "awaiting_confirmation"


def test_double_enrollment_refused_by_database_index(db, actors):
    """The partial unique index rejects a second active member row; the service translates it."""
    hh = make_household(db, [{"name": "老王", "birth": date(1950, 1, 1)}], incomes=[(0, 10000)])
    a, ids = _new(db, actors, hh=hh)
    v = walk(db, actors, a.id, "approved")
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(EnrollmentMember(enrollment_id=v.enrollment_id, person_id=ids[0], active=True))
        s.flush()
    with pytest.raises(ValidationError) as exc, db.session() as s:
        enr = s.get(Enrollment, v.enrollment_id)
        enrollments.add_members(s, enr, [ids[0]])
    assert exc.value.code == "enrollment.duplicate" and "重复" in exc.value.message
    with db.session() as s:  # an inactive row for the same person is fine
        enrollments.add_members(s, s.get(Enrollment, v.enrollment_id), [ids[0]], active=False)


def test_stale_version_refused(db, actors):
    """An action based on an outdated version is refused and writes nothing."""
    app, _ = _new(db, actors)
    casework.perform(
        db, actors["clerk"], app.id, "start_investigation", on_date=D0, expected_version=app.version
    )
    with pytest.raises(StaleDataError):
        casework.perform(
            db,
            actors["clerk"],
            app.id,
            "request_info_check",
            on_date=D0,
            expected_version=app.version,
        )
    v = casework.get_application(db, actors["clerk"], app.id)
    assert v.info_check_requested_on is None and len(v.steps) == 2


def test_withdraw_and_terminate_close_the_case(db, actors):
    """撤回 and 终止审核 need a reason, close the case and free the household for a new one."""
    app, _ = _new(db, actors)
    with pytest.raises(ValidationError):
        casework.perform(db, actors["clerk"], app.id, "withdraw", on_date=D0)
    v = casework.perform(db, actors["clerk"], app.id, "withdraw", on_date=D0, opinion="本人撤回")
    assert v.state == "withdrawn" and v.allowed_actions == ()
    hh = (v.household_id, [v.applicant_id])
    app2, _ = _new(db, actors, hh=hh)
    v2 = casework.perform(
        db,
        actors["clerk"],
        app2.id,
        "terminate_noncooperation",
        on_date=D0,
        opinion="拒不配合入户调查",
    )
    assert v2.state == "terminated" and v2.decision_reasons == "拒不配合入户调查"


def test_create_validations(db, actors):
    """Applicant must belong to the household; unknown programme/fields and future dates refused;
    auditors cannot accept; 单人保 needs a qualifying person."""
    hid, ids = family_of_three(db)
    _other, oids = family_of_three(db)
    c = actors["clerk"]
    with pytest.raises(ValidationError):
        casework.create_application(db, c, hid, oids[0], "rural_dibao", "x", D0)
    with pytest.raises(ValidationError):
        casework.create_application(db, c, hid, ids[0], "dibao", "x", D0)
    with pytest.raises(ValidationError):
        casework.create_application(db, c, hid, ids[0], "rural_dibao", "x", D0, colour="red")
    with pytest.raises(ValidationError):
        casework.create_application(db, c, hid, ids[0], "rural_dibao", "x", date(2099, 1, 1))
    with pytest.raises(PermissionDenied):
        casework.create_application(db, actors["auditor"], hid, ids[0], "rural_dibao", "x", D0)
    with pytest.raises(NotFound):
        casework.create_application(db, c, 999999, ids[0], "rural_dibao", "x", D0)
    with pytest.raises(RuleViolation) as exc:
        casework.create_application(db, c, hid, ids[0], "rural_dibao", "x", D0, single_person=True)
    assert exc.value.rule == "民发〔2021〕57号 第八条"


def test_start_publicity_batch_and_policy_working_days(db, actors):
    """A batch 公示 starts all cases at once and returns the end date (7 calendar days)."""
    a, _ = _new(db, actors)
    b, _ = _new(db, actors)
    for x in (a, b):
        walk(db, actors, x.id, "prelim_review")
    batch = casework.start_publicity_batch(
        db, actors["clerk"], [a.id, b.id], date(2025, 3, 10), recorded_on=date(2025, 3, 10)
    )
    assert batch.end == date(2025, 3, 16)
    rows = casework.list_applications(db, actors["clerk"], state="publicity")
    assert {r.id for r in rows} == {a.id, b.id}
    c, _ = _new(db, actors)
    with pytest.raises(RuleViolation):  # all or nothing: c is not ready
        casework.start_publicity_batch(
            db, actors["clerk"], [c.id], date(2025, 3, 10), recorded_on=date(2025, 3, 10)
        )


def test_list_applications_filters(db, actors):
    """Listing filters by state, programme, household and open-only."""
    a, _ = _new(db, actors)
    b, _ = _new(db, actors, programme="urban_dibao")
    casework.perform(db, actors["clerk"], b.id, "withdraw", on_date=D0, opinion="撤回")
    c = actors["clerk"]
    assert [r.id for r in casework.list_applications(db, c, programme="urban_dibao")] == [b.id]
    assert [r.id for r in casework.list_applications(db, c, open_only=True)] == [a.id]
    assert [
        r.applicant_name for r in casework.list_applications(db, c, household_id=a.household_id)
    ] == ["王大山"]
    with pytest.raises(NotFound):
        casework.get_application(db, c, 424242)


def test_people_unchanged_by_failed_confirmation(db, actors):
    """A refused confirmation (self-confirm) leaves no step, enrollment or state change behind."""
    app, _ = _new(db, actors, who="approver")
    walk(db, actors, app.id, "awaiting_confirmation")
    before = casework.get_application(db, actors["clerk"], app.id)
    with pytest.raises(PermissionDenied):
        casework.perform(
            db, actors["approver"], app.id, "confirm", on_date=date(2025, 3, 18), decision="approve"
        )
    after = casework.get_application(db, actors["clerk"], app.id)
    assert (after.version, len(after.steps)) == (before.version, len(before.steps))
    with db.session() as s:
        assert s.scalar(select(Person.id).limit(1)) is not None
        assert s.scalar(select(Enrollment.id)) is None
