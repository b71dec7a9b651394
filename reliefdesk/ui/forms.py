"""Show known errors next to the form field they concern, keeping what the user typed.

A dialog builds its rows with ``with_error_label`` and keeps a ``FormErrors`` over a mapping of
field name -> input widget. ``FormErrors.show_error(error)`` puts ``str(error)`` under the widget
named by ``error.field`` and marks it red (dynamic property ``invalid``, styled in ``style.py``);
errors without a known field go to the general label. Editing a field clears its error.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError


def make_error_label(object_name: str, *, word_wrap: bool = False) -> QLabel:
    """A hidden red label for one message.

    Labels under a field stay unwrapped: a word-wrapped label nested in a QFormLayout row
    reports a height-for-width the form does not honour, and the field above gets squashed.
    """
    label = QLabel()
    label.setObjectName(object_name)
    label.setProperty("role", "error")
    label.setWordWrap(word_wrap)
    label.setVisible(False)
    return label


def with_error_label(field: QWidget, label: QLabel) -> QWidget:
    """Stack ``field`` above its error ``label`` in one widget, for a QFormLayout row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(label)
    return box


def fit_window_height(widget: QWidget) -> None:
    """Grow ``widget``'s window so a newly shown error label does not squash the fields.

    WORKAROUND: a top-level layout with word-wrapped labels has height-for-width, and Qt then
    does not raise the window's minimum height when content grows; the rows get squeezed.
    """
    window = widget.window()
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalMinimumSize().height()
    if window.height() < needed:
        window.resize(window.width(), needed)


def _set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    # A dynamic property change needs a re-polish for the stylesheet to notice.
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class FormErrors:
    """Per-field error labels and red borders for one form.

    Args:
        fields: field name (as used in ``ReliefError.field``) -> input widget.
        general: label for errors that name no known field (optional).
    """

    def __init__(self, fields: Mapping[str, QWidget], *, general: QLabel | None = None) -> None:
        self.fields = dict(fields)
        self.general = general
        self._labels = {
            name: make_error_label(f"{widget.objectName() or name}Error")
            for name, widget in self.fields.items()
        }
        for name, widget in self.fields.items():
            self._connect_clear(name, widget)

    def general_label(self) -> QLabel:
        """The label for errors that name no known field (forms built with ``general``)."""
        if self.general is None:
            raise LookupError("this form was built without a general error label")
        return self.general

    def error_label(self, name: str) -> QLabel:
        """The error label for field ``name``; place it with ``with_error_label``."""
        return self._labels[name]

    def row(self, name: str) -> QWidget:
        """Field ``name`` stacked above its error label."""
        return with_error_label(self.fields[name], self._labels[name])

    def set_field_error(self, name: str, message: str) -> None:
        """Show ``message`` under field ``name`` and mark the field red."""
        label = self._labels[name]
        label.setText(message)
        label.setVisible(True)
        _set_invalid(self.fields[name], True)
        fit_window_height(label)

    def show_error(self, error: ReliefError) -> bool:
        """Show ``error`` by its field; returns True if a field showed it."""
        if error.field is not None and error.field in self.fields:
            self.set_field_error(error.field, str(error))
            self.fields[error.field].setFocus()
            return True
        if self.general is not None:
            self.general.setText(str(error))
            self.general.setVisible(True)
        return False

    def clear_field(self, name: str) -> None:
        label = self._labels[name]
        label.clear()
        label.setVisible(False)
        _set_invalid(self.fields[name], False)

    def clear(self) -> None:
        """Remove every error shown."""
        for name in self.fields:
            self.clear_field(name)
        if self.general is not None:
            self.general.clear()
            self.general.setVisible(False)

    def has_errors(self) -> bool:
        return any(bool(w.property("invalid")) for w in self.fields.values())

    def field_error(self, name: str) -> str:
        """The message shown under field ``name`` ('' when none)."""
        return self._labels[name].text()

    def _connect_clear(self, name: str, widget: QWidget) -> None:
        def clear() -> None:
            if widget.property("invalid"):
                self.clear_field(name)

        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(clear)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            widget.textChanged.connect(clear)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(clear)
        elif isinstance(widget, QAbstractSpinBox):
            widget.editingFinished.connect(clear)
