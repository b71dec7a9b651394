"""Backup, restore and init that cannot destroy data: refused backups leave the live database
untouched, a failed restore puts it back, restore onto a new PC is one command, backup never
overwrites by accident, init survives a kill between schema and default data."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from reliefdesk.cli import main
from reliefdesk.db import backup as backup_mod
from reliefdesk.db.backup import backup_database, install_restore, prepare_restore
from reliefdesk.db.connect import open_database, open_work_copy
from reliefdesk.db.engine import Database
from reliefdesk.db.migrate import head_revision
from reliefdesk.errors import DatabaseError, ValidationError
from reliefdesk.models import AuditEvent, User
from reliefdesk.services import users
from reliefdesk.services.context import Actor

ADMIN_PW = "Admin#Pass2026"
TEST_PW = "Test#Pass2026"
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    for var in ("RELIEFDESK_DB", "RELIEFDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("RELIEFDESK_ADMIN_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("RELIEFDESK_NEW_PASSWORD", TEST_PW)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return monkeypatch


def _users(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT username FROM app_user"))
    finally:
        con.close()


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    """A live database with users aa, bb and a backup taken when only aa existed."""
    db = tmp_path / "live.sqlite3"
    assert main(["--db", str(db), "init", "--plain"]) == 0
    assert main(["--db", str(db), "--user", "admin", "user", "add", "aa", "--role", "clerk"]) == 0
    bak = tmp_path / "bak.sqlite3"
    assert main(["--db", str(db), "--user", "admin", "backup", "--out", str(bak)]) == 0
    assert main(["--db", str(db), "--user", "admin", "user", "add", "bb", "--role", "clerk"]) == 0
    return db, bak


def _variant(bak: Path, tmp_path: Path, name: str, sql: str) -> Path:
    out = tmp_path / f"{name}.sqlite3"
    shutil.copyfile(bak, out)
    con = sqlite3.connect(out)
    con.executescript(sql)
    con.close()
    return out


def test_restore_refuses_anything_but_a_complete_backup(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not SQLite, not reliefdesk, newer schema, missing table, broken foreign keys, a
    directory or /dev/null: refused with a clear message, the live database untouched."""
    db, bak = _setup(tmp_path)
    textfile = tmp_path / "notes.sqlite3"
    textfile.write_text("not a database", encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    cases = {
        textfile: "不是 reliefdesk 备份文件",
        other: "不是 reliefdesk 备份文件",
        _variant(
            bak, tmp_path, "newer", "UPDATE alembic_version SET version_num='9999';"
        ): "更新版本",
        _variant(bak, tmp_path, "incomplete", "DROP TABLE roster_line;"): "缺少数据表",
        _variant(
            bak,
            tmp_path,
            "fk",
            "PRAGMA foreign_keys=OFF; INSERT INTO person_search_key "
            "(person_id, key) VALUES (999999, 'x');",
        ): "外键检查",
        tmp_path: "不是普通文件",
        Path("/dev/null"): "不是普通文件",
    }
    before = _users(db)
    for path, message in cases.items():
        capsys.readouterr()
        assert main(["--db", str(db), "--user", "admin", "restore", str(path), "--yes"]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1, (path, err)
        assert _users(db) == before
    assert main(["--db", str(db), "--user", "admin", "restore", "", "--yes"]) == 2


def test_restore_shows_counts_then_asks(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --yes the counts of the backup are shown and nothing is replaced; with --yes
    the backup's data is back and the restore event names the admin by the restored id."""
    db, bak = _setup(tmp_path)
    capsys.readouterr()
    assert main(["--db", str(db), "--user", "admin", "restore", str(bak)]) == 2
    out = capsys.readouterr()
    assert "app_user 2" in out.out and "--yes" in out.err
    assert _users(db) == ["aa", "admin", "bb"]
    assert main(["--db", str(db), "--user", "admin", "restore", str(bak), "--yes"]) == 0
    assert "恢复前的数据已备份到" in capsys.readouterr().out
    assert _users(db) == ["aa", "admin"]
    con = sqlite3.connect(db)
    uid, name = con.execute(
        "SELECT user_id, username FROM audit_event WHERE action='db.restore'"
    ).fetchone()
    admin_id = con.execute("SELECT id FROM app_user WHERE username='admin'").fetchone()[0]
    con.close()
    assert (uid, name) == (admin_id, "admin")
    assert main(["--db", str(db), "audit", "verify"]) == 0
    assert main(["--db", str(db), "check"]) == 0


def test_failed_restore_puts_live_database_back(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failure after the copy started (kill point: the check of the installed copy) puts
    the live database back from the safety copy, and the message names that copy."""
    db, bak = _setup(tmp_path)

    def broken(conn: sqlite3.Connection) -> None:
        raise DatabaseError("模拟：恢复中途失败", code="test")

    env.setattr(backup_mod, "_check_installed", broken)
    capsys.readouterr()
    assert main(["--db", str(db), "--user", "admin", "restore", str(bak), "--yes"]) == 2
    err = capsys.readouterr().err
    assert "已还原为恢复前的状态" in err and "pre-restore" in err
    safety = Path(err.split("恢复前的数据库副本：", 1)[1].split("）", 1)[0])
    assert safety.exists() and _users(safety) == ["aa", "admin", "bb"]
    assert _users(db) == ["aa", "admin", "bb"]
    con = sqlite3.connect(db)
    last = con.execute("SELECT action, success FROM audit_event ORDER BY id DESC").fetchone()
    con.close()
    assert last == ("db.restore", 0)
    env.undo()


def test_restore_onto_new_pc_creates_database(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`restore FILE` with no database creates it; the person logs in against the backup and
    the restore event carries their id in the restored data."""
    _db, bak = _setup(tmp_path)
    new = tmp_path / "newpc" / "reliefdesk.sqlite3"
    assert main(["--db", str(new), "--user", "admin", "restore", str(bak), "--yes"]) == 0
    assert _users(new) == ["aa", "admin"]
    con = sqlite3.connect(new)
    row = con.execute(
        "SELECT e.user_id, u.id FROM audit_event e JOIN app_user u "
        "ON u.username = e.username WHERE e.action = 'db.restore'"
    ).fetchone()
    con.close()
    assert row[0] == row[1]
    env.setenv("RELIEFDESK_PASSWORD", "Wrong#Pass2026")
    other = tmp_path / "newpc2.sqlite3"
    assert main(["--db", str(other), "--user", "admin", "restore", str(bak), "--yes"]) == 3
    assert not other.exists()


def test_restore_old_schema_backup_is_upgraded(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A backup from an older schema (0001) is accepted, upgraded and audited as upgraded."""
    db = tmp_path / "live.sqlite3"
    assert main(["--db", str(db), "init", "--plain"]) == 0
    old = tmp_path / "old-backup.sqlite3"
    shutil.copyfile(DATA / "reliefdesk-0001.sqlite3", old)
    env.setenv("RELIEFDESK_PASSWORD", ADMIN_PW)
    assert main(["--db", str(db), "--user", "admin", "restore", str(old), "--yes"]) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    actions = [r[0] for r in con.execute("SELECT action FROM audit_event ORDER BY id")]
    con.close()
    assert "db.upgrade" in actions and actions[-1] == "db.restore"


def test_damaged_live_database_message_and_restore(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file damaged in the middle is reported as 数据库文件损坏 with what to do, and a
    restore replaces it (keeping the damaged file)."""
    db, bak = _setup(tmp_path)
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(os.urandom(8192))
    capsys.readouterr()
    code = main(["--db", str(db), "check"])
    err = capsys.readouterr()
    assert code in (1, 2)
    assert "数据库文件损坏" in err.err + err.out and "sqlite3" not in err.err
    with open(db, "r+b") as fh:  # the header too: the file no longer opens at all
        fh.write(os.urandom(100))
    assert main(["--db", str(db), "check"]) == 2
    err = capsys.readouterr().err
    assert "数据库文件损坏" in err and "restore" in err
    assert main(["--db", str(db), "--user", "admin", "restore", str(bak), "--yes"]) == 0
    assert _users(db) == ["aa", "admin"]
    assert list((tmp_path / "home" / "backups").glob("*damaged*.sqlite3"))


def test_backup_refuses_overwrite_devices_and_directories(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """backup --out: an existing file needs --force; a directory, /dev/null, the live
    database and an empty path are refused; files are owner-only."""
    db, bak = _setup(tmp_path)
    assert bak.stat().st_mode & 0o777 == 0o600 and db.stat().st_mode & 0o777 == 0o600
    first = bak.read_bytes()
    for out, code in ((bak, 2), (tmp_path, 2), (Path("/dev/null"), 2), (db, 2)):
        assert main(["--db", str(db), "--user", "admin", "backup", "--out", str(out)]) == code
    assert bak.read_bytes() == first
    assert "--force" in capsys.readouterr().err
    assert main(["--db", str(db), "--user", "admin", "backup", "--out", str(bak), "--force"]) == 0
    assert (
        main(["--db", str(db), "--user", "admin", "backup", "--out", "/dev/null", "--force"]) == 2
    )
    assert main(["--db", str(db), "--user", "admin", "backup", "--out", ""]) == 2
    assert not list(tmp_path.glob("*.part"))


def test_server_restore_round_trip_and_failure(
    db: Database, actors: dict[str, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On both backends: a restore brings the backup's users back; a backup whose data the
    server refuses midway leaves the live database exactly as it was."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    bak = backup_database(db, tmp_path / "b.sqlite3")
    with db.session() as s:
        users.add_user(s, actors["admin"], "later", "clerk", TEST_PW)

    def names() -> set[str]:
        with db.read_session() as s:
            return set(s.scalars(select(User.username)))

    bad = tmp_path / "bad.sqlite3"
    shutil.copyfile(bak, bad)
    con = sqlite3.connect(bad)
    with con:  # too long for varchar(16): PostgreSQL refuses it in the middle of the copy
        con.execute("UPDATE app_user SET role = ? WHERE username = 'clerk'", ("x" * 40,))
    con.close()
    work_dir = tmp_path / "w"
    work_dir.mkdir()
    info = prepare_restore(bak, work_dir)
    work = open_work_copy(info)
    work.close()
    install_restore(db, info.work)
    db2 = open_database(db.url)
    with db2.read_session() as s:
        assert "later" not in set(s.scalars(select(User.username)))
        assert s.scalar(select(func.count(AuditEvent.id))) > 0
    db2.close()
    if db.is_sqlite:
        return
    with db.session() as s:
        users.add_user(s, actors["admin"], "later2", "clerk", TEST_PW)
    before = names()
    work_dir2 = tmp_path / "w2"
    work_dir2.mkdir()
    info = prepare_restore(bad, work_dir2)
    with pytest.raises(DatabaseError, match="当前数据库未被改动"):
        install_restore(db, info.work)
    assert names() == before


def test_init_killed_between_schema_and_defaults(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Kill point: init killed while seeding the defaults leaves no half-made database; the
    next init completes it. A database at head without defaults (old versions) is reported
    by check and completed by init."""
    db = tmp_path / "k.sqlite3"
    code = (
        "import os, sys\n"
        "import reliefdesk.db.defaults as d\n"
        "d.seed_defaults = lambda session: os._exit(9)\n"
        "from reliefdesk.cli import main\n"
        f"main(['--db', {str(db)!r}, 'init'])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=dict(os.environ),
        timeout=120,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 9
    assert main(["--db", str(db), "init"]) == 0  # resumed with the admin's password
    assert main(["--db", str(db), "--user", "admin", "check"]) == 0

    legacy = tmp_path / "legacy.sqlite3"
    database = open_database(f"sqlite:///{legacy}", migrate=False)
    from reliefdesk.db.migrate import upgrade

    upgrade(database, seed=False)
    database.close()
    capsys.readouterr()
    assert main(["--db", str(legacy), "check"]) == 1
    assert "[default_data]" in capsys.readouterr().out
    assert main(["--db", str(legacy), "init", "--plain"]) == 0
    assert "已补齐缺少的默认数据" in capsys.readouterr().out
    assert main(["--db", str(legacy), "check"]) == 0


def test_upgrade_rebuilds_keys_adds_settings_and_audits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upgrading an old database rebuilds the search keys, adds every new setting and
    records db.upgrade (with the backup path) in the audit log, in the same transaction."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "reliefdesk-0001.sqlite3", target)
    con = sqlite3.connect(target)
    with con:
        con.execute("DELETE FROM person_search_key")
        con.execute("DELETE FROM setting WHERE key = 'login.lock_minutes'")
    con.close()
    database = open_database(f"sqlite:///{target}")
    try:
        with database.read_session() as s:
            assert s.scalar(text("SELECT count(*) FROM person_search_key")) > 0
            assert s.scalar(text("SELECT count(*) FROM setting WHERE key='login.lock_minutes'"))
            ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "db.upgrade")).one()
            detail = dict(ev.detail)
        assert detail["from"] == "0001" and detail["to"] == head_revision()
        assert detail["backup"] == str(database.backup_path)
    finally:
        database.close()


def test_prepare_restore_rejects_missing_file(tmp_path: Path) -> None:
    """A missing backup file is a NotFound, an empty path a ValidationError."""
    from reliefdesk.errors import NotFound

    with pytest.raises(NotFound):
        prepare_restore(tmp_path / "nope.sqlite3", tmp_path)
    with pytest.raises(ValidationError):
        prepare_restore("", tmp_path)


def _run_killed(code: str) -> int:
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=dict(os.environ),
        timeout=180,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode


def test_kill_during_restore_copy_leaves_live_database(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Kill point: the process dies in the middle of copying the backup into the live file;
    the live database is intact and unchanged."""
    db, bak = _setup(tmp_path)
    code = (
        "import os, sqlite3\n"
        "import reliefdesk.db.backup as b\n"
        "def copy(src_path, dst_path, *, check, key=None):\n"
        "    src, dst = sqlite3.connect(str(src_path)), sqlite3.connect(str(dst_path))\n"
        "    steps = []\n"
        "    def progress(status, remaining, total):\n"
        "        steps.append(remaining)\n"
        "        if len(steps) == 3:\n"
        "            os._exit(9)\n"
        "    src.backup(dst, pages=1, progress=progress)\n"
        "b._copy_sqlite = copy\n"
        "from reliefdesk.cli import main\n"
        f"main(['--db', {str(db)!r}, '--user', 'admin', 'restore', {str(bak)!r}, '--yes'])\n"
    )
    assert _run_killed(code) == 9
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert _users(db) == ["aa", "admin", "bb"]
    assert main(["--db", str(db), "audit", "verify"]) == 0


def test_kill_during_backup_leaves_no_backup_file(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Kill point: a backup killed before its verification leaves no file under the target
    name (only a .part that the next backup replaces)."""
    db, _bak = _setup(tmp_path)
    out = tmp_path / "killed.sqlite3"
    code = (
        "import os\n"
        "import reliefdesk.db.backup as b\n"
        "b._verify_sqlite_file = lambda path, key=None: os._exit(9)\n"
        "from reliefdesk.cli import main\n"
        f"main(['--db', {str(db)!r}, '--user', 'admin', 'backup', '--out', {str(out)!r}])\n"
    )
    assert _run_killed(code) == 9
    assert not out.exists()
    assert main(["--db", str(db), "--user", "admin", "backup", "--out", str(out)]) == 0
    assert out.exists() and not out.with_name(out.name + ".part").exists()


def test_cli_upgrade_in_a_fresh_process_is_audited(tmp_path: Path) -> None:
    """Any admin command that opens an old database (here `check`, in a fresh interpreter)
    records db.upgrade: the post-upgrade step is registered before the database opens."""
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "reliefdesk-0001.sqlite3", target)
    env = {**os.environ, "RELIEFDESK_HOME": str(tmp_path / "home")}
    proc = subprocess.run(
        [sys.executable, "-m", "reliefdesk.cli", "--db", str(target), "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    con = sqlite3.connect(target)
    assert (
        con.execute("SELECT count(*) FROM audit_event WHERE action = 'db.upgrade'").fetchone()[0]
        == 1
    )
    con.close()
