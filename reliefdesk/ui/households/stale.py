"""The "someone else changed this" dialog shown when a save hits a StaleDataError."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reliefdesk.errors import ReliefError


def show_stale(parent: QWidget | None, error: ReliefError) -> QMessageBox:
    """A non-blocking warning: nothing was saved, nothing was overwritten, the form is kept."""
    box = QMessageBox(parent)
    box.setObjectName("staleDataBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("StaleData", "Changed by someone else"))
    box.setText(str(error))
    box.setInformativeText(
        QCoreApplication.translate(
            "StaleData",
            "Your changes were not saved and nothing was overwritten. What you typed is still in "
            "the form: note it, reload the household, and enter it again.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
