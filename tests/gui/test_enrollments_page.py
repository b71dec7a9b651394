"""在保对象 page (reliefdesk.ui.enrollments) and the account dialog on real widgets: filters in
SQL, the models pass the Qt model tester, a refused change keeps the dialog and its input,
the village batch re-check, and the workbench's re-check list opening the household screen."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.months import month_start
from reliefdesk.models import AuditEvent, Enrollment
from reliefdesk.services import users
from reliefdesk.ui import ops
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.enrollments.page import EnrollmentsPage
from reliefdesk.ui.widgets.account_dialog import AccountDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_roster_support import make_household

PASSWORD = "Test#Pass2026"
CLICK = Qt.MouseButton.LeftButton
THIS = month_start(date.today())


def wait_idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=20000)
    QApplication.processEvents()


def _page(qtbot, db, username: str, tmp_path: Path) -> EnrollmentsPage:  # type: ignore[no-untyped-def]
    actor = users.login(db, username, PASSWORD)
    ctx = AppContext(
        db, actor, None, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    page = EnrollmentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    wait_idle(qtbot)
    return page


def test_list_filters_and_model(qtbot, qtmodeltester, sqlite_db, tmp_path):
    """Village and re-check-due filters run in SQL; the list and timeline models are valid."""
    a = make_household(sqlite_db, village="北村")
    make_household(sqlite_db, village="南村")
    with sqlite_db.session() as s:
        s.get(Enrollment, a["enrollment_id"]).next_recheck = THIS
    page = _page(qtbot, sqlite_db, "reviewer", tmp_path)
    assert page.model.rowCount() == 2
    qtmodeltester.check(page.model)
    page.due_check.setChecked(True)
    wait_idle(qtbot)
    assert [r.id for r in page.model.rows] == [a["enrollment_id"]]
    assert "1" in page.count_label.text()
    page.open_household(a["household_id"])
    wait_idle(qtbot)
    qtmodeltester.check(page.detail.timeline_model)
    assert page.detail.buttons["adjust"].isEnabled()
    assert not page.detail.buttons["terminate"].isEnabled()  # reviewer: approver decides


def test_refused_change_keeps_dialog(qtbot, sqlite_db, tmp_path):
    """A 增发 without a reason is refused with the service's Chinese line; the dialog stays
    open with the amount typed."""
    h = make_household(sqlite_db, amount_fen=40000)
    page = _page(qtbot, sqlite_db, "reviewer", tmp_path)
    page.open_household(h["household_id"])
    wait_idle(qtbot)
    dialog = page.detail.open_action("adjust")
    dialog.amount_edit.setText("450")
    qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)
    assert dialog.isVisible() and "理由" in dialog.error_label.text()
    assert dialog.amount_edit.text() == "450"


def test_batch_recheck_for_a_village(qtbot, sqlite_db, tmp_path):
    """Selecting a village's due re-checks and recording "unchanged" clears them at once."""
    hs = [make_household(sqlite_db, village="东岭村") for _ in range(3)]
    with sqlite_db.session() as s:
        for h in hs:
            s.get(Enrollment, h["enrollment_id"]).next_recheck = THIS
    page = _page(qtbot, sqlite_db, "reviewer", tmp_path)
    page.village_combo.setCurrentIndex(page.village_combo.findText("东岭村"))
    page.due_check.setChecked(True)
    wait_idle(qtbot)
    assert page.model.rowCount() == 3
    with qtbot.waitSignal(page.batchDone, timeout=20000) as sig:
        page.batch_recheck([r.id for r in page.model.rows])
    wait_idle(qtbot)
    assert sig.args[0] == 3 and page.model.rowCount() == 0


def test_account_dialog_reveal_is_audited(qtbot, sqlite_db, tmp_path):
    """The list is masked; 显示完整号码 shows the selected number and is audited; a new card
    replaces the old one from the chosen month."""
    h = make_household(sqlite_db)
    actor = users.login(sqlite_db, "clerk", PASSWORD)
    ctx = AppContext(
        sqlite_db, actor, None, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    dialog = AccountDialog(ctx, h["household_id"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10000)
    masked = dialog.accounts_table.item(0, 2).text()
    assert "*" in masked
    dialog.accounts_table.selectRow(0)
    qtbot.mouseClick(dialog.reveal_button, CLICK)
    wait_idle(qtbot)
    assert "*" not in dialog.accounts_table.item(0, 2).text()
    with sqlite_db.session() as s:
        assert s.scalar(
            select(AuditEvent.id).where(
                AuditEvent.action == "pii.reveal", AuditEvent.entity == "bank_account"
            )
        )
    dialog.number_edit.setText("6217001234")
    assert "16–19" in dialog.number_hint.text()
    dialog.number_edit.setText(make_card_number("621700", 19, "123123123123"))
    dialog.bank_edit.setText("汝州农商银行")
    with qtbot.waitSignal(dialog.saved, timeout=10000) as sig:
        qtbot.mouseClick(dialog.save_button, CLICK)
    assert sig.args[0].replaced_account_id is not None


def test_workbench_recheck_opens_the_enrollment(qtbot, sqlite_db, tmp_path):
    """The enrollment asked for by another page (the workbench's re-check list) opens its
    household screen."""
    h = make_household(sqlite_db)
    page = _page(qtbot, sqlite_db, "reviewer", tmp_path)
    with qtbot.waitSignal(page.detail.shown, timeout=20000):
        page.ctx.enrollmentRequested.emit(h["enrollment_id"])
    assert page.detail.data.current.id == h["enrollment_id"]


def test_enrollment_list_exports_to_a_workbook(qtbot, sqlite_db, tmp_path):
    """在保名单 exports the whole filtered list (not only the loaded rows) as a workbook with
    its title and 制表人, and the export is audited."""
    from openpyxl import load_workbook

    a = make_household(sqlite_db, village="北村")
    b = make_household(sqlite_db, village="南村")
    page = _page(qtbot, sqlite_db, "reviewer", tmp_path)
    out = tmp_path / "在保名单.xlsx"
    page.export_path = str(out)
    page.export_button.click()
    wait_idle(qtbot)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "在保名单" and "制表人" in rows[1][0]
    assert sorted(int(r[0]) for r in rows[3:]) == sorted([a["enrollment_id"], b["enrollment_id"]])
    with sqlite_db.session() as s:
        assert [
            e.entity_id
            for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "export.table"))
        ] == ["enrollments"]
