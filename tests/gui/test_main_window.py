"""Tests for the main window shell, idle lock and language menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from reliefdesk.ui import i18n
from reliefdesk.ui.idle import IdleMonitor
from reliefdesk.ui.main_window import NAV_KEYS, MainWindow


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def test_navigation_switches_pages(qtbot, window):
    """Clicking a navigation entry shows that entry's page and emits pageChanged."""
    assert window.page_keys() == list(NAV_KEYS)
    assert window.current_page_key() == "workbench"
    nav = window.findChild(QWidget, "navList")
    row = NAV_KEYS.index("rosters")
    rect = nav.visualItemRect(nav.item(row))
    with qtbot.waitSignal(window.pageChanged) as blocker:
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["rosters"]
    assert window.findChild(QWidget, "pageStack").currentWidget().widget() is window.page("rosters")
    assert window.current_page() is window.page("rosters")


def test_register_page_replaces_placeholder_and_gets_ctrl_s(qtbot, window):
    """A registered page replaces its placeholder; Ctrl+S emits saveRequested and calls save()."""

    class HouseholdsPage(QWidget):
        saved = 0

        def save(self) -> None:
            HouseholdsPage.saved += 1

    page = HouseholdsPage()
    page.setObjectName("realHouseholdsPage")
    window.register_page("households", page)
    window.show_page("households")
    assert window.current_page() is page
    with qtbot.waitSignal(window.saveRequested):
        QTest.keySequence(window, "Ctrl+S")
    assert HouseholdsPage.saved == 1

    extra = QWidget()
    window.register_page("reports", extra, title="统计报表")
    assert window.page_keys()[-1] == "reports"
    with pytest.raises(ValueError):
        window.register_page("nameless", QWidget())


def test_shortcuts_emit_signals(qtbot, window):
    """Ctrl+F emits searchRequested and Ctrl+N emits newApplicationRequested."""
    with qtbot.waitSignal(window.searchRequested):
        QTest.keySequence(window, "Ctrl+F")
    with qtbot.waitSignal(window.newApplicationRequested):
        QTest.keySequence(window, "Ctrl+N")


def test_status_bar_setters(window):
    """The status bar shows user and role, database location and the overdue count."""
    window.set_user("张三", "经办人")
    window.set_database_label(r"D:\reliefdesk\data.sqlite")
    window.set_overdue_count(3)
    assert "张三" in window.findChild(QLabel, "userLabel").text()
    assert "经办人" in window.findChild(QLabel, "userLabel").text()
    assert r"D:\reliefdesk\data.sqlite" in window.findChild(QLabel, "databaseLabel").text()
    overdue = window.findChild(QLabel, "overdueLabel")
    assert "3" in overdue.text() and overdue.property("alert") is True
    window.set_overdue_count(0)
    assert overdue.property("alert") is False


def test_language_choice_is_saved_for_next_start(qtbot, window, settings):
    """Choosing English saves it in QSettings and tells the user it applies after a restart."""
    assert i18n.saved_language(settings) == "zh_CN"
    window.language_actions["en"].trigger()
    assert i18n.saved_language(settings) == "en"
    box = window.findChild(QMessageBox, "languageChangedBox")
    assert box is not None and box.isVisible()
    box.close()


def test_idle_monitor_fires_after_interval_and_input_restarts_it(qtbot):
    """IdleMonitor emits idleTimeout after the interval; user input in between postpones it."""
    target = QWidget()
    qtbot.addWidget(target)
    target.show()
    monitor = IdleMonitor(300)
    monitor.start()
    try:
        fired = []
        monitor.idleTimeout.connect(lambda: fired.append(True))
        qtbot.wait(200)
        qtbot.keyClick(target, Qt.Key.Key_A)  # restarts the 300 ms countdown
        qtbot.wait(200)
        assert not fired
        with qtbot.waitSignal(monitor.idleTimeout, timeout=2000):
            pass
    finally:
        monitor.stop()


def test_idle_timeout_locks_window_until_password(qtbot, settings):
    """On idle the window hides its content behind a modal lock dialog until the password."""
    win = MainWindow(settings=settings, verify_password=lambda pw: pw == "Right#123")
    qtbot.addWidget(win)
    win.show()
    win.idle_monitor.set_interval_ms(100)
    win.idle_monitor.start()
    with qtbot.waitSignal(win.locked, timeout=2000):
        pass
    dialog = win.lock_dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert win.central_stack.currentWidget() is win.lock_cover
    qtbot.keyClicks(dialog.password_edit, "Right#123")
    with qtbot.waitSignal(win.unlocked):
        dialog.unlock_button.click()
    assert not win.is_locked()
    assert win.central_stack.currentIndex() == 0
    assert win.idle_monitor.is_active()


def test_every_page_fits_a_1366x768_screen_with_a_taskbar(qtbot, sqlite_db, tmp_path):
    """With every page built, the main window can still be as small as an office screen's free
    area (1366×728): a page larger than that scrolls inside the window instead of pushing the
    window past the screen."""
    from PySide6.QtCore import QSettings

    from reliefdesk.ui import application
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.main_window import MainWindow
    from tests.gui.households_fixtures import actor_of

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    ctx = AppContext(sqlite_db, actor_of(sqlite_db, "admin"), None, settings, win)
    loader = application.PageLoader(win, ctx, eager=tuple(k for k, _m, _c in application.PAGES))
    win.show()
    hint = win.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728, hint
    beside_nav = 1366 - win.findChild(QWidget, "navList").width() - 40
    too_wide = {
        key: page.minimumSizeHint().width()
        for key, page in loader.pages.items()
        if page.minimumSizeHint().width() > beside_nav
    }
    assert too_wide == {}  # no page scrolls sideways on a 1366 screen
