"""Render the 发放名册 page to PNG on a populated database: the current month's draft with
its lines and validation problems, the problems panel, and the history with a locked and
exported roster.

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/screens/rosters.py [--out DIR] [--households N]

``render(out_dir, db, actor)`` is the entry point other scripts call (``actor`` must be able to
generate rosters; the approver locks the previous month if it validates cleanly); run as a
script it fills a temporary SQLite file with the demo generator first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from reliefdesk import demo
from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.domain.months import add_months, month_start
from reliefdesk.services import roster, users
from reliefdesk.services.context import SYSTEM, Actor

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


def _save(widget: QWidget, out: Path, name: str, paths: list[Path]) -> None:
    widget.show()
    _idle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    paths.append(path)
    print(path)


def _prepare_previous_month(
    db: Database, clerk: Actor, approver: Actor, month: date, out: Path
) -> None:
    """Previous month: one roster per programme; lock (and export) those without errors."""
    for programme in ("urban_dibao", "rural_dibao", "tekun"):
        view = roster.generate(db, clerk, month, programme)
        problems = roster.validate(db, clerk, view.id)
        if any(p.severity == "error" for p in problems):
            continue
        warnings = [p for p in problems if p.severity == "warning"]
        if warnings:
            roster.acknowledge(db, clerk, view.id, warnings, "已逐户电话核实")
        roster.lock(db, approver, view.id)
        roster.export(db, clerk, view.id, out)


def render(out_dir: Path, db: Database, actor: Actor) -> list[Path]:
    """Build the roster page on ``db`` as ``actor`` and save PNGs; returns the paths."""
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.main_window import MainWindow
    from reliefdesk.ui.rosters.page import RostersPage

    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    paths: list[Path] = []
    this_month = month_start(date.today())
    approver = users.login(db, "approver", demo.DEMO_PASSWORDS["approver"])
    if not roster.list_rosters(db, actor, add_months(this_month, -1)):
        _prepare_previous_month(db, actor, approver, add_months(this_month, -1), tmp / "export")

    window = MainWindow(settings=settings)
    window.resize(*SIZE)
    ctx = AppContext(db, actor, None, settings, window)
    window.set_user(actor.display_name, actor.role_label)
    window.set_database_label(db.location_label)
    page = RostersPage(ctx, window)
    window.register_page("rosters", page)
    window.show_page("rosters")
    window.show()
    _idle()
    page.set_period(this_month, "all")
    _idle()
    page.generate()  # generates, then validates
    _idle()
    page.splitter.setSizes([430, 220])
    _save(window, out_dir, "rosters_page", paths)

    # the problems panel on its own, with two warnings ticked
    panel = page.problems_panel
    model = panel.model
    ticked = 0
    for i, p in enumerate(model.rows):
        if model.checkable(p) and ticked < 2:
            from PySide6.QtCore import Qt

            model.setData(model.index(i, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
            ticked += 1
    panel.note_edit.setText("已电话向村委会核实")
    panel.resize(1100, 360)
    page.splitter.setSizes([250, 400])
    _save(window, out_dir, "rosters_problems", paths)

    # filtered lines: only the changes (新增)
    page.flag_combo.setCurrentIndex(page.flag_combo.findData("新增"))
    _idle()
    page.splitter.setSizes([430, 220])
    _save(window, out_dir, "rosters_filtered", paths)
    page.flag_combo.setCurrentIndex(0)
    _idle()

    # a locked roster of last month with its exports, the history tab
    history = roster.list_rosters(db, actor, add_months(this_month, -1))
    locked = next((r for r in history if r.locked), None)
    if locked is not None:
        page.show_roster_id(locked.id)
        _idle()
        page.export_to(tmp / "again")
        _idle()
    page.tabs.setCurrentIndex(1)
    _save(window, out_dir, "rosters_history", paths)

    # the month's temporary-aid payment list (one-off grants; the demo generates it)
    page.tabs.setCurrentIndex(0)
    page.set_period(this_month, "temporary_aid")
    _idle()
    _save(window, out_dir, "rosters_temp_aid", paths)
    window.close()
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screens"))
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--households", type=int, default=600)
    args = parser.parse_args()
    from reliefdesk.ui import i18n, style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply_style(app)  # type: ignore[arg-type]
    i18n.install_translators(app, args.language)  # type: ignore[arg-type]
    tmp = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{tmp / 'screens.sqlite3'}")
    demo.generate_demo(db, SYSTEM, households=args.households)
    clerk = users.login(db, "clerk", demo.DEMO_PASSWORDS["clerk"])
    render(args.out, db, clerk)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
