"""A page inside a frameless scroll area that scrolls only below the page's minimum size.

The main window holds every page in one stack, and a stack is as large as its largest page's
minimum; on a 1366×768 office screen with a taskbar (or a big system font) that pushed the
window past the screen. Each page now sits in a :class:`PageFrame`: the page fills the visible
area, and only when the area is smaller than the page's minimum does the frame scroll.

``QScrollArea.setWidgetResizable`` is not used: for a page whose layout has height-for-width
(a word-wrapped label) it sizes the page to its *preferred* height and scrolls needlessly.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PageFrame(QScrollArea):
    """Holds one page (:meth:`page`); see the module docstring."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setWidget(page)
        self._page = page
        page.installEventFilter(self)
        self._fit()

    def page(self) -> QWidget:
        """The page shown in this frame."""
        return self._page

    def minimumSizeHint(self) -> QSize:
        """Small: the page scrolls rather than forcing the window to its own minimum."""
        return QSize(200, 150)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the page to the new visible area."""
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A page whose minimum changed (content loaded, a panel shown) is refitted."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        area = self.maximumViewportSize()
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        width = max(area.width(), least.width())
        if width > area.width():  # a horizontal scroll bar takes height from the area
            area.setHeight(area.height() - self.horizontalScrollBar().sizeHint().height())
        height = max(area.height(), least.height())
        if height > area.height() and width == area.width():
            width = max(width - self.verticalScrollBar().sizeHint().width(), least.width())
        if page.size() != QSize(width, height):
            page.resize(width, height)
