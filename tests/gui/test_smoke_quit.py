"""The packaging smoke switch: RELIEFDESK_SMOKE_QUIT_AFTER_LOGIN_SHOWN=1 makes the real program
quit with exit code 0 right after the sign-in window is shown; the window carries the app icon."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reliefdesk.ui.application import ENV_SMOKE_QUIT, SMOKE_LOGIN_LINE

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from PySide6.QtWidgets import QApplication
from reliefdesk.app import parse_args
from reliefdesk.ui.application import run
code = run(parse_args(sys.argv[1:]))
icon = QApplication.instance().windowIcon()
print("icon-sizes", sorted(s.width() for s in icon.availableSizes()))
sys.exit(code)
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELIEFDESK_")}
    env.update(
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        RELIEFDESK_HOME=str(tmp_path / "home"),
        **extra,
    )
    return env


def test_smoke_switch_quits_after_sign_in_window(tmp_path: Path) -> None:
    """On an office database the program prints the smoke line with the Chinese title and exits 0; the window icon is set."""
    db = tmp_path / "office.sqlite3"
    init = subprocess.run(
        [sys.executable, "-m", "reliefdesk.cli", "--db", str(db), "init"],
        env=_env(tmp_path, RELIEFDESK_ADMIN_PASSWORD="Smoke#admin1"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db)],
        env=_env(tmp_path, **{ENV_SMOKE_QUIT: "1"}),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    shown = [line for line in lines if line.startswith(SMOKE_LOGIN_LINE)]
    assert len(shown) == 1 and "登录" in shown[0]  # the Chinese sign-in window
    assert "icon-sizes [256]" in lines
