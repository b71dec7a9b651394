"""公民身份号码 (resident ID numbers, GB 11643-1999; DOMAIN §9.1).

18 characters: 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male), and an
ISO 7064 MOD 11-2 check character (0–9 or X). Old 15-digit numbers (GB 11643-1989) have a
2-digit year and no check character; they are converted by inserting "19" and computing it.

Rules kept here: accept lowercase x and full-width characters but store ASCII upper case; check
the birth date is real and not in the future; **never** reject an unknown address code (codes
change and old numbers keep the old code).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from operator import mul

from reliefdesk.errors import ValidationError

__all__ = [
    "IdInfo",
    "age_on",
    "check_digit",
    "is_valid_id",
    "make_id",
    "normalize_id",
    "parse_id",
]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_ZEROS = ord("0") * sum(_WEIGHTS)  # the weighted sum of 17 ASCII "0" codes
_FIELD = "id_number"


@dataclass(frozen=True)
class IdInfo:
    """What an ID number tells us. ``converted_from`` is the old 15-digit number, if given."""

    number: str
    birth_date: date
    sex: str  # "M" or "F"
    address_code: str
    converted_from: str | None = None


def check_digit(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_digit needs exactly 17 ASCII digits")
    # the weighted sum of the digits, taken on the ASCII codes in C loops (less those of "0")
    return _CHECK_CHARS[(sum(map(mul, first17.encode("ascii"), _WEIGHTS)) - _ZEROS) % 11]


def _clean(raw: str) -> str:
    """Full-width → ASCII, drop all whitespace, x → X."""
    text = unicodedata.normalize("NFKC", raw)
    return "".join(text.split()).upper()


def _check_shape(text: str) -> None:
    """Raise id.length / id.chars for anything that is not 15 digits or 17 digits + [0-9X]."""
    if len(text) not in (15, 18):
        raise ValidationError(
            f"身份证号码应为 18 位（或旧版 15 位），实际为 {len(text)} 位",
            code="id.length",
            field=_FIELD,
            length=len(text),
        )
    body = text if len(text) == 15 else text[:17]
    ok = body.isascii() and body.isdigit()
    if len(text) == 18:
        ok = ok and (text[17].isascii() and (text[17].isdigit() or text[17] == "X"))
    if not ok:
        raise ValidationError(
            "身份证号码只能包含数字，18 位号码最后一位可以是 X",
            code="id.chars",
            field=_FIELD,
        )


def _upgrade15(text15: str) -> str:
    first17 = text15[:6] + "19" + text15[6:]
    return first17 + check_digit(first17)


def normalize_id(raw: str) -> str:
    """Canonical 18-character form: ASCII, upper-case X, 15-digit numbers converted.

    Raises ``id.length``/``id.chars`` for malformed input; does **not** check the date or the
    checksum (use :func:`parse_id` for full validation).
    """
    text = _clean(raw)
    _check_shape(text)
    return _upgrade15(text) if len(text) == 15 else text


def parse_id(raw: str, today: date | None = None) -> IdInfo:
    """Validate an ID number and derive birth date, sex and address code.

    Raises ``ValidationError`` with code ``id.length``, ``id.chars``, ``id.birth_date`` (not a
    real date, or later than ``today``) or ``id.checksum``.
    """
    text = _clean(raw)
    _check_shape(text)
    converted_from: str | None = None
    if len(text) == 15:
        converted_from = text
        number = _upgrade15(text)
    else:
        number = text
    ymd = number[6:14]
    try:
        birth = date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:]))
    except ValueError:
        raise ValidationError(
            f"身份证号码中的出生日期无效：{ymd}", code="id.birth_date", field=_FIELD, value=ymd
        ) from None
    if today is None:
        today = date.today()
    if birth > today:
        raise ValidationError(
            f"身份证号码中的出生日期晚于今天：{birth.isoformat()}",
            code="id.birth_date",
            field=_FIELD,
            value=ymd,
        )
    expected = check_digit(number[:17])
    if number[17] != expected:
        raise ValidationError(
            f"身份证号码校验位错误：应为 {expected}，实际为 {number[17]}",
            code="id.checksum",
            field=_FIELD,
            expected=expected,
            actual=number[17],
        )
    sex = "M" if int(number[16]) % 2 == 1 else "F"
    return IdInfo(
        number=number,
        birth_date=birth,
        sex=sex,
        address_code=number[:6],
        converted_from=converted_from,
    )


def is_valid_id(raw: str) -> bool:
    """True if :func:`parse_id` accepts the number (today as the reference date)."""
    try:
        parse_id(raw)
    except ValidationError:
        return False
    return True


def make_id(address_code: str, birth: date, seq: int) -> str:
    """Build a valid 18-character number (for fixtures and the demo generator).

    ``seq`` is the 3-digit sequence 0..999; its parity sets the sex (odd = male).
    """
    if len(address_code) != 6 or not address_code.isascii() or not address_code.isdigit():
        raise ValueError("address_code must be 6 ASCII digits")
    if not 0 <= seq <= 999:
        raise ValueError("seq must be in 0..999")
    first17 = f"{address_code}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    return first17 + check_digit(first17)


def age_on(birth: date, on: date) -> int:
    """Completed years of age on ``on`` (a person born 29 Feb turns a year older on 1 Mar)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years
