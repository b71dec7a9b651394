"""Errors the core raises on purpose.

Every known error carries a stable ``code``, the ``params`` that filled its message, and a
clear one-line message in the current language (Chinese by default). The CLI prints
``str(error)``; the UI shows it next to the field named by ``field`` when there is one.
Anything that is *not* a ReliefError is a bug and goes to the crash dialog / traceback log.
"""

from __future__ import annotations

from typing import Any


class ReliefError(Exception):
    """Base of all expected, user-facing errors."""

    code: str = "error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        rule: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.field = field
        self.rule = rule
        self.params = params

    def __str__(self) -> str:
        if self.rule:
            return f"{self.message}（依据：{self.rule}）"
        return self.message


class ValidationError(ReliefError):
    """Bad input: a wrong ID number, a negative income, a malformed file."""

    code = "validation"


class RuleViolation(ReliefError):
    """A legal or business rule forbids this step; ``rule`` names the rule."""

    code = "rule"


class PermissionDenied(ReliefError):
    """The acting user's role may not do this."""

    code = "permission"


class NotFound(ReliefError):
    code = "not_found"


class StaleDataError(ReliefError):
    """Someone else changed the record since it was read; nothing was written."""

    code = "stale"


class AuthError(ReliefError):
    """Wrong password, locked account, unknown user."""

    code = "auth"


class DatabaseError(ReliefError):
    """The database cannot be opened or used (newer schema, network share, corrupt file...)."""

    code = "database"


class LockedError(ReliefError):
    """The object (a roster) is locked and cannot change."""

    code = "locked"
