"""Render the settings page (系统设置), one PNG per section, on a populated database.

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/screens/admin.py [--out DIR] [--db URL]

``render(out_dir, db, actor)`` is the entry point other scripts call; run as a script it builds
a small office in a temporary SQLite file first (an administrator, a few users, one locked).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.models import User, utcnow
from reliefdesk.services import settings as office_settings
from reliefdesk.services import users
from reliefdesk.services.context import SYSTEM, Actor
from reliefdesk.services.settings import OfficeInfo

PASSWORD = "Screens#2026"
SIZE = (1366, 768)


def _wait(cond: Callable[[], bool], ms: int = 10000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QThreadPool

    deadline = QDeadlineTimer(ms)
    while not cond() and not deadline.hasExpired():
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(10)
    QApplication.processEvents()


def _idle() -> None:
    from reliefdesk.ui import ops

    _wait(lambda: ops.running_count() == 0)


def populate(db: Database) -> Actor:
    """An office with an administrator and a few users; returns the administrator."""
    with db.session() as s:
        for name, role, display in (
            ("admin", "admin", "赵建华"),
            ("clerk", "clerk", "刘晓燕"),
            ("reviewer", "reviewer", "王建军"),
            ("approver", "approver", "张丽娟"),
            ("auditor", "auditor", "孙红梅"),
            ("oldclerk", "clerk", "李明"),
        ):
            users.add_user(s, SYSTEM, name, role, PASSWORD, display_name=display)
    admin = users.login(db, "admin", PASSWORD)
    with db.session() as s:
        office_settings.save_office(
            s,
            admin,
            OfficeInfo(
                county="汝州市",
                township_code="410482103",
                office_name="汝州市临汝镇民政所",
                phone="0375-6123456",
                policy_url="https://www.ruzhou.gov.cn/mzj/",
                county_code="410482",
            ),
        )
        locked = s.scalar(select(User).where(User.username == "clerk"))
        assert locked is not None
        locked.locked_until = utcnow() + timedelta(minutes=12)
    users.set_role(db, admin, "oldclerk", "clerk", active=False)
    for _ in range(2):
        with contextlib.suppress(Exception):
            users.login(db, "reviewer", "wrong")
    return admin


def _save(widget: QWidget, out: Path, name: str, paths: list[Path]) -> None:
    widget.show()
    _idle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    paths.append(path)
    print(path)


def render(out_dir: Path, db: Database, actor: Actor) -> list[Path]:
    """Build the settings page on ``db`` as ``actor`` and save one PNG per section."""
    from reliefdesk.ui.admin.page import SettingsPage
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.main_window import MainWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    qsettings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    paths: list[Path] = []

    def window_for(who: Actor) -> tuple[MainWindow, SettingsPage]:
        window = MainWindow(settings=qsettings)
        window.resize(*SIZE)
        ctx = AppContext(db, who, None, qsettings, window)
        window.set_user(who.display_name, who.role_label)
        window.set_database_label(db.location_label)
        page = SettingsPage(ctx, window)
        window.register_page("settings", page)
        window.show_page("settings")
        return window, page

    window, page = window_for(actor)
    for key in page.KEYS:
        page.show_section(key)
        _idle()
        if key == "users":
            page.users.table.selectRow(1)
        if key == "audit":
            page.audit.verify()
            _idle()
        _save(window, out_dir, f"admin_{key}", paths)
    page.show_section("policy")
    page.policy.editor.tekun_ratio_spin.setValue(1.2)
    page.policy.save()
    _idle()
    _save(window, out_dir, "admin_policy_tekun_refused", paths)
    page.policy.editor.tekun_ratio_spin.setValue(1.3)
    page.policy.editor.rural_spin.setValue(470.00)
    page.policy.editor.name_edit.setText("新农村低保标准")
    page.policy.save()
    _idle()
    _save(window, out_dir, "admin_policy_restandard", paths)
    page.show_section("users")
    dialog = page.users.add_user()
    if dialog is not None:
        dialog.username_edit.setText("wangfang")
        dialog.display_edit.setText("王芳")
        dialog.pw.password_edit.setText("abc12345")
        dialog.pw.confirm_edit.setText("abc12345")
        dialog.submit()
        _idle()
        _save(dialog, out_dir, "admin_add_user_weak", paths)
        dialog.close()
    window.close()

    auditor = next((u for u in users.list_users(db, actor) if u.role == "clerk" and u.active), None)
    if auditor is not None:
        who = Actor(auditor.id, auditor.username, auditor.display_name, auditor.role)
        window, page = window_for(who)
        page.show_section("policy")
        _idle()
        _save(window, out_dir, "admin_policy_readonly_clerk", paths)
        window.close()
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screens"))
    parser.add_argument("--db", default=None, help="an existing database URL (admin user)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from reliefdesk.ui import i18n, style

    style.apply_style(app)  # type: ignore[arg-type]
    i18n.install_translators(app, "zh_CN")  # type: ignore[arg-type]
    if args.db:
        db = open_database(args.db)
        actor = users.login(db, "admin", PASSWORD)
    else:
        db = open_database(f"sqlite:///{Path(tempfile.mkdtemp()) / 'screens.sqlite3'}")
        actor = populate(db)
    render(args.out, db, actor)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
