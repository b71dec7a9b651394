"""Time PDF generation: one application form (cold and warm) and a 500-form batch.

    python benchmarks/bench_forms.py [--batch 500] [--repeat 5]

Targets (issue #5): one form <= 0.3 s, 500 forms in one PDF <= 20 s on a 2-core machine.
"Cold" includes parsing the CJK TrueType font once per process; later builds reuse it.
The batch is also compared (CPU time) with a bare reportlab canvas drawing the same text and
lines (``pdf_baseline``, issue #17: at most 2x); ``run_all.py`` measures the same through the
printing service on the 40,000-household office.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pdf_baseline import record, replay

from reliefdesk.documents.pdf import build_application_form, build_batch, build_roster
from reliefdesk.documents.pdf import samples as S  # noqa: N812 - S.NAME reads as the sample catalogue
from reliefdesk.documents.pdf.fonts import ensure_font


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="PDF form generation timings")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", default="benchmarks/out")
    args = ap.parse_args(argv)

    forms = [
        S.application(("rural_dibao", "tekun", "temporary_aid")[i % 3], seed=i + 1)
        for i in range(args.batch)
    ]

    t0 = time.perf_counter()
    font = ensure_font()
    t_font = time.perf_counter() - t0
    t0 = time.perf_counter()
    pdf = build_application_form(forms[0])
    t_cold = time.perf_counter() - t0
    warm = []
    for i in range(args.repeat):
        t0 = time.perf_counter()
        build_application_form(forms[i % len(forms)])
        warm.append(time.perf_counter() - t0)

    t0, c0 = time.perf_counter(), time.process_time()
    batch = build_batch(forms)
    t_batch, cpu_batch = time.perf_counter() - t0, time.process_time() - c0
    pages = record(lambda: build_batch(forms))
    c0 = time.process_time()
    replay(pages)
    cpu_base = time.process_time() - c0

    t0 = time.perf_counter()
    roster = build_roster(S.roster(1000))
    t_roster = time.perf_counter() - t0

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_batch.pdf").write_bytes(batch)

    print(
        f"font              : {font.path} (embedded={font.embedded}), registration {t_font:.3f} s"
    )
    print(f"one form, first   : {t_cold:.3f} s  ({len(pdf) / 1024:.0f} KiB)")
    print(
        f"one form, warm    : median {statistics.median(warm):.3f} s, max {max(warm):.3f} s  (n={len(warm)})"
    )
    print(
        f"{args.batch}-form batch   : {t_batch:.2f} s  ({len(batch) / 1024 / 1024:.1f} MiB, "
        f"{t_batch / args.batch * 1000:.1f} ms/form)"
    )
    print(
        f"batch vs bare     : {cpu_batch:.2f} s CPU vs {cpu_base:.2f} s bare canvas, "
        f"{cpu_batch / cpu_base:.2f}x (target <= 2x)"
    )
    print(f"1000-line roster  : {t_roster:.2f} s  ({len(roster) / 1024:.0f} KiB)")
    ok = t_font + t_cold <= 0.3 and statistics.median(warm) <= 0.3 and t_batch <= 20
    print("targets (one form <= 0.3 s incl. font load, batch <= 20 s):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
