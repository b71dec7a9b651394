"""Small widget helpers shared by the casework screens (dates, combos, money fields)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from reliefdesk.domain.money import yuan_to_fen
from reliefdesk.errors import ReliefError


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(
    name: str,
    value: date | None = None,
    *,
    minimum: date | None = None,
    maximum: date | None = None,
) -> QDateEdit:
    """A calendar-popup date field in ISO format; defaults to today, never after ``maximum``."""
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if minimum is not None:
        edit.setMinimumDate(to_qdate(minimum))
    else:
        edit.setMinimumDate(QDate(1900, 1, 1))
    if maximum is not None:
        edit.setMaximumDate(to_qdate(maximum))
    edit.setDate(to_qdate(value or date.today()))
    return edit


def code_combo(name: str, labels: dict[str, str], current: str | None = None) -> QComboBox:
    """A combo showing ``labels`` values with the codes as item data."""
    combo = QComboBox()
    combo.setObjectName(name)
    for code, text in labels.items():
        combo.addItem(text, code)
    if current is not None:
        set_combo_code(combo, current)
    return combo


def set_combo_code(combo: QComboBox, code: object) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)


def section_label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "sectionTitle")
    if name:
        label.setObjectName(name)
    return label


def parse_yuan(text: str) -> int | None:
    """Fen for a yuan amount typed by the user; None if empty; raises ReliefError if bad."""
    if not text.strip():
        return None
    return yuan_to_fen(text)


def hint_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def error_text(error: ReliefError) -> str:
    return str(error)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
