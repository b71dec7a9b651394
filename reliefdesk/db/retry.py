"""Retrying a whole service call once after a PostgreSQL deadlock or serialisation failure.

Two clerks' transactions on a county server can, rarely, lock the same rows in opposite
orders; PostgreSQL then aborts one of them (SQLSTATE 40P01 deadlock_detected, or 40001
serialization_failure). Nothing of the aborted transaction was kept, so running the same
service call again is safe and almost always succeeds. :meth:`Database.session` turns such an
abort into ``DatabaseError(code="db.conflict")`` (see :func:`conflict_error`); the ONE place
that retries is :func:`run_retrying`, used by the desktop's background operations
(``ui/ops.py``) around every service call. A second conflict is shown to the clerk as the
one-line message of :data:`CONFLICT_MESSAGE`.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from ..errors import DatabaseError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: SQLSTATEs after which the whole transaction may simply be run again
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
CONFLICT_CODE = "db.conflict"
CONFLICT_MESSAGE = "其他用户正在同时修改相关记录，本次操作已撤销，未保存任何内容。请稍后重试。"


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a driver error (psycopg 3 ``sqlstate``, psycopg2 ``pgcode``)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(code) if code else None


def conflict_error(exc: BaseException) -> DatabaseError | None:
    """``DatabaseError(code="db.conflict")`` for a deadlock or serialisation abort, else None."""
    if sqlstate(exc) in RETRYABLE_SQLSTATES:
        return DatabaseError(CONFLICT_MESSAGE, code=CONFLICT_CODE)
    return None


def is_conflict(exc: BaseException) -> bool:
    return isinstance(exc, DatabaseError) and getattr(exc, "code", None) == CONFLICT_CODE


def run_retrying(call: Callable[[], T], *, attempts: int = 2) -> T:
    """``call()``; if its transaction was aborted by a deadlock or serialisation failure, wait
    a few random milliseconds (so the two callers do not collide again) and run it once more."""
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except DatabaseError as exc:
            if not is_conflict(exc) or attempt == attempts:
                raise
            log.info("transaction aborted by a concurrent one (%s); retrying", exc)
            time.sleep(random.uniform(0.005, 0.05))
    raise AssertionError("unreachable")  # pragma: no cover
