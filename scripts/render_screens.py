"""Render every window and dialog of the UI shell to PNG in docs/screens/ (offscreen).

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/render_screens.py [--language en] [--out DIR]

Used to review layouts and to check that Chinese renders (no boxes) on a machine's fonts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from reliefdesk.errors import ValidationError
from reliefdesk.ui import i18n, ops, style
from reliefdesk.ui.crash import CrashDialog, build_report
from reliefdesk.ui.lock_dialog import LockDialog
from reliefdesk.ui.login_dialog import LoginDialog
from reliefdesk.ui.main_window import MainWindow
from reliefdesk.ui.setup_dialog import SetupDialog

ROOT = Path(__file__).resolve().parent.parent


def _save(widget: QWidget, out: Path, name: str) -> None:
    widget.show()
    QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def _sample_crash() -> BaseException:
    try:
        {}["household_id"]
    except KeyError as exc:
        return exc
    raise AssertionError("unreachable")


def render(out: Path, language: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    style.apply_style(app)  # type: ignore[arg-type]
    i18n.install_translators(app, language)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)

    window = MainWindow(settings=settings)
    window.set_user("张三", "经办人")
    window.set_database_label(r"C:\Users\mzs\AppData\Local\reliefdesk\reliefdesk.sqlite")
    window.set_overdue_count(3)
    workbench = QWidget()
    layout = QVBoxLayout(workbench)
    layout.setContentsMargins(28, 24, 28, 24)
    title = QLabel("工作台")
    title.setProperty("role", "pageTitle")
    layout.addWidget(title)
    layout.addWidget(QLabel("待办：入户调查 2 件，待审核 5 件，本月名册未锁定。"))
    layout.addStretch(1)
    window.register_page("workbench", workbench)
    _save(window, out, "main_window")
    window.show_page("households")
    _save(window, out, "main_window_households")

    login = LoginDialog(
        lambda _user, _password: None, office_name="汝州市城关镇民政所", username="zhangsan"
    )
    login.show()
    login.show_error("用户名或密码错误，还可尝试 4 次。")
    _save(login, out, "login_dialog")

    setup = SetupDialog()
    setup.county_edit.setText("汝州市")
    setup.township_edit.setText("城关镇")
    setup.admin_username_edit.setText("admin")
    setup.admin_display_name_edit.setText("王会计")
    setup.admin_password_edit.setText("abcdefgh")
    setup.admin_password_confirm_edit.setText("abcdefgh")
    setup.show()
    QApplication.processEvents()
    setup.validate()
    QApplication.processEvents()
    _save(setup, out, "setup_dialog")

    lock = LockDialog(lambda _password: False, user_label="张三（经办人）")
    lock.show()
    lock.password_edit.setText("x")
    lock.unlock_button.click()
    _save(lock, out, "lock_dialog")

    crash = CrashDialog(
        build_report(_sample_crash(), log_path=tmp / "reliefdesk.log"),
        log_path=tmp / "reliefdesk.log",
    )
    _save(crash, out, "crash_dialog")

    box = ops.show_error(window, ValidationError("收入不能为负数", rule="民发〔2012〕220号"))
    _save(box, out, "error_box")
    box.close()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="zh_CN", choices=sorted(i18n.LANGUAGES))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    args = parser.parse_args()
    render(args.out, args.language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
