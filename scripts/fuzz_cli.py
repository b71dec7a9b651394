"""Fuzz ``reliefdesk-admin`` with malformed inputs and list every one that ends in 内部错误.

Usage: ``PYTHONPATH=$PWD python scripts/fuzz_cli.py [--quick]``. Builds a small demo database
in a temporary folder, then runs each command with bad ids, paths, months, database files and
free text (in-process, through :func:`reliefdesk.cli.main`). Prints one line per case whose
exit code is 70 (internal error) or whose stderr holds a traceback; exit 1 when any exists.
The same cases run as a test in ``tests/unit/test_cli_fuzz.py``.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

BAD_INTS = ["99999999999999999999", "１２", "2147483648", "-1", "0", "1e3", "٣"]
BAD_MONTHS = ["2024- 12", "2024-12abc", "9999-12", "１９９９-01", "2024-13", "", "1999-12"]
BAD_TEXT = ["a\x00b", "\x1b[31mred\x1b[0m", "\u202eevil", "x" * 5000]


def bad_db_files(folder: Path) -> dict[str, str]:
    """Database arguments that are not databases."""
    text = folder / "text.sqlite3"
    text.write_text("hello, not a database\n", encoding="utf-8")
    empty = folder / "empty.sqlite3"
    empty.write_bytes(b"")
    header = folder / "header.sqlite3"
    header.write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    return {
        "text": str(text),
        "empty_file": str(empty),
        "random": str(header),
        "dev_null": "/dev/null",
        "directory": str(folder),
        "empty_path": "",
    }


def cases(db: str, folder: Path) -> Iterator[list[str]]:
    """Argument lists to try (each runs with ``--db``/``--user`` already chosen)."""
    pdf = str(folder / "out.pdf")
    for v in BAD_INTS:
        yield ["--db", db, "--user", "admin", "forms", "application", "--id", v, "--out", pdf]
        yield ["--db", db, "--user", "admin", "roster", "validate", "--id", v]
        yield ["--db", db, "--user", "admin", "demo", "--households", v]
        yield ["--db", db, "--user", "admin", "forms", "batch", "--ids", v, "--out", pdf]
    for v in BAD_MONTHS:
        yield ["--db", db, "--user", "admin", "roster", "generate", "--month", v]
        yield ["--db", db, "--user", "admin", "forms", "roster", "--month", v, "--out", pdf]
        yield ["--db", db, "--user", "admin", "roster", "back-pay", "--from", v, "--to", "2024-01"]
    for name, path in bad_db_files(folder).items():
        del name
        for cmd in (
            ["check"],
            ["audit", "verify"],
            ["office", "show"],
            ["init"],
            ["--user", "admin", "user", "list"],
            ["--user", "admin", "backup", "--out", str(folder / "b.sqlite3")],
        ):
            yield ["--db", path, *cmd]
        yield ["--db", db, "--user", "admin", "restore", path, "--yes"]
        yield ["--db", db, "--user", "admin", "roster", "import-return", "--month", "2024-01", path]
    for out in ("", "/dev/null", str(folder), "/nonexistent/dir/x.pdf"):
        yield ["--db", db, "--user", "admin", "backup", "--out", out]
        yield ["--db", db, "--user", "admin", "forms", "application", "--id", "1", "--out", out]
        yield ["--db", db, "--user", "admin", "audit", "checkpoint", "--out", out]
        yield [
            "--db",
            db,
            "--user",
            "admin",
            "roster",
            "export",
            "--month",
            "2024-01",
            "--out",
            out,
        ]
    for text in BAD_TEXT:
        yield ["--db", db, "--user", "admin", "office", "set", "--name", text]
        yield [
            "--db",
            db,
            "--user",
            "admin",
            "user",
            "add",
            "u" + str(len(text)),
            "--role",
            "clerk",
            "--display-name",
            text,
        ]
        yield ["--db", db, "--user", text, "user", "list"]
        yield ["--db", db, "--user", "admin", "audit", "verify", "--anchor", text]
        yield [
            "--db",
            db,
            "--user",
            "admin",
            "roster",
            "unlock",
            "--month",
            "2024-01",
            "--reason",
            text,
        ]


def run(argv: list[str]) -> tuple[int, str]:
    """Exit code and stderr of one in-process run."""
    from reliefdesk.cli import main

    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(argv)
    return code, err.getvalue()


def setup(folder: Path) -> str:
    """A small demo database in ``folder``; sets the passwords the cases use."""
    os.environ["RELIEFDESK_HOME"] = str(folder / "home")
    os.environ["RELIEFDESK_PASSWORD"] = "Demo#admin1"
    os.environ["RELIEFDESK_NEW_PASSWORD"] = "Fuzz#Pass2026"
    os.environ["RELIEFDESK_ADMIN_PASSWORD"] = "Fuzz#Pass2026"
    db = str(folder / "fuzz.sqlite3")
    code, err = run(["--db", db, "demo", "--households", "20", "--clean"])
    assert code == 0, err
    return db


def find_internal_errors(folder: Path) -> list[tuple[list[str], int, str]]:
    """Every case that ends in 内部错误 (exit 70) or shows a traceback."""
    db = setup(folder)
    bad = []
    stdin = sys.stdin
    sys.stdin = io.StringIO("")  # no terminal: nothing waits for a password or a yes
    try:
        for argv in cases(db, folder):
            code, err = run(argv)
            if code == 70 or "Traceback" in err or "内部错误" in err:
                bad.append((argv, code, err.strip()))
    finally:
        sys.stdin = stdin
    return bad


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="reliefdesk-fuzz-") as tmp:
        bad = find_internal_errors(Path(tmp))
    for argv, code, err in bad:
        shown = " ".join(repr(a) if not a or not a.isprintable() else a for a in argv)[:200]
        print(f"[{code}] {shown}\n      {err[:300]}")
    print(f"{len(bad)} case(s) ended in an internal error")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
