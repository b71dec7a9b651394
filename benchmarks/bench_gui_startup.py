"""Time from process start to a usable main window on a large office database.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui_startup.py [--db /tmp/rd40k.sqlite3]
        [--user clerk --password Demo#clerk1] [--runs 3]

Each run is a fresh Python process (imports count) that mirrors ``ui.application.Startup``:
QApplication, style and translations, open the database off the GUI thread, sign in
programmatically (``users.login``, as the login dialog would), then ``_show_main_window``:
MainWindow, AppContext, ``build_pages`` and ``show()``. "Usable" is when the workbench's
to-do list is filled (``WorkbenchPage.quickFilled``); "complete" is when the full
``casework.workbench`` (actions per case, re-checks) has arrived (``refreshed``).
Target (issue #3): usable <= 2.5 s. The database is copied first so the run never touches it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(db_path: str, user: str, password: str, t0: float) -> None:
    """Runs in the measured process; prints one JSON line of timings (seconds from t0)."""
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = time.time() - t0

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reliefdesk.db.connect import open_database
    from reliefdesk.services import users
    from reliefdesk.services.settings import get_office
    from reliefdesk.ui import i18n
    from reliefdesk.ui.application import PageLoader, refresh_overdue
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.main_window import MainWindow
    from reliefdesk.ui.ops import QueryOp
    from reliefdesk.ui.style import apply_style

    mark("imports")
    app = QApplication(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    i18n.install_translators(app, "zh_CN")
    apply_style(app)
    mark("qapplication")
    state: dict[str, object] = {}

    def opened(result: tuple[object, object, object]) -> None:
        db, actor, office = result
        mark("database_and_login")
        window = MainWindow(
            settings=settings, verify_password=lambda pw: users.verify_password(db, actor, pw)
        )
        ctx = AppContext(db, actor, office, settings, window)  # type: ignore[arg-type]
        window.set_user(actor.display_name or actor.username, actor.role_label)  # type: ignore[attr-defined]
        window.set_database_label(db.location_label)  # type: ignore[attr-defined]
        loader = PageLoader(window, ctx)  # exactly what ui.application's start-up does
        pages = loader.pages
        window.showMaximized()
        loader.build_rest_later()
        refresh_overdue(window, ctx)
        mark("window_shown")
        state.update(window=window, ctx=ctx, pages=pages)
        workbench = pages["workbench"]
        workbench.quickFilled.connect(lambda: mark("usable"))  # type: ignore[attr-defined]

        def complete() -> None:
            mark("complete")
            rows = workbench.todo_model.rowCount()  # type: ignore[attr-defined]
            marks["todo_rows"] = rows
            app.quit()

        workbench.refreshed.connect(complete)  # type: ignore[attr-defined]

    def op() -> tuple[object, object, object]:
        db = open_database(f"sqlite:///{db_path}")
        actor = users.login(db, user, password)
        return db, actor, get_office(db)

    QTimer.singleShot(
        0,
        lambda: (
            QueryOp(parent=None, op=op, success=opened)
            .failure(lambda e: (print(e, file=sys.stderr), app.exit(2)))
            .run_in_background()
        ),
    )
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    print(json.dumps(marks), flush=True)
    # WORKAROUND: PySide6 can crash tearing down live pages at interpreter exit; the
    # measurement is done, so leave without finalisation.
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="/tmp/rd40k.sqlite3")
    ap.add_argument("--user", default="clerk")
    ap.add_argument("--password", default="Demo#clerk1")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("DB", "T0"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], args.user, args.password, float(args.child[1]))
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    copy = work / "office.sqlite3"
    shutil.copyfile(args.db, copy)
    print(f"database: {args.db} (copied to {copy})")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    results = []
    for run in range(args.runs):
        t0 = time.time()
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(copy),
                str(t0),
                "--user",
                args.user,
                "--password",
                args.password,
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=False,
        )
        lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
        if out.returncode != 0 or not lines:
            print(out.stdout, out.stderr)
            return 1
        marks = json.loads(lines[-1])
        results.append(marks)
        print(
            f"run {run + 1}: "
            + ", ".join(
                f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in marks.items()
            )
        )
    best = min(r.get("usable", 1e9) for r in results)
    full = min(r.get("complete", 1e9) for r in results)
    print(
        f"window usable (to-do list filled): best {best:.2f} s (target <= 2.5 s) "
        f"-> {'OK' if best <= 2.5 else 'OVER'}"
    )
    print(f"workbench complete (actions, re-checks): best {full:.2f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
