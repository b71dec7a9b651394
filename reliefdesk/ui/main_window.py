"""Main window shell: navigation list, page stack, menus, shortcuts, status bar and idle lock.

Real pages are added later by other modules through ``register_page``; until then each
navigation entry shows a placeholder page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
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

import reliefdesk
from reliefdesk.ui import i18n
from reliefdesk.ui.idle import IdleMonitor, idle_minutes_from
from reliefdesk.ui.lock_dialog import LockDialog

log = logging.getLogger(__name__)


def _nav_titles() -> dict[str, str]:
    """Navigation keys in display order -> translated titles."""
    return {
        "workbench": QCoreApplication.translate("MainWindow", "Workbench"),
        "households": QCoreApplication.translate("MainWindow", "Households"),
        "applications": QCoreApplication.translate("MainWindow", "Applications"),
        "visits": QCoreApplication.translate("MainWindow", "Home visits"),
        "enrollments": QCoreApplication.translate("MainWindow", "Enrollments"),
        "rosters": QCoreApplication.translate("MainWindow", "Payment rosters"),
        "settings": QCoreApplication.translate("MainWindow", "Settings"),
    }


NAV_KEYS = ("workbench", "households", "applications", "visits", "enrollments", "rosters",
            "settings")


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
    """

    searchRequested = Signal()
    newApplicationRequested = Signal()
    saveRequested = Signal()
    pageChanged = Signal(str)
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        *,
        settings: QSettings | None = None,
        verify_password: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("reliefdesk - social assistance casework"))
        self.resize(1180, 760)
        self._settings = settings if settings is not None else QSettings()
        self._verify_password = verify_password
        self._pages: dict[str, QWidget] = {}
        self._user_text = ""
        self.lock_dialog: LockDialog | None = None

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
        a new navigation entry at the end. A page with a ``save()`` method receives Ctrl+S.
        """
        if key in self._pages:
            old = self._pages[key]
            index = self.page_stack.indexOf(old)
            self.page_stack.insertWidget(index, widget)
            self.page_stack.removeWidget(old)
            old.deleteLater()
            self._pages[key] = widget
            if title is not None:
                self._nav_item(key).setText(title)
            if self.nav_list.currentRow() == index:
                self.page_stack.setCurrentWidget(widget)
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
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def current_page(self) -> QWidget:
        return self.page_stack.currentWidget()

    def _add_nav_item(self, key: str, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav_list.addItem(item)

    def _add_page(self, key: str, widget: QWidget) -> None:
        self._pages[key] = widget
        self.page_stack.addWidget(widget)

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
        self.page_stack.setCurrentWidget(self._pages[key])
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
        self.lock_action = self._action("lockAction", self.tr("&Lock screen"), "Ctrl+L", self.lock)
        self.quit_action = self._action("quitAction", self.tr("E&xit"), "Ctrl+Q", self.close)
        file_menu.addAction(self.new_application_action)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
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
        self._message(
            "aboutBox",
            QMessageBox.Icon.Information,
            self.tr("About reliefdesk"),
            self.tr("reliefdesk {version}\nCasework for township social assistance.").format(
                version=reliefdesk.__version__
            ),
        )

    def _message(self, name: str, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- idle lock --------------------------------------------------------------------------

    def set_password_verifier(self, verify: Callable[[str], bool] | None) -> None:
        """Set (or clear) the password check; the idle lock runs only while one is set."""
        self._verify_password = verify
        if verify is None:
            self.idle_monitor.stop()
        elif not self.is_locked():
            self.idle_monitor.start()

    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    @Slot()
    def lock(self) -> None:
        """Hide the content and ask for the password (no-op without a verifier)."""
        if self._verify_password is None or self.is_locked():
            return
        log.info("Screen locked")
        self.idle_monitor.stop()
        self.central_stack.setCurrentWidget(self.lock_cover)
        self.lock_dialog = LockDialog(
            self._verify_password, user_label=self._user_text, parent=self
        )
        self.lock_dialog.accepted.connect(self._on_lock_dialog_accepted)
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

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget::closeEvent: a locked window does not close without the password."""
        if self.is_locked():
            event.ignore()
            return
        self.idle_monitor.stop()
        super().closeEvent(event)
