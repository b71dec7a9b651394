"""在保对象 (enrollments, 动态管理): the list of every enrollment with filters (programme,
village, status, re-check due this month, name or number), paged from SQL, and one screen
per enrolled household (:class:`~reliefdesk.ui.enrollments.detail.EnrollmentDetail`).

Batch: select the rows (e.g. a village's re-checks due this month) and record "re-checked,
unchanged" for all of them at once (one transaction; adjusted results are recorded one by
one on the household's screen); print every 告知书 of a month's 减发/停发/终止 in one
document (打印本月告知书).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.errors import ReliefError
from reliefdesk.services import enrollment_events as ev
from reliefdesk.services import exports, register
from reliefdesk.services.enrollment_events import EnrollmentRow
from reliefdesk.services.printing import notices as printing_notices
from reliefdesk.ui import printing
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import MutationOp, QueryOp, show_error
from reliefdesk.ui.refresh import PageRefresh, comes_from
from reliefdesk.ui.table_model import WARN_COLOR, Column, PagedTableModel
from reliefdesk.ui.tables import make_table

from .detail import EnrollmentDetail


def list_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("EnrollmentsPage", "No."), lambda r: str(r.id)),
        Column(
            QCoreApplication.translate("EnrollmentsPage", "Household"),
            lambda r: str(r.household_id),
        ),
        Column(QCoreApplication.translate("EnrollmentsPage", "Payee"), lambda r: r.payee_name),
        Column(QCoreApplication.translate("EnrollmentsPage", "Village"), lambda r: r.village_name),
        Column(
            QCoreApplication.translate("EnrollmentsPage", "Programme"), lambda r: r.programme_label
        ),
        Column(QCoreApplication.translate("EnrollmentsPage", "Status"), lambda r: r.status_label),
        Column(
            QCoreApplication.translate("EnrollmentsPage", "Persons"),
            lambda r: str(r.persons),
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("EnrollmentsPage", "Yuan/month"),
            lambda r: fen_to_yuan(r.amount_fen),
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("EnrollmentsPage", "Since"),
            lambda r: f"{r.start_month:%Y-%m}",
        ),
        Column(
            QCoreApplication.translate("EnrollmentsPage", "Next re-check"),
            lambda r: f"{r.next_recheck:%Y-%m}" if r.next_recheck else "",
            color=lambda r: WARN_COLOR if r.recheck_due else None,
        ),
    ]


class EnrollmentsPage(QWidget):
    """Signals: ``listShown`` after a page of rows arrived; ``batchDone(int)``."""

    listShown = Signal()
    batchDone = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrollmentsPage")
        self.ctx = ctx
        title = QLabel(self.tr("Enrollments"))
        title.setObjectName("enrollmentsTitle")
        title.setProperty("role", "pageTitle")
        self.programme_combo = QComboBox()
        self.programme_combo.setObjectName("enrollmentProgrammeFilter")
        for code, text in (
            (None, self.tr("All programmes")),
            ("urban_dibao", self.tr("Urban dibao")),
            ("rural_dibao", self.tr("Rural dibao")),
            ("tekun", self.tr("Tekun")),
        ):
            self.programme_combo.addItem(text, code)
        self.village_combo = QComboBox()
        self.village_combo.setObjectName("enrollmentVillageFilter")
        self.village_combo.addItem(self.tr("All villages"), None)
        self.village_combo.setMinimumWidth(140)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("enrollmentStatusFilter")
        for code, text in (
            ("live", self.tr("Current (paid, phase-out, suspended)")),
            ("active", self.tr("Paid")),
            ("phase_out", self.tr("Phase-out")),
            ("suspended", self.tr("Suspended")),
            ("terminated", self.tr("Terminated")),
            (None, self.tr("All")),
        ):
            self.status_combo.addItem(text, code)
        self.due_check = QCheckBox(self.tr("Re-check due this month"))
        self.due_check.setObjectName("enrollmentDueFilter")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("enrollmentSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Payee name or number"))
        self.search_edit.setClearButtonEnabled(True)
        for combo in (self.programme_combo, self.village_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.due_check.toggled.connect(self.reload)
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        filters = QHBoxLayout()
        filters.addWidget(title)
        filters.addSpacing(12)
        for w in (self.programme_combo, self.village_combo, self.status_combo, self.due_check):
            filters.addWidget(w)
        filters.addWidget(self.search_edit, 1)

        self.model = PagedTableModel(
            list_columns(), lambda _offset, _limit: [], page_size=200, widget=self
        )
        self.model.loaded.connect(self._on_model_loaded)
        self.model.failed.connect(lambda e: show_error(self, e))
        self.view = make_table("enrollmentsView", self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for col, width in enumerate((60, 70, 90, 130, 90, 70, 55, 90, 75)):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.activated.connect(self._on_view_double_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("enrollmentCountLabel")
        self.count_label.setProperty("role", "hint")
        self.batch_button = QPushButton(self.tr("Re-checked, unchanged (selected)..."))
        self.batch_button.setObjectName("enrollmentBatchRecheckButton")
        self.batch_button.setToolTip(
            self.tr('Record the re-check result "unchanged" for every selected enrollment at once')
        )
        self.batch_button.setEnabled(ctx.actor.can("enrollment.change"))
        self.batch_button.clicked.connect(self._on_batch_clicked)
        today = date.today()
        self.notice_month_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.notice_month_edit.setObjectName("enrollmentNoticeMonthEdit")
        self.notice_month_edit.setDisplayFormat("yyyy-MM")
        self.notice_month_edit.setMinimumWidth(100)
        self.notice_month_edit.setToolTip(self.tr("Month the changes take effect"))
        self.notices_button = QPushButton(self.tr("Print the month's notices..."))
        self.notices_button.setObjectName("enrollmentMonthNoticesButton")
        self.notices_button.setToolTip(
            self.tr(
                "Every notice (reduction, suspension, "
                "termination) effective in the month, in one "
                "document"
            )
        )
        self.notices_button.setEnabled(ctx.actor.can("print"))
        self.notices_button.clicked.connect(self.print_month_notices)
        self.export_button = QPushButton(self.tr("Export Excel..."))
        self.export_button.setObjectName("enrollmentExportButton")
        self.export_button.setToolTip(
            self.tr("The list with the current filters, as the 在保名单 workbook")
        )
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_path = ""  # tests set it to skip the file chooser
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.notice_month_edit)
        bottom.addWidget(self.notices_button)
        bottom.addWidget(self.batch_button)
        list_page = QWidget()
        box = QVBoxLayout(list_page)
        box.setContentsMargins(16, 12, 16, 8)
        box.addLayout(filters)
        box.addWidget(self.view, 1)
        box.addLayout(bottom)

        self.detail = EnrollmentDetail(ctx, self)
        self.detail.backRequested.connect(self.show_list)
        self.stack = QStackedWidget()
        self.stack.setObjectName("enrollmentsStack")
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresher = PageRefresh(
            self, ctx, ("enrollments", "households", "applications"), self._on_changes
        )
        ctx.enrollmentRequested.connect(self.open_enrollment)
        self._total = 0
        self._load_villages()
        self.reload()

    # -- export -----------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        path = self.export_path
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the list"),
                f"在保名单-{date.today():%Y%m%d}.xlsx",
                self.tr("Excel workbooks (*.xlsx)"),
            )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """在保名单: the whole list with the current filters (not only the loaded rows)."""
        db, actor, f = self.ctx.db, self.ctx.actor, self.filters()
        columns = list_columns()

        def op() -> exports.ExportResult:
            page = ev.enrollment_page(db, actor, limit=1_000_000, offset=0, **f)  # type: ignore[arg-type]
            values = [[c.text(r) for c in columns] for r in page.rows]
            return exports.export_table(
                db,
                actor,
                "enrollments",
                [c.title for c in columns],
                values,
                path,
                widths=(8, 8, 10, 12, 12, 8, 8, 10, 9, 10),
            )

        def done(result: exports.ExportResult) -> None:
            self.count_label.setText(
                self.tr("Exported %n row(s) to {file}", "", result.rows).format(
                    file=result.path.name
                )
            )

        def failed(error: ReliefError) -> None:
            QMessageBox.warning(self, self.tr("Export"), str(error))

        QueryOp(parent=self, op=op, success=done).failure(failed).with_progress(
            self.tr("Exporting...")
        ).run_in_background()

    # -- list -------------------------------------------------------------------------------
    def _load_villages(self) -> None:
        ctx = self.ctx

        def done(villages: list) -> None:  # type: ignore[type-arg]
            self.village_combo.blockSignals(True)
            for v in villages:
                self.village_combo.addItem(v.name, v.id)
            self.village_combo.blockSignals(False)

        QueryOp(
            parent=self, op=lambda: register.list_villages(ctx.db, ctx.actor), success=done
        ).run_in_background()

    def filters(self) -> dict[str, object]:
        return {
            "programme": self.programme_combo.currentData(),
            "village_id": self.village_combo.currentData(),
            "status": self.status_combo.currentData(),
            "due_month": date.today() if self.due_check.isChecked() else None,
            "search": self.search_edit.text().strip() or None,
        }

    def reload(self) -> None:
        db, actor, f = self.ctx.db, self.ctx.actor, self.filters()

        def fetch(offset: int, limit: int) -> list[EnrollmentRow]:
            page = ev.enrollment_page(db, actor, limit=limit, offset=offset, **f)  # type: ignore[arg-type]
            self._total = page.total
            return list(page.rows)

        self.model.set_fetch(fetch)
        self.model.reload()

    def _on_model_loaded(self) -> None:
        self.count_label.setText(
            self.tr("{n} of {total} enrollment(s) loaded").format(
                n=self.model.rowCount(), total=self._total
            )
        )
        self.listShown.emit()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.row(index.row())
            self.open_household(row.household_id, row.id)

    def selected_rows(self) -> list[EnrollmentRow]:
        return [self.model.row(i.row()) for i in self.view.selectionModel().selectedRows()]

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)

    def open_household(self, household_id: int, enrollment_id: int | None = None) -> None:
        """Show the screen of one enrolled household."""
        self.stack.setCurrentWidget(self.detail)
        self.detail.open_household(household_id, enrollment_id)

    def open_enrollment(self, enrollment_id: int) -> None:
        """Show the household screen of ``enrollment_id`` (asked for by other pages)."""
        ctx = self.ctx

        def done(page: ev.EnrollmentPage) -> None:
            if page.rows:
                self.open_household(page.rows[0].household_id, enrollment_id)

        QueryOp(
            parent=self,
            op=lambda: ev.enrollment_page(ctx.db, ctx.actor, search=str(enrollment_id)),
            success=done,
        ).run_in_background()

    # -- batch ------------------------------------------------------------------------------
    def _on_batch_clicked(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Re-checks"),
            self.tr(
                'Record "re-checked, no change" today for {n} enrollment(s)? The next re-check '
                "is scheduled by the policy's interval."
            ).format(n=len(rows)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("enrollmentBatchConfirmBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.batch_recheck([r.id for r in rows]))
        box.open()

    def batch_recheck(self, ids: list[int], reason: str = "") -> None:
        """Record "unchanged" re-checks for ``ids`` in one transaction."""
        db, actor = self.ctx.db, self.ctx.actor
        items = [{"enrollment_id": i, "result": "unchanged", "reason": reason} for i in ids]

        def done(views: list) -> None:  # type: ignore[type-arg]
            self.batchDone.emit(len(views))

        MutationOp(
            parent=self,
            op=lambda: ev.batch_recheck(db, actor, items, on_date=date.today()),
            success=done,
        ).failure(lambda e: show_error(self, e)).with_progress(
            self.tr("Saving...")
        ).run_in_background()

    def print_month_notices(self) -> None:
        """Every 告知书 of the chosen month's changes in one print preview (audited)."""
        q = self.notice_month_edit.date()
        month = date(q.year(), q.month(), 1)
        db, actor = self.ctx.db, self.ctx.actor
        printing.print_document(
            self.ctx, self, lambda: printing_notices.month_notices_pdf(db, actor, month)[0]
        )

    # -- changes ----------------------------------------------------------------------------
    def _on_changes(self, _changes: object, initiator: object) -> None:
        """A write touched enrollments: reload the list, and the detail unless the write came
        from the detail itself (it reloads after its own dialogs)."""
        self.reload()
        if self.stack.currentWidget() is self.detail and not comes_from(initiator, self.detail):
            self.detail.refresh()
