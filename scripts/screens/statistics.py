"""Render the 统计 page (month table, year table, charts) on the demo office, 1366x768.

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/screens/statistics.py [--out DIR] [--db URL]

Without ``--db`` it builds the default demo office (which has a year of locked rosters).
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
    from reliefdesk.ui.statistics.page import StatisticsPage

    out_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.resize(*SIZE)
    ctx = AppContext(db, actor, None, settings, window)
    window.set_user(actor.display_name, actor.role_label)
    page = StatisticsPage(ctx, window)
    window.register_page("statistics", page)
    window.show_page("statistics")
    window.show()
    _idle()
    _idle()
    paths = []
    for index, name in ((0, "statistics_month"), (1, "statistics_year"), (2, "statistics_charts")):
        page.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        path = out_dir / f"{name}.png"
        window.grab().save(str(path))
        paths.append(path)
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
