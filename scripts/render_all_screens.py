"""Render every main screen of reliefdesk to PNG (offscreen) for review and for the README.

Builds a demo township database once, then runs each area's renderer in its own process
(Qt applications do not share a process well):

    python scripts/render_all_screens.py [--out docs/screens] [--households 1500]

Areas: the UI shell (scripts/render_screens.py) and scripts/screens/<area>.py for the
households register, casework (workbench, applications, visits), rosters and settings.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# renderers that take the demo database; the others build their own small fixture data
NEEDS_DEMO_DB = {"households"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    parser.add_argument("--households", type=int, default=1500)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite3"
        env["RELIEFDESK_HOME"] = tmp
        admin = [sys.executable, "-m", "reliefdesk.cli", "--db", str(db)]
        subprocess.run(
            [*admin, "demo", "--plain", "--households", str(args.households)],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        url = f"sqlite:///{db}"
        jobs = [[sys.executable, "scripts/render_screens.py", "--out", str(args.out)]]
        for script in sorted((ROOT / "scripts" / "screens").glob("*.py")):
            cmd = [sys.executable, str(script), "--out", str(args.out)]
            if script.stem in NEEDS_DEMO_DB:
                cmd += ["--db", str(db) if script.stem == "households" else url]
            jobs.append(cmd)
        failed = 0
        for cmd in jobs:
            print("render:", " ".join(Path(c).name if c.endswith(".py") else c for c in cmd[1:2]))
            if subprocess.run(cmd, env=env, cwd=ROOT, check=False).returncode != 0:
                failed += 1
    print(f"done; PNGs in {args.out}" + (f" ({failed} renderer(s) failed)" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
