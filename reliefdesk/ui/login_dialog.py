"""Sign-in dialog: username and password, checked by an injected ``authenticate`` callable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
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

from reliefdesk.errors import ReliefError
from reliefdesk.ui import forms
from reliefdesk.ui.ops import QueryOp


class LoginDialog(QDialog):
    """Ask for username and password; on success ``user`` holds what ``authenticate`` returned.

    Args:
        authenticate: ``authenticate(username, password)`` returns the signed-in user object
            or raises ``AuthError`` (any ``ReliefError`` is shown the same way). It runs off
            the GUI thread because password hashing and the database are slow.
        office_name: shown as the dialog's subtitle (e.g. "城关镇民政所").
        username: pre-filled username (e.g. the last one used on this PC).
    """

    def __init__(
        self,
        authenticate: Callable[[str, str], object],
        *,
        office_name: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sign in - reliefdesk"))
        self._authenticate = authenticate
        self.user: object | None = None

        title = QLabel(self.tr("Social assistance casework"))
        title.setObjectName("loginTitleLabel")
        title.setProperty("role", "dialogTitle")
        subtitle = QLabel(office_name)
        subtitle.setObjectName("loginOfficeLabel")
        subtitle.setProperty("role", "hint")
        subtitle.setVisible(bool(office_name))

        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("usernameEdit")
        self.username_edit.setPlaceholderText(self.tr("User name"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = forms.make_error_label("loginErrorLabel", word_wrap=True)

        self.login_button = QPushButton(self.tr("Sign in"))
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self._on_login_button_clicked)
        self.cancel_button = QPushButton(self.tr("Exit"))
        self.cancel_button.setObjectName("loginCancelButton")
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("User name:"), self.username_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(400)
        (self.password_edit if username else self.username_edit).setFocus()

    def show_error(self, message: str) -> None:
        """Show ``message`` under the fields, keep the username, clear the password."""
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        forms.fit_window_height(self)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username_edit, self.password_edit, self.login_button):
            widget.setEnabled(not busy)

    @Slot()
    def _on_login_button_clicked(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self.show_error(self.tr("Please enter your user name and password."))
            return
        self.error_label.setVisible(False)
        self._set_busy(True)
        QueryOp(
            parent=self,
            op=lambda: self._authenticate(username, password),
            success=self._on_authenticated,
        ).failure(self._on_auth_failed).always(lambda: self._set_busy(False)).run_in_background()

    def _on_authenticated(self, user: object) -> None:
        self.user = user
        self.password_edit.clear()
        self.accept()

    def _on_auth_failed(self, error: ReliefError) -> None:
        self.show_error(str(error))
