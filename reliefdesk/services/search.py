"""Person search (人员检索): name, pinyin, initials, ID-number fragment, village.

Every tier is one indexed query, run in rank order until ``limit`` hits are collected:

1. exact name (``ix_person_name``, equality);
2. name prefix (``ix_person_name``, range ``name >= q AND name < q+1``);
3. pinyin / initials prefix (``ix_person_search_key_key``, same range trick; keys hold every
   reading of a polyphonic surname, see :mod:`reliefdesk.domain.pinyin`);
4. ID-number suffix (a reversed-number key ``#<reversed id>`` in the same key index), then ID
   contains (a scan of the narrow ID-number index, only when the suffix tier left room);
5. name contains, then village name (for hanzi queries, after the indexed tiers).

Prefix matching uses ranges rather than LIKE, because SQLite's case-insensitive LIKE and
PostgreSQL's non-C collations cannot use a plain b-tree index for ``LIKE 'abc%'``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.idnumber import normalize_id
from ..domain.masking import mask_id
from ..domain.pinyin import normalize_query, search_keys
from ..errors import ValidationError
from ..models import Enrollment, EnrollmentMember, Household, Person, PersonSearchKey, Village
from .context import Actor
from .scope import restrict

__all__ = [
    "ID_KEY_PREFIX",
    "LIVE_STATUSES",
    "PersonHit",
    "person_search_keys",
    "programme_filter",
    "rebuild_search_keys",
    "search_persons",
    "search_persons_in",
]

ID_KEY_PREFIX = "#"
LIVE_STATUSES = ("active", "phase_out", "suspended")
MIN_ID_FRAGMENT = 4
_KEY_LEN = 64


_CONTAINS_MIN_LENGTH = 6  # ID fragments this long are scanned with a contains query


@dataclass(frozen=True)
class PersonHit:
    person_id: int
    household_id: int
    name: str
    masked_id: str
    sex: str
    birth_date: date
    relation: str
    village_id: int
    village_name: str
    programme: str | None  # of the person's live enrollment, if any
    enrollment_status: str | None
    deceased: bool
    match: (
        str  # name_exact | name_prefix | pinyin | id_suffix | id_contains | name_contains | village
    )


def person_search_keys(name: str, id_number: str | None) -> list[str]:
    """All PersonSearchKey values for a person: pinyin keys plus the reversed-ID key."""
    keys = [k[:_KEY_LEN] for k in search_keys(name)]
    if id_number:
        keys.append(ID_KEY_PREFIX + id_number[::-1])
    return list(dict.fromkeys(keys))


def _next_prefix(text: str) -> str:
    """The smallest string greater than every string starting with ``text``."""
    return text[:-1] + chr(ord(text[-1]) + 1)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def programme_filter(programme: str) -> Any:
    """SQL condition: the person is a current member of a live enrollment of ``programme``
    ("dibao" matches both urban_dibao and rural_dibao)."""
    progs = ("urban_dibao", "rural_dibao") if programme == "dibao" else (programme,)
    return exists().where(
        EnrollmentMember.person_id == Person.id,
        EnrollmentMember.active.is_(True),
        Enrollment.id == EnrollmentMember.enrollment_id,
        Enrollment.programme.in_(progs),
        Enrollment.status.in_(LIVE_STATUSES),
    )


class _Collector:
    """Runs tier queries in rank order and keeps the first ``limit`` distinct persons."""

    def __init__(
        self,
        s: Session,
        limit: int,
        village_id: int | None,
        programme: str | None,
        actor: Actor | None = None,
    ) -> None:
        self.s, self.limit, self.actor = s, limit, actor
        self.village_id, self.programme = village_id, programme
        self.found: dict[int, str] = {}

    @property
    def room(self) -> int:
        return self.limit - len(self.found)

    def filtered(self, q: Select[Any]) -> Select[Any]:
        if self.village_id is not None:
            q = q.where(
                Person.household_id.in_(
                    select(Household.id).where(Household.village_id == self.village_id)
                )
            )
        if self.programme:
            q = q.where(programme_filter(self.programme))
        if self.actor is not None:
            q = restrict(q, self.actor, Person.household_id)  # township scope
        return q

    def run(self, q: Select[Any], match: str, overfetch: int = 1) -> None:
        if self.room <= 0:
            return
        q = self.filtered(q).limit(self.room * overfetch + len(self.found))
        for (pid,) in self.s.execute(q):
            if pid not in self.found:
                self.found[pid] = match
                if self.room <= 0:
                    return


def search_persons(
    db: Database,
    actor: Actor,
    query: str,
    *,
    village_id: int | None = None,
    programme: str | None = None,
    limit: int = 50,
) -> list[PersonHit]:
    """Find persons by name, pinyin/initials, ID fragment (≥ 4 characters) or village name."""
    with db.read_session() as s:
        return search_persons_in(
            s, actor, query, village_id=village_id, programme=programme, limit=limit
        )


def search_persons_in(
    s: Session,
    actor: Actor,
    query: str,
    *,
    village_id: int | None = None,
    programme: str | None = None,
    limit: int = 50,
) -> list[PersonHit]:
    actor.require("read")
    if limit <= 0:
        return []
    text = "".join(unicodedata.normalize("NFKC", query).split())
    norm = normalize_query(query)
    if not text or not norm:
        return []
    c = _Collector(s, limit, village_id, programme, actor)
    is_ascii = norm.isascii()
    id_like = norm.upper()
    if is_ascii and (id_like.isdigit() or (id_like[:-1].isdigit() and id_like.endswith("X"))):
        if len(id_like) < MIN_ID_FRAGMENT:
            raise ValidationError(
                f"按身份证号码检索至少输入 {MIN_ID_FRAGMENT} 位",
                code="search.id_short",
                field="query",
            )
        _id_tiers(c, id_like)
    elif is_ascii:
        _pinyin_tier(c, norm)
    else:
        _name_tiers(c, text)
    return _hits(s, c.found)


def _pinyin_tier(c: _Collector, key: str) -> None:
    key = key[:_KEY_LEN]
    q = (
        select(PersonSearchKey.person_id)
        .join(Person, Person.id == PersonSearchKey.person_id)
        .where(PersonSearchKey.key >= key, PersonSearchKey.key < _next_prefix(key))
        .order_by(PersonSearchKey.key, PersonSearchKey.person_id)
    )
    # one person has up to ~8 keys; overfetch so duplicates do not starve the page
    c.run(q, "pinyin", overfetch=4)


def _id_tiers(c: _Collector, frag: str) -> None:
    if len(frag) in (15, 18):
        try:
            full = normalize_id(frag)
        except ValidationError:
            full = ""
        if full:
            c.run(select(Person.id).where(Person.id_number == full), "id_exact")
    rev = ID_KEY_PREFIX + frag[::-1]
    c.run(
        select(PersonSearchKey.person_id)
        .join(Person, Person.id == PersonSearchKey.person_id)
        .where(PersonSearchKey.key >= rev, PersonSearchKey.key < _next_prefix(rev))
        .order_by(PersonSearchKey.key),
        "id_suffix",
    )
    # Short fragments (4–5) are what clerks type for "the last digits": a contains scan on
    # them mostly finds birth years, so it runs only when no ID ends with them.
    if len(frag) >= _CONTAINS_MIN_LENGTH or not c.found:
        c.run(select(Person.id).where(_contains(c.s, Person.id_number, frag)), "id_contains")


def _contains(s: Session, column: Any, fragment: str) -> Any:
    """``column`` contains ``fragment``: instr()/strpos() are cheaper than LIKE '%x%' scans."""
    if s.get_bind().dialect.name == "sqlite":
        return func.instr(column, fragment) > 0
    return func.strpos(column, fragment) > 0


def _name_tiers(c: _Collector, text: str) -> None:
    c.run(select(Person.id).where(Person.name == text).order_by(Person.id), "name_exact")
    c.run(
        select(Person.id)
        .where(
            Person.name >= text,
            Person.name < _next_prefix(text),
            Person.name.like(f"{_like_escape(text)}%", escape="\\"),
        )
        .order_by(Person.name, Person.id),
        "name_prefix",
    )
    c.run(
        select(Person.id).where(_contains(c.s, Person.name, text)).order_by(Person.name),
        "name_contains",
    )
    if c.room > 0:
        village_ids = list(
            c.s.scalars(
                select(Village.id)
                .where(Village.name.like(f"%{_like_escape(text)}%", escape="\\"))
                .limit(50)
            )
        )
        if village_ids:
            c.run(
                select(Person.id)
                .join(Household, Household.id == Person.household_id)
                .where(Household.village_id.in_(village_ids))
                .order_by(Person.household_id, Person.id),
                "village",
            )


def _hits(s: Session, found: dict[int, str]) -> list[PersonHit]:
    if not found:
        return []
    ids = list(found)
    rows = {
        r.id: r
        for r in s.execute(
            select(
                Person.id,
                Person.household_id,
                Person.name,
                Person.id_number,
                Person.sex,
                Person.birth_date,
                Person.relation,
                Person.deceased_on,
                Household.village_id,
                Village.name.label("village_name"),
            )
            .join(Household, Household.id == Person.household_id)
            .join(Village, Village.id == Household.village_id)
            .where(Person.id.in_(ids))
        )
    }
    progs: dict[int, tuple[str, str]] = {}
    for pid, prog, status in s.execute(
        select(EnrollmentMember.person_id, Enrollment.programme, Enrollment.status)
        .join(Enrollment, Enrollment.id == EnrollmentMember.enrollment_id)
        .where(EnrollmentMember.person_id.in_(ids), EnrollmentMember.active.is_(True))
        .order_by(Enrollment.id)
    ):
        progs[pid] = (prog, status)
    out = []
    for pid in ids:
        r = rows.get(pid)
        if r is None:
            continue
        live = progs.get(pid)
        out.append(
            PersonHit(
                r.id,
                r.household_id,
                r.name,
                mask_id(r.id_number),
                r.sex,
                r.birth_date,
                r.relation,
                r.village_id,
                r.village_name,
                live[0] if live else None,
                live[1] if live else None,
                r.deceased_on is not None,
                found[pid],
            )
        )
    return out


def rebuild_search_keys(
    session: Session, person_ids: Iterable[int] | None = None, *, batch: int = 5000
) -> int:
    """Recompute PersonSearchKey rows and ``person.search_initials`` (all persons, or the
    given ones) in batches; for bulk loads and repairs. Returns the number of persons done."""
    tbl_key = cast(Table, PersonSearchKey.__table__)  # mapped classes declare a plain Table
    tbl_person = cast(Table, Person.__table__)
    if person_ids is None:
        session.execute(delete(PersonSearchKey))
    wanted = sorted(set(person_ids)) if person_ids is not None else None
    done, last, start = 0, 0, 0
    while True:
        q = select(Person.id, Person.name, Person.id_number).order_by(Person.id)
        if wanted is None:
            q = q.where(Person.id > last).limit(batch)
        else:
            chunk = wanted[start : start + batch]
            start += batch
            if not chunk:
                break
            q = q.where(Person.id.in_(chunk))
            session.execute(delete(PersonSearchKey).where(PersonSearchKey.person_id.in_(chunk)))
        rows = session.execute(q).all()
        if not rows:
            if wanted is None:
                break
            continue
        key_rows: list[dict[str, Any]] = []
        initials: list[dict[str, Any]] = []
        for pid, name, number in rows:
            keys = person_search_keys(name, number)
            key_rows.extend({"person_id": pid, "key": k} for k in keys)
            pinyin_keys = [k for k in keys if not k.startswith(ID_KEY_PREFIX)]
            initials.append({"pid": pid, "ini": pinyin_keys[1] if len(pinyin_keys) > 1 else ""})
        if key_rows:
            session.execute(insert(tbl_key), key_rows)
        session.execute(
            update(tbl_person)
            .where(tbl_person.c.id == bindparam("pid"))
            .values(search_initials=bindparam("ini")),
            initials,
        )
        done += len(rows)
        last = rows[-1][0]
    return done
