"""Shared layout: A4 documents, styles, page footer, tables, signature boxes, QR codes.

Page numbers ("第 n 页 共 m 页") are drawn after the whole story is laid out: the canvas
keeps each page's state and draws footers in ``save()`` (the usual NumberedCanvas
recipe), so one layout pass is enough.  A ``FormStart`` flowable starts a new numbering
group, which lets one batch PDF number each form on its own ("第 1 页 共 2 页" per form).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Literal

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import KeepTogether

from . import kinsoku
from .fonts import ensure_font

kinsoku.install()
# Page streams are zlib-compressed binary, without the ASCII85 layer on top (reportlab's
# default): text-safe PDFs are not needed, and encoding a 1,000-page batch in ASCII85 (pure
# Python without reportlab's C accelerator) took longer than its layout's slowest table.
rl_config.useA85 = 0

MARGIN = 15 * mm
GRID = colors.black


def font_name() -> str:
    """The registered document font (registers it on first use)."""
    return ensure_font().name


def esc(text: object) -> str:
    """Escape user text for a reportlab Paragraph (which parses a mini-markup)."""
    s = "" if text is None else str(text)
    return s.translate(_GLYPH_FIX).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Characters the common CJK TrueType faces lack, mapped to ones they have; and the
# ideographic space, which Paragraph would collapse like any whitespace, kept as
# non-breaking spaces so blanks such as "　　年　　月　　日" keep room for handwriting.
_GLYPH_FIX = str.maketrans({"\u2212": "-", "\u2013": "-", "\u3000": "\u00a0\u00a0\u00a0"})


def fmt_date(d: date | None, blank: str = "　　年　　月　　日") -> str:
    """2026年3月1日, or a blank 年 月 日 to fill by hand."""
    if d is None:
        return blank
    return f"{d.year}年{d.month}月{d.day}日"


def fmt_month(m: str) -> str:
    """ "2026-04" -> "2026年4月"; anything else is printed as is."""
    try:
        y, mo = m.split("-")
        return f"{int(y)}年{int(mo)}月"
    except ValueError:
        return m


class Styles:
    """Paragraph styles, all with ``wordWrap='CJK'``."""

    def __init__(self, base: float = 10.5) -> None:
        fn = font_name()

        def st(
            name: str, size: float, lead: float, align: Literal[0, 1, 2, 4] = TA_LEFT, **kw: Any
        ) -> ParagraphStyle:
            return ParagraphStyle(
                name,
                fontName=fn,
                fontSize=size,
                leading=lead,
                alignment=align,
                wordWrap="CJK",
                **kw,
            )

        self.title = st("title", 18, 24, TA_CENTER, spaceAfter=2 * mm)
        self.subtitle = st("subtitle", 10.5, 14, TA_CENTER, spaceAfter=2 * mm)
        self.h2 = st("h2", 12, 16, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
        self.body = st("body", base, base * 1.6)
        self.body_indent = st(
            "body_indent", base + 1.5, (base + 1.5) * 1.7, firstLineIndent=2 * (base + 1.5)
        )
        self.cell = st("cell", 9, 11.5)
        self.cell_c = st("cell_c", 9, 11.5, TA_CENTER)
        self.cell_r = st("cell_r", 9, 11.5, TA_RIGHT)
        self.small = st("small", 8, 10)
        self.small_c = st("small_c", 8, 10, TA_CENTER)
        self.small_r = st("small_r", 8, 10, TA_RIGHT)
        self.tiny = st("tiny", 7.5, 9)
        self.tiny_c = st("tiny_c", 7.5, 9, TA_CENTER)
        self.tiny_r = st("tiny_r", 7.5, 9, TA_RIGHT)
        self.right = st("right", base, base * 1.6, TA_RIGHT)
        self.head = st("head", 9, 11.5, TA_CENTER)


#: Parsed plain-text paragraphs: (escaped text, id(style)) -> (style, cleaned text, frags).
#: A form batch sets the same labels hundreds of times; parsing (reportlab runs an HTML
#: parser per paragraph) is the same each time. The style is kept so its id stays unique.
_FRAGS: dict[tuple[str, int], tuple[ParagraphStyle, str, list[Any]]] = {}
_FRAGS_MAX = 20_000


class _Para(Paragraph):
    """A Paragraph that keeps its layout for the width it was last wrapped to: a table wraps
    every cell to size its rows and again to draw it, and ``KeepTogether`` measures first."""

    _rd_wrapped: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._rd_wrapped:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._rd_wrapped = availWidth
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._rd_wrapped = None  # splitting re-lays the text out
        return super().split(availWidth, availHeight)


def P(text: object, style: ParagraphStyle) -> Paragraph:
    """Paragraph from plain (unescaped) text."""
    markup = esc(text)
    key = (markup, id(style))
    hit = _FRAGS.get(key)
    if hit is not None and hit[0] is style:
        return _Para(hit[1], style, frags=hit[2])
    para = _Para(markup, style)
    if para.style is style and not para.bulletText:  # plain text: nothing else parsed
        if len(_FRAGS) >= _FRAGS_MAX:
            _FRAGS.clear()
        _FRAGS[key] = (style, para.text, para.frags)
    return para


def grid_table(
    data: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    repeat_rows: int = 0,
    header_rows: int = 0,
    extra: Sequence[tuple[Any, ...]] = (),
    font_size: float = 9,
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """A fully ruled table; header rows shaded; strings are drawn in the CJK font."""
    t = Table(
        list(map(list, data)),
        colWidths=list(col_widths),
        repeatRows=repeat_rows,
        rowHeights=row_heights,
    )
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.9, 0.9, 0.9)))
    cmds.extend(extra)
    t.setStyle(TableStyle(cmds))
    return t


class FormStart(Flowable):
    """Zero-size marker: pages from here on form a new numbering group."""

    def __init__(self, footer_left: str = "") -> None:
        super().__init__()
        self.footer_left = footer_left
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: ARG002
        return 0, 0

    def draw(self) -> None:
        c = self.canv
        c._rd_group = getattr(c, "_rd_group", 0) + 1  # type: ignore[attr-defined]
        c._rd_footer_left = self.footer_left  # type: ignore[attr-defined]


class NumberedCanvas(Canvas):
    """Canvas that draws "第 n 页 共 m 页" on every page once the page count is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rd_pages: list[dict[str, Any]] = []
        self._rd_group = 0
        self._rd_footer_left = ""

    def showPage(self) -> None:
        code: list[str] = self._code  # type: ignore[has-type]
        if len(code) > 1:  # kept until save(): one string, not thousands (the same bytes)
            self._code = ["\n".join(code)]
        self._rd_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset

    def save(self) -> None:
        groups: dict[int, int] = {}
        for st in self._rd_pages:
            groups[st["_rd_group"]] = groups.get(st["_rd_group"], 0) + 1
        seen: dict[int, int] = {}
        pages = self._rd_pages
        self._rd_pages = []
        for st in pages:
            g = st["_rd_group"]
            seen[g] = seen.get(g, 0) + 1
            self.__dict__.update(st)
            self._draw_footer(seen[g], groups[g])
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_footer(self, n: int, m: int) -> None:
        w, _h = self._pagesize  # type: ignore[attr-defined]
        self.saveState()
        self.setFont(font_name(), 9)
        self.drawCentredString(w / 2, 8 * mm, f"第 {n} 页 共 {m} 页")
        left = getattr(self, "_rd_footer_left", "")
        if left:
            self.setFont(font_name(), 7.5)
            self.drawString(MARGIN, 8 * mm, left)
        self.restoreState()


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    landscape_page: bool = False,
    author: str = "reliefdesk",
    top_margin: float = MARGIN,
    bottom_margin: float = 16 * mm,
) -> bytes:
    """Lay out ``story`` on A4 (portrait or landscape) and return the PDF bytes."""
    ensure_font()
    buf = io.BytesIO()
    size = landscape(A4) if landscape_page else A4
    doc = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top_margin,
        bottomMargin=bottom_margin,
        title=title,
        author=author,
        creator="reliefdesk",
        subject=title,
    )
    doc.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()


def content_width(landscape_page: bool = False) -> float:
    """Usable frame width in points."""
    size = landscape(A4) if landscape_page else A4
    return float(size[0] - 2 * MARGIN)


class SignatureBox(Flowable):
    """An opinion text with real ink space below: signer lines, （盖章） and 年 月 日.

    The box is at least ``min_height`` tall (default 32 mm) so a seal (about 42 mm
    across for township seals, usually stamped overlapping the date) and handwriting fit.
    ``recorded`` is the e-approval note (who/when/decision) printed small; the ink lines
    stay blank regardless, as DOMAIN §6.6 asks.
    """

    def __init__(
        self,
        text: str,
        signers: Sequence[str],
        styles: Styles,
        *,
        seal: str | None = "（盖章）",
        recorded: str = "",
        min_height: float = 32 * mm,
        signed_date: date | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.signers = list(signers)
        self.styles = styles
        self.seal = seal
        self.recorded = recorded
        self.min_height = min_height
        self.signed_date = signed_date
        self._para: Paragraph | None = None
        self._rec: Paragraph | None = None

    _SIG_AREA = 20 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._para = Paragraph(esc(self.text) if self.text else "&nbsp;", self.styles.body)
        _w, ph = self._para.wrap(availWidth, availHeight)
        rh = 0.0
        if self.recorded:
            self._rec = Paragraph(esc(self.recorded), self.styles.small)
            _w, rh = self._rec.wrap(availWidth, availHeight)
        self.height = max(self.min_height, ph + rh + self._SIG_AREA + 2 * mm)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        assert self._para is not None
        y = self.height
        ph = self._para.height
        self._para.drawOn(c, 0, y - ph)
        y -= ph
        if self._rec is not None:
            self._rec.drawOn(c, 0, y - self._rec.height)
        fn = font_name()
        c.setFont(fn, 10)
        # Signer lines on the left, at 12 mm from the bottom.
        x = 0.0
        base = 11 * mm
        for label in self.signers:
            c.drawString(x, base, f"{label}：")
            lw = c.stringWidth(f"{label}：", fn, 10)
            c.setLineWidth(0.5)
            c.line(x + lw, base - 1, x + lw + 26 * mm, base - 1)
            x += lw + 30 * mm
        # Seal hint and date on the right.
        right = self.width - 2 * mm
        if self.seal:
            c.drawRightString(right - 10 * mm, base + 7 * mm, self.seal)
        c.drawRightString(right, 3 * mm, fmt_date(self.signed_date))


def opinion_table(
    rows: Sequence[tuple[str, Flowable | list[Flowable]]],
    styles: Styles,
    width: float,
    label_width: float = 28 * mm,
) -> Table:
    """Two-column ruled table: a label on the left, a signature box on the right."""
    data = [[P(label, styles.cell_c), box] for label, box in rows]
    return grid_table(
        data, [label_width, width - label_width], extra=[("VALIGN", (1, 0), (1, -1), "TOP")]
    )


def qr_block(
    url: str, styles: Styles, size: float = 26 * mm, caption: str = "扫码查看救助政策"
) -> Table:
    """QR code of the office's policy URL with a caption under it (ASCII payload only)."""
    widget = QrCodeWidget(url, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    d.add(widget)
    t = Table([[d], [P(caption, styles.small_c)]], colWidths=[size + 6 * mm])
    t.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def keep(*flowables: Flowable) -> KeepTogether:
    """Keep a heading with its table/box."""
    return KeepTogether(list(flowables))


def section(title: str, styles: Styles) -> Paragraph:
    """Section heading."""
    return Paragraph(esc(title), styles.h2)


def spacer(h_mm: float) -> Spacer:
    """Vertical space in millimetres."""
    return Spacer(1, h_mm * mm)


StoryBuilder = Callable[[Any, Styles], list[Flowable]]
