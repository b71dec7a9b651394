"""Record the outcome of a finding: 属实 (confirmed, optionally taking the matching action at
once), 不属实 (unfounded, a reason required) or 已处理 (handled)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.services.comparison import FindingView
from reliefdesk.ui.findings import labels as lbl


class ResolveDialog(QDialog):
    """Asks for the outcome and the note; ``outcome()``, ``note()`` and ``act()`` read them."""

    def __init__(
        self, finding: FindingView, parent: QWidget | None = None, *, may_act: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findingResolveDialog")
        self.setWindowTitle(self.tr("Check a finding"))
        self.setMinimumWidth(460)
        head = QLabel(finding.message)
        head.setObjectName("findingResolveMessage")
        head.setWordWrap(True)
        self.confirmed = QRadioButton(self.tr("Confirmed (true)"))
        self.confirmed.setObjectName("findingConfirmedRadio")
        self.unfounded = QRadioButton(self.tr("Unfounded (not true)"))
        self.unfounded.setObjectName("findingUnfoundedRadio")
        self.handled = QRadioButton(self.tr("Handled already"))
        self.handled.setObjectName("findingHandledRadio")
        group = QButtonGroup(self)
        for b in (self.confirmed, self.unfounded, self.handled):
            group.addButton(b)
        self.confirmed.setChecked(True)
        action = lbl.label(lbl.action_labels(), finding.action)
        self.act_box = QCheckBox(self.tr("And now: {action}").format(action=action))
        self.act_box.setObjectName("findingActCheck")
        self.act_box.setChecked(may_act)
        self._may_act = may_act
        if not may_act:  # e.g. a clerk confirms a death; the reviewer or head records it
            self.act_box.setText(
                self.act_box.text()
                + self.tr(" (not for your role: the reviewer or the head does this)")
            )
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("findingNoteEdit")
        self.note_edit.setPlaceholderText(
            self.tr("What was checked and found (a reason is required if unfounded)")
        )
        self.note_edit.setFixedHeight(90)
        self.error_label = QLabel()
        self.error_label.setObjectName("findingResolveError")
        self.error_label.setProperty("role", "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("findingResolveButtons")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        group.buttonToggled.connect(
            lambda *_: self.act_box.setEnabled(self._may_act and self.confirmed.isChecked())
        )
        self.act_box.setEnabled(may_act)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        for w in (self.confirmed, self.act_box, self.unfounded, self.handled):
            lay.addWidget(w)
        lay.addWidget(QLabel(self.tr("Note")))
        lay.addWidget(self.note_edit)
        lay.addWidget(self.error_label)
        lay.addWidget(buttons)

    def outcome(self) -> str:
        if self.unfounded.isChecked():
            return "unfounded"
        if self.handled.isChecked():
            return "handled"
        return "confirmed"

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def act(self) -> bool:
        return self.outcome() == "confirmed" and self.act_box.isChecked()

    def _on_buttons_accepted(self) -> None:
        if self.outcome() == "unfounded" and not self.note():
            self.error_label.setText(self.tr("Please give the reason why it is not true."))
            return
        self.accept()
