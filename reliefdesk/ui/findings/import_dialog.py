"""Import a department file (xlsx/xls/csv, GBK or UTF-8) for comparison: choose the file and its
source, read it, check the column mapping (the office's remembered mapping for the source and
the usual column names are pre-selected; a change is remembered), then compare."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import comparison
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.findings import labels as lbl
from reliefdesk.ui.ops import MutationOp, QueryOp


class ImportDialog(QDialog):
    """File → source → mapping → compare. ``compared(RunResult)`` after a successful run."""

    compared = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsImportDialog")
        self.setWindowTitle(self.tr("Compare a department file"))
        self.resize(640, 560)
        self.ctx = ctx
        self.table: comparison.DeptTable | None = None
        self.run_result: comparison.RunResult | None = None
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("findingsImportPathEdit")
        browse = QPushButton(self.tr("Choose..."))
        browse.setObjectName("findingsImportBrowseButton")
        browse.clicked.connect(self._on_browse_clicked)
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("findingsImportSourceCombo")
        for code, text in lbl.source_labels().items():
            self.source_combo.addItem(text, code)
        self.read_button = QPushButton(self.tr("Read the file"))
        self.read_button.setObjectName("findingsImportReadButton")
        self.read_button.clicked.connect(self.read_file)
        self.info_label = QLabel()
        self.info_label.setObjectName("findingsImportInfoLabel")
        self.info_label.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setObjectName("findingsImportMappingTable")
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column")])
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.setColumnWidth(0, 200)
        self.mapping_table.verticalHeader().setVisible(False)
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setObjectName("findingsImportCompareButton")
        self.compare_button.setProperty("role", "primary")
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.compare)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("findingsImportCloseButton")
        close.clicked.connect(self.accept)
        self.result_label = QLabel()
        self.result_label.setObjectName("findingsImportResultLabel")
        self.result_label.setWordWrap(True)
        self.rows_text = QPlainTextEdit()
        self.rows_text.setObjectName("findingsImportRowsText")
        self.rows_text.setReadOnly(True)
        self.rows_text.setFixedHeight(90)
        self.rows_text.setVisible(False)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Data from"), self.source_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.info_label)
        lay.addWidget(self.mapping_table, 1)
        lay.addWidget(self.result_label)
        lay.addWidget(self.rows_text)
        lay.addLayout(buttons)

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Department file"), "", self.tr("Sheets (*.xlsx *.xls *.csv)")
        )
        if path:
            self.path_edit.setText(path)

    def source(self) -> str:
        return str(self.source_combo.currentData())

    @Slot()
    def read_file(self) -> None:
        """Read the file off the GUI thread and show the mapping step."""
        db, actor = self.ctx.db, self.ctx.actor
        path, source = Path(self.path_edit.text().strip()), self.source()

        def op() -> comparison.DeptTable:
            remembered = comparison.remembered_mapping(db, actor, source)
            return comparison.read_department_file(path, source, remembered)

        self.compare_button.setEnabled(False)
        QueryOp(parent=self, op=op, success=self._show_table).failure(
            self._on_failed
        ).run_in_background()

    def _on_failed(self, error: ReliefError) -> None:
        self.info_label.setProperty("role", "error")
        self.info_label.setText(str(error))

    def _show_table(self, table: comparison.DeptTable) -> None:
        self.table = table
        self.info_label.setProperty("role", "hint")
        self.info_label.setText(
            self.tr("{file}: header on row {row}, {n} data rows. Check the columns below.").format(
                file=table.file_name, row=table.header_row, n=len(table.rows)
            )
        )
        fields = comparison.SOURCES[self.source()].fields
        names = lbl.field_labels()
        self.mapping_table.setRowCount(len(fields))
        for r, field in enumerate(fields):
            self.mapping_table.setCellWidget(r, 0, QLabel(lbl.label(names, field)))
            combo = QComboBox()
            combo.setObjectName(f"findingsMapping_{field}")
            combo.addItem(self.tr("(none)"), "")
            for label in dict.fromkeys(x for x in table.labels if x):
                combo.addItem(label, label)
            chosen = table.mapping.get(field, "")
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self.mapping_table.setCellWidget(r, 1, combo)
        self.compare_button.setEnabled(True)

    def chosen_mapping(self) -> dict[str, str]:
        """The fields whose column the clerk changed (remembered for the source)."""
        if self.table is None:
            return {}
        out: dict[str, str] = {}
        for r, field in enumerate(comparison.SOURCES[self.source()].fields):
            combo = self.mapping_table.cellWidget(r, 1)
            assert isinstance(combo, QComboBox)
            value = str(combo.currentData() or "")
            if value and value != self.table.mapping.get(field):
                out[field] = value
        return out

    @Slot()
    def compare(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        path, source, mapping = Path(self.path_edit.text().strip()), self.source(), None
        mapping = self.chosen_mapping() or None
        self.compare_button.setEnabled(False)
        MutationOp(
            parent=self,
            ctx=self.ctx,
            op=lambda: comparison.compare_file(db, actor, path, source, mapping=mapping),
            success=self._show_result,
        ).failure(self._on_failed).run_in_background()

    def _show_result(self, result: comparison.RunResult) -> None:
        self.run_result = result
        r = result.run
        kinds = lbl.kind_labels()
        by_kind = self.tr(", ").join(
            f"{lbl.label(kinds, k)} {n}" for k, n in sorted(r.by_kind.items())
        )
        self.result_label.setText(
            self.tr(
                "Read {rows} rows: {matched} matched, {unmatched} match no one, "
                "{mismatch} with another name. New findings: {findings}"
            ).format(
                rows=r.rows_read,
                matched=r.matched,
                unmatched=r.unmatched,
                mismatch=r.name_mismatches,
                findings=r.findings,
            )
            + (f" ({by_kind})" if by_kind else "")
        )
        if result.left_out:  # a township user's run of a county-wide file
            self.result_label.setText(
                self.result_label.text()
                + "\n"
                + self.tr(
                    "{n} rows of other townships, or whose township the file does not tell, "
                    "were left out (the county's own comparison covers them)."
                ).format(n=result.left_out)
            )
        lines = [
            self.tr("Row {row}: {name} {id} matches no one in the register").format(
                row=row, name=name, id=idn
            )
            for row, name, idn in result.unmatched_rows
        ] + [
            self.tr("Row {row}: {name} {id} is {register} in the register").format(
                row=row, name=name, id=idn, register=reg
            )
            for row, reg, name, idn in result.mismatch_rows
        ]
        self.rows_text.setPlainText("\n".join(lines))
        self.rows_text.setVisible(bool(lines))
        self.compared.emit(result)
