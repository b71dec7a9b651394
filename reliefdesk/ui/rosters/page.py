"""发放名册 (monthly payment rosters): pick a month and programme, 生成 (generate the draft),
校验 (validate: every problem at once), confirm the warnings, 锁定 (approver), 导出 the bank
file, roster and summary (locked rosters only), 导入银行回盘, print the roster or the change
roster; 解锁 is for the administrator, with a reason.

The lines table pages ``roster.list_lines`` (500 lines at a time, filters and search in SQL);
the totals bar shows the roster's own totals from the service. Every database or file step
runs in an op; a write runs as a ``MutationOp``, whose broadcast reaches the other pages (this
page skips its own and shows the result it gets back).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.domain.money import fen_to_yuan, to_capital
from reliefdesk.services import roster
from reliefdesk.services.roster import Problem, RosterView
from reliefdesk.ui import printing
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import QueryOp, show_error
from reliefdesk.ui.refresh import PageRefresh

from . import actions, fixes, reads, toolbar
from . import labels as lbl
from .models import HistoryModel, HistoryRow, LinesModel
from .widgets import NoticeBar, ProblemsPanel, make_table


class RostersPage(QWidget):
    """The roster page. ``roster`` is the roster shown (None: none for the chosen month).

    Signals (for tests and the status bar): ``rosterShown`` after the shown roster changed or
    was reloaded; ``problemsShown`` after validation results arrived; ``historyShown`` after
    the history list was reloaded; ``exported(list_of_paths)``; ``returnImported(result)``.
    """

    rosterShown = Signal()
    problemsShown = Signal()
    historyShown = Signal()
    exported = Signal(list)
    returnImported = Signal(object)
    # made by toolbar.build_toolbar
    month_edit: QDateEdit
    programme_combo: QComboBox
    status_label: QLabel
    refresh_button: QPushButton
    generate_button: QPushButton
    validate_button: QPushButton
    discard_button: QPushButton
    lock_button: QPushButton
    unlock_button: QPushButton
    export_button: QPushButton
    import_button: QPushButton
    print_button: QPushButton
    print_changes_button: QPushButton
    review_button: QPushButton
    township_combo: QComboBox | None  # county users only

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rostersPage")
        self.ctx = ctx
        self.roster: RosterView | None = None
        self.problems: list[Problem] | None = None  # None: not validated yet
        self._build()
        self.refresher = PageRefresh(self, ctx, ("rosters",), self.refresh, skip_own=True)
        self.township_names: dict[int | None, str] = {}
        self.load_townships()
        self.load_period()
        self.refresh_history()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        head, actions = toolbar.build_toolbar(self)

        self.notice = NoticeBar(self)

        # lines
        self.flag_combo = QComboBox()
        self.flag_combo.setObjectName("rosterFlagCombo")
        self.flag_combo.addItem(self.tr("All changes"), "")
        flags = lbl.flag_labels()
        for f in lbl.FLAGS:
            self.flag_combo.addItem(flags[f], f)
        self.bank_combo = QComboBox()
        self.bank_combo.setObjectName("rosterBankStatusCombo")
        self.bank_combo.addItem(self.tr("Any bank result"), "")
        for code, text in lbl.bank_status_labels().items():
            self.bank_combo.addItem(text, code)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("rosterSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search payee name, ID or account fragment"))
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload_lines)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.reload_lines)
        self.flag_combo.currentIndexChanged.connect(lambda _i: self.reload_lines())
        self.bank_combo.currentIndexChanged.connect(lambda _i: self.reload_lines())
        self.loaded_label = QLabel()
        self.loaded_label.setObjectName("rosterLoadedLabel")
        self.loaded_label.setProperty("role", "hint")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Change:")))
        filters.addWidget(self.flag_combo)
        filters.addWidget(self.bank_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.loaded_label)

        self.lines_model = LinesModel(self, page_size=500, parent=self)
        self.lines_model.loaded.connect(self._update_loaded_label)
        self.lines_model.failed.connect(lambda e: show_error(self, e))
        self.lines_view = make_table("rosterLinesView", self.lines_model)
        self.lines_view.setToolTip(self.tr("Double-click a line to open the household"))
        self.lines_view.doubleClicked.connect(self._on_line_double_clicked)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("rosterTotalsLabel")
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals_label.setStyleSheet(
            "QLabel#rosterTotalsLabel { background: #eef3f9; "
            "border: 1px solid #c9d6e6; padding: 4px 8px; }"
        )
        self.flags_label = QLabel()
        self.flags_label.setObjectName("rosterFlagCountsLabel")
        self.flags_label.setProperty("role", "hint")
        lines_box = QWidget()
        lines_layout = QVBoxLayout(lines_box)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        lines_layout.addLayout(filters)
        lines_layout.addWidget(self.lines_view, 1)
        lines_layout.addWidget(self.totals_label)
        lines_layout.addWidget(self.flags_label)

        # problems and history
        self.problems_panel = ProblemsPanel(self)
        self.problems_panel.lineRequested.connect(self.select_line)
        self.problems_panel.fixRequested.connect(lambda p: fixes.open_fix(self, p))
        self.fix_dialog: QWidget | None = None
        self.problems_panel.acknowledgeRequested.connect(self.acknowledge)
        self.history_model = HistoryModel(self)
        self.history_view = make_table("rosterHistoryView", self.history_model)
        self.history_view.setToolTip(self.tr("Double-click a roster to show it"))
        self.history_view.doubleClicked.connect(self._on_history_double_clicked)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rosterTabs")
        self.tabs.addTab(self.problems_panel, self.tr("Problems"))
        self.tabs.addTab(self.history_view, self.tr("Roster history"))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("rosterSplitter")
        self.splitter.addWidget(lines_box)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        self.month_edit.dateChanged.connect(lambda _d: self.load_period())
        self.programme_combo.currentIndexChanged.connect(lambda _i: self.load_period())
        if self.township_combo is not None:
            self.township_combo.currentIndexChanged.connect(lambda _i: self.load_period())
        self.setTabOrder(self.month_edit, self.programme_combo)
        self.setTabOrder(self.programme_combo, self.generate_button)
        self._show_totals()
        self._show_problems()
        self._update_actions()

    # -- chosen period ----------------------------------------------------------------------
    def month(self) -> date:
        d = self.month_edit.date()
        return date(d.year(), d.month(), 1)

    def programme(self) -> str:
        return str(self.programme_combo.currentData())

    def township_id(self) -> int | None:
        """The township whose roster is shown: a county user's choice (None: the county-wide
        roster), a township user's own township."""
        if self.township_combo is None:
            return self.ctx.actor.township_id
        data = self.township_combo.currentData()
        return None if data is None else int(data)

    def set_township(self, township_id: int | None) -> None:
        """Choose the township (county users; loads that township's roster)."""
        if self.township_combo is not None:
            index = self.township_combo.findData(township_id)
            self.township_combo.setCurrentIndex(max(0, index))

    def load_townships(self) -> None:
        """Fill the township selector (county users) and the names the history shows."""
        db, actor = self.ctx.db, self.ctx.actor
        QueryOp(
            parent=self, op=lambda: reads.townships(db, actor), success=self._set_townships
        ).run_in_background()

    def _set_townships(self, towns: list[tuple[int, str]]) -> None:
        self.township_names = {None: self.tr("Whole county"), **dict(towns)}
        combo = self.township_combo
        if combo is not None:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for tid, name in towns:
                combo.addItem(name, tid)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.history_model.set_townships(self.township_names)

    def set_period(self, month: date, programme: str) -> None:
        """Choose ``month`` and ``programme`` (loads that period's roster)."""
        for w in (self.month_edit, self.programme_combo):
            w.blockSignals(True)
        self.month_edit.setDate(QDate(month.year, month.month, 1))
        self.programme_combo.setCurrentIndex(max(0, self.programme_combo.findData(programme)))
        for w in (self.month_edit, self.programme_combo):
            w.blockSignals(False)
        self.load_period()

    def load_period(self) -> None:
        """Show the regular roster of the chosen month and programme, if there is one."""
        db, actor = self.ctx.db, self.ctx.actor
        month, programme, town = self.month(), self.programme(), self.township_id()

        def done(view: RosterView | None) -> None:
            if (month, programme, town) == (self.month(), self.programme(), self.township_id()):
                self.show_roster(view)

        QueryOp(
            parent=self,
            op=lambda: reads.roster_for(db, actor, month, programme, town),
            success=done,
        ).run_in_background()

    def show_roster_id(self, roster_id: int) -> None:
        """Show roster ``roster_id`` (e.g. a supplementary roster from the history)."""
        db, actor = self.ctx.db, self.ctx.actor

        def done(view: RosterView) -> None:
            self.set_period_silently(view)
            self.show_roster(view)

        QueryOp(
            parent=self, op=lambda: roster.get_roster(db, actor, roster_id), success=done
        ).run_in_background()

    def refresh(self) -> None:
        if self.roster is not None:
            self.show_roster_id(self.roster.id)
        else:
            self.load_period()
        self.refresh_history()

    def show_roster(self, view: RosterView | None) -> None:
        """Show ``view`` (its lines are paged in); validation results are kept only when the
        same roster is shown again unchanged."""
        old = self.roster
        self.roster = view
        if (
            view is None
            or old is None
            or old.id != view.id
            or old.version != view.version
            or old.generated_at != view.generated_at
        ):
            self.problems = None
            self.problems_panel.model.set_rows([])
        self._show_status()
        self._show_totals()
        self._show_problems()
        self.reload_lines()
        self._update_actions()
        if view is not None and view.locked and self.problems is None:
            self.validate()  # a locked roster keeps showing its validation result
        self.rosterShown.emit()

    # -- lines ------------------------------------------------------------------------------
    def reload_lines(self) -> None:
        self._search_timer.stop()
        view = self.roster
        if view is None:
            self.lines_model.set_fetch(None)
            self._update_loaded_label()
            return
        db, actor, rid = self.ctx.db, self.ctx.actor, view.id
        flag = self.flag_combo.currentData() or None
        bank = self.bank_combo.currentData() or None
        search = self.search_edit.text().strip() or None
        self.lines_model.set_fetch(
            lambda offset, limit: roster.list_lines(
                db,
                actor,
                rid,
                offset=offset,
                limit=limit,
                flag=flag,
                bank_status=bank,
                search=search,
            )
        )
        self._update_loaded_label()

    def filters_active(self) -> bool:
        return bool(
            self.flag_combo.currentData()
            or self.bank_combo.currentData()
            or self.search_edit.text().strip()
        )

    def select_line(self, line_no: int) -> None:
        """Select line ``line_no`` in the table (clearing the filters if they hide it)."""
        if self.filters_active():
            for w in (self.flag_combo, self.bank_combo, self.search_edit):
                w.blockSignals(True)
            self.flag_combo.setCurrentIndex(0)
            self.bank_combo.setCurrentIndex(0)
            self.search_edit.clear()
            for w in (self.flag_combo, self.bank_combo, self.search_edit):
                w.blockSignals(False)
            self.reload_lines()

        def found(row: int) -> None:
            if row < 0:
                return
            self.lines_view.selectRow(row)
            self.lines_view.scrollTo(
                self.lines_model.index(row, 0), self.lines_view.ScrollHint.PositionAtCenter
            )
            self.lines_view.setFocus()

        self.lines_model.load_until(line_no, found)

    def selected_line_no(self) -> int | None:
        rows = self.lines_view.selectionModel().selectedRows()
        return self.lines_model.row(rows[0].row()).line_no if rows else None

    def _update_loaded_label(self) -> None:
        n = self.lines_model.rowCount()
        if self.roster is None:
            self.loaded_label.setText("")
        elif self.filters_active():
            self.loaded_label.setText(self.tr("%n matching line(s) loaded", "", n))
        else:
            total = sum(self.roster.flag_counts.values())
            self.loaded_label.setText(
                self.tr("{n} of {total} lines loaded").format(n=n, total=total)
            )

    def _on_line_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ctx.householdRequested.emit(self.lines_model.row(index.row()).household_id)

    # -- header texts -----------------------------------------------------------------------
    def _show_status(self) -> None:
        view = self.roster
        if view is None:
            self.status_label.setText(
                self.tr("No roster for this month and programme yet; click Generate.")
            )
            self.status_label.setToolTip("")
            return
        status = lbl.label(lbl.status_labels(), view.status)
        kind = lbl.kind_label(view.kind, view.seq_no)
        text = self.tr(
            "{month} {programme} ({kind}) - {status}; generated by {user} at {at}"
        ).format(
            month=view.month_text,
            programme=lbl.label(lbl.programme_labels(), view.programme),
            kind=kind,
            status=status,
            user=view.generated_by,
            at=f"{view.generated_at:%Y-%m-%d %H:%M}",
        )
        if view.locked and view.locked_at is not None:
            text += self.tr("; locked by {user} at {at}, hash {hash}").format(
                user=view.locked_by,
                at=f"{view.locked_at:%Y-%m-%d %H:%M}",
                hash=(view.lines_sha256 or "")[:12],
            )
        if view.county_reviewed_at is not None:
            text += self.tr("; reviewed by the county ({user}) at {at}").format(
                user=view.county_reviewed_by, at=f"{view.county_reviewed_at:%Y-%m-%d %H:%M}"
            )
        if self.township_combo is not None:
            town = self.township_names.get(view.township_id, "")
            text = f"{town} {text}" if town else text
        self.status_label.setText(text)
        self.status_label.setToolTip(
            text if not view.lines_sha256 else text + "\nSHA-256 " + view.lines_sha256
        )

    def _show_totals(self) -> None:
        view = self.roster
        if view is None:
            self.totals_label.setText(self.tr("Totals: no roster"))
            self.flags_label.setText("")
            return
        self.totals_label.setText(
            self.tr(
                "Totals: {households} households, {persons} persons, {amount} yuan "
                "(in words: {capital})"
            ).format(
                households=view.households,
                persons=view.persons,
                amount=fen_to_yuan(view.amount_fen),
                capital=to_capital(view.amount_fen),
            )
        )
        names = lbl.flag_labels()
        parts = [f"{names[f]} {view.flag_counts[f]}" for f in lbl.FLAGS if view.flag_counts.get(f)]
        self.flags_label.setText(
            self.tr("Changes against last month: {parts}").format(parts=" · ".join(parts))
            if parts
            else ""
        )

    def _show_problems(self) -> None:
        panel = self.problems_panel
        if self.roster is None:
            panel.summary_label.setText("")
            title = self.tr("Problems")
        elif self.problems is None:
            panel.summary_label.setText(
                self.tr("Not validated yet: click Validate to check every line.")
            )
            title = self.tr("Problems")
        else:
            errors, warnings, open_ = panel.model.counts()
            if not errors and not warnings:
                panel.summary_label.setText(self.tr("No problems found."))
            else:
                panel.summary_label.setText(
                    self.tr(
                        "{errors} error(s) must be corrected in the register and the roster "
                        "regenerated; {warnings} warning(s), {open} not yet confirmed. "
                        "Double-click a problem to open the record that fixes it."
                    ).format(errors=errors, warnings=warnings, open=open_)
                )
            title = self.tr("Problems ({errors} errors, {warnings} warnings)").format(
                errors=errors, warnings=warnings
            )
        self.tabs.setTabText(self.tabs.indexOf(panel), title)

    def _update_actions(self) -> None:
        actions.update_actions(self)

    # -- generate / validate / acknowledge (rosters/actions.py) -----------------------------
    def generate(self) -> None:
        """Generate (or regenerate) the draft for the chosen month and programme."""
        actions.generate(self)

    def set_period_silently(self, view: RosterView) -> None:
        widgets = [self.month_edit, self.programme_combo]
        if self.township_combo is not None:
            widgets.append(self.township_combo)
        for w in widgets:
            w.blockSignals(True)
        self.month_edit.setDate(QDate(view.month.year, view.month.month, 1))
        idx = self.programme_combo.findData(view.programme)
        if idx >= 0:
            self.programme_combo.setCurrentIndex(idx)
        if self.township_combo is not None:
            idx = self.township_combo.findData(view.township_id)
            if idx >= 0:
                self.township_combo.setCurrentIndex(idx)
        for w in widgets:
            w.blockSignals(False)

    def validate(self) -> None:
        """Check the shown roster and list every problem."""
        actions.validate(self)

    def _set_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.problems_panel.model.set_rows(self.problems)
        self._show_problems()
        self._update_actions()
        if problems:
            self.tabs.setCurrentWidget(self.problems_panel)
        self.problemsShown.emit()

    def acknowledge(self, items: list[Problem], note: str = "") -> None:
        """Record that the signed-in user checked these warnings."""
        actions.acknowledge(self, items, note)

    # -- lock / unlock, export / import (rosters/actions.py) --------------------------------
    def _on_lock_clicked(self) -> None:
        actions.confirm_lock(self)

    def lock_roster(self) -> None:
        """Lock the shown roster (the service refuses errors or unconfirmed warnings)."""
        actions.lock_roster(self)

    def _on_unlock_clicked(self) -> None:
        actions.ask_unlock_reason(self)

    def unlock_with_reason(self, reason: str) -> None:
        """Unlock the shown roster (administrator); an empty reason is refused."""
        actions.unlock_with_reason(self, reason)

    def _on_review_clicked(self) -> None:
        actions.ask_review_note(self)

    def county_review(self, note: str = "") -> None:
        """Record the county's review (县级审核) of the shown locked township roster."""
        actions.county_review(self, note)

    def _on_export_clicked(self) -> None:
        actions.ask_export_folder(self)

    def export_to(self, directory: str | Path) -> None:
        """Write the bank file, the internal roster and the summary into ``directory``."""
        actions.export_to(self, directory)

    def _on_import_clicked(self) -> None:
        actions.ask_return_file(self)

    def import_return_from(self, path: str | Path) -> None:
        """Match the bank's return file with the shown (locked) roster."""
        actions.import_return_from(self, path)

    # -- printing ---------------------------------------------------------------------------
    def _on_print_clicked(self) -> None:
        if self.roster is not None:
            printing.preview_roster(self.ctx, self, self.roster.id)

    def _on_print_changes_clicked(self) -> None:
        if self.roster is not None:
            printing.preview_change_roster(self.ctx, self, self.roster.id)

    # -- history and changes ----------------------------------------------------------------
    def refresh_history(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(rows: list[HistoryRow]) -> None:
            self.history_model.set_rows(rows)
            self.historyShown.emit()

        QueryOp(parent=self, op=lambda: reads.history(db, actor), success=done).run_in_background()

    def _on_history_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.show_roster_id(self.history_model.row(index.row()).roster.id)

    def _info(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Payment rosters"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("rosterInfoBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
