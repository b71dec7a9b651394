"""Visits page and editor: new visit for an application, rules shown next to the field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select

from reliefdesk.models import Visit
from reliefdesk.services import casework, visits
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    application_in_state,
    office,
    open_window,
    type_cell,
    wait_idle,
)


def test_one_investigator_is_refused_and_form_kept(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """Saving with one investigator shows the two-person rule under the investigators and
    keeps the input; nothing is written."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "investigating")
    s = open_window(qtbot, db, actors["clerk"], settings)
    s.ctx.visitRequested.emit(0, app_id)
    wait_idle(qtbot)
    assert s.window.current_page_key() == "visits"
    editor = s.visits.editor
    type_cell(qtbot, editor.investigators, 0, 0, "刘晓燕")
    editor.goods_edit.setText("电视机1台")
    editor.save()
    wait_idle(qtbot)
    assert "不得少于 2 人" in editor.errors.field_error("investigators")
    assert editor.investigators.item(0, 0).text() == "刘晓燕"
    assert editor.goods_edit.text() == "电视机1台"
    with db.session() as sess:
        assert sess.scalar(select(func.count()).select_from(Visit)) == 0


def test_saved_visit_keeps_photos_and_records_the_step(
    qtbot, qtmodeltester, office: Office, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A visit with two investigators and a photo is stored with the photo, recorded on the
    application, listed on the page, and reopens with its thumbnail."""
    db, actors = office.db, office.actors
    app_id = application_in_state(db, actors, office.village_id, "investigating")
    s = open_window(qtbot, db, actors["clerk"], settings)
    s.ctx.visitRequested.emit(0, app_id)  # switches to the visits page
    wait_idle(qtbot)
    editor = s.visits.editor
    type_cell(qtbot, editor.investigators, 0, 0, "刘晓燕")
    type_cell(qtbot, editor.investigators, 1, 0, "马红梅")
    photo = QImage(64, 48, QImage.Format.Format_RGB32)
    photo.fill(QColor("#8aa3b8"))
    photo.save(str(tmp_path / "house.png"))
    editor.add_photos([str(tmp_path / "house.png")])
    with qtbot.waitSignal(editor.saved, timeout=10000) as saved:
        editor.save()
    wait_idle(qtbot)
    view = saved.args[0]
    assert len(view.photos) == 1
    stored = visits.get_visit(db, actors["clerk"], view.id)
    assert [i["name"] for i in stored.investigators] == ["刘晓燕", "马红梅"]
    assert any(
        st.action == "record_visit"
        for st in casework.get_application(db, actors["clerk"], app_id).steps
    )
    qtbot.waitUntil(lambda: s.visits.model.rowCount() == 1)
    qtmodeltester.check(s.visits.model)
    s.visits.open_visit(view.id)
    wait_idle(qtbot)
    assert editor.photo_list.count() == 1
    assert not editor.photo_list.item(0).icon().isNull()
