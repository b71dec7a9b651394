"""Applications page: list, case page buttons by role, wizard errors keep the input."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import Application, Household
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    application_in_state,
    office,
    open_window,
    type_text,
    wait_idle,
)

CLICK = Qt.MouseButton.LeftButton


def test_list_filters_and_models(qtbot, qtmodeltester, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """The list filters by state in SQL, and the list, timeline and working models are sound."""
    db, actors = office.db, office.actors
    a1 = application_in_state(db, actors, office.village_id, "accepted")
    a2 = application_in_state(db, actors, office.village_id, "prelim_review", name="赵玉梅", seq=31)
    s = open_window(qtbot, db, actors["clerk"], settings)
    page = s.applications
    assert page.model.rowCount() == 0  # loads when first shown, not at start-up
    s.window.show_page("applications")
    wait_idle(qtbot)
    assert {r.id for r in page.model.rows} == {a1, a2}
    qtmodeltester.check(page.model)
    page.state_combo.setCurrentIndex(page.state_combo.findData("prelim_review"))
    wait_idle(qtbot)
    assert [r.id for r in page.model.rows] == [a2]
    page.open_application(a2)
    wait_idle(qtbot)
    qtmodeltester.check(page.detail.steps_model)
    qtmodeltester.check(page.detail.working_model)
    assert page.detail.working_model.rowCount() > 0
    assert "元" in page.detail.capital_label.text() or page.detail.capital_label.text()


def test_clerk_sees_no_confirm_button_but_approver_does(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """Buttons follow allowed_actions: a clerk has no confirm button; an approver has one."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "awaiting_confirmation")
    for user, expected in (("clerk", False), ("approver", True)):
        s = open_window(qtbot, db, actors[user], settings)
        s.ctx.applicationRequested.emit(app_id)
        wait_idle(qtbot)
        detail = s.applications.detail
        assert detail.view is not None and detail.view.id == app_id
        has = detail.findChild(QPushButton, "action_confirm_Button") is not None
        assert has is expected
        assert set(detail.action_buttons) == set(detail.view.allowed_actions)


def test_refusal_needs_reasons_and_changes_nothing(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """Refusing without reasons shows the message under the reasons field, keeps the dialog
    open with its input, and leaves the case awaiting confirmation."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "awaiting_confirmation")
    s = open_window(qtbot, db, actors["approver"], settings)
    s.applications.open_application(app_id)
    wait_idle(qtbot)
    qtbot.mouseClick(s.applications.detail.action_buttons["confirm"], CLICK)
    dialog = s.applications.detail.dialog
    assert dialog is not None
    dialog.refuse_radio.setChecked(True)
    type_text(qtbot, dialog.opinion_edit, "material")
    qtbot.mouseClick(dialog.ok_button, CLICK)
    wait_idle(qtbot)
    assert dialog.isVisible()
    assert "理由" in dialog.errors.field_error("reasons")
    assert dialog.opinion_edit.toPlainText() == "material"
    with db.session() as sess:
        assert sess.get(Application, app_id).state == "awaiting_confirmation"


def test_wizard_rule_violation_keeps_input_and_saves_nothing(
    qtbot, office: Office, settings
) -> None:  # type: ignore[no-untyped-def]
    """A 特困 application for a 40-year-old is refused by the service: the wizard shows the
    rule on the programme page, keeps every field, and the database stays empty."""
    db, actors = office.db, office.actors
    s = open_window(qtbot, db, actors["clerk"], settings)
    s.applications.new_application(0)
    wizard = s.applications.wizard
    assert wizard is not None
    wait_idle(qtbot)
    type_text(qtbot, wizard.household_page.address_edit, "寺上村2组")
    wizard.next()
    mp = wizard.members_page
    type_text(qtbot, mp.name_edit, "周建军")
    type_text(qtbot, mp.id_edit, make_id("410482", date(1986, 1, 5), 71))
    qtbot.mouseClick(mp.add_button, CLICK)
    wait_idle(qtbot)  # the ID is checked against the register before the row is added
    wizard.next()
    wizard.next()
    pp = wizard.programme_page
    pp.programme_combo.setCurrentIndex(pp.programme_combo.findData("tekun"))
    type_text(qtbot, pp.reason_edit, "无生活来源")
    wizard.next()
    wizard.payee_page.account_check.setChecked(False)
    wizard.next()
    wait_idle(qtbot)
    assert wizard.summary_page.assessment is None
    assert "民发〔2021〕43号" in wizard.summary_page.error_label.text()
    qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), CLICK)
    wait_idle(qtbot)
    assert wizard.isVisible()
    assert wizard.currentId() == 3  # back on the programme page
    assert "不符合" in pp.errors.general.text()
    assert pp.reason_edit.toPlainText() == "无生活来源"
    assert mp.new_members[0].name == "周建军"
    with db.session() as sess:
        assert sess.scalar(select(func.count()).select_from(Household)) == 0
        assert sess.scalar(select(func.count()).select_from(Application)) == 0


def test_live_id_validation_shows_birth_date_or_error(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """Typing an ID number shows the birth date and sex, or the checksum error at once."""
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    s.applications.new_application(0)
    wizard = s.applications.wizard
    assert wizard is not None
    wait_idle(qtbot)
    wizard.next()
    mp = wizard.members_page
    good = make_id("410482", date(1950, 4, 2), 51)
    type_text(qtbot, mp.id_edit, good)
    assert "1950-04-02" in mp.id_info.text()
    mp.id_edit.clear()
    type_text(qtbot, mp.id_edit, good[:-1] + ("0" if good[-1] != "0" else "1"))
    assert mp.id_info.property("role") == "error"
    qtbot.mouseClick(mp.add_button, CLICK)
    assert mp.members_table.rowCount() == 0
    assert mp.errors.field_error("name")  # the name is missing
