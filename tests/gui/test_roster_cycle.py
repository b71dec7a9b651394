"""The roster cycle on the 发放名册 page (issue 9): a draft is discarded and generated again,
an overlapping per-programme roster is refused with the way out named, a later month cannot
be locked before an earlier draft, and a locked roster keeps showing its validation result."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from reliefdesk.domain.months import add_months, month_start
from reliefdesk.services import roster, users
from reliefdesk.ui import ops
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.rosters.page import RostersPage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_roster_support import make_household, setup_policy

PASSWORD = "Test#Pass2026"
THIS = month_start(date.today())
PREV = add_months(THIS, -1)


def wait_idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=20000)
    QApplication.processEvents()


def _page(qtbot, db, username: str, tmp_path: Path) -> RostersPage:  # type: ignore[no-untyped-def]
    actor = users.login(db, username, PASSWORD)
    ctx = AppContext(
        db, actor, None, QSettings(str(tmp_path / f"{username}.ini"), QSettings.Format.IniFormat)
    )
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    wait_idle(qtbot)
    return page


def _box(name: str) -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if w.objectName() == name and w.isVisible():
            return w  # type: ignore[return-value]
    return None


def test_discard_and_overlap(qtbot, sqlite_db, tmp_path):
    """The all-programme draft blocks a per-programme one with a message naming 放弃草稿;
    discarding it (confirmed) lets the per-programme roster be generated."""
    setup_policy(sqlite_db)
    make_household(sqlite_db)
    page = _page(qtbot, sqlite_db, "clerk", tmp_path)
    page.set_period(THIS, "all")
    wait_idle(qtbot)
    with qtbot.waitSignal(page.problemsShown, timeout=20000):
        page.generate()
    wait_idle(qtbot)
    assert page.discard_button.isEnabled()
    page.set_period(THIS, "rural_dibao")
    wait_idle(qtbot)
    page.generate()
    wait_idle(qtbot)
    box = _box("reliefErrorBox")
    assert box is not None and "放弃草稿" in box.text()
    box.close()
    page.set_period(THIS, "all")
    wait_idle(qtbot)
    page.discard_button.click()
    confirm = _box("rosterDiscardConfirmBox")
    assert confirm is not None
    confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(qtbot)
    assert page.roster is None and not roster.list_rosters(sqlite_db, page.ctx.actor, THIS)
    page.set_period(THIS, "rural_dibao")
    wait_idle(qtbot)
    with qtbot.waitSignal(page.rosterShown, timeout=20000):
        page.generate()
    wait_idle(qtbot)
    assert page.roster is not None and page.roster.programme == "rural_dibao"


def test_month_order_and_validation_after_lock(qtbot, sqlite_db, tmp_path):
    """This month cannot be locked while last month is a draft (the refusal names it); once
    last month is locked, this month locks and its validation result stays on screen."""
    setup_policy(sqlite_db)
    make_household(sqlite_db)
    clerk = users.login(sqlite_db, "clerk", PASSWORD)
    prev = roster.generate(sqlite_db, clerk, PREV)
    roster.generate(sqlite_db, clerk, THIS)
    page = _page(qtbot, sqlite_db, "approver", tmp_path)
    page.set_period(THIS, "all")
    wait_idle(qtbot)
    with qtbot.waitSignal(page.problemsShown, timeout=20000):
        page.validate()
    page.lock_roster()
    wait_idle(qtbot)
    box = _box("reliefErrorBox")
    assert box is not None and f"{PREV:%Y-%m}" in box.text()
    box.close()
    assert not page.roster.locked
    roster.lock(sqlite_db, page.ctx.actor, prev.id)
    with qtbot.waitSignal(page.problemsShown, timeout=20000):
        page.validate()
    page.lock_roster()
    wait_idle(qtbot)
    assert page.roster.locked and page.problems is not None
    assert page.problems_panel.summary_label.text() != ""
    page.set_period(PREV, "all")  # a locked roster opened later validates itself
    wait_idle(qtbot)
    assert page.roster.locked and page.problems is not None
