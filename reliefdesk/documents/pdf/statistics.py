"""年度社会救助统计报告: the year report as a printable A4 PDF with charts (reportlab graphics).

Pure: a :class:`YearPdfData` in, PDF bytes out. Charts: monthly amounts by programme (lines),
recipients by village (bars), households new vs exited per month (grouped bars).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from .layout import P, Styles, build_pdf, content_width, font_name, grid_table, keep, spacer

__all__ = ["YearPdfData", "build_year_pdf"]

PALETTE = (
    colors.HexColor("#1f77b4"),
    colors.HexColor("#ff7f0e"),
    colors.HexColor("#2ca02c"),
    colors.HexColor("#d62728"),
    colors.HexColor("#9467bd"),
    colors.HexColor("#8c564b"),
)


@dataclass(frozen=True)
class YearPdfData:
    """Everything printed, already formatted (amount series are in 元 as floats)."""

    title: str
    subtitle: str
    headers: tuple[str, ...]
    rows: Sequence[Sequence[str]]
    series: Sequence[tuple[str, Sequence[float]]]  # programme → amounts (元) Jan..last locked
    villages: Sequence[tuple[str, int]]  # village → persons
    new_exited: Sequence[tuple[int, int, int]]  # month, new households, exited households
    sections: Sequence[tuple[str, tuple[str, ...], Sequence[Sequence[str]]]]  # title, head, rows
    footer: str


def _title(d: Drawing, text: str, w: float, h: float) -> None:
    d.add(String(w / 2, h - 12, text, fontName=font_name(), fontSize=10, textAnchor="middle"))


def _legend(d: Drawing, names: Sequence[str], x: int, y: int, first: int = 0) -> None:
    lg = Legend()
    lg.x, lg.y = x, y
    lg.fontName, lg.fontSize = font_name(), 7.5
    lg.alignment = "right"
    lg.columnMaximum = 6
    lg.colorNamePairs = [(PALETTE[(first + i) % len(PALETTE)], n) for i, n in enumerate(names)]
    d.add(lg)


def amounts_chart(series: Sequence[tuple[str, Sequence[float]]], w: float) -> Drawing:
    """Monthly amounts by programme (万元), one line each."""
    h = 62 * mm
    d = Drawing(w, h)
    _title(d, "分月支出（万元）", w, h)
    ch = HorizontalLineChart()
    ch.x, ch.y, ch.width, ch.height = 32, 22, round(w - 180), round(h - 46)
    months = max((len(vals) for _, vals in series), default=0) or 1
    ch.data = [[v / 10000 for v in vals] or [0] for _, vals in series] or [[0]]
    ch.categoryAxis.categoryNames = [f"{m}月" for m in range(1, months + 1)]
    for axis in (ch.categoryAxis.labels, ch.valueAxis.labels):
        axis.fontName, axis.fontSize = font_name(), 7
    ch.valueAxis.valueMin = 0
    for i in range(len(ch.data)):
        ch.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
        ch.lines[i].strokeWidth = 1.5
    d.add(ch)
    _legend(d, [n for n, _ in series], ch.x + ch.width + 16, round(h - 24))
    return d


def villages_chart(villages: Sequence[tuple[str, int]], w: float) -> Drawing:
    """Recipients (persons) by village at year end, the 15 largest."""
    top = list(villages)[:15]
    h = 62 * mm
    d = Drawing(w, h)
    _title(d, "年末分村保障人数（前 15 位）", w, h)
    ch = VerticalBarChart()
    ch.x, ch.y, ch.width, ch.height = 32, 30, round(w - 50), round(h - 54)
    ch.data = [[p for _, p in top] or [0]]
    ch.categoryAxis.categoryNames = [v[:4] for v, _ in top] or [""]
    for axis in (ch.categoryAxis.labels, ch.valueAxis.labels):
        axis.fontName, axis.fontSize = font_name(), 7
    ch.categoryAxis.labels.angle = 30
    ch.categoryAxis.labels.boxAnchor = "ne"
    ch.valueAxis.valueMin = 0
    ch.bars[0].fillColor = PALETTE[0]
    d.add(ch)
    return d


def new_exited_chart(rows: Sequence[tuple[int, int, int]], w: float) -> Drawing:
    """Households newly enrolled vs exited, per month."""
    h = 58 * mm
    d = Drawing(w, h)
    _title(d, "分月新增与退出（户）", w, h)
    ch = VerticalBarChart()
    ch.x, ch.y, ch.width, ch.height = 32, 22, round(w - 180), round(h - 46)
    ch.data = [[n for _, n, _ in rows] or [0], [x for _, _, x in rows] or [0]]
    ch.categoryAxis.categoryNames = [f"{m}月" for m, _, _ in rows]
    for axis in (ch.categoryAxis.labels, ch.valueAxis.labels):
        axis.fontName, axis.fontSize = font_name(), 7
    ch.valueAxis.valueMin = 0
    ch.bars[0].fillColor, ch.bars[1].fillColor = PALETTE[2], PALETTE[3]
    d.add(ch)
    _legend(d, ["新增", "退出"], ch.x + ch.width + 16, round(h - 24), first=2)
    return d


def build_year_pdf(data: YearPdfData) -> bytes:
    """The report as PDF bytes (landscape A4)."""
    st = Styles()
    w = content_width(True)
    n = len(data.headers)
    first = 34 * mm
    widths = [first] + [(w - first) / (n - 1)] * (n - 1)
    story: list[Flowable] = [
        P(data.title, st.title),
        P(data.subtitle, st.subtitle),
        grid_table(
            [list(data.headers), *map(list, data.rows)],
            widths,
            header_rows=1,
            repeat_rows=1,
            font_size=8,
        ),
        spacer(3),
        amounts_chart(data.series, w),
        PageBreak(),
        villages_chart(data.villages, w),
        spacer(2),
        new_exited_chart(data.new_exited, w),
    ]
    for title, head, rows in data.sections:
        cw = w / max(len(head), 1)
        body = [list(r) for r in rows] or [["（无）"] + [""] * (len(head) - 1)]
        story.append(
            keep(
                P(title, st.h2),
                grid_table([list(head), *body], [cw] * len(head), header_rows=1, font_size=8.5),
            )
        )
    story += [spacer(4), P(data.footer, st.small)]
    return build_pdf(story, title=data.title, landscape_page=True)
