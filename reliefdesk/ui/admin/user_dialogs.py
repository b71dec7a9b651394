"""Dialogs of the users section: add a user, set a password, change a role."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ValidationError
from reliefdesk.services import register, users
from reliefdesk.services.context import ROLES
from reliefdesk.services.register.types import TownshipView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.labels import admin as lbl
from reliefdesk.ui.ops import MutationOp, QueryOp


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _FormDialog(QDialog):
    """A dialog whose OK runs ``work()`` off the GUI thread and shows errors by field."""

    def __init__(self, name: str, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        self.form = QFormLayout()
        self.general_error = make_error_label(f"{name}GeneralError", word_wrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName(f"{name}OkButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.errors: FormErrors
        self.result_value: object = None

    def run(self, work: Callable[[], object]) -> None:
        self.errors.clear()
        self.ok_button.setEnabled(False)
        MutationOp(parent=self, op=work, success=self._done).failure(self.errors.show_error).always(
            lambda: self.ok_button.setEnabled(True)
        ).with_progress(self.tr("Saving...")).run_in_background()

    def _done(self, value: object) -> None:
        self.result_value = value
        self.accept()

    def submit(self) -> None:
        raise NotImplementedError


class PasswordFields:
    """Password + confirmation with the strength rule shown next to the field, live."""

    def __init__(self, owner: QWidget, prefix: str) -> None:
        self.password_edit = _password_edit(f"{prefix}PasswordEdit")
        self.confirm_edit = _password_edit(f"{prefix}ConfirmEdit")
        self.rule_label = QLabel(
            QCoreApplication.translate(
                "PasswordFields",
                "At least 8 characters with 3 of: upper case, lower case, digits, symbols.",
            )
        )
        self.rule_label.setObjectName(f"{prefix}PasswordRuleLabel")
        self.rule_label.setProperty("role", "hint")
        self._owner = owner
        self.password_edit.textChanged.connect(self._update_rule)

    def _update_rule(self, text: str) -> None:
        try:
            users.check_password_strength(text)
        except ValidationError:
            ok = False
        else:
            ok = True
        self.rule_label.setStyleSheet("color:#2e7d32;" if ok and text else "")

    def check_confirm(self, errors: FormErrors) -> bool:
        """The two entries must match (a form check, before asking the service)."""
        if self.password_edit.text() != self.confirm_edit.text():
            errors.set_field_error(
                "confirm", QCoreApplication.translate("PasswordFields", "The two passwords differ.")
            )
            self.confirm_edit.setFocus()
            return False
        return True


class AddUserDialog(_FormDialog):
    """New user: username, display name, role, password twice (``users.add_user``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("addUserDialog", self.tr("Add user"), parent)
        self.ctx = ctx
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("addUserUsernameEdit")
        self.display_edit = QLineEdit()
        self.display_edit.setObjectName("addUserDisplayNameEdit")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("addUserRoleCombo")
        roles = lbl.role_labels()
        for code in ROLES:
            self.role_combo.addItem(roles[code], code)
        # 工作范围: a township (its households only) or the county (all); a township admin
        # adds users of their own township only
        self.township_combo = QComboBox()
        self.township_combo.setObjectName("addUserTownshipCombo")
        self.pw = PasswordFields(self, "addUser")
        self.errors = FormErrors(
            {
                "username": self.username_edit,
                "display_name": self.display_edit,
                "role": self.role_combo,
                "township": self.township_combo,
                "password": self.pw.password_edit,
                "confirm": self.pw.confirm_edit,
            },
            general=self.general_error,
        )
        self.form.addRow(self.tr("Username:"), self.errors.row("username"))
        self.form.addRow(self.tr("Full name:"), self.errors.row("display_name"))
        self.form.addRow(self.tr("Role:"), self.errors.row("role"))
        self.form.addRow(self.tr("Works for:"), self.errors.row("township"))
        self.form.addRow(self.tr("Password:"), self.errors.row("password"))
        self.form.addRow("", self.pw.rule_label)
        self.form.addRow(self.tr("Repeat password:"), self.errors.row("confirm"))
        db, actor = ctx.db, ctx.actor
        QueryOp(
            parent=self, op=lambda: register.list_townships(db, actor), success=self._townships
        ).run_in_background()

    def _townships(self, towns: list[TownshipView]) -> None:
        """Fill 工作范围: the county (for a county admin) and the townships; preselect the
        admin's own township, or the township the office is in."""
        actor, office = self.ctx.actor, self.ctx.office
        if actor.township_id is None:
            self.township_combo.addItem(self.tr("The county (sees every township)"), None)
        for t in towns:
            self.township_combo.addItem(t.name, t.id)
        own = actor.township_id
        if own is None and office is not None:
            own = next((t.id for t in towns if t.code == office.township_code), None)
        index = self.township_combo.findData(own) if own is not None else 0
        self.township_combo.setCurrentIndex(max(index, 0))
        self.township_combo.setEnabled(actor.township_id is None)

    def submit(self) -> None:
        self.errors.clear()
        if not self.pw.check_confirm(self.errors):
            return
        db, actor = self.ctx.db, self.ctx.actor
        username, display = self.username_edit.text(), self.display_edit.text().strip()
        role, password = self.role_combo.currentData(), self.pw.password_edit.text()
        town = self.township_combo.currentData() if self.township_combo.count() else None
        if town is None and self.township_combo.count() == 0:
            town = actor.township_id  # the list has not arrived yet: the admin's own

        def work() -> users.UserInfo:
            return users.create_user(db, actor, username, role, password, display, township_id=town)

        self.run(work)


class PasswordDialog(_FormDialog):
    """Reset a user's password (``users.set_password``)."""

    def __init__(self, ctx: AppContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__("passwordDialog", self.tr("Reset password"), parent)
        self.ctx = ctx
        self.username = username
        self.pw = PasswordFields(self, "resetPassword")
        self.errors = FormErrors(
            {"password": self.pw.password_edit, "confirm": self.pw.confirm_edit},
            general=self.general_error,
        )
        who = QLabel(username)
        who.setObjectName("passwordDialogUserLabel")
        self.form.addRow(self.tr("User:"), who)
        self.form.addRow(self.tr("New password:"), self.errors.row("password"))
        self.form.addRow("", self.pw.rule_label)
        self.form.addRow(self.tr("Repeat password:"), self.errors.row("confirm"))

    def submit(self) -> None:
        self.errors.clear()
        if not self.pw.check_confirm(self.errors):
            return
        db, actor, username = self.ctx.db, self.ctx.actor, self.username
        password = self.pw.password_edit.text()
        self.run(lambda: users.set_password(db, actor, username, password))


class RoleDialog(_FormDialog):
    """Change a user's role (``users.set_role``); the active flag is kept."""

    def __init__(
        self, ctx: AppContext, user: users.UserInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__("roleDialog", self.tr("Change role"), parent)
        self.ctx = ctx
        self.user = user
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleDialogRoleCombo")
        roles = lbl.role_labels()
        for code in ROLES:
            self.role_combo.addItem(roles[code], code)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(user.role)))
        self.errors = FormErrors({"role": self.role_combo}, general=self.general_error)
        who = QLabel(f"{user.display_name}（{user.username}）")
        who.setObjectName("roleDialogUserLabel")
        self.form.addRow(self.tr("User:"), who)
        self.form.addRow(self.tr("Role:"), self.errors.row("role"))

    def submit(self) -> None:
        db, actor, user = self.ctx.db, self.ctx.actor, self.user
        role = self.role_combo.currentData()
        self.run(lambda: users.set_role(db, actor, user.username, role, user.active))
