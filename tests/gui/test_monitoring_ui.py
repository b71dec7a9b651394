"""The 低收入人口 monitoring page driven like a clerk: add a household to the register (a
refusal stays in the dialog), plan the month's key-group visits, record a visit from the
plan, and read the figures."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from reliefdesk.services import low_income as li
from reliefdesk.services import users
from reliefdesk.ui import ops
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.monitoring.dialogs import EntryDialog, VisitDialog
from reliefdesk.ui.monitoring.page import MonitoringPage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_casework_support import make_household

PASSWORD = "Test#Pass2026"


def _page(qtbot, db, actor, tmp_path) -> MonitoringPage:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page = MonitoringPage(AppContext(db, actor, None, settings))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignals([page.statsLoaded, page.entriesLoaded, page.plansLoaded], timeout=20000):
        page.show()
    return page


def _ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=20000)


def test_add_plan_record_and_count(qtbot, db, tmp_path):
    """Clerk adds a 低保边缘 household (an empty reason is refused in the dialog first), makes
    the month's plan, records a solved visit for the seriously ill person, and the figures
    show one person visited and one problem solved."""
    clerk = users.login(db, "clerk", PASSWORD)
    hid, ids = make_household(
        db, [{"name": "周重病", "birth": date(1962, 3, 1), "health": "serious"}]
    )
    page = _page(qtbot, db, clerk, tmp_path)
    assert page.entries_table.rowCount() == 0

    with qtbot.waitSignal(page.dialogOpened, timeout=20000) as opened:
        page.add_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, EntryDialog)
    dialog.household_spin.setValue(hid)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("near_dibao"))
    _ok(qtbot, dialog)
    assert "纳入原因" in dialog.error_label.text() and dialog.isVisible()
    dialog.reason_edit.setText("人均收入低于低保标准1.5倍")
    with qtbot.waitSignal(page.entriesLoaded, timeout=20000):
        _ok(qtbot, dialog)
    assert page.entries_table.rowCount() == 1
    assert page.entries_table.item(0, 2).text() == "周重病"
    assert page.entries_table.item(0, 4).text() == "低保边缘"

    page.tabs.setCurrentIndex(1)
    page.responsible_edit.setText("包村干部吴")
    with qtbot.waitSignal(page.plansLoaded, timeout=20000):
        page.make_plan_button.click()
    qtbot.waitUntil(lambda: page.plan_table.rowCount() == 1, timeout=20000)
    assert page.plan_table.item(0, 1).text() == "包村干部吴"
    assert page.plan_table.item(0, 3).text() == "重病"
    page.plan_table.selectRow(0)
    visit = page.open_visit_dialog()
    assert isinstance(visit, VisitDialog) and visit.person_id == ids[0]
    visit.needs_edit.setPlainText("门诊费用负担重")
    visit.help_edit.setPlainText("协助申请医疗救助")
    visit.solved_check.setChecked(True)
    with qtbot.waitSignal(page.statsLoaded, timeout=20000):
        _ok(qtbot, visit)
    qtbot.waitUntil(lambda: page.plan_table.item(0, 4).text() == "1", timeout=20000)
    assert page.plan_table.item(0, 5).text() == page.tr("Yes")

    page.tabs.setCurrentIndex(2)
    assert page.stats is not None
    assert (page.stats.total.people, page.stats.total.solved) == (1, 1)
    assert "1" in page.stats_summary.text()
    assert page.group_table.item(0, 0).text() == "重病"
    assert page.village_table.item(0, 0).text() == "测试村"


def test_review_and_exit_from_the_page(qtbot, db, tmp_path):
    """A due entry is reviewed today (no longer due) and then exited with a reason."""
    clerk = users.login(db, "clerk", PASSWORD)
    hid, _ = make_household(db, [{"name": "郑监测", "birth": date(1970, 1, 1)}])
    li.add_entry(db, clerk, hid, "finding", "比对发现", entered_on=date.today().replace(day=1))
    li.update_entry(db, clerk, 1, expected_version=1, next_review=date.today().replace(day=28))
    page = _page(qtbot, db, clerk, tmp_path)
    assert "1" in page.due_label.text() and page.entries_table.item(0, 7).text() == page.tr(
        "Review due"
    )
    page.entries_table.selectRow(0)
    with qtbot.waitSignal(page.entriesLoaded, timeout=20000):
        page.review_button.click()
    assert page.entries_table.item(0, 7).text() == page.tr("On register")
    page.entries_table.selectRow(0)
    dialog = page.open_exit_dialog()
    assert dialog is not None
    dialog.reason_edit.setText("已纳入低保")
    with qtbot.waitSignal(page.entriesLoaded, timeout=20000):
        _ok(qtbot, dialog)
    assert page.entries_table.rowCount() == 0


def test_responsible_changed_and_visit_enters_the_register(qtbot, db, tmp_path):
    """The person responsible of a plan is changed from the page, and a visit marked
    'hardship found' puts the household on the register (走访发现)."""
    clerk = users.login(db, "clerk", PASSWORD)
    make_household(db, [{"name": "冯独居", "birth": date(1936, 2, 1)}])
    li.make_plans(db, clerk, date.today().replace(day=1), responsible="甲")
    page = _page(qtbot, db, clerk, tmp_path)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.plan_table.rowCount() == 1, timeout=20000)
    assert page.plan_table.item(0, 3).text() == "高龄独居"
    page.plan_table.selectRow(0)
    page.responsible_edit.setText("包村干部乙")
    with qtbot.waitSignal(page.plansLoaded, timeout=20000):
        page.set_responsible_button.click()
    qtbot.waitUntil(lambda: page.plan_table.item(0, 1).text() == "包村干部乙", timeout=20000)
    page.plan_table.selectRow(0)
    visit = page.open_visit_dialog()
    assert visit is not None
    visit.needs_edit.setPlainText("行动不便，无人照料")
    visit.enter_check.setChecked(True)
    with qtbot.waitSignal(page.entriesLoaded, timeout=20000):
        _ok(qtbot, visit)
    qtbot.waitUntil(lambda: page.entries_table.rowCount() == 1, timeout=20000)
    assert page.entries_table.item(0, 4).text() == "走访发现"
    assert page.entries_table.item(0, 2).text() == "冯独居"
