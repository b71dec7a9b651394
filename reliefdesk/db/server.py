"""The connection to a county PostgreSQL server, configured in this one place.

* **Pool**: SQLAlchemy's ``QueuePool`` (:data:`POOL_SIZE` connections kept, :data:`MAX_OVERFLOW`
  more at peaks, a wait of at most :data:`POOL_TIMEOUT` seconds for a free one), every checkout
  pinged first (``pool_pre_ping``) and connections renewed after :data:`POOL_RECYCLE` seconds,
  so a connection the server or a firewall dropped is replaced instead of failing the clerk's
  next action. When the server goes away, SQLAlchemy invalidates the whole pool on the first
  error; after the server is back the next action connects afresh: the desktop reconnects by
  itself, nobody restarts the program.
* **TLS**: ``sslmode`` and ``sslrootcert`` are taken from the address
  (``postgresql://user@host/db?sslmode=verify-full&sslrootcert=/etc/reliefdesk/county-ca.crt``),
  else from ``RELIEFDESK_DB_SSLMODE`` / ``RELIEFDESK_DB_SSLROOTCERT``; the default is
  ``prefer`` (TLS when the server offers it). A county that runs TLS sets ``verify-full`` so a
  machine pretending to be the server is refused.
* **Password**: never in the address (an address with a password is refused: it would end up
  in shortcuts, logs and the process list). It comes, at each new connection, from
  ``RELIEFDESK_DB_PASSWORD``, else from the file named by ``RELIEFDESK_DB_PASSWORD_FILE``
  (refused when the group or others may read it, like ssh refuses a private key), else libpq's
  own ``PGPASSWORD`` / ``~/.pgpass``.
* **Errors**: a server that cannot be reached, a refused login or a TLS failure become one
  Chinese line (:func:`describe_server_error`), never the driver's text.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..errors import DatabaseError

__all__ = [
    "ENV_PASSWORD",
    "ENV_PASSWORD_FILE",
    "ENV_SSLMODE",
    "ENV_SSLROOTCERT",
    "describe_server_error",
    "make_server_engine",
    "read_password_file",
    "server_label",
]

ENV_PASSWORD = "RELIEFDESK_DB_PASSWORD"
ENV_PASSWORD_FILE = "RELIEFDESK_DB_PASSWORD_FILE"
ENV_SSLMODE = "RELIEFDESK_DB_SSLMODE"
ENV_SSLROOTCERT = "RELIEFDESK_DB_SSLROOTCERT"

POOL_SIZE = 5  # connections kept open per program (the desktop runs a few workers)
MAX_OVERFLOW = 10  # extra connections at a peak, closed again afterwards
POOL_TIMEOUT = 30  # seconds to wait for a free connection before a clear error
POOL_RECYCLE = 1800  # seconds: renew connections a firewall may have forgotten
CONNECT_TIMEOUT = 10  # seconds libpq tries to reach the server
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_SSLMODE = "prefer"

_UNREACHABLE = (
    "connection refused",
    "could not connect",
    "connection failed",
    "connection timeout",
    "timeout expired",
    "could not translate host name",
    "failed to resolve host",
    "name or service not known",
    "no route to host",
    "network is unreachable",
    "server closed the connection",
    "terminating connection",
    "connection is lost",
    "connection is closed",
    "the connection is lost",
    "consuming input failed",
    "ssl syscall error",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "connection reset",
    "broken pipe",
)
_AUTH = (
    "password authentication failed",
    "no password supplied",
    "authentication failed",
    "no pg_hba.conf entry",
)
_TLS = (
    "server does not support ssl",
    "certificate verify failed",
    "root certificate file",
    "does not match host name",
    "ssl error",
    "sslmode",
)


def read_password_file(path: Path) -> str:
    """The first line of ``path``; refused when its permissions let others read it."""
    try:
        st = path.stat()
    except OSError as exc:
        raise DatabaseError(
            f"数据库密码文件无法读取：{path}（{exc.strerror or exc}）", code="db.password_file"
        ) from exc
    if sys.platform != "win32" and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise DatabaseError(
            f"数据库密码文件 {path} 的权限过宽（同组或其他用户可以读取），为安全起见拒绝使用。"
            f"请执行 chmod 600 {path} 后重试。",
            code="db.password_file_mode",
        )
    if sys.platform != "win32" and hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise DatabaseError(
            f"数据库密码文件 {path} 不属于当前用户，为安全起见拒绝使用。",
            code="db.password_file_owner",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatabaseError(f"数据库密码文件无法读取：{path}", code="db.password_file") from exc
    lines = text.splitlines()
    return lines[0] if lines else ""


def _password() -> str | None:
    """The server password for a new connection (None: libpq's own sources)."""
    value = os.environ.get(ENV_PASSWORD)
    if value:
        return value
    file = os.environ.get(ENV_PASSWORD_FILE)
    if file:
        return read_password_file(Path(file).expanduser())
    return None


def server_label(url: str) -> str:
    """``host:port/database`` of a server address, for messages (never the password)."""
    try:
        u = make_url(url)
    except ArgumentError:
        return "?"
    return f"{u.host or 'localhost'}:{u.port or 5432}/{u.database or ''}"


def _tls_args(query: Any) -> dict[str, str]:
    args: dict[str, str] = {}
    mode = query.get("sslmode") or os.environ.get(ENV_SSLMODE) or DEFAULT_SSLMODE
    if isinstance(mode, tuple):
        mode = mode[-1]
    if mode not in SSLMODES:
        raise DatabaseError(
            f"无效的 sslmode：{mode}（可选：{'、'.join(SSLMODES)}）。", code="db.sslmode"
        )
    if "sslmode" not in query:
        args["sslmode"] = str(mode)
    root = os.environ.get(ENV_SSLROOTCERT)
    if root and "sslrootcert" not in query:
        args["sslrootcert"] = root
    return args


def make_server_engine(
    url: str, application_name: str, json_serializer: Callable[[Any], str]
) -> Engine:
    """The pooled engine of a PostgreSQL address (see the module docstring); JSON values are
    written by ``json_serializer``."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"无效的数据库服务器地址：{url}", code="db.url") from exc
    if parsed.password:
        raise DatabaseError(
            "数据库服务器地址中不能写密码（会留在快捷方式、日志和进程列表中）。请把密码放在"
            f"环境变量 {ENV_PASSWORD}，或只有本人可读的密码文件（{ENV_PASSWORD_FILE}）中。",
            code="db.password_in_url",
        )
    connect_args: dict[str, Any] = {
        "application_name": application_name,
        "connect_timeout": CONNECT_TIMEOUT,
        # TCP keepalives: a connection cut by the network is noticed within minutes
        "keepalives": 1,
        "keepalives_idle": 60,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        **_tls_args(parsed.query),
    }
    # application_name: the server's pg_stat_activity shows which PC and account holds a
    # lock (the "who" of a busy shared database).
    engine = create_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=MAX_OVERFLOW,
        pool_timeout=POOL_TIMEOUT,
        pool_recycle=POOL_RECYCLE,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args=connect_args,
        json_serializer=json_serializer,
    )

    @event.listens_for(engine, "do_connect")
    def _with_password(_dialect: Any, _record: Any, _cargs: Any, cparams: Any) -> None:
        # read at every new connection: a changed password file applies without a restart,
        # and the password is never kept in the engine's address
        password = _password()
        if password is not None:
            cparams["password"] = password

    _ = _with_password
    return engine


def describe_server_error(text: str, url: str | None, invalidated: bool) -> DatabaseError | None:
    """The one-line Chinese error for a connection problem with a server, or None."""
    low = text.lower()
    where = server_label(url) if url else ""
    at = f"（{where}）" if where else ""
    if any(m in low for m in _AUTH):
        return DatabaseError(
            f"数据库服务器拒绝登录{at}：用户名或密码不对，或本机未获准连接。"
            f"请检查密码（{ENV_PASSWORD} 或密码文件），或联系县里的信息管理员。",
            code="db.server_auth",
        )
    if any(m in low for m in _TLS) and "closed the connection" not in low:
        return DatabaseError(
            f"与数据库服务器的加密连接（TLS）未能建立{at}：请检查 sslmode 与服务器证书"
            f"（{ENV_SSLROOTCERT}），或联系县里的信息管理员。",
            code="db.server_tls",
        )
    if invalidated or any(m in low for m in _UNREACHABLE):
        return DatabaseError(
            f"无法连接数据库服务器{at}：服务器未运行或网络不通，本次操作未完成。"
            "恢复后直接重试即可，无需重启程序；仍不行请联系县里的信息管理员。",
            code="db.unreachable",
        )
    return None
