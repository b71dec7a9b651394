"""Long tables: page footers "第 n 页 共 N 页" on every page and repeated header rows."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from reliefdesk.documents.forms_data import ApplicationFormData
from reliefdesk.documents.pdf import (
    build_application_form,
    build_change_roster,
    build_notice,
    build_roster,
)
from reliefdesk.documents.pdf import samples as S  # noqa: N812 - S.NAME reads as the sample catalogue


def page_texts(pdf: bytes) -> list[str]:
    """Per-page text with whitespace removed."""
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def test_300_line_roster_numbers_every_page_and_repeats_header() -> None:
    """A 300-line roster spans many landscape pages; each shows 第 n 页 共 N 页 and the column header."""
    data = S.roster(300)
    pdf = build_roster(data)
    reader = PdfReader(io.BytesIO(pdf))
    pages = page_texts(pdf)
    n = len(pages)
    assert n >= 5
    w, h = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert w > h  # landscape
    for i, t in enumerate(pages, 1):
        assert f"第{i}页共{n}页" in t
        assert "公民身份号码" in t and "实发金额" in t and "社保卡号/银行账号" in t
    # every line printed exactly once
    joined = "".join(pages)
    for ln in data.lines[::37]:
        assert ln.payee in joined
    assert "制表人：" in pages[-1]


def test_long_notice_and_change_roster_number_every_page() -> None:
    """A 200-entry notice and a 200-line change roster carry page footers and headers on each page."""
    for pdf, head in (
        (build_notice(S.notice(200)), "家庭人口"),
        (build_change_roster(S.change_roster(200)), "变动原因"),
    ):
        pages = page_texts(pdf)
        assert len(pages) > 1
        for i, t in enumerate(pages, 1):
            assert f"第{i}页共{len(pages)}页" in t and head in t


def test_large_household_members_table_repeats_header() -> None:
    """A members table that overflows a page repeats its header on the next page."""
    import random
    from dataclasses import replace

    base: ApplicationFormData = S.application()
    members = S.household(random.Random(3), 5) * 12  # 60 rows
    pdf = build_application_form(replace(base, members=members))
    pages = page_texts(pdf)
    assert len(pages) >= 3
    with_header = [t for t in pages if "与申请人关系" in t and "计入共同生活" in t]
    assert len(with_header) >= 2
    for i, t in enumerate(pages, 1):
        assert f"第{i}页共{len(pages)}页" in t
