"""Benefit months: a month is represented by its first day (``date(2025, 3, 1)``).

Enrollments pay from the month after confirmation; rosters, back pay (补发) and phase-out (渐退)
all count in these months.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "EARLIEST_MONTH",
    "MonthError",
    "add_months",
    "month_start",
    "months_between",
    "next_month",
    "parse_month_text",
]


def month_start(d: date) -> date:
    """First day of the month containing ``d``."""
    return d.replace(day=1)


def add_months(d: date, n: int) -> date:
    """The month ``n`` months after the month of ``d`` (as a first-of-month date)."""
    index = d.year * 12 + (d.month - 1) + n
    return date(index // 12, index % 12 + 1, 1)


def next_month(d: date) -> date:
    """First day of the month after the month containing ``d``."""
    return add_months(d, 1)


def months_between(a: date, b: date) -> int:
    """Whole months from the month of ``a`` to the month of ``b`` (b − a; negative if b earlier).

    ``months_between(2025-01-15, 2025-03-01) == 2``. Days within the month are ignored.
    """
    return (b.year - a.year) * 12 + (b.month - a.month)


#: The earliest month any reliefdesk data can belong to (the programmes predate the app, but
#: nothing before 2000 is ever paid or printed).
EARLIEST_MONTH = date(2000, 1, 1)
_MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})")


class MonthError(ValueError):
    """A month text that is not ``YYYY-MM`` or lies outside the allowed window."""


def parse_month_text(
    text: str, *, today: date | None = None, max_ahead: int = 1, earliest: date = EARLIEST_MONTH
) -> date:
    """The ONE strict month parser for typed input: ``"2024-12"`` → ``date(2024, 12, 1)``.

    Only ASCII ``YYYY-MM`` (no spaces, no suffix, no full-width digits) is accepted, within
    ``earliest`` .. ``max_ahead`` months after the month of ``today``. Raises
    :class:`MonthError` with a Chinese one-line message.
    """
    match = _MONTH_RE.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise MonthError(f"月份“{text}”格式不正确，应为 YYYY-MM（如 2024-12）。")
    year, mon = int(match.group(1)), int(match.group(2))
    if not 1 <= mon <= 12:
        raise MonthError(f"月份“{text}”不存在（月份应为 01–12）。")
    value = date(year, mon, 1)
    latest = add_months(month_start(today or date.today()), max_ahead)
    if value < earliest or value > latest:
        raise MonthError(
            f"月份“{text}”超出允许范围（{earliest.year:04d}-{earliest.month:02d} "
            f"至 {latest.year:04d}-{latest.month:02d}）。"
        )
    return value
