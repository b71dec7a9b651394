"""One way for a page to follow what writes changed (after Anki's ``op_executed`` hooks):
reload now if the page is visible, else mark it stale and reload when it is next shown.

Usage, in a page's ``__init__``::

    self.refresher = PageRefresh(self, ctx, ("households", "enrollments"), self.reload)

``reload`` may take the ``Changes`` (``reload(changes)``, or ``reload(changes, initiator)``)
to refresh single rows by id; both are ``None`` when the page is shown stale. ``skip_own=True`` ignores changes whose
initiator is the page itself (it already shows its own result).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from reliefdesk.services.changes import Changes
from reliefdesk.ui.context import AppContext


class PageRefresh(QObject):
    """Reloads ``page`` after writes touching ``kinds``: now if visible, else on next show."""

    def __init__(
        self,
        page: QWidget,
        ctx: AppContext,
        kinds: Iterable[str],
        reload: Callable[..., Any],
        *,
        skip_own: bool = False,
        stale: bool = False,
        always: bool = False,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._kinds = tuple(kinds)
        self._reload = reload
        self._arity = min(2, len(inspect.signature(reload).parameters))
        self._skip_own = skip_own
        self._always = always  # reload even while hidden (a page that is its own cache)
        self.stale = stale
        ctx.changed.connect(self._on_changed)
        page.installEventFilter(self)

    def mark_stale(self) -> None:
        """Reload now if visible, else on next show."""
        self.stale = True
        if self._page.isVisible() or self._always:
            self.reload_now()

    def reload_now(self, changes: Changes | None = None, initiator: object = None) -> None:
        self.stale = False
        self._reload(*(changes, initiator)[: self._arity])

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        page = getattr(self, "_page", None)
        if page is None or not shiboken6.isValid(page) or not changes.touches(*self._kinds):
            return
        if self._skip_own and initiator is self._page:
            return
        if self._page.isVisible() or self._always:
            self.reload_now(changes, initiator)
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while Python tears the page down, Qt may still deliver events to a filter
        # whose Python attributes are already gone.
        if (
            event.type() == QEvent.Type.Show
            and getattr(self, "stale", False)
            and watched is getattr(self, "_page", None)
        ):
            self.reload_now()
        return False


def comes_from(initiator: object, widget: QObject) -> bool:
    """True when ``initiator`` is ``widget`` or one of its children, dialogs included (Qt's
    ``isAncestorOf`` stops at window boundaries)."""
    obj = initiator if isinstance(initiator, QObject) and shiboken6.isValid(initiator) else None
    while obj is not None:
        if obj is widget:
            return True
        obj = obj.parent()
    return False
