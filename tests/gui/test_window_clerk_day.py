"""The main window, sign-in and lock screen through a clerk's day: sign out and switch user
(also from the lock screen), unsaved work asked about on exit, a manual lock that does not
claim idleness, the sign-in's tries left and lock end, size and position remembered, the
guide and About, Qt's own buttons in Chinese, the idle setting's range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import User
from reliefdesk.services import settings as office_settings
from reliefdesk.services import users
from reliefdesk.services.context import Actor
from reliefdesk.ui import i18n
from reliefdesk.ui.application import apply_office_settings
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.help import app_version
from reliefdesk.ui.login_dialog import LoginDialog
from reliefdesk.ui.main_window import MainWindow
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    PASSWORD,
    Office,
    office,
    open_window,
    type_text,
    wait_idle,
)

CLICK = Qt.MouseButton.LeftButton


def _box(name: str) -> QMessageBox:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]
    assert boxes, f"no {name} shown"
    return boxes[0]


def _wizard_with_input(qtbot, s):  # type: ignore[no-untyped-def]
    s.applications.new_application(0)
    wizard = s.applications.wizard
    wait_idle(qtbot)
    wizard.next()
    mp = wizard.members_page
    type_text(qtbot, mp.name_edit, "周建军")
    type_text(qtbot, mp.id_edit, make_id("410482", date(1986, 1, 5), 71))
    qtbot.mouseClick(mp.add_button, CLICK)
    wait_idle(qtbot)
    return wizard


def test_exit_with_an_unsaved_wizard_asks_first(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """文件→退出 with a wizard holding a member asks 保存/不保存/取消: 取消 keeps the window
    and the wizard, 不保存 closes both; the title carried * meanwhile."""
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    wizard = _wizard_with_input(qtbot, s)
    assert s.window.unsaved_pages() == [s.applications]
    s.window.quit_action.trigger()
    qtbot.mouseClick(_box("wizardUnsavedBox").button(QMessageBox.StandardButton.Cancel), CLICK)
    assert s.window.isVisible() and wizard.isVisible()
    s.window.quit_action.trigger()
    qtbot.mouseClick(_box("wizardUnsavedBox").button(QMessageBox.StandardButton.Discard), CLICK)
    qtbot.waitUntil(lambda: not s.window.isVisible(), timeout=5000)


def test_sign_out_asks_about_a_visit_and_then_signs_out(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """注销 with a visit being edited asks first; 不保存 then signs out."""
    from tests.gui.casework_fixtures import application_in_state, type_cell

    app_id = application_in_state(office.db, office.actors, office.village_id, "investigating")
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    s.ctx.visitRequested.emit(0, app_id)
    wait_idle(qtbot)
    type_cell(qtbot, s.visits.editor.investigators, 0, 0, "刘晓燕")
    assert s.window.isWindowModified()
    signed_out: list[bool] = []
    s.window.signOutRequested.connect(lambda: signed_out.append(True))
    s.window.sign_out_action.trigger()
    assert not signed_out
    qtbot.mouseClick(_box("visitUnsavedBox").button(QMessageBox.StandardButton.Discard), CLICK)
    assert signed_out == [True]


def test_manual_lock_is_not_called_idle_and_switch_user_signs_out(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+L says the screen was locked (not "after inactivity"); 切换用户 on the lock screen
    signs out."""
    win = MainWindow(settings=settings, verify_password=lambda pw: pw == "Right#123")
    qtbot.addWidget(win)
    win.show()
    win.lock_action.trigger()
    dialog = win.lock_dialog
    assert dialog is not None
    hint = dialog.findChild(type(dialog.user_label), "lockHintLabel")
    assert "inactivity" not in hint.text() and "无操作" not in hint.text()
    with qtbot.waitSignal(win.signOutRequested, timeout=2000):
        qtbot.mouseClick(dialog.switch_button, CLICK)
    assert not win.is_locked()


def test_lock_screen_says_the_account_is_locked_and_offers_switching(
    qtbot, office: Office, settings
) -> None:  # type: ignore[no-untyped-def]
    """Wrong passwords on the lock screen say how many tries are left; once the account
    locks, it says until when and 切换用户 becomes the default button."""
    db, actor = office.db, office.actors["clerk"]
    win = MainWindow(
        settings=settings, verify_password=lambda pw: users.unlock_check(db, actor, pw)
    )
    qtbot.addWidget(win)
    win.show()
    win.lock(idle=True)
    dialog = win.lock_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.password_edit, "Wrong#1")
    with qtbot.waitSignal(dialog.checked, timeout=10000):  # checked off the GUI thread
        dialog.unlock_button.click()
    assert "还可尝试 4 次" in dialog.error_label.text()
    for _ in range(4):
        qtbot.keyClicks(dialog.password_edit, "Wrong#1")
        with qtbot.waitSignal(dialog.checked, timeout=10000):
            dialog.unlock_button.click()
    assert "账户已锁定" in dialog.error_label.text() and "后可再试" in dialog.error_label.text()
    assert dialog.switch_button.isDefault()


def test_login_dialog_warns_tries_left(qtbot, office: Office) -> None:  # type: ignore[no-untyped-def]
    """A wrong password at sign-in says 还可尝试 N 次."""
    dialog = LoginDialog(lambda u, p: users.login(office.db, u, p))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "clerk")
    qtbot.keyClicks(dialog.password_edit, "Wrong#1")
    qtbot.mouseClick(dialog.login_button, CLICK)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10000)
    assert "还可尝试 4 次" in dialog.error_label.text()


def test_window_remembers_size_and_position_and_fits_the_screen(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The default size fits 1366×768; a resized window comes back at its size next time."""
    ini = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    first = MainWindow(settings=ini)
    qtbot.addWidget(first)
    assert first.width() <= 1366 and first.height() <= 768 - 40
    first.show_restored()
    first.resize(760, 540)  # the offscreen test screen is 800×600
    first.close()
    second = MainWindow(settings=ini)
    qtbot.addWidget(second)
    second.show_restored()
    assert (second.width(), second.height()) == (760, 540)


def test_guide_and_about(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    """F1 opens the guide at the page shown; the year's procedure has its own entry; About
    shows the version and where the database is."""
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.set_database_label("/data/reliefdesk.sqlite3")
    win.show()
    win.show_page("visits")
    win.help_action.trigger()
    assert win.help_dialog is not None and win.help_dialog.current_topic() == "visits"
    assert win.help_dialog.browser.toPlainText()
    win.procedure_action.trigger()
    assert win.help_dialog.current_topic() == "year"
    win.about_action.trigger()
    about = win.about_dialog
    assert (
        about is not None
        and app_version() in about.findChild(type(about.database_label), "aboutVersionLabel").text()
    )
    assert "/data/reliefdesk.sqlite3" in about.database_label.text()


def test_qt_dialog_buttons_are_chinese(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """With Chinese loaded, Qt's own message-box buttons say 保存/取消 (qtbase shipped)."""
    assert (i18n.translations_dir() / "qt" / "qtbase_zh_CN.qm").is_file()
    i18n.install_translators(qapp, "zh_CN")
    try:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "t",
            "t",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        qtbot.addWidget(box)
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
        assert "保存" in box.button(QMessageBox.StandardButton.Save).text()
    finally:
        i18n.install_translators(qapp, "en")


def test_idle_setting_keeps_to_its_range(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """A stored idle-lock of 7 minutes (below the documented 10–30) locks after 10; the
    settings spin box offers only 10–30."""
    admin = users.login(office.db, "admin", PASSWORD)
    with office.db.session() as s:
        office_settings.set_setting(s, admin, "ui.idle_lock_minutes", 7)
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    with office.db.session() as s:
        u = s.scalars(select(User).where(User.username == "clerk")).one()
        actor = Actor(u.id, u.username, u.display_name, u.role)
    ctx = AppContext(office.db, actor, None, settings, win)
    apply_office_settings(win, ctx)
    qtbot.waitUntil(lambda: win.idle_monitor.interval_ms() == 10 * 60_000, timeout=5000)
    from reliefdesk.ui.admin.security_section import SecuritySection

    section = SecuritySection(AppContext(office.db, admin, None, settings, win))
    qtbot.addWidget(section)
    spin = section.spins["ui.idle_lock_minutes"]
    assert (spin.minimum(), spin.maximum()) == (10, 30)
    wait_idle(qtbot)


def test_print_preview_fits_above_the_taskbar(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The print preview is never taller than the screen's free area minus its title bar."""
    from PySide6.QtGui import QGuiApplication

    from reliefdesk.documents.pdf import build_notice
    from reliefdesk.documents.pdf import samples as S  # noqa: N812 - S.NAME reads as the sample catalogue
    from reliefdesk.ui.printing.preview import TITLE_BAR, PdfPreviewDialog

    dialog = PdfPreviewDialog(build_notice(S.notice(3)), "公示")
    qtbot.addWidget(dialog)
    free = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.height() <= free.height() - TITLE_BAR
    assert dialog.width() <= free.width()


def test_idle_lock_keeps_unsaved_work_and_switching_asks(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """The idle lock hides but keeps a visit being edited; 切换用户 on the lock screen asks
    保存/不保存/取消 first: 取消 brings the lock back, 不保存 signs out."""
    from tests.gui.casework_fixtures import application_in_state, type_cell

    app_id = application_in_state(office.db, office.actors, office.village_id, "investigating")
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    s.window.set_password_verifier(lambda pw: pw == PASSWORD)
    s.ctx.visitRequested.emit(0, app_id)
    wait_idle(qtbot)
    type_cell(qtbot, s.visits.editor.investigators, 0, 0, "刘晓燕")
    s.window.idle_monitor.idleTimeout.emit()
    dialog = s.window.lock_dialog
    assert dialog is not None and s.window.central_stack.currentWidget() is s.window.lock_cover
    assert s.visits.editor.investigators.item(0, 0).text() == "刘晓燕"  # kept behind the cover
    qtbot.mouseClick(dialog.switch_button, CLICK)
    qtbot.mouseClick(_box("visitUnsavedBox").button(QMessageBox.StandardButton.Cancel), CLICK)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert s.window.central_stack.currentWidget() is s.window.lock_cover
    signed_out: list[bool] = []
    s.window.signOutRequested.connect(lambda: signed_out.append(True))
    qtbot.mouseClick(dialog.switch_button, CLICK)
    qtbot.mouseClick(_box("visitUnsavedBox").button(QMessageBox.StandardButton.Discard), CLICK)
    assert signed_out == [True] and not s.window.is_locked()


def test_switch_user_signs_in_someone_else_without_restarting(
    qtbot, office: Office, settings
) -> None:  # type: ignore[no-untyped-def]
    """切换用户 closes the clerk's window and the sign-in dialog lets the reviewer in: a new
    window for the reviewer, no restart."""
    from PySide6.QtCore import QTimer
    from shiboken6 import isValid

    from reliefdesk.options import Options
    from reliefdesk.ui import crash
    from reliefdesk.ui.application import Startup

    startup = Startup(QApplication.instance(), Options(None, False, 0, None), settings)
    startup.db = office.db
    startup._show_main_window(office.actors["clerk"], None)
    first = startup.window
    assert first is not None
    qtbot.waitUntil(first.isVisible, timeout=5000)

    def sign_in() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(50, sign_in)
            return
        d = dialogs[0]
        d.username_edit.setText("reviewer")
        d.password_edit.setText(PASSWORD)
        d.login_button.click()

    QTimer.singleShot(0, sign_in)
    first.switch_user_action.trigger()
    qtbot.waitUntil(
        lambda: startup.window is not None and startup.window is not first, timeout=20000
    )
    assert startup.ctx is not None and startup.ctx.actor.username == "reviewer"
    assert "reviewer" in startup.window.user_label.text()
    qtbot.addWidget(startup.window)  # closed and deleted by pytest-qt after the test
    # the clerk's window is gone with its pages, and none of their ops or page-building
    # timers reached a deleted widget (that used to open the crash dialog)
    qtbot.waitUntil(lambda: not isValid(first), timeout=5000)
    wait_idle(qtbot)
    assert crash.current_handler() is None
    startup.window.close()
