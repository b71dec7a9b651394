"""Strict input: one month parser, one free-text sanitizer applied at flush on both backends,
strict CLI argument types (the fuzzed inputs that ended in 内部错误), demo only on a demo
database."""

from __future__ import annotations

import io
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from reliefdesk.cli import main
from reliefdesk.db.engine import Database
from reliefdesk.domain.months import MonthError, parse_month_text
from reliefdesk.domain.text import TextTooLong, clean_text, sanitize_text
from reliefdesk.errors import ValidationError
from reliefdesk.models import User
from reliefdesk.services import users
from reliefdesk.services.context import Actor

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
ADMIN_PW = "Admin#Pass2026"


@pytest.mark.parametrize(
    "bad",
    [
        "2024- 12",
        "2024-12abc",
        "9999-12",
        "2024-1",
        "24-12",
        "２０２４-１２",
        "2024-00",
        "2024-13",
        "1999-12",
        "",
        " 2024-12",
        "2024/12",
        "2024-12-01",
    ],
)
def test_month_parser_refuses(bad: str) -> None:
    """Only ASCII YYYY-MM from 2000-01 to one month ahead is a month."""
    with pytest.raises(MonthError):
        parse_month_text(bad, today=date(2026, 12, 1))


def test_month_parser_window() -> None:
    """The window ends one month after today's month (rosters are made at most a month early)."""
    today = date(2026, 12, 15)
    assert parse_month_text("2027-01", today=today) == date(2027, 1, 1)
    assert parse_month_text("2000-01", today=today) == date(2000, 1, 1)
    with pytest.raises(MonthError, match="超出允许范围"):
        parse_month_text("2027-02", today=today)
    assert parse_month_text("2027-03", today=today, max_ahead=3) == date(2027, 3, 1)


def test_cli_months_use_the_shared_parser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every --month/--from/--to of the CLI refuses the same malformed months before any
    database work."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    for argv in (
        ["roster", "generate", "--month"],
        ["roster", "list", "--month"],
        ["forms", "roster", "--out", "x.pdf", "--month"],
        ["roster", "back-pay", "--to", "2024-01", "--from"],
    ):
        for bad in ("2024- 12", "2024-12abc", "9999-12"):
            assert main(["--db", str(tmp_path / "none.sqlite3"), *argv, bad]) == 2
            err = capsys.readouterr().err
            assert "月份" in err and "错误：" in err
    assert not (tmp_path / "none.sqlite3").exists()


def test_clean_text() -> None:
    """NUL, other controls, ANSI escapes, bidi overrides and lone surrogates go; tabs,
    newlines and ordinary CJK text stay; CR LF becomes LF."""
    assert clean_text("张\x00三\x07") == "张三"
    assert clean_text("\x1b[31m红\x1b[0m字") == "红字"
    assert clean_text("abc\u202edcba\u2066x\u2069") == "abcdcbax"
    assert clean_text("a\r\nb\rc\td") == "a\nb\nc\td"
    assert clean_text("\ud800x") == "x"
    assert clean_text("正常　文本 ok") == "正常　文本 ok"
    with pytest.raises(TextTooLong):
        sanitize_text("x" * 11, 10)


def test_free_text_is_cleaned_the_same_on_both_backends(
    db: Database, actors: dict[str, Actor]
) -> None:
    """A display name with NUL, ANSI and a bidi override is stored cleaned (PostgreSQL would
    otherwise refuse the NUL, SQLite keep it); too long is a clear ValidationError."""
    with db.session() as s:
        users.add_user(
            s,
            actors["admin"],
            "textuser",
            "clerk",
            "Test#Pass2026",
            display_name="王\x00\x1b[2J五\u202e",
        )
    with db.read_session() as s:
        name = s.scalar(select(User.display_name).where(User.username == "textuser"))
    assert name == "王五"
    with pytest.raises(ValidationError, match="过长"), db.session() as s:
        users.add_user(
            s, actors["admin"], "longuser", "clerk", "Test#Pass2026", display_name="长" * 65
        )
    with db.read_session() as s:
        assert s.scalar(select(User.id).where(User.username == "longuser")) is None


def test_fuzzed_cli_inputs_never_end_in_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Huge ids, non-ASCII digits, files that are not databases, /dev/null, directories,
    empty paths and control characters all give one-line errors (scripts/fuzz_cli.py)."""
    monkeypatch.syspath_prepend(str(SCRIPTS))
    for var in (
        "RELIEFDESK_HOME",
        "RELIEFDESK_PASSWORD",
        "RELIEFDESK_NEW_PASSWORD",
        "RELIEFDESK_ADMIN_PASSWORD",
    ):
        monkeypatch.setenv(var, "")
    import fuzz_cli

    bad = fuzz_cli.find_internal_errors(tmp_path)
    assert bad == []
    sys.modules.pop("fuzz_cli", None)


def test_demo_refuses_a_production_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """demo writes into an empty or demo-made database only: an init'ed register is refused
    and gets neither households nor demo users."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    prod = tmp_path / "prod.sqlite3"
    assert main(["--db", str(prod), "init", "--plain"]) == 0
    capsys.readouterr()
    assert main(["--db", str(prod), "--user", "admin", "demo", "--plain", "--households", "5"]) == 2
    assert "不是演示数据库" in capsys.readouterr().err
    con = sqlite3.connect(prod)
    assert con.execute("SELECT count(*) FROM household").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM app_user").fetchone()[0] == 1
    con.close()
    demo = tmp_path / "demo.sqlite3"
    assert main(["--db", str(demo), "demo", "--plain", "--households", "5", "--clean"]) == 0
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Demo#admin1")
    assert main(["--db", str(demo), "--user", "admin", "demo", "--plain", "--households", "5"]) == 0
