"""Benchmark: townships working at once on one county PostgreSQL server (issue 18).

Run: ``.venv/bin/python benchmarks/bench_county.py [--households 40000] [--clerks 6,20]
[--steps 10] [--think 3]`` (needs the PostgreSQL binaries; a throwaway local cluster is
started with the test suite's :class:`PgCluster` and removed afterwards), or
``--url postgresql://…`` for an existing empty database.

Builds the county demo (``demo --households N``: 21 townships, a clerk per township), then,
for each clerk count and each mode, starts that many processes, each logged in as the clerk
of its own township (``clerk_NNN``), which at the same moment:

* search persons (three queries),
* take ``--steps`` households through two case steps each (受理 a new application, then
  开始调查 on it) — each step timed (target p95 ≤ 300 ms),
* generate their township's roster of the month (target ≤ 5 s each while the others work).

Two modes, both reported:

* ``burst``: no pause at all between calls (every clerk clicks as fast as the machine
  answers; the roster comes after the steps). A stress figure, not a working day.
* ``think``: a clerk pauses between calls (uniformly 0.5-1.5 x ``--think`` seconds: reading
  the screen, typing), and the rosters are generated at staggered moments while the other
  clerks keep taking steps. This is how a township office works.

While the clerks run, a sampler polls ``pg_stat_activity`` every 50 ms and counts what the
clerks' server processes wait for (a lock, the disk, nothing = on CPU), so a serialisation
point shows up by name. Afterwards: every step is in the audit chain (no lost update), the
chain verifies, and every township roster holds only its township's households. Prints one
table and writes the figures to ``benchmarks/results/county.json``.
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing as mp
import os
import platform
import random
import statistics
import sys
import threading
import time
import uuid
from datetime import UTC, date, datetime
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
RESULTS = ROOT / "benchmarks" / "results" / "county.json"
SAMPLE_EVERY_S = 0.05


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


def _clerk(
    url: str, code: str, steps: int, month: str, think: float, roster_at: int, start: Any, out: Any
) -> None:
    from reliefdesk.db.retry import run_retrying
    from reliefdesk.services import casework, roster, search, users

    rnd = random.Random(code)
    db = open_database(url)
    try:
        me = users.login(db, f"clerk_{code[-3:]}", PASSWORD)
        assert me.township_id is not None
        todo = _free_households(db, me.township_id, steps)
        start.wait()
        times: dict[str, list[float]] = {"search": [], "step": [], "step_cpu": []}
        roster_s, view = 0.0, None

        def pause() -> None:
            if think > 0:
                time.sleep(rnd.uniform(0.5 * think, 1.5 * think))

        def gen() -> tuple[float, Any]:
            t = time.perf_counter()
            v = run_retrying(lambda: roster.generate(db, me, month))
            return time.perf_counter() - t, v

        for q in ("王", "li", "张秀"):
            t = time.perf_counter()
            search.search_persons(db, me, q)
            times["search"].append(time.perf_counter() - t)
            pause()
        today = date.today()
        for i, (hid, head) in enumerate(todo):
            if i == roster_at:
                roster_s, view = gen()
                pause()
            t, c = time.perf_counter(), time.process_time()
            app = run_retrying(
                lambda h=hid, p=head: casework.create_application(
                    db, me, h, p, "rural_dibao", "困难", today
                )
            )
            times["step"].append(time.perf_counter() - t)
            times["step_cpu"].append(time.process_time() - c)
            pause()
            t, c = time.perf_counter(), time.process_time()
            run_retrying(
                lambda a=app.id: casework.perform(db, me, a, "start_investigation", on_date=today)
            )
            times["step"].append(time.perf_counter() - t)
            times["step_cpu"].append(time.process_time() - c)
            pause()
        if view is None:
            roster_s, view = gen()
        out.put((code, times, roster_s, view.id, view.households, len(todo)))
    except Exception as exc:  # report and let the parent fail the run
        out.put((code, repr(exc), 0.0, 0, 0, 0))
    finally:
        db.close()


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[max(0, round(0.95 * len(xs)) - 1)] if xs else 0.0


class _Sampler(threading.Thread):
    """Counts what the clerks' server backends are doing, every 50 ms."""

    SQL = """
        SELECT CASE WHEN a.state = 'active' THEN coalesce(a.wait_event_type, 'CPU')
                    ELSE 'in transaction, waiting for its client' END,
               CASE WHEN a.state = 'active' THEN coalesce(a.wait_event, '') ELSE '' END,
               left(regexp_replace(a.query, '\\s+', ' ', 'g'), 70)
        FROM pg_stat_activity a
        WHERE a.application_name LIKE 'reliefdesk%%'
          AND a.state IN ('active', 'idle in transaction')
          AND a.pid <> pg_backend_pid()
    """

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url.replace("postgresql+psycopg://", "postgresql://")
        self.stop = threading.Event()
        self.samples = 0
        self.active = 0
        self.kinds: collections.Counter[str] = collections.Counter()
        self.lock_queries: collections.Counter[str] = collections.Counter()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True, application_name="bench-sampler") as c:
            while not self.stop.is_set():
                rows = c.execute(self.SQL).fetchall()
                self.samples += 1
                for kind, ev, query in rows:
                    self.active += 1
                    self.kinds[f"{kind}:{ev}" if ev else kind] += 1
                    if kind == "Lock":
                        self.lock_queries[query] += 1
                time.sleep(SAMPLE_EVERY_S)

    def summary(self) -> dict[str, Any]:
        n = max(self.active, 1)
        return {
            "samples": self.samples,
            "mean_busy_backends": round(self.active / max(self.samples, 1), 2),
            "backend_states_pct": {k: round(100 * v / n, 1) for k, v in self.kinds.most_common(8)},
            "lock_waits_by_statement": dict(self.lock_queries.most_common(5)),
        }


def _round(
    url: str, towns: list[tuple[int, str, str]], clerks: int, steps: int, think: float
) -> dict[str, Any]:
    from reliefdesk.services.audit import verify_chain

    db = open_database(url)
    with db.read_session() as s:
        events_before = s.scalar(select(func.count(AuditEvent.id))) or 0
    db.close()
    month = date.today().strftime("%Y-%m")
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(min(clerks, len(towns)))
    out = ctx.Queue()
    # think mode: the rosters come at staggered moments, while the other clerks take steps
    procs = [
        ctx.Process(
            target=_clerk,
            args=(
                url,
                code,
                steps,
                month,
                think,
                (1 + i % max(steps - 1, 1)) if think > 0 else steps,
                start,
                out,
            ),
        )
        for i, (_, code, _) in enumerate(towns[:clerks])
    ]
    sampler = _Sampler(url)
    sampler.start()
    wall, cpu0 = time.perf_counter(), os.times()
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - wall
    cpu1 = os.times()
    sampler.stop.set()
    sampler.join()
    failed = [r for r in results if isinstance(r[1], str)]
    for code, err, *_ in failed:
        print(f"clerk of {code} failed: {err}")
    ok = [r for r in results if not isinstance(r[1], str)]
    search_t = [x for r in ok for x in r[1]["search"]]
    step_t = [x for r in ok for x in r[1]["step"]]
    step_cpu = [x for r in ok for x in r[1]["step_cpu"]]
    roster_t = [r[2] for r in ok]
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
    finally:
        db.close()
    children_cpu = (cpu1.children_user + cpu1.children_system) - (
        cpu0.children_user + cpu0.children_system
    )
    return {
        "clerks": len(procs),
        "mode": "think" if think > 0 else "burst",
        "think_s": think,
        "failed": len(failed),
        "wall_s": round(wall, 1),
        "search_median_ms": round(statistics.median(search_t) * 1000) if search_t else None,
        "search_p95_ms": round(_p95(search_t) * 1000),
        "steps": len(step_t),
        "step_median_ms": round(statistics.median(step_t) * 1000) if step_t else None,
        "step_p95_ms": round(_p95(step_t) * 1000),
        "step_max_ms": round(max(step_t, default=0) * 1000),
        "step_client_cpu_median_ms": round(statistics.median(step_cpu) * 1000)
        if step_cpu
        else None,
        "roster_median_s": round(statistics.median(roster_t), 2) if roster_t else None,
        "roster_max_s": round(max(roster_t, default=0), 2),
        "roster_households": sum(r[4] for r in ok),
        "clients_cpu_s": round(children_cpu, 1),
        "audit_events_added": added,
        "audit_events_expected_min": expected,
        "chain_problems": len(problems),
        "foreign_roster_lines": strays,
        "server": sampler.summary(),
        "ok": not failed and added >= expected and not problems and not strays,
    }


TABLE = (
    ("clerks", "clerks", "{}"),
    ("mode", "mode", "{}"),
    ("wall_s", "wall s", "{}"),
    ("search_p95_ms", "search p95 ms", "{}"),
    ("step_median_ms", "step median ms", "{}"),
    ("step_p95_ms", "step p95 ms", "{}"),
    ("step_client_cpu_median_ms", "step client CPU ms", "{}"),
    ("roster_median_s", "roster median s", "{}"),
    ("roster_max_s", "roster max s", "{}"),
    ("ok", "checks", "{}"),
)


def _table(rows: list[dict[str, Any]]) -> str:
    head = [h for _, h, _ in TABLE]
    body = [[f.format(r[k]) for k, _, f in TABLE] for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    line = lambda cells: " | ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    return "\n".join([line(head), "-+-".join("-" * w for w in widths), *map(line, body)])


def run(url: str, households: int, clerk_counts: list[int], steps: int, think: float) -> int:
    from reliefdesk.demo import generate_demo
    from reliefdesk.services.context import SYSTEM

    db = open_database(url)
    t = time.perf_counter()
    generate_demo(db, SYSTEM, households, seed=2026)
    demo_s = time.perf_counter() - t
    print(f"county demo, {households} households: {demo_s:.1f} s")
    with db.read_session() as s:
        towns = [
            (t.id, t.code, t.name) for t in s.scalars(select(Township).order_by(Township.code))
        ]
    db.close()
    rounds = []
    for clerks in clerk_counts:
        for th in (0.0, think) if think > 0 else (0.0,):
            r = _round(url, towns, clerks, steps, th)
            print(
                f"{r['clerks']} clerks, {r['mode']}: step p95 {r['step_p95_ms']} ms, "
                f"roster max {r['roster_max_s']} s; server backends: "
                f"{r['server']['backend_states_pct']}",
                flush=True,
            )
            rounds.append(r)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores shared with other work "
        f"(load average {os.getloadavg()[0]:.2f} at the end); the clerk processes AND the "
        "PostgreSQL server run on this same machine"
    )
    print()
    print(
        f"County server benchmark: {households} households, {len(towns)} townships, "
        f"{steps} households x 2 case steps per clerk"
    )
    print(
        f"burst = no pause between calls; think = {think:g} s (0.5-1.5x) between a clerk's "
        "calls, rosters staggered while the others work"
    )
    print(f"machine: {machine}")
    print(_table(rounds))
    print("targets: case step p95 <= 300 ms, each township roster <= 5 s (issue 18)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": machine,
                "python": platform.python_version(),
                "households": households,
                "townships": len(towns),
                "steps_per_clerk": 2 * steps,
                "think_s": think,
                "demo_build_s": round(demo_s, 1),
                "rounds": rounds,
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"figures: {RESULTS.relative_to(ROOT)}")
    return 0 if all(r["ok"] for r in rounds) else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--households", type=int, default=40000)
    ap.add_argument("--clerks", default="6,20", help="clerk counts, comma-separated")
    ap.add_argument("--steps", type=int, default=10, help="households per clerk (2 steps each)")
    ap.add_argument("--think", type=float, default=3.0, help="think time in s (0: burst only)")
    ap.add_argument("--url", default=None, help="an existing empty PostgreSQL database")
    args = ap.parse_args()
    counts = [int(x) for x in args.clerks.split(",") if x.strip()]
    if args.url:
        return run(args.url, args.households, counts, args.steps, args.think)
    from conftest import PgCluster  # the test suite's throwaway cluster

    cluster = PgCluster()
    try:
        name = "county_" + uuid.uuid4().hex[:8]
        cluster.admin_sql(f"CREATE DATABASE {name}")
        return run(cluster.url(name), args.households, counts, args.steps, args.think)
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
