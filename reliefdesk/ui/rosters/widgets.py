"""Parts of the roster page: the problems panel (validation findings, warnings to confirm),
the notice bar (export/import results with 打开文件夹) and the table view factory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.ui.table_model import RecordTableModel
from reliefdesk.ui.tables import make_table as shared_make_table

from .models import ProblemsModel


def make_table(name: str, model: RecordTableModel) -> QTableView:
    """The shared office table, with columns sized by the model's column widths."""
    view = shared_make_table(name, model)
    for i, col in enumerate(model.columns):
        view.setColumnWidth(i, col.width)
    return view


class ProblemsPanel(QWidget):
    """Every validation problem of the roster shown; double-click asks for the record that
    fixes it (``fixRequested``) or, for a problem of the whole roster, its line; checked warnings are confirmed with ``acknowledgeRequested``."""

    lineRequested = Signal(int)
    fixRequested = Signal(object)  # the Problem whose record should be opened
    acknowledgeRequested = Signal(list, str)  # problems, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterProblemsPanel")
        self.model = ProblemsModel(self)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("rosterProblemsSummary")
        self.summary_label.setWordWrap(True)
        self.view = make_table("rosterProblemsView", self.model)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.activated.connect(self._on_double_clicked)
        self.check_all_box = QCheckBox(self.tr("Select all unconfirmed warnings"))
        self.check_all_box.setObjectName("rosterCheckAllWarnings")
        self.check_all_box.toggled.connect(self.model.set_all_checked)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("rosterAckNoteEdit")
        self.note_edit.setPlaceholderText(
            self.tr("Note (optional), e.g. checked with the village on the phone")
        )
        self.ack_button = QPushButton(self.tr("Confirm checked warnings"))
        self.ack_button.setObjectName("rosterAcknowledgeButton")
        self.ack_button.clicked.connect(self._on_ack_clicked)
        self.model.checksChanged.connect(self.update_actions)
        self._can_ack = False

        bottom = QHBoxLayout()
        bottom.addWidget(self.check_all_box)
        bottom.addWidget(self.note_edit, 1)
        bottom.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.update_actions()

    def set_can_acknowledge(self, can: bool, why_not: str = "") -> None:
        self._can_ack = can
        self.ack_button.setToolTip("" if can else why_not)
        self.update_actions()

    def update_actions(self) -> None:
        unconfirmed = self.model.counts()[2]
        self.check_all_box.setEnabled(self._can_ack and unconfirmed > 0)
        self.note_edit.setEnabled(self._can_ack and unconfirmed > 0)
        self.ack_button.setEnabled(self._can_ack and bool(self.model.checked()))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            problem = self.model.row(index.row())
            if problem.entity_kind:
                self.fixRequested.emit(problem)
            elif problem.line_no:
                self.lineRequested.emit(problem.line_no)

    def _on_ack_clicked(self) -> None:
        items = self.model.checked()
        if items:
            self.acknowledgeRequested.emit(items, self.note_edit.text().strip())


class NoticeBar(QFrame):
    """A dismissible message under the toolbar; with a folder it offers 打开文件夹."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterNoticeBar")
        self.setStyleSheet(
            "QFrame#rosterNoticeBar { background: #eef6ee; "
            "border: 1px solid #b7d7b9; border-radius: 3px; }"
            'QFrame#rosterNoticeBar[kind="warn"] { background: #fff6e5; '
            "border-color: #e6c27a; }"
        )
        self.label = QLabel()
        self.label.setObjectName("rosterNoticeLabel")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setObjectName("rosterOpenFolderButton")
        self.open_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("rosterNoticeCloseButton")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)
        self.folder: Path | None = None
        self.hide()

    def show_message(self, text: str, folder: Path | None = None, warn: bool = False) -> None:
        self.folder = folder
        self.label.setText(text)
        self.setProperty("kind", "warn" if warn else "ok")
        self.style().unpolish(self)
        self.style().polish(self)
        self.open_button.setVisible(folder is not None)
        self.show()

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
