"""The workbench's link to the findings queue: "待核实比对线索 N", reloaded after any write."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QPushButton, QWidget

from reliefdesk.services import comparison
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.refresh import PageRefresh


class FindingsLink(QPushButton):
    """A flat button with the number of open findings; ``clicked`` opens the queue."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workbenchFindingsLink")
        self.setFlat(True)
        self.ctx = ctx
        self.count = 0
        self._show(0)
        self.refresher = PageRefresh(self, ctx, ("audit",), self.reload, always=True)
        self.reload()

    @Slot()
    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        QueryOp(
            parent=self, op=lambda: comparison.count_open(db, actor), success=self._show
        ).run_in_background()

    def _show(self, n: int) -> None:
        self.count = n
        self.setText(self.tr("Findings to check: %n", "", n))
        self.setProperty("role", "error" if n else "hint")
        self.style().unpolish(self)  # the role changed: restyle
        self.style().polish(self)
