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
    path.mkdir(parents=True, exist_ok=True)
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


def make_private(path: Path) -> None:
    """Owner-only permissions on an existing file we created (no-op if we cannot)."""
    if os.name != "posix":  # pragma: no cover - Windows: per-user profile folders already
        return
    try:
        if path.is_file() and path.stat().st_uid == os.getuid():
            os.chmod(path, 0o600)
    except OSError:
        pass


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` owner-only, via a temporary file in the same folder and an
    atomic rename (no half-written file, no stray temporary file on error)."""
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)  # 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
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
