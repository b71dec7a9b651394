"""统计 page: the month table (only locked rosters count), the year report, three charts and
the exports (month xlsx, year xlsx / PDF). Figures come from ``services.statistics``; loading
runs in a ``QueryOp`` the first time the page is shown, so opening it never blocks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.documents.xlsx.statistics import Money
from reliefdesk.services import statistics
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import QueryOp

from . import charts

__all__ = ["StatisticsPage"]


def _fill(table: QTableWidget, headers: tuple[str, ...], rows: Sequence[Sequence[object]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = statistics.yuan(value.fen) if isinstance(value, Money) else str(value)
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


def _table(name: str) -> QTableWidget:
    t = QTableWidget()
    t.setObjectName(name)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return t


class StatisticsPage(QWidget):
    """The page. ``monthLoaded`` is emitted when the month table is on screen (the page is
    usable), ``loaded`` after the year table and the charts followed."""

    monthLoaded = Signal()
    loaded = Signal()
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsPage")
        self.ctx = ctx
        self.month_stats: statistics.MonthStats | None = None
        self.report: statistics.YearReport | None = None
        self._started = False
        self._build()

    def _build(self) -> None:
        title = QLabel(self.tr("Statistics"))
        title.setObjectName("statisticsTitle")
        title.setProperty("role", "pageTitle")
        today = date.today()
        self.month_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.month_edit.setObjectName("statsMonthEdit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("statsYearSpin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("statsRefreshButton")
        self.refresh_button.clicked.connect(self.load)
        self.month_xlsx_button = QPushButton(self.tr("Export month (xlsx)…"))
        self.month_xlsx_button.setObjectName("statsMonthXlsxButton")
        self.month_xlsx_button.clicked.connect(lambda: self._export("month", ".xlsx"))
        self.year_xlsx_button = QPushButton(self.tr("Export year (xlsx)…"))
        self.year_xlsx_button.setObjectName("statsYearXlsxButton")
        self.year_xlsx_button.clicked.connect(lambda: self._export("year", ".xlsx"))
        self.year_pdf_button = QPushButton(self.tr("Year report (PDF)…"))
        self.year_pdf_button.setObjectName("statsYearPdfButton")
        self.year_pdf_button.clicked.connect(lambda: self._export("year", ".pdf"))
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Month")))
        bar.addWidget(self.month_edit)
        bar.addWidget(QLabel(self.tr("Year")))
        bar.addWidget(self.year_spin)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        for b in (self.month_xlsx_button, self.year_xlsx_button, self.year_pdf_button):
            bar.addWidget(b)
        self.month_note = QLabel()
        self.month_note.setObjectName("statsMonthNote")
        self.month_note.setWordWrap(True)
        self.month_table = _table("statsMonthTable")
        self.year_note = QLabel()
        self.year_note.setObjectName("statsYearNote")
        self.year_note.setWordWrap(True)
        self.year_table = _table("statsYearTable")
        self.year_details = QLabel()
        self.year_details.setObjectName("statsYearDetails")
        self.year_details.setWordWrap(True)
        self.amounts_view = charts.make_view("statsAmountsChart")
        self.villages_view = charts.make_view("statsVillagesChart")
        self.flow_view = charts.make_view("statsFlowChart")
        month_tab, year_tab, chart_tab = QWidget(), QWidget(), QWidget()
        ml = QVBoxLayout(month_tab)
        ml.addWidget(self.month_note)
        ml.addWidget(self.month_table, 1)
        yl = QVBoxLayout(year_tab)
        yl.addWidget(self.year_note)
        yl.addWidget(self.year_table, 1)
        yl.addWidget(self.year_details)
        cl = QGridLayout(chart_tab)
        cl.addWidget(self.amounts_view, 0, 0, 1, 2)
        cl.addWidget(self.villages_view, 1, 0)
        cl.addWidget(self.flow_view, 1, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("statsTabs")
        self.tabs.addTab(month_tab, self.tr("Month"))
        self.tabs.addTab(year_tab, self.tr("Year"))
        self.tabs.addTab(chart_tab, self.tr("Charts"))
        self.status = QLabel()
        self.status.setObjectName("statsStatus")
        root = QVBoxLayout(self)
        root.addLayout(bar)
        root.addWidget(self.tabs, 1)
        root.addWidget(self.status)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.start()

    def start(self) -> None:
        """First load: open on the latest locked month and its year."""
        db, actor = self.ctx.db, self.ctx.actor

        def done(month: date | None) -> None:
            if month is not None:
                self.month_edit.setDate(QDate(month.year, month.month, 1))
                self.year_spin.setValue(month.year)
            self.load()

        QueryOp(
            parent=self, op=lambda: statistics.latest_month(db, actor), success=done
        ).run_in_background()

    def _month(self) -> date:
        d = self.month_edit.date()
        return date(d.year(), d.month(), 1)

    def load(self) -> None:
        """Reload the month and year figures in the background."""
        db, actor, month, year = self.ctx.db, self.ctx.actor, self._month(), self.year_spin.value()
        self.status.setText(self.tr("Loading…"))

        def year_op() -> None:
            QueryOp(
                parent=self,
                op=lambda: statistics.year_report(db, actor, year),
                success=self._show_year,
            ).run_in_background()

        def month_done(m: statistics.MonthStats) -> None:
            self._show_month(m)
            year_op()  # after the month: the two never compete for the CPU

        QueryOp(
            parent=self, op=lambda: statistics.month_stats(db, actor, month), success=month_done
        ).run_in_background()

    def _show_month(self, m: statistics.MonthStats) -> None:
        self.month_stats = m
        if m.locked:
            note = self.tr("%1: figures from the locked rosters only.").replace("%1", m.month_text)
            if m.breaks:
                note += " " + self.tr("Cross-check breaks:") + " " + "；".join(m.breaks)
            else:
                note += " " + self.tr("All cross-checks hold.")
        else:
            note = m.message
        self.month_note.setText(note)
        _fill(self.month_table, statistics.MONTH_HEADERS, list(statistics.month_rows(m)))
        self.monthLoaded.emit()

    def _show_year(self, r: statistics.YearReport) -> None:
        self.report = r
        if r.locked_months:
            self.year_note.setText(
                self.tr("%1: %2 locked months; total paid %3 yuan.")
                .replace("%1", str(r.year))
                .replace("%2", str(len(r.locked_months)))
                .replace("%3", statistics.yuan(r.total_amount_fen))
            )
        else:
            self.year_note.setText(self.tr("No locked roster in %1.").replace("%1", str(r.year)))
        _fill(self.year_table, statistics.YEAR_HEADERS, list(statistics.year_rows(r)))
        self.year_details.setText("\n".join(self._details(r)))
        charts.show_amounts(self.amounts_view, r)
        charts.show_villages(self.villages_view, r)
        charts.show_new_exited(self.flow_view, r)
        self.status.setText("")
        self.loaded.emit()

    def _details(self, r: statistics.YearReport) -> list[str]:
        """Growth base, exits by reason, standards in force, visits and findings."""
        y = statistics.yuan
        lines = [
            self.tr("Growth against %1: %2 locked months in that year.")
            .replace("%1", str(r.year - 1))
            .replace("%2", str(len(r.previous_locked_months)))
        ]
        exits = "；".join(f"{reason} {n}/{p}" for reason, n, p in r.exits_by_reason) or "—"
        lines.append(self.tr("Exits by reason (households/persons): %1").replace("%1", exits))
        standards = (
            "；".join(
                f"{s.effective_from:%Y-%m-%d} {s.name}: {y(s.urban_fen)} / {y(s.rural_fen)}"
                for s in r.standards
            )
            or "—"
        )
        lines.append(
            self.tr("Standards in force, urban / rural (yuan per month): %1").replace(
                "%1", standards
            )
        )
        findings = str(r.findings) if r.findings is not None else self.tr("not recorded")
        lines.append(
            self.tr("Home visits: %1; monitoring findings: %2")
            .replace("%1", str(r.visits))
            .replace("%2", findings)
        )
        return lines

    def _export(self, what: str, suffix: str) -> None:
        name = (
            f"统计月报_{self._month():%Y-%m}"
            if what == "month"
            else f"年度统计_{self.year_spin.value()}"
        ) + suffix
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(Path.home() / name), f"*{suffix}"
        )
        if path:
            self.export_to(what, path)

    def export_to(self, what: str, path: str) -> None:
        """Write the month workbook or the year report (xlsx/pdf) to ``path`` (audited)."""
        db, actor, month, year = self.ctx.db, self.ctx.actor, self._month(), self.year_spin.value()

        def work() -> Path:
            if what == "month":
                return statistics.export_month_xlsx(db, actor, month, path)[0]
            return statistics.export_year(db, actor, year, path)[0]

        def done(written: Path) -> None:
            self.status.setText(self.tr("Saved: %1").replace("%1", str(written)))
            self.exported.emit(str(written))

        QueryOp(parent=self, op=work, success=done).run_in_background()
