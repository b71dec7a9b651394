"""GUI entry point (``reliefdesk [--db X] [--demo]``): parse options, then hand over to the UI.

This module stays free of Qt so that ``--help`` and option errors work without a display; the
composition root that builds windows is ``reliefdesk.ui.application``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    db: str | None
    demo: bool
    demo_households: int
    language: str | None


def parse_args(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(prog="reliefdesk", description="reliefdesk 社会救助经办系统")
    parser.add_argument("--db", help="数据库文件路径或 PostgreSQL 地址（默认：用户数据目录）")
    parser.add_argument("--demo", action="store_true", help="打开演示数据库（首次使用时自动生成）")
    parser.add_argument(
        "--demo-households", type=int, default=1500, help="首次生成演示数据库时的户数（默认 1500）"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认中文）")
    ns = parser.parse_args(argv)
    return Options(ns.db, ns.demo, ns.demo_households, ns.lang)


def main(argv: list[str] | None = None) -> int:
    options = parse_args(sys.argv[1:] if argv is None else argv)
    from .logsetup import install_masking
    from .paths import private_umask

    private_umask()  # database, backups, exports, PDFs and logs: owner-only
    install_masking()  # no ID/account/phone numbers or passwords in any log record
    from .ui.application import run

    return run(options)
