"""单位信息: county, township, office name, phone and the policy page address."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from reliefdesk.errors import ReliefError
from reliefdesk.services import register, settings
from reliefdesk.services.register import TownshipView
from reliefdesk.services.settings import OfficeInfo
from reliefdesk.ui.admin.common import Section
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.ops import MutationOp, QueryOp


class OfficeSection(Section):
    """Reads ``settings.get_office`` and the townships; saves with ``settings.save_office``."""

    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(
            "officeSection",
            self.tr("Office"),
            self.tr("The office's name and area appear on printed forms, notices and rosters."),
            writable=ctx.actor.can("admin.office"),
            parent=parent,
        )
        self.ctx = ctx
        self.county_edit = QLineEdit()
        self.county_edit.setObjectName("officeCountyEdit")
        self.township_combo = QComboBox()
        self.township_combo.setObjectName("officeTownshipCombo")
        self.township_combo.setMinimumWidth(220)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("officeNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. 汝州市临汝镇民政所"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("officePhoneEdit")
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("officePolicyUrlEdit")
        self.url_edit.setPlaceholderText("https://")
        self.general_error = make_error_label("officeGeneralError", word_wrap=True)
        self.errors = FormErrors(
            {
                "county": self.county_edit,
                "township": self.township_combo,
                "office_name": self.name_edit,
                "phone": self.phone_edit,
                "policy_url": self.url_edit,
            },
            general=self.general_error,
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for w in (self.county_edit, self.name_edit, self.phone_edit, self.url_edit):
            w.setMinimumWidth(420)
        form.addRow(self.tr("County (city):"), self.errors.row("county"))
        form.addRow(self.tr("Township:"), self.errors.row("township"))
        form.addRow(self.tr("Office name:"), self.errors.row("office_name"))
        form.addRow(self.tr("Phone:"), self.errors.row("phone"))
        form.addRow(self.tr("Policy page address:"), self.errors.row("policy_url"))
        self.body.addLayout(form)
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
        for w in (self.county_edit, self.name_edit, self.phone_edit, self.url_edit):
            w.setReadOnly(not self.writable)
        self.township_combo.setEnabled(self.writable)
        self.save_button.setEnabled(self.writable)

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> tuple[OfficeInfo | None, list[TownshipView]]:
            return settings.get_office(db), register.list_townships(db, actor)

        QueryOp(parent=self, op=read, success=self._fill).run_in_background()

    def _fill(self, result: tuple[OfficeInfo | None, list[TownshipView]]) -> None:
        info, townships = result
        self.info = info
        self.township_combo.clear()
        for t in townships:
            self.township_combo.addItem(f"{t.name}（{t.code}）", (t.code, t.name))
        if info is not None:
            self.county_edit.setText(info.county)
            self.name_edit.setText(info.office_name)
            self.phone_edit.setText(info.phone)
            self.url_edit.setText(info.policy_url)
            for i in range(self.township_combo.count()):
                if self.township_combo.itemData(i)[0] == info.township_code:
                    self.township_combo.setCurrentIndex(i)
        self.loaded.emit()

    def save(self) -> None:
        if not self.writable:
            return
        self.errors.clear()
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
        db, actor = self.ctx.db, self.ctx.actor

        def write() -> OfficeInfo:
            return settings.update_office(db, actor, info)

        self.save_button.setEnabled(False)
        MutationOp(parent=self, op=write, success=self._on_saved).failure(self._on_failed).always(
            lambda: self.save_button.setEnabled(True)
        ).with_progress(self.tr("Saving...")).run_in_background()

    def _on_saved(self, info: OfficeInfo) -> None:
        self.info = info
        self.ctx.office = info
        self.status_label.setText(self.tr("Saved."))
        self.saved.emit()

    def _on_failed(self, error: ReliefError) -> None:
        self.errors.show_error(error)
