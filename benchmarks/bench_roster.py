"""Benchmark: a full month's roster on the 40,000-household demo database.

Run: ``.venv/bin/python benchmarks/bench_roster.py [--db /tmp/rd40k.sqlite3] [--month 2026-11]``.

The source database is copied first (it is never modified). Measures, in one process:

* ``generate`` + ``validate`` of one month, all programmes (target ≤ 2 s, issue #17);
* export of the bank file through ``roster.export`` (lock hash check, DB reads, audit and the
  workbook writer) against a bare openpyxl write-only loop writing the same cells, alternating,
  median of ``--repeats`` (target ratio ≤ 1.3);
* peak resident memory of the process (target ≤ 300 MB).

To reach the export step the roster must be locked; errors in the demo data (if any) are
bypassed by setting the status and hash directly in the COPY (benchmark only).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliefdesk.db.connect import open_database
from reliefdesk.documents.workbooks import RollHeader, RollLine, write_bank_file
from reliefdesk.models import Roster, RosterLine, User, utcnow
from reliefdesk.services import roster
from reliefdesk.services.context import Actor


def _actor(db, name: str) -> Actor:  # type: ignore[no-untyped-def]
    with db.session() as s:
        u = s.scalars(select(User).where(User.username == name)).one()
        return Actor(u.id, u.username, u.display_name, u.role)


def _bare(path: Path, rows: list[list[object]]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(
        [
            "序号",
            "姓名",
            "证件号码",
            "卡号/账号",
            "金额",
            "补贴项目/摘要",
            "开户行",
            "所属乡镇",
            "所属村",
            "备注",
        ]
    )
    for r in rows:
        ws.append(r)
    wb.save(path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/rd40k.sqlite3")
    ap.add_argument("--month", default="2026-11")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-roster-"))
    copy = work / "copy.sqlite3"
    shutil.copyfile(args.db, copy)
    db = open_database(f"sqlite:///{copy}")
    clerk, approver = _actor(db, "clerk"), _actor(db, "approver")

    t0 = time.perf_counter()
    view = roster.generate(db, clerk, args.month)
    t1 = time.perf_counter()
    problems = roster.validate(db, clerk, view.id)
    t2 = time.perf_counter()
    print(
        f"roster {args.month}: {view.households} households, {view.persons} persons, "
        f"{view.amount_fen / 100:.2f} yuan; flags {view.flag_counts}"
    )
    print(
        f"generate {t1 - t0:.2f} s, validate {t2 - t1:.2f} s, total {t2 - t0:.2f} s "
        f"(target <= 2 s); problems {len(problems)} "
        f"({sum(p.severity == 'error' for p in problems)} errors)"
    )

    with db.session() as s:  # benchmark only: lock the copy regardless of demo-data problems
        r = s.get(Roster, view.id)
        assert r is not None
        r.status, r.locked_at, r.locked_by_name = "locked", utcnow(), "bench"
        r.lines_sha256 = roster.roster_hash(s, r)
        lines = list(
            s.execute(
                select(
                    RosterLine.payee_name,
                    RosterLine.payee_id_number,
                    RosterLine.account,
                    RosterLine.paid_fen,
                    RosterLine.bank,
                    RosterLine.township,
                    RosterLine.village,
                    RosterLine.change_reason,
                )
                .where(RosterLine.roster_id == view.id, RosterLine.paid_fen > 0)
                .order_by(RosterLine.line_no)
            )
        )
    summary = f"{args.month}全部项目"
    bare_rows = [
        [i, n, idn, acc, fen / 100, summary, bank, town, vil, note]
        for i, (n, idn, acc, fen, bank, town, vil, note) in enumerate(lines, 1)
    ]
    roll = [
        RollLine(
            seq=i,
            township=town,
            village=vil,
            payee=n,
            id_number=idn,
            category="",
            persons=1,
            standard_fen=0,
            per_capita_income_fen=None,
            due_fen=fen,
            adjustment_fen=0,
            adjustment_reason="",
            paid_fen=fen,
            account=acc,
            bank=bank,
            change_flag="",
            note=note or "",
        )
        for i, (n, idn, acc, fen, bank, town, vil, note) in enumerate(lines, 1)
    ]
    header = RollHeader(
        county="汝州市",
        township=lines[0][5] if lines else "",
        office_name="",
        programme_label="全部项目",
        month=args.month,
        roster_hash="0" * 64,
        prepared_by="bench",
        made_on=date.today(),
    )
    ours, writer, base = [], [], []
    for i in range(args.repeats):
        t = time.perf_counter()
        roster.export(db, clerk, view.id, work / f"ours{i}", kinds=("bank",))
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        write_bank_file(work / f"writer{i}.xlsx", header, roll)
        writer.append(time.perf_counter() - t)
        t = time.perf_counter()
        _bare(work / f"bare{i}.xlsx", bare_rows)
        base.append(time.perf_counter() - t)
    mo, mw, mb = (statistics.median(x) for x in (ours, writer, base))
    print(
        f"bank file writer {mw:.2f} s vs bare openpyxl {mb:.2f} s: ratio {mw / mb:.2f} "
        f"(target <= 1.3); rows {len(lines)}"
    )
    print(
        f"whole export service (lock-hash re-check, DB read, writer, audit) {mo:.2f} s: "
        f"ratio {mo / mb:.2f} to the bare loop"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB (target <= 300 MB)")
    del approver
    db.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
