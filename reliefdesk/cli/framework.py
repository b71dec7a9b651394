"""Shared machinery for ``reliefdesk-admin`` command modules.

Contract for a command module ``reliefdesk/cli/<name>.py`` (listed in
``reliefdesk.cli.COMMAND_MODULES``)::

    def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
        p = subparsers.add_parser("roster", parents=[common], help="……")
        p.set_defaults(handler=_run_roster)      # handler(ctx: CliContext) -> int

``common`` carries the global options (``--db``, ``--user``) so they may also follow the
command name; always pass it as ``parents=[common]``. A handler gets a :class:`CliContext`:

* ``ctx.args`` – the parsed namespace;
* ``ctx.db()`` – the opened, migrated :class:`~reliefdesk.db.engine.Database` (``--db``, else
  ``RELIEFDESK_DB``, else the default file); a missing SQLite file is an error unless the
  command passed ``create=True``; an encrypted SQLite file is unlocked with ``--user``'s
  password (read once, the same that then signs in);
* ``ctx.actor(permission=None)`` – logs in ``--user`` (password from ``RELIEFDESK_PASSWORD``,
  else a hidden prompt, else one line of stdin) via :func:`reliefdesk.services.users.login`,
  checks ``permission`` and returns the :class:`~reliefdesk.services.context.Actor`; every
  command that changes data must act through it, so the audit trail names the person;
* ``ctx.out(text)`` / ``ctx.table(headers, rows)`` – plain UTF-8 output on stdout;
* :func:`read_new_password` – a new password from an environment variable or a prompt (twice);
* :func:`month_arg` – the argument type for every ``--month`` (the shared strict parser of
  :mod:`reliefdesk.domain.months`).

Every parser is strict at the root (:func:`install_strict_types`): ``type=int`` accepts only
ASCII digits within the database's integer range, and no argument may contain NUL or other
control characters; a path argument (``--db``, ``--out``, ``file``...) may not be empty.

Handlers return the exit code (:data:`EXIT_OK`, or :data:`EXIT_PROBLEMS` when a check found
something) and raise :class:`~reliefdesk.errors.ReliefError` for anything the user must fix;
``main`` turns that into one line ``错误：…`` on stderr and the exit code of
:func:`exit_code_for`. Never print tracebacks: anything else is logged by ``main``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..db.connect import open_database
from ..db.engine import Database
from ..errors import (
    AuthError,
    DatabaseError,
    NotFound,
    PermissionDenied,
    ReliefError,
    ValidationError,
)
from ..paths import resolve_db_url, sqlite_path
from ..services import audit as _audit  # noqa: F401 - registers the post-upgrade step
from ..services.context import Actor

EXIT_OK = 0
EXIT_PROBLEMS = 1  # check / audit verify found something wrong
EXIT_ERROR = 2  # a ReliefError (bad input, rule, database) or a usage error
EXIT_AUTH = 3  # wrong password, locked account, missing --user, role not allowed
EXIT_NOT_FOUND = 4  # the named user / file / record does not exist
EXIT_INTERNAL = 70  # a bug: traceback written to the log file
EXIT_INTERRUPTED = 130

ENV_PASSWORD = "RELIEFDESK_PASSWORD"
ENV_ADMIN_PASSWORD = "RELIEFDESK_ADMIN_PASSWORD"  # init: the first administrator's password
ENV_NEW_PASSWORD = "RELIEFDESK_NEW_PASSWORD"  # user add, recover: the new password

MAX_INT = 2**31 - 1  # PostgreSQL ``integer``; SQLite's limit is larger
PATH_DESTS = frozenset({"db", "out", "file", "dir", "path", "folder"})
_INT_RE = re.compile(r"-?[0-9]{1,12}")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def strict_int(text: str) -> int:
    """``type=int`` for every command: ASCII digits only, within ±2³¹−1."""
    value = text.strip()
    if not _INT_RE.fullmatch(value):
        raise argparse.ArgumentTypeError(f"“{text}”不是有效的整数（只接受半角数字 0-9）")
    number = int(value)
    if abs(number) > MAX_INT:
        raise argparse.ArgumentTypeError(f"数值 {value} 超出范围（最大 {MAX_INT}）")
    return number


def month_arg(text: str) -> str:
    """``type=`` for every ``--month``/``--from``/``--to``: strict ``YYYY-MM`` within the
    allowed window (not more than one month ahead); returns the normalised text."""
    from ..domain.months import MonthError, parse_month_text

    try:
        month = parse_month_text(text)
    except MonthError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return f"{month.year:04d}-{month.month:02d}"


def check_raw_argument(dest: str, text: str) -> str | None:
    """Why a raw command-line value is refused before any conversion, or None."""
    if _CONTROL_RE.search(text):
        return "不能包含控制字符"
    if dest in PATH_DESTS and not text.strip():
        return "路径不能为空"
    return None


def install_strict_types(parser: argparse.ArgumentParser) -> None:
    """Make ``type=int`` strict on ``parser`` (argparse looks types up in this registry)."""
    parser.register("type", int, strict_int)


def exit_code_for(error: ReliefError) -> int:
    """Exit code of a known error: auth/permission 3, not found 4, everything else 2."""
    if isinstance(error, (AuthError, PermissionDenied)):
        return EXIT_AUTH
    if isinstance(error, NotFound):
        return EXIT_NOT_FOUND
    return EXIT_ERROR


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


@dataclass
class CliContext:
    """What a command handler works with (see the module docstring)."""

    args: argparse.Namespace
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    _db: Database | None = None
    _actor: Actor | None = None
    _password: str | None = None

    @property
    def db_url(self) -> str:
        return resolve_db_url(getattr(self.args, "db", None))

    def db(self, *, create: bool = False) -> Database:
        """Open (and migrate) the database once; an upgrade is reported with its backup."""
        if self._db is None:
            url = self.db_url
            path = sqlite_path(url)
            if path is not None and not create and not path.exists():
                raise NotFound(
                    f"数据库文件不存在：{path}（请先运行 reliefdesk-admin init）", code="cli.no_db"
                )
            self._db = open_database(url, key=self.unlock(url))
            if self._db.backup_path is not None:
                self.out(f"数据库已升级到当前版本，升级前备份：{self._db.backup_path}")
        return self._db

    def password(self) -> str:
        """``--user``'s password, read once (``RELIEFDESK_PASSWORD`` or a prompt)."""
        username = getattr(self.args, "user", None)
        if not username:
            raise AuthError("此命令需要以用户身份执行：请加 --user 用户名。", code="cli.no_user")
        if self._password is None:
            self._password = read_password(f"用户 {username} 的密码：", ENV_PASSWORD)
        return self._password

    def unlock(self, url: str) -> bytes | None:
        """The data key of an encrypted database, unwrapped with ``--user``'s password (the
        same password then signs in); None for a plain file or a server."""
        from ..db.connect import is_encrypted, unlock_key

        if not is_encrypted(url):
            return None
        if not getattr(self.args, "user", None):
            raise AuthError(
                "数据库已加密：请加 --user 用户名（密码取自 RELIEFDESK_PASSWORD 或提示输入）。",
                code="cli.no_user",
            )
        return unlock_key(url, str(self.args.user), self.password())

    def actor(self, permission: str | None = None) -> Actor:
        """Log in ``--user`` (once) and check ``permission``."""
        if self._actor is None:
            username = getattr(self.args, "user", None)
            if not username:
                raise AuthError(
                    "此命令需要以用户身份执行：请加 --user 用户名。", code="cli.no_user"
                )
            from ..services.users import login

            self._actor = login(self.db(), username, self.password())
        if permission is not None:
            self._actor.require(permission)
        return self._actor

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """A plain aligned table (CJK characters count as two columns)."""
        data = [[("" if v is None else str(v)) for v in r] for r in rows]
        widths = [_width(h) for h in headers]
        for r in data:
            for i, v in enumerate(r):
                widths[i] = max(widths[i], _width(v))
        self.out("  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
        for r in data:
            self.out("  ".join(_pad(v, w) for v, w in zip(r, widths, strict=True)).rstrip())

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def read_password(prompt: str, env: str) -> str:
    """A password from ``env``, else a hidden prompt on a terminal, else one stdin line."""
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise ValidationError(
            f"需要密码：请在终端中运行，或设置环境变量 {env}。", code="cli.no_password"
        )
    return line.rstrip("\r\n")


def read_new_password(env: str, prompt: str = "新密码：") -> str:
    """A new password: ``env`` if set, else typed twice (they must match)."""
    value = os.environ.get(env)
    if value:
        return value
    first = read_password(prompt, env)
    if sys.stdin is not None and sys.stdin.isatty():
        second = getpass.getpass("再次输入密码：")
        if first != second:
            raise ValidationError("两次输入的密码不一致。", code="cli.password_mismatch")
    return first


def confirm(ctx: CliContext, question: str) -> bool:
    """Ask yes/no on the terminal (anything but y/yes/是 is no; no terminal = no)."""
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    print(f"{question} [y/N] ", end="", file=ctx.stdout, flush=True)
    answer = sys.stdin.readline().strip().lower()
    return answer in ("y", "yes", "是")


__all__ = [
    "EXIT_AUTH",
    "EXIT_ERROR",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "CliContext",
    "DatabaseError",
    "check_raw_argument",
    "confirm",
    "exit_code_for",
    "install_strict_types",
    "month_arg",
    "read_new_password",
    "read_password",
    "strict_int",
]


def read_mapping_file(path: str | None, code: str) -> dict[str, str] | None:
    """A ``--mapping MAP.json`` column mapping ({"字段": "表头文字"}), or None without one;
    a file that cannot be read or is not a JSON object is one clear error (``code``)."""
    if not path:
        return None
    import json
    from pathlib import Path

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ValidationError(f"列对应文件无法读取：{path}（{exc}）", code=code) from None
    if not isinstance(data, dict):
        raise ValidationError('列对应文件应为 JSON 对象：{"字段": "表头文字"}', code=code)
    return {str(k): str(v) for k, v in data.items()}
