"""Run Python's cyclic garbage collector on the GUI thread only.

Automatic collection runs in whichever thread happens to allocate when a threshold is crossed,
so with ``QueryOp`` workers it sometimes ran on a worker thread and collected Qt wrappers there;
their C++ destructors then ran off the GUI thread and crashed the process (seen in the test
suite: "Garbage-collecting" on a worker thread, then a segmentation fault). As qutebrowser does,
automatic collection is switched off and a timer on the GUI thread collects generation by
generation with the interpreter's own thresholds.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class GarbageCollector(QObject):
    """Replaces automatic collection by a GUI-thread timer (``interval_ms``)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.setObjectName("garbageCollector")
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def _on_timer_timeout(self) -> None:
        self.collect_if_due()

    @staticmethod
    def collect_if_due() -> int:
        """Collect the generations whose counters passed their thresholds; objects freed."""
        t0, t1, t2 = gc.get_threshold()
        c0, c1, c2 = gc.get_count()
        freed = 0
        if c0 > t0:
            freed += gc.collect(0)
            if c1 > t1:
                freed += gc.collect(1)
                if c2 > t2:
                    freed += gc.collect(2)
        return freed


_collector: GarbageCollector | None = None


def install(parent: QObject | None = None) -> GarbageCollector:
    """Start the GUI-thread collector once per process (idempotent)."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(parent)
    _collector.start()
    return _collector
