"""Issue 8 points 13 and 14: 单人保 cases and deadlines started by events (real SQLite and
PostgreSQL). Points 6–11 are in test_procedure.py."""

from __future__ import annotations

from datetime import date

import pytest
from test_casework_support import approve, family_of_three, make_household, walk

from reliefdesk.errors import RuleViolation, ValidationError
from reliefdesk.models import Person
from reliefdesk.services import casework, enrollments
from reliefdesk.services.casework import followup as casework_followup

D0 = date(2025, 3, 3)  # Monday


# ---------------------------------------------------------------- 13. 单人保


def _single(db, actors, income_fen: int, employment: str = "在家务农", level: int = 2):
    hid, ids = make_household(
        db,
        [
            {"name": "父", "birth": date(1960, 1, 1)},
            {
                "name": "子",
                "birth": date(1990, 1, 1),
                "disability_level": level,
                "disability_category": "肢体",
                "employment": employment,
            },
        ],
        incomes=[(0, income_fen)],
    )
    return hid, ids


def test_single_person_refused_when_whole_family_qualifies(db, actors):
    """Family per-capita income below the standard: 单人保 refused (不得仅将个别家庭成员纳入)."""
    hid, ids = _single(db, actors, 40000)
    with pytest.raises(RuleViolation) as exc:
        casework.create_application(
            db, actors["clerk"], hid, ids[1], "rural_dibao", "重残", D0, single_person=True
        )
    assert "不得仅将个别家庭成员纳入" in str(exc.value)


def test_single_person_only_in_near_dibao_family_or_as_adult_unemployed(db, actors):
    """A severely disabled member of a family above 1.5 × the standard may not apply alone —
    unless an adult without work (成年无业重度残疾人, 单人户); in a 低保边缘家庭 he may."""
    rich, ids = _single(db, actors, 200000)  # 1000 元/人 > 1.5 × 441
    with pytest.raises(RuleViolation):
        casework.create_application(
            db, actors["clerk"], rich, ids[1], "rural_dibao", "重残", D0, single_person=True
        )
    jobless, ids2 = _single(db, actors, 200000, employment="无业")
    assert casework.create_application(
        db, actors["clerk"], jobless, ids2[1], "rural_dibao", "重残", D0, single_person=True
    ).single_person
    edge, ids3 = _single(db, actors, 110000)  # 550 元/人: between 441 and 661.50
    assert casework.create_application(
        db, actors["clerk"], edge, ids3[1], "rural_dibao", "重残", D0, single_person=True
    ).single_person


# ---------------------------------------------------------------- 14. events and deadlines


def test_death_of_member_starts_recheck_within_three_months(db, actors):
    """A covered member's death shows on the workbench with a re-check due 3 months later,
    until a change or re-check is recorded."""
    hid, ids = family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    v = walk(db, actors, app.id, "approved")
    with db.session() as s:
        s.get(Person, ids[2]).deceased_on = date(2025, 5, 10)
    wb = casework.workbench(db, actors["clerk"], date(2025, 5, 20))
    ev = [e for e in wb.events if e.kind == "death_recheck"]
    assert [(e.enrollment_id, e.due_on) for e in ev] == [(v.enrollment_id, date(2025, 8, 10))]
    enrollments.record_recheck(
        db, actors["reviewer"], v.enrollment_id, on_date=date.today(), note="死亡后复核"
    )
    wb = casework.workbench(db, actors["clerk"], date(2025, 5, 20))
    assert not [e for e in wb.events if e.kind == "death_recheck"]


def _tekun(db, actors, birth: date):
    hid, ids = make_household(db, [{"name": "小孤", "birth": birth}])
    app = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "tekun",
        "孤儿",
        D0,
        self_care=dict.fromkeys(casework.SELF_CARE_ITEMS, True),
    )
    return walk(db, actors, app.id, "approved")


def test_tekun_minor_approaching_eighteen_prompts_for_schooling_proof(db, actors):
    """A tekun minor turning 18 within 3 months shows with the schooling-proof prompt."""
    v = _tekun(db, actors, date(2010, 2, 1))
    assert not [
        e
        for e in casework.workbench(db, actors["clerk"], date(2027, 10, 1)).events
        if e.kind == "turning_18"
    ]
    ev = [
        e
        for e in casework.workbench(db, actors["clerk"], date(2027, 12, 1)).events
        if e.kind == "turning_18"
    ]
    assert [(e.enrollment_id, e.due_on) for e in ev] == [(v.enrollment_id, date(2028, 2, 1))]
    assert "在读证明" in ev[0].text


def test_self_care_change_starts_ten_working_day_reassessment(db, actors):
    """A reported self-care change is due for re-assessment in 10 working days and leaves the
    workbench once the re-assessment is recorded."""
    v = _tekun(db, actors, date(1950, 2, 1))
    due = casework_followup.report_self_care_change(
        db, actors["clerk"], v.id, "中风后卧床", on_date=date(2025, 9, 26)
    )
    assert due == date(2025, 10, 16)  # 国庆 10-01…10-08 skipped, 09-28 and 10-11 worked
    ev = [
        e
        for e in casework.workbench(db, actors["clerk"], date(2025, 10, 9)).events
        if e.kind == "self_care"
    ]
    assert [e.due_on for e in ev] == [due]
    tier = casework_followup.record_reassessment(  # changes the amount: a reviewer
        db,
        actors["reviewer"],
        v.id,
        dict.fromkeys(casework.SELF_CARE_ITEMS, False),
        on_date=date(2025, 10, 10),
    )
    assert tier == "none"
    assert not [
        e
        for e in casework.workbench(db, actors["clerk"], date(2025, 10, 9)).events
        if e.kind == "self_care"
    ]


def test_near_relative_case_needs_county_visit_before_confirmation(db, actors):
    """单独登记备案: no confirmation until the county's own visit (≥ 2 county investigators)
    is recorded."""
    hid, ids = family_of_three(db)
    with db.session() as s:
        s.get(Person, ids[1]).near_relative_of_staff = True
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    walk(db, actors, app.id, "awaiting_confirmation")
    with pytest.raises(RuleViolation) as exc:
        approve(db, actors, app.id)
    assert exc.value.code == "workflow.county_visit_missing"
    with pytest.raises(ValidationError):
        casework.perform(
            db,
            actors["clerk"],
            app.id,
            "record_county_visit",
            on_date=date(2025, 3, 17),
            body="汝州市民政局",
            participants="赵一",
            opinion="属实",
        )
    casework.perform(
        db,
        actors["clerk"],
        app.id,
        "record_county_visit",
        on_date=date(2025, 3, 17),
        body="汝州市民政局",
        participants="赵一、钱二",
        opinion="情况属实",
    )
    assert approve(db, actors, app.id).state == "approved"


def test_county_information_check_start_limit_is_the_deadline(db, actors):
    """An information check requested on Tue 2025-03-04 is due to start by Fri 03-07 (policy
    ``info_check_start_wd`` = 3), shown as the case deadline."""
    hid, ids = family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    casework.perform(db, actors["clerk"], app.id, "start_investigation", on_date=D0)
    v = casework.perform(
        db, actors["clerk"], app.id, "request_info_check", on_date=date(2025, 3, 4)
    )
    assert v.due_on == date(2025, 3, 7)
    assert [o.kind for o in casework.overdue(db, actors["clerk"], date(2025, 3, 10))] == ["step"]
    v = casework.perform(
        db, actors["clerk"], app.id, "record_info_check", on_date=date(2025, 3, 6), opinion="无异常"
    )
    assert v.due_on == date(2025, 4, 15)  # back to the 30-working-day case limit
