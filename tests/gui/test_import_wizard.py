"""The 存量导入 settings section and wizard: file → sheet and header → mapping → preview with
problems → import, then undo; read only for non-administrators; Chinese texts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.models import User
from reliefdesk.services import importing
from reliefdesk.services.context import Actor
from reliefdesk.ui import i18n, ops
from reliefdesk.ui.admin.importing import ImportWizard
from reliefdesk.ui.admin.page import SettingsPage
from reliefdesk.ui.context import AppContext

DATA = Path(__file__).resolve().parents[1] / "data" / "legacy"


def _actor(db: Database, name: str) -> Actor:
    with db.read_session() as s:
        u = s.scalar(select(User).where(User.username == name))
        return Actor(u.id, u.username, u.display_name, u.role)


def _idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=30000)
    QApplication.processEvents()


def _page(
    qtbot,
    db: Database,
    who: str,  # type: ignore[no-untyped-def]
    settings: QSettings,
) -> SettingsPage:
    page = SettingsPage(AppContext(db, _actor(db, who), None, settings))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    _idle(qtbot)
    return page


def test_wizard_previews_imports_and_the_section_undoes(
    qtbot, sqlite_db: Database, settings: QSettings
) -> None:
    """An administrator walks the wizard on the legacy workbook: the preview lists the
    problems, the import creates a batch shown in the section, undo takes it back."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    section = page.show_section("import")
    _idle(qtbot)
    assert section.start_button.isEnabled()
    wizard = ImportWizard(page.ctx, page)
    wizard.show()
    wizard.file_page.path_edit.setText(str(DATA / "person_rows.xlsx"))
    wizard.next()
    _idle(qtbot)
    assert wizard.currentPage() is wizard.sheet_page
    assert (
        "第 4 行" in wizard.sheet_page.headers.text() or "row 4" in wizard.sheet_page.headers.text()
    )
    wizard.next()
    assert wizard.mapping_page.combos["id_number"].currentData() == "身份证号码"
    wizard.mapping_page.combos["phone"].setCurrentIndex(0)  # a correction: (not used)
    wizard.mapping_page.combos["document_no"].setCurrentIndex(0)
    wizard.next()
    _idle(qtbot)
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.preview_page.model.rowCount() > 5
    assert "55" in wizard.preview_page.summary.text()
    with qtbot.waitSignal(wizard.imported, timeout=30000) as blocker:
        wizard.next()
    _idle(qtbot)
    result = blocker.args[0]
    assert result.batch_id == 1 and result.created == 55
    assert "1" in wizard.import_page.result_label.text()
    assert importing.saved_mapping(sqlite_db, page.ctx.actor) == {"document_no": ""}
    section.refresh()
    _idle(qtbot)
    assert section.model.rowCount() == 1
    section.undo(1)
    _idle(qtbot)
    assert section.model.row(0).status == "undone"


def test_unreadable_file_keeps_the_wizard_on_the_file_page(
    qtbot, sqlite_db: Database, settings: QSettings, tmp_path: Path
) -> None:
    """A file of the wrong type shows one clear line and does not move on."""
    page = _page(qtbot, sqlite_db, "admin", settings)
    wizard = ImportWizard(page.ctx, page)
    wizard.show()
    wizard.file_page.path_edit.setText(str(tmp_path / "roster.pdf"))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error_label.text()


def test_file_without_a_header_cannot_go_past_the_sheet_page(
    qtbot, sqlite_db: Database, settings: QSettings, tmp_path: Path
) -> None:
    """A sheet with no recognisable header shows one line and Next stays disabled."""
    notes = tmp_path / "notes.csv"
    notes.write_text("说明\n本表无表头\n", encoding="utf-8")
    page = _page(qtbot, sqlite_db, "admin", settings)
    wizard = ImportWizard(page.ctx, page)
    wizard.show()
    wizard.file_page.path_edit.setText(str(notes))
    wizard.next()
    _idle(qtbot)
    assert wizard.currentPage() is wizard.sheet_page
    assert "没有找到表头" in wizard.sheet_page.error_label.text()
    assert not wizard.sheet_page.isComplete()


def test_clerk_sees_the_section_read_only(qtbot, sqlite_db: Database, settings: QSettings) -> None:
    """Only an administrator imports: a clerk's buttons are disabled, the notice shows."""
    page = _page(qtbot, sqlite_db, "clerk", settings)
    section = page.show_section("import")
    _idle(qtbot)
    assert not section.start_button.isEnabled() and not section.undo_button.isEnabled()
    assert section.readonly_label.isVisible()


def test_import_texts_are_chinese(qapp) -> None:
    """The importing catalog is loaded with the others."""
    try:
        i18n.install_translators(qapp, "zh_CN")
        assert (
            QCoreApplication.translate("ImportSection", "Import existing recipients") == "存量导入"
        )
        assert QCoreApplication.translate("FilePage", "Choose the file") == "选择文件"
    finally:
        i18n.install_translators(qapp, "en")
