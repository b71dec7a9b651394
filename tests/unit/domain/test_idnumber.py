"""Tests for reliefdesk.domain.idnumber: GB 11643 validation, conversion and fixtures."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliefdesk.domain.idnumber import (
    age_on,
    check_digit,
    is_valid_id,
    make_id,
    normalize_id,
    parse_id,
)
from reliefdesk.errors import ValidationError

TODAY = date(2025, 6, 1)

VALID = [
    ("11010519491231002X", date(1949, 12, 31), "F"),
    ("34052419800101001X", date(1980, 1, 1), "M"),
    ("410482195803010022", date(1958, 3, 1), "F"),
    ("410482201506150043", date(2015, 6, 15), "F"),
    ("410482197311090010", date(1973, 11, 9), "M"),
    ("410482199001011232", date(1990, 1, 1), "M"),
]


@pytest.mark.parametrize(("number", "birth", "sex"), VALID)
def test_domain_test_vectors_are_valid(number: str, birth: date, sex: str) -> None:
    """The DOMAIN §9.1 vectors parse, with birth date, sex and address code derived."""
    info = parse_id(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.sex == sex
    assert info.address_code == number[:6]
    assert info.converted_from is None
    assert is_valid_id(number)


def test_lowercase_x_and_fullwidth_stored_upper() -> None:
    """Lowercase x, full-width characters and spaces are accepted and stored as ASCII upper."""
    assert parse_id("11010519491231002x", today=TODAY).number == "11010519491231002X"
    assert parse_id("１１０１０５ 1949 1231 002ｘ", today=TODAY).number == "11010519491231002X"
    assert normalize_id(" 34052419800101001x ") == "34052419800101001X"


def test_fifteen_digit_conversion() -> None:
    """A 15-digit number gets "19" inserted and a computed check digit; the old one is kept."""
    info = parse_id("410482580301002", today=TODAY)
    assert info.number == "410482195803010022"
    assert info.converted_from == "410482580301002"
    assert info.birth_date == date(1958, 3, 1)
    assert normalize_id("410482580301002") == "410482195803010022"


def test_bad_checksum_message() -> None:
    """A wrong check character raises id.checksum with the expected character in the message."""
    with pytest.raises(ValidationError) as exc:
        parse_id("410482195803010025", today=TODAY)
    assert exc.value.code == "id.checksum"
    assert str(exc.value) == "身份证号码校验位错误：应为 2，实际为 5"
    assert exc.value.field == "id_number"


@pytest.mark.parametrize("ymd", ["19580230", "19581301", "19580000", "00000101"])
def test_impossible_birth_date_rejected(ymd: str) -> None:
    """A birth date that is not a real calendar date raises id.birth_date."""
    first17 = "410482" + ymd + "002"
    with pytest.raises(ValidationError) as exc:
        parse_id(first17 + check_digit(first17), today=TODAY)
    assert exc.value.code == "id.birth_date"


def test_future_birth_date_rejected() -> None:
    """A birth date after today raises id.birth_date; today itself is accepted."""
    number = make_id("410482", date(2025, 6, 2), 1)
    with pytest.raises(ValidationError) as exc:
        parse_id(number, today=TODAY)
    assert exc.value.code == "id.birth_date"
    assert parse_id(make_id("410482", TODAY, 1), today=TODAY).birth_date == TODAY


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "id.length"),
        ("41048219580301002", "id.length"),
        ("4104821958030100222", "id.length"),
        ("41048219580301002A", "id.chars"),
        ("4104821958030X0022", "id.chars"),
        ("41048258030100X", "id.chars"),
    ],
)
def test_shape_errors(raw: str, code: str) -> None:
    """Wrong length and wrong characters raise id.length / id.chars before anything else."""
    with pytest.raises(ValidationError) as exc:
        parse_id(raw, today=TODAY)
    assert exc.value.code == code
    assert not is_valid_id(raw)


def test_unknown_address_code_accepted() -> None:
    """An address code outside GB/T 2260 (even 000000) is never a reason to reject."""
    assert parse_id(make_id("000000", date(1970, 1, 1), 5), today=TODAY).address_code == "000000"


def test_check_digit_rejects_bad_input() -> None:
    """check_digit is for 17 digits only (programmer error otherwise)."""
    with pytest.raises(ValueError):
        check_digit("123")


def test_make_id_rejects_bad_arguments() -> None:
    """make_id refuses a non-6-digit address and a sequence outside 0..999."""
    with pytest.raises(ValueError):
        make_id("41048", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_id("410482", date(1990, 1, 1), 1000)


def test_age_on() -> None:
    """Age counts completed years; a 29 Feb birthday completes on 1 Mar in common years."""
    assert age_on(date(1958, 3, 1), date(2018, 2, 28)) == 59
    assert age_on(date(1958, 3, 1), date(2018, 3, 1)) == 60
    assert age_on(date(2000, 2, 29), date(2018, 2, 28)) == 17
    assert age_on(date(2000, 2, 29), date(2018, 3, 1)) == 18


address = st.text(alphabet="0123456789", min_size=6, max_size=6)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
seqs = st.integers(min_value=0, max_value=999)


@given(address, births, seqs)
def test_make_id_round_trips(addr: str, birth: date, seq: int) -> None:
    """make_id → parse_id gives back the address, birth date and sex (odd sequence = male)."""
    info = parse_id(make_id(addr, birth, seq), today=TODAY)
    assert info.address_code == addr
    assert info.birth_date == birth
    assert info.sex == ("M" if seq % 2 else "F")


@given(address, births, seqs, st.integers(min_value=0, max_value=17), st.integers(1, 10))
def test_single_character_change_breaks_checksum(
    addr: str, birth: date, seq: int, pos: int, delta: int
) -> None:
    """Changing any one character to another valid character never yields a valid number."""
    number = make_id(addr, birth, seq)
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    old = alphabet.index(number[pos])
    new = alphabet[(old + delta) % len(alphabet)]
    if new == number[pos]:
        return
    changed = number[:pos] + new + number[pos + 1 :]
    with pytest.raises(ValidationError) as exc:
        parse_id(changed, today=TODAY)
    assert exc.value.code in {"id.checksum", "id.birth_date"}
