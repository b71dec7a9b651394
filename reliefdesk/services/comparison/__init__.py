"""Department data comparison (信息比对, DOMAIN §8, §12.2) — one import for the GUI and the CLI.

- ``reading``: read a department file (xlsx/xls/csv, GBK or UTF-8) with the legacy-sheet
  reader and find its columns by the source's usual names or a remembered mapping;
- ``run``: match rows with the register by normalised ID (confirmed by the name), apply the
  warning rules of :mod:`reliefdesk.domain.comparison`, write run, rows and findings;
- ``findings``: the queue, outcomes and the action of a confirmed finding;
- ``schedule``: the comparison calendar and the run history.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.comparison import ACTION_LABELS, KIND_LABELS, SOURCE_LABELS, SOURCES
from ..context import Actor
from .findings import (
    OUTCOMES,
    STATUS_LABELS,
    count_open,
    count_open_in,
    get_finding,
    get_finding_in,
    list_findings,
    list_findings_in,
    may_take_action,
    resolve,
    resolve_in,
    take_action,
    take_action_in,
)
from .reading import check_source, read_department_file, table_from_rows
from .run import compare_file, compare_table_in, remembered_mapping_in
from .schedule import (
    MATCHES,
    calendar,
    calendar_in,
    list_rows,
    list_rows_in,
    list_runs,
    list_runs_in,
)
from .types import DeptRowView, DeptTable, FindingView, RunResult, RunView, ScheduleItem

__all__ = [
    "ACTION_LABELS",
    "KIND_LABELS",
    "MATCHES",
    "OUTCOMES",
    "SOURCES",
    "SOURCE_LABELS",
    "STATUS_LABELS",
    "DeptRowView",
    "DeptTable",
    "FindingView",
    "RunResult",
    "RunView",
    "ScheduleItem",
    "calendar",
    "calendar_in",
    "check_source",
    "compare_file",
    "compare_table_in",
    "count_open",
    "count_open_in",
    "get_finding",
    "get_finding_in",
    "list_findings",
    "list_findings_in",
    "list_rows",
    "list_rows_in",
    "list_runs",
    "list_runs_in",
    "may_take_action",
    "read_department_file",
    "remembered_mapping",
    "resolve",
    "resolve_in",
    "table_from_rows",
    "take_action",
    "take_action_in",
]


def remembered_mapping(db: Database, actor: Actor, source: str) -> dict[str, str]:
    """The column mapping the office confirmed for ``source`` (field -> header label)."""
    actor.require("read")
    check_source(source)
    with db.read_session() as s:
        return _remembered(s, source)


def _remembered(s: Session, source: str) -> dict[str, str]:
    return remembered_mapping_in(s, source)
