"""政策标准: the effective-dated policy versions and the editor of a new version."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QSplitter

from reliefdesk.errors import ReliefError
from reliefdesk.services import policy
from reliefdesk.services.policy import Policy
from reliefdesk.services.restandard import RestandardResult, restandard, standards_changed
from reliefdesk.ui.admin.common import Section, selected_row
from reliefdesk.ui.admin.policy_editor import PolicyEditor
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.table_model import Column, RecordTableModel, fmt_yuan
from reliefdesk.ui.tables import make_table


def _in_force(rows: list[Policy], today: date) -> int | None:
    current = [p for p in rows if p.effective_from <= today]
    return max(current, key=lambda p: (p.effective_from, p.id)).id if current else None


class PolicySection(Section):
    """Versions (``policy.list_policies``) above; a new version (``policy.save_policy``),
    based on the selected one, below."""

    loaded = Signal()
    saved = Signal(object)  # the new Policy
    restandarded = Signal(object)  # the RestandardResult of a 调标 run

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(
            "policySection",
            self.tr("Policy and standards"),
            self.tr(
                "Each change is saved as a new version from its effective "
                "date; earlier versions stay for back pay and history."
            ),
            writable=ctx.actor.can("admin.policy"),
            parent=parent,
        )
        self.ctx = ctx
        self.current_id: int | None = None
        in_force = self.tr("In force")
        self.model = RecordTableModel(
            [
                Column(self.tr("Effective from"), lambda p: p.effective_from.isoformat()),
                Column(self.tr("Name"), lambda p: p.name),
                Column(
                    self.tr("Urban standard"),
                    lambda p: fmt_yuan(p.data.get("urban_dibao_standard_fen")),
                    align_right=True,
                ),
                Column(
                    self.tr("Rural standard"),
                    lambda p: fmt_yuan(p.data.get("rural_dibao_standard_fen")),
                    align_right=True,
                ),
                Column(
                    self.tr("Estimates"), lambda p: str(len(p.estimated)) if p.estimated else ""
                ),
                Column(self.tr("Status"), lambda p: in_force if p.id == self.current_id else ""),
            ],
            self,
        )
        self.table = make_table("policyVersionsTable", self.model)
        for col, width in enumerate((110, 260, 110, 110, 80)):
            self.table.setColumnWidth(col, width)
        self.editor = PolicyEditor()
        self.editor.set_read_only(not self.writable)
        self.scroll_area = scroll = QScrollArea()
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
        # a new standard changes no payment until the 调标 run records the new amounts
        self.restandard_button = QPushButton(self.tr("Apply new standards to amounts..."))
        self.restandard_button.setObjectName("policyRestandardButton")
        self.restandard_button.setToolTip(
            self.tr(
                "Records the new monthly amounts from the version's first month, with back pay "
                "for months already paid; manual and adjusted amounts are flagged for review."
            )
        )
        self.restandard_button.setVisible(False)
        # clicked(bool) must not reach restandard(confirm=...)
        self.restandard_button.clicked.connect(lambda: self.restandard())  # noqa: PLW0108
        self._restandard_from: date | None = None
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.restandard_button)
        row.addWidget(self.save_button)
        self.body.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> list[Policy]:
            return policy.policy_versions(db, actor)

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
            base = (
                self.tr("New version based on: %1 (from %2)")
                .replace("%1", p.name)
                .replace("%2", p.effective_from.isoformat())
            )
            if self._restandard_from is not None:
                base = self._changed_text() + " " + base
            self.status_label.setText(base if self.writable else "")

    def _changed_text(self) -> str:
        return self.tr(
            "The standards changed: payments keep their decided amounts until the "
            "new standards are applied."
        )

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

        def write() -> tuple[Policy, bool]:
            saved, before = policy.publish_policy(db, actor, effective, name, data, note)
            return saved, standards_changed(before, saved)

        self.save_button.setEnabled(False)
        MutationOp(parent=self, op=write, success=self._on_saved).failure(self._on_failed).always(
            lambda: self.save_button.setEnabled(True)
        ).with_progress(self.tr("Saving...")).run_in_background()

    def _on_failed(self, error: ReliefError) -> None:
        """Show the error under its field and scroll the field into view."""
        self.editor.errors.show_error(error)
        field = self.editor.errors.fields.get(error.field or "")
        if field is not None:
            self.scroll_area.ensureWidgetVisible(field, 50, 80)

    def _on_saved(self, result: tuple[Policy, bool]) -> None:
        saved, changed = result
        text = self.tr("Saved the version from %1.").replace("%1", saved.effective_from.isoformat())
        if changed:
            text += " " + self._changed_text()
            self._restandard_from = saved.effective_from
        self.restandard_button.setVisible(changed and self.ctx.actor.can("admin.policy"))
        self.status_label.setText(text)
        self.saved.emit(saved)
        self.refresh()

    def restandard(self, confirm: bool = True) -> None:
        """调标 from the saved version's first month (``services.restandard``)."""
        start = self._restandard_from
        if start is None:
            return
        if (
            confirm
            and QMessageBox.question(
                self,
                self.tr("Apply new standards"),
                self.tr(
                    "Apply the new standards to the decided amounts from %1? Each changed "
                    "amount is recorded with its reason; months already paid get back "
                    "pay; manual and adjusted amounts are only flagged for review."
                ).replace("%1", f"{start:%Y-%m}"),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.restandard_button.setEnabled(False)
        MutationOp(
            parent=self, op=lambda: restandard(db, actor, start), success=self._on_restandarded
        ).failure(self._on_failed).always(
            lambda: self.restandard_button.setEnabled(True)
        ).with_progress(self.tr("Applying new standards...")).run_in_background()

    def _on_restandarded(self, run: RestandardResult) -> None:
        self.restandard_button.setVisible(False)
        self._restandard_from = None
        self.status_label.setText(
            self.tr(
                "New standards applied from %1: %2 amounts changed, %3 left for review, "
                "back pay %4 yuan."
            )
            .replace("%1", f"{run.from_month:%Y-%m}")
            .replace("%2", str(run.count("changed")))
            .replace("%3", str(run.count("review")))
            .replace("%4", f"{run.back_pay_fen / 100:.2f}")
        )
        self.restandarded.emit(run)
