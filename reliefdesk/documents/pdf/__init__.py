"""PDF builders for case documents: plain data in (``documents.forms_data``), PDF bytes out.

Importing this package installs the Chinese line-breaking fix (``kinsoku``) into
reportlab and, on first build, registers an embedded Chinese TrueType font (``fonts``).
"""

from __future__ import annotations

from .application import build_application_form, build_batch
from .fonts import FontChoice, ensure_font
from .notices import build_aid_receipt, build_decision_letter, build_notice
from .roster import build_change_roster, build_roster
from .visit import build_visit_record

__all__ = [
    "FontChoice",
    "build_aid_receipt",
    "build_application_form",
    "build_batch",
    "build_change_roster",
    "build_decision_letter",
    "build_notice",
    "build_roster",
    "build_visit_record",
    "ensure_font",
]
