"""Moving a township back from the county server to a file of its own (issue 18): only its
rows, its locked rosters still verifying, an audit chain that verifies in the file, `check`
passing; the township's users disabled on the server; and the round trip file -> server ->
file through the command line with real files."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from test_casework_support import family_of_three, walk
from test_roster_support import setup_policy
from test_scope import _lock, _move, _town, build_world

from reliefdesk.cli import main
from reliefdesk.db.connect import open_database, unlock_key
from reliefdesk.db.engine import Database
from reliefdesk.domain.accounts import make_card_number
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
from reliefdesk.services import casework, register, users
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
    the server (B's are not until B moves, --plain); a move to an existing file and a move by a
    township administrator are refused."""
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
            assert seal.detail["relinked"] is True  # one chain for two townships on the server
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
    b_before = _figures(db, b)
    plain = move_to_file(
        db, actors["admin"], TOWN_B, tmp_path / "b.sqlite3", password=PW, plain=True
    )
    assert plain.recovery_code == "" and plain.without_slot == ()
    extract = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")  # --plain: no key
    try:
        assert _figures(extract, b) == b_before and _figures(extract, a)["households"] == 0
    finally:
        extract.close()
    township_admin = Actor(actors["admin"].user_id, "admin", "admin", "admin", township_id=b)
    with pytest.raises(ValidationError):
        move_to_file(db, township_admin, TOWN_B, tmp_path / "c.sqlite3", password=PW)
    assert not (tmp_path / "c.sqlite3").exists()


def _actors(db: Database) -> dict[str, Actor]:
    with db.read_session() as s:
        return {
            u.username: Actor(u.id, u.username, u.display_name, u.role, township_id=u.township_id)
            for u in s.scalars(select(User))
        }


def _approved_case(db: Database, actors: dict[str, Actor], town: int, n: int) -> None:
    """A household of the township through the real procedure up to approval (an enrollment
    paid from 2025-04), with a bank card."""
    hid, ids = family_of_three(db)
    _move(db, hid, town, "东村")
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", date(2025, 3, 3)
    )
    card = make_card_number("621700", 19, f"1234567{n:03d}")
    register.add_account(
        db, actors["clerk"], hid, ids[0], "bank_card", card, effective_month=date(2025, 1, 1)
    )
    walk(db, actors, app.id, "approved")
    _clean(db)  # the helper writes persons without their search keys


def test_round_trip_file_server_file_on_the_command_line(
    sqlite_db, pg_cluster, tmp_path, monkeypatch, capsys
) -> None:
    """A township file moves in (`migrate-to --db postgresql://`), works on the server (a new
    case approved), moves back (`migrate-to --db sqlite:///… --township`): counts and locked
    roster hashes equal to the server's, `check` and `audit verify` pass on the new encrypted
    file, which moves into a new server again; the township's users are disabled on the
    first server."""
    from reliefdesk.services.settings import OfficeInfo, save_office

    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RELIEFDESK_PASSWORD", PW)
    db = sqlite_db
    actors = _actors(db)
    with db.session() as s:
        save_office(s, actors["admin"], OfficeInfo("汝州市", TOWN_A, "寄料镇民政所"))
    setup_policy(db)
    town = _town(db, TOWN_A)
    _approved_case(db, actors, town, 1)
    _lock(db, actors, town)
    assert main(["--db", str(Path(db.url[len("sqlite:///") :])), "check"]) == 0
    name = "trip_" + uuid.uuid4().hex[:8]
    pg_cluster.admin_sql(f"CREATE DATABASE {name}")
    url = pg_cluster.url(name)
    assert main(["--db", db.url, "--user", "admin", "migrate-to", "--db", url]) == 0
    capsys.readouterr()
    server = open_database(url)
    try:  # work on the server, as the township's users there
        town = _town(server, TOWN_A)
        _approved_case(server, _actors(server), town, 2)
        on_server = _figures(server, town)
    finally:
        server.close()
    assert on_server["households"] == 2 and on_server["lines"]
    back = tmp_path / "back.sqlite3"
    args = ["--db", url, "--user", "admin", "migrate-to", "--db", f"sqlite:///{back}"]
    assert main([*args, "--township", TOWN_A]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("已迁回文件（") and "2 户" in out[0], out
    assert out[1].startswith("恢复码：")
    extract = _open_file(back)
    try:
        assert _figures(extract, town) == on_server
    finally:
        extract.close()
    for cmd in (["audit", "verify"], ["check"]):
        assert main(["--db", str(back), "--user", "admin", *cmd]) == 0, capsys.readouterr()
    assert "未发现问题" in capsys.readouterr().out
    again = "again_" + uuid.uuid4().hex[:8]  # and in again: the encrypted file to a new server
    pg_cluster.admin_sql(f"CREATE DATABASE {again}")
    url2 = pg_cluster.url(again)
    assert main(["--db", str(back), "--user", "admin", "migrate-to", "--db", url2]) == 0
    assert "已迁入服务器" in capsys.readouterr().out
    server = open_database(url2)
    try:
        assert _figures(server, town) == on_server
    finally:
        server.close()
    assert main(["--db", url2, "--user", "admin", "audit", "verify"]) == 0
    capsys.readouterr()
    assert main(args) == 2  # no --township
    assert "--township" in capsys.readouterr().err
    server = open_database(url)
    try:  # the township's users work in the file now: disabled on the server
        with pytest.raises(AuthError):
            users.login(server, "clerk", PW)
        assert users.login(server, "admin", PW).township_id is None
    finally:
        server.close()
