"""Findings resolved (属实 / 不属实 / 已处理) with audit and version checks, the matching action
of a confirmed finding through the existing services, and the roster lock blocked by an open
death finding until it is resolved — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from comparison_support import department_file, make_register
from sqlalchemy import select

from reliefdesk.errors import PermissionDenied, RuleViolation, StaleDataError, ValidationError
from reliefdesk.models import Application, AuditEvent, Enrollment, Person
from reliefdesk.services import comparison, roster


def _one(db, actor, kind, person_id=None):
    views = comparison.list_findings(db, actor, open_only=True, kind=kind)
    if person_id is not None:
        views = [v for v in views if v.person_id == person_id]
    return views[0]


def test_outcomes_are_checked_versioned_and_audited(db, actors, tmp_path) -> None:
    """不属实 needs a reason; a stale version is refused; a resolved finding cannot be
    resolved again; each outcome is an audit event with the note."""
    _recs, people = make_register(db)
    clerk = actors["clerk"]
    comparison.compare_file(db, clerk, department_file(tmp_path, "business", people), "business")
    f = _one(db, clerk, "business")
    with pytest.raises(ValidationError):
        comparison.resolve(db, clerk, f.id, "unfounded", "  ")
    with pytest.raises(ValidationError):
        comparison.resolve(db, clerk, f.id, "maybe", "x")
    with pytest.raises(StaleDataError):
        comparison.resolve(db, clerk, f.id, "unfounded", "同名不同人", expected_version=99)
    done = comparison.resolve(
        db, clerk, f.id, "unfounded", "营业执照已注销", expected_version=f.version
    )
    assert done.status == "unfounded" and done.outcome_note == "营业执照已注销"
    assert done.resolved_by_name and done.version == f.version + 1
    with pytest.raises(RuleViolation):
        comparison.resolve(db, clerk, f.id, "handled", "again")
    with db.read_session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "finding.resolve")).one()
        assert ev.detail["outcome"] == "unfounded" and ev.detail["note"] == "营业执照已注销"


def test_confirmed_findings_lead_to_their_action(db, actors, tmp_path) -> None:
    """属实 + action: a death is recorded (payment stops from the month after), a vehicle
    brings the household's re-check forward to today, a disaster victim gets a temporary-aid
    application pre-filled; an action is taken once only."""
    recs, people = make_register(db)
    clerk, reviewer = actors["clerk"], actors["reviewer"]
    for source in ("deaths", "vehicle", "disaster"):
        comparison.compare_file(db, clerk, department_file(tmp_path, source, people), source)
    death = _one(db, clerk, "death", recs[1]["payee_id"])
    comparison.resolve(db, clerk, death.id, "confirmed", "派出所已核实")
    with pytest.raises(PermissionDenied):  # a clerk cannot change a payment
        comparison.take_action(db, clerk, death.id)
    acted = comparison.take_action(db, reviewer, death.id)
    assert acted.taken_action == "death" and acted.action_ref.startswith("event:")
    with pytest.raises(RuleViolation):
        comparison.take_action(db, reviewer, death.id)
    with db.read_session() as s:
        dead = s.get(Person, recs[1]["payee_id"])
        assert dead is not None and dead.deceased_on is not None
    vehicle = _one(db, clerk, "vehicle")
    done = comparison.resolve(db, reviewer, vehicle.id, "confirmed", "有车", act=True)
    assert done.taken_action == "recheck"
    with db.read_session() as s:
        e = s.scalars(
            select(Enrollment).where(Enrollment.household_id == vehicle.household_id)
        ).one()
        assert e.next_recheck == date.today()
    victim = next(
        v
        for v in comparison.list_findings(db, clerk, open_only=True, kind="disaster_discovery")
        if v.person_id is not None
    )
    done = comparison.resolve(db, clerk, victim.id, "confirmed", "房屋受损", act=True)
    assert done.action_ref.startswith("application:")
    with db.read_session() as s:
        app = s.get(Application, int(done.action_ref.split(":")[1]))
        assert app is not None and app.programme == "temporary_aid"
        assert app.household_id == victim.household_id and app.aid_type == "emergency"
    stranger = next(
        v
        for v in comparison.list_findings(db, clerk, open_only=True, kind="disaster_discovery")
        if v.person_id is None
    )
    with pytest.raises(RuleViolation) as exc:
        comparison.resolve(db, clerk, stranger.id, "confirmed", "核实", act=True)
    assert exc.value.code == "finding.no_person"
    assert comparison.get_finding(db, clerk, stranger.id).status == "open"  # rolled back


def test_open_death_finding_blocks_roster_lock_until_resolved(db, actors, tmp_path) -> None:
    """A roster with a household whose member has an open death finding has an error and
    cannot be locked; once the finding is resolved (不属实) the roster locks."""
    recs, people = make_register(db)
    clerk = actors["clerk"]
    comparison.compare_file(db, clerk, department_file(tmp_path, "deaths", people), "deaths")
    view = roster.generate(db, clerk, "2026-01", with_lines=True)
    problems = [p for p in roster.validate(db, clerk, view.id) if p.code == "finding.death_open"]
    assert len(problems) == 3 and all(p.severity == "error" for p in problems)
    with pytest.raises(RuleViolation) as exc:
        roster.lock(db, actors["approver"], view.id)
    assert exc.value.code == "roster.errors" and "比对线索" in str(exc.value)
    for f in comparison.list_findings(db, clerk, open_only=True, kind="death"):
        comparison.resolve(db, clerk, f.id, "unfounded", "户籍冲销，本人健在")
    assert not [p for p in roster.validate(db, clerk, view.id) if p.severity == "error"]
    assert roster.lock(db, actors["approver"], view.id).locked
    assert recs
