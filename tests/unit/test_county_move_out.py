"""Moving a township back from the county server to a file of its own (issue 18): only its
rows, its locked rosters still verifying, an audit chain that verifies in the file, `check`
passing; the township's users disabled on the server; and the round trip file -> server ->
file through the command line with real files."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from test_roster_support import make_household, setup_policy
from test_scope import _lock, _move, _town, build_world

from reliefdesk.cli import main
from reliefdesk.db.connect import open_database, unlock_key
from reliefdesk.db.engine import Database
from reliefdesk.errors import AuthError, ValidationError
from reliefdesk.models import (
    AuditEvent,
    Enrollment,
    Household,
    Person,
    Roster,
    RosterLine,
    User,
    Village,
)
from reliefdesk.services import users
from reliefdesk.services.audit import verify_chain
from reliefdesk.services.check import run_checks
from reliefdesk.services.context import Actor
from reliefdesk.services.county_move_out import move_to_file
from reliefdesk.services.roster import verify_locked_rosters

PW = "Test#Pass2026"
TOWN_A, TOWN_B = "410482101", "410482102"


def _figures(db: Database, town: int) -> dict[str, object]:
    """What must be equal on the server and in the file: counts and locked roster hashes."""
    with db.read_session() as s:
        homes = select(Household.id).join(Village).where(Village.township_id == town)
        rosters = select(Roster.id).where(Roster.township_id == town)
        return {
            "households": s.scalar(select(func.count()).select_from(homes.subquery())),
            "persons": s.scalar(
                select(func.count(Person.id)).where(Person.household_id.in_(homes))
            ),
            "enrollments": s.scalar(
                select(func.count(Enrollment.id)).where(Enrollment.household_id.in_(homes))
            ),
            "lines": s.scalar(
                select(func.count(RosterLine.id)).where(RosterLine.roster_id.in_(rosters))
            ),
            "hashes": sorted(
                (r.id, r.lines_sha256 or "")
                for r in s.scalars(select(Roster).where(Roster.township_id == town))
            ),
        }


def _clean(db: Database) -> None:
    """Mend two shortcuts of the test helpers (sex from the ID number, search keys); the
    helpers' approvals without a confirmation step remain, and `check` reports them alike on
    the server and in the file."""
    from reliefdesk.services.search import rebuild_search_keys

    with db.session() as s:
        for person in s.scalars(select(Person)):
            person.sex = "M" if int(person.id_number[16]) % 2 else "F"
        rebuild_search_keys(s)


def _problems(db: Database) -> set[tuple[str, str, object]]:
    return {(p.kind, p.entity, p.entity_id) for p in run_checks(db).problems}


def _open_file(path: Path, user: str = "admin") -> Database:
    url = f"sqlite:///{path}"
    return open_database(url, key=unlock_key(url, user, PW))


def test_move_out_copies_only_the_township(db, actors, tmp_path) -> None:
    """A county database (both backends) with two townships: the file gets township A only,
    counts and locked roster hashes equal, chain and `check` pass; A's users are disabled on
    the server (B's are not); a second move to the same file is refused."""
    world = build_world(db, actors)
    a, b = _town(db, TOWN_A), _town(db, TOWN_B)
    with db.session() as s:
        s.execute(update(User).where(User.username == "clerk").values(township_id=a))
        s.execute(update(User).where(User.username == "clerk2").values(township_id=b))
    _clean(db)
    on_server = _problems(db)
    assert {k for k, _e, _i in on_server} <= {"enrollment_without_approval"}
    before = _figures(db, a)
    assert before["households"] and before["lines"]
    target = tmp_path / "a.sqlite3"
    result = move_to_file(db, actors["admin"], TOWN_A, target, password=PW)
    assert result.recovery_code and "clerk" in result.without_slot
    extract = _open_file(target)
    try:
        assert _figures(extract, a) == before
        assert _figures(extract, b)["households"] == 0
        with extract.read_session() as s:
            assert verify_chain(s) == []
            assert verify_locked_rosters(s) == []
            seal = s.scalar(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1))
            assert seal.action == "county.move_out" and ":" in seal.detail["server_head"]
            active = set(s.scalars(select(User.username).where(User.active.is_(True))))
        assert active == {"admin", "clerk"}
        assert _problems(extract) <= on_server  # nothing the server does not have
    finally:
        extract.close()
    with db.read_session() as s:
        state = {n: act for n, act in s.execute(select(User.username, User.active))}
    assert state["clerk"] is False and state["clerk2"] is True
    assert world is not None
    with pytest.raises(ValidationError) as err:
        move_to_file(db, actors["admin"], TOWN_B, target, password=PW)
    assert err.value.code == "move.file_exists"
    township_admin = Actor(actors["admin"].user_id, "admin", "admin", "admin", township_id=b)
    with pytest.raises(ValidationError):
        move_to_file(db, township_admin, TOWN_B, tmp_path / "b.sqlite3", password=PW)
    assert not (tmp_path / "b.sqlite3").exists()


def test_round_trip_file_server_file_on_the_command_line(
    sqlite_db, pg_cluster, tmp_path, monkeypatch, capsys
) -> None:
    """A township file moves in (`migrate-to --db postgresql://`), works on the server, moves
    back (`migrate-to --db sqlite:///… --township`): counts and roster hashes equal to the
    server's, `check` and `audit verify` pass on the new (encrypted) file, one output line."""
    from reliefdesk.services.settings import OfficeInfo, save_office

    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RELIEFDESK_PASSWORD", PW)
    db = sqlite_db
    with db.read_session() as s:
        actors = {
            u.username: Actor(u.id, u.username, u.display_name, u.role)
            for u in s.scalars(select(User))
        }
    with db.session() as s:
        save_office(s, actors["admin"], OfficeInfo("汝州市", "410482101", "寄料镇民政所"))
    setup_policy(db)
    make_household(db, village="东村")
    _clean(db)
    _lock(db, actors, _town(db, TOWN_A))
    name = "trip_" + uuid.uuid4().hex[:8]
    pg_cluster.admin_sql(f"CREATE DATABASE {name}")
    url = pg_cluster.url(name)
    assert main(["--db", db.url, "--user", "admin", "migrate-to", "--db", url]) == 0
    capsys.readouterr()
    server = open_database(url)
    try:  # work on the server: a new household of the township
        town = _town(server, TOWN_A)
        hid = make_household(server, village="东村")["household_id"]
        _move(server, hid, town, "东村")
        _clean(server)
        on_server = _figures(server, town)
    finally:
        server.close()
    back = tmp_path / "back.sqlite3"
    args = ["--db", url, "--user", "admin", "migrate-to", "--db", f"sqlite:///{back}"]
    assert main([*args, "--township", TOWN_A]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("已迁回文件（") and "2 户" in out[0], out
    extract = _open_file(back)
    try:
        assert _figures(extract, town) == on_server
    finally:
        extract.close()
    assert main(["--db", str(back), "--user", "admin", "audit", "verify"]) == 0
    capsys.readouterr()
    found = {}
    for where in (str(back), url):  # `check`: the file has exactly the server's findings
        main(["--db", where, "--user", "admin", "check"])
        found[where] = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("  [")]
    assert found[str(back)] == found[url]
    assert all("enrollment_without_approval" in ln for ln in found[url])  # the helpers' shortcut
    assert main(args) == 2  # no --township
    assert "--township" in capsys.readouterr().err
    server = open_database(url)
    try:  # the township's users work in the file now: disabled on the server
        with pytest.raises(AuthError):
            users.login(server, "clerk", PW)
        assert users.login(server, "admin", PW).township_id is None
    finally:
        server.close()
