"""The statistics reads and exports behind the :mod:`reliefdesk.services.statistics` facade."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ...db.engine import Database
from ...documents.xlsx._cells import save_atomically
from ...domain.months import parse_month_text
from ...errors import ValidationError
from ...models import Office, Township
from .. import audit
from ..context import Actor
from .month import (
    MonthStats,
    month_stats_in,
)
from .tables import month_sheets
from .year import YearReport, year_report_in

_FIRST_YEAR = 2000  # the years a statistics request may name
_LAST_YEAR = 2100


def _month(value: str | date) -> date:
    if isinstance(value, date):
        return value.replace(day=1)
    return parse_month_text(value, max_ahead=1)


def month_stats(db: Database, actor: Actor, month: str | date) -> MonthStats:
    """The statistics of one month from its locked rosters."""
    actor.require("read")
    with db.read_session() as s:
        return month_stats_in(s, _month(month), actor)


def latest_month(db: Database, actor: Actor) -> date | None:
    """The latest month with a locked regular roster (the page opens on it), or None."""
    from ..roster.build import latest_locked_month

    actor.require("read")
    with db.read_session() as s:
        return latest_locked_month(s)


def year_report(db: Database, actor: Actor, year: int) -> YearReport:
    """The year-end report of ``year``."""
    actor.require("read")
    if not _FIRST_YEAR <= int(year) <= _LAST_YEAR:
        raise ValidationError(f"年度“{year}”不正确。", code="stats.year")
    with db.read_session() as s:
        return year_report_in(s, int(year), actor)


def township_name(db: Database) -> tuple[str, str]:
    """(code, name) of this office's township."""
    with db.read_session() as s:
        office = s.query(Office).first()
        town = s.get(Township, office.township_id) if office and office.township_id else None
        if town is None:
            town = s.query(Township).order_by(Township.id).first()
        return (town.code, town.name) if town else ("", office.office_name if office else "")


def export_month_xlsx(
    db: Database, actor: Actor, month: str | date, path: str | os.PathLike[str]
) -> tuple[Path, str]:
    """The month's tables as a workbook (月报, 汇总表, 分村, 校验); audited."""
    from ...documents.xlsx.statistics import write_statistics

    stats = month_stats(db, actor, month)
    written, sha = write_statistics(path, month_sheets(stats, township_name(db)[1]))
    with db.session() as s:
        audit.record(
            s,
            actor,
            "stats.export",
            "statistics",
            stats.month_text,
            detail={"kind": "month_xlsx", "file": written.name, "sha256": sha},
        )
    return written, sha


def export_year(
    db: Database, actor: Actor, year: int, path: str | os.PathLike[str]
) -> tuple[Path, str]:
    """The year report as .xlsx or .pdf (by the file's suffix); audited."""
    report = year_report(db, actor, year)
    suffix = Path(path).suffix.lower()
    town = township_name(db)[1]
    if suffix == ".xlsx":
        from ...documents.xlsx.statistics import write_statistics
        from .tables import year_sheets

        written, sha = write_statistics(path, year_sheets(report, town))
    elif suffix == ".pdf":
        from ...documents.pdf.statistics import build_year_pdf
        from .tables import year_pdf_data

        pdf = build_year_pdf(year_pdf_data(report, town, actor.display_name or actor.username))

        def write_pdf(tmp: Path) -> None:
            tmp.write_bytes(pdf)

        written, sha = save_atomically(path, write_pdf)
    else:
        raise ValidationError("输出文件须为 .xlsx 或 .pdf。", code="stats.suffix")
    with db.session() as s:
        audit.record(
            s,
            actor,
            "stats.export",
            "statistics",
            str(year),
            detail={"kind": f"year_{suffix[1:]}", "file": written.name, "sha256": sha},
        )
    return written, sha
