"""政策标准: the effective-dated policy versions and the editor of a new version."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter

from reliefdesk.errors import ReliefError
from reliefdesk.services import policy
from reliefdesk.services.policy import Policy
from reliefdesk.ui.admin.common import Section, selected_row
from reliefdesk.ui.tables import make_table
from reliefdesk.ui.admin.policy_editor import PolicyEditor
from reliefdesk.ui.table_model import Column, RecordTableModel, fmt_yuan
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import QueryOp


def _in_force(rows: list[Policy], today: date) -> int | None:
    current = [p for p in rows if p.effective_from <= today]
    return max(current, key=lambda p: (p.effective_from, p.id)).id if current else None


class PolicySection(Section):
    """Versions (``policy.list_policies``) above; a new version (``policy.save_policy``),
    based on the selected one, below."""

    loaded = Signal()
    saved = Signal(object)  # the new Policy

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__("policySection", self.tr("Policy and standards"),
                         self.tr("Each change is saved as a new version from its effective "
                                 "date; earlier versions stay for back pay and history."),
                         writable=ctx.actor.can("admin.policy"), parent=parent)
        self.ctx = ctx
        self.current_id: int | None = None
        in_force = self.tr("In force")
        self.model = RecordTableModel([
            Column(self.tr("Effective from"), lambda p: p.effective_from.isoformat()),
            Column(self.tr("Name"), lambda p: p.name),
            Column(self.tr("Urban standard"), lambda p: fmt_yuan(
                p.data.get("urban_dibao_standard_fen")), align_right=True),
            Column(self.tr("Rural standard"), lambda p: fmt_yuan(
                p.data.get("rural_dibao_standard_fen")), align_right=True),
            Column(self.tr("Estimates"), lambda p: str(len(p.estimated)) if p.estimated else ""),
            Column(self.tr("Status"), lambda p: in_force if p.id == self.current_id else ""),
        ], self)
        self.table = make_table("policyVersionsTable", self.model)
        for col, width in enumerate((110, 260, 110, 110, 80)):
            self.table.setColumnWidth(col, width)
        self.editor = PolicyEditor()
        self.editor.set_read_only(not self.writable)
        self.scroll = scroll = QScrollArea()
        scroll.setObjectName("policyEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("policySplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([140, 460])
        self.body.addWidget(splitter, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("policyStatusLabel")
        self.status_label.setProperty("role", "hint")
        self.save_button = QPushButton(self.tr("Save as new version"))
        self.save_button.setObjectName("policySaveButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.setEnabled(self.writable)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        self.body.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)

    def refresh(self) -> None:
        db = self.ctx.db

        def read() -> list[Policy]:
            with db.read_session() as s:
                return policy.list_policies(s)

        QueryOp(parent=self, op=read, success=self._fill).run_in_background()

    def _fill(self, rows: list[Policy]) -> None:
        self.current_id = _in_force(rows, date.today())
        self.model.set_rows(rows)
        if rows:
            pick = next((i for i, p in enumerate(rows) if p.id == self.current_id), len(rows) - 1)
            self.table.selectRow(pick)
        self.loaded.emit()

    def _on_selected(self) -> None:
        p: Policy | None = selected_row(self.table)
        if p is not None:
            self.editor.load(p)
            base = self.tr("New version based on: %1 (from %2)").replace("%1", p.name) \
                .replace("%2", p.effective_from.isoformat())
            self.status_label.setText(base if self.writable else "")

    def save(self) -> None:
        if not self.writable:
            return
        self.editor.errors.clear()
        try:
            effective, name, data, note = self.editor.collect()
        except ReliefError as error:
            self._on_failed(error)
            return
        db, actor = self.ctx.db, self.ctx.actor

        def write() -> Policy:
            with db.session() as s:
                return policy.save_policy(s, actor, effective, name, data, note)

        self.save_button.setEnabled(False)
        QueryOp(parent=self, op=write, success=self._on_saved).failure(
            self._on_failed).always(lambda: self.save_button.setEnabled(True)) \
            .with_progress(self.tr("Saving...")).run_in_background()

    def _on_failed(self, error: ReliefError) -> None:
        """Show the error under its field and scroll the field into view."""
        self.editor.errors.show_error(error)
        field = self.editor.errors.fields.get(error.field or "")
        if field is not None:
            self.scroll.ensureWidgetVisible(field, 50, 80)

    def _on_saved(self, saved: Policy) -> None:
        self.status_label.setText(self.tr("Saved the version from %1.")
                                  .replace("%1", saved.effective_from.isoformat()))
        self.ctx.announce("settings")
        self.saved.emit(saved)
        self.refresh()


