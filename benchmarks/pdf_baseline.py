"""The bare-reportlab baseline for the approval-form batch (issue #17).

:func:`record` builds a PDF through our own code while noting, per page, every string set in
the document (font, size, text-line origin, text) and every line and rectangle drawn.
:func:`replay` then draws exactly those strings and lines with a bare reportlab ``Canvas``
(``setFont`` + ``drawString`` / ``setLineWidth`` + ``line`` / ``rect`` with the same stroke
and fill, one ``showPage`` per page), with the same embedded TrueType font: the floor
reportlab allows for the same text and lines, without platypus layout, styles or tables.
Text positions are the text objects' line origins (in the coordinates of the flowable that
drew them, for platypus documents), which is enough for a cost baseline; for documents drawn
straight on the canvas the replayed pages look the same as ours.

Documents drawn by platypus number their pages through ``layout.NumberedCanvas`` (footers
drawn at ``save``); documents drawn directly on a plain ``Canvas`` (the approval form, see
``documents.pdf.grid``) draw their footers before each ``showPage``: both are recorded.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

Op = tuple[Any, ...]


@contextmanager
def _recording() -> Iterator[list[list[Op]]]:
    """Patch reportlab and our page-numbering canvas to note text and lines per page."""
    from reliefdesk.documents.pdf import layout

    pages: list[list[Op]] = [[]]
    phase = {"footer": -1}  # -1 while laying out; then the index of the page being footed
    orig = {
        "fmt": PDFTextObject._formatText,
        "tline": PDFTextObject.textLine,
        "line": Canvas.line,
        "rect": Canvas.rect,
        "show": Canvas.showPage,
        "nshow": layout.NumberedCanvas.showPage,
        "nsave": layout.NumberedCanvas.save,
    }

    def page() -> list[Op]:
        i = phase["footer"]
        if i < 0:
            return pages[-1]
        while len(pages) <= i:
            pages.append([])
        return pages[i]

    def fmt(self: PDFTextObject, text: str) -> Any:
        # textLine (drawString's way) has moved the line origin down by one leading already
        y = self._y0 + self._leading if in_line["on"] else self._y0
        page().append(("t", self._fontname, self._fontsize, self._x0, y, text))
        return orig["fmt"](self, text)

    in_line = {"on": False}

    def text_line(self: PDFTextObject, text: str = "") -> None:
        in_line["on"] = True
        try:
            orig["tline"](self, text)
        finally:
            in_line["on"] = False

    def line(self: Canvas, x1: float, y1: float, x2: float, y2: float) -> None:
        page().append(("l", x1, y1, x2, y2, self._lineWidth))
        orig["line"](self, x1, y1, x2, y2)

    def rect(
        self: Canvas, x: float, y: float, w: float, h: float, stroke: int = 1, fill: int = 0
    ) -> None:
        page().append(("r", x, y, w, h, stroke, fill, self._fillColorObj if fill else None))
        orig["rect"](self, x, y, w, h, stroke, fill)

    def nshow(self: Any) -> None:
        pages.append([])
        orig["nshow"](self)

    def nsave(self: Any) -> None:
        phase["footer"] = 0
        orig["nsave"](self)

    def show(self: Canvas) -> None:
        orig["show"](self)
        if not isinstance(self, layout.NumberedCanvas):  # drawn directly, footers included
            pages.append([])
        elif phase["footer"] >= 0:
            phase["footer"] += 1

    patches: list[tuple[Any, str, Callable[..., Any]]] = [
        (PDFTextObject, "_formatText", fmt),
        (PDFTextObject, "textLine", text_line),
        (Canvas, "line", line),
        (Canvas, "rect", rect),
        (Canvas, "showPage", show),
        (layout.NumberedCanvas, "showPage", nshow),
        (layout.NumberedCanvas, "save", nsave),
    ]
    saved = [(cls, name, cls.__dict__[name]) for cls, name, _fn in patches]
    try:
        for cls, name, fn in patches:
            setattr(cls, name, fn)
        yield pages
    finally:
        for cls, name, fn in saved:
            setattr(cls, name, fn)


def record(build: Callable[[], Any]) -> list[list[Op]]:
    """Run ``build`` (which makes one PDF through our code); the text and lines of each page."""
    with _recording() as pages:
        build()
    return [p for p in pages if p]


def replay(pages: list[list[Op]]) -> bytes:
    """Draw the recorded strings and lines with a bare canvas; the PDF bytes."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    for ops in pages:
        font: tuple[str, float] | None = None
        width = 1.0
        for op in ops:
            if op[0] == "t":
                _k, name, size, x, y, text = op
                if font != (name, size):
                    c.setFont(name, size)
                    font = (name, size)
                c.drawString(x, y, text)
            elif op[0] == "l":
                if op[5] != width:
                    c.setLineWidth(op[5])
                    width = op[5]
                c.line(op[1], op[2], op[3], op[4])
            elif op[7] is None:
                c.rect(op[1], op[2], op[3], op[4], stroke=op[5], fill=0)
            else:  # a filled rectangle (shaded header rows) in its colour
                c.setFillColor(op[7])
                c.rect(op[1], op[2], op[3], op[4], stroke=op[5], fill=1)
                c.setFillColor(black)
        c.showPage()
    c.save()
    return buf.getvalue()
