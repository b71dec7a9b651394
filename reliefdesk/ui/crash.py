"""Crash handling: unexpected exceptions are logged and shown in a dialog with a copyable report.

Known errors (``ReliefError``) never come here; they are shown as plain messages by ``ops`` and
``forms``. Anything else is a bug: ``CrashHandler`` writes the traceback to the log and shows a
``CrashDialog`` (after qutebrowser's ``crashsignal`` and OpenLP's ``ExceptionForm``).
"""

from __future__ import annotations

import datetime
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

import reliefdesk
from reliefdesk.logsetup import mask_sensitive
from reliefdesk.ui import logging_setup

log = logging.getLogger("reliefdesk.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def build_report(exc: BaseException, *, log_path: Path | None) -> str:
    """Return the plain-text crash report (versions, platform, traceback, log path), with
    ID, account and phone numbers and passwords masked (it is shown and copied)."""
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    lines = [
        f"reliefdesk {reliefdesk.__version__}",
        f"Time: {datetime.datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, Qt {qVersion()}",
        f"Platform: {platform.platform()}",
        f"Thread: {threading.current_thread().name}",
        f"Log file: {log_path if log_path is not None else '-'}",
        "",
        tb.rstrip(),
    ]
    return mask_sensitive("\n".join(lines))


class CrashDialog(QDialog):
    """Shows a crash report read-only, with Copy / Open log folder / Close.

    Further crashes while the dialog is open are appended to it instead of opening more dialogs.
    """

    def __init__(self, report: str, *, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(720, 460)
        self._log_path = log_path

        intro = QLabel(
            self.tr(
                "reliefdesk ran into an unexpected problem. Your last action may not have been "
                "saved. Please copy the report below and send it to the system administrator."
            )
        )
        intro.setObjectName("crashIntroLabel")
        intro.setWordWrap(True)

        self.report_edit = QPlainTextEdit(report)
        self.report_edit.setObjectName("crashReport")
        self.report_edit.setReadOnly(True)
        self.report_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("crashCopyButton")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.open_log_button = QPushButton(self.tr("Open log folder"))
        self.open_log_button.setObjectName("crashOpenLogButton")
        self.open_log_button.setEnabled(log_path is not None)
        self.open_log_button.clicked.connect(self._on_open_log_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("crashButtonBox")
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.open_log_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report_edit, 1)
        layout.addLayout(row)

    def report(self) -> str:
        """The full text shown (what Copy puts on the clipboard)."""
        return self.report_edit.toPlainText()

    def append_report(self, report: str) -> None:
        """Add a further crash report below the existing one."""
        self.report_edit.appendPlainText("\n" + "-" * 60 + "\n" + report)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(1500, self, lambda: self.copy_button.setText(self.tr("Copy")))

    @Slot()
    def _on_open_log_button_clicked(self) -> None:
        if self._log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_path.parent)))


class CrashHandler(QObject):
    """Logs unexpected exceptions and shows them in a ``CrashDialog``.

    Args:
        log_path: the log file shown in the report; defaults to the one set up by
            ``logging_setup.setup_logging``.
        parent_widget: returns the window to parent the dialog on (e.g. the main window).

    Signals:
        crashed(str): a report was produced (emitted on the GUI thread).
    """

    crashed = Signal(str)
    _exception_arrived = Signal(object)

    def __init__(
        self,
        *,
        log_path: Path | None = None,
        parent_widget: Callable[[], QWidget | None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("crashHandler")
        self._log_path = log_path
        self._parent_widget = parent_widget or (lambda: None)
        self._previous_hook: Callable[..., object] | None = None
        self._dialog: CrashDialog | None = None
        # Exceptions from other threads hop to the GUI thread through this queued signal.
        self._exception_arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @property
    def log_path(self) -> Path | None:
        return self._log_path or logging_setup.current_log_path()

    def activate(self) -> None:
        """Install as ``sys.excepthook``."""
        self._previous_hook = sys.excepthook
        sys.excepthook = self.excepthook
        _set_current(self)

    def deactivate(self) -> None:
        """Restore the previous ``sys.excepthook``."""
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if _current is self:
            _set_current(None)

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook`` replacement."""
        if issubclass(exc_type, KeyboardInterrupt) and self._previous_hook is not None:
            self._previous_hook(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        self.handle(exc)

    def handle(self, exc: BaseException) -> None:
        """Log ``exc`` with its traceback, then show it (safe to call from any thread)."""
        log.critical("Unhandled exception", exc_info=(type(exc), exc, exc.__traceback__))
        report = build_report(exc, log_path=self.log_path)
        if threading.current_thread() is threading.main_thread():
            self._show(report)
        else:
            self._exception_arrived.emit(report)

    @Slot(object)
    def _show(self, report: str) -> None:
        # No slot on the dialog's ``destroyed``: a parentless dialog is deleted when this
        # handler is garbage-collected, and PySide would then call a method of a half-freed
        # handler (segmentation fault). The dialog closes itself (WA_DeleteOnClose); its
        # wrapper just turns invalid.
        dialog = self.dialog
        if dialog is not None and dialog.isVisible():
            dialog.append_report(report)
        else:
            self._dialog = CrashDialog(report, log_path=self.log_path, parent=self._parent_widget())
            self._dialog.open()
        self.crashed.emit(report)

    @property
    def dialog(self) -> CrashDialog | None:
        """The crash dialog while it exists (None once it was closed and deleted)."""
        if self._dialog is not None and not isValid(self._dialog):
            self._dialog = None
        return self._dialog


_current: CrashHandler | None = None


def _set_current(handler: CrashHandler | None) -> None:
    global _current
    _current = handler


def current_handler() -> CrashHandler | None:
    """The activated handler, if any."""
    return _current


def report_exception(exc: BaseException) -> None:
    """Route a bug to the active crash handler; without one, log it and use a temporary one."""
    handler = _current
    if handler is None:
        handler = CrashHandler()
        _set_current(handler)  # keep it alive and reuse it; it does not touch sys.excepthook
    handler.handle(exc)
