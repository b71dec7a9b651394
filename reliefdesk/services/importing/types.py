"""What the import services hand back: frozen views of a preview, a result and a batch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .plan import Problem

__all__ = [
    "BatchView",
    "ImportPreview",
    "ImportResult",
    "ProgrammeTotal",
    "SheetInfo",
    "VillageTotal",
]


@dataclass(frozen=True)
class ProgrammeTotal:
    programme: str
    label: str
    households: int
    persons: int
    amount_fen: int


@dataclass(frozen=True)
class VillageTotal:
    village: str
    households: int
    persons: int
    amount_fen: int


@dataclass(frozen=True)
class SheetInfo:
    """A sheet's header as found, and the mapping in force (field -> header label)."""

    name: str
    header_row: int
    labels: tuple[str, ...]
    mapping: dict[str, str]
    rows: int


@dataclass(frozen=True)
class ImportPreview:
    """The dry run: what an import of this file would do, and every problem row by row.
    Counts and totals are over the households that would be imported or updated."""

    file_name: str
    sha256: str
    shape: str  # person | household
    sheets: tuple[SheetInfo, ...]
    skipped_sheets: tuple[str, ...]
    households: int
    persons: int
    total_fen: int
    by_programme: tuple[ProgrammeTotal, ...]
    by_village: tuple[VillageTotal, ...]
    problems: tuple[Problem, ...]
    blocked: int  # households not imported because of an error
    to_create: int
    to_update: int
    unchanged: int
    incomplete: int  # 待补录
    already_imported_batch: int | None  # the same file is already imported (nothing to do)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")


@dataclass(frozen=True)
class ImportResult:
    batch_id: int | None
    created: int
    updated: int
    unchanged: int
    blocked: int
    persons: int
    total_fen: int
    preview: ImportPreview


@dataclass(frozen=True)
class BatchView:
    id: int
    file_name: str
    sha256: str
    shape: str
    status: str  # active | undone
    created_at: datetime
    created_by_name: str
    households: int
    persons: int
    amount_fen: int
    undone_at: datetime | None
    undone_by_name: str | None
