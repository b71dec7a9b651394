"""Encryption at rest (issue 19): key file, sign-in, key rotation, recovery code, raw bytes of
the database, its WAL and its backups, and the core flows on an encrypted office.

The suite's shared fixtures stay plain SQLite (fast to copy, readable by the raw-sqlite3 checks
of other tests); the core flows below run on a plain AND an encrypted database (parametrized),
and every encryption path is exercised here through the real SQLCipher library.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from reliefdesk.db.backup import backup_database, prepare_restore
from reliefdesk.db.cipher import is_plain_file
from reliefdesk.db.connect import is_encrypted, open_database
from reliefdesk.db.engine import Database
from reliefdesk.db.keyfile import (
    KeyFile,
    _derive,
    _unb64,
    _user_aad,
    keyfile_path,
    new_data_key,
    normalize_recovery_code,
)
from reliefdesk.demo import DEMO_PASSWORDS, create_demo_database, generate_demo
from reliefdesk.errors import AuthError, DatabaseError
from reliefdesk.models import BankAccount, Person
from reliefdesk.services import roster, users
from reliefdesk.services.check import run_checks
from reliefdesk.services.context import SYSTEM
from reliefdesk.services.keyslots import create_keys
from reliefdesk.services.search import search_persons
from reliefdesk.services.signin import recover, sign_in

PW = "Enc#Pass2026"
MONTH = date.today().strftime("%Y-%m")  # the demo locks the twelve months before today


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(params=["plain", "encrypted"])
def demo_office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A small clean demo office, once plain and once encrypted."""
    path = tmp_path / "office.sqlite3"
    if request.param == "encrypted":
        db, _code = create_demo_database(path)
    else:
        db = open_database(_url(path))
    generate_demo(db, SYSTEM, 60, clean=True)
    yield db
    db.close()


def test_key_file_unwraps_only_with_the_right_password_or_code(tmp_path: Path) -> None:
    """A slot opens with its password only; an unknown user, a wrong password, a wrong
    recovery code and a slot from another office's key file are refused; the file is 0600."""
    key = new_data_key()
    keys = KeyFile.new(key)
    keys.set_user("admin", PW, key)
    keys.set_recovery("ABCDE-FGHJK-MNPQR-STVWX-YZ012", key)
    path = tmp_path / "x.keys"
    keys.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = KeyFile.load(path)
    assert loaded.unwrap_user("admin", PW) == key
    assert loaded.unwrap_recovery("abcde fghjk mnpqr stvwx yzO12") == key  # O read as 0
    for user, password in (("admin", "Wrong#Pass1"), ("nobody", PW)):
        with pytest.raises(AuthError, match="用户名或密码错误"):
            loaded.unwrap_user(user, password)
    with pytest.raises(AuthError, match="恢复码不正确"):
        loaded.unwrap_recovery("ABCDE-FGHJK-MNPQR-STVWX-YZ013")
    other_key = new_data_key()
    other = KeyFile.new(other_key)
    other.set_user("admin", PW, other_key)
    loaded.slots["admin"] = other.slots["admin"]  # swapped in from another office
    with pytest.raises(AuthError):
        loaded.unwrap_user("admin", PW)
    assert normalize_recovery_code("il-o") == "110"


def test_users_sharing_a_password_share_one_derivation_each_slot_bound_to_its_name() -> None:
    """set_users_sharing (the demo's published logins): one salt for all, a nonce each; every
    slot opens with the password for its own user name only, not copied to another name."""
    key = new_data_key()
    keys = KeyFile.new(key)
    keys.await_reset(["clerk_001"])
    keys.set_users_sharing(["clerk", "clerk_001", "clerk_106"], PW, key)
    slots = [keys.slots[n] for n in ("clerk", "clerk_001", "clerk_106")]
    assert len({s["salt"] for s in slots}) == 1 and len({s["nonce"] for s in slots}) == 3
    assert keys.pending == []
    for name in ("clerk", "clerk_001", "clerk_106"):
        assert keys.unwrap_user(name, PW) == key
    keys.slots["clerk_001"] = keys.slots["clerk_106"]  # another user's slot under this name
    with pytest.raises(AuthError, match="用户名或密码错误"):
        keys.unwrap_user("clerk_001", PW)
    with pytest.raises(DatabaseError):
        keys.set_users_sharing(["x"], PW, new_data_key())  # not this key file's key


def test_encrypted_county_demo_opens_for_every_township_user(tmp_path: Path) -> None:
    """The county demo encrypted (the default): every township's clerk, reviewer and approver
    signs in with the role's published password (README), and shares the county user's hash."""
    from reliefdesk.demo import COUNTY_THRESHOLD
    from reliefdesk.demo.setup import TOWNSHIP_ROLES
    from reliefdesk.models import Township, User

    path = tmp_path / "county.sqlite3"
    db, _code = create_demo_database(path)
    generate_demo(db, SYSTEM, COUNTY_THRESHOLD + 1, clean=True)
    with db.read_session() as s:
        codes = list(s.scalars(select(Township.code)))
        hashes = {n: h for n, h in s.execute(select(User.username, User.password_hash))}
    db.close()
    assert len(codes) > 1
    keys = KeyFile.load(keyfile_path(path))
    for role in TOWNSHIP_ROLES:
        key = keys.unwrap_user(role, DEMO_PASSWORDS[role])
        # one Argon2 derivation per role (as unwrap_user does it for each slot, ~0.1 s each)
        slot = keys.slots[role]
        wrapping = AESGCM(_derive(DEMO_PASSWORDS[role], _unb64(slot["salt"]), slot["kdf"]))
        for code in codes:
            name = f"{role}_{code[-3:]}"
            mine = keys.slots[name]
            assert mine["salt"] == slot["salt"] and hashes[name] == hashes[role]
            opened = wrapping.decrypt(
                _unb64(mine["nonce"]), _unb64(mine["wrapped"]), _user_aad(name)
            )
            assert opened == key
    opened, actor = sign_in(_url(path), f"clerk_{codes[0][-3:]}", DEMO_PASSWORDS["clerk"])
    assert actor.role == "clerk" and actor.township_id is not None
    opened.close()


def test_raw_bytes_of_file_wal_and_backup_hold_no_id_or_account(
    tmp_path: Path, demo_office: Database
) -> None:
    """Encrypted: no ID number or account number appears in the bytes of the database file,
    its -wal (while open) or its backup; plain: they do (the scan finds them)."""
    db = demo_office
    with db.read_session() as s:
        ids = list(s.scalars(select(Person.id_number).limit(40)))
        accounts = list(s.scalars(select(BankAccount.number).limit(40)))
    assert ids and accounts
    clerk = sign_in(db.url, "clerk", DEMO_PASSWORDS["clerk"], db=db)[1]
    roster.generate(db, clerk, MONTH)  # writes into the WAL
    path = Path(db.url[len("sqlite:///") :])
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    backup = backup_database(db, tmp_path / "bak.sqlite3")
    blobs = [path.read_bytes(), wal.read_bytes(), backup.read_bytes()]
    found = [any(v.encode() in blob for v in ids + accounts) for blob in blobs]
    if db.data_key is not None:
        assert found == [False, False, False]
        assert not is_plain_file(backup) and keyfile_path(backup).exists()
        assert json.loads(backup.with_name(backup.name + ".json").read_text())["encrypted"]
    else:
        assert found[2] and (found[0] or found[1])  # the main file may hold them only in WAL


def test_core_flows_run_the_same_plain_and_encrypted(demo_office: Database) -> None:
    """Search, roster generate + validate and check work alike on both kinds of file."""
    db = demo_office
    _db, clerk = sign_in(db.url, "clerk", DEMO_PASSWORDS["clerk"], db=db)
    with db.read_session() as s:
        person_id, name = s.execute(select(Person.id, Person.name).limit(1)).one()
    hits = search_persons(db, clerk, name)
    assert person_id in {h.person_id for h in hits}
    view = roster.generate(db, clerk, MONTH)
    assert view.households > 0
    assert roster.validate(db, clerk, view.id) == []
    assert list(run_checks(db).problems) == []
    assert db.is_sqlite and (db.data_key is not None) == is_encrypted(db.url)


def test_sign_in_refuses_a_wrong_password_and_opens_with_the_right_one(tmp_path: Path) -> None:
    """An encrypted database does not open without a user's password; a wrong one is refused
    with the login message; the right one opens it and signs in."""
    path = tmp_path / "o.sqlite3"
    keys = create_keys(path, office="城关镇民政所")
    db = open_database(_url(path), key=keys.key)
    users.create_first_admin(db, "admin", PW)
    db.close()
    with pytest.raises(AuthError, match="已加密"):
        open_database(_url(path))
    with pytest.raises(AuthError, match="用户名或密码错误"):
        sign_in(_url(path), "admin", "Wrong#Pass1")
    with pytest.raises(DatabaseError):
        open_database(_url(path), key=new_data_key())  # not this file's key
    opened, actor = sign_in(_url(path), "admin", PW)
    assert actor.role == "admin" and opened.data_key == keys.key
    opened.close()


def test_password_change_rotates_the_slot_and_disabling_drops_it(tmp_path: Path) -> None:
    """A new password gets a new slot (fresh salt, old password refused); an admin's reset of
    a clerk's password works from the admin's unlocked session; disabling drops the slot."""
    path = tmp_path / "o.sqlite3"
    keys = create_keys(path)
    db = open_database(_url(path), key=keys.key)
    users.create_first_admin(db, "admin", PW)
    admin = users.login(db, "admin", PW)
    users.create_user(db, admin, "clerk", "clerk", "Clerk#Pass1")
    before = KeyFile.load(keys.keyfile).slots["clerk"]["salt"]
    users.set_password(db, admin, "clerk", "Clerk#Pass2")
    after = KeyFile.load(keys.keyfile)
    assert after.slots["clerk"]["salt"] != before
    with pytest.raises(AuthError):
        after.unwrap_user("clerk", "Clerk#Pass1")
    assert after.unwrap_user("clerk", "Clerk#Pass2") == keys.key
    users.set_role(db, admin, "clerk", "clerk", active=False)
    assert "clerk" not in KeyFile.load(keys.keyfile).slots
    db.close()
    with pytest.raises(AuthError):
        sign_in(_url(path), "clerk", "Clerk#Pass2")


def test_recovery_code_sets_a_new_admin_password(tmp_path: Path) -> None:
    """Every password lost: the recovery code (any case, spaces) sets a new admin password
    and gives them a slot; a wrong code is refused; the event is audited."""
    path = tmp_path / "o.sqlite3"
    keys = create_keys(path)
    db = open_database(_url(path), key=keys.key)
    users.create_first_admin(db, "admin", PW)
    db.close()
    with pytest.raises(AuthError, match="恢复码不正确"):
        recover(_url(path), "00000-00000-00000-00000-00000", "admin", "New#Pass2026")
    recover(_url(path), keys.recovery_code.lower().replace("-", " "), "admin", "New#Pass2026")
    opened, actor = sign_in(_url(path), "admin", "New#Pass2026")
    from reliefdesk.models import AuditEvent

    with opened.read_session() as s:
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.action == "user.recover"))
    opened.close()
    assert actor.username == "admin"


def test_encrypted_backup_restores_with_a_password_or_the_code(tmp_path: Path) -> None:
    """An encrypted backup needs its key file and a password or the recovery code; a wrong
    password or code is refused before anything is copied."""
    path = tmp_path / "o.sqlite3"
    keys = create_keys(path)
    db = open_database(_url(path), key=keys.key)
    users.create_first_admin(db, "admin", PW)
    bak = backup_database(db, tmp_path / "b" / "bak.sqlite3")
    db.close()
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(AuthError):
        prepare_restore(bak, work, lambda k: k.unwrap_user("admin", "Wrong#Pass1"))
    with pytest.raises(AuthError):
        prepare_restore(bak, work, lambda k: k.unwrap_recovery("00000"))
    info = prepare_restore(bak, work, lambda k: k.unwrap_recovery(keys.recovery_code))
    assert info.key == keys.key and info.counts["app_user"] == 1
    os.rename(keyfile_path(bak), tmp_path / "elsewhere.keys")
    with pytest.raises(Exception, match="密钥文件"):
        prepare_restore(bak, work, lambda k: k.unwrap_user("admin", PW))


def test_switching_user_counts_a_wrong_password(tmp_path: Path) -> None:
    """With the encrypted database already open (switch user), a wrong password is counted by
    the login check (还可尝试 N 次); a user whose password is right but who has no key slot is
    told to have it reset."""
    path = tmp_path / "o.sqlite3"
    keys = create_keys(path)
    db = open_database(_url(path), key=keys.key)
    users.create_first_admin(db, "admin", PW)
    admin = users.login(db, "admin", PW)
    users.create_user(db, admin, "clerk", "clerk", "Clerk#Pass1")
    with pytest.raises(AuthError, match="还可尝试 4 次"):
        sign_in(_url(path), "clerk", "Wrong#Pass1", db=db)
    stale = KeyFile.load(keys.keyfile)
    stale.drop_user("clerk")
    stale.save(keys.keyfile)
    with pytest.raises(AuthError, match="此用户尚未获得新加密数据库的密钥，请管理员重置密码"):
        sign_in(_url(path), "clerk", "Clerk#Pass1", db=db)
    assert sign_in(_url(path), "admin", PW, db=db)[1].username == "admin"
    db.close()


def test_pending_user_is_told_to_have_the_password_reset(tmp_path: Path) -> None:
    """A user marked pending (converted database) is refused with the reset message, kept
    across save/load; a new slot or disabling clears the mark; others get the usual reply."""
    key = new_data_key()
    keys = KeyFile.new(key)
    keys.set_user("admin", PW, key)
    keys.await_reset(["clerk1", "admin", "reviewer1"])
    assert keys.pending == ["clerk1", "reviewer1"]  # admin has a slot
    path = tmp_path / "x.keys"
    keys.save(path)
    keys = KeyFile.load(path)
    with pytest.raises(AuthError) as err:
        keys.unwrap_user("clerk1", "whatever")
    assert err.value.code == "auth.no_slot"
    assert err.value.message == "此用户尚未获得新加密数据库的密钥，请管理员重置密码。"
    with pytest.raises(AuthError) as err:
        keys.unwrap_user("nobody", "whatever")
    assert err.value.code == "auth.bad"
    keys.set_user("clerk1", PW, key)
    assert keys.unwrap_user("clerk1", PW) == key and keys.pending == ["reviewer1"]
    assert keys.drop_user("reviewer1") and keys.pending == []


def test_scrub_zeroes_a_replaced_file_only(tmp_path: Path) -> None:
    """The bytes of a file no name points to any more are overwritten with zeros; a file
    still linked is left alone."""
    from reliefdesk.db.convert import _scrub

    path = tmp_path / "old.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"110101199001011234" * 100_000)
    fd = os.open(str(path), os.O_RDWR)
    try:
        _scrub(fd)  # still linked: untouched
        assert os.pread(fd, 16, 0) == b"SQLite format 3\x00"
        path.unlink()
        _scrub(fd)
        size = os.fstat(fd).st_size
        assert size > 1_000_000 and os.pread(fd, size, 0) == bytes(size)
    finally:
        os.close(fd)
