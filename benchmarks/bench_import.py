"""Benchmark: 存量导入 of a 40,000-household, 100,000-person legacy workbook (issue 12).

Run: ``.venv/bin/python benchmarks/bench_import.py [--households 40000] [--persons 100000]``.

Writes the synthetic workbook once (one row per person, one sheet per village; cached in the
temp directory), then measures each step in a fresh child process on a fresh SQLite file:

* ``preview`` (read with python-calamine, normalise, group, check): target ≤ 20 s;
* ``import`` (the same, then every write in one transaction): target ≤ 60 s;
* peak resident memory of each child (target ≤ 1 GB).

Wall time and CPU seconds (user + system) are printed: on a shared machine wall time depends
on the other processes, CPU seconds much less.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _child(step: str, book: str) -> None:
    from sqlalchemy import select

    from reliefdesk.db.connect import open_database
    from reliefdesk.models import User
    from reliefdesk.services import importing, users
    from reliefdesk.services.context import SYSTEM, Actor

    tmp = tempfile.mkdtemp(prefix="bench-import-")
    db = open_database(f"sqlite:///{tmp}/bench.sqlite3")
    with db.session() as s:
        users.add_user(s, SYSTEM, "admin", "admin", "Bench#Pass2026", display_name="admin")
    with db.session() as s:
        u = s.scalar(select(User))
        admin = Actor(u.id, u.username, u.display_name, u.role)
    c0 = time.process_time()
    t0 = time.perf_counter()
    if step == "preview":
        pv = importing.preview(db, admin, book)
        result = {"households": pv.households, "persons": pv.persons, "problems": len(pv.problems)}
    else:
        r = importing.import_file(db, admin, book)
        result = {"households": r.created, "persons": r.persons, "blocked": r.blocked}
    result.update(
        wall_s=round(time.perf_counter() - t0, 2),
        cpu_s=round(time.process_time() - c0, 2),
        peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    )
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=40000)
    ap.add_argument("--persons", type=int, default=100000)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(*args.child)
        return
    book = Path(tempfile.gettempdir()) / f"legacy_{args.households}_{args.persons}.xlsx"
    if not book.exists():
        from reliefdesk.documents.legacy.sample import make_households, write_person_xlsx

        t0 = time.perf_counter()
        hh = make_households(args.households, seed=40, oddities=False, persons_total=args.persons)
        write_person_xlsx(book, hh, oddities=False)
        print(
            f"workbook: {book} ({len(hh)} households, {sum(len(h.members) for h in hh)} "
            f"persons) written in {time.perf_counter() - t0:.1f} s"
        )
    targets = {"preview": 20, "import": 60}
    for step in ("preview", "import"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", step, str(book)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        res = json.loads(out.stdout.strip().splitlines()[-1])
        ok = res["wall_s"] <= targets[step] and res["peak_mb"] <= 1024
        print(
            f"{step:8s} wall {res['wall_s']:6.1f} s (target ≤ {targets[step]} s)  "
            f"cpu {res['cpu_s']:6.1f} s  peak {res['peak_mb']} MB (≤ 1024)  "
            f"{'OK' if ok else 'OVER'}  {res}"
        )


if __name__ == "__main__":
    main()
