"""A small dialog for one workflow action on an application: the date, the opinion and, where
the action needs them, a decision (审核确认), a resolution (复查/民主评议) or a manual amount
(初审). The service decides; a refusal is shown next to the field and the dialog stays open.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError, StaleDataError
from reliefdesk.services import casework
from reliefdesk.services.casework import ApplicationView
from reliefdesk.ui import forms
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import MutationOp
from reliefdesk.ui.widgets.inputs import date_edit, parse_yuan, to_date

# Actions whose opinion field is required (the service says so too; this only sets the label).
NEEDS_OPINION = {
    "record_info_check",
    "submit_prelim",
    "record_objection",
    "resolve_objection",
    "withdraw",
    "terminate_noncooperation",
    "authorise_green",
    "stop_green",
    "record_county_visit",
}


class ActionDialog(QDialog):
    """Perform ``action`` on ``app`` as the context's user.

    Signals:
        performed(ApplicationView): the service applied the action.
    """

    performed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        app: ApplicationView,
        action: str,
        parent: QWidget | None = None,
        *,
        build: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.ctx, self.app, self.action = ctx, app, action
        title = lbl.label(lbl.action_labels(), action)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        heading = QLabel(f"{title} - {app.file_no} {app.applicant_name}")
        heading.setProperty("role", "dialogTitle")
        heading.setObjectName("actionHeadingLabel")
        self.date_edit = date_edit(
            "actionDateEdit", date.today(), minimum=app.state_since, maximum=date.today()
        )
        self.opinion_edit = QPlainTextEdit()
        self.opinion_edit.setObjectName("actionOpinionEdit")
        self.opinion_edit.setFixedHeight(90)
        self.resolution_combo = QComboBox()
        self.resolution_combo.setObjectName("actionResolutionCombo")
        decisions = lbl.decision_labels()
        for code in ("recheck", "democratic_review"):
            self.resolution_combo.addItem(decisions[code], code)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("actionAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("leave empty to use the calculated amount"))
        self.general_error = forms.make_error_label("actionGeneralError", word_wrap=True)
        self.heading = heading
        self._busy = False
        if build:
            self.build()

    def build(self) -> None:
        """Lay the dialog out; subclasses add widgets first and rows via ``extra_rows``."""
        fields: dict[str, QWidget] = {"on_date": self.date_edit, "opinion": self.opinion_edit}
        if self.action == "resolve_objection":
            fields["resolution"] = self.resolution_combo
        if self.action == "submit_prelim":
            fields["amount_fen"] = self.amount_edit
        rows = self.extra_rows()
        fields.update({name: widget for _label, name, widget in rows if name})
        self.errors = forms.FormErrors(fields, general=self.general_error)
        form = QFormLayout()
        for label, name, widget in rows:
            if name is None or name == "":
                form.addRow(label, widget)
        form.addRow(self.tr("Date:"), self.errors.row("on_date"))
        if "resolution" in fields:
            form.addRow(self.tr("Handled by:"), self.errors.row("resolution"))
        if self.action == "submit_prelim":
            form.addRow(self.tr("Amount (yuan):"), self.errors.row("amount_fen"))
        for label, name, _widget in rows:
            if name:
                form.addRow(label, self.errors.row(name))
        opinion_label = {
            "record_info_check": self.tr("Check result:"),
            "submit_prelim": self.tr("Preliminary opinion:"),
            "record_objection": self.tr("Objection:"),
            "resolve_objection": self.tr("Conclusion:"),
            "withdraw": self.tr("Reason:"),
            "terminate_noncooperation": self.tr("Reason:"),
            "confirm": self.tr("Opinion:"),
            "authorise_green": self.tr("Why (the emergency):"),
            "stop_green": self.tr("Reasons (for the notice):"),
            "record_county_visit": self.tr("Findings:"),
        }.get(self.action, self.tr("Note:"))
        form.addRow(opinion_label, self.errors.row("opinion"))
        signer = QLabel(
            self.tr("{name} ({role})").format(
                name=self.ctx.actor.display_name or self.ctx.actor.username,
                role=lbl.label(lbl.role_labels(), self.ctx.actor.role),
            )
        )
        signer.setObjectName("actionSignerLabel")
        form.addRow(self.tr("Signed by:"), signer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("actionOkButton")
        self.ok_button.setText(self.windowTitle())
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def extra_rows(self) -> list[tuple[str, str | None, QWidget]]:
        """(label, error field name or None, widget) rows a subclass adds; rows without a
        field name go first, the others after the date."""
        return []

    def is_busy(self) -> bool:
        return self._busy

    def extra(self) -> dict[str, Any] | None:
        """Action-specific keyword arguments for ``casework.perform`` (None = input error)."""
        data: dict[str, Any] = {}
        if self.action == "resolve_objection":
            data["resolution"] = self.resolution_combo.currentData()
        if self.action == "submit_prelim":
            try:
                fen = parse_yuan(self.amount_edit.text())
            except ReliefError as exc:
                self.errors.set_field_error("amount_fen", str(exc))
                return None
            if fen is not None:
                data["amount_fen"] = fen
        return data

    def opinion(self) -> str:
        return self.opinion_edit.toPlainText().strip()

    def decision(self) -> str:
        return ""

    @Slot()
    def _on_buttons_accepted(self) -> None:
        if self._busy:
            return
        self.errors.clear()
        extra = self.extra()
        if extra is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        app_id, action, version = self.app.id, self.action, self.app.version
        on_date, opinion, decision = to_date(self.date_edit.date()), self.opinion(), self.decision()
        self._busy = True
        self.ok_button.setEnabled(False)

        def op() -> ApplicationView:
            return casework.perform(
                db,
                actor,
                app_id,
                action,
                on_date=on_date,
                decision=decision,
                opinion=opinion,
                expected_version=version,
                **extra,
            )

        MutationOp(parent=self, op=op, success=self._on_done).failure(self._on_failed).always(
            self._on_always
        ).with_progress(self.tr("Saving...")).run_in_background()

    def _on_always(self) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)

    def _on_done(self, view: ApplicationView) -> None:
        self.performed.emit(view)
        self.accept()

    def _on_failed(self, error: ReliefError) -> None:
        if isinstance(error, StaleDataError):
            self.general_error.setText(str(error))
            self.general_error.setVisible(True)
            return
        self.show_error(error)

    def show_error(self, error: ReliefError) -> None:
        self.errors.show_error(error)
