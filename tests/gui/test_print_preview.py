"""PDF preview dialog: opens a real PDF, saves it, prints it to a PDF printer; the
background loader opens the preview and shows service errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.documents.pdf import build_application_form, build_roster
from reliefdesk.documents.pdf.samples import application, roster
from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import Household, IncomeItem, Person, Township, User, Village
from reliefdesk.services import casework
from reliefdesk.services.context import Actor
from reliefdesk.ui import ops
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.printing import PdfPreviewDialog, preview_application_form, preview_decision


@pytest.fixture
def form_pdf() -> bytes:
    return build_application_form(application("rural_dibao"))


def test_preview_opens_every_page(qtbot: QtBot, form_pdf: bytes) -> None:
    """The dialog loads the PDF bytes: page count matches the PDF, zoom can be changed."""
    dialog = PdfPreviewDialog(form_pdf, "审批表", None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == len(PdfReader(__import__("io").BytesIO(form_pdf)).pages) > 0
    dialog.zoom.setCurrentIndex(dialog.zoom.count() - 1)
    assert dialog.view.zoomFactor() == pytest.approx(2.0)


def test_save_as_writes_the_same_bytes(qtbot: QtBot, form_pdf: bytes, tmp_path: Path) -> None:
    """'Save as PDF' writes the exact bytes (adding .pdf) and leaves no temp file."""
    dialog = PdfPreviewDialog(form_pdf, "审批表", None)
    qtbot.addWidget(dialog)
    dialog.save_to(tmp_path / "copy")
    qtbot.waitUntil(lambda: dialog.last_saved is not None, timeout=5000)
    assert (tmp_path / "copy.pdf").read_bytes() == form_pdf
    assert [p.name for p in tmp_path.iterdir()] == ["copy.pdf"]


def test_print_to_pdf_printer_renders_all_pages(qtbot: QtBot, tmp_path: Path) -> None:
    """Printing into a QPrinter with PDF output produces one page per document page, in the
    document's orientation (a landscape roster stays landscape)."""
    pdf = build_roster(roster(60))
    dialog = PdfPreviewDialog(pdf, "花名册", None)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    dialog.prepare_printer(printer)
    assert dialog.print_to(printer) == dialog.page_count() > 1
    pages = PdfReader(str(out)).pages
    assert len(pages) == dialog.page_count()
    box = pages[0].mediabox
    assert float(box.width) > float(box.height)


def _application(db: Database) -> tuple[Actor, int]:
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == "clerk"))
        assert user is not None
        actor = Actor(user.id, user.username, user.display_name, user.role)
        town = s.scalars(select(Township).order_by(Township.id)).first()
        assert town is not None
        village = Village(township_id=town.id, name="桃园村")
        s.add(village)
        s.flush()
        hh = Household(village_id=village.id, area_type="rural", address="桃园村1组")
        s.add(hh)
        s.flush()
        p = Person(
            household_id=hh.id,
            name="赵大成",
            id_number=make_id("410482", date(1960, 1, 2), 11),
            birth_date=date(1960, 1, 2),
            sex="M",
            relation="head",
        )
        s.add(p)
        s.flush()
        s.add(IncomeItem(household_id=hh.id, person_id=p.id, category="wage", monthly_fen=20000))
        hh_id, p_id = hh.id, p.id
    view = casework.create_application(
        db, actor, hh_id, p_id, "rural_dibao", "年老体弱", date(2025, 3, 3)
    )
    return actor, view.id


def test_preview_wrapper_loads_in_background_and_opens(
    qtbot: QtBot, sqlite_db: Database, settings: object
) -> None:
    """preview_application_form builds the form off the GUI thread and opens the preview;
    an undecided application's decision letter shows the service's message instead."""
    actor, app_id = _application(sqlite_db)
    parent = QWidget()
    qtbot.addWidget(parent)
    ctx = AppContext(sqlite_db, actor, None, settings)  # type: ignore[arg-type]
    preview_application_form(ctx, parent, app_id)
    qtbot.waitUntil(lambda: parent.findChild(PdfPreviewDialog) is not None, timeout=15000)
    dialog = parent.findChild(PdfPreviewDialog)
    assert dialog is not None and dialog.page_count() > 0 and "赵大成" in dialog.windowTitle()
    dialog.close()
    preview_decision(ctx, parent, app_id)
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=15000)
    box = parent.findChild(QMessageBox, "reliefErrorBox")
    assert box is not None and "尚未作出审核确认决定" in box.text()
    box.close()
