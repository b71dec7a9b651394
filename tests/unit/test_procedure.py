"""Issue 8 points 6–11: limits on the proposed amount, 先行救助 cap, same-cause warning, the
dibao green channel, separation of duties, no backdated 公示 (real SQLite and PostgreSQL).
Points 13 and 14 are in test_procedure_events.py."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from test_casework_support import TWO, approve, family_of_three, walk

from reliefdesk.errors import PermissionDenied, RuleViolation, ValidationError
from reliefdesk.models import PolicyVersion
from reliefdesk.services import casework, enrollments, settings, visits

D0 = date(2025, 3, 3)  # Monday


def _temp(db, actors, amount_fen: int, **kw):
    """A temporary-aid case investigated and given an 初审 with a manual amount."""
    hid, ids = family_of_three(db)
    clerk = actors["clerk"]
    app = casework.create_application(
        db, clerk, hid, ids[0], "temporary_aid", "房屋火灾", D0, aid_type="emergency", **kw
    )
    casework.perform(db, clerk, app.id, "start_investigation", on_date=D0)
    casework.perform(db, clerk, app.id, "request_info_check", on_date=D0)
    casework.perform(db, clerk, app.id, "record_info_check", on_date=D0, opinion="无异常")
    visits.save_visit(
        db,
        clerk,
        visits.VisitInput(
            household_id=hid, application_id=app.id, visit_date=D0, investigators=TWO
        ),
    )
    casework.perform(
        db,
        actors["reviewer"],
        app.id,
        "submit_prelim",
        on_date=date(2025, 3, 4),
        opinion="属实",
        amount_fen=amount_fen,
    )
    casework.perform(db, clerk, app.id, "start_publicity", on_date=date(2025, 3, 5))
    return casework.perform(db, clerk, app.id, "finish_publicity", on_date=date(2025, 3, 12))


# ---------------------------------------------------------------- 6. limits on the proposal


def test_amount_above_township_limit_needs_recorded_county_approval(db, actors):
    """A manual 3,000 元 (above the 1,984.50 元 township limit; the formula gave less) cannot
    be approved until the county's approval is recorded."""
    v = _temp(db, actors, 300000, aid_months=1, aid_persons=1)
    assert (
        "record_county_approval"
        in casework.get_application(db, actors["reviewer"], v.id).allowed_actions
    )
    assert any("县级审批" in b for b in v.blockers)
    with pytest.raises(RuleViolation) as exc:
        approve(db, actors, v.id)
    assert exc.value.code == "workflow.county_approval_missing"
    with pytest.raises(ValidationError) as exc:  # who approved is required
        casework.perform(
            db,
            actors["reviewer"],
            v.id,
            "record_county_approval",
            on_date=date(2025, 3, 12),
            body="汝州市民政局",
        )
    assert exc.value.field == "participants"
    casework.perform(
        db,
        actors["reviewer"],
        v.id,
        "record_county_approval",
        on_date=date(2025, 3, 12),
        body="汝州市民政局",
        participants="张局长",
        reference="汝民救〔2025〕8号",
    )
    view = approve(db, actors, v.id)
    assert view.state == "approved" and view.records[0].kind == "county_approval"


def test_case_by_case_decision_before_payment_with_shipped_threshold(db, actors):
    """The shipped 一事一议 threshold (5,000 元) triggers: 6,000 元 needs the decision (date,
    body, participants, minutes, amount); the decided amount is what the enrollment pays."""
    with db.session() as s:
        data = s.scalars(select(PolicyVersion)).first().data
    assert data["temp_aid_case_by_case_fen"] == 500000
    v = _temp(db, actors, 600000, aid_months=1, aid_persons=1)
    casework.perform(
        db,
        actors["reviewer"],
        v.id,
        "record_county_approval",
        on_date=date(2025, 3, 12),
        body="汝州市民政局",
        participants="张局长",
    )
    with pytest.raises(RuleViolation) as exc:
        approve(db, actors, v.id)
    assert exc.value.code == "workflow.case_by_case_missing"
    with pytest.raises(ValidationError) as exc:
        casework.perform(
            db,
            actors["reviewer"],
            v.id,
            "record_case_by_case",
            on_date=date(2025, 3, 12),
            body="汝州市困难群众基本生活保障工作协调机制",
            participants="民政、财政、人社",
            amount_fen=550000,
        )
    assert exc.value.field == "reference"
    casework.perform(
        db,
        actors["reviewer"],
        v.id,
        "record_case_by_case",
        on_date=date(2025, 3, 12),
        body="汝州市困难群众基本生活保障工作协调机制",
        participants="民政局、财政局、人社局",
        reference="会议纪要〔2025〕3号",
        amount_fen=550000,
    )
    view = approve(db, actors, v.id)
    assert view.proposed_fen == 550000
    assert enrollments.get_enrollment(db, actors["clerk"], view.enrollment_id).amount_fen == 550000
    rec = next(r for r in view.records if r.kind == "case_by_case")
    assert (rec.on_date, rec.reference, rec.amount_fen) == (
        date(2025, 3, 12),
        "会议纪要〔2025〕3号",
        550000,
    )


# ---------------------------------------------------------------- 7. 先行救助 cap


def test_advance_aid_above_cap_refused_and_paperwork_on_workbench(db, actors):
    """先行救助 of 2 months × 3 persons (3,969 元) exceeds the cap (the township limit) and is
    refused; a small one is paid and its 补办 deadline shows on the workbench."""
    hid, ids = family_of_three(db)
    big = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "temporary_aid",
        "火灾",
        D0,
        aid_type="emergency",
        green_channel=True,
        aid_months=2,
        aid_persons=3,
    )
    with pytest.raises(RuleViolation) as exc:
        casework.perform(
            db, actors["reviewer"], big.id, "submit_prelim", on_date=D0, opinion="先行救助"
        )
    assert exc.value.code == "workflow.advance_cap" and "先行救助上限" in str(exc.value)
    casework.perform(db, actors["clerk"], big.id, "withdraw", on_date=D0, opinion="改按正常程序")
    small = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "temporary_aid",
        "火灾",
        D0,
        aid_type="emergency",
        green_channel=True,
        aid_months=1,
        aid_persons=1,
    )
    casework.perform(
        db, actors["reviewer"], small.id, "submit_prelim", on_date=D0, opinion="先行救助"
    )
    v = casework.perform(
        db, actors["approver"], small.id, "confirm", on_date=D0, decision="approve"
    )
    wb = casework.workbench(db, actors["clerk"], date(2025, 3, 6))
    item = next(w for w in wb.by_state["approved"] if w.application_id == small.id)
    assert item.due_on == v.paperwork_due == date(2025, 3, 10)


# ---------------------------------------------------------------- 8. same cause in 12 months


def test_same_cause_within_twelve_months_warns(db, actors):
    """A second grant for the same cause within 12 months carries a warning; another cause or
    a grant older than 12 months does not."""
    hid, ids = family_of_three(db)
    first = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "temporary_aid",
        "x",
        D0,
        aid_type="emergency",
        aid_cause="fire",
    )
    walk(db, actors, first.id, "approved")
    again = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "temporary_aid",
        "y",
        date(2025, 11, 3),
        aid_type="emergency",
        aid_cause="fire",
    )
    assert any("12 个月内已因同一原因" in w for w in again.warnings)
    casework.perform(
        db, actors["clerk"], again.id, "withdraw", on_date=date(2025, 11, 3), opinion="重复"
    )
    other = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "temporary_aid",
        "z",
        date(2025, 11, 3),
        aid_type="expenditure",
        aid_cause="medical",
    )
    assert not any("同一原因" in w for w in other.warnings)
    with pytest.raises(ValidationError):
        casework.create_application(
            db,
            actors["clerk"],
            hid,
            ids[1],
            "temporary_aid",
            "z",
            D0,
            aid_type="emergency",
            aid_cause="meteor",
        )


# ---------------------------------------------------------------- 9. dibao green channel


def _green(db, actors):
    hid, ids = family_of_three(db)
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "房屋失火，生活无着", D0
    )
    with pytest.raises(ValidationError) as exc:  # the deadline is required
        casework.perform(
            db,
            actors["approver"],
            app.id,
            "authorise_green",
            on_date=D0,
            opinion="火灾",
            participants="李所长",
        )
    assert exc.value.field == "due_on"
    v = casework.perform(
        db,
        actors["approver"],
        app.id,
        "authorise_green",
        on_date=D0,
        opinion="3月2日夜火灾，房屋烧毁",
        participants="汝州市民政局 王科长",
        due_on=date(2025, 4, 15),
    )
    return v


def test_green_channel_enrolls_at_once_and_shows_until_done(db, actors):
    """特事特办: recorded authorisation (who, why, deadline); the family is enrolled from next
    month; the deadline is the case's due date and a workbench follow-up; confirmation later
    keeps the same enrollment."""
    v = _green(db, actors)
    assert v.green_channel and v.green_due == date(2025, 4, 15) and v.enrollment_id
    rec = v.records[0]
    assert (rec.kind, rec.participants, rec.due_on) == (
        "green_channel",
        "汝州市民政局 王科长",
        date(2025, 4, 15),
    )
    enr = enrollments.get_enrollment(db, actors["clerk"], v.enrollment_id)
    assert enr.start_month == date(2025, 4, 1) and enr.amount_fen == 72300
    wb = casework.workbench(db, actors["clerk"], date(2025, 3, 4))
    assert [e.kind for e in wb.events if e.application_id == v.id] == ["green_channel"]
    view = walk(db, actors, v.id, "approved")
    assert view.enrollment_id == v.enrollment_id
    wb = casework.workbench(db, actors["clerk"], date(2025, 3, 20))
    assert not [e for e in wb.events if e.application_id == v.id]


def test_green_channel_stops_with_notice_when_overdue(db, actors):
    """Not confirmed by the deadline: 停发 is refused before it and allowed after; payment ends
    from the next month with a termination change that prints as a 告知书."""
    from reliefdesk.services.printing import notices as printing_notices

    v = _green(db, actors)
    with pytest.raises(RuleViolation):
        casework.perform(
            db, actors["approver"], v.id, "stop_green", on_date=date(2025, 4, 15), opinion="逾期"
        )
    assert (
        "stop_green"
        in casework.get_application(
            db, actors["approver"], v.id, today=date(2025, 4, 16)
        ).allowed_actions
    )
    done = casework.perform(
        db,
        actors["approver"],
        v.id,
        "stop_green",
        on_date=date(2025, 4, 16),
        opinion="未能在期限内完成入户调查和公示",
    )
    assert done.state == "terminated"
    enr = enrollments.get_enrollment(db, actors["clerk"], v.enrollment_id)
    assert enr.status == "terminated" and enr.end_month == date(2025, 4, 1)
    change = enr.changes[-1]
    pdf = printing_notices.change_notice_pdf(db, actors["clerk"], change.id)
    assert pdf.pdf.startswith(b"%PDF") and pdf.pages == 1


# ---------------------------------------------------------------- 10. separation of duties


def _steps(
    db, actors, app_id: int, hid: int, *, investigator: str = "clerk", start: date = D0
) -> None:
    """Accepted → awaiting confirmation, the investigation started by ``investigator``."""
    d = lambda n: start + timedelta(days=n)  # noqa: E731
    clerk = actors["clerk"]
    casework.perform(db, actors[investigator], app_id, "start_investigation", on_date=d(0))
    casework.perform(db, clerk, app_id, "request_info_check", on_date=d(0))
    visits.save_visit(
        db,
        clerk,
        visits.VisitInput(
            household_id=hid, application_id=app_id, visit_date=d(1), investigators=TWO
        ),
    )
    casework.perform(db, clerk, app_id, "record_info_check", on_date=d(1), opinion="无异常")
    casework.perform(
        db, actors["reviewer"], app_id, "submit_prelim", on_date=d(2), opinion="符合条件"
    )
    casework.start_publicity_batch(db, clerk, [app_id], d(3), recorded_on=d(3))
    casework.perform(db, clerk, app_id, "finish_publicity", on_date=d(10))


def test_confirmer_must_not_have_accepted_investigated_or_reviewed(db, actors):
    """An approver who started the investigation (or gave the 初审) cannot confirm, another
    approver can; the same for temporary-aid approval."""
    hid, ids = family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    _steps(db, actors, app.id, hid, investigator="approver")
    v = casework.get_application(db, actors["approver"], app.id)
    assert "confirm" not in v.allowed_actions
    with pytest.raises(PermissionDenied) as exc:
        approve(db, actors, app.id)
    assert exc.value.code == "workflow.self_confirm"
    assert approve(db, actors, app.id, "approver2").state == "approved"
    t = _temp(db, actors, 50000, aid_months=1, aid_persons=1)
    with db.session() as s:  # the reviewer who gave the 初审 is promoted: still barred
        from reliefdesk.models import User

        s.get(User, actors["reviewer"].user_id).role = "approver"
    promoted = actors["reviewer"].__class__(
        actors["reviewer"].user_id, "reviewer", "reviewer", "approver"
    )
    with pytest.raises(PermissionDenied):
        casework.perform(
            db, promoted, t.id, "confirm", on_date=date(2025, 3, 13), decision="approve"
        )


def test_stricter_separation_setting_and_no_weakening(db, actors):
    """The office may also bar whoever ran the 公示 from confirming; no setting weakens the
    base rule."""
    hid, ids = family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    walk(db, actors, app.id, "prelim_review")
    casework.perform(db, actors["approver"], app.id, "start_publicity", on_date=date(2025, 3, 10))
    casework.perform(db, actors["clerk"], app.id, "finish_publicity", on_date=date(2025, 3, 17))
    with db.session() as s:
        settings.set_setting(s, actors["admin"], "casework.separation_publicity", True)
        with pytest.raises(ValidationError):
            settings.set_setting(s, actors["admin"], "casework.separation_off", True)
    with pytest.raises(PermissionDenied):
        approve(db, actors, app.id)
    with db.session() as s:
        settings.set_setting(s, actors["admin"], "casework.separation_publicity", False)
    assert approve(db, actors, app.id).state == "approved"


# ---------------------------------------------------------------- 11. 公示 not backdated


def test_publicity_cannot_start_before_the_prelim_it_publishes(db, actors):
    """After an objection and a new 初审 on 3-20, a 公示 dated 3-19 is refused."""
    hid, ids = family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    walk(db, actors, app.id, "publicity")
    casework.perform(
        db,
        actors["clerk"],
        app.id,
        "record_objection",
        on_date=date(2025, 3, 11),
        opinion="邻居反映有车",
    )
    casework.perform(
        db,
        actors["reviewer"],
        app.id,
        "resolve_objection",
        on_date=date(2025, 3, 14),
        opinion="复查属实无车",
        resolution="recheck",
    )
    casework.perform(
        db, actors["reviewer"], app.id, "submit_prelim", on_date=date(2025, 3, 20), opinion="维持"
    )
    with pytest.raises(RuleViolation) as exc:
        casework.perform(
            db,
            actors["clerk"],
            app.id,
            "start_publicity",
            on_date=date(2025, 3, 21),
            first_day=date(2025, 3, 19),
        )
    assert exc.value.code == "workflow.publicity_before_prelim"
    v = casework.perform(
        db,
        actors["clerk"],
        app.id,
        "start_publicity",
        on_date=date(2025, 3, 21),
        first_day=date(2025, 3, 21),
    )
    assert v.publicity_start == date(2025, 3, 21)
    with pytest.raises(RuleViolation):  # cut short
        casework.perform(db, actors["clerk"], app.id, "finish_publicity", on_date=date(2025, 3, 27))


def test_publicity_batch_cannot_be_backdated_beyond_grace(db, actors):
    """A batch recorded today with a first day in the past is refused (grace 0 days); with a
    3-day grace a 3-day-old first day is accepted."""
    hid, ids = family_of_three(db)
    today = date.today()
    t0 = today - timedelta(days=20)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", t0)
    casework.perform(db, actors["clerk"], app.id, "start_investigation", on_date=t0)
    casework.perform(db, actors["clerk"], app.id, "request_info_check", on_date=t0)
    visits.save_visit(
        db,
        actors["clerk"],
        visits.VisitInput(
            household_id=hid, application_id=app.id, visit_date=t0, investigators=TWO
        ),
    )
    casework.perform(db, actors["clerk"], app.id, "record_info_check", on_date=t0, opinion="无")
    casework.perform(
        db,
        actors["reviewer"],
        app.id,
        "submit_prelim",
        on_date=today - timedelta(days=10),
        opinion="符合条件",
    )
    with pytest.raises(RuleViolation) as exc:
        casework.start_publicity_batch(db, actors["clerk"], [app.id], today - timedelta(days=1))
    assert exc.value.code == "workflow.publicity_backdated"
    with db.session() as s:
        settings.set_setting(s, actors["admin"], "casework.publicity_grace_days", 3)
    batch = casework.start_publicity_batch(db, actors["clerk"], [app.id], today - timedelta(days=3))
    assert batch.start == today - timedelta(days=3)
