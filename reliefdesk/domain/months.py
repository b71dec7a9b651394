"""Benefit months: a month is represented by its first day (``date(2025, 3, 1)``).

Enrollments pay from the month after confirmation; rosters, back pay (补发) and phase-out (渐退)
all count in these months.
"""

from __future__ import annotations

from datetime import date

__all__ = ["add_months", "month_start", "months_between", "next_month"]


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
