"""新申请 wizard: household → members → income and assets → programme and reason → 先行救助 →
payee, account and materials → summary with the proposed amount and its working → finish
(one transaction, see :mod:`.intake`). A refused rule shows its message next to the field it
concerns and the wizard keeps everything typed. Each page title shows its step (2/6); 取消
(or closing) with anything typed asks 保存 / 不保存 / 取消 and the window title carries * while
there is unsaved input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reliefdesk.domain.money import fen_to_yuan, to_capital
from reliefdesk.errors import ReliefError
from reliefdesk.services import register
from reliefdesk.services.assessment import Assessment
from reliefdesk.services.intake import (
    Intake,
    MemberRef,
    Saved,
    preview_intake,
    submit_intake,
)
from reliefdesk.ui import forms
from reliefdesk.ui.applications.wizard_income import IncomePage
from reliefdesk.ui.applications.wizard_members import MembersPage
from reliefdesk.ui.applications.wizard_pages import HouseholdPage, fill_row, table
from reliefdesk.ui.applications.wizard_payee import PayeePage
from reliefdesk.ui.applications.wizard_programme import (
    PAGE_GREEN,
    PAGE_HOUSEHOLD,
    PAGE_INCOME,
    PAGE_MEMBERS,
    PAGE_PAYEE,
    PAGE_PROGRAMME,
    PAGE_SUMMARY,
    ProgrammePage,
)
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.widgets.inputs import hint_label, to_date


class GreenChannelPage(QWizardPage):
    """先行救助: emergency temporary aid may be paid at once and the paperwork completed after."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardGreenPage")
        self.w = wizard
        self.setTitle(self.tr("Green channel"))
        self.green_check = QCheckBox(self.tr("Give aid first (green channel)"))
        self.green_check.setObjectName("greenChannelCheck")
        self.errors = forms.FormErrors({"green_channel": self.green_check})
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "For emergency hardship the township may skip the information check, democratic "
                    "review and publicity and give a small amount at once. Afterwards the file must "
                    "record the person, the reason and the amount, and the signatures and seals are "
                    "completed within the policy's time limit."
                )
            )
        )
        layout.addWidget(self.errors.row("green_channel"))
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.w.set_step_title(self)

    def nextId(self) -> int:
        return PAGE_PAYEE

    def green(self) -> bool:
        return self.green_check.isChecked() and self.w.programme_page.nextId() == PAGE_GREEN


class SummaryPage(QWizardPage):
    """What will be saved, with the proposed amount and its working from the assessment."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardSummaryPage")
        self.w = wizard
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(
            self.tr(
                "Check the details. Finish saves the household, the members, "
                "the income and the application together."
            )
        )
        self.facts_label = QLabel()
        self.facts_label.setObjectName("summaryFactsLabel")
        self.facts_label.setWordWrap(True)
        self.amount_label = QLabel()
        self.amount_label.setObjectName("summaryAmountLabel")
        self.amount_label.setProperty("role", "sectionTitle")
        self.working_table = table("summaryWorkingTable", [self.tr("Item"), self.tr("Value")])
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("summaryWarningsLabel")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setProperty("role", "error")
        self.error_label = forms.make_error_label("summaryErrorLabel", word_wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.working_table, 1)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.error_label)
        self.assessment: Assessment | None = None
        self._previewing = False

    def initializePage(self) -> None:
        self.w.set_step_title(self)
        self.error_label.setVisible(False)
        self.assessment = None
        self.amount_label.setText(self.tr("Calculating the proposed amount..."))
        self.working_table.setRowCount(0)
        self.warnings_label.setText("")
        self.facts_label.setText(self.w.describe())
        data = self.w.intake()
        db, actor = self.w.ctx.db, self.w.ctx.actor
        self._previewing = True
        self.completeChanged.emit()
        QueryOp(
            parent=self, op=lambda: preview_intake(db, actor, data), success=self._show
        ).failure(self._failed).always(self._done).run_in_background()

    def is_busy(self) -> bool:
        return self._previewing

    def _done(self) -> None:
        self._previewing = False
        self.completeChanged.emit()

    def _show(self, result: Assessment) -> None:
        self.assessment = result
        self.amount_label.setText(
            self.tr("Proposed amount: {yuan} yuan ({capital})").format(
                yuan=fen_to_yuan(result.amount_fen), capital=to_capital(result.amount_fen)
            )
        )
        self.working_table.setRowCount(len(result.working_lines))
        for i, line in enumerate(result.working_lines):
            fill_row(self.working_table, i, [line.label_zh, line.value])
        self.warnings_label.setText("\n".join(result.warnings))

    def _failed(self, error: ReliefError) -> None:
        self.amount_label.setText(self.tr("The application cannot be saved yet:"))
        self.show_error(error)
        self.w.route_error(error, jump=False)

    def show_error(self, error: ReliefError) -> None:
        self.error_label.setText(str(error))
        self.error_label.setVisible(True)

    def isComplete(self) -> bool:
        return not self._previewing

    def nextId(self) -> int:
        return -1


class NewApplicationWizard(QWizard):
    """The 新申请 wizard.

    Signals:
        saved(Saved): the household (if new), members, income and application were created.
    """

    saved = Signal(object)

    def __init__(
        self, ctx: AppContext, household_id: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newApplicationWizard")
        self.setWindowTitle(self.tr("New application") + "[*]")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(900, 640)
        self.ctx = ctx
        self.household_id: int | None = household_id or None
        self.existing: register.HouseholdDetail | None = None
        self.programme_touched = False
        self.result_saved: Saved | None = None
        self._saving = False

        self.household_page = HouseholdPage(self)
        self.members_page = MembersPage(self)
        self.income_page = IncomePage(self)
        self.programme_page = ProgrammePage(self)
        self.green_page = GreenChannelPage(self)
        self.summary_page = SummaryPage(self)
        self.payee_page = PayeePage(self)
        self._step_titles: dict[int, str] = {}
        self._discarding = False
        self._then: Callable[[], object] | None = None
        self._after_save: Callable[[], object] | None = None
        self.unsaved_box: QMessageBox | None = None
        for pid, page in (
            (PAGE_HOUSEHOLD, self.household_page),
            (PAGE_MEMBERS, self.members_page),
            (PAGE_INCOME, self.income_page),
            (PAGE_PROGRAMME, self.programme_page),
            (PAGE_GREEN, self.green_page),
            (PAGE_SUMMARY, self.summary_page),
            (PAGE_PAYEE, self.payee_page),
        ):
            self.setPage(pid, page)
            self._step_titles[pid] = page.title()
        self.currentIdChanged.connect(lambda _i: self.set_step_title(self.currentPage()))
        self.programme_page.programme_combo.activated.connect(self._on_programme_activated)
        for which, name in (
            (QWizard.WizardButton.NextButton, "wizardNextButton"),
            (QWizard.WizardButton.BackButton, "wizardBackButton"),
            (QWizard.WizardButton.FinishButton, "wizardFinishButton"),
            (QWizard.WizardButton.CancelButton, "wizardCancelButton"),
        ):
            self.button(which).setObjectName(name)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        if household_id:
            self.household_page.preselect_household(household_id)
            self.load_existing(household_id)
        self.set_step_title(self.household_page)

    # -- steps and unsaved input -----------------------------------------------------------
    def path(self) -> list[int]:
        """The pages this application goes through, in order (green channel only for
        emergency temporary aid)."""
        pages = [PAGE_HOUSEHOLD, PAGE_MEMBERS, PAGE_INCOME, PAGE_PROGRAMME]
        if self.programme_page.nextId() == PAGE_GREEN:
            pages.append(PAGE_GREEN)
        return [*pages, PAGE_PAYEE, PAGE_SUMMARY]

    def set_step_title(self, page: QWizardPage | None) -> None:
        """ "Members (2/6)": the page's title with its step number."""
        if page is None:
            return
        pid = next((i for i in self._step_titles if self.page(i) is page), None)
        if pid is None:
            return
        path = self.path()
        step = path.index(pid) + 1 if pid in path else len(path)
        page.setTitle(
            self.tr("{title} ({step}/{total})").format(
                title=self._step_titles[pid], step=step, total=len(path)
            )
        )

    def has_unsaved(self) -> bool:
        """Anything typed that finishing would save."""
        if self.result_saved is not None:
            return False
        hp = self.household_page
        return bool(
            self.members_page.has_input()
            or self.income_page.has_input()
            or self.payee_page.has_input()
            or self.programme_page.reason_edit.toPlainText().strip()
            or (hp.is_new() and hp.address_edit.text().strip())
        )

    def mark_modified(self) -> None:
        self.setWindowModified(self.has_unsaved())

    def forget_member(self, index: int) -> None:
        self.income_page.forget_member(index)
        self.payee_page.forget_member(index)

    def reject(self) -> None:
        """Override QDialog::reject (取消, Escape, close): ask before throwing input away."""
        if self._discarding or not self.has_unsaved() or self._saving:
            if not self._saving:
                super().reject()
            return
        self.ask_unsaved(None)

    def ask_unsaved(self, then: Callable[[], object] | None) -> None:
        """Ask 保存 / 不保存 / 取消: 保存 finishes (and runs ``then`` once saved), 不保存 closes
        (and runs ``then``), 取消 keeps the wizard open."""
        self._then = then
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved application"),
            self.tr("The new application has not been saved. Save it now?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("wizardUnsavedBox")
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Save"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Don't save"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_unsaved_box_finished)
        self.unsaved_box = box
        box.open()

    @Slot(int)
    def _on_unsaved_box_finished(self, result: int) -> None:
        self.unsaved_box = None
        then, self._then = self._then, None
        if result == QMessageBox.StandardButton.Save:
            self._after_save = then
            self.accept()  # saves; on a refusal the wizard stays open at the field
        elif result == QMessageBox.StandardButton.Discard:
            self.discard()
            if then is not None:
                then()

    def discard(self) -> None:
        """Close without saving (the clerk chose 不保存)."""
        self._discarding = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget::closeEvent: the title-bar close asks like 取消."""
        if self._discarding or not self.has_unsaved() or self.result_saved is not None:
            super().closeEvent(event)
            return
        event.ignore()
        self.reject()

    @Slot()
    def _on_programme_activated(self) -> None:
        self.programme_touched = True

    # -- data ------------------------------------------------------------------------------
    def load_existing(self, household_id: int) -> None:
        """Load an existing household's members, income and assets (off the GUI thread)."""
        self.household_id = household_id
        db, actor = self.ctx.db, self.ctx.actor

        def loaded(detail: register.HouseholdDetail) -> None:
            if self.household_id == detail.household.id:
                self.existing = detail
                page = self.currentPage()
                if page is not None and page is not self.household_page:
                    page.initializePage()

        QueryOp(
            parent=self, op=lambda: register.get_household(db, actor, household_id), success=loaded
        ).with_progress(self.tr("Loading the household...")).run_in_background()

    def area_type(self) -> str:
        if self.existing is not None:
            return self.existing.household.area_type
        return str(self.household_page.area_combo.currentData())

    def intake(self) -> Intake:
        """The collected input as the service layer expects it."""
        p = self.programme_page
        applicant = p.applicant_combo.currentData()
        fields = p.fields()
        if p.programme() == "temporary_aid":
            fields["green_channel"] = self.green_page.green()
        new = self.household_page.is_new()
        return Intake(
            account=self.payee_page.account(),
            materials=self.payee_page.materials(),
            household_id=None if new else self.household_id,
            new_household=self.household_page.household_input() if new else None,
            new_members=tuple(self.members_page.new_members),
            applicant=applicant if isinstance(applicant, MemberRef) else MemberRef(),
            income=tuple(self.income_page.income),
            assets=tuple(self.income_page.assets),
            programme=p.programme(),
            reason=p.reason_edit.toPlainText().strip(),
            accepted_on=to_date(p.accepted_edit.date()),
            fields=fields,
        )

    def describe(self) -> str:
        """A few lines summarising the input for the summary page."""
        p = self.programme_page
        if self.household_page.is_new():
            hh = self.tr("New household in {village}, {address}").format(
                village=self.household_page.village_combo.currentText(),
                address=self.household_page.address_edit.text().strip() or "-",
            )
        elif self.existing is not None:
            hh = self.tr("Household no. {id} ({village})").format(
                id=self.existing.household.id, village=self.existing.household.village_name
            )
        else:
            hh = self.tr("Household no. {id}").format(id=self.household_id)
        lines = [
            self.tr("Household: {hh}").format(hh=hh),
            self.tr("Members: {n} ({new} new)").format(
                n=len(self.members_page.rows()), new=len(self.members_page.new_members)
            ),
            self.tr("Applicant: {name}").format(name=p.applicant_combo.currentText()),
            self.tr("Programme: {p}").format(p=p.programme_combo.currentText()),
            self.tr("Accepted on: {d}").format(d=to_date(p.accepted_edit.date()).isoformat()),
        ]
        if p.programme() == "temporary_aid" and self.green_page.green():
            lines.append(self.tr("Green channel: aid first, paperwork afterwards"))
        return "\n".join(lines)

    # -- errors ----------------------------------------------------------------------------
    _FIELD_PAGES: ClassVar[dict[str, int]] = {
        "village_id": PAGE_HOUSEHOLD,
        "area_type": PAGE_HOUSEHOLD,
        "phone": PAGE_HOUSEHOLD,
        "address": PAGE_HOUSEHOLD,
        "name": PAGE_MEMBERS,
        "id_number": PAGE_MEMBERS,
        "relation": PAGE_MEMBERS,
        "health": PAGE_MEMBERS,
        "disability_category": PAGE_MEMBERS,
        "disability_level": PAGE_MEMBERS,
        "exclusion_reason": PAGE_MEMBERS,
        "staff_relation_note": PAGE_MEMBERS,
        "monthly_fen": PAGE_INCOME,
        "category": PAGE_INCOME,
        "person_id": PAGE_INCOME,
        "value_fen": PAGE_INCOME,
        "kind": PAGE_INCOME,
        "programme": PAGE_PROGRAMME,
        "applicant_id": PAGE_PROGRAMME,
        "reason": PAGE_PROGRAMME,
        "accepted_on": PAGE_PROGRAMME,
        "aid_type": PAGE_PROGRAMME,
        "aid_months": PAGE_PROGRAMME,
        "aid_persons": PAGE_PROGRAMME,
        "aid_cause": PAGE_PROGRAMME,
        "self_care": PAGE_PROGRAMME,
        "single_person": PAGE_PROGRAMME,
        "green_channel": PAGE_GREEN,
    }

    def route_error(self, error: ReliefError, *, jump: bool = True) -> int:
        """Show ``error`` on the page (and next to the field) it concerns; returns the page
        id. ``jump`` goes back to that page, keeping everything typed."""
        if "member_index" in error.params:
            target = PAGE_MEMBERS
        elif (error.code or "").startswith("account.") or error.field in (
            "number",
            "payee_person_id",
            "bank_name",
            "holder_name",
        ):
            target = PAGE_PAYEE
        else:
            target = self._FIELD_PAGES.get(error.field or "", PAGE_PROGRAMME)
        page = self.page(target)
        if target == PAGE_MEMBERS and "member_index" in error.params:
            self.members_page.show_member_error(error)
        else:
            errors = getattr(page, "errors", None)
            if errors is not None:
                shown = errors.show_error(error)
                if not shown and errors.general is None:
                    self.summary_page.show_error(error)
        if jump:
            self.go_to(target)
        return target

    def go_to(self, page_id: int) -> None:
        """Go back through the visited pages to ``page_id`` (input is kept)."""
        while (
            self.currentId() != page_id
            and page_id in self.visitedIds()
            and self.currentId() != self.startId()
        ):
            self.back()

    # -- finish ----------------------------------------------------------------------------
    def accept(self) -> None:
        """Save in the background; close only when the services accepted everything."""
        if self._saving:
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        data = self.intake()
        db, actor = self.ctx.db, self.ctx.actor
        MutationOp(
            parent=self, op=lambda: submit_intake(db, actor, data), success=self._on_saved
        ).failure(self._on_save_failed).always(self._on_save_done).with_progress(
            self.tr("Saving the application...")
        ).run_in_background()

    def is_saving(self) -> bool:
        return self._saving

    def _on_save_done(self) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def _on_saved(self, saved: Saved) -> None:
        self.result_saved = saved
        self.setWindowModified(False)
        self.saved.emit(saved)
        super().accept()
        then, self._after_save = self._after_save, None
        if then is not None:
            then()

    def _on_save_failed(self, error: ReliefError) -> None:
        self._after_save = None  # stay on the page that needs fixing
        self.summary_page.show_error(error)
        self.route_error(error, jump=True)


__all__ = ["NewApplicationWizard"]
