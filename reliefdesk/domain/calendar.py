"""Working-day calendar (工作日) for legal time limits: weekends, 法定节假日 and 调休.

Time limits in the rules are counted in working days ("10 个工作日内"). A day is a working day
when it is a designated make-up working day (调休上班), or else a Monday–Friday that is not a
holiday. Outside the years the table covers only weekends count as days off: such a deadline
is an estimate, and :meth:`WorkCalendar.coverage_warning` says so in words the UI shows next to
it (the seed is ``holidays_cn.json``; the live copy is in the database, editable by an admin).

Counting convention: the day of the event itself does not count ("n working days after start").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from importlib import resources

__all__ = [
    "WorkCalendar",
    "add_calendar_days",
    "coverage_warning",
    "default_calendar",
    "default_holiday_table",
]

_ONE_DAY = timedelta(days=1)


class WorkCalendar:
    """Weekends plus a holiday list and a make-up working-day list."""

    def __init__(
        self,
        holidays: Iterable[date] = (),
        makeup_workdays: Iterable[date] = (),
        covered_years: Iterable[int] | None = None,
    ) -> None:
        self._holidays = frozenset(holidays)
        self._makeup = frozenset(makeup_workdays)
        clash = self._holidays & self._makeup
        if clash:
            raise ValueError(f"dates both holiday and make-up working day: {sorted(clash)}")
        # Every year has official holidays (元旦 at least): a year with none is not covered.
        self._years = (
            frozenset(covered_years)
            if covered_years is not None
            else frozenset(d.year for d in self._holidays)
        )

    @property
    def covered_years(self) -> frozenset[int]:
        """Years whose holiday and make-up table is known."""
        return self._years

    def covers(self, d: date) -> bool:
        return d.year in self._years

    def coverage_warning(self, start: date, end: date | None) -> str | None:
        """A clear warning when a deadline counted from ``start`` to ``end`` runs through a year
        without holiday data (then only weekends were skipped), else None."""
        return coverage_warning(self._years, start, end)

    @property
    def holidays(self) -> frozenset[date]:
        return self._holidays

    @property
    def makeup_workdays(self) -> frozenset[date]:
        return self._makeup

    def is_working_day(self, d: date) -> bool:
        """True for 调休 working days and for weekdays that are not holidays."""
        if d in self._makeup:
            return True
        if d in self._holidays:
            return False
        return d.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (n = 0 → ``start``; n < 0 → before ``start``)."""
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        d = start
        while remaining:
            d += step
            if self.is_working_day(d):
                remaining -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``.

        For ``end < start`` the result is minus the working days in ``[end, start)``, so that
        ``working_days_between(s, add_working_days(s, n)) == n`` for every n.
        """
        if end >= start:
            lo, hi, sign = start + _ONE_DAY, end, 1
        else:
            lo, hi, sign = end, start - _ONE_DAY, -1
        count = 0
        d = lo
        while d <= hi:
            if self.is_working_day(d):
                count += 1
            d += _ONE_DAY
        return sign * count

    def is_overdue(self, start: date, limit_working_days: int, on: date) -> bool:
        """True if ``on`` is later than the deadline ``add_working_days(start, limit)``."""
        return on > self.add_working_days(start, limit_working_days)


def coverage_warning(covered: Iterable[int], start: date, end: date | None) -> str | None:
    """The warning text for a period touching years missing from ``covered`` (or None)."""
    if end is None:
        return None
    lo, hi = min(start, end), max(start, end)
    have = set(covered)
    missing = [y for y in range(lo.year, hi.year + 1) if y not in have]
    if not missing:
        return None
    years = "、".join(str(y) for y in missing)
    return (
        f"{years} 年的法定节假日和调休安排尚未录入，期限 {end.isoformat()} 只按周末推算，"
        "可能不准确；请管理员在“系统设置—节假日”录入国务院办公厅通知。"
    )


def add_calendar_days(start: date, n: int) -> date:
    """``start`` plus n calendar days (自然日), for limits not counted in working days."""
    return start + timedelta(days=n)


def _parse(s: str) -> date:
    return date.fromisoformat(s)


def default_holiday_table() -> dict[int, tuple[list[date], list[date]]]:
    """The seed table: year → (holidays, make-up working days), from ``holidays_cn.json``.

    Covers 2023–2026 (official State Council notices). Data, not code: an admin maintains the
    live copy in the database.
    """
    raw = json.loads(
        resources.files("reliefdesk.domain").joinpath("holidays_cn.json").read_text("utf-8")
    )
    table: dict[int, tuple[list[date], list[date]]] = {}
    for year_text, entry in raw["years"].items():
        holidays: list[date] = []
        makeup: list[date] = []
        for period in entry["periods"]:
            d, last = _parse(period["from"]), _parse(period["to"])
            while d <= last:
                holidays.append(d)
                d += _ONE_DAY
            makeup.extend(_parse(s) for s in period["makeup_workdays"])
        table[int(year_text)] = (sorted(holidays), sorted(makeup))
    return table


def default_calendar() -> WorkCalendar:
    """A :class:`WorkCalendar` built from :func:`default_holiday_table`."""
    holidays: list[date] = []
    makeup: list[date] = []
    for hol, mk in default_holiday_table().values():
        holidays.extend(hol)
        makeup.extend(mk)
    return WorkCalendar(holidays, makeup)
