"""The services' calling convention (issue 11): reads take a read-only snapshot, roster
lock/unlock/acknowledge refuse a version the user did not see, the intake preview keeps
nothing, screen reads come from one service call, and each vocabulary has one home."""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from test_casework_support import make_household as case_household
from test_roster_support import add_change, make_household, setup_policy

from reliefdesk.db.engine import Database
from reliefdesk.domain import changes, programmes, roles
from reliefdesk.domain import workflow as wf
from reliefdesk.errors import StaleDataError
from reliefdesk.models import AuditEvent, Household, IncomeItem, User
from reliefdesk.services import (
    casework,
    enrollments,
    intake,
    register,
    roster,
    settings,
    users,
    visits,
)
from reliefdesk.services.context import PERMISSIONS, Actor
from reliefdesk.services.household_page import household_bundle
from reliefdesk.services.roster.calc import KIND_LABELS
from reliefdesk.services.roster.types import PROGRAMME_LABELS as ROSTER_LABELS


def _actor(db: Database, username: str) -> Actor:
    with db.read_session() as s:
        u = s.scalars(select(User).where(User.username == username)).one()
        return Actor(u.id, u.username, u.display_name, u.role)


def test_reads_never_wait_for_the_write_lock(sqlite_db: Database) -> None:
    """While another connection holds SQLite's write lock, the screen reads still answer at
    once (they used to open BEGIN IMMEDIATE and wait the 10 s busy timeout, then fail)."""
    setup_policy(sqlite_db)
    h = make_household(sqlite_db)
    ADMIN = _actor(sqlite_db, "clerk")  # noqa: N806 - reads only need "read"
    roster.generate(sqlite_db, ADMIN, "2026-01")
    path = Path(sqlite_db.engine.url.database or "")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE setting SET value = value")
        start = time.monotonic()
        rosters = roster.list_rosters(sqlite_db, ADMIN)
        assert [r.month for r in rosters] == [date(2026, 1, 1)]
        roster.get_roster(sqlite_db, ADMIN, rosters[0].id)
        roster.count_lines(sqlite_db, ADMIN, rosters[0].id)
        roster.validate(sqlite_db, ADMIN, rosters[0].id)
        assert roster.roster_history(sqlite_db, ADMIN)[0][0].id == rosters[0].id
        enrollments.get_enrollment(sqlite_db, ADMIN, h["enrollment_id"])
        assert enrollments.list_enrollments(sqlite_db, ADMIN, household_id=h["household_id"])
        register.household_income_summary(sqlite_db, ADMIN, h["household_id"])
        assert register.list_townships(sqlite_db, ADMIN)
        register.list_villages(sqlite_db, ADMIN)
        assert users.has_users(sqlite_db)
        settings.get_office(sqlite_db)
        household_bundle(sqlite_db, ADMIN, h["household_id"])
        assert time.monotonic() - start < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_roster_actions_refuse_a_version_the_user_did_not_see(db, actors) -> None:
    """Lock, unlock and acknowledge with the version shown succeed; with an older version
    (the roster changed meanwhile) they are refused as stale and nothing is written."""
    setup_policy(db)
    make_household(db)
    seen = roster.generate(db, actors["clerk"], "2026-01")
    regenerated = roster.generate(db, actors["clerk"], "2026-01")
    assert regenerated.version != seen.version
    with pytest.raises(StaleDataError):
        roster.acknowledge(db, actors["clerk"], seen.id, [], expected_version=seen.version)
    with pytest.raises(StaleDataError):
        roster.lock(db, actors["approver"], seen.id, expected_version=seen.version)
    assert roster.get_roster(db, actors["clerk"], seen.id).status == "draft"
    roster.acknowledge(db, actors["clerk"], seen.id, [], expected_version=regenerated.version)
    locked = roster.lock(db, actors["approver"], seen.id, expected_version=regenerated.version)
    assert locked.status == "locked"
    with pytest.raises(StaleDataError):
        roster.unlock(db, actors["admin"], seen.id, "更正", expected_version=regenerated.version)
    unlocked = roster.unlock(db, actors["admin"], seen.id, "更正", expected_version=locked.version)
    assert unlocked.status == "draft"


def test_intake_preview_keeps_nothing(db, actors) -> None:
    """The wizard's preview runs the real calls (income, asset, application) and returns the
    assessment, but no row or audit event of the rehearsal survives."""
    hid, ids = case_household(db, [{"birth": date(1980, 1, 1)}, {"birth": date(1982, 1, 1)}])

    def counts() -> tuple[int, int, int]:
        with db.read_session() as s:
            return (
                s.scalar(select(func.count()).select_from(IncomeItem)) or 0,
                s.scalar(select(func.count()).select_from(AuditEvent)) or 0,
                s.scalar(select(func.count()).select_from(Household)) or 0,
            )

    before = counts()
    data = intake.Intake(
        household_id=hid,
        new_household=None,
        new_members=(),
        applicant=intake.MemberRef(person_id=ids[0]),
        income=(intake.IncomeLine(intake.MemberRef(person_id=ids[0]), "wage", 30000),),
        assets=(intake.AssetLine("vehicle", 100000),),
        programme="rural_dibao",
        reason="困难",
        accepted_on=date(2026, 3, 2),
    )
    preview = intake.preview_intake(db, actors["clerk"], data)
    assert preview.income_fen == 30000
    assert counts() == before
    saved = intake.submit_intake(db, actors["clerk"], data)
    assert saved.household_id == hid and counts()[0] == before[0] + 1


def test_roster_history_is_one_snapshot_of_rosters_and_exports(db, actors) -> None:
    """The roster page's history (rosters with their exports) equals what the per-roster
    reads return, and ``roster_for`` picks the month's regular roster."""
    setup_policy(db)
    make_household(db)
    jan = roster.generate(db, actors["clerk"], "2026-01")
    history = roster.roster_history(db, actors["clerk"])
    assert [(v.id, v.flag_counts, ex) for v, ex in history] == [
        (r.id, r.flag_counts, tuple(roster.list_exports(db, actors["clerk"], r.id)))
        for r in roster.list_rosters(db, actors["clerk"])
    ]
    assert roster.roster_for(db, actors["clerk"], date(2026, 1, 1), "all").id == jan.id
    assert roster.roster_for(db, actors["clerk"], date(2026, 2, 1), "all") is None


def test_household_bundle_matches_the_single_reads(db, actors) -> None:
    """The household page's bundle holds what the single services return for the household."""
    hid, _ids = case_household(db, [{"birth": date(1980, 1, 1)}])
    actor = actors["clerk"]
    bundle = household_bundle(db, actor, hid)
    assert bundle.detail == register.get_household(db, actor, hid)
    assert bundle.enrollments == tuple(enrollments.list_enrollments(db, actor, household_id=hid))
    assert bundle.visits == tuple(visits.list_visits(db, actor, household_id=hid))
    assert bundle.applications == tuple(casework.list_applications(db, actor, household_id=hid))
    assert bundle.problems == ()


def test_legacy_chinese_change_kinds_are_read_as_codes(db, actors) -> None:
    """An enrollment change stored with the old Chinese kind (停发) counts as a suspension for
    the roster and is shown with the code and label of the English one."""
    setup_policy(db)
    h = make_household(db)
    add_change(db, h["enrollment_id"], "停发", date(2026, 1, 1), 30000, 0)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    assert all(ln.enrollment_id != h["enrollment_id"] or ln.due_fen == 0 for ln in view.lines)
    change = enrollments.get_enrollment(db, actors["clerk"], h["enrollment_id"]).changes[-1]
    assert (change.kind, change.kind_label) == ("suspend", "停发")


def test_vocabularies_have_one_home() -> None:
    """Programme names, the role table and change labels are the domain's tables, reused."""
    assert wf.PROGRAMME_LABELS is programmes.PROGRAMME_LABELS
    assert {k: v for k, v in ROSTER_LABELS.items() if k != "all"} == programmes.PROGRAMME_LABELS
    assert PERMISSIONS is roles.PERMISSIONS
    assert wf.ROLE_PERMISSIONS is roles.ROLE_PERMISSIONS
    assert KIND_LABELS is changes.CHANGE_LABELS is enrollments.CHANGE_KINDS
    assert all(changes.change_code(k) in changes.CHANGE_LABELS for k in changes.LEGACY_CODES)
