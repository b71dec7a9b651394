"""新申请 wizard: household → members → income and assets → programme and reason → 先行救助 →
summary with the proposed amount and its working → finish (one transaction, see
:mod:`.intake`). A refused rule shows its message next to the field it concerns and the
wizard keeps everything typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reliefdesk.domain.benefits import care_tier
from reliefdesk.domain.money import fen_to_yuan, to_capital
from reliefdesk.errors import ReliefError
from reliefdesk.services import register
from reliefdesk.services.assessment import Assessment
from reliefdesk.services.casework import SELF_CARE_ITEMS
from reliefdesk.ui import forms
from reliefdesk.ui.applications import labels as L
from reliefdesk.services.intake import (
    Intake,
    MemberRef,
    Saved,
    preview_intake,
    submit_intake,
)
from reliefdesk.ui.applications.widgets import code_combo, date_edit, hint_label, to_date
from reliefdesk.ui.applications.wizard_pages import (
    HouseholdPage,
    IncomePage,
    MembersPage,
    fill_row,
    table,
)
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import QueryOp

PAGE_HOUSEHOLD, PAGE_MEMBERS, PAGE_INCOME, PAGE_PROGRAMME, PAGE_GREEN, PAGE_SUMMARY = range(6)


class ProgrammePage(QWizardPage):
    """Programme, applicant, reason and acceptance date, plus the programme's own fields:
    单人保 (dibao), 分散/集中供养 and the six self-care items (tekun; the derived tier is
    shown), 急难/支出型, months and persons (temporary aid)."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardProgrammePage")
        self.w = wizard
        self.setTitle(self.tr("Programme and reason"))
        self.programme_combo = code_combo("programmeCombo", L.programme_labels(), "rural_dibao")
        self.programme_combo.currentIndexChanged.connect(self._on_programme_changed)
        self.applicant_combo = QComboBox()
        self.applicant_combo.setObjectName("applicantCombo")
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why the household needs assistance"))
        self.reason_edit.setFixedHeight(70)
        self.accepted_edit = date_edit("acceptedOnEdit", maximum=date.today())
        self.single_check = QCheckBox(self.tr("Individual application (single-person dibao)"))
        self.single_check.setObjectName("singlePersonCheck")

        self.care_mode_combo = code_combo("careModeCombo", L.care_mode_labels(), "dispersed")
        self.self_care_checks: dict[str, QCheckBox] = {}
        self.tier_label = QLabel()
        self.tier_label.setObjectName("careTierLabel")
        self.tier_label.setProperty("role", "sectionTitle")
        self.tekun_box = QGroupBox(self.tr("Tekun: support mode and self-care assessment"))
        self.tekun_box.setObjectName("tekunBox")
        tk = QGridLayout(self.tekun_box)
        tk.addWidget(QLabel(self.tr("Support mode:")), 0, 0)
        tk.addWidget(self.care_mode_combo, 0, 1)
        for i, (code, text) in enumerate(L.self_care_labels().items()):
            check = QCheckBox(text)
            check.setObjectName(f"selfCare_{code}_Check")
            check.setChecked(True)
            check.toggled.connect(self._update_tier)
            self.self_care_checks[code] = check
            tk.addWidget(check, 1 + i // 3, i % 3)
        tk.addWidget(self.tier_label, 3, 0, 1, 3)

        self.aid_type_combo = code_combo("aidTypeCombo", L.aid_type_labels(), "emergency")
        self.aid_months = QSpinBox()
        self.aid_months.setObjectName("aidMonthsSpin")
        self.aid_months.setRange(1, 12)
        self.aid_persons = QSpinBox()
        self.aid_persons.setObjectName("aidPersonsSpin")
        self.aid_persons.setRange(1, 20)
        # 致困原因: the same cause twice within 12 months is flagged on the case
        self.aid_cause_combo = code_combo("aidCauseCombo", L.aid_cause_labels(), "fire")
        self.aid_box = QGroupBox(self.tr("Temporary aid"))
        self.aid_box.setObjectName("aidBox")

        self.errors = forms.FormErrors(
            {"programme": self.programme_combo, "applicant_id": self.applicant_combo,
             "reason": self.reason_edit, "accepted_on": self.accepted_edit,
             "aid_type": self.aid_type_combo, "aid_months": self.aid_months,
             "aid_persons": self.aid_persons, "aid_cause": self.aid_cause_combo,
             "self_care": self.care_mode_combo,
             "single_person": self.single_check},
            general=forms.make_error_label("programmeGeneralError", word_wrap=True))
        ak = QFormLayout(self.aid_box)
        ak.addRow(self.tr("Type:"), self.errors.row("aid_type"))
        ak.addRow(self.tr("Cause:"), self.errors.row("aid_cause"))
        ak.addRow(self.tr("Months:"), self.errors.row("aid_months"))
        ak.addRow(self.tr("Persons:"), self.errors.row("aid_persons"))

        form = QFormLayout()
        form.addRow(self.tr("Programme:"), self.errors.row("programme"))
        form.addRow(self.tr("Applicant:"), self.errors.row("applicant_id"))
        form.addRow(self.tr("Reason:"), self.errors.row("reason"))
        form.addRow(self.tr("Accepted on:"), self.errors.row("accepted_on"))
        form.addRow("", self.errors.row("single_person"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tekun_box)
        layout.addWidget(self.aid_box)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        self._on_programme_changed()
        self._update_tier()

    def initializePage(self) -> None:
        current = self.applicant_combo.currentData()
        self.applicant_combo.clear()
        rows = self.w.members_page.rows()
        for r in rows:
            self.applicant_combo.addItem(r.name, r.ref)
        index = self.applicant_combo.findData(current) if current is not None else -1
        self.applicant_combo.setCurrentIndex(max(index, 0))
        self.aid_persons.setValue(max(1, len(rows)))
        if not self.w.programme_touched:
            area = self.w.area_type()
            self.programme_combo.setCurrentIndex(self.programme_combo.findData(
                "urban_dibao" if area == "urban" else "rural_dibao"))

    def programme(self) -> str:
        return str(self.programme_combo.currentData())

    @Slot()
    def _on_programme_changed(self) -> None:
        p = self.programme()
        self.tekun_box.setVisible(p == "tekun")
        self.aid_box.setVisible(p == "temporary_aid")
        self.single_check.setVisible(p in ("urban_dibao", "rural_dibao"))

    def self_care(self) -> dict[str, bool]:
        return {k: self.self_care_checks[k].isChecked() for k in SELF_CARE_ITEMS}

    @Slot()
    def _update_tier(self) -> None:
        tier = care_tier(**self.self_care()).value
        self.tier_label.setText(self.tr("Derived care tier: {tier}").format(
            tier=L.label(L.care_tier_labels(), tier)))

    def fields(self) -> dict[str, Any]:
        p = self.programme()
        if p in ("urban_dibao", "rural_dibao"):
            return {"single_person": self.single_check.isChecked()}
        if p == "tekun":
            return {"care_mode": self.care_mode_combo.currentData(),
                    "self_care": self.self_care()}
        return {"aid_type": self.aid_type_combo.currentData(),
                "aid_cause": self.aid_cause_combo.currentData(),
                "aid_months": self.aid_months.value(), "aid_persons": self.aid_persons.value()}

    def validatePage(self) -> bool:
        if self.applicant_combo.currentData() is None:
            self.errors.set_field_error("applicant_id", self.tr("Please choose the applicant."))
            return False
        return True

    def nextId(self) -> int:
        if self.programme() == "temporary_aid" and self.aid_type_combo.currentData() == \
                "emergency":
            return PAGE_GREEN
        return PAGE_SUMMARY


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
        layout.addWidget(hint_label(self.tr(
            "For emergency hardship the township may skip the information check, democratic "
            "review and publicity and give a small amount at once. Afterwards the file must "
            "record the person, the reason and the amount, and the signatures and seals are "
            "completed within the policy's time limit.")))
        layout.addWidget(self.errors.row("green_channel"))
        layout.addStretch(1)

    def green(self) -> bool:
        return self.green_check.isChecked() and self.w.programme_page.nextId() == PAGE_GREEN


class SummaryPage(QWizardPage):
    """What will be saved, with the proposed amount and its working from the assessment."""

    def __init__(self, wizard: NewApplicationWizard) -> None:
        super().__init__()
        self.setObjectName("wizardSummaryPage")
        self.w = wizard
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check the details. Finish saves the household, the members, "
                                 "the income and the application together."))
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
        QueryOp(parent=self, op=lambda: preview_intake(db, actor, data),
                success=self._show).failure(self._failed).always(
            self._done).run_in_background()

    def is_busy(self) -> bool:
        return self._previewing

    def _done(self) -> None:
        self._previewing = False
        self.completeChanged.emit()

    def _show(self, result: Assessment) -> None:
        self.assessment = result
        self.amount_label.setText(self.tr("Proposed amount: {yuan} yuan ({capital})").format(
            yuan=fen_to_yuan(result.amount_fen), capital=to_capital(result.amount_fen)))
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


class NewApplicationWizard(QWizard):
    """The 新申请 wizard.

    Signals:
        saved(Saved): the household (if new), members, income and application were created.
    """

    saved = Signal(object)

    def __init__(self, ctx: AppContext, household_id: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newApplicationWizard")
        self.setWindowTitle(self.tr("New application"))
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
        for pid, page in ((PAGE_HOUSEHOLD, self.household_page),
                          (PAGE_MEMBERS, self.members_page), (PAGE_INCOME, self.income_page),
                          (PAGE_PROGRAMME, self.programme_page), (PAGE_GREEN, self.green_page),
                          (PAGE_SUMMARY, self.summary_page)):
            self.setPage(pid, page)
        self.programme_page.programme_combo.activated.connect(self._on_programme_activated)
        for which, name in ((QWizard.WizardButton.NextButton, "wizardNextButton"),
                            (QWizard.WizardButton.BackButton, "wizardBackButton"),
                            (QWizard.WizardButton.FinishButton, "wizardFinishButton"),
                            (QWizard.WizardButton.CancelButton, "wizardCancelButton")):
            self.button(which).setObjectName(name)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        if household_id:
            self.household_page.preselect_household(household_id)
            self.load_existing(household_id)

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

        QueryOp(parent=self, op=lambda: register.get_household(db, actor, household_id),
                success=loaded).with_progress(self.tr("Loading the household...")
                                              ).run_in_background()

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
            household_id=None if new else self.household_id,
            new_household=self.household_page.household_input() if new else None,
            new_members=tuple(self.members_page.new_members),
            applicant=applicant if isinstance(applicant, MemberRef) else MemberRef(),
            income=tuple(self.income_page.income), assets=tuple(self.income_page.assets),
            programme=p.programme(), reason=p.reason_edit.toPlainText().strip(),
            accepted_on=to_date(p.accepted_edit.date()), fields=fields)

    def describe(self) -> str:
        """A few lines summarising the input for the summary page."""
        p = self.programme_page
        if self.household_page.is_new():
            hh = self.tr("New household in {village}, {address}").format(
                village=self.household_page.village_combo.currentText(),
                address=self.household_page.address_edit.text().strip() or "-")
        elif self.existing is not None:
            hh = self.tr("Household no. {id} ({village})").format(
                id=self.existing.household.id, village=self.existing.household.village_name)
        else:
            hh = self.tr("Household no. {id}").format(id=self.household_id)
        lines = [
            self.tr("Household: {hh}").format(hh=hh),
            self.tr("Members: {n} ({new} new)").format(n=len(self.members_page.rows()),
                                                       new=len(self.members_page.new_members)),
            self.tr("Applicant: {name}").format(name=p.applicant_combo.currentText()),
            self.tr("Programme: {p}").format(p=p.programme_combo.currentText()),
            self.tr("Accepted on: {d}").format(d=to_date(p.accepted_edit.date()).isoformat()),
        ]
        if p.programme() == "temporary_aid" and self.green_page.green():
            lines.append(self.tr("Green channel: aid first, paperwork afterwards"))
        return "\n".join(lines)

    # -- errors ----------------------------------------------------------------------------
    _FIELD_PAGES = {
        "village_id": PAGE_HOUSEHOLD, "area_type": PAGE_HOUSEHOLD, "phone": PAGE_HOUSEHOLD,
        "address": PAGE_HOUSEHOLD, "name": PAGE_MEMBERS, "id_number": PAGE_MEMBERS,
        "relation": PAGE_MEMBERS, "health": PAGE_MEMBERS, "disability_category": PAGE_MEMBERS,
        "disability_level": PAGE_MEMBERS, "exclusion_reason": PAGE_MEMBERS,
        "staff_relation_note": PAGE_MEMBERS, "monthly_fen": PAGE_INCOME,
        "category": PAGE_INCOME, "person_id": PAGE_INCOME, "value_fen": PAGE_INCOME,
        "kind": PAGE_INCOME, "programme": PAGE_PROGRAMME, "applicant_id": PAGE_PROGRAMME,
        "reason": PAGE_PROGRAMME, "accepted_on": PAGE_PROGRAMME, "aid_type": PAGE_PROGRAMME,
        "aid_months": PAGE_PROGRAMME, "aid_persons": PAGE_PROGRAMME, "aid_cause": PAGE_PROGRAMME,
        "self_care": PAGE_PROGRAMME, "single_person": PAGE_PROGRAMME,
        "green_channel": PAGE_GREEN,
    }

    def route_error(self, error: ReliefError, *, jump: bool = True) -> int:
        """Show ``error`` on the page (and next to the field) it concerns; returns the page
        id. ``jump`` goes back to that page, keeping everything typed."""
        if "member_index" in error.params:
            target = PAGE_MEMBERS
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
        while self.currentId() != page_id and page_id in self.visitedIds() and \
                self.currentId() != self.startId():
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
        QueryOp(parent=self, op=lambda: submit_intake(db, actor, data),
                success=self._on_saved).failure(self._on_save_failed).always(
            self._on_save_done).with_progress(self.tr("Saving the application...")
                                              ).run_in_background()

    def is_saving(self) -> bool:
        return self._saving

    def _on_save_done(self) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def _on_saved(self, saved: Saved) -> None:
        self.result_saved = saved
        self.ctx.announce("households", "applications")
        self.saved.emit(saved)
        super().accept()

    def _on_save_failed(self, error: ReliefError) -> None:
        self.summary_page.show_error(error)
        self.route_error(error, jump=True)


__all__ = ["NewApplicationWizard"]
