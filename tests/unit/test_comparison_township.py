"""A township user's 比对 of a county-wide department file (issue 18): the run keeps only the
rows of people registered in the user's township, leaves out (and counts) the other townships'
people and the rows whose township the data cannot tell, and writes findings and department
rows for that township only; a county user keeps the whole file; the same file is compared
once per township and once county-wide."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from test_scope_monitoring import _people, _towns, world  # noqa: F401  (fixture)

from reliefdesk.errors import ValidationError
from reliefdesk.models import AuditEvent, DepartmentRow, Finding, Person
from reliefdesk.services import comparison

HEADER = ["姓名", "身份证号码", "残疾类别", "残疾等级"]


def _file(db: Any, households: list[int], sha: str) -> tuple[Any, int]:
    """A disability file listing every member of ``households``, a stranger and a bad ID;
    returns (table, number of rows)."""
    rows = [[n, idn, "肢体", "一级"] for hid in households for n, idn in _people(db, hid)]
    rows += [["陌生人", "410482199001011234", "肢体", "一级"], ["无号", "123", "肢体", "一级"]]
    return comparison.table_from_rows("county_202602.xlsx", sha, "disability", HEADER, rows), len(
        rows
    )


def test_township_user_keeps_only_their_townships_rows(db, actors, world):
    """Township A's clerk compares the county file: rows read are A's people only, the rest
    (B's people, the stranger, the bad ID) are counted as left out, and every department
    row and finding of the run belongs to A."""
    w, watched = world
    all_hh = [w.ha, w.hb, watched[w.a], watched[w.b]]
    table, total = _file(db, all_hh, "a" * 64)
    a_people = len(_people(db, w.ha)) + len(_people(db, watched[w.a]))
    with db.session() as s:
        result = comparison.compare_table_in(s, w.ta["clerk"], table, "disability")
    assert result.run.rows_read == a_people and result.left_out == total - a_people
    assert result.run.unmatched == 0 and result.run.bad_ids == 0
    with db.read_session() as s:
        persons = s.scalars(
            select(DepartmentRow.person_id).where(DepartmentRow.run_id == result.run.id)
        ).all()
        homes = set(s.scalars(select(Person.household_id).where(Person.id.in_(persons))))
        found = set(s.scalars(select(Finding.household_id).where(Finding.run_id == result.run.id)))
        detail = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "comparison.run")
        ).all()[-1]
    assert None not in persons and _towns(db, homes) == {w.a}
    assert found and _towns(db, found) == {w.a}
    assert detail["left_out"] == total - a_people and detail["township_id"] == w.a


def test_county_user_keeps_the_whole_file_and_each_scope_compares_once(db, actors, world):
    """The county compares the whole file (nothing left out); the same file is refused a
    second time for the same township or county-wide, but township B may still compare it
    before the county run, while after a county-wide run every township is refused."""
    w, watched = world
    table, total = _file(db, [w.ha, w.hb, watched[w.a], watched[w.b]], "b" * 64)
    tb = {k: v.__class__(**{**v.__dict__, "township_id": w.b}) for k, v in w.ta.items()}
    with db.session() as s:
        comparison.compare_table_in(s, w.ta["clerk"], table, "disability")
    with pytest.raises(ValidationError), db.session() as s:
        comparison.compare_table_in(s, w.ta["clerk"], table, "disability")
    with db.session() as s:
        b_run = comparison.compare_table_in(s, tb["clerk"], table, "disability")
    assert b_run.left_out > 0
    with db.session() as s:
        county = comparison.compare_table_in(s, actors["clerk"], table, "disability")
    assert county.left_out == 0 and county.run.rows_read == total
    assert county.run.unmatched + county.run.bad_ids == 2  # the stranger and the bad ID
    with pytest.raises(ValidationError), db.session() as s:
        comparison.compare_table_in(s, actors["clerk"], table, "disability")
    other, _n = _file(db, [w.ha, w.hb], "c" * 64)
    with db.session() as s:
        comparison.compare_table_in(s, actors["clerk"], other, "disability")
    with pytest.raises(ValidationError), db.session() as s:
        comparison.compare_table_in(s, tb["clerk"], other, "disability")
