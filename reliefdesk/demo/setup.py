"""Demo set-up: the demo logins, sizes and result type, and the steps before the households
are generated (users, townships, primary keys, PostgreSQL sequences)."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..db.defaults import RUZHOU_COUNTY
from ..errors import NotFound
from ..models import Office, Township, User
from ..services.users import hash_password
from .writer import _KEYS

#: Demo logins (the README lists them). Each meets ``check_password_strength``.
DEMO_PASSWORDS: dict[str, str] = {
    "clerk": "Demo#clerk1",
    "reviewer": "Demo#reviewer1",
    "approver": "Demo#approver1",
    "admin": "Demo#admin1",
    "auditor": "Demo#auditor1",
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


def _ensure_users(
    s: Session, pool: ThreadPoolExecutor
) -> tuple[dict[str, tuple[int, str]], dict[str, Future[str]]]:
    """Create the missing demo users now (ids are needed at once); their Argon2 hashes are
    computed on a worker thread (argon2 releases the GIL) and stored at the end."""
    pending: dict[str, Future[str]] = {}
    existing = {
        u.username: u for u in s.scalars(select(User).where(User.username.in_(list(DEMO_USERS))))
    }
    for name, (role, display) in DEMO_USERS.items():
        if name not in existing:
            user = User(username=name, display_name=display, role=role, password_hash="!")
            s.add(user)
            pending[name] = pool.submit(hash_password, DEMO_PASSWORDS[name])
            existing[name] = user
    s.flush()
    return {n: (u.id, u.username) for n, u in existing.items()}, pending


#: roles each township gets in the county demo: ``clerk_001`` … (last 3 digits of the code),
#: password that of the role's county demo user (DEMO_PASSWORDS)
TOWNSHIP_ROLES = ("clerk", "reviewer", "approver")


def township_username(role: str, code: str) -> str:
    return f"{role}_{code[-3:]}"


def _ensure_township_users(
    s: Session, towns: list[Township], pool: ThreadPoolExecutor, county: dict[str, Future[str]]
) -> dict[str, tuple[Future[str], list[str]]]:
    """County demo: one clerk, reviewer and approver per township (users of that township);
    one Argon2 hash per role, computed on the worker thread and stored at the end. The role's
    password is the county demo user's: a hash ``county`` is computing for that user (a new
    county demo) is shared, not computed again (Argon2 costs ~0.2 s of CPU a hash)."""
    existing = set(s.scalars(select(User.username)))
    out: dict[str, tuple[Future[str], list[str]]] = {}
    for role in TOWNSHIP_ROLES:
        names = []
        for t in towns:
            name = township_username(role, t.code)
            if name in existing:
                continue
            s.add(
                User(
                    username=name,
                    display_name=f"{t.name}{DEMO_ROLE_LABELS[role]}",
                    role=role,
                    password_hash="!",
                    township_id=t.id,
                )
            )
            names.append(name)
        if names:
            fut = county.get(role) or pool.submit(hash_password, DEMO_PASSWORDS[role])
            out[role] = (fut, names)
    s.flush()
    return out


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
