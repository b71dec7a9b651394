"""The GUI's command-line options (``reliefdesk [--db X] [--demo] [--lang L]``), Qt-free.

Both the entry point (``reliefdesk.app``) and the composition root (``reliefdesk.ui.application``)
use them; living here, neither imports the other's module at import time.
"""

from __future__ import annotations

import argparse
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
