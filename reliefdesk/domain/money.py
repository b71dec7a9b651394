"""Money: integer fen (分) everywhere, yuan strings only at the edge, and 大写金额.

All storage and arithmetic use ``int`` fen. Conversions from user text round **half-up**
(away from zero for negatives, like ``decimal.ROUND_HALF_UP``) to the fen. Display helpers
always print two decimals.

大写金额 (DOMAIN §9.3) convention chosen for the cases where the rules allow either form:

* **One 零 for every run of zero digits that lies between two non-zero digits**, wherever the run
  is: inside the integer part (¥107,000.53 → 壹拾万零柒仟元零伍角叁分) or across 元 (¥1,680.32 →
  壹仟陆佰捌拾元零叁角贰分). The required case (角 = 0, 分 ≠ 0: ¥16,409.02 → …零玖元零贰分)
  falls out of the same rule.
* "整" only when both 角 and 分 are zero (¥1,409.50 → 壹仟肆佰零玖元伍角, no 整).
* An amount below one yuan has no "元" (¥0.05 → 人民币伍分); zero is 人民币零元整.
* 10–19 are written 壹拾… ; the prefix 人民币 is always written, with no gap.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from reliefdesk.errors import ValidationError

__all__ = [
    "CAPITAL_CHARS",
    "MAX_CAPITAL_FEN",
    "entered_amount_fen",
    "fen_to_yuan",
    "format_yuan",
    "monthly_from_yearly",
    "round_half_up",
    "to_capital",
    "yuan_to_fen",
]

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")
#: Every character :func:`to_capital` may produce.
CAPITAL_CHARS = frozenset(_DIGITS + "拾佰仟万亿元角分整人民币")
#: Largest amount :func:`to_capital` writes (just under 100 万亿 yuan).
MAX_CAPITAL_FEN = 10**16 - 1

# Plain "1234.56" or grouped "1,234.56"; optional sign; the fraction may have any length
# (extra digits are rounded half-up to the fen).
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def round_half_up(x: Fraction | Decimal | int) -> int:
    """Round to the nearest integer, halves away from zero (2.5 → 3, −2.5 → −3)."""
    if isinstance(x, int):
        return x
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise ValidationError("金额不是有效数字", code="money.format")
        x = Fraction(x)  # exact; avoids the Decimal context's 28-digit precision
    frac = Fraction(x)
    sign = -1 if frac < 0 else 1
    mag = abs(frac)
    q, r = divmod(mag.numerator, mag.denominator)
    if 2 * r >= mag.denominator:
        q += 1
    return sign * q


def yuan_to_fen(value: str | int | Decimal) -> int:
    """Convert a yuan amount (text like "1,234.5" or "¥12", an int, or a Decimal) to fen.

    Rounds half-up to the fen. Raises ``ValidationError(code="money.format")`` on anything
    that is not a plain amount. Floats are refused (they cannot carry exact money).
    """
    if isinstance(value, (bool, float)):
        raise TypeError("yuan_to_fen accepts str, int or Decimal, not float/bool")
    if isinstance(value, int):
        return value * 100
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationError("金额不是有效数字", code="money.format")
        return round_half_up(Fraction(value) * 100)
    if not isinstance(value, str):
        raise TypeError(f"yuan_to_fen: unsupported type {type(value).__name__}")
    text = unicodedata.normalize("NFKC", value)
    text = "".join(text.split())  # drop all whitespace
    text = text.removesuffix("元")
    sign = ""
    if text.startswith(("+", "-")):
        sign, text = text[0], text[1:]
    if text.startswith(("¥", "￥")):
        text = text[1:]
    text = sign + text
    if _PLAIN.fullmatch(text):
        pass
    elif _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    else:
        raise ValidationError(f"金额格式不正确：{value!r}", code="money.format", value=value)
    try:
        dec = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guarantees a number
        raise ValidationError(
            f"金额格式不正确：{value!r}", code="money.format", value=value
        ) from exc
    return round_half_up(Fraction(dec) * 100)


def fen_to_yuan(fen: int) -> str:
    """Plain yuan with two decimals: 123450 → "1234.50", −1230 → "-12.30"."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"


def format_yuan(fen: int) -> str:
    """Display form with ¥ and thousands separators: 123450 → "¥1,234.50" ("-¥12.30")."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"


def to_capital(fen: int) -> str:
    """大写金额 with the 人民币 prefix, e.g. 32500 → "人民币叁佰贰拾伍元整".

    See the module docstring for the zero convention. Negative amounts are refused.
    """
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError("to_capital expects int fen")
    if fen < 0:
        raise ValidationError("大写金额不能为负数", code="money.negative", value=fen)
    if fen > MAX_CAPITAL_FEN:
        raise ValidationError("金额过大，无法写成大写", code="money.range", value=fen)
    if fen == 0:
        return "人民币零元整"
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)

    out: list[str] = []
    started = False  # a non-zero digit has been written
    pending_zero = False  # zeros seen since the last non-zero digit

    def put(digit: int, unit: str) -> None:
        nonlocal started, pending_zero
        if digit == 0:
            if started:
                pending_zero = True
            return
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[digit] + unit)
        started = True

    digits = str(yuan) if yuan else ""
    n = len(digits)
    for i, ch in enumerate(digits):
        pos = n - 1 - i  # 0 = 元 digit
        put(int(ch), _SMALL_UNITS[pos % 4])
        if pos % 4 == 0 and pos > 0:
            group = digits[max(0, i - 3) : i + 1]
            if int(group):
                out.append(_BIG_UNITS[pos // 4])
    if yuan:
        out.append("元")
    put(jiao, "角")
    put(fen_digit, "分")
    if jiao == 0 and fen_digit == 0:
        out.append("整")
    return "人民币" + "".join(out)


def entered_amount_fen(text: str, what: str = "金额") -> int:
    """Fen for an amount a clerk typed in 元 (income, asset value): refuses a negative amount
    and more than two decimals with a message saying so (never rounds silently).
    Raises ``ValidationError`` (codes ``money.negative``, ``money.decimals``, ``money.format``)."""
    plain = "".join(unicodedata.normalize("NFKC", text).split()).removesuffix("元")
    if plain.startswith("-"):
        raise ValidationError(f"{what}不能为负数", code="money.negative", value=text)
    _int, dot, decimals = plain.partition(".")
    if dot and len(decimals) > 2:
        raise ValidationError(
            f"{what}最多保留两位小数（分）：{text}", code="money.decimals", value=text
        )
    return yuan_to_fen(text)


def monthly_from_yearly(yearly_fen: int) -> int:
    """The monthly amount of a yearly income (farm income is counted per year): /12, half-up."""
    return round_half_up(Fraction(yearly_fen, 12))
