"""申请审批 page: the applications list (filtered by state and programme, searched by name,
pinyin, ID digits or file no., sorted by any column header, paged from SQL; 办理时限 of every
open step, a 绿色通道 marker, 办理人 by display name; 导出 Excel as the 台账), the case page of
one application, the new-application wizard (Ctrl+N) and the 公示 batch dialog.
Several rows can be selected: 批量打印审批表 (Ctrl+P, also in the context menu) prints their
forms as one document, 打印公示名单 the notice of those in publicity.

Reacts to ``ctx.applicationRequested(id)`` (opens that case) and
``ctx.newApplicationRequested(household_id or 0)`` (opens the wizard).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import casework, exports
from reliefdesk.services.casework import lists as case_lists
from reliefdesk.services.casework.lists import CaseListRow
from reliefdesk.services.intake import Saved
from reliefdesk.ui import printing
from reliefdesk.ui.applications import print_actions
from reliefdesk.ui.applications.detail import ApplicationDetail
from reliefdesk.ui.applications.materials_dialog import MaterialsDialog
from reliefdesk.ui.applications.publicity_dialog import PublicityBatchDialog
from reliefdesk.ui.applications.wizard import NewApplicationWizard
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.labels import casework as lbl
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.refresh import PageRefresh
from reliefdesk.ui.table_model import (
    OVERDUE_COLOR,
    Column,
    PagedTableModel,
    fmt_date,
    fmt_yuan,
)
from reliefdesk.ui.tables import make_table


class ApplicationsPage(QWidget):
    """The 申请审批 page.

    Public: ``open_application(id)``, ``new_application(household_id=0)``,
    ``open_publicity(preselect=())``, ``reload()``; attributes ``model`` (list),
    ``detail`` (:class:`ApplicationDetail`), ``wizard`` / ``publicity_dialog`` (the open ones).

    Signals:
        applicationOpened(int): a case page was shown.
    """

    applicationOpened = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationsPage")
        self.ctx = ctx
        self.wizard: NewApplicationWizard | None = None
        self.publicity_dialog: PublicityBatchDialog | None = None

        title = QLabel(self.tr("Applications"))
        title.setObjectName("applicationsTitle")
        title.setProperty("role", "pageTitle")
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("applicationsStateFilter")
        self.state_combo.addItem(self.tr("All states"), None)
        self.state_combo.addItem(self.tr("Open cases"), "open")
        states = lbl.state_labels()
        for code in lbl.STATE_ORDER:
            self.state_combo.addItem(states[code], code)
        self.state_combo.setCurrentIndex(1)
        self.programme_combo = QComboBox()
        self.programme_combo.setObjectName("applicationsProgrammeFilter")
        self.programme_combo.addItem(self.tr("All programmes"), None)
        for code, text in lbl.programme_labels().items():
            self.programme_combo.addItem(text, code)
        self.state_combo.currentIndexChanged.connect(self.reload)
        self.programme_combo.currentIndexChanged.connect(self.reload)
        self.count_label = QLabel()
        self.count_label.setObjectName("applicationsCountLabel")
        self.count_label.setProperty("role", "hint")
        self.new_button = QPushButton(self.tr("New application..."))
        self.new_button.setObjectName("applicationsNewButton")
        self.new_button.setProperty("role", "primary")
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.new_button.clicked.connect(lambda: self.new_application(0))
        self.new_button.setEnabled(ctx.actor.can("case.accept"))
        self.publicity_button = QPushButton(self.tr("Publicity..."))
        self.publicity_button.setObjectName("applicationsPublicityButton")
        # clicked(bool) must not reach open_publicity(preselect=...)
        self.publicity_button.clicked.connect(lambda: self.open_publicity())  # noqa: PLW0108
        self.publicity_button.setEnabled(ctx.actor.can("case.publicity"))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("applicationsOpenButton")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("applicationsSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin, ID digits or file no."))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.returnPressed.connect(self.reload)
        self.search_edit.textChanged.connect(lambda t: not t and self.reload())
        self.export_button = QPushButton(self.tr("Export Excel..."))
        self.export_button.setObjectName("applicationsExportButton")
        self.export_button.setToolTip(self.tr("The list as shown, as the ledger workbook"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.export_path = ""  # tests set it to skip the file chooser
        self.overdue_button = QPushButton(self.tr("Export overdue list..."))
        self.overdue_button.setObjectName("applicationsOverdueExportButton")
        self.overdue_button.setToolTip(self.tr("Every case past a time limit today, as a workbook"))
        self.overdue_button.clicked.connect(self._on_overdue_button_clicked)
        self.materials_button = QPushButton(self.tr("Materials..."))
        self.materials_button.setObjectName("applicationsMaterialsButton")
        self.materials_button.setToolTip(self.tr("The applicant's papers received and their scans"))
        self.materials_button.clicked.connect(self._on_materials_button_clicked)
        self.materials_dialog: MaterialsDialog | None = None
        self.sort_key, self.sort_descending = "accepted_on", True

        programmes = lbl.programme_labels()
        green = self.tr("Green channel")
        self.list_columns = [
            Column(self.tr("File no."), lambda r: r.file_no),
            Column(self.tr("Applicant"), lambda r: r.applicant_name),
            Column(self.tr("Village"), lambda r: r.village),
            Column(
                self.tr("Programme"),
                lambda r: (
                    lbl.label(programmes, r.programme)
                    + (f" 【{green}】" if r.green_channel else "")
                ),
            ),
            Column(self.tr("State"), lambda r: lbl.label(states, r.state)),
            Column(self.tr("Accepted"), lambda r: fmt_date(r.accepted_on)),
            Column(self.tr("In step since"), lambda r: fmt_date(r.state_since)),
            Column(self.tr("Deadline"), lambda r: fmt_date(r.due_on), self._due_color),
            Column(self.tr("Handled by"), lambda r: r.handler),
            Column(
                self.tr("Proposed (yuan)"), lambda r: fmt_yuan(r.proposed_fen), align_right=True
            ),
        ]
        self.model = PagedTableModel(self.list_columns, self._fetch, widget=self, parent=self)
        self.sort_columns = (
            "file_no",
            "applicant",
            "village",
            "programme",
            "state",
            "accepted_on",
            "state_since",
            "due_on",
            None,
            "proposed",
        )
        self.model.loaded.connect(self._update_count)
        self.view = make_table("applicationsView", self.model)
        self.view.activated.connect(self._on_view_activated)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._on_header_section_clicked)
        for col, width in enumerate((128, 80, 90, 110, 96, 92, 92, 92, 80)):
            self.view.setColumnWidth(col, width)

        # printing the selection (buttons, context menu, Ctrl+P on the list)
        self.batch_print_button = QPushButton(self.tr("Print forms"))
        self.batch_print_button.setObjectName("applicationsBatchPrintButton")
        self.batch_print_button.clicked.connect(self.print_selected_forms)
        self.notice_print_button = QPushButton(self.tr("Print notice list"))
        self.notice_print_button.setObjectName("applicationsNoticePrintButton")
        self.notice_print_button.clicked.connect(self.print_selected_notice)
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.setObjectName("applicationsOpenAction")
        self.open_action.triggered.connect(self._on_open_button_clicked)
        self.batch_print_action = QAction(self.tr("Print forms"), self)
        self.batch_print_action.setObjectName("applicationsBatchPrintAction")
        self.batch_print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.batch_print_action.triggered.connect(self.print_selected_forms)
        self.notice_print_action = QAction(self.tr("Print notice list"), self)
        self.notice_print_action.setObjectName("applicationsNoticePrintAction")
        self.notice_print_action.triggered.connect(self.print_selected_notice)
        self.context_menu = QMenu(self)
        self.context_menu.setObjectName("applicationsContextMenu")
        self.context_menu.addAction(self.open_action)
        self.context_menu.addSeparator()
        self.context_menu.addAction(self.batch_print_action)
        self.context_menu.addAction(self.notice_print_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._update_print_actions)
        self.model.modelReset.connect(self._update_print_actions)

        # two rows, so that nothing is clipped at 1366×768
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.state_combo)
        head.addWidget(self.programme_combo)
        head.addWidget(self.search_edit, 1)
        head.addWidget(self.count_label)
        tools = QHBoxLayout()
        tools.addWidget(self.open_button)
        tools.addWidget(self.batch_print_button)
        tools.addWidget(self.notice_print_button)
        tools.addWidget(self.materials_button)
        tools.addWidget(self.export_button)
        tools.addWidget(self.overdue_button)
        tools.addStretch(1)
        tools.addWidget(self.publicity_button)
        tools.addWidget(self.new_button)
        list_page = QWidget()
        list_page.addAction(self.batch_print_action)  # Ctrl+P while the list is shown
        ll = QVBoxLayout(list_page)
        ll.setContentsMargins(20, 16, 20, 12)
        ll.addLayout(head)
        ll.addLayout(tools)
        ll.addWidget(self.view, 1)

        self.detail = ApplicationDetail(ctx)
        self.detail.closeRequested.connect(self.show_list)
        self.detail.publicityRequested.connect(lambda i: self.open_publicity((i,)))
        self.stack = QStackedWidget()
        self.stack.setObjectName("applicationsStack")
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        ctx.applicationRequested.connect(self.open_application)
        ctx.newApplicationRequested.connect(self.new_application)
        # The list loads when the page is first shown, then after writes to applications or
        # visits (now if shown, else when next shown); the open application likewise.
        self.refresher = PageRefresh(self, ctx, ("applications", "visits"), self.reload, stale=True)
        self.detail_refresher = PageRefresh(
            self.detail, ctx, ("applications", "visits"), self.detail.reload
        )
        self._update_print_actions()

    # -- list --------------------------------------------------------------------------------
    @staticmethod
    def _fetch(_offset: int, _limit: int) -> Sequence[CaseListRow]:
        return []  # replaced by reload() with the filters

    def _due_color(self, row: CaseListRow) -> QColor | None:
        return OVERDUE_COLOR if row.overdue else None

    @Slot(int)
    def _on_header_section_clicked(self, section: int) -> None:
        key = self.sort_columns[section] if section < len(self.sort_columns) else None
        if key is None:
            self.view.horizontalHeader().setSortIndicator(
                self.sort_columns.index(self.sort_key),
                Qt.SortOrder.DescendingOrder
                if self.sort_descending
                else Qt.SortOrder.AscendingOrder,
            )
            return
        self.sort_descending = not self.sort_descending if key == self.sort_key else False
        self.sort_key = key
        self.view.horizontalHeader().setSortIndicator(
            section,
            Qt.SortOrder.DescendingOrder if self.sort_descending else Qt.SortOrder.AscendingOrder,
        )
        self.reload()

    def _query(self) -> dict[str, object]:
        state = self.state_combo.currentData()
        open_only = state == "open"
        return {
            "state": None if open_only else state,
            "open_only": open_only,
            "programme": self.programme_combo.currentData(),
            "text": self.search_edit.text().strip(),
            "sort": self.sort_key,
            "descending": self.sort_descending,
        }

    @Slot()
    def reload(self) -> None:
        """Reload the list with the current filters, search and sort (first page)."""
        db, actor, query = self.ctx.db, self.ctx.actor, self._query()

        def fetch(offset: int, limit: int) -> Sequence[CaseListRow]:
            return case_lists.list_cases(db, actor, limit=limit, offset=offset, **query)  # type: ignore[arg-type]

        self.refresher.stale = False
        self.model.set_fetch(fetch)
        self.model.reload()

    # -- export ------------------------------------------------------------------------------
    @Slot()
    def _on_export_button_clicked(self) -> None:
        path = self.export_path
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the ledger"),
                f"申请审批台账-{date.today():%Y%m%d}.xlsx",
                self.tr("Excel workbooks (*.xlsx)"),
            )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """The whole list with the current filters (not only the loaded page) as 台账."""
        db, actor, query = self.ctx.db, self.ctx.actor, self._query()
        columns = list(self.list_columns)
        headers = [c.title for c in columns]

        def op() -> exports.ExportResult:
            rows = case_lists.list_cases(db, actor, limit=100_000, **query)  # type: ignore[arg-type]
            values = [[c.text(r) for c in columns] for r in rows]
            return exports.export_table(
                db,
                actor,
                "ledger",
                headers,
                values,
                path,
                text_columns=(0,),
                widths=(18, 10, 12, 14, 10, 12, 12, 12, 10, 12),
            )

        QueryOp(parent=self, op=op, success=self._on_exported).failure(
            self._on_export_failed
        ).with_progress(self.tr("Exporting...")).run_in_background()

    @Slot()
    def _on_overdue_button_clicked(self) -> None:
        path = self.export_path
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the overdue list"),
                f"超期清单-{date.today():%Y%m%d}.xlsx",
                self.tr("Excel workbooks (*.xlsx)"),
            )
        if path:
            self.export_overdue_to(path)

    def export_overdue_to(self, path: str) -> None:
        """超期清单: every case past its step, whole-case, notice or paperwork limit today."""
        db, actor = self.ctx.db, self.ctx.actor
        programmes, states = lbl.programme_labels(), lbl.state_labels()
        kinds = {
            "step": self.tr("Current step"),
            "total": self.tr("Whole case"),
            "refusal_notice": self.tr("Refusal notice"),
            "paperwork": self.tr("Green-channel paperwork"),
        }
        headers = [
            self.tr("File no."),
            self.tr("Applicant"),
            self.tr("Programme"),
            self.tr("State"),
            self.tr("Limit"),
            self.tr("Deadline"),
            self.tr("Working days over"),
        ]

        def op() -> exports.ExportResult:
            rows: list[list[str | int | None]] = [
                [
                    o.file_no,
                    o.applicant_name,
                    lbl.label(programmes, o.programme),
                    lbl.label(states, o.state),
                    kinds.get(o.kind, o.kind),
                    fmt_date(o.due_on),
                    o.working_days_over,
                ]
                for o in casework.overdue(db, actor, date.today())
            ]
            return exports.export_table(
                db,
                actor,
                "overdue",
                headers,
                rows,
                path,
                text_columns=(0,),
                widths=(18, 10, 14, 10, 14, 12, 12),
            )

        QueryOp(parent=self, op=op, success=self._on_exported).failure(
            self._on_export_failed
        ).with_progress(self.tr("Exporting...")).run_in_background()

    @Slot()
    def _on_materials_button_clicked(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.open_materials(rows[0].id, f"{rows[0].file_no} {rows[0].applicant_name}")

    def open_materials(self, application_id: int, title: str = "") -> None:
        """The materials checklist of one case (申请书, 授权书, ... with scans)."""
        dialog = MaterialsDialog(self.ctx, application_id, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "materials_dialog", None))
        self.materials_dialog = dialog
        dialog.open()

    def _on_exported(self, result: exports.ExportResult) -> None:
        self.count_label.setText(
            self.tr("Exported %n row(s) to {file}", "", result.rows).format(file=result.path.name)
        )

    def _on_export_failed(self, error: ReliefError) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export"),
            str(error),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("applicationsExportErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        more = self.model.canFetchMore()
        self.count_label.setText(
            self.tr("{n}+ shown").format(n=n) if more else self.tr("%n application(s)", "", n)
        )

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)
        self.view.setFocus()

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        row: CaseListRow = self.model.row(index.row())
        self.open_application(row.id)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self._on_view_activated(rows[0])

    # -- printing the selection ----------------------------------------------------------
    def selected_rows(self) -> list[CaseListRow]:
        """The selected applications, in list order."""
        indexes = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.row(i) for i in indexes if i < self.model.rowCount()]

    @Slot()
    def _update_print_actions(self) -> None:
        rows = self.selected_rows()
        allowed = self.ctx.actor.can("print")
        notice = print_actions.notice_rows(rows)
        print_actions.gate(
            self.batch_print_button,
            allowed,
            bool(rows),
            self.tr(
                "The application and approval forms of the %n selected case(s), "
                "in one document (Ctrl+P)",
                "",
                len(rows),
            ),
            self.tr("Select the applications to print (Ctrl+click, Shift+click)."),
        )
        print_actions.gate(
            self.notice_print_button,
            allowed,
            bool(notice),
            self.tr(
                "The publicity notice of the %n selected case(s) in publicity", "", len(notice)
            ),
            self.tr("Select applications in publicity (of the same period)."),
        )
        self.batch_print_action.setEnabled(self.batch_print_button.isEnabled())
        self.notice_print_action.setEnabled(self.notice_print_button.isEnabled())
        self.open_action.setEnabled(bool(rows))
        self.materials_button.setEnabled(len(rows) == 1)

    @Slot()
    def print_selected_forms(self) -> None:
        """批量打印审批表: the forms of the selected applications in one PDF."""
        rows = self.selected_rows()
        if rows and self.ctx.actor.can("print") and self.stack.currentIndex() == 0:
            printing.preview_batch(self.ctx, self, [r.id for r in rows])

    @Slot()
    def print_selected_notice(self) -> None:
        """打印公示名单: the notice of the selected applications in publicity."""
        rows = print_actions.notice_rows(self.selected_rows())
        if rows and self.ctx.actor.can("print"):
            printing.preview_notice(self.ctx, self, [r.id for r in rows])

    @Slot(QPoint)
    def _on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isRowSelected(index.row()):
            self.view.selectRow(index.row())
        self._update_print_actions()
        self.context_menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- unsaved work (asked about by the main window) --------------------------------------
    def has_unsaved(self) -> bool:
        """An open new-application wizard holds input not yet saved."""
        w = self.wizard
        return w is not None and w.isVisible() and w.has_unsaved()

    def ask_unsaved(self, then: Callable[[], object]) -> None:
        """Let the wizard ask 保存 / 不保存 / 取消, then run ``then()`` (not on 取消)."""
        if self.has_unsaved() and self.wizard is not None:
            self.wizard.ask_unsaved(then)
        else:
            then()

    # -- public ------------------------------------------------------------------------------
    @Slot(int)
    def open_application(self, application_id: int) -> None:
        """Show the case page of ``application_id``."""
        self.stack.setCurrentIndex(1)
        self.detail.load(application_id)
        self.applicationOpened.emit(application_id)

    @Slot(int)
    def new_application(self, household_id: int = 0) -> None:
        """Open the new-application wizard (for an existing household if given)."""
        if not self.ctx.actor.can("case.accept"):
            return
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            return
        wizard = NewApplicationWizard(self.ctx, household_id, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.saved.connect(self._on_wizard_saved)
        wizard.destroyed.connect(lambda: setattr(self, "wizard", None))
        self.wizard = wizard
        wizard.open()

    def _on_wizard_saved(self, saved: Saved) -> None:
        self.open_application(saved.application_id)

    def open_publicity(self, preselect: tuple[int, ...] = ()) -> PublicityBatchDialog:
        """Open the 公示 batch dialog (with ``preselect`` ticked)."""
        dialog = PublicityBatchDialog(self.ctx, preselect, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "publicity_dialog", None))
        self.publicity_dialog = dialog
        dialog.open()
        return dialog
