"""The desktop on a county server that goes away and comes back (issue 18): the household list
says so in one Chinese line, an action without its own handler shows the warning box (never
the crash dialog), and after the server is back the same window works again without a
restart."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from households_fixtures import actor_of, populate
from pg_server_support import SERVER_PASSWORD, TlsServer, tls_server
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from reliefdesk.db import server
from reliefdesk.db.connect import open_database
from reliefdesk.services import users
from reliefdesk.services.context import SYSTEM
from reliefdesk.ui import crash, ops
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.households.page import HouseholdsPage
from reliefdesk.ui.ops import QueryOp

__all__ = ["tls_server"]  # the fixture, imported for pytest

WAIT = 15000
SHOTS = Path(os.environ.get("RELIEFDESK_SHOTS", "/tmp/reliefdesk-shots"))


@pytest.fixture
def county(tls_server: TlsServer, monkeypatch):  # type: ignore[no-untyped-def]
    """A migrated database on the dedicated server with a clerk and five households."""
    monkeypatch.setenv(server.ENV_PASSWORD, SERVER_PASSWORD)
    tls_server.admin_sql("DROP DATABASE IF EXISTS gui WITH (FORCE)")
    tls_server.admin_sql("CREATE DATABASE gui")
    db = open_database(tls_server.url("gui", "sslmode=require"))
    with db.session() as s:
        users.add_user(s, SYSTEM, "clerk", "clerk", "Clerk#Pass2026", display_name="张会计")
    yield db
    db.close()


def test_server_gone_and_back_in_the_same_window(qtbot, tls_server, county, tmp_path) -> None:
    """Stopped server: the list shows the one-line message, a plain op shows the warning box
    and no crash dialog; started again: the same page lists the households."""
    clerk = actor_of(county, "clerk")
    populate(county, clerk)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page = HouseholdsPage(AppContext(county, clerk, None, settings))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    model, status = page.list_view.model, page.list_view.status_label
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.reload()
    assert model.rowCount() == 5
    tls_server.stop()
    try:
        with qtbot.waitSignal(model.failed, timeout=WAIT):
            model.reload()
        assert status.text().startswith("无法连接数据库服务器"), status.text()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.grab().save(str(SHOTS / "server_unreachable_households.png"))
        holder = QWidget()
        qtbot.addWidget(holder)
        QueryOp(parent=holder, op=lambda: users.has_users(county)).run_in_background()
        qtbot.waitUntil(lambda: holder.findChild(QMessageBox, "reliefErrorBox") is not None)
        box = holder.findChild(QMessageBox, "reliefErrorBox")
        assert box.text().startswith("无法连接数据库服务器") and "\n" not in box.text()
        assert crash.current_handler() is None or crash.current_handler().dialog is None
        box.close()
    finally:
        tls_server.start()
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.reload()
    assert model.rowCount() == 5
    assert status.text() and "无法连接" not in status.text()
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=WAIT)
