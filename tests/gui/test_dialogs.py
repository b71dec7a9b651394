"""Tests for the login, setup and lock dialogs and the form error helper."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from reliefdesk.errors import AuthError, ValidationError
from reliefdesk.ui.forms import FormErrors
from reliefdesk.ui.lock_dialog import LockDialog
from reliefdesk.ui.login_dialog import LoginDialog
from reliefdesk.ui.setup_dialog import SetupDialog, password_problem


def test_login_failure_shows_error_keeps_username_clears_password(qtbot):
    """An AuthError is shown under the fields; the username stays, the password is cleared."""

    def authenticate(username: str, password: str) -> object:
        raise AuthError("用户名或密码错误，还可尝试 4 次")

    dialog = LoginDialog(authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "zhangsan")
    qtbot.keyClicks(dialog.password_edit, "wrong-pass")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error_label.isVisible)

    assert dialog.findChild(type(dialog.error_label), "loginErrorLabel").text() == (
        "用户名或密码错误，还可尝试 4 次"
    )
    assert dialog.username_edit.text() == "zhangsan"
    assert dialog.password_edit.text() == ""
    assert dialog.login_button.isEnabled()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_login_success_accepts_with_user_and_runs_off_gui_thread(qtbot):
    """authenticate() runs off the GUI thread; on success the dialog accepts and keeps the user."""
    calls = []

    def authenticate(username: str, password: str) -> object:
        calls.append((username, password, threading.current_thread()))
        return {"username": username, "role": "admin"}

    dialog = LoginDialog(authenticate, username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "Secret#2024")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.user == {"username": "admin", "role": "admin"}
    assert calls[0][:2] == ("admin", "Secret#2024")
    assert calls[0][2] is not threading.main_thread()


def _fill_setup(dialog: SetupDialog, password: str, confirm: str) -> None:
    dialog.county_edit.setText("汝州市")
    dialog.township_edit.setText("城关镇")
    dialog.office_name_edit.setText("城关镇民政所")
    dialog.phone_edit.setText("0375-6012345")
    dialog.policy_url_edit.setText("https://www.ruzhou.gov.cn/mzj")
    dialog.admin_username_edit.setText("admin")
    dialog.admin_display_name_edit.setText("王会计")
    dialog.admin_password_edit.setText(password)
    dialog.admin_password_confirm_edit.setText(confirm)


def test_setup_rejects_weak_password_next_to_field_and_keeps_input(qtbot):
    """A weak password is reported under the password field, marked red, and nothing is lost."""
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_setup(dialog, "abcdefgh", "abcdefgh")
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: (
            dialog.admin_password_edit.height()
            >= dialog.admin_password_edit.minimumSizeHint().height()
        )
    )
    assert dialog.data is None and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.field_error("admin_password") == password_problem("abcdefgh")
    assert dialog.admin_password_edit.property("invalid") is True
    assert dialog.township_edit.text() == "城关镇"
    assert dialog.admin_password_edit.text() == "abcdefgh"


def test_setup_required_fields_and_mismatched_confirmation(qtbot):
    """Empty required fields and a wrong confirmation are each reported on their own field."""
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    _fill_setup(dialog, "Abcdefg1", "Abcdefg2")
    dialog.county_edit.clear()
    dialog.ok_button.click()
    assert dialog.errors.field_error("county") != ""
    assert dialog.errors.field_error("admin_password") == ""
    assert dialog.errors.field_error("admin_password_confirm") != ""
    assert dialog.errors.field_error("township") == ""


def test_setup_valid_input_returns_dataclass(qtbot):
    """Valid input accepts the dialog and returns the values as a SetupData."""
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    _fill_setup(dialog, "Chengguan#1", "Chengguan#1")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    data = dialog.data
    assert data is not None
    assert (data.county, data.township, data.admin_username) == ("汝州市", "城关镇", "admin")
    assert data.admin_password == "Chengguan#1"


def test_password_rule_needs_length_and_three_classes():
    """The first-admin password needs 8+ characters and 3 of 4 character classes."""
    assert password_problem("Ab1!") is not None
    assert password_problem("abcdefgh") is not None
    assert password_problem("abcdefg1") is not None
    assert password_problem("abcdef1!") is None
    assert password_problem("ABCDEFg1") is None


def test_form_errors_show_relief_error_by_field_and_clear_on_edit(qtbot):
    """show_error() puts str(error) under error.field, keeps the text, clears when edited."""
    edit = QLineEdit("11010519491231002")
    edit.setObjectName("idNumberEdit")
    qtbot.addWidget(edit)
    errors = FormErrors({"id_number": edit})
    box = errors.row("id_number")
    qtbot.addWidget(box)
    assert errors.show_error(ValidationError("身份证号码应为18位", field="id_number"))
    assert errors.error_label("id_number").objectName() == "idNumberEditError"
    assert errors.field_error("id_number") == "身份证号码应为18位"
    assert edit.property("invalid") is True
    assert edit.text() == "11010519491231002"
    qtbot.keyClicks(edit, "X")
    assert edit.property("invalid") is False and errors.field_error("id_number") == ""
    assert not errors.show_error(ValidationError("其他错误", field="unknown"))


def test_lock_dialog_needs_right_password(qtbot):
    """The lock dialog stays up on a wrong password and Escape; the right one accepts it."""
    dialog = LockDialog(lambda pw: pw == "Right#123", user_label="张三（经办人）")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.password_edit, "nope")
    with qtbot.waitSignal(dialog.checked):  # the check runs off the GUI thread
        dialog.unlock_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.password_edit.text() == ""
    qtbot.keyClicks(dialog.password_edit, "Right#123")
    with qtbot.waitSignal(dialog.accepted):
        dialog.unlock_button.click()
