"""Where reliefdesk keeps its files, and how a ``--db`` argument becomes a database URL."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "reliefdesk"
ENV_DB = "RELIEFDESK_DB"


def data_dir() -> Path:
    """The per-user data directory (created on demand)."""
    path = Path(os.environ.get("RELIEFDESK_HOME") or platformdirs.user_data_dir(APP_NAME, False))
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True)
        make_private(path)  # the database, backups and logs inherit it (Windows: per-user ACL)
    return path


def config_dir() -> Path:
    """Per-user configuration outside the database (the audit anchor key lives here)."""
    home = os.environ.get("RELIEFDESK_HOME")
    path = Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def private_umask() -> None:
    """Make every file this process creates owner-only (0600, folders 0700) on POSIX.

    Called once by each entry point, so the database, its WAL, backups, exports, PDFs and
    logs are private even when a library (SQLite, reportlab, openpyxl) creates the file.
    """
    if os.name == "posix":
        os.umask(0o077)


SYSTEM_SID = "*S-1-5-18"  # Windows' LocalSystem account (backup and antivirus services)


def windows_acl_command(path: Path, user: str, *, folder: bool = False) -> list[str]:
    """The ``icacls`` call that leaves only ``user`` (DOMAIN\\name) and SYSTEM with access to
    ``path``: inherited entries removed, full control granted (inherited by a folder's files)."""
    grant = "(OI)(CI)F" if folder else "F"
    return [
        "icacls",
        str(path),
        "/inheritance:r",
        "/grant:r",
        f"{user}:{grant}",
        f"{SYSTEM_SID}:{grant}",
        "/q",
    ]


def _windows_user() -> str:
    user = os.environ.get("USERNAME", "")
    domain = os.environ.get("USERDOMAIN", "")
    return f"{domain}\\{user}" if domain and user else user


def make_private(path: Path) -> None:
    """Owner-only permissions on a file or folder we created (no-op if we cannot): 0600/0700
    on POSIX, an ACL for the signed-in Windows user and SYSTEM only on Windows (the per-user
    ACL of issue 13; a folder's ACL is inherited by the files created in it later)."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        user = _windows_user()
        if user and path.exists():
            import subprocess

            subprocess.run(
                windows_acl_command(path, user, folder=path.is_dir()),
                check=False,
                capture_output=True,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        return
    if os.name != "posix":
        return
    try:
        if path.stat().st_uid == os.getuid():
            os.chmod(path, 0o700 if path.is_dir() else 0o600)
    except OSError:
        pass


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` owner-only, via a temporary file in the same folder and an
    atomic rename (no half-written file, no stray temporary file on error). The one writer of
    single files the program hands to the user (PDFs, checkpoints, recovery sheets); a missing
    folder or a failed write is a :class:`ValidationError` with a Chinese message."""
    import tempfile

    from .errors import ValidationError

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"文件夹不存在：{folder}", code="file.folder", field="out")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)  # 0600
    except OSError as exc:
        raise ValidationError(
            f"无法写入文件夹 {folder}：{exc.strerror or exc}", code="file.write", field="out"
        ) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ValidationError(
                f"无法保存文件 {path}：{exc.strerror or exc}", code="file.write", field="out"
            ) from exc
        raise


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "reliefdesk.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite3"


def resolve_db_url(arg: str | None = None) -> str:
    """``--db`` wins, then ``RELIEFDESK_DB``, then the default file.

    A value containing ``://`` is taken as a SQLAlchemy URL (``postgresql+psycopg://...``);
    anything else is a file path for SQLite.
    """
    value = arg or os.environ.get(ENV_DB) or str(default_db_path())
    return to_url(value)


def to_url(value: str) -> str:
    if "://" in value:
        if value.startswith("postgresql://") or value.startswith("postgres://"):
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    return None
