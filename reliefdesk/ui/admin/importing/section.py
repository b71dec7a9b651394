"""系统设置 → 存量导入: the import batches so far, the wizard to import a file, and undoing a
batch (administrators only; everyone else reads)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QTableView

from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.services import importing
from reliefdesk.ui.admin.common import Section, selected_row
from reliefdesk.ui.admin.importing.wizard import ImportWizard
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp, QueryOp, show_error
from reliefdesk.ui.table_model import Column, RecordTableModel


class ImportSection(Section):
    """The batches table with 导入 and 撤销 buttons."""

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(
            "importSection",
            self.title(),
            self.tr(
                "Bring in the recipients the office already pays, from its "
                "own spreadsheets. This is a data migration of earlier "
                "approvals, recorded with its source file; it is not a way "
                "to add new people (民发〔2021〕57号 第二十八条)."
            ),
            writable=ctx.actor.can("import.recipients"),
            parent=parent,
        )
        self.ctx = ctx
        self.wizard: ImportWizard | None = None
        self.model = RecordTableModel(
            [
                Column(self.tr("Batch"), lambda b: str(b.id), align_right=True),
                Column(self.tr("File"), lambda b: b.file_name),
                Column(self.tr("Imported at"), lambda b: b.created_at.strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("By"), lambda b: b.created_by_name),
                Column(self.tr("Households"), lambda b: str(b.households), align_right=True),
                Column(self.tr("Persons"), lambda b: str(b.persons), align_right=True),
                Column(
                    self.tr("Monthly amount"), lambda b: fen_to_yuan(b.amount_fen), align_right=True
                ),
                Column(
                    self.tr("Status"),
                    lambda b: self.tr("Undone") if b.status == "undone" else self.tr("In force"),
                ),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setObjectName("importBatchesTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.start_button = QPushButton(self.tr("Import recipients..."))
        self.start_button.setObjectName("importStartButton")
        self.undo_button = QPushButton(self.tr("Undo the batch"))
        self.undo_button.setObjectName("importUndoButton")
        for b in (self.start_button, self.undo_button):
            b.setEnabled(self.writable)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.view, 1)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ImportSection", "Import existing recipients")

    def refresh(self) -> None:
        QueryOp(
            parent=self,
            op=lambda: importing.list_batches(self.ctx.db, self.ctx.actor),
            success=self._show,
        ).run_in_background()

    def _show(self, rows: list[importing.BatchView]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()

    def _on_start_button_clicked(self) -> None:
        self.wizard = ImportWizard(self.ctx, self)
        self.wizard.imported.connect(lambda _r: self.refresh())
        self.wizard.open()

    def _on_undo_button_clicked(self) -> None:
        batch = selected_row(self.view)
        if batch is None or batch.status != "active":
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Undo the batch"),
            self.tr("Undo import batch %1 (%2)? Every household it brought in is removed.")
            .replace("%1", str(batch.id))
            .replace("%2", batch.file_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("importUndoConfirm")
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        self.undo(batch.id)

    def undo(self, batch_id: int) -> None:
        MutationOp(
            parent=self,
            op=lambda: importing.undo_batch(self.ctx.db, self.ctx.actor, batch_id),
            success=lambda _b: self.refresh(),
        ).failure(lambda e: show_error(self, e)).with_progress(
            self.tr("Undoing the batch...")
        ).run_in_background()
