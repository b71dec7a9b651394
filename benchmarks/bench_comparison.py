"""Benchmark: a 100,000-row department file compared with the 40,000-household register
(issue 14: matched and findings produced in ≤ 15 s).

    .venv/bin/python benchmarks/bench_comparison.py /tmp/rd40k.sqlite3 [--rows 100000]
        [--source medical] [--format csv|xlsx]

The database is a demo office (``reliefdesk-admin demo --households 40000``, see
``bench_demo.py``); it is copied first, so the original is not changed. The file lists register
people (IDs written the sloppy ways: 15-digit, full-width, spaced) and 2% strangers; it is
written once per shape and cached in the temp directory. The comparison (read, normalise,
match, rules, write run + rows + findings in one transaction) runs in a child process; wall
time, CPU seconds and peak RSS are printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 15.0


def _write_file(db: Path, rows: int, source: str, fmt: str) -> Path:
    from reliefdesk.demo.departments import RegisterPerson, department_table, write_xlsx

    out = Path(tempfile.gettempdir()) / f"bench-compare-{source}-{rows}.{fmt}"
    if out.exists():
        return out
    per = 3 if source == "medical" else 1
    wanted = rows // per
    con = sqlite3.connect(str(db))
    people = [
        RegisterPerson(i, n)
        for i, n in con.execute(
            "SELECT id_number, name FROM person ORDER BY id LIMIT ?", (int(wanted * 0.98),)
        )
    ]
    con.close()
    header, data = department_table(
        source, people, month=date.today().replace(day=1), strangers=wanted - len(people)
    )
    if fmt == "xlsx":
        write_xlsx(out, header, data)
    else:
        with open(out, "w", encoding="gbk", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(data)
    return out


def _child(db: str, path: str, source: str) -> None:
    from sqlalchemy import select

    from reliefdesk.db.connect import open_database
    from reliefdesk.models import User
    from reliefdesk.services import comparison
    from reliefdesk.services.context import Actor

    database = open_database(f"sqlite:///{db}")
    with database.read_session() as s:
        u = s.scalar(select(User).where(User.username == "clerk"))
        actor = Actor(u.id, u.username, u.display_name, u.role)
    c0 = time.process_time()
    t0 = time.perf_counter()
    r = comparison.compare_file(database, actor, path, source)
    print(
        json.dumps(
            {
                "rows": r.run.rows_read,
                "matched": r.run.matched,
                "unmatched": r.run.unmatched,
                "name_mismatches": r.run.name_mismatches,
                "findings": r.run.by_kind,
                "wall_s": round(time.perf_counter() - t0, 2),
                "cpu_s": round(time.process_time() - c0, 2),
                "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            },
            ensure_ascii=False,
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path, nargs="?")
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--source", default="medical")
    ap.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(*args.child)
        return 0
    if args.db is None or not args.db.is_file():
        print("no such database (run bench_demo.py first)", file=sys.stderr)
        return 2
    path = _write_file(args.db, args.rows, args.source, args.format)
    tmp = Path(tempfile.mkdtemp(prefix="bench-compare-")) / "copy.sqlite3"
    shutil.copyfile(args.db, tmp)
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(tmp), str(path), args.source],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return proc.returncode
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(json.dumps(result, ensure_ascii=False))
    print(
        f"compare {args.source} ({path.name}): {result['rows']} rows, wall {result['wall_s']} s, "
        f"CPU {result['cpu_s']} s, peak {result['peak_mb']} MB; target ≤ {TARGET_SECONDS:.0f} s"
    )
    shutil.rmtree(tmp.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
