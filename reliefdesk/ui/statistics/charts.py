"""Qt Charts for the 统计 page: monthly amounts by programme, recipients by village, households
new vs exited per month. Each builder fills an existing ``QChartView`` from a ``YearReport``."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter

from reliefdesk.services import statistics

__all__ = ["make_view", "show_amounts", "show_new_exited", "show_villages"]


def make_view(name: str) -> QChartView:
    view = QChartView()
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.setMargins(chart.margins().__class__(4, 4, 4, 4))
    return chart


def show_amounts(view: QChartView, report: statistics.YearReport) -> None:
    """Monthly amounts (万元) by programme, Jan .. the last locked month."""
    chart = _chart(
        QCoreApplication.translate("StatisticsCharts", "Amounts paid per month (10,000 yuan)")
    )
    last = max(report.locked_months, default=0)
    months = [f"{m}" for m in range(1, last + 1)]
    top = 0.0
    series_list = []
    for key in statistics.CATEGORY_KEYS:
        s = QLineSeries()
        s.setName(statistics.CATEGORY_LABELS[key])
        for m, amounts in report.monthly_amounts:
            if m <= last:
                value = amounts[key] / 1_000_000
                top = max(top, value)
                s.append(m, value)
        chart.addSeries(s)
        series_list.append(s)
    x, y = QValueAxis(), QValueAxis()
    x.setRange(1, max(len(months), 2))
    x.setTickCount(max(len(months), 2))
    x.setLabelFormat("%d")
    x.setTitleText(QCoreApplication.translate("StatisticsCharts", "Month"))
    y.setRange(0, top * 1.1 or 1)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in series_list:
        s.attachAxis(x)
        s.attachAxis(y)
    _replace(view, chart)


def show_villages(view: QChartView, report: statistics.YearReport) -> None:
    """Persons by village in the last locked month (the 12 largest)."""
    chart = _chart(
        QCoreApplication.translate("StatisticsCharts", "Recipients by village (persons)")
    )
    top = list(report.recipients_by_village)[:12]
    bars = QBarSet(QCoreApplication.translate("StatisticsCharts", "Persons"))
    for _v, _h, p in top:
        bars.append(p)
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append([v[:4] for v, _h, _p in top] or [""])
    y = QValueAxis()
    y.setRange(0, max((p for _v, _h, p in top), default=1) * 1.1)
    y.setLabelFormat("%d")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().hide()
    _replace(view, chart)


def show_new_exited(view: QChartView, report: statistics.YearReport) -> None:
    """Households newly enrolled vs exited, per locked month."""
    chart = _chart(QCoreApplication.translate("StatisticsCharts", "New vs exited households"))
    last = max(report.locked_months, default=0)
    new, gone = (
        QBarSet(QCoreApplication.translate("StatisticsCharts", "New")),
        QBarSet(QCoreApplication.translate("StatisticsCharts", "Exited")),
    )
    cats = []
    top = 1
    for m, n, x in report.monthly_new_exited:
        if m <= last:
            new.append(n)
            gone.append(x)
            cats.append(f"{m}")
            top = max(top, n, x)
    series = QBarSeries()
    series.append(new)
    series.append(gone)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(cats or [""])
    axis_y = QValueAxis()
    axis_y.setRange(0, top * 1.1)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    _replace(view, chart)


def _replace(view: QChartView, chart: QChart) -> None:
    old = view.chart()
    view.setChart(chart)
    if old is not None and old is not chart:
        old.deleteLater()
