"""Low-income population register (低收入人口, DOMAIN §8.1) and key-group visits (巡访/探访).

``LowIncomeEntry`` watches a household that is not (or no longer) a recipient. A visit plan
(``PatrolPlan``) names, for one month and one village, the person responsible and the people
of key groups to visit (``PatrolPlanItem``); ``PatrolVisit`` is the short record of one visit.
A 巡访 record is deliberately not the casework 入户调查 (:class:`~.casework.Visit`): it has no
investigators, no assets and no signatures, only needs found and help given.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class LowIncomeEntry(Base):
    """One household on the low-income register, from the day entered to its exit."""

    __tablename__ = "low_income_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    category: Mapped[str] = mapped_column(String(24))  # code in domain.low_income.CATEGORIES
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(
        String(16), default="manual"
    )  # manual|finding|visit|register
    source_ref: Mapped[str] = mapped_column(String(64), default="")
    entered_on: Mapped[date] = mapped_column(Date)
    next_review: Mapped[date] = mapped_column(Date, index=True)
    exit_on: Mapped[date | None] = mapped_column(Date, index=True)
    exit_reason: Mapped[str] = mapped_column(Text, default="")
    created_by_name: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_name: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class PatrolPlan(Base):
    """The month's 巡访 plan of one village, with the person responsible (包村干部)."""

    __tablename__ = "patrol_plan"
    __table_args__ = (UniqueConstraint("month", "village_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[date] = mapped_column(Date, index=True)  # first day of the month
    village_id: Mapped[int] = mapped_column(ForeignKey("village.id"), index=True)
    responsible: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_name: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class PatrolPlanItem(Base):
    """A person to visit in a plan, with the key group that put them there."""

    __tablename__ = "patrol_plan_item"
    __table_args__ = (UniqueConstraint("plan_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("patrol_plan.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    key_group: Mapped[str] = mapped_column(String(24))  # code in domain.low_income.KEY_GROUPS


class PatrolVisit(Base):
    """A short 巡访/探访 record: needs found, help given, problem solved or not."""

    __tablename__ = "patrol_visit"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("village.id"), index=True)
    plan_item_id: Mapped[int | None] = mapped_column(ForeignKey("patrol_plan_item.id"), index=True)
    key_group: Mapped[str] = mapped_column(String(24), default="")
    visited_on: Mapped[date] = mapped_column(Date, index=True)
    visitor: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(8), default="onsite")  # services.visits.MODES
    needs: Mapped[str] = mapped_column(Text, default="")
    help_given: Mapped[str] = mapped_column(Text, default="")
    solved: Mapped[bool] = mapped_column(Boolean, default=False)
    follow_up: Mapped[str] = mapped_column(Text, default="")
    created_by_name: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
