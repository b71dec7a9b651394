"""Benchmark the county-scale service calls the GUI makes on its first screens.

Usage::

    python benchmarks/bench_services.py DB_PATH_OR_URL [--repeats 3] [--today 2026-11-27]

``DB`` is normally the 40,000-household demo (``reliefdesk-admin --db X demo --households
40000``). A SQLite file is COPIED first (the roster step writes); a URL is used as is, so
point it at a throwaway database. Prints one table: the median wall time of ``--repeats``
runs of each call, its target and the row count it returned.

Targets (2 cores): workbench and overdue ≤ 0.5 s; roster generate + validate of one month
(all programmes) ≤ 5 s; household list pages ≤ 0.3 s per sort key; a page of visits and
person search ≤ 30 ms median.
"""

from __future__ import annotations

import argparse
import inspect
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.models import Household, User
from reliefdesk.services import casework, roster, search, visits
from reliefdesk.services.context import Actor
from reliefdesk.services.register.read import household_summary_page


def _actor(db: Database, name: str) -> Actor:
    with db.session() as s:
        u = s.scalars(select(User).where(User.username == name)).one()
        return Actor(u.id, u.username, u.display_name, u.role)


def _size(result: Any) -> str:
    if isinstance(result, casework.Workbench):
        return (
            f"{sum(len(v) for v in result.by_state.values())} cases, {len(result.overdue)} overdue"
        )
    if hasattr(result, "rows"):
        return f"{len(result.rows)} rows of {result.total}"
    if isinstance(result, (list, tuple)):
        return f"{len(result)} rows"
    return ""


def _time(fn: Callable[[], Any], repeats: int) -> tuple[float, float, Any]:
    """Median wall and CPU seconds (the CPU time is steadier on a shared machine)."""
    times, cpu, result = [], [], None
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times), statistics.median(cpu), result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--today", default="2026-11-27")
    ap.add_argument("--month", default="2026-11")
    ap.add_argument("--skip-roster", action="store_true")
    args = ap.parse_args()
    work: Path | None = None
    if "://" in args.db:
        url = args.db
    else:
        work = Path(tempfile.mkdtemp(prefix="bench-services-"))
        shutil.copyfile(args.db, work / "copy.sqlite3")
        url = f"sqlite:///{work / 'copy.sqlite3'}"
    db = open_database(url)
    today = date.fromisoformat(args.today)
    clerk, reviewer = _actor(db, "clerk"), _actor(db, "reviewer")
    with db.session() as s:
        hid = s.scalar(select(Household.id).order_by(Household.id).limit(1))
    paged = "limit" in inspect.signature(visits.list_visits).parameters
    page_kw: dict[str, Any] = {"limit": 100} if paged else {}

    rows: list[tuple[str, float, float, str, str]] = []

    def bench(name: str, target: str, fn: Callable[[], Any], repeats: int | None = None) -> None:
        med, cpu, result = _time(fn, repeats or args.repeats)
        rows.append((name, med, cpu, target, _size(result)))
        print(f"  {name}: {med * 1000:.0f} ms", file=sys.stderr, flush=True)

    bench("casework.workbench (clerk)", "500", lambda: casework.workbench(db, clerk, today))
    bench("casework.workbench (reviewer)", "500", lambda: casework.workbench(db, reviewer, today))
    bench("casework.overdue", "500", lambda: casework.overdue(db, clerk, today))
    bench(
        "casework.list_applications open",
        "",
        lambda: casework.list_applications(db, clerk, open_only=True),
    )
    bench(
        "visits.list_visits " + ("limit=100" if paged else "(all, unpaged)"),
        "30",
        lambda: visits.list_visits(db, clerk, **page_kw),
    )
    bench(
        "visits.list_visits household",
        "30",
        lambda: visits.list_visits(db, clerk, household_id=hid),
    )
    for sort in ("id", "head_name", "village", "members", "programme", "status", "amount"):
        for desc in (False, True):
            bench(
                f"household_summary_page {sort}{' desc' if desc else ''}",
                "300",
                lambda sort=sort, desc=desc: household_summary_page(
                    db, clerk, sort=sort, descending=desc, offset=2000, limit=100
                ),
            )
    bench(
        "household_summary_page dibao/active by amount",
        "300",
        lambda: household_summary_page(
            db, clerk, sort="amount", programme="dibao", status="active"
        ),
    )
    queries = ["王", "wang", "zhangwei", "zw", "4104", "李秀英", "chen", "刘"]
    times, cpus = [], []
    for _ in range(max(1, args.repeats)):
        for q in queries:
            t, c = time.perf_counter(), time.process_time()
            search.search_persons(db, clerk, q)
            times.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
    rows.append(
        (
            "search.search_persons (median)",
            statistics.median(times),
            statistics.median(cpus),
            "30",
            f"{len(queries)} queries",
        )
    )
    if not args.skip_roster:
        gen, val, gen_cpu, val_cpu = [], [], [], []
        for _ in range(max(1, args.repeats)):  # regenerating replaces the draft
            t0, c0 = time.perf_counter(), time.process_time()
            view = roster.generate(db, clerk, args.month)
            t1, c1 = time.perf_counter(), time.process_time()
            problems = roster.validate(db, clerk, view.id)
            t2, c2 = time.perf_counter(), time.process_time()
            gen.append(t1 - t0)
            val.append(t2 - t1)
            gen_cpu.append(c1 - c0)
            val_cpu.append(c2 - c1)
        med = statistics.median
        rows.append(
            ("roster.generate (month, all)", med(gen), med(gen_cpu), "", f"{view.households} hh")
        )
        rows.append(("roster.validate", med(val), med(val_cpu), "", f"{len(problems)} problems"))
        rows.append(
            (
                "roster generate + validate",
                med(gen) + med(val),
                med(gen_cpu) + med(val_cpu),
                "5000",
                "",
            )
        )
    db.close()
    if work is not None:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{'call':<48} {'median ms':>10} {'cpu ms':>8} {'target':>7}  result")
    for name, med, cpu, target, size in rows:
        flag = "" if not target or med * 1000 <= float(target) else "  OVER"
        print(f"{name:<48} {med * 1000:>10.0f} {cpu * 1000:>8.0f} {target:>7}  {size}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
