"""Demo generator, case part: the state shared by the makers of applications and enrollments
(users acting, row buffers, the policy and working-day calendar)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from ..domain import benefits as b
from ..domain.calendar import WorkCalendar
from ..domain.workflow import Limits
from ..services.policy import Policy


@dataclass
class Users:
    """User ids and names acting in the generated history."""

    clerk: tuple[int, str]
    reviewer: tuple[int, str]
    approver: tuple[int, str]
    clerk_display: str


class Rows:
    """Row buffers for the case tables."""

    def __init__(self) -> None:
        self.application: list[dict[str, Any]] = []
        self.case_step: list[dict[str, Any]] = []
        self.visit: list[dict[str, Any]] = []
        self.enrollment: list[dict[str, Any]] = []
        self.enrollment_member: list[dict[str, Any]] = []
        self.enrollment_change: list[dict[str, Any]] = []


def _at(d: date, rng: random.Random) -> datetime:
    minute = int(rng.random() * 600)  # 08:00–17:59
    return datetime.combine(d, time(8 + minute // 60, minute % 60))


class CaseBase:
    """State shared by the case makers: the generator's rng, policy, users, id allocator, row
    buffers and working-day helpers."""

    def __init__(
        self,
        rng: random.Random,
        as_of: date,
        policy: Policy,
        cal: WorkCalendar,
        users: Users,
        take: Any,
        rows: Rows,
    ) -> None:
        self.rng = rng
        self.as_of = as_of
        self.policy = policy
        self.cal = cal
        self.users = users
        self.take = take
        self.rows = rows
        self.limits = Limits.from_mapping(
            policy.data.get("limits", {}),
            publicity_days=policy.publicity_days,
            publicity_working_days=policy.publicity_working_days,
        )
        self._index_working_days(as_of)
        self.ref = self.back_wd(as_of, 0)
        self.rates = policy.topup_rates
        self.care = {b.SelfCare(k): v for k, v in policy.tekun_care_fen.items()}
        self.floor = policy.floor_ratio
        self.schedule = policy.phase_out_schedule
        self.entrust_seq = 0
        self._memo: dict[tuple[Any, ...], Any] = {}

    # ------------------------------------------------------------------ calendar helpers
    def back_wd(self, d: date, n: int) -> date:
        """The working day ``n`` working days before ``d`` (n=0: d itself or the last one)."""
        i = self._last_wd.get(d)
        if i is not None and i >= n:
            return self._wd[i - n]
        while not self.cal.is_working_day(d):
            d -= timedelta(days=1)
        while n > 0:
            d -= timedelta(days=1)
            if self.cal.is_working_day(d):
                n -= 1
        return d

    def _index_working_days(self, as_of: date) -> None:
        """Working days of the generated history (20 years back, a year past ``as_of``) and, for
        every calendar day, the position of the last working day on or before it; ``back_wd``
        then steps by index (days outside fall back to walking the calendar)."""
        self._wd: list[date] = []
        self._last_wd: dict[date, int] = {}
        d, end = date(as_of.year - 20, 1, 1), as_of + timedelta(days=366)
        while d <= end:
            if self.cal.is_working_day(d):
                self._wd.append(d)
            if self._wd:
                self._last_wd[d] = len(self._wd) - 1
            d += timedelta(days=1)

    def fwd_wd(self, d: date, n: int) -> date:
        return self.cal.add_working_days(d, n)
