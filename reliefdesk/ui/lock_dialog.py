"""Modal lock screen (after idling, or Ctrl+L): only the right password brings the window
back; 切换用户 signs out instead (the main window asks about unsaved work first). A locked
account says so and until when."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import AuthError, ReliefError
from reliefdesk.ui import forms
from reliefdesk.ui.ops import QueryOp


class LockDialog(QDialog):
    """Asks for the current user's password; Escape and the close button do nothing.

    Args:
        verify: ``verify(password) -> bool``, or a check that raises ``AuthError`` with the
            message to show (还可尝试 N 次; 账户已锁定 ... 后可再试).
        user_label: who is locked out, shown as a hint ("张三（经办人）").
        idle: locked after inactivity (True) or by the user (Ctrl+L).
        parent: the main window.

    Emits ``accepted`` when the password is right, ``switchUserRequested`` for 切换用户, and
    ``checked(ok)`` after each check (the check runs off the GUI thread).
    """

    switchUserRequested = Signal()
    checked = Signal(bool)

    def __init__(
        self,
        verify: Callable[[str], object],
        *,
        user_label: str = "",
        idle: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("Locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._verify = verify
        self._allow_close = False
        self._checking = False

        title = QLabel(self.tr("The screen is locked"))
        title.setObjectName("lockTitleLabel")
        title.setProperty("role", "dialogTitle")
        hint = QLabel(
            self.tr("reliefdesk was locked after a period of inactivity to protect personal data.")
            if idle
            else self.tr("The screen was locked. Enter your password to continue.")
        )
        hint.setObjectName("lockHintLabel")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.user_label = QLabel(user_label)
        self.user_label.setObjectName("lockUserLabel")

        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("lockPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = forms.make_error_label("lockErrorLabel")

        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)

        form = QFormLayout()
        form.addRow(self.tr("User:"), self.user_label)
        form.addRow(
            self.tr("Password:"), forms.with_error_label(self.password_edit, self.error_label)
        )
        self.switch_button = QPushButton(self.tr("Switch user"))
        self.switch_button.setObjectName("lockSwitchUserButton")
        self.switch_button.setToolTip(self.tr("Sign out and let someone else sign in"))
        self.switch_button.clicked.connect(self.switchUserRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        self.password_edit.setFocus()

    @Slot()
    def _on_unlock_button_clicked(self) -> None:
        """Check the password off the GUI thread (Argon2 takes ~0.4 s and the account check
        may wait for a busy database), like the sign-in; the dialog is disabled meanwhile."""
        if self._checking:
            return
        password = self.password_edit.text()
        verify = self._verify
        self._set_checking(True)
        QueryOp(parent=self, op=lambda: verify(password), success=self._on_verified).failure(
            self._on_verify_failed
        ).always(lambda: self._set_checking(False)).run_in_background()

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        for widget in (self.password_edit, self.unlock_button, self.switch_button):
            widget.setEnabled(not checking)

    def _on_verified(self, result: object) -> None:
        if result is None or result is True:  # a check returning nothing passed
            self.password_edit.clear()
            self.error_label.setVisible(False)
            self._allow_close = True
            self.checked.emit(True)
            self.accept()
            return
        self._show_refusal(self.tr("Wrong password. Please try again."))

    def _on_verify_failed(self, exc: ReliefError) -> None:
        if isinstance(exc, AuthError) and exc.code == "auth.locked":
            self.switch_button.setDefault(True)  # the account is locked: offer the way out
        self._show_refusal(str(exc))

    def _show_refusal(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(True)
        forms.fit_window_height(self)
        self.password_edit.clear()
        self._set_checking(False)
        (self.switch_button if self.switch_button.isDefault() else self.password_edit).setFocus()
        self.checked.emit(False)

    def force_close(self) -> None:
        """Close without a password (the application is quitting)."""
        self._allow_close = True
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Override QDialog::reject: the lock cannot be dismissed without the password."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override QDialog::keyPressEvent: swallow Escape."""
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget::closeEvent: only closes once unlocked."""
        if self._allow_close:
            super().closeEvent(event)
        else:
            event.ignore()
