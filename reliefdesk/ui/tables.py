"""The one factory for read-only office tables (row selection, no editing, alternating rows)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView
from shiboken6 import isValid


def make_table(
    name: str, model: QAbstractItemModel | None = None, *, row_height: int = 26
) -> QTableView:
    """A read-only, row-selecting table with the usual office look; ``name`` is its
    objectName (tests find widgets by it)."""
    view = QTableView()
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    return view


PADDING = 18  # px beside a column's widest text, so the table does not look cramped


def fit_columns_on_reset(view: QTableView, *, widest: int = 320) -> None:
    """Size ``view``'s columns to their contents each time its model is reset (a household's
    few accounts or members), so that a number is never cut to "1…" while a column beside it
    stands empty; no column grows past ``widest`` pixels. For small tables only: sizing reads
    every row."""

    def fit() -> None:
        if not isValid(view):  # the model outlived its table
            return
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        for column in range(header.count() - 1):  # the last one stretches anyway
            header.resizeSection(column, min(widest, header.sectionSize(column) + PADDING))

    model = view.model()
    if model is not None:
        model.modelReset.connect(fit)
