"""生活自理能力变化 on a confirmed tekun case: report the change (the county's re-assessment is
then due within 10 working days and shows on the workbench) and record the re-assessment with
the six items (民发〔2021〕43号 第二十条)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services.casework import SELF_CARE_ITEMS
from reliefdesk.services.casework import followup as casework_followup
from reliefdesk.ui import forms
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import MutationOp
from reliefdesk.ui.widgets.inputs import date_edit, to_date

T = TypeVar("T")


class SelfCareChangeDialog(QDialog):
    """Report a self-care change or record the re-assessment of application ``app_id``.

    Signals:
        saved(str): a report ("report") or a re-assessment (the care tier) was saved.
    """

    saved = Signal(str)

    def __init__(
        self, ctx: AppContext, app_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("selfCareChangeDialog")
        self.setWindowTitle(self.tr("Self-care change"))
        self.setMinimumWidth(520)
        self.ctx, self.app_id = ctx, app_id
        heading = QLabel(self.tr("Self-care change - {name}").format(name=name))
        heading.setProperty("role", "dialogTitle")
        self.date_edit = date_edit("selfCareDateEdit", date.today(), maximum=date.today())
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("selfCareNoteEdit")
        self.note_edit.setFixedHeight(60)
        self.note_edit.setPlaceholderText(self.tr("what changed, who reported it"))
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, (key, text) in enumerate(lbl.self_care_labels().items()):
            box = QCheckBox(text)
            box.setObjectName(f"selfCare_{key}_Check")
            self.checks[key] = box
            grid.addWidget(box, i // 2, i % 2)
        assert set(self.checks) == set(SELF_CARE_ITEMS)
        self.report_button = QPushButton(self.tr("Report change"))
        self.report_button.setObjectName("selfCareReportButton")
        self.report_button.clicked.connect(self._report)
        self.assess_button = QPushButton(self.tr("Record re-assessment"))
        self.assess_button.setObjectName("selfCareAssessButton")
        self.assess_button.clicked.connect(self._assess)
        self.result_label = QLabel()
        self.result_label.setObjectName("selfCareResultLabel")
        self.result_label.setWordWrap(True)
        self.error_label = forms.make_error_label("selfCareErrorLabel", word_wrap=True)
        for w in (self.report_button, self.assess_button):
            w.setEnabled(ctx.actor.can("case.investigate"))
        form = QFormLayout()
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Reported change:"), self.note_edit)
        form.addRow("", self.report_button)
        form.addRow(self.tr("Re-assessment (ticked = can do unaided):"), QLabel())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.assess_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _run(self, op: Callable[[], T], done: Callable[[T], object]) -> None:
        self.error_label.setVisible(False)

        def failed(error: ReliefError) -> None:
            self.error_label.setText(str(error))
            self.error_label.setVisible(True)

        MutationOp(parent=self, op=op, success=done).failure(failed).run_in_background()

    @Slot()
    def _report(self) -> None:
        db, actor, app_id = self.ctx.db, self.ctx.actor, self.app_id
        note, on = self.note_edit.toPlainText(), to_date(self.date_edit.date())

        def done(due: date) -> None:
            self.result_label.setText(
                self.tr("Reported. The county re-assesses by {d}.").format(d=due.isoformat())
            )
            self.saved.emit("report")

        self._run(
            lambda: casework_followup.report_self_care_change(db, actor, app_id, note, on_date=on),
            done,
        )

    @Slot()
    def _assess(self) -> None:
        db, actor, app_id = self.ctx.db, self.ctx.actor, self.app_id
        values = {k: box.isChecked() for k, box in self.checks.items()}
        on = to_date(self.date_edit.date())

        def done(tier: str) -> None:
            self.result_label.setText(
                self.tr("Re-assessed: {tier}.").format(tier=lbl.label(lbl.care_tier_labels(), tier))
            )
            self.saved.emit(tier)

        self._run(
            lambda: casework_followup.record_reassessment(db, actor, app_id, values, on_date=on),
            done,
        )
