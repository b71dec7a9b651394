"""Moving a township's SQLite file into a county server that already holds data (issue 18).

:mod:`.county_move` copies a file row for row into an EMPTY server. Here the server already
has townships, so the file's rows are added with NEW ids, in one server transaction:

* every table gets a fixed offset (the larger of its max id and its sequence, read under a
  transaction-level advisory lock, so two moves cannot interleave); each foreign key — and the
  few id columns without one (:data:`IMPLICIT_REFS`) — is remapped through the referenced
  table's mapping, worked out generically from the SQLAlchemy metadata;
* reference data is matched, not copied: townships and villages by code (a village the server
  lacks is added under the server's township); policy, standards, holidays and settings stay
  the server's; the file's office values become the township's own settings;
* the file's users become users of the township; a name the server already has is renamed
  ``<name>_<last 3 digits of the township code>``;
* locked rosters were verified in the file first; their hash covers ids, so the new hash is
  stored and recorded by one ``roster.rehash_on_move`` event per roster (old and new hash,
  old id and the offsets needed to re-check it);
* the file's audit chain was verified first; its events are appended to the server's chain as
  new events (ids remapped, the original id, hash and ids kept in ``detail["moved"]``), then
  sealed by ``county.move_in``: the file's head (count:hash) and a SHA-256 over the file's
  event hashes in order.

The file is only read. Any failure rolls the server back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db.defaults import GENESIS_HASH
from ..db.engine import Database
from ..errors import ValidationError
from ..models import AuditEvent, AuditHead, Base, Roster, Township, User
from . import audit
from .context import Actor

__all__ = ["MergeResult", "merge_into_server", "verify_file"]

#: matched by code, not copied with new ids
MATCHED = frozenset({"township", "village"})
#: county level: the server's rows stay, the file's are not copied
SKIPPED = frozenset(
    {"holiday", "policy_version", "setting", "comparison_source", "office", "township_setting"}
)
AUDIT_TABLES = frozenset({AuditEvent.__tablename__, AuditHead.__tablename__})
#: id columns without a foreign key: (table, column) -> referenced table
IMPLICIT_REFS = {
    ("roster_line", "payee_person_id"): "person",
    ("department_row", "person_id"): "person",
    ("import_record", "household_id"): "household",
    ("import_record", "enrollment_id"): "enrollment",
    ("import_record", "application_id"): "application",
    ("enrollment", "paid_roster_id"): "roster",
}
_MOVE_LOCK = 180018  # pg_advisory_xact_lock key of a move into the server
BATCH = 2000


@dataclass
class MergeResult:
    township: str
    households: int
    users: int
    rosters: int
    audit_events: int
    renamed: list[tuple[str, str]] = field(default_factory=list)


def verify_file(source: Database) -> None:
    """Refuse a file whose audit chain is broken or whose locked rosters fail their hash."""
    from .roster import verify_locked_rosters

    with source.read_session() as s:
        broken = audit.verify_chain(s)
        if broken:
            raise ValidationError(
                f"本乡镇数据库的审计链校验未通过，已拒绝迁入：{broken[0].message}",
                code="move.chain_broken",
            )
        bad = verify_locked_rosters(s)
        if bad:
            raise ValidationError(
                f"本乡镇数据库中已锁定的花名册校验未通过，已拒绝迁入：{bad[0].message_zh}",
                code="move.roster_tampered",
            )


class IdMap:
    """Old id -> new id per table: an offset, or explicit pairs for matched/renamed rows."""

    def __init__(self) -> None:
        self.offset: dict[str, int] = {}
        self.explicit: dict[str, dict[int, int]] = {}

    def new(self, table: str, old: Any) -> Any:
        if old is None or isinstance(old, bool) or not isinstance(old, int):
            return old
        pairs = self.explicit.get(table)
        if pairs is not None and old in pairs:
            return pairs[old]
        if table in self.offset:
            return old + self.offset[table]
        return old  # a reference table the server keeps (policy_version)


def _refs(table: Table) -> dict[str, str]:
    out = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
    out.update({c: t for (tn, c), t in IMPLICIT_REFS.items() if tn == table.name})
    return out


def _rows(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    result = conn.execute(select(table).order_by(*table.primary_key.columns))
    while chunk := result.mappings().fetchmany(BATCH):
        yield [dict(r) for r in chunk]


def _reserve(conn: Connection, table: Table, span: int) -> int:
    """The offset for ``table``: past its max id and its sequence; the sequence is moved past
    the new ids at once (sequences are not transactional: a rollback only leaves a gap)."""
    seq = f"pg_get_serial_sequence('{table.name}', 'id')"
    top = conn.scalar(
        text(
            f"SELECT GREATEST(COALESCE((SELECT MAX(id) FROM {table.name}), 0), "
            f"COALESCE(pg_sequence_last_value({seq}::regclass), 0))"
        )
    )
    offset = int(top or 0)
    conn.execute(text(f"SELECT setval({seq}, :v, true)"), {"v": offset + span + 1})
    return offset


def _match_reference(src: Connection, dst: Connection, ids: IdMap, town_code: str) -> int:
    """Townships and villages by code; returns the server's id of the moving township."""
    towns = Base.metadata.tables[Township.__tablename__]
    server_towns: dict[str, int] = {
        t.code: int(t.id) for t in dst.execute(select(towns.c.code, towns.c.id))
    }
    if town_code not in server_towns:
        raise ValidationError(
            f"县级服务器上没有代码为 {town_code} 的乡镇（街道），请先在服务器上登记该乡镇。",
            code="move.township_missing",
        )
    tmap: dict[int, int] = {}
    for t in src.execute(select(towns.c.code, towns.c.id)):
        if t.code in server_towns:
            tmap[t.id] = server_towns[t.code]
    ids.explicit["township"] = tmap
    town_id = server_towns[town_code]
    village = Base.metadata.tables["village"]
    server_villages: dict[tuple[int, str], int] = {}
    for v in dst.execute(
        select(village.c.township_id, village.c.code, village.c.name, village.c.id)
    ):
        server_villages[(v.township_id, "n:" + v.name)] = v.id
        if v.code:
            server_villages[(v.township_id, "c:" + v.code)] = v.id
    vmap: dict[int, int] = {}
    span = int(src.scalar(select(func.max(village.c.id))) or 0)
    offset = _reserve(dst, village, span)
    for r in src.execute(select(village)).mappings():
        new_town = tmap.get(r["township_id"])
        if new_town is None:
            continue
        found = server_villages.get((new_town, "c:" + (r["code"] or ""))) or server_villages.get(
            (new_town, "n:" + r["name"])
        )
        if found is not None:
            vmap[r["id"]] = found
            continue
        row = dict(r)
        row["id"] = r["id"] + offset
        row["township_id"] = new_town
        dst.execute(insert(village), [row])
        vmap[r["id"]] = row["id"]
    ids.explicit["village"] = vmap
    return town_id


def _users(
    src: Connection, dst: Connection, ids: IdMap, town_id: int, code: str
) -> tuple[int, list[tuple[str, str]]]:
    users = Base.metadata.tables[User.__tablename__]
    taken = set(dst.scalars(select(users.c.username)))
    span = int(src.scalar(select(func.max(users.c.id))) or 0)
    ids.offset[users.name] = _reserve(dst, users, span)
    renamed: list[tuple[str, str]] = []
    rows = []
    for r in src.execute(select(users).order_by(users.c.id)).mappings():
        row = dict(r)
        row["id"] = ids.new(users.name, r["id"])
        row["township_id"] = town_id
        name = r["username"]
        if name in taken:
            name = f"{name}_{code[-3:]}"
            n = 2
            while name in taken:
                name, n = f"{r['username']}_{code[-3:]}_{n}", n + 1
            renamed.append((r["username"], name))
        taken.add(name)
        row["username"] = name
        rows.append(row)
    if rows:
        dst.execute(insert(users), rows)
    return len(rows), renamed


def _copy_tables(src: Connection, dst: Connection, ids: IdMap) -> dict[str, int]:
    counts: dict[str, int] = {}
    tables = [
        t
        for t in Base.metadata.sorted_tables
        if t.name not in MATCHED | SKIPPED | AUDIT_TABLES and t.name != User.__tablename__
    ]
    for table in tables:  # reserve first: a table may refer to one sorted after it
        span = int(src.scalar(select(func.max(table.c.id))) or 0)
        ids.offset[table.name] = _reserve(dst, table, span)
    for table in tables:
        refs = _refs(table)
        n = 0
        for chunk in _rows(src, table):
            for row in chunk:
                row["id"] = ids.new(table.name, row["id"])
                for col, ref in refs.items():
                    row[col] = ids.new(ref, row[col])
                if table.name == "import_record" and isinstance(row["created_person_ids"], list):
                    row["created_person_ids"] = [
                        ids.new("person", v) for v in row["created_person_ids"]
                    ]
            dst.execute(insert(table), chunk)
            n += len(chunk)
        counts[table.name] = n
    return counts


def _office_settings(src: Connection, session: Session, actor: Actor, town_id: int) -> None:
    from .township_settings import get_township_setting, set_township_setting

    office = Base.metadata.tables["office"]
    row = src.execute(select(office).limit(1)).mappings().first()
    if row is None:
        return
    for key, value in (
        ("office.name", row["office_name"]),
        ("office.phone", row["phone"]),
        ("office.policy_url", row["policy_url"]),
    ):
        if value and get_township_setting(session, town_id, key) != value:
            set_township_setting(session, actor, town_id, key, value)


def _entity_table(entity: str) -> str | None:
    return entity if entity in Base.metadata.tables and entity not in SKIPPED else None


def _append_events(src: Connection, session: Session, ids: IdMap, names: dict[int, str]) -> str:
    """The file's events, remapped, appended to the server's chain (head locked); returns
    the SHA-256 over the file's hashes in order."""
    head = audit.lock_head(session)
    digest = hashlib.sha256()
    events = Base.metadata.tables[AuditEvent.__tablename__]
    prev = head.last_hash
    total = 0
    for chunk in _rows(src, events):
        new: list[AuditEvent] = []
        for r in chunk:
            digest.update(r["hash"].encode("ascii"))
            entity_id = r["entity_id"]
            table = _entity_table(r["entity"])
            if table and entity_id.isdigit():
                entity_id = str(ids.new(table, int(entity_id)))
            detail = dict(r["detail"]) if isinstance(r["detail"], dict) else {"value": r["detail"]}
            detail["moved"] = {
                "id": r["id"],
                "hash": r["hash"],
                "entity_id": r["entity_id"],
                "household_id": r["household_id"],
                "user_id": r["user_id"],
            }
            new.append(
                AuditEvent(
                    at=r["at"],
                    user_id=ids.new(User.__tablename__, r["user_id"]),
                    username=names.get(r["user_id"], r["username"]),
                    role=r["role"],
                    action=r["action"],
                    entity=r["entity"],
                    entity_id=entity_id,
                    household_id=ids.new("household", r["household_id"]),
                    detail=detail,
                    success=r["success"],
                    prev_hash="",
                    hash="",
                )
            )
        session.add_all(new)
        session.flush()  # ids in chain order
        for ev in new:
            ev.prev_hash = prev
            ev.hash = prev = audit.event_hash(prev, ev)
        total += len(new)
        session.flush()
    head.last_hash = prev
    head.count += total
    session.flush()
    return digest.hexdigest()


def _rehash_rosters(session: Session, actor: Actor, ids: IdMap) -> int:
    from .roster import roster_hash

    n = 0
    for roster in session.scalars(
        select(Roster)
        .where(Roster.status == "locked", Roster.id > ids.offset["roster"])
        .order_by(Roster.id)
    ):
        old = roster.lines_sha256
        new = roster_hash(session, roster)
        roster.lines_sha256 = new
        audit.record(
            session,
            actor,
            "roster.rehash_on_move",
            "roster",
            roster.id,
            detail={
                "sha256": new,
                "old_sha256": old,
                "old_roster_id": roster.id - ids.offset["roster"],
                "offsets": {
                    t: ids.offset[t]
                    for t in ("roster", "roster_line", "enrollment", "household", "person")
                },
                "note": "ids in the hashed lines are the file's ids plus these offsets",
            },
        )
        n += 1
    return n


def _refuse_twice(dst: Connection, town: Township) -> None:
    village = Base.metadata.tables["village"]
    household = Base.metadata.tables["household"]
    township = Township.__table__
    n = dst.scalar(
        select(func.count(household.c.id))
        .join(village, village.c.id == household.c.village_id)
        .join(township, township.c.id == village.c.township_id)
        .where(township.c.code == town.code)
    )
    if n:
        raise ValidationError(
            f"服务器上{town.name}已有数据（{n} 户），不能重复迁入。", code="move.target_not_empty"
        )


def _file_head(src: Connection) -> str:
    row = src.execute(select(AuditHead.__table__).where(AuditHead.__table__.c.id == 1)).first()
    return f"{row.count}:{row.last_hash}" if row else "0:" + GENESIS_HASH


def merge_into_server(
    source: Database, actor: Actor, source_path: Path, target: Database, town: Township
) -> MergeResult:
    """Add the file ``source`` (township ``town``) to the non-empty server ``target``."""
    verify_file(source)
    try:
        return _merge(source, actor, source_path, target, town)
    except IntegrityError as exc:  # rolled back by target.session()
        raise ValidationError(
            "迁入失败，服务器未做任何更改：本乡镇数据库的数据与服务器上已有的数据冲突"
            "（例如同一身份证号已在其他乡镇登记），请先核实处理。",
            code="move.conflict",
        ) from exc


def _merge(
    source: Database, actor: Actor, source_path: Path, target: Database, town: Township
) -> MergeResult:
    from .roster import verify_locked_rosters

    ids = IdMap()
    with source.engine.connect() as src, target.session() as s:
        dst = s.connection()
        dst.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MOVE_LOCK})
        _refuse_twice(dst, town)
        town_id = _match_reference(src, dst, ids, town.code)
        n_users, renamed = _users(src, dst, ids, town_id, town.code)
        counts = _copy_tables(src, dst, ids)
        users = Base.metadata.tables[User.__tablename__]
        names = {
            r.id - ids.offset[users.name]: r.username
            for r in dst.execute(
                select(users.c.id, users.c.username).where(users.c.id > ids.offset[users.name])
            )
        }
        digest = _append_events(src, s, ids, names)
        mover = replace(
            actor,
            user_id=ids.new(users.name, actor.user_id),
            username=names.get(actor.user_id, actor.username),
        )
        s.execute(  # the file's rosters are the township's
            update(Roster)
            .where(Roster.id > ids.offset["roster"], Roster.township_id.is_(None))
            .values(township_id=town_id)
        )
        _office_settings(src, s, mover, town_id)
        rehashed = _rehash_rosters(s, mover, ids)
        file_head = _file_head(src)
        audit.record(
            s,
            mover,
            "county.move_in",
            "township",
            town_id,
            detail={
                "township": town.name,
                "source": source_path.name,
                "file_head": file_head,
                "file_hashes_sha256": digest,
                "offsets": dict(ids.offset),
                "renamed": dict(renamed),
                "rosters_rehashed": rehashed,
                "rows": {k: v for k, v in counts.items() if v},
            },
        )
        audit.seal(s)
        problems = [p.message for p in audit.verify_chain(s)]
        problems += [p.message_zh for p in verify_locked_rosters(s)]
        if problems:
            raise ValidationError(
                f"迁入后的校验未通过，服务器未做任何更改：{problems[0]}", code="move.verify"
            )
        head = s.get(AuditHead, 1)
        events = head.count if head else 0
    return MergeResult(
        town.name,
        counts.get("household", 0),
        n_users,
        counts.get("roster", 0),
        events,
        renamed,
    )
