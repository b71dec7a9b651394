"""Monthly payment rosters (发放花名册): the public API of the roster services.

Life of a roster (DOMAIN §7): ``generate`` a draft for a month → look at ``diff`` →
``validate`` (errors must be fixed in the register and the draft regenerated; warnings are
``acknowledge``-d by a named user) → ``lock`` (approver; stores the SHA-256 of the canonical
lines) → ``export`` the bank file, internal roster and village summary → ``import_return``
the bank's result file (failed lines become 补发 adjustments paid once the account is fixed).
``unlock`` (admin, with a reason) is the only way back; ``verify_locked_rosters`` catches edits
made behind the app's back and runs in ``reliefdesk-admin check`` (``services.check``).
"""

from __future__ import annotations

from ...domain.programmes import MONTHLY_PROGRAMMES
from .adjust import add_adjustment, cancel_adjustment, mark_account_fixed, record_back_pay
from .build import discard_draft, generate_supplementary
from .check import (
    HASHED_FIELDS,
    acknowledge,
    lock,
    roster_hash,
    unlock,
    validate,
    validate_in,
    verify_locked_rosters,
)
from .county import county_review
from .generate import generate, generate_in
from .io import bank_template, export, import_return
from .read import (
    count_lines,
    diff,
    get_roster,
    list_adjustments,
    list_exports,
    list_lines,
    list_rosters,
    list_rosters_in,
    roster_for,
    roster_history,
)
from .types import (
    PROGRAMME_LABELS,
    AdjustmentView,
    DiffEntry,
    ExportRecord,
    ImportResult,
    LineView,
    Problem,
    RosterDiff,
    RosterView,
    month_text,
    parse_month,
)

__all__ = [
    "HASHED_FIELDS",
    "MONTHLY_PROGRAMMES",
    "PROGRAMME_LABELS",
    "AdjustmentView",
    "DiffEntry",
    "ExportRecord",
    "ImportResult",
    "LineView",
    "Problem",
    "RosterDiff",
    "RosterView",
    "acknowledge",
    "add_adjustment",
    "bank_template",
    "cancel_adjustment",
    "count_lines",
    "county_review",
    "diff",
    "discard_draft",
    "export",
    "generate",
    "generate_in",
    "generate_supplementary",
    "get_roster",
    "import_return",
    "list_adjustments",
    "list_exports",
    "list_lines",
    "list_rosters",
    "list_rosters_in",
    "lock",
    "mark_account_fixed",
    "month_text",
    "parse_month",
    "record_back_pay",
    "roster_for",
    "roster_hash",
    "roster_history",
    "unlock",
    "validate",
    "validate_in",
    "verify_locked_rosters",
]
