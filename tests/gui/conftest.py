"""Shared fixtures for GUI tests (pytest-qt, offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reliefdesk.ui import crash, logging_setup


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A throwaway ini-file QSettings, so tests never touch the real user settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _gc_on_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As in the app: Python's cyclic GC runs only on the GUI thread (ui/gc_guard.py), so a
    worker thread never collects Qt objects. Per test, so the Qt-free unit tests that run in
    the same session keep automatic collection."""
    import gc

    from reliefdesk.ui import gc_guard

    collector = gc_guard.install(qapp)
    yield collector
    _finish_background_ops(qapp)
    gc.collect()  # on the GUI thread, before automatic collection comes back
    collector.stop()


def _finish_background_ops(qapp) -> None:  # type: ignore[no-untyped-def]
    """Let the ops a test left running (it failed, or did not wait) end and deliver before the
    next test: otherwise a worker thread is still inside a service when automatic collection
    is back, and a collection on that thread may free Qt objects (a segfault much later)."""
    from PySide6.QtCore import QThreadPool

    from reliefdesk.ui import ops

    QThreadPool.globalInstance().waitForDone(30000)
    for _ in range(200):
        qapp.processEvents()
        if ops.running_count() == 0:
            break
        QThreadPool.globalInstance().waitForDone(50)


@pytest.fixture(autouse=True)
def _isolate_global_handlers() -> Iterator[None]:
    """Reset the crash handler and the log file handler that a test may have installed."""
    yield
    handler = crash.current_handler()
    if handler is not None:
        handler.deactivate()
        crash._set_current(None)
    logging_setup.shutdown_logging()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen plugin's harmless warning that it cannot propagate size hints.

    WORKAROUND: Qt's offscreen QPA plugin logs this qWarning whenever a top-level window is
    shown; it says nothing about our code, and qt_log_level_fail=WARNING would fail on it.
    """
    marker = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
    for item in items:
        if item.path.is_relative_to(Path(__file__).parent):
            item.add_marker(marker)
