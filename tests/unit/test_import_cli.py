"""reliefdesk-admin import: dry run output and exit code, import, list, undo, refused files,
and demo --legacy-workbook."""

from __future__ import annotations

from pathlib import Path

import pytest

from reliefdesk.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "legacy"
ADMIN_PW = "Admin#Pass2026"


@pytest.fixture
def dbfile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    for var in ("RELIEFDESK_DB", "RELIEFDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    path = tmp_path / "office.sqlite3"
    assert main(["--db", str(path), "init", "--plain"]) == 0
    return path


def test_dry_run_prints_totals_by_programme_and_problem_count(
    dbfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dry run prints households, persons, the monthly total by programme, the problems;
    exit 0; nothing imported."""
    capsys.readouterr()
    code = main(
        [
            "--db",
            str(dbfile),
            "--user",
            "admin",
            "import",
            "recipients",
            str(DATA / "person_rows.xlsx"),
            "--dry-run",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "户数 55" in out and "农村低保" in out and "问题" in out
    assert main(["--db", str(dbfile), "--user", "admin", "import", "list"]) == 0
    assert "person_rows.xlsx" not in capsys.readouterr().out


def test_import_list_undo_and_report(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import writes a batch (with --report and --mapping), list shows it, undo takes it back."""
    mapping = tmp_path / "map.json"
    mapping.write_text('{"phone": ""}', encoding="utf-8")
    report = tmp_path / "problems.xlsx"
    assert (
        main(
            [
                "--db",
                str(dbfile),
                "--user",
                "admin",
                "import",
                "recipients",
                str(DATA / "household_rows.xls"),
                "--mapping",
                str(mapping),
                "--report",
                str(report),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "已导入：批次 #1" in out and report.is_file()
    assert main(["--db", str(dbfile), "--user", "admin", "import", "list"]) == 0
    assert "household_rows.xls" in capsys.readouterr().out
    assert main(["--db", str(dbfile), "--user", "admin", "import", "undo", "--batch", "1"]) == 0
    assert "已撤销" in capsys.readouterr().out


def test_refused_file_is_one_chinese_line_and_non_zero(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not a sheet, or has no header, exits non-zero with one line."""
    bad = tmp_path / "notes.csv"
    bad.write_text("说明\n本表无表头\n", encoding="utf-8")
    for f in (bad, tmp_path / "x.pdf"):
        capsys.readouterr()
        code = main(
            ["--db", str(dbfile), "--user", "admin", "import", "recipients", str(f), "--dry-run"]
        )
        err = capsys.readouterr().err.strip()
        assert code == 2 and err.startswith("错误：") and "\n" not in err


def test_clerk_may_not_import(
    dbfile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only an administrator imports (exit 3 for anyone else)."""
    monkeypatch.setenv("RELIEFDESK_NEW_PASSWORD", "Clerk#Pass2026")
    assert (
        main(["--db", str(dbfile), "--user", "admin", "user", "add", "c1", "--role", "clerk"]) == 0
    )
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Clerk#Pass2026")
    assert (
        main(
            [
                "--db",
                str(dbfile),
                "--user",
                "c1",
                "import",
                "recipients",
                str(DATA / "person_rows.xlsx"),
                "--dry-run",
            ]
        )
        == 3
    )


def test_demo_writes_a_legacy_training_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """demo --legacy-workbook writes a workbook the importer reads, without a database."""
    out = tmp_path / "train.xlsx"
    assert (
        main(
            [
                "--db",
                str(tmp_path / "none.sqlite3"),
                "demo",
                "--households",
                "40",
                "--legacy-workbook",
                str(out),
            ]
        )
        == 0
    )
    from reliefdesk.documents.legacy import read_tables

    assert len(read_tables(out)) == 5
