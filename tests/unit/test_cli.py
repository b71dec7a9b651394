"""reliefdesk-admin: commands in-process (capsys) and the installed script as a subprocess."""

from __future__ import annotations

import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reliefdesk.cli import main, office_cmds

ADMIN_PW = "Admin#Pass2026"
TEST_PW = "Test#Pass2026"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    for var in (
        "RELIEFDESK_DB",
        "RELIEFDESK_PASSWORD",
        "RELIEFDESK_NEW_PASSWORD",
        "RELIEFDESK_ADMIN_PASSWORD",
    ):
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


def _init(path: Path, env: pytest.MonkeyPatch) -> None:
    env.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    assert main(["--db", str(path), "init", "--plain"]) == 0


def test_init_creates_then_reports_current(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """init creates the database and the first admin from the env, then says it is current."""
    db = tmp_path / "a.sqlite3"
    _init(db, env)
    out = capsys.readouterr().out
    assert "已创建数据库" in out and "已创建初始管理员：admin" in out
    assert main(["--db", str(db), "init", "--plain", "--admin", "boss"]) == 0
    out = capsys.readouterr().out
    assert "数据库已是当前版本" in out and "未创建初始管理员" in out
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    assert main(["--db", str(db), "--user", "admin", "user", "list"]) == 0
    assert "管理员" in capsys.readouterr().out


def test_init_upgrades_old_schema_with_backup(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An old (0001) database is upgraded and the verified backup path is printed."""
    old = Path(__file__).parents[1] / "data" / "reliefdesk-0001.sqlite3"
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(old, target)
    env.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    assert main(["--db", str(target), "init", "--plain"]) == 0
    out = capsys.readouterr().out
    assert "已升级数据库" in out
    backup = Path(out.split("升级前备份：")[1].split()[0])
    assert backup.is_file()


def test_weak_first_admin_password_is_one_line_error(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A weak initial password is refused with one 错误 line and exit code 2."""
    env.setenv("RELIEFDESK_ADMIN_PASSWORD", "short")
    assert main(["--db", str(tmp_path / "w.sqlite3"), "init"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("错误：密码至少 8 位")


def test_user_add_list_lockout_unlock(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Admin adds a user; five wrong passwords lock it (exit 3); unlock lets it in again."""
    db = tmp_path / "u.sqlite3"
    _init(db, env)
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    env.setenv("RELIEFDESK_NEW_PASSWORD", TEST_PW)
    assert (
        main(
            [
                "--db",
                str(db),
                "--user",
                "admin",
                "user",
                "add",
                "li",
                "--role",
                "clerk",
                "--display-name",
                "李经办",
            ]
        )
        == 0
    )
    assert main(["--db", str(db), "--user", "admin", "user", "add", "x1", "--role", "boss"]) == 2
    assert "未知角色" in capsys.readouterr().err
    env.setenv("RELIEFDESK_PASSWORD", "Wrong#Pass1")
    for _ in range(5):
        assert main(["--db", str(db), "--user", "li", "user", "list"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert "还可尝试 4 次" in err[0] and "还可尝试 1 次" in err[3]
    # "今天 HH:MM后" — or "M月D日 HH:MM后" when the 15 minutes run past midnight
    assert re.match(
        r"错误：密码错误次数过多，账户已锁定，(今天 |\d+月\d+日 )\d\d:\d\d后", err[-1]
    ), err[-1]
    assert err[-1].endswith("后可再试，或请管理员解锁。")
    assert all(line.startswith("错误：") for line in err)
    env.setenv("RELIEFDESK_PASSWORD", TEST_PW)
    assert main(["--db", str(db), "--user", "li", "user", "list"]) == 3
    assert "账户已锁定" in capsys.readouterr().err
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    assert main(["--db", str(db), "--user", "admin", "user", "list"]) == 0
    assert "已锁定" in capsys.readouterr().out
    assert main(["--db", str(db), "--user", "admin", "user", "unlock", "li"]) == 0
    env.setenv("RELIEFDESK_PASSWORD", TEST_PW)
    assert main(["--db", str(db), "--user", "li", "user", "list"]) == 0
    out = capsys.readouterr().out
    assert "李经办" in out and "经办人" in out
    # a clerk may not add users
    assert main(["--db", str(db), "--user", "li", "user", "add", "y1", "--role", "clerk"]) == 3
    assert "无权" in capsys.readouterr().err
    assert main(["--db", str(db), "--user", "admin", "user", "unlock", "nobody"]) == 3


def test_unknown_user_not_found_and_missing_db(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unlocking an unknown user exits 4; a missing database file exits 4 with a hint."""
    db = tmp_path / "n.sqlite3"
    _init(db, env)
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    assert main(["--db", str(db), "--user", "admin", "user", "unlock", "nobody"]) == 4
    assert "找不到用户" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "missing.sqlite3"), "check"]) == 4
    assert "init" in capsys.readouterr().err
    assert not (tmp_path / "missing.sqlite3").exists()


def test_check_on_demo_data(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check exits 1 and lists planted problems; a --clean demo checks out with exit 0."""
    bad, good = tmp_path / "bad.sqlite3", tmp_path / "good.sqlite3"
    assert main(["--db", str(bad), "demo", "--plain", "--households", "200", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "Demo#clerk1" in out and "entrusted_no_agreement" in out
    assert main(["--db", str(bad), "check"]) == 1
    out = capsys.readouterr().out
    assert "[entrusted_agreement]" in out and "[payee_deceased]" in out
    assert main(["--db", str(good), "demo", "--plain", "--households", "200", "--clean"]) == 0
    capsys.readouterr()
    assert main(["--db", str(good), "check"]) == 0
    assert "未发现问题" in capsys.readouterr().out
    # demo on a database with users needs an admin login
    assert main(["--db", str(good), "demo", "--plain", "--households", "5"]) == 3
    env.setenv("RELIEFDESK_PASSWORD", "Demo#admin1")
    assert main(["--db", str(good), "--user", "admin", "demo", "--plain", "--households", "5"]) == 0


def test_county_demo_names_the_township_logins(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """demo names the township users' logins for a county office only; a township user of the
    encrypted county demo runs a command with the role's password."""
    from reliefdesk.demo import COUNTY_THRESHOLD

    town = tmp_path / "town.sqlite3"
    assert main(["--db", str(town), "demo", "--plain", "--households", "50", "--clean"]) == 0
    assert "clerk_NNN" not in capsys.readouterr().out
    county = tmp_path / "county.sqlite3"
    n = str(COUNTY_THRESHOLD + 1)
    assert main(["--db", str(county), "demo", "--households", n, "--clean"]) == 0
    assert "clerk_NNN、reviewer_NNN、approver_NNN" in capsys.readouterr().out
    env.setenv("RELIEFDESK_PASSWORD", "Demo#approver1")
    assert main(["--db", str(county), "--user", "approver_106", "check"]) == 0


def test_backup_restore_round_trip(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """restore brings back data deleted after the backup (and asks unless --yes)."""
    db = tmp_path / "b.sqlite3"
    assert main(["--db", str(db), "demo", "--plain", "--households", "30", "--clean"]) == 0
    env.setenv("RELIEFDESK_PASSWORD", "Demo#admin1")
    out = tmp_path / "copy.sqlite3"
    assert main(["--db", str(db), "--user", "admin", "backup", "--out", str(out)]) == 0
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys=OFF")
    with con:
        con.execute("DELETE FROM person_search_key")
    n_before = con.execute("SELECT COUNT(*) FROM person_search_key").fetchone()[0]
    con.close()
    assert n_before == 0
    env.setattr("sys.stdin", io.StringIO(""))  # no terminal: no confirmation → cancelled
    assert main(["--db", str(db), "--user", "admin", "restore", str(out)]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main(["--db", str(db), "--user", "admin", "restore", str(out), "--yes"]) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM person_search_key").fetchone()[0] > 0
    con.close()
    assert main(["--db", str(db), "audit", "verify"]) == 0
    env.setenv("RELIEFDESK_PASSWORD", "Demo#clerk1")
    assert (
        main(["--db", str(db), "--user", "clerk", "backup", "--out", str(tmp_path / "x.sqlite3")])
        == 3
    )


def test_audit_verify_detects_edit_and_delete(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """audit verify exits 1 after an event is edited, and after one is deleted, with raw SQL."""
    db = tmp_path / "a.sqlite3"
    _init(db, env)
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    env.setenv("RELIEFDESK_NEW_PASSWORD", TEST_PW)
    for name in ("u1", "u2", "u3"):
        assert (
            main(["--db", str(db), "--user", "admin", "user", "add", name, "--role", "clerk"]) == 0
        )
    assert main(["--db", str(db), "audit", "verify"]) == 0
    assert "审计链完整" in capsys.readouterr().out
    edited = tmp_path / "edited.sqlite3"
    shutil.copyfile(db, edited)
    con = sqlite3.connect(edited)
    with con:
        con.execute("UPDATE audit_event SET username = 'mallory' WHERE id = 2")
    con.close()
    assert main(["--db", str(edited), "audit", "verify"]) == 1
    assert "#2 的内容被修改" in capsys.readouterr().out
    con = sqlite3.connect(db)
    with con:
        con.execute("DELETE FROM audit_event WHERE id = 3")
    con.close()
    assert main(["--db", str(db), "audit", "verify"]) == 1
    assert "链接断开" in capsys.readouterr().out


def test_office_show_and_set(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """office set (admin) stores the township and name; office show prints them."""
    db = tmp_path / "o.sqlite3"
    _init(db, env)
    assert main(["--db", str(db), "office", "show"]) == 0
    assert "尚未设置" in capsys.readouterr().out
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    assert (
        main(
            [
                "--db",
                str(db),
                "--user",
                "admin",
                "office",
                "set",
                "--township",
                "410482106",
                "--name",
                "蟒川镇民政所",
                "--phone",
                "0375-6000000",
            ]
        )
        == 0
    )
    assert main(["--db", str(db), "office", "show"]) == 0
    out = capsys.readouterr().out
    assert "蟒川镇" in out and "蟒川镇民政所" in out and "0375-6000000" in out
    assert main(["--db", str(db), "--user", "admin", "office", "set", "--township", "火星镇"]) == 4


def test_internal_error_is_logged_not_shown(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug gives one 内部错误 line, exit 70 and the traceback in the log file only."""
    db = tmp_path / "i.sqlite3"
    _init(db, env)

    def broken(ctx: object) -> int:
        raise RuntimeError("boom")

    env.setattr(office_cmds, "cmd_office_show", broken)
    assert main(["--db", str(db), "office", "show"]) == 70
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("内部错误：RuntimeError: boom 详情见日志 ")
    log = Path(err[0].split("详情见日志 ")[1])
    assert "Traceback" in log.read_text(encoding="utf-8") and "boom" in log.read_text(
        encoding="utf-8"
    )


def test_usage_error_exits_2(env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command prints the usage and one 错误 line, exit 2."""
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "错误：" in err
    assert main(["--help"]) == 0


def _script() -> str:
    found = Path(sys.executable).with_name("reliefdesk-admin")
    return str(found) if found.exists() else (shutil.which("reliefdesk-admin") or "")


def test_installed_script_exit_codes_without_traceback(tmp_path: Path) -> None:
    """The installed reliefdesk-admin exits 0/3/4/2 with one-line errors, never a traceback."""
    script = _script()
    assert script, "reliefdesk-admin is not installed next to the interpreter"
    env = {
        **os.environ,
        "RELIEFDESK_HOME": str(tmp_path / "home"),
        "RELIEFDESK_ADMIN_PASSWORD": ADMIN_PW,
    }
    env.pop("RELIEFDESK_PASSWORD", None)
    env.pop("RELIEFDESK_DB", None)
    db = str(tmp_path / "s.sqlite3")

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [script, "--db", db, *args],
            env={**env, **extra},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            stdin=subprocess.DEVNULL,
            check=False,
        )

    r = run("init", "--plain")
    assert r.returncode == 0 and "已创建数据库" in r.stdout
    r = run("--user", "admin", "user", "list", RELIEFDESK_PASSWORD="Wrong#Pass9")
    assert r.returncode == 3
    assert r.stderr.strip() == "错误：用户名或密码错误。还可尝试 4 次，之后账户将被锁定。"
    r = run("--user", "admin", "user", "list")  # no password anywhere, no terminal
    assert r.returncode == 2 and r.stderr.strip().startswith("错误：需要密码")
    r = run("--user", "admin", "user", "unlock", "ghost", RELIEFDESK_PASSWORD=ADMIN_PW)
    assert r.returncode == 4 and len(r.stderr.strip().splitlines()) == 1
    r = subprocess.run(
        [script, "--db", str(tmp_path / "nodir" / "x" / "missing.sqlite3"), "audit", "verify"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert r.returncode == 4
    for proc in (r,):
        assert "Traceback" not in proc.stderr + proc.stdout
