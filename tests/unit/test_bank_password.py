"""Password-protected bank workbook (issue 19): off by default; on request (or by the office
setting) the bank file opens only with the one-time password, which is never stored or
audited; the export's audit event says the file was protected."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from msoffcrypto.exceptions import InvalidKeyError
from sqlalchemy import select
from test_roster_support import make_household, setup_policy

from reliefdesk.models import AuditEvent, RosterExport
from reliefdesk.services import roster
from reliefdesk.services.roster.io import BANK_PASSWORD_SETTING
from reliefdesk.services.settings import set_setting


def _locked(db, actors) -> roster.RosterView:  # type: ignore[no-untyped-def]
    setup_policy(db)
    for p in (1, 2):
        make_household(db, persons=p, pci_fen=10000 * p)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    return roster.lock(db, actors["approver"], view.id)


def test_bank_workbook_is_plain_by_default_and_protected_on_request(db, actors, tmp_path):  # type: ignore[no-untyped-def]
    """Default: a plain workbook, no password. Asked for: only the bank file is encrypted,
    it opens with the shown password (same rows), a wrong one fails; the hash recorded is
    the protected file's; the audit says protected and never holds the password."""
    view = _locked(db, actors)
    plain = roster.export(db, actors["approver"], view.id, tmp_path / "a", kinds=("bank",))
    assert plain[0].password == "" and openpyxl.load_workbook(plain[0].path)
    out = roster.export(db, actors["approver"], view.id, tmp_path / "b", protect_bank=True)
    bank, others = out[0], out[1:]
    assert len(bank.password) == 12 and all(r.password == "" for r in others)
    with pytest.raises(zipfile.BadZipFile):  # an encrypted OLE container, not an .xlsx zip
        openpyxl.load_workbook(bank.path)
    data = io.BytesIO(Path(bank.path).read_bytes())
    office = msoffcrypto.OfficeFile(data)
    office.load_key(password=bank.password)
    clear = io.BytesIO()
    office.decrypt(clear)
    ws = openpyxl.load_workbook(clear).worksheets[0]
    assert ws.max_row - 1 == bank.rows
    wrong = msoffcrypto.OfficeFile(io.BytesIO(Path(bank.path).read_bytes()))
    with pytest.raises(InvalidKeyError):
        wrong.load_key(password="not-it", verify_password=True)
    with db.read_session() as s:
        hashes = set(
            s.scalars(
                select(RosterExport.file_sha256).where(
                    RosterExport.file_name == Path(bank.path).name
                )
            )
        )
        events = [
            e.detail
            for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "roster.export"))
        ]
    import hashlib

    assert hashlib.sha256(Path(bank.path).read_bytes()).hexdigest() in hashes
    assert any("password_protected" in str(d) for d in events)
    assert not any(bank.password in str(d) for d in events)


def test_office_setting_turns_protection_on(db, actors, tmp_path):  # type: ignore[no-untyped-def]
    """With the office setting on, an export without an explicit choice is protected."""
    view = _locked(db, actors)
    with db.session() as s:
        set_setting(s, actors["admin"], BANK_PASSWORD_SETTING, True)
    out = roster.export(db, actors["approver"], view.id, tmp_path, kinds=("bank",))
    assert out[0].password
