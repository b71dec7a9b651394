"""A small direct-to-canvas layout for ruled forms: wrapped text, ruled grids, page breaks.

platypus (``Table`` of ``Paragraph`` cells) spends most of a form's time on generality we do
not use: every cell is a flowable that is parsed, wrapped twice, translated and drawn under a
saved graphics state.  A form is simpler: text in one font, wrapped by characters (with the
禁则 of :mod:`kinsoku`), in cells of fixed column widths, top to bottom.  This module does
just that and draws with the bare canvas (``drawString`` and ``line``), keeping the look of
:mod:`layout`: the same styles (sizes, leading, alignment), cell padding (3 pt left/right,
2 pt top/bottom), 0.6 pt grid, grey header rows, A4 frame and page footer.

A document is a list of *blocks* (:class:`Para`, :class:`Grid`, :class:`Keep`) laid out on
pages by :func:`paginate`; :func:`draw_pages` then draws them with "第 n 页 共 m 页" footers,
which is possible in one pass because a form is paginated before it is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Protocol

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .kinsoku import _break_lines
from .layout import _GLYPH_FIX, MARGIN, content_width, fmt_date, font_name

PAGE_W, PAGE_H = A4
#: platypus' frame keeps 6 pt padding inside the margins; tables were centred over it.
PAD = 6.0
FRAME_X = MARGIN + PAD
FRAME_W = content_width() - 2 * PAD
TABLE_X = MARGIN
TABLE_W = content_width()
FRAME_TOP = PAGE_H - MARGIN - PAD
FRAME_BOTTOM = 16 * mm + PAD
FRAME_H = FRAME_TOP - FRAME_BOTTOM
GRID_WIDTH = 0.6
HEAD_GREY = 0.9


@dataclass(frozen=True, slots=True)
class Style:
    """Font size, leading, alignment ("L", "C", "R") and paragraph spacing, in points."""

    size: float
    leading: float
    align: str = "L"
    before: float = 0.0
    after: float = 0.0


TITLE = Style(18, 24, "C", after=2 * mm)
SUBTITLE = Style(10.5, 14, "C", after=2 * mm)
H2 = Style(12, 16, before=3 * mm, after=1.5 * mm)
BODY = Style(10.5, 10.5 * 1.6)
CELL = Style(9, 11.5)
CELL_C = Style(9, 11.5, "C")
CELL_R = Style(9, 11.5, "R")
SMALL = Style(8, 10)

_SPACES = re.compile(r"[ \t\r\n]+")


def clean(text: object) -> str:
    """User text as printed: runs of blanks collapsed (as a Paragraph did), glyph fixes."""
    return _clean("" if text is None else str(text))


@lru_cache(maxsize=32768)
def _clean(s: str) -> str:
    return _SPACES.sub(" ", s).strip(" ").translate(_GLYPH_FIX)


@lru_cache(maxsize=8192)
def _char_width(ch: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(ch, font, size))


@lru_cache(maxsize=32768)
def text_width(text: str, size: float) -> float:
    """Width of ``text`` in the document font at ``size`` (remembered: a batch sets the
    same labels hundreds of times)."""
    return float(pdfmetrics.stringWidth(text, font_name(), size))


@lru_cache(maxsize=32768)
def wrap(text: str, size: float, width: float) -> tuple[str, ...]:
    """``text`` (already :func:`clean`) broken into lines no wider than ``width`` (禁则 kept);
    no lines for an empty text."""
    if not text:
        return ()
    if text_width(text, size) <= width:
        return (text,)
    font = font_name()
    chars = list(text)
    widths = [_char_width(ch, font, size) for ch in chars]
    spans = _break_lines(chars, widths, [width])
    last = len(spans) - 1
    return tuple(
        text[a:b] if k == last else text[a:b].strip() for k, (a, b, _mw) in enumerate(spans)
    )


def fit(text: str, size: float, width: float) -> str:
    """``text`` cut (with "…") to one line no wider than ``width``."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def set_font(c: Canvas, size: float) -> None:
    """The document font at ``size``, unless the canvas is set so already."""
    if c._fontsize != size or c._fontname != font_name():  # type: ignore[attr-defined]
        c.setFont(font_name(), size)


def draw_text(
    c: Canvas, lines: Sequence[str], st: Style, x: float, top: float, width: float
) -> None:
    """Draw wrapped lines from ``top`` down (first baseline one font size below it)."""
    y = top - st.size
    for line in lines:
        if st.align == "C":
            c.drawString(x + (width - text_width(line, st.size)) / 2, y, line)
        elif st.align == "R":
            c.drawString(x + width - text_width(line, st.size), y, line)
        else:
            c.drawString(x, y, line)
        y -= st.leading


class Content(Protocol):
    """What a grid cell holds: measured for a width, drawn into its box."""

    valign: str

    def measure(self, width: float) -> float: ...

    def draw(self, c: Canvas, x: float, top: float, width: float) -> None: ...


class Text:
    """Wrapped text in a cell (vertically centred unless ``valign="T"``)."""

    valign = "M"

    def __init__(self, text: object, st: Style = CELL) -> None:
        self.text = clean(text)
        self.st = st
        self._lines: tuple[str, ...] = ()

    def measure(self, width: float) -> float:
        self._lines = wrap(self.text, self.st.size, width)
        return len(self._lines) * self.st.leading

    def draw(self, c: Canvas, x: float, top: float, width: float) -> None:
        if self._lines:
            set_font(c, self.st.size)
            draw_text(c, self._lines, self.st, x, top, width)


class Sign:
    """An opinion with ink space below (as :class:`layout.SignatureBox`): the text, the
    e-approval note in small print, signer lines, the seal hint and 年 月 日; at least
    ``min_height`` tall, drawn from the top of its cell."""

    valign = "T"
    SIG_AREA = 20 * mm

    def __init__(
        self,
        text: str,
        signers: Sequence[str],
        *,
        seal: str | None = "（盖章）",
        recorded: str = "",
        min_height: float = 32 * mm,
        signed_date: date | None = None,
    ) -> None:
        self.text = clean(text)
        self.signers = list(signers)
        self.seal = seal
        self.recorded = clean(recorded)
        self.min_height = min_height
        self.signed_date = signed_date
        self._lines: tuple[str, ...] = ()
        self._rec: tuple[str, ...] = ()
        self.height = min_height

    def measure(self, width: float) -> float:
        self._lines = wrap(self.text, BODY.size, width) or ("",)
        self._rec = wrap(self.recorded, SMALL.size, width)
        used = len(self._lines) * BODY.leading + len(self._rec) * SMALL.leading
        self.height = max(self.min_height, used + self.SIG_AREA + 2 * mm)
        return self.height

    def draw(self, c: Canvas, x: float, top: float, width: float) -> None:
        set_font(c, BODY.size)
        draw_text(c, self._lines, BODY, x, top, width)
        if self._rec:
            set_font(c, SMALL.size)
            draw_text(c, self._rec, SMALL, x, top - len(self._lines) * BODY.leading, width)
        bottom = top - self.height
        set_font(c, 10)
        c.setLineWidth(0.5)
        lx = x
        base = bottom + 11 * mm
        for label in self.signers:
            text = f"{label}："
            c.drawString(lx, base, text)
            lw = text_width(text, 10)
            c.line(lx + lw, base - 1, lx + lw + 26 * mm, base - 1)
            lx += lw + 30 * mm
        right = x + width - 2 * mm
        if self.seal:
            c.drawRightString(right - 10 * mm, base + 7 * mm, self.seal)
        c.drawRightString(right, bottom + 3 * mm, fmt_date(self.signed_date))


Cell = Text | Sign | str | int | None  # str/int: a Text in CELL; None: covered by a span


@dataclass(slots=True)
class Row:
    """One grid row: its cells placed (content, x from the grid's left, inner width, content
    height), its height, whether shaded, and the column boundaries inside its spans."""

    cells: list[tuple[Content, float, float, float]]
    height: float
    head: bool
    cut: frozenset[int]


class Grid:
    """A fully ruled table of fixed column widths (``TABLE_W`` wide unless the widths say
    otherwise), 3/2 pt cell padding, 0.6 pt lines; the first ``head`` rows are shaded and
    repeated on every page the grid continues on."""

    PAD_X = 3.0
    PAD_Y = 2.0
    COVERED = 12.0

    def __init__(
        self,
        rows: Sequence[Sequence[Cell]],
        cols: Sequence[float],
        *,
        head: int = 0,
        spans: Sequence[tuple[int, int, int]] = (),
    ) -> None:
        """``spans``: (row, first column, last column) cells merged across columns."""
        self.xs = [0.0]
        for w in cols:
            self.xs.append(self.xs[-1] + w)
        per_row: dict[int, dict[int, int]] = {}
        for r, c0, c1 in spans:
            per_row.setdefault(r, {})[c0] = c1 - c0 + 1
        self.rows = [self._row(cells, per_row.get(i, {}), i < head) for i, cells in enumerate(rows)]
        self.head = head
        self.height = sum(r.height for r in self.rows)

    def _row(self, cells: Sequence[Cell], spans: dict[int, int], head: bool) -> Row:
        xs, pad = self.xs, self.PAD_X
        cut = frozenset(j for s, n in spans.items() for j in range(s + 1, s + n))
        placed: list[tuple[Content, float, float, float]] = []
        h = self.COVERED if cut else 0.0  # platypus sized a covered cell as "" (12 pt leading)
        for j, cell in enumerate(cells):
            if j in cut or cell is None:
                continue
            content = cell if isinstance(cell, (Text, Sign)) else Text(cell)
            inner = xs[j + spans.get(j, 1)] - xs[j] - 2 * pad
            ch = content.measure(inner)
            placed.append((content, xs[j] + pad, inner, ch))
            h = max(h, ch)
        return Row(placed, h + 2 * self.PAD_Y, head, cut)

    def split(self, avail: float) -> tuple[Grid, Grid] | None:
        """The rows that fit in ``avail`` and the rest (with the header rows again)."""
        heads = self.rows[: self.head]
        used = sum(r.height for r in heads)
        k = self.head
        while k < len(self.rows) and used + self.rows[k].height <= avail:
            used += self.rows[k].height
            k += 1
        if k == self.head or k == len(self.rows):
            return None
        return self._with(self.rows[:k]), self._with(heads + self.rows[k:])

    def _with(self, rows: list[Row]) -> Grid:
        g = Grid.__new__(Grid)
        g.xs, g.head, g.rows = self.xs, self.head, rows
        g.height = sum(r.height for r in rows)
        return g

    def draw(self, c: Canvas, top: float) -> None:
        x0, xs = TABLE_X, self.xs
        y = top
        for row in self.rows:
            if row.head:
                c.setFillGray(HEAD_GREY)
                c.rect(x0, y - row.height, xs[-1], row.height, stroke=0, fill=1)
                c.setFillGray(0)
            space = row.height - 2 * self.PAD_Y
            for content, x, inner, h in row.cells:
                off = self.PAD_Y + (0.0 if content.valign == "T" else (space - h) / 2)
                content.draw(c, x0 + x, y - off, inner)
            y -= row.height
        self._rule(c, top)

    def _rule(self, c: Canvas, top: float) -> None:
        """Grid lines: every row boundary across, column boundaries except inside spans
        (vertical segments of consecutive rows joined into one line)."""
        x0, xs = TABLE_X, self.xs
        c.setLineWidth(GRID_WIDTH)
        y = top
        c.line(x0, y, x0 + xs[-1], y)
        starts: dict[int, float] = {}
        for row in self.rows:
            cut = row.cut
            for j in range(len(xs)):
                if j in cut and j in starts:
                    c.line(x0 + xs[j], starts.pop(j), x0 + xs[j], y)
                elif j not in cut:
                    starts.setdefault(j, y)
            y -= row.height
            c.line(x0, y, x0 + xs[-1], y)
        for j, y_start in starts.items():
            c.line(x0 + xs[j], y_start, x0 + xs[j], y)


class Para:
    """A paragraph across the frame (or ``width``), split between pages by lines;
    ``underline`` is a part of the text drawn underlined."""

    def __init__(
        self,
        text: object,
        st: Style,
        *,
        width: float = FRAME_W,
        underline: str = "",
        lines: tuple[str, ...] | None = None,
    ) -> None:
        self.st = st
        self.width = width
        self.underline = underline
        if lines is None:
            lines = wrap(clean(text), st.size, width)
        self.lines = lines
        self.height = len(self.lines) * st.leading

    def split(self, avail: float) -> tuple[Para, Para] | None:
        k = int(avail // self.st.leading)
        if k < 1 or k >= len(self.lines):
            return None
        a, b = self.lines[:k], self.lines[k:]
        return (
            Para("", self.st, width=self.width, underline=self.underline, lines=a),
            Para("", self.st, width=self.width, underline=self.underline, lines=b),
        )

    def draw(self, c: Canvas, top: float) -> None:
        st = self.st
        set_font(c, st.size)
        draw_text(c, self.lines, st, FRAME_X, top, self.width)
        if self.underline:
            y = top - st.size
            for line in self.lines:
                at = line.find(self.underline)
                if at >= 0 and st.align == "L":
                    x = FRAME_X + text_width(line[:at], st.size)
                    c.setLineWidth(st.size / 12)
                    c.line(
                        x, y - st.size / 8, x + text_width(self.underline, st.size), y - st.size / 8
                    )
                y -= st.leading


class Block(Protocol):
    """Something placed on a page: its height, a way to split it, a way to draw it."""

    height: float

    def split(self, avail: float) -> tuple[Block, Block] | None: ...

    def draw(self, c: Canvas, top: float) -> None: ...


def _before(b: Block) -> float:
    if isinstance(b, Keep):
        return _before(b.blocks[0]) if b.blocks else 0.0
    return b.st.before if isinstance(b, Para) else 0.0


def _after(b: Block) -> float:
    return b.st.after if isinstance(b, Para) else 0.0


class Keep:
    """Blocks kept on one page when they fit on one (a heading with its table)."""

    def __init__(self, *blocks: Block) -> None:
        self.blocks = list(blocks)
        height = after = 0.0
        for k, b in enumerate(self.blocks):
            height += (max(_before(b) - after, 0.0) if k else 0.0) + b.height
            after = _after(b)
            height += after
        self.height = height

    def split(self, avail: float) -> None:  # noqa: ARG002 - never split; see paginate
        return None

    def draw(self, c: Canvas, top: float) -> None:  # pragma: no cover - flattened by paginate
        raise NotImplementedError


Page = list[tuple[Block, float]]


def paginate(blocks: Sequence[Block], height: float = FRAME_H) -> list[Page]:
    """Place blocks top to bottom; (block, top offset from the frame top) per page.

    As in a platypus frame, the gap between two blocks is the larger of the first one's
    space after and the second one's space before, and there is none at a page top."""
    pages: list[Page] = [[]]
    y = 0.0
    after = 0.0
    todo = list(blocks)

    def new_page() -> None:
        nonlocal y, after
        pages.append([])
        y = after = 0.0

    while todo:
        b = todo.pop(0)
        gap = max(_before(b) - after, 0.0) if y > 0 else 0.0
        if isinstance(b, Keep):
            if y > 0 and y + gap + b.height > height and b.height <= height:
                new_page()
            todo[0:0] = b.blocks
            continue
        y += gap
        if y + b.height > height:
            parts = b.split(height - y)
            if parts is not None:
                pages[-1].append((parts[0], y))
                new_page()
                todo.insert(0, parts[1])
                continue
            if y > 0:
                new_page()
        pages[-1].append((b, y))
        after = _after(b)
        y += b.height + after
    return pages


def draw_pages(c: Canvas, pages: Sequence[Page], footer_left: str = "") -> None:
    """Draw paginated blocks, each page with "第 n 页 共 m 页" (and ``footer_left``)."""
    m = len(pages)
    for n, page in enumerate(pages, 1):
        for block, off in page:
            block.draw(c, FRAME_TOP - off)
        set_font(c, 9)
        number = f"第 {n} 页 共 {m} 页"
        left = (PAGE_W - text_width(number, 9)) / 2
        c.drawString(left, 8 * mm, number)
        if footer_left:  # cut short rather than run into the page number
            set_font(c, 7.5)
            c.drawString(MARGIN, 8 * mm, fit(footer_left, 7.5, left - MARGIN - 6))
        c.showPage()
