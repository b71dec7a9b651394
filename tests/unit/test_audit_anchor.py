"""Audit chain anchored outside the database: tail deletion and emptying the log are caught
against an anchor (printed, in a backup sidecar or in this PC's journal); the county
checkpoint PDF carries the anchor."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from reliefdesk.cli import main
from reliefdesk.db.defaults import GENESIS_HASH
from reliefdesk.db.engine import Database
from reliefdesk.errors import ValidationError
from reliefdesk.services import users
from reliefdesk.services.audit import verify_chain
from reliefdesk.services.audit_anchor import (
    AuditAnchor,
    current_anchor,
    parse_anchor,
    verify_anchor_in,
)
from reliefdesk.services.context import Actor

ADMIN_PW = "Admin#Pass2026"
TEST_PW = "Test#Pass2026"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    for var in ("RELIEFDESK_DB", "RELIEFDESK_PASSWORD", "RELIEFDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return monkeypatch


def _add_users(db: Database, admin: Actor, n: int) -> None:
    with db.session() as s:
        for i in range(n):
            users.add_user(s, admin, f"anchor{i}", "clerk", TEST_PW)


def _cut_tail(db: Database, keep: int) -> None:
    """What an attacker with write access does: delete the newest events, fix the head row."""
    with db.engine.begin() as conn:
        last = (
            conn.execute(
                text("SELECT hash FROM audit_event ORDER BY id LIMIT 1 OFFSET :k"), {"k": keep - 1}
            ).scalar()
            if keep
            else GENESIS_HASH
        )
        ids = [r[0] for r in conn.execute(text("SELECT id FROM audit_event ORDER BY id"))]
        for eid in ids[keep:]:
            conn.execute(text("DELETE FROM audit_event WHERE id = :i"), {"i": eid})
        conn.execute(
            text("UPDATE audit_head SET count = :c, last_hash = :h WHERE id = 1"),
            {"c": keep, "h": last},
        )


def test_tail_deletion_passes_chain_but_fails_anchor(
    db: Database, actors: dict[str, Actor]
) -> None:
    """Deleting the last events and updating the head row leaves a valid chain; the anchor
    taken before shows the deletion."""
    _add_users(db, actors["admin"], 4)
    anchor = current_anchor(db)
    with db.read_session() as s:
        assert verify_chain(s) == [] and verify_anchor_in(s, anchor) == []
    _cut_tail(db, anchor.count - 2)
    with db.read_session() as s:
        assert verify_chain(s) == []  # the chain alone cannot see it
        problems = verify_anchor_in(s, anchor)
    assert len(problems) == 1 and "少于锚点记录" in problems[0].message


def test_emptied_log_fails_anchor(db: Database, actors: dict[str, Actor]) -> None:
    """Emptying the log and resetting the head to genesis is caught by any earlier anchor."""
    _add_users(db, actors["admin"], 2)
    anchor = current_anchor(db)
    _cut_tail(db, 0)
    with db.read_session() as s:
        assert verify_chain(s) == []
        assert "日志被清空" in verify_anchor_in(s, anchor)[0].message


def test_rewritten_prefix_fails_anchor(db: Database, actors: dict[str, Actor]) -> None:
    """An anchor whose event now hashes differently (the log was rebuilt) is reported."""
    _add_users(db, actors["admin"], 2)
    anchor = current_anchor(db)
    forged = AuditAnchor(anchor.count, "f" * 64)
    with db.read_session() as s:
        assert "哈希与锚点不符" in verify_anchor_in(s, forged)[0].message
        assert verify_anchor_in(s, AuditAnchor(0, GENESIS_HASH)) == []


def test_anchor_text_and_tag(env: pytest.MonkeyPatch, db: Database) -> None:
    """COUNT:HASH[:TAG] parses strictly; a tag made with this PC's key checks out, a changed
    one does not; the key file is owner-only."""
    anchor = current_anchor(db)
    parsed, tag = parse_anchor(anchor.with_tag())
    assert parsed == anchor and tag is not None
    with db.read_session() as s:
        assert verify_anchor_in(s, parsed, tag) == []
        bad = ("0" if tag[0] != "0" else "1") + tag[1:]
        assert "校验码不符" in verify_anchor_in(s, parsed, bad)[0].message
    key = Path(env_home(env)) / "config" / "audit-anchor.key"
    assert key.stat().st_mode & 0o777 == 0o600
    for wrong in ("12", "12:abc", f"x:{'a' * 64}", f"1:{'a' * 64}:zz", f"１:{'a' * 64}"):
        with pytest.raises(ValidationError):
            parse_anchor(wrong)


def env_home(env: pytest.MonkeyPatch) -> str:
    import os

    return os.environ["RELIEFDESK_HOME"]


def test_cli_verify_anchor_backup_sidecar_and_journal(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`audit verify --anchor` exits 0 on an intact log and 1 after tail deletion; the backup
    sidecar carries the same head, and the journal makes plain `audit verify` and `check`
    find the deletion too."""
    db = tmp_path / "a.sqlite3"
    assert main(["--db", str(db), "init", "--plain"]) == 0
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    env.setenv("RELIEFDESK_NEW_PASSWORD", TEST_PW)
    for name in ("u1", "u2", "u3"):
        assert (
            main(["--db", str(db), "--user", "admin", "user", "add", name, "--role", "clerk"]) == 0
        )
    out = tmp_path / "b.sqlite3"
    assert main(["--db", str(db), "--user", "admin", "backup", "--out", str(out)]) == 0
    sidecar = json.loads(out.with_name(out.name + ".json").read_text(encoding="utf-8"))
    head = sidecar["audit_anchor"]
    anchor, _tag = parse_anchor(head)
    con = sqlite3.connect(out)
    assert con.execute("SELECT count(*) FROM audit_event").fetchone()[0] == anchor.count
    con.close()
    assert sidecar["audit_head"] == anchor.text
    capsys.readouterr()
    assert main(["--db", str(db), "audit", "head"]) == 0  # the backup event came after
    assert capsys.readouterr().out.startswith(f"审计锚点：{anchor.count + 1}:")
    assert main(["--db", str(db), "audit", "verify", "--anchor", head]) == 0
    assert "与锚点相符" in capsys.readouterr().out

    con = sqlite3.connect(db)
    with con:
        n = anchor.count - 2
        last = con.execute(
            "SELECT hash FROM audit_event ORDER BY id LIMIT 1 OFFSET ?", (n - 1,)
        ).fetchone()[0]
        con.execute(
            "DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event "
            "ORDER BY id DESC LIMIT 2)"
        )
        con.execute("UPDATE audit_head SET count = ?, last_hash = ?", (n, last))
    con.close()
    assert main(["--db", str(db), "audit", "verify", "--anchor", head]) == 1
    assert "少于锚点记录" in capsys.readouterr().out
    assert main(["--db", str(db), "audit", "verify"]) == 1  # the journal remembers the backup
    assert "本机记录的审计锚点" in capsys.readouterr().out
    assert main(["--db", str(db), "check"]) == 1
    assert "[audit_anchor]" in capsys.readouterr().out
    assert main(["--db", str(db), "audit", "verify", "--anchor", "12:34"]) == 2


def test_checkpoint_pdf(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`audit checkpoint` (admin only) writes an owner-only PDF with office, count and hash;
    the print is itself audited and included in the printed anchor."""
    db = tmp_path / "c.sqlite3"
    assert main(["--db", str(db), "init", "--plain"]) == 0
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    assert (
        main(
            [
                "--db",
                str(db),
                "--user",
                "admin",
                "office",
                "set",
                "--township",
                "410482106",
                "--name",
                "蟒川镇民政所",
            ]
        )
        == 0
    )
    pdf = tmp_path / "checkpoint.pdf"
    capsys.readouterr()
    assert main(["--db", str(db), "--user", "admin", "audit", "checkpoint", "--out", str(pdf)]) == 0
    printed = capsys.readouterr().out
    anchor, tag = parse_anchor(printed.rsplit("审计锚点：", 1)[1].strip())
    assert pdf.stat().st_mode & 0o777 == 0o600
    body = "".join(p.extract_text() for p in PdfReader(pdf).pages).replace(" ", "")
    assert "审计日志核对点" in body and "蟒川镇民政所" in body
    assert anchor.hash in body.replace("\n", "") and str(anchor.count) in body
    con = sqlite3.connect(db)
    action = con.execute("SELECT action FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()[0]
    con.close()
    assert action == "audit.checkpoint"
    assert main(["--db", str(db), "audit", "verify", "--anchor", f"{anchor.text}:{tag}"]) == 0
    assert (
        main(["--db", str(db), "--user", "admin", "audit", "checkpoint", "--out", str(pdf)]) == 2
    )  # no silent overwrite
    png = tmp_path / "checkpoint"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(png)], check=True
    )


def test_check_finds_roster_unlocked_behind_the_application(
    db: Database, actors: dict[str, Actor]
) -> None:
    """A roster that was locked (audited) and is now a draft without an audited unlock, or a
    locked roster without its lock event, is a `check` finding; audited lock/unlock is not."""
    from datetime import date

    from reliefdesk.models import Roster
    from reliefdesk.services import audit
    from reliefdesk.services.check import check_roster_unlocks

    with db.session() as s:
        honest = Roster(month=date(2026, 1, 1), programme="urban_dibao", status="draft")
        forged = Roster(month=date(2026, 1, 1), programme="rural_dibao", status="draft")
        sneaky = Roster(month=date(2026, 1, 1), programme="tekun", status="locked")
        s.add_all([honest, forged, sneaky])
        s.flush()
        for roster in (honest, forged):
            audit.record(s, actors["approver"], "roster.lock", "roster", roster.id)
        audit.record(s, actors["admin"], "roster.unlock", "roster", honest.id)
        ids = (honest.id, forged.id, sneaky.id)
    with db.read_session() as s:
        found = {(p.kind, p.entity_id) for p in check_roster_unlocks(s)}
    assert found == {("roster_unlock_unaudited", ids[1]), ("roster_lock_unaudited", ids[2])}
