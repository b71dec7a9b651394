"""Shared pieces of the settings sections: title and read-only hint, money and ratio fields."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.ui.table_model import RecordTableModel


class Section(QWidget):
    """One settings section: a bold title, a hint line, and (for roles that may not change
    it) a visible read-only notice. Subclasses add their content to ``self.body``."""

    def __init__(
        self, name: str, title: str, hint: str, *, writable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.writable = writable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        title_label = QLabel(title)
        title_label.setObjectName(f"{name}Title")
        title_label.setProperty("role", "pageTitle")
        layout.addWidget(title_label)
        hint_label = QLabel(hint)
        hint_label.setObjectName(f"{name}Hint")
        hint_label.setProperty("role", "hint")
        hint_label.setWordWrap(True)
        layout.addWidget(hint_label)
        self.readonly_label = QLabel(
            QCoreApplication.translate(
                "AdminCommon", "Read only: only an administrator can change these settings."
            )
        )
        self.readonly_label.setObjectName(f"{name}ReadOnlyLabel")
        self.readonly_label.setProperty("role", "readonly")
        self.readonly_label.setStyleSheet(
            "background:#fff4e5; color:#8a4b00; border:1px solid #f0c36d; padding:4px 8px;"
        )
        self.readonly_label.setVisible(not writable)
        layout.addWidget(self.readonly_label)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)

    def refresh(self) -> None:
        """Reload from the database (off the GUI thread)."""


def money_spin(name: str, maximum: float = 1_000_000.0) -> QDoubleSpinBox:
    """元 with two decimals (stored as fen)."""
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(2)
    spin.setRange(0.0, maximum)
    spin.setSingleStep(10.0)
    spin.setSuffix(" " + QCoreApplication.translate("AdminCommon", "yuan"))
    spin.setGroupSeparatorShown(True)
    spin.setMinimumWidth(150)
    return spin


def percent_spin(name: str, maximum: float = 1000.0) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(2)
    spin.setRange(0.0, maximum)
    spin.setSuffix(" %")
    spin.setMinimumWidth(110)
    return spin


def int_spin(name: str, minimum: int, maximum: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(minimum, maximum)
    if suffix:
        spin.setSuffix(" " + suffix)
    spin.setMinimumWidth(110)
    return spin


def fen_to_spin(fen: Any) -> float:
    return int(fen) / 100


def spin_to_fen(spin: QDoubleSpinBox) -> int:
    return int((Decimal(str(round(spin.value(), 2))) * 100).to_integral_value())


def ratio_to_percent(value: Any) -> float:
    return float(Fraction(str(value)) * 100)


def percent_to_ratio(percent: float) -> str:
    """``20.0`` → ``"1/5"``; ``100.0`` → ``"1"`` (the policy stores exact fractions)."""
    return str(Fraction(Decimal(str(round(percent, 2)))) / 100)


def decimal_to_ratio(value: float) -> str:
    """``1.3`` → ``"13/10"``."""
    return str(Fraction(Decimal(str(round(value, 2)))))


def selected_row(view: QTableView) -> Any:
    """The object of the selected row, or None."""
    model = view.model()
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows or not isinstance(model, RecordTableModel):
        return None
    return model.row(rows[0].row())
