"""Building the admin CLI's parser loads no heavy service: each command pays only for its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_building_the_parser_loads_no_printing_workbooks_or_statistics() -> None:
    """`reliefdesk-admin check` (or any command) does not import reportlab, openpyxl, the
    printing, import, statistics, casework, comparison or low-income services just to parse its arguments."""
    code = (
        "import json, sys\n"
        "from reliefdesk.cli import build_parser\n"
        "build_parser()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    ).stdout
    loaded = set(json.loads(out))
    heavy = {
        "reportlab",
        "openpyxl",
        "reliefdesk.services.printing",
        "reliefdesk.services.importing",
        "reliefdesk.services.statistics",
        "reliefdesk.services.casework",
        "reliefdesk.services.low_income",
        "reliefdesk.services.roster",
        "reliefdesk.services.comparison",
    }
    assert not heavy & loaded
