"""Legacy cell values (DOMAIN §12.1): ID numbers, amounts, dates, programmes, relations."""

from __future__ import annotations

from datetime import date

import pytest

from reliefdesk.domain.idnumber import make_id
from reliefdesk.domain.legacy_values import (
    clean_id,
    parse_amount,
    parse_legacy_date,
    programme_of,
    relation_of,
)
from reliefdesk.errors import ValidationError

GOOD = "410482195803010022"


def test_id_stored_as_number_is_flagged_as_lost_digits() -> None:
    """A float ID, scientific notation or a .0 that no longer checks out is never repaired."""
    assert clean_id(float(GOOD)).problem == "id.lost_digits"
    assert clean_id("4.10482E+17").problem == "id.lost_digits"
    assert clean_id("1.23E+17").problem == "id.lost_digits"
    assert clean_id("410482195803010000.0").problem == "id.lost_digits"
    assert clean_id(GOOD + ".0").number == GOOD


def test_id_cleaning_fifteen_digits_full_width_spaces_apostrophe_lowercase_x() -> None:
    """15-digit IDs become 18 (old kept); full-width, spaces, apostrophe and x are cleaned."""
    cell = clean_id("410482580301002")
    assert cell.number == GOOD and cell.old == "410482580301002"
    assert clean_id(" ４１０４８２ 195803010022 ").number == GOOD
    assert clean_id("'" + GOOD).number == GOOD
    x = "11010519491231002X"
    assert clean_id(x.lower()).number == x
    assert clean_id(GOOD[:-1] + "9").problem == "id.checksum"
    assert clean_id("abc").problem == "id.unreadable"
    assert clean_id(None).problem == "id.missing"


def test_amounts_with_yuan_separators_and_floats() -> None:
    """元, thousands separators and float cells become exact fen."""
    assert parse_amount("1,234.50元") == 123450
    assert parse_amount("320 元") == 32000
    assert parse_amount(663.3) == 66330
    assert parse_amount(441) == 44100
    assert parse_amount("") is None
    with pytest.raises(ValidationError):
        parse_amount("三百元")


def test_dates_in_the_forms_offices_write() -> None:
    """1989年07月, 2004.07.01, 19881118, 2004-7-1, month only, Excel serials, timestamps."""
    assert parse_legacy_date("1989年07月") == date(1989, 7, 1)
    assert parse_legacy_date("2004.07.01") == date(2004, 7, 1)
    assert parse_legacy_date("19881118") == date(1988, 11, 18)
    assert parse_legacy_date("2004/7/1") == date(2004, 7, 1)
    assert parse_legacy_date("201503") == date(2015, 3, 1)
    assert parse_legacy_date(38000) == date(2004, 1, 14)
    assert parse_legacy_date("20040701123000") == date(2004, 7, 1)
    with pytest.raises(ValidationError):
        parse_legacy_date("去年")


def test_programme_and_relation_texts() -> None:
    """Programme texts and old codes map to codes; relation words and GB/T 4761 codes too."""
    assert programme_of("城市低保") == ("urban_dibao", None, False)
    assert programme_of("02") == ("rural_dibao", None, False)
    assert programme_of("农村五保")[0] == "tekun"
    assert programme_of("特困人员（集中供养）") == ("tekun", "centralised", False)
    assert programme_of("最低生活保障对象（单人）", "rural") == ("rural_dibao", None, True)
    assert programme_of("低保") is None
    assert programme_of("其他") is None
    assert [
        relation_of(t)
        for t in ("本人", "户主", "妻子", "长女", "儿媳", "父亲", "孙子", "02", "20", "28", "51")
    ] == [
        "head",
        "head",
        "spouse",
        "child",
        "child_in_law",
        "parent",
        "grandchild",
        "head",
        "child",
        "child_in_law",
        "parent",
    ]
    assert make_id("410482", date(1958, 3, 1), 2) == GOOD


def test_names_typed_with_alignment_spaces_are_joined() -> None:
    """张  三 (spaces to align two-character names) is 张三; Latin names keep one space."""
    from reliefdesk.services.importing.plan import clean_name

    assert clean_name(" 张  三 ") == "张三"
    assert clean_name("𠮷　祥") == "𠮷祥"
    assert clean_name("Ayshe  Tursun") == "Ayshe Tursun"


def test_care_tier_texts() -> None:
    """特困 care tiers: 一档/完全丧失 → none, 二档/部分丧失 → partial, 三档/具备 → full."""
    from reliefdesk.domain.legacy_values import care_tier_of

    assert [
        care_tier_of(t)
        for t in (
            "一档",
            "完全丧失生活自理能力",
            "二档",
            "部分丧失",
            "三档",
            "具备生活自理能力",
            "",
            "其他",
        )
    ] == ["none", "none", "partial", "partial", "full", "full", None, None]
