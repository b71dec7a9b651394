"""The composition root: pages built lazily but on demand, office settings applied."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from sqlalchemy import select

from reliefdesk.models import User
from reliefdesk.services.context import Actor
from reliefdesk.services.settings import set_setting
from reliefdesk.ui import ops
from reliefdesk.ui.application import PageLoader, apply_office_settings
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.main_window import MainWindow


def _actor(db, name):  # type: ignore[no-untyped-def]
    with db.session() as s:
        u = s.scalars(select(User).where(User.username == name)).one()
        return Actor(u.id, u.username, u.display_name, u.role)


def test_pages_build_on_demand_and_requests_reach_the_new_page(qtbot, sqlite_db, tmp_path):
    """Only the workbench is built at start; asking for a household builds the households page
    and that page then receives the request (it shows the household)."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    ctx = AppContext(sqlite_db, _actor(sqlite_db, "clerk"), None, settings, window)
    loader = PageLoader(window, ctx)
    assert set(loader.pages) == {"workbench"}
    ctx.householdRequested.emit(1)
    assert "households" in loader.pages
    qtbot.waitUntil(lambda: window.current_page_key() == "households", timeout=5000)
    loader.build_rest_later()
    qtbot.waitUntil(
        lambda: set(loader.pages) >= {"applications", "visits", "rosters", "settings"},
        timeout=10000,
    )
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=10000)


def test_idle_lock_minutes_come_from_the_office_setting(qtbot, sqlite_db, tmp_path):
    """The idle-lock interval follows 系统设置's ui.idle_lock_minutes, not a per-PC value."""
    with sqlite_db.session() as s:
        set_setting(s, _actor(sqlite_db, "admin"), "ui.idle_lock_minutes", 20)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    ctx = AppContext(sqlite_db, _actor(sqlite_db, "clerk"), None, settings, window)
    apply_office_settings(window, ctx)
    qtbot.waitUntil(lambda: window.idle_monitor.interval_ms() == 20 * 60_000, timeout=5000)
