"""Add or edit one household member (家庭成员), with live ID validation.

Saving runs ``register.add_person`` / ``update_person`` off the GUI thread. A rule the service
refuses (duplicate ID, missing exclusion reason...) is shown next to its field and the dialog
stays open with everything typed; a stale edit shows the stale-data dialog.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError, StaleDataError
from reliefdesk.services import register
from reliefdesk.services.register.types import ETHNICITIES, PersonInput, PersonView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.households.id_field import IdFeedback, id_row, make_id_edit
from reliefdesk.ui.households.stale import show_stale
from reliefdesk.ui.labels import register as labels
from reliefdesk.ui.labels.casework import hukou_labels
from reliefdesk.ui.ops import MutationOp


def _combo(
    name: str, items: Mapping[str, str], first: tuple[str, object] | None = None
) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    if first is not None:
        combo.addItem(first[0], first[1])
    for code, text in items.items():
        combo.addItem(text, code)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class PersonDialog(QDialog):
    """``person`` None adds a member to ``household_id``; otherwise edits it (the person view
    must carry the full ID number, i.e. come from a revealed read).

    Signals: saved(PersonView).
    """

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        household_id: int,
        person: PersonView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self._ctx = ctx
        self._household_id = household_id
        self._person = person
        self.setWindowTitle(self.tr("Edit member") if person else self.tr("Add member"))
        self.setMinimumWidth(520)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("personName")
        self.id_edit = make_id_edit("personIdNumber")
        self.id_feedback = IdFeedback(self.id_edit, "personIdFeedback")
        self.relation_combo = _combo("personRelation", labels.relations())
        self.counted_check = QCheckBox(self.tr("Counted as a household member"))
        self.counted_check.setObjectName("personCounted")
        self.counted_check.setChecked(True)
        self.exclusion_combo = _combo(
            "personExclusion",
            labels.exclusion_reasons(),
            (self.tr("(choose why not counted)"), None),
        )
        self.disability_combo = _combo(
            "personDisability", labels.disability_categories(), (self.tr("None"), None)
        )
        self.disability_level_combo = QComboBox()
        self.disability_level_combo.setObjectName("personDisabilityLevel")
        self.disability_level_combo.addItem(self.tr("None"), None)
        for level, text in labels.disability_levels().items():
            self.disability_level_combo.addItem(text, level)
        self.health_combo = _combo("personHealth", labels.health())
        self.labour_combo = _combo("personLabour", labels.labour())
        self.schooling_edit = QLineEdit()
        self.schooling_edit.setObjectName("personSchooling")
        self.schooling_edit.setPlaceholderText(self.tr("e.g. primary school, grade 3"))
        self.employment_edit = QLineEdit()
        self.employment_edit.setObjectName("personEmployment")
        self.ethnicity_combo = QComboBox()
        self.ethnicity_combo.setObjectName("personEthnicity")
        self.ethnicity_combo.addItem(self.tr("Not recorded"), "")
        for e in ETHNICITIES:
            self.ethnicity_combo.addItem(e, e)
        self.hukou_combo = QComboBox()
        self.hukou_combo.setObjectName("personHukou")
        for code, text in hukou_labels().items():
            self.hukou_combo.addItem(text, code)
        self.staff_check = QCheckBox(
            self.tr("Near relative of office staff or village committee member")
        )
        self.staff_check.setObjectName("personStaffRelative")
        self.staff_note_edit = QLineEdit()
        self.staff_note_edit.setObjectName("personStaffNote")
        self.staff_note_edit.setPlaceholderText(self.tr("Whose relative, and how"))

        self.general_error = make_error_label("personGeneralError", word_wrap=True)
        self.errors = FormErrors(
            {
                "name": self.name_edit,
                "id_number": self.id_edit,
                "relation": self.relation_combo,
                "exclusion_reason": self.exclusion_combo,
                "disability_category": self.disability_combo,
                "disability_level": self.disability_level_combo,
                "health": self.health_combo,
                "labour_capacity": self.labour_combo,
                "staff_relation_note": self.staff_note_edit,
                "ethnicity": self.ethnicity_combo,
                "hukou_type": self.hukou_combo,
            },
            general=self.general_error,
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self.errors.row("name"))
        form.addRow(
            self.tr("ID number"),
            id_row(self.id_edit, self.id_feedback, self.errors.error_label("id_number")),
        )
        form.addRow(self.tr("Relation to head"), self.errors.row("relation"))
        form.addRow(self.tr("Ethnicity"), self.errors.row("ethnicity"))
        form.addRow(self.tr("Hukou type"), self.errors.row("hukou_type"))
        form.addRow("", self.counted_check)
        form.addRow(self.tr("Reason not counted"), self.errors.row("exclusion_reason"))
        form.addRow(self.tr("Disability category"), self.errors.row("disability_category"))
        form.addRow(self.tr("Disability grade"), self.errors.row("disability_level"))
        form.addRow(self.tr("Health"), self.errors.row("health"))
        form.addRow(self.tr("Capacity to work"), self.errors.row("labour_capacity"))
        form.addRow(self.tr("Schooling"), self.schooling_edit)
        form.addRow(self.tr("Employment"), self.employment_edit)
        form.addRow("", self.staff_check)
        form.addRow(self.tr("Relation to staff"), self.errors.row("staff_relation_note"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("personButtons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("personSaveButton")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.counted_check.toggled.connect(self._on_counted_check_toggled)
        self.staff_check.toggled.connect(self.staff_note_edit.setEnabled)
        self.errors.error_label("id_number").setWordWrap(True)  # the duplicate message is long
        if person is not None:
            self._fill(person)
        else:
            _select(self.relation_combo, "spouse")
            _select(self.ethnicity_combo, "汉族")
        self._on_counted_check_toggled(self.counted_check.isChecked())
        self.staff_note_edit.setEnabled(self.staff_check.isChecked())
        self.name_edit.setFocus()

    def _fill(self, p: PersonView) -> None:
        self.name_edit.setText(p.name)
        self.id_edit.setText(p.id_number)
        _select(self.relation_combo, p.relation)
        self.counted_check.setChecked(p.counted)
        _select(self.exclusion_combo, p.exclusion_reason)
        _select(self.disability_combo, p.disability_category)
        _select(self.disability_level_combo, p.disability_level)
        _select(self.health_combo, p.health)
        _select(self.labour_combo, p.labour_capacity)
        self.schooling_edit.setText(p.schooling)
        self.employment_edit.setText(p.employment)
        self.staff_check.setChecked(p.near_relative_of_staff)
        self.staff_note_edit.setText(p.staff_relation_note)
        _select(self.ethnicity_combo, p.ethnicity)
        _select(self.hukou_combo, p.hukou_type)

    def set_default_relation(self, relation: str) -> None:
        _select(self.relation_combo, relation)

    def data(self) -> PersonInput:
        return PersonInput(
            name=self.name_edit.text(),
            id_number=self.id_edit.text(),
            relation=self.relation_combo.currentData(),
            counted=self.counted_check.isChecked(),
            exclusion_reason=None
            if self.counted_check.isChecked()
            else self.exclusion_combo.currentData(),
            disability_category=self.disability_combo.currentData(),
            disability_level=self.disability_level_combo.currentData(),
            health=self.health_combo.currentData(),
            labour_capacity=self.labour_combo.currentData(),
            schooling=self.schooling_edit.text(),
            employment=self.employment_edit.text(),
            near_relative_of_staff=self.staff_check.isChecked(),
            staff_relation_note=self.staff_note_edit.text(),
            id_type=self._person.id_type if self._person else "resident",
            deceased_on=self._person.deceased_on if self._person else None,
            ethnicity=str(self.ethnicity_combo.currentData() or ""),
            hukou_type=str(self.hukou_combo.currentData() or ""),
        )

    @Slot(bool)
    def _on_counted_check_toggled(self, counted: bool) -> None:
        self.exclusion_combo.setEnabled(not counted)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        data, ctx, hid, person = self.data(), self._ctx, self._household_id, self._person

        def op() -> PersonView:
            if person is None:
                return register.add_person(ctx.db, ctx.actor, hid, data)
            return register.update_person(ctx.db, ctx.actor, person.id, data, person.version)

        self.save_button.setEnabled(False)
        MutationOp(parent=self, op=op, success=self._on_saved).failure(self._on_failed).always(
            lambda: self.save_button.setEnabled(True)
        ).with_progress(self.tr("Saving...")).run_in_background()

    def _on_saved(self, view: PersonView) -> None:
        self.saved.emit(view)
        self.accept()

    def _on_failed(self, error: ReliefError) -> None:
        if isinstance(error, StaleDataError):
            show_stale(self, error)
            return
        self.errors.show_error(error)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a line edit should not save half a form by accident from the ID field.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in (
            self.id_edit,
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)
