"""Verified backups and a restore that cannot destroy data.

Backup — SQLite: the online backup API into a temporary file, ``PRAGMA integrity_check`` on the
copy, then an atomic rename; PostgreSQL: every table copied into a SQLite file of the same
schema. Every backup gets a sidecar ``<file>.json`` with the schema revision, the row counts and
the audit head (``COUNT:HASH``) read from the copy itself, so the audit chain is anchored
outside the database by every backup.

Restore, in three steps (the CLI runs them, with the login and the audit event in between):

1. :func:`prepare_restore` copies the file into a working copy and refuses anything that is not
   a complete reliefdesk backup of this or an older schema (SQLite header, integrity and
   foreign-key checks, a known revision, every table of that revision present) — the live
   database is not touched;
2. :func:`reliefdesk.db.connect.open_work_copy` upgrades the working copy to the current schema;
3. :func:`install_restore` keeps a safety copy of the live database, puts the working copy in
   its place and verifies it; if anything fails the live database is put back from the safety
   copy and the error names it.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, insert, select, text

from ..errors import DatabaseError, NotFound, ValidationError
from ..paths import backup_dir, make_private, sqlite_path, write_private
from .cipher import RAW_ERRORS, connect_raw
from .keyfile import KeyFile, keyfile_path

if TYPE_CHECKING:
    from .engine import Database

KEEP_AUTOMATIC = 10
SQLITE_HEADER = b"SQLite format 3\x00"
SIDECAR_FORMAT = "reliefdesk-backup/1"


@dataclass(frozen=True)
class BackupInfo:
    """A checked backup: its revision, row counts and the working copy to restore from."""

    source: Path
    work: Path
    revision: str
    counts: dict[str, int] = field(default_factory=dict)
    audit_head: str = ""
    key: bytes | None = None  # an encrypted backup: its data key (unlocked)


# --- checks shared by backup and restore ------------------------------------------------------


def _verify_sqlite_file(path: Path, key: bytes | None = None) -> None:
    conn = connect_raw(path, key)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()
        if result is None or result[0] != "ok":
            raise DatabaseError(f"备份文件校验失败（{path}）：{result}", code="backup.verify")
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except RAW_ERRORS as exc:
        raise DatabaseError(f"备份文件无法读取（{path}）：{exc}", code="backup.verify") from exc
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _audit_head(conn: Any) -> str:
    try:
        row = conn.execute("SELECT count, last_hash FROM audit_head WHERE id = 1").fetchone()
    except RAW_ERRORS:
        return ""
    return f"{row[0]}:{row[1]}" if row else ""


def _counts(conn: Any, tables: set[str] | None = None) -> dict[str, int]:
    names = tables or {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    return {
        name: int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
        for name in sorted(names)
        if name != "alembic_version"
    }


def _write_sidecar(
    out: Path, reason: str, extra: dict[str, Any] | None, key: bytes | None = None
) -> Path:
    conn = connect_raw(out, key)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        info = {
            "format": SIDECAR_FORMAT,
            "file": out.name,
            "revision": revision,
            "reason": reason,
            "created": datetime.now().isoformat(timespec="seconds"),
            "audit_head": _audit_head(conn),
            "counts": _counts(conn),
            "encrypted": key is not None,
            **(extra or {}),
        }
    finally:
        conn.close()
    return save_sidecar(out, info)


def save_sidecar(backup: Path, info: dict[str, Any]) -> Path:
    """Write ``<backup>.json`` (what the backup holds) owner-only and atomically."""
    side = backup.with_name(backup.name + ".json")
    write_private(side, json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))
    return side


def check_backup_target(out: Path | str, *, force: bool = False, live: Path | None = None) -> Path:
    """Refuse an empty path, a directory or device, the live database, and (without
    ``force``) an existing file."""
    if not str(out).strip():
        raise ValidationError("备份文件路径不能为空。", code="backup.path")
    path = Path(out).expanduser()
    if live is not None and path.exists() and path.resolve() == live.resolve():
        raise ValidationError("备份文件不能是正在使用的数据库本身。", code="backup.path")
    if path.exists() or path.is_symlink():
        mode = path.lstat().st_mode
        if not stat.S_ISREG(mode):
            raise ValidationError(
                f"{path} 不是普通文件（是目录、设备或链接），不能作为备份文件。", code="backup.path"
            )
        if not force:
            raise ValidationError(
                f"备份文件已存在：{path}（如要覆盖，请加 --force）。", code="backup.exists"
            )
    return path


# --- backup -------------------------------------------------------------------------------------


def backup_database(
    db: Database,
    out: Path | None = None,
    *,
    reason: str = "manual",
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write a verified, owner-only copy of ``db`` to ``out`` (default: rotated file in the
    backup dir) and its sidecar ``.json``; ``extra`` is added to the sidecar."""
    if out is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        out = backup_dir() / f"reliefdesk-{reason}-{stamp}.sqlite3"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    if tmp.exists():
        tmp.unlink()
    src_path = sqlite_path(db.url)
    key = db.data_key if src_path is not None else None
    try:
        os.close(os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        if src_path is not None:
            src = connect_raw(src_path, key)
            dst = connect_raw(tmp, key)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained file, no -wal
            finally:
                dst.close()
                src.close()
        else:
            _copy_tables(db, tmp)
        _fsync(tmp)
        _verify_sqlite_file(tmp, key)
        if key is not None and src_path is not None:  # the same key: its key file beside it
            copy_keyfile(keyfile_path(src_path), keyfile_path(out))
        os.replace(tmp, out)
        make_private(out)
        _write_sidecar(out, reason, extra, key)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(
            f"无法写入备份文件 {out}：{exc.strerror or exc}", code="backup.io"
        ) from exc
    except RAW_ERRORS as exc:
        tmp.unlink(missing_ok=True)
        from .engine import corrupt_error

        raise corrupt_error(str(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if reason != "manual":
        _rotate(out.parent, reason)
    return out


def _rotate(folder: Path, reason: str) -> None:
    files = sorted(folder.glob(f"reliefdesk-{reason}-*.sqlite3"))
    for old in files[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + ".json").unlink(missing_ok=True)
        keyfile_path(old).unlink(missing_ok=True)


def copy_keyfile(src: Path, dst: Path) -> None:
    """Copy a key file atomically, owner-only."""
    KeyFile.load(src).save(dst)


def _copy_tables(db: Database, target: Path) -> None:
    from ..models import Base

    dst = create_engine(f"sqlite:///{target}")
    try:
        Base.metadata.create_all(dst)
        with db.engine.connect() as src_conn, dst.begin() as dst_conn:
            version = src_conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            dst_conn.execute(
                text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
            )
            dst_conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": version})
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in src_conn.execute(select(table))]
                if rows:
                    dst_conn.execute(insert(table), rows)
    finally:
        dst.dispose()


# --- restore: 1. check -------------------------------------------------------------------------


@lru_cache(maxsize=8)
def tables_of_revision(revision: str) -> frozenset[str]:
    """The tables a database at ``revision`` has (built once in a scratch database)."""
    from alembic import command

    from .revisions import alembic_config

    with tempfile.TemporaryDirectory(prefix="reliefdesk-rev-") as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'rev.sqlite3'}")
        try:
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                names = {
                    r[0]
                    for r in conn.exec_driver_sql(
                        "SELECT name FROM sqlite_master WHERE type='table'"
                    )
                }
        finally:
            engine.dispose()
    return frozenset(n for n in names if not n.startswith("sqlite_"))


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    from .revisions import alembic_config

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def prepare_restore(
    backup_file: Path | str,
    workdir: Path,
    unlock: Callable[[KeyFile], bytes] | None = None,
) -> BackupInfo:
    """Copy ``backup_file`` into ``workdir`` and check it (see the module docstring).

    An encrypted backup needs its key file beside it (``<backup>.keys``) and ``unlock``, which
    returns the data key from it (a user's password or the recovery code)."""
    if not str(backup_file).strip():
        raise ValidationError("备份文件路径不能为空。", code="restore.path")
    source = Path(backup_file).expanduser()
    if not source.exists():
        raise NotFound(f"找不到备份文件：{source}", code="restore.missing")
    if not source.is_file():
        raise ValidationError(f"{source} 不是普通文件，不能作为备份文件。", code="restore.path")
    not_backup = f"{source} 不是 reliefdesk 备份文件（应为 reliefdesk-admin backup 生成的文件）。"
    try:
        with open(source, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ValidationError(
            f"无法读取备份文件 {source}：{exc.strerror or exc}", code="restore.io"
        ) from exc
    key: bytes | None = None
    work = workdir / "restore-work.sqlite3"
    if header != SQLITE_HEADER:
        keys = keyfile_path(source)
        if not keys.exists():
            raise ValidationError(
                not_backup + f"（加密备份须与其密钥文件 {keys.name} 放在同一文件夹）",
                code="restore.not_backup",
            )
        if unlock is None:
            raise ValidationError("加密备份需要用户密码或恢复码才能恢复。", code="restore.key")
        key = unlock(KeyFile.load(keys))
        copy_keyfile(keys, keyfile_path(work))
    shutil.copyfile(source, work)
    make_private(work)
    conn = connect_raw(work, key)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        result = conn.execute("PRAGMA integrity_check").fetchone()
        if result is None or result[0] != "ok":
            raise ValidationError(
                f"备份文件已损坏（完整性检查未通过）：{source}", code="restore.corrupt"
            )
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise ValidationError(
                f"备份文件中有引用不存在记录的数据（外键检查未通过）：{source}",
                code="restore.foreign_keys",
            )
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except RAW_ERRORS:
            raise ValidationError(not_backup, code="restore.not_backup") from None
        if len(rows) != 1:
            raise ValidationError(not_backup, code="restore.not_backup")
        revision = str(rows[0][0])
        if not _known_revision(revision):
            raise ValidationError(
                f"备份文件来自更新版本的 reliefdesk（数据库版本 {revision}），"
                "请先升级本程序再恢复。",
                code="restore.newer",
            )
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = sorted(tables_of_revision(revision) - present)
        if missing:
            raise ValidationError(
                f"备份文件不完整，缺少数据表：{'、'.join(missing)}。", code="restore.incomplete"
            )
        counts = _counts(conn, set(tables_of_revision(revision)))
        head = _audit_head(conn)
    except RAW_ERRORS as exc:
        raise ValidationError(
            f"备份文件已损坏，无法读取：{source}", code="restore.corrupt"
        ) from exc
    finally:
        conn.close()
    return BackupInfo(source, work, revision, counts, head, key)


# --- restore: 3. install ------------------------------------------------------------------------


def _safety_copy(db: Database) -> Path:
    """A copy of the live database before it is replaced; a damaged live file is copied raw."""
    try:
        return backup_database(db, reason="pre-restore")
    except DatabaseError:
        live = sqlite_path(db.url)
        if live is None:
            raise
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        raw = backup_dir() / f"reliefdesk-pre-restore-damaged-{stamp}.sqlite3"
        shutil.copyfile(live, raw)
        wal = live.with_name(live.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, raw.with_name(raw.name + "-wal"))
        if keyfile_path(live).exists():
            shutil.copyfile(keyfile_path(live), keyfile_path(raw))
        make_private(raw)
        return raw


def _check_installed(conn: Any) -> None:
    """Raises if the installed copy is not a complete database at head."""
    from .revisions import head_revision

    result = conn.execute("PRAGMA integrity_check").fetchone()
    if result is None or result[0] != "ok":
        raise DatabaseError("恢复后的数据库校验失败。", code="restore.verify")
    if conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != head_revision():
        raise DatabaseError("恢复后的数据库版本不符。", code="restore.verify")


def _copy_sqlite(src_path: Path, dst_path: Path, *, check: bool, key: bytes | None = None) -> None:
    src = connect_raw(src_path, key)
    dst = connect_raw(dst_path, key)
    try:
        dst.execute("PRAGMA busy_timeout=10000")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
        if check:
            _check_installed(dst)
    finally:
        dst.close()
        src.close()


def _replace_file(work: Path, live: Path, key: bytes | None = None) -> None:
    """Put ``work`` (and its key file) in place of the live file (its -wal/-shm are stale
    with it): a damaged live file, or one encrypted with another key (or none)."""
    tmp = live.with_name(live.name + ".restore-part")
    shutil.copyfile(work, tmp)
    _fsync(tmp)
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    if key is not None:
        copy_keyfile(keyfile_path(work), keyfile_path(live))
    os.replace(tmp, live)
    if key is None:
        keyfile_path(live).unlink(missing_ok=True)
    conn = connect_raw(live, key)
    try:
        _check_installed(conn)
    finally:
        conn.close()


def install_restore(
    db: Database, work: Path, *, damaged: bool = False, key: bytes | None = None
) -> Path:
    """Replace the live database with the (upgraded) working copy; returns the safety copy.

    On any failure the live database is put back from the safety copy and a DatabaseError
    naming it is raised. ``damaged``: the live SQLite file is corrupt and is replaced as a file.
    ``key``: the working copy's data key; a backup with another key than the live database's
    (or a plain one over an encrypted one) replaces the file and its key file, and ``db`` is
    reopened with the restored key.
    """
    safety = _safety_copy(db)
    where = f"（恢复前的数据库副本：{safety}）"
    live = sqlite_path(db.url)
    if live is not None:
        old_key = db.data_key
        as_file = damaged or key != old_key
        db.engine.dispose()
        try:
            if as_file:
                _replace_file(work, live, key)
            else:
                _copy_sqlite(work, live, check=True, key=key)
        except BaseException as exc:
            if not damaged:
                try:
                    if as_file:
                        _replace_file(safety, live, old_key)
                    else:
                        _copy_sqlite(safety, live, check=False, key=key)
                except BaseException as exc2:
                    raise DatabaseError(
                        f"恢复失败，且未能自动还原：请手工用 {safety} 恢复。（{exc2}）",
                        code="restore.failed",
                    ) from exc
            if isinstance(exc, KeyboardInterrupt):
                raise
            raise DatabaseError(
                f"恢复失败，当前数据库已还原为恢复前的状态{where}：{exc}", code="restore.failed"
            ) from exc
        make_private(live)
        if key != old_key:
            db.reopen(key)
        return safety
    try:
        _copy_into_server(db, work, key)
    except BaseException as exc:  # one transaction: the server rolled everything back
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise DatabaseError(
            f"恢复失败，当前数据库未被改动{where}：{exc}", code="restore.failed"
        ) from exc
    return safety


def _copy_into_server(db: Database, work: Path, key: bytes | None = None) -> None:
    from ..models import Base

    if key is None:
        src_engine = create_engine(f"sqlite:///{work}")
    else:  # an encrypted backup or township file
        from .engine import CipherKey, make_engine

        src_engine = make_engine(f"sqlite:///{work}", check_share=False, key=CipherKey(key))
    try:
        with src_engine.connect() as src_conn, db.engine.begin() as dst_conn:
            for table in reversed(Base.metadata.sorted_tables):
                dst_conn.execute(table.delete())
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in src_conn.execute(select(table))]
                if rows:
                    dst_conn.execute(insert(table), rows)
            for table in Base.metadata.sorted_tables:
                pk = list(table.primary_key.columns)
                if (
                    len(pk) == 1
                    and pk[0].autoincrement is not False
                    and pk[0].type.python_type is int
                ):
                    dst_conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                            f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
                        )
                    )
    finally:
        src_engine.dispose()
