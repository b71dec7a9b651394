"""Logging that never writes personal data: ID numbers, account and phone numbers, passwords.

:func:`install_masking` replaces the log record factory once per process, so EVERY record —
from our code, SQLAlchemy (statements and their parameters), Alembic or Qt — has its message
and its traceback text passed through :func:`mask_sensitive` before any handler sees it. The
GUI's rotating file and the CLI's crash log both rely on it; crash reports written directly
(not through logging) call :func:`mask_sensitive` themselves.
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any

from .domain.masking import mask_id, mask_phone

__all__ = ["install_masking", "mask_sensitive"]

# An 18-digit ID number (last character may be X) or a 15-digit old one.
_ID = re.compile(
    r"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])"
    r"|(?<![0-9A-Za-z])[1-9][0-9]{14}(?![0-9A-Za-z])"
)
# Account numbers: 12 or more digits, possibly grouped by spaces or dashes in fours.
_ACCOUNT = re.compile(
    r"(?<![0-9])[0-9]{12,}(?![0-9])"
    r"|(?<![0-9])[0-9]{4}(?:[ -][0-9]{4}){2,}(?:[ -][0-9]{1,4})?(?![0-9])"
)
_PHONE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_PASSWORD = re.compile(
    r"(?i)((?:password|passwd|pwd|密码|口令)[\"']?\s*[=:：]\s*)"
    r"(\"[^\"]*\"|'[^']*'|\S+)"
)
_HASH = re.compile(r"\$argon2[a-z]*\$[^\s'\"]+")


def _account(m: re.Match[str]) -> str:
    digits = re.sub(r"[ -]", "", m.group(0))
    return "****" + digits[-4:]


def mask_sensitive(text: str) -> str:
    """``text`` with ID, account and phone numbers masked and passwords/hashes removed."""
    if not text:
        return text
    text = _PASSWORD.sub(lambda m: m.group(1) + "***", text)
    text = _HASH.sub("$argon2***", text)
    text = _ID.sub(lambda m: mask_id(m.group(0)), text)
    text = _ACCOUNT.sub(_account, text)
    return _PHONE.sub(lambda m: mask_phone(m.group(0)), text)


_installed = False


def install_masking() -> None:
    """Mask every log record of this process (idempotent)."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:
            return record
        record.msg, record.args = mask_sensitive(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_sensitive(
                "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            )
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
