"""The approval form drawn with the direct grid layout: long texts wrap inside their cells,
text and rules stay on the page, long footers do not run into the page number."""

from __future__ import annotations

import io
from dataclasses import replace

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTCurve, LTPage, LTTextContainer, LTTextLine
from reportlab.lib.units import mm

from reliefdesk.documents.forms_data import ApplicationFormData, IncomeItem
from reliefdesk.documents.pdf import build_application_form
from reliefdesk.documents.pdf import grid as G  # noqa: N812 - G.NAME reads as the layout constants
from reliefdesk.documents.pdf import samples as S  # noqa: N812 - S.NAME reads as the sample catalogue

LONG_ADDRESS = "某某省某某市某某县某某镇某某村民委员会第十三村民小组" * 3 + "123号附4号楼2单元"
LONG_NAME = "欧阳娜娜木格其其格阿依古丽"
LONG_NOTE = "配偶在镇上饭店帮工，收入不稳定，另有季节性务工收入，折算后计入；" * 4


def _long_form() -> ApplicationFormData:
    base = S.application("rural_dibao", seed=7)
    applicant = replace(base.members[0], name=LONG_NAME)
    members = (applicant, *base.members[1:])
    income = (
        *base.income_items,
        IncomeItem("其他收入（亲友资助、慈善捐赠）", 99_999_999, LONG_NOTE),
    )
    return replace(
        base,
        applicant=applicant,
        members=members,
        address=LONG_ADDRESS,
        income_items=income,
        amount_fen=987_654_321,
    )


def _lines(page: LTPage) -> list[tuple[str, list[LTChar]]]:
    out = []
    for box in page:
        if isinstance(box, LTTextContainer):
            for line in box:
                if isinstance(line, LTTextLine):
                    chars = [c for c in line if isinstance(c, LTChar)]
                    out.append(("".join(c.get_text() for c in chars), chars))
    return out


def _pages(pdf: bytes) -> list[LTPage]:
    return list(extract_pages(io.BytesIO(pdf)))


def _column_edges(page: LTPage) -> list[float]:
    """x of every vertical rule on the page."""
    return sorted(
        {
            round(el.x0, 1)
            for el in page
            if isinstance(el, LTCurve) and abs(el.x0 - el.x1) < 0.01 and el.height > 5
        }
    )


def test_long_address_wraps_inside_its_cell() -> None:
    """A long 现住址 is broken into several lines, all inside the merged address cell."""
    page = _pages(build_application_form(_long_form()))[0]
    left, right = G.TABLE_X + 23 * mm, G.TABLE_X + G.TABLE_W
    parts = [
        (text, chars)
        for text, chars in _lines(page)
        if len(text) > 4 and text.replace(" ", "") in LONG_ADDRESS
    ]
    assert len(parts) >= 2
    assert "".join(t for t, _c in parts) == LONG_ADDRESS
    for _text, chars in parts:
        assert min(c.x0 for c in chars) >= left
        assert max(c.x1 for c in chars) <= right


def test_long_name_and_note_stay_in_their_columns() -> None:
    """A long member name wraps within the 姓名 column; a long income note within 说明."""
    page = _pages(build_application_form(_long_form()))[0]
    edges = _column_edges(page)
    name_col = (G.TABLE_X, G.TABLE_X + 16 * mm)
    pieces = [
        chars
        for text, chars in _lines(page)
        if text and text in LONG_NAME and chars[0].x0 < name_col[1]
    ]
    assert len(pieces) >= 2
    for chars in pieces:
        assert name_col[0] <= chars[0].x0 and chars[-1].x1 <= name_col[1]
    note_left = G.TABLE_X + 70 * mm
    note = [chars for text, chars in _lines(page) if text and text in LONG_NOTE and len(text) > 8]
    assert len(note) >= 2
    for chars in note:
        assert chars[0].x0 >= note_left and chars[-1].x1 <= G.TABLE_X + G.TABLE_W
    assert round(note_left, 1) in edges


def test_everything_stays_inside_the_page_margins() -> None:
    """No character of any page (the capital amount line included) crosses the margins."""
    pdf = build_application_form(_long_form())
    capital = False
    for page in _pages(pdf):
        for text, chars in _lines(page):
            capital = capital or "大写" in text
            assert min(c.x0 for c in chars) >= G.MARGIN - 0.5, text
            assert max(c.x1 for c in chars) <= G.PAGE_W - G.MARGIN + 0.5, text
    assert capital


def test_long_footer_is_cut_before_the_page_number() -> None:
    """The footer naming the form ends with "…" before "第 1 页" when the name is very long."""
    form = _long_form()
    long_name = replace(form.applicant, name=LONG_NAME * 3)
    page = _pages(build_application_form(replace(form, applicant=long_name)))[0]
    bottom = [(t, c) for t, c in _lines(page) if c and c[0].y0 < 12 * mm]
    number = next(c for t, c in bottom if "第" in t and "页" in t and "共" in t)
    footer = [(t, c) for t, c in bottom if c is not number]
    assert footer and any(t.endswith("…") for t, _c in footer)
    assert max(ch.x1 for _t, c in footer for ch in c) < number[0].x0
