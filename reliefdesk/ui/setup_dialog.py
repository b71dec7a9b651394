"""First-run setup for an empty database: the office's details and the first administrator."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.ui.forms import FormErrors

MIN_PASSWORD_LENGTH = 8
_PHONE_RE = re.compile(r"^[0-9][0-9\- ]{4,19}$")
_USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")


@dataclass(frozen=True)
class SetupData:
    """What the setup dialog collected; the caller persists it (office settings + admin user)."""

    county: str
    township: str
    office_name: str
    phone: str
    policy_url: str
    admin_username: str
    admin_display_name: str
    admin_password: str


def password_problem(password: str) -> str | None:
    """Why ``password`` is too weak (translated), or None.

    Rule: at least 8 characters with at least 3 of lowercase, uppercase, digits, symbols.
    WORKAROUND: the core has no password policy yet; move this rule there once it does.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return QCoreApplication.translate(
            "SetupDialog", "The password must have at least 8 characters."
        )
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if classes < 3:
        return QCoreApplication.translate(
            "SetupDialog",
            "Use at least three of: lowercase letters, uppercase letters, digits, symbols.",
        )
    return None


class SetupDialog(QDialog):
    """Collects office details and the first admin account; ``data`` is set on accept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("Initial setup - reliefdesk"))
        self.data: SetupData | None = None

        def edit(name: str, placeholder: str = "", password: bool = False) -> QLineEdit:
            widget = QLineEdit()
            widget.setObjectName(name)
            widget.setPlaceholderText(placeholder)
            if password:
                widget.setEchoMode(QLineEdit.EchoMode.Password)
            return widget

        self.county_edit = edit("countyEdit", self.tr("e.g. Ruzhou City"))
        self.township_edit = edit("townshipEdit", self.tr("e.g. Chengguan Town"))
        self.office_name_edit = edit(
            "officeNameEdit", self.tr("e.g. Chengguan Town civil affairs office")
        )
        self.phone_edit = edit("phoneEdit", self.tr("Printed on notices"))
        self.policy_url_edit = edit("policyUrlEdit", "https://")
        self.admin_username_edit = edit(
            "adminUsernameEdit", self.tr("Letters and digits, e.g. admin")
        )
        self.admin_display_name_edit = edit("adminDisplayNameEdit", self.tr("Real name"))
        self.admin_password_edit = edit("adminPasswordEdit", password=True)
        self.admin_password_confirm_edit = edit("adminPasswordConfirmEdit", password=True)

        self._edits = {
            "county": self.county_edit,
            "township": self.township_edit,
            "office_name": self.office_name_edit,
            "phone": self.phone_edit,
            "policy_url": self.policy_url_edit,
            "admin_username": self.admin_username_edit,
            "admin_display_name": self.admin_display_name_edit,
            "admin_password": self.admin_password_edit,
            "admin_password_confirm": self.admin_password_confirm_edit,
        }
        self.errors = FormErrors(self._edits)

        office_box = QGroupBox(self.tr("Office"))
        office_box.setObjectName("officeGroup")
        office_form = QFormLayout(office_box)
        self._add_row(office_form, self.tr("County (city):"), self.errors.row("county"))
        self._add_row(office_form, self.tr("Township (subdistrict):"), self.errors.row("township"))
        self._add_row(office_form, self.tr("Office name:"), self.errors.row("office_name"))
        self._add_row(office_form, self.tr("Phone:"), self.errors.row("phone"))
        self._add_row(office_form, self.tr("Policy web page:"), self.errors.row("policy_url"))

        admin_box = QGroupBox(self.tr("First administrator"))
        admin_box.setObjectName("adminGroup")
        admin_form = QFormLayout(admin_box)
        self._add_row(admin_form, self.tr("User name:"), self.errors.row("admin_username"))
        self._add_row(admin_form, self.tr("Display name:"), self.errors.row("admin_display_name"))
        self._add_row(admin_form, self.tr("Password:"), self.errors.row("admin_password"))
        self._add_row(
            admin_form, self.tr("Confirm password:"), self.errors.row("admin_password_confirm")
        )
        rule = QLabel(
            self.tr("At least 8 characters, using three of: lowercase, uppercase, digits, symbols.")
        )
        rule.setObjectName("passwordRuleLabel")
        rule.setProperty("role", "hint")
        rule.setWordWrap(True)
        admin_form.addRow("", rule)

        intro = QLabel(
            self.tr(
                "The database is empty. Enter your office's details and create the first "
                "administrator account. You can change the office details later in Settings."
            )
        )
        intro.setObjectName("setupIntroLabel")
        intro.setWordWrap(True)
        title = QLabel(self.tr("Welcome to reliefdesk"))
        title.setObjectName("setupTitleLabel")
        title.setProperty("role", "dialogTitle")

        self.ok_button = QPushButton(self.tr("Create"))
        self.ok_button.setObjectName("setupOkButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("setupCancelButton")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(office_box)
        layout.addWidget(admin_box)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    @staticmethod
    def _add_row(form: QFormLayout, text: str, field: QWidget) -> None:
        # One label width for both group boxes, so their fields line up.
        label = QLabel(text)
        label.setMinimumWidth(130)
        form.addRow(label, field)

    def validate(self) -> bool:
        """Check every field, show problems next to them; True if all is well."""
        self.errors.clear()
        required = self.tr("Required.")
        values = {name: edit.text().strip() for name, edit in self._edits.items()}
        for name in ("county", "township", "office_name", "admin_username", "admin_display_name"):
            if not values[name]:
                self.errors.set_field_error(name, required)
        if values["phone"] and not _PHONE_RE.match(values["phone"]):
            self.errors.set_field_error("phone", self.tr("Enter digits only, e.g. 0375-1234567."))
        url = values["policy_url"]
        if url and not re.match(r"^https?://[^\s/]+\.[^\s]+$", url):
            self.errors.set_field_error(
                "policy_url", self.tr("Enter a full web address starting with http:// or https://.")
            )
        if values["admin_username"] and not _USERNAME_RE.match(values["admin_username"]):
            self.errors.set_field_error(
                "admin_username",
                self.tr("2-32 letters, digits, dots, dashes or underscores."),
            )
        password = self.admin_password_edit.text()
        problem = password_problem(password)
        if problem is not None:
            self.errors.set_field_error("admin_password", problem)
        elif password != self.admin_password_confirm_edit.text():
            self.errors.set_field_error(
                "admin_password_confirm", self.tr("The two passwords do not match.")
            )
        return not self.errors.has_errors()

    def collected(self) -> SetupData:
        """The form's content (call after ``validate()`` returned True)."""
        return SetupData(
            county=self.county_edit.text().strip(),
            township=self.township_edit.text().strip(),
            office_name=self.office_name_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            policy_url=self.policy_url_edit.text().strip(),
            admin_username=self.admin_username_edit.text().strip(),
            admin_display_name=self.admin_display_name_edit.text().strip(),
            admin_password=self.admin_password_edit.text(),
        )

    @Slot()
    def _on_ok_button_clicked(self) -> None:
        if not self.validate():
            for widget in self._edits.values():
                if widget.property("invalid"):
                    widget.setFocus()
                    break
            return
        self.data = self.collected()
        self.accept()
