"""reliefdesk-admin compare import / findings list / findings resolve: one summary line,
a refused file as one Chinese line with a non-zero exit and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from comparison_support import MONTH
from make_department_files import write_source

from reliefdesk.cli import main
from reliefdesk.demo.departments import RegisterPerson
from reliefdesk.domain.idnumber import make_id

ADMIN_PW = "Admin#Pass2026"


@pytest.fixture
def dbfile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    for var in ("RELIEFDESK_DB", "RELIEFDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    path = tmp_path / "office.sqlite3"
    assert main(["--db", str(path), "init"]) == 0
    return path


def test_compare_import_list_and_resolve(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A disaster list of people the register does not know: one line with the counts and
    findings by kind; findings list shows them masked; resolve records the outcome."""
    from datetime import date

    people = [RegisterPerson(make_id("410482", date(1980, 1, 2), i), f"陌生{i}") for i in range(2)]
    path = write_source(tmp_path, "disaster", people, month=MONTH)
    capsys.readouterr()
    base = ["--db", str(dbfile), "--user", "admin"]
    assert main([*base, "compare", "import", str(path), "--source", "disaster"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "读取 5 行" in out[0] and "未匹配 5" in out[0] and "受灾：临时救助线索 5" in out[0]
    assert main([*base, "findings", "list", "--open", "--kind", "disaster_discovery"]) == 0
    listing = capsys.readouterr().out
    assert "共 5 条" in listing and "410482198001020001" not in listing
    assert main([*base, "findings", "resolve", "--id", "1", "--outcome", "unfounded",
                 "--note", "已领取救灾款"]) == 0  # fmt: skip
    assert "不属实" in capsys.readouterr().out
    assert main([*base, "findings", "list", "--open"]) == 0
    assert "共 4 条" in capsys.readouterr().out
    assert main([*base, "compare", "runs"]) == 0
    assert path.name in capsys.readouterr().out
    assert main([*base, "compare", "rows", "--run", "1", "--match", "unmatched"]) == 0
    rows_out = capsys.readouterr().out
    assert "共 5 行" in rows_out and "陌生0" in rows_out and "410482198001020001" not in rows_out
    assert main([*base, "compare", "calendar"]) == 0
    assert "应比对" in capsys.readouterr().out


def test_refused_file_is_one_line_nonzero_nothing_written(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file without an ID column: exit 2, one Chinese line on stderr, no run recorded."""
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,金额\n张三,1\n", encoding="gbk")
    capsys.readouterr()
    base = ["--db", str(dbfile), "--user", "admin"]
    assert main([*base, "compare", "import", str(bad), "--source", "deaths"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("错误") and "身份证号码" in err[0]
    assert main([*base, "compare", "runs"]) == 0
    assert "bad.csv" not in capsys.readouterr().out
