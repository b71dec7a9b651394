"""申请材料 of one case: tick what the applicant handed in and attach scanned images or PDFs
(kept in the database with the case, see ``services.materials``). The 审批表 prints each
item as 已收/未收."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import materials
from reliefdesk.services.materials import MaterialView
from reliefdesk.ui import forms
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import MutationOp, QueryOp


class MaterialsDialog(QDialog):
    """The checklist with an 添加扫描件 button per item; 保存 records the ticks."""

    def __init__(
        self, ctx: AppContext, application_id: int, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("materialsDialog")
        self.setWindowTitle(self.tr("Applicant's materials") + (f" — {title}" if title else ""))
        self.setMinimumWidth(560)
        self.ctx, self.application_id = ctx, application_id
        self.checks: dict[str, QCheckBox] = {}
        self.files: dict[str, QLabel] = {}
        self.attach_buttons: dict[str, QPushButton] = {}
        self.next_file = ""  # tests set it to skip the file chooser
        grid = QGridLayout()
        can = ctx.actor.can("case.accept")
        for row, (kind, text) in enumerate(lbl.material_labels().items()):
            check = QCheckBox(text)
            check.setObjectName(f"materialDialog_{kind}_Check")
            check.setEnabled(can)
            files = QLabel()
            files.setObjectName(f"materialDialog_{kind}_Files")
            files.setProperty("role", "hint")
            button = QPushButton(self.tr("Attach scan..."))
            button.setObjectName(f"materialDialog_{kind}_AttachButton")
            button.setEnabled(can)
            button.clicked.connect(lambda _c=False, k=kind: self.attach(k))
            self.checks[kind], self.files[kind], self.attach_buttons[kind] = check, files, button
            grid.addWidget(check, row, 0)
            grid.addWidget(files, row, 1)
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        self.error_label = forms.make_error_label("materialsErrorLabel", word_wrap=True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("materialsSaveButton")
        self.save_button.setText(self.tr("Save"))
        self.save_button.setEnabled(can)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.items: tuple[MaterialView, ...] = ()
        db, actor = ctx.db, ctx.actor
        self._run(lambda: materials.list_materials(db, actor, application_id))

    def _run(self, op: Callable[[], tuple[MaterialView, ...]], *, write: bool = False) -> None:
        (MutationOp if write else QueryOp)(parent=self, op=op, success=self._show).failure(
            self._failed
        ).run_in_background()

    def _show(self, items: tuple[MaterialView, ...]) -> None:
        self.items = items
        self.error_label.setVisible(False)
        for m in items:
            self.checks[m.kind].setChecked(m.received)
            self.files[m.kind].setText("、".join(a.filename for a in m.attachments))

    def _failed(self, error: ReliefError) -> None:
        self.error_label.setText(str(error))
        self.error_label.setVisible(True)

    def received(self) -> dict[str, bool]:
        return {k: c.isChecked() for k, c in self.checks.items()}

    @Slot()
    def save(self) -> None:
        db, actor, app_id, received = (
            self.ctx.db,
            self.ctx.actor,
            self.application_id,
            self.received(),
        )

        def done(items: tuple[MaterialView, ...]) -> None:
            self._show(items)
            self.accept()

        MutationOp(
            parent=self,
            op=lambda: materials.set_materials(db, actor, app_id, received),
            success=done,
        ).failure(self._failed).run_in_background()

    def attach(self, kind: str) -> None:
        """添加扫描件: an image or PDF for ``kind`` (ticks it as received)."""
        path = self.next_file
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Attach a scan"),
                "",
                self.tr("Scans (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.pdf)"),
            )
        if not path:
            return
        db, actor, app_id = self.ctx.db, self.ctx.actor, self.application_id
        self._run(lambda: materials.add_attachment(db, actor, app_id, kind, path), write=True)


__all__ = ["MaterialsDialog"]
