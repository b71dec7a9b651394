"""Tests for crash handling and the log file (reliefdesk.ui.crash, logging_setup)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from reliefdesk.ui import crash, logging_setup


def _raise_bug() -> BaseException:
    try:
        {}["missing_key"]
    except KeyError as exc:
        return exc
    raise AssertionError("unreachable")


def test_crash_writes_log_and_shows_copyable_report(qtbot, tmp_path):
    """A bug is written to the rotating log and shown read-only with version and traceback."""
    log_path = logging_setup.setup_logging(tmp_path / "logs")
    handler = crash.CrashHandler()
    handler.handle(_raise_bug())

    dialog = handler.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    report = dialog.report()
    assert dialog.report_edit.isReadOnly()
    assert "reliefdesk 0.1.0" in report
    assert "KeyError: 'missing_key'" in report and "_raise_bug" in report
    assert str(log_path) in report

    logging_setup.shutdown_logging()
    logged = log_path.read_text(encoding="utf-8")
    assert "Unhandled exception" in logged and "KeyError: 'missing_key'" in logged

    dialog.copy_button.click()
    assert QApplication.clipboard().text() == report


def test_excepthook_is_installed_and_restored(qtbot, tmp_path):
    """activate() routes sys.excepthook to the crash dialog; deactivate() restores the old hook."""
    previous = sys.excepthook
    handler = crash.CrashHandler(log_path=tmp_path / "r.log")
    handler.activate()
    try:
        assert sys.excepthook == handler.excepthook
        exc = _raise_bug()
        sys.excepthook(type(exc), exc, exc.__traceback__)
        assert handler.dialog is not None
        qtbot.addWidget(handler.dialog)
    finally:
        handler.deactivate()
    assert sys.excepthook is previous


def test_second_crash_is_appended_not_a_new_dialog(qtbot, tmp_path):
    """While the crash dialog is open, a further crash is added to it instead of a new window."""
    handler = crash.CrashHandler(log_path=tmp_path / "r.log")
    handler.handle(_raise_bug())
    first = handler.dialog
    qtbot.addWidget(first)
    handler.handle(ValueError("second"))
    assert handler.dialog is first
    assert "ValueError: second" in first.report()


def test_handler_freed_with_its_dialog_open_does_not_crash(tmp_path):
    """A crash handler garbage-collected while its parentless dialog is open frees the dialog
    without calling back into the half-freed handler (this used to be a segmentation fault)."""
    import os
    import subprocess
    from pathlib import Path

    code = (
        "import gc\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from reliefdesk.ui import crash\n"
        "app = QApplication([])\n"
        "handler = crash.CrashHandler()\n"
        "handler.handle(ValueError('bug'))\n"
        "assert handler.dialog is not None\n"
        "del handler\n"
        "gc.collect()\n"
        "app.processEvents()\n"
        "print('freed')\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "freed" in done.stdout


def test_crash_report_masks_ids_accounts_and_phones(qtbot, tmp_path):
    """An exception message carrying an ID, an account and a phone number is shown (and
    copied) masked in the crash dialog."""
    logging_setup.setup_logging(tmp_path / "logs")
    handler = crash.CrashHandler()
    try:
        raise ValueError("payee 410482195001012345 account 6228480000000000018 tel 13812345678")
    except ValueError as exc:
        handler.handle(exc)
    dialog = handler.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    report = dialog.report()
    assert "ValueError" in report
    for secret in ("410482195001012345", "6228480000000000018", "13812345678"):
        assert secret not in report
    logging_setup.shutdown_logging()
