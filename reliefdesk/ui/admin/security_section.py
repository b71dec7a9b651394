"""安全: sign-in lockout, idle lock, audit retention (office settings) and the interface
language (this computer's setting)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton

from reliefdesk.errors import ReliefError
from reliefdesk.services import settings
from reliefdesk.ui import i18n
from reliefdesk.ui.admin.common import Section, int_spin
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.idle import IDLE_MINUTES_RANGE
from reliefdesk.ui.ops import MutationOp, QueryOp

# setting key -> (default, minimum, maximum)
KEYS: dict[str, tuple[int, int, int]] = {
    "login.max_failures": (5, 3, 10),
    "login.lock_minutes": (15, 10, 1440),
    "ui.idle_lock_minutes": (15, *IDLE_MINUTES_RANGE),
    "audit.retention_days": (190, 180, 3650),
}


class SecuritySection(Section):
    """Reads and writes the security settings with ``settings.get_setting/set_setting``."""

    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(
            "securitySection",
            self.tr("Security"),
            self.tr(
                "Level-protection (等保 2.0) practice: lock after 5 failed "
                "sign-ins for at least 10 minutes, lock the screen after "
                "10–30 idle minutes, keep audit records at least 180 days."
            ),
            writable=ctx.actor.can("admin.office"),
            parent=parent,
        )
        self.ctx = ctx
        self.spins = {
            "login.max_failures": int_spin("securityMaxFailuresSpin", 3, 10, self.tr("times")),
            "login.lock_minutes": int_spin("securityLockMinutesSpin", 10, 1440, self.tr("minutes")),
            "ui.idle_lock_minutes": int_spin(
                "securityIdleMinutesSpin", *IDLE_MINUTES_RANGE, self.tr("minutes")
            ),
            "audit.retention_days": int_spin(
                "securityRetentionDaysSpin", 180, 3650, self.tr("days")
            ),
        }
        for key, spin in self.spins.items():
            spin.setValue(KEYS[key][0])
            spin.setReadOnly(not self.writable)
        self.general_error = make_error_label("securityGeneralError", word_wrap=True)
        self.errors = FormErrors(self.spins, general=self.general_error)
        box = QGroupBox(self.tr("Sign-in and audit"))
        box.setObjectName("securityGroup")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(
            self.tr("Lock an account after failed sign-ins:"), self.errors.row("login.max_failures")
        )
        form.addRow(self.tr("Lock for:"), self.errors.row("login.lock_minutes"))
        form.addRow(self.tr("Lock the screen after idle:"), self.errors.row("ui.idle_lock_minutes"))
        form.addRow(
            self.tr("Keep audit records at least:"), self.errors.row("audit.retention_days")
        )
        self.body.addWidget(box)
        self.body.addWidget(self.general_error)
        self.status_label = QLabel()
        self.status_label.setObjectName("securityStatusLabel")
        self.status_label.setProperty("role", "hint")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("securitySaveButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.setEnabled(self.writable)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        self.body.addLayout(row)

        lang_box = QGroupBox(self.tr("Interface language (this computer)"))
        lang_box.setObjectName("languageGroup")
        lang_form = QFormLayout(lang_box)
        lang_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        current = i18n.saved_language(ctx.settings)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current)))
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        self.language_hint = QLabel(
            self.tr(
                "Also in the menu Settings › Language. The new language is used after a restart."
            )
        )
        self.language_hint.setObjectName("languageHint")
        self.language_hint.setProperty("role", "hint")
        lang_form.addRow(self.tr("Language:"), self.language_combo)
        lang_form.addRow("", self.language_hint)
        self.body.addWidget(lang_box)
        self.body.addStretch(1)

    def _on_language_changed(self) -> None:
        code = self.language_combo.currentData()
        if code and code != i18n.saved_language(self.ctx.settings):
            i18n.save_language(self.ctx.settings, code)
            self.language_hint.setText(self.tr("Saved. The new language is used after a restart."))

    def refresh(self) -> None:
        db = self.ctx.db

        def read() -> dict[str, Any]:
            return settings.read_settings(db, {k: KEYS[k][0] for k in KEYS})

        QueryOp(parent=self, op=read, success=self._fill).run_in_background()

    def _fill(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            try:
                self.spins[key].setValue(int(value))
            except (TypeError, ValueError):
                self.spins[key].setValue(KEYS[key][0])
        self.loaded.emit()

    def save(self) -> None:
        if not self.writable:
            return
        self.errors.clear()
        values = {k: s.value() for k, s in self.spins.items()}
        db, actor = self.ctx.db, self.ctx.actor

        def write() -> None:
            settings.update_settings(db, actor, values)

        def failed(error: ReliefError) -> None:
            self.errors.show_error(error)

        def done(_r: object) -> None:
            self.status_label.setText(self.tr("Saved."))
            self.saved.emit()

        MutationOp(parent=self, op=write, success=done).failure(failed).run_in_background()
