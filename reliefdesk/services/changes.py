"""What a write changed (after Anki's ``OpChanges``): a Qt-free ``Changes`` value and the
collector that derives it from the write session.

Nobody writes a ``Changes`` by hand. While a caller has a collector open::

    with collect_changes() as collected:
        result = register.update_household(db, actor, ...)
    changes = collected.changes      # beside the result

every ORM flush, every statement run through ``Session.execute`` (Core bulk ``update``/
``delete``/``insert`` included) is mapped from its table to change kinds with ids. They count
only once their transaction commits: a rolled back session adds nothing. The rare write that
bypasses the session (``Connection.exec_driver_sql``) calls :func:`note` itself.

The collector lives in a ``ContextVar``: each worker thread (an op) collects its own writes,
and with no collector open the session hooks return at once (CLI, tests, start-up).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Table, event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

__all__ = ["KINDS", "ChangeCollector", "Changes", "collect_changes", "note"]

# One field per kind; a table maps to its own kind and the kinds of the rows it belongs to.
KINDS = (
    "households",
    "persons",
    "accounts",
    "applications",
    "visits",
    "enrollments",
    "rosters",
    "settings",
    "policy",
    "users",
    "audit",
)


@dataclass(frozen=True)
class Changes:
    """The kinds of records one operation changed, each with the ids when they are known.

    ``whole`` names the kinds touched by a statement whose rows are not known one by one
    (a bulk ``update``): ``touches`` is true for them and ``ids`` cannot list them.
    """

    households: frozenset[int] = frozenset()
    persons: frozenset[int] = frozenset()
    accounts: frozenset[int] = frozenset()
    applications: frozenset[int] = frozenset()
    visits: frozenset[int] = frozenset()
    enrollments: frozenset[int] = frozenset()
    rosters: frozenset[int] = frozenset()
    settings: frozenset[int] = frozenset()
    policy: frozenset[int] = frozenset()
    users: frozenset[int] = frozenset()
    audit: frozenset[int] = frozenset()
    whole: frozenset[str] = field(default=frozenset())

    @classmethod
    def all(cls) -> Changes:
        """Everything may have changed (a restore, a sign-in to another database)."""
        return cls(whole=frozenset(KINDS))

    @classmethod
    def of(
        cls, ids: Mapping[str, Iterable[int]] | None = None, whole: Iterable[str] = ()
    ) -> Changes:
        """Build from ``{"households": {1, 2}}`` and kinds without ids (tests, fixed kinds)."""
        ids = ids or {}
        unknown = set(ids) - set(KINDS) | set(whole) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")
        return cls(**{k: frozenset(v) for k, v in ids.items()}, whole=frozenset(whole))

    def touches(self, *kinds: str) -> bool:
        """True when any of ``kinds`` changed."""
        return any(k in self.whole or getattr(self, k) for k in kinds)

    def ids(self, kind: str) -> frozenset[int]:
        """The ids of ``kind`` known to have changed (empty if only ``whole`` names it)."""
        return getattr(self, kind)  # type: ignore[no-any-return]

    def kinds(self) -> frozenset[str]:
        """Every kind that changed."""
        return frozenset(k for k in KINDS if self.touches(k))

    def __bool__(self) -> bool:
        return bool(self.kinds())

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        )


class ChangeCollector:
    """Collects the committed writes of one operation; ``changes`` is the result so far."""

    def __init__(self) -> None:
        self._ids: dict[str, set[int]] = {k: set() for k in KINDS}
        self._whole: set[str] = set()

    def note(self, kind: str, *ids: int | None) -> None:
        """Record ``kind`` as changed; with no ids, as changed row by unknown row."""
        if kind not in self._ids:
            raise ValueError(f"unknown change kind: {kind}")
        known = [i for i in ids if i is not None]
        if known:
            self._ids[kind].update(known)
        elif not ids:
            self._whole.add(kind)

    def merge(self, pending: _Pending) -> None:
        for kind, ids in pending.ids.items():
            self._ids[kind].update(ids)
        self._whole.update(pending.whole)

    @property
    def changes(self) -> Changes:
        return Changes(
            **{k: frozenset(v) for k, v in self._ids.items()}, whole=frozenset(self._whole)
        )


_current: ContextVar[ChangeCollector | None] = ContextVar("reliefdesk_changes", default=None)


@contextmanager
def collect_changes() -> Iterator[ChangeCollector]:
    """Collect the changes committed inside the block (this thread/context only)."""
    collector = ChangeCollector()
    token = _current.set(collector)
    try:
        yield collector
    finally:
        _current.reset(token)


def note(kind: str, *ids: int | None) -> None:
    """For a write the session cannot see (raw driver SQL): record it with the open collector."""
    collector = _current.get()
    if collector is not None:
        collector.note(kind, *ids)


# -- table -> kinds ------------------------------------------------------------------------
# For each table: (kind, column holding that kind's id). "id" is the row's own id.
_TABLE_KINDS: dict[str, tuple[tuple[str, str], ...]] = {
    "household": (("households", "id"),),
    "person": (("persons", "id"), ("households", "household_id")),
    "person_search_key": (("persons", "person_id"),),
    "income_item": (("households", "household_id"), ("persons", "person_id")),
    "asset": (("households", "household_id"),),
    "bank_account": (("accounts", "id"), ("households", "household_id")),
    "application": (("applications", "id"), ("households", "household_id")),
    "case_step": (("applications", "application_id"),),
    "case_record": (("applications", "application_id"),),
    "application_material": (("applications", "application_id"),),
    "material_attachment": (("applications", ""),),
    "visit": (("visits", "id"), ("households", "household_id"), ("applications", "application_id")),
    "visit_photo": (("visits", "visit_id"),),
    "enrollment": (
        ("enrollments", "id"),
        ("households", "household_id"),
        ("applications", "application_id"),
    ),
    "enrollment_member": (("enrollments", "enrollment_id"), ("persons", "person_id")),
    "enrollment_change": (("enrollments", "enrollment_id"),),
    "termination_proposal": (("enrollments", "enrollment_id"),),
    "recipient_event": (("households", "household_id"), ("enrollments", "enrollment_id")),
    "roster": (("rosters", "id"),),
    "roster_line": (("rosters", "roster_id"),),
    "roster_problem_ack": (("rosters", "roster_id"),),
    "roster_export": (("rosters", "roster_id"),),
    "bank_return": (("rosters", "roster_id"),),
    "roster_adjustment": (
        ("rosters", "applied_in_roster_id"),
        ("rosters", "source_roster_id"),
        ("enrollments", "enrollment_id"),
        ("households", "household_id"),
    ),
    "low_income_entry": (("households", "household_id"),),
    "patrol_plan_item": (("persons", "person_id"),),
    "patrol_visit": (("persons", "person_id"), ("households", "household_id")),
    "office": (("settings", "id"),),
    "township": (("settings", "id"),),
    "village": (("settings", "id"),),
    "holiday": (("settings", "id"),),
    "setting": (("settings", ""),),
    "policy_version": (("policy", "id"),),
    "app_user": (("users", "id"),),
    "audit_event": (("audit", "id"),),
    "audit_head": (("audit", ""),),
}


@dataclass
class _Pending:
    """Changes flushed in a session's current transaction, not yet committed."""

    ids: dict[str, set[int]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)

    def add_row(self, table: str, row: Any) -> None:
        for kind, column in _TABLE_KINDS.get(table, ()):
            value = getattr(row, column, None) if column else None
            if isinstance(value, int):
                self.ids.setdefault(kind, set()).add(value)
            elif not column:
                self.whole.add(kind)

    def add_table(self, table: str) -> None:
        for kind, _column in _TABLE_KINDS.get(table, ()):
            self.whole.add(kind)


_KEY = "reliefdesk_pending_changes"


def _pending(session: Session) -> _Pending:
    pending = session.info.get(_KEY)
    if pending is None:
        pending = session.info[_KEY] = _Pending()
    return pending


def _table_name(obj: object) -> str | None:
    table = getattr(type(obj), "__table__", None)
    return table.name if isinstance(table, Table) else None


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    if _current.get() is None:
        return
    pending = _pending(session)
    for obj in (*session.new, *session.deleted):
        name = _table_name(obj)
        if name:
            pending.add_row(name, obj)
    for obj in session.dirty:
        name = _table_name(obj)
        if name and session.is_modified(obj, include_collections=False):
            pending.add_row(name, obj)


@event.listens_for(Session, "do_orm_execute")
def _do_orm_execute(state: ORMExecuteState) -> None:
    if _current.get() is None or not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    if isinstance(table, Table):
        _pending(state.session).add_table(table.name)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    pending = session.info.pop(_KEY, None)
    collector = _current.get()
    if pending is not None and collector is not None:
        collector.merge(pending)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction: Any) -> None:
    if not previous_transaction.nested:
        session.info.pop(_KEY, None)
