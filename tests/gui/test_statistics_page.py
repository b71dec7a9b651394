"""The 统计 page: opens on the latest locked month, shows the service's figures in the month
and year tables, draws the three charts, says so for a month without a locked roster, and
exports the month workbook and the year PDF (audited)."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QApplication

from reliefdesk.models import AuditEvent
from reliefdesk.services import statistics, users
from reliefdesk.ui import ops
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.statistics.page import StatisticsPage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_statistics import YEAR, _office

PASSWORD = "Test#Pass2026"


def _page(qtbot, db, actor, tmp_path) -> StatisticsPage:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page = StatisticsPage(AppContext(db, actor, None, settings))
    qtbot.addWidget(page)
    page.resize(1180, 700)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.show()
    return page


def test_page_shows_the_services_figures_and_charts(qtbot, sqlite_db, tmp_path):
    """Opened, the page sits on April (the latest locked month); each programme row shows
    the month's households, persons and amount; charts have one series per programme."""
    clerk = users.login(sqlite_db, "clerk", PASSWORD)
    actors = {u: users.login(sqlite_db, u, PASSWORD) for u in ("clerk", "reviewer", "approver")}
    _office(sqlite_db, actors)
    page = _page(qtbot, sqlite_db, clerk, tmp_path)
    assert page.month_edit.date() == QDate(YEAR, 4, 1)
    stats = statistics.month_stats(sqlite_db, clerk, f"{YEAR}-04")
    table = page.month_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    rural = stats.by_category["rural_dibao"]
    r = rows["农村低保"]
    assert (table.item(r, 1).text(), table.item(r, 2).text(), table.item(r, 13).text()) == (
        str(rural.households),
        str(rural.persons),
        statistics.yuan(rural.amount_fen),
    )
    assert table.item(rows["合计"], 13).text() == statistics.yuan(stats.total.amount_fen)
    assert page.year_table.rowCount() == len(statistics.CATEGORY_KEYS)
    assert len(page.amounts_view.chart().series()) == len(statistics.CATEGORY_KEYS)
    assert len(page.flow_view.chart().series()) == 1
    page.month_edit.setDate(QDate(YEAR, 9, 1))
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.refresh_button.click()
    assert "没有已锁定的花名册" in page.month_note.text() and page.month_table.rowCount() == 0


def test_exports_write_files_and_audit(qtbot, sqlite_db, tmp_path):
    """Export month (xlsx) and the year PDF from the page: files written, each audited."""
    actors = {u: users.login(sqlite_db, u, PASSWORD) for u in ("clerk", "reviewer", "approver")}
    _office(sqlite_db, actors)
    page = _page(qtbot, sqlite_db, actors["clerk"], tmp_path)
    for what, name in (("month", "m.xlsx"), ("year", "y.pdf")):
        with qtbot.waitSignal(page.exported, timeout=20000):
            page.export_to(what, str(tmp_path / name))
    qtbot.waitUntil(lambda: ops.running_count() == 0)
    QApplication.processEvents()
    assert "月报" in openpyxl.load_workbook(tmp_path / "m.xlsx").sheetnames
    assert (tmp_path / "y.pdf").read_bytes().startswith(b"%PDF")
    with sqlite_db.session() as s:
        kinds = [e.detail["kind"] for e in s.query(AuditEvent).filter_by(action="stats.export")]
    assert sorted(kinds) == ["month_xlsx", "year_pdf"]
