"""Statistics (民政统计): monthly figures, the year-end report and the county roll-up.

Public API (read-only sessions; exports are audited):

- :func:`month_stats` → :class:`MonthStats` (only locked rosters count);
- :func:`year_report` → :class:`YearReport`;
- :func:`export_month_xlsx`, :func:`export_year` (xlsx or pdf);
- county roll-up: :func:`export_package`, :func:`import_package`, :func:`county_table`.
"""

from __future__ import annotations

from ...errors import RuleViolation, ValidationError
from .county import (
    CountyRow,
    CountyTable,
    ImportResult,
    PackageResult,
    county_table,
    export_package,
    import_package,
    township_figures,
)
from .month import (
    CATEGORY_KEYS,
    CATEGORY_LABELS,
    MONTHLY_KEYS,
    Figures,
    MonthStats,
    average_per_person_fen,
    month_stats_in,
)
from .reads import (
    export_month_xlsx,
    export_year,
    latest_month,
    month_stats,
    township_name,
    year_report,
)
from .tables import MONTH_HEADERS, YEAR_HEADERS, month_rows, month_sheets, year_rows, yuan
from .year import CategoryYear, StandardChange, YearReport, growth_percent, year_report_in

__all__ = [
    "CATEGORY_KEYS",
    "CATEGORY_LABELS",
    "MONTHLY_KEYS",
    "MONTH_HEADERS",
    "YEAR_HEADERS",
    "CategoryYear",
    "CountyRow",
    "CountyTable",
    "Figures",
    "ImportResult",
    "MonthStats",
    "PackageResult",
    "RuleViolation",
    "StandardChange",
    "ValidationError",
    "YearReport",
    "average_per_person_fen",
    "county_table",
    "export_month_xlsx",
    "export_package",
    "export_year",
    "growth_percent",
    "import_package",
    "latest_month",
    "month_rows",
    "month_sheets",
    "month_stats",
    "month_stats_in",
    "township_figures",
    "township_name",
    "year_report",
    "year_report_in",
    "year_rows",
    "yuan",
]
