"""Benchmark: statistics on the 40,000-household demo office with twelve locked months.

Run: ``.venv/bin/python benchmarks/bench_statistics.py [--db /tmp/rd40k.sqlite3]``.

Without an existing ``--db`` it builds the demo office first (``demo --households 40000``),
then, if no month is locked, generates and locks the twelve months before today
(``reliefdesk/demo/year.lock_demo_year``), reporting how long each took. Measures (median of ``--repeats``):

* the month table (``statistics.month_stats`` of the latest locked month), target ≤ 1 s;
* the year report (``statistics.year_report``), target ≤ 3 s;
* the 统计 page usable: from construction + show until month and year figures and charts are
  on screen (offscreen Qt), target ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics as stats_mod
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliefdesk import demo
from reliefdesk.db.connect import open_database
from reliefdesk.services import statistics, users
from reliefdesk.services.context import SYSTEM


def _median(fn, repeats: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return stats_mod.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/rd40k-stats.sqlite3")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    path = Path(args.db)
    if not path.exists():
        t = time.perf_counter()
        db = open_database(f"sqlite:///{path}")
        demo.generate_demo(db, SYSTEM, households=40_000)
        print(f"demo 40,000 households: {time.perf_counter() - t:.1f} s")
    else:
        db = open_database(f"sqlite:///{path}")
    clerk = users.login(db, "clerk", demo.DEMO_PASSWORDS["clerk"])
    if statistics.latest_month(db, clerk) is None:
        from datetime import date

        from reliefdesk.demo.year import lock_demo_year

        with db.session() as s:
            took = lock_demo_year(s, date.today())
        print(f"twelve months generated and locked: {took:.1f} s")
    month = statistics.latest_month(db, clerk)
    assert month is not None, "no locked month"
    m = statistics.month_stats(db, clerk, month)
    lines = sum(1 for _ in m.by_village)
    print(
        f"month {m.month_text}: {m.total.households} households, {m.total.persons} persons, "
        f"{statistics.yuan(m.total.amount_fen)} 元, {lines} village rows, "
        f"{len(m.breaks)} breaks"
    )
    t_month = _median(lambda: statistics.month_stats(db, clerk, month), args.repeats)
    t_year = _median(lambda: statistics.year_report(db, clerk, month.year), args.repeats)
    r = statistics.year_report(db, clerk, month.year)
    print(
        f"year {r.year}: {len(r.locked_months)} locked months, "
        f"{statistics.yuan(r.total_amount_fen)} 元"
    )
    print(f"month table: {t_month:.3f} s (target ≤ 1 s)")
    print(f"year report: {t_year:.3f} s (target ≤ 3 s)")

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.statistics.page import StatisticsPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    usable, complete = [], []
    for _ in range(args.repeats):
        t = time.perf_counter()
        page = StatisticsPage(AppContext(db, clerk, None, settings))
        page.resize(1180, 700)
        loop = QEventLoop()
        page.monthLoaded.connect(lambda started=t: usable.append(time.perf_counter() - started))
        page.loaded.connect(loop.quit)
        QTimer.singleShot(30000, loop.quit)
        page.show()
        loop.exec()
        app.processEvents()
        complete.append(time.perf_counter() - t)
        page.close()
        page.deleteLater()
    print(f"page usable (month table on screen): {stats_mod.median(usable):.3f} s (target ≤ 1 s)")
    print(f"page complete (year table and charts too): {stats_mod.median(complete):.3f} s")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
