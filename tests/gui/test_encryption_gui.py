"""Encryption at rest in the desktop (issue 19): a new office is created encrypted and shows
its recovery code; an encrypted office opens only through the sign-in window; the workbench
warns an administrator of a plain database file."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from reliefdesk.db.cipher import is_plain_file
from reliefdesk.db.keyfile import keyfile_path
from reliefdesk.models import User
from reliefdesk.options import Options
from reliefdesk.services.context import Actor
from reliefdesk.ui import ops
from reliefdesk.ui.application import Startup, create_encrypted_office
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.login_dialog import LoginDialog
from reliefdesk.ui.main_window import MainWindow
from reliefdesk.ui.recovery_dialog import RecoveryCodeDialog
from reliefdesk.ui.setup_dialog import SetupData
from reliefdesk.ui.workbench.page import WorkbenchPage

ADMIN_PW = "Admin#Pass2026"
PASSWORD = "Test#Pass2026"  # the users of the ``sqlite_db`` fixture (tests/conftest.py)
DATA = SetupData(
    county="汝州市",
    township="蟒川镇",
    office_name="蟒川镇民政所",
    phone="",
    policy_url="",
    admin_username="admin",
    admin_display_name="管理员",
    admin_password=ADMIN_PW,
)


def test_new_office_is_encrypted_and_its_recovery_sheet_saves(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Set-up makes an encrypted file with its key file; the recovery dialog shows the code
    and saves the printable sheet with the office name and the code."""
    path = tmp_path / "office.sqlite3"
    db, code = create_encrypted_office(f"sqlite:///{path}", DATA)
    try:
        assert not is_plain_file(path) and keyfile_path(path).exists()
        dialog = RecoveryCodeDialog(
            code, office_name=DATA.office_name, database=db.location_label, admin="admin"
        )
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.code_label.text() == code
        dialog.save_sheet(tmp_path / "sheet.pdf")
        text = PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text()
        assert code in text and "蟒川镇民政所" in text
    finally:
        db.close()


def test_encrypted_office_opens_through_the_sign_in_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Start-up on an encrypted file shows the sign-in window (office name from the key
    file); a wrong password is refused there, the right one opens the main window."""
    path = tmp_path / "office.sqlite3"
    db, _code = create_encrypted_office(f"sqlite:///{path}", DATA)
    db.close()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    startup = Startup(QApplication.instance(), Options(str(path), False, 0, None), settings)
    seen: list[str] = []

    def sign_in() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(50, sign_in)
            return
        d = dialogs[0]
        if not seen:
            seen.append(d.findChild(type(d.error_label), "loginOfficeLabel").text())
            d.username_edit.setText("admin")
            d.password_edit.setText("Wrong#Pass1")
            d.login_button.click()
            QTimer.singleShot(50, sign_in)
            return
        if not d.error_label.isVisible():
            QTimer.singleShot(50, sign_in)
            return
        seen.append(d.error_label.text())
        d.password_edit.setText(ADMIN_PW)
        d.login_button.click()

    QTimer.singleShot(0, sign_in)
    startup.start()
    qtbot.waitUntil(lambda: startup.window is not None, timeout=30000)
    assert seen[0] == "蟒川镇民政所" and "用户名或密码错误" in seen[1]
    assert startup.db is not None and startup.db.data_key is not None
    assert startup.ctx is not None and startup.ctx.actor.username == "admin"
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=15000)
    startup.window.close()
    startup.db.close()


def _workbench(qtbot, db, name: str, tmp_path: Path) -> WorkbenchPage:  # type: ignore[no-untyped-def]
    with db.session() as s:
        u = s.scalars(select(User).where(User.username == name)).one()
        actor = Actor(u.id, u.username, u.display_name, u.role)
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    page = WorkbenchPage(AppContext(db, actor, None, settings, window))
    qtbot.addWidget(page)
    return page


def test_workbench_warns_an_admin_of_a_plain_database(qtbot, sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A plain SQLite file: the administrator's workbench says it is not encrypted (a clerk's
    does not); an encrypted one: no warning."""
    admin_page = _workbench(qtbot, sqlite_db, "admin", tmp_path)
    clerk_page = _workbench(qtbot, sqlite_db, "clerk", tmp_path)
    assert not admin_page.encryption_label.isHidden()
    assert "reliefdesk-admin encrypt" in admin_page.encryption_label.text()
    assert clerk_page.encryption_label.isHidden()
    db, _code = create_encrypted_office(f"sqlite:///{tmp_path / 'enc.sqlite3'}", DATA)
    try:
        assert _workbench(qtbot, db, "admin", tmp_path).encryption_label.isHidden()
        qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=15000)
    finally:
        db.close()
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=15000)


def test_an_interrupted_set_up_starts_over(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A key file left beside an empty database (set-up killed before it committed) does not
    lock the office out: set-up runs again and replaces it."""
    path = tmp_path / "office.sqlite3"
    path.touch()
    keyfile_path(path).write_text("{}")  # what a killed set-up may leave
    db, code = create_encrypted_office(f"sqlite:///{path}", DATA)
    try:
        assert code and db.data_key is not None and not is_plain_file(path)
    finally:
        db.close()


def _login_error(qtbot, dialog: LoginDialog, username: str, password: str) -> str:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    dialog.login_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=30000)
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=15000)
    return str(dialog.error_label.text())


def test_a_user_without_a_key_slot_is_told_to_ask_for_a_reset(qtbot, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """After ``encrypt``, a user other than the converting administrator is told in the
    sign-in window (first sign-in and switching user alike) that an administrator must reset
    the password; after the reset the user signs in."""
    from reliefdesk.services import users
    from reliefdesk.services.signin import encrypt_office, sign_in

    url = sqlite_db.url
    _db, admin = sign_in(url, "admin", PASSWORD, db=sqlite_db)
    encrypted, result = encrypt_office(sqlite_db, admin, PASSWORD)
    try:
        assert "clerk" in result.without_slot
        message = "此用户尚未获得新加密数据库的密钥，请管理员重置密码。"
        first = LoginDialog(lambda u, p: sign_in(url, u, p))
        assert _login_error(qtbot, first, "clerk", PASSWORD) == message
        switch = LoginDialog(lambda u, p: sign_in(url, u, p, db=encrypted))
        assert _login_error(qtbot, switch, "clerk", PASSWORD) == message
        users.set_password(encrypted, admin, "clerk", "Clerk#New2026")
        opened, clerk = sign_in(url, "clerk", "Clerk#New2026")
        assert clerk.username == "clerk"
        opened.close()
    finally:
        encrypted.close()
