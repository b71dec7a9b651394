"""The ``lowincome`` and ``patrol`` commands of ``reliefdesk-admin``: one line per change,
non-zero exit and one Chinese line on refusal."""

from __future__ import annotations

from datetime import date

import pytest
from test_casework_support import make_household

from reliefdesk.cli import main

PASSWORD = "Test#Pass2026"
TODAY = date.today()
MONTH = f"{TODAY:%Y-%m}"


@pytest.fixture
def cli(sqlite_db, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RELIEFDESK_PASSWORD", PASSWORD)
    monkeypatch.delenv("RELIEFDESK_DB", raising=False)
    url = sqlite_db.url

    def run(user: str, *args: str) -> tuple[int, str, str]:
        code = main(["--db", url, "--user", user, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_lowincome_add_list_exit(cli, sqlite_db):  # type: ignore[no-untyped-def]
    """add by Chinese label prints one line; list and list --due show it; exit prints one
    line; a bad category, an unknown entry and a second exit fail with one line."""
    hid, _ = make_household(sqlite_db, [{"name": "赵边缘", "birth": date(1960, 1, 1)}])
    code, out, err = cli(
        "clerk",
        "lowincome",
        "add",
        "--household",
        str(hid),
        "--category",
        "低保边缘",
        "--reason",
        "人均收入低于1.5倍",
    )
    assert code == 0 and out.count("\n") == 1 and "#1" in out and "低保边缘" in out, err
    code, out, _ = cli("clerk", "lowincome", "list")
    assert code == 0 and "赵边缘" in out and "共 1 条" in out
    code, out, _ = cli("clerk", "lowincome", "list", "--due")
    assert code == 0 and "共 0 条" in out
    code, out, err = cli(
        "clerk",
        "lowincome",
        "add",
        "--household",
        str(hid),
        "--category",
        "富裕",
        "--reason",
        "x",
    )
    assert code != 0 and out == "" and err.count("\n") == 1 and "类别" in err
    code, out, err = cli("clerk", "lowincome", "exit", "--id", "9", "--reason", "x")
    assert code != 0 and err.count("\n") == 1 and "不存在" in err
    code, out, _ = cli("clerk", "lowincome", "exit", "--id", "1", "--reason", "收入增加")
    assert code == 0 and out.count("\n") == 1 and "已退出" in out
    code, out, err = cli("clerk", "lowincome", "exit", "--id", "1", "--reason", "再退")
    assert code != 0 and err.count("\n") == 1 and "已退出" in err


def test_patrol_plan_record_stats(cli, sqlite_db):  # type: ignore[no-untyped-def]
    """patrol plan plans the key-group people by village, record counts a visit with
    --help as the help given, stats prints people visited and problems solved; a bad date,
    a bad --solved and an unknown village fail with one line."""
    _, ids = make_household(
        sqlite_db, [{"name": "孙重病", "birth": date(1960, 1, 1), "health": "serious"}]
    )
    code, out, err = cli("clerk", "patrol", "plan", "--month", MONTH, "--village", "测试村")
    assert code == 0 and out.count("\n") == 1 and "1 人" in out and "重病 1" in out, err
    code, out, err = cli("clerk", "patrol", "plan", "--month", MONTH, "--village", "无此村")
    assert code != 0 and err.count("\n") == 1 and "不存在" in err
    base = ["patrol", "record", "--person", str(ids[0]), "--needs", "缺冬衣", "--help", "送棉衣"]
    code, out, err = cli("clerk", *base, "--date", TODAY.isoformat(), "--solved", "yes")
    assert code == 0 and out.count("\n") == 1 and "已解决" in out and "计入当月计划" in out, err
    code, out, err = cli("clerk", *base, "--date", TODAY.isoformat(), "--solved", "no", "--enter")
    assert code == 0 and out.count("\n") == 1 and "已纳入低收入人口名册" in out, err
    code, out, err = cli("clerk", *base, "--date", "2026-13-01", "--solved", "yes")
    assert code != 0 and err.count("\n") == 1 and "YYYY-MM-DD" in err
    code, out, err = cli("clerk", *base, "--date", TODAY.isoformat(), "--solved", "maybe")
    assert code == 2 and "错误" in err
    code, out, err = cli("clerk", "patrol", "stats", "--from", MONTH, "--to", MONTH)
    assert code == 0 and out.count("\n") == 1
    assert "走访 1 人" in out and "2 人次" in out and "解决 1 个" in out and "重病 1 人" in out
