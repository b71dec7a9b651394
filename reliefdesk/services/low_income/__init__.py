"""Low-income population register (低收入人口, DOMAIN §8.1) and key-group visits (巡访/探访).

Public API (writes audited in the same transaction; rows with a version use it):

- register: :func:`add_entry`, :func:`update_entry`, :func:`review_entry`, :func:`exit_entry`,
  :func:`list_entries` (``due_only``), :func:`due_count`, :func:`exited_households` and
  :func:`bring_in` (退出保障), :func:`enter_from_finding_in` (a 属实 finding, in the caller's
  transaction);
- visits: :func:`propose` (key-group people of a month, by village), :func:`make_plans`,
  :func:`save_plan`, :func:`list_plans`, :func:`record_visit`, :func:`list_visits`;
- figures: :func:`patrol_stats`.
"""

from __future__ import annotations

from ...domain.low_income import CATEGORIES, KEY_GROUPS, SOURCES
from .counts import patrol_stats
from .entries import (
    add_entry,
    add_entry_in,
    bring_in,
    due_count,
    enter_from_finding_in,
    exit_entry,
    exited_households,
    get_entry,
    list_entries,
    review_entry,
    update_entry,
)
from .patrol import list_plans, make_plans, propose, propose_in, save_plan
from .patrol_visits import list_visits, record_visit
from .types import (
    Counts,
    EntryView,
    ExitedHousehold,
    PatrolStats,
    PlanItemView,
    PlanView,
    ProposedPerson,
    VisitRecordView,
)

__all__ = [
    "CATEGORIES",
    "KEY_GROUPS",
    "SOURCES",
    "Counts",
    "EntryView",
    "ExitedHousehold",
    "PatrolStats",
    "PlanItemView",
    "PlanView",
    "ProposedPerson",
    "VisitRecordView",
    "add_entry",
    "add_entry_in",
    "bring_in",
    "due_count",
    "enter_from_finding_in",
    "exit_entry",
    "exited_households",
    "get_entry",
    "list_entries",
    "list_plans",
    "list_visits",
    "make_plans",
    "patrol_stats",
    "propose",
    "propose_in",
    "record_visit",
    "review_entry",
    "save_plan",
    "update_entry",
]
