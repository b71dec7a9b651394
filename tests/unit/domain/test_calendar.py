"""Tests for reliefdesk.domain.calendar and reliefdesk.domain.months."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliefdesk.domain.calendar import (
    WorkCalendar,
    add_calendar_days,
    default_calendar,
    default_holiday_table,
)
from reliefdesk.domain.months import add_months, month_start, months_between, next_month

CAL = default_calendar()


def test_weekends_without_table() -> None:
    """With no holiday data, Monday–Friday are working days and weekends are not."""
    cal = WorkCalendar()
    assert cal.is_working_day(date(2025, 3, 3))  # Monday
    assert not cal.is_working_day(date(2025, 3, 8))  # Saturday
    assert cal.add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 10)


def test_holiday_and_makeup_day() -> None:
    """A listed holiday is a day off; a listed 调休 weekend day is a working day."""
    assert not CAL.is_working_day(date(2025, 10, 8))  # Wednesday in the National Day break
    assert CAL.is_working_day(date(2025, 9, 28))  # Sunday 调休上班
    assert CAL.is_working_day(date(2026, 1, 4))  # Sunday 调休上班
    assert not CAL.is_working_day(date(2026, 2, 23))  # Monday, last day of Spring Festival


def test_table_covers_2023_to_2026() -> None:
    """The seed table has 2023 (the default policy starts then) to 2026; every make-up day is
    a weekend, never also a holiday."""
    table = default_holiday_table()
    assert sorted(table) == [2023, 2024, 2025, 2026]
    for holidays, makeup in table.values():
        assert holidays and not set(holidays) & set(makeup)
        assert all(d.weekday() >= 5 for d in makeup)
    hol25, mk25 = table[2025]
    assert date(2025, 1, 28) in hol25 and date(2025, 2, 4) in hol25
    assert mk25 == [
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 4, 27),
        date(2025, 9, 28),
        date(2025, 10, 11),
    ]
    hol26, _ = table[2026]
    assert len([d for d in hol26 if date(2026, 2, 15) <= d <= date(2026, 2, 23)]) == 9


def test_ten_working_days_over_national_day() -> None:
    """A 10-working-day limit from 2025-09-26 skips the 8-day break, counts 9-28 and 10-11."""
    # After 9-26: 9-28 (Sun, 调休), 9-29, 9-30, 10-9, 10-10, 10-11 (Sat, 调休), 10-13..10-16
    assert CAL.add_working_days(date(2025, 9, 26), 10) == date(2025, 10, 16)
    assert CAL.working_days_between(date(2025, 9, 26), date(2025, 10, 16)) == 10


def test_add_zero_and_negative() -> None:
    """n = 0 returns the start; negative n counts backwards."""
    assert CAL.add_working_days(date(2025, 3, 8), 0) == date(2025, 3, 8)
    assert CAL.add_working_days(date(2025, 3, 10), -1) == date(2025, 3, 7)


def test_overdue() -> None:
    """is_overdue is true only after the deadline day."""
    assert not CAL.is_overdue(date(2025, 3, 7), 1, date(2025, 3, 10))
    assert CAL.is_overdue(date(2025, 3, 7), 1, date(2025, 3, 11))


def test_clash_rejected() -> None:
    """A date cannot be both a holiday and a make-up working day."""
    with pytest.raises(ValueError):
        WorkCalendar([date(2025, 1, 1)], [date(2025, 1, 1)])


def test_add_calendar_days() -> None:
    """Calendar-day limits are plain date arithmetic."""
    assert add_calendar_days(date(2025, 2, 27), 3) == date(2025, 3, 2)


starts = st.dates(min_value=date(2023, 6, 1), max_value=date(2027, 6, 30))


@given(starts, st.integers(min_value=-60, max_value=60))
def test_add_and_between_are_inverse(start: date, n: int) -> None:
    """working_days_between(s, add_working_days(s, n)) == n, and the result is a working day."""
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    if n:
        assert CAL.is_working_day(end)


@given(starts, st.integers(min_value=0, max_value=90))
def test_between_counts_each_working_day(start: date, days: int) -> None:
    """working_days_between counts working days in (start, end] one by one."""
    end = start + timedelta(days=days)
    expected = sum(CAL.is_working_day(start + timedelta(days=i)) for i in range(1, days + 1))
    assert CAL.working_days_between(start, end) == expected


def test_months_helpers() -> None:
    """Months are first-of-month dates; next_month wraps the year; months_between ignores days."""
    assert month_start(date(2025, 3, 31)) == date(2025, 3, 1)
    assert next_month(date(2025, 12, 15)) == date(2026, 1, 1)
    assert add_months(date(2025, 1, 31), -1) == date(2024, 12, 1)
    assert months_between(date(2025, 1, 15), date(2025, 3, 1)) == 2
    assert months_between(date(2025, 3, 1), date(2024, 12, 31)) == -3


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=-600, max_value=600),
)
def test_add_months_inverse(d: date, n: int) -> None:
    """months_between(d, add_months(d, n)) == n and the result is a first-of-month date."""
    m = add_months(d, n)
    assert m.day == 1
    assert months_between(d, m) == n
