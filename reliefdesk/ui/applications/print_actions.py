"""Print actions of the casework screens (issue #5): which documents an application can be
printed as now, and the 公示 notice of an application's whole publicity batch.

The rules stay in :mod:`reliefdesk.services.printing` (it refuses an undecided decision letter,
a notice of mixed periods, a role without ``print``); this module only decides which buttons to
offer and gathers the ids, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QWidget

from reliefdesk.db.engine import Database
from reliefdesk.errors import ValidationError
from reliefdesk.services import casework, printing
from reliefdesk.services.casework import ApplicationView
from reliefdesk.services.context import Actor
from reliefdesk.services.printing import PrintResult
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.printing import print_document

DECIDED = ("approved", "refused")


def can_print_decision(view: ApplicationView) -> bool:
    """A 确认通知书 / 不予确认告知书 exists once the application is approved or refused."""
    return view.decision in DECIDED and view.decided_on is not None


def can_print_notice(view: ApplicationView) -> bool:
    """The 公示 sheet exists once publicity started (with a proposed amount)."""
    return view.publicity_start is not None and view.proposed_fen is not None


class _HasState(Protocol):
    @property
    def state(self) -> str: ...


RowT = TypeVar("RowT", bound=_HasState)


def notice_rows(rows: Sequence[RowT]) -> list[RowT]:
    """Of the selected list rows, those in publicity (the notice of the list's 打印公示名单)."""
    return [r for r in rows if r.state == "publicity"]


def batch_ids(db: Database, actor: Actor, view: ApplicationView) -> list[int]:
    """Ids on the same notice board as ``view``: this one, and — while it is in publicity —
    every application in publicity that started on the same day (a batch starts on one day,
    and the last day follows from the first)."""
    ids = [view.id]
    if view.state != "publicity" or view.publicity_start is None:
        return ids
    rows = casework.list_applications(db, actor, state="publicity", limit=printing.MAX_BATCH)
    ids += [r.id for r in rows if r.id != view.id and r.state_since == view.publicity_start]
    return ids[: printing.MAX_BATCH]


def batch_notice_pdf(db: Database, actor: Actor, view: ApplicationView) -> PrintResult:
    """The notice of ``view``'s batch; just this application if the batch's periods differ."""
    ids = batch_ids(db, actor, view)
    try:
        return printing.notice_pdf(db, actor, ids)
    except ValidationError as error:
        if error.code != "notice.periods" or len(ids) == 1:
            raise
        return printing.notice_pdf(db, actor, [view.id])


def preview_batch_notice(ctx: AppContext, parent: QWidget | None, view: ApplicationView) -> None:
    """Open the 公示 notice of ``view``'s publicity batch."""
    db, actor = ctx.db, ctx.actor
    print_document(ctx, parent, lambda: batch_notice_pdf(db, actor, view))


def gate(button: QAbstractButton, allowed: bool, enabled: bool, tip: str, why_not: str) -> None:
    """Enable ``button`` only when the role may print and the document exists; the tooltip
    says what it prints or why it cannot."""
    button.setEnabled(allowed and enabled)
    if not allowed:
        button.setToolTip(QCoreApplication.translate("PrintActions", "Your role cannot print."))
    else:
        button.setToolTip(tip if enabled else why_not)
