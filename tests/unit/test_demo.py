"""Demo data generator: validity, uniqueness, determinism, coverage and realism."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.demo import DEMO_PASSWORDS, generate_demo
from reliefdesk.domain.accounts import luhn_ok
from reliefdesk.domain.idnumber import is_valid_id
from reliefdesk.domain.months import month_start, next_month
from reliefdesk.domain.workflow import State
from reliefdesk.errors import PermissionDenied
from reliefdesk.models import (
    Application,
    AuditEvent,
    BankAccount,
    Enrollment,
    EnrollmentMember,
    Household,
    IncomeItem,
    Person,
    PersonSearchKey,
    Roster,
)
from reliefdesk.services import users
from reliefdesk.services.audit import verify_chain
from reliefdesk.services.context import SYSTEM, Actor
from reliefdesk.services.register import INCOME_CATEGORIES

AS_OF = date(2026, 6, 15)


def _fresh(path: Path) -> Database:
    return open_database(f"sqlite:///{path}")


def test_ids_valid_unique_and_cards_luhn(db: Database, actors: dict[str, Actor]) -> None:
    """Every ID number is valid and unique; every card passes Luhn except the planted one."""
    result = generate_demo(db, actors["admin"], 200, seed=7, as_of=AS_OF)
    with db.session() as s:
        ids = list(s.scalars(select(Person.id_number)))
        accounts = list(s.execute(select(BankAccount.id, BankAccount.number)))
    assert len(ids) == result.persons and len(set(ids)) == len(ids)
    assert all(is_valid_id(n) and n.startswith("410482") for n in ids)
    bad = {aid for aid, number in accounts if not luhn_ok(number)}
    assert bad == {result.planted["bad_card_luhn"]}
    assert all(len(number) == 19 for _aid, number in accounts)


def test_income_items_use_the_register_categories(db: Database, actors: dict[str, Actor]) -> None:
    """Every demo income item has a category the register knows (no raw word on a form)."""
    generate_demo(db, actors["admin"], 200, seed=7, as_of=AS_OF)
    with db.session() as s:
        categories = set(s.scalars(select(IncomeItem.category).distinct()))
    assert categories and categories <= set(INCOME_CATEGORIES)


def test_every_programme_and_state_present(db: Database, actors: dict[str, Actor]) -> None:
    """Small demos still contain all four programmes and every workflow state."""
    generate_demo(db, actors["admin"], 200, seed=11, as_of=AS_OF)
    with db.session() as s:
        states = set(s.scalars(select(Application.state).distinct()))
        programmes = set(s.scalars(select(Enrollment.programme).distinct()))
        statuses = set(s.scalars(select(Enrollment.status).distinct()))
    assert states == {st.value for st in State}
    assert programmes == {"urban_dibao", "rural_dibao", "tekun", "temporary_aid"}
    assert {"active", "terminated"} <= statuses


def test_enrollments_consistent_with_casework(db: Database, actors: dict[str, Actor]) -> None:
    """Enrollments start the month after confirmation and cover their active members."""
    generate_demo(db, actors["admin"], 200, seed=5, clean=True, as_of=AS_OF)
    with db.session() as s:
        rows = s.execute(
            select(Enrollment, Application.decided_on, Application.decision).join(
                Application, Application.id == Enrollment.application_id
            )
        ).all()
        assert rows
        for e, decided, decision in rows:
            assert decision == "approved"
            if e.programme == "temporary_aid":  # a one-off grant is due in its month
                assert e.start_month == month_start(decided) and e.status in ("due", "paid")
            else:
                assert e.start_month == next_month(decided)
            active = s.scalar(
                select(func.count(EnrollmentMember.id)).where(
                    EnrollmentMember.enrollment_id == e.id, EnrollmentMember.active.is_(True)
                )
            )
            if e.status != "terminated" and e.programme != "temporary_aid":
                assert active == e.persons
            if e.programme == "tekun":
                assert e.care_tier in ("full", "partial", "none") and e.persons == 1
        starts = {e.start_month for e, _d, _x in rows}
    assert len(starts) >= 8  # spread over the past year and older


def test_one_audit_event_and_chain_intact(db: Database, actors: dict[str, Actor]) -> None:
    """The whole run writes a single demo.generate audit event (after the rosters of the past
    year, generated and locked with their own events, and the month's temporary-aid payment
    list, built by the roster service with its own event) and the chain stays valid."""
    with db.session() as s:
        before = s.scalar(select(func.count(AuditEvent.id)))
    generate_demo(db, actors["admin"], 150, seed=3, as_of=AS_OF)
    with db.session() as s:
        after = s.scalar(select(func.count(AuditEvent.id)))
        last = s.scalar(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1))
        assert last is not None and last.action == "demo.generate"
        assert last.username == "admin" and last.detail["households"] == 150
        assert verify_chain(s) == []
        actions = [e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.id > before))]
    assert actions.count("demo.generate") == 1
    assert set(actions) <= {
        "demo.generate",
        "roster.generate",
        "roster.generate_temp_aid",
        "roster.lock",
        "comparison.run",  # the month's department files (信息比对, issue 14)
    }
    assert actions.count("roster.generate") == 12 and after == before + len(actions)


def test_non_admin_may_not_generate(db: Database, actors: dict[str, Actor]) -> None:
    """Only an administrator (or the system on an empty database) may fill demo data."""
    with pytest.raises(PermissionDenied):
        generate_demo(db, actors["clerk"], 10, as_of=AS_OF)


def test_same_seed_same_register(tmp_path: Path) -> None:
    """Determinism: the same seed gives the same IDs, names and cards even on another date."""
    out = []
    for i, as_of in enumerate((AS_OF, date(2026, 9, 1))):
        db = _fresh(tmp_path / f"d{i}.sqlite3")
        try:
            generate_demo(db, SYSTEM, 120, seed=42, as_of=as_of)
            with db.session() as s:
                out.append(
                    (
                        list(s.execute(select(Person.id_number, Person.name).order_by(Person.id))),
                        list(s.scalars(select(BankAccount.number).order_by(BankAccount.id))),
                    )
                )
        finally:
            db.close()
    assert out[0] == out[1]
    db = _fresh(tmp_path / "other.sqlite3")
    try:
        generate_demo(db, SYSTEM, 120, seed=43, as_of=AS_OF)
        with db.session() as s:
            other = list(s.scalars(select(Person.id_number).order_by(Person.id)))
    finally:
        db.close()
    assert other != [n for n, _ in out[0][0]]


def test_fresh_database_gets_demo_users(tmp_path: Path) -> None:
    """On an empty database the five demo users are created and log in with DEMO_PASSWORDS."""
    db = _fresh(tmp_path / "u.sqlite3")
    try:
        result = generate_demo(db, SYSTEM, 20, seed=1, as_of=AS_OF)
        assert set(result.users_created) == set(DEMO_PASSWORDS)
        for name, password in DEMO_PASSWORDS.items():
            assert users.login(db, name, password).username == name
    finally:
        db.close()


def test_demo_password_hashes_verify_their_published_passwords() -> None:
    """Each demo user's fixture hash verifies its published password and no other one, at
    the login's current Argon2 parameters (nothing to renew at the first login)."""
    from argon2 import PasswordHasher
    from argon2.exceptions import VerifyMismatchError

    from reliefdesk.db.keyfile import KDF_PROFILE
    from reliefdesk.demo.setup import DEMO_PASSWORD_HASHES

    hasher = PasswordHasher.from_parameters(KDF_PROFILE)
    assert set(DEMO_PASSWORD_HASHES) == set(DEMO_PASSWORDS)
    for name, hashed in DEMO_PASSWORD_HASHES.items():
        assert hasher.verify(hashed, DEMO_PASSWORDS[name])
        assert not hasher.check_needs_rehash(hashed)
        other = next(p for n, p in DEMO_PASSWORDS.items() if n != name)
        with pytest.raises(VerifyMismatchError):
            hasher.verify(hashed, other)


def test_amounts_realistic_and_polyphonic_surnames(db: Database, actors: dict[str, Actor]) -> None:
    """Average payments per person are near Ruzhou 2023; 曾/单/解 get every surname reading."""
    generate_demo(db, actors["admin"], 500, seed=9, as_of=AS_OF)
    with db.session() as s:
        avg = dict(
            s.execute(
                select(
                    Enrollment.programme,
                    func.sum(Enrollment.amount_fen) * 1.0 / func.sum(Enrollment.persons),
                )
                .where(Enrollment.status != "terminated")
                .group_by(Enrollment.programme)
            ).all()
        )
        assert 15000 <= avg["rural_dibao"] <= 30000
        assert 60000 <= avg["tekun"] <= 90000
        for surname, readings in (
            ("曾", ("zeng", "ceng")),
            ("单", ("shan", "dan")),
            ("解", ("xie", "jie")),
        ):
            pid = s.scalar(select(Person.id).where(Person.name.like(f"{surname}%")).limit(1))
            assert pid is not None
            keys = set(
                s.scalars(select(PersonSearchKey.key).where(PersonSearchKey.person_id == pid))
            )
            assert all(any(k.startswith(r) for k in keys) for r in readings)
        sizes = dict(
            s.execute(
                select(Household.id, func.count(Person.id))
                .join(Person, Person.household_id == Household.id)
                .group_by(Household.id)
            ).all()
        )
    assert set(sizes.values()) == {1, 2, 3, 4, 5, 6}


def test_planted_problems_found_and_clean_has_none(db: Database, actors: dict[str, Actor]) -> None:
    """check finds the planted deceased payee and 代管 without agreement; --clean finds none."""
    from reliefdesk.services.check import run_checks

    result = generate_demo(db, actors["admin"], 200, seed=21, as_of=date.today())
    report = run_checks(db)
    found = {(p.kind, p.entity, p.entity_id) for p in report.problems}
    assert ("entrusted_agreement", "household", result.planted["entrusted_no_agreement"]) in found
    with db.session() as s:
        dead = s.get(Person, result.planted["deceased_active"])
        assert dead is not None and dead.deceased_on is not None
        holder = s.get(BankAccount, result.planted["holder_mismatch"])
        payee = s.get(Person, holder.payee_person_id) if holder else None
        assert holder is not None and payee is not None and holder.holder_name != payee.name
    assert "payee_deceased" in {p.kind for p in report.problems}


def test_clean_demo_passes_check(tmp_path: Path) -> None:
    """A --clean demo has no problem that check reports."""
    from reliefdesk.services.check import run_checks

    db = _fresh(tmp_path / "clean.sqlite3")
    try:
        result = generate_demo(db, SYSTEM, 300, seed=4, clean=True)
        assert result.planted == {}
        report = run_checks(db)
        assert report.problems == (), report.problems[:5]
    finally:
        db.close()


def test_demo_pays_decided_amounts_and_lists_temporary_aid(
    db: Database, actors: dict[str, Actor]
) -> None:
    """A roster of the demo office pays each enrollment's decided amount (its stored basis
    standard included), and the month's approved temporary aid is on a payment list."""
    from reliefdesk.services import roster

    generate_demo(db, actors["admin"], 200, seed=7, clean=True, as_of=AS_OF)
    view = roster.generate(db, actors["clerk"], AS_OF.strftime("%Y-%m"), with_lines=True)
    with db.session() as s:
        decided = {e.id: e for e in s.scalars(select(Enrollment))}
        lists = list(s.scalars(select(Roster).where(Roster.kind == "one_off")))
    paying = [ln for ln in view.lines if ln.due_fen > 0 and "·渐退" not in ln.category]
    assert len(paying) > 50
    for ln in paying:
        e = decided[ln.enrollment_id]
        assert (ln.due_fen, ln.standard_fen) == (e.amount_fen, e.standard_fen)
    assert len(lists) == 1 and lists[0].month == month_start(AS_OF) and lists[0].amount_fen > 0
    due = [e for e in decided.values() if e.programme == "temporary_aid" and e.status == "due"]
    assert due and lists[0].households == len(due)
