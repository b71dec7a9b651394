"""Search-as-you-type over persons: debounced, off the GUI thread, latest query wins.

Each keystroke restarts a ``DEBOUNCE_MS`` timer; when it fires, ``search.search_persons`` runs
on a worker. Every query gets a sequence number and only the result of the newest one is put
into the model, so a slow early query can never overwrite a later one.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from reliefdesk.errors import ReliefError
from reliefdesk.services.search import PersonHit, search_persons
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.households.rows_model import RowsModel
from reliefdesk.ui.labels import register as labels
from reliefdesk.ui.ops import QueryOp

DEBOUNCE_MS = 150
RESULT_LIMIT = 100


def hit_columns() -> list[tuple[str, Any]]:
    rel, progs, stat = labels.relations(), labels.programmes(), labels.enrollment_statuses()
    sexes = labels.sexes()
    return [
        (
            QCoreApplication.translate("PersonSearch", "Name"),
            lambda h: (
                h.name
                + (QCoreApplication.translate("PersonSearch", " (deceased)") if h.deceased else "")
            ),
        ),
        (QCoreApplication.translate("PersonSearch", "ID number"), lambda h: h.masked_id),
        (QCoreApplication.translate("PersonSearch", "Sex"), lambda h: labels.label(sexes, h.sex)),
        (
            QCoreApplication.translate("PersonSearch", "Date of birth"),
            lambda h: labels.day(h.birth_date),
        ),
        (
            QCoreApplication.translate("PersonSearch", "Relation to head"),
            lambda h: labels.label(rel, h.relation),
        ),
        (QCoreApplication.translate("PersonSearch", "Village"), lambda h: h.village_name),
        (
            QCoreApplication.translate("PersonSearch", "Household no."),
            lambda h: str(h.household_id),
        ),
        (
            QCoreApplication.translate("PersonSearch", "Programme"),
            lambda h: labels.label(progs, h.programme),
        ),
        (
            QCoreApplication.translate("PersonSearch", "Status"),
            lambda h: labels.label(stat, h.enrollment_status),
        ),
    ]


class PersonSearch(QObject):
    """Debounced person search feeding ``model``.

    Signals:
        started(str): the debounce fired and a query went to the worker.
        finished(str, int): the newest query's hits are in the model (query, hit count).
        rejected(str): the query was refused (e.g. an ID fragment that is too short).
    """

    started = Signal(str)
    finished = Signal(str, int)
    rejected = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = RowsModel(hit_columns(), self)
        self._text = ""
        self._seq = 0
        self.last_started_at = 0.0
        self.last_latency_ms = 0.0
        self.filters: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Called on every keystroke; the query runs ``DEBOUNCE_MS`` after the last one."""
        self._text = text.strip()
        if not self._text:
            self._timer.stop()
            self._seq += 1  # anything in flight is now stale
            self.model.set_rows([])
            return
        self._timer.start()

    def run_now(self) -> None:
        """Skip the debounce (Enter in the search box)."""
        if self._timer.isActive():
            self._timer.stop()
            self._on_timer_timeout()

    def _on_timer_timeout(self) -> None:
        self._seq += 1
        seq, text, ctx, filters = self._seq, self._text, self._ctx, dict(self.filters)
        self.last_started_at = time.perf_counter()
        self.started.emit(text)

        def op() -> list[PersonHit]:
            return search_persons(ctx.db, ctx.actor, text, limit=RESULT_LIMIT, **filters)

        def done(hits: list[PersonHit]) -> None:
            if seq != self._seq:
                return  # a newer query was started; drop this stale result
            self.model.set_rows(hits)
            self.last_latency_ms = (time.perf_counter() - self.last_started_at) * 1000
            self.finished.emit(text, len(hits))

        def fail(error: ReliefError) -> None:
            if seq == self._seq:
                self.model.set_rows([])
                self.rejected.emit(str(error))

        QueryOp(parent=None, owner=self, op=op, success=done).failure(fail).run_in_background()
