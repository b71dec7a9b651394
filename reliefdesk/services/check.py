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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, case, exists, func, not_, or_, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from ..db.engine import Database, describe_db_error
from ..domain.idnumber import check_digit, parse_id
from ..domain.masking import mask_id
from ..errors import ValidationError
from ..models import (
    Application,
    AuditEvent,
    BankAccount,
    CaseStep,
    Enrollment,
    EnrollmentMember,
    Household,
    Person,
    PersonSearchKey,
)
from . import audit
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

LIVE = ("active", "phase_out", "suspended")
PAYING = ("active", "phase_out")
EXCLUSIVE_PROGRAMMES = ("urban_dibao", "rural_dibao", "tekun")
# CaseStep actions/decisions that record a confirmation (确认/审批同意).
CONFIRM_ACTIONS = ("confirm", "confirm_delegated", "approve", "county_confirm")
CONFIRM_DECISIONS = ("approved", "confirmed", "同意", "确认")
MAX_PER_KIND = 1000


@dataclass(frozen=True)
class Problem:
    kind: str
    entity: str
    entity_id: int | str | None
    message_zh: str


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


def _rows(s: Session, q: Any) -> Iterator[Any]:
    return iter(s.execute(q.limit(MAX_PER_KIND)))


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


def _id_fast_ok(number: str, birth: date, sex: str, today: date) -> bool:
    """Cheap test for the common case (a canonical, valid number matching birth date and sex);
    anything else goes through the full :func:`parse_id` for its message."""
    if len(number) != 18 or not number[:17].isdigit() or not number.isascii():
        return False
    if check_digit(number[:17]) != number[17]:
        return False
    if number[6:14] != f"{birth.year:04d}{birth.month:02d}{birth.day:02d}" or birth > today:
        return False
    return sex == ("M" if int(number[16]) % 2 else "F")


def check_id_numbers(s: Session) -> list[Problem]:
    """Every ID number passes GB 11643, and the stored birth date/sex match it."""
    out: list[Problem] = []
    last = 0
    while len(out) < MAX_PER_KIND:
        batch = s.execute(
            select(Person.id, Person.name, Person.id_number, Person.birth_date, Person.sex)
            .where(Person.id > last)
            .order_by(Person.id)
            .limit(20000)
        ).all()
        if not batch:
            break
        today = date.today()
        for pid, name, number, birth, sex in batch:
            if _id_fast_ok(number, birth, sex, today):
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
            elif info.birth_date != birth or info.sex != sex:
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


# --- enrollments ------------------------------------------------------------------------------


def check_double_enrollment(s: Session) -> list[Problem]:
    """No person is a current member of two live dibao/tekun enrollments."""
    q = (
        select(EnrollmentMember.person_id, func.count(func.distinct(Enrollment.id)))
        .join(Enrollment, Enrollment.id == EnrollmentMember.enrollment_id)
        .where(
            EnrollmentMember.active.is_(True),
            Enrollment.status.in_(LIVE),
            Enrollment.programme.in_(EXCLUSIVE_PROGRAMMES),
        )
        .group_by(EnrollmentMember.person_id)
        .having(func.count(func.distinct(Enrollment.id)) > 1)
        .order_by(EnrollmentMember.person_id)
    )
    return [
        Problem(
            "double_enrollment",
            "person",
            pid,
            f"人员 #{pid} 同时在 {n} 个低保/特困保障中（重复享受）",
        )
        for pid, n in _rows(s, q)
    ]


def check_enrollment_application(s: Session) -> list[Problem]:
    """Every enrollment rests on an approved application of the same household/programme."""
    q = (
        select(Enrollment.id, Enrollment.household_id, Application.id, Application.decision)
        .outerjoin(Application, Application.id == Enrollment.application_id)
        .where(
            or_(
                Application.id.is_(None),
                Application.decision.is_(None),
                Application.decision != "approved",
                Application.household_id != Enrollment.household_id,
                Application.programme != Enrollment.programme,
            )
        )
        .order_by(Enrollment.id)
    )
    return [
        Problem(
            "enrollment_without_approval",
            "enrollment",
            eid,
            f"户号 {hid} 的保障记录 #{eid} 没有对应的已批准申请"
            + (f"（申请 #{aid} 状态：{dec or '未决定'}）" if aid else ""),
        )
        for eid, hid, aid, dec in _rows(s, q)
    ]


def check_enrollment_payee(s: Session) -> list[Problem]:
    q = (
        select(
            Enrollment.id,
            Enrollment.household_id,
            Person.name,
            Person.deceased_on,
            Person.household_id,
        )
        .join(Person, Person.id == Enrollment.payee_id)
        .where(
            Enrollment.status.in_(PAYING),
            or_(Person.deceased_on.is_not(None), Person.household_id != Enrollment.household_id),
        )
        .order_by(Enrollment.id)
    )
    out = []
    for eid, hid, name, dead, phid in _rows(s, q):
        if dead is not None:
            out.append(
                Problem(
                    "payee_deceased",
                    "enrollment",
                    eid,
                    f"户号 {hid} 的在保记录 #{eid} 收款人{name}已于 {dead} 死亡，仍在发放",
                )
            )
        else:
            out.append(
                Problem(
                    "payee_not_member",
                    "enrollment",
                    eid,
                    f"户号 {hid} 的在保记录 #{eid} 收款人{name}不是本户成员",
                )
            )
    return out


def check_enrollment_members(s: Session) -> list[Problem]:
    """persons = number of current members; members are counted, living household members."""
    em = aliased(EnrollmentMember)
    active_count = (
        select(func.count(em.id))
        .where(em.enrollment_id == Enrollment.id, em.active.is_(True))
        .correlate(Enrollment)
        .scalar_subquery()
    )
    from .importing.batches import pending_completion  # hook (issue 12): 待补录 is known

    q = (
        select(Enrollment.id, Enrollment.household_id, Enrollment.persons, active_count)
        .where(
            Enrollment.status.in_(LIVE),
            Enrollment.programme.in_(EXCLUSIVE_PROGRAMMES),
            Enrollment.persons != active_count,
            ~pending_completion(Enrollment.id),
        )
        .order_by(Enrollment.id)
    )
    out = [
        Problem(
            "enrollment_persons",
            "enrollment",
            eid,
            f"户号 {hid} 的在保记录 #{eid} 保障人数为 {n}，但在保成员有 {m} 人",
        )
        for eid, hid, n, m in _rows(s, q)
    ]
    q2 = (
        select(
            Enrollment.id,
            Enrollment.household_id,
            Person.name,
            Person.household_id,
            Person.counted,
            Person.deceased_on,
        )
        .join(EnrollmentMember, EnrollmentMember.enrollment_id == Enrollment.id)
        .join(Person, Person.id == EnrollmentMember.person_id)
        .where(
            EnrollmentMember.active.is_(True),
            Enrollment.status.in_(LIVE),
            or_(
                Person.deceased_on.is_not(None),
                not_(Person.counted),
                Person.household_id != Enrollment.household_id,
            ),
        )
        .order_by(Enrollment.id)
    )
    for eid, hid, name, phid, counted, dead in _rows(s, q2):
        if dead is not None:
            why = f"已于 {dead} 死亡"
        elif phid != hid:
            why = "不是本户成员"
        else:
            why = "不计入共同生活家庭成员"
        out.append(
            Problem(
                "enrollment_member_invalid",
                "enrollment",
                eid,
                f"户号 {hid} 的在保记录 #{eid} 的在保成员{name}{why}",
            )
        )
    return out


# --- applications -----------------------------------------------------------------------------


def check_application_steps(s: Session) -> list[Problem]:
    """An approved application has a confirmation step; the state equals the last step's."""
    confirmed = exists().where(
        CaseStep.application_id == Application.id,
        or_(CaseStep.action.in_(CONFIRM_ACTIONS), CaseStep.decision.in_(CONFIRM_DECISIONS)),
    )
    q = (
        select(Application.id, Application.household_id)
        .where(Application.decision == "approved", ~confirmed)
        .order_by(Application.id)
    )
    out = [
        Problem(
            "approved_without_confirm",
            "application",
            aid,
            f"户号 {hid} 的申请 #{aid} 记为已批准，但没有确认（审批）环节记录",
        )
        for aid, hid in _rows(s, q)
    ]
    cs = aliased(CaseStep)
    last_state = (
        select(cs.to_state)
        .where(cs.application_id == Application.id)
        .order_by(cs.id.desc())
        .limit(1)
        .correlate(Application)
        .scalar_subquery()
    )
    q2 = (
        select(Application.id, Application.household_id, Application.state, last_state)
        .where(and_(last_state.is_not(None), Application.state != last_state))
        .order_by(Application.id)
    )
    out += [
        Problem(
            "application_state",
            "application",
            aid,
            f"户号 {hid} 的申请 #{aid} 状态为“{st}”，与最后一个环节记录（“{ls}”）不一致",
        )
        for aid, hid, st, ls in _rows(s, q2)
    ]
    return out


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
