"""Main window shell: navigation list, page stack, menus, shortcuts, status bar and idle lock.

Real pages are added later by other modules through ``register_page``; until then each
navigation entry shows a placeholder page. Nothing typed is lost: 退出, 注销/切换用户 (also
from the lock screen) first ask each page holding unsaved work (a page with
``has_unsaved()`` / ``ask_unsaved(then)``), and the title carries * while one does. The window
remembers its size and position; its default fits a 1366×768 screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.ui import i18n
from reliefdesk.ui.help import AboutDialog, HelpDialog
from reliefdesk.ui.idle import IdleMonitor, idle_minutes_from
from reliefdesk.ui.lock_dialog import LockDialog
from reliefdesk.ui.page_frame import PageFrame

log = logging.getLogger(__name__)


def _nav_titles() -> dict[str, str]:
    """Navigation keys in display order -> translated titles."""
    return {
        "workbench": QCoreApplication.translate("MainWindow", "Workbench"),
        "households": QCoreApplication.translate("MainWindow", "Households"),
        "applications": QCoreApplication.translate("MainWindow", "Applications"),
        "visits": QCoreApplication.translate("MainWindow", "Home visits"),
        "enrollments": QCoreApplication.translate("MainWindow", "Enrollments"),
        "monitoring": QCoreApplication.translate("MainWindow", "Low-income monitoring"),
        "findings": QCoreApplication.translate("MainWindow", "Department findings"),
        "rosters": QCoreApplication.translate("MainWindow", "Payment rosters"),
        "statistics": QCoreApplication.translate("MainWindow", "Statistics"),
        "settings": QCoreApplication.translate("MainWindow", "Settings"),
    }


NAV_KEYS = (
    "workbench",
    "households",
    "applications",
    "visits",
    "enrollments",
    "monitoring",
    "findings",
    "rosters",
    "statistics",
    "settings",
)


class PlaceholderPage(QFrame):
    """Stand-in for a page that is not built yet."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}Page")
        heading = QLabel(title)
        heading.setObjectName(f"{key}PageTitle")
        heading.setProperty("role", "pageTitle")
        hint = QLabel(self.tr("This part of reliefdesk is being built."))
        hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """The application window.

    Args:
        settings: where the language and idle-lock minutes are stored (QSettings()).
        verify_password: ``verify(password) -> bool`` for the lock dialog; without it the
            window never locks (e.g. before anyone signed in).

    Signals:
        searchRequested: Ctrl+F / Edit > Find.
        newApplicationRequested: Ctrl+N / File > New application.
        saveRequested: Ctrl+S; also calls ``save()`` on the current page if it has one.
        pageChanged(str): the current page key changed.
        locked / unlocked: the idle lock came up / was lifted.
        signOutRequested: 注销 / 切换用户, after unsaved work was dealt with.
    """

    searchRequested = Signal()
    newApplicationRequested = Signal()
    saveRequested = Signal()
    pageChanged = Signal(str)
    locked = Signal()
    unlocked = Signal()
    signOutRequested = Signal()

    GEOMETRY_SETTING = "window/geometry"
    DEFAULT_SIZE = (1280, 700)  # fits 1366×768 with a taskbar

    def __init__(
        self,
        *,
        settings: QSettings | None = None,
        verify_password: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("reliefdesk - social assistance casework") + "[*]")
        self.resize(*self.DEFAULT_SIZE)
        self._settings = settings if settings is not None else QSettings()
        self._verify_password = verify_password
        self._pages: dict[str, QWidget] = {}
        self._frames: dict[str, PageFrame] = {}  # each page inside its scroll area
        self._user_text = ""
        self._database = ""
        self._leaving = False
        self.lock_dialog: LockDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self.about_dialog: AboutDialog | None = None

        self.nav_list = QListWidget()
        self.nav_list.setObjectName("navList")
        self.nav_list.setFixedWidth(180)
        self.nav_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page_stack = QStackedWidget()
        self.page_stack.setObjectName("pageStack")
        for key, title in _nav_titles().items():
            self._add_nav_item(key, title)
            self._add_page(key, PlaceholderPage(key, title))
        self.nav_list.currentRowChanged.connect(self._on_nav_list_current_row_changed)

        content = QWidget()
        content.setObjectName("contentArea")
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav_list)
        row.addWidget(self.page_stack, 1)

        # While locked the cover replaces the content, so no personal data stays on screen.
        self.lock_cover = QFrame()
        self.lock_cover.setObjectName("lockCover")
        self.central_stack = QStackedWidget()
        self.central_stack.setObjectName("centralStack")
        self.central_stack.addWidget(content)
        self.central_stack.addWidget(self.lock_cover)
        self.setCentralWidget(self.central_stack)

        self._build_status_bar()
        self._build_menus()

        self.idle_monitor = IdleMonitor.from_minutes(idle_minutes_from(self._settings), self)
        self.idle_monitor.idleTimeout.connect(self.lock)
        if verify_password is not None:
            self.idle_monitor.start()

        self.nav_list.setCurrentRow(0)

    # -- pages ------------------------------------------------------------------------------

    def register_page(self, key: str, widget: QWidget, title: str | None = None) -> None:
        """Show ``widget`` for navigation entry ``key``.

        A known key (``NAV_KEYS``) replaces its placeholder; a new key needs ``title`` and gets
        a new navigation entry at the end. A page with a ``save()`` method receives Ctrl+S; one
        with a ``modifiedChanged(bool)`` signal marks the window title (*).
        """
        signal = getattr(widget, "modifiedChanged", None)
        if signal is not None:
            signal.connect(self._update_modified)
        if key in self._pages:
            old = self._frames[key]
            index = self.page_stack.indexOf(old)
            frame = self._frame(key, widget)
            self.page_stack.insertWidget(index, frame)
            self.page_stack.removeWidget(old)
            old.deleteLater()
            self._pages[key] = widget
            if title is not None:
                self._nav_item(key).setText(title)
            if self.nav_list.currentRow() == index:
                self.page_stack.setCurrentWidget(frame)
            return
        if title is None:
            raise ValueError(f"new page {key!r} needs a title")
        self._add_nav_item(key, title)
        self._add_page(key, widget)

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def page_keys(self) -> list[str]:
        """Keys in navigation order."""
        return [
            self.nav_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.nav_list.count())
        ]

    def show_page(self, key: str) -> None:
        self.nav_list.setCurrentItem(self._nav_item(key))

    def current_page_key(self) -> str:
        item = self.nav_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def current_page(self) -> QWidget | None:
        frame = self.page_stack.currentWidget()
        return frame.page() if isinstance(frame, PageFrame) else frame

    def _frame(self, key: str, widget: QWidget) -> PageFrame:
        """The page inside its frame: it scrolls when the window is smaller than its minimum
        (a 1366×768 screen with a taskbar) instead of pushing the window past the screen."""
        frame = PageFrame(widget)
        frame.setObjectName(f"{key}PageFrame")
        self._frames[key] = frame
        return frame

    def _add_nav_item(self, key: str, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav_list.addItem(item)

    def _add_page(self, key: str, widget: QWidget) -> None:
        self._pages[key] = widget
        self.page_stack.addWidget(self._frame(key, widget))

    def _nav_item(self, key: str) -> QListWidgetItem:
        for i in range(self.nav_list.count()):
            item = self.nav_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return item
        raise KeyError(key)

    @Slot(int)
    def _on_nav_list_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav_list.item(row).data(Qt.ItemDataRole.UserRole)
        self.page_stack.setCurrentWidget(self._frames[key])
        self.pageChanged.emit(key)

    # -- status bar -------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdueLabel")
        bar.addWidget(self.user_label)
        bar.addWidget(self.database_label, 1)
        bar.addPermanentWidget(self.overdue_label)
        self.set_user("", "")
        self.set_overdue_count(0)

    def set_user(self, name: str, role_label: str) -> None:
        """Show who is signed in, e.g. ``set_user("张三", "经办人")``."""
        if name:
            self._user_text = self.tr("{name} ({role})").format(name=name, role=role_label)
            self.user_label.setText(self.tr("User: {user}").format(user=self._user_text))
        else:
            self._user_text = ""
            self.user_label.setText(self.tr("Not signed in"))

    def set_database_label(self, text: str) -> None:
        """Show where the data lives (a file path or a server name)."""
        self._database = text
        self.database_label.setText(self.tr("Database: {location}").format(location=text))
        self.database_label.setToolTip(text)

    def set_overdue_count(self, n: int) -> None:
        """Show how many cases are past their time limit (red when there are any)."""
        if n > 0:
            self.overdue_label.setText(self.tr("%n case(s) overdue", "", n))
        else:
            self.overdue_label.setText(self.tr("No overdue cases"))
        self.overdue_label.setProperty("alert", n > 0)
        self.overdue_label.style().unpolish(self.overdue_label)
        self.overdue_label.style().polish(self.overdue_label)

    # -- menus and shortcuts ----------------------------------------------------------------

    def _action(
        self, name: str, text: str, shortcut: str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menuBar")

        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.new_application_action = self._action(
            "newApplicationAction",
            self.tr("&New application"),
            "Ctrl+N",
            self.newApplicationRequested.emit,
        )
        self.save_action = self._action(
            "saveAction", self.tr("&Save"), "Ctrl+S", self._on_save_action_triggered
        )
        self.lock_action = self._action(
            "lockAction", self.tr("&Lock screen"), "Ctrl+L", lambda: self.lock(idle=False)
        )
        self.sign_out_action = self._action(
            "signOutAction", self.tr("Sign &out"), None, self.request_sign_out
        )
        self.switch_user_action = self._action(
            "switchUserAction", self.tr("S&witch user..."), None, self.request_sign_out
        )
        self.quit_action = self._action("quitAction", self.tr("E&xit"), "Ctrl+Q", self.close)
        file_menu.addAction(self.new_application_action)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.switch_user_action)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        self.find_action = self._action(
            "findAction", self.tr("&Find..."), "Ctrl+F", self.searchRequested.emit
        )
        edit_menu.addAction(self.find_action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.setObjectName("settingsMenu")
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        language_menu.setObjectName("languageMenu")
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        current = i18n.saved_language(self._settings)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"language_{code}_Action")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.language_group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_group.triggered.connect(self._on_language_group_triggered)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.help_action = self._action(
            "helpAction",
            self.tr("&Guide to this page"),
            "F1",
            lambda: self.show_help(self.current_page_key()),
        )
        self.procedure_action = self._action(
            "procedureAction",
            self.tr("The year's &procedure"),
            None,
            lambda: self.show_help("year"),
        )
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.procedure_action)
        help_menu.addSeparator()
        self.about_action = self._action(
            "aboutAction", self.tr("&About reliefdesk"), None, self._on_about_action_triggered
        )
        help_menu.addAction(self.about_action)

    @Slot()
    def _on_save_action_triggered(self) -> None:
        self.saveRequested.emit()
        save = getattr(self.current_page(), "save", None)
        if callable(save):
            save()

    @Slot(QAction)
    def _on_language_group_triggered(self, action: QAction) -> None:
        code = action.data()
        if code == i18n.saved_language(self._settings):
            return
        i18n.save_language(self._settings, code)
        self._settings.sync()
        self._message(
            "languageChangedBox",
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The new language will be used after you restart reliefdesk."),
        )

    @Slot()
    def _on_about_action_triggered(self) -> None:
        self.about_dialog = AboutDialog(self._database, self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog.open()

    def show_help(self, topic: str) -> None:
        """The in-app guide, at ``topic`` (a page key or "year")."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(topic, self)
            self.help_dialog.destroyed.connect(lambda: setattr(self, "help_dialog", None))
            self.help_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.help_dialog.show_topic(topic)
        self.help_dialog.show()

    # -- unsaved work, signing out, size and position --------------------------------------

    def unsaved_pages(self) -> list[QWidget]:
        """Pages holding work not yet saved (an open wizard, a visit being edited...)."""
        out = []
        for page in self._pages.values():
            check = getattr(page, "has_unsaved", None)
            if callable(check) and check():
                out.append(page)
        return out

    @Slot()
    def _update_modified(self, *_args: object) -> None:
        self.setWindowModified(bool(self.unsaved_pages()))

    def confirm_leave(self, then: Callable[[], object]) -> None:
        """Run ``then()`` once every page with unsaved work has asked 保存 / 不保存 / 取消
        and none was cancelled (pages ask in turn, each about its own work)."""
        pages = self.unsaved_pages()

        def step(i: int) -> None:
            if i == len(pages):
                self._update_modified()
                then()
                return
            ask = getattr(pages[i], "ask_unsaved", None)
            if callable(ask):
                self.show_page(next(k for k, p in self._pages.items() if p is pages[i]))
                ask(lambda: step(i + 1))
            else:
                step(i + 1)

        step(0)

    @Slot()
    def request_sign_out(self) -> None:
        """注销 / 切换用户: ask about unsaved work, then ``signOutRequested``."""
        self.confirm_leave(self._sign_out)

    def _sign_out(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.force_close()
            self.lock_dialog.deleteLater()
            self.lock_dialog = None
            self.central_stack.setCurrentIndex(0)
        self.idle_monitor.stop()
        self.save_geometry()
        self.signOutRequested.emit()

    def save_geometry(self) -> None:
        self._settings.setValue(self.GEOMETRY_SETTING, self.saveGeometry())

    def restore_geometry(self) -> bool:
        """Size and position of the last session, if they still fit a screen."""
        value = self._settings.value(self.GEOMETRY_SETTING)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return bool(self.restoreGeometry(value))
        return False

    def show_restored(self) -> None:
        """Show at the last size and position, or at the default size centred on the screen
        (never larger than the screen's free area)."""
        if not self.restore_geometry():
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                free = screen.availableGeometry()
                w = min(self.DEFAULT_SIZE[0], free.width())
                h = min(self.DEFAULT_SIZE[1], free.height() - 40)
                self.resize(w, h)
                self.move(
                    free.x() + (free.width() - w) // 2,
                    free.y() + max(0, (free.height() - h - 40) // 2),
                )
        self.show()

    def _message(self, name: str, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- idle lock --------------------------------------------------------------------------

    def set_password_verifier(self, verify: Callable[[str], object] | None) -> None:
        """Set (or clear) the password check; the idle lock runs only while one is set."""
        self._verify_password = verify
        if verify is None:
            self.idle_monitor.stop()
        elif not self.is_locked():
            self.idle_monitor.start()

    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    @Slot()
    def lock(self, idle: bool = True) -> None:
        """Hide the content and ask for the password (no-op without a verifier). Unsaved
        work stays in its editor behind the cover; ``idle`` says why (Ctrl+L passes False)."""
        if self._verify_password is None or self.is_locked():
            return
        log.info("Screen locked (%s)", "idle" if idle else "by the user")
        self.idle_monitor.stop()
        self.central_stack.setCurrentWidget(self.lock_cover)
        self.lock_dialog = LockDialog(
            self._verify_password, user_label=self._user_text, idle=idle, parent=self
        )
        self.lock_dialog.accepted.connect(self._on_lock_dialog_accepted)
        self.lock_dialog.switchUserRequested.connect(self._on_lock_switch_user)
        self.lock_dialog.open()
        self.locked.emit()

    @Slot()
    def _on_lock_dialog_accepted(self) -> None:
        log.info("Screen unlocked")
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
            self.lock_dialog = None
        self.central_stack.setCurrentIndex(0)
        self.idle_monitor.start()
        self.unlocked.emit()

    @Slot()
    def _on_lock_switch_user(self) -> None:
        """切换用户 on the lock screen: the editors behind the cover ask first (their work is
        the signed-in user's), then sign out."""
        if self.unsaved_pages() and self.lock_dialog is not None:
            self.lock_dialog.hide()
            self.central_stack.setCurrentIndex(0)

            self.confirm_leave(self._sign_out)
            if self.unsaved_pages() and self.lock_dialog is not None:
                # a question is open: if the clerk cancels it, the lock comes back
                QTimer.singleShot(0, self._relock_if_cancelled)
            return
        self._sign_out()

    def _relock_if_cancelled(self) -> None:
        boxes = [w for w in self.findChildren(QMessageBox) if w.isVisible()]
        if boxes:
            QTimer.singleShot(200, self._relock_if_cancelled)
        elif self.lock_dialog is not None:
            self.central_stack.setCurrentWidget(self.lock_cover)
            self.lock_dialog.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget::closeEvent: a locked window does not close without the password;
        unsaved work is asked about first (退出 or the title-bar close)."""
        if self.is_locked():
            event.ignore()
            return
        if not self._leaving and self.unsaved_pages():
            event.ignore()

            def leave() -> None:
                self._leaving = True
                self.close()

            self.confirm_leave(leave)
            return
        self.idle_monitor.stop()
        self.save_geometry()
        super().closeEvent(event)
