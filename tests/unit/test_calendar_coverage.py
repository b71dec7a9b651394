"""Issue 8 point 15: the 2023 holiday table is present (new and upgraded databases), a deadline
in a year without holiday data carries a clear warning, and an administrator can enter next
year's table period by period (real databases)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from test_casework_support import family_of_three

from reliefdesk.db.connect import open_database
from reliefdesk.domain.calendar import WorkCalendar
from reliefdesk.errors import PermissionDenied, ValidationError
from reliefdesk.models import PolicyVersion
from reliefdesk.services import casework, holidays, policy

DATA = Path(__file__).resolve().parent.parent / "data"


def test_2023_table_present_and_counted(db, actors):
    """2023 is covered: 春节 01-21…01-27 off, Sat 01-28 and Sun 01-29 worked, so three working
    days after Fri 2023-01-20 end on Mon 01-30."""
    with db.session() as s:
        cal = policy.work_calendar(s)
    assert 2023 in cal.covered_years
    assert not cal.is_working_day(date(2023, 1, 23)) and cal.is_working_day(date(2023, 1, 28))
    assert cal.add_working_days(date(2023, 1, 20), 3) == date(2023, 1, 30)
    assert cal.coverage_warning(date(2023, 1, 20), date(2023, 1, 30)) is None


def test_upgraded_database_gets_2023_and_a_triggering_case_by_case_threshold(tmp_path, monkeypatch):
    """A real 0001 database upgraded to head has the 2023 holidays and the 5,000 元 一事一议
    default instead of 50,000 元."""
    monkeypatch.setenv("RELIEFDESK_HOME", str(tmp_path / "home"))
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "reliefdesk-0001.sqlite3", target)
    db = open_database(f"sqlite:///{target}")
    try:
        with db.session() as s:
            cal = policy.work_calendar(s)
            data = s.scalars(select(PolicyVersion)).first().data
        assert 2023 in cal.covered_years and date(2023, 10, 2) in cal.holidays
        assert data["temp_aid_case_by_case_fen"] == 500000
    finally:
        db.close()


def test_deadline_in_uncovered_year_is_shown_with_a_warning(db, actors):
    """With no 2026 holidays a 2026 deadline says so (the case view and the workbench)."""
    from reliefdesk.models import Holiday

    with db.session() as s:
        for h in s.scalars(select(Holiday).where(Holiday.day >= date(2026, 1, 1))):
            s.delete(h)
    hid, ids = family_of_three(db)
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", date(2025, 12, 15)
    )
    v = casework.get_application(db, actors["clerk"], app.id)
    assert v.due_on is not None and v.due_on.year == 2025
    casework.perform(db, actors["clerk"], app.id, "start_investigation", on_date=date(2025, 12, 16))
    v = casework.get_application(db, actors["clerk"], app.id)
    assert v.due_on.year == 2026
    assert v.deadline_warning is not None and "2026 年的法定节假日" in v.deadline_warning
    item = casework.workbench(db, actors["clerk"], date(2025, 12, 17)).by_state["investigating"][0]
    assert item.deadline_warning == v.deadline_warning


def test_admin_enters_next_year_period_by_period(db, actors):
    """An administrator saves 2027 春节 with its make-up days in one go; the year is then
    covered and the days count; bad input is refused whole; a clerk may not."""
    assert 2027 not in holidays.years_covered(db, actors["admin"])
    with pytest.raises(ValidationError):  # a weekday cannot be a make-up working day
        holidays.add_holiday_period(
            db, actors["admin"], "春节", date(2027, 2, 6), date(2027, 2, 13), [date(2027, 2, 15)]
        )
    assert 2027 not in holidays.years_covered(db, actors["admin"])
    with pytest.raises(PermissionDenied):
        holidays.add_holiday_period(
            db, actors["clerk"], "春节", date(2027, 2, 6), date(2027, 2, 13)
        )
    n = holidays.add_holiday_period(
        db, actors["admin"], "春节", date(2027, 2, 6), date(2027, 2, 13), [date(2027, 2, 20)]
    )
    assert n == 9 and 2027 in holidays.years_covered(db, actors["admin"])
    with db.session() as s:
        cal = policy.work_calendar(s)
    assert not cal.is_working_day(date(2027, 2, 8)) and cal.is_working_day(date(2027, 2, 20))


def test_work_calendar_coverage_is_derived_from_holidays():
    """A calendar knows the years it covers; a period into an unknown year is warned about."""
    cal = WorkCalendar([date(2030, 1, 1)])
    assert cal.coverage_warning(date(2030, 5, 1), date(2030, 6, 1)) is None
    warning = cal.coverage_warning(date(2030, 12, 20), date(2031, 1, 10))
    assert warning is not None and "2031" in warning and "只按周末推算" in warning
