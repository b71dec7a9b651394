"""Render the findings screens (信息比对, issue 14) to PNG: the queue page inside the main window,
the workbench with its "待核实比对线索 N" link, the import dialog at its mapping step and the
resolve dialog, on a small demo office (which comes with a month of department files).

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/screens/findings.py [--out DIR]
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
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data"))

SIZE = (1366, 768)


def _wait(cond: Callable[[], bool], ms: int = 15000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QThreadPool

    deadline = QDeadlineTimer(ms)
    while not cond() and not deadline.hasExpired():
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(10)
    QApplication.processEvents()


def _idle() -> None:
    from reliefdesk.ui import ops

    _wait(lambda: ops.running_count() == 0)


def _register_sample(db: object) -> list[tuple[str, str]]:
    """A few people of the register (for a vehicle file that matches someone)."""
    from sqlalchemy import select

    from reliefdesk.models import Person

    with db.read_session() as s:  # type: ignore[attr-defined]
        q = select(Person.id_number, Person.name).order_by(Person.id.desc()).limit(6)
        return [(i, n) for i, n in s.execute(q)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/findings-screens"))
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from make_department_files import write_source

    from reliefdesk.db.connect import open_database
    from reliefdesk.demo import generate_demo
    from reliefdesk.demo.departments import RegisterPerson
    from reliefdesk.services import comparison, users
    from reliefdesk.services.context import SYSTEM
    from reliefdesk.ui import i18n, style
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.findings.page import FindingsPage
    from reliefdesk.ui.findings.resolve_dialog import ResolveDialog
    from reliefdesk.ui.main_window import MainWindow
    from reliefdesk.ui.workbench.page import WorkbenchPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply_style(app)  # type: ignore[arg-type]
    i18n.install_translators(app, args.language)  # type: ignore[arg-type]
    tmp = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{tmp / 'screens.sqlite3'}")
    generate_demo(db, SYSTEM, 300, seed=9)
    actor = users.login(db, "reviewer", "Demo#reviewer1")
    window = MainWindow(settings=QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    ctx = AppContext(db, actor, None, window._settings, window)
    workbench = WorkbenchPage(ctx, window)
    window.register_page("workbench", workbench)
    page = FindingsPage(ctx, window)
    window.register_page("findings", page)
    window.resize(*SIZE)
    window.show()
    _wait(lambda: workbench.data is not None)
    _idle()
    window.grab().save(str(args.out / "workbench_with_findings_link.png"))
    window.show_page("findings")
    _idle()
    page.view.selectRow(0)
    _idle()
    window.grab().save(str(args.out / "findings_page.png"))

    rows = comparison.list_findings(db, actor, open_only=True)
    people = [RegisterPerson(i, n) for i, n in _register_sample(db)]
    path = write_source(tmp, "vehicle", people, month=rows[0].due_on.replace(day=1))
    page.open_import()
    dlg = page.dialog
    dlg.path_edit.setText(str(path))  # type: ignore[union-attr]
    dlg.source_combo.setCurrentIndex(dlg.source_combo.findData("vehicle"))  # type: ignore[union-attr]
    dlg.read_file()  # type: ignore[union-attr]
    _idle()
    dlg.grab().save(str(args.out / "findings_import_mapping.png"))  # type: ignore[union-attr]
    dlg.compare()  # type: ignore[union-attr]
    _idle()
    dlg.grab().save(str(args.out / "findings_import_result.png"))  # type: ignore[union-attr]
    dlg.reject()  # type: ignore[union-attr]
    resolve = ResolveDialog(rows[0], window)
    resolve.show()
    _idle()
    resolve.grab().save(str(args.out / "findings_resolve.png"))
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
