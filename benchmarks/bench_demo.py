"""Benchmark: ``reliefdesk-admin demo --households N`` into a fresh SQLite file.

Runs the installed CLI as a child process (so start-up, migration and the final WAL checkpoint
count) and reports wall time, CPU time and the child's peak RSS. The database is kept at the
given path for other benchmarks (``bench_check.py``), plain unless ``--encrypted`` (the
default a user gets, with its key file beside it).

    .venv/bin/python benchmarks/bench_demo.py /tmp/rd40k.sqlite3 --households 40000
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

TARGET_SECONDS = 60.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path, help="SQLite file to create (replaced if it exists)")
    ap.add_argument("--households", type=int, default=40000)
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument(
        "--encrypted",
        action="store_true",
        help="the default a user gets (the file then opens only with a demo password)",
    )
    args = ap.parse_args()
    for suffix in ("", "-wal", "-shm", ".keys"):
        Path(str(args.db) + suffix).unlink(missing_ok=True)
    script = Path(sys.executable).with_name("reliefdesk-admin")
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.run(
        [
            str(script),
            "--db",
            str(args.db),
            "demo",
            # plain: the other benchmarks open this file without a password
            *([] if args.encrypted else ["--plain"]),
            "--households",
            str(args.households),
            "--seed",
            str(args.seed),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(proc.stdout.strip())
    if proc.returncode != 0:
        print(proc.stderr.strip(), file=sys.stderr)
        return proc.returncode
    size = args.db.stat().st_size / 1e6
    print(
        f"demo --households {args.households}: wall {wall:.1f} s, "
        f"CPU {usage.ru_utime + usage.ru_stime:.1f} s (user {usage.ru_utime:.1f}, "
        f"sys {usage.ru_stime:.1f}), peak RSS {usage.ru_maxrss / 1024:.0f} MB, "
        f"file {size:.0f} MB, load avg at start {load:.1f}; target ≤ {TARGET_SECONDS:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
