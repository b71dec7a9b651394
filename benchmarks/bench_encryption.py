"""Benchmark: the cost of encryption at rest (SQLCipher), side by side with a plain file.

Run: ``.venv/bin/python benchmarks/bench_encryption.py [--households 40000] [--queries 200]``.

In one process, for a plain and an encrypted office of the same size and seed (target: the
encrypted one at most 15 % slower on each step):

* demo generation (``generate_demo``, one transaction, ``--households``);
* search: ``--queries`` name searches (``search_persons``), names taken from the register;
* roster ``generate`` + ``validate`` of the current month, all programmes (the first run
  builds the draft, later runs rebuild it);
* ``check`` (``run_checks``, every rule).

Steps after generation run ``--repeats`` times alternating plain / encrypted; the best time of
each is reported (the machine is shared; the minimum is the least noisy figure), as wall-clock
seconds and as CPU seconds of this process (``time.process_time``: on a busy shared machine
the wall clock also counts the time other programs held the processor; both sides do the
same file I/O, so the CPU ratio is the cost of encryption). The first repeat reads the
encrypted file into the connection's page cache (each page decrypted and its HMAC checked
once; ``reliefdesk.db.cipher.cache_kib`` sizes the cache to hold the whole file), where the
plain file is served from the operating system's cache.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.demo import create_demo_database, generate_demo
from reliefdesk.models import Person, User
from reliefdesk.services import roster
from reliefdesk.services.check import run_checks
from reliefdesk.services.context import SYSTEM, Actor
from reliefdesk.services.search import search_persons

TARGET = 1.15


def _actor(db: Database, name: str) -> Actor:
    with db.session() as s:
        u = s.scalars(select(User).where(User.username == name)).one()
        return Actor(u.id, u.username, u.display_name, u.role)


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of ``fn()``."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def _keep_best(into: dict[str, tuple[float, float]], label: str, t: tuple[float, float]) -> None:
    best = into.get(label)
    into[label] = t if best is None else (min(best[0], t[0]), min(best[1], t[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, default=40000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2023)
    args = ap.parse_args()
    month = date.today().strftime("%Y-%m")
    results: dict[str, dict[str, tuple[float, float]]] = {"plain": {}, "encrypted": {}}
    with tempfile.TemporaryDirectory(prefix="rd-bench-enc-") as tmp:
        dbs: dict[str, Database] = {}
        for mode in ("plain", "encrypted"):
            path = Path(tmp) / f"{mode}.sqlite3"
            if mode == "plain":
                db = open_database(f"sqlite:///{path}")
            else:
                db, _code = create_demo_database(path)
            t = _timed(
                lambda db=db: generate_demo(  # type: ignore[misc]
                    db, SYSTEM, args.households, seed=args.seed, clean=True
                )
            )
            results[mode]["demo generation"] = t
            print(
                f"{mode}: demo of {args.households} households in {t[0]:.1f} s (CPU {t[1]:.1f} s)",
                flush=True,
            )
            dbs[mode] = db
        with dbs["plain"].read_session() as s:
            names = list(s.scalars(select(Person.name)))
        rng = random.Random(args.seed)
        queries = [rng.choice(names) for _ in range(args.queries)]
        clerks = {m: _actor(db, "clerk") for m, db in dbs.items()}

        def search(mode: str) -> None:
            for q in queries:
                search_persons(dbs[mode], clerks[mode], q)

        def roster_step(mode: str) -> None:
            view = roster.generate(dbs[mode], clerks[mode], month)
            roster.validate(dbs[mode], clerks[mode], view.id)

        steps: dict[str, Callable[[str], None]] = {
            f"search ({args.queries} queries)": search,
            "roster generate + validate": roster_step,
            "check": lambda mode: run_checks(dbs[mode]),  # type: ignore[dict-item]
        }
        for _ in range(args.repeats):
            for label, fn in steps.items():
                for mode in ("plain", "encrypted"):
                    t = _timed(lambda fn=fn, mode=mode: fn(mode))  # type: ignore[misc]
                    _keep_best(results[mode], label, t)
        for db in dbs.values():
            db.close()
    print(
        f"\n{'step':32} {'plain s':>8} {'enc s':>8} {'ratio':>6}"
        f" {'plain CPU':>10} {'enc CPU':>8} {'ratio':>6}"
    )
    worst_wall = worst_cpu = 0.0
    for label, (plain, plain_cpu) in results["plain"].items():
        enc, enc_cpu = results["encrypted"][label]
        ratio = enc / plain if plain else 1.0
        ratio_cpu = enc_cpu / plain_cpu if plain_cpu else 1.0
        worst_wall, worst_cpu = max(worst_wall, ratio), max(worst_cpu, ratio_cpu)
        print(
            f"{label:32} {plain:8.2f} {enc:8.2f} {ratio:6.2f}"
            f" {plain_cpu:10.2f} {enc_cpu:8.2f} {ratio_cpu:6.2f}"
        )
    for what, worst in (("wall-clock", worst_wall), ("CPU", worst_cpu)):
        verdict = "met" if worst <= TARGET else "NOT met"
        print(f"worst {what} ratio {worst:.2f} (target <= {TARGET:.2f}): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
