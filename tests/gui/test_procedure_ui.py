"""Issue 8 in the window: every value the procedure needs can be entered — the 一事一议
record, the county's visit, the 先行纳入 authorisation, the termination publicity — follow-ups
show on the workbench, a 公示 cannot be backdated in its dialog, and an administrator enters
next year's holidays by period (real widgets, real SQLite)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from reliefdesk.services import casework, enrollments, visits
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    application_in_state,
    make_household,
    office,
    open_window,
    type_text,
    wait_idle,
)

CLICK = Qt.MouseButton.LeftButton
TWO = [{"name": "张三", "unit": "民政所"}, {"name": "李四", "unit": "村委会"}]


def _temp_awaiting(db, actors, village_id: int, amount_fen: int) -> int:
    t0 = date.today() - timedelta(days=20)
    hid, pid = make_household(db, actors["clerk"], village_id, "周火灾", date(1970, 3, 1), 41)
    app = casework.create_application(
        db, actors["clerk"], hid, pid, "temporary_aid", "房屋火灾", t0, aid_type="emergency"
    )
    clerk = actors["clerk"]
    casework.perform(db, clerk, app.id, "start_investigation", on_date=t0)
    casework.perform(db, clerk, app.id, "request_info_check", on_date=t0)
    casework.perform(db, clerk, app.id, "record_info_check", on_date=t0, opinion="无")
    visits.save_visit(
        db,
        clerk,
        visits.VisitInput(
            household_id=hid, application_id=app.id, visit_date=t0, investigators=TWO
        ),
    )
    casework.perform(
        db,
        actors["reviewer"],
        app.id,
        "submit_prelim",
        on_date=t0 + timedelta(days=1),
        opinion="属实",
        amount_fen=amount_fen,
    )
    casework.start_publicity_batch(
        db, clerk, [app.id], t0 + timedelta(days=2), recorded_on=t0 + timedelta(days=2)
    )
    casework.perform(db, clerk, app.id, "finish_publicity", on_date=t0 + timedelta(days=10))
    return app.id


def test_case_by_case_decision_entered_through_its_dialog(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """A 6,000 元 case shows what is missing; the reviewer enters the 一事一议 decision (body,
    participants, minutes, amount) in the dialog; a missing field is shown next to it."""
    db, actors = office.db, office.actors
    app_id = _temp_awaiting(db, actors, office.village_id, 600000)
    s = open_window(qtbot, db, actors["reviewer"], settings)
    s.applications.open_application(app_id)
    wait_idle(qtbot)
    detail = s.applications.detail
    assert "一事一议" in detail.warnings_label.text()
    qtbot.mouseClick(detail.action_buttons["record_case_by_case"], CLICK)
    dialog = detail.dialog
    assert dialog is not None and dialog.objectName() == "recordDialog"
    assert dialog.record_amount_edit.text() == "6000.00"
    type_text(qtbot, dialog.body_edit, "汝州市困难群众基本生活保障工作协调机制")
    type_text(qtbot, dialog.participants_edit, "民政局、财政局")
    qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)
    assert dialog.isVisible() and "会议纪要" in dialog.errors.field_error("reference")
    type_text(qtbot, dialog.reference_edit, "纪要〔2025〕3号")
    with qtbot.waitSignal(dialog.performed, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)
    assert "纪要〔2025〕3号" in detail.facts["records"].text()


def test_green_channel_authorised_in_the_window(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """The approver admits a family at once: who authorised, why and the deadline entered in
    the dialog; the case then shows the deadline and the enrollment; the workbench lists it."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "accepted", accepted=date.today())
    s = open_window(qtbot, db, actors["approver"], settings)
    s.applications.open_application(app_id)
    wait_idle(qtbot)
    detail = s.applications.detail
    qtbot.mouseClick(detail.action_buttons["authorise_green"], CLICK)
    dialog = detail.dialog
    assert dialog is not None
    type_text(qtbot, dialog.participants_edit, "汝州市民政局 王科长")
    type_text(qtbot, dialog.opinion_edit, "房屋失火，生活无着")
    due = date.today() + timedelta(days=30)
    dialog.due_edit.setDate(QDate(due.year, due.month, due.day))
    with qtbot.waitSignal(dialog.performed, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)
    assert detail.view.green_due == due and detail.view.enrollment_id is not None
    assert due.isoformat() in detail.facts["due"].text()
    s.window.show_page("workbench")
    s.workbench.refresh()
    wait_idle(qtbot)
    assert [e.kind for e in s.workbench.events_model.rows] == ["green_channel"]


def test_termination_publicity_entered_in_the_window(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """On a confirmed tekun case the reviewer publishes the proposed termination (grounds,
    written reasons) from the termination dialog; the publicity period shows. A self-care
    change is reported and re-assessed from its own dialog."""
    db, actors = office.db, office.actors
    t0 = date.today() - timedelta(days=40)
    hid, pid = make_household(
        db, actors["clerk"], office.village_id, "刘孤老", date(1945, 5, 5), 51, income_fen=0
    )
    app = casework.create_application(
        db,
        actors["clerk"],
        hid,
        pid,
        "tekun",
        "无依无靠",
        t0,
        self_care=dict.fromkeys(casework.SELF_CARE_ITEMS, True),
    )
    clerk = actors["clerk"]
    casework.perform(db, clerk, app.id, "start_investigation", on_date=t0)
    casework.perform(db, clerk, app.id, "request_info_check", on_date=t0)
    casework.perform(db, clerk, app.id, "record_info_check", on_date=t0, opinion="无")
    visits.save_visit(
        db,
        clerk,
        visits.VisitInput(
            household_id=hid, application_id=app.id, visit_date=t0, investigators=TWO
        ),
    )
    casework.perform(db, actors["reviewer"], app.id, "submit_prelim", on_date=t0, opinion="符合")
    casework.start_publicity_batch(
        db, clerk, [app.id], t0 + timedelta(days=1), recorded_on=t0 + timedelta(days=1)
    )
    casework.perform(db, clerk, app.id, "finish_publicity", on_date=t0 + timedelta(days=9))
    casework.perform(
        db,
        actors["approver"],
        app.id,
        "confirm",
        on_date=t0 + timedelta(days=10),
        decision="approve",
    )
    s = open_window(qtbot, db, actors["reviewer"], settings)
    s.applications.open_application(app.id)
    wait_idle(qtbot)
    detail = s.applications.detail
    assert not detail.termination_button.isHidden(), (
        detail.view.enrollment_status,
        detail.view.state,
    )
    qtbot.mouseClick(detail.termination_button, CLICK)
    wait_idle(qtbot)
    dialog = detail.termination_dialog
    assert dialog is not None and dialog.propose_button.isEnabled()
    dialog.grounds_combo.setCurrentIndex(dialog.grounds_combo.findData("supporter_able"))
    type_text(qtbot, dialog.reasons_edit, "其子返乡务工，具备赡养能力")
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.mouseClick(dialog.propose_button, CLICK)
    wait_idle(qtbot)
    end = date.today() + timedelta(days=6)
    assert end.isoformat() in dialog.status_label.text()
    assert not dialog.propose_button.isEnabled() and not dialog.finalise_button.isEnabled()
    eid = detail.view.enrollment_id
    assert enrollments.get_enrollment(db, actors["clerk"], eid).status == "active"
    dialog.close()
    wait_idle(qtbot)
    # a reported self-care change starts the county's 10-working-day re-assessment
    qtbot.mouseClick(detail.self_care_button, CLICK)
    sc = detail.self_care_dialog
    assert sc is not None
    type_text(qtbot, sc.note_edit, "中风后卧床")
    with qtbot.waitSignal(sc.saved, timeout=10000):
        qtbot.mouseClick(sc.report_button, CLICK)
    assert "re-assesses by" in sc.result_label.text() or "前重新评估" in sc.result_label.text()
    for box in sc.checks.values():
        box.setChecked(False)
    with qtbot.waitSignal(sc.saved, timeout=10000) as saved:
        qtbot.mouseClick(sc.assess_button, CLICK)
    assert saved.args == ["none"]


def test_publicity_dialog_refuses_a_backdated_first_day(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """With the default grace of 0 days the first day cannot be set before today."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "prelim_review")
    s = open_window(qtbot, db, actors["clerk"], settings)
    s.applications.open_application(app_id)
    wait_idle(qtbot)
    qtbot.mouseClick(s.applications.detail.action_buttons["start_publicity"], CLICK)
    dialog = s.applications.publicity_dialog
    wait_idle(qtbot)
    today = QDate.currentDate()
    dialog.start_edit.setDate(today.addDays(-5))
    assert dialog.start_edit.date() == today
    dialog.close()


def test_admin_enters_next_years_holiday_period(qtbot, sqlite_db, settings) -> None:  # type: ignore[no-untyped-def]
    """The holidays section says a year has no data; entering 春节 with its make-up day in one
    go covers the year."""
    from tests.gui.test_admin import _page, _show

    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "holidays")
    section.year_spin.setValue(2027)
    qtbot.waitUntil(lambda: "2027" in section.coverage_label.text(), timeout=10000)
    assert (
        "No holiday data" in section.coverage_label.text()
        or "未录入" in section.coverage_label.text()
        or "没有" in section.coverage_label.text()
    )
    section.period_name_edit.setText("春节")
    section.period_from_edit.setDate(QDate(2027, 2, 6))
    section.period_to_edit.setDate(QDate(2027, 2, 13))
    section.period_makeup_edit.setText("2027-02-15")  # a Monday: refused
    qtbot.mouseClick(section.period_button, CLICK)
    qtbot.waitUntil(lambda: bool(section.errors.field_error("makeup")), timeout=10000)
    section.period_makeup_edit.setText("2027-02-20")
    with qtbot.waitSignal(section.loaded, timeout=10000):
        qtbot.mouseClick(section.period_button, CLICK)
    QApplication.processEvents()
    assert len(section.model.rows) == 9
    qtbot.waitUntil(lambda: "2023–2027" in section.coverage_label.text(), timeout=10000)


def test_wizard_records_the_cause_of_temporary_aid(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """The wizard's temporary-aid box asks for the cause (致困原因) and hands it to the
    service, so a repeat for the same cause within 12 months can be flagged."""
    db, actors = office.db, office.actors
    s = open_window(qtbot, db, actors["clerk"], settings)
    s.applications.new_application(0)
    wizard = s.applications.wizard
    assert wizard is not None
    wait_idle(qtbot)
    pp = wizard.programme_page
    pp.programme_combo.setCurrentIndex(pp.programme_combo.findData("temporary_aid"))
    pp.aid_cause_combo.setCurrentIndex(pp.aid_cause_combo.findData("illness"))
    fields = pp.fields()
    assert fields["aid_cause"] == "illness" and fields["aid_type"] == "emergency"
    wizard.close()
