"""The whole casework journey driven through the real widgets: sign in, new household and
application (wizard), home visit (editor), 初审 (reviewer), 公示 (batch), 确认 (approver), and
the database checked at the end."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from reliefdesk.domain.idnumber import make_id
from reliefdesk.domain.months import next_month
from reliefdesk.models import Application, Enrollment, Household, Visit
from reliefdesk.services import audit, casework
from reliefdesk.services import settings as settings_service
from reliefdesk.services.context import SYSTEM
from reliefdesk.ui.applications.action_dialog import ActionDialog
from reliefdesk.ui.widgets.inputs import to_qdate
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    Session,
    cell_center,
    login,
    office,
    open_window,
    type_cell,
    type_text,
    wait_idle,
)

CLICK = Qt.MouseButton.LeftButton


def _act(qtbot, s: Session, action: str, on: date, opinion: str = "") -> None:  # type: ignore[no-untyped-def]
    """Click the action button on the open case page, fill its dialog and confirm."""
    detail = s.applications.detail
    qtbot.waitUntil(lambda: action in detail.action_buttons, timeout=10000)
    qtbot.mouseClick(detail.action_buttons[action], CLICK)
    dialog = detail.dialog
    assert isinstance(dialog, ActionDialog)
    dialog.date_edit.setDate(to_qdate(on))
    if opinion:
        type_text(qtbot, dialog.opinion_edit, opinion)
    with qtbot.waitSignal(dialog.performed, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)


def _new_application_via_wizard(qtbot, s: Session, office: Office, t0: date) -> int:  # type: ignore[no-untyped-def]
    s.window.activateWindow()
    s.window.new_application_action.trigger()  # Ctrl+N
    qtbot.waitUntil(lambda: s.applications.wizard is not None, timeout=5000)
    wizard = s.applications.wizard
    assert wizard is not None
    wait_idle(qtbot)
    hp = wizard.household_page
    assert hp.village_combo.findData(office.village_id) >= 0
    type_text(qtbot, hp.address_edit, "寺上村3组25号")
    type_text(qtbot, hp.phone_edit, "13837501234")
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), CLICK)
    mp = wizard.members_page
    for name, number, relation in (
        ("韩德福", make_id("410482", date(1950, 4, 2), 51), "head"),
        ("韩秀兰", make_id("410482", date(1953, 8, 9), 62), "spouse"),
    ):
        type_text(qtbot, mp.name_edit, name)
        type_text(qtbot, mp.id_edit, number)
        assert mp.id_info.text()  # live feedback: birth date and sex
        mp.relation_combo.setCurrentIndex(mp.relation_combo.findData(relation))
        qtbot.mouseClick(mp.add_button, CLICK)
        wait_idle(qtbot)  # the ID is checked against the register before the row is added
    assert mp.members_table.rowCount() == 2
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), CLICK)
    ip = wizard.income_page
    type_text(qtbot, ip.amount_edit, "300")
    qtbot.mouseClick(ip.add_income_button, CLICK)
    assert ip.income_table.rowCount() == 1
    assert "150.00" in ip.per_capita_label.text()
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), CLICK)
    pp = wizard.programme_page
    assert pp.programme_combo.currentData() == "rural_dibao"
    type_text(qtbot, pp.reason_edit, "年老体弱，无固定收入")
    pp.accepted_edit.setDate(to_qdate(t0))
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), CLICK)
    type_text(qtbot, wizard.payee_page.number_edit, "6228480402564890018")  # the payee's card
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), CLICK)
    summary = wizard.summary_page
    qtbot.waitUntil(lambda: summary.assessment is not None, timeout=10000)
    assert summary.assessment.amount_fen > 0
    with qtbot.waitSignal(wizard.saved, timeout=15000) as saved:
        qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), CLICK)
    wait_idle(qtbot)
    return int(saved.args[0].application_id)


def test_casework_journey(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """Login → wizard → visit → 初审 → 公示 → 确认 through the widgets ends with an approved
    case, an enrollment from next month, every step signed by its user and role, and an
    intact audit chain; a clerk never sees the confirm button."""
    db = office.db
    t0 = date.today() - timedelta(days=30)

    clerk = login(qtbot, db, "clerk")
    s = open_window(qtbot, db, clerk, settings)
    app_id = _new_application_via_wizard(qtbot, s, office, t0)
    detail = s.applications.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.id == app_id)
    assert "confirm" not in detail.action_buttons

    _act(qtbot, s, "start_investigation", t0)
    _act(qtbot, s, "request_info_check", t0)
    _act(qtbot, s, "record_info_check", t0 + timedelta(days=1), "核对无车辆、无工商登记")

    # home visit through the editor
    qtbot.waitUntil(detail.visit_button.isVisible)
    qtbot.mouseClick(detail.visit_button, CLICK)
    assert s.window.current_page_key() == "visits"
    editor = s.visits.editor
    wait_idle(qtbot)
    assert editor.household_id is not None
    editor.date_edit.setDate(to_qdate(t0 + timedelta(days=2)))
    type_cell(qtbot, editor.investigators, 0, 0, "刘晓燕")
    type_cell(qtbot, editor.investigators, 0, 1, "乡民政所")
    type_cell(qtbot, editor.investigators, 1, 0, "马红梅")
    type_cell(qtbot, editor.investigators, 1, 1, "村委会")
    type_text(qtbot, editor.opinion_edit, "家庭困难情况属实")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        qtbot.mouseClick(editor.save_button, CLICK)
    wait_idle(qtbot)

    # 初审 as the reviewer, opened from the workbench
    reviewer = login(qtbot, db, "reviewer")
    r = open_window(qtbot, db, reviewer, settings)
    mine = r.workbench.mine_model
    row = next(i for i, w in enumerate(mine.rows) if w.application_id == app_id)
    assert "submit_prelim" in mine.row(row).actions
    r.workbench.mine_view.scrollTo(mine.index(row, 0))
    pos = cell_center(r.workbench.mine_view, row)
    qtbot.mouseClick(r.workbench.mine_view.viewport(), CLICK, pos=pos)  # a double-click
    qtbot.mouseDClick(r.workbench.mine_view.viewport(), CLICK, pos=pos)  # is press + dbl
    assert r.window.current_page_key() == "applications"
    qtbot.waitUntil(
        lambda: r.applications.detail.view is not None and r.applications.detail.view.id == app_id
    )
    _act(qtbot, r, "submit_prelim", t0 + timedelta(days=3), "符合农村低保条件，建议纳入")

    # 公示 as a batch, started in the past so that the 7 days are over: this office allows
    # recording a 公示 up to 30 days after it was posted (the default is 0: no backdating)
    with db.session() as sess:
        settings_service.set_setting(sess, SYSTEM, "casework.publicity_grace_days", 30)
    qtbot.mouseClick(r.applications.detail.action_buttons["start_publicity"], CLICK)
    dialog = r.applications.publicity_dialog
    assert dialog is not None
    wait_idle(qtbot)
    assert dialog.selected_ids() == [app_id]
    start = t0 + timedelta(days=4)
    dialog.start_edit.setDate(to_qdate(start))
    wait_idle(qtbot)
    assert (start + timedelta(days=6)).isoformat() in dialog.end_label.text()
    with qtbot.waitSignal(dialog.started, timeout=10000) as started:
        qtbot.mouseClick(dialog.start_button, CLICK)
    assert started.args[0].end == start + timedelta(days=6)
    wait_idle(qtbot)
    dialog.close()
    wait_idle(qtbot)
    _act(qtbot, r, "finish_publicity", start + timedelta(days=8))

    # the clerk sees no confirm action on the case awaiting confirmation
    s.applications.open_application(app_id)
    wait_idle(qtbot)
    assert s.applications.detail.view.state == "awaiting_confirmation"
    assert "confirm" not in s.applications.detail.action_buttons
    assert s.applications.detail.findChild(QPushButton, "action_confirm_Button") is None

    # 确认 as the approver
    approver = login(qtbot, db, "approver")
    a = open_window(qtbot, db, approver, settings)
    a.ctx.applicationRequested.emit(app_id)
    qtbot.waitUntil(lambda: a.applications.detail.view is not None)
    wait_idle(qtbot)
    qtbot.mouseClick(a.applications.detail.action_buttons["confirm"], CLICK)
    confirm = a.applications.detail.dialog
    assert confirm is not None and confirm.objectName() == "confirmDialog"
    type_text(qtbot, confirm.opinion_edit, "同意纳入")
    with qtbot.waitSignal(confirm.performed, timeout=10000):
        qtbot.mouseClick(confirm.ok_button, CLICK)
    wait_idle(qtbot)

    view = casework.get_application(db, approver, app_id)
    assert view.state == "approved"
    with db.session() as sess:
        enrollment = sess.scalar(select(Enrollment).where(Enrollment.application_id == app_id))
        assert enrollment is not None
        assert enrollment.start_month == next_month(date.today())
        assert sess.scalar(select(func.count()).select_from(Visit)) == 1
        assert sess.scalar(select(func.count()).select_from(Household)) == 1
        assert sess.get(Application, app_id).decided_on == date.today()
        assert audit.verify_chain(sess) == []
    steps = {st.action: (st.username, st.role) for st in view.steps}
    assert steps["accept"] == ("clerk", "clerk")
    assert steps["record_visit"] == ("clerk", "clerk")
    assert steps["submit_prelim"] == ("reviewer", "reviewer")
    assert steps["start_publicity"] == ("reviewer", "reviewer")
    assert steps["confirm"] == ("approver", "approver")
    assert a.applications.detail.view.state == "approved"
