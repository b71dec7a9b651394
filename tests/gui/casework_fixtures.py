"""Helpers for the casework GUI tests: a real SQLite office, sign-in through the real
LoginDialog, a main window with the workbench, applications and visits pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget, QTableWidgetItem, QWidget

from reliefdesk.db.engine import Database
from reliefdesk.domain.idnumber import make_id
from reliefdesk.services import casework, register, users
from reliefdesk.services.context import Actor
from reliefdesk.ui import ops
from reliefdesk.ui.application import link_findings
from reliefdesk.ui.applications.page import ApplicationsPage
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.login_dialog import LoginDialog
from reliefdesk.ui.main_window import MainWindow
from reliefdesk.ui.visits.page import VisitsPage
from reliefdesk.ui.workbench.page import WorkbenchPage

PASSWORD = "Test#Pass2026"


@dataclass
class Office:
    db: Database
    actors: dict[str, Actor]
    village_id: int


@pytest.fixture
def office(sqlite_db: Database) -> Office:
    """The test template's users (clerk, reviewer, approver...) plus one village."""
    actors = {
        u: users.login(sqlite_db, u, PASSWORD)
        for u in ("clerk", "clerk2", "reviewer", "approver", "auditor")
    }
    township = register.list_townships(sqlite_db, actors["clerk"])[0]
    village = register.add_village(sqlite_db, actors["clerk"], township.id, "寺上村")
    return Office(sqlite_db, actors, village.id)


def wait_idle(qtbot, timeout: int = 15000) -> None:  # type: ignore[no-untyped-def]
    """Wait until every background op delivered its result."""
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=timeout)
    QApplication.processEvents()


def login(qtbot, db: Database, username: str) -> Actor:  # type: ignore[no-untyped-def]
    """Sign in through the real LoginDialog (typing the name and password)."""
    dialog = LoginDialog(lambda u, p: users.login(db, u, p))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, username)
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert isinstance(dialog.user, Actor)
    return dialog.user


@dataclass
class Session:
    window: MainWindow
    ctx: AppContext
    workbench: WorkbenchPage
    applications: ApplicationsPage
    visits: VisitsPage


def open_window(qtbot, db: Database, actor: Actor, settings: QSettings) -> Session:  # type: ignore[no-untyped-def]
    """The main window with the three casework pages, wired like ui.application.build_pages."""
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    ctx = AppContext(db, actor, None, settings, window)
    pages = {
        "workbench": WorkbenchPage(ctx, window),
        "applications": ApplicationsPage(ctx, window),
        "visits": VisitsPage(ctx, window),
    }
    for key, page in pages.items():
        window.register_page(key, page)
    link_findings(window, pages["workbench"])
    ctx.applicationRequested.connect(lambda _i: window.show_page("applications"))
    ctx.householdRequested.connect(lambda _i: window.show_page("households"))
    ctx.visitRequested.connect(lambda _v, _a: window.show_page("visits"))
    ctx.newApplicationRequested.connect(lambda _h: window.show_page("applications"))
    window.newApplicationRequested.connect(lambda: ctx.newApplicationRequested.emit(0))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    workbench = pages["workbench"]
    qtbot.waitUntil(lambda: workbench.data is not None, timeout=15000)  # type: ignore[attr-defined]
    wait_idle(qtbot)
    return Session(
        window,
        ctx,
        pages["workbench"],
        pages["applications"],  # type: ignore[arg-type]
        pages["visits"],
    )  # type: ignore[arg-type]


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into ``widget`` key by key, Chinese included.

    WORKAROUND: QTest.keyClicks asserts on characters outside ASCII (qasciikey.cpp), so
    other characters are sent as key events carrying the text, as an input method does.
    """
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )


def type_cell(qtbot, table: QTableWidget, row: int, col: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Go to the cell (its editor opens), type ``text`` and press Tab."""
    item = table.item(row, col)
    if item is None:
        item = QTableWidgetItem()
        table.setItem(row, col, item)
    table.setCurrentCell(row, col)  # AllEditTriggers: becoming current opens the editor

    def editors() -> list[QLineEdit]:
        return [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]

    if not editors():
        table.editItem(item)
    assert editors(), "the cell editor did not open"
    type_text(qtbot, editors()[0], text)
    qtbot.keyClick(editors()[0], Qt.Key.Key_Tab)  # Tab commits and moves on
    assert item.text() == text


def cell_center(view, row: int, col: int = 0) -> QPoint:  # type: ignore[no-untyped-def]
    return view.visualRect(view.model().index(row, col)).center()


def make_household(
    db: Database,
    clerk: Actor,
    village_id: int,
    name: str,
    birth: date,
    seq: int,
    income_fen: int = 30000,
) -> tuple[int, int]:
    """(household id, head person id) built with the register services (test set-up)."""
    h = register.create_household(
        db,
        clerk,
        register.HouseholdInput(village_id=village_id, area_type="rural", address="寺上村1组"),
        register.PersonInput(name=name, id_number=make_id("410482", birth, seq)),
    )
    head = register.get_household(db, clerk, h.id).members[0]
    register.add_income(db, clerk, h.id, head.id, "wage", income_fen)
    return h.id, head.id


def application_in_state(
    db: Database,
    actors: dict[str, Actor],
    village_id: int,
    state: str,
    *,
    name: str = "李德福",
    seq: int = 11,
    accepted: date | None = None,
) -> int:
    """An application driven by the services to ``state`` (set-up for page tests)."""
    from datetime import timedelta

    from reliefdesk.services import visits

    clerk, reviewer = actors["clerk"], actors["reviewer"]
    t0 = accepted or (date.today() - timedelta(days=30))
    hid, pid = make_household(db, clerk, village_id, name, date(1950, 5, 1), seq)
    app = casework.create_application(db, clerk, hid, pid, "rural_dibao", "无劳动能力", t0)
    if state == "accepted":
        return app.id
    casework.perform(db, clerk, app.id, "start_investigation", on_date=t0)
    if state == "investigating":
        return app.id
    casework.perform(db, clerk, app.id, "request_info_check", on_date=t0)
    casework.perform(db, clerk, app.id, "record_info_check", on_date=t0, opinion="无异常")
    visits.save_visit(
        db,
        clerk,
        visits.VisitInput(
            household_id=hid,
            visit_date=t0 + timedelta(days=1),
            application_id=app.id,
            investigators=[{"name": "甲", "unit": "民政所"}, {"name": "乙", "unit": "村委会"}],
        ),
    )
    casework.perform(
        db, reviewer, app.id, "submit_prelim", on_date=t0 + timedelta(days=2), opinion="符合条件"
    )
    if state == "prelim_review":
        return app.id
    casework.start_publicity_batch(
        db, clerk, [app.id], t0 + timedelta(days=3), recorded_on=t0 + timedelta(days=3)
    )
    if state == "publicity":
        return app.id
    casework.perform(db, clerk, app.id, "finish_publicity", on_date=t0 + timedelta(days=11))
    assert state == "awaiting_confirmation"
    return app.id
