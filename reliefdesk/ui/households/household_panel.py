"""One household's page: a header (back, title, 新建申请) and tabs for the household's own
fields, members, income and assets, accounts, applications, visits, payments and history.

Everything is read in one worker call (``reads.load_bundle``). Ctrl+S saves the household
fields with the version they were loaded at; a stale save shows the stale-data dialog and keeps
the form. While the form has unsaved edits a refresh does not overwrite it.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError, StaleDataError
from reliefdesk.services import register
from reliefdesk.services.register.types import HouseholdView, PersonView, TownshipView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.households import tabs
from reliefdesk.ui.households.household_form import HouseholdForm
from reliefdesk.ui.households.income_dialog import AssetDialog, IncomeDialog
from reliefdesk.ui.households.person_dialog import PersonDialog
from reliefdesk.ui.households.reads import HouseholdBundle, load_bundle
from reliefdesk.ui.households.rows_model import RowsModel
from reliefdesk.ui.households.stale import show_stale
from reliefdesk.ui.labels import register as labels
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.tables import fit_columns_on_reset, make_table
from reliefdesk.ui.widgets.account_dialog import AccountDialog


def _button(text: str, name: str, primary: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    if primary:
        b.setProperty("role", "primary")
    return b


class HouseholdPanel(QWidget):
    """Signals: backRequested(); loaded(int household_id); saved(HouseholdView)."""

    backRequested = Signal()
    loaded = Signal(int)
    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdPanel")
        self._ctx = ctx
        self.household_id = 0
        self.bundle: HouseholdBundle | None = None
        self.revealed = False
        self._dirty = False
        self._loading_form = False
        self._seq = 0
        self.last_open_ms = 0.0

        self.back_button = _button(self.tr("< Back to list"), "householdBackButton")
        self.back_button.setToolTip(self.tr("Back to the household list (Alt+Left)"))
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.back_button.clicked.connect(self.backRequested)
        self.title = QLabel()
        self.title.setObjectName("householdTitle")
        self.title.setProperty("role", "pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("householdSubtitle")
        self.subtitle.setProperty("role", "hint")
        self.new_application_button = _button(
            self.tr("New application..."), "newApplicationButton", primary=True
        )
        self.new_application_button.clicked.connect(self._on_new_application_clicked)
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.new_application_button)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("householdTabs")
        self._build_info_tab()
        self._build_members_tab()
        self._build_income_tab()
        self._build_accounts_tab()
        self.applications_model = RowsModel(tabs.application_columns(), self, (7,))
        self.applications_table = self._table_tab(
            "applicationsTable", self.applications_model, self.tr("Applications")
        )
        self.applications_table.activated.connect(self._on_applications_table_activated)
        self.visits_model = RowsModel(tabs.visit_columns(), self)
        self.visits_table = self._table_tab(
            "visitsTable", self.visits_model, self.tr("Home visits")
        )
        self.visits_table.activated.connect(self._on_visits_table_activated)
        self.payments_model = RowsModel(tabs.payment_columns(), self, (3, 4))
        self.payments_table = self._table_tab(
            "paymentsTable", self.payments_model, self.tr("Payments")
        )
        self.history_model = RowsModel(tabs.history_columns(), self)
        self.history_table = self._table_tab("historyTable", self.history_model, self.tr("History"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.models = [
            self.members_model,
            self.income_model,
            self.assets_model,
            self.accounts_model,
            self.applications_model,
            self.visits_model,
            self.payments_model,
            self.history_model,
        ]

    # -- building ----------------------------------------------------------------------------
    def _table_tab(
        self, name: str, model: RowsModel, title: str, extra: QWidget | None = None
    ) -> QTableView:
        table = make_table(name)
        table.setModel(model)
        fit_columns_on_reset(table)
        page = QWidget()
        box = QVBoxLayout(page)
        if extra is not None:
            box.addWidget(extra)
        box.addWidget(table)
        self.tabs.addTab(page, title)
        return table

    def _build_info_tab(self) -> None:
        self.form = HouseholdForm("household")
        self.save_button = _button(self.tr("Save (Ctrl+S)"), "householdSaveButton", True)
        self.save_button.clicked.connect(self.save)
        self.form_state = QLabel()
        self.form_state.setObjectName("householdFormState")
        self.form_state.setProperty("role", "hint")
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.form_state, 1)
        row.addWidget(self.save_button)
        box.addLayout(row)
        box.addStretch(1)
        holder = QWidget()
        outer = QHBoxLayout(holder)
        outer.addWidget(page, 3)
        outer.addStretch(2)
        self.tabs.addTab(holder, self.tr("Household"))
        for w in (self.form.address_edit, self.form.phone_edit, self.form.agreement_edit):
            w.textEdited.connect(self._on_form_edited)
        for c in (self.form.village_combo, self.form.area_combo):
            c.currentIndexChanged.connect(self._on_form_edited)
        for ch in (self.form.entrusted_check, self.form.near_dibao_check):
            ch.toggled.connect(self._on_form_edited)
        self.form.agreement_date.dateChanged.connect(self._on_form_edited)

    def _build_members_tab(self) -> None:
        self.members_model = RowsModel(tabs.member_columns(), self)
        self.add_member_button = _button(self.tr("Add member..."), "addMemberButton")
        self.edit_member_button = _button(self.tr("Edit member..."), "editMemberButton")
        self.reveal_ids_button = _button(self.tr("Show full numbers"), "revealIdsButton")
        self.add_member_button.clicked.connect(self._on_add_member_clicked)
        self.edit_member_button.clicked.connect(self._on_edit_member_clicked)
        self.reveal_ids_button.clicked.connect(self.reveal)
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_member_button)
        row.addWidget(self.edit_member_button)
        row.addStretch(1)
        row.addWidget(self.reveal_ids_button)
        self.members_table = self._table_tab(
            "membersTable", self.members_model, self.tr("Members"), bar
        )
        for col, width in enumerate((90, 70, 170, 50, 100, 110, 100, 90, 130, 100, 100)):
            self.members_table.horizontalHeader().resizeSection(col, width)
        self.members_table.activated.connect(lambda _i: self._on_edit_member_clicked())

    def _build_income_tab(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.per_capita_label = QLabel()
        self.per_capita_label.setObjectName("perCapitaLabel")
        self.per_capita_label.setProperty("role", "sectionTitle")
        self.add_income_button = _button(self.tr("Add income..."), "addIncomeButton")
        self.add_income_button.clicked.connect(self._on_add_income_clicked)
        row = QHBoxLayout()
        row.addWidget(self.per_capita_label, 1)
        row.addWidget(self.add_income_button)
        box.addLayout(row)
        self.income_model = RowsModel(tabs.income_columns({}), self, (2, 4))
        self.income_table = make_table("incomeTable")
        self.income_table.setModel(self.income_model)
        box.addWidget(self.income_table, 3)
        assets_title = QLabel(self.tr("Assets"))
        assets_title.setProperty("role", "sectionTitle")
        self.add_asset_button = _button(self.tr("Add asset..."), "addAssetButton")
        self.add_asset_button.clicked.connect(self._on_add_asset_clicked)
        row2 = QHBoxLayout()
        row2.addWidget(assets_title, 1)
        row2.addWidget(self.add_asset_button)
        box.addLayout(row2)
        self.assets_model = RowsModel(tabs.asset_columns(), self, (1,))
        self.assets_table = make_table("assetsTable")
        self.assets_table.setModel(self.assets_model)
        box.addWidget(self.assets_table, 2)
        self.tabs.addTab(page, self.tr("Income and assets"))

    def _build_accounts_tab(self) -> None:
        self.accounts_model = RowsModel(tabs.account_columns(), self)
        self.reveal_button = _button(self.tr("Show full numbers"), "revealAccountButton")
        self.reveal_button.setToolTip(
            self.tr("Shows full ID and account numbers; this is recorded in the audit log.")
        )
        self.reveal_button.clicked.connect(self.reveal)
        self.account_button = _button(self.tr("Payee and account..."), "accountDialogButton")
        self.account_button.setToolTip(
            self.tr(
                "Set the payee, add, change or stop an account "
                "and record an entrusted card's agreement"
            )
        )
        self.account_button.clicked.connect(self.open_account_dialog)
        self.account_dialog: AccountDialog | None = None
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.account_button)
        row.addStretch(1)
        row.addWidget(self.reveal_button)
        self.accounts_table = self._table_tab(
            "accountsTable", self.accounts_model, self.tr("Bank account"), bar
        )

    def open_account_dialog(self) -> AccountDialog | None:
        """收款账户: the account dialog for the shown household (refreshes after a save)."""
        if not self.household_id:
            return None
        dialog = AccountDialog(self._ctx, self.household_id, self)
        dialog.saved.connect(lambda _r: self.refresh())
        dialog.stopped.connect(lambda _v: self.refresh())
        dialog.finished.connect(lambda _c: setattr(self, "account_dialog", None))
        self.account_dialog = dialog
        dialog.open()
        return dialog

    # -- loading -----------------------------------------------------------------------------
    def open_household(self, household_id: int) -> None:
        """Show ``household_id`` (masked); an unsaved form of another household is dropped."""
        if household_id != self.household_id:
            self._dirty = False
            self.form.errors.clear()  # an error of the previous household must not linger
            self.form_state.setText("")
            self.tabs.setCurrentIndex(1)
        self.household_id = household_id
        self._load(reveal=False)

    def refresh(self) -> None:
        if self.household_id:
            self._load(reveal=self.revealed)

    def reveal(self) -> None:
        """显示完整号码: re-read with ``reveal=True`` (the service audits it)."""
        if self.household_id:
            self._load(reveal=True)

    def _load(self, *, reveal: bool) -> None:
        self._seq += 1
        seq, ctx, hid = self._seq, self._ctx, self.household_id
        started = time.perf_counter()

        def done(bundle: HouseholdBundle) -> None:
            if seq != self._seq:
                return
            self.last_open_ms = (time.perf_counter() - started) * 1000
            self._show(bundle)
            self.loaded.emit(hid)

        QueryOp(
            parent=self,
            op=lambda: load_bundle(ctx.db, ctx.actor, hid, reveal=reveal),
            success=done,
        ).with_progress(self.tr("Loading household...")).run_in_background()

    def set_townships(self, townships: list[TownshipView]) -> None:
        self._loading_form = True
        self.form.set_townships(townships)
        self._loading_form = False

    def _show(self, b: HouseholdBundle) -> None:
        self.bundle = b
        self.revealed = b.detail.revealed
        d = b.detail
        h = d.household
        head = next((m for m in d.members if m.relation == "head"), None)
        head_name = head.name if head else self.tr("(no head of household)")
        self.title.setText(self.tr("Household {id}: {head}").format(id=h.id, head=head_name))
        self.subtitle.setText(
            " · ".join(
                x
                for x in (
                    f"{h.township_name} {h.village_name}",
                    labels.label(labels.area_types(), h.area_type),
                    self.tr("%n person(s)", "", len(d.members)),
                    h.address,
                )
                if x
            )
        )
        if not self._dirty:
            self._loading_form = True
            self.form.load(h)
            self._loading_form = False
            self.form_state.setText("")
        else:
            self.form_state.setText(self.tr("Unsaved changes: the form was not refreshed."))
        self.members_model.set_rows(d.members)
        names = {m.id: m.name for m in d.members}
        self.income_model.set_columns(tabs.income_columns(names))
        self.income_model.set_rows(d.income.items)
        self.assets_model.set_rows(d.assets)
        self.accounts_model.set_rows(d.accounts)
        inc = d.income
        if inc.per_capita_fen is None:
            text = self.tr("No member is counted, so there is no per-capita income.")
        else:
            text = self.tr(
                "Counted monthly income {total} yuan; {n} counted member(s); "
                "per capita {pc} yuan/month"
            ).format(
                total=labels.yuan(inc.total_counted_fen),
                n=inc.counted_members,
                pc=labels.yuan(inc.per_capita_fen),
            )
        self.per_capita_label.setText(text)
        self.applications_model.set_rows(b.applications)
        self.visits_model.set_rows(b.visits)
        self.payments_model.set_rows(b.payments)
        self.history_model.set_rows(b.history)
        tab_of = {"applications": 4, "visits": 5, "enrollments": 6, "history": 7}
        for part, index in tab_of.items():
            title = self.tabs.tabText(index).removesuffix(" ⚠")
            self.tabs.setTabText(index, title + (" ⚠" if part in b.problems else ""))
            self.tabs.setTabToolTip(
                index,
                self.tr("This part could not be read; see the log.") if part in b.problems else "",
            )
        for button in (self.reveal_button, self.reveal_ids_button):
            button.setEnabled(not self.revealed and self._ctx.actor.can("pii.reveal"))
        writable = self._ctx.actor.can("register.write")
        for w in (
            self.save_button,
            self.add_member_button,
            self.edit_member_button,
            self.add_income_button,
            self.add_asset_button,
            self.account_button,
        ):
            w.setEnabled(writable)

    # -- saving the household ----------------------------------------------------------------
    @Slot()
    def _on_form_edited(self) -> None:
        if not self._loading_form and self.bundle is not None:
            self._dirty = True
            self.form_state.setText(self.tr("Unsaved changes"))

    @property
    def dirty(self) -> bool:
        return self._dirty

    @Slot()
    def save(self) -> None:
        if self.bundle is None:
            return
        self.form.errors.clear()
        h = self.bundle.detail.household
        data = self.form.data()
        keep_phone = self.form.phone_unchanged() and not self.revealed and bool(h.phone)
        ctx, hid, version = self._ctx, h.id, h.version

        # The form holds the masked phone: phone=None tells the service to keep the stored one.
        payload = replace(data, phone=None) if keep_phone else data

        def op() -> HouseholdView:
            return register.update_household(ctx.db, ctx.actor, hid, payload, version)

        self.save_button.setEnabled(False)
        MutationOp(parent=self, op=op, success=self._on_saved).failure(self._on_save_failed).always(
            lambda: self.save_button.setEnabled(True)
        ).with_progress(self.tr("Saving...")).run_in_background()

    def _on_saved(self, view: HouseholdView) -> None:
        self._dirty = False
        self.form_state.setText(self.tr("Saved."))
        self.saved.emit(view)

    def _on_save_failed(self, error: ReliefError) -> None:
        if isinstance(error, StaleDataError):
            show_stale(self, error)
            return
        self.tabs.setCurrentIndex(0)
        if not self.form.errors.show_error(error):
            self.form_state.setText(str(error))

    # -- members, income, assets ----------------------------------------------------------------
    def _selected_member(self) -> PersonView | None:
        index = self.members_table.currentIndex()
        if not index.isValid():
            return None
        member: PersonView = self.members_model.row_at(index.row())
        return member

    @Slot()
    def _on_add_member_clicked(self) -> None:
        if self.bundle is None:
            return
        dialog = PersonDialog(self._ctx, self.household_id, None, self)
        if not any(m.relation == "head" for m in self.bundle.detail.members):
            dialog.set_default_relation("head")
        self._open_dialog(dialog)

    @Slot()
    def _on_edit_member_clicked(self) -> None:
        person = self._selected_member()
        if person is None or self.bundle is None:
            return
        if self.revealed:
            self._open_dialog(PersonDialog(self._ctx, self.household_id, person, self))
            return
        # the form needs the full ID number: read it revealed (audited) first
        ctx, hid, pid = self._ctx, self.household_id, person.id

        def op() -> PersonView | None:
            detail = register.get_household(ctx.db, ctx.actor, hid, reveal=True)
            return next((m for m in detail.members if m.id == pid), None)

        def done(full: PersonView | None) -> None:
            if full is not None:
                self._open_dialog(PersonDialog(self._ctx, hid, full, self))

        QueryOp(parent=self, op=op, success=done).run_in_background()

    @Slot()
    def _on_add_income_clicked(self) -> None:
        if self.bundle is not None:
            self._open_dialog(
                IncomeDialog(self._ctx, self.household_id, self.bundle.detail.members, self)
            )

    @Slot()
    def _on_add_asset_clicked(self) -> None:
        if self.bundle is not None:
            self._open_dialog(AssetDialog(self._ctx, self.household_id, self))

    def _open_dialog(self, dialog: QWidget) -> None:
        self.dialog = dialog  # tests reach the open dialog here
        dialog.open()  # type: ignore[attr-defined]

    # -- links to other pages ----------------------------------------------------------------
    @Slot()
    def _on_new_application_clicked(self) -> None:
        if self.household_id:
            self._ctx.newApplicationRequested.emit(self.household_id)

    @Slot(QModelIndex)
    def _on_applications_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._ctx.applicationRequested.emit(self.applications_model.row_at(index.row()).id)

    @Slot(QModelIndex)
    def _on_visits_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            v = self.visits_model.row_at(index.row())
            self._ctx.visitRequested.emit(v.id, v.application_id or 0)
