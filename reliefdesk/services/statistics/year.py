"""The year-end report (年度统计): the seed's kind of figures for any year, from locked rosters.

Persons and amounts by category, newly enrolled and exited households (exits by reason), the
temporary-aid count and amount, growth against the previous year in persons and in average
level, visits (findings are not recorded by this system), and the standards in force with
their changes. Monthly series (amounts by category, new vs exited) and recipients by village
feed the charts of the 统计 page and the PDF.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from sqlalchemy import Case, case, func, select
from sqlalchemy.orm import Session

from ...domain.money import round_half_up
from ...models import Enrollment, PolicyVersion, Roster, RosterLine, Visit
from ..context import Actor
from ..scope import restrict, restrict_rosters
from .month import CATEGORY_KEYS, NEW, STOPPED, category_key

__all__ = ["CategoryYear", "StandardChange", "YearReport", "growth_percent", "year_report_in"]


@dataclass(frozen=True)
class CategoryYear:
    """One category over a year."""

    households_end: int  # on the last locked month of the year
    persons_end: int
    person_months: int  # Σ persons over the locked months (人次 for temporary aid)
    amount_fen: int  # paid in the year
    new_households: int
    new_persons: int
    exited_households: int
    exited_persons: int
    average_fen: int  # average level: amount ÷ person-months (÷ 人次 for temporary aid)


@dataclass(frozen=True)
class StandardChange:
    """A policy version in force during the year."""

    effective_from: date
    name: str
    urban_fen: int
    rural_fen: int
    care_fen: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class YearReport:
    """Everything of the year-end report."""

    year: int
    locked_months: tuple[int, ...]  # months (1..12) with a locked regular roster
    by_category: dict[str, CategoryYear]
    previous: dict[str, CategoryYear] | None  # the previous year (None: no locked month)
    exits_by_reason: tuple[tuple[str, int, int], ...]  # reason, households, persons
    monthly_amounts: tuple[tuple[int, dict[str, int]], ...]  # month → category → fen
    monthly_new_exited: tuple[tuple[int, int, int], ...]  # month, new hh, exited hh
    recipients_by_village: tuple[tuple[str, int, int], ...]  # village, households, persons
    visits: int | None
    findings: int | None  # None: not recorded by this system
    standards: tuple[StandardChange, ...]
    previous_locked_months: tuple[int, ...] = ()  # the base of the growth figures

    @property
    def total_amount_fen(self) -> int:
        return sum(c.amount_fen for c in self.by_category.values())

    def growth(self, key: str, what: str) -> str | None:
        """Growth against the previous year in % (2 decimals) of ``persons`` (persons at year
        end; 人次 for temporary aid) or ``level`` (average level); None without a base."""
        if self.previous is None or key not in self.previous:
            return None
        now, before = self.by_category[key], self.previous[key]
        if what == "level":
            return growth_percent(now.average_fen, before.average_fen)
        if key == "temporary_aid":
            return growth_percent(now.person_months, before.person_months)
        return growth_percent(now.persons_end, before.persons_end)


def growth_percent(now: int, before: int) -> str | None:
    """环比/同比 = (本期 − 上期) ÷ 上期 × 100, 2 decimals (DOMAIN §12.3 rule 4); None if 上期 is 0."""
    if before == 0:
        return None
    value = Decimal(now - before) * 100 / Decimal(before)
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _is_central() -> Case[int]:
    """1 for 集中供养: from the line's category, or (a 停发 line carries no mode) from the
    enrollment's 供养方式."""
    return case(
        (RosterLine.category.like("%集中%"), 1),
        (RosterLine.category.like("%分散%"), 0),
        (Enrollment.care_mode == "centralised", 1),
        else_=0,
    )


def _aggregate(
    s: Session, year: int, actor: Actor | None = None
) -> tuple[
    dict[str, CategoryYear], list[int], dict[int, dict[str, int]], dict[int, tuple[int, int]]
]:
    """One grouped query over the year's locked lines."""
    start, end = date(year, 1, 1), date(year, 12, 1)
    central = _is_central()
    q = (
        select(
            Roster.month,
            Roster.kind,
            RosterLine.programme,
            central,
            RosterLine.change_flag,
            func.count(),
            func.coalesce(func.sum(RosterLine.persons), 0),
            func.coalesce(func.sum(RosterLine.paid_fen), 0),
        )
        .join(Roster, Roster.id == RosterLine.roster_id)
        .join(Enrollment, Enrollment.id == RosterLine.enrollment_id)
        .where(Roster.status == "locked", Roster.month >= start, Roster.month <= end)
        .group_by(Roster.month, Roster.kind, RosterLine.programme, central, RosterLine.change_flag)
    )
    if actor is not None:
        q = restrict_rosters(q, actor)
    acc: dict[str, dict[str, int]] = {k: defaultdict(int) for k in CATEGORY_KEYS}
    per_month: dict[int, dict[str, dict[str, int]]] = defaultdict(
        lambda: {k: defaultdict(int) for k in CATEGORY_KEYS}
    )
    amounts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(CATEGORY_KEYS, 0))
    new_exit: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    locked: set[int] = set()
    for raw_month, kind, prog, is_central, flag, n, persons, paid in s.execute(q):
        month = raw_month if isinstance(raw_month, date) else date.fromisoformat(str(raw_month))
        key = category_key(prog, "集中" if is_central else "")
        a, m = acc[key], per_month[month.month][key]
        a["amount"] += paid
        amounts[month.month][key] += paid
        if kind == "one_off":
            a["person_months"] += n
            a["persons_once"] += persons
            continue
        if kind != "regular":
            continue
        locked.add(month.month)
        if flag == STOPPED:
            a["exited_households"] += n
            a["exited_persons"] += persons
            new_exit[month.month][1] += n
            continue
        a["person_months"] += persons
        m["households"] += n
        m["persons"] += persons
        if flag == NEW:
            a["new_households"] += n
            a["new_persons"] += persons
            new_exit[month.month][0] += n
    last = max(locked) if locked else None
    out: dict[str, CategoryYear] = {}
    for key in CATEGORY_KEYS:
        a = acc[key]
        end_row = per_month[last][key] if last else {}
        if key == "temporary_aid":
            hh, persons = a["person_months"], a["persons_once"]
        else:
            hh, persons = end_row.get("households", 0), end_row.get("persons", 0)
        avg = round_half_up(Fraction(a["amount"], a["person_months"])) if a["person_months"] else 0
        out[key] = CategoryYear(
            hh,
            persons,
            a["person_months"],
            a["amount"],
            a["new_households"],
            a["new_persons"],
            a["exited_households"],
            a["exited_persons"],
            avg,
        )
    return (
        out,
        sorted(locked),
        {m: dict(v) for m, v in amounts.items()},
        {m: (v[0], v[1]) for m, v in new_exit.items()},
    )


def _exits_by_reason(
    s: Session, year: int, actor: Actor | None = None
) -> list[tuple[str, int, int]]:
    q = (
        select(
            RosterLine.change_reason, func.count(), func.coalesce(func.sum(RosterLine.persons), 0)
        )
        .join(Roster, Roster.id == RosterLine.roster_id)
        .where(
            Roster.status == "locked",
            Roster.kind == "regular",
            Roster.month >= date(year, 1, 1),
            Roster.month <= date(year, 12, 1),
            RosterLine.change_flag == STOPPED,
        )
        .group_by(RosterLine.change_reason)
    )
    if actor is not None:
        q = restrict_rosters(q, actor)
    rows = [((reason or "未注明原因").split("；")[0], n, p) for reason, n, p in s.execute(q)]
    merged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for reason, n, p in rows:
        merged[reason][0] += n
        merged[reason][1] += p
    return sorted(((r, v[0], v[1]) for r, v in merged.items()), key=lambda x: (-x[1], x[0]))


def _by_village(
    s: Session, year: int, month: int | None, actor: Actor | None = None
) -> list[tuple[str, int, int]]:
    if month is None:
        return []
    q = (
        select(RosterLine.village, func.count(), func.coalesce(func.sum(RosterLine.persons), 0))
        .join(Roster, Roster.id == RosterLine.roster_id)
        .where(
            Roster.status == "locked",
            Roster.kind == "regular",
            Roster.month == date(year, month, 1),
            RosterLine.change_flag != STOPPED,
        )
        .group_by(RosterLine.village)
    )
    if actor is not None:
        q = restrict_rosters(q, actor)
    return sorted(((v or "（未填村）", n, p) for v, n, p in s.execute(q)), key=lambda x: -x[2])


def _standards(s: Session, year: int) -> list[StandardChange]:
    rows = list(
        s.scalars(
            select(PolicyVersion)
            .where(PolicyVersion.effective_from <= date(year, 12, 31))
            .order_by(PolicyVersion.effective_from, PolicyVersion.id)
        )
    )
    in_force = [p for p in rows if p.effective_from <= date(year, 1, 1)][-1:]
    during = [p for p in rows if p.effective_from > date(year, 1, 1)]
    out = []
    for p in [*in_force, *during]:
        d = p.data or {}
        care = d.get("tekun_care_fen") or {}
        out.append(
            StandardChange(
                p.effective_from,
                p.name,
                int(d.get("urban_dibao_standard_fen") or 0),
                int(d.get("rural_dibao_standard_fen") or 0),
                tuple((k, int(v)) for k, v in care.items()),
            )
        )
    return out


def year_report_in(s: Session, year: int, actor: Actor | None = None) -> YearReport:
    """The report of ``year`` (and the previous year for growth); of ``actor``'s township
    scope when given."""
    cats, locked, amounts, new_exit = _aggregate(s, year, actor)
    prev, prev_locked, _, _ = _aggregate(s, year - 1, actor)
    vq = (
        select(func.count())
        .select_from(Visit)
        .where(Visit.visit_date >= date(year, 1, 1), Visit.visit_date <= date(year, 12, 31))
    )
    visits = s.scalar(vq if actor is None else restrict(vq, actor, Visit.household_id))
    return YearReport(
        year,
        tuple(locked),
        cats,
        prev if prev_locked else None,
        tuple(_exits_by_reason(s, year, actor)),
        tuple((m, amounts.get(m, dict.fromkeys(CATEGORY_KEYS, 0))) for m in range(1, 13)),
        tuple((m, *new_exit.get(m, (0, 0))) for m in range(1, 13)),
        tuple(_by_village(s, year, max(locked) if locked else None, actor)),
        int(visits or 0),
        None,
        tuple(_standards(s, year)),
        tuple(prev_locked),
    )
