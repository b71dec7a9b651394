"""Benchmark: townships working at once on one county PostgreSQL server (issue 18).

Run: ``.venv/bin/python benchmarks/bench_county.py [--households 40000] [--clerks 20]
[--steps 10]`` (needs the PostgreSQL binaries; a throwaway local cluster is started with the
test suite's :class:`PgCluster` and removed afterwards), or ``--url postgresql://…`` for an
existing empty database.

Builds the county demo (``demo --households N``: 21 townships, a clerk per township), then
starts ``--clerks`` processes, each logged in as the clerk of its own township
(``clerk_NNN``), which at the same moment:

* search persons (three queries),
* take ``--steps`` case steps (受理 a new application for a household of their township, then
  开始调查 on it) — each step timed (target p95 ≤ 300 ms),
* generate their township's roster of the month (target ≤ 5 s each while the others work).

Afterwards: every step is in the audit chain (no lost update), the chain verifies, and every
township roster holds only its township's households. Prints the figures for the README.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sqlalchemy import func, select  # noqa: E402

from reliefdesk.db.connect import open_database  # noqa: E402
from reliefdesk.domain.workflow import OPEN_STATES  # noqa: E402
from reliefdesk.models import (  # noqa: E402
    Application,
    AuditEvent,
    Enrollment,
    Household,
    Person,
    RosterLine,
    Township,
    Village,
)

PASSWORD = "Demo#clerk1"


def _free_households(db: Any, township_id: int, n: int) -> list[tuple[int, int]]:
    """(household, head) pairs of the township with no application and no enrollment."""
    with db.read_session() as s:
        open_states = [st.value for st in OPEN_STATES]
        busy = (
            select(Application.household_id)
            .where(Application.state.in_(open_states))
            .union(select(Enrollment.household_id).where(Enrollment.status != "terminated"))
        )
        rows = s.execute(
            select(Household.id, func.min(Person.id))
            .join(Village, Village.id == Household.village_id)
            .join(Person, Person.household_id == Household.id)
            .where(
                Village.township_id == township_id,
                Household.id.not_in(busy),
                Person.deceased_on.is_(None),
            )
            .group_by(Household.id)
            .order_by(Household.id)
            .limit(n)
        ).all()
    return [(int(h), int(p)) for h, p in rows]


def _clerk(url: str, code: str, steps: int, month: str, start: Any, out: Any) -> None:
    from reliefdesk.services import casework, roster, search, users

    db = open_database(url)
    try:
        me = users.login(db, f"clerk_{code[-3:]}", PASSWORD)
        assert me.township_id is not None
        todo = _free_households(db, me.township_id, steps)
        start.wait()
        times: dict[str, list[float]] = {"search": [], "step": []}
        for q in ("王", "li", "张秀"):
            t = time.perf_counter()
            search.search_persons(db, me, q)
            times["search"].append(time.perf_counter() - t)
        today = date.today()
        for hid, head in todo:
            t = time.perf_counter()
            app = casework.create_application(db, me, hid, head, "rural_dibao", "困难", today)
            times["step"].append(time.perf_counter() - t)
            t = time.perf_counter()
            casework.perform(db, me, app.id, "start_investigation", on_date=today)
            times["step"].append(time.perf_counter() - t)
        t = time.perf_counter()
        view = roster.generate(db, me, month)
        roster_s = time.perf_counter() - t
        out.put((code, times, roster_s, view.id, view.households, len(todo)))
    except Exception as exc:  # report and let the parent fail the run
        out.put((code, repr(exc), 0.0, 0, 0, 0))
    finally:
        db.close()


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[max(0, round(0.95 * len(xs)) - 1)] if xs else 0.0


def run(url: str, households: int, clerks: int, steps: int) -> int:
    from reliefdesk.demo import generate_demo
    from reliefdesk.services.audit import verify_chain
    from reliefdesk.services.context import SYSTEM

    db = open_database(url)
    t = time.perf_counter()
    generate_demo(db, SYSTEM, households, seed=2026)
    print(f"county demo, {households} households: {time.perf_counter() - t:.1f} s")
    with db.read_session() as s:
        towns = [
            (t.id, t.code, t.name) for t in s.scalars(select(Township).order_by(Township.code))
        ]
        events_before = s.scalar(select(func.count(AuditEvent.id))) or 0
    db.close()
    month = date.today().strftime("%Y-%m")
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(min(clerks, len(towns)))
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_clerk, args=(url, code, steps, month, start, out))
        for _, code, _ in towns[:clerks]
    ]
    wall = time.perf_counter()
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - wall
    failed = [r for r in results if isinstance(r[1], str)]
    for code, err, *_ in failed:
        print(f"clerk of {code} failed: {err}")
    ok = [r for r in results if not isinstance(r[1], str)]
    search_t = [x for r in ok for x in r[1]["search"]]
    step_t = [x for r in ok for x in r[1]["step"]]
    roster_t = [r[2] for r in ok]
    print(f"{len(ok)} clerks at once, wall {wall:.1f} s")
    print(
        f"search: median {statistics.median(search_t) * 1000:.0f} ms, p95 {_p95(search_t) * 1000:.0f} ms"
    )
    print(
        f"case step ({len(step_t)}): median {statistics.median(step_t) * 1000:.0f} ms, "
        f"p95 {_p95(step_t) * 1000:.0f} ms (target ≤ 300 ms)"
    )
    print(
        f"township roster: median {statistics.median(roster_t):.2f} s, max {max(roster_t):.2f} s "
        f"(target ≤ 5 s), households {sum(r[4] for r in ok)}"
    )
    db = open_database(url)
    try:
        with db.read_session() as s:
            expected = sum(2 * r[5] + 1 for r in ok)  # two steps each + the roster generate
            added = (s.scalar(select(func.count(AuditEvent.id))) or 0) - events_before
            problems = verify_chain(s)
            by_code = {c: tid for tid, c, _ in towns}
            strays = 0
            for code, _t, _r, rid, *_ in ok:
                strays += (
                    s.scalar(
                        select(func.count(RosterLine.id))
                        .join(Household, Household.id == RosterLine.household_id)
                        .join(Village, Village.id == Household.village_id)
                        .where(RosterLine.roster_id == rid, Village.township_id != by_code[code])
                    )
                    or 0
                )
        print(
            f"audit events added {added} (≥ {expected} expected: logins too), chain problems {len(problems)}"
        )
        print(f"roster lines of another township: {strays}")
        return 0 if not failed and added >= expected and not problems and not strays else 1
    finally:
        db.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--households", type=int, default=40000)
    ap.add_argument("--clerks", type=int, default=20)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--url", default=None, help="an existing empty PostgreSQL database")
    args = ap.parse_args()
    if args.url:
        return run(args.url, args.households, args.clerks, args.steps)
    from conftest import PgCluster  # the test suite's throwaway cluster

    cluster = PgCluster()
    try:
        name = "county_" + uuid.uuid4().hex[:8]
        cluster.admin_sql(f"CREATE DATABASE {name}")
        return run(cluster.url(name), args.households, args.clerks, args.steps)
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
