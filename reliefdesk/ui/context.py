"""What every page gets: the open database, the signed-in actor, the office, and the signals
pages use to ask for each other (open a household, an application...) or to announce what
changed (OpChanges-style: a set of kinds such as {"households", "applications"})."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from reliefdesk.db.engine import Database
from reliefdesk.services.context import Actor
from reliefdesk.services.settings import OfficeInfo

CHANGE_KINDS = ("households", "applications", "visits", "enrollments", "rosters", "settings")


class AppContext(QObject):
    """Shared by all pages of one signed-in session."""

    householdRequested = Signal(int)  # open this household's page
    applicationRequested = Signal(int)  # open this application's page
    visitRequested = Signal(int, int)  # (visit id or 0 for a new one, application id or 0)
    newApplicationRequested = Signal(int)  # household id or 0
    enrollmentRequested = Signal(int)  # open this enrollment's household screen
    changed = Signal(object)  # set[str] of CHANGE_KINDS

    def __init__(self, db: Database, actor: Actor, office: OfficeInfo | None,
                 settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.office = office
        self.settings = settings

    def announce(self, *kinds: str) -> None:
        self.changed.emit(set(kinds))
