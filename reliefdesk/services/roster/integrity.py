"""Tamper evidence of locked rosters beyond their own hash (issue 13).

A locked roster stores the SHA-256 of its lines (``Roster.lines_sha256``), but whoever can
write the database file can edit a payee's account and amount and store the recomputed hash.
The hash is therefore also compared with the one recorded in the roster's latest
``roster.lock`` audit event: the audit log is hash-linked and anchored outside the database
(:mod:`reliefdesk.services.audit_anchor`), so rewriting that event shows in ``audit verify``.
The hash (its first 8 digits) is also printed on the roster PDF and carried in every export's
file name, so a paper copy or a file can be held against the database.

The bank file carries full ID and account numbers: only the roles named in the setting
``roster.bank_export_roles`` (default: the approver, 负责人) may export it.

Two ``roster generate`` for the same month at once: the roster row is locked (PostgreSQL)
or the write is serialised (SQLite), and what the caller saw before is compared inside the
transaction, so one wins and the other gets a clear message; the unique constraint on
(month, programme, kind, seq_no) stops a second new roster.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.months import EARLIEST_MONTH, month_start, next_month
from ...errors import PermissionDenied, RuleViolation
from ...models import AuditEvent, Roster
from ..context import ROLE_LABELS, Actor
from .types import month_text, parse_month, programme_code

__all__ = [
    "BANK_ROLES_KEY",
    "NOT_LOOKED",
    "audited_lock_hash",
    "bank_export_roles",
    "check_not_before_first_data",
    "concurrent_insert",
    "first_data_month",
    "refuse_concurrent",
    "require_bank_export",
    "seal_problem",
    "seen_regular",
]


def audited_lock_hash(session: Session, roster_id: int) -> str | None:
    """The ``sha256`` recorded by the roster's latest ``roster.lock`` audit event (None if
    there is no such event)."""
    detail = session.scalar(
        select(AuditEvent.detail)
        .where(
            AuditEvent.entity == "roster",
            AuditEvent.entity_id == str(roster_id),
            # a move into the county server re-hashes (new ids) and records the new hash
            AuditEvent.action.in_(("roster.lock", "roster.rehash_on_move")),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    if not isinstance(detail, dict):
        return None
    value = detail.get("sha256")
    return str(value) if value else None


def seal_problem(session: Session, roster: Roster, actual_hash: str) -> str | None:
    """Why the locked ``roster`` (whose lines now hash to ``actual_hash``) cannot be trusted,
    or None when its lines, its stored hash and its audited lock agree."""
    if actual_hash != roster.lines_sha256:
        return "内容与锁定时的哈希不符，可能被直接修改"
    audited = audited_lock_hash(session, roster.id)
    if audited is None:
        return "没有锁定的审计记录（可能在程序之外被锁定或改动）"
    if audited != roster.lines_sha256:
        return (
            f"哈希与锁定审计记录不符（审计记录 {audited[:8]}，数据库 "
            f"{(roster.lines_sha256 or '')[:8]}）：名单被改写后重算了哈希"
        )
    return None


#: Setting: the roles that may export the bank file (full ID and account numbers).
BANK_ROLES_KEY = "roster.bank_export_roles"


def bank_export_roles(session: Session) -> frozenset[str]:
    """The roles allowed to export the bank file (setting; default: the approver only)."""
    from ..settings import get_setting

    raw = get_setting(session, BANK_ROLES_KEY, ["approver"])
    return frozenset(str(r) for r in raw) if isinstance(raw, list) else frozenset({"approver"})


def require_bank_export(session: Session, actor: Actor) -> None:
    """Refuse the bank file to a role the office has not named for handing it to the bank."""
    allowed = bank_export_roles(session)
    if actor.role not in allowed:
        names = "、".join(ROLE_LABELS.get(r, r) for r in sorted(allowed)) or "（无）"
        raise PermissionDenied(
            f"银行代发文件含完整身份证号和账号，只能由{names}导出"
            f"（当前角色：{actor.role_label}；管理员可在设置中调整）。",
            code="perm.roster.bank_export",
        )


# --- two generate calls for the same month at once ---------------------------------------------

#: ``seen`` value for callers that did not look first (composition inside one transaction).
NOT_LOOKED = (-1, None)


def seen_regular(
    db: Database, month: str | date, programme: str | None, township_id: int | None = None
) -> tuple[int, datetime | None] | None:
    """What the caller sees before generating: the regular roster's (id, generated_at), or
    None. :func:`refuse_concurrent` compares it inside the write transaction."""
    m, code = parse_month(month), programme_code(programme)
    with db.read_session() as s:
        row = s.execute(
            select(Roster.id, Roster.generated_at).where(
                Roster.month == m,
                Roster.programme == code,
                Roster.kind == "regular",
                Roster.seq_no == 0,
                same_township(township_id),
            )
        ).first()
    return None if row is None else (int(row[0]), row[1])


def same_township(township_id: int | None) -> ColumnElement[bool]:
    """Rosters of the same scope: one township's, or the county-wide ones (None)."""
    if township_id is None:
        return Roster.township_id.is_(None)
    return Roster.township_id == township_id


def refuse_concurrent(
    existing: Roster | None, seen: tuple[int, datetime | None] | None, month: date
) -> None:
    """Refuse when another user created or rebuilt the roster between the look and the
    (locked) write: one generate wins, the other gets this message instead of a duplicate."""
    if seen == NOT_LOOKED:
        return
    now = None if existing is None else (existing.id, existing.generated_at)
    if now != seen:
        who = existing.generated_by_name if existing is not None else "其他用户"
        raise RuleViolation(
            f"{month_text(month)} 的花名册刚刚已由{who}生成，本次未重复生成。"
            "请刷新后查看；如仍需重新生成，请再操作一次。",
            code="roster.concurrent",
        )


def concurrent_insert(month: date) -> RuleViolation:
    """The message when the database's unique constraint stopped a second roster."""
    return RuleViolation(
        f"{month_text(month)} 的花名册正由其他用户同时生成，本次未重复生成。请稍后刷新查看。",
        code="roster.concurrent",
    )


def first_data_month(session: Session) -> date | None:
    """The office's first month with data: the earliest enrollment start or application
    acceptance (None for an empty register)."""
    from ...models import Application, Enrollment

    starts = [
        session.scalar(select(func.min(Enrollment.start_month))),
        session.scalar(select(func.min(Application.accepted_on))),
    ]
    found = [d for d in starts if d is not None]
    return month_start(min(found)) if found else None


def _has_data_before(session: Session, limit: date) -> bool:
    """Is any enrollment started, or any application accepted, before ``limit``? (An EXISTS
    stops at the first such row; the minimum of :func:`first_data_month` scans them all.)"""
    from ...models import Application, Enrollment

    return bool(
        session.scalar(select(exists().where(Enrollment.start_month < limit)))
        or session.scalar(select(exists().where(Application.accepted_on < limit)))
    )


def check_not_before_first_data(session: Session, month: date) -> None:
    """Refuse a roster month before the office's first data (a typo such as 2006 for 2026)."""
    if month >= EARLIEST_MONTH and _has_data_before(session, next_month(month)):
        return  # the usual case: data from this month or earlier exists
    first = first_data_month(session)
    if month < EARLIEST_MONTH or (first is not None and month < first):
        since = month_text(first or EARLIEST_MONTH)
        raise RuleViolation(
            f"不能生成 {month_text(month)} 的花名册：本所最早的数据在 {since}，"
            "更早的月份没有可发放的对象（请检查月份是否输入有误）。",
            code="roster.before_data",
        )
