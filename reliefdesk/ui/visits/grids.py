"""The visit editor's vocabulary (codes of ``services.visits`` with their translated labels)
and its editable grids (in-cell editing; the 已签字 column is a check box)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


def _labels(editor: QWidget | None = None) -> dict[str, dict[str, str]]:
    """Code → text tables of the visit's choices (literal translate calls, so that lupdate
    sees them; ``editor`` is unused, kept for the callers)."""
    del editor
    return {
        "mode": {
            "onsite": QCoreApplication.translate("VisitLabels", "On site"),
            "phone": QCoreApplication.translate("VisitLabels", "By phone"),
            "video": QCoreApplication.translate("VisitLabels", "By video"),
        },
        "housing_type": {
            "self_built": QCoreApplication.translate("VisitLabels", "Self-built"),
            "commercial": QCoreApplication.translate("VisitLabels", "Bought"),
            "rented": QCoreApplication.translate("VisitLabels", "Rented"),
            "lodging": QCoreApplication.translate("VisitLabels", "Living with others"),
        },
        "structure": {
            "concrete": QCoreApplication.translate("VisitLabels", "Reinforced concrete"),
            "brick_concrete": QCoreApplication.translate("VisitLabels", "Brick-concrete"),
            "brick_wood": QCoreApplication.translate("VisitLabels", "Brick-wood"),
            "earth": QCoreApplication.translate("VisitLabels", "Adobe"),
        },
        "recommendation": {
            "approve": QCoreApplication.translate("VisitLabels", "Recommend approval"),
            "refuse": QCoreApplication.translate("VisitLabels", "Recommend refusal"),
            "further": QCoreApplication.translate("VisitLabels", "Needs further checks"),
        },
    }


def grid(name: str, headers: list[str], rows: int) -> QTableWidget:
    """An editable grid (in-cell editing; Tab moves between cells)."""
    t = QTableWidget(rows, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    t.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    t.setTabKeyNavigation(True)
    t.setMinimumHeight(30 + 30 * max(rows, 2))
    return t


def cell(t: QTableWidget, row: int, col: int) -> str:
    item = t.item(row, col)
    return item.text().strip() if item is not None else ""


def set_cell(t: QTableWidget, row: int, col: int, value: object) -> None:
    t.setItem(row, col, QTableWidgetItem("" if value is None else str(value)))


CHECK_KEYS = frozenset({"signed"})  # columns shown as a check box (True/False)


def grid_rows(t: QTableWidget, keys: list[str]) -> list[dict[str, Any]]:
    """Non-empty rows as dicts (first column required); check-box columns give a bool."""
    out = []
    for r in range(t.rowCount()):
        values: dict[str, Any] = {}
        for c, k in enumerate(keys):
            if k in CHECK_KEYS:
                item = t.item(r, c)
                values[k] = item is not None and item.checkState() == Qt.CheckState.Checked
            else:
                values[k] = cell(t, r, c)
        if any(v for k, v in values.items() if k not in CHECK_KEYS):
            out.append(values)
    return out


def fill_grid(
    t: QTableWidget, keys: list[str], rows: Sequence[Mapping[str, Any]], minimum: int = 0
) -> None:
    t.setRowCount(max(len(rows), minimum))
    for r in range(t.rowCount()):
        for c, k in enumerate(keys):
            value = rows[r].get(k, "") if r < len(rows) else ""
            if k in CHECK_KEYS:
                item = QTableWidgetItem()
                item.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(
                    Qt.CheckState.Checked
                    if value is True or str(value) in ("是", "√", "✓", "True", "yes", "Yes")
                    else Qt.CheckState.Unchecked
                )
                t.setItem(r, c, item)
            else:
                set_cell(t, r, c, value)
