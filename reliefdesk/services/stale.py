"""The one check that a row is still the version the clerk saw (optimistic locking).

Every service that changes a row a user edited takes ``expected_version`` (the ``version`` of
the view the window showed) and calls :func:`check_version` before writing. The windows always
pass it (``tests/unit/test_expected_version.py`` checks every call under ``reliefdesk/ui``); a
CLI command names the row by id and acts on it as it is, so it passes ``None``. A concurrent
write between the check and the commit is caught by the ORM's own version counter
(:class:`reliefdesk.errors.StaleDataError` from ``db.engine``).
"""

from __future__ import annotations

from ..errors import StaleDataError

__all__ = ["check_version"]


def check_version(what: str, current: int, expected: int | None) -> None:
    """Refuse (``StaleDataError``, code ``stale``) when ``expected`` is given and differs from
    the row's ``current`` version; ``what`` names the row in the message (申请, 花名册...)."""
    if expected is not None and current != expected:
        raise StaleDataError(
            f"{what}已被其他用户修改，本次修改未保存。请刷新后重试。", code="stale"
        )
