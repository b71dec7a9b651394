"""The import wizard (存量导入): choose file → sheet and header → column mapping → preview with
problems → import. Every read and the import itself run through the ops runner off the GUI
thread, with a progress dialog; nothing is written before the last page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reliefdesk.documents.legacy import FIELD_LABELS, sheet_names
from reliefdesk.documents.legacy.reader import SUPPORTED
from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.errors import ReliefError
from reliefdesk.services import importing
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.table_model import Column, RecordTableModel

ALL_SHEETS = ""


class _Page(QWizardPage):
    def __init__(self, wizard: ImportWizard, name: str, title: str, subtitle: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.w = wizard
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{name}Error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color:#c62828;")

    def show_error(self, error: ReliefError) -> None:
        self.error_label.setText(str(error))


class FilePage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            "importFilePage",
            self.tr("Choose the file"),
            self.tr(
                "The office's own roster: .xlsx, old .xls or .csv (GBK or "
                "UTF-8), one row per person or one row per household."
            ),
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importFileEdit")
        self.browse = QPushButton(self.tr("Browse..."))
        self.browse.setObjectName("importBrowseButton")
        self.browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        note = QLabel(
            self.tr(
                "Importing brings in recipients an earlier procedure already "
                "approved; it is recorded as a data migration. New people must "
                "go through an application (民发〔2021〕57号 第二十八条)."
            )
        )
        note.setObjectName("importLawNote")
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(note)
        lay.addWidget(self.error_label)
        lay.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file"), "", self.tr("Spreadsheets (*.xlsx *.xls *.csv)")
        )
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        """Only the name is checked here (no file is read on the GUI thread)."""
        path = Path(self.path_edit.text().strip())
        if path.suffix.lower() not in SUPPORTED:
            self.show_error(
                ReliefError(self.tr("Not a supported file: choose an .xlsx, .xls or .csv file."))
            )
            return False
        if not path.is_file():
            self.show_error(ReliefError(self.tr("The file does not exist.")))
            return False
        self.error_label.clear()
        self.w.path = path
        return True


class SheetPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            "importSheetPage",
            self.tr("Sheet and header"),
            self.tr(
                "Import every sheet (one per village) or only one. The header "
                "row is found by its usual Chinese column names."
            ),
        )
        self.combo = QComboBox()
        self.combo.setObjectName("importSheetCombo")
        self.headers = QLabel()
        self.headers.setObjectName("importHeaderLabel")
        self.headers.setWordWrap(True)
        self.ok = False
        lay = QVBoxLayout(self)
        lay.addWidget(self.combo)
        lay.addWidget(self.headers)
        lay.addWidget(self.error_label)
        lay.addStretch(1)
        self.combo.currentIndexChanged.connect(self._on_combo_current_index_changed)

    def initializePage(self) -> None:
        self.ok = False
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.blockSignals(False)
        self.w.sheet = None
        path = self.w.path
        assert path is not None  # the file page only moves on with a file
        QueryOp(parent=self, op=lambda: sheet_names(path), success=self._fill).failure(
            self._failed
        ).with_progress(self.tr("Reading the file...")).run_in_background()

    def _fill(self, names: list[str]) -> None:
        self.w.sheets = names
        self.combo.blockSignals(True)
        self.combo.addItem(self.tr("All sheets"), ALL_SHEETS)
        for name in names:
            self.combo.addItem(name, name)
        self.combo.blockSignals(False)
        self._load()

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self._load()

    def _load(self) -> None:
        self.ok = False
        self.completeChanged.emit()
        self.w.sheet = self.combo.currentData() or None
        self.headers.setText(self.tr("Looking for the header..."))
        self.w.run_preview(self, self._show, self._failed)

    def _failed(self, error: ReliefError) -> None:
        self.headers.clear()
        self.show_error(error)
        self.ok = False
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ok

    def _show(self, pv: importing.ImportPreview) -> None:
        self.ok = True
        self.completeChanged.emit()
        lines = [
            self.tr("Sheet %1: header on row %2, %3 data rows")
            .replace("%1", s.name)
            .replace("%2", str(s.header_row))
            .replace("%3", str(s.rows))
            for s in pv.sheets
        ]
        if pv.skipped_sheets:
            lines.append(
                self.tr("Skipped (no header): %1").replace("%1", "、".join(pv.skipped_sheets))
            )
        self.headers.setText("\n".join(lines))


class MappingPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            "importMappingPage",
            self.tr("Column mapping"),
            self.tr(
                "Check which column holds what; correct a guess by choosing "
                "another column. Corrections are remembered for this office."
            ),
        )
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("importMappingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.combos: dict[str, QComboBox] = {}
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.error_label)

    def initializePage(self) -> None:
        pv = self.w.preview
        if pv is None or not pv.sheets:
            return
        sheet = pv.sheets[0]
        labels = [x for x in sheet.labels if x]
        self.table.setRowCount(len(FIELD_LABELS))
        self.combos.clear()
        for i, (fld, text) in enumerate(FIELD_LABELS.items()):
            self.table.setItem(i, 0, QTableWidgetItem(text))
            combo = QComboBox()
            combo.setObjectName(f"importMap_{fld}")
            combo.addItem(self.tr("(not used)"), "")
            for lab in labels:
                combo.addItem(lab, lab)
            current = sheet.mapping.get(fld, "")
            combo.setCurrentIndex(max(0, combo.findData(current)))
            self.table.setCellWidget(i, 1, combo)
            self.combos[fld] = combo
        self.auto = {f: sheet.mapping.get(f, "") for f in FIELD_LABELS}

    def validatePage(self) -> bool:
        changed = {
            f: c.currentData() or ""
            for f, c in self.combos.items()
            if (c.currentData() or "") != self.auto.get(f, "")
        }
        self.w.mapping = {**self.w.mapping, **changed}
        return True


class PreviewPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            "importPreviewPage",
            self.tr("Preview"),
            self.tr(
                "Nothing has been written yet. Households with an error are "
                "not imported; warnings are imported and flagged."
            ),
        )
        self.summary = QLabel()
        self.summary.setObjectName("importSummaryLabel")
        self.summary.setWordWrap(True)
        self.model = RecordTableModel(
            [
                Column(self.tr("Sheet"), lambda p: p.sheet),
                Column(self.tr("Row"), lambda p: str(p.row), align_right=True),
                Column(self.tr("Name"), lambda p: p.name),
                Column(
                    self.tr("Kind"),
                    lambda p: self.tr("Error") if p.severity == "error" else self.tr("Warning"),
                ),
                Column(self.tr("Problem"), lambda p: p.message),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setObjectName("importProblemsTable")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.report_button = QPushButton(self.tr("Save the problem list..."))
        self.report_button.setObjectName("importReportButton")
        self.report_button.clicked.connect(self._on_report_button_clicked)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.report_button)
        lay.addLayout(row)
        lay.addWidget(self.error_label)

    def initializePage(self) -> None:
        self.summary.setText(self.tr("Checking the file..."))
        self.w.run_preview(self, self._show)

    def _show(self, pv: importing.ImportPreview) -> None:
        progs = "；".join(
            f"{t.label} {t.households} 户 {t.persons} 人 {fen_to_yuan(t.amount_fen)} 元"
            for t in pv.by_programme
        )
        text = (
            self.tr(
                "%1 households, %2 persons, %3 yuan a month (%4). New %5, corrected "
                "%6, unchanged %7, not imported %8, members to complete %9. "
                "Problems: %10."
            )
            .replace("%10", str(len(pv.problems)))
            .replace("%1", str(pv.households))
            .replace("%2", str(pv.persons))
            .replace("%3", fen_to_yuan(pv.total_fen))
            .replace("%4", progs)
            .replace("%5", str(pv.to_create))
            .replace("%6", str(pv.to_update))
            .replace("%7", str(pv.unchanged))
            .replace("%8", str(pv.blocked))
            .replace("%9", str(pv.incomplete))
        )
        if pv.already_imported_batch is not None:
            text += " " + self.tr(
                "This file is already imported (batch %1): importing it again changes nothing."
            ).replace("%1", str(pv.already_imported_batch))
        self.summary.setText(text)
        self.model.set_rows(pv.problems)
        self.view.resizeColumnsToContents()

    def _on_report_button_clicked(self) -> None:
        out, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the problem list"), "问题清单.xlsx", self.tr("Workbook (*.xlsx)")
        )
        if out:
            self.save_report(out)

    def save_report(self, out: str) -> None:
        w, path = self.w, self.w.path
        assert path is not None  # the report follows a preview of the chosen file
        QueryOp(
            parent=self,
            op=lambda: importing.write_problem_report(
                w.ctx.db, w.ctx.actor, path, out, sheet=w.sheet, mapping=w.mapping
            ),
            success=lambda p: self.summary.setText(
                self.summary.text() + "\n" + self.tr("Problem list saved: %1").replace("%1", str(p))
            ),
        ).failure(self.show_error).with_progress(
            self.tr("Writing the problem list...")
        ).run_in_background()


class ImportPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            "importRunPage",
            self.tr("Import"),
            self.tr(
                "Import in one step: everything or nothing. A batch can be "
                "undone while no roster built on it is locked."
            ),
        )
        self.result_label = QLabel(self.tr("Importing..."))
        self.result_label.setObjectName("importResultLabel")
        self.result_label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.result_label)
        lay.addWidget(self.error_label)
        lay.addStretch(1)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        w = self.w
        MutationOp(parent=self, op=w.do_import, success=self._show).failure(
            self._failed
        ).with_progress(self.tr("Importing...")).run_in_background()

    def _show(self, r: importing.ImportResult) -> None:
        if r.batch_id is None:
            self.result_label.setText(self.tr("Nothing to change: the file is already imported."))
        else:
            self.result_label.setText(
                self.tr(
                    "Imported as batch %1: %2 new households, %3 corrected, %4 persons, "
                    "%5 yuan a month."
                )
                .replace("%1", str(r.batch_id))
                .replace("%2", str(r.created))
                .replace("%3", str(r.updated))
                .replace("%4", str(r.persons))
                .replace("%5", fen_to_yuan(r.total_fen))
            )
        self.done = True
        self.completeChanged.emit()
        self.w.imported.emit(r)

    def _failed(self, error: ReliefError) -> None:
        self.result_label.setText(self.tr("Not imported."))
        self.show_error(error)

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    """The wizard; ``imported`` is emitted with the :class:`ImportResult`."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import existing recipients"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 620)
        self.ctx = ctx
        self.path: Path | None = None
        self.sheets: list[str] = []
        self.sheet: str | None = None
        self.mapping: dict[str, str] = {}
        self.preview: importing.ImportPreview | None = None
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (
            self.file_page,
            self.sheet_page,
            self.mapping_page,
            self.preview_page,
            self.import_page,
        ):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.preview_page.setCommitPage(True)

    def run_preview(self, page: _Page, then: Any, failed: Any = None) -> None:
        path, sheet, mapping = self.path, self.sheet, dict(self.mapping)
        assert path is not None  # a preview needs the chosen file

        def done(pv: importing.ImportPreview) -> None:
            self.preview = pv
            page.error_label.clear()
            then(pv)

        QueryOp(
            parent=self,
            op=lambda: importing.preview(
                self.ctx.db, self.ctx.actor, path, sheet=sheet, mapping=mapping
            ),
            success=done,
        ).failure(failed or page.show_error).with_progress(
            self.tr("Reading the file...")
        ).run_in_background()

    def do_import(self) -> importing.ImportResult:
        """Worker thread: remember the corrections, then import."""
        assert self.path is not None
        if self.mapping:
            importing.save_mapping(self.ctx.db, self.ctx.actor, self.mapping)
        return importing.import_file(
            self.ctx.db, self.ctx.actor, self.path, sheet=self.sheet, mapping=self.mapping
        )
