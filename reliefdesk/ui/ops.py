"""Run work off the GUI thread and hand the outcome back on it (after Anki's ``QueryOp`` and
``CollectionOp``).

Usage::

    QueryOp(parent=self, op=lambda: services.search(q), success=self.model.set_rows) \
        .failure(self._on_search_failed) \
        .with_progress(self.tr("Searching...")) \
        .run_in_background()

    MutationOp(parent=self, op=lambda: register.update_household(db, actor, ...),
               success=self._on_saved).run_in_background()

Rules:

- A read is a ``QueryOp``; a write is a ``MutationOp``. The mutation op runs its service
  inside :func:`reliefdesk.services.changes.collect_changes`, so the ``Changes`` the write
  session committed come back beside the result; after ``success`` it broadcasts them with
  their initiator on ``AppContext.changed`` (``changes, initiator``). Nobody announces by hand.
- A ``QueryOp`` collects too: should it commit a write anyway, the change is still broadcast
  (and logged as a bug), so no write can leave a page showing stale data.
- Every callback (``success``, ``failure``, ``always``) is skipped when the op's owner widget
  (``owner``, by default ``parent``) has been deleted meanwhile; the broadcast still happens.

- ``op`` runs on a ``QThreadPool`` worker. It must not touch widgets or Qt models, and should
  return plain data (frozen dataclasses), never live ORM objects.
- ``success(result)`` and ``failure(error)`` run on the GUI thread.
- A ``ReliefError`` from ``op`` goes to ``failure`` if given, else to a message box showing
  ``str(error)``. Any other exception is a bug and goes to the crash handler.
- A progress dialog appears only if the op is still running after ``PROGRESS_DELAY_MS``.
- If ``parent`` was deleted meanwhile (its window closed, the clerk signed out), the outcome is
  dropped: ``success``, ``failure`` and ``always`` belong to widgets that no longer exist. A bug
  in ``op`` itself still goes to the crash handler.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from reliefdesk.db.engine import BUSY_TIMEOUT_MS, on_lock_wait
from reliefdesk.db.retry import run_retrying
from reliefdesk.errors import ReliefError
from reliefdesk.services.changes import Changes, collect_changes
from reliefdesk.ui import crash
from reliefdesk.ui.context import AppContext, current

log = logging.getLogger(__name__)

T = TypeVar("T")

PROGRESS_DELAY_MS = 600

# Ops in flight; holding them here keeps their QObjects alive until the result is delivered.
_running: set[_OpDriver] = set()
# Ops that delivered, held until the next turn of the event loop (``_OpDriver._retire``).
_retiring: set[_OpDriver] = set()


class _WorkerSignals(QObject):
    """Carrier for the worker's outcome. Lives in the GUI thread; emitted from the worker."""

    succeeded = Signal(object)
    failed = Signal(object)
    waiting = Signal()  # the op's write waits for another program's lock on the database


class _Worker(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _WorkerSignals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        """Override QRunnable::run (worker thread)."""
        try:
            with on_lock_wait(self._signals.waiting.emit):
                result = self._fn()
        except BaseException as exc:
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class _OpDriver(QObject):
    """GUI-thread side of one op: progress timer, dialog and delivery of the outcome."""

    def __init__(self, op: QueryOp[Any]) -> None:
        super().__init__()
        self._op = op
        self._progress: QProgressDialog | None = None
        # a child: deleted with this driver on the GUI thread, never by the worker thread
        # dropping its reference last
        self.signals = _WorkerSignals(self)
        self.signals.succeeded.connect(
            self._on_worker_succeeded, Qt.ConnectionType.QueuedConnection
        )
        self.signals.failed.connect(self._on_worker_failed, Qt.ConnectionType.QueuedConnection)
        self.signals.waiting.connect(self._on_lock_wait, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PROGRESS_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self, pool: QThreadPool) -> None:
        _running.add(self)
        if self._op._progress_label is not None:
            self._timer.start()
        pool.start(_Worker(self._op._op, self.signals))

    def _parent_gone(self) -> bool:
        """True when the op had a parent widget and its C++ object was deleted meanwhile."""
        parent = self._op._parent
        return parent is not None and not isValid(parent)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._show_progress(self._op._progress_label or "")

    @Slot()
    def _on_lock_wait(self) -> None:
        """Another program holds the write lock: say so at once, whatever the op's label."""
        self._timer.stop()
        text = QCoreApplication.translate(
            "ops",
            "The database is in use by another user or program. Waiting for it "
            "(at most {seconds} seconds)...",
        ).format(seconds=BUSY_TIMEOUT_MS // 1000)
        if self._progress is not None and isValid(self._progress):
            self._progress.setLabelText(text)
        else:
            self._show_progress(text)

    def _show_progress(self, label: str) -> None:
        if self._parent_gone() or self._progress is not None:
            return
        dialog = QProgressDialog(self._op._parent)
        dialog.setObjectName("opProgressDialog")
        dialog.setWindowTitle(QCoreApplication.translate("ops", "Please wait"))
        dialog.setLabelText(label)
        dialog.setCancelButton(None)  # ops cannot be cancelled half-way
        dialog.setRange(0, 0)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.show()
        self._progress = dialog

    def _finish(self) -> bool:
        """End the op; False when its parent widget is gone and nothing may be delivered."""
        self._timer.stop()
        if self._progress is not None:
            if isValid(self._progress):  # deleted with its parent otherwise
                self._progress.hide()
                self._progress.deleteLater()
            self._progress = None
        _running.discard(self)
        if self._parent_gone():
            log.info("Op outcome dropped: its window was closed")
            return False
        if self._op._always is not None and self._op.owner_alive():
            try:
                self._op._always()
            except Exception as exc:
                crash.report_exception(exc)
        return True

    @Slot(object)
    def _on_worker_succeeded(self, result: object) -> None:
        deliver = self._finish()
        try:
            if deliver:
                self._op._deliver(result)
            else:  # nobody to tell, but the write happened: the other pages must hear of it
                _value, changes = cast("tuple[object, Changes]", result)  # (value, changes)
                self._op._after(changes)
        except Exception as exc:
            crash.report_exception(exc)
        finally:
            self._retire()

    @Slot(object)
    def _on_worker_failed(self, exc: BaseException) -> None:
        deliver = self._finish()
        try:
            if not isinstance(exc, ReliefError):
                crash.report_exception(exc)  # a bug in the op, whether or not anyone waits
            elif deliver:
                log.info("Op failed: %s (%s)", exc, exc.code)
                if not self._op.owner_alive():
                    pass  # the widget that asked is gone: nobody to tell
                elif self._op._failure is not None:
                    self._op._failure(exc)
                else:
                    show_error(self._op._parent, exc)
        except Exception as callback_exc:
            crash.report_exception(callback_exc)
        finally:
            self._retire()

    def _retire(self) -> None:
        """Let this finished op go once the slot on the stack has returned (a callback may
        have run a modal dialog, a nested event loop): its last reference is dropped on the
        next turn of the event loop, and Python, which owns it, deletes it there, on the GUI
        thread. Not ``deleteLater``: that hands the object to C++, so its Python wrapper could
        be freed before Qt deleted it, and the destructor then read the freed wrapper (a
        segfault in about one full test run in four)."""
        _retiring.add(self)
        QTimer.singleShot(0, lambda: _retiring.discard(self))


class QueryOp(Generic[T]):
    """A background operation with GUI-thread callbacks.

    Args:
        parent: the widget the progress dialog and error box belong to (may be None).
        op: the work; runs on a worker thread and must not touch widgets.
        success: called on the GUI thread with ``op``'s return value.
        owner: the object whose deletion cancels the callbacks (default: ``parent``); give it
            when ``parent`` is None on purpose (no progress dialog) or is not the receiver.
    """

    def __init__(
        self,
        *,
        parent: QWidget | None,
        op: Callable[[], T],
        success: Callable[[T], object] | None = None,
        owner: QObject | None = None,
    ) -> None:
        self._parent = parent
        self._owner = owner if owner is not None else parent
        self._success = success
        self._failure: Callable[[ReliefError], object] | None = None
        self._progress_label: str | None = None
        self._always: Callable[[], object] | None = None
        self._ctx: AppContext | None = None
        self._initiator: object | None = parent

        def collected() -> tuple[T, Changes]:
            with collect_changes() as collector:
                result = run_retrying(op)  # a deadlock victim runs once more (db.retry)
            return result, collector.changes

        self._op: Callable[[], Any] = collected

    def owner_alive(self) -> bool:
        """False once the owner widget has been deleted (its callbacks must not run)."""
        return self._owner is None or shiboken6.isValid(self._owner)

    def _deliver(self, result: Any) -> None:
        value, changes = result
        try:
            if self._success is not None and self.owner_alive():
                self._success(value)
        finally:
            self._after(changes)

    def _after(self, changes: Changes) -> None:
        # The safety net: a write that ran as a query is still announced (else pages would
        # show stale data), and logged so it gets turned into a MutationOp.
        if changes.kinds() - {"audit"}:
            log.warning("A QueryOp wrote %s; use MutationOp for writes", sorted(changes.kinds()))
            self._broadcast(changes)

    def _broadcast(self, changes: Changes) -> None:
        ctx = self._ctx if self._ctx is not None else current()
        if changes and ctx is not None and shiboken6.isValid(ctx):
            ctx.changed.emit(changes, self._initiator)

    def always(self, callback: Callable[[], object]) -> QueryOp[T]:
        """Run ``callback`` on the GUI thread when the op ends, whatever the outcome (first)."""
        self._always = callback
        return self

    def failure(self, callback: Callable[[ReliefError], object]) -> QueryOp[T]:
        """Handle known errors (``ReliefError``) yourself instead of the default message box."""
        self._failure = callback
        return self

    def with_progress(self, label: str | None = None) -> QueryOp[T]:
        """Show a busy dialog with ``label`` if the op runs longer than ``PROGRESS_DELAY_MS``."""
        self._progress_label = label if label is not None else ""
        return self

    def run_in_background(self, pool: QThreadPool | None = None) -> None:
        """Start the op; returns at once. Must be called on the GUI thread."""
        _OpDriver(self).start(pool or QThreadPool.globalInstance())


class MutationOp(QueryOp[T]):
    """A write (after Anki's ``CollectionOp``): like :class:`QueryOp`, and after success it
    broadcasts the ``Changes`` the write committed, with ``initiator`` (default: ``parent``),
    on ``ctx.changed`` so every page decides whether to reload now or when next shown.

    Args:
        ctx: the app context to broadcast on (default: the current one, see
            :func:`reliefdesk.ui.context.current`).
        initiator: the object the change came from, so it can skip reloading itself.
    """

    def __init__(
        self,
        *,
        parent: QWidget | None,
        op: Callable[[], T],
        success: Callable[[T], object] | None = None,
        owner: QObject | None = None,
        ctx: AppContext | None = None,
        initiator: object | None = None,
    ) -> None:
        super().__init__(parent=parent, op=op, success=success, owner=owner)
        self._ctx = ctx
        if initiator is not None:
            self._initiator = initiator

    def _after(self, changes: Changes) -> None:
        self._broadcast(changes)


def running_count() -> int:
    """How many ops have not yet delivered their outcome (for tests and the quit check)."""
    return len(_running)


def show_error(parent: QWidget | None, error: ReliefError) -> QMessageBox:
    """Show a known error's message in a non-blocking warning box and return the box."""
    box = QMessageBox(parent)
    box.setObjectName("reliefErrorBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ops", "Cannot complete the action"))
    box.setText(str(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
