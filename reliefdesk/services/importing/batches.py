"""Listing import batches and undoing one: while no roster built on it is locked, a batch is
taken back whole (households it created removed with everything hung on them, households it
corrected restored), in one transaction, audited. Draft rosters that paid its households are
discarded (regenerate them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...errors import NotFound, RuleViolation
from ...models import (
    Application,
    Asset,
    BankAccount,
    CaseStep,
    Enrollment,
    EnrollmentChange,
    EnrollmentMember,
    Household,
    ImportBatch,
    ImportRecord,
    IncomeItem,
    Person,
    PersonSearchKey,
    Roster,
    RosterAdjustment,
    RosterLine,
    Visit,
    utcnow,
)
from .. import audit
from ..context import Actor
from .apply import locked_roster_of
from .types import BatchView

__all__ = [
    "PendingHousehold",
    "households_to_complete",
    "households_to_complete_in",
    "list_batches",
    "list_batches_in",
    "pending_completion",
    "undo_batch",
    "undo_batch_in",
]


def _view(b: ImportBatch) -> BatchView:
    sm = b.summary or {}
    return BatchView(
        b.id,
        b.file_name,
        b.sha256,
        b.shape,
        b.status,
        b.created_at,
        b.created_by_name,
        int(sm.get("households", 0)),
        int(sm.get("persons", 0)),
        int(sm.get("total_fen", 0)),
        b.undone_at,
        b.undone_by_name,
    )


def list_batches(db: Database, actor: Actor) -> list[BatchView]:
    """Every import batch, newest first."""
    with db.read_session() as s:
        return list_batches_in(s, actor)


def list_batches_in(s: Session, actor: Actor) -> list[BatchView]:
    actor.require("read")
    return [_view(b) for b in s.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))]


def undo_batch(db: Database, actor: Actor, batch_id: int) -> BatchView:
    """Undo a whole batch (administrators only)."""
    with db.session() as s:
        return undo_batch_in(s, actor, batch_id)


def _chunks(ids: list[int], n: int = 500) -> list[list[int]]:
    return [ids[i : i + n] for i in range(0, len(ids), n)]


def undo_batch_in(s: Session, actor: Actor, batch_id: int) -> BatchView:
    actor.require("import.recipients")
    batch = s.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFound(f"导入批次 #{batch_id} 不存在。", code="import.batch_not_found")
    if batch.status != "active":
        raise RuleViolation(f"导入批次 #{batch_id} 已撤销。", code="import.undone")
    recs = list(s.scalars(select(ImportRecord).where(ImportRecord.batch_id == batch_id)))
    enr = [r.enrollment_id for r in recs]
    later = s.scalar(
        select(ImportRecord.batch_id)
        .join(ImportBatch)
        .where(
            ImportBatch.status == "active",
            ImportRecord.batch_id > batch_id,
            ImportRecord.enrollment_id.in_(enr[:30000] or [0]),
        )
        .limit(1)
    )
    if later is not None:
        raise RuleViolation(
            f"批次 #{later} 更正过本批次导入的户，请先撤销批次 #{later}。",
            code="import.later_batch",
        )
    locked = locked_roster_of(s, enr)
    if locked is not None:
        raise RuleViolation(
            f"名册 #{locked} 已锁定并发放了本批次导入的户，不能撤销导入。", code="import.locked"
        )
    created = [r for r in recs if r.action == "create"]
    c_enr = [r.enrollment_id for r in created]
    c_hh = [r.household_id for r in created]
    c_app = [r.application_id for r in created]
    for chunk in _chunks(c_enr):
        if s.scalar(
            select(EnrollmentChange.id).where(EnrollmentChange.enrollment_id.in_(chunk)).limit(1)
        ):
            raise RuleViolation(
                "本批次导入的户已有变更决定（增发、减发、停发或核查），不能撤销。",
                code="import.changed",
            )
    for chunk in _chunks(c_hh):
        other = s.scalar(
            select(Application.id)
            .where(Application.household_id.in_(chunk), Application.id.notin_(c_app))
            .limit(1)
        )
        visit = s.scalar(select(Visit.id).where(Visit.household_id.in_(chunk)).limit(1))
        if other is not None or visit is not None:
            raise RuleViolation(
                "本批次导入的户已有新的申请或入户调查记录，不能撤销。", code="import.used"
            )
    drafts = set()
    for chunk in _chunks(enr):
        drafts |= set(
            s.scalars(select(RosterLine.roster_id).where(RosterLine.enrollment_id.in_(chunk)))
        )
    for rid in sorted(drafts):
        s.execute(delete(Roster).where(Roster.id == rid))
        audit.record(
            s,
            actor,
            "roster.discard",
            "roster",
            rid,
            detail={"reason": f"撤销导入批次 #{batch_id}"},
        )
    for r in recs:
        if r.action != "update" or not r.before:
            continue
        b = r.before
        s.execute(
            update(Enrollment)
            .where(Enrollment.id == r.enrollment_id)
            .values(
                amount_fen=b["amount_fen"],
                persons=b["persons"],
                working=b.get("working"),
                version=Enrollment.version + 1,
            )
        )
        s.execute(
            update(Application)
            .where(Application.id == r.application_id)
            .values(
                proposed_fen=b["amount_fen"],
                file_no=b.get("file_no") or "",
                version=Application.version + 1,
            )
        )
        if b.get("account_id"):
            s.execute(
                update(BankAccount)
                .where(BankAccount.id == b["account_id"])
                .values(
                    number=b["account"],
                    bank_name=b.get("bank") or "",
                    version=BankAccount.version + 1,
                )
            )
        _delete_persons(s, list(r.created_person_ids or []))
    for chunk in _chunks(c_enr):
        s.execute(delete(RosterAdjustment).where(RosterAdjustment.enrollment_id.in_(chunk)))
        s.execute(delete(EnrollmentMember).where(EnrollmentMember.enrollment_id.in_(chunk)))
        s.execute(delete(Enrollment).where(Enrollment.id.in_(chunk)))
    for chunk in _chunks(c_app):
        s.execute(delete(CaseStep).where(CaseStep.application_id.in_(chunk)))
        s.execute(delete(Application).where(Application.id.in_(chunk)))
    for chunk in _chunks(c_hh):
        s.execute(delete(BankAccount).where(BankAccount.household_id.in_(chunk)))
        s.execute(delete(IncomeItem).where(IncomeItem.household_id.in_(chunk)))
        s.execute(delete(Asset).where(Asset.household_id.in_(chunk)))
        pids = list(s.scalars(select(Person.id).where(Person.household_id.in_(chunk))))
        _delete_persons(s, pids)
        s.execute(delete(Household).where(Household.id.in_(chunk)))
    batch.status, batch.undone_at, batch.undone_by_name = "undone", utcnow(), actor.username
    audit.record(
        s,
        actor,
        "import.undo",
        "import_batch",
        batch_id,
        detail={
            "file": batch.file_name,
            "sha256": batch.sha256,
            "households_removed": len(created),
            "households_restored": len(recs) - len(created),
            "draft_rosters_discarded": sorted(drafts),
        },
    )
    s.flush()
    return _view(batch)


def _delete_persons(s: Session, ids: list[int]) -> None:
    for chunk in _chunks(ids):
        s.execute(delete(EnrollmentMember).where(EnrollmentMember.person_id.in_(chunk)))
        s.execute(delete(PersonSearchKey).where(PersonSearchKey.person_id.in_(chunk)))
        s.execute(delete(Person).where(Person.id.in_(chunk)))


@dataclass(frozen=True)
class PendingHousehold:
    """An imported household whose members are not all on file (待补录) and that has had no
    定期核查 since the import: complete it at the next re-check."""

    household_id: int
    enrollment_id: int
    batch_id: int
    listed_persons: int
    declared_persons: int
    next_recheck: date | None


def households_to_complete(db: Database, actor: Actor) -> list[PendingHousehold]:
    """Imported households still flagged 待补录 (a recorded re-check clears the flag)."""
    with db.read_session() as s:
        return households_to_complete_in(s, actor)


def _rechecked() -> Any:
    return (
        select(EnrollmentChange.id)
        .where(
            EnrollmentChange.enrollment_id == ImportRecord.enrollment_id,
            EnrollmentChange.kind == "recheck",
            EnrollmentChange.at >= ImportBatch.created_at,
        )
        .exists()
    )


def pending_completion(enrollment_id: Any) -> Any:
    """SQL: the enrollment was imported with members still to complete (待补录) and has had
    no 定期核查 since (for ``check``, which then does not count it as a persons mismatch)."""
    return (
        select(ImportRecord.id)
        .join(ImportBatch, ImportBatch.id == ImportRecord.batch_id)
        .where(
            ImportRecord.enrollment_id == enrollment_id,
            ImportRecord.incomplete,
            ImportBatch.status == "active",
            ~_rechecked(),
        )
        .exists()
    )


def households_to_complete_in(s: Session, actor: Actor) -> list[PendingHousehold]:
    actor.require("read")
    rechecked = _rechecked()
    q = (
        select(
            ImportRecord.household_id,
            ImportRecord.enrollment_id,
            ImportRecord.batch_id,
            ImportRecord.listed_persons,
            ImportRecord.declared_persons,
            Enrollment.next_recheck,
        )
        .join(ImportBatch, ImportBatch.id == ImportRecord.batch_id)
        .join(Enrollment, Enrollment.id == ImportRecord.enrollment_id)
        .where(ImportBatch.status == "active", ImportRecord.incomplete, ~rechecked)
        .order_by(Enrollment.next_recheck, ImportRecord.household_id)
    )
    latest: dict[int, PendingHousehold] = {}
    for row in s.execute(q):
        latest[row[0]] = PendingHousehold(*row)
    return list(latest.values())
