"""The program's version and icon, for the window, the About box, the CLI and the installers.

Qt-free on purpose (the CLI and the installer scripts read it too). The icon files are package
data in ``reliefdesk/ui/assets`` (drawn by ``resources/make_icon.py``), so they are found the
same way from a source checkout, a pip install and the frozen bundle.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from reliefdesk import __version__

APP_TITLE = "reliefdesk 社会救助经办系统"


def app_version() -> str:
    """The version string shown to users (About box, ``--version``, installers)."""
    return __version__


def icon_path(kind: str = "png") -> Path:
    """The application icon: ``"png"`` (256 px, window/About/.deb) or ``"ico"`` (Windows)."""
    if kind not in ("png", "ico"):
        raise ValueError(f"unknown icon kind {kind!r}")
    return Path(str(importlib.resources.files("reliefdesk.ui") / "assets" / f"reliefdesk.{kind}"))
