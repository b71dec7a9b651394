"""Roster tamper evidence and export safety (issue 13): a forged roster with a recomputed hash
is refused by check, every export and the printout; printouts and workbooks carry the lock
hash and the audit head; the bank file is only for the configured roles; exports are staged,
audited and committed before their files appear (kill point: no file without its audit)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, text
from test_roster_support import make_household, setup_policy

from reliefdesk.documents.xlsx import DEFAULT_BANK_TEMPLATE
from reliefdesk.errors import PermissionDenied, RuleViolation, ValidationError
from reliefdesk.models import AuditEvent, Roster, RosterExport
from reliefdesk.services import audit, printing, roster, settings
from reliefdesk.services.audit_anchor import current_anchor
from reliefdesk.services.check import run_checks
from reliefdesk.services.export_staging import PREFIX, SUFFIX


def _locked(db, actors, month: str = "2026-01") -> roster.RosterView:
    view = roster.generate(db, actors["clerk"], month, with_lines=True)
    return roster.lock(db, actors["approver"], view.id)


def _forge(db, roster_id: int) -> str:
    """Change line 2's account and amount and store the recomputed hash (what an attacker
    with the database file can do); returns the forged hash."""
    with db.session() as s:
        s.execute(
            text(
                "UPDATE roster_line SET account = '6222020000000000001', "
                "paid_fen = paid_fen + 100000 WHERE roster_id = :r AND line_no = 2"
            ),
            {"r": roster_id},
        )
        r = s.get(Roster, roster_id)
        r.amount_fen += 100000
        s.flush()
        forged = roster.roster_hash(s, r)
        r.lines_sha256 = forged
    return forged


def test_forged_roster_with_recomputed_hash_is_refused_everywhere(db, actors, tmp_path):
    """Account and amount changed and the hash recomputed: the audited lock hash disagrees, so
    check reports it and the export, the bank return import and the printout refuse."""
    setup_policy(db)
    make_household(db)
    make_household(db)
    view = _locked(db, actors)
    forged = _forge(db, view.id)
    with db.session() as s:
        [problem] = roster.verify_locked_rosters(s)
        assert problem.code == "roster.tampered" and "锁定审计记录" in problem.message_zh
    report = run_checks(db)
    assert [p.entity_id for p in report.problems if p.kind == "roster_hash"] == [view.id]
    out = tmp_path / "out"
    for kinds in (None, ("bank",), ("roster",)):
        with pytest.raises(RuleViolation) as exc:
            roster.export(db, actors["approver"], view.id, out, kinds)
        assert exc.value.code == "roster.tampered"
    assert not out.exists() or list(out.iterdir()) == []
    with pytest.raises(RuleViolation):
        printing.roster_pdf(db, actors["clerk"], "2026-01")
    with db.session() as s:
        assert s.scalar(select(func.count(RosterExport.id))) == 0
    assert forged != view.lines_sha256


def test_forged_one_off_list_is_refused(db, actors, tmp_path):
    """The 临时救助 list export goes through the same seal check."""
    from test_temp_aid_payment import _grant

    setup_policy(db)
    _grant(db, actors)
    lst = roster.generate(db, actors["clerk"], "2025-03", "temporary_aid", with_lines=True)
    roster.lock(db, actors["approver"], lst.id)
    with db.session() as s:
        r = s.get(Roster, lst.id)
        s.execute(
            text("UPDATE roster_line SET account = '6222020000000000001' WHERE roster_id = :r"),
            {"r": lst.id},
        )
        r.lines_sha256 = roster.roster_hash(s, r)
    with pytest.raises(RuleViolation) as exc:
        roster.export(db, actors["approver"], lst.id, tmp_path / "o")
    assert exc.value.code == "roster.tampered"


def test_lock_without_audit_event_is_a_finding(db, actors):
    """A roster locked in the database with no roster.lock event is reported by check."""
    setup_policy(db)
    make_household(db)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    with db.session() as s:
        r = s.get(Roster, view.id)
        r.status = "locked"
        r.lines_sha256 = roster.roster_hash(s, r)
    with db.session() as s:
        [problem] = roster.verify_locked_rosters(s)
        assert "没有锁定的审计记录" in problem.message_zh
    kinds = {p.kind for p in run_checks(db).problems}
    assert {"roster_hash", "roster_lock_unaudited"} <= kinds


def test_printout_and_workbooks_carry_hash_and_audit_head(db, actors, tmp_path):
    """The roster PDF prints the lock hash and the audit head; the internal roster and summary
    carry both on a footer line, the bank file in its document properties (its columns stay
    the template's); file names carry the hash prefix; the export event records the head."""
    setup_policy(db)
    make_household(db)
    view = _locked(db, actors)
    head = current_anchor(db)
    res = printing.roster_pdf(db, actors["clerk"], "2026-01")
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(res.pdf)).pages)
    flat = pdf_text.replace("\n", "")
    assert view.lines_sha256 in flat and f"{head.count}:{head.hash}" in flat
    before = current_anchor(db)
    results = roster.export(db, actors["approver"], view.id, tmp_path)
    assert all(view.lines_sha256[:8] in r.path.name for r in results)
    bank, internal, summary = results
    for r in (internal, summary):
        cells = [
            str(c)
            for row in openpyxl.load_workbook(r.path).worksheets[0].iter_rows(values_only=True)
            for c in row
            if c
        ]
        assert f"花名册哈希：{view.lines_sha256}　审计链头：{before.text}" in cells
    wb = openpyxl.load_workbook(bank.path)
    assert before.text in wb.properties.description
    assert [c.value for c in wb.worksheets[0][1]] == [
        c.header for c in DEFAULT_BANK_TEMPLATE.columns
    ]
    assert all(
        before.text not in str(c)
        for row in wb.worksheets[0].iter_rows(values_only=True)
        for c in row
    )
    with db.session() as s:
        details = [
            e.detail
            for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "roster.export"))
        ]
    assert [d["audit_head"] for d in details] == [before.text] * 3


def test_bank_file_only_for_configured_roles(db, actors, tmp_path):
    """Default: only the approver gets the bank file; a clerk asking for it is refused with a
    clear message (the internal roster is still allowed); the admin may name other roles."""
    setup_policy(db)
    make_household(db)
    view = _locked(db, actors)
    with pytest.raises(PermissionDenied) as exc:
        roster.export(db, actors["clerk"], view.id, tmp_path / "a", ("bank",))
    assert "银行代发文件" in str(exc.value) and "负责人" in str(exc.value)
    assert not list((tmp_path / "a").glob("*.xlsx"))
    names = [r.path.name for r in roster.export(db, actors["clerk"], view.id, tmp_path / "b")]
    assert not any("银行代发" in n for n in names) and len(names) == 2
    with pytest.raises(ValidationError), db.session() as s:
        settings.set_setting(s, actors["admin"], "roster.bank_export_roles", ["auditor"])
    with db.session() as s:
        settings.set_setting(s, actors["admin"], "roster.bank_export_roles", ["approver", "clerk"])
    [bank] = roster.export(db, actors["clerk"], view.id, tmp_path / "c", ("bank",))
    assert "银行代发" in bank.path.name


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from reliefdesk.db.connect import open_database
    from reliefdesk.services import audit, roster
    from reliefdesk.services.context import Actor

    real = audit.record

    def record(session, actor, action, *args, **kw):
        ev = real(session, actor, action, *args, **kw)
        if action == "roster.export" and kw.get("detail", {}).get("kind") == "summary":
            print("written", flush=True)   # every file written and audited, not committed
            os.kill(os.getpid(), signal.SIGKILL)
        return ev

    audit.record = record
    db = open_database(sys.argv[1])
    actor = Actor(int(sys.argv[3]), "approver", "approver", "approver")
    roster.export(db, actor, int(sys.argv[2]), sys.argv[4])
    """
)


def test_export_killed_before_commit_leaves_no_file_and_no_tmp(db, actors, tmp_path):
    """SIGKILL after the files are written and audited but before the commit: no export is
    recorded, no file appears under its name; the next export sweeps the staging folder and
    leaves exactly its three recorded files and no .tmp."""
    setup_policy(db)
    make_household(db)
    view = _locked(db, actors)
    out = tmp_path / "out"
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    proc = subprocess.run(
        [
            sys.executable,
            str(script),
            db.url,
            str(view.id),
            str(actors["approver"].user_id),
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == -signal.SIGKILL and "written" in proc.stdout, proc.stderr
    assert list(out.glob("*.xlsx")) == []
    assert len(list(out.glob(f"{PREFIX}*{SUFFIX}"))) == 1  # the dead export's staging folder
    with db.session() as s:
        assert s.scalar(select(func.count(RosterExport.id))) == 0
        assert audit.verify_chain(s) == []
    results = roster.export(db, actors["approver"], view.id, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(r.path.name for r in results)
    assert not list(out.rglob("*.tmp"))
    with db.session() as s:
        recorded = set(s.scalars(select(RosterExport.file_name)))
    assert recorded == {r.path.name for r in results}
