"""Print actions on the casework screens (issue #5): the case page prints its 审批表 (button and
Ctrl+P), its decision letter once decided and the 公示 notice of its batch; the applications list
prints the forms of a multi-selection as one PDF and the notice of the selected cases in
publicity; the 公示 dialog prints the batch it started; the visit editor prints a saved visit.
Every print opens a PdfPreviewDialog with real pages and leaves a "print" audit event."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.models import AuditEvent
from reliefdesk.services import casework, printing, users
from reliefdesk.services.context import Actor
from reliefdesk.ui import ops
from reliefdesk.ui.applications.page import ApplicationsPage
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.printing import PdfPreviewDialog
from reliefdesk.ui.visits.page import VisitsPage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_casework_support import family_of_three, walk

PASSWORD = "Test#Pass2026"
START = date(2025, 3, 3)


@pytest.fixture
def people(sqlite_db: Database) -> dict[str, Actor]:
    """Signed-in actors of the test template."""
    return {
        u: users.login(sqlite_db, u, PASSWORD) for u in ("clerk", "reviewer", "approver", "auditor")
    }


def new_case(db: Database, people: dict[str, Actor], until: str) -> int:
    """A rural dibao application of a family of three, walked to state ``until``."""
    hid, pids = family_of_three(db)
    app = casework.create_application(
        db, people["clerk"], hid, pids[0], "rural_dibao", "收入低于低保标准", START
    )
    if until != "accepted":
        walk(db, people, app.id, until)
    return app.id


def wait_idle(qtbot: QtBot, timeout: int = 20000) -> None:
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=timeout)
    QApplication.processEvents()


def context(db: Database, actor: Actor, tmp_path: Path) -> AppContext:
    settings = QSettings(str(tmp_path / f"{actor.username}.ini"), QSettings.Format.IniFormat)
    return AppContext(db, actor, None, settings)


def applications_page(qtbot: QtBot, db: Database, actor: Actor, tmp_path: Path) -> ApplicationsPage:
    page = ApplicationsPage(context(db, actor, tmp_path))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot)
    return page


def open_case(qtbot: QtBot, page: ApplicationsPage, app_id: int) -> None:
    page.open_application(app_id)
    wait_idle(qtbot)
    assert page.detail.view is not None and page.detail.view.id == app_id


def previews(owner: QWidget) -> list[PdfPreviewDialog]:
    return owner.findChildren(PdfPreviewDialog)


def wait_preview(qtbot: QtBot, owner: QWidget, before: int = 0) -> PdfPreviewDialog:
    """The preview the last action opened (after its background op), with ≥ 1 page."""
    qtbot.waitUntil(lambda: len(previews(owner)) > before, timeout=20000)
    dialog = previews(owner)[-1]
    qtbot.waitUntil(lambda: dialog.page_count() >= 1, timeout=10000)
    assert dialog.isVisible()
    return dialog


def close_previews(qtbot: QtBot, owner: QWidget) -> None:
    for dialog in previews(owner):
        dialog.close()
    QApplication.sendPostedEvents(None, 0)  # WA_DeleteOnClose → deleteLater
    qtbot.waitUntil(lambda: not previews(owner), timeout=5000)


def print_events(db: Database) -> list[tuple[str, str, dict[str, Any]]]:
    """(entity, entity id, detail) of every "print" audit event, oldest first."""
    with db.session() as s:
        return [
            (e.entity, e.entity_id, dict(e.detail))
            for e in s.scalars(
                select(AuditEvent).where(AuditEvent.action == "print").order_by(AuditEvent.id)
            )
        ]


def test_case_page_prints_form_by_button_and_ctrl_p(
    qtbot: QtBot, sqlite_db: Database, people: dict[str, Actor], tmp_path: Path
) -> None:
    """打印审批表 and Ctrl+P on the case page both open the form's preview and audit it."""
    app_id = new_case(sqlite_db, people, "prelim_review")
    page = applications_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    open_case(qtbot, page, app_id)
    # Ctrl+P first: offscreen, the page is not re-activated after a dialog closes
    page.activateWindow()
    qtbot.waitActive(page)
    page.detail.steps_view.setFocus()
    qtbot.keyClick(page.detail.steps_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_preview(qtbot, page)
    assert dialog.pdf_bytes().startswith(b"%PDF")
    events = print_events(sqlite_db)
    assert [(e[0], e[1], e[2]["document"]) for e in events] == [
        ("application", str(app_id), "application_form")
    ]
    close_previews(qtbot, page)  # (the open preview's own Ctrl+P would print it)

    button = page.detail.print_form_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, page)
    assert [e[2]["document"] for e in print_events(sqlite_db)] == ["application_form"] * 2
    close_previews(qtbot, page)


def test_decision_letter_only_once_decided(
    qtbot: QtBot, sqlite_db: Database, people: dict[str, Actor], tmp_path: Path
) -> None:
    """The decision-letter button is disabled (with a reason) before the decision; after the
    approval it opens the 确认通知书 and audits it."""
    app_id = new_case(sqlite_db, people, "awaiting_confirmation")
    page = applications_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    open_case(qtbot, page, app_id)
    button = page.detail.print_decision_button
    assert not button.isEnabled()
    assert button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert not previews(page) and not print_events(sqlite_db)

    casework.perform(
        sqlite_db,
        people["approver"],
        app_id,
        "confirm",
        on_date=date(2025, 3, 18),
        decision="approve",
        opinion="同意",
    )
    page.detail.reload()
    wait_idle(qtbot)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, page)
    assert [(e[1], e[2]["document"]) for e in print_events(sqlite_db)] == [
        (str(app_id), "decision_confirm")
    ]
    close_previews(qtbot, page)


def test_case_page_prints_notice_of_its_batch(
    qtbot: QtBot, sqlite_db: Database, people: dict[str, Actor], tmp_path: Path
) -> None:
    """打印公示 is disabled before publicity; in publicity it prints the notice of every
    application that started publicity on the same day."""
    before = new_case(sqlite_db, people, "prelim_review")
    batch = [new_case(sqlite_db, people, "publicity") for _ in range(3)]
    page = applications_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    open_case(qtbot, page, before)
    assert not page.detail.print_notice_button.isEnabled()
    assert page.detail.print_notice_button.toolTip()
    open_case(qtbot, page, batch[1])
    assert page.detail.print_notice_button.isEnabled()
    qtbot.mouseClick(page.detail.print_notice_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, page)
    events = print_events(sqlite_db)
    assert {e[1] for e in events} == {str(i) for i in batch}
    assert all(e[2]["document"] == "notice" and sorted(e[2]["ids"]) == batch for e in events)
    assert events[0][2]["entries"] == 3
    close_previews(qtbot, page)


def select_rows(qtbot: QtBot, page: ApplicationsPage, ids: list[int]) -> None:
    """Ctrl+click the rows of ``ids`` in the list."""
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    view = page.view
    for i in range(page.model.rowCount()):
        if page.model.row(i).id in ids:
            rect = view.visualRect(page.model.index(i, 0))
            qtbot.mouseClick(
                view.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.ControlModifier,
                rect.center(),
            )
    assert sorted(r.id for r in page.selected_rows()) == sorted(ids)


def test_list_batch_prints_selected_forms_in_one_pdf(
    qtbot: QtBot, sqlite_db: Database, people: dict[str, Actor], tmp_path: Path
) -> None:
    """批量打印审批表 on 3 selected applications gives one PDF holding all their pages (as
    many as the three single forms) and one print event per application."""
    ids = [new_case(sqlite_db, people, "prelim_review") for _ in range(3)]
    new_case(sqlite_db, people, "investigating")  # listed, not selected
    page = applications_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    assert not page.batch_print_button.isEnabled()
    assert page.batch_print_button.toolTip()
    select_rows(qtbot, page, ids)
    assert page.batch_print_button.isEnabled()
    assert not page.notice_print_button.isEnabled()  # none of them is in publicity
    qtbot.mouseClick(page.batch_print_button, Qt.MouseButton.LeftButton)
    dialog = wait_preview(qtbot, page)
    events = print_events(sqlite_db)
    assert len(events) == 3
    assert all(e[2]["document"] == "application_form_batch" for e in events)
    assert sorted(events[0][2]["ids"]) == sorted(ids)
    single = sum(printing.application_form_pdf(sqlite_db, people["clerk"], i).pages for i in ids)
    assert dialog.page_count() == single >= 3
    close_previews(qtbot, page)


def test_list_context_menu_prints_notice_of_selected(
    qtbot: QtBot, sqlite_db: Database, people: dict[str, Actor], tmp_path: Path
) -> None:
    """The context menu's 打印公示名单 prints the notice of the selected applications in
    publicity only; its 批量打印审批表 entry follows the selection."""
    batch = [new_case(sqlite_db, people, "publicity") for _ in range(2)]
    other = new_case(sqlite_db, people, "prelim_review")
    page = applications_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    select_rows(qtbot, page, [*batch, other])
    assert page.batch_print_action.isEnabled() and page.notice_print_action.isEnabled()
    page.notice_print_action.trigger()
    wait_preview(qtbot, page)
    events = print_events(sqlite_db)
    assert {e[1] for e in events} == {str(i) for i in batch}
    assert all(e[2]["document"] == "notice" for e in events)
    page.view.clearSelection()
    assert not page.batch_print_action.isEnabled() and not page.notice_print_action.isEnabled()
    close_previews(qtbot, page)


def test_publicity_dialog_prints_the_started_batch(
    qtbot: QtBot, sqlite_db: Database, people: dict[str, Actor], tmp_path: Path
) -> None:
    """After 开始公示 the dialog offers 打印公示, which prints the notice of that batch."""
    ids = [new_case(sqlite_db, people, "prelim_review") for _ in range(2)]
    page = applications_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    dialog = page.open_publicity()
    wait_idle(qtbot)
    assert not dialog.print_button.isVisible()
    assert sorted(dialog.selected_ids()) == sorted(ids)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.batch is not None, timeout=20000)
    wait_idle(qtbot)
    assert dialog.print_button.isVisible() and dialog.print_button.isEnabled()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, dialog)
    events = print_events(sqlite_db)
    assert {e[1] for e in events} == {str(i) for i in ids}
    assert all(e[2]["document"] == "notice" for e in events)
    close_previews(qtbot, dialog)
    dialog.close()


def test_visit_editor_prints_saved_visit_only(
    qtbot: QtBot, sqlite_db: Database, people: dict[str, Actor], tmp_path: Path
) -> None:
    """打印调查表 is disabled (with a reason) for an unsaved visit; for a saved one the button
    and Ctrl+P open the 入户调查表 and audit it."""
    investigating = new_case(sqlite_db, people, "investigating")
    walked = new_case(sqlite_db, people, "prelim_review")  # has a stored visit
    page = VisitsPage(context(sqlite_db, people["clerk"], tmp_path))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot)
    page.new_visit(investigating)
    wait_idle(qtbot)
    editor = page.editor
    assert not editor.print_button.isEnabled()
    assert editor.print_button.toolTip()

    visit = next(v for v in page.model.rows if v.application_id == walked)
    page.open_visit(visit.id)
    wait_idle(qtbot)
    assert editor.print_button.isEnabled()
    page.activateWindow()
    qtbot.waitActive(page)
    editor.opinion_edit.setFocus()
    qtbot.keyClick(editor.opinion_edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_preview(qtbot, page)
    close_previews(qtbot, page)
    qtbot.mouseClick(editor.print_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, page)
    assert [(e[0], e[1], e[2]["document"]) for e in print_events(sqlite_db)] == [
        ("visit", str(visit.id), "visit_record")
    ] * 2
    close_previews(qtbot, page)


def test_auditor_cannot_print(
    qtbot: QtBot, sqlite_db: Database, people: dict[str, Actor], tmp_path: Path
) -> None:
    """A role without the print permission sees the print buttons disabled, with the reason."""
    app_id = new_case(sqlite_db, people, "approved")
    page = applications_page(qtbot, sqlite_db, people["auditor"], tmp_path)
    open_case(qtbot, page, app_id)
    for button in (
        page.detail.print_form_button,
        page.detail.print_decision_button,
        page.detail.print_notice_button,
    ):
        assert not button.isEnabled() and button.toolTip()
    page.detail.print_form()
    wait_idle(qtbot)
    assert not previews(page) and not print_events(sqlite_db)
    page.detail.closeRequested.emit()
    page.state_combo.setCurrentIndex(0)  # all states: the approved case is listed
    wait_idle(qtbot)
    select_rows(qtbot, page, [app_id])
    assert not page.batch_print_button.isEnabled()
    assert not page.batch_print_action.isEnabled()
