"""Casework: applications (申请) moving through the legal steps of their programme — one import
for the GUI and the CLI.

The family follows the roster family's seam:

- ``types``: the vocabularies and the frozen views (:class:`ApplicationView`, rows, batches);
- ``facts``: the facts and rules read from records and steps (route, publicity start, amounts);
  the pure admission rules themselves live in :mod:`reliefdesk.domain.admission`;
- reads: ``reads`` (one application, the plain list), ``board`` (workbench, overdue),
  ``lists`` (the searchable, sortable case list), ``events`` (follow-up events due);
- commands: ``workflow`` (``perform`` one workflow action, publicity batches), ``create``
  (受理, self-care assessment, deadline extension), ``green`` (特事特办), ``followup``
  (self-care changes and tekun reassessment).
"""

from __future__ import annotations

from .board import OverdueItem, Workbench, WorkItem, overdue, workbench
from .create import create_application, create_application_in, extend_deadline, record_self_care
from .lists import SORT_COLUMNS, CaseListRow, case_deadline, list_cases
from .reads import get_application, list_applications
from .types import (
    SELF_CARE_ITEMS,
    SELF_CARE_LABELS,
    ApplicationRow,
    ApplicationView,
    PublicityBatch,
    RecordView,
    StepView,
)
from .workflow import perform, perform_in, start_publicity_batch

__all__ = [
    "SELF_CARE_ITEMS",
    "SELF_CARE_LABELS",
    "SORT_COLUMNS",
    "ApplicationRow",
    "ApplicationView",
    "CaseListRow",
    "OverdueItem",
    "PublicityBatch",
    "RecordView",
    "StepView",
    "WorkItem",
    "Workbench",
    "case_deadline",
    "create_application",
    "create_application_in",
    "extend_deadline",
    "get_application",
    "list_applications",
    "list_cases",
    "overdue",
    "perform",
    "perform_in",
    "record_self_care",
    "start_publicity_batch",
    "workbench",
]
