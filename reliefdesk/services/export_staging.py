"""Export files that never exist without their audit record (issue 13).

Files are written into a hidden staging folder next to their destination, the export is
audited and committed, and only then are the files renamed into place (``os.replace``, atomic
on one file system). A crash before the commit leaves only the staging folder, which the next
export into that folder, or the program's next start, removes (:func:`sweep`); a crash after the commit leaves an audit
record whose files were never published, which is safe (nothing went to the bank unrecorded).
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

from ..paths import make_private

__all__ = ["PREFIX", "SUFFIX", "new_staging", "publish", "sweep", "sweep_folders"]

PREFIX = ".reliefdesk-export-"
SUFFIX = ".tmp"
_STALE_SECONDS = 3600


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # decided by age alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(out: Path) -> int:
    """Remove staging folders in ``out`` left by a crashed export (dead process, or older than
    an hour); returns how many were removed."""
    removed = 0
    if not out.is_dir():
        return 0
    for entry in out.glob(f"{PREFIX}*{SUFFIX}"):
        try:
            pid = int(entry.name[len(PREFIX) :].split("-", 1)[0])
        except ValueError:
            continue
        try:
            old = time.time() - entry.stat().st_mtime > _STALE_SECONDS
        except OSError:
            continue
        if pid != os.getpid() and (old or not _alive(pid)):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    return removed


def sweep_folders(folders: list[str]) -> int:
    """:func:`sweep` each folder (at start-up, over the folders exported into before);
    unreadable or vanished folders are skipped. Returns how many staging folders went."""
    removed = 0
    for folder in folders:
        try:
            removed += sweep(Path(folder))
        except OSError:
            continue
    return removed


def new_staging(out: Path) -> Path:
    """A fresh owner-only staging folder inside ``out`` (stale ones are swept first)."""
    out.mkdir(parents=True, exist_ok=True)
    sweep(out)
    staging = out / f"{PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}{SUFFIX}"
    staging.mkdir(mode=0o700)
    return staging


def publish(staging: Path, names: list[str]) -> list[Path]:
    """Move the staged files to the staging folder's parent and remove the folder."""
    out = staging.parent
    finals = []
    for name in names:
        target = out / name
        os.replace(staging / name, target)
        make_private(target)  # owner-only (POSIX: already by umask; Windows: the user's ACL)
        finals.append(target)
    shutil.rmtree(staging, ignore_errors=True)
    return finals
