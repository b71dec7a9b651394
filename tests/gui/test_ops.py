"""Tests for the background ops runner (reliefdesk.ui.ops)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from reliefdesk.errors import ValidationError
from reliefdesk.ui import crash, ops
from reliefdesk.ui.ops import QueryOp


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_arrives_on_gui_thread(qtbot, parent):
    """The op runs on a worker thread and success() gets its result on the GUI thread."""
    seen = {}

    def work() -> int:
        seen["op_thread"] = threading.current_thread()
        return 42

    def success(result: int) -> None:
        seen["result"] = result
        seen["callback_thread"] = threading.current_thread()

    QueryOp(parent=parent, op=work, success=success).run_in_background()
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["op_thread"] is not threading.main_thread()
    assert seen["callback_thread"] is threading.main_thread()
    qtbot.waitUntil(lambda: ops.running_count() == 0)


def test_finished_op_stays_owned_by_python_until_released(qtbot, parent):
    """A finished op is not handed to C++ (deleteLater did, and its Python wrapper could be
    freed before Qt deleted it: a segfault in the destructor): Python keeps owning it, drops
    it on the next turn of the event loop, and its signals are its child (deleted with it on
    the GUI thread, never by the worker thread)."""
    import shiboken6

    done: list[int] = []
    QueryOp(parent=parent, op=lambda: 42, success=done.append).run_in_background()
    (driver,) = ops._running  # held here, so it outlives its release
    assert driver.signals.parent() is driver
    qtbot.waitUntil(lambda: done == [42])
    assert shiboken6.ownedByPython(driver) and shiboken6.isValid(driver)
    qtbot.waitUntil(lambda: not ops._retiring)
    assert shiboken6.ownedByPython(driver)


def test_known_error_goes_to_failure_callback(qtbot, parent):
    """A ReliefError from the op reaches failure() on the GUI thread, not success()."""
    got = []

    def work() -> None:
        raise ValidationError("身份证号码校验位错误", field="id_number")

    QueryOp(parent=parent, op=work, success=lambda _: got.append("success")).failure(
        lambda err: got.append((err, threading.current_thread()))
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(got))
    error, thread = got[0]
    assert isinstance(error, ValidationError) and error.field == "id_number"
    assert thread is threading.main_thread()


def test_known_error_without_failure_shows_message_box(qtbot, parent):
    """Without failure(), a ReliefError is shown as str(error) in a warning box, not a crash."""

    def work() -> None:
        raise ValidationError("收入不能为负数", rule="民发〔2012〕220号")

    QueryOp(parent=parent, op=work).run_in_background()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "reliefErrorBox") is not None)
    box = parent.findChild(QMessageBox, "reliefErrorBox")
    assert box.text() == "收入不能为负数（依据：民发〔2012〕220号）"
    assert crash.current_handler() is None or crash.current_handler().dialog is None
    box.close()


def test_unknown_error_goes_to_crash_handler(qtbot, parent, tmp_path):
    """A non-ReliefError exception from the op ends in the crash dialog with its traceback."""
    handler = crash.CrashHandler(log_path=tmp_path / "x.log")
    crash._set_current(handler)

    def work() -> None:
        raise ZeroDivisionError("boom")

    with qtbot.waitSignal(handler.crashed) as blocker:
        QueryOp(parent=parent, op=work, success=lambda _: None).run_in_background()
    assert "ZeroDivisionError: boom" in blocker.args[0]
    assert handler.dialog is not None and handler.dialog.isVisible()
    handler.dialog.close()


def test_fast_op_shows_no_progress_dialog(qtbot, parent):
    """An op that finishes well under 600 ms never shows a progress dialog."""
    done = []
    QueryOp(parent=parent, op=lambda: "ok", success=done.append).with_progress(
        "正在查询"
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(ops.PROGRESS_DELAY_MS + 200)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    assert not [d for d in dialogs if d.isVisible()]
    assert parent.findChild(QProgressDialog) is None


def test_slow_op_shows_progress_then_hides_it(qtbot, parent, monkeypatch):
    """An op still running after the delay shows a progress dialog that closes when it ends."""
    monkeypatch.setattr(ops, "PROGRESS_DELAY_MS", 50)
    release = threading.Event()
    done = []
    QueryOp(parent=parent, op=lambda: release.wait(5), success=done.append).with_progress(
        "正在生成名册"
    ).run_in_background()
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog, "opProgressDialog") is not None)
    dialog = parent.findChild(QProgressDialog, "opProgressDialog")
    assert dialog.isVisible() and dialog.labelText() == "正在生成名册"
    dialog.destroyed.connect(lambda: done.append("dialog gone"))
    release.set()
    qtbot.waitUntil(lambda: "dialog gone" in done)
    assert done[0] is True
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None)


def test_outcome_is_dropped_when_the_parent_was_deleted(qtbot):
    """An op whose parent widget was deleted meanwhile (window closed, signed out) calls
    neither success nor always, and nothing reaches the crash handler."""
    from shiboken6 import delete, isValid

    parent = QWidget()
    combo_owner = QWidget(parent)
    release = threading.Event()
    called = []

    def work() -> int:
        release.wait(10)
        return 1

    def success(_result: int) -> None:
        called.append("success")
        combo_owner.setEnabled(True)  # a page's callback touching its own widgets

    QueryOp(parent=parent, op=work, success=success).always(
        lambda: called.append("always")
    ).with_progress("...").run_in_background()
    delete(parent)
    assert not isValid(combo_owner)
    release.set()
    qtbot.waitUntil(lambda: ops.running_count() == 0)
    QApplication.processEvents()
    assert called == []
    assert crash.current_handler() is None or crash.current_handler().dialog is None
