"""The case page of one application: facts, proposed amount and its working (with 大写), the
timeline of steps (who, when, role, decision, opinion) and buttons for exactly the actions the
service allows this user now (``ApplicationView.allowed_actions``), and the print actions:
打印审批表 (Ctrl+P), the decision letter once decided, and the 公示 notice of its batch.
Recorded decisions (一事一议, county approval, county visit, 先行纳入) are listed with what is
still missing before confirmation; a confirmed tekun case opens its termination procedure, and
the 告知书 of the latest 减发/停发/终止 prints from here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.domain.money import fen_to_yuan, to_capital
from reliefdesk.services import casework
from reliefdesk.services.casework import ApplicationView, StepView
from reliefdesk.services.printing import notices as printing_notices
from reliefdesk.ui import printing
from reliefdesk.ui.applications import print_actions
from reliefdesk.ui.applications.action_dialog import ActionDialog
from reliefdesk.ui.applications.confirm_dialog import ConfirmDialog
from reliefdesk.ui.applications.record_dialog import RECORD_ACTIONS, RecordDialog
from reliefdesk.ui.applications.selfcare_dialog import SelfCareChangeDialog
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.table_model import Column, RecordTableModel, fmt_date
from reliefdesk.ui.tables import make_table
from reliefdesk.ui.widgets.inputs import section_label
from reliefdesk.ui.widgets.termination_dialog import TerminationDialog


class ApplicationDetail(QWidget):
    """Shows one application; ``load(id)`` fetches it off the GUI thread.

    Signals:
        loaded(ApplicationView): the view was (re)loaded.
        publicityRequested(int): the user chose 开始公示 (the page opens the batch dialog).
        closeRequested: back to the list.
    """

    loaded = Signal(object)
    publicityRequested = Signal(int)
    closeRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationDetail")
        self.ctx = ctx
        self.view: ApplicationView | None = None
        self.dialog: ActionDialog | None = None
        self._loading = False

        self.back_button = QPushButton(self.tr("< Back to list"))
        self.back_button.setObjectName("applicationBackButton")
        self.back_button.clicked.connect(self.closeRequested)
        self.title_label = QLabel()
        self.title_label.setObjectName("applicationTitleLabel")
        self.title_label.setProperty("role", "pageTitle")
        self.state_label = QLabel()
        self.state_label.setObjectName("applicationStateLabel")
        self.state_label.setProperty("role", "sectionTitle")
        self.household_button = QPushButton(self.tr("Household"))
        self.household_button.setObjectName("applicationHouseholdButton")
        self.household_button.clicked.connect(self._on_household_button_clicked)
        self.visit_button = QPushButton(self.tr("New home visit"))
        self.visit_button.setObjectName("applicationVisitButton")
        self.visit_button.clicked.connect(self._on_visit_button_clicked)

        self.facts = {
            name: QLabel()
            for name in (
                "programme",
                "accepted",
                "due",
                "reason",
                "publicity",
                "objection",
                "decision",
                "details",
                "info_check",
                "enrollment",
                "records",
            )
        }
        for name, label in self.facts.items():
            label.setObjectName(f"fact_{name}_Label")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.amount_label = QLabel()
        self.amount_label.setObjectName("applicationAmountLabel")
        self.amount_label.setProperty("role", "sectionTitle")
        self.capital_label = QLabel()
        self.capital_label.setObjectName("applicationCapitalLabel")
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("applicationWarningsLabel")
        self.warnings_label.setProperty("role", "error")
        self.warnings_label.setWordWrap(True)

        self.working_model = RecordTableModel(
            [
                Column(self.tr("Item"), lambda r: r[0]),
                Column(self.tr("Value"), lambda r: r[1]),
            ],
            self,
        )
        self.working_view = make_table("applicationWorkingView", self.working_model)
        self.working_view.setColumnWidth(0, 180)
        actions, roles = lbl.action_labels(), lbl.role_labels()
        decisions, states = lbl.decision_labels(), lbl.state_labels()
        self.steps_model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda s: fmt_date(s.on_date)),
                Column(self.tr("Step"), lambda s: lbl.label(actions, s.action)),
                Column(self.tr("By"), lambda s: s.username),
                Column(self.tr("Role"), lambda s: lbl.label(roles, s.role)),
                Column(self.tr("Result"), lambda s: lbl.label(states, s.to_state)),
                Column(self.tr("Decision"), lambda s: self._decision_text(s, decisions)),
                Column(
                    self.tr("Opinion"),
                    lambda s: s.opinion.replace("\n", " "),
                    tooltip=lambda s: s.opinion,
                ),
                Column(self.tr("Recorded at"), lambda s: s.at.strftime("%Y-%m-%d %H:%M")),
            ],
            self,
        )
        self.steps_view = make_table("applicationStepsView", self.steps_model)
        for col, width in enumerate((96, 120, 80, 70, 100, 110, 220)):
            self.steps_view.setColumnWidth(col, width)

        self.actions_box = QFrame()
        self.actions_box.setObjectName("applicationActionsBox")
        self.actions_layout = QHBoxLayout(self.actions_box)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.action_buttons: dict[str, QPushButton] = {}
        self.no_actions_label = QLabel(self.tr("Nothing for your role to do on this case now."))
        self.no_actions_label.setObjectName("applicationNoActionsLabel")
        self.no_actions_label.setProperty("role", "hint")
        self.print_form_button = QPushButton(self.tr("Print form"))
        self.print_form_button.setObjectName("applicationPrintFormButton")
        self.print_form_button.clicked.connect(self.print_form)
        self.print_decision_button = QPushButton(self.tr("Print decision letter"))
        self.print_decision_button.setObjectName("applicationPrintDecisionButton")
        self.print_decision_button.clicked.connect(self.print_decision)
        self.termination_button = QPushButton(self.tr("Termination..."))
        self.termination_button.setObjectName("applicationTerminationButton")
        self.termination_button.setToolTip(
            self.tr("Propose, publish and decide the termination of this tekun support")
        )
        self.termination_button.clicked.connect(self.open_termination)
        self.termination_dialog: TerminationDialog | None = None
        self.self_care_button = QPushButton(self.tr("Self-care change..."))
        self.self_care_button.setObjectName("applicationSelfCareButton")
        self.self_care_button.setToolTip(
            self.tr("Report a change in self-care; the county re-assesses within 10 working days")
        )
        self.self_care_button.clicked.connect(self.open_self_care)
        self.self_care_dialog: SelfCareChangeDialog | None = None
        self.print_change_button = QPushButton(self.tr("Print change notice"))
        self.print_change_button.setObjectName("applicationPrintChangeButton")
        self.print_change_button.setToolTip(
            self.tr("The written notice of the latest reduction, suspension or termination")
        )
        self.print_change_button.clicked.connect(self.print_change_notice)
        self.print_notice_button = QPushButton(self.tr("Print notice"))
        self.print_notice_button.setObjectName("applicationPrintNoticeButton")
        self.print_notice_button.clicked.connect(self.print_notice)
        for button in self._print_buttons():
            button.setEnabled(False)
        # Ctrl+P: the 审批表 (only while this page is shown; the preview has its own Ctrl+P)
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self)
        self.print_shortcut.activated.connect(self.print_form)

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addSpacing(10)
        head.addWidget(self.title_label)
        head.addSpacing(10)
        head.addWidget(self.state_label)
        head.addStretch(1)
        head.addWidget(self.self_care_button)
        head.addWidget(self.termination_button)
        head.addWidget(self.visit_button)
        head.addWidget(self.household_button)

        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for name, text in (
            ("programme", self.tr("Programme:")),
            ("details", self.tr("Details:")),
            ("accepted", self.tr("Accepted:")),
            ("due", self.tr("Deadline:")),
            ("reason", self.tr("Reason:")),
            ("info_check", self.tr("Information check:")),
            ("publicity", self.tr("Publicity:")),
            ("objection", self.tr("Objection:")),
            ("decision", self.tr("Decision:")),
            ("enrollment", self.tr("Enrollment:")),
            ("records", self.tr("Records:")),
        ):
            facts.addRow(text, self.facts[name])
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(section_label(self.tr("Facts")))
        ll.addLayout(facts)
        ll.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(section_label(self.tr("Proposed amount and working")))
        rl.addWidget(self.amount_label)
        rl.addWidget(self.capital_label)
        rl.addWidget(self.working_view, 1)
        rl.addWidget(self.warnings_label)
        top = QGridLayout()
        top.addWidget(left, 0, 0)
        top.addWidget(right, 0, 1)
        top.setColumnStretch(0, 1)
        top.setColumnStretch(1, 1)
        top_box = QWidget()
        top_box.setLayout(top)
        steps_box = QWidget()
        sl = QVBoxLayout(steps_box)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(section_label(self.tr("Timeline")))
        sl.addWidget(self.steps_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top_box)
        split.addWidget(steps_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        actions_row = QHBoxLayout()
        actions_row.addWidget(section_label(self.tr("Actions:")))
        actions_row.addWidget(self.actions_box)
        actions_row.addWidget(self.no_actions_label)
        actions_row.addStretch(1)
        actions_row.addWidget(section_label(self.tr("Print:")))
        for button in self._print_buttons():
            actions_row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        layout.addLayout(actions_row)

    # -- loading ---------------------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._loading

    def load(self, application_id: int) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._loading = True
        if self.view is None or self.view.id != application_id:
            for button in self._print_buttons():  # never print the previous case by mistake
                button.setEnabled(False)

        def done() -> None:
            self._loading = False

        QueryOp(
            parent=self,
            op=lambda: casework.get_application(db, actor, application_id),
            success=self.show_view,
        ).always(done).with_progress(self.tr("Loading the application...")).run_in_background()

    def reload(self) -> None:
        if self.view is not None:
            self.load(self.view.id)

    def show_view(self, view: ApplicationView) -> None:
        self.view = view
        programmes, states = lbl.programme_labels(), lbl.state_labels()
        self.title_label.setText(f"{view.file_no}  {view.applicant_name}")
        self.state_label.setText(lbl.label(states, view.state))
        f = self.facts
        f["programme"].setText(lbl.label(programmes, view.programme))
        f["details"].setText(self._details(view))
        f["accepted"].setText(
            self.tr("{d} (in this step since {s})").format(
                d=view.accepted_on.isoformat(), s=view.state_since.isoformat()
            )
        )
        due = fmt_date(view.due_on) or self.tr("none")
        if view.green_due is not None:
            due += self.tr(" (green channel: steps due by {d})").format(
                d=view.green_due.isoformat()
            )
        f["due"].setText(due + (" ⚠" if view.deadline_warning else ""))
        f["due"].setToolTip(view.deadline_warning or "")
        f["records"].setText(
            "\n".join(self._record_text(r) for r in view.records) or self.tr("none")
        )
        f["reason"].setText(view.reason or "-")
        if view.info_check_requested_on:
            f["info_check"].setText(
                self.tr("requested {d}; result: {r}").format(
                    d=view.info_check_requested_on.isoformat(),
                    r=view.info_check_result or self.tr("pending"),
                )
            )
        else:
            f["info_check"].setText(self.tr("not requested"))
        if view.publicity_start:
            f["publicity"].setText(
                self.tr("{a} to {b}").format(
                    a=view.publicity_start.isoformat(), b=fmt_date(view.publicity_end)
                )
            )
        else:
            f["publicity"].setText(self.tr("not started"))
        f["objection"].setText(view.objection or self.tr("none"))
        if view.decision:
            f["decision"].setText(
                self.tr("{d} on {on}").format(
                    d=lbl.label(lbl.decision_labels(), view.decision), on=fmt_date(view.decided_on)
                )
                + (f"\n{view.decision_reasons}" if view.decision_reasons else "")
            )
        else:
            f["decision"].setText(self.tr("not decided"))
        f["enrollment"].setText(
            self.tr("no. {id}").format(id=view.enrollment_id) if view.enrollment_id else "-"
        )
        if view.proposed_fen is not None:
            self.amount_label.setText(
                self.tr("{yuan} yuan").format(yuan=fen_to_yuan(view.proposed_fen))
            )
            self.capital_label.setText(
                self.tr("In words: {capital}").format(capital=to_capital(view.proposed_fen))
            )
        else:
            self.amount_label.setText(self.tr("Not yet assessed (set at the preliminary review)"))
            self.capital_label.setText("")
        self.working_model.set_rows(list(view.working_lines))
        self.warnings_label.setText(
            "\n".join(
                (
                    *view.blockers,
                    *view.warnings,
                    *((view.deadline_warning,) if view.deadline_warning else ()),
                )
            )
        )
        supported = (
            view.programme == "tekun"
            and view.decision == "approved"
            and view.enrollment_status not in (None, "terminated")
        )
        self.termination_button.setVisible(supported and self.ctx.actor.can("enrollment.change"))
        self.self_care_button.setVisible(supported and self.ctx.actor.can("case.investigate"))
        self.steps_model.set_rows(list(view.steps))
        self._build_actions(view)
        self._update_print_buttons(view)
        self.visit_button.setVisible(
            view.state == "investigating" and self.ctx.actor.can("case.investigate")
        )
        self.loaded.emit(view)

    def _record_text(self, r: casework.RecordView) -> str:
        kinds = {
            "county_approval": self.tr("County approval"),
            "case_by_case": self.tr("Case-by-case decision"),
            "county_visit": self.tr("County home visit"),
            "green_channel": self.tr("Green channel authorised"),
            "self_care_report": self.tr("Self-care change reported"),
            "self_care_reassessed": self.tr("Self-care re-assessed"),
        }
        parts = [r.on_date.isoformat(), kinds.get(r.kind, r.kind)]
        parts += [x for x in (r.body, r.participants, r.reference) if x]
        if r.amount_fen is not None:
            parts.append(self.tr("{yuan} yuan").format(yuan=fen_to_yuan(r.amount_fen)))
        if r.due_on is not None:
            parts.append(self.tr("due {d}").format(d=r.due_on.isoformat()))
        return " · ".join(parts)

    def _details(self, view: ApplicationView) -> str:
        parts: list[str] = []
        if view.single_person:
            parts.append(self.tr("individual application"))
        if view.care_mode:
            parts.append(lbl.label(lbl.care_mode_labels(), view.care_mode))
        if view.care_tier:
            parts.append(lbl.label(lbl.care_tier_labels(), view.care_tier))
        if view.aid_type:
            parts.append(
                self.tr("{type}, {m} month(s), {p} person(s)").format(
                    type=lbl.label(lbl.aid_type_labels(), view.aid_type),
                    m=view.aid_months or 1,
                    p=view.aid_persons or 1,
                )
            )
        if view.aid_cause:
            parts.append(lbl.label(lbl.aid_cause_labels(), view.aid_cause))
        if view.green_channel:
            parts.append(self.tr("green channel"))
        return self.tr(", ").join(parts) or "-"

    def _decision_text(self, step: StepView, decisions: dict[str, str]) -> str:
        d = step.decision
        if not d:
            return ""
        if step.action == "submit_prelim" and d.isdigit():
            return self.tr("{yuan} yuan").format(yuan=fen_to_yuan(int(d)))
        if d.startswith("visit:"):
            return self.tr("visit no. {n}").format(n=d.split(":", 1)[1])
        if step.action == "self_care":
            return lbl.label(lbl.care_tier_labels(), d)
        return lbl.label(decisions, d)

    def _build_actions(self, view: ApplicationView) -> None:
        for button in self.action_buttons.values():
            self.actions_layout.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        labels = lbl.action_labels()
        for action in view.allowed_actions:
            button = QPushButton(lbl.label(labels, action))
            button.setObjectName(f"action_{action}_Button")
            if action in ("confirm", "submit_prelim", "start_publicity"):
                button.setProperty("role", "primary")
            button.clicked.connect(lambda _c=False, a=action: self.run_action(a))
            self.actions_layout.addWidget(button)
            self.action_buttons[action] = button
        self.no_actions_label.setVisible(not view.allowed_actions)

    # -- printing --------------------------------------------------------------------------
    def _print_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.print_form_button,
            self.print_decision_button,
            self.print_notice_button,
            self.print_change_button,
        )

    def _update_print_buttons(self, view: ApplicationView) -> None:
        allowed = self.ctx.actor.can("print")
        print_actions.gate(
            self.print_form_button,
            allowed,
            True,
            self.tr("The application and approval form of this case (Ctrl+P)"),
            "",
        )
        if view.decision == "approved":
            self.print_decision_button.setText(self.tr("Print approval notice"))
        elif view.decision == "refused":
            self.print_decision_button.setText(self.tr("Print refusal notice"))
        else:
            self.print_decision_button.setText(self.tr("Print decision letter"))
        print_actions.gate(
            self.print_decision_button,
            allowed,
            print_actions.can_print_decision(view),
            self.tr("The letter telling the applicant the decision"),
            self.tr("Available once the application has been approved or refused."),
        )
        print_actions.gate(
            self.print_change_button,
            allowed,
            view.notice_change_id is not None,
            self.tr("The written notice of the latest reduction, suspension or termination"),
            self.tr("Available once a reduction, suspension or termination is decided."),
        )
        print_actions.gate(
            self.print_notice_button,
            allowed,
            print_actions.can_print_notice(view),
            self.tr("The publicity notice of the applications posted with this one"),
            self.tr("Available once the publicity of this application has started."),
        )

    @Slot()
    def print_form(self) -> None:
        """打印审批表 (Ctrl+P): the programme's application and approval form."""
        if self.view is not None and self.print_form_button.isEnabled():
            printing.preview_application_form(self.ctx, self, self.view.id)

    @Slot()
    def print_decision(self) -> None:
        """确认通知书 / 不予确认告知书 of a decided application."""
        if self.view is not None and self.print_decision_button.isEnabled():
            printing.preview_decision(self.ctx, self, self.view.id)

    @Slot()
    def print_change_notice(self) -> None:
        """告知书 of the latest 减发/停发/终止 of this case's enrollment."""
        view = self.view
        if (
            view is None
            or view.notice_change_id is None
            or not self.print_change_button.isEnabled()
        ):
            return
        db, actor, change_id = self.ctx.db, self.ctx.actor, view.notice_change_id
        printing.print_document(
            self.ctx, self, lambda: printing_notices.change_notice_pdf(db, actor, change_id)
        )

    @Slot()
    def open_termination(self) -> None:
        """The tekun termination procedure of this case's enrollment."""
        view = self.view
        if view is None or view.enrollment_id is None:
            return
        dialog = TerminationDialog(self.ctx, view.enrollment_id, view.applicant_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda _v: self.reload())
        dialog.destroyed.connect(self._on_termination_destroyed)
        self.termination_dialog = dialog
        dialog.open()

    @Slot()
    def _on_termination_destroyed(self) -> None:
        self.termination_dialog = None

    @Slot()
    def open_self_care(self) -> None:
        """Report a self-care change or record the county's re-assessment."""
        view = self.view
        if view is None:
            return
        dialog = SelfCareChangeDialog(self.ctx, view.id, view.applicant_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _t: self.reload())
        dialog.destroyed.connect(self._on_self_care_destroyed)
        self.self_care_dialog = dialog
        dialog.open()

    @Slot()
    def _on_self_care_destroyed(self) -> None:
        self.self_care_dialog = None

    @Slot()
    def print_notice(self) -> None:
        """The 公示 notice of this application's publicity batch."""
        if self.view is not None and self.print_notice_button.isEnabled():
            print_actions.preview_batch_notice(self.ctx, self, self.view)

    # -- actions ---------------------------------------------------------------------------
    def run_action(self, action: str) -> None:
        """Open the dialog for ``action`` (or the page that does it)."""
        view = self.view
        if view is None:
            return
        if action == "record_visit":
            self.ctx.visitRequested.emit(0, view.id)
            return
        if action == "start_publicity":
            self.publicityRequested.emit(view.id)
            return
        if action == "confirm":
            dialog: ActionDialog = ConfirmDialog(self.ctx, view, self)
        elif action in RECORD_ACTIONS:
            dialog = RecordDialog(self.ctx, view, action, self)
        else:
            dialog = ActionDialog(self.ctx, view, action, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.performed.connect(self.show_view)
        dialog.destroyed.connect(self._on_dialog_destroyed)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def _on_dialog_destroyed(self) -> None:
        self.dialog = None

    @Slot()
    def _on_household_button_clicked(self) -> None:
        if self.view is not None:
            self.ctx.householdRequested.emit(self.view.household_id)

    @Slot()
    def _on_visit_button_clicked(self) -> None:
        if self.view is not None:
            self.ctx.visitRequested.emit(0, self.view.id)
