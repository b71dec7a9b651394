"""Users: Argon2id password hashes, login with lockout, user administration."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from ..db.engine import Database
from ..db.keyfile import KDF_PROFILE
from ..errors import AuthError, NotFound, ValidationError
from ..models import Township, User, utcnow
from . import audit, keyslots
from .context import ROLE_LABELS, ROLES, SYSTEM, Actor
from .scope import require_township, restrict_townships
from .settings import get_setting

# Argon2id, RFC 9106 low-memory profile: the same parameters derive the key-wrapping keys of
# an encrypted database (db/keyfile.py).
_hasher = PasswordHasher.from_parameters(KDF_PROFILE)
USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")


_MIN_PASSWORD_LENGTH = 8  # 等保 practice: at least 8 characters
_MIN_CHAR_CLASSES = 3  # of lower, upper, digit, other


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    role_label: str
    active: bool
    locked_until: datetime | None
    failed_attempts: int
    township_id: int | None = None  # None: a county user
    township_name: str = ""  # "" for a county user


def check_password_strength(password: str) -> None:
    """等保 practice: at least 8 characters with 3 of 4 classes."""
    classes = sum(
        bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")
    )
    if len(password) < _MIN_PASSWORD_LENGTH or classes < _MIN_CHAR_CLASSES:
        raise ValidationError(
            "密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少 3 类。",
            code="user.weak_password",
            field="password",
        )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _to_info(u: User) -> UserInfo:
    return UserInfo(
        u.id,
        u.username,
        u.display_name,
        u.role,
        ROLE_LABELS.get(u.role, u.role),
        u.active,
        u.locked_until,
        u.failed_attempts,
        u.township_id,
        _township_name(u),
    )


def _township_name(u: User) -> str:
    if u.township_id is None:
        return ""
    s = object_session(u)
    town = s.get(Township, u.township_id) if s is not None else None
    return town.name if town else ""


def resolve_township(session: Session, text: str | None) -> int | None:
    """A township by code or name; ``None``, "" or "county"/"县"/"全县" is the county (None)."""
    if text is None or text.strip().lower() in ("", "county", "县", "全县", "县级"):
        return None
    t = text.strip()
    town = session.scalar(select(Township).where((Township.code == t) | (Township.name == t)))
    if town is None:
        raise ValidationError(
            f"找不到乡镇（街道）“{t}”（可填代码、名称或 county）。",
            code="user.township",
            field="township",
        )
    return town.id


def has_users(db: Database) -> bool:
    with db.read_session() as s:
        return bool(s.scalar(select(func.count(User.id))))


def add_user(
    session: Session,
    actor: Actor,
    username: str,
    role: str,
    password: str,
    display_name: str = "",
    *,
    check_strength: bool = True,
    township_id: int | None = None,
) -> UserInfo:
    if actor is not SYSTEM:
        actor.require("admin.users")
        require_township(actor, township_id)  # a township admin adds their township's users
    username = username.strip()
    if not USERNAME_RE.match(username):
        raise ValidationError(
            "用户名须为 2–32 位字母、数字、汉字或 _ . -。", code="user.name", field="username"
        )
    if role not in ROLES:
        raise ValidationError(
            f"未知角色：{role}（可选：{', '.join(ROLES)}）", code="user.role", field="role"
        )
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError(f"用户名“{username}”已存在。", code="user.exists", field="username")
    if check_strength:
        check_password_strength(password)
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=hash_password(password),
        township_id=township_id,
    )
    session.add(user)
    session.flush()
    keyslots.password_changed(session, username, password)
    audit.record(
        session,
        actor,
        "user.add",
        "user",
        user.id,
        detail={"username": username, "role": role, "township_id": township_id},
    )
    return _to_info(user)


def create_user(
    db: Database,
    actor: Actor,
    username: str,
    role: str,
    password: str,
    display_name: str = "",
    *,
    township_id: int | None = None,
) -> UserInfo:
    """:func:`add_user` in its own transaction (the admin screen's 新增用户)."""
    with db.session() as s:
        return add_user(s, actor, username, role, password, display_name, township_id=township_id)


def create_first_admin(
    db: Database, username: str, password: str, display_name: str = ""
) -> UserInfo:
    with db.session() as s:
        if s.scalar(select(func.count(User.id))):
            raise ValidationError("已有用户，不能再创建初始管理员。", code="user.not_first")
        return add_user(s, SYSTEM, username, "admin", password, display_name)


def _until(locked_until: datetime, now: datetime) -> str:
    """ "今天 14:35" / "12月2日 08:05": when a lock ends, in the office's local time (stored
    times are UTC)."""
    local = locked_until.replace(tzinfo=UTC).astimezone()
    today = now.replace(tzinfo=UTC).astimezone().date()
    day = "今天" if local.date() == today else f"{local.month}月{local.day}日"
    return f"{day} {local:%H:%M}"


def login(db: Database, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Verify the password; ``login.max_failures`` failures lock for ``login.lock_minutes``."""
    now = now or utcnow()
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        if user is None or not user.active:
            _equal_time(password)  # the answer must not come faster for an unknown name
            audit.record(
                s,
                SYSTEM,
                "login",
                "user",
                username[:32],
                success=False,
                detail={"reason": "unknown"},
            )
            s.commit()
            raise AuthError("用户名或密码错误。", code="auth.bad")
        if user.locked_until is not None and user.locked_until > now:
            _equal_time(password)
            audit.record(
                s,
                Actor(user.id, user.username, user.display_name, user.role, user.township_id),
                "login",
                "user",
                user.id,
                success=False,
                detail={"reason": "locked"},
            )
            s.commit()
            raise AuthError(
                f"账户已锁定，{_until(user.locked_until, now)}后可再试，或请管理员解锁。",
                code="auth.locked",
                until=user.locked_until.isoformat(),
            )
        try:
            _hasher.verify(user.password_hash, password)
            ok = True
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        actor = Actor(user.id, user.username, user.display_name, user.role, user.township_id)
        if not ok:
            user.failed_attempts += 1
            limit = int(get_setting(s, "login.max_failures", 5))
            locked = user.failed_attempts >= limit
            if locked:
                user.locked_until = now + timedelta(
                    minutes=int(get_setting(s, "login.lock_minutes", 15))
                )
                user.failed_attempts = 0
            audit.record(
                s, actor, "login", "user", user.id, success=False, detail={"locked": locked}
            )
            left = limit - user.failed_attempts
            until = user.locked_until
            s.commit()
            if locked and until is not None:
                raise AuthError(
                    f"密码错误次数过多，账户已锁定，{_until(until, now)}后可再试，或请管理员解锁。",
                    code="auth.locked",
                    until=until.isoformat(),
                )
            raise AuthError(
                f"用户名或密码错误。还可尝试 {left} 次，之后账户将被锁定。",
                code="auth.bad",
                attempts_left=left,
            )
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.failed_attempts = 0
        user.locked_until = None
        audit.record(s, actor, "login", "user", user.id)
        return actor


_dummy_hash: str | None = None


def _equal_time(password: str) -> None:
    """Spend the time of one Argon2 verification (against a throwaway hash)."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = hash_password("reliefdesk-timing-equaliser")
    with contextlib.suppress(VerifyMismatchError, VerificationError, InvalidHashError):
        _hasher.verify(_dummy_hash, password)


def verify_password(db: Database, actor: Actor, password: str) -> bool:
    """For the idle screen lock: re-check the current user's password (counts failures)."""
    try:
        login(db, actor.username, password)
    except AuthError:
        return False
    return True


def unlock_check(db: Database, actor: Actor, password: str) -> None:
    """For the lock screen: the same check as signing in, raising its message (还可尝试 N 次;
    a locked account says until when)."""
    login(db, actor.username, password)


def list_users(db: Database, actor: Actor) -> list[UserInfo]:
    actor.require("read")
    with db.read_session() as s:
        q = restrict_townships(select(User).order_by(User.id), actor, User.township_id)
        return [_to_info(u) for u in s.scalars(q)]


def unlock_user(db: Database, actor: Actor, username: str) -> UserInfo:
    actor.require("admin.users")
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"找不到用户“{username}”。", code="user.missing")
        if user.username != actor.username:
            require_township(actor, user.township_id)  # a township admin: own users only
        user.locked_until = None
        user.failed_attempts = 0
        audit.record(s, actor, "user.unlock", "user", user.id, detail={"username": username})
        return _to_info(user)


def set_password(db: Database, actor: Actor, username: str, password: str) -> None:
    if actor.username != username:
        actor.require("admin.users")
    check_password_strength(password)
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"找不到用户“{username}”。", code="user.missing")
        if user.username != actor.username:
            require_township(actor, user.township_id)  # a township admin: own users only
        user.password_hash = hash_password(password)
        user.password_changed_at = utcnow()
        keyslots.password_changed(s, user.username, password)  # needs this session's key
        audit.record(s, actor, "user.password", "user", user.id)


def set_role(db: Database, actor: Actor, username: str, role: str, active: bool = True) -> None:
    actor.require("admin.users")
    if role not in ROLES:
        raise ValidationError(f"未知角色：{role}", code="user.role", field="role")
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"找不到用户“{username}”。", code="user.missing")
        if user.username != actor.username:
            require_township(actor, user.township_id)  # a township admin: own users only
        if user.role == "admin" and (role != "admin" or not active):
            if user.id == actor.user_id:
                raise ValidationError(
                    "不能停用或降级自己的管理员账户。", code="user.self_demote", field="role"
                )
            admins = s.scalar(
                select(func.count(User.id)).where(User.role == "admin", User.active.is_(True))
            )
            if (admins or 0) <= 1:
                raise ValidationError(
                    "这是最后一个管理员账户，不能停用或降级。", code="user.last_admin", field="role"
                )
        before = {"role": user.role, "active": user.active}
        if user.active and not active:
            keyslots.user_disabled(s, user.username)
        user.role, user.active = role, active
        audit.record(
            s,
            actor,
            "user.role",
            "user",
            user.id,
            detail={"before": before, "after": {"role": role, "active": active}},
        )
