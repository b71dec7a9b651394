"""An ID-number input with live feedback: as the clerk types the 18 characters, the derived
birth date and sex appear under the field, or the reason the number is wrong (checksum, date).

Validation is the pure ``domain.idnumber.parse_id`` — cheap enough for every keystroke.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from reliefdesk.domain.idnumber import parse_id
from reliefdesk.errors import ValidationError
from reliefdesk.ui.labels import register as labels


class IdNumberEdit(QLineEdit):
    """The line edit itself (kept separate so FormErrors can mark it red)."""


class IdFeedback(QLabel):
    """The live line under the field: ``state`` is '', 'partial', 'ok' or 'error'."""

    def __init__(self, edit: QLineEdit, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.state = ""
        self._edit = edit
        edit.textChanged.connect(self._on_edit_text_changed)
        self._on_edit_text_changed(edit.text())

    @Slot(str)
    def _on_edit_text_changed(self, text: str) -> None:
        clean = "".join(unicodedata.normalize("NFKC", text).split())
        if not clean:
            self._show("", "")
            return
        if len(clean) < 18 and len(clean) != 15:
            self._show("partial", self.tr("%n of 18 characters", "", len(clean)))
            return
        try:
            info = parse_id(clean)
        except ValidationError as error:
            self._show("error", str(error))
            return
        sex = labels.label(labels.sexes(), info.sex)
        text = self.tr("Born {date}, {sex}").format(date=info.birth_date.isoformat(), sex=sex)
        if info.converted_from:
            text += self.tr(" (old 15-digit number, will be stored as {number})").format(
                number=info.number
            )
        self._show("ok", text)

    def _show(self, state: str, text: str) -> None:
        self.state = state
        self.setText(text)
        self.setProperty("role", "error" if state == "error" else "hint")
        self.style().unpolish(self)
        self.style().polish(self)


def id_row(edit: QLineEdit, feedback: IdFeedback, error_label: QLabel) -> QWidget:
    """The field, its live feedback and its (service) error label stacked for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(edit)
    layout.addWidget(feedback)
    layout.addWidget(error_label)
    return box


def make_id_edit(name: str) -> IdNumberEdit:
    edit = IdNumberEdit()
    edit.setObjectName(name)
    edit.setMaxLength(22)  # room for pasted spaces
    edit.setPlaceholderText(
        QCoreApplication.translate("IdNumberEdit", "18-character resident ID number")
    )
    return edit
