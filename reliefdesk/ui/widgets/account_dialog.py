"""收款账户 dialog: the household's payee (领取人) and bank account, and the 代管 agreement.

Opened from the household page (收款账户 tab) and from a roster problem (double-click). It
reads what it needs itself (members, accounts masked, the entrustment) so any page can open
it with a household id. The number is checked as the roster checks it while typing
(``domain.accounts.check_account``); saving goes through ``register.accounts.set_account``
(payee, account from a month, 代管 in one transaction). The accounts list is masked; 显示完整
号码 reveals the selected one on request (audited). 停用 stops the selected account after a
month, with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.domain.accounts import check_account
from reliefdesk.domain.months import add_months, month_start
from reliefdesk.errors import ReliefError
from reliefdesk.services import register
from reliefdesk.services.register import accounts as acc
from reliefdesk.services.register.types import AccountResult, AccountView, PersonView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.labels import register as labels
from reliefdesk.ui.ops import MutationOp, QueryOp, show_error

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AccountData:
    members: tuple[PersonView, ...]
    accounts: tuple[AccountView, ...]
    entrustment: acc.EntrustmentView
    payee_id: int | None


def load_account_data(ctx: AppContext, household_id: int) -> AccountData:
    """Worker-thread read: members and accounts (masked), entrustment, current payee."""
    detail = register.get_household(ctx.db, ctx.actor, household_id)
    ent = acc.get_entrustment(ctx.db, ctx.actor, household_id)
    active = [a for a in detail.accounts if a.active]
    return AccountData(
        detail.members, detail.accounts, ent, active[0].payee_person_id if active else None
    )


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class AccountDialog(QDialog):
    """Signals: ``loaded`` when the data arrived; ``saved(AccountResult)`` after a save;
    ``stopped(AccountView)`` after an account was stopped."""

    loaded = Signal()
    saved = Signal(object)
    stopped = Signal(object)

    def __init__(self, ctx: AppContext, household_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(
            self.tr("Payee and bank account - household {id}").format(id=household_id)
        )
        self.ctx, self.household_id = ctx, household_id
        self.data: AccountData | None = None
        self.result_view: AccountResult | None = None

        self.accounts_table = QTableWidget(0, 5)
        self.accounts_table.setObjectName("accountsList")
        self.accounts_table.setHorizontalHeaderLabels(
            [
                self.tr("Payee"),
                self.tr("Bank"),
                self.tr("Number"),
                self.tr("Months"),
                self.tr("State"),
            ]
        )
        self.accounts_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.accounts_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.accounts_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.accounts_table.verticalHeader().setVisible(False)
        self.accounts_table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((80, 150, 190, 130)):
            self.accounts_table.setColumnWidth(col, width)
        self.accounts_table.setMaximumHeight(130)
        self.reveal_button = QPushButton(self.tr("Show full number"))
        self.reveal_button.setObjectName("accountRevealButton")
        self.reveal_button.setToolTip(
            self.tr("Shows the selected account's full number; this is recorded in the audit log.")
        )
        self.reveal_button.clicked.connect(self._on_reveal_clicked)
        self.stop_reason_edit = QLineEdit()
        self.stop_reason_edit.setObjectName("accountStopReasonEdit")
        self.stop_reason_edit.setPlaceholderText(self.tr("Reason for stopping, e.g. card lost"))
        self.stop_button = QPushButton(self.tr("Stop selected account"))
        self.stop_button.setObjectName("accountStopButton")
        self.stop_button.clicked.connect(self._on_stop_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.reveal_button)
        actions.addWidget(self.stop_reason_edit, 1)
        actions.addWidget(self.stop_button)
        current = QGroupBox(self.tr("Accounts on file"))
        box = QVBoxLayout(current)
        box.addWidget(self.accounts_table)
        box.addLayout(actions)

        self.payee_combo = QComboBox()
        self.payee_combo.setObjectName("accountPayeeCombo")
        self.payee_combo.currentIndexChanged.connect(self._on_payee_changed)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("accountKindCombo")
        for code, text in labels.account_kinds().items():
            self.kind_combo.addItem(text, code)
        self.kind_combo.currentIndexChanged.connect(self._check_number)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("accountNumberEdit")
        self.number_edit.setPlaceholderText(
            self.tr("16-19 digit card or social security card number")
        )
        self.number_edit.textChanged.connect(self._check_number)
        self.number_hint = QLabel()
        self.number_hint.setObjectName("accountNumberHint")
        self.number_hint.setProperty("role", "hint")
        self.bank_edit = QLineEdit()
        self.bank_edit.setObjectName("accountBankEdit")
        self.bank_edit.setPlaceholderText(self.tr("Bank and branch, e.g. 汝州农商银行寄料支行"))
        self.holder_edit = QLineEdit()
        self.holder_edit.setObjectName("accountHolderEdit")
        self.month_edit = QDateEdit(_qdate(month_start(date.today())))
        self.month_edit.setObjectName("accountMonthEdit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setMinimumDate(_qdate(add_months(month_start(date.today()), -12)))
        self.agreement_edit = QLineEdit()
        self.agreement_edit.setObjectName("accountAgreementEdit")
        self.general_error = make_error_label("accountGeneralError", word_wrap=True)
        self.errors = FormErrors(
            {
                "number": self.number_edit,
                "bank_name": self.bank_edit,
                "holder_name": self.holder_edit,
                "payee_person_id": self.payee_combo,
                "agreement_no": self.agreement_edit,
            },
            general=self.general_error,
        )
        form = QFormLayout()
        form.addRow(self.tr("&Payee"), self.errors.row("payee_person_id"))
        form.addRow(self.tr("&Kind"), self.kind_combo)
        form.addRow(self.tr("&Number"), self.errors.row("number"))
        form.addRow("", self.number_hint)
        form.addRow(self.tr("&Bank / branch"), self.errors.row("bank_name"))
        form.addRow(self.tr("&Holder name"), self.errors.row("holder_name"))
        form.addRow(self.tr("Used &from month"), self.month_edit)
        new = QGroupBox(self.tr("New or changed account"))
        new.setLayout(form)

        self.entrusted_check = QCheckBox(self.tr("The card is held by an officer (代管)"))
        self.entrusted_check.setObjectName("accountEntrustedCheck")
        self.agreement_date = QDateEdit(_qdate(date.today()))
        self.agreement_date.setObjectName("accountAgreementDate")
        self.agreement_date.setDisplayFormat("yyyy-MM-dd")
        self.agreement_date.setCalendarPopup(True)
        self.agent_edit = QLineEdit()
        self.agent_edit.setObjectName("accountAgentEdit")
        ent_form = QFormLayout()
        ent_form.addRow(self.entrusted_check)
        ent_form.addRow(self.tr("Agreement no."), self.errors.row("agreement_no"))
        ent_form.addRow(self.tr("Signed on"), self.agreement_date)
        ent_form.addRow(self.tr("Agent"), self.agent_edit)
        self.entrusted_check.toggled.connect(self._on_entrusted_toggled)
        entrust = QGroupBox(self.tr("Entrusted card (written agreement required)"))
        entrust.setLayout(ent_form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("accountSaveButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName(
            "accountCloseButton"
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(new, 3)
        row.addWidget(entrust, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addLayout(row)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self._on_entrusted_toggled(False)
        self._set_writable(False)
        self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, hid = self.ctx, self.household_id
        QueryOp(parent=self, op=lambda: load_account_data(ctx, hid), success=self._show).failure(
            lambda e: show_error(self, e)
        ).run_in_background()

    def _show(self, data: AccountData) -> None:
        self.data = data
        self.payee_combo.blockSignals(True)
        self.payee_combo.clear()
        for m in data.members:
            if m.deceased_on is None:
                relation = labels.label(labels.relations(), m.relation)
                self.payee_combo.addItem(f"{m.name}（{relation}）", m.id)
        idx = self.payee_combo.findData(data.payee_id) if data.payee_id else 0
        self.payee_combo.setCurrentIndex(max(idx, 0))
        self.payee_combo.blockSignals(False)
        self._on_payee_changed()
        self.accounts_table.setRowCount(len(data.accounts))
        for r, a in enumerate(data.accounts):
            months = (
                (f"{a.effective_month:%Y-%m}" if a.effective_month else "")
                + " – "
                + (f"{a.end_month:%Y-%m}" if a.end_month else "")
            )
            state = (
                self.tr("In use")
                if a.active
                else (self.tr("Stopped") + (f"：{a.stop_reason}" if a.stop_reason else ""))
            )
            for c, text in enumerate((a.payee_name, a.bank_name, a.number, months, state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                item.setData(VERSION_ROLE, a.version)  # the version the clerk sees
                self.accounts_table.setItem(r, c, item)
        ent = data.entrustment
        self.entrusted_check.setChecked(ent.entrusted)
        self.agreement_edit.setText(ent.agreement_no)
        if ent.agreement_date:
            self.agreement_date.setDate(_qdate(ent.agreement_date))
        self.agent_edit.setText(ent.agent)
        self._set_writable(self.ctx.actor.can("register.write"))
        self.loaded.emit()

    def _set_writable(self, on: bool) -> None:
        for w in (self.save_button, self.stop_button, self.payee_combo, self.number_edit):
            w.setEnabled(on)
        self.reveal_button.setEnabled(on or self.ctx.actor.can("pii.reveal"))

    # -- live feedback ----------------------------------------------------------------------
    def _on_payee_changed(self) -> None:
        name = self.payee_combo.currentText().split("（")[0]
        if not self.holder_edit.isModified():
            self.holder_edit.setText(name)

    def _check_number(self) -> None:
        text = self.number_edit.text().strip()
        if not text:
            self.number_hint.setText("")
            return
        issues = check_account(text, str(self.kind_combo.currentData()))
        self.number_hint.setText(
            "；".join(i.message for i in issues)
            if issues
            else self.tr("The number passes the roster's checks.")
        )

    def _on_entrusted_toggled(self, on: bool) -> None:
        for w in (self.agreement_edit, self.agreement_date, self.agent_edit):
            w.setEnabled(on)

    # -- actions ----------------------------------------------------------------------------
    def selected_account_id(self) -> int | None:
        rows = self.accounts_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.accounts_table.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def selected_account_version(self) -> int | None:
        """The version of the selected account as shown (a stale one is refused on save)."""
        rows = self.accounts_table.selectionModel().selectedRows()
        item = self.accounts_table.item(rows[0].row(), 0) if rows else None
        return int(item.data(VERSION_ROLE)) if item else None

    def save(self) -> None:
        """Save payee, account and entrustment (one transaction)."""
        self.errors.clear()
        payee = self.payee_combo.currentData()
        if payee is None:
            self.general_error.setText(self.tr("Choose the payee."))
            self.general_error.show()
            return
        ctx, hid = self.ctx, self.household_id
        number, bank = self.number_edit.text(), self.bank_edit.text()
        kind, holder = str(self.kind_combo.currentData()), self.holder_edit.text()
        qd = self.month_edit.date()
        month = date(qd.year(), qd.month(), 1)
        entrusted = self.entrusted_check.isChecked()
        ad = self.agreement_date.date()
        agreement, agent = self.agreement_edit.text(), self.agent_edit.text()
        self.save_button.setEnabled(False)
        MutationOp(
            parent=self,
            op=lambda: acc.set_account(
                ctx.db,
                ctx.actor,
                hid,
                int(payee),
                number,
                bank,
                kind=kind,
                holder_name=holder,
                effective_month=month,
                entrusted=entrusted,
                agreement_no=agreement,
                agreement_date=date(ad.year(), ad.month(), ad.day()) if entrusted else None,
                agent=agent,
            ),
            success=self._on_saved,
        ).failure(self._on_failed).always(
            lambda: self.save_button.setEnabled(True)
        ).run_in_background()

    def _on_saved(self, result: AccountResult) -> None:
        self.result_view = result
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: ReliefError) -> None:
        self.errors.show_error(error)

    def _on_reveal_clicked(self) -> None:
        aid = self.selected_account_id()
        if aid is None:
            return
        ctx, row = self.ctx, self.accounts_table.currentRow()

        def done(number: str) -> None:
            item = self.accounts_table.item(row, 2)
            if item is not None:
                item.setText(number)

        QueryOp(
            parent=self, op=lambda: acc.reveal_account(ctx.db, ctx.actor, aid), success=done
        ).failure(lambda e: show_error(self, e)).run_in_background()

    def _on_stop_clicked(self) -> None:
        aid = self.selected_account_id()
        if aid is None:
            return
        ctx, reason = self.ctx, self.stop_reason_edit.text()
        version = self.selected_account_version()

        def done(view: AccountView) -> None:
            self.stopped.emit(view)
            self.reload()

        MutationOp(
            parent=self,
            op=lambda: acc.stop_account(
                ctx.db, ctx.actor, aid, reason=reason, expected_version=version
            ),
            success=done,
        ).failure(lambda e: show_error(self, e)).run_in_background()
