"""Database and business-invariant checks (数据体检) for ``reliefdesk-admin check``.

Each check is one SQL aggregate or a streamed, narrow column scan (never a load of ORM objects
except the audit chain, which :func:`services.audit.verify_chain` streams itself), so a
40,000-household database is checked in seconds with little memory.

Other modules add their own checks by appending to :data:`EXTRA_CHECKS` at import time::

    from reliefdesk.services.check import EXTRA_CHECKS, Problem
    EXTRA_CHECKS.append(my_roster_check)   # Callable[[Session], list[Problem]]
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import String, case, exists, func, or_, select, text, type_coerce
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..db.engine import Database, describe_db_error
from ..domain.idnumber import check_digit, parse_id
from ..domain.masking import mask_id
from ..errors import ValidationError
from ..models import (
    Application,
    AuditEvent,
    BankAccount,
    Enrollment,
    Household,
    Person,
    PersonSearchKey,
)
from . import audit
from .check_rules import (  # Problem and CONFIRM_ACTIONS are re-exported
    CONFIRM_ACTIONS,
    LIVE,
    MAX_PER_KIND,
    Problem,
    _rows,
    check_application_steps,
    check_double_enrollment,
    check_enrollment_application,
    check_enrollment_members,
    check_enrollment_payee,
)
from .context import Actor

__all__ = [
    "CHECKS",
    "CONFIRM_ACTIONS",
    "EXTRA_CHECKS",
    "CheckReport",
    "Problem",
    "run_checks",
    "run_checks_in",
]


_ID_LENGTH = 18  # a GB 11643 citizen ID number
_ISO_DATE_LENGTH = 10  # YYYY-MM-DD


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def kinds(self) -> set[str]:
        return {p.kind for p in self.problems}


Check = Callable[[Session], list[Problem]]

EXTRA_CHECKS: list[Check] = []
"""Extension point: checks appended here by other modules run after the built-in ones."""


# --- storage level (SQLite only) ------------------------------------------------------------


def check_sqlite_integrity(s: Session) -> list[Problem]:
    if s.get_bind().dialect.name != "sqlite":
        return []
    out = [
        Problem("integrity", "database", None, f"数据库文件损坏：{r[0]}")
        for r in s.execute(text("PRAGMA integrity_check"))
        if r[0] != "ok"
    ]
    for table, rowid, parent, _fk in s.execute(text("PRAGMA foreign_key_check")):
        out.append(
            Problem("foreign_key", table, rowid, f"{table} 第 {rowid} 行引用的 {parent} 记录不存在")
        )
    return out[:MAX_PER_KIND]


# --- register ---------------------------------------------------------------------------------


def _id_fast_ok(number: str, born: str, sex: str, today: str) -> bool:
    """Cheap test for the common case (a canonical, valid number matching birth date and sex),
    the birth date and today as ISO text ``YYYY-MM-DD``; anything else goes through the full
    :func:`parse_id` for its message."""
    if len(number) != _ID_LENGTH or not number.isascii() or not number[:17].isdigit():
        return False
    if check_digit(number[:17]) != number[17]:
        return False
    if (
        number[6:10] != born[:4]
        or number[10:12] != born[5:7]
        or number[12:14] != born[8:10]
        or len(born) != _ISO_DATE_LENGTH
        or born > today
    ):
        return False
    return sex == ("M" if number[16] in "13579" else "F")


def check_id_numbers(s: Session) -> list[Problem]:
    """Every ID number passes GB 11643, and the stored birth date/sex match it."""
    out: list[Problem] = []
    last = 0
    today = date.today().isoformat()
    # the birth date as the stored text (SQLite) or the driver's date (PostgreSQL), compared
    # as ISO text: no date object built for each of 100,000 persons
    born_col = type_coerce(Person.birth_date, String)
    conn = s.connection()  # Core rows: the ORM result layer would double the cost
    while len(out) < MAX_PER_KIND:
        batch = conn.execute(
            select(Person.id, Person.name, Person.id_number, born_col, Person.sex)
            .where(Person.id > last)
            .order_by(Person.id)
            .limit(20000)
        ).all()
        if not batch:
            break
        for pid, name, number, stored, sex in batch:
            born = stored if isinstance(stored, str) else stored.isoformat()
            if _id_fast_ok(number, born, sex, today):
                continue
            try:
                info = parse_id(number)
            except ValidationError as exc:
                out.append(
                    Problem(
                        "id_number",
                        "person",
                        pid,
                        f"{name}（{mask_id(number)}）身份证号码无效：{exc.message}",
                    )
                )
                continue
            if info.number != number:
                out.append(
                    Problem(
                        "id_number",
                        "person",
                        pid,
                        f"{name} 的身份证号码未规范化存储（应为大写 18 位）",
                    )
                )
            elif info.birth_date != date.fromisoformat(born) or info.sex != sex:
                out.append(
                    Problem(
                        "id_derived", "person", pid, f"{name} 的出生日期或性别与身份证号码不一致"
                    )
                )
        last = batch[-1][0]
    return out


def check_entrusted(s: Session) -> list[Problem]:
    q = (
        select(Household.id)
        .where(
            Household.entrusted.is_(True),
            or_(
                Household.entrust_agreement_no == "",
                Household.entrust_agreement_no.is_(None),
                Household.entrust_agreement_date.is_(None),
            ),
        )
        .order_by(Household.id)
    )
    return [
        Problem(
            "entrusted_agreement",
            "household",
            hid,
            f"户号 {hid} 登记为代管存折（卡），但没有书面代管协议（编号和日期）",
        )
        for (hid,) in _rows(s, q)
    ]


def check_accounts(s: Session) -> list[Problem]:
    q = (
        select(BankAccount.id, BankAccount.household_id, Person.name, Person.household_id)
        .join(Person, Person.id == BankAccount.payee_person_id)
        .where(Person.household_id != BankAccount.household_id)
        .order_by(BankAccount.id)
    )
    out = [
        Problem(
            "account_payee",
            "bank_account",
            aid,
            f"户号 {hid} 的账户 #{aid} 收款人{name}不是本户成员（属于户号 {phid}）",
        )
        for aid, hid, name, phid in _rows(s, q)
    ]
    q2 = (
        select(BankAccount.payee_person_id, func.count())
        .where(BankAccount.active.is_(True))
        .group_by(BankAccount.payee_person_id)
        .having(func.count() > 1)
        .order_by(BankAccount.payee_person_id)
    )
    out += [
        Problem("account_duplicate", "person", pid, f"人员 #{pid} 有 {n} 个在用账户（应只有一个）")
        for pid, n in _rows(s, q2)
    ]
    return out


def check_search_keys(s: Session) -> list[Problem]:
    q = (
        select(Person.id, Person.name)
        .where(~exists().where(PersonSearchKey.person_id == Person.id))
        .order_by(Person.id)
    )
    return [
        Problem(
            "search_keys", "person", pid, f"{name} 缺少检索键（拼音检索查不到），请重建检索索引"
        )
        for pid, name in _rows(s, q)
    ]


# --- audit -----------------------------------------------------------------------------------


def check_audit_chain(s: Session) -> list[Problem]:
    return [
        Problem("audit_chain", "audit_event", p.event_id, p.message)
        for p in audit.verify_chain(s)[:MAX_PER_KIND]
    ]


def check_locked_rosters(s: Session) -> list[Problem]:
    """A locked roster whose lines no longer match its stored SHA-256 (edited behind the app)."""
    from .roster.check import verify_locked_rosters

    return [
        Problem("roster_hash", "roster", p.roster_id, p.message_zh)
        for p in verify_locked_rosters(s)
    ]


def check_roster_unlocks(s: Session) -> list[Problem]:
    """Every lock and unlock of a roster has its audit event: a draft roster with more
    ``roster.lock`` than ``roster.unlock`` events (or an unlock history longer than the
    audited unlocks) was unlocked behind the application."""
    from ..models import Roster

    counts: dict[tuple[str, str], int] = {}
    for entity_id, action, n in s.execute(
        select(AuditEvent.entity_id, AuditEvent.action, func.count())
        .where(
            AuditEvent.entity == "roster",
            AuditEvent.action.in_(("roster.lock", "roster.unlock")),
            AuditEvent.success.is_(True),
        )
        .group_by(AuditEvent.entity_id, AuditEvent.action)
    ):
        counts[(str(entity_id), str(action))] = int(n)
    out: list[Problem] = []
    for rid, status, history in s.execute(
        select(Roster.id, Roster.status, Roster.unlock_history).order_by(Roster.id)
    ):
        locks = counts.get((str(rid), "roster.lock"), 0)
        unlocks = counts.get((str(rid), "roster.unlock"), 0)
        expected_locks = unlocks + (1 if status == "locked" else 0)
        if locks > expected_locks or len(history or []) > unlocks:
            out.append(
                Problem(
                    "roster_unlock_unaudited",
                    "roster",
                    rid,
                    f"花名册 #{rid} 曾被锁定，但解锁没有审计记录（锁定 {locks} 次、"
                    f"审计的解锁 {unlocks} 次，当前状态 {status}）：可能在程序之外被改动",
                )
            )
        elif status == "locked" and locks < expected_locks:
            out.append(
                Problem(
                    "roster_lock_unaudited",
                    "roster",
                    rid,
                    f"花名册 #{rid} 为锁定状态，但没有对应的锁定审计记录",
                )
            )
        if len(out) >= MAX_PER_KIND:
            break
    return out


def check_default_data(s: Session) -> list[Problem]:
    """The default data a new database gets (townships, policy, settings...) is present."""
    from ..db.defaults import missing_default_data

    missing = missing_default_data(s)
    if not missing:
        return []
    return [
        Problem(
            "default_data",
            "database",
            None,
            f"缺少默认数据：{'、'.join(missing)}（初始化未完成；请运行 reliefdesk-admin init 补齐）",
        )
    ]


CHECKS: list[tuple[str, Check]] = [
    ("integrity", check_sqlite_integrity),
    ("default_data", check_default_data),
    ("id_numbers", check_id_numbers),
    ("entrusted", check_entrusted),
    ("accounts", check_accounts),
    ("search_keys", check_search_keys),
    ("double_enrollment", check_double_enrollment),
    ("enrollment_application", check_enrollment_application),
    ("enrollment_payee", check_enrollment_payee),
    ("enrollment_members", check_enrollment_members),
    ("application_steps", check_application_steps),
    ("audit_chain", check_audit_chain),
    ("locked_rosters", check_locked_rosters),
    ("roster_unlocks", check_roster_unlocks),
]


def _stats(s: Session) -> dict[str, Any]:
    def count(q: Any) -> int:
        return int(s.scalar(q) or 0)

    return {
        "households": count(select(func.count(Household.id))),
        "persons": count(select(func.count(Person.id))),
        "live_enrollments": count(
            select(func.count(Enrollment.id)).where(Enrollment.status.in_(LIVE))
        ),
        "applications": count(select(func.count(Application.id))),
        "audit_events": count(select(func.count(AuditEvent.id))),
        "entrusted_households": count(
            select(func.sum(case((Household.entrusted.is_(True), 1), else_=0)))
        ),
    }


def run_checks_in(s: Session) -> CheckReport:
    problems: list[Problem] = []
    timings: dict[str, float] = {}
    for name, check in [*CHECKS, *((getattr(c, "__name__", "extra"), c) for c in EXTRA_CHECKS)]:
        t0 = time.perf_counter()
        try:
            with s.begin_nested():  # a failing check must not abort the others (PostgreSQL)
                found = check(s)
        except DBAPIError as exc:
            known = describe_db_error(exc)
            if known is not None and known.code == "db.corrupt":  # no point in going on
                problems.append(Problem("integrity", "database", None, known.message))
                break
            why = known.message if known is not None else type(exc.orig).__name__
            found = [Problem("check_failed", "check", name, f"检查项 {name} 执行失败：{why}")]
        except Exception as exc:  # a broken check is itself a finding, not a crash
            found = [Problem("check_failed", "check", name, f"检查项 {name} 执行失败：{exc}")]
        timings[name] = round(time.perf_counter() - t0, 3)
        problems.extend(found)
    try:
        stats = _stats(s)
    except DBAPIError:
        stats = {}
    stats["seconds"] = timings
    stats["truncated_at"] = MAX_PER_KIND
    return CheckReport(tuple(problems), stats)


def run_checks(db: Database, actor: Actor | None = None) -> CheckReport:
    """Run every check (SQLite storage checks only on SQLite) and return all problems found.

    On SQLite the checks read inside one transaction, so they see one consistent snapshot.
    """
    from .audit_anchor import journal_anchors, verify_journal_in

    if actor is not None:
        actor.require("read")
    t0 = time.perf_counter()
    anchors = journal_anchors(db)
    with db.read_session() as s:
        report = run_checks_in(s)
        anchored = [
            Problem("audit_anchor", "audit_event", p.event_id, p.message)
            for p in verify_journal_in(s, anchors)
        ]
    if anchored:
        report = CheckReport(report.problems + tuple(anchored), report.stats)
    report.stats["total_seconds"] = round(time.perf_counter() - t0, 3)
    return report
