"""Monthly payment rosters (发放花名册): snapshots of who is paid what in a month.

A roster line copies payee, ID, account and the calculation basis, so a later registry edit
never changes a locked month (DESIGN §2). Locking stores a SHA-256 over the canonical lines.
Bank status (paid/failed after the bank's return file) is an annotation outside the hash.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow

CHANGE_FLAGS = ("新增", "存量", "停发", "调增", "调减", "补发", "扣减", "不变")
ADJUSTMENT_KINDS = ("补发", "扣减", "追回")


class Roster(Base):
    """One roster: a month, a programme (or 'all'), regular or supplementary (补发名册), for one
    township (``township_id``) or, when None, for every township of the database (the county
    pays centrally, or a one-office database from before townships were scopes)."""

    __tablename__ = "roster"
    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int | None] = mapped_column(ForeignKey("township.id"), index=True)
    month: Mapped[date] = mapped_column(Date, index=True)  # first of month
    programme: Mapped[str] = mapped_column(String(16))  # a programme code or "all"
    kind: Mapped[str] = mapped_column(String(16), default="regular")  # regular | supplementary
    seq_no: Mapped[int] = mapped_column(Integer, default=0)  # 0 regular; 1.. supplementary
    status: Mapped[str] = mapped_column(String(8), default="draft")  # draft | locked
    generated_at: Mapped[datetime] = mapped_column(default=utcnow)
    generated_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    generated_by_name: Mapped[str] = mapped_column(String(64), default="")
    locked_at: Mapped[datetime | None] = mapped_column()
    locked_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    locked_by_name: Mapped[str] = mapped_column(String(64), default="")
    unlock_history: Mapped[list[Any]] = mapped_column(JSON, default=list)
    lines_sha256: Mapped[str | None] = mapped_column(String(64))
    households: Mapped[int] = mapped_column(Integer, default=0)
    persons: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    # 县级审核: the county reviews a township's roster after the township locked it
    county_reviewed_at: Mapped[datetime | None] = mapped_column()
    county_reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    county_reviewed_by_name: Mapped[str] = mapped_column(String(64), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


# one regular roster per month, programme and township (None counts as one scope: the county)
Index(
    "uq_roster_month_programme_kind_seq_no_township",
    Roster.month,
    Roster.programme,
    Roster.kind,
    Roster.seq_no,
    func.coalesce(Roster.township_id, 0),
    unique=True,
)


class RosterLine(Base):
    """One household (or tekun person) in a roster: a frozen copy of the payment facts."""

    __tablename__ = "roster_line"
    __table_args__ = (
        UniqueConstraint("roster_id", "line_no"),
        Index("ix_roster_line_roster_enrollment", "roster_id", "enrollment_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    payee_person_id: Mapped[int | None] = mapped_column(Integer)
    payee_name: Mapped[str] = mapped_column(String(64))
    payee_id_number: Mapped[str] = mapped_column(String(18))
    account: Mapped[str] = mapped_column(String(32), default="")
    account_kind: Mapped[str] = mapped_column(String(24), default="bank_card")
    bank: Mapped[str] = mapped_column(String(64), default="")
    holder_name: Mapped[str] = mapped_column(String(64), default="")
    village: Mapped[str] = mapped_column(String(64), default="")
    township: Mapped[str] = mapped_column(String(64), default="")
    programme: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32), default="")
    persons: Mapped[int] = mapped_column(Integer)
    members_counted: Mapped[int] = mapped_column(Integer)
    standard_fen: Mapped[int] = mapped_column(Integer)
    per_capita_income_fen: Mapped[int | None] = mapped_column(Integer)
    due_fen: Mapped[int] = mapped_column(Integer)
    adjustment_fen: Mapped[int] = mapped_column(Integer, default=0)
    adjustment_reason: Mapped[str] = mapped_column(Text, default="")
    paid_fen: Mapped[int] = mapped_column(Integer)
    change_flag: Mapped[str] = mapped_column(String(8), default="不变")
    change_reason: Mapped[str] = mapped_column(Text, default="")
    working: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    bank_status: Mapped[str] = mapped_column(String(8), default="pending")  # pending|paid|failed
    bank_reason: Mapped[str] = mapped_column(Text, default="")


class RosterProblemAck(Base):
    """A validation warning a user acknowledged (who and when) so the roster may be locked."""

    __tablename__ = "roster_problem_ack"
    __table_args__ = (UniqueConstraint("roster_id", "line_no", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)  # 0 = the roster as a whole
    code: Mapped[str] = mapped_column(String(48))
    message: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class RosterExport(Base):
    """One exported file: who, when, what kind, rows, total, file hash, roster hash."""

    __tablename__ = "roster_export"
    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # bank | roster | summary
    file_name: Mapped[str] = mapped_column(String(256))
    rows: Mapped[int] = mapped_column(Integer)
    total_fen: Mapped[int] = mapped_column(Integer)
    file_sha256: Mapped[str] = mapped_column(String(64))
    roster_sha256: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class BankReturn(Base):
    """One row of the bank's result file (回盘文件) as imported, matched to a line if possible."""

    __tablename__ = "bank_return"
    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id", ondelete="CASCADE"), index=True)
    roster_line_id: Mapped[int | None] = mapped_column(ForeignKey("roster_line.id"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    id_number: Mapped[str] = mapped_column(String(32), default="")
    account: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(64), default="")
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    success: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class RosterAdjustment(Base):
    """补发 / 扣减 / 追回: money owed to or by an enrollment, paid or deducted in a later roster.

    ``amount_fen`` is positive; the kind gives the sign. ``for_month`` is the month the money
    belongs to; ``apply_month`` the first roster month that may carry it. A failed bank payment
    waits until the account is fixed (``account_fixed`` or a different active account).
    """

    __tablename__ = "roster_adjustment"
    __table_args__ = (Index("ix_roster_adjustment_pending", "applied_in_roster_id", "apply_month"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # 补发 | 扣减 | 追回
    amount_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    for_month: Mapped[date] = mapped_column(Date)
    apply_month: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(24))  # failed_payment|back_pay|overpayment|manual
    source_roster_id: Mapped[int | None] = mapped_column(ForeignKey("roster.id"), index=True)
    source_line_id: Mapped[int | None] = mapped_column(ForeignKey("roster_line.id"), index=True)
    failed_account: Mapped[str | None] = mapped_column(String(32))
    account_fixed: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    applied_in_roster_id: Mapped[int | None] = mapped_column(ForeignKey("roster.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
