"""用户与角色: the user list, add user, reset password, change role, (de)activate, unlock."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton

from reliefdesk.services import users
from reliefdesk.services.users import UserInfo
from reliefdesk.ui.admin.common import Section, selected_row
from reliefdesk.ui.admin.user_dialogs import AddUserDialog, PasswordDialog, RoleDialog
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import admin as lbl
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.table_model import Column, RecordTableModel
from reliefdesk.ui.tables import make_table


def _locked_text(info: UserInfo) -> str:
    if info.locked_until is None:
        return ""
    until = info.locked_until
    now = datetime.now(UTC).replace(tzinfo=None) if until.tzinfo is None else datetime.now(UTC)
    if until <= now:
        return ""
    local = until.replace(tzinfo=UTC).astimezone() if until.tzinfo is None else until.astimezone()
    return local.strftime("%Y-%m-%d %H:%M")


class UsersSection(Section):
    """The users table (``users.list_users``) with the admin's actions below it."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(
            "usersSection",
            self.tr("Users and roles"),
            self.tr(
                "Each person signs in with their own account (no shared "
                "accounts). Deactivate accounts that are no longer used."
            ),
            writable=ctx.actor.can("admin.users"),
            parent=parent,
        )
        self.ctx = ctx
        roles = lbl.role_labels()
        yes, no = self.tr("Active"), self.tr("Deactivated")
        self.model = RecordTableModel(
            [
                Column(self.tr("Username"), lambda u: u.username),
                Column(self.tr("Full name"), lambda u: u.display_name),
                Column(self.tr("Role"), lambda u: lbl.label(roles, u.role)),
                Column(self.tr("Works for"), lambda u: u.township_name or self.tr("The county")),
                Column(self.tr("Status"), lambda u: yes if u.active else no),
                Column(self.tr("Locked until"), _locked_text),
            ],
            self,
        )
        self.table = make_table("usersTable", self.model)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 160)
        self.table.setColumnWidth(2, 110)
        self.table.setColumnWidth(3, 120)
        self.table.setColumnWidth(4, 90)
        self.body.addWidget(self.table, 1)

        def button(name: str, text: str) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            return b

        self.add_button = button("usersAddButton", self.tr("Add user..."))
        self.add_button.setProperty("role", "primary")
        self.password_button = button("usersPasswordButton", self.tr("Reset password..."))
        self.role_button = button("usersRoleButton", self.tr("Change role..."))
        self.active_button = button("usersActiveButton", self.tr("Deactivate"))
        self.unlock_button = button("usersUnlockButton", self.tr("Unlock"))
        self.status_label = QLabel()
        self.status_label.setObjectName("usersStatusLabel")
        self.status_label.setProperty("role", "hint")
        row = QHBoxLayout()
        for b in (
            self.add_button,
            self.password_button,
            self.role_button,
            self.active_button,
            self.unlock_button,
        ):
            row.addWidget(b)
        row.addWidget(self.status_label, 1)
        self.body.addLayout(row)
        self.add_button.clicked.connect(self.add_user)
        self.password_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.change_role())
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        row: UserInfo | None = selected_row(self.table)
        return row

    def _update_buttons(self) -> None:
        user = self.selected()
        w = self.writable
        self.add_button.setEnabled(w)
        self.password_button.setEnabled(w and user is not None)
        is_self = user is not None and user.username == self.ctx.actor.username
        # An administrator cannot demote or deactivate themselves (no lock-out of the office).
        self.role_button.setEnabled(w and user is not None and not is_self)
        self.active_button.setEnabled(w and user is not None and not is_self)
        self.active_button.setText(
            self.tr("Reactivate") if user is not None and not user.active else self.tr("Deactivate")
        )
        self.active_button.setToolTip(
            self.tr("You cannot deactivate your own account.") if is_self else ""
        )
        self.unlock_button.setEnabled(w and user is not None and bool(_locked_text(user)))

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        QueryOp(
            parent=self, op=lambda: users.list_users(db, actor), success=self._fill
        ).run_in_background()

    def _fill(self, rows: list[UserInfo]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        if keep is not None:
            for i, r in enumerate(rows):
                if r.id == keep.id:
                    self.table.selectRow(i)
        self._update_buttons()
        self.loaded.emit()

    def _after(self, message: str) -> None:
        self.status_label.setText(message)
        self.refresh()

    def add_user(self) -> AddUserDialog | None:
        if not self.writable:
            return None
        dialog = AddUserDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._after(self.tr("User added.")))
        dialog.open()
        return dialog

    def reset_password(self) -> PasswordDialog | None:
        user = self.selected()
        if not self.writable or user is None:
            return None
        dialog = PasswordDialog(self.ctx, user.username, self)
        dialog.accepted.connect(lambda: self._after(self.tr("Password set.")))
        dialog.open()
        return dialog

    def change_role(self) -> RoleDialog | None:
        user = self.selected()
        if not self.writable or user is None or user.username == self.ctx.actor.username:
            return None
        dialog = RoleDialog(self.ctx, user, self)
        dialog.accepted.connect(lambda: self._after(self.tr("Role changed.")))
        dialog.open()
        return dialog

    def toggle_active(self, *, confirm: bool = True) -> None:
        user = self.selected()
        if not self.writable or user is None or user.username == self.ctx.actor.username:
            return
        active = not user.active
        if confirm and not active:
            answer = QMessageBox.question(
                self,
                self.tr("Deactivate"),
                self.tr("Deactivate the account %1? The user can no longer sign in.").replace(
                    "%1", user.username
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        db, actor = self.ctx.db, self.ctx.actor
        MutationOp(
            parent=self,
            op=lambda: users.set_role(db, actor, user.username, user.role, active),
            success=lambda _r: self._after(self.tr("Saved.")),
        ).run_in_background()

    def unlock(self) -> None:
        user = self.selected()
        if not self.writable or user is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        MutationOp(
            parent=self,
            op=lambda: users.unlock_user(db, actor, user.username),
            success=lambda _r: self._after(self.tr("Account unlocked.")),
        ).run_in_background()
