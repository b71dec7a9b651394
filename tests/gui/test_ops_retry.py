"""Background operations run a service call once more when the database aborted it as a
deadlock victim (``db.conflict``, see reliefdesk.db.retry), and report a second abort."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from reliefdesk.db.retry import CONFLICT_CODE, CONFLICT_MESSAGE
from reliefdesk.errors import DatabaseError
from reliefdesk.ui import ops
from reliefdesk.ui.ops import MutationOp


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _aborted_times(n: int) -> tuple[list[int], object]:
    calls: list[int] = []

    def work() -> str:
        calls.append(1)
        if len(calls) <= n:
            raise DatabaseError(CONFLICT_MESSAGE, code=CONFLICT_CODE)
        return "saved"

    return calls, work


def test_a_deadlock_victim_is_run_once_more(qtbot, parent):
    """An op aborted once by a concurrent transaction runs again and succeeds."""
    calls, work = _aborted_times(1)
    got: list[object] = []
    MutationOp(parent=parent, op=work, success=got.append).failure(got.append).run_in_background()
    qtbot.waitUntil(lambda: bool(got))
    assert got == ["saved"] and len(calls) == 2
    qtbot.waitUntil(lambda: ops.running_count() == 0)


def test_a_second_abort_reaches_the_clerk_as_one_line(qtbot, parent):
    """Aborted twice, the op is not run a third time; failure() gets the conflict message."""
    calls, work = _aborted_times(5)
    got: list[object] = []
    MutationOp(parent=parent, op=work, success=got.append).failure(got.append).run_in_background()
    qtbot.waitUntil(lambda: bool(got))
    assert len(calls) == 2
    assert isinstance(got[0], DatabaseError) and got[0].code == CONFLICT_CODE
    qtbot.waitUntil(lambda: ops.running_count() == 0)
