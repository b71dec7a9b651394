"""Roster validation (each planted problem found), warning acknowledgement, locking by the
approver only, refusals once locked, unlock with a reason, and tamper detection."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text, update
from test_roster_support import add_change, make_household, setup_policy

from reliefdesk.errors import LockedError, PermissionDenied, RuleViolation, ValidationError
from reliefdesk.models import AuditEvent, Person, Roster
from reliefdesk.services import roster


def _codes(problems: list[roster.Problem]) -> dict[str, set[tuple[int, str]]]:
    out: dict[str, set[tuple[int, str]]] = {}
    for p in problems:
        out.setdefault(p.code, set()).add((p.line_no, p.severity))
    return out


def _line_of(view: roster.RosterView, enrollment_id: int) -> int:
    return next(ln.line_no for ln in view.lines if ln.enrollment_id == enrollment_id)


def test_validation_finds_every_planted_problem(db, actors):
    """ID checksum, missing/short/Luhn-failing/duplicate accounts, holder mismatch, duplicate
    ID, dead payee, suspended enrollment, amount over the cap and persons ≠ members are all
    reported in one pass with the right severity."""
    setup_policy(db)
    ok = make_household(db)
    bad_id = make_household(db)
    no_acct = make_household(db, account="")
    short = make_household(db, account="62170012345")
    luhn = make_household(db, account="6217000000000000001")
    holder = make_household(db, holder="王某某")
    dup_a = make_household(db, account="6217000000000000000")
    dup_b = make_household(db, account="6217000000000000000")
    dead = make_household(db)
    susp = make_household(db)
    huge = make_household(db, method="fixed", amount_fen=500000)
    fewer = make_household(db, persons=3, members_alive=1)
    with db.session() as s:
        s.get(Person, bad_id["payee_id"]).id_number = "410482199001011230"  # wrong check digit
        s.get(Person, dead["payee_id"]).deceased_on = date(2025, 12, 5)
    # the same payee also paid as 特困 in the same roster
    from reliefdesk.models import Application, Enrollment

    with db.session() as s:
        app = Application(
            household_id=ok["household_id"],
            applicant_id=ok["payee_id"],
            programme="tekun",
            state="confirmed",
            state_since=date(2026, 1, 1),
            accepted_on=date(2026, 1, 1),
            created_by=1,
        )
        s.add(app)
        s.flush()
        twin = Enrollment(
            household_id=ok["household_id"],
            application_id=app.id,
            payee_id=ok["payee_id"],
            programme="tekun",
            status="active",
            start_month=date(2026, 1, 1),
            persons=1,
            amount_fen=62000,
            per_capita_income_fen=0,
            method="tekun",
            care_tier="full",
        )
        s.add(twin)
        s.flush()
        twin_id = twin.id
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    add_change(
        db,
        susp["enrollment_id"],
        "suspend",
        date(2026, 1, 1),
        reason="未配合核查",
        status="suspended",
    )
    codes = _codes(roster.validate(db, actors["clerk"], view.id))
    n = lambda h: _line_of(view, h["enrollment_id"])  # noqa: E731
    assert (n(bad_id), "error") in codes["id.invalid"]
    assert (n(no_acct), "error") in codes["account.missing"]
    assert (n(short), "error") in codes["account.length"]
    assert (n(luhn), "warning") in codes["account.luhn"]
    assert (n(holder), "error") in codes["holder.mismatch"]
    assert (max(n(dup_a), n(dup_b)), "error") in codes["account.duplicate"]
    assert {ln for ln, _ in codes["id.duplicate"]} == {max(n(ok), _line_of(view, twin_id))}
    assert (n(dead), "error") in codes["payee.deceased"]
    assert (n(susp), "error") in codes["enrollment.suspended"]
    assert (n(huge), "error") in codes["amount.cap"]
    assert (n(fewer), "warning") in codes["persons.mismatch"]
    assert all(ln != n(ok) for ln, _ in codes.get("holder.mismatch", set()))


def test_warnings_need_acknowledgement_errors_block_lock(db, actors):
    """An unacknowledged warning blocks locking; after a named user acknowledges it the
    approver may lock. Errors can neither be acknowledged nor locked past."""
    setup_policy(db)
    make_household(db, persons=3, members_alive=2)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    [warning] = roster.validate(db, actors["clerk"], view.id)
    assert warning.severity == "warning" and warning.acknowledged_by is None
    with pytest.raises(RuleViolation) as exc:
        roster.lock(db, actors["approver"], view.id)
    assert exc.value.code == "roster.unacknowledged"
    after = roster.acknowledge(db, actors["reviewer"], view.id, [warning], note="核实：一人服刑")
    assert after[0].acknowledged_by == "reviewer"
    locked = roster.lock(db, actors["approver"], view.id)
    assert locked.locked and len(locked.lines_sha256 or "") == 64

    holder = make_household(db, holder="别人")
    feb = roster.generate(db, actors["clerk"], "2026-02", with_lines=True)
    err = next(
        p for p in roster.validate(db, actors["clerk"], feb.id) if p.code == "holder.mismatch"
    )
    assert err.line_no == _line_of(feb, holder["enrollment_id"])
    with pytest.raises(RuleViolation):
        roster.acknowledge(db, actors["reviewer"], feb.id, [err])
    with pytest.raises(RuleViolation) as exc:
        roster.lock(db, actors["approver"], feb.id)
    assert exc.value.code == "roster.errors"


def test_only_approver_locks_and_locked_roster_refuses_changes(db, actors):
    """Lock needs the approver; once locked, regenerate/acknowledge/discard/lock raise
    LockedError and the lines stay exactly as they were."""
    setup_policy(db)
    make_household(db)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    for who in ("clerk", "reviewer", "admin"):
        with pytest.raises(PermissionDenied):
            roster.lock(db, actors[who], view.id)
    roster.lock(db, actors["approver"], view.id)
    make_household(db)  # a registry change after locking
    with pytest.raises(LockedError):
        roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    with pytest.raises(LockedError):
        roster.acknowledge(db, actors["clerk"], view.id, [])
    with pytest.raises(LockedError):
        roster.discard_draft(db, actors["clerk"], view.id)
    with pytest.raises(LockedError):
        roster.lock(db, actors["approver"], view.id)
    again = roster.get_roster(db, actors["clerk"], view.id, with_lines=True)
    assert again.households == 1 and [ln.line_no for ln in again.lines] == [1]


def test_unlock_needs_admin_and_reason_and_is_audited(db, actors):
    """Unlock is admin-only with a reason; the history keeps the old hash; the draft can then
    be regenerated."""
    setup_policy(db)
    make_household(db)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    locked = roster.lock(db, actors["approver"], view.id)
    with pytest.raises(PermissionDenied):
        roster.unlock(db, actors["approver"], view.id, "更正")
    with pytest.raises(ValidationError):
        roster.unlock(db, actors["admin"], view.id, "  ")
    opened = roster.unlock(db, actors["admin"], view.id, "银行账号录错，需更正")
    assert opened.status == "draft" and opened.lines_sha256 is None
    assert opened.unlock_history[0]["sha256"] == locked.lines_sha256
    assert opened.unlock_history[0]["reason"] == "银行账号录错，需更正"
    with db.session() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "roster")))
    assert actions == ["roster.generate", "roster.lock", "roster.unlock"]
    make_household(db)
    assert roster.generate(db, actors["clerk"], "2026-01", with_lines=True).households == 2


def test_direct_sql_edit_of_locked_line_is_caught(db, actors):
    """Changing a locked line behind the app's back (an account number) is reported by
    verify_locked_rosters and by the invariant checker (reliefdesk-admin check), and export
    then refuses."""
    setup_policy(db)
    make_household(db)
    make_household(db)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    roster.lock(db, actors["approver"], view.id)
    with db.session() as s:
        assert roster.verify_locked_rosters(s) == []
        s.execute(
            text(
                "UPDATE roster_line SET account = '6222020000000000001' "
                "WHERE roster_id = :r AND line_no = 2"
            ),
            {"r": view.id},
        )
    with db.session() as s:
        problems = roster.verify_locked_rosters(s)
        assert [(p.roster_id, p.code) for p in problems] == [(view.id, "roster.tampered")]
    from reliefdesk.services.check import run_checks

    report = run_checks(db)
    assert [p.entity_id for p in report.problems if p.kind == "roster_hash"] == [view.id]
    with pytest.raises(RuleViolation) as exc:
        roster.export(db, actors["approver"], view.id, "/tmp/never-written")
    assert exc.value.code == "roster.tampered"


def test_bank_status_is_outside_the_hash_and_overlap_refused(db, actors):
    """Marking bank status does not break the lock hash; a per-programme roster cannot be
    generated for a month that already has an all-programme roster."""
    setup_policy(db)
    make_household(db)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    roster.lock(db, actors["approver"], view.id)
    with db.session() as s:
        s.execute(text("UPDATE roster_line SET bank_status = 'failed', bank_reason = 'x'"))
    with db.session() as s:
        assert roster.verify_locked_rosters(s) == []
        assert s.get(Roster, view.id).status == "locked"
    with pytest.raises(RuleViolation) as exc:
        roster.generate(db, actors["clerk"], "2026-01", "rural_dibao", with_lines=True)
    assert exc.value.code == "roster.overlap"


def test_an_acknowledged_warning_names_the_person_by_their_real_name(db, actors):
    """The problem list says who checked a warning by the name that signs the roster (王审核),
    not by the login name."""
    from reliefdesk.models import User

    setup_policy(db)
    make_household(db, persons=3, members_alive=2)
    with db.session() as s:
        s.get(User, actors["reviewer"].user_id).display_name = "王审核"
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    [warning] = roster.validate(db, actors["clerk"], view.id)
    after = roster.acknowledge(db, actors["reviewer"], view.id, [warning], note="已核实")
    assert after[0].acknowledged_by == "王审核"


def test_validation_reads_errors_deaths_and_entrusting_by_line(db, actors):
    """A calculation error stored on a line with nothing due, a payee who died within the
    month, one who died before it, and an entrusted card without an agreement are each
    reported on their own line and nowhere else."""
    from reliefdesk.models import Household, RosterLine

    setup_policy(db)
    make_household(db)
    failed, died_in, died_before, entrusted = (make_household(db) for _ in range(4))
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    with db.session() as s:
        s.execute(
            update(RosterLine)
            .where(
                RosterLine.roster_id == view.id,
                RosterLine.enrollment_id == failed["enrollment_id"],
            )
            .values(working={"error": "未设置分档标准"}, due_fen=0, paid_fen=0)
        )
        for who, day in ((died_in, date(2026, 1, 20)), (died_before, date(2025, 12, 5))):
            s.execute(update(Person).where(Person.id == who["payee_id"]).values(deceased_on=day))
        s.execute(
            update(Household)
            .where(Household.id == entrusted["household_id"])
            .values(entrusted=True, entrust_agreement_no=" ")
        )
    codes = _codes(roster.validate(db, actors["clerk"], view.id))
    n = lambda h: _line_of(view, h["enrollment_id"])  # noqa: E731
    assert codes["amount.calc"] == {(n(failed), "error")}
    assert codes["payee.deceased_in_month"] == {(n(died_in), "warning")}
    assert codes["payee.deceased"] == {(n(died_before), "error")}
    assert codes["entrusted.no_agreement"] == {(n(entrusted), "warning")}
