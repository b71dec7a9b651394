"""Writing an import: new households in bulk (one INSERT per table, RETURNING the ids, so a
40,000-household file stays within a minute), corrected households one by one, the batch and
its records, and the audit event, all in the caller's transaction.

Each imported household gets an application record that says what it is: an approval made
before reliefdesk (state 确认同意, the original approval date and document number where the
sheet had them), with one step ``legacy_import`` naming the file, its SHA-256, sheet and rows.
The enrollment pays the sheet's amount as decided (``amount_source`` "import") from the first
month reliefdesk pays; the roster marks it 存量, not 新增.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from ...domain.idnumber import parse_id
from ...domain.months import add_months, month_start
from ...errors import RuleViolation
from ...models import (
    Application,
    BankAccount,
    Base,
    CaseStep,
    Enrollment,
    EnrollmentMember,
    Household,
    ImportBatch,
    ImportRecord,
    Office,
    Person,
    PersonSearchKey,
    Roster,
    RosterLine,
    Township,
    Village,
)
from ..context import Actor
from ..policy import Policy
from ..search import ID_KEY_PREFIX, person_search_keys
from .checks import Decision, standard_of
from .plan import HouseholdPlan, account_kind

__all__ = ["Source", "write_batch"]

_RULE = "民发〔2021〕57号 第二十八条（存量数据迁移，不是新纳入）"


def _table(model: type[Base]) -> Table:
    """The plain Table of a mapped class (declarative mapping always makes one)."""
    return cast(Table, model.__table__)


@dataclass(frozen=True)
class Source:
    file_name: str
    sha256: str
    shape: str
    sheets: list[str]
    mapping: dict[str, Any]


def _township_id(s: Session) -> int:
    office = s.scalar(select(Office).limit(1))
    if office is not None and office.township_id is not None:
        return office.township_id
    tid = s.scalar(select(Township.id).order_by(Township.id).limit(1))
    if tid is None:
        raise RuleViolation(
            "尚未设置本所乡镇，请先在系统设置中填写单位信息再导入。", code="import.no_township"
        )
    return tid


def _villages(s: Session, names: set[str]) -> dict[str, int]:
    tid = _township_id(s)
    found = {v.name: v.id for v in s.scalars(select(Village).where(Village.township_id == tid))}
    for name in sorted(names - set(found)):
        clean = name.strip()[:64] or "未注明村"
        if clean in found:
            found[name] = found[clean]
            continue
        v = Village(township_id=tid, name=clean, is_community="社区" in clean)
        s.add(v)
        s.flush()
        found[name] = found[clean] = v.id
    return found


def _allocate(s: Session, model: Any, n: int) -> list[int]:
    """``n`` new primary keys: PostgreSQL draws them from the table's sequence; SQLite (the
    write transaction holds the database lock) continues after the largest id."""
    table = model.__table__
    if s.get_bind().dialect.name == "postgresql":
        rows = s.execute(
            text(
                f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "
                "FROM generate_series(1, :n)"
            ),
            {"n": n},
        )
        return [int(r[0]) for r in rows]
    start = int(s.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1
    return list(range(start, start + n))


def _ids(s: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` (one executemany, ids allocated up front) and return their ids in
    order. RETURNING over tens of thousands of rows was quadratic in SQLAlchemy's splicing."""
    if not rows:
        return []
    ids = _allocate(s, model, len(rows))
    for pk, row in zip(ids, rows, strict=True):
        row["id"] = pk
    s.execute(insert(model.__table__), rows)
    return ids


def _source_detail(src: Source, batch_id: int, plan: HouseholdPlan) -> dict[str, Any]:
    return {
        "batch": batch_id,
        "file": src.file_name,
        "sha256": src.sha256,
        "sheet": plan.sheet,
        "row": plan.rows[0] if plan.rows else 0,
        "rows": plan.rows,
        "approved_on": plan.approved_on.isoformat() if plan.approved_on else None,
        "document_no": plan.document_no,
        "original_start": plan.start_month.isoformat() if plan.start_month else None,
    }


def _opinion(src: Source, plan: HouseholdPlan) -> str:
    parts = ["存量数据迁移：原已审批在保对象，依原审批结果导入，未重新履行审批程序"]
    if plan.approved_on:
        parts.append(f"原审批日期 {plan.approved_on:%Y-%m-%d}")
    if plan.document_no:
        parts.append(f"证号/文号 {plan.document_no}")
    if plan.start_month:
        parts.append(f"最初享受 {plan.start_month:%Y-%m}")
    rows = "、".join(str(r) for r in plan.rows[:10])
    parts.append(
        f"来源 {src.file_name}（SHA-256 {src.sha256[:16]}…）工作表“{plan.sheet}”第 {rows} 行"
    )
    return "；".join(parts)


def _create(
    s: Session,
    actor: Actor,
    src: Source,
    batch_id: int,
    plans: list[HouseholdPlan],
    policy: Policy,
    today: date,
    first_month: date,
) -> tuple[int, list[dict[str, Any]]]:
    """Bulk-create households with persons, accounts, applications, steps, enrollments."""
    if not plans:
        return 0, []
    villages = _villages(s, {p.village for p in plans})
    hh_ids = _ids(
        s,
        Household,
        [
            {
                "village_id": villages[p.village],
                "address": p.address[:256],
                "area_type": "urban" if p.programme == "urban_dibao" else p.area_type,
                "phone": p.phone[:32],
                "note": "存量导入" + ("；待补录家庭成员" if p.incomplete else ""),
            }
            for p in plans
        ],
    )
    person_rows: list[dict[str, Any]] = []
    owners: list[int] = []
    keys: list[list[str]] = []
    for i, p in enumerate(plans):
        for m in p.members:
            if m.birth is None or m.sex is None:
                info = parse_id(m.id_number or "", today)
                m.birth, m.sex = info.birth_date, info.sex
            k = person_search_keys(m.name, m.id_number)
            pin = [x for x in k if not x.startswith(ID_KEY_PREFIX)]
            person_rows.append(
                {
                    "household_id": hh_ids[i],
                    "name": m.name[:64],
                    "id_number": m.id_number,
                    "id_number_old": m.id_old,
                    "birth_date": m.birth,
                    "sex": m.sex,
                    "relation": m.relation,
                    "search_initials": pin[1] if len(pin) > 1 else "",
                }
            )
            owners.append(i)
            keys.append(k)
    person_ids = _ids(s, Person, person_rows)
    if person_ids:
        s.execute(
            insert(_table(PersonSearchKey)),
            [
                {"person_id": pid, "key": key}
                for pid, ks in zip(person_ids, keys, strict=True)
                for key in ks
            ],
        )
    members: list[list[int]] = [[] for _ in plans]
    for pid, i in zip(person_ids, owners, strict=True):
        members[i].append(pid)
    payees = []
    for i, p in enumerate(plans):
        heads = [pid for pid, m in zip(members[i], p.members, strict=True) if m.relation == "head"]
        payees.append(heads[0] if heads else members[i][0])
    holders = {pid: r["name"] for pid, r in zip(person_ids, person_rows, strict=True)}
    acc_rows = [
        {
            "household_id": hh_ids[i],
            "payee_person_id": payees[i],
            "kind": account_kind(p.account),
            "bank_name": p.bank[:64],
            "holder_name": (p.holder or holders.get(payees[i], ""))[:64],
            "number": p.account[:32],
        }
        for i, p in enumerate(plans)
        if p.account
    ]
    if acc_rows:
        s.execute(insert(_table(BankAccount)), acc_rows)
    app_rows = []
    details = []
    for i, p in enumerate(plans):
        detail = _source_detail(src, batch_id, p)
        details.append(detail)
        decided = p.approved_on or today
        app_rows.append(
            {
                "file_no": p.document_no[:32],
                "household_id": hh_ids[i],
                "applicant_id": payees[i],
                "programme": p.programme,
                "state": "approved",
                "state_since": decided,
                "accepted_on": decided,
                "reason": f"存量导入（批次 #{batch_id}）",
                "single_person": p.single,
                "care_mode": p.care_mode,
                "care_tier": p.care_tier,
                "proposed_fen": p.amount_fen,
                "decision": "approved",
                "decided_on": decided,
                "working": {"import": detail},
                "created_by": actor.user_id,
            }
        )
    app_ids = _ids(s, Application, app_rows)
    s.execute(
        insert(_table(CaseStep)),
        [
            {
                "application_id": aid,
                "action": "legacy_import",
                "from_state": None,
                "to_state": "approved",
                "user_id": actor.user_id,
                "username": actor.username,
                "role": actor.role,
                "on_date": today,
                "decision": "approved",
                "opinion": _opinion(src, p),
            }
            for aid, p in zip(app_ids, plans, strict=True)
        ],
    )
    enr_rows: list[dict[str, Any]] = []
    for i, p in enumerate(plans):
        kind = "tekun" if p.programme == "tekun" else "stable"
        months = policy.recheck_months(kind)
        start = first_month
        if p.start_month is not None and month_start(p.start_month) > first_month:
            start = month_start(p.start_month)
        std = standard_of(policy, p)
        enr_rows.append(
            {
                "household_id": hh_ids[i],
                "application_id": app_ids[i],
                "payee_id": payees[i],
                "programme": p.programme,
                "status": "active",
                "start_month": start,
                "persons": p.persons,
                "amount_fen": p.amount_fen or 0,
                "method": "tekun" if p.programme == "tekun" else "gap",
                "care_mode": p.care_mode,
                "care_tier": p.care_tier,
                "topup_categories": [],
                "recheck_months": months,
                "next_recheck": add_months(start, months),
                "working": {
                    "import": details[i],
                    "lines": [["存量导入", f"原核定月保障金按导入表发放（批次 #{batch_id}）"]],
                },
                "standard_fen": std,
                "policy_id": policy.id,
                "policy_name": policy.name,
                "amount_source": "import",
            }
        )
    enr_ids = _ids(s, Enrollment, enr_rows)
    s.execute(
        insert(_table(EnrollmentMember)),
        [
            {"enrollment_id": enr_ids[i], "person_id": pid, "active": True}
            for i, p in enumerate(plans)
            for pid, m in zip(members[i], p.members, strict=True)
            if m.covered
        ],
    )
    records = [
        {
            "batch_id": batch_id,
            "key": p.key,
            "action": "create",
            "household_id": hh_ids[i],
            "enrollment_id": enr_ids[i],
            "application_id": app_ids[i],
            "sheet": p.sheet[:64],
            "row_no": p.rows[0] if p.rows else 0,
            "row_nos": p.rows,
            "content_hash": p.content_hash(),
            "approved_on": p.approved_on,
            "document_no": p.document_no[:64],
            "original_start": p.start_month,
            "incomplete": p.incomplete,
            "listed_persons": p.listed,
            "declared_persons": p.persons,
            "created_person_ids": members[i],
            "before": None,
        }
        for i, p in enumerate(plans)
    ]
    if records:
        s.execute(insert(_table(ImportRecord)), records)
    return len(person_ids), [{"household_id": h} for h in hh_ids]


def locked_roster_of(s: Session, enrollment_ids: list[int]) -> int | None:
    """The id of a locked roster paying one of these enrollments (None when there is none)."""
    for i in range(0, len(enrollment_ids), 500):
        chunk = enrollment_ids[i : i + 500]
        rid = s.scalar(
            select(Roster.id)
            .join(RosterLine, RosterLine.roster_id == Roster.id)
            .where(Roster.status == "locked", RosterLine.enrollment_id.in_(chunk))
            .limit(1)
        )
        if rid is not None:
            return int(rid)
    return None


def _update(s: Session, src: Source, batch_id: int, d: Decision, today: date) -> int:
    """Correct one household from a later file: amount, persons, account, document data and
    members added. Refused (left as it was, listed) once a locked roster paid it: a changed
    amount then needs a 增发/减发 decision."""
    p, rec = d.plan, d.record
    assert rec is not None
    e = s.get(Enrollment, rec.enrollment_id)
    app = s.get(Application, rec.application_id)
    if e is None or app is None:
        return 0
    if e.programme != p.programme:
        p.problem(
            p.rows[0],
            "import.programme_changed",
            "更正文件中的保障类别与已导入的不同：请按变更程序处理，未更新",
        )
        return -1
    if p.amount_fen != e.amount_fen and locked_roster_of(s, [e.id]) is not None:
        p.problem(
            p.rows[0],
            "import.locked",
            "该户已在锁定的名册中发放，金额更正请作出增发/减发决定，未更新",
        )
        return -1
    acc = s.scalar(
        select(BankAccount)
        .where(BankAccount.household_id == e.household_id, BankAccount.active)
        .order_by(BankAccount.id)
    )
    before = {
        "amount_fen": e.amount_fen,
        "persons": e.persons,
        "file_no": app.file_no,
        "account_id": acc.id if acc else None,
        "account": acc.number if acc else None,
        "bank": acc.bank_name if acc else None,
        "content_hash": rec.content_hash,
        "working": e.working,
    }
    e.amount_fen, e.persons = p.amount_fen or 0, p.persons
    app.proposed_fen, app.file_no = p.amount_fen, p.document_no[:32]
    if acc is not None and p.account:
        acc.number, acc.bank_name = p.account[:32], p.bank[:64] or acc.bank_name
        acc.kind = account_kind(p.account)
    elif acc is None and p.account:
        s.add(
            BankAccount(
                household_id=e.household_id,
                payee_person_id=e.payee_id,
                kind=account_kind(p.account),
                bank_name=p.bank[:64],
                holder_name=p.holder[:64],
                number=p.account[:32],
            )
        )
    known = set(s.scalars(select(Person.id_number).where(Person.household_id == e.household_id)))
    created: list[int] = []
    for m in p.members:
        if m.id_number in known:
            continue
        info = parse_id(m.id_number or "", today)
        person = Person(
            household_id=e.household_id,
            name=m.name[:64],
            id_number=info.number,
            id_number_old=m.id_old,
            birth_date=info.birth_date,
            sex=info.sex,
            relation=m.relation,
        )
        s.add(person)
        s.flush()
        from ..register.people import write_search_keys

        write_search_keys(s, person)
        if m.covered:
            s.add(EnrollmentMember(enrollment_id=e.id, person_id=person.id, active=True))
        created.append(person.id)
    detail = _source_detail(src, batch_id, p)
    e.working = {**(e.working or {}), "import": detail}
    s.add(
        ImportRecord(
            batch_id=batch_id,
            key=p.key,
            action="update",
            household_id=e.household_id,
            enrollment_id=e.id,
            application_id=app.id,
            sheet=p.sheet[:64],
            row_no=p.rows[0] if p.rows else 0,
            row_nos=p.rows,
            content_hash=p.content_hash(),
            approved_on=p.approved_on,
            document_no=p.document_no[:64],
            original_start=p.start_month,
            incomplete=p.incomplete,
            listed_persons=p.listed,
            declared_persons=p.persons,
            created_person_ids=created,
            before=before,
        )
    )
    return 1


def write_batch(
    s: Session,
    actor: Actor,
    src: Source,
    decisions: list[Decision],
    policy: Policy,
    today: date,
    first_month: date,
) -> tuple[ImportBatch, int, int, int]:
    """Create the batch and apply every create/update decision; returns (batch, created,
    updated, persons created)."""
    batch = ImportBatch(
        file_name=src.file_name[:256],
        sha256=src.sha256,
        shape=src.shape,
        sheets=src.sheets,
        mapping=src.mapping,
        summary={},
        status="active",
        created_by=actor.user_id or None,
        created_by_name=actor.username,
    )
    s.add(batch)
    s.flush()
    creates = [d.plan for d in decisions if d.action == "create"]
    persons, _ = _create(s, actor, src, batch.id, creates, policy, today, first_month)
    updated = 0
    for d in decisions:
        if d.action == "update":
            if _update(s, src, batch.id, d, today) > 0:
                updated += 1
            else:
                d.action = "blocked"
    s.flush()
    return batch, len(creates), updated, persons
