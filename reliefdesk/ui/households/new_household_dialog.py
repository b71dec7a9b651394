"""新建家庭: register a household with its head of household in one transaction."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import register
from reliefdesk.services.register.types import HouseholdView, PersonInput
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.households.household_form import HouseholdForm
from reliefdesk.ui.households.id_field import IdFeedback, id_row, make_id_edit
from reliefdesk.ui.ops import MutationOp, QueryOp


class NewHouseholdDialog(QDialog):
    """Signals: created(HouseholdView)."""

    created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newHouseholdDialog")
        self.setWindowTitle(self.tr("New household"))
        self.setMinimumWidth(560)
        self._ctx = ctx
        self.form = HouseholdForm("newHousehold", self)
        self.head_name_edit = QLineEdit()
        self.head_name_edit.setObjectName("newHouseholdHeadName")
        self.head_id_edit = make_id_edit("newHouseholdHeadId")
        self.head_feedback = IdFeedback(self.head_id_edit, "newHouseholdHeadIdFeedback")
        self.head_errors = FormErrors({"name": self.head_name_edit, "id_number": self.head_id_edit})
        head_title = QLabel(self.tr("Head of household"))
        head_title.setProperty("role", "sectionTitle")
        head_form = QFormLayout()
        head_form.addRow(self.tr("Name"), self.head_errors.row("name"))
        head_form.addRow(
            self.tr("ID number"),
            id_row(
                self.head_id_edit, self.head_feedback, self.head_errors.error_label("id_number")
            ),
        )
        self.general_error = make_error_label("newHouseholdGeneralError", word_wrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("newHouseholdSaveButton")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(head_title)
        layout.addLayout(head_form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        QueryOp(
            parent=None,
            owner=self,
            op=lambda: register.list_townships(ctx.db, ctx.actor),
            success=self.form.set_townships,
        ).run_in_background()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.form.errors.clear()
        self.head_errors.clear()
        self.general_error.setVisible(False)
        ctx, data = self._ctx, self.form.data()
        head = PersonInput(
            name=self.head_name_edit.text(), id_number=self.head_id_edit.text(), relation="head"
        )
        self.save_button.setEnabled(False)
        MutationOp(
            parent=self,
            op=lambda: register.create_household(ctx.db, ctx.actor, data, head),
            success=self._on_created,
        ).failure(self._on_failed).always(
            lambda: self.save_button.setEnabled(True)
        ).run_in_background()

    def _on_created(self, view: HouseholdView) -> None:
        self.created.emit(view)
        self.accept()

    def _on_failed(self, error: ReliefError) -> None:
        if error.field in ("name", "id_number"):
            self.head_errors.show_error(error)
        elif not self.form.errors.show_error(error):
            self.general_error.setText(str(error))
            self.general_error.setVisible(True)
