"""Rotating log file for the GUI process (the composition root calls ``setup_logging`` once)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "reliefdesk.log"
_FORMAT = "%(asctime)s %(levelname)-8s [%(threadName)s] %(name)s: %(message)s"

_handler: logging.handlers.RotatingFileHandler | None = None


def setup_logging(
    log_dir: Path,
    *,
    level: int = logging.INFO,
    max_bytes: int = 2 * 1024 * 1024,
    backup_count: int = 5,
) -> Path:
    """Send the root logger to ``log_dir/reliefdesk.log`` (rotated) and return that path.

    Calling it again replaces the previous handler, so tests and restarts do not stack handlers.
    """
    global _handler
    shutdown_logging()
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handler = handler
    return path


def current_log_path() -> Path | None:
    """The file the installed handler writes to, or None before ``setup_logging``."""
    return Path(_handler.baseFilename) if _handler is not None else None


def shutdown_logging() -> None:
    """Remove and close the handler installed by ``setup_logging`` (no-op when none)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
