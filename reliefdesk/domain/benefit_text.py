"""Formatting and input checks shared by the benefit calculators (domain/benefits.py).

The calculators print their working ("441.00 元/人·月", "1.3", "20%") and reject bad input
with one-line Chinese messages; both live here so every calculator says it the same way.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from reliefdesk.domain.money import fen_to_yuan, round_half_up
from reliefdesk.errors import ValidationError

__all__ = [
    "Ratio",
    "as_ratio",
    "check_nonneg",
    "check_persons",
    "check_standard",
    "decimal_text",
    "money_exact",
    "pct_text",
    "ratio_text",
    "yuan",
]

#: A ratio or percentage as given by a policy table: converted exactly to a Fraction.
Ratio = Fraction | int | Decimal


# ----------------------------------------------------------------------------- formatting


def yuan(fen: int) -> str:
    return fen_to_yuan(fen)


@lru_cache(maxsize=4096)  # pure; policies use a handful of ratios (rosters call it 10⁴×)
def decimal_text(x: Fraction) -> str | None:
    """Exact decimal text of x if it terminates (denominator of only 2s and 5s), else None."""
    den = x.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    places = max(twos, fives)
    scaled = x * 10**places
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
    if places == 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


@lru_cache(maxsize=1024)
def ratio_text(x: Fraction) -> str:
    """1.3 → "1.3"; 1/3 → "1/3"."""
    text = decimal_text(x)
    return text if text is not None else f"{x.numerator}/{x.denominator}"


@lru_cache(maxsize=1024)
def pct_text(x: Fraction) -> str:
    """1/5 → "20%"; 1/3 → "1/3"."""
    text = decimal_text(x * 100)
    if text is not None and len(text.partition(".")[2]) <= 2:
        return text + "%"
    return f"{x.numerator}/{x.denominator}"


def money_exact(x: Fraction) -> str:
    """A fen amount that may not be whole: "88.20", or "≈88.21" if it has a fraction of a fen."""
    if x.denominator == 1:
        return yuan(x.numerator)
    return "≈" + yuan(round_half_up(x))


# ----------------------------------------------------------------------------- validation


def as_ratio(value: Ratio, what: str) -> Fraction:
    if type(value) is Fraction:  # the common case; Fractions are immutable
        if value.numerator < 0:  # (the denominator is always positive)
            raise ValidationError(f"{what}不能为负数", code="benefit.ratio", value=str(value))
        return value
    if isinstance(value, bool) or not isinstance(value, (Fraction, int, Decimal)):
        raise TypeError(f"{what}: ratio must be Fraction, int or Decimal")
    frac = Fraction(value)
    if frac < 0:
        raise ValidationError(f"{what}不能为负数", code="benefit.ratio", value=str(frac))
    return frac


def check_nonneg(value: int, what: str, field: str) -> None:
    if value < 0:
        raise ValidationError(
            f"{what}不能为负数", code="benefit.negative", field=field, value=value
        )


def check_standard(standard_fen: int, what: str = "低保标准") -> None:
    if standard_fen <= 0:
        raise ValidationError(
            f"{what}必须大于零", code="benefit.standard", field="standard", value=standard_fen
        )


def check_persons(persons: int, what: str = "保障人数") -> None:
    if persons < 1:
        raise ValidationError(
            f"{what}至少为 1 人", code="benefit.persons", field="persons", value=persons
        )
