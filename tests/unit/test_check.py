"""Invariant checker: passes on clean data and finds each kind of planted problem."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text

from reliefdesk.db.engine import Database
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import Application, CaseStep, Enrollment, EnrollmentMember
from reliefdesk.services import check
from reliefdesk.services import register as reg
from reliefdesk.services.check import EXTRA_CHECKS, Problem, run_checks


def _approved_enrollment(
    db: Database,
    actor,
    household_id: int,
    payee_id: int,
    member_ids: list[int],
    programme: str = "rural_dibao",
) -> int:
    with db.session() as s:
        app = Application(
            household_id=household_id,
            applicant_id=payee_id,
            programme=programme,
            state="enrolled",
            state_since=date(2024, 3, 1),
            accepted_on=date(2024, 2, 1),
            decision="approved",
            decided_on=date(2024, 3, 1),
            created_by=actor.user_id,
        )
        s.add(app)
        s.flush()
        for action, frm, to in (("accept", None, "accepted"), ("confirm", "publicity", "enrolled")):
            s.add(
                CaseStep(
                    application_id=app.id,
                    action=action,
                    from_state=frm,
                    to_state=to,
                    user_id=actor.user_id,
                    username=actor.username,
                    role=actor.role,
                    on_date=date(2024, 3, 1),
                    decision="approved" if action == "confirm" else "",
                )
            )
        e = Enrollment(
            household_id=household_id,
            application_id=app.id,
            payee_id=payee_id,
            programme=programme,
            status="active",
            start_month=date(2024, 4, 1),
            persons=len(member_ids),
            amount_fen=30000,
        )
        s.add(e)
        s.flush()
        s.add_all(EnrollmentMember(enrollment_id=e.id, person_id=p) for p in member_ids)
        return e.id


@pytest.fixture
def world(db, actors):
    """A clean register: two households, one enrolled with an account."""
    clerk = actors["clerk"]
    t = reg.list_townships(db, clerk)[0]
    v = reg.add_village(db, clerk, t.id, "东营村")
    h = reg.create_household(
        db,
        clerk,
        reg.HouseholdInput(village_id=v.id, area_type="rural"),
        head=reg.PersonInput("张三", make_id("410482", date(1958, 3, 1), 2)),
    )
    head = reg.get_household(db, clerk, h.id).members[0]
    spouse = reg.add_person(
        db,
        clerk,
        h.id,
        reg.PersonInput("李梅", make_id("410482", date(1960, 1, 1), 4), relation="spouse"),
    )
    other = reg.create_household(
        db,
        clerk,
        reg.HouseholdInput(village_id=v.id, area_type="rural"),
        head=reg.PersonInput("王五", make_id("410482", date(1970, 1, 1), 7)),
    )
    acct = reg.add_account(
        db, clerk, h.id, head.id, "bank_card", make_card_number("621700", 19, "1234567890")
    ).account
    enr = _approved_enrollment(db, actors["approver"], h.id, head.id, [head.id, spouse.id])
    return {
        "h": h.id,
        "head": head.id,
        "spouse": spouse.id,
        "other": other.id,
        "account": acct.id,
        "enrollment": enr,
        "actors": actors,
    }


def test_clean_database_passes(db, world):
    """A consistent database yields no problems and sensible stats."""
    report = run_checks(db)
    assert report.problems == (), report.problems
    assert report.ok
    assert report.stats["households"] == 2 and report.stats["persons"] == 3
    assert report.stats["live_enrollments"] == 1


PLANTS = {
    "id_number": ["UPDATE person SET id_number = '410482195803010023' WHERE id = :head"],
    "enrollment_without_approval": ["UPDATE application SET decision = 'refused'"],
    "payee_deceased": ["UPDATE person SET deceased_on = :d WHERE id = :head"],
    "enrollment_member_invalid": ["UPDATE person SET deceased_on = :d WHERE id = :spouse"],
    "enrollment_persons": ["UPDATE enrollment SET persons = 3"],
    "account_payee": ["UPDATE bank_account SET household_id = :other"],
    "entrusted_agreement": ["UPDATE household SET entrusted = :t WHERE id = :h"],
    "approved_without_confirm": ["DELETE FROM case_step WHERE action = 'confirm'"],
    "application_state": ["UPDATE application SET state = 'publicity'"],
    "audit_chain": [
        "UPDATE audit_event SET action = 'tampered' WHERE id = (SELECT min(id) FROM audit_event)"
    ],
    "search_keys": ["DELETE FROM person_search_key WHERE person_id = :spouse"],
    "id_derived": ["UPDATE person SET sex = 'M' WHERE id = :head"],
}


@pytest.mark.parametrize("kind", sorted(PLANTS))
def test_planted_problem_is_found(db, world, kind):
    """Each kind of planted inconsistency is reported under its kind."""
    params = {
        "head": world["head"],
        "spouse": world["spouse"],
        "other": world["other"],
        "h": world["h"],
        "d": date(2024, 6, 1),
        "t": True,
    }
    with db.session() as s:
        for sql in PLANTS[kind]:
            s.execute(text(sql), {k: v for k, v in params.items() if f":{k}" in sql})
    report = run_checks(db)
    assert kind in report.kinds(), report.problems
    assert all(p.message_zh for p in report.problems)


def _x_id() -> str:
    """A valid number whose check character is X."""
    return next(
        n
        for n in (make_id("410482", date(1958, 3, 1), seq) for seq in range(2, 1000, 2))
        if n.endswith("X")
    )


@pytest.mark.parametrize(
    ("case", "kind"),
    [
        ("birth_a_day_off", "id_derived"),
        ("birth_year_off", "id_derived"),
        ("born_tomorrow", "id_number"),
        ("lowercase_x", "id_number"),
        ("uppercase_x", None),
    ],
)
def test_id_numbers_checked_against_birth_date_and_spelling(db, world, case, kind):
    """The ID check compares the stored birth date digit for digit, refuses a birth date in
    the future and a lowercase check character, and passes a valid number ending in X."""
    tomorrow = date.fromordinal(date.today().toordinal() + 1)
    plants = {
        "birth_a_day_off": ("id_number", make_id("410482", date(1958, 3, 2), 2)),
        "birth_year_off": ("id_number", make_id("410482", date(1959, 3, 1), 2)),
        "born_tomorrow": ("born", tomorrow),
        "lowercase_x": ("id_number", _x_id().lower()),
        "uppercase_x": ("id_number", _x_id()),
    }
    field, value = plants[case]
    with db.session() as s:
        if field == "born":
            s.execute(
                text("UPDATE person SET id_number = :n, birth_date = :b WHERE id = :p"),
                {"n": make_id("410482", tomorrow, 2), "b": tomorrow, "p": world["head"]},
            )
        else:
            s.execute(
                text("UPDATE person SET id_number = :n WHERE id = :p"),
                {"n": value, "p": world["head"]},
            )
    found = [p for p in run_checks(db).problems if p.kind in ("id_number", "id_derived")]
    if kind is None:
        assert found == [], found
    else:
        assert [(p.kind, p.entity_id) for p in found] == [(kind, world["head"])], found


def test_double_enrollment_found_even_without_the_unique_index(db, world):
    """A person in two live dibao/tekun enrollments is reported (index lost or bypassed)."""
    with db.session() as s:
        s.execute(text("DROP INDEX uq_enrollment_member_active_person"))
    _approved_enrollment(
        db,
        world["actors"]["approver"],
        world["h"],
        world["head"],
        [world["head"]],
        programme="tekun",
    )
    report = run_checks(db)
    assert "double_enrollment" in report.kinds()
    assert any(
        p.entity_id == world["head"] for p in report.problems if p.kind == "double_enrollment"
    )


def test_sqlite_foreign_key_violation_found(sqlite_db):
    """On SQLite, a dangling reference written with foreign keys off is reported."""
    path = sqlite_db.url.removeprefix("sqlite:///")
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO village (township_id, name, is_community) VALUES (999, '幽灵村', 0)")
    raw.commit()
    raw.close()
    report = run_checks(sqlite_db)
    assert "foreign_key" in report.kinds()


def test_extra_checks_extension_point(db, world):
    """Checks appended to EXTRA_CHECKS run with the built-in ones; a failing one is reported."""

    def roster_check(session):
        return [Problem("roster_total", "roster", 1, "花名册合计不符")]

    def broken(session):
        raise RuntimeError("boom")

    EXTRA_CHECKS.extend([roster_check, broken])
    try:
        report = run_checks(db)
    finally:
        EXTRA_CHECKS.remove(roster_check)
        EXTRA_CHECKS.remove(broken)
    assert {"roster_total", "check_failed"} <= report.kinds()
    assert roster_check not in check.EXTRA_CHECKS and broken not in check.EXTRA_CHECKS
