"""``reliefdesk-admin``: the headless administration command line over the same services as
the GUI.

Usage: ``reliefdesk-admin [--db PATH_OR_URL] [--user NAME] COMMAND ...``. The database is
``--db``, else ``RELIEFDESK_DB``, else the default file. Commands come from the modules named
in :data:`COMMAND_MODULES` (each exposes ``register(subparsers, common)``; see
:mod:`reliefdesk.cli.framework` for the contract). Modules that are not installed yet are
skipped. Command modules import their services inside the handlers, so building the parser
loads none of them: ``check`` does not pay for reportlab, openpyxl or the statistics.

Exit codes: 0 ok; 1 a check found problems (``check``, ``audit verify``); 2 a known error
(``ReliefError``) or a usage error; 3 authentication/permission; 4 not found; 70 internal error
(traceback in a log file under :func:`reliefdesk.paths.log_dir`); 130 interrupted. Errors are one
line on stderr (``错误：…``); no traceback ever reaches the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import os
import re
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import ReliefError
from .framework import (
    EXIT_ERROR,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    CliContext,
    exit_code_for,
    install_strict_types,
)

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

COMMAND_MODULES = (
    "admin_cmds",
    "roster_cmds",
    "forms_cmds",
    "policy_cmds",
    "recipient_cmds",
    "import_cmds",
    "stats_cmds",
    "lowincome_cmds",
    "compare_cmds",
    "county_cmds",
    "crypto_cmds",
    "office_cmds",
)
LOG_NAME = "reliefdesk-admin.log"


# argparse's own English phrases that a clerk sees most, in Chinese.
_ARGPARSE_ZH = (
    ("the following arguments are required: ", "缺少必需的参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("expected one argument", "需要一个值"),
    ("invalid choice: ", "无效的选项："),
    ("(choose from ", "（可选："),
    ("argument ", "参数 "),
)


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese error lines and the strict argument types of
    :func:`~reliefdesk.cli.framework.install_strict_types`; exits 2 with the usage."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        install_strict_types(self)

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        from .framework import check_raw_argument

        # the sub-command action sees all remaining words; each sub-parser checks its own
        problem = (
            None
            if isinstance(action, argparse._SubParsersAction)
            else check_raw_argument(action.dest, arg_string)
        )
        if problem:
            self.error(f"参数 {'/'.join(action.option_strings) or action.dest}：{problem}")
        return super()._get_value(action, arg_string)

    def error(self, message: str) -> None:  # type: ignore[override]
        for english, chinese in _ARGPARSE_ZH:
            message = message.replace(english, chinese)
        message = re.sub(r"^参数 (\S+): ", r"参数 \1：", message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every installed command module registered."""
    parser = _Parser(
        prog="reliefdesk-admin",
        description="reliefdesk 管理命令（数据库、用户、检查、备份、演示数据）",
    )
    parser.add_argument(
        "--db",
        default=None,
        help="数据库文件路径或 postgresql:// 地址（默认：RELIEFDESK_DB 或本机默认文件）",
    )
    parser.add_argument(
        "--user", default=None, help="以此用户身份执行（密码取自 RELIEFDESK_PASSWORD 或提示输入）"
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--user", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        full = f"{__name__}.{name}"
        if importlib.util.find_spec(full) is None:
            continue
        importlib.import_module(full).register(sub, common)
    return parser


def _log_crash(argv: Sequence[str]) -> Path | None:
    from ..logsetup import mask_sensitive

    text = mask_sensitive(
        f"=== {datetime.now().isoformat(timespec='seconds')} reliefdesk-admin "
        f"{' '.join(a for a in argv if 'password' not in a.lower())}\n"
        f"{traceback.format_exc()}\n"
    )
    try:
        from ..paths import log_dir

        path = log_dir() / LOG_NAME
        fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(text)
        return path
    except Exception:
        try:
            import tempfile

            fd, name = tempfile.mkstemp(prefix="reliefdesk-admin-", suffix=".log")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            return Path(name)
        except Exception:
            return None


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # pragma: no cover - already-written streams refuse
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (never raises, never prints a traceback)."""
    _utf8_streams()
    from ..logsetup import install_masking
    from ..paths import private_umask

    private_umask()
    install_masking()
    args_list = list(sys.argv[1:] if argv is None else argv)
    ctx: CliContext | None = None
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # --help (0) or a usage error (2)
            return int(exc.code) if isinstance(exc.code, int) else EXIT_ERROR
        ctx = CliContext(args)
        return int(args.handler(ctx))
    except ReliefError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        path = _log_crash(args_list)
        where = f"详情见日志 {path}" if path else "（日志无法写入）"
        from ..logsetup import mask_sensitive

        first = mask_sensitive(str(exc).splitlines()[0]) if str(exc) else ""
        print(f"内部错误：{type(exc).__name__}: {first} {where}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if ctx is not None:
            with contextlib.suppress(Exception):
                ctx.close()
