"""A synthetic legacy recipient workbook for training the import (``reliefdesk-admin demo
--legacy-workbook OUT.xlsx``): made-up people laid out the way offices keep their own sheets,
with the oddities the import wizard lists (DOMAIN §12.1)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..documents.legacy.sample import make_households, write_person_xlsx

__all__ = ["LegacyWorkbook", "write_legacy_workbook"]


@dataclass(frozen=True)
class LegacyWorkbook:
    path: Path
    households: int
    persons: int
    amount_fen: int


def write_legacy_workbook(
    path: str | Path, households: int = 200, seed: int = 2023, oddities: bool = True
) -> LegacyWorkbook:
    """Write the workbook (no database involved)."""
    hh = make_households(max(households, 30), seed=seed, oddities=oddities)
    target = write_person_xlsx(path, hh, oddities=True)
    return LegacyWorkbook(
        target, len(hh), sum(len(h.members) for h in hh), sum(h.amount_fen for h in hh)
    )
