"""Private files: owner-only modes on POSIX, and the Windows ACL command (SYSTEM + the user)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reliefdesk.errors import ValidationError
from reliefdesk.paths import make_private, windows_acl_command, write_private


def test_make_private_sets_owner_only_modes_on_files_and_folders(tmp_path: Path):
    """A file we created becomes 0600 and a folder 0700, whatever the umask made them."""
    f, d = tmp_path / "bank.xlsx", tmp_path / "exports"
    f.write_bytes(b"x")
    d.mkdir()
    os.chmod(f, 0o644)
    os.chmod(d, 0o755)
    make_private(f)
    make_private(d)
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert stat.S_IMODE(d.stat().st_mode) == 0o700


def test_windows_acl_grants_only_the_user_and_system_and_drops_inherited_entries():
    """The icacls call removes inherited entries and grants full control to the user and
    LocalSystem only; a folder's grant is inherited by the files created in it."""
    cmd = windows_acl_command(Path("C:/data/x.sqlite3"), "TOWN\\clerk")
    assert cmd[0] == "icacls" and "/inheritance:r" in cmd and "/grant:r" in cmd
    grants = [a for a in cmd if a.endswith(":F") or a.endswith(":(OI)(CI)F")]
    assert grants == ["TOWN\\clerk:F", "*S-1-5-18:F"]
    folder = windows_acl_command(Path("C:/data"), "TOWN\\clerk", folder=True)
    assert "TOWN\\clerk:(OI)(CI)F" in folder


def test_write_private_writes_owner_only_and_replaces_atomically(tmp_path: Path):
    """The one file writer leaves the full new content, owner-only, and no temporary file."""
    target = tmp_path / "form.pdf"
    target.write_bytes(b"old")
    write_private(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF new"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.pdf"]


def test_write_private_reports_a_missing_folder_in_chinese(tmp_path: Path):
    """A missing output folder is a clear ValidationError naming the folder, nothing written."""
    with pytest.raises(ValidationError, match="文件夹不存在"):
        write_private(tmp_path / "nowhere" / "form.pdf", b"x")
    assert not (tmp_path / "nowhere").exists()


def test_write_private_reports_a_failed_write_and_leaves_no_temporary_file(tmp_path: Path):
    """A write that fails at the rename (the name is taken by a folder) gives a Chinese error,
    leaves that folder as it was and no temporary file behind."""
    taken = tmp_path / "form.pdf"
    taken.mkdir()
    (taken / "inside.txt").write_bytes(b"keep")
    with pytest.raises(ValidationError, match="无法保存文件"):
        write_private(taken, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.pdf"]
    assert (taken / "inside.txt").read_bytes() == b"keep"
