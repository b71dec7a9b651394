"""入户调查 page: the list of home visits (case number and applicant, searched and sorted by
any column header in SQL) and the visit editor.

Reacts to ``ctx.visitRequested(visit_id, application_id)``: a visit id opens that record; 0 with
an application id starts a new visit for that application.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.services import casework, visits
from reliefdesk.services.casework import ApplicationRow
from reliefdesk.services.visits import VisitView
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import QueryOp
from reliefdesk.ui.refresh import PageRefresh
from reliefdesk.ui.table_model import Column, RecordTableModel, fmt_date
from reliefdesk.ui.tables import make_table
from reliefdesk.ui.visits.editor import VisitEditor, _labels

LIST_LIMIT = 500


class ChooseApplicationDialog(QDialog):
    """Pick the application (under investigation) a new visit belongs to."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooseApplicationDialog")
        self.setWindowTitle(self.tr("New home visit"))
        self.resize(640, 420)
        self.chosen: int | None = None
        self.model = RecordTableModel(
            [
                Column(self.tr("File no."), lambda r: r.file_no),
                Column(self.tr("Applicant"), lambda r: r.applicant_name),
                Column(self.tr("Accepted"), lambda r: fmt_date(r.accepted_on)),
            ],
            self,
        )
        self.view = make_table("chooseApplicationView", self.model)
        self.view.activated.connect(self._on_view_activated)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start visit"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Applications under investigation:")))
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        db, actor = ctx.db, ctx.actor
        QueryOp(
            parent=self,
            op=lambda: casework.list_applications(db, actor, state="investigating"),
            success=self.model.set_rows,
        ).run_in_background()

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        row: ApplicationRow = self.model.row(index.row())
        self.chosen = row.id
        self.accept()

    @Slot()
    def _on_ok(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self._on_view_activated(rows[0])


class VisitsPage(QWidget):
    """The 入户调查 page. Public: ``open_visit(id)``, ``new_visit(application_id)``,
    ``reload()``, ``save()`` (Ctrl+S while the editor is shown); ``editor``.

    Signals:
        modifiedChanged(bool): the visit being edited gained or lost unsaved changes.
    """

    modifiedChanged = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitsPage")
        self.ctx = ctx
        modes = _labels(self)["mode"]
        title = QLabel(self.tr("Home visits"))
        title.setObjectName("visitsTitle")
        title.setProperty("role", "pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("visitsCountLabel")
        self.count_label.setProperty("role", "hint")
        self.new_button = QPushButton(self.tr("New visit..."))
        self.new_button.setObjectName("visitsNewButton")
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.new_button.setEnabled(ctx.actor.can("case.investigate"))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("visitsOpenButton")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("visitsSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Applicant or file no."))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.returnPressed.connect(self.reload)
        self.search_edit.textChanged.connect(lambda t: not t and self.reload())
        self.sort_key, self.sort_descending = "visit_date", True
        self.sort_columns = ("visit_date", "file_no", "applicant", "mode")
        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda v: fmt_date(v.visit_date)),
                Column(self.tr("File no."), lambda v: v.file_no),
                Column(self.tr("Applicant"), lambda v: v.applicant_name),
                Column(self.tr("Mode"), lambda v: modes.get(v.mode, v.mode)),
                Column(
                    self.tr("Investigators"),
                    lambda v: self.tr(", ").join(str(i.get("name", "")) for i in v.investigators),
                ),
                Column(self.tr("Photos"), lambda v: str(len(v.photos)), align_right=True),
                Column(self.tr("Opinion"), lambda v: v.opinion.replace("\n", " ")),
            ],
            self,
        )
        self.view = make_table("visitsView", self.model)
        self.view.activated.connect(self._on_view_activated)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._on_header_section_clicked)
        for col, width in enumerate((96, 130, 90, 80, 200, 60)):
            self.view.setColumnWidth(col, width)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.search_edit)
        head.addWidget(self.count_label, 1)
        head.addWidget(self.open_button)
        head.addWidget(self.new_button)
        list_page = QWidget()
        ll = QVBoxLayout(list_page)
        ll.setContentsMargins(20, 16, 20, 12)
        ll.addLayout(head)
        ll.addWidget(self.view, 1)
        self.editor = VisitEditor(ctx)
        self.editor.closeRequested.connect(self.show_list)
        self.editor.modifiedChanged.connect(self.modifiedChanged)
        self.stack = QStackedWidget()
        self.stack.setObjectName("visitsStack")
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.chooser: ChooseApplicationDialog | None = None
        self._loading = False
        ctx.visitRequested.connect(self._on_visit_requested)
        # The list loads when first shown, then after visit writes (now or when next shown).
        self.refresher = PageRefresh(self, ctx, ("visits",), self.reload, stale=True)

    def is_loading(self) -> bool:
        return self._loading

    @Slot()
    def reload(self) -> None:
        """Reload the list (the latest ``LIST_LIMIT`` visits, newest first, photos not read)."""
        db, actor = self.ctx.db, self.ctx.actor
        self._loading = True
        self.refresher.stale = False

        text, sort, descending = (
            self.search_edit.text().strip(),
            self.sort_key,
            self.sort_descending,
        )

        def op() -> list[VisitView]:
            return visits.list_visits(
                db, actor, limit=LIST_LIMIT, text=text, sort=sort, descending=descending
            )

        def done() -> None:
            self._loading = False

        QueryOp(parent=self, op=op, success=self._show).always(done).run_in_background()

    def _show(self, rows: list[VisitView]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n visit(s)", "", len(rows)))

    @Slot(int)
    def _on_header_section_clicked(self, section: int) -> None:
        if section >= len(self.sort_columns):
            section = self.sort_columns.index(self.sort_key)
        else:
            key = self.sort_columns[section]
            self.sort_descending = not self.sort_descending if key == self.sort_key else False
            self.sort_key = key
            self.reload()
        self.view.horizontalHeader().setSortIndicator(
            section,
            Qt.SortOrder.DescendingOrder if self.sort_descending else Qt.SortOrder.AscendingOrder,
        )

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)

    def has_unsaved(self) -> bool:
        """The visit editor holds changes not yet saved."""
        return self.stack.currentIndex() == 1 and self.editor.has_unsaved()

    def ask_unsaved(self, then: Callable[[], object]) -> None:
        """Ask 保存 / 不保存 / 取消 for the open visit, then run ``then()`` (see the editor)."""
        if self.has_unsaved():
            self.editor.ask_unsaved(then)
        else:
            then()

    @Slot(int, int)
    def _on_visit_requested(self, visit_id: int, application_id: int) -> None:
        if visit_id:
            self.open_visit(visit_id)
        elif application_id:
            self.new_visit(application_id)

    def open_visit(self, visit_id: int) -> None:
        def go() -> None:
            self.stack.setCurrentIndex(1)
            self.editor.load(visit_id)

        self.ask_unsaved(go)

    def new_visit(self, application_id: int) -> None:
        def go() -> None:
            self.stack.setCurrentIndex(1)
            self.editor.new_for_application(application_id)

        self.ask_unsaved(go)

    def save(self) -> None:
        """Ctrl+S: save the visit being edited."""
        if self.stack.currentIndex() == 1:
            self.editor.save()

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        self.open_visit(self.model.row(index.row()).id)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self._on_view_activated(rows[0])

    @Slot()
    def _on_new_button_clicked(self) -> None:
        dialog = ChooseApplicationDialog(self.ctx, self)
        self.chooser = dialog

        def start() -> None:
            if dialog.chosen:
                self.new_visit(dialog.chosen)

        dialog.accepted.connect(start)
        dialog.open()
