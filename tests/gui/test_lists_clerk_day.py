"""The 申请审批 list through a clerk's day: search and sort, 办理时限 for every open step, the
green-channel marker, 办理人 by display name, the ledger and the overdue list exported to real
workbooks (audited), the materials checklist with a scan, and nothing clipped at 1366×768."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select, update

from reliefdesk.models import Application, AuditEvent, User
from reliefdesk.services import casework, materials
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    application_in_state,
    make_household,
    office,
    open_window,
    wait_idle,
)


def _texts(page, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    m = page.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def _column(page, title_en: str, title_zh: str) -> int:  # type: ignore[no-untyped-def]
    m = page.model
    for c in range(m.columnCount()):
        if m.headerData(c, Qt.Orientation.Horizontal) in (title_en, title_zh):
            return c
    raise AssertionError(title_en)


def test_search_sort_deadline_marker_and_handler(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """Search finds by name and pinyin initials; a header click sorts in SQL both ways; an
    investigation and an 初审 show their 办理时限 even when none was stored; a green-channel
    case is marked; 办理人 is the display name."""
    db, actors = office.db, office.actors
    a = application_in_state(db, actors, office.village_id, "investigating", name="赵玉梅", seq=31)
    b = application_in_state(db, actors, office.village_id, "prelim_review", name="李德福", seq=11)
    hid, pid = make_household(
        db, actors["clerk"], office.village_id, "钱多多", date(1970, 1, 1), 41
    )
    green = casework.create_application(
        db,
        actors["clerk"],
        hid,
        pid,
        "temporary_aid",
        "火灾",
        date.today() - timedelta(days=1),
        aid_type="emergency",
        aid_months=1,
        aid_persons=1,
        green_channel=True,
    )
    with db.session() as s:  # rows as an import or the demo leaves them: no stored limit
        s.execute(update(Application).where(Application.id.in_([a, b])).values(due_on=None))
        s.execute(update(User).where(User.username == "clerk").values(display_name="张敏"))
    s_ = open_window(qtbot, db, actors["clerk"], settings)
    page = s_.applications
    s_.window.show_page("applications")
    wait_idle(qtbot)
    deadline = _column(page, "Deadline", "办理时限")
    handler = _column(page, "Handled by", "办理人")
    by_id = {page.model.row(r).id: r for r in range(page.model.rowCount())}
    for app_id in (a, b, green.id):
        assert page.model.data(page.model.index(by_id[app_id], deadline)), app_id
    assert page.model.data(page.model.index(by_id[a], handler)) == "张敏"
    programme = _column(page, "Programme", "救助类别")
    assert "绿色通道" in page.model.data(
        page.model.index(by_id[green.id], programme)
    ) or "Green channel" in page.model.data(page.model.index(by_id[green.id], programme))
    applicant = _column(page, "Applicant", "申请人")
    page.view.horizontalHeader().sectionClicked.emit(applicant)
    wait_idle(qtbot)
    up = _texts(page, applicant)
    page.view.horizontalHeader().sectionClicked.emit(applicant)
    wait_idle(qtbot)
    assert _texts(page, applicant) == list(reversed(up)) and up != list(reversed(up))
    page.search_edit.setText("zym")
    page.search_edit.returnPressed.emit()
    wait_idle(qtbot)
    assert _texts(page, applicant) == ["赵玉梅"]
    page.search_edit.setText("李德")
    page.search_edit.returnPressed.emit()
    wait_idle(qtbot)
    assert _texts(page, applicant) == ["李德福"]


def test_ledger_and_overdue_export_to_workbooks(
    qtbot, office: Office, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """导出 Excel writes the list as shown (file numbers as text, 制表人 by name) and 超期清单
    the overdue cases; both exports are audited."""
    db, actors = office.db, office.actors
    old = application_in_state(
        db, actors, office.village_id, "accepted", accepted=date.today() - timedelta(days=60)
    )
    s = open_window(qtbot, db, actors["clerk"], settings)
    page = s.applications
    s.window.show_page("applications")
    wait_idle(qtbot)
    ledger = tmp_path / "台账.xlsx"
    page.export_path = str(ledger)
    page.export_button.click()
    wait_idle(qtbot)
    ws = load_workbook(ledger).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "申请审批台账" and "制表人" in rows[1][0]
    file_no = casework.get_application(db, actors["clerk"], old).file_no
    assert rows[3][0] == file_no and ws.cell(row=4, column=1).data_type == "s"
    overdue = tmp_path / "超期.xlsx"
    page.export_path = str(overdue)
    page.overdue_button.click()
    wait_idle(qtbot)
    rows = list(load_workbook(overdue).active.iter_rows(values_only=True))
    assert rows[0][0] == "超期清单" and any(r[0] == file_no for r in rows[3:])
    with db.session() as sess:
        kinds = [
            e.entity_id
            for e in sess.scalars(select(AuditEvent).where(AuditEvent.action == "export.table"))
        ]
    assert kinds == ["ledger", "overdue"]


def test_materials_checklist_with_a_scan(qtbot, office: Office, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The materials dialog ticks what was received and keeps a scanned PDF with the case."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "accepted")
    s = open_window(qtbot, db, actors["clerk"], settings)
    page = s.applications
    s.window.show_page("applications")
    wait_idle(qtbot)
    page.view.selectRow(0)
    page.materials_button.click()
    dialog = page.materials_dialog
    assert dialog is not None
    wait_idle(qtbot)
    scan = tmp_path / "户口本.pdf"
    scan.write_bytes(b"%PDF-1.4\n%scan\n")
    dialog.next_file = str(scan)
    dialog.attach_buttons["hukou_book"].click()
    wait_idle(qtbot)
    assert dialog.checks["hukou_book"].isChecked()
    assert "户口本.pdf" in dialog.files["hukou_book"].text()
    dialog.checks["application_form"].setChecked(True)
    dialog.save_button.click()
    wait_idle(qtbot)
    got = {m.kind: m for m in materials.list_materials(db, actors["clerk"], app_id)}
    assert got["application_form"].received and not got["commitment"].received
    assert [a.filename for a in got["hukou_book"].attachments] == ["户口本.pdf"]


def test_nothing_clipped_at_1366x768(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """At 1366×768 every toolbar button of the list is fully inside the page."""
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    s.window.resize(1366, 768)
    s.window.show_page("applications")
    wait_idle(qtbot)
    page = s.applications
    for button in page.findChildren(QPushButton):
        if button.isVisible() and button.window() is s.window:
            right = button.mapTo(page, button.rect().topRight()).x()
            assert right <= page.width(), button.objectName()
            assert button.width() >= button.minimumSizeHint().width(), button.objectName()


def test_case_steps_show_who_by_name(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """The case page's 办理过程 lists who did each step by real name, not sign-in name."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "investigating")
    with db.session() as sess:
        sess.execute(update(User).where(User.username == "clerk").values(display_name="张敏"))
    s = open_window(qtbot, db, actors["clerk"], settings)
    s.applications.open_application(app_id)
    wait_idle(qtbot)
    m = s.applications.detail.steps_model
    cells = {m.data(m.index(r, c)) for r in range(m.rowCount()) for c in range(m.columnCount())}
    assert "张敏" in cells and "clerk" not in cells
