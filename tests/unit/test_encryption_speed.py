"""Encryption at rest, speed settings (issue 19): an encrypted connection keeps a page cache that
holds the whole file, the demo generation does not shrink it, and the engine reuses its warm
connection first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from reliefdesk.db import cipher
from reliefdesk.db.cipher import CACHE_GROWTH, CACHE_MAX_KIB, CACHE_MIN_KIB, cache_kib
from reliefdesk.demo import create_demo_database, generate_demo
from reliefdesk.services.context import SYSTEM

MIB = 1024 * 1024


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


def test_cache_holds_the_whole_file_within_bounds(tmp_path: Path) -> None:
    """The page cache is the file size (with its WAL) with room to grow, at least 256 MiB, at
    most 1 GiB."""
    assert cache_kib(tmp_path / "missing.sqlite3") == CACHE_MIN_KIB
    assert cache_kib(_sparse(tmp_path / "small", 10 * MIB)) == CACHE_MIN_KIB
    mid = _sparse(tmp_path / "mid", 400 * MIB)
    assert cache_kib(mid) == int(os.path.getsize(mid) * CACHE_GROWTH) // 1024
    assert cache_kib(mid) * 1024 > os.path.getsize(mid)
    _sparse(tmp_path / "mid-wal", 100 * MIB)
    assert cache_kib(mid) == int(500 * MIB * CACHE_GROWTH) // 1024
    assert cache_kib(_sparse(tmp_path / "huge", 4096 * MIB)) == CACHE_MAX_KIB


def test_demo_generation_keeps_the_encrypted_page_cache(tmp_path: Path) -> None:
    """After generating the demo, the encrypted connection still has its large page cache
    (the generation used to reset it to SQLite's 2 MB default, so that every later read
    decrypted its pages again)."""
    db, _code = create_demo_database(tmp_path / "office.sqlite3")
    try:
        generate_demo(db, SYSTEM, 20, clean=True)
        with db.read_session() as s:
            assert s.execute(text("PRAGMA cache_size")).scalar_one() == -CACHE_MIN_KIB
    finally:
        db.close()


def test_encrypted_engine_reuses_its_most_recent_connection(tmp_path: Path) -> None:
    """Of two pooled connections, the one returned last (the warm cache) serves next."""
    db, _code = create_demo_database(tmp_path / "office.sqlite3")
    try:
        first = db.engine.connect()
        second = db.engine.connect()
        first_raw = first.connection.driver_connection
        second_raw = second.connection.driver_connection
        first.close()
        second.close()
        with db.engine.connect() as again:
            assert again.connection.driver_connection is second_raw
        assert first_raw is not second_raw
    finally:
        db.close()


def test_cache_grows_with_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A connection opened on a small file gets a larger cache in its next transaction once
    the file has grown (a new office filled by the demo or an import)."""
    monkeypatch.setattr(cipher, "CACHE_MIN_KIB", 256)
    path = tmp_path / "office.sqlite3"
    db, _code = create_demo_database(path)
    try:
        with db.read_session() as s:
            before = s.execute(text("PRAGMA cache_size")).scalar_one()
        generate_demo(db, SYSTEM, 20, clean=True)
        with db.read_session() as s:
            after = s.execute(text("PRAGMA cache_size")).scalar_one()
        assert after == -cache_kib(path) and after < before
        wal = path.with_name(path.name + "-wal")
        assert -after * 1024 > path.stat().st_size + wal.stat().st_size
    finally:
        db.close()
