"""The Qt binding keeps Python's reference counts: a defective build (PySide6 6.12.0 on
Python 3.11) drops a reference to None or True/False on every void call, and the program aborts
(``none_dealloc``) after a few thousand calls — in a clerk's session or in the test suite."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

CALLS = 200  # enough to see a drift, few enough not to abort a defective build outright


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot):
    """200 rounds of void calls (processEvents, update, setEnabled) leave None's count where it was."""
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        QCoreApplication.processEvents()
        widget.update()
        widget.setEnabled(True)
    drift = sys.getrefcount(None) - before
    assert abs(drift) < CALLS // 10, f"None lost {-drift} references: a defective Qt binding"


def test_bool_returning_qt_calls_keep_the_reference_count_of_true(qtbot):
    """200 calls returning a bool leave True's and False's counts where they were."""
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        widget.isEnabled()
        widget.isHidden()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert all(abs(a - b) < CALLS // 10 for a, b in zip(after, before, strict=True))
