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

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.money import round_half_up
from ...domain.months import add_months
from ...models import (Application, Enrollment, EnrollmentMember, Person, Roster, RosterLine)

__all__ = ["CATEGORY_KEYS", "CATEGORY_LABELS", "MONTHLY_KEYS", "Figures", "MonthStats",
           "average_per_person_fen", "category_key", "month_stats_in"]

# Statistical categories: the three monthly programmes (tekun split 集中/分散) and 临时救助.
MONTHLY_KEYS = ("urban_dibao", "rural_dibao", "tekun_centralised", "tekun_dispersed")
CATEGORY_KEYS = (*MONTHLY_KEYS, "temporary_aid")
CATEGORY_LABELS = {"urban_dibao": "城市低保", "rural_dibao": "农村低保",
                   "tekun_centralised": "特困（集中供养）", "tekun_dispersed": "特困（分散供养）",
                   "temporary_aid": "临时救助", "tekun": "特困供养", "dibao": "低保",
                   "total": "合计"}
STOPPED = "停发"
NEW = "新增"


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

    __slots__ = ("households", "persons", "women", "elderly", "minors", "disabled",
                 "labour_partial", "labour_none", "new_households", "new_persons",
                 "exited_households", "exited_persons", "amount_fen", "cumulative_fen", "causes")

    def __init__(self) -> None:
        for name in self.__slots__:
            setattr(self, name, 0)
        self.causes: dict[str, int] = defaultdict(int)

    def add(self, other: _Acc) -> None:
        for name in self.__slots__[:-1]:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k, v in other.causes.items():
            self.causes[k] += v

    def freeze(self) -> Figures:
        return Figures(self.households, self.persons, self.women, self.elderly, self.minors,
                       self.disabled, self.labour_partial, self.labour_none,
                       self.new_households, self.new_persons, self.exited_households,
                       self.exited_persons, self.amount_fen, self.cumulative_fen,
                       average_per_person_fen(self.amount_fen, self.persons),
                       tuple(sorted(self.causes.items())))


def locked_rosters(s: Session, months: Iterable[date]) -> list[Roster]:
    """The locked rosters (every kind) of the given months."""
    return list(s.scalars(select(Roster).where(Roster.month.in_(list(months)),
                                               Roster.status == "locked")
                          .order_by(Roster.month, Roster.id)))


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def _members(s: Session, roster_ids: list[int]) -> dict[int, list[tuple[str, date, bool, str]]]:
    """enrollment id → its members (sex, birth date, disabled, labour capacity) from the
    register, for the enrollments on the given rosters."""
    out: dict[int, list[tuple[str, date, bool, str]]] = defaultdict(list)
    if not roster_ids:
        return out
    on_roster = select(RosterLine.enrollment_id).where(RosterLine.roster_id.in_(roster_ids))
    rows = s.execute(select(EnrollmentMember.enrollment_id, Person.sex, Person.birth_date,
                            Person.disability_level, Person.labour_capacity)
                     .join(Person, Person.id == EnrollmentMember.person_id)
                     .where(EnrollmentMember.active.is_(True),
                            EnrollmentMember.enrollment_id.in_(on_roster)))
    for eid, sex, birth, dis, labour in rows:
        out[eid].append((sex, birth, dis is not None, labour or "full"))
    return out


def _causes(s: Session, roster_ids: list[int]) -> dict[int, str]:
    """enrollment id → recorded 致困原因 (temporary aid's aid_cause), where recorded."""
    if not roster_ids:
        return {}
    on_roster = select(RosterLine.enrollment_id).where(RosterLine.roster_id.in_(roster_ids))
    rows = s.execute(select(Enrollment.id, Application.aid_cause)
                     .join(Application, Application.id == Enrollment.application_id)
                     .where(Enrollment.id.in_(on_roster), Application.aid_cause.is_not(None)))
    return {eid: cause for eid, cause in rows if cause}


def _paid_by_category(s: Session, roster_ids: list[int]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    if roster_ids:
        for prog, cat, paid in s.execute(
                select(RosterLine.programme, RosterLine.category, RosterLine.paid_fen)
                .where(RosterLine.roster_id.in_(roster_ids))):
            out[category_key(prog, cat)] += paid
    return out


def month_stats_in(s: Session, month: date) -> MonthStats:
    """The statistics of ``month`` (first of month) from its locked rosters."""
    year_months = [date(month.year, m, 1) for m in range(1, month.month + 1)]
    rosters = locked_rosters(s, [*year_months, add_months(month, -1)])
    this = [r for r in rosters if r.month == month]
    regular = [r for r in this if r.kind == "regular"]
    if not regular:
        return MonthStats(month, False, f"{month:%Y-%m} 没有已锁定的花名册，无统计数据。",
                          tuple(r.id for r in this), (), {}, (), Figures(), None, ())
    ids = [r.id for r in this]
    members = _members(s, ids)
    causes = _causes(s, [r.id for r in this if r.kind == "one_off"])
    end = _month_end(month)
    cats: dict[str, _Acc] = {k: _Acc() for k in CATEGORY_KEYS}
    villages: dict[tuple[str, str], _Acc] = defaultdict(_Acc)
    kinds = {r.id: r.kind for r in this}
    seen: set[int] = set()  # an enrollment counts once as a recipient (regular roster)
    continuing: dict[int, str] = {}  # enrollment → category, regular lines not 新增
    rows = s.execute(select(RosterLine.roster_id, RosterLine.enrollment_id, RosterLine.programme,
                            RosterLine.category, RosterLine.village, RosterLine.persons,
                            RosterLine.paid_fen, RosterLine.change_flag)
                     .where(RosterLine.roster_id.in_(ids)).order_by(RosterLine.id))
    prev_regular = [r.id for r in rosters if r.month == add_months(month, -1)
                    and r.kind == "regular"]
    before = _previous(s, prev_regular) if prev_regular else {}
    for rid, eid, prog, cat, village, persons, paid, flag in rows:
        key = category_key(prog, cat)
        if prog == "tekun" and not ({"集中", "分散"} & set_of(cat)) and eid in before:
            key = before[eid]  # a 停发 line has no 集中/分散 of its own: last month's
        row = _Acc()
        row.amount_fen = paid
        kind = kinds[rid]
        counted = (kind == "one_off") or (kind == "regular" and flag != STOPPED and eid not in seen)
        if kind == "regular" and flag == STOPPED:
            row.exited_households, row.exited_persons = 1, persons
        if counted:
            if kind == "regular":
                seen.add(eid)
                if flag != NEW:
                    continuing[eid] = key
            row.households, row.persons = 1, persons
            if kind == "regular" and flag == NEW:
                row.new_households, row.new_persons = 1, persons
            for sex, birth, disabled, labour in members.get(eid, ()):
                age = _age(birth, end)
                row.women += sex == "F"
                row.elderly += age >= 60
                row.minors += age < 18
                row.disabled += disabled
                row.labour_partial += labour == "partial"
                row.labour_none += labour == "none"
            if eid in causes:
                row.causes[causes[eid]] += 1
        cats[key].add(row)
        villages[(village or "（未填村）", key)].add(row)
    year_ids = [r.id for r in rosters if r.month.year == month.year and r.month <= month]
    cumulative = _paid_by_category(s, year_ids)
    for key, acc in cats.items():
        acc.cumulative_fen = cumulative.get(key, 0)
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

    stats = MonthStats(month, True, "", tuple(ids),
                       tuple((r.id, r.lines_sha256 or "") for r in this), by_category,
                       by_village, total.freeze(), previous, transfers)
    return MonthStats(**{**stats.__dict__, "breaks": tuple(month_breaks(stats))})


def _previous(s: Session, roster_ids: list[int]) -> dict[int, str]:
    """Enrollment → category of last month's locked regular lines (rule 1, transfers)."""
    out: dict[int, str] = {}
    for eid, prog, cat, flag in s.execute(
            select(RosterLine.enrollment_id, RosterLine.programme, RosterLine.category,
                   RosterLine.change_flag).where(RosterLine.roster_id.in_(roster_ids))):
        if flag != STOPPED and eid not in out:
            out[eid] = category_key(prog, cat)
    return out
