"""The work items of ``run_all.py`` (issue #17), each run in a child process of its own.

Every item returns a dict with ``cpu``/``wall`` (seconds of our code, process start-up and
imports excluded), optionally ``base_cpu``/``base_wall`` (the baseline, run in the same process,
alternating with ours) and ``peak_mb`` (peak resident memory of the process right after our
code's first run, before the baseline could raise it). Databases are copies of the cached
40,000-household demo office; the cache itself is never written to.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

Result = dict[str, Any]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(CPU seconds of this process, wall seconds, fn's result)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, out


def _copy(db: Path, work: Path) -> Path:
    copy = work / "office.sqlite3"
    shutil.copyfile(db, copy)
    return copy


def _actor(db: Any, name: str) -> Any:
    from sqlalchemy import select

    from reliefdesk.models import User
    from reliefdesk.services.context import Actor

    with db.session() as s:
        u = s.scalars(select(User).where(User.username == name)).one()
        return Actor(u.id, u.username, u.display_name, u.role)


def _pairs(
    ours: Callable[[], Any], base: Callable[[], Any], repeats: int
) -> tuple[Result, list[Any]]:
    """Run ours and the baseline alternately ``repeats`` times; medians of CPU and wall."""
    runs: list[tuple[float, float]] = []
    bases: list[tuple[float, float]] = []
    outs: list[Any] = []
    peak = 0.0
    for i in range(repeats):
        cpu, wall, out = _timed(ours)
        outs.append(out)
        runs.append((cpu, wall))
        if i == 0:
            peak = _peak_mb()
        bcpu, bwall, _ = _timed(base)
        bases.append((bcpu, bwall))
    return {
        "cpu": statistics.median(r[0] for r in runs),
        "wall": statistics.median(r[1] for r in runs),
        "base_cpu": statistics.median(b[0] for b in bases),
        "base_wall": statistics.median(b[1] for b in bases),
        "peak_mb": peak,
    }, outs


# -- demo and check: the CLI commands, in process ------------------------------------------
def _remove_office(db: Path) -> None:
    """The office file with its WAL, shared-memory and key files, where they exist."""
    for suffix in ("", "-wal", "-shm", ".keys"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def demo(out_db: Path, households: int, *, plain: bool = True) -> Result:
    """``reliefdesk-admin demo --households N`` into a new file.

    ``plain`` (``--plain``): the file is kept as the cache that every other row opens without a
    key (the speed rows measure the program; the encryption overhead has its own side-by-side
    table, ``bench_encryption.py``). Otherwise the default a user gets, an encrypted office:
    its own row (time and peak memory), the file and its key file deleted afterwards."""
    from reliefdesk.cli import main

    _remove_office(out_db)
    argv = ["--db", str(out_db), "demo", "--households", str(households)]
    try:
        cpu, wall, code = _timed(lambda: main(argv + (["--plain"] if plain else [])))
    finally:
        if not plain:
            _remove_office(out_db)
    if code != 0:
        raise SystemExit(f"demo failed with exit code {code}")
    return {"cpu": cpu, "wall": wall, "peak_mb": _peak_mb()}


def check(db: Path) -> Result:
    """``reliefdesk-admin check`` on a copy (exit 1 = problems found, which is expected)."""
    from reliefdesk.cli import main

    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        copy = _copy(db, Path(tmp))
        cpu, wall, code = _timed(lambda: main(["--db", str(copy), "check"]))
    if code not in (0, 1):
        raise SystemExit(f"check failed with exit code {code}")
    return {"cpu": cpu, "wall": wall, "peak_mb": _peak_mb()}


# -- roster generate + validate, then the three export workbooks ----------------------------
def roster(db: Path, month: str, repeats: int, *, export: bool = True) -> list[Result]:
    """Two results: generate + validate of ``month`` (all programmes), and the three export
    workbooks against a bare openpyxl write-only loop writing the same cells (only the first
    without ``export``)."""
    from reliefdesk.db.connect import open_database
    from reliefdesk.models import Roster, utcnow
    from reliefdesk.services import audit
    from reliefdesk.services import roster as rs

    with tempfile.TemporaryDirectory(prefix="bench-roster-") as tmp:
        work = Path(tmp)
        odb = open_database(f"sqlite:///{_copy(db, work)}")
        clerk = _actor(odb, "clerk")

        def generate_validate() -> tuple[Any, Any]:
            view = rs.generate(odb, clerk, month)
            return view, rs.validate(odb, clerk, view.id)

        cpu, wall, (view, problems) = _timed(generate_validate)
        gen = {
            "cpu": cpu,
            "wall": wall,
            "peak_mb": _peak_mb(),
            "note": f"{view.households} households, {len(problems)} problems",
        }
        if not export:
            odb.close()
            return [gen]
        approver = _actor(odb, "approver")
        with odb.session() as s:  # benchmark only: lock the copy regardless of demo problems
            r = s.get(Roster, view.id)
            assert r is not None
            r.status, r.locked_at, r.locked_by_name = "locked", utcnow(), "bench"
            r.lines_sha256 = rs.roster_hash(s, r)
            audit.record(
                s, approver, "roster.lock", "roster", r.id, detail={"sha256": r.lines_sha256}
            )
        n = {"i": 0}

        def ours() -> list[Path]:
            n["i"] += 1
            res = rs.export(odb, approver, view.id, work / f"ours{n['i']}")
            return [Path(x.path) for x in res]

        first = ours()
        books = [_styled_cells(p) for p in first]

        def base() -> None:
            _bare_workbooks(work / f"bare{n['i']}", books)

        exp, _ = _pairs(ours, base, repeats)
        exp["note"] = ", ".join(f"{len(b[0][2])} rows" for b in books)
        odb.close()
    return [gen, exp]


def _cells(path: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """(sheet title, rows of values) of every sheet of a written workbook."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    out = [(ws.title, list(ws.iter_rows(values_only=True))) for ws in wb.worksheets]
    wb.close()
    return out


#: One sheet as the baseline needs it: title, the cell styles used (index 0 = no style) as
#: (number format, font, border, alignment), and per row its values and their style indexes
#: (bytes: one per cell, kept small so the baseline's input does not inflate the peak memory).
StyledSheet = tuple[str, list[tuple[Any, ...]], list[tuple[tuple[Any, ...], bytes]]]


def _styled_cells(path: Path) -> list[StyledSheet]:
    """Every cell of every sheet of a written workbook with its value and its style, so the
    baseline writes the same cells: same values, same number formats, fonts, borders and
    alignments (a styled empty cell, e.g. a bordered blank, included)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    out: list[StyledSheet] = []
    for ws in wb.worksheets:
        index: dict[int, int] = {0: 0}  # workbook style id -> index into styles
        styles: list[tuple[Any, ...]] = [()]
        rows: list[tuple[tuple[Any, ...], bytes]] = []
        for row in ws.iter_rows():
            for cell in row:
                sid = getattr(cell, "_style_id", 0)
                if sid not in index:
                    index[sid] = len(styles)
                    styles.append((cell.number_format, cell.font, cell.border, cell.alignment))
            rows.append(
                (
                    tuple(cell.value for cell in row),
                    bytes(index[getattr(cell, "_style_id", 0)] for cell in row),
                )
            )
        out.append((ws.title, styles, rows))
    wb.close()
    return out


def _bare_workbooks(out: Path, books: list[list[StyledSheet]]) -> None:
    """The floor: each workbook's cells appended to write-only sheets by a bare openpyxl loop.

    A styled cell is a ``WriteOnlyCell`` given a copy of one style array prepared per style
    (``cell._style = copy(proto._style)``, openpyxl's cheapest way to style many cells, cheaper
    than a NamedStyle per cell); an unstyled cell is its plain value. Column widths, merges and
    page setup are per sheet, not per cell, and left out."""
    from copy import copy

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    out.mkdir()
    for i, sheets in enumerate(books):
        wb = Workbook(write_only=True)
        for title, styles, rows in sheets:
            ws = wb.create_sheet(title)
            protos: list[Any] = [None]
            for number_format, font, border, alignment in styles[1:]:
                proto = WriteOnlyCell(ws)
                proto.number_format = number_format
                proto.font, proto.border, proto.alignment = font, border, alignment
                protos.append(proto._style)
            for values, row_styles in rows:
                cells: list[Any] = []
                for value, style in zip(values, row_styles, strict=True):
                    if style:
                        cell = WriteOnlyCell(ws, value)
                        cell._style = copy(protos[style])
                        cells.append(cell)
                    else:
                        cells.append(value)
                ws.append(cells)
        wb.save(out / f"book{i}.xlsx")


# -- 500 approval forms in one PDF -----------------------------------------------------------
def forms(db: Path, count: int, repeats: int) -> Result:
    """``printing.batch_application_forms_pdf`` of ``count`` approved applications (one query
    of ids, then the service: load, build, audit) against a bare canvas drawing the same text
    and lines (:mod:`pdf_baseline`)."""
    from pdf_baseline import record, replay
    from sqlalchemy import select

    from reliefdesk.db.connect import open_database
    from reliefdesk.models import Application
    from reliefdesk.services import printing

    with tempfile.TemporaryDirectory(prefix="bench-forms-") as tmp:
        odb = open_database(f"sqlite:///{_copy(db, Path(tmp))}")
        clerk = _actor(odb, "clerk")
        with odb.read_session() as s:
            ids = list(
                s.scalars(
                    select(Application.id)
                    .where(Application.state == "approved")
                    .order_by(Application.id)
                    .limit(count)
                )
            )

        def ours() -> bytes:
            return printing.batch_application_forms_pdf(odb, clerk, ids).pdf

        res, outs = _pairs(ours, lambda: None, 1)  # first run: ours alone, for the peak
        pages = record(ours)
        base_runs = []
        our_runs = [(res["cpu"], res["wall"])]
        for _ in range(repeats):
            bcpu, bwall, _ = _timed(lambda: replay(pages))
            base_runs.append((bcpu, bwall))
            if len(our_runs) < repeats:
                cpu, wall, _ = _timed(ours)
                our_runs.append((cpu, wall))
        res.update(
            cpu=statistics.median(r[0] for r in our_runs),
            wall=statistics.median(r[1] for r in our_runs),
            base_cpu=statistics.median(b[0] for b in base_runs),
            base_wall=statistics.median(b[1] for b in base_runs),
            note=f"{len(ids)} forms, {len(pages)} pages, {len(outs[0]) / 2**20:.1f} MiB",
        )
        odb.close()
    return res
