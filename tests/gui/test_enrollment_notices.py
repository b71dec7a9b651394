"""The enrollment screen closes the seams of issues 8 and 9 on real widgets: a 停发 or a member's
death offers its 告知书 in the print preview (audited), the list prints all notices of a month
in one document, and a tekun 终止 (directly or as a re-check result) leads into the 拟终止公示
procedure instead of an error."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from reliefdesk.domain.months import next_month
from reliefdesk.models import AuditEvent, Person, TerminationProposal
from reliefdesk.services import users
from reliefdesk.ui import ops
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.enrollments.action_dialog import ChangeDialog
from reliefdesk.ui.enrollments.page import EnrollmentsPage
from reliefdesk.ui.printing import PdfPreviewDialog
from reliefdesk.ui.widgets.termination_dialog import TerminationDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_roster_support import make_household

PASSWORD = "Test#Pass2026"
CLICK = Qt.MouseButton.LeftButton
NEXT = next_month(date.today())


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


def _preview(qtbot, owner: QWidget) -> PdfPreviewDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(owner.findChildren(PdfPreviewDialog)), timeout=20000)
    dialog = owner.findChildren(PdfPreviewDialog)[-1]
    return dialog


def _prints(db) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "print")))
        for r in rows:
            s.expunge(r)
        return rows


def test_suspension_offers_its_notice(qtbot, sqlite_db, tmp_path):
    """停发 through the change dialog: the screen offers the 告知书; printing opens the
    preview and audits the print on the change."""
    h = make_household(sqlite_db)
    page = _page(qtbot, sqlite_db, "reviewer", tmp_path)
    page.open_household(h["household_id"])
    wait_idle(qtbot)
    detail = page.detail
    assert not detail.notice_button.isVisible()
    dialog = detail.open_action("suspend")
    assert isinstance(dialog, ChangeDialog)
    dialog.reason_edit.setPlainText("外出务工失联")
    qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)
    qtbot.waitUntil(detail.notice_button.isVisible, timeout=10000)
    assert len(detail.new_notice_ids) == 1 and "1" in detail.notice_label.text()
    qtbot.mouseClick(detail.notice_button, CLICK)
    preview = _preview(qtbot, detail)
    assert "告知书" in preview.windowTitle()
    prints = _prints(sqlite_db)
    assert [p.detail["document"] for p in prints] == ["change_notices"]
    assert prints[0].entity == "enrollment_change" and prints[0].household_id == h["household_id"]
    preview.close()


def test_member_death_offers_notice_and_month_prints_all(qtbot, sqlite_db, tmp_path):
    """A member's death (减发 from next month) offers its notice; 打印本月告知书 on the list
    prints every notice effective in the chosen month in one preview."""
    h = make_household(sqlite_db, persons=3)
    other = make_household(sqlite_db)
    with sqlite_db.session() as s:
        name = s.scalars(
            select(Person.name).where(
                Person.household_id == h["household_id"], Person.id != h["payee_id"]
            )
        ).first()
    page = _page(qtbot, sqlite_db, "reviewer", tmp_path)
    page.open_household(h["household_id"])
    wait_idle(qtbot)
    detail = page.detail
    dialog = detail.open_action("member")
    dialog.set_kind("death")
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findText(name))
    qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)
    qtbot.waitUntil(detail.notice_button.isVisible, timeout=10000)
    assert len(detail.new_notice_ids) == 1
    page.open_household(other["household_id"])  # another household: no stale offer
    wait_idle(qtbot)
    assert not detail.notice_button.isVisible()
    page.show_list()
    page.notice_month_edit.setDate(QDate(NEXT.year, NEXT.month, 1))
    qtbot.mouseClick(page.notices_button, CLICK)
    preview = _preview(qtbot, page)
    assert "告知书" in preview.windowTitle()
    assert any(p.detail.get("batch") == f"{NEXT:%Y-%m}" for p in _prints(sqlite_db))
    preview.close()
    qtbot.waitUntil(lambda: not page.findChildren(PdfPreviewDialog), timeout=5000)
    page.notice_month_edit.setDate(QDate(2020, 1, 1))  # none: a clear message, no preview
    qtbot.mouseClick(page.notices_button, CLICK)
    wait_idle(qtbot)
    boxes = [b for b in page.findChildren(QMessageBox) if b.objectName() == "reliefErrorBox"]
    assert boxes and "没有需要告知书" in boxes[-1].text()
    assert not page.findChildren(PdfPreviewDialog)
    boxes[-1].close()


def test_tekun_termination_leads_into_publicity(qtbot, sqlite_db, tmp_path):
    """终止 on a tekun enrollment opens the 拟终止公示 procedure (not the plain change dialog);
    publishing the proposal works through its widgets."""
    h = make_household(
        sqlite_db, persons=1, programme="tekun", method="tekun", care_tier="full", pci_fen=0
    )
    page = _page(qtbot, sqlite_db, "reviewer", tmp_path)
    page.open_household(h["household_id"])
    wait_idle(qtbot)
    assert page.detail.buttons["terminate"].isEnabled()  # the reviewer proposes
    dialog = page.detail.open_action("terminate")
    assert isinstance(dialog, TerminationDialog)
    wait_idle(qtbot)
    dialog.grounds_combo.setCurrentIndex(dialog.grounds_combo.findData("supporter_able"))
    dialog.reasons_edit.setPlainText("其子返乡务工，具备赡养能力")
    qtbot.mouseClick(dialog.propose_button, CLICK)
    wait_idle(qtbot)
    assert not dialog.error_label.isVisible()
    assert dialog.current is not None and dialog.current.status == "publicity"
    assert not dialog.finalise_button.isEnabled()  # reviewer: the approver finalises
    dialog.close()


def test_recheck_terminated_tekun_starts_the_procedure(qtbot, sqlite_db, tmp_path):
    """A re-check whose result is a tekun termination proposes it (publicity from the re-check
    day) and opens the termination dialog to continue, instead of an error."""
    h = make_household(
        sqlite_db, persons=1, programme="tekun", method="tekun", care_tier="full", pci_fen=0
    )
    page = _page(qtbot, sqlite_db, "approver", tmp_path)
    page.open_household(h["household_id"])
    wait_idle(qtbot)
    dialog = page.detail.open_action("recheck")
    dialog.result_combo.setCurrentIndex(dialog.result_combo.findData("terminated"))
    dialog.grounds_combo.setCurrentIndex(dialog.grounds_combo.findData("regained_capacity"))
    dialog.reason_edit.setPlainText("经复核已恢复劳动能力")
    qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: isinstance(page.detail.dialog, TerminationDialog), timeout=10000)
    term = page.detail.dialog
    qtbot.waitUntil(lambda: term.current is not None, timeout=10000)
    assert term.current.status == "publicity" and term.current.publicity_start == date.today()
    assert term.print_button.isEnabled()
    with sqlite_db.session() as s:
        tp = s.scalar(select(TerminationProposal))
        assert tp.grounds == "regained_capacity" and "经复核已恢复劳动能力" in tp.reasons
    assert page.detail.data.current.status == "active"  # still paid during the publicity
    term.close()
