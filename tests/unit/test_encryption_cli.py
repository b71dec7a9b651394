"""Encryption at rest through ``reliefdesk-admin`` (issue 19): a new office is encrypted by
default, commands need ``--user`` and a password to open it, ``encrypt`` converts a plain
office in place (refused while the file is open elsewhere; a crash at any step leaves the old
plain file or the new encrypted one), ``recover`` and ``restore`` with the recovery code."""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from reliefdesk.cli import main
from reliefdesk.db.cipher import is_plain_file
from reliefdesk.db.keyfile import keyfile_path

ADMIN_PW = "Admin#Pass2026"
CLERK_PW = "Clerk#Pass2026"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    for var in ("RELIEFDESK_DB", "RELIEFDESK_RECOVERY_CODE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("RELIEFDESK_NEW_PASSWORD", CLERK_PW)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return monkeypatch


def _code(out: str) -> str:
    found = re.search(r"恢复码：([0-9A-Z-]{29})", out)
    assert found, out
    return found.group(1)


def test_init_creates_an_encrypted_office_with_a_recovery_sheet(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``init`` makes an encrypted file, its key file and the printed recovery code (PDF with
    the code); ``check`` without --user is refused, with a wrong password too, with the
    right one it runs."""
    db, pdf = tmp_path / "o.sqlite3", tmp_path / "rec.pdf"
    assert main(["--db", str(db), "init", "--recovery-pdf", str(pdf)]) == 0
    code = _code(capsys.readouterr().out)
    assert not is_plain_file(db) and keyfile_path(db).exists()
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert code in text and "恢复码" in text
    assert main(["--db", str(db), "check"]) == 3
    assert "已加密" in capsys.readouterr().err
    env.setenv("RELIEFDESK_PASSWORD", "Wrong#Pass1")
    assert main(["--db", str(db), "--user", "admin", "check"]) == 3
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    assert main(["--db", str(db), "--user", "admin", "check"]) == 0
    assert main(["--db", str(db), "--user", "admin", "audit", "verify"]) == 0


def test_recover_with_the_code_and_a_wrong_code(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``recover --code`` sets a new admin password; a wrong code exits 3 and changes
    nothing."""
    db = tmp_path / "o.sqlite3"
    assert main(["--db", str(db), "init"]) == 0
    code = _code(capsys.readouterr().out)
    env.setenv("RELIEFDESK_NEW_PASSWORD", "Fresh#Pass2026")
    assert main(["--db", str(db), "--user", "admin", "recover", "--code", "X" * 25]) == 3
    assert "恢复码不正确" in capsys.readouterr().err
    assert main(["--db", str(db), "--user", "admin", "recover", "--code", code]) == 0
    env.setenv("RELIEFDESK_PASSWORD", "Fresh#Pass2026")
    assert main(["--db", str(db), "--user", "admin", "user", "list"]) == 0


def test_encrypt_converts_a_plain_office_and_is_refused_while_open(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``encrypt`` is refused while another connection has the file open (file untouched);
    then converts it: a verified backup first, itself encrypted with the new key (named in
    the output, its key file beside it, no plain copy left), rows kept, audit event, users
    without a slot named and told at sign-in to have their password reset; they sign in
    after the admin sets their password."""
    db = tmp_path / "p.sqlite3"
    assert main(["--db", str(db), "init", "--plain"]) == 0
    assert (
        main(["--db", str(db), "--user", "admin", "user", "add", "clerk1", "--role", "clerk"]) == 0
    )
    other = subprocess.Popen(  # another program has the database open (idle)
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(db)!r}); c.execute('SELECT count(*) FROM app_user')\n"
            "print('open', flush=True); time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        capsys.readouterr()
        assert main(["--db", str(db), "--user", "admin", "encrypt"]) != 0
        assert "正被其他程序使用" in capsys.readouterr().err
    finally:
        other.kill()
        other.communicate()
    assert is_plain_file(db)
    assert main(["--db", str(db), "--user", "admin", "encrypt"]) == 0
    out = capsys.readouterr().out
    assert "此用户尚未获得新加密数据库的密钥，请管理员重置密码：clerk1" in out and _code(out)
    assert not is_plain_file(db)
    backup = _pre_encrypt_backup(tmp_path / "home")
    assert f"加密前的备份（已用新密钥加密，密钥文件 {backup.name}.keys 在其旁边）：{backup}" in out
    assert not is_plain_file(backup) and keyfile_path(backup).exists()
    assert b"SQLite format 3" not in backup.read_bytes()
    side = json.loads(backup.with_name(backup.name + ".json").read_text(encoding="utf-8"))
    assert side["encrypted"] is True and side["reason"] == "pre-encrypt"
    assert list(tmp_path.glob("**/*.encrypting")) == []
    assert main(["--db", str(db), "--user", "admin", "audit", "verify"]) == 0
    restored = tmp_path / "newpc" / "office.sqlite3"
    assert main(["--db", str(restored), "--user", "admin", "restore", str(backup), "--yes"]) == 0
    assert main(["--db", str(restored), "--user", "admin", "user", "list"]) == 0
    env.setenv("RELIEFDESK_PASSWORD", CLERK_PW)
    capsys.readouterr()
    assert main(["--db", str(db), "--user", "clerk1", "check"]) == 3  # no slot yet
    assert "此用户尚未获得新加密数据库的密钥，请管理员重置密码" in capsys.readouterr().err
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    env.setenv("RELIEFDESK_NEW_PASSWORD", "Clerk#Pass2027")
    from reliefdesk.services import users
    from reliefdesk.services.signin import sign_in

    opened, admin = sign_in(f"sqlite:///{db}", "admin", ADMIN_PW)
    users.set_password(opened, admin, "clerk1", "Clerk#Pass2027")
    opened.close()
    env.setenv("RELIEFDESK_PASSWORD", "Clerk#Pass2027")
    assert main(["--db", str(db), "--user", "clerk1", "check"]) == 0
    con = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT count(*) FROM app_user").fetchone()
    con.close()


KILL_POINTS = ["exported-before", "exported", "verified", "keys-written", "renamed", "scrubbed"]
DONE_POINTS = {"renamed", "scrubbed"}  # the encrypted file is in place


def _pre_encrypt_backup(home: Path) -> Path:
    found = sorted((home / "backups").glob("reliefdesk-pre-encrypt-*.sqlite3"))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("target", ["backup", "database"])
@pytest.mark.parametrize("point", KILL_POINTS)
def test_crash_during_conversion_leaves_plain_or_encrypted(
    env: pytest.MonkeyPatch, tmp_path: Path, point: str, target: str
) -> None:
    """Kill point: the process dies at each step of ``encrypt`` (of the safety backup, which
    is converted first, or of the database); afterwards the office opens either as the old
    plain file or as the new encrypted one, with all its users, and the backup either plain
    or encrypted too — never plain beside an encrypted database."""
    db = tmp_path / "p.sqlite3"
    assert main(["--db", str(db), "init", "--plain"]) == 0
    assert (
        main(["--db", str(db), "--user", "admin", "user", "add", "clerk1", "--role", "clerk"]) == 0
    )
    code = (
        "import os\n"
        "import reliefdesk.db.convert as c\n"
        f"c._step = lambda name, path: os._exit(9) if name == {point!r} "
        f"and (path.name == {db.name!r}) == {target == 'database'!r} else None\n"
        "from reliefdesk.cli import main\n"
        f"main(['--db', {str(db)!r}, '--user', 'admin', 'encrypt'])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=dict(os.environ),
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 9, proc.stderr
    backup = _pre_encrypt_backup(tmp_path / "home")
    encrypted = not is_plain_file(db)
    backup_encrypted = not is_plain_file(backup)
    assert encrypted == (target == "database" and point in DONE_POINTS)
    assert backup_encrypted == (target == "database" or point in DONE_POINTS)
    assert backup_encrypted == keyfile_path(backup).exists() or point == "keys-written"
    assert main(["--db", str(db), "--user", "admin", "user", "list"]) == 0
    assert main(["--db", str(db), "--user", "admin", "audit", "verify"]) == 0
    if not encrypted:  # the conversion can simply be run again
        assert main(["--db", str(db), "--user", "admin", "encrypt"]) == 0
        assert not is_plain_file(db)
    assert not db.with_name(db.name + ".encrypting").exists() or not encrypted


def test_restore_an_encrypted_backup_on_a_new_pc_with_the_code(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A backup of an encrypted office is encrypted with its key file beside it; on a new PC
    it restores with the recovery code alone (no password), or with a user's password."""
    db = tmp_path / "o.sqlite3"
    assert main(["--db", str(db), "init"]) == 0
    code = _code(capsys.readouterr().out)
    bak = tmp_path / "usb" / "bak.sqlite3"
    assert main(["--db", str(db), "--user", "admin", "backup", "--out", str(bak)]) == 0
    assert not is_plain_file(bak) and keyfile_path(bak).exists()
    env.delenv("RELIEFDESK_PASSWORD")
    new_pc = tmp_path / "new" / "o.sqlite3"
    assert (
        main(
            [
                "--db",
                str(new_pc),
                "--user",
                "admin",
                "restore",
                str(bak),
                "--yes",
                "--code",
                "0" * 25,
            ]
        )
        == 3
    )
    assert not new_pc.exists()
    assert (
        main(["--db", str(new_pc), "--user", "admin", "restore", str(bak), "--yes", "--code", code])
        == 0
    )
    assert not is_plain_file(new_pc) and keyfile_path(new_pc).exists()
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    assert main(["--db", str(new_pc), "--user", "admin", "audit", "verify"]) == 0
    second = tmp_path / "second" / "o.sqlite3"
    assert main(["--db", str(second), "--user", "admin", "restore", str(bak), "--yes"]) == 0
    assert main(["--db", str(second), "--user", "admin", "check"]) == 0
