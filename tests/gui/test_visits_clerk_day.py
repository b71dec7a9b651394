"""The visit editor and list through a clerk's day: 已签字 is a check box that survives a
reopen, unsaved changes are marked and asked about, the list shows the case number and the
applicant and is searched and sorted."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from reliefdesk.services import visits
from reliefdesk.services.visits import HOUSING_TYPES, RECOMMENDATIONS, SPENDING_ITEMS, STRUCTURES
from reliefdesk.ui.visits.grids import _labels
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    application_in_state,
    office,
    open_window,
    type_cell,
    wait_idle,
)

CLICK = Qt.MouseButton.LeftButton


def _box(name: str) -> QMessageBox:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]
    assert boxes, f"no {name} shown"
    return boxes[0]


def test_editor_and_printout_share_one_vocabulary(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every choice the editor offers has the printout's word for it, and no other."""
    labels = _labels()
    assert set(labels["housing_type"]) == set(HOUSING_TYPES)
    assert set(labels["structure"]) == set(STRUCTURES)
    assert set(labels["recommendation"]) == set(RECOMMENDATIONS)
    from reliefdesk.ui.visits.editor import VisitEditor

    assert set(SPENDING_ITEMS) == {"utilities", "phone", "property", "medical", "education"}
    assert VisitEditor.PRESENT_KEYS[-1] == "signed"


def test_signed_is_a_check_box_that_survives_reopening(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """A reopened visit shows 已签字 unchecked (not "False"); ticking it and saving records
    that the member signed, and the next reopen shows it ticked."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "prelim_review")
    visit = visits.list_visits(db, actors["clerk"], application_id=app_id)[0]
    visits.save_visit(
        db,
        actors["clerk"],
        visits.VisitInput(
            household_id=visit.household_id,
            application_id=app_id,
            visit_date=visit.visit_date,
            investigators=list(visit.investigators),
            id=visit.id,
            expected_version=visit.version,
            members_present=[{"name": "李德福", "relation": "户主", "signed": False}],
        ),
    )
    s = open_window(qtbot, db, actors["clerk"], settings)
    editor = s.visits.editor
    s.visits.open_visit(visit.id)
    wait_idle(qtbot)
    item = editor.present.item(0, 2)
    assert item.text() == "" and item.checkState() == Qt.CheckState.Unchecked
    assert "False" not in [editor.present.item(0, c).text() for c in range(3)]
    item.setCheckState(Qt.CheckState.Checked)
    assert editor.has_unsaved() and not editor.unsaved_label.isHidden()
    assert editor.title_label.text().endswith("*")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save()
    wait_idle(qtbot)
    assert not editor.has_unsaved()
    assert visits.get_visit(db, actors["clerk"], visit.id).members_present[0]["signed"] is True
    s.visits.open_visit(visit.id)
    wait_idle(qtbot)
    assert editor.present.item(0, 2).checkState() == Qt.CheckState.Checked


def test_closing_the_editor_with_changes_asks(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """Back to the list with unsaved changes asks 保存/不保存/取消: 取消 stays with the input,
    保存 saves and then goes back, 不保存 goes back and keeps nothing."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "investigating")
    s = open_window(qtbot, db, actors["clerk"], settings)
    s.ctx.visitRequested.emit(0, app_id)
    wait_idle(qtbot)
    editor = s.visits.editor
    type_cell(qtbot, editor.investigators, 0, 0, "刘晓燕")
    type_cell(qtbot, editor.investigators, 1, 0, "马红梅")
    assert editor.has_unsaved()
    qtbot.mouseClick(editor.back_button, CLICK)
    qtbot.mouseClick(_box("visitUnsavedBox").button(QMessageBox.StandardButton.Cancel), CLICK)
    assert s.visits.stack.currentIndex() == 1
    assert editor.investigators.item(0, 0).text() == "刘晓燕"
    qtbot.mouseClick(editor.back_button, CLICK)
    with qtbot.waitSignal(editor.saved, timeout=10000):
        qtbot.mouseClick(_box("visitUnsavedBox").button(QMessageBox.StandardButton.Save), CLICK)
    wait_idle(qtbot)
    assert s.visits.stack.currentIndex() == 0
    assert len(visits.list_visits(db, actors["clerk"], application_id=app_id)) == 1
    s.visits.open_visit(visits.list_visits(db, actors["clerk"], application_id=app_id)[0].id)
    wait_idle(qtbot)
    editor.goods_edit.setFocus()
    qtbot.keyClicks(editor.goods_edit, "TV")
    qtbot.mouseClick(editor.back_button, CLICK)
    qtbot.mouseClick(_box("visitUnsavedBox").button(QMessageBox.StandardButton.Discard), CLICK)
    assert s.visits.stack.currentIndex() == 0
    assert visits.list_visits(db, actors["clerk"], application_id=app_id)[0].durable_goods == ""


def test_visit_list_shows_case_and_applicant_searched_and_sorted(
    qtbot, office: Office, settings
) -> None:  # type: ignore[no-untyped-def]
    """The list shows the file number and the applicant (not an internal id); the search
    finds by name; clicking 申请人 sorts by it in SQL."""
    db, actors = office.db, office.actors
    a = application_in_state(
        db,
        actors,
        office.village_id,
        "prelim_review",
        name="赵玉梅",
        seq=31,
        accepted=date.today() - timedelta(days=20),
    )
    application_in_state(db, actors, office.village_id, "prelim_review", name="李德福", seq=11)
    s = open_window(qtbot, db, actors["clerk"], settings)
    s.window.show_page("visits")
    wait_idle(qtbot)
    page = s.visits
    headers = [
        page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())
    ]
    assert headers[1] in ("File no.", "编号", "案卷号") or "号" in headers[1]
    names = [page.model.data(page.model.index(r, 2)) for r in range(page.model.rowCount())]
    assert sorted(names) == ["李德福", "赵玉梅"]
    file_nos = {page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())}
    from reliefdesk.services import casework

    assert casework.get_application(db, actors["clerk"], a).file_no in file_nos
    page.view.horizontalHeader().sectionClicked.emit(2)  # 申请人, ascending
    wait_idle(qtbot)
    first = [page.model.data(page.model.index(r, 2)) for r in range(page.model.rowCount())]
    page.view.horizontalHeader().sectionClicked.emit(2)  # descending
    wait_idle(qtbot)
    second = [page.model.data(page.model.index(r, 2)) for r in range(page.model.rowCount())]
    assert first == list(reversed(second)) and first != second
    page.search_edit.setText("赵玉")
    page.search_edit.returnPressed.emit()
    wait_idle(qtbot)
    assert [page.model.data(page.model.index(r, 2)) for r in range(page.model.rowCount())] == [
        "赵玉梅"
    ]
