"""The register: households, persons, income items, assets, bank accounts.

A person belongs to exactly one household (``person.household_id`` is NOT NULL) and an ID
number appears once in the whole register (unique index).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

# Reasons a member is not counted in the household (DOMAIN §2.3).
EXCLUSION_REASONS = (
    "clergy_3y",
    "prison",
    "drug_rehab",
    "missing",
    "conscript",
    "provincial_other",
)
RELATIONS = (
    "head",
    "spouse",
    "child",
    "parent",
    "grandchild",
    "grandparent",
    "sibling",
    "child_in_law",
    "other",
)


class Household(Base):
    """户: the unit of a dibao application."""

    __tablename__ = "household"
    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("village.id"), index=True)
    address: Mapped[str] = mapped_column(String(256), default="")
    area_type: Mapped[str] = mapped_column(String(8))  # "urban" | "rural"
    phone: Mapped[str] = mapped_column(String(32), default="")
    entrusted: Mapped[bool] = mapped_column(Boolean, default=False)  # 代管 card held by an officer
    entrust_agreement_no: Mapped[str] = mapped_column(String(64), default="")
    entrust_agreement_date: Mapped[date | None] = mapped_column(Date)
    entrust_agent: Mapped[str] = mapped_column(String(64), default="", server_default="")
    near_dibao: Mapped[bool] = mapped_column(Boolean, default=False)  # 低保边缘家庭
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    members: Mapped[list[Person]] = relationship(
        back_populates="household", order_by="Person.id", foreign_keys="Person.household_id"
    )
    incomes: Mapped[list[IncomeItem]] = relationship(
        back_populates="household", order_by="IncomeItem.id"
    )
    assets: Mapped[list[Asset]] = relationship(back_populates="household", order_by="Asset.id")
    accounts: Mapped[list[BankAccount]] = relationship(
        back_populates="household", order_by="BankAccount.id"
    )


class Person(Base):
    """A member of a household; ID per GB 11643 (validated by the services)."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    id_type: Mapped[str] = mapped_column(String(16), default="resident")
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    id_number_old: Mapped[str | None] = mapped_column(String(15))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))  # "M" | "F"
    relation: Mapped[str] = mapped_column(String(16), default="head")
    counted: Mapped[bool] = mapped_column(Boolean, default=True)
    exclusion_reason: Mapped[str | None] = mapped_column(String(24))
    disability_category: Mapped[str | None] = mapped_column(
        String(16)
    )  # 视力/听力/言语/肢体/智力/精神/多重
    disability_level: Mapped[int | None] = mapped_column(Integer)  # 1..4
    health: Mapped[str] = mapped_column(String(16), default="healthy")  # healthy|chronic|serious
    labour_capacity: Mapped[str] = mapped_column(String(16), default="full")  # full|partial|none
    schooling: Mapped[str] = mapped_column(String(24), default="")
    employment: Mapped[str] = mapped_column(String(24), default="")
    ethnicity: Mapped[str] = mapped_column(String(16), default="")  # 民族, e.g. "汉族"; "" unknown
    hukou_type: Mapped[str] = mapped_column(String(16), default="")  # 户籍性质: urban|rural|""
    near_relative_of_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    staff_relation_note: Mapped[str] = mapped_column(String(128), default="")
    deceased_on: Mapped[date | None] = mapped_column(Date)
    search_initials: Mapped[str] = mapped_column(String(64), default="", index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    household: Mapped[Household] = relationship(
        back_populates="members", foreign_keys=[household_id]
    )


class PersonSearchKey(Base):
    """Precomputed search keys: full pinyin and initials for every surname reading."""

    __tablename__ = "person_search_key"
    __table_args__ = (Index("ix_person_search_key_key", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))


class IncomeItem(Base):
    """One income item (DOMAIN §2.7). ``counted=False`` keeps not-counted items on file."""

    __tablename__ = "income_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(String(256), default="")
    monthly_fen: Mapped[int] = mapped_column(Integer)
    counted: Mapped[bool] = mapped_column(Boolean, default=True)
    household: Mapped[Household] = relationship(back_populates="incomes")


class Asset(Base):
    """Movable or immovable property (DOMAIN §2.8); exempt items are kept but flagged."""

    __tablename__ = "asset"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    description: Mapped[str] = mapped_column(String(256), default="")
    value_fen: Mapped[int] = mapped_column(Integer, default=0)
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    household: Mapped[Household] = relationship(back_populates="assets")


class BankAccount(Base):
    """Bank card, passbook or social-security card; the number is kept as text."""

    __tablename__ = "bank_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    payee_person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24), default="bank_card")
    bank_name: Mapped[str] = mapped_column(String(64), default="")
    holder_name: Mapped[str] = mapped_column(String(64), default="")
    number: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    effective_month: Mapped[date | None] = mapped_column(Date)  # first month paid into it
    end_month: Mapped[date | None] = mapped_column(Date)  # last month paid into it (stopped)
    stop_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
    household: Mapped[Household] = relationship(back_populates="accounts")
