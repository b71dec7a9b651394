"""Render the 在保对象 (enrollments) screens and the 收款账户 dialog to PNG at 1366x768.

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/screens/enrollments.py [--out DIR] [--db URL]

Without ``--db`` a 1,500-household demo office is generated in a temporary file first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from reliefdesk import demo
from reliefdesk.db.connect import open_database
from reliefdesk.services import users
from reliefdesk.services.context import SYSTEM

SIZE = (1366, 768)


def _wait(cond: Callable[[], bool], ms: int = 60000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QThreadPool

    deadline = QDeadlineTimer(ms)
    while not cond() and not deadline.hasExpired():
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(10)
    QApplication.processEvents()


def _idle() -> None:
    from reliefdesk.ui import ops

    _wait(lambda: ops.running_count() == 0)


def _save(widget: QWidget, out: Path, name: str) -> Path:
    widget.show()
    _idle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def render(out: Path, url: str) -> list[Path]:
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.enrollments.page import EnrollmentsPage
    from reliefdesk.ui.main_window import MainWindow
    from reliefdesk.ui.widgets.account_dialog import AccountDialog

    out.mkdir(parents=True, exist_ok=True)
    db = open_database(url)
    actor = users.login(db, "reviewer", demo.DEMO_PASSWORDS["reviewer"])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.resize(*SIZE)
    ctx = AppContext(db, actor, None, settings, window)
    window.set_user(actor.display_name, actor.role_label)
    page = EnrollmentsPage(ctx, window)
    window.register_page("enrollments", page)
    window.show_page("enrollments")
    window.show()
    _idle()
    paths = [_save(window, out, "enrollments_list")]
    page.due_check.setChecked(True)
    _idle()
    paths.append(_save(window, out, "enrollments_due"))
    page.due_check.setChecked(False)
    _idle()
    row = page.model.row(0)
    page.open_household(row.household_id, row.id)
    _idle()
    paths.append(_save(window, out, "enrollment_household"))
    dialog = page.detail.open_action("adjust")
    _idle()
    if dialog is not None:
        paths.append(_save(dialog, out, "enrollment_change_dialog"))
        dialog.close()
    dialog = page.detail.open_action("member")
    _idle()
    if dialog is not None:
        paths.append(_save(dialog, out, "enrollment_member_dialog"))
        dialog.close()
    dialog = page.detail.open_action("suspend")  # a 停发 offers its 告知书 (throwaway data)
    _idle()
    if dialog is not None:
        dialog.reason_edit.setPlainText("外出务工失联，无法核实家庭情况")  # type: ignore[attr-defined]
        dialog.perform()  # type: ignore[attr-defined]
        _wait(page.detail.notice_button.isVisible, 20000)
        paths.append(_save(window, out, "enrollment_notice_offer"))
    account = AccountDialog(ctx, row.household_id, window)
    account.show()
    _wait(lambda: account.data is not None)
    account.number_edit.setText("6228480000123456781")
    account.bank_edit.setText("汝州农商银行寄料支行")
    account.entrusted_check.setChecked(True)
    account.agreement_edit.setText("汝民代〔2026〕12号")
    account.agent_edit.setText("村民政协理员 张敏")
    paths.append(_save(account, out, "account_dialog"))
    account.close()
    window.close()
    db.close()
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screens"))
    parser.add_argument("--db", default=None)
    parser.add_argument("--households", type=int, default=1500)
    args = parser.parse_args()
    from reliefdesk.ui import i18n, style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply_style(app)  # type: ignore[arg-type]
    i18n.install_translators(app, "zh_CN")  # type: ignore[arg-type]
    url = args.db
    if url is None:
        tmp = Path(tempfile.mkdtemp()) / "demo.sqlite3"
        url = f"sqlite:///{tmp}"
        db = open_database(url)
        demo.generate_demo(db, SYSTEM, households=args.households)
        db.close()
    render(args.out, url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
