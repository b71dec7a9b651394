"""Findings queue (信息比对, issue 14) walked through the real widgets: compare a deaths file in
the import dialog (with its mapping step) → the findings appear in the queue and on the
workbench link → the roster lock is refused → check the findings (one 属实 with its action,
the others 不属实) → the roster locks."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QMessageBox

from reliefdesk.models import Person
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.findings import labels as lbl
from reliefdesk.ui.findings.history_dialog import HistoryDialog
from reliefdesk.ui.findings.import_dialog import ImportDialog
from reliefdesk.ui.findings.link import FindingsLink
from reliefdesk.ui.findings.page import FindingsPage
from reliefdesk.ui.findings.resolve_dialog import ResolveDialog
from reliefdesk.ui.rosters.page import RostersPage
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    cell_center,
    office,
    open_window,
    type_text,
    wait_idle,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from comparison_support import department_file, make_register

SHOTS = os.environ.get("RELIEFDESK_SHOTS")  # a folder: save the screens as PNG to look at


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _rosters_page(qtbot, db, actor, tmp_path) -> RostersPage:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "approver.ini"), QSettings.Format.IniFormat)
    page = RostersPage(AppContext(db, actor, None, settings))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    wait_idle(qtbot)
    page.set_period(date(2026, 1, 1), "all")
    wait_idle(qtbot)
    return page


def _box(name: str) -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if w.objectName() == name and w.isVisible():
            return w  # type: ignore[return-value]
    return None


def _resolve_row(qtbot, page: FindingsPage, row: int, outcome: str, note: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=cell_center(page.view, row)
    )
    assert page.resolve_button.isEnabled()
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    dlg = page.dialog
    assert isinstance(dlg, ResolveDialog)
    qtbot.waitExposed(dlg)
    {"confirmed": dlg.confirmed, "unfounded": dlg.unfounded}[outcome].setChecked(True)
    dlg.note_edit.setFocus()
    type_text(qtbot, dlg.note_edit, note)
    _shot(dlg, f"findings_resolve_{outcome}")
    box = dlg.findChild(QDialogButtonBox, "findingResolveButtons")
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(page.refreshed, timeout=15000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)


def test_import_resolve_and_roster_lock_walk(
    qtbot, qtmodeltester, office: Office, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Import a deaths file → 3 findings in the queue and "Findings to check: 3" on the
    workbench → the roster lock is refused → one confirmed with the action (the death is
    recorded, its payment held), two unfounded → the regenerated roster locks."""
    db, actors = office.db, office.actors
    recs, people = make_register(db)
    path = department_file(tmp_path, "deaths", people)
    s = open_window(qtbot, db, actors["reviewer"], settings)
    page = FindingsPage(s.ctx, s.window)
    s.window.register_page("findings", page)
    link = s.workbench.findChild(FindingsLink, "workbenchFindingsLink")
    assert link is not None and link.count == 0
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert s.window.current_page_key() == "findings"
    wait_idle(qtbot)

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dlg = page.dialog
    assert isinstance(dlg, ImportDialog)
    qtbot.waitExposed(dlg)
    dlg.path_edit.setText(str(path))
    dlg.source_combo.setCurrentIndex(dlg.source_combo.findData("deaths"))
    qtbot.mouseClick(dlg.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dlg.compare_button.isEnabled, timeout=15000)
    combo = dlg.findChild(QComboBox, "findingsMapping_death_date")
    assert combo is not None and combo.currentData() == "死亡日期"
    assert dlg.chosen_mapping() == {}
    _shot(dlg, "findings_import_mapping")
    with qtbot.waitSignal(dlg.compared, timeout=20000):
        qtbot.mouseClick(dlg.compare_button, Qt.MouseButton.LeftButton)
    assert "3" in dlg.result_label.text() and dlg.run_result.run.by_kind == {"death": 3}
    assert dlg.rows_text.isVisibleTo(dlg)
    assert len(dlg.rows_text.toPlainText().splitlines()) == 4  # 3 strangers, 1 other name
    _shot(dlg, "findings_import_result")
    dlg.accept()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=15000)
    qtbot.waitUntil(lambda: link.count == 3, timeout=15000)
    wait_idle(qtbot)
    qtmodeltester.check(page.model)
    assert {f.kind for f in page.model.rows} == {"death"}
    assert all("*" in f.id_masked for f in page.model.rows)
    kind_text = page.model.data(page.model.index(0, 0))
    assert kind_text == lbl.kind_labels()["death"]
    s.window.resize(1366, 768)
    _shot(s.window, "findings_page")

    rosters = _rosters_page(qtbot, db, actors["approver"], tmp_path)
    rosters.generate_button.click()
    wait_idle(qtbot)
    blocking = [p for p in rosters.problems_panel.model.rows if p.code == "finding.death_open"]
    assert len(blocking) == 3 and {p.severity for p in blocking} == {"error"}
    rosters.lock_button.click()
    wait_idle(qtbot)
    box = _box("rosterInfoBox")
    if box is not None:
        box.close()
    assert rosters.roster is not None and not rosters.roster.locked
    _shot(rosters, "findings_roster_blocked")

    first = page.model.row(0)
    _resolve_row(qtbot, page, 0, "confirmed", "派出所核实属实")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    with db.read_session() as ses:
        person = ses.get(Person, first.person_id)
        assert person is not None and person.deceased_on is not None
    while page.model.rowCount():
        _resolve_row(qtbot, page, 0, "unfounded", "户籍冲销，本人健在")
    qtbot.waitUntil(lambda: link.count == 0, timeout=15000)
    assert page.action_button.isEnabled() is False
    rosters.generate_button.click()  # regenerated after the recorded death
    wait_idle(qtbot)
    assert not [p for p in rosters.problems_panel.model.rows if p.severity == "error"]
    rosters.lock_button.click()
    confirm = _box("rosterLockConfirmBox")
    assert confirm is not None
    confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(qtbot)
    assert rosters.roster.locked and recs
    page.open_check.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=15000)
    s.window.resize(1366, 768)
    _shot(s.window, "findings_page_resolved")
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    history = page.dialog
    assert isinstance(history, HistoryDialog)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=15000)
    qtmodeltester.check(history.model)
    assert history.model.row(0).findings == 3 and history.model.row(0).unmatched == 3
    _shot(history, "findings_history")
    history.reject()


def test_every_field_and_kind_has_a_label(qapp) -> None:  # type: ignore[no-untyped-def]
    """Each field of every source and every finding kind and source has its display text."""
    from reliefdesk.domain.comparison import KIND_LABELS, SOURCES

    fields = {f for s in SOURCES.values() for f in s.fields}
    assert fields <= set(lbl.field_labels())
    assert set(KIND_LABELS) == set(lbl.kind_labels())
    assert set(SOURCES) == set(lbl.source_labels())


def test_a_clerk_confirms_a_death_and_the_head_records_it(
    qtbot, office: Office, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """A clerk may confirm a death finding but not record the death: the dialog offers the
    action unticked and disabled (saying who does it), the confirmation saves without an
    error box, and the head then records the death from the queue's action button."""
    from reliefdesk.services import comparison

    db, actors = office.db, office.actors
    _recs, people = make_register(db)
    path = department_file(tmp_path, "deaths", people)
    comparison.compare_file(db, actors["clerk"], path, "deaths")
    clerk_win = open_window(qtbot, db, actors["clerk"], settings)
    page = FindingsPage(clerk_win.ctx, clerk_win.window)
    clerk_win.window.register_page("findings", page)
    clerk_win.window.show_page("findings")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=15000)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=cell_center(page.view, 0))
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    dlg = page.dialog
    assert isinstance(dlg, ResolveDialog)
    assert not dlg.act_box.isEnabled() and not dlg.act_box.isChecked()
    first = page.model.row(0)
    dlg.note_edit.setPlainText("电话向村里核实属实")
    ok = dlg.findChild(QDialogButtonBox, "findingResolveButtons").button(
        QDialogButtonBox.StandardButton.Ok
    )
    with qtbot.waitSignal(page.refreshed, timeout=15000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert _box("reliefErrorBox") is None
    done = comparison.get_finding(db, actors["clerk"], first.id)
    assert done.status == "confirmed" and not done.taken_action
    assert not page.action_button.isEnabled()  # the clerk cannot take it later either

    comparison.take_action(db, actors["approver"], first.id)
    with db.read_session() as ses:
        person = ses.get(Person, first.person_id)
        assert person is not None and person.deceased_on is not None
