"""Office settings, townships and villages, policy versions, holidays, key/value settings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class Office(Base):
    """The one office this database belongs to (民政所)."""

    __tablename__ = "office"
    id: Mapped[int] = mapped_column(primary_key=True)
    county: Mapped[str] = mapped_column(String(64))
    county_code: Mapped[str] = mapped_column(String(12), default="")
    township_id: Mapped[int | None] = mapped_column(ForeignKey("township.id"))
    office_name: Mapped[str] = mapped_column(String(128))
    phone: Mapped[str] = mapped_column(String(32), default="")
    policy_url: Mapped[str] = mapped_column(String(512), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Township(Base):
    """乡镇/街道 with its 9-digit statistical division code."""

    __tablename__ = "township"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8), default="镇")  # 街道 / 镇 / 乡
    villages: Mapped[list[Village]] = relationship(back_populates="township")


class Village(Base):
    """村(社区); the 12-digit code is optional (not published for Ruzhou)."""

    __tablename__ = "village"
    __table_args__ = (UniqueConstraint("township_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("township.id"), index=True)
    code: Mapped[str | None] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(64))
    is_community: Mapped[bool] = mapped_column(Boolean, default=False)  # 社区 (urban)
    township: Mapped[Township] = relationship(back_populates="villages")


class PolicyVersion(Base):
    """Effective-dated policy pack (standards, limits, time limits) as data."""

    __tablename__ = "policy_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    effective_from: Mapped[date] = mapped_column(Date, index=True)
    name: Mapped[str] = mapped_column(String(128))
    data: Mapped[dict[str, Any]] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="system")


class Holiday(Base):
    """Official 放假 (kind='holiday') and 调休 make-up working days (kind='workday')."""

    __tablename__ = "holiday"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(32), default="")


class Setting(Base):
    """Office-wide settings as JSON values (lockout, idle minutes, language...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class TownshipSetting(Base):
    """A setting for one township (office name, phone, policy URL, signatures, delegation of
    审核确认...); where a township has none, the county value in :class:`Setting` applies."""

    __tablename__ = "township_setting"
    __table_args__ = (UniqueConstraint("township_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("township.id"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON)
