"""Settings page (系统设置): office, users, policy versions, holidays, security, audit log."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.models import User
from reliefdesk.services import policy, users
from reliefdesk.services import settings as office_settings
from reliefdesk.services.context import Actor
from reliefdesk.ui import ops
from reliefdesk.ui.admin.page import SettingsPage
from reliefdesk.ui.admin.user_dialogs import AddUserDialog
from reliefdesk.ui.context import AppContext

PASSWORD = "Test#Pass2026"


def _actors(db: Database) -> dict[str, Actor]:
    with db.read_session() as s:
        return {
            u.username: Actor(u.id, u.username, u.display_name, u.role)
            for u in s.scalars(select(User))
        }


def _idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=15000)
    QApplication.processEvents()


def _page(
    qtbot,
    db: Database,
    who: str,  # type: ignore[no-untyped-def]
    qsettings: QSettings,
) -> SettingsPage:
    ctx = AppContext(db, _actors(db)[who], None, qsettings)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    _idle(qtbot)
    return page


def _show(qtbot, page: SettingsPage, key: str):  # type: ignore[no-untyped-def]
    section = page.show_section(key)
    _idle(qtbot)
    return section


def test_models_pass_modeltester(
    qtbot, qtmodeltester, sqlite_db: Database, settings: QSettings
) -> None:
    """Every table model of the page (users, policies, holidays, audit) is a consistent model."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    for key in ("users", "policy", "holidays", "audit"):
        _show(qtbot, page, key)
    assert page.users.model.rowCount() >= 7
    assert page.policy.model.rowCount() >= 1
    assert page.audit.model.rowCount() >= 1
    for model in (page.users.model, page.policy.model, page.holidays.model, page.audit.model):
        qtmodeltester.check(model)


def test_admin_adds_user_who_can_sign_in(qtbot, sqlite_db: Database, settings: QSettings) -> None:
    """An admin adds a user through the dialog; it shows in the list and can sign in."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "users")
    dialog = section.add_user()
    assert isinstance(dialog, AddUserDialog)
    qtbot.keyClicks(dialog.username_edit, "wangfang")
    dialog.display_edit.setText("王芳")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("reviewer"))
    qtbot.keyClicks(dialog.pw.password_edit, "Spring#2026a")
    qtbot.keyClicks(dialog.pw.confirm_edit, "Spring#2026a")
    with qtbot.waitSignal(section.loaded, timeout=15000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    names = [u.username for u in section.model.rows]
    assert "wangfang" in names
    row = next(u for u in section.model.rows if u.username == "wangfang")
    assert row.role == "reviewer" and row.display_name == "王芳"
    actor = users.login(sqlite_db, "wangfang", "Spring#2026a")
    assert actor.role == "reviewer"


def test_weak_password_error_next_to_field(qtbot, sqlite_db: Database, settings: QSettings) -> None:
    """A weak password is refused under the password field; the dialog keeps what was typed."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "users")
    dialog = section.add_user()
    assert dialog is not None
    qtbot.keyClicks(dialog.username_edit, "weakling")
    qtbot.keyClicks(dialog.pw.password_edit, "abc12345")
    qtbot.keyClicks(dialog.pw.confirm_edit, "abc12345")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert dialog.isVisible()
    assert "至少 3 类" in dialog.errors.field_error("password")
    assert dialog.pw.password_edit.property("invalid")
    assert dialog.username_edit.text() == "weakling"
    assert dialog.pw.password_edit.text() == "abc12345"
    with sqlite_db.read_session() as s:
        assert s.scalar(select(User.id).where(User.username == "weakling")) is None


def test_admin_cannot_deactivate_self(qtbot, sqlite_db: Database, settings: QSettings) -> None:
    """With their own row selected, the admin's deactivate and role buttons are disabled."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "users")
    me = next(i for i, u in enumerate(section.model.rows) if u.username == "admin")
    section.table.selectRow(me)
    assert not section.active_button.isEnabled()
    assert not section.role_button.isEnabled()
    other = next(i for i, u in enumerate(section.model.rows) if u.username == "clerk2")
    section.table.selectRow(other)
    assert section.active_button.isEnabled()
    with qtbot.waitSignal(section.loaded, timeout=15000):
        section.toggle_active(confirm=False)
    assert not next(u for u in section.model.rows if u.username == "clerk2").active


def test_new_policy_version_applies_from_its_date(
    qtbot, sqlite_db: Database, settings: QSettings
) -> None:
    """A new version with a new rural standard is saved; policy_on returns it from its date."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "policy")
    editor = section.editor
    assert editor.badges["rural_dibao_standard_fen"].isVisibleTo(editor)
    editor.effective_edit.setDate(QDate(2025, 7, 1))
    editor.name_edit.setText("2025年下半年标准")
    editor.rural_spin.setValue(468.50)
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    with sqlite_db.read_session() as s:
        before = policy.policy_on(s, date(2025, 6, 30))
        after = policy.policy_on(s, date(2025, 7, 1))
    assert after.name == "2025年下半年标准"
    assert after.dibao_standard_fen("rural") == 46850
    assert after.dibao_standard_fen("urban") == before.dibao_standard_fen("urban")
    assert before.dibao_standard_fen("rural") == 44100
    assert "rural_dibao_standard_fen" not in after.estimated  # entered by the admin
    assert "urban_dibao_standard_fen" in after.estimated
    assert after.data["tiers"] == before.data["tiers"]
    assert after.phase_out_schedule == before.phase_out_schedule
    assert section.model.rowCount() == 2
    assert section.restandard_button.isVisibleTo(section)  # the standard changed


def test_new_standard_offers_restandard_run_unrelated_edit_does_not(
    qtbot, sqlite_db: Database, settings: QSettings, tmp_path
) -> None:
    """Saving a version that only changes the temporary-aid limit offers no 调标; one with a
    new rural standard shows the button, whose run reports what it changed and hides it."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "policy")
    editor = section.editor
    editor.effective_edit.setDate(QDate(2025, 7, 1))
    editor.name_edit.setText("临时救助限额调整")
    editor.temp_limit_spin.setValue(3000.00)
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert not section.restandard_button.isVisibleTo(section)
    editor.effective_edit.setDate(QDate(2025, 8, 1))
    editor.name_edit.setText("2025年8月起新标准")
    editor.rural_spin.setValue(470.00)
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert section.restandard_button.isVisibleTo(section)
    section.grab().save(str(tmp_path / "policy_restandard.png"))
    with qtbot.waitSignal(section.restandarded, timeout=15000) as blocker:
        section.restandard(confirm=False)
    _idle(qtbot)
    assert blocker.args[0].from_month == date(2025, 8, 1)
    assert not section.restandard_button.isVisibleTo(section)
    assert "2025-08" in section.status_label.text()


def test_tekun_ratio_below_1_3_refused(qtbot, sqlite_db: Database, settings: QSettings) -> None:
    """A tekun basic ratio of 1.2 is refused next to the field and nothing is saved."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "policy")
    editor = section.editor
    editor.tekun_ratio_spin.setValue(1.2)
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert "1.3" in editor.errors.field_error("tekun_basic_ratio")
    assert editor.tekun_ratio_spin.value() == pytest.approx(1.2)
    with sqlite_db.read_session() as s:
        assert len(policy.list_policies(s)) == 1


def test_holiday_added_changes_work_calendar(
    qtbot, sqlite_db: Database, settings: QSettings
) -> None:
    """A holiday saved on the page makes that weekday a non-working day in work_calendar."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "holidays")
    day = date(2031, 3, 12)  # a Wednesday
    with sqlite_db.read_session() as s:
        assert policy.work_calendar(s).is_working_day(day)
    section.date_edit.setDate(QDate(day.year, day.month, day.day))
    section.kind_combo.setCurrentIndex(section.kind_combo.findData("holiday"))
    section.name_edit.setText("县庆")
    with qtbot.waitSignal(section.loaded, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert section.year_spin.value() == 2031
    assert [(r.day, r.kind, r.name) for r in section.model.rows] == [(day, "holiday", "县庆")]
    with sqlite_db.read_session() as s:
        assert not policy.work_calendar(s).is_working_day(day)
    section.table.selectRow(0)
    with qtbot.waitSignal(section.loaded, timeout=15000):
        section.remove_selected()
    assert section.model.rowCount() == 0
    with sqlite_db.read_session() as s:
        assert policy.work_calendar(s).is_working_day(day)


def test_security_settings_saved(qtbot, sqlite_db: Database, settings: QSettings) -> None:
    """The lockout and idle settings are written with set_setting and read back."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "security")
    assert section.spins["audit.retention_days"].value() == 190
    section.spins["login.max_failures"].setValue(4)
    section.spins["ui.idle_lock_minutes"].setValue(20)
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    with sqlite_db.read_session() as s:
        assert office_settings.get_setting(s, "login.max_failures") == 4
        assert office_settings.get_setting(s, "ui.idle_lock_minutes") == 20
    section.language_combo.setCurrentIndex(section.language_combo.findData("en"))
    assert settings.value("ui/language") == "en"


def test_office_saved(qtbot, sqlite_db: Database, settings: QSettings) -> None:
    """The office form saves through save_office with the chosen township."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = page.office
    section.county_edit.setText("汝州市")
    combo = section.township_combo
    combo.setCurrentIndex(combo.findText("临汝镇", Qt.MatchFlag.MatchStartsWith))
    section.name_edit.setText("汝州市临汝镇民政所")
    section.phone_edit.setText("0375-6123456")
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    info = office_settings.get_office(sqlite_db)
    assert info is not None and info.township_name == "临汝镇"
    assert info.office_name == "汝州市临汝镇民政所"
    section.name_edit.clear()
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert section.errors.field_error("office_name")


def test_audit_log_and_chain(qtbot, sqlite_db: Database, settings: QSettings) -> None:
    """The auditor reads the log (filter by action) and verifies an intact chain."""
    page = _page(qtbot, sqlite_db, "auditor", settings)
    section = _show(qtbot, page, "audit")
    assert section.model.rowCount() >= 7
    section.action_combo.setCurrentIndex(section.action_combo.findData("user.add"))
    _idle(qtbot)
    assert section.model.rowCount() == 7
    assert {r.action for r in section.model.rows} == {"user.add"}
    with qtbot.waitSignal(section.verified, timeout=15000) as blocker:
        qtbot.mouseClick(section.verify_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [[]]
    assert section.verify_label.text()


@pytest.mark.parametrize("who", ["clerk", "auditor"])
def test_non_admin_sees_read_only(
    qtbot, sqlite_db: Database, settings: QSettings, who: str
) -> None:
    """A clerk or an auditor sees every section with the read-only notice and no enabled
    save or change buttons."""
    page = _page(qtbot, sqlite_db, who, settings)
    for key in page.KEYS:
        section = _show(qtbot, page, key)
        assert section.readonly_label.isVisible()
    write_buttons = [
        b for b in page.findChildren(QPushButton) if b.objectName() not in ("auditVerifyButton",)
    ]
    assert write_buttons
    enabled = [b.objectName() for b in write_buttons if b.isEnabled() and b.isVisible()]
    assert enabled == []
    assert page.office.name_edit.isReadOnly()
    assert page.policy.editor.urban_spin.isReadOnly()
    assert page.audit.verify_button.isEnabled() == (who == "auditor")


def test_audit_anchor_field_and_checkpoint(
    qtbot, sqlite_db: Database, settings: QSettings, tmp_path
) -> None:
    """The administrator prints the audit checkpoint (a real PDF with the anchor), verifies
    the log against that anchor, and a malformed or unknown anchor is reported clearly."""
    from pypdf import PdfReader

    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "audit")
    assert section.checkpoint_button.isEnabled()
    out = tmp_path / "checkpoint.pdf"
    section.checkpoint_path = str(out)
    with qtbot.waitSignal(section.checkpoint_saved, timeout=20000):
        qtbot.mouseClick(section.checkpoint_button, Qt.MouseButton.LeftButton)
    anchor = section.verify_label.text().rsplit(" ", 1)[-1]
    count, digest = anchor.split(":")
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", "")
    assert digest in text and count in text
    section.anchor_edit.setText(anchor)
    with qtbot.waitSignal(section.verified, timeout=15000) as blocker:
        qtbot.mouseClick(section.verify_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [[]] and section.verify_label.property("role") == "hint"
    section.anchor_edit.setText(f"{int(count) + 500}:{digest}")
    with qtbot.waitSignal(section.verified, timeout=15000) as blocker:
        qtbot.mouseClick(section.verify_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] and "少于锚点" in section.verify_label.text()
    section.anchor_edit.setText("12:not-a-hash")
    qtbot.mouseClick(section.verify_button, Qt.MouseButton.LeftButton)
    assert "格式不正确" in section.verify_label.text()
    assert section.verify_label.property("role") == "error"


def test_county_admin_adds_a_township_clerk_who_sees_only_that_township(
    qtbot, sqlite_db: Database, settings: QSettings
) -> None:
    """工作范围 in the add-user dialog: a county admin picks a township; the new clerk signs in
    as a user of that township and the list says so."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = _show(qtbot, page, "users")
    dialog = section.add_user()
    assert isinstance(dialog, AddUserDialog)
    combo = dialog.township_combo
    qtbot.waitUntil(lambda: combo.count() > 1, timeout=15000)
    assert combo.itemData(0) is None and combo.isEnabled()  # the county comes first
    combo.setCurrentIndex(2)
    town_id, town_name = combo.currentData(), combo.currentText()
    qtbot.keyClicks(dialog.username_edit, "zhaolin")
    dialog.display_edit.setText("赵林")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("clerk"))
    qtbot.keyClicks(dialog.pw.password_edit, "Spring#2026a")
    qtbot.keyClicks(dialog.pw.confirm_edit, "Spring#2026a")
    with qtbot.waitSignal(section.loaded, timeout=15000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    row = next(u for u in section.model.rows if u.username == "zhaolin")
    assert row.township_id == town_id and row.township_name == town_name
    assert users.login(sqlite_db, "zhaolin", "Spring#2026a").township_id == town_id
