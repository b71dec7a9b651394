"""Moving a second township's own file into a county server that already holds one (issue 18):
new ids, matched townships and villages, renamed clashing users, locked rosters re-hashed and
recorded, the file's audit chain appended and sealed; `check` and `audit verify` pass;
a file with a broken chain, a forged locked roster or a clash in mid-copy is refused and the
server is left unchanged."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from sqlalchemy import func, select, update
from test_county_move_out import PW, TOWN_A, TOWN_B, _actors, _approved_case, _clean
from test_roster_support import setup_policy
from test_scope import _lock, _town

from reliefdesk.cli import main
from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.models import (
    AuditEvent,
    AuditHead,
    Household,
    Person,
    Roster,
    RosterLine,
    User,
    Village,
)
from reliefdesk.services import enrollments as enrollment_views
from reliefdesk.services import users
from reliefdesk.services.settings import OfficeInfo, save_office


def _township_file(template: Path, path: Path, code: str, office: str, n: int) -> Path:
    """A township's own file built with the real services: one approved case, a locked roster."""
    shutil.copyfile(template, path)
    db = open_database(f"sqlite:///{path}")
    try:
        actors = _actors(db)
        with db.session() as s:
            save_office(s, actors["admin"], OfficeInfo("汝州市", code, office))
        setup_policy(db)
        town = _town(db, code)
        _approved_case(db, actors, town, n)
        _lock(db, actors, town)
    finally:
        db.close()
    return path


def _figures(db: Database, code: str) -> dict[str, object]:
    """Households and the locked rosters' paid totals of the township ``code``."""
    with db.read_session() as s:
        town = _town(db, code)
        homes = select(Household.id).join(Village).where(Village.township_id == town)
        rosters = select(Roster.id).where(Roster.status == "locked")
        if s.scalar(select(func.count(Roster.id)).where(Roster.township_id == town)):
            rosters = rosters.where(Roster.township_id == town)
        return {
            "households": s.scalar(select(func.count()).select_from(homes.subquery())),
            "rosters": s.scalar(select(func.count()).select_from(rosters.subquery())),
            "paid": s.scalar(
                select(func.coalesce(func.sum(RosterLine.paid_fen), 0)).where(
                    RosterLine.roster_id.in_(rosters)
                )
            ),
        }


def _first_id_number(path: Path) -> str:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.read_session() as s:
            return str(s.scalar(select(Person.id_number).order_by(Person.id).limit(1)))
    finally:
        db.close()


def _server_state(url: str) -> tuple[int, int, int, int]:
    db = open_database(url)
    try:
        with db.read_session() as s:
            head = s.get(AuditHead, 1)
            return (
                head.count if head else 0,
                int(s.scalar(select(func.count(Household.id))) or 0),
                int(s.scalar(select(func.count(Roster.id))) or 0),
                int(s.scalar(select(func.count(User.id))) or 0),
            )
    finally:
        db.close()


def test_second_township_file_moves_into_a_non_empty_server(
    sqlite_template, pg_cluster, tmp_path, monkeypatch, capsys
) -> None:
    """Two township files move into one server, the second with new ids: counts and paid
    totals per township equal the files', `check` and `audit verify` pass, the clashing user
    names get the township suffix, B's clerk sees only B's enrollments; moving B again, a file
    with a broken chain, one with a forged locked roster and one whose person clashes with the
    server's in the middle of the copy are refused, the server unchanged."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RELIEFDESK_PASSWORD", PW)
    fa = _township_file(sqlite_template, tmp_path / "a.sqlite3", TOWN_A, "寄料镇民政所", 1)
    fb = _township_file(sqlite_template, tmp_path / "b.sqlite3", TOWN_B, "纸坊乡民政所", 2)
    clash = _township_file(sqlite_template, tmp_path / "c.sqlite3", "410482103", "临汝镇民政所", 3)
    bad_chain = tmp_path / "chain.sqlite3"
    forged = tmp_path / "forged.sqlite3"
    shutil.copyfile(fb, bad_chain)
    shutil.copyfile(fb, forged)
    files = {}
    for path in (fa, fb):
        db = open_database(f"sqlite:///{path}")
        try:
            _clean(db)
            files[path] = (_figures(db, TOWN_A), _figures(db, TOWN_B))
        finally:
            db.close()
    name = "movein_" + uuid.uuid4().hex[:8]
    pg_cluster.admin_sql(f"CREATE DATABASE {name}")
    url = pg_cluster.url(name)
    for path in (fa, fb):
        assert main(["--db", str(path), "--user", "admin", "migrate-to", "--db", url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "用户名 clerk 在服务器上已存在，已改为 clerk_102。" in out, out
    assert out[-1].startswith("已迁入服务器（") and "1 户" in out[-1], out
    server = open_database(url)
    try:
        assert _figures(server, TOWN_A) == files[fa][0]
        assert _figures(server, TOWN_B) == files[fb][1]
        assert _figures(server, TOWN_B)["paid"] > 0
        b = _town(server, TOWN_B)
        clerk_b = users.login(server, "clerk_102", PW)
        admin_b = users.login(server, "admin_102", PW)
        assert clerk_b.township_id == b and admin_b.township_id == b
        seen = {e.household_id for e in enrollment_views.list_enrollments(server, clerk_b)}
        with server.read_session() as s:
            b_homes = set(
                s.scalars(select(Household.id).join(Village).where(Village.township_id == b))
            )
            seal = s.scalar(
                select(AuditEvent)
                .where(AuditEvent.action == "county.move_in")
                .order_by(AuditEvent.id.desc())
                .limit(1)
            )
            rehash = s.scalars(
                select(AuditEvent).where(AuditEvent.action == "roster.rehash_on_move")
            ).all()
            assert seal.detail["file_head"].count(":") == 1 and seal.detail["file_hashes_sha256"]
            assert len(rehash) == 1
            assert rehash[0].detail["old_sha256"] != rehash[0].detail["sha256"]
        assert seen and seen <= b_homes
    finally:
        server.close()
    for cmd in (["audit", "verify"], ["check"]):
        assert main(["--db", url, "--user", "admin", *cmd]) == 0, capsys.readouterr()
    capsys.readouterr()
    before = _server_state(url)
    db = open_database(f"sqlite:///{bad_chain}")
    with db.session() as s:  # an edit behind the app's back
        s.execute(update(AuditEvent).where(AuditEvent.id == 3).values(username="mallory"))
    db.close()
    db = open_database(f"sqlite:///{forged}")
    with db.session() as s:  # a forged line whose hash was recomputed
        from reliefdesk.services.roster import roster_hash

        line = s.scalar(select(RosterLine).limit(1))
        line.paid_fen += 10000
        s.flush()
        roster = s.get(Roster, line.roster_id)
        roster.lines_sha256 = roster_hash(s, roster)
    db.close()
    a_number = _first_id_number(fa)
    db = open_database(f"sqlite:///{clash}")
    with db.session() as s:  # the same person registered in two townships: fails mid-copy
        s.scalar(select(Person).order_by(Person.id).limit(1)).id_number = a_number
    db.close()
    cases = ((fb, "已有数据"), (bad_chain, "审计链"), (forged, "花名册"), (clash, "冲突"))
    for path, words in cases:
        assert main(["--db", str(path), "--user", "admin", "migrate-to", "--db", url]) != 0
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err, err
        assert _server_state(url) == before


def test_every_table_has_one_move_in_rule() -> None:
    """Township and village rows are matched by code (reference tables), the rest
    of the tables get offsets: every table of the metadata is covered by exactly one rule."""
    from reliefdesk.models import Base
    from reliefdesk.services.county_merge import AUDIT_TABLES, MATCHED, SKIPPED

    rules = MATCHED | SKIPPED | AUDIT_TABLES
    copied = [t for t in Base.metadata.sorted_tables if t.name not in rules]
    assert copied and all([c.name for c in t.primary_key.columns] == ["id"] for t in copied)
