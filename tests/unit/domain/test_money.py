"""Tests for reliefdesk.domain.money: fen conversions, rounding and 大写金额."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliefdesk.domain.money import (
    CAPITAL_CHARS,
    MAX_CAPITAL_FEN,
    fen_to_yuan,
    format_yuan,
    round_half_up,
    to_capital,
    yuan_to_fen,
)
from reliefdesk.errors import ValidationError

CAPITAL_CASES = [
    ("325", "人民币叁佰贰拾伍元整"),
    ("6614600", "人民币陆佰陆拾壹万肆仟陆佰元整"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("0.05", "人民币伍分"),
    ("10", "人民币壹拾元整"),
    ("100000", "人民币壹拾万元整"),
    ("1409.50", "人民币壹仟肆佰零玖元伍角"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("0", "人民币零元整"),
    ("1000001.10", "人民币壹佰万零壹元壹角"),
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "人民币壹拾万零柒仟元零伍角叁分"),
    ("100000000", "人民币壹亿元整"),
    ("100010000", "人民币壹亿零壹万元整"),
    ("100000001", "人民币壹亿零壹元整"),
    ("0.50", "人民币伍角"),
    ("10.05", "人民币壹拾元零伍分"),
    ("723", "人民币柒佰贰拾叁元整"),
    ("19", "人民币壹拾玖元整"),
]


@pytest.mark.parametrize(("yuan", "expected"), CAPITAL_CASES)
def test_to_capital_reference_cases(yuan: str, expected: str) -> None:
    """The §9.3 reference cases and the chosen optional-零 convention are written exactly."""
    assert to_capital(yuan_to_fen(yuan)) == expected


def test_to_capital_refuses_negative() -> None:
    """A negative amount has no 大写 form and is refused with money.negative."""
    with pytest.raises(ValidationError) as exc:
        to_capital(-1)
    assert exc.value.code == "money.negative"


def test_to_capital_refuses_too_large() -> None:
    """Amounts beyond the supported range are refused, not garbled."""
    with pytest.raises(ValidationError) as exc:
        to_capital(MAX_CAPITAL_FEN + 1)
    assert exc.value.code == "money.range"


@given(st.integers(min_value=0, max_value=MAX_CAPITAL_FEN))
def test_to_capital_only_allowed_characters(fen: int) -> None:
    """大写 output uses only the §9.3 characters, never 一二三…十/0, and starts with 人民币."""
    text = to_capital(fen)
    assert text.startswith("人民币")
    assert set(text) <= CAPITAL_CHARS
    assert not set(text) & set("一二三四五六七八九十百千〇0123456789念毛另")
    assert "零零" not in text
    assert text.endswith(("整", "角", "分"))


@given(st.integers(min_value=1, max_value=MAX_CAPITAL_FEN))
def test_to_capital_zheng_iff_whole_yuan(fen: int) -> None:
    """整 appears exactly when the amount is whole yuan; 分 never combines with 整."""
    text = to_capital(fen)
    assert text.endswith("整") == (fen % 100 == 0)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("1,234.5", 123450),
        ("¥12", 1200),
        ("￥12.345", 1235),
        ("12.344", 1234),
        ("  0.005 ", 1),
        ("-0.005", -1),
        ("-12.3", -1230),
        ("１２３．４５", 12345),
        ("441元", 44100),
        ("-¥1,000", -100000),
        (".5", 50),
        ("7.", 700),
    ],
)
def test_yuan_to_fen_accepts_common_forms(text: str, fen: int) -> None:
    """Commas, ¥/￥, 元, full-width digits and signs are accepted; rounding is half-up."""
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize(
    "text", ["", "abc", "1.2.3", "12,34", "1,2345", "¥", "--1", "1e3", "NaN", "12元5", "1 2,3"]
)
def test_yuan_to_fen_rejects_garbage(text: str) -> None:
    """Anything that is not a plain amount raises ValidationError code money.format."""
    with pytest.raises(ValidationError) as exc:
        yuan_to_fen(text)
    assert exc.value.code == "money.format"


def test_yuan_to_fen_int_and_decimal() -> None:
    """Ints are whole yuan; Decimals round half-up; floats and non-finite Decimals are refused."""
    assert yuan_to_fen(441) == 44100
    assert yuan_to_fen(Decimal("2.675")) == 268
    assert yuan_to_fen(Decimal("-2.675")) == -268
    with pytest.raises(TypeError):
        yuan_to_fen(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        yuan_to_fen(Decimal("Infinity"))


def test_fen_to_yuan_and_format() -> None:
    """Two decimals always; negatives keep a leading minus; format_yuan adds ¥ and commas."""
    assert fen_to_yuan(123450) == "1234.50"
    assert fen_to_yuan(-1230) == "-12.30"
    assert fen_to_yuan(5) == "0.05"
    assert format_yuan(123450) == "¥1,234.50"
    assert format_yuan(-1230) == "-¥12.30"
    assert format_yuan(0) == "¥0.00"


def test_round_half_up() -> None:
    """Halves round away from zero for Fractions and Decimals alike."""
    assert round_half_up(Fraction(5, 2)) == 3
    assert round_half_up(Fraction(-5, 2)) == -3
    assert round_half_up(Fraction(7, 3)) == 2
    assert round_half_up(Decimal("0.5")) == 1
    assert round_half_up(Decimal("1.49")) == 1
    assert round_half_up(4) == 4


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_yuan_round_trip(fen: int) -> None:
    """yuan_to_fen(fen_to_yuan(x)) == x, and the formatted form parses back too."""
    assert yuan_to_fen(fen_to_yuan(fen)) == fen
    assert yuan_to_fen(format_yuan(fen)) == fen


@given(st.fractions(min_value=-(10**12), max_value=10**12, max_denominator=1000))
def test_round_half_up_is_nearest(x: Fraction) -> None:
    """round_half_up is within one half of its argument, and agrees with Decimal ROUND_HALF_UP."""
    r = round_half_up(x)
    assert abs(r - x) <= Fraction(1, 2)
    if x.denominator in (1, 2, 4, 5, 8, 10, 20, 25, 50, 100):
        dec = Decimal(x.numerator) / Decimal(x.denominator)
        assert r == int(dec.to_integral_value(rounding=ROUND_HALF_UP))
        assert r == round_half_up(dec)
