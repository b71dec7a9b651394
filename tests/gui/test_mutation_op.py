"""The mutation op and the page-refresh helper: a write's Changes reach every page with their
initiator, a write that ran as a query is still announced, callbacks of a deleted widget are
skipped, a hidden page reloads when shown, and the lock screen checks passwords off the GUI
thread."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from reliefdesk.services import register
from reliefdesk.services.changes import Changes
from reliefdesk.ui import ops
from reliefdesk.ui.lock_dialog import LockDialog
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.refresh import PageRefresh, comes_from
from tests.gui.households_fixtures import clerk, ctx  # noqa: F401 - fixtures

WAIT = 10000


def _township(ctx):  # type: ignore[no-untyped-def]
    return register.list_townships(ctx.db, ctx.actor)[0].id


def test_mutation_op_returns_result_and_broadcasts_changes(qtbot, ctx):
    """success() gets the service's result; then ctx.changed carries the committed Changes
    (kind and id of the new village) and the initiating widget."""
    parent = QWidget()
    qtbot.addWidget(parent)
    tid = _township(ctx)
    got: list[object] = []
    with qtbot.waitSignal(ctx.changed, timeout=WAIT) as blocker:
        MutationOp(
            parent=parent,
            op=lambda: register.add_village(ctx.db, ctx.actor, tid, "新村"),
            success=got.append,
        ).run_in_background()
    changes, initiator = blocker.args
    assert isinstance(changes, Changes) and initiator is parent
    assert len(got) == 1 and changes.touches("settings")
    assert got[0].id in changes.ids("settings")  # type: ignore[attr-defined]


def test_write_in_a_query_op_is_still_announced(qtbot, ctx):
    """A QueryOp that commits a write anyway broadcasts it (no page is left stale)."""
    tid = _township(ctx)
    with qtbot.waitSignal(ctx.changed, timeout=WAIT) as blocker:
        QueryOp(
            parent=None, op=lambda: register.add_village(ctx.db, ctx.actor, tid, "西村")
        ).run_in_background()
    assert blocker.args[0].touches("settings")


def test_read_op_announces_nothing(qtbot, ctx):
    """A read broadcasts nothing."""
    seen: list[object] = []
    ctx.changed.connect(lambda c, _i: seen.append(c))
    done: list[object] = []
    QueryOp(
        parent=None, op=lambda: register.list_townships(ctx.db, ctx.actor), success=done.append
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(done) and ops.running_count() == 0, timeout=WAIT)
    assert seen == []


def test_callbacks_of_a_deleted_widget_are_skipped(qtbot, ctx):
    """The widget is deleted while its write runs: no callback runs (no crash), and the
    change is still broadcast."""
    parent = QWidget()
    release = threading.Event()
    called: list[str] = []
    tid = _township(ctx)

    def work():  # type: ignore[no-untyped-def]
        release.wait(5)
        return register.add_village(ctx.db, ctx.actor, tid, "北村")

    MutationOp(parent=parent, op=work, success=lambda _r: called.append("success")).always(
        lambda: called.append("always")
    ).run_in_background()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=WAIT)
    with qtbot.waitSignal(ctx.changed, timeout=WAIT):
        release.set()
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_page_refresh_now_if_visible_else_on_show(qtbot, ctx):
    """A visible page reloads at once (with the Changes); a hidden one only marks itself stale
    and reloads when shown; its own writes are skipped with skip_own; kinds filter."""
    page = QWidget()
    qtbot.addWidget(page)
    reloads: list[object] = []
    refresher = PageRefresh(page, ctx, ("households",), reloads.append, skip_own=True)
    households = Changes.of({"households": {7}})
    ctx.changed.emit(households, None)
    assert reloads == [] and refresher.stale  # hidden
    page.show()
    qtbot.waitUntil(lambda: reloads == [None])  # shown stale: reloaded without Changes
    ctx.changed.emit(households, None)
    assert reloads[-1] is households
    ctx.changed.emit(households, page)  # its own write
    ctx.changed.emit(Changes.of({"visits": {1}}), None)  # not its kind
    assert len(reloads) == 2
    child = QWidget(page)
    assert comes_from(child, page) and not comes_from(page, child)


def test_lock_dialog_checks_password_off_the_gui_thread(qtbot):
    """The password check (Argon2, maybe a busy database) runs on a worker thread; the
    dialog is disabled meanwhile and accepts once it passes."""
    threads: list[threading.Thread] = []

    def verify(password: str) -> bool:
        threads.append(threading.current_thread())
        return password == "Right#123"

    dialog = LockDialog(verify, user_label="张三")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "Right#123")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.unlock_button.click()
        assert not dialog.unlock_button.isEnabled()  # checking
    assert threads and threads[0] is not threading.main_thread()


def test_write_waiting_for_another_programs_lock_says_so_then_saves(qtbot, qapp, ctx):
    """While another program holds the SQLite write lock, a save shows 正在等待 at once (before
    the usual progress delay), and saves once the lock is released."""
    import sqlite3

    from PySide6.QtWidgets import QProgressDialog

    from reliefdesk.paths import sqlite_path
    from reliefdesk.ui import i18n

    i18n.install_translators(qapp, "zh_CN")
    other = sqlite3.connect(str(sqlite_path(ctx.db.url)), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another PC program in the middle of a write
    parent = QWidget()
    qtbot.addWidget(parent)
    tid = _township(ctx)
    got: list[object] = []
    try:
        MutationOp(
            parent=parent,
            op=lambda: register.add_village(ctx.db, ctx.actor, tid, "等锁村"),
            success=got.append,
        ).run_in_background()
        qtbot.waitUntil(
            lambda: parent.findChild(QProgressDialog, "opProgressDialog") is not None,
            timeout=3000,
        )
        dialog = parent.findChild(QProgressDialog, "opProgressDialog")
        assert "正在等待" in dialog.labelText() and "10" in dialog.labelText()
        assert got == []
    finally:
        other.execute("ROLLBACK")
        other.close()
        i18n.install_translators(qapp, "en")
    qtbot.waitUntil(lambda: len(got) == 1, timeout=WAIT)
    assert "等锁村" in [v.name for v in register.list_villages(ctx.db, ctx.actor, tid)]
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None)
