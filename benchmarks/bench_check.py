"""Benchmark: ``reliefdesk-admin check`` on an existing database (e.g. the 40k demo file made
by ``bench_demo.py``). Reports wall time, CPU time and the child's peak RSS.

    .venv/bin/python benchmarks/bench_check.py /tmp/rd40k.sqlite3
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

TARGET_SECONDS = 3.0  # issue #17
TARGET_MB = 300.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path, help="existing database file")
    args = ap.parse_args()
    if not args.db.is_file():
        print(f"no such database: {args.db} (run bench_demo.py first)", file=sys.stderr)
        return 2
    script = Path(sys.executable).with_name("reliefdesk-admin")
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.run(
        [str(script), "--db", str(args.db), "check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = proc.stdout.strip().splitlines()
    print(
        "\n".join(lines[:12]) + (f"\n… ({len(lines) - 12} more lines)" if len(lines) > 12 else "")
    )
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)
    rss = usage.ru_maxrss / 1024
    print(
        f"check: exit {proc.returncode}, wall {wall:.1f} s, CPU "
        f"{usage.ru_utime + usage.ru_stime:.1f} s, peak RSS {rss:.0f} MB, load avg at start "
        f"{load:.1f}; targets ≤ {TARGET_SECONDS:.0f} s and ≤ {TARGET_MB:.0f} MB"
    )
    return 0 if proc.returncode in (0, 1) else proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())
