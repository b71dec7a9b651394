"""What every page gets: the open database, the signed-in actor, the office, and the signals
pages use to ask for each other (open a household, an application...) and to hear what a write
changed (``changed(changes, initiator)``, after Anki's ``operation_did_execute``: a
:class:`~reliefdesk.services.changes.Changes` and the object the write came from). Only
:class:`reliefdesk.ui.ops.MutationOp` emits ``changed``; pages listen through
:class:`reliefdesk.ui.refresh.PageRefresh`."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QSettings, Signal

from reliefdesk.db.engine import Database
from reliefdesk.services.context import Actor
from reliefdesk.services.settings import OfficeInfo

_current: weakref.ref[AppContext] | None = None


class AppContext(QObject):
    """Shared by all pages of one signed-in session."""

    householdRequested = Signal(int)  # open this household's page
    applicationRequested = Signal(int)  # open this application's page
    visitRequested = Signal(int, int)  # (visit id or 0 for a new one, application id or 0)
    newApplicationRequested = Signal(int)  # household id or 0
    enrollmentRequested = Signal(int)  # open this enrollment's household screen
    changed = Signal(object, object)  # (Changes, initiator or None)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        office: OfficeInfo | None,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        global _current
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.office = office
        self.settings = settings
        _current = weakref.ref(self)  # the newest sign-in is the one the ops broadcast to


def current() -> AppContext | None:
    """The context of the newest sign-in (None before the first or after it was deleted)."""
    return _current() if _current is not None else None
