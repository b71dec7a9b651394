"""Chinese line breaking: no line starts with closing punctuation, no line ends with an opening bracket."""

from __future__ import annotations

import io
import itertools
import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer, LTTextLine
from reportlab.platypus import Paragraph

from reliefdesk.documents.forms_data import DecisionLetterData
from reliefdesk.documents.pdf import build_decision_letter, samples
from reliefdesk.documents.pdf.kinsoku import CANNOT_END, cjk_frag_split, dumb_split, word_split
from reliefdesk.documents.pdf.layout import Styles

FORBIDDEN_START = "，。；：！？、）》”"
PUNCT_TEXT = (
    "经审核，你家庭月人均收入为612.50元；高于当地农村低保标准（441.00元）。根据《最低生活保障审核确认办法》"
    "第二十一条：“不予确认的，应当书面告知并说明理由。”你家成员名下有小型轿车！是否符合条件？请核实、补充材料。"
    "如有异议，可申请复查；复查结果：维持、变更、撤销。"
)


def _lines(style_text: str, width: float) -> list[str]:
    st_ = Styles()
    p = Paragraph(style_text, st_.body)
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        if hasattr(line, "words"):
            out.append("".join(getattr(w, "text", "") for w in line.words))
        else:
            out.append("".join(line[1]))
    return out


def test_single_fragment_paragraphs_never_start_a_line_with_closing_punctuation() -> None:
    """Over 200 widths, plain (single-fragment) paragraphs break with no line starting with ，。；：！？、）》”."""
    bad = []
    for w in range(60, 460, 2):
        lines = _lines(PUNCT_TEXT * 2, w)
        assert "".join(lines).replace(" ", "") == (PUNCT_TEXT * 2).replace(" ", "")
        bad += [ln for ln in lines[1:] if ln and ln[0] in FORBIDDEN_START]
        bad += [ln for ln in lines[:-1] if ln and ln[-1] in CANNOT_END]
    assert bad == []


def test_multi_fragment_paragraphs_never_start_a_line_with_closing_punctuation() -> None:
    """Paragraphs with markup (several fragments, cjkFragSplit path) obey the same rules."""
    marked = PUNCT_TEXT.replace("612.50", "<u>612.50</u>").replace("441.00", "<b>441.00</b>")
    bad = []
    for w in range(60, 460, 3):
        lines = _lines(marked * 2, w)
        bad += [ln for ln in lines[1:] if ln and ln[0] in FORBIDDEN_START]
        bad += [ln for ln in lines[:-1] if ln and ln[-1] in CANNOT_END]
    assert bad == []


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet="汉字民政救助审核低保标准，。；：！？、）》”（《“12.3", min_size=1, max_size=200
    ),
    width=st.floats(min_value=25, max_value=400),
)
def test_dumb_split_property(text: str, width: float) -> None:
    """For any text and width, the splitter keeps every character, fits lines, and obeys the start/end rules.

    The only allowed exception is a run of punctuation too long to avoid, which shows up as a
    one-character previous line (the splitter always keeps at least one character per line).
    """
    widths = [10.0] * len(text)
    lines = [t for _, t in dumb_split(text, widths, width)]
    assert "".join(lines) == text
    for prev, cur in itertools.pairwise(lines):
        assert len(prev) * 10.0 <= width + 1e-6 or len(prev) == 1
        if cur[0] in FORBIDDEN_START or prev[-1] in CANNOT_END:
            assert len(prev) == 1, lines


def test_cjk_frag_split_is_installed_into_reportlab() -> None:
    """Importing the pdf package replaces reportlab's CJK splitters with the 禁则-aware ones."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    assert paragraph.cjkFragSplit is cjk_frag_split
    assert textsplit.dumbSplit is dumb_split
    for ch in "，；：！？》”":
        assert ch in textsplit.ALL_CANNOT_START


def test_rendered_letter_lines_do_not_start_with_closing_punctuation() -> None:
    """In real PDFs (letters with long punctuation-heavy reasons), no extracted text line starts with ，。；：！？、）》”."""
    rng = random.Random(7)
    starts = []
    total = 0
    for i in range(6):
        chunks = PUNCT_TEXT.split("。")
        rng.shuffle(chunks)
        reasons = tuple("。".join(chunks[: 2 + k]) + "。" for k in range(4))
        data = DecisionLetterData(
            samples.OFFICE,
            "refuse",
            "王建国" + "国" * i,
            "rural_dibao",
            None,
            "",
            reasons,
            date(2026, 3, 27),
            "汝温民保字〔2026〕第019号",
        )
        pdf = build_decision_letter(data)
        for page in extract_pages(io.BytesIO(pdf)):
            for box in page:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if isinstance(line, LTTextLine):
                        s = line.get_text().strip()
                        if s:
                            total += 1
                            starts.append(s)
    assert total > 50
    assert [s for s in starts if s[0] in FORBIDDEN_START] == []


def test_remembered_word_split_gives_each_caller_the_same_fresh_lines() -> None:
    """The remembered single-fragment break equals reportlab's own (with 禁则) every time, and
    a caller changing its lines does not change what the next caller gets."""
    from reportlab.lib import textsplit

    font = Styles().cell.fontName
    text = "申请人因病致贫，家庭人均收入低于当地最低生活保障标准。" * 3
    expected = textsplit.wordSplit(text, [60.0, 80.0], font, 9)
    first = word_split(text, [60.0, 80.0], font, 9)
    assert first == expected
    first[0][1] = "changed"
    assert word_split(text, [60.0, 80.0], font, 9) == expected
