"""Monthly statistics (民政统计月报, DOMAIN §7.2 C/D, §12.3) from locked rosters only.

Every figure is read from the lines of the month's LOCKED rosters (regular 花名册, 补发名册 and
the 临时救助 one-off lists); the register only adds who the members are (women, elderly, minors,
disabled, labour capacity) and the recorded cause of a temporary-aid grant. A month without a
locked regular roster says so instead of showing numbers. The §12.3 cross-check rules are
run on the result and every break is listed in ``MonthStats.breaks``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ...domain.money import round_half_up
from ...domain.months import add_months
from ...models import Application, Enrollment, EnrollmentMember, Person, Roster, RosterLine
from ..context import Actor
from ..scope import restrict_rosters
from .keys import CATEGORY_KEYS, CATEGORY_LABELS, MONTHLY_KEYS

__all__ = [
    "CATEGORY_KEYS",
    "CATEGORY_LABELS",
    "MONTHLY_KEYS",
    "Figures",
    "MonthStats",
    "average_per_person_fen",
    "category_key",
    "month_stats_in",
]

STOPPED = "停发"
NEW = "新增"
# positions in a bucket (the order of _Acc's numeric slots)
_N, _NEW_HH, _NEW_P, _EXIT_HH, _EXIT_P, _AMOUNT = 14, 8, 9, 10, 11, 12


def category_key(programme: str, category: str) -> str:
    """The statistical category of a roster line: tekun is split by its 供养方式 (the line's
    category text, frozen at generation, says 集中供养 or 分散供养)."""
    if programme == "tekun":
        return "tekun_centralised" if "集中" in (category or "") else "tekun_dispersed"
    return programme


def set_of(category: str | None) -> set[str]:
    """The 供养方式 words a tekun line's category names (empty for a 停发 line)."""
    return {w for w in ("集中", "分散") if w in (category or "")}


def average_per_person_fen(amount_fen: int, persons: int) -> int:
    """当月人均补助额 (DOMAIN §12.3 rule 5): round(amount ÷ persons) to whole 元, half-up,
    returned in fen (197,328 元 ÷ 311 → 634 元). 0 when nobody is paid."""
    if persons <= 0:
        return 0
    return round_half_up(Fraction(amount_fen, persons * 100)) * 100


@dataclass(frozen=True)
class Figures:
    """One row of the monthly table (a category, a village or a total)."""

    households: int = 0
    persons: int = 0
    women: int = 0
    elderly: int = 0
    minors: int = 0
    disabled: int = 0
    labour_partial: int = 0
    labour_none: int = 0
    new_households: int = 0
    new_persons: int = 0
    exited_households: int = 0
    exited_persons: int = 0
    amount_fen: int = 0  # paid in the month (regular + supplementary + one-off lists)
    cumulative_fen: int = 0  # paid from January up to and including the month
    average_fen: int = 0  # §12.3 rule 5, whole 元 in fen
    causes: tuple[tuple[str, int], ...] = ()  # (cause, households) where recorded


@dataclass(frozen=True)
class MonthStats:
    """The month's statistics: per category, per village, totals and cross-check breaks."""

    month: date
    locked: bool
    message: str  # "" or why there are no figures (no locked roster)
    roster_ids: tuple[int, ...]
    roster_hashes: tuple[tuple[int, str], ...]
    by_category: dict[str, Figures]  # CATEGORY_KEYS + "tekun", "dibao"
    by_village: tuple[tuple[str, str, Figures], ...]  # (village, category key, figures)
    total: Figures
    previous_households: dict[str, int] | None  # last month's locked figures, if any
    transfers: dict[str, tuple[int, int]] = field(default_factory=dict)  # key → (in, out)
    breaks: tuple[str, ...] = field(default=())

    @property
    def month_text(self) -> str:
        return f"{self.month.year:04d}-{self.month.month:02d}"


class _Acc:
    """Mutable accumulator for one row."""

    # Positional: _Acc.of zips the stored values with this order (all but "causes").
    __slots__ = (  # noqa: RUF023 - the order is the stored column order
        "households",
        "persons",
        "women",
        "elderly",
        "minors",
        "disabled",
        "labour_partial",
        "labour_none",
        "new_households",
        "new_persons",
        "exited_households",
        "exited_persons",
        "amount_fen",
        "cumulative_fen",
        "causes",
    )
    households: int
    persons: int
    women: int
    elderly: int
    minors: int
    disabled: int
    labour_partial: int
    labour_none: int
    new_households: int
    new_persons: int
    exited_households: int
    exited_persons: int
    amount_fen: int
    cumulative_fen: int
    causes: dict[str, int]

    def __init__(self) -> None:
        for name in self.__slots__:
            setattr(self, name, 0)
        self.causes = defaultdict(int)

    @classmethod
    def of(cls, values: list[int], causes: dict[str, int]) -> _Acc:
        acc = cls()
        for name, value in zip(cls.__slots__[:-1], values, strict=True):
            setattr(acc, name, value)
        acc.causes.update(causes)
        return acc

    def add(self, other: _Acc) -> None:
        for name in self.__slots__[:-1]:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k, v in other.causes.items():
            self.causes[k] += v

    def freeze(self) -> Figures:
        return Figures(
            self.households,
            self.persons,
            self.women,
            self.elderly,
            self.minors,
            self.disabled,
            self.labour_partial,
            self.labour_none,
            self.new_households,
            self.new_persons,
            self.exited_households,
            self.exited_persons,
            self.amount_fen,
            self.cumulative_fen,
            average_per_person_fen(self.amount_fen, self.persons),
            tuple(sorted(self.causes.items())),
        )


def locked_rosters(s: Session, months: Iterable[date], actor: Actor | None = None) -> list[Roster]:
    """The locked rosters (every kind) of the given months (of ``actor``'s township when
    given)."""
    q = select(Roster).where(Roster.month.in_(list(months)), Roster.status == "locked")
    if actor is not None:
        q = restrict_rosters(q, actor)
    return list(s.scalars(q.order_by(Roster.month, Roster.id)))


def _month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _members(
    s: Session, roster_ids: list[int], end: date
) -> dict[int, tuple[int, int, int, int, int, int]]:
    """enrollment id → (women, elderly 60+, minors <18, disabled, partial, no labour capacity)
    among its active members in the register, ages at ``end``; aggregated in SQL."""
    if not roster_ids:
        return {}
    on_roster = select(RosterLine.enrollment_id).where(RosterLine.roster_id.in_(roster_ids))
    old, young = _years_before(end, 60), _years_before(end, 18)

    def count(cond: Any) -> Any:
        return func.sum(case((cond, 1), else_=0))

    q = (
        select(
            EnrollmentMember.enrollment_id,
            count(Person.sex == "F"),
            count(Person.birth_date <= old),
            count(Person.birth_date > young),
            count(Person.disability_level.is_not(None)),
            count(Person.labour_capacity == "partial"),
            count(Person.labour_capacity == "none"),
        )
        .join(Person, Person.id == EnrollmentMember.person_id)
        .where(EnrollmentMember.active.is_(True), EnrollmentMember.enrollment_id.in_(on_roster))
        .group_by(EnrollmentMember.enrollment_id)
    )
    return {r[0]: tuple(r[1:]) for r in s.execute(q)}


def _causes(s: Session, roster_ids: list[int]) -> dict[int, str]:
    """enrollment id → recorded 致困原因 (temporary aid's aid_cause), where recorded."""
    if not roster_ids:
        return {}
    on_roster = select(RosterLine.enrollment_id).where(RosterLine.roster_id.in_(roster_ids))
    rows = s.execute(
        select(Enrollment.id, Application.aid_cause)
        .join(Application, Application.id == Enrollment.application_id)
        .where(Enrollment.id.in_(on_roster), Application.aid_cause.is_not(None))
    )
    return {eid: cause for eid, cause in rows if cause}


def _paid_by_category(s: Session, roster_ids: list[int]) -> dict[str, int]:
    """Σ paid per category over the given rosters (grouped in SQL; a 停发 line pays 0)."""
    out: dict[str, int] = defaultdict(int)
    if roster_ids:
        for prog, cat, paid in s.execute(
            select(RosterLine.programme, RosterLine.category, func.sum(RosterLine.paid_fen))
            .where(RosterLine.roster_id.in_(roster_ids))
            .group_by(RosterLine.programme, RosterLine.category)
        ):
            out[category_key(prog, cat)] += int(paid or 0)
    return out


def month_stats_in(s: Session, month: date, actor: Actor | None = None) -> MonthStats:
    """The statistics of ``month`` (first of month) from its locked rosters (those of
    ``actor``'s township scope when given)."""
    year_months = [date(month.year, m, 1) for m in range(1, month.month + 1)]
    rosters = locked_rosters(s, [*year_months, add_months(month, -1)], actor)
    this = [r for r in rosters if r.month == month]
    regular = [r for r in this if r.kind == "regular"]
    if not regular:
        return MonthStats(
            month,
            False,
            f"{month:%Y-%m} 没有已锁定的花名册，无统计数据。",
            tuple(r.id for r in this),
            (),
            {},
            (),
            Figures(),
            None,
            {},
        )
    ids = [r.id for r in this]
    end = _month_end(month)
    members = _members(s, ids, end)
    causes = _causes(s, [r.id for r in this if r.kind == "one_off"])
    buckets: dict[tuple[str, str], list[int]] = {}
    cause_counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kinds = {r.id: r.kind for r in this}
    seen: set[int] = set()  # an enrollment counts once as a recipient (regular roster)
    continuing: dict[int, str] = {}  # enrollment → category, regular lines not 新增
    rows = s.execute(
        select(
            RosterLine.roster_id,
            RosterLine.enrollment_id,
            RosterLine.programme,
            RosterLine.category,
            RosterLine.village,
            RosterLine.persons,
            RosterLine.paid_fen,
            RosterLine.change_flag,
        ).where(RosterLine.roster_id.in_(ids))
    )
    prev_regular = [
        r.id for r in rosters if r.month == add_months(month, -1) and r.kind == "regular"
    ]
    before = _previous(s, prev_regular) if prev_regular else {}
    none = (0, 0, 0, 0, 0, 0)
    for rid, eid, prog, cat, village, persons, paid, flag in rows:
        key = category_key(prog, cat)
        if prog == "tekun" and not set_of(cat) and eid in before:
            key = before[eid]  # a 停发 line has no 集中/分散 of its own: last month's
        where = (village or "（未填村）", key)
        b = buckets.get(where)
        if b is None:
            b = buckets[where] = [0] * _N
        b[_AMOUNT] += paid
        kind = kinds[rid]
        is_regular = kind == "regular"
        if is_regular and flag == STOPPED:
            b[_EXIT_HH] += 1
            b[_EXIT_P] += persons
            continue
        if is_regular:
            if eid in seen:
                continue
            seen.add(eid)
            if flag == NEW:
                b[_NEW_HH] += 1
                b[_NEW_P] += persons
            else:
                continuing[eid] = key
        elif kind != "one_off":
            continue  # a supplementary roster pays, it does not count recipients
        b[0] += 1
        b[1] += persons
        w, e, mi, d, lp, ln = members.get(eid, none)
        b[2] += w
        b[3] += e
        b[4] += mi
        b[5] += d
        b[6] += lp
        b[7] += ln
        if eid in causes:
            cause_counts[where][causes[eid]] += 1
    villages: dict[tuple[str, str], _Acc] = {}
    cats: dict[str, _Acc] = {k: _Acc() for k in CATEGORY_KEYS}
    for where, b in buckets.items():
        acc = villages[where] = _Acc.of(b, cause_counts.get(where, {}))
        cats[where[1]].add(acc)
    earlier = [r.id for r in rosters if r.month.year == month.year and r.month < month]
    cumulative = _paid_by_category(s, earlier)  # January .. last month, + this month's
    for key, acc in cats.items():
        acc.cumulative_fen = cumulative.get(key, 0) + acc.amount_fen
    by_category = {k: a.freeze() for k, a in cats.items()}
    tekun, dibao, total = _Acc(), _Acc(), _Acc()
    for k in ("tekun_centralised", "tekun_dispersed"):
        tekun.add(cats[k])
    for k in ("urban_dibao", "rural_dibao"):
        dibao.add(cats[k])
    for k in CATEGORY_KEYS:
        total.add(cats[k])
    by_category["tekun"], by_category["dibao"] = tekun.freeze(), dibao.freeze()
    previous, transfers = None, {}
    if prev_regular:
        previous = dict.fromkeys(MONTHLY_KEYS, 0)
        for key in before.values():
            previous[key] += 1
        moved: dict[str, list[int]] = {k: [0, 0] for k in MONTHLY_KEYS}
        for eid, key in continuing.items():
            old = before.get(eid)
            if old is not None and old != key:  # e.g. 分散 → 集中供养
                moved[key][0] += 1
                moved[old][1] += 1
        transfers = {k: (v[0], v[1]) for k, v in moved.items()}
    by_village = tuple((v, k, a.freeze()) for (v, k), a in sorted(villages.items()))
    from .checks import month_breaks

    stats = MonthStats(
        month,
        True,
        "",
        tuple(ids),
        tuple((r.id, r.lines_sha256 or "") for r in this),
        by_category,
        by_village,
        total.freeze(),
        previous,
        transfers,
    )
    return MonthStats(**{**stats.__dict__, "breaks": tuple(month_breaks(stats))})


def _previous(s: Session, roster_ids: list[int]) -> dict[int, str]:
    """Enrollment → category of last month's locked regular lines (rule 1, transfers)."""
    out: dict[int, str] = {}
    for eid, prog, cat, flag in s.execute(
        select(
            RosterLine.enrollment_id,
            RosterLine.programme,
            RosterLine.category,
            RosterLine.change_flag,
        ).where(RosterLine.roster_id.in_(roster_ids))
    ):
        if flag != STOPPED and eid not in out:
            out[eid] = category_key(prog, cat)
    return out
