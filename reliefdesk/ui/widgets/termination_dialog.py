"""拟终止特困供养 (DOMAIN §3.7) for one tekun enrollment: publish the proposed termination with
its grounds and written reasons (7 days), record an objection, decide it (upheld → withdrawn;
rejected → published again), and terminate from the following month with the referral noted.
Each button is enabled only when the procedure allows it; the service has the last word."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import enrollments, termination
from reliefdesk.services.printing import notices as printing_notices
from reliefdesk.services.termination import TerminationView
from reliefdesk.ui import forms, printing
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.widgets.inputs import code_combo, date_edit, to_date


class TerminationDialog(QDialog):
    """The procedure for ``enrollment_id``.

    Signals:
        changed(object): a step was saved (the TerminationView).
    """

    changed = Signal(object)

    def __init__(
        self, ctx: AppContext, enrollment_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("terminationDialog")
        self.setWindowTitle(self.tr("Proposed termination"))
        self.setMinimumWidth(840)
        self.ctx, self.enrollment_id = ctx, enrollment_id
        self.current: TerminationView | None = None
        heading = QLabel(self.tr("Tekun termination - {name}").format(name=name))
        heading.setProperty("role", "dialogTitle")
        self.status_label = QLabel()
        self.status_label.setObjectName("terminationStatusLabel")
        self.status_label.setWordWrap(True)
        self.grounds_combo = code_combo(
            "terminationGroundsCombo", dict(enrollments.TEKUN_TERMINATION_GROUNDS)
        )
        self.reasons_edit = QPlainTextEdit()
        self.reasons_edit.setObjectName("terminationReasonsEdit")
        self.reasons_edit.setFixedHeight(60)
        self.date_edit = date_edit("terminationDateEdit", date.today(), maximum=date.today())
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("terminationTextEdit")
        self.text_edit.setFixedHeight(60)
        self.text_edit.setPlaceholderText(self.tr("objection, decision on it, or notes"))
        self.upheld_check = QCheckBox(self.tr("Objection upheld (withdraw the proposal)"))
        self.upheld_check.setObjectName("terminationUpheldCheck")
        self.referral_edit = QLineEdit()
        self.referral_edit.setObjectName("terminationReferralEdit")
        self.referral_edit.setPlaceholderText(
            self.tr("referred to dibao / temporary aid, or why not")
        )
        self.propose_button = self._button(
            "terminationProposeButton", self.tr("Publish proposal (7 days)"), self._propose
        )
        self.objection_button = self._button(
            "terminationObjectionButton", self.tr("Record objection"), self._objection
        )
        self.decide_button = self._button(
            "terminationDecideButton", self.tr("Decide objection"), self._decide
        )
        self.finalise_button = self._button(
            "terminationFinaliseButton", self.tr("Terminate from next month"), self._finalise
        )
        self.print_button = self._button(
            "terminationPrintButton", self.tr("Print publicity notice"), self._print
        )
        self.error_label = forms.make_error_label("terminationErrorLabel", word_wrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Status:"), self.status_label)
        form.addRow(self.tr("Grounds:"), self.grounds_combo)
        form.addRow(self.tr("Written reasons:"), self.reasons_edit)
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Objection / decision:"), self.text_edit)
        form.addRow("", self.upheld_check)
        form.addRow(self.tr("Referral:"), self.referral_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        row = QDialogButtonBox()
        for b in (
            self.propose_button,
            self.objection_button,
            self.decide_button,
            self.finalise_button,
            self.print_button,
        ):
            row.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(row)
        layout.addWidget(buttons)
        self._update()
        self.reload()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    def reload(self) -> None:
        db, actor, eid = self.ctx.db, self.ctx.actor, self.enrollment_id
        QueryOp(
            parent=self, op=lambda: termination.list_proposals(db, actor, eid), success=self._show
        ).run_in_background()

    def _show(self, rows: list[TerminationView]) -> None:
        open_rows = [r for r in rows if r.status in ("publicity", "objection")]
        self.current = open_rows[-1] if open_rows else (rows[-1] if rows else None)
        self._update()

    def _update(self) -> None:
        c = self.current
        status = c.status if c is not None else ""
        if c is None:
            self.status_label.setText(self.tr("No proposal."))
        elif status == "objection":
            self.status_label.setText(
                self.tr("Objection recorded; decide by {d}.").format(
                    d=c.objection_due.isoformat() if c.objection_due else "-"
                )
            )
        elif status == "publicity":
            self.status_label.setText(
                self.tr("Published {a} to {b}: {g}").format(
                    a=c.publicity_start.isoformat(),
                    b=c.publicity_end.isoformat(),
                    g=c.grounds_label,
                )
            )
        else:
            self.status_label.setText(self.tr("Last proposal: {s}").format(s=c.status_label))
        can_change = self.ctx.actor.can("enrollment.change")
        can_decide = self.ctx.actor.can("enrollment.decide")
        open_ = status in ("publicity", "objection")
        self.propose_button.setEnabled(can_change and not open_)
        self.objection_button.setEnabled(
            status == "publicity" and self.ctx.actor.can("case.publicity")
        )
        self.decide_button.setEnabled(status == "objection" and can_decide)
        self.finalise_button.setEnabled(status == "publicity" and can_decide)
        self.print_button.setEnabled(status == "publicity" and self.ctx.actor.can("print"))

    def _run(self, op: Callable[[], TerminationView]) -> None:
        self.error_label.setVisible(False)

        def done(view: TerminationView) -> None:
            self.current = view
            self._update()
            self.changed.emit(view)

        def failed(error: ReliefError) -> None:
            self.error_label.setText(str(error))
            self.error_label.setVisible(True)

        MutationOp(parent=self, op=op, success=done).failure(failed).run_in_background()

    @Slot()
    def _print(self) -> None:
        """The 拟终止公示 for the notice board."""
        c = self.current
        if c is None:
            return
        db, actor, pid = self.ctx.db, self.ctx.actor, c.id
        printing.print_document(
            self.ctx, self, lambda: printing_notices.termination_notice_pdf(db, actor, pid)
        )

    @Slot()
    def _propose(self) -> None:
        db, actor, eid = self.ctx.db, self.ctx.actor, self.enrollment_id
        grounds, reasons = self.grounds_combo.currentData(), self.reasons_edit.toPlainText()
        start = to_date(self.date_edit.date())
        self._run(lambda: termination.propose(db, actor, eid, grounds, reasons, start=start))

    @Slot()
    def _objection(self) -> None:
        db, actor, c = self.ctx.db, self.ctx.actor, self.current
        if c is None:
            return
        text, on = self.text_edit.toPlainText(), to_date(self.date_edit.date())
        self._run(
            lambda: termination.record_objection(
                db, actor, c.id, text, on_date=on, expected_version=c.version
            )
        )

    @Slot()
    def _decide(self) -> None:
        db, actor, c = self.ctx.db, self.ctx.actor, self.current
        if c is None:
            return
        text, on = self.text_edit.toPlainText(), to_date(self.date_edit.date())
        upheld = self.upheld_check.isChecked()
        self._run(
            lambda: termination.decide_objection(
                db, actor, c.id, upheld, text, on_date=on, expected_version=c.version
            )
        )

    @Slot()
    def _finalise(self) -> None:
        db, actor, c = self.ctx.db, self.ctx.actor, self.current
        if c is None:
            return
        referral, on = self.referral_edit.text(), to_date(self.date_edit.date())
        self._run(
            lambda: termination.finalise(
                db, actor, c.id, referral, on_date=on, expected_version=c.version
            )
        )
