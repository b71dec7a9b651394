"""A dedicated throwaway PostgreSQL server as a county runs it: password login (scram) over
TCP, TLS with a self-signed certificate made by ``openssl``; stopped and started by the
tests that check reconnection (so the shared cluster of tests/conftest.py is never stopped).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# tests/conftest.py's helpers, by path: "conftest" may name tests/gui/conftest.py here
_spec = importlib.util.spec_from_file_location(
    "reliefdesk_tests_root_conftest", Path(__file__).with_name("conftest.py")
)
assert _spec is not None and _spec.loader is not None
_root = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_root)
_free_port, _pg_bin = _root._free_port, _root._pg_bin

SERVER_PASSWORD = "Srv#Pass2026"


class TlsServer:
    """initdb + pg_ctl with ``ssl=on`` and scram passwords for TCP; the unix socket (trust)
    is for the test's own administration."""

    def __init__(self) -> None:
        initdb, pg_ctl, openssl = _pg_bin("initdb"), _pg_bin("pg_ctl"), shutil.which("openssl")
        if not initdb or not pg_ctl or not openssl:
            raise RuntimeError("initdb, pg_ctl and openssl are needed (or RELIEFDESK_TEST_PG=0)")
        self.dir = Path(tempfile.mkdtemp(prefix="reliefdesk-pgtls-"))
        self.port = _free_port()
        self.pg_ctl = pg_ctl
        self.run_as: list[str] = []
        if os.geteuid() == 0:  # postgres refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
            self.run_as = ["runuser", "-u", "postgres", "--"]
        pwfile = self.dir / "pw"
        pwfile.write_text(SERVER_PASSWORD + "\n")
        self.data = self.dir / "data"
        self.cert, key = self.dir / "server.crt", self.dir / "server.key"
        subprocess.run(
            [
                openssl,
                "req",
                "-new",
                "-x509",
                "-days",
                "2",
                "-nodes",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                str(key),
                "-out",
                str(self.cert),
            ],
            check=True,
            capture_output=True,
        )
        key.chmod(0o600)
        if self.run_as:
            for p in (pwfile, key, self.cert):
                shutil.chown(p, "postgres", "postgres")
        subprocess.run(
            [
                *self.run_as,
                initdb,
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                f"--pwfile={pwfile}",
                "-E",
                "UTF8",
                "--locale=C",
            ],
            check=True,
            capture_output=True,
        )
        self.start()

    def start(self) -> None:
        subprocess.run(
            [
                *self.run_as,
                self.pg_ctl,
                "-D",
                str(self.data),
                "-w",
                "-l",
                str(self.dir / "log"),
                "-o",
                f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                f"-c ssl=on -c ssl_cert_file={self.cert} "
                f"-c ssl_key_file={self.dir / 'server.key'}",
                "start",
            ],
            check=True,
            capture_output=True,
        )

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            [*self.run_as, self.pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop"],
            capture_output=True,
            check=False,
        )

    def url(self, dbname: str, query: str = "") -> str:
        tail = f"?{query}" if query else ""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}{tail}"

    def admin_sql(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            f"host={self.dir} port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(sql)

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def tls_server() -> Iterator[TlsServer]:
    """A dedicated password + TLS PostgreSQL server for this module's tests."""
    server = TlsServer()
    try:
        yield server
    finally:
        server.remove()
