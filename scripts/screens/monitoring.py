"""Render the 低收入人口 monitoring page (register, visit plan, figures, the visit dialog) on
the demo office, 1366x768.

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/screens/monitoring.py [--out DIR] [--db URL]

Without ``--db`` it builds the default demo office (which has register entries and this
month's visit plan).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from reliefdesk import demo
from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.services import users
from reliefdesk.services.context import SYSTEM, Actor

SIZE = (1366, 768)


def _idle(ms: int = 20000) -> None:
    from reliefdesk.ui import ops

    deadline = QDeadlineTimer(ms)
    while ops.running_count() and not deadline.hasExpired():
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(10)
    QApplication.processEvents()


def render(out_dir: Path, db: Database, actor: Actor) -> list[Path]:
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.main_window import MainWindow
    from reliefdesk.ui.monitoring.page import MonitoringPage

    out_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.resize(*SIZE)
    ctx = AppContext(db, actor, None, settings, window)
    window.set_user(actor.display_name, actor.role_label)
    page = MonitoringPage(ctx, window)
    window.register_page("monitoring", page)
    window.show_page("monitoring")
    window.show()
    _idle()
    _idle()
    paths = []
    for index, name in (
        (0, "monitoring_register"),
        (1, "monitoring_plan"),
        (2, "monitoring_figures"),
    ):
        page.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        path = out_dir / f"{name}.png"
        window.grab().save(str(path))
        paths.append(path)
    page.tabs.setCurrentIndex(1)
    page.plan_table.selectRow(0)
    dialog = page.open_visit_dialog()
    if dialog is not None:
        QApplication.processEvents()
        path = out_dir / "monitoring_visit_dialog.png"
        dialog.grab().save(str(path))
        paths.append(path)
        dialog.reject()
    opened = []
    page.dialogOpened.connect(opened.append)
    page.open_add_dialog()
    _idle()
    if opened:
        path = out_dir / "monitoring_add_dialog.png"
        opened[0].grab().save(str(path))
        paths.append(path)
        opened[0].reject()
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screens"))
    parser.add_argument("--db", default=None)
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    from reliefdesk.ui import i18n, style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply_style(app)  # type: ignore[arg-type]
    i18n.install_translators(app, args.language)  # type: ignore[arg-type]
    if args.db:
        db = open_database(args.db)
    else:
        db = open_database(f"sqlite:///{Path(tempfile.mkdtemp()) / 'screens.sqlite3'}")
        demo.generate_demo(db, SYSTEM)
    clerk = users.login(db, "clerk", demo.DEMO_PASSWORDS["clerk"])
    for p in render(args.out, db, clerk):
        print(p)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
