"""Normalising the values found in offices' own legacy recipient sheets (DOMAIN §12.1).

Pure functions, stdlib only. Each takes a raw cell (text, number, date or None, as a workbook
reader hands it over) and returns the stored form plus, where the value is doubtful, a problem
code the importer lists row by row. The rules of ID numbers, account numbers and money live in
:mod:`.idnumber`, :mod:`.accounts` and :mod:`.money`; this module only unwraps the cell first:

* ID numbers stored as numbers (``1.30423E+17``, a float, a trailing ``.0`` that no longer
  checks out) have lost their last digits: flagged ``id.lost_digits``, never "repaired";
  a leading apostrophe, spaces, full-width digits and a lowercase x are cleaned; 15-digit
  numbers become 18 (the old number is kept);
* amounts with 元, ¥ or thousands separators, or a float from a numeric cell;
* dates as ``1989年07月``, ``2004.07.01``, ``19881118``, ``2004-7-1``, month only, 14-digit
  timestamps, or Excel serial numbers;
* messages show ID numbers masked (first 6 and last 4 digits);
* programme text (城市低保 / 农村低保 / 农村五保 / 01–03 / 特困人员（集中供养）…) → code;
* relation to the head (本人 / 户主 / 妻子 / 长女 / GB/T 4761 two-digit codes …) → relation code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from reliefdesk.errors import ValidationError

from .idnumber import parse_id
from .masking import mask_id
from .money import yuan_to_fen

__all__ = [
    "IdCell",
    "area_code",
    "care_tier_of",
    "cell_text",
    "clean_id",
    "is_total_label",
    "parse_amount",
    "parse_count",
    "parse_legacy_date",
    "programme_of",
    "relation_of",
]

_EXCEL_EPOCH = date(1899, 12, 30)


def cell_text(value: Any) -> str:
    """The cell as trimmed text (NFKC: full-width digits and spaces become ASCII); floats that
    are whole numbers lose their ``.0``; None is ''."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return text.lstrip("'").strip()


def is_total_label(text: str) -> bool:
    """A 小计/合计/总计 row (or a 制表人/审核人 footer) that is not a recipient."""
    t = "".join(text.split())
    return t.startswith(("合计", "小计", "总计", "制表", "审核人", "填表", "负责人")) or t in (
        "合计",
        "小计",
    )


@dataclass(frozen=True)
class IdCell:
    """A cleaned ID cell: ``number`` the 18-character form when readable (None otherwise),
    ``old`` the 15-digit number it came from, ``problem`` a code (None = fine) and ``raw``."""

    raw: str
    number: str | None
    old: str | None = None
    problem: str | None = None
    message: str = ""
    birth: date | None = None
    sex: str | None = None


_SCI = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")


def clean_id(value: Any, today: date | None = None) -> IdCell:
    """Unwrap and validate an ID cell (see the module docstring)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return IdCell("", None, None, "id.missing", "缺少身份证号码")
    if isinstance(value, bool):
        return IdCell(str(value), None, None, "id.unreadable", "身份证号码无法识别")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = f"{int(value)}" if float(value).is_integer() else repr(value)
        if len(digits) == 15 and isinstance(value, int | float) and float(value).is_integer():
            return _validated(digits, digits)  # 15 digits fit a double exactly
        return IdCell(
            digits,
            None,
            None,
            "id.lost_digits",
            f"身份证号码以数字格式保存，末几位已丢失（{mask_id(digits)}），请按原件补录",
        )
    raw = cell_text(value)
    text = "".join(raw.split()).upper()
    if _SCI.match(text):
        return IdCell(
            raw,
            None,
            None,
            "id.lost_digits",
            f"身份证号码以科学计数法保存（{raw}），末几位已丢失，请按原件补录",
        )
    was_float = False
    if text.endswith(".0"):
        text, was_float = text[:-2], True
    if not re.fullmatch(r"\d{15}|\d{17}[\dX]", text):
        return IdCell(raw, None, None, "id.unreadable", f"身份证号码无法识别：{mask_id(raw)}")
    cell = _validated(text, raw, today)
    if was_float and cell.problem is not None:
        return IdCell(
            raw,
            None,
            None,
            "id.lost_digits",
            f"身份证号码曾以数字格式保存（{mask_id(raw)}），末几位可能已丢失，请按原件补录",
        )
    return cell


def _validated(text: str, raw: str, today: date | None = None) -> IdCell:
    try:
        info = parse_id(text, today)
    except ValidationError as exc:
        code = "id.checksum" if exc.code == "id.checksum" else "id.unreadable"
        return IdCell(raw, None, None, code, f"{exc.message}：{mask_id(raw)}")
    return IdCell(raw, info.number, info.converted_from, birth=info.birth_date, sex=info.sex)


def parse_amount(value: Any) -> int | None:
    """Monthly amount in fen, or None for an empty cell. Raises ``money.format``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return yuan_to_fen(value)
    if isinstance(value, float):
        return yuan_to_fen(Decimal(repr(value)))
    text = cell_text(value)
    for suffix in ("元/月", "元／月", "/月", "元/人", "元"):
        text = text.removesuffix(suffix)
    text = text.replace("，", ",").strip()
    if not text:
        return None
    return yuan_to_fen(text)


def parse_count(value: Any) -> int | None:
    """A small whole number (保障人数 "3", "3人", 3.0); None when empty or unreadable."""
    text = cell_text(value).removesuffix("人").removesuffix("口").strip()
    if not text:
        return None
    try:
        n = Decimal(text)
    except InvalidOperation:
        return None
    return int(n) if n == int(n) and 0 <= n < 100 else None


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日?)?$"),
    re.compile(r"^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?\.?$"),
)


def parse_legacy_date(value: Any) -> date | None:
    """A date from a legacy cell; month-only values give the first of the month. None when
    empty; raises ``ValidationError(code="date.format")`` when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        n = int(value)
        if 19000101 <= n <= 21001231:
            return _ymd(str(n))
        if 190001 <= n <= 210012:
            return _ymd(str(n) + "01")
        if 1 <= n <= 80000:
            return _EXCEL_EPOCH + timedelta(days=n)
        raise ValidationError(f"日期无法识别：{value}", code="date.format")
    text = cell_text(value)
    if not text:
        return None
    for pat in _DATE_PATTERNS:
        m = pat.match(text)
        if m:
            return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1), text)
    digits = text.split(" ")[0]
    if digits.isdigit() and len(digits) in (6, 8, 14):
        return _ymd(digits[:8] if len(digits) >= 8 else digits + "01")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
        return _ymd(text[:10].replace("-", ""))
    raise ValidationError(f"日期无法识别：{text}", code="date.format")


def _ymd(digits: str) -> date:
    return _safe_date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]), digits)


def _safe_date(y: int, m: int, d: int, text: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ValidationError(f"日期无法识别：{text}", code="date.format") from None


def area_code(value: Any) -> str | None:
    """户口/户籍类型 text → "urban" | "rural" (None when not said)."""
    t = cell_text(value)
    if not t:
        return None
    if "非农" in t or "城镇" in t or "城市" in t or "居民" in t:
        return "urban"
    if "农" in t:
        return "rural"
    return None


def programme_of(
    value: Any, area: str | None = None, care_text: Any = None
) -> tuple[str, str | None, bool] | None:
    """Programme text → (programme code, tekun care mode, single-person 单人保 flag).

    城市低保/城镇低保/01 → urban_dibao; 农村低保/02 → rural_dibao; 农村五保/03/特困… →
    tekun with care mode from the text (集中 → centralised, 分散/居家 → dispersed) or from
    ``care_text`` (供养方式 column). Plain 低保 needs ``area`` (户口 urban/rural). None when
    the text names no programme we pay monthly."""
    t = "".join(cell_text(value).split())
    care = "".join(cell_text(care_text).split())
    single = "单人" in t
    code: str | None = None
    if t in ("01", "1") or "城市" in t or "城镇" in t:
        code = "urban_dibao"
    elif t in ("02", "2") or ("农村" in t and ("低保" in t or "最低生活" in t)):
        code = "rural_dibao"
    elif t in ("03", "3") or "五保" in t or "特困" in t or "供养" in t:
        both = t + care
        mode = "centralised" if "集中" in both else "dispersed"
        return "tekun", mode, False
    elif "低保" in t or "最低生活保障" in t:
        code = {"urban": "urban_dibao", "rural": "rural_dibao"}.get(area or "")
    if code is None:
        return None
    return code, None, single


_RELATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("head", ("本人", "户主", "本户")),
    ("child_in_law", ("儿媳", "女婿", "媳")),
    ("spouse", ("配偶", "妻", "夫", "丈夫", "爱人", "老伴")),
    ("grandchild", ("孙", "外孙")),
    ("grandparent", ("祖父", "祖母", "爷爷", "奶奶", "外公", "外婆", "姥")),
    ("parent", ("父", "母", "爸", "妈")),
    ("child", ("子", "女", "儿")),
    ("sibling", ("兄", "弟", "姐", "妹")),
)


def care_tier_of(value: Any) -> str | None:
    """特困 care tier text → the self-care code (DOMAIN §3.4): 一档 / 完全丧失 → "none",
    二档 / 部分丧失 → "partial", 三档 / 具备 / 能自理 → "full"; None when not said."""
    t = "".join(cell_text(value).split())
    if not t:
        return None
    if "完全" in t or t.startswith(("一档", "1档", "一级")) or t in ("一", "1"):
        return "none"
    if "部分" in t or t.startswith(("二档", "2档", "二级")) or t in ("二", "2"):
        return "partial"
    if "具备" in t or "自理" in t or t.startswith(("三档", "3档", "三级")) or t in ("三", "3"):
        return "full"
    return None


def relation_of(value: Any) -> str | None:
    """与户主关系 text or GB/T 4761 code → a relation code (None when empty)."""
    t = "".join(cell_text(value).split())
    if not t:
        return None
    if t.isdigit() and len(t) <= 2:
        n = int(t)
        if n <= 2:
            return "head"
        if n in (28, 38):
            return "child_in_law"
        return {
            1: "spouse",
            2: "child",
            3: "child",
            4: "grandchild",
            5: "parent",
            6: "grandparent",
            7: "sibling",
        }.get(n // 10, "other")
    for code, words in _RELATIONS:
        if any(w in t for w in words):
            return code
    return "other"
