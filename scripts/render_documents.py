"""Render every PDF document with sample data, then rasterise the pages for a visual check.

    python scripts/render_documents.py [OUT_DIR] [--dpi 60] [--screens docs/screens/forms]

Writes ``<name>.pdf`` and ``<name>-<page>.png`` (via poppler's ``pdftoppm``) into OUT_DIR
(default ``benchmarks/out/forms``, which git ignores).  With ``--screens DIR`` the first page
of each document is also written to DIR as a small PNG for the README.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliefdesk.documents.pdf import (
    build_application_form,
    build_batch,
    build_change_roster,
    build_decision_letter,
    build_notice,
    build_roster,
    build_visit_record,
    ensure_font,
)
from reliefdesk.documents.pdf import samples as S  # noqa: N812 - S.NAME reads as the sample catalogue

DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "application_rural_dibao": lambda: build_application_form(S.application("rural_dibao")),
    "application_tekun": lambda: build_application_form(S.application("tekun")),
    "application_temporary_aid": lambda: build_application_form(S.application("temporary_aid")),
    "visit_record": lambda: build_visit_record(S.visit_record()),
    "notice": lambda: build_notice(S.notice(12)),
    "notice_masked": lambda: build_notice(S.notice(12), mask_names=True),
    "decision_confirm": lambda: build_decision_letter(S.decision_letter("confirm")),
    "decision_refuse": lambda: build_decision_letter(S.decision_letter("refuse")),
    "roster": lambda: build_roster(S.roster(60)),
    "change_roster": lambda: build_change_roster(S.change_roster(15)),
    "batch_3_forms": lambda: build_batch([S.application("rural_dibao", seed=i) for i in (1, 2, 3)]),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default="benchmarks/out/forms")
    ap.add_argument("--dpi", type=int, default=60)
    ap.add_argument("--screens", default=None, help="also write first-page PNGs here")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    font = ensure_font()
    print(f"font: {font.path or font.name} (embedded={font.embedded})")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (apt-get install poppler-utils); writing PDFs only")
    for name, build in DOCUMENTS.items():
        t0 = time.perf_counter()
        pdf = build()
        dt = time.perf_counter() - t0
        path = out / f"{name}.pdf"
        path.write_bytes(pdf)
        print(f"{name:28s} {len(pdf):>8d} bytes  {dt * 1000:6.0f} ms")
        if pdftoppm:
            for old in out.glob(f"{name}-*.png"):
                old.unlink()
            subprocess.run(
                [pdftoppm, "-r", str(args.dpi), "-png", str(path), str(out / name)], check=True
            )
            if args.screens:
                screens = Path(args.screens)
                screens.mkdir(parents=True, exist_ok=True)
                subprocess.run(
                    [
                        pdftoppm,
                        "-r",
                        str(args.dpi),
                        "-png",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        str(path),
                        str(screens / name),
                    ],
                    check=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
