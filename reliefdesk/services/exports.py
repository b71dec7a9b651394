"""Exporting a list to a workbook, audited: the one service every page's "导出 Excel" uses
(台账 of applications, 超期清单, and later 在保名单 or any other list).

The page hands over what it shows (column titles and formatted rows); this writes it with
:func:`reliefdesk.documents.xlsx.table.write_table`, stamps 制表人 (the user's display name)
and the date, and records an ``export.table`` audit event with the file's SHA-256.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..db.engine import Database
from ..documents.xlsx.table import TableSheet, write_table
from . import audit
from .context import Actor

__all__ = ["ExportResult", "export_table"]

# What may be exported (audit "kind" -> sheet title).
LIST_KINDS = {
    "ledger": "申请审批台账",
    "overdue": "超期清单",
    "visits": "入户调查台账",
    "enrollments": "在保名单",
}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    sha256: str


def export_table(
    db: Database,
    actor: Actor,
    kind: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str | int | None]],
    path: str | os.PathLike[str],
    *,
    text_columns: Sequence[int] = (),
    widths: Sequence[int] = (),
    note: str = "",
) -> ExportResult:
    """Write the list ``kind`` to ``path`` (xlsx) and audit it in the same transaction."""
    actor.require("read")
    title = LIST_KINDS.get(kind, kind)
    maker = actor.display_name or actor.username
    subtitle = f"制表人：{maker}　制表日期：{date.today().isoformat()}"
    if note:
        subtitle += f"　{note}"
    written, sha = write_table(
        path,
        TableSheet(title, tuple(headers), rows, subtitle, frozenset(text_columns), tuple(widths)),
    )
    with db.session() as s:
        audit.record(
            s,
            actor,
            "export.table",
            "export",
            kind,
            detail={"title": title, "rows": len(rows), "file": written.name, "sha256": sha},
        )
    return ExportResult(written, len(rows), sha)
