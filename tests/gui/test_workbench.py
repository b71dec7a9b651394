"""Workbench page: to-do by step with deadlines, cases waiting for the user's role, re-checks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from reliefdesk.services.changes import Changes
from reliefdesk.ui.table_model import OVERDUE_COLOR
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    application_in_state,
    cell_center,
    office,
    open_window,
)


def test_workbench_lists_cases_by_step_and_opens_them(
    qtbot, qtmodeltester, office: Office, settings
) -> None:  # type: ignore[no-untyped-def]
    """Pending cases appear with their step and deadline, overdue ones in red; the reviewer's
    list holds the case waiting for a 初审; double-clicking opens the case page."""
    db, actors = office.db, office.actors
    late = application_in_state(
        db, actors, office.village_id, "accepted", accepted=date.today() - timedelta(days=40)
    )
    prelim = application_in_state(
        db, actors, office.village_id, "investigating", name="王秀英", seq=23
    )
    s = open_window(qtbot, db, actors["reviewer"], settings)
    wb = s.workbench
    qtbot.waitUntil(lambda: wb.data is not None)
    todo = wb.todo_model
    ids = [w.application_id for w in todo.rows]
    assert set(ids) == {late, prelim}
    late_row = ids.index(late)
    assert (
        todo.data(todo.index(late_row, 4), Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOR
    )
    assert todo.row(late_row).days_left < 0
    for model in (wb.todo_model, wb.mine_model, wb.recheck_model):
        qtmodeltester.check(model)
    mine_ids = [w.application_id for w in wb.mine_model.rows]
    assert prelim in mine_ids
    row = mine_ids.index(prelim)
    pos = cell_center(wb.mine_view, row)
    qtbot.mouseClick(wb.mine_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(s.ctx.applicationRequested) as opened:
        qtbot.mouseDClick(wb.mine_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert opened.args == [prelim]
    assert s.window.current_page_key() == "applications"


def test_workbench_refreshes_when_cases_change(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """A broadcast change to applications reloads the lists."""
    db, actors = office.db, office.actors
    s = open_window(qtbot, db, actors["clerk"], settings)
    assert s.workbench.todo_model.rowCount() == 0
    application_in_state(db, actors, office.village_id, "accepted")
    with qtbot.waitSignal(s.workbench.refreshed, timeout=10000):
        s.ctx.changed.emit(Changes.of(whole=["applications"]), None)
    assert s.workbench.todo_model.rowCount() == 1
