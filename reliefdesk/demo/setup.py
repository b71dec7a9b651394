"""Demo set-up: the demo logins, sizes and result type, and the steps before the households
are generated (users, townships, primary keys, PostgreSQL sequences)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..db.defaults import RUZHOU_COUNTY
from ..errors import NotFound
from ..models import Office, Township, User
from .writer import _KEYS

#: Demo logins (the README lists them). Each meets ``check_password_strength``.
DEMO_PASSWORDS: dict[str, str] = {
    "clerk": "Demo#clerk1",
    "reviewer": "Demo#reviewer1",
    "approver": "Demo#approver1",
    "admin": "Demo#admin1",
    "auditor": "Demo#auditor1",
}
#: Their Argon2 login hashes, computed once like any fixture's: the passwords are published,
#: so hashing them anew in every demo build (~0.2 s of CPU each) would protect nothing. A
#: hash made at other parameters is renewed at the user's first login (``users.login``);
#: tests/unit/test_demo.py checks that each verifies its password at the current ones.
DEMO_PASSWORD_HASHES: dict[str, str] = {
    "clerk": "$argon2id$v=19$m=65536,t=3,p=4$EgX1t1uiOFEohp8eCRMVRA$hmLFutJJ/vOUipdI4XLXQVj5vuNFepF2t+Gz34D7e2w",
    "reviewer": "$argon2id$v=19$m=65536,t=3,p=4$QzwR3ulL+UI4RUbaciPX0A$XNJXOoPP0669cLT2zDJREGL45oHZJT0h3vVuRQebBL4",
    "approver": "$argon2id$v=19$m=65536,t=3,p=4$vPr8yi50FRwDyWP6z/5Pog$FjqiRLgWxZ4bRdsikKLf2rYF+E1bZlHFtbvKMk0JZQQ",
    "admin": "$argon2id$v=19$m=65536,t=3,p=4$5mDm8dcR3RSNYgeh2xVfEw$3E9VDkTSQPl5wlnWrWn9zQ5ZafZDdfeDvTTdi5qQPDk",
    "auditor": "$argon2id$v=19$m=65536,t=3,p=4$lXM4ktW2Vm0DuiwZaYfqYA$6eOVosIaMZTisrtkmxuLBmh4j35C8rnqnfKnmSh6Wns",
}
#: username → (role, display name)
DEMO_USERS: dict[str, tuple[str, str]] = {
    "clerk": ("clerk", "刘晓燕"),
    "reviewer": ("reviewer", "王建军"),
    "approver": ("approver", "张丽娟"),
    "admin": ("admin", "系统管理员"),
    "auditor": ("auditor", "赵永刚"),
}
DEFAULT_HOUSEHOLDS = 1500
DEFAULT_TOWNSHIP = "410482106"  # 蟒川镇
COUNTY_THRESHOLD = 3000  # more households than this (and no township given) → whole county
# Households per write batch. Small batches keep the peak memory down: each batch's row dicts
# are garbage once written, but the arenas Python allocated for them stay (pinned by the few
# long-lived objects made meanwhile); 2,000 cost ~30 MB more at 40,000 households, no faster.
CHUNK = 500


@dataclass(frozen=True)
class DemoResult:
    """What :func:`generate_demo` wrote."""

    households: int
    persons: int
    villages_created: int
    townships: int
    applications: int
    enrollments: int
    applications_by_state: dict[str, int]
    enrollments_by_programme: dict[str, int]
    enrollments_by_status: dict[str, int]
    users_created: tuple[str, ...]
    planted: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _ensure_users(s: Session) -> tuple[dict[str, tuple[int, str]], list[str]]:
    """The demo users (created when missing, with their fixture hashes) and the names of
    those created now."""
    existing = {
        u.username: u for u in s.scalars(select(User).where(User.username.in_(list(DEMO_USERS))))
    }
    created = []
    for name, (role, display) in DEMO_USERS.items():
        if name not in existing:
            user = User(
                username=name,
                display_name=display,
                role=role,
                password_hash=DEMO_PASSWORD_HASHES[name],
            )
            s.add(user)
            existing[name] = user
            created.append(name)
    s.flush()
    return {n: (u.id, u.username) for n, u in existing.items()}, created


#: roles each township gets in the county demo: ``clerk_001`` … (last 3 digits of the code),
#: password that of the role's county demo user (DEMO_PASSWORDS)
TOWNSHIP_ROLES = ("clerk", "reviewer", "approver")


def township_username(role: str, code: str) -> str:
    return f"{role}_{code[-3:]}"


def _ensure_township_users(s: Session, towns: list[Township]) -> dict[str, str]:
    """County demo: one clerk, reviewer and approver per township (users of that township),
    with the role's password (hash); the names created now, with their passwords."""
    existing = set(s.scalars(select(User.username)))
    created: dict[str, str] = {}
    for role in TOWNSHIP_ROLES:
        for t in towns:
            name = township_username(role, t.code)
            if name in existing:
                continue
            s.add(
                User(
                    username=name,
                    display_name=f"{t.name}{DEMO_ROLE_LABELS[role]}",
                    role=role,
                    password_hash=DEMO_PASSWORD_HASHES[role],
                    township_id=t.id,
                )
            )
            created[name] = DEMO_PASSWORDS[role]
    s.flush()
    return created


DEMO_ROLE_LABELS = {"clerk": "经办人", "reviewer": "审核人", "approver": "负责人"}


def _townships(s: Session, township: str | None, households: int) -> tuple[list[Township], bool]:
    towns = list(s.scalars(select(Township).order_by(Township.code)))
    if not towns:
        raise NotFound("数据库中没有乡镇(街道)数据。", code="demo.no_township")
    if township:
        chosen = [t for t in towns if township in (t.code, t.name)]
        if not chosen:
            raise NotFound(f"找不到乡镇(街道)：{township}", code="demo.township")
        return chosen, False
    if households > COUNTY_THRESHOLD:
        ruzhou = [t for t in towns if t.code.startswith(RUZHOU_COUNTY[1])]
        return (ruzhou or towns), True
    office = s.scalar(select(Office).limit(1))
    if office is not None and office.township_id is not None:
        for t in towns:
            if t.id == office.township_id:
                return [t], False
    for t in towns:
        if t.code == DEFAULT_TOWNSHIP:
            return [t], False
    return [towns[0]], False


def _next_ids(s: Session) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, model in _KEYS.items():
        out[name] = int(s.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1
    return out


def _fix_sequences(s: Session) -> None:
    if s.get_bind().dialect.name != "postgresql":
        return
    for name in _KEYS:
        s.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )
