"""Department data comparison (信息比对, DOMAIN §8.2, §12.2): the files other departments hand
over, each run against the register, the rows kept (minimal), and the findings (比对线索) the
warning rules (§8.3) produce for a clerk to check.

A delivery is an immutable run: file name, SHA-256, who and when, and its counts. The column
mapping an office confirmed for a source is remembered per source (:class:`ComparisonSource`).
A finding names the person and household it concerns (or, for a row that matches no one, the
row's own name and ID number), the run and row it came from, its due date and assignee, and its
outcome: open → confirmed (属实) / unfounded (不属实, with a reason) / handled (已处理).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class ComparisonSource(Base):
    """One department source (``deaths``, ``vehicle`` …) and its remembered column mapping
    (field -> header label as the department writes it)."""

    __tablename__ = "comparison_source"
    source: Mapped[str] = mapped_column(String(24), primary_key=True)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_by_name: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ComparisonRun(Base):
    """One department file compared with the register, with its counts."""

    __tablename__ = "comparison_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(24), index=True)
    file_name: Mapped[str] = mapped_column(String(256))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    sheet: Mapped[str] = mapped_column(String(64), default="")
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    matched: Mapped[int] = mapped_column(Integer, default=0)
    unmatched: Mapped[int] = mapped_column(Integer, default=0)
    name_mismatches: Mapped[int] = mapped_column(Integer, default=0)
    bad_ids: Mapped[int] = mapped_column(Integer, default=0)
    findings: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # findings by kind …
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_by_name: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DepartmentRow(Base):
    """One row of a run, kept minimal: the normalised ID (``""`` when unreadable), the name,
    the matched person, how it matched, and the row's useful fields."""

    __tablename__ = "department_row"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("comparison_run.id"), index=True)
    row_no: Mapped[int] = mapped_column(Integer)
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    name: Mapped[str] = mapped_column(String(64), default="")
    person_id: Mapped[int | None] = mapped_column(Integer)
    match: Mapped[str] = mapped_column(String(16))  # matched|name_mismatch|unmatched|bad_id
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Finding(Base):
    """A lead (比对线索) for a clerk to check. ``status``: open | confirmed | unfounded |
    handled; ``action`` records what was done for a confirmed finding."""

    __tablename__ = "finding"
    __table_args__ = (Index("ix_finding_status_kind", "status", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    recipient: Mapped[bool] = mapped_column(Boolean, default=False)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), index=True)
    name: Mapped[str] = mapped_column(String(64), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("comparison_run.id"), index=True)
    row_no: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    message: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    assignee_name: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    resolved_by_name: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None] = mapped_column()
    action: Mapped[str] = mapped_column(String(32), default="")
    action_ref: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
