"""The history of every comparison run with its counts (比对记录), newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from reliefdesk.services import comparison
from reliefdesk.services.comparison import RunView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.findings import labels as lbl
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.table_model import Column, RecordTableModel
from reliefdesk.ui.tables import make_table


class HistoryDialog(QDialog):
    """Lists the runs; ``model`` holds :class:`RunView` rows once loaded."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsHistoryDialog")
        self.setWindowTitle(self.tr("Comparison history"))
        self.resize(1000, 480)
        sources = lbl.source_labels()
        self.model = RecordTableModel(
            [
                Column(self.tr("No."), lambda r: str(r.id), align_right=True),
                Column(self.tr("Data from"), lambda r: lbl.label(sources, r.source)),
                Column(self.tr("File"), lambda r: r.file_name, tooltip=lambda r: r.sha256),
                Column(self.tr("When"), lambda r: r.created_at.strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("By"), lambda r: r.created_by_name),
                Column(self.tr("Rows"), lambda r: str(r.rows_read), align_right=True),
                Column(self.tr("Matched"), lambda r: str(r.matched), align_right=True),
                Column(self.tr("No match"), lambda r: str(r.unmatched), align_right=True),
                Column(self.tr("Other name"), lambda r: str(r.name_mismatches), align_right=True),
                Column(self.tr("Findings"), lambda r: str(r.findings), align_right=True),
            ],
            self,
        )
        self.view = make_table("findingsHistoryView", self.model, row_height=26)
        for col, width in enumerate((50, 120, 200, 130, 90, 70, 70, 70, 80, 70)):
            self.view.setColumnWidth(col, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("findingsHistoryButtons")
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        db, actor = ctx.db, ctx.actor

        def loaded(rows: list[RunView]) -> None:
            self.model.set_rows(rows)

        QueryOp(
            parent=self, op=lambda: comparison.list_runs(db, actor), success=loaded
        ).run_in_background()
