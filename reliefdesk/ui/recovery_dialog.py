"""The recovery code (恢复码) of a new encrypted office, shown once after set-up, with a button
that saves the printable sheet (PDF) to hand to the printer and then to the office safe."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.paths import write_private
from reliefdesk.services.signin import recovery_sheet
from reliefdesk.ui import forms


class RecoveryCodeDialog(QDialog):
    """Show ``code``; :meth:`save_sheet` writes the printable page."""

    def __init__(
        self,
        code: str,
        *,
        office_name: str,
        database: str,
        admin: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCodeDialog")
        self.setWindowTitle(self.tr("Recovery code - reliefdesk"))
        self._code, self._office, self._database, self._admin = code, office_name, database, admin
        self.saved_to: Path | None = None

        intro = QLabel(
            self.tr(
                "The database is encrypted. Print this recovery code and keep it sealed in the "
                "office safe: when every password is lost, only this code opens the database. "
                "It is shown only now."
            )
        )
        intro.setObjectName("recoveryIntroLabel")
        intro.setWordWrap(True)
        self.code_label = QLabel(code)
        self.code_label.setObjectName("recoveryCodeLabel")
        self.code_label.setProperty("role", "dialogTitle")
        self.error_label = forms.make_error_label("recoveryErrorLabel", word_wrap=True)
        self.save_button = QPushButton(self.tr("Save the sheet to print..."))
        self.save_button.setObjectName("recoverySaveButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.ok_button = QPushButton(self.tr("I have written it down"))
        self.ok_button.setObjectName("recoveryOkButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

    def save_sheet(self, path: Path) -> None:
        """Write the printable recovery sheet (PDF) to ``path``, owner-only."""
        try:
            write_private(
                path, recovery_sheet(self._office, self._database, self._admin, self._code)
            )
        except (OSError, ReliefError) as exc:
            self.error_label.setText(str(exc))
            self.error_label.setVisible(True)
            return
        self.saved_to = path
        self.error_label.setVisible(False)

    @Slot()
    def _on_save_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery sheet"), "恢复码.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_sheet(Path(name))
