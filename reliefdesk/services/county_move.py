"""Moving a township from its own SQLite file to the county's PostgreSQL server (issue 18).

Into an EMPTY server database (schema and default data only) the whole file is copied row for
row with its ids, so the audit hash chain, the lock hashes of its rosters, its history and its
printouts' records stay exactly as they were (``reliefdesk-admin audit verify`` and ``check``
pass on the server). After the copy every user becomes a user of the township, except the
administrator who runs the move, who becomes the server's first county administrator; the
file's rosters become the township's rosters. The move is audited in the copied chain.

Into a server that already holds townships the file is added with new ids
(:mod:`.county_merge`). Either way the file's audit chain and locked rosters are verified
first, and the file is never modified.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update

from ..db.backup import _copy_into_server  # the row-for-row copy restore uses
from ..db.connect import open_database
from ..db.engine import Database
from ..errors import ValidationError
from ..models import AuditHead, Household, Office, Roster, Township, User, Village
from . import audit
from .context import Actor
from .county_merge import merge_into_server, verify_file

__all__ = ["MoveResult", "move_to_server"]


@dataclass(frozen=True)
class MoveResult:
    township: str
    households: int
    users: int
    rosters: int
    audit_events: int
    renamed: tuple[tuple[str, str], ...] = ()  # (file name, server name) of clashing users


def _township_of_file(source: Database, wanted: str | None) -> Township | None:
    with source.read_session() as s:
        if wanted:
            town = s.scalar(
                select(Township).where((Township.code == wanted) | (Township.name == wanted))
            )
            if town is None:
                raise ValidationError(
                    f"找不到乡镇（街道）“{wanted}”。", code="move.township", field="township"
                )
        else:
            office = s.scalar(select(Office).limit(1))
            town = s.get(Township, office.township_id) if office and office.township_id else None
        if town is None:
            return None
        s.expunge(town)
        stray = s.scalar(
            select(func.count(Household.id))
            .join(Village, Village.id == Household.village_id)
            .where(Village.township_id != town.id)
        )
        if stray:
            raise ValidationError(
                f"本数据库有 {stray} 户不属于{town.name}，不能作为{town.name}的数据迁入。",
                code="move.foreign_households",
            )
        return town


def _is_empty(target: Database) -> bool:
    with target.read_session() as s:
        users = s.scalar(select(func.count(User.id))) or 0
        households = s.scalar(select(func.count(Household.id))) or 0
        head = s.get(AuditHead, 1)
        return not (users or households or (head is not None and head.count))


def move_to_server(
    source: Database, actor: Actor, source_path: Path, target_url: str, township: str | None
) -> MoveResult:
    """Copy the SQLite file ``source_path`` (opened as ``source``) into the server database
    ``target_url`` as the data of ``township`` (default: the office's township): row for row
    into an empty server, with new ids into one that already has data."""
    actor.require("admin.users")
    if not target_url.startswith("postgresql"):
        raise ValidationError(
            "目标须为县级 PostgreSQL 服务器地址（postgresql://…）。", code="move.target"
        )
    town = _township_of_file(source, township)
    target = open_database(target_url)
    try:
        if not _is_empty(target):
            if town is None:
                raise ValidationError(
                    "服务器已有数据：请用 --township 指定本数据库所属的乡镇（街道）。",
                    code="move.township",
                )
            r = merge_into_server(source, actor, source_path, target, town)
            return MoveResult(
                r.township, r.households, r.users, r.rosters, r.audit_events, tuple(r.renamed)
            )
        verify_file(source)
        _copy_into_server(target, source_path, source.data_key)
        with target.session() as s:
            users = rosters = 0
            if town is not None:
                movers = (User.township_id.is_(None), User.username != actor.username)
                users = s.scalar(select(func.count(User.id)).where(*movers)) or 0
                s.execute(
                    update(User)
                    .where(*movers)
                    .values(township_id=town.id, version=User.version + 1)
                )
                rosters = (
                    s.scalar(select(func.count(Roster.id)).where(Roster.township_id.is_(None))) or 0
                )
                s.execute(
                    update(Roster)
                    .where(Roster.township_id.is_(None))
                    .values(township_id=town.id, version=Roster.version + 1)
                )
            s.execute(  # the mover: the server's first county administrator
                update(User)
                .where(User.username == actor.username)
                .values(township_id=None, version=User.version + 1)
            )
            households = s.scalar(select(func.count(Household.id))) or 0
            audit.record(
                s,
                actor,
                "county.move_in",
                "township",
                town.id if town else "",
                detail={
                    "township": town.name if town else "",
                    "source": source_path.name,
                    "households": households,
                    "users_moved": users,
                    "rosters": rosters,
                },
            )
            audit.seal(s)  # the move-in event joins the chain before the head is read
            head = s.get(AuditHead, 1)
            events = head.count if head else 0
        return MoveResult(town.name if town else "", households, users, rosters, events)
    finally:
        target.close()
