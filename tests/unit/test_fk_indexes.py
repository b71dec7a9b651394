"""Foreign keys whose parent rows can be deleted are indexed (issue #17).

Deleting a parent row makes SQLite and PostgreSQL look for rows still referring to it; with
no index on the referring column every deleted row scans that whole table (a draft roster of
29,000 lines regenerated against a year of bank returns, an import of 100,000 persons undone).
"""

from __future__ import annotations

from sqlalchemy import Index, PrimaryKeyConstraint, UniqueConstraint

from reliefdesk.models import Base

#: Parents whose rows are never deleted: users are disabled, townships come from the county's
#: division list.
NEVER_DELETED = {"app_user", "township"}


def _leading_columns(table) -> set[str]:  # type: ignore[no-untyped-def]
    lead = {next(iter(ix.columns)).name for ix in table.indexes if isinstance(ix, Index)}
    for c in table.constraints:
        if isinstance(c, PrimaryKeyConstraint | UniqueConstraint) and len(c.columns):
            lead.add(next(iter(c.columns)).name)
    return lead


def test_every_foreign_key_to_a_deletable_parent_leads_an_index() -> None:
    """Every FK column whose parent rows the program may delete is the first column of an
    index, primary key or unique constraint (no full-table scan per deleted parent row)."""
    missing = [
        f"{t.name}.{fk.parent.name} → {fk.column.table.name}"
        for t in Base.metadata.sorted_tables
        for fk in t.foreign_keys
        if fk.column.table.name not in NEVER_DELETED and fk.parent.name not in _leading_columns(t)
    ]
    assert missing == []


def test_regenerating_a_draft_does_not_scan_bank_returns(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """The lookup a line deletion makes in bank_return is an index search, not a table scan."""
    with sqlite_db.read_session() as s:
        raw = s.connection().connection.driver_connection
        plan = raw.execute(
            "EXPLAIN QUERY PLAN SELECT 1 FROM bank_return WHERE roster_line_id = ?", (1,)
        ).fetchall()
    assert any("ix_bank_return_roster_line_id" in str(row[-1]) for row in plan), plan
