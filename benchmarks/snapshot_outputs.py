"""Snapshot the outputs the speed work must not change, to compare before/after (issue #17).

    PYTHONPATH=$PWD python benchmarks/snapshot_outputs.py OUT_DIR [--db tmp/bench/rd40k.sqlite3]
    diff -r BEFORE_DIR AFTER_DIR

Writes, from a copy of the cached demo office: the 500-form batch PDF built with reportlab's
``invariant`` mode (no dates or random ids, so equal code gives equal bytes), the cells of the
three export workbooks (the date-stamped 制表日期 cells included, so compare on the same day),
the roster lines and problems of the month, and the ``check`` output.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--db", type=Path, default=ROOT / "tmp" / "bench" / "rd40k.sqlite3")
    ap.add_argument("--month", default="2026-11")
    args = ap.parse_args()
    from bench_items import _actor, _cells, _copy
    from reportlab import rl_config
    from sqlalchemy import select

    from reliefdesk.cli import main as cli
    from reliefdesk.db.connect import open_database
    from reliefdesk.models import Application, Roster, RosterLine, utcnow
    from reliefdesk.services import audit, printing
    from reliefdesk.services import roster as rs

    rl_config.invariant = 1
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        copy = _copy(args.db, work)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = cli(["--db", str(copy), "check"])
        (out / "check.txt").write_text(f"exit {code}\n{buf.getvalue()}")
        db = open_database(f"sqlite:///{copy}")
        clerk, approver = _actor(db, "clerk"), _actor(db, "approver")
        with db.read_session() as s:
            ids = list(
                s.scalars(
                    select(Application.id)
                    .where(Application.state == "approved")
                    .order_by(Application.id)
                    .limit(500)
                )
            )
        pdf = printing.batch_application_forms_pdf(db, clerk, ids).pdf
        (out / "forms.pdf").write_bytes(pdf)
        (out / "forms.sha256").write_text(hashlib.sha256(pdf).hexdigest() + "\n")
        view = rs.generate(db, clerk, args.month)
        problems = rs.validate(db, clerk, view.id)
        (out / "problems.txt").write_text(
            "\n".join(f"{p.line_no} {p.severity} {p.code} {p.message_zh}" for p in problems)
        )
        with db.session() as s:
            lines = s.execute(
                select(RosterLine).where(RosterLine.roster_id == view.id).order_by("line_no")
            ).scalars()
            cols = [c.name for c in RosterLine.__table__.columns if c.name not in ("id",)]
            text = "\n".join(
                json.dumps([str(getattr(ln, c)) for c in cols], ensure_ascii=False) for ln in lines
            )
            (out / "roster_lines.txt").write_text(text)
            r = s.get(Roster, view.id)
            assert r is not None
            r.status, r.locked_at, r.locked_by_name = "locked", utcnow(), "bench"
            r.lines_sha256 = rs.roster_hash(s, r)
            audit.record(
                s, approver, "roster.lock", "roster", r.id, detail={"sha256": r.lines_sha256}
            )
        for i, res in enumerate(rs.export(db, approver, view.id, work / "export")):
            sheets = _cells(Path(res.path))
            (out / f"export_{i}.txt").write_text(
                "\n".join(
                    f"{title}\t{json.dumps(row, ensure_ascii=False, default=str)}"
                    for title, rows in sheets
                    for row in rows
                )
            )
        db.close()
    print(f"snapshot written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
