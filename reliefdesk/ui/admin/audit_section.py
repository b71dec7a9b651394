"""审计日志: recent audit events (read only, paged, filtered by user and action), the check
of the hash chain (``audit.verify_chain``) optionally against an anchor ``COUNT:HASH`` taken
from a printed roster, an export or the county checkpoint (``audit_anchor.verify_anchor_in``),
and, for the administrator, printing the audit checkpoint (``audit_anchor.audit_checkpoint``)."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton

from reliefdesk.errors import ValidationError
from reliefdesk.paths import write_private
from reliefdesk.services import audit_anchor
from reliefdesk.services.audit import AuditProblem
from reliefdesk.services.audit import AuditRow as AuditEventRow
from reliefdesk.services.audit import filter_choices as audit_filter_choices
from reliefdesk.services.audit import list_events as audit_page
from reliefdesk.ui.admin.common import Section
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import admin as lbl
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.table_model import OVERDUE_COLOR, Column, PagedTableModel
from reliefdesk.ui.tables import make_table


def _local(row: AuditEventRow) -> str:

    return row.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _detail(row: AuditEventRow) -> str:
    return json.dumps(row.detail, ensure_ascii=False) if row.detail else ""


class AuditSection(Section):
    """Newest events first, 200 at a time as the user scrolls."""

    loaded = Signal()
    verified = Signal(object)  # list[AuditProblem]
    checkpoint_saved = Signal(str)

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        allowed = ctx.actor.can("audit.read")
        super().__init__(
            "auditSection",
            self.tr("Audit log"),
            self.tr(
                "Every change, sign-in, print and export is recorded in a "
                "hash chain; the log cannot be edited here."
            ),
            writable=False,
            parent=parent,
        )
        self.ctx = ctx
        self.allowed = allowed
        self.readonly_label.setText(
            self.tr("Read only.")
            if allowed
            else self.tr("Only an administrator, approver or auditor may read the audit log.")
        )
        actions, roles = lbl.audit_actions(), lbl.role_labels()
        ok, failed = self.tr("Yes"), self.tr("Failed")
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("auditUserCombo")
        self.user_combo.setMinimumWidth(140)
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("auditActionCombo")
        self.action_combo.setMinimumWidth(180)
        self._reset_filters([], [])
        self.verify_button = QPushButton(self.tr("Verify audit chain"))
        self.verify_button.setObjectName("auditVerifyButton")
        self.verify_button.clicked.connect(self.verify)
        self.verify_label = QLabel()
        self.verify_label.setObjectName("auditVerifyLabel")
        self.verify_label.setWordWrap(True)
        self.anchor_edit = QLineEdit()
        self.anchor_edit.setObjectName("auditAnchorEdit")
        self.anchor_edit.setPlaceholderText(self.tr("Anchor COUNT:HASH from a printout (optional)"))
        self.anchor_edit.setMinimumWidth(360)
        self.checkpoint_button = QPushButton(self.tr("Print audit checkpoint"))
        self.checkpoint_button.setObjectName("auditCheckpointButton")
        self.checkpoint_button.setToolTip(
            self.tr("A sheet with the current audit head for the county (administrator)")
        )
        self.checkpoint_button.clicked.connect(self._on_checkpoint_clicked)
        self.checkpoint_path = ""  # tests set it to skip the file chooser
        anchor_row = QHBoxLayout()
        anchor_row.addWidget(QLabel(self.tr("Anchor:")))
        anchor_row.addWidget(self.anchor_edit, 1)
        anchor_row.addWidget(self.checkpoint_button)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("User:")))
        top.addWidget(self.user_combo)
        top.addWidget(QLabel(self.tr("Action:")))
        top.addWidget(self.action_combo)
        top.addStretch(1)
        top.addWidget(self.verify_button)
        self.body.addLayout(top)
        self.body.addLayout(anchor_row)
        self.body.addWidget(self.verify_label)
        self.model = PagedTableModel(
            [
                Column(self.tr("No."), lambda r: str(r.id), align_right=True),
                Column(self.tr("Time"), _local),
                Column(self.tr("User"), lambda r: r.username),
                Column(self.tr("Role"), lambda r: lbl.label(roles, r.role)),
                Column(
                    self.tr("Action"),
                    lambda r: lbl.label(actions, r.action),
                    tooltip=lambda r: r.action,
                ),
                Column(self.tr("Object"), lambda r: f"{r.entity} {r.entity_id}".strip()),
                Column(
                    self.tr("Succeeded"),
                    lambda r: ok if r.success else failed,
                    color=lambda r: None if r.success else OVERDUE_COLOR,
                ),
                Column(self.tr("Details"), _detail, tooltip=_detail),
            ],
            self._fetch,
            page_size=200,
            widget=self,
            parent=self,
        )
        self.model.loaded.connect(self.loaded)
        self.table = make_table("auditTable", self.model)
        for col, width in enumerate((70, 150, 100, 80, 150, 140, 60)):
            self.table.setColumnWidth(col, width)
        self.body.addWidget(self.table, 1)
        for w in (
            self.user_combo,
            self.action_combo,
            self.verify_button,
            self.table,
            self.anchor_edit,
        ):
            w.setEnabled(allowed)
        self.checkpoint_button.setEnabled(ctx.actor.can("admin.users"))
        self.user_combo.currentIndexChanged.connect(self._reload)
        self.action_combo.currentIndexChanged.connect(self._reload)

    def _reset_filters(self, names: list[str], actions: list[str]) -> None:
        labels = lbl.audit_actions()
        for combo, items, everyone in (
            (self.user_combo, [(n, n) for n in names], self.tr("All users")),
            (
                self.action_combo,
                [(lbl.label(labels, a), a) for a in actions],
                self.tr("All actions"),
            ),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, "")
            for text, code in items:
                combo.addItem(text, code)
            combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
            combo.blockSignals(False)

    def _fetch(self, offset: int, limit: int) -> list[AuditEventRow]:
        db, actor = self.ctx.db, self.ctx.actor
        user = self.user_combo.currentData() or ""
        action = self.action_combo.currentData() or ""
        return audit_page(db, actor, offset, limit, username=user, action=action)

    def _reload(self) -> None:
        user = self.user_combo.currentData() or ""
        action = self.action_combo.currentData() or ""
        db, actor = self.ctx.db, self.ctx.actor
        self.model.set_fetch(lambda o, n: audit_page(db, actor, o, n, username=user, action=action))
        self.model.reload()

    def refresh(self) -> None:
        if not self.allowed:
            return
        db, actor = self.ctx.db, self.ctx.actor
        QueryOp(
            parent=self, op=lambda: audit_filter_choices(db, actor), success=self._on_choices
        ).run_in_background()

    def _on_choices(self, choices: tuple[list[str], list[str]]) -> None:
        self._reset_filters(*choices)
        self._reload()

    def verify(self) -> None:
        if not self.allowed:
            return
        db, actor = self.ctx.db, self.ctx.actor
        anchor = None
        if self.anchor_edit.text().strip():
            try:
                anchor = audit_anchor.parse_anchor(self.anchor_edit.text())
            except ValidationError as exc:
                self._show_verdict("error", str(exc))
                return

        def work() -> list[AuditProblem]:
            return audit_anchor.check_chain(db, actor, anchor)

        self.verify_button.setEnabled(False)
        QueryOp(parent=self, op=work, success=self._on_verified).always(
            lambda: self.verify_button.setEnabled(True)
        ).with_progress(self.tr("Checking the audit chain...")).run_in_background()

    def _on_verified(self, problems: list[AuditProblem]) -> None:
        if problems:
            text = "\n".join(p.message for p in problems[:20])
            more = len(problems) - 20
            if more > 0:
                text += "\n" + self.tr("... and %1 more").replace("%1", str(more))
            self._show_verdict("error", self.tr("The audit chain is broken:") + "\n" + text)
        else:
            text = self.tr("The audit chain is intact: no event was changed, deleted or inserted.")
            if self.anchor_edit.text().strip():
                text += " " + self.tr("The log still contains the anchor.")
            self._show_verdict("hint", text)
        self.verified.emit(problems)

    def _show_verdict(self, role: str, text: str) -> None:
        self.verify_label.setProperty("role", role)
        self.verify_label.setText(text)
        self.verify_label.style().unpolish(self.verify_label)
        self.verify_label.style().polish(self.verify_label)

    def _on_checkpoint_clicked(self) -> None:
        path = self.checkpoint_path
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the audit checkpoint"),
                "审计日志核对点.pdf",
                self.tr("PDF (*.pdf)"),
            )
        if path:
            self.print_checkpoint(path)

    def print_checkpoint(self, path: str) -> None:
        """Write the 审计日志核对点 PDF to ``path`` and show its anchor."""
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> str:
            pdf, anchor = audit_anchor.audit_checkpoint(db, actor)
            write_private(Path(path), pdf)
            return anchor.text

        def done(text: str) -> None:
            self._show_verdict(
                "hint",
                self.tr("Audit checkpoint saved to %1; anchor %2")
                .replace("%1", path)
                .replace("%2", text),
            )
            self.checkpoint_saved.emit(path)

        QueryOp(parent=self, op=work, success=done).with_progress(
            self.tr("Printing the audit checkpoint...")
        ).run_in_background()
