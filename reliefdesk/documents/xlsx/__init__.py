"""openpyxl / python-calamine workbooks for payment rolls (DOMAIN §7): pure data in, files out.

``reliefdesk.documents.workbooks`` re-exports the same names; import from either.
"""

from __future__ import annotations

from .bank import check_bank_lines, write_bank_file
from .bank_return import HEADER_SYNONYMS, read_bank_return
from .model import ExportResult, ReturnRow, RollHeader, RollLine, VillageSummaryRow
from .naming import EXPORT_KINDS, export_file_name
from .problems import RowProblemsError
from .roster import ROSTER_COLUMNS, SUMMARY_COLUMNS, write_internal_roster, write_village_summary
from .template import DEFAULT_BANK_TEMPLATE, BankColumn, BankTemplate

__all__ = [
    "DEFAULT_BANK_TEMPLATE",
    "EXPORT_KINDS",
    "HEADER_SYNONYMS",
    "ROSTER_COLUMNS",
    "SUMMARY_COLUMNS",
    "BankColumn",
    "BankTemplate",
    "ExportResult",
    "ReturnRow",
    "RollHeader",
    "RollLine",
    "RowProblemsError",
    "VillageSummaryRow",
    "check_bank_lines",
    "export_file_name",
    "read_bank_return",
    "write_bank_file",
    "write_internal_roster",
    "write_village_summary",
]
