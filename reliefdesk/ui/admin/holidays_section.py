"""节假日: the 放假 and 调休上班 days of a year, editable day by day or a whole period at a
time as the State Council's notice lists them (e.g. 春节 02-06 … 02-13, 调休上班 02-20), with a
calendar marking them and a line saying which years have no data yet (deadlines there count
weekends only and are shown with a warning)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.errors import ReliefError
from reliefdesk.services import holidays, policy
from reliefdesk.services.policy import HolidayRow, holidays_of_year
from reliefdesk.ui.admin.common import Section, selected_row
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.forms import FormErrors, make_error_label
from reliefdesk.ui.labels import admin as lbl
from reliefdesk.ui.ops import MutationOp, QueryOp
from reliefdesk.ui.table_model import Column, RecordTableModel
from reliefdesk.ui.tables import make_table

HOLIDAY_COLOR = QColor("#c62828")
WORKDAY_COLOR = QColor("#1565c0")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class HolidaysSection(Section):
    """The holiday table of one year (used by every working-day time limit)."""

    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(
            "holidaysSection",
            self.tr("Holidays"),
            self.tr(
                "Public holidays and make-up working days from the State "
                "Council's notice; every time limit in working days uses them."
            ),
            writable=ctx.actor.can("admin.policy"),
            parent=parent,
        )
        self.ctx = ctx
        self.rows: list[HolidayRow] = []
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("holidaysYearSpin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(date.today().year)
        self.year_spin.valueChanged.connect(self._on_year_changed)
        self.coverage_label = QLabel()
        self.coverage_label.setObjectName("holidaysCoverageLabel")
        self.coverage_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_spin)
        top.addSpacing(12)
        top.addWidget(self.coverage_label, 1)
        self.body.addLayout(top)
        self.covered: list[int] = []

        kinds = lbl.holiday_kinds()
        weekdays = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda r: r.day.isoformat()),
                Column(self.tr("Weekday"), lambda r: weekdays[r.day.weekday()]),
                Column(
                    self.tr("Kind"),
                    lambda r: lbl.label(kinds, r.kind),
                    color=lambda r: HOLIDAY_COLOR if r.kind == "holiday" else WORKDAY_COLOR,
                ),
                Column(self.tr("Name"), lambda r: r.name),
            ],
            self,
        )
        self.table = make_table("holidaysTable", self.model)
        for col, width in enumerate((110, 70, 120)):
            self.table.setColumnWidth(col, width)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("holidaysCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMinimumSize(360, 260)
        self.calendar.clicked.connect(self._on_calendar_clicked)

        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("holidayDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate.currentDate())
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("holidayKindCombo")
        for code, text in kinds.items():
            self.kind_combo.addItem(text, code)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("holidayNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. 春节"))
        self.period_name_edit = QLineEdit()
        self.period_name_edit.setObjectName("holidayPeriodNameEdit")
        self.period_name_edit.setPlaceholderText(self.tr("e.g. 春节"))
        self.period_from_edit = self._date("holidayPeriodFromEdit")
        self.period_to_edit = self._date("holidayPeriodToEdit")
        self.period_makeup_edit = QLineEdit()
        self.period_makeup_edit.setObjectName("holidayPeriodMakeupEdit")
        self.period_makeup_edit.setPlaceholderText(self.tr("e.g. 2027-02-20, 2027-03-06"))
        self.period_button = QPushButton(self.tr("Save period"))
        self.period_button.setObjectName("holidayPeriodSaveButton")
        self.period_button.clicked.connect(self.save_period)
        self.general_error = make_error_label("holidayGeneralError", word_wrap=True)
        self.errors = FormErrors(
            {
                "day": self.date_edit,
                "kind": self.kind_combo,
                "name": self.name_edit,
                "first": self.period_from_edit,
                "last": self.period_to_edit,
                "makeup": self.period_makeup_edit,
            },
            general=self.general_error,
        )
        form = QFormLayout()
        form.addRow(self.tr("Date:"), self.errors.row("day"))
        form.addRow(self.tr("Kind:"), self.errors.row("kind"))
        form.addRow(self.tr("Name:"), self.errors.row("name"))
        self.save_button = QPushButton(self.tr("Save day"))
        self.save_button.setObjectName("holidaySaveButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(self.tr("Make a normal day"))
        self.remove_button.setObjectName("holidayRemoveButton")
        self.remove_button.setToolTip(self.tr("Remove the selected day from the table"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.status_label = QLabel()
        self.status_label.setObjectName("holidaysStatusLabel")
        self.status_label.setProperty("role", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        legend = QLabel(
            self.tr(
                "<span style='color:#c62828'>■</span> public holiday&nbsp;&nbsp;"
                "<span style='color:#1565c0'>■</span> make-up working day"
            )
        )
        legend.setObjectName("holidaysLegend")

        right = QVBoxLayout()
        right.addWidget(self.calendar)
        right.addWidget(legend)
        right.addLayout(form)
        right.addLayout(buttons)
        period_title = QLabel(self.tr("A whole holiday from the notice:"))
        period_title.setProperty("role", "sectionTitle")
        right.addWidget(period_title)
        period = QFormLayout()
        period.addRow(self.tr("Holiday:"), self.period_name_edit)
        dates = QHBoxLayout()
        dates.addWidget(self.errors.row("first"))
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.errors.row("last"))
        period.addRow(self.tr("Days off:"), dates)
        period.addRow(self.tr("Make-up days:"), self.errors.row("makeup"))
        right.addLayout(period)
        right.addWidget(self.period_button)
        right.addWidget(self.general_error)
        right.addWidget(self.status_label)
        right.addStretch(1)
        right_box = QWidget()
        right_box.setLayout(right)
        right_box.setMaximumWidth(440)
        content = QHBoxLayout()
        content.addWidget(self.table, 1)
        content.addWidget(right_box)
        self.body.addLayout(content, 1)
        for w in (
            self.date_edit,
            self.kind_combo,
            self.name_edit,
            self.save_button,
            self.remove_button,
            self.period_name_edit,
            self.period_from_edit,
            self.period_to_edit,
            self.period_makeup_edit,
            self.period_button,
        ):
            w.setEnabled(self.writable)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        self._marked: list[date] = []

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate.currentDate())
        return edit

    def _on_year_changed(self, year: int) -> None:
        self.calendar.setCurrentPage(year, 1 if year != date.today().year else date.today().month)
        self.refresh()

    def refresh(self) -> None:
        db, actor, year = self.ctx.db, self.ctx.actor, self.year_spin.value()
        QueryOp(
            parent=self,
            op=lambda: (holidays_of_year(db, actor, year), holidays.years_covered(db, actor)),
            success=self._fill_all,
        ).run_in_background()

    def _fill_all(self, result: tuple[list[HolidayRow], list[int]]) -> None:
        rows, self.covered = result
        year = self.year_spin.value()
        known = f"{self.covered[0]}–{self.covered[-1]}" if self.covered else self.tr("none")
        if year in self.covered:
            self.coverage_label.setProperty("role", "hint")
            text = self.tr("Years with holiday data: {years}.").format(years=known)
        else:
            self.coverage_label.setProperty("role", "error")
            text = self.tr(
                "No holiday data for {year}: deadlines in {year} count weekends "
                "only and are shown with a warning. Enter the State Council's "
                "notice below. (Years with data: {years}.)"
            ).format(year=year, years=known)
        self.coverage_label.setText(text)
        self.coverage_label.style().unpolish(self.coverage_label)
        self.coverage_label.style().polish(self.coverage_label)
        self._fill(rows)

    def _fill(self, rows: list[HolidayRow]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        plain = QTextCharFormat()
        for d in self._marked:
            self.calendar.setDateTextFormat(_qdate(d), plain)
        self._marked = []
        for r in rows:
            fmt = QTextCharFormat()
            color = HOLIDAY_COLOR if r.kind == "holiday" else WORKDAY_COLOR
            fmt.setForeground(QBrush(color))
            fmt.setBackground(QBrush(color.lighter(190)))
            fmt.setFontWeight(700)
            if r.name:
                fmt.setToolTip(r.name)
            self.calendar.setDateTextFormat(_qdate(r.day), fmt)
            self._marked.append(r.day)
        self.loaded.emit()

    def _on_selected(self) -> None:
        row: HolidayRow | None = selected_row(self.table)
        if row is None:
            return
        self.date_edit.setDate(_qdate(row.day))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(row.kind)))
        self.name_edit.setText(row.name)
        self.calendar.setSelectedDate(_qdate(row.day))

    def _on_calendar_clicked(self, qd: QDate) -> None:
        self.date_edit.setDate(qd)
        for i, r in enumerate(self.rows):
            if r.day == _pydate(qd):
                self.table.selectRow(i)
                return
        self.table.clearSelection()
        self.name_edit.clear()

    def _write(self, day: date, kind: str, name: str, message: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> None:
            policy.mark_day(db, actor, day, kind, name)

        def done(_r: object) -> None:
            self.status_label.setText(message)
            self.saved.emit()
            if day.year != self.year_spin.value():
                self.year_spin.setValue(day.year)  # refreshes
            else:
                self.refresh()

        def failed(error: ReliefError) -> None:
            self.errors.show_error(error)

        MutationOp(parent=self, op=work, success=done).failure(failed).run_in_background()

    def save(self) -> None:
        if not self.writable:
            return
        self.errors.clear()
        day = _pydate(self.date_edit.date())
        self._write(
            day,
            self.kind_combo.currentData(),
            self.name_edit.text().strip(),
            self.tr("Saved %1.").replace("%1", day.isoformat()),
        )

    def save_period(self) -> None:
        """Save a whole 放假 period and its 调休上班 days (all or nothing)."""
        if not self.writable:
            return
        self.errors.clear()
        try:
            makeup = [
                date.fromisoformat(p.strip())
                for p in self.period_makeup_edit.text()
                .replace("，", ",")
                .replace("、", ",")
                .split(",")
                if p.strip()
            ]
        except ValueError:
            self.errors.set_field_error(
                "makeup", self.tr("Write dates as 2027-02-20, separated by commas.")
            )
            return
        db, actor = self.ctx.db, self.ctx.actor
        name = self.period_name_edit.text()
        first, last = _pydate(self.period_from_edit.date()), _pydate(self.period_to_edit.date())

        def done(n: int) -> None:
            self.status_label.setText(
                self.tr("Saved {name}: {n} day(s).").format(name=name.strip(), n=n)
            )
            self.saved.emit()
            if first.year != self.year_spin.value():
                self.year_spin.setValue(first.year)
            else:
                self.refresh()

        MutationOp(
            parent=self,
            op=lambda: holidays.add_holiday_period(db, actor, name, first, last, makeup),
            success=done,
        ).failure(self.errors.show_error).run_in_background()

    def remove_selected(self) -> None:
        row: HolidayRow | None = selected_row(self.table)
        if not self.writable or row is None:
            return
        self._write(
            row.day,
            "normal",
            "",
            self.tr("%1 is a normal day again.").replace("%1", row.day.isoformat()),
        )
