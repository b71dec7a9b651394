"""One county server (issue 18): migration of a one-office database into its township, users
with a township (service and CLI), rosters per township, the county's confirmation and roster
review, township settings."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from test_roster_support import make_household, setup_policy
from test_scope import MONTH, _lock, _move, _town, build_world

from reliefdesk.cli import main
from reliefdesk.db.connect import open_database
from reliefdesk.errors import PermissionDenied, RuleViolation
from reliefdesk.models import AuditEvent, Roster, Township, User
from reliefdesk.services import casework, printing, roster, township_settings, users
from reliefdesk.services.context import SYSTEM, Actor
from reliefdesk.services.settings import set_setting

DATA = Path(__file__).resolve().parents[1] / "data"
PW = "Test#Pass2026"


def _old_office(tmp_path: Path, foreign_household: bool) -> Path:
    """The checked-in revision-0001 database with an office in the township of its village."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "reliefdesk-0001.sqlite3", target)
    con = sqlite3.connect(target)
    with con:
        town = con.execute("SELECT township_id FROM village WHERE id = 1").fetchone()[0]
        con.execute(
            "INSERT INTO office (county, county_code, township_id, office_name, phone,"
            " policy_url, version) VALUES ('汝州市', '410482', ?, '民政所', '', '', 1)",
            (town + 1 if foreign_household else town,),
        )
    con.close()
    return target


def test_one_office_database_moves_into_its_township(tmp_path, monkeypatch):
    """Upgrading a one-office database makes its users users of the office's township (they
    keep seeing everything, which all lies there); with a household elsewhere they stay
    county users."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    for foreign in (False, True):
        path = _old_office(tmp_path / str(foreign), foreign)
        db = open_database(f"sqlite:///{path}")
        try:
            with db.read_session() as s:
                town = s.scalar(select(User.township_id).where(User.username == "admin"))
            actor = users.login(db, "admin", "Old#Schema2026")
            assert actor.township_id == town
            if foreign:
                assert town is None
            else:
                assert town is not None
        finally:
            db.close()


def test_user_add_with_township_on_the_command_line(tmp_path, monkeypatch, capsys):
    """`user add --township` takes a code or a name (or county); `user list` shows it; an
    unknown township is a one-line Chinese error with a non-zero exit; login carries it; a
    township administrator manages only their township's users; `township set/show`."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RELIEFDESK_ADMIN_PASSWORD", "Admin#Pass2026")
    path = tmp_path / "county.sqlite3"
    assert main(["--db", str(path), "init", "--plain"]) == 0  # read directly below
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Admin#Pass2026")
    monkeypatch.setenv("RELIEFDESK_NEW_PASSWORD", PW)
    base = ["--db", str(path), "--user", "admin", "user", "add"]
    assert main([*base, "mei", "--role", "clerk", "--township", "410482001"]) == 0
    assert main([*base, "yang", "--role", "clerk", "--township", "杨楼镇"]) == 0
    assert main([*base, "xian", "--role", "approver", "--township", "county"]) == 0
    capsys.readouterr()
    assert main([*base, "bad", "--role", "clerk", "--township", "火星镇"]) == 2
    assert (
        capsys.readouterr().err.strip()
        == "错误：找不到乡镇（街道）“火星镇”（可填代码、名称或 county）。"
    )
    assert main(["--db", str(path), "--user", "admin", "user", "list"]) == 0
    out = capsys.readouterr().out
    assert "煤山街道" in out and "杨楼镇" in out and "县级" in out
    admin = ["--db", str(path), "--user", "admin", "township"]
    assert (
        main(
            [
                *admin,
                "set",
                "--township",
                "杨楼镇",
                "--key",
                "casework.county_confirms",
                "--value",
                "true",
            ]
        )
        == 0
    )
    assert (
        main([*admin, "set", "--township", "杨楼镇", "--key", "office.phone", "--value", "0375-9"])
        == 0
    )
    assert (
        main([*admin, "set", "--township", "杨楼镇", "--key", "policy.standard", "--value", "1"])
        == 2
    )
    assert "不能按乡镇设置" in capsys.readouterr().err
    assert main([*admin, "show", "--township", "杨楼镇"]) == 0
    out = capsys.readouterr().out
    assert "0375-9" in out and "True" in out
    db = open_database(f"sqlite:///{path}")
    try:
        assert users.login(db, "mei", PW).township_id is not None
        assert users.login(db, "xian", PW).township_id is None
        mei = users.login(db, "mei", PW)
        with db.session() as s, pytest.raises(PermissionDenied):
            users.add_user(s, replace(mei, role="admin"), "other", "clerk", PW, township_id=None)
        town_admin = replace(mei, role="admin")
        assert [u.username for u in users.list_users(db, town_admin)] == ["mei"]
        with pytest.raises(PermissionDenied):
            users.unlock_user(db, town_admin, "yang")
        with pytest.raises(PermissionDenied):
            users.set_role(db, town_admin, "yang", "reviewer")
    finally:
        db.close()


def test_rosters_per_township_and_the_county_roster_do_not_overlap(db, actors):
    """Two townships each generate their own roster of the month; a county-wide roster of the
    same month is refused (it would pay them twice); a township user cannot ask for another
    township's roster."""
    setup_policy(db)
    a, b = _town(db, "410482101"), _town(db, "410482102")
    ha = make_household(db, village="东村")["household_id"]
    hb = make_household(db, village="西村")["household_id"]
    _move(db, hb, b, "西村")
    ra = roster.generate(db, replace(actors["clerk"], township_id=a), MONTH, with_lines=True)
    rb = roster.generate(db, actors["clerk"], MONTH, township_id=b, with_lines=True)
    assert (ra.township_id, rb.township_id) == (a, b)
    assert [ln.household_id for ln in ra.lines] == [ha]
    assert [ln.household_id for ln in rb.lines] == [hb]
    with pytest.raises(RuleViolation) as exc:
        roster.generate(db, actors["clerk"], MONTH)
    assert exc.value.code == "roster.overlap"
    with pytest.raises(PermissionDenied):
        roster.generate(db, replace(actors["clerk"], township_id=a), MONTH, township_id=b)


def test_county_confirms_where_not_delegated(db, actors):
    """With 县级审核确认 kept by the county for township A, A's approver may not confirm; the
    county's approver may; a township without the setting confirms as before."""
    from test_casework_support import family_of_three, walk

    a = _town(db, "410482101")
    hid, ids = family_of_three(db)
    _move(db, hid, a, "东村")
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", date(2025, 3, 3)
    )
    walk(db, actors, app.id, "awaiting_confirmation")
    with db.session() as s:
        township_settings.set_township_setting(
            s, actors["admin"], a, township_settings.COUNTY_CONFIRMS, True
        )
    town_approver = replace(actors["approver"], township_id=a)
    args = {"on_date": date(2025, 3, 18), "decision": "approve", "opinion": "同意"}
    with pytest.raises(PermissionDenied) as exc:
        casework.perform(db, town_approver, app.id, "confirm", **args)
    assert exc.value.code == "scope.county_confirms"
    assert casework.perform(db, actors["approver"], app.id, "confirm", **args).state == "approved"
    with db.session() as s, pytest.raises(PermissionDenied):  # only the county decides it
        township_settings.set_township_setting(
            s, replace(actors["admin"], township_id=a), a, township_settings.COUNTY_CONFIRMS, False
        )


def test_county_reviews_a_locked_township_roster(db, actors, tmp_path):
    """The county reviews a township's locked roster (audited); a township user may not;
    where the review is required the bank file waits for it; where the county pays centrally
    only the county exports it; an unlock voids the review."""
    w = build_world(db, actors)
    with db.session() as s:
        set_setting(s, SYSTEM, "roster.county_review_required", True)
    town_approver = w.ta["approver"]
    with pytest.raises(RuleViolation) as exc:
        roster.export(db, town_approver, w.roster_a, tmp_path, kinds=("bank",))
    assert exc.value.code == "roster.county_review"
    with pytest.raises(PermissionDenied):
        roster.county_review(db, w.ta["reviewer"], w.roster_a)
    view = roster.county_review(db, actors["reviewer"], w.roster_a, "已审核")
    assert view.county_reviewed_by == "reviewer" and view.county_reviewed_at is not None
    assert roster.export(db, town_approver, w.roster_a, tmp_path / "a", kinds=("bank",))
    with db.session() as s:  # the county pays township A centrally: its bank file is the county's
        township_settings.set_township_setting(
            s, actors["admin"], w.a, "roster.bank_file_scope", "county"
        )
    with pytest.raises(PermissionDenied) as denied:
        roster.export(db, town_approver, w.roster_a, tmp_path / "b", kinds=("bank",))
    assert denied.value.code == "scope.county_pays"
    assert roster.export(db, actors["approver"], w.roster_a, tmp_path / "c", kinds=("bank",))
    with db.read_session() as s:
        ev = s.scalar(select(AuditEvent).where(AuditEvent.action == "roster.county_review"))
        assert ev is not None and ev.detail["township_id"] == w.a
    roster.unlock(db, actors["admin"], w.roster_a, "更正账号")
    with db.read_session() as s:
        assert s.get(Roster, w.roster_a).county_reviewed_at is None


def test_township_office_block_on_printouts(db, actors):
    """A township's own office name and phone (township settings) head its printouts; the
    other township keeps the county's office record."""
    w = build_world(db, actors)
    with db.session() as s:
        from reliefdesk.services.settings import OfficeInfo, save_office

        save_office(s, actors["admin"], OfficeInfo("汝州市", "410482101", "县民政局", "0375-1"))
        township_settings.set_township_setting(
            s, actors["admin"], w.b, "office.name", "西村镇民政所"
        )
        township_settings.set_township_setting(s, actors["admin"], w.b, "office.phone", "0375-2")
    from io import BytesIO

    from pypdf import PdfReader

    def text(app_id: int) -> str:
        pdf = printing.decision_letter_pdf(db, actors["clerk"], app_id).pdf
        return "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)

    assert "西村镇民政所" in text(w.app_b) and "0375-2" in text(w.app_b)
    assert "西村镇民政所" not in text(w.app_a)
    assert township_settings.township_settings(db, actors["clerk"], w.b)["office.phone"] == "0375-2"
    with pytest.raises(PermissionDenied):
        township_settings.township_settings(db, w.ta["clerk"], w.b)


def test_township_roster_workbook_names_its_township_and_office(db, actors, tmp_path):
    """A township's roster workbook is headed by that township and its own office block,
    not by the county's office record."""
    from openpyxl import load_workbook

    w = build_world(db, actors)
    with db.session() as s:
        from reliefdesk.services.settings import OfficeInfo, save_office

        save_office(s, actors["admin"], OfficeInfo("汝州市", "410482101", "县民政局", "0375-1"))
        township_settings.set_township_setting(
            s, actors["admin"], w.b, "office.name", "西村镇民政所"
        )
        town_b = s.get(Township, w.b).name
    results = roster.export(db, actors["approver"], w.roster_b, tmp_path, kinds=("roster",))
    ws = load_workbook(results[0].path).worksheets[0]
    head = " ".join(str(c.value) for row in ws.iter_rows(max_row=2) for c in row if c.value)
    assert town_b in head and "西村镇民政所" in head and "县民政局" not in head


def test_county_demo_has_users_per_township(tmp_path, monkeypatch):
    """The county demo (more than COUNTY_THRESHOLD households) adds a clerk, reviewer and
    approver per township who see only their township; the five demo users stay county users
    and see everything."""
    from reliefdesk.demo import COUNTY_THRESHOLD, DEMO_PASSWORDS, generate_demo
    from reliefdesk.demo.setup import township_username
    from reliefdesk.models import Township
    from reliefdesk.services import register

    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    try:
        generate_demo(db, SYSTEM, COUNTY_THRESHOLD + 1, seed=3, as_of=date(2026, 11, 15))
        with db.read_session() as s:
            towns = [(t.id, t.code) for t in s.scalars(select(Township).order_by(Township.code))]
        county = users.login(db, "clerk", DEMO_PASSWORDS["clerk"])
        assert county.township_id is None
        total = register.household_summary_page(db, county, with_total=True).total
        seen = 0
        for tid, code in towns:
            for role in ("clerk", "reviewer", "approver"):
                me = users.login(db, township_username(role, code), DEMO_PASSWORDS[role])
                assert me.township_id == tid and me.role == role
            page = register.household_summary_page(db, me, with_total=True, limit=5)
            assert {r.village_id for r in page.rows} <= {
                v.id for v in register.list_villages(db, me)
            }
            seen += page.total
        assert seen == total == COUNTY_THRESHOLD + 1
    finally:
        db.close()


def test_migrate_to_moves_a_township_file_to_the_server(
    sqlite_db, pg_cluster, tmp_path, monkeypatch, capsys
):
    """`migrate-to` copies a township's file into a new server database with its history:
    the audit chain verifies, the locked roster keeps its hash, users become township users
    (the mover the county administrator); a second move into the same server is refused."""
    import uuid

    from reliefdesk.services.audit import verify_chain
    from reliefdesk.services.roster import verify_locked_rosters
    from reliefdesk.services.settings import OfficeInfo, save_office

    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    db = sqlite_db
    actors = {}
    with db.read_session() as s:
        for u in s.scalars(select(User)):
            actors[u.username] = Actor(u.id, u.username, u.display_name, u.role)
    with db.session() as s:
        save_office(s, actors["admin"], OfficeInfo("汝州市", "410482101", "寄料镇民政所"))
    setup_policy(db)
    make_household(db, village="东村")
    locked = _lock(db, actors, _town(db, "410482101"))
    with db.read_session() as s:
        sha = s.get(Roster, locked).lines_sha256
    name = "move_" + uuid.uuid4().hex[:8]
    pg_cluster.admin_sql(f"CREATE DATABASE {name}")
    url = pg_cluster.url(name)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", PW)
    args = ["--db", db.url, "--user", "admin", "migrate-to", "--db", url]
    assert main(args) == 0
    assert "已迁入服务器" in capsys.readouterr().out
    server = open_database(url)
    try:
        with server.read_session() as s:
            assert verify_chain(s) == []
            assert verify_locked_rosters(s) == []
            assert s.get(Roster, locked).lines_sha256 == sha
            assert s.get(Roster, locked).township_id == _town(server, "410482101")
        assert users.login(server, "admin", PW).township_id is None
        assert users.login(server, "clerk", PW).township_id == _town(server, "410482101")
    finally:
        server.close()
    assert main(args) == 2
    assert "已有数据" in capsys.readouterr().err
