"""Legacy recipient sheets (DOMAIN §12.1): read .xlsx/.xls/.csv, find the header, hand back
plain tables. Pure: file in, rows out; no database, no Qt.

:func:`read_tables` is the entry point: one :class:`LegacyTable` per sheet that has a
recognisable header (a 字典 or notes sheet without one is listed in ``skipped``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .header import FIELD_LABELS, FIELDS, HeaderGuess, find_header, match_label, normalise_label
from .problems import PROBLEM_SHEET
from .reader import RawSheet, file_sha256, read_sheets, sheet_names

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "HeaderGuess",
    "LegacyTable",
    "RawSheet",
    "file_sha256",
    "find_header",
    "match_label",
    "normalise_label",
    "read_sheets",
    "read_tables",
    "sheet_names",
]


@dataclass(frozen=True)
class LegacyTable:
    """A sheet's header and its data rows; ``rows`` are (1-based sheet row number, cells)."""

    sheet: str
    header_row: int  # 1-based row number of the (last) header row
    labels: tuple[str, ...]
    mapping: dict[str, int]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


def read_tables(
    path: str | Path, sheet: str | None = None, skipped: list[str] | None = None
) -> list[LegacyTable]:
    """Every sheet with a header, as a table; sheets without one go to ``skipped``."""
    out: list[LegacyTable] = []
    for raw in read_sheets(path, sheet):
        guess = None if raw.name == PROBLEM_SHEET else find_header(raw.rows)
        if guess is None:
            if skipped is not None:
                skipped.append(raw.name)
            continue
        rows = [
            (i + 1, r) for i, r in enumerate(raw.rows[guess.data_start :], start=guess.data_start)
        ]
        out.append(LegacyTable(raw.name, guess.row + 1, guess.labels, dict(guess.mapping), rows))
    return out
