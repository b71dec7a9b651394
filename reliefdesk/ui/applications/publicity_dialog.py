"""公示 batch: start the 7-day public notice of several preliminarily approved applications on
one day (the end date comes from the policy: calendar or working days), and record objections
against applications in publicity. Once a batch is started, 打印公示 prints its notice."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import casework, settings
from reliefdesk.services.casework import ApplicationRow, PublicityBatch
from reliefdesk.services.intake import publicity_end_preview
from reliefdesk.ui import forms, printing
from reliefdesk.ui.applications.action_dialog import ActionDialog
from reliefdesk.ui.applications.wizard_pages import fill_row, table
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.widgets.inputs import date_edit, hint_label, to_date, to_qdate


class PublicityBatchDialog(QDialog):
    """Start a 公示 batch; second tab: applications in publicity and their objections.

    Signals:
        started(PublicityBatch): the service started the batch.
    """

    started = Signal(object)

    def __init__(
        self, ctx: AppContext, preselect: tuple[int, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publicityDialog")
        self.setWindowTitle(self.tr("Publicity"))
        self.resize(820, 560)
        self.ctx = ctx
        self.preselect = set(preselect)
        self.candidates: list[ApplicationRow] = []
        self.running: list[ApplicationRow] = []
        self.batch: PublicityBatch | None = None
        self._busy = 0

        self.candidates_table = table(
            "publicityCandidatesTable",
            [
                self.tr("File no."),
                self.tr("Applicant"),
                self.tr("Programme"),
                self.tr("Prelim. since"),
                self.tr("Proposed (yuan)"),
            ],
        )
        self.candidates_table.itemChanged.connect(self._update_buttons)
        self.start_edit = date_edit(
            "publicityStartEdit", date.today(), minimum=date.today(), maximum=date.today()
        )
        self.start_edit.setToolTip(
            self.tr("The first day on the notice board; a publicity cannot be backdated")
        )
        self.start_edit.dateChanged.connect(self._on_start_changed)
        self.end_label = QLabel()
        self.end_label.setObjectName("publicityEndLabel")
        self.end_label.setProperty("role", "sectionTitle")
        self.start_button = QPushButton(self.tr("Start publicity"))
        self.start_button.setObjectName("publicityStartButton")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.error_label = forms.make_error_label("publicityErrorLabel", word_wrap=True)
        self.result_label = QLabel()
        self.result_label.setObjectName("publicityResultLabel")
        self.result_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print notice"))
        self.print_button.setObjectName("publicityPrintButton")
        self.print_button.setToolTip(
            self.tr("The publicity notice of the batch just started, for the notice board")
        )
        self.print_button.clicked.connect(self.print_notice)
        self.print_button.setVisible(False)
        start_tab = QWidget()
        st = QVBoxLayout(start_tab)
        st.addWidget(
            hint_label(
                self.tr(
                    "Tick the applications to post on the notice board together. Only the name, "
                    "household size and amount are published."
                )
            )
        )
        st.addWidget(self.candidates_table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("First day:")))
        row.addWidget(self.start_edit)
        row.addSpacing(12)
        row.addWidget(self.end_label, 1)
        row.addWidget(self.start_button)
        st.addLayout(row)
        st.addWidget(self.error_label)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.print_button)
        st.addLayout(result_row)

        self.running_table = table(
            "publicityRunningTable",
            [
                self.tr("File no."),
                self.tr("Applicant"),
                self.tr("State"),
                self.tr("Ends on"),
                self.tr("Programme"),
            ],
        )
        self.objection_button = QPushButton(self.tr("Record objection..."))
        self.objection_button.setObjectName("publicityObjectionButton")
        self.objection_button.clicked.connect(self._on_objection_button_clicked)
        self.objection_button.setEnabled(ctx.actor.can("case.publicity"))
        running_tab = QWidget()
        rt = QVBoxLayout(running_tab)
        rt.addWidget(self.running_table, 1)
        rrow = QHBoxLayout()
        rrow.addStretch(1)
        rrow.addWidget(self.objection_button)
        rt.addLayout(rrow)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("publicityTabs")
        self.tabs.addTab(start_tab, self.tr("Start a batch"))
        self.tabs.addTab(running_tab, self.tr("In publicity"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("publicityCloseButton")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        db = ctx.db
        self._run(lambda: settings.publicity_grace_days(db), self._set_grace)
        self.reload()
        self._on_start_changed()

    # -- loading ---------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._busy > 0

    def _run(self, op, success, failure=None, *, write: bool = False) -> None:  # type: ignore[no-untyped-def]
        self._busy += 1

        def done() -> None:
            self._busy -= 1

        q = (MutationOp if write else QueryOp)(parent=self, op=op, success=success).always(done)
        if failure is not None:
            q = q.failure(failure)
        q.run_in_background()

    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._run(
            lambda: (
                casework.list_applications(db, actor, state="prelim_review"),
                casework.list_applications(db, actor, state="publicity"),
            ),
            self._fill,
        )

    def _fill(self, result: tuple[list[ApplicationRow], list[ApplicationRow]]) -> None:
        self.candidates, self.running = result
        programmes, states = lbl.programme_labels(), lbl.state_labels()
        self.candidates_table.blockSignals(True)
        self.candidates_table.setRowCount(len(self.candidates))
        for i, r in enumerate(self.candidates):
            fill_row(
                self.candidates_table,
                i,
                [
                    r.file_no,
                    r.applicant_name,
                    lbl.label(programmes, r.programme),
                    r.state_since.isoformat(),
                    f"{r.proposed_fen / 100:.2f}" if r.proposed_fen is not None else "",
                ],
            )
            item = self.candidates_table.item(i, 0)
            assert item is not None
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if r.id in self.preselect or not self.preselect
                else Qt.CheckState.Unchecked
            )
        self.candidates_table.blockSignals(False)
        self.running_table.setRowCount(len(self.running))
        for i, r in enumerate(self.running):
            fill_row(
                self.running_table,
                i,
                [
                    r.file_no,
                    r.applicant_name,
                    lbl.label(states, r.state),
                    r.due_on.isoformat() if r.due_on else "",
                    lbl.label(programmes, r.programme),
                ],
            )
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        out = []
        for i, r in enumerate(self.candidates):
            item = self.candidates_table.item(i, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(r.id)
        return out

    def set_checked(self, ids: set[int]) -> None:
        for i, r in enumerate(self.candidates):
            item = self.candidates_table.item(i, 0)
            if item is not None:
                item.setCheckState(
                    Qt.CheckState.Checked if r.id in ids else Qt.CheckState.Unchecked
                )

    @Slot()
    def _update_buttons(self) -> None:
        self.start_button.setEnabled(
            bool(self.selected_ids()) and self.ctx.actor.can("case.publicity")
        )

    def _set_grace(self, days: int) -> None:
        """Allow a first day up to the office's grace before today (no backdating)."""
        self.start_edit.setMinimumDate(to_qdate(date.today() - timedelta(days=days)))

    @Slot()
    def _on_start_changed(self) -> None:
        start = to_date(self.start_edit.date())
        db = self.ctx.db
        self._run(lambda: publicity_end_preview(db, start), self._show_end)

    def _show_end(self, end: date) -> None:
        self.end_label.setText(self.tr("Last day: {end}").format(end=end.isoformat()))

    # -- actions ---------------------------------------------------------------------------
    @Slot()
    def _on_start_button_clicked(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self.error_label.setVisible(False)
        db, actor, start = self.ctx.db, self.ctx.actor, to_date(self.start_edit.date())
        self.start_button.setEnabled(False)
        self._run(
            lambda: casework.start_publicity_batch(db, actor, ids, start),
            self._on_started,
            self._on_failed,
            write=True,
        )

    def _on_started(self, batch: PublicityBatch) -> None:
        self.batch = batch
        self.result_label.setText(
            self.tr("Publicity started for {n} application(s): {start} to {end}.").format(
                n=len(batch.application_ids),
                start=batch.start.isoformat(),
                end=batch.end.isoformat(),
            )
        )
        self.print_button.setVisible(True)
        self.print_button.setEnabled(self.ctx.actor.can("print"))
        if not self.ctx.actor.can("print"):
            self.print_button.setToolTip(self.tr("Your role cannot print."))
        self.started.emit(batch)
        self.reload()

    @Slot()
    def print_notice(self) -> None:
        """打印公示: the notice of the batch started in this dialog."""
        if self.batch is not None and self.ctx.actor.can("print"):
            printing.preview_notice(self.ctx, self, self.batch.application_ids)

    def _on_failed(self, error: ReliefError) -> None:
        self.error_label.setText(str(error))
        self.error_label.setVisible(True)
        self._update_buttons()

    @Slot()
    def _on_objection_button_clicked(self) -> None:
        rows = self.running_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.running):
            return
        app_id = self.running[rows[0].row()].id
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: casework.get_application(db, actor, app_id), self._open_objection)

    def _open_objection(self, view: casework.ApplicationView) -> None:
        dialog = ActionDialog(self.ctx, view, "record_objection", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.performed.connect(lambda _v: self.reload())
        self.objection_dialog = dialog
        dialog.open()
