"""GUI entry point (``reliefdesk [--db X] [--demo]``): parse options, then hand over to the UI.

This module stays free of Qt so that ``--help`` and option errors work without a display; the
composition root that builds windows is ``reliefdesk.ui.application``.
"""

from __future__ import annotations

import sys

from .options import Options, parse_args

__all__ = ["Options", "main", "parse_args"]


def main(argv: list[str] | None = None) -> int:
    options = parse_args(sys.argv[1:] if argv is None else argv)
    from .logsetup import install_masking
    from .paths import private_umask

    private_umask()  # database, backups, exports, PDFs and logs: owner-only
    install_masking()  # no ID/account/phone numbers or passwords in any log record
    from .ui.application import run

    return run(options)
