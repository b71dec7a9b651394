"""Hash-chained audit log, appended in the same transaction as the write it records.

:func:`record` keeps the event with the transaction; :func:`seal` appends it to the chain just
before COMMIT, so the one chain head every writer of a county server shares is locked for a few
milliseconds per transaction (on PostgreSQL by a single statement), never while a transaction
computes (issue 18: it was where 20 concurrent clerks spent 99% of their server time).

Importing this module also registers the post-upgrade step with :mod:`reliefdesk.db.migrate`
(the db layer may not import services): when an older database is upgraded, the search keys
are rebuilt and the upgrade is recorded as the audit event ``db.upgrade``, in the upgrade's
own transaction. Anchors of the chain outside the database: :mod:`.audit_anchor`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, bindparam, event, select, text
from sqlalchemy.orm import Session, SessionTransaction

from ..db import migrate
from ..db.defaults import GENESIS_HASH
from ..db.engine import Database
from ..models import AuditEvent, AuditHead, User, utcnow
from .changes import note as note_change
from .context import SYSTEM, Actor
from .scope import bind_actor, note_household


def _canonical(ev: AuditEvent) -> str:
    payload = {
        "id": ev.id,
        "at": ev.at.isoformat(timespec="microseconds"),
        "user_id": ev.user_id,
        "username": ev.username,
        "role": ev.role,
        "action": ev.action,
        "entity": ev.entity,
        "entity_id": ev.entity_id,
        "household_id": ev.household_id,
        "detail": ev.detail,
        "success": bool(ev.success),
    }
    return json.dumps(
        payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )


def event_hash(prev_hash: str, ev: AuditEvent) -> str:
    return hashlib.sha256((prev_hash + _canonical(ev)).encode("utf-8")).hexdigest()


_PENDING = "reliefdesk.audit.pending"


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: Any = "",
    *,
    household_id: int | None = None,
    detail: dict[str, Any] | None = None,
    success: bool = True,
) -> AuditEvent:
    """Record one event of this transaction. Binds ``actor`` to the transaction so the township
    scope is enforced on commit (services.scope).

    The event joins the chain when the transaction commits (:func:`seal`, run just before the
    COMMIT): only that short append locks the chain head, so concurrent writers on a county
    server wait for each other for a few milliseconds, not for each other's whole transaction
    (roster generation, the scope check...). Its ``id`` and ``hash`` are set then."""
    bind_actor(session, actor)
    note_household(session, household_id)
    ev = AuditEvent(
        at=utcnow(),
        user_id=actor.user_id or None,
        username=actor.username,
        role=actor.role,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        household_id=household_id,
        detail=_jsonable(detail or {}),
        success=success,
        prev_hash="",
        hash="",
    )
    pending: list[tuple[SessionTransaction | None, AuditEvent]] = session.info.setdefault(
        _PENDING, []
    )
    pending.append((session.get_nested_transaction(), ev))
    return ev


def lock_head(session: Session) -> AuditHead:
    """The chain head, locked until the transaction ends (created at genesis if missing):
    what every append to the chain takes first."""
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_hash=GENESIS_HASH, count=0)
        session.add(head)
        session.flush()
    return head


def seal(session: Session) -> int:
    """Append this transaction's recorded events to the chain now (holding the chain head's
    lock until the transaction ends); returns how many. Runs by itself before every commit;
    call it only when the same transaction must read the head afterwards (a printed anchor)."""
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return 0
    events = [ev for _tx, ev in pending]
    if session.get_bind().dialect.name == "postgresql" and _append_pg(session, events):
        return len(events)
    head = lock_head(session)
    session.add_all(events)
    session.flush()  # assigns the ids (part of the hashed payload) in chain order, one INSERT
    prev = head.last_hash
    for ev in events:
        ev.prev_hash = prev
        ev.hash = prev = event_hash(prev, ev)
    head.last_hash = prev
    head.count += len(events)
    session.flush()
    return len(events)


# One statement per event: lock the head, take the next id, insert the event with its hash
# computed by the server, move the head. The head is locked from this statement to COMMIT,
# with no round trip to a (possibly busy) client in between but the COMMIT itself. The
# hashed text is ``prev_hash + prefix + id + suffix``, where prefix and suffix are the
# canonical JSON around the id, made here by the same :func:`_canonical` as verification.
_PG_APPEND = text(
    """
    WITH head AS (
        SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE
    ), nxt AS (
        SELECT nextval(pg_get_serial_sequence('audit_event', 'id')) AS id,
               head.last_hash AS prev
        FROM head
    ), ins AS (
        INSERT INTO audit_event (id, at, user_id, username, role, action, entity, entity_id,
                                 household_id, detail, success, prev_hash, hash)
        SELECT nxt.id, :at, :user_id, :username, :role, :action, :entity, :entity_id,
               :household_id, :detail, :success, nxt.prev,
               encode(sha256(convert_to(nxt.prev || :prefix || nxt.id::text || :suffix,
                                        'UTF8')), 'hex')
        FROM nxt
        RETURNING id, prev_hash, hash
    )
    UPDATE audit_head SET last_hash = ins.hash, count = audit_head.count + 1
    FROM ins WHERE audit_head.id = 1
    RETURNING ins.id, ins.prev_hash, ins.hash
    """
).bindparams(
    *(
        bindparam(c.name, type_=c.type)
        for c in AuditEvent.__table__.columns
        if c.name not in ("id", "prev_hash", "hash")
    ),
    bindparam("prefix", type_=String()),
    bindparam("suffix", type_=String()),
)
_ID_MARK = 918273645546372819  # stands for the id while the canonical text is split


def _append_pg(session: Session, events: list[AuditEvent]) -> bool:
    """Append ``events`` with :data:`_PG_APPEND`; False when there is no head row yet."""
    session.flush()  # the transaction's own writes go first (FK order, scope guard)
    for ev in events:
        ev.id = _ID_MARK
        prefix, mark, suffix = _canonical(ev).rpartition(f'"id":{_ID_MARK}')
        ev.id = None  # type: ignore[assignment]
        values = {
            c: getattr(ev, c)
            for c in (
                "at",
                "user_id",
                "username",
                "role",
                "action",
                "entity",
                "entity_id",
                "household_id",
                "detail",
                "success",
            )
        }
        row = session.execute(
            _PG_APPEND, {**values, "prefix": prefix + '"id":', "suffix": suffix}
        ).one_or_none()
        if row is None:
            if ev is events[0]:
                return False
            raise RuntimeError("audit head row disappeared during an append")  # pragma: no cover
        assert mark
        ev.id, ev.prev_hash, ev.hash = int(row.id), row.prev_hash, row.hash
        note_change("audit", ev.id)  # raw SQL: the change tracker cannot see it
    for obj in list(session.identity_map.values()):
        if isinstance(obj, AuditHead):
            session.expire(obj)  # moved by the statement above
    return True


@event.listens_for(Session, "before_commit")
def _seal_on_commit(session: Session) -> None:
    # registered after services.scope's commit guard (imported above), so the guard's queries
    # run before the chain head is locked; a savepoint's commit leaves the events pending
    if session.get_nested_transaction() is None:
        seal(session)


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous: SessionTransaction) -> None:
    """Events recorded in a rolled-back savepoint (or transaction) never join the chain."""
    pending = session.info.get(_PENDING)
    if not pending:
        return
    if not previous.nested:
        session.info.pop(_PENDING, None)
        return
    session.info[_PENDING] = [(tx, ev) for tx, ev in pending if not _within(tx, previous)]


def _within(tx: SessionTransaction | None, outer: SessionTransaction) -> bool:
    while tx is not None:
        if tx is outer:
            return True
        tx = tx.parent
    return False


def record_many(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entries: list[tuple[Any, int | None]],
    *,
    detail: dict[str, Any] | None = None,
) -> list[AuditEvent]:
    """One event per (entity id, household id), all with the same ``detail`` (a batch print):
    :func:`record` in a loop; they join the chain together at :func:`seal`."""
    return [
        record(session, actor, action, entity, entity_id, household_id=hid, detail=detail)
        for entity_id, hid in entries
    ]


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


@dataclass(frozen=True)
class AuditProblem:
    event_id: int | None
    message: str


def verify_chain(session: Session) -> list[AuditProblem]:
    """Recompute the chain; report edited, deleted or inserted events."""
    problems: list[AuditProblem] = []
    prev = GENESIS_HASH
    count = 0
    last_id = 0
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(2000):
        count += 1
        if ev.prev_hash != prev:
            problems.append(
                AuditProblem(ev.id, f"审计事件 #{ev.id} 之前的事件被删除或篡改（链接断开）")
            )
        if event_hash(ev.prev_hash, ev) != ev.hash:
            problems.append(AuditProblem(ev.id, f"审计事件 #{ev.id} 的内容被修改（哈希不符）"))
        prev = ev.hash
        last_id = ev.id
    head = session.get(AuditHead, 1)
    if head is not None:
        if head.count != count:
            problems.append(
                AuditProblem(
                    None,
                    f"审计事件数量不符：应为 {head.count} 条，实有 {count} 条"
                    "（有事件被删除或插入）",
                )
            )
        if head.last_hash != prev:
            problems.append(
                AuditProblem(last_id or None, "审计链末端哈希与记录不符（最新事件被删除或修改）")
            )
    return problems


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    role: str
    action: str
    entity: str
    entity_id: str
    detail: dict[str, Any]
    success: bool
    household_id: int | None = None
    display_name: str = ""  # the user's real name (household history), "" when not read


def _row(r: AuditEvent) -> AuditRow:
    return AuditRow(
        r.id,
        r.at,
        r.username,
        r.role,
        r.action,
        r.entity,
        r.entity_id,
        dict(r.detail or {}),
        bool(r.success),
        r.household_id,
    )


def check_chain(db: Database, actor: Actor) -> list[AuditProblem]:
    """:func:`verify_chain` in a read-only snapshot (the admin screen's 校验; with an anchor
    from a printout: :func:`reliefdesk.services.audit_anchor.check_chain`)."""
    actor.require("audit.read")
    with db.read_session() as s:
        return verify_chain(s)


def household_history_in(session: Session, household_id: int, limit: int = 500) -> list[AuditRow]:
    rows = session.execute(
        select(AuditEvent, User.display_name)
        .join(User, User.id == AuditEvent.user_id, isouter=True)
        .where(AuditEvent.household_id == household_id)
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    )
    return [replace(_row(r), display_name=name or "") for r, name in rows]


def household_history(
    db: Database, actor: Actor, household_id: int, limit: int = 500
) -> list[AuditRow]:
    """The household's events, newest first (the household page's 操作历史 tab)."""
    actor.require("read")
    with db.read_session() as s:
        return household_history_in(s, household_id, limit)


def list_events(
    db: Database, actor: Actor, offset: int, limit: int, *, username: str = "", action: str = ""
) -> list[AuditRow]:
    """A page of the audit log, newest first, optionally one user's or one action's."""
    actor.require("audit.read")
    q = select(AuditEvent).order_by(AuditEvent.id.desc())
    if username:
        q = q.where(AuditEvent.username == username)
    if action:
        q = q.where(AuditEvent.action == action)
    with db.read_session() as s:
        return [_row(r) for r in s.scalars(q.offset(offset).limit(limit))]


def filter_choices(db: Database, actor: Actor) -> tuple[list[str], list[str]]:
    """The usernames and the action codes that occur in the audit log."""
    actor.require("audit.read")
    with db.read_session() as s:
        names = list(
            s.scalars(select(AuditEvent.username).distinct().order_by(AuditEvent.username))
        )
        actions = list(s.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))
    return names, actions


def _after_upgrade(session: Session, old: str | None, new: str, backup: Path | None) -> None:
    """Post-upgrade step (see the module docstring)."""
    from .search import rebuild_search_keys

    persons = rebuild_search_keys(session)
    record(
        session,
        SYSTEM,
        "db.upgrade",
        "database",
        new,
        detail={
            "from": old,
            "to": new,
            "backup": str(backup) if backup else None,
            "search_keys_rebuilt": persons,
        },
    )
    seal(session)  # the upgrade commits its connection, not this session


if _after_upgrade not in migrate.AFTER_UPGRADE:
    migrate.AFTER_UPGRADE.append(_after_upgrade)
