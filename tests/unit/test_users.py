"""Users: Argon2id hashes, lockout after repeated failures, admin-only administration."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from reliefdesk.errors import AuthError, PermissionDenied, ValidationError
from reliefdesk.models import AuditEvent, User, utcnow
from reliefdesk.services import users

PW = "Test#Pass2026"


def test_password_is_stored_as_argon2id_hash(db, actors):
    """Passwords are never stored in clear: the hash is Argon2id."""
    with db.session() as s:
        h = s.scalar(select(User.password_hash).where(User.username == "clerk"))
    assert h.startswith("$argon2id$") and PW not in h


def test_five_failures_lock_for_fifteen_minutes_and_admin_unlocks(db, actors):
    """The 5th wrong password locks the account; the right one is then refused until an
    admin unlocks it (or the lock expires)."""
    for _ in range(4):
        with pytest.raises(AuthError) as info:
            users.login(db, "clerk", "wrong")
        assert info.value.code == "auth.bad"
    with pytest.raises(AuthError) as info:
        users.login(db, "clerk", "wrong")
    assert info.value.code == "auth.locked"
    with pytest.raises(AuthError) as info:
        users.login(db, "clerk", PW)
    assert "锁定" in str(info.value)
    assert users.login(db, "clerk", PW, now=utcnow() + timedelta(minutes=16)).role == "clerk"
    for _ in range(5):
        with pytest.raises(AuthError):
            users.login(db, "clerk", "wrong")
    with pytest.raises(PermissionDenied):
        users.unlock_user(db, actors["clerk2"], "clerk")
    users.unlock_user(db, actors["admin"], "clerk")
    assert users.login(db, "clerk", PW).username == "clerk"


def test_failed_logins_are_audited(db, actors):
    """Every failed sign-in leaves an audit event marked unsuccessful."""
    with pytest.raises(AuthError):
        users.login(db, "reviewer", "nope")
    with db.session() as s:
        ev = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "login").order_by(AuditEvent.id.desc())
        ).first()
    assert ev is not None and ev.success is False and ev.username == "reviewer"


def test_only_admin_adds_users_and_weak_passwords_are_refused(db, actors):
    """A clerk cannot add users; an admin can, but not with a weak password or a bad role."""
    with db.session() as s, pytest.raises(PermissionDenied):
        users.add_user(s, actors["clerk"], "newbie", "clerk", "Strong#Pass1")
    with db.session() as s, pytest.raises(ValidationError) as info:
        users.add_user(s, actors["admin"], "newbie", "clerk", "weak")
    assert info.value.field == "password"
    with db.session() as s, pytest.raises(ValidationError):
        users.add_user(s, actors["admin"], "newbie", "boss", "Strong#Pass1")
    with db.session() as s:
        users.add_user(s, actors["admin"], "newbie", "clerk", "Strong#Pass1")
    assert users.login(db, "newbie", "Strong#Pass1").role == "clerk"


def test_last_admin_cannot_be_demoted_or_deactivated(db, actors):
    """An admin cannot demote themselves, and the last active admin cannot be removed."""
    with pytest.raises(ValidationError) as info:
        users.set_role(db, actors["admin"], "admin", "clerk")
    assert info.value.code == "user.self_demote"
    with db.session() as s:
        users.add_user(s, actors["admin"], "admin2", "admin", "Strong#Pass1")
    second = users.login(db, "admin2", "Strong#Pass1")
    users.set_role(db, second, "admin", "admin", active=False)
    with pytest.raises(ValidationError) as info:
        users.set_role(db, users.login(db, "admin2", "Strong#Pass1"), "admin2", "clerk")
    assert info.value.code == "user.self_demote"
