"""Read-only views returned by the low-income services (frozen dataclasses, no ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "Counts",
    "EntryView",
    "ExitedHousehold",
    "PatrolStats",
    "PlanItemView",
    "PlanView",
    "ProposedPerson",
    "VisitRecordView",
]


@dataclass(frozen=True)
class EntryView:
    """One entry of the low-income register, with the household's head and village."""

    id: int
    household_id: int
    head_name: str
    head_id_masked: str
    village: str
    category: str
    category_label: str
    reason: str
    source: str
    source_label: str
    source_ref: str
    entered_on: date
    next_review: date
    exit_on: date | None
    exit_reason: str
    due: bool
    created_by_name: str
    version: int

    @property
    def active(self) -> bool:
        return self.exit_on is None


@dataclass(frozen=True)
class ExitedHousehold:
    """A household whose aid ended and that is not on the register (bring-in candidate)."""

    household_id: int
    enrollment_id: int
    head_name: str
    village: str
    programme: str
    end_month: date | None
    terminated_reason: str


@dataclass(frozen=True)
class ProposedPerson:
    """A person who belongs to a key group, proposed for a month's visit plan."""

    person_id: int
    name: str
    age: int
    household_id: int
    village_id: int
    village: str
    key_group: str
    group_label: str
    all_groups: tuple[str, ...]


@dataclass(frozen=True)
class PlanItemView:
    id: int
    person_id: int
    name: str
    household_id: int
    key_group: str
    group_label: str
    visits: int
    solved: bool | None  # the last visit's answer; None before any visit


@dataclass(frozen=True)
class PlanView:
    """One village's visit plan for a month."""

    id: int
    month: date
    village_id: int
    village: str
    responsible: str
    note: str
    version: int
    items: tuple[PlanItemView, ...] = ()

    @property
    def visited(self) -> int:
        return sum(1 for i in self.items if i.visits)


@dataclass(frozen=True)
class VisitRecordView:
    id: int
    person_id: int
    name: str
    household_id: int
    village: str
    key_group: str
    group_label: str
    visited_on: date
    visitor: str
    mode: str
    needs: str
    help_given: str
    solved: bool
    follow_up: str
    plan_item_id: int | None
    entry_id: int | None = None  # the register entry the visit made or found (enter_register)


@dataclass(frozen=True)
class Counts:
    """People visited, visits, problems found and solved."""

    people: int = 0
    visits: int = 0
    problems: int = 0
    solved: int = 0


@dataclass(frozen=True)
class PatrolStats:
    """Figures for a period, like the office's year-end report (走访 N 人，解决问题 M 个)."""

    month_from: date
    month_to: date
    total: Counts
    by_group: dict[str, Counts] = field(default_factory=dict)
    by_village: tuple[tuple[str, Counts], ...] = ()
    planned: int = 0
    planned_visited: int = 0
