"""Dialogs of the monitoring page: add an entry to the low-income register, exit one, and
the quick 巡访 record. Each runs its service call in a ``MutationOp``; a refusal stays in the
dialog as one line (``errorLabel``) and nothing is written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import low_income as li
from reliefdesk.services.visits import MODES
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp

__all__ = ["EntryDialog", "ExitDialog", "VisitDialog"]


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _ServiceDialog(QDialog):
    """A form whose OK button runs ``_work`` in the background and closes on success."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.ctx = ctx
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("role", "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(self.form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)

    def _work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def submit(self) -> None:
        """Run the service call; close on success, show the refusal otherwise."""
        self.error_label.setText("")
        self.buttons.setEnabled(False)

        def ok(result: object) -> None:
            self.saved.emit(result)
            self.accept()

        def failed(error: ReliefError) -> None:
            self.error_label.setText(str(error))

        MutationOp(parent=self, op=self._work(), success=ok, ctx=self.ctx).failure(failed).always(
            lambda: self.buttons.setEnabled(True)
        ).run_in_background()


class EntryDialog(_ServiceDialog):
    """Put a household on the low-income register; the list of households whose aid ended
    fills in the household and the 退出保障 category."""

    def __init__(
        self,
        ctx: AppContext,
        exited: Sequence[li.ExitedHousehold] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "entryDialog", parent)
        self.setWindowTitle(self.tr("Add to the low-income register"))
        self.exited_combo = QComboBox()
        self.exited_combo.setObjectName("exitedCombo")
        self.exited_combo.addItem(self.tr("(choose a household whose aid ended)"), 0)
        for h in exited:
            ended = f"{h.end_month:%Y-%m}" if h.end_month else ""
            self.exited_combo.addItem(
                f"{h.village} {h.head_name}（#{h.household_id}，{ended} {h.terminated_reason}）",
                h.household_id,
            )
        self.exited_combo.currentIndexChanged.connect(self._exited_chosen)
        self.household_spin = QSpinBox()
        self.household_spin.setObjectName("householdSpin")
        self.household_spin.setRange(0, 2_000_000_000)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("categoryCombo")
        for code, label in li.CATEGORIES.items():
            self.category_combo.addItem(label, code)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.review_check = QCheckBox(self.tr("Choose the next review date"))
        self.review_check.setObjectName("reviewCheck")
        self.review_edit = QDateEdit(_qdate(date.today()).addMonths(6))
        self.review_edit.setObjectName("reviewEdit")
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setEnabled(False)
        self.review_check.toggled.connect(self.review_edit.setEnabled)
        if exited:
            self.form.addRow(self.tr("Aid ended"), self.exited_combo)
        else:
            self.exited_combo.hide()
        self.form.addRow(self.tr("Household no."), self.household_spin)
        self.form.addRow(self.tr("Category"), self.category_combo)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.form.addRow(self.review_check, self.review_edit)
        self.resize(520, self.sizeHint().height())

    def _exited_chosen(self, index: int) -> None:
        hid = int(self.exited_combo.itemData(index) or 0)
        if hid:
            self.household_spin.setValue(hid)
            self.category_combo.setCurrentIndex(self.category_combo.findData("exited_aid"))

    def _work(self) -> Callable[[], Any]:
        db, actor = self.ctx.db, self.ctx.actor
        hid, category = self.household_spin.value(), str(self.category_combo.currentData())
        reason = self.reason_edit.text()
        review = _pydate(self.review_edit.date()) if self.review_check.isChecked() else None
        chosen = int(self.exited_combo.currentData() or 0)
        if chosen and chosen == hid and category == "exited_aid":
            return lambda: li.bring_in(db, actor, hid, reason)
        return lambda: li.add_entry(db, actor, hid, category, reason, next_review=review)


class ExitDialog(_ServiceDialog):
    """Take an entry off the register, with the reason."""

    def __init__(self, ctx: AppContext, entry: li.EntryView, parent: QWidget | None = None):
        super().__init__(ctx, "exitDialog", parent)
        self.entry = entry
        self.setWindowTitle(self.tr("Exit from the register"))
        self.form.addRow(
            self.tr("Household"),
            QLabel(f"{entry.village} {entry.head_name}（{entry.category_label}）"),
        )
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("exitReasonEdit")
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.resize(460, self.sizeHint().height())

    def _work(self) -> Callable[[], Any]:
        db, actor, entry = self.ctx.db, self.ctx.actor, self.entry
        reason = self.reason_edit.text()
        return lambda: li.exit_entry(db, actor, entry.id, reason, expected_version=entry.version)


class VisitDialog(_ServiceDialog):
    """The quick 巡访 record: date, visitor, mode, needs found, help given, solved, follow-up."""

    def __init__(
        self, ctx: AppContext, person_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "visitDialog", parent)
        self.person_id = person_id
        self.setWindowTitle(self.tr("Record a visit"))
        self.form.addRow(self.tr("Person"), QLabel(title))
        self.date_edit = QDateEdit(_qdate(date.today()))
        self.date_edit.setObjectName("visitDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(_qdate(date.today()))
        self.visitor_edit = QLineEdit(ctx.actor.display_name)
        self.visitor_edit.setObjectName("visitorEdit")
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("modeCombo")
        for code, label in (
            ("onsite", self.tr("On site")),
            ("phone", self.tr("Phone")),
            ("video", self.tr("Video")),
        ):
            assert code in MODES
            self.mode_combo.addItem(label, code)
        self.needs_edit = QPlainTextEdit()
        self.needs_edit.setObjectName("needsEdit")
        self.needs_edit.setFixedHeight(60)
        self.help_edit = QPlainTextEdit()
        self.help_edit.setObjectName("helpEdit")
        self.help_edit.setFixedHeight(60)
        self.solved_check = QCheckBox(self.tr("Problem solved"))
        self.solved_check.setObjectName("solvedCheck")
        self.follow_edit = QLineEdit()
        self.follow_edit.setObjectName("followUpEdit")
        self.enter_check = QCheckBox(self.tr("Hardship found: put the household on the register"))
        self.enter_check.setObjectName("enterRegisterCheck")
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("Visitor"), self.visitor_edit)
        self.form.addRow(self.tr("Mode"), self.mode_combo)
        self.form.addRow(self.tr("Needs found"), self.needs_edit)
        self.form.addRow(self.tr("Help given"), self.help_edit)
        self.form.addRow("", self.solved_check)
        self.form.addRow(self.tr("Follow-up"), self.follow_edit)
        self.form.addRow("", self.enter_check)
        self.resize(520, self.sizeHint().height())

    def _work(self) -> Callable[[], Any]:
        db, actor, pid = self.ctx.db, self.ctx.actor, self.person_id
        day = _pydate(self.date_edit.date())
        needs, help_text = self.needs_edit.toPlainText(), self.help_edit.toPlainText()
        solved, visitor = self.solved_check.isChecked(), self.visitor_edit.text()
        follow, mode = self.follow_edit.text(), str(self.mode_combo.currentData())
        enter = self.enter_check.isChecked()
        return lambda: li.record_visit(
            db,
            actor,
            pid,
            day,
            needs,
            help_text,
            solved,
            visitor=visitor,
            follow_up=follow,
            mode=mode,
            enter_register=enter,
        )
