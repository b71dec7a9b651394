"""Import batches of existing recipients (存量导入, DOMAIN §12.1) and where each imported
household came from.

Importing already-approved recipients is a data migration, recorded as such (民发〔2021〕57号
第二十八条 forbids adding anyone without the procedure; the import brings in people an earlier
procedure already approved): every batch names its file (name and SHA-256) and who imported
it, and every household record names its sheet and rows, the original approval date and
document number where the sheet had them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class ImportBatch(Base):
    """One import of one file; ``status`` active | undone."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(256))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    shape: Mapped[str] = mapped_column(String(16))  # person | household
    sheets: Mapped[list[Any]] = mapped_column(JSON, default=list)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(8), default="active")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_by_name: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_by_name: Mapped[str | None] = mapped_column(String(64))
    undone_at: Mapped[datetime | None] = mapped_column()


class ImportRecord(Base):
    """One household brought in (``action`` create) or corrected (``action`` update) by a
    batch. ``before`` keeps what an update replaced, so undoing the batch restores it."""

    __tablename__ = "import_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    key: Mapped[str] = mapped_column(String(32), index=True)  # the head's ID number
    action: Mapped[str] = mapped_column(String(8))  # create | update
    household_id: Mapped[int] = mapped_column(Integer, index=True)
    enrollment_id: Mapped[int] = mapped_column(Integer, index=True)
    application_id: Mapped[int] = mapped_column(Integer)
    sheet: Mapped[str] = mapped_column(String(64))
    row_no: Mapped[int] = mapped_column(Integer)
    row_nos: Mapped[list[Any]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    approved_on: Mapped[date | None] = mapped_column(Date)
    document_no: Mapped[str] = mapped_column(String(64), default="")
    original_start: Mapped[date | None] = mapped_column(Date)
    incomplete: Mapped[bool] = mapped_column(Boolean, default=False)  # 待补录
    listed_persons: Mapped[int] = mapped_column(Integer, default=0)
    declared_persons: Mapped[int] = mapped_column(Integer, default=0)
    created_person_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
