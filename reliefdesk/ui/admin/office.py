"""单位信息: county, township, office name, phone, the policy page address and the signatures
on papers — for the county (县级默认) and, on a county server, for each township.

A county user picks whose values to see or edit in "Values for": 县级默认 (the office record
and the county's signatures: the defaults of every township) or a township (its own values;
an empty field means the county's value, shown as the field's placeholder). A township user
sees their own township's values only, with no choice. Only administrators save.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import register, settings, township_settings
from reliefdesk.services.register import TownshipView
from reliefdesk.services.settings import OfficeInfo
from reliefdesk.services.township_settings import TownshipOffice
from reliefdesk.ui.admin.common import Section
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.ops import MutationOp, QueryOp


class OfficeSection(Section):
    """Reads ``settings.get_office``, the townships and ``township_settings.township_office``;
    saves with ``township_settings.save_county_office`` (县级默认) or ``save_township_office``."""

    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            "officeSection",
            self.tr("Office"),
            self.tr("The office's name and area appear on printed forms, notices and rosters."),
            writable=ctx.actor.can("admin.office"),
            parent=parent,
        )
        self.ctx = ctx
        # whose values: the county (None) or a township; a township user has no choice
        self.scope_combo: QComboBox | None = None
        self.scope_label = QLabel()
        self.scope_label.setObjectName("officeScopeLabel")
        if ctx.actor.township_id is None:
            self.scope_combo = QComboBox()
            self.scope_combo.setObjectName("officeScopeCombo")
            self.scope_combo.setMinimumWidth(220)
            self.scope_combo.addItem(self.tr("County defaults"), None)
            self.scope_combo.currentIndexChanged.connect(lambda _i: self._load_scope())
        self.county_edit = QLineEdit()
        self.county_edit.setObjectName("officeCountyEdit")
        self.township_combo = QComboBox()
        self.township_combo.setObjectName("officeTownshipCombo")
        self.township_combo.setMinimumWidth(220)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("officeNameEdit")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("officePhoneEdit")
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("officePolicyUrlEdit")
        self.signatures_edit = QLineEdit()
        self.signatures_edit.setObjectName("officeSignaturesEdit")
        self.general_error = make_error_label("officeGeneralError", word_wrap=True)
        self.errors = FormErrors(
            {
                "county": self.county_edit,
                "township": self.township_combo,
                "office_name": self.name_edit,
                "phone": self.phone_edit,
                "policy_url": self.url_edit,
                "office.signatures": self.signatures_edit,
            },
            general=self.general_error,
        )
        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.edits = {
            "office.name": self.name_edit,
            "office.phone": self.phone_edit,
            "office.policy_url": self.url_edit,
            "office.signatures": self.signatures_edit,
        }
        for w in (self.county_edit, *self.edits.values()):
            w.setMinimumWidth(420)
        form.addRow(
            self.tr("Values for:"),
            self.scope_combo if self.scope_combo is not None else self.scope_label,
        )
        self.rows = {name: self.errors.row(name) for name in self.errors.fields}
        form.addRow(self.tr("County (city):"), self.rows["county"])
        form.addRow(self.tr("Township:"), self.rows["township"])
        form.addRow(self.tr("Office name:"), self.rows["office_name"])
        form.addRow(self.tr("Phone:"), self.rows["phone"])
        form.addRow(self.tr("Policy page address:"), self.rows["policy_url"])
        form.addRow(self.tr("Signatures on papers:"), self.rows["office.signatures"])
        self.body.addLayout(form)
        self.scope_hint = QLabel()
        self.scope_hint.setObjectName("officeScopeHint")
        self.scope_hint.setProperty("role", "hint")
        self.scope_hint.setWordWrap(True)
        self.body.addWidget(self.scope_hint)
        self.body.addWidget(self.general_error)
        self.status_label = QLabel()
        self.status_label.setObjectName("officeStatusLabel")
        self.status_label.setProperty("role", "hint")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("officeSaveButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self.info: OfficeInfo | None = None
        self.values: TownshipOffice | None = None
        for w in (self.county_edit, *self.edits.values()):
            w.setReadOnly(not self.writable)
        self.township_combo.setEnabled(self.writable)
        self.save_button.setEnabled(self.writable)
        self._show_mode()

    # -- whose values ---------------------------------------------------------------------
    def scope(self) -> int | None:
        """The township whose values are shown (None: the county defaults)."""
        if self.scope_combo is None:
            return self.ctx.actor.township_id
        data = self.scope_combo.currentData()
        return None if data is None else int(data)

    def set_scope(self, township_id: int | None) -> None:
        if self.scope_combo is not None:
            self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(township_id)))

    def _show_mode(self) -> None:
        county = self.scope() is None
        for name in ("county", "township"):
            self.form.setRowVisible(self.rows[name], county)
        if county:
            self.name_edit.setPlaceholderText(self.tr("e.g. 汝州市临汝镇民政所"))
            self.phone_edit.setPlaceholderText("")
            self.url_edit.setPlaceholderText("https://")
            self.signatures_edit.setPlaceholderText(self.tr("e.g. 负责人：张三  审核：李四"))
            self.scope_hint.setText(
                self.tr("These values apply to every township that has no value of its own.")
                if self.scope_combo is not None
                else ""
            )
        else:
            self.scope_hint.setText(
                self.tr(
                    "An empty field uses the county's value, shown in grey. Clear a field to "
                    "go back to the county's value."
                )
            )

    # -- reading --------------------------------------------------------------------------
    def refresh(self) -> None:
        db, actor, scope = self.ctx.db, self.ctx.actor, self.scope()

        def read() -> tuple[OfficeInfo | None, list[TownshipView], TownshipOffice]:
            return (
                settings.get_office(db),
                register.list_townships(db, actor),
                township_settings.township_office(db, actor, scope),
            )

        QueryOp(parent=self, op=read, success=self._fill).run_in_background()

    def _fill(self, result: tuple[OfficeInfo | None, list[TownshipView], TownshipOffice]) -> None:
        info, townships, values = result
        self.info = info
        self.township_combo.clear()
        for t in townships:
            self.township_combo.addItem(f"{t.name}（{t.code}）", (t.code, t.name))
        if self.scope_combo is not None:
            current = self.scope_combo.currentData()
            self.scope_combo.blockSignals(True)
            while self.scope_combo.count() > 1:
                self.scope_combo.removeItem(1)
            for t in townships:
                self.scope_combo.addItem(t.name, t.id)
            self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(current)))
            self.scope_combo.blockSignals(False)
        else:
            own = next((t for t in townships if t.id == self.ctx.actor.township_id), None)
            self.scope_label.setText(own.name if own else "")
        if info is not None:
            self.county_edit.setText(info.county)
            for i in range(self.township_combo.count()):
                if self.township_combo.itemData(i)[0] == info.township_code:
                    self.township_combo.setCurrentIndex(i)
        self._show_values(values)
        self.loaded.emit()

    def _load_scope(self) -> None:
        db, actor, scope = self.ctx.db, self.ctx.actor, self.scope()
        self.errors.clear()
        self.status_label.clear()
        self._show_mode()

        def done(values: TownshipOffice) -> None:
            if values.township_id == self.scope():
                self._show_values(values)
                self.loaded.emit()

        QueryOp(
            parent=self,
            op=lambda: township_settings.township_office(db, actor, scope),
            success=done,
        ).run_in_background()

    def _show_values(self, values: TownshipOffice) -> None:
        self.values = values
        self._show_mode()
        for key, edit in self.edits.items():
            edit.setText(values.values.get(key, ""))
            if values.township_id is not None:
                default = values.defaults.get(key, "")
                if key == "office.name":  # the township's government, not the county's name
                    edit.setPlaceholderText(self.tr("Default: {value}").format(value=default))
                else:
                    edit.setPlaceholderText(
                        self.tr("County: {value}").format(value=default)
                        if default
                        else self.tr("County: not set")
                    )

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        if not self.writable:
            return
        self.errors.clear()
        db, actor, scope = self.ctx.db, self.ctx.actor, self.scope()
        self.save_button.setEnabled(False)
        if scope is None:
            code, name = self.township_combo.currentData() or ("", "")
            old = self.info
            info = OfficeInfo(
                county=self.county_edit.text(),
                township_code=code,
                office_name=self.name_edit.text(),
                phone=self.phone_edit.text(),
                policy_url=self.url_edit.text(),
                county_code=old.county_code if old else "",
                township_name=name,
            )
            signatures = self.signatures_edit.text()

            def write_county() -> tuple[OfficeInfo | None, TownshipOffice]:
                saved = township_settings.save_county_office(db, actor, info, signatures)
                return saved, township_settings.township_office(db, actor, None)

            op = MutationOp(parent=self, op=write_county, success=self._on_saved)
        else:
            values = {key: edit.text() for key, edit in self.edits.items()}
            op = MutationOp(
                parent=self,
                op=lambda: (None, township_settings.save_township_office(db, actor, scope, values)),
                success=self._on_saved,
            )
        op.failure(self._on_failed).always(lambda: self.save_button.setEnabled(True)).with_progress(
            self.tr("Saving...")
        ).run_in_background()

    def _on_saved(self, result: tuple[OfficeInfo | None, TownshipOffice]) -> None:
        info, values = result
        if info is not None:  # the county's office record
            self.info = info
            self.ctx.office = info
        self._show_values(values)
        self.status_label.setText(self.tr("Saved."))
        self.save_button.setEnabled(True)  # before ``saved``: the next save may follow at once
        self.saved.emit()

    def _on_failed(self, error: ReliefError) -> None:
        field = _TOWNSHIP_FIELDS.get(error.field or "")
        if field is not None:  # a township value refused by the service
            self.errors.set_field_error(field, str(error))
        else:
            self.errors.show_error(error)


#: township setting keys -> the form's field names
_TOWNSHIP_FIELDS = {
    "office.name": "office_name",
    "office.phone": "phone",
    "office.policy_url": "policy_url",
}
