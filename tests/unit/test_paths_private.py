"""Private files: owner-only modes on POSIX, and the Windows ACL command (SYSTEM + the user)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reliefdesk.paths import make_private, windows_acl_command


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
