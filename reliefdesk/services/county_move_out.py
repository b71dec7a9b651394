"""Moving a township back from the county server to a database file of its own (issue 18).

    reliefdesk-admin --db postgresql://… --user U migrate-to --db sqlite:///寄料镇.sqlite3 --township CODE

What is copied, row for row with the server's ids (so printouts, roster hashes and audit
entries keep their numbers):

* the reference data every office has (townships, policy, holidays, settings, comparison
  sources) in full, and the office record with the township's own name, phone and URL;
* the township's villages and everything that hangs off them by foreign key — households,
  persons, cases, visits, enrollments, rosters with their lines (locked roster hashes still
  verify), findings … — worked out generically from the foreign keys (:func:`plan_copy`);
* its users, plus users from elsewhere that its rows name (who approved a case at county
  level), copied disabled; the administrator who runs the move (the file's administrator);
* its audit entries: those about its households, its rosters, the township, or made by its
  users.

The audit chain on the server is one chain for all townships, so the copied entries do not
link up in the file (when they do — a server that held only this township — they are kept as
they are). They keep their ids and content (each one can be compared with the server's entry of
the same id) and are linked afresh into the file's own chain, which is then sealed by the entry
``county.move_out``: the server chain's head (count and hash) at the time of the move and a
SHA-256 over the server hashes of the copied entries. ``audit verify`` passes on the file; the
server keeps all entries and records the move in its own chain.

On the server the township's users are disabled (they work in the file from now on, and cannot
change the server's copy); the township's data stays there as the county's history and for its
statistics. The file is encrypted unless ``plain``: only the mover has a key slot; the others
get a new password from the file's administrator (as after ``encrypt``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Table,
    and_,
    delete,
    false,
    func,
    insert,
    or_,
    select,
    true,
    update,
)

from ..db.connect import open_database
from ..db.defaults import GENESIS_HASH
from ..db.engine import Database
from ..db.keyfile import keyfile_path
from ..errors import ValidationError
from ..models import AuditEvent, AuditHead, Base, Office, Township, User
from . import audit
from .context import Actor
from .township_settings import office_for_township

__all__ = ["MoveOutResult", "move_to_file", "plan_copy"]

# copied in full: what every office has, whatever its township
REFERENCE_TABLES = frozenset(
    {"township", "holiday", "policy_version", "setting", "comparison_source", "office"}
)
AUDIT_TABLES = frozenset({AuditEvent.__tablename__, AuditHead.__tablename__})
BATCH = 2000


@dataclass(frozen=True)
class MoveOutResult:
    township: str
    path: Path
    counts: dict[str, int]
    audit_events: int  # entries in the file's chain (copied + the seal)
    recovery_code: str  # "" for a plain file
    without_slot: tuple[str, ...]  # users who need a new password (encrypted file)

    @property
    def households(self) -> int:
        return self.counts.get("household", 0)

    @property
    def rosters(self) -> int:
        return self.counts.get("roster", 0)


@dataclass
class CopyPlan:
    """Which rows of each table belong to the township (a WHERE clause per table)."""

    where: dict[str, ColumnElement[bool]]
    town_users: Any  # a subquery of the township's user ids

    def tables(self) -> list[Table]:
        return [t for t in Base.metadata.sorted_tables if t.name in self.where]


def _ids(table: Table, where: ColumnElement[bool]) -> Any:
    return select(table.c.id).where(where).scalar_subquery()


def plan_copy(source: Connection, town_id: int, mover_id: int | None) -> CopyPlan:
    """The WHERE clause of every table for ``town_id`` (see the module docstring): a table is
    the township's when it names the township, or when every foreign key it has to the
    township's tables points at a copied row; the tables nobody owns (users, comparison
    runs …) are copied where a copied row names them."""
    where: dict[str, ColumnElement[bool]] = {}
    scoped: set[str] = set()
    for table in Base.metadata.sorted_tables:
        name = table.name
        if name in REFERENCE_TABLES:
            where[name] = true()
            continue
        if name in AUDIT_TABLES or name == User.__tablename__:
            continue
        if "township_id" in table.c:
            where[name] = table.c.township_id == town_id
            scoped.add(name)
            continue
        links = [fk for fk in table.foreign_keys if fk.column.table.name in scoped]
        if not links:
            continue  # nobody owns it: copied only where referenced (below)
        parts: list[ColumnElement[bool]] = []
        for fk in links:
            col = fk.parent
            parent = fk.column.table
            clause = col.in_(_ids(parent, where[parent.name]))
            parts.append(or_(col.is_(None), clause) if col.nullable else clause)
        if all(fk.parent.nullable for fk in links):
            parts.append(or_(*(fk.parent.is_not(None) for fk in links)))
        where[name] = and_(*parts)
        scoped.add(name)
    # Tables nobody owns, children first (a comparison run names its user): the rows that a
    # copied row refers to.
    users = Base.metadata.tables[User.__tablename__]
    for table in reversed(Base.metadata.sorted_tables):
        if table.name in where or table.name in AUDIT_TABLES:
            continue
        wanted: set[int] = set()
        for child in Base.metadata.sorted_tables:
            if child.name not in where:
                continue
            for fk in child.foreign_keys:
                if fk.column.table is table:
                    wanted.update(
                        v
                        for v in source.scalars(
                            select(fk.parent).where(where[child.name]).distinct()
                        )
                        if v is not None
                    )
        own: ColumnElement[bool] = false()
        if table is users:
            own = users.c.township_id == town_id
            if mover_id is not None:
                own = or_(own, users.c.id == mover_id)
        if wanted or table is users:
            where[table.name] = or_(own, table.c.id.in_(sorted(wanted)))
    town_users = select(users.c.id).where(users.c.township_id == town_id).scalar_subquery()
    return CopyPlan(where, town_users)


def _audit_where(source: Connection, plan: CopyPlan, town_id: int) -> ColumnElement[bool]:
    households = Base.metadata.tables["household"]
    rosters = Base.metadata.tables["roster"]
    roster_ids = [str(i) for i in source.scalars(select(rosters.c.id).where(plan.where["roster"]))]
    return or_(
        AuditEvent.household_id.in_(_ids(households, plan.where["household"])),
        AuditEvent.user_id.in_(plan.town_users),
        and_(AuditEvent.entity == "township", AuditEvent.entity_id == str(town_id)),
        and_(AuditEvent.entity == "roster", AuditEvent.entity_id.in_(roster_ids)),
    )


def _rows(source: Connection, table: Table, where: ColumnElement[bool]) -> Iterable[list[Any]]:
    pk: list[Column[Any]] = list(table.primary_key.columns)
    result = source.execute(select(table).where(where).order_by(*pk))
    while chunk := result.mappings().fetchmany(BATCH):
        yield [dict(r) for r in chunk]


def _copy(source: Connection, target: Connection, plan: CopyPlan, town_id: int) -> dict[str, int]:
    for table in reversed(Base.metadata.sorted_tables):
        target.execute(delete(table))
    counts: dict[str, int] = {}
    for table in plan.tables():
        n = 0
        for rows in _rows(source, table, plan.where[table.name]):
            target.execute(insert(table), rows)
            n += len(rows)
        counts[table.name] = n
    n = 0
    events = Base.metadata.tables[AuditEvent.__tablename__]
    for rows in _rows(source, events, _audit_where(source, plan, town_id)):
        target.execute(insert(events), rows)
        n += len(rows)
    counts[AuditEvent.__tablename__] = n
    return counts


def _relink_chain(session: Any) -> tuple[str, bool]:
    """The SHA-256 over the copied entries' server hashes (in id order), and whether they had
    to be linked afresh: when they already form an unbroken chain (a server that held only
    this township, or one chain per township) they are left exactly as they were; otherwise
    they are linked into the file's own chain, content and ids unchanged."""
    digest = hashlib.sha256()
    events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    prev, intact = GENESIS_HASH, True
    for ev in events:
        digest.update(ev.hash.encode("ascii"))
        intact = intact and ev.prev_hash == prev and audit.event_hash(prev, ev) == ev.hash
        prev = ev.hash
    if not intact:
        prev = GENESIS_HASH
        for ev in events:
            ev.prev_hash = prev
            ev.hash = audit.event_hash(prev, ev)
            prev = ev.hash
    session.merge(AuditHead(id=1, last_hash=prev, count=len(events)))
    session.flush()
    return digest.hexdigest(), not intact


def _server_head(server: Database) -> str:
    with server.read_session() as s:
        head = s.get(AuditHead, 1)
        return f"{head.count}:{head.last_hash}" if head else "0:" + GENESIS_HASH


def _check_target(path: Path) -> None:
    from .keyslots import holds_nothing

    if not holds_nothing(path) or keyfile_path(path).exists():
        raise ValidationError(
            f"目标文件已存在：{path}。迁回只能写入新文件，请换一个文件名。", code="move.file_exists"
        )


def _new_file(
    path: Path, actor: Actor, password: str, plain: bool, office: str
) -> tuple[Database, str]:
    from .keyslots import create_keys

    if plain:
        return open_database(f"sqlite:///{path}"), ""
    keys = create_keys(path, office=office, admin=(actor.username, password))
    return open_database(f"sqlite:///{path}", key=keys.key), keys.recovery_code


def _remove(path: Path) -> None:
    for p in (path, keyfile_path(path), *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        if p.exists():
            os.unlink(p)


def _finish_file(
    target: Database, server: Database, actor: Actor, town: Township, counts: dict[str, int]
) -> int:
    """Office record, users, relinked chain and its seal in the file; verified."""
    from .roster import verify_locked_rosters

    head = _server_head(server)
    with server.read_session() as s:
        office = office_for_township(s, town.id)
    with target.session() as s:
        s.execute(
            update(User)
            .where(or_(User.township_id != town.id, User.township_id.is_(None)))
            .where(User.id != actor.user_id)
            .values(active=False)
        )
        s.execute(update(User).where(User.id == actor.user_id).values(active=True))
        values: dict[str, Any] = {"township_id": town.id}
        if office is not None:
            values.update(office_name=office.office_name, phone=office.phone)
            values.update(policy_url=office.policy_url)
        s.execute(update(Office).values(**values))
        digest, relinked = _relink_chain(s)
        audit.record(
            s,
            actor,
            "county.move_out",
            "township",
            town.id,
            detail={
                "township": town.name,
                "server_head": head,
                "copied_events": counts[AuditEvent.__tablename__],
                "server_hashes_sha256": digest,
                "relinked": relinked,
                "rows": {k: v for k, v in counts.items() if v},
            },
        )
    with target.read_session() as s:
        problems = [p.message for p in audit.verify_chain(s)]
        problems += [str(p) for p in verify_locked_rosters(s)]
        events = int(s.scalar(select(func.count(AuditEvent.id))) or 0)
    if problems:
        raise ValidationError(
            f"迁出的数据库校验未通过，未做任何更改：{problems[0]}", code="move.verify"
        )
    return events


def move_to_file(
    server: Database,
    actor: Actor,
    township: str,
    path: Path,
    *,
    password: str,
    plain: bool = False,
) -> MoveOutResult:
    """Copy ``township`` from ``server`` into the new file ``path`` (encrypted with a key slot
    for ``actor`` with ``password`` unless ``plain``), verify it, then disable the township's
    users on the server and record the move there. Nothing is changed on the server unless
    the file is complete and verified; a failed copy leaves no file behind."""
    from .users import resolve_township

    actor.require("admin.users")
    if actor.township_id is not None:
        raise ValidationError("只有县级管理员可以把乡镇迁出服务器。", code="move.not_county")
    _check_target(path)
    with server.read_session() as s:
        town_id = resolve_township(s, township)
        town = s.get(Township, town_id) if town_id is not None else None
        if town is None:
            raise ValidationError(
                "请用 --township 指定要迁出的乡镇（街道）。", code="move.township"
            )
        s.expunge(town)
    target, code = _new_file(path, actor, password, plain, town.name)
    try:
        with server.engine.connect() as src, target.engine.begin() as dst:
            plan = plan_copy(src, town.id, actor.user_id or None)
            counts = _copy(src, dst, plan, town.id)
            src.rollback()
        events = _finish_file(target, server, actor, town, counts)
        with target.read_session() as s:
            others = tuple(
                s.scalars(
                    select(User.username)
                    .where(User.active.is_(True), User.id != actor.user_id)
                    .order_by(User.username)
                )
            )
    except BaseException:
        target.close()
        _remove(path)
        raise
    target.close()
    with server.session() as s:
        moved = list(s.scalars(select(User.username).where(User.township_id == town.id)))
        s.execute(
            update(User)
            .where(User.township_id == town.id, User.active.is_(True))
            .values(active=False, version=User.version + 1)
        )
        audit.record(
            s,
            actor,
            "county.move_out",
            "township",
            town.id,
            detail={
                "township": town.name,
                "file": path.name,
                "households": counts.get("household", 0),
                "rosters": counts.get("roster", 0),
                "users_disabled": moved,
                "file_events": events,
            },
        )
    return MoveOutResult(town.name, path, counts, events, code, others if code else ())
