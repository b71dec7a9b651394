"""Peak memory of the demo generator (issue 17: ≤ 300 MB for the 40,000-household encrypted
demo): the bulk-write page cache, key slots wrapped ahead of the commit, small write batches,
bounded memos, pypinyin without its phrase dictionary. No memory is measured here; the tests
pin the behaviour that keeps the peak down."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from reliefdesk.db.cipher import cache_kib
from reliefdesk.db.engine import BULK_WRITE_CACHE_KIB, Database, bulk_write_cache
from reliefdesk.db.keyfile import KeyFile, new_data_key
from reliefdesk.demo import DEMO_PASSWORDS, create_demo_database, generate_demo
from reliefdesk.demo.case_base import Rows, Users
from reliefdesk.demo.cases import DIBAO_MEMO, CaseFactory
from reliefdesk.demo.setup import CHUNK
from reliefdesk.errors import DatabaseError
from reliefdesk.services import keyslots
from reliefdesk.services.context import SYSTEM
from reliefdesk.services.policy import policy_on, work_calendar

AS_OF = date(2026, 6, 15)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    """A new, empty, encrypted demo office and its file."""
    path = tmp_path / "office.sqlite3"
    db, _code = create_demo_database(path)
    yield db, path
    db.close()


def _cache_size(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(text("PRAGMA cache_size")).scalar_one())


def test_bulk_write_cache_bounds_the_transaction_and_gives_the_size_back(
    office: tuple[Database, Path],
) -> None:
    """Inside the block the encrypted connection's cache is the bulk-write bound; after it,
    and after a block that failed, the connection has its file-sized cache again."""
    db, path = office
    with db.session() as s:
        with bulk_write_cache(s):
            assert s.execute(text("PRAGMA cache_size")).scalar_one() == -BULK_WRITE_CACHE_KIB
        assert s.execute(text("PRAGMA cache_size")).scalar_one() == -cache_kib(path)
    with pytest.raises(ZeroDivisionError), db.session() as s, bulk_write_cache(s):
        s.execute(text("SELECT 1"))
        _ = 1 / 0
    assert _cache_size(db) == -cache_kib(path)  # the same pooled connection (LIFO)


def test_bulk_write_cache_leaves_a_plain_file_or_server_as_it_was(db: Database) -> None:
    """On a plain SQLite file the bound holds inside the block and SQLite's own size comes
    back; on a server the block runs unchanged."""
    with db.session() as s:
        own = s.execute(text("PRAGMA cache_size")).scalar_one() if db.is_sqlite else None
        with bulk_write_cache(s):
            if db.is_sqlite:
                assert s.execute(text("PRAGMA cache_size")).scalar_one() == -BULK_WRITE_CACHE_KIB
            assert s.execute(text("SELECT 1")).scalar_one() == 1
        if db.is_sqlite:
            assert s.execute(text("PRAGMA cache_size")).scalar_one() == own


def test_wrapped_slots_are_stored_into_the_key_file_as_it_is_now(
    office: tuple[Database, Path],
) -> None:
    """wrap_slots does the Argon2 work without writing anything; add_slots with its result
    stores exactly those slots and keeps what changed in the key file meanwhile."""
    db, _path = office
    assert db.keyfile is not None and db.data_key is not None
    before = db.keyfile.read_bytes()
    wrapped = keyslots.wrap_slots(db, {"clerk": DEMO_PASSWORDS["clerk"]})
    assert wrapped is not None and db.keyfile.read_bytes() == before
    keyslots.set_office_label(db, "另一个民政所")  # the key file changes in between
    keyslots.add_slots(db, {"clerk": DEMO_PASSWORDS["clerk"]}, wrapped)
    keys = KeyFile.load(db.keyfile)
    assert keys.office == "另一个民政所"
    assert keys.slots["clerk"] == wrapped.slots["clerk"]
    assert keys.unwrap_user("clerk", DEMO_PASSWORDS["clerk"]) == db.data_key


def test_demo_writes_small_batches_and_its_users_open_the_office(
    office: tuple[Database, Path],
) -> None:
    """The demo writes at most 500 households per batch (each batch's rows are garbage once
    written), keeps the file-sized cache afterwards, and every new demo user's slot (wrapped
    while the households were generated) opens the key file."""
    db, path = office
    calls: list[int] = []
    n = 2 * CHUNK + 200
    result = generate_demo(db, SYSTEM, n, clean=True, progress=lambda done, _n: calls.append(done))
    assert CHUNK <= 500
    assert calls == [CHUNK, 2 * CHUNK, n]
    assert _cache_size(db) == -cache_kib(path)
    assert db.keyfile is not None
    keys = KeyFile.load(db.keyfile)
    assert set(result.users_created) == set(DEMO_PASSWORDS) <= set(keys.slots)
    for name, password in DEMO_PASSWORDS.items():
        assert keys.unwrap_user(name, password) == db.data_key


def test_generator_memos_are_bounded(office: tuple[Database, Path]) -> None:
    """The dibao-amount memo and the names' search-key cache keep a bounded number of entries
    (unbounded they held ~65 MB at 40,000 households)."""
    from reliefdesk.demo.people import _keys

    db, _path = office
    with db.session() as s:
        cases = CaseFactory(
            random.Random(1),
            AS_OF,
            policy_on(s, AS_OF),
            work_calendar(s),
            Users(1, 2, 3, "刘晓燕"),
            lambda _table: 1,
            Rows(),
        )
    assert cases._dibao_memo.cache_info().maxsize == DIBAO_MEMO <= 8192
    assert _keys.cache_info().maxsize is not None


def test_pypinyin_phrase_dictionary_is_not_loaded() -> None:
    """Search keys use single-character readings only, so pypinyin's ~40 MB phrase dictionary
    is not loaded (and readings of polyphonic surnames are unchanged)."""
    import pypinyin.constants

    from reliefdesk.domain.pinyin import search_keys

    assert len(pypinyin.constants.PHRASES_DICT) == 0
    assert "zengxiaoming" in search_keys("曾小明")
    assert "shanxuemei" in search_keys("单雪梅")


def test_slots_taken_from_a_copy_clear_only_their_users_pending_mark() -> None:
    """take_slots copies the named slots from a copy of the same key file, clears only those
    users' pending marks, and refuses a copy made for another data key."""
    key = new_data_key()
    keys = KeyFile.new(key)
    keys.await_reset(["clerk", "reviewer"])
    ahead = KeyFile.new(key)
    ahead.set_user("clerk", "Pw#clerk1", key)
    keys.take_slots(ahead, ["clerk"])
    assert keys.slots["clerk"] == ahead.slots["clerk"]
    assert keys.pending == ["reviewer"]
    assert keys.unwrap_user("clerk", "Pw#clerk1") == key
    with pytest.raises(DatabaseError):
        keys.take_slots(KeyFile.new(new_data_key()), [])
