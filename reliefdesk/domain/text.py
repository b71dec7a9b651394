"""Free text as it may be stored: control characters removed, length limited.

One sanitizer for every free-text field, so SQLite and PostgreSQL store the same thing
(PostgreSQL refuses NUL in text; SQLite stores it and later breaks exports and printouts).
Removed: ANSI escape sequences (``ESC [ … letter`` as a whole), the other C0/C1 controls
except tab and line feed (carriage returns become line feeds), DEL, the bidi embedding,
override and isolate marks (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) that can
make a name read backwards, and lone surrogates (not encodable in UTF-8).
"""

from __future__ import annotations

import re

__all__ = ["TEXT_MAX_CHARS", "TextTooLong", "clean_text", "sanitize_text"]

#: Limit for unbounded text columns (opinions, notes): about 10 printed pages.
TEXT_MAX_CHARS = 20000

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


class TextTooLong(ValueError):
    """The text exceeds the field's limit; ``limit`` is that limit in characters."""

    def __init__(self, limit: int, length: int) -> None:
        super().__init__(f"文本过长：{length} 字，最多 {limit} 字。")
        self.limit = limit
        self.length = length


def clean_text(value: str) -> str:
    """``value`` without control characters, escape sequences and bidi marks (see module)."""
    if value.isprintable() and "\r" not in value:
        return value  # the common case: nothing to do
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ANSI.sub("", value)
    return _CONTROLS.sub("", value)


def sanitize_text(value: str, limit: int | None = TEXT_MAX_CHARS) -> str:
    """:func:`clean_text`, then refuse (:class:`TextTooLong`) more than ``limit`` characters."""
    value = clean_text(value)
    if limit is not None and len(value) > limit:
        raise TextTooLong(limit, len(value))
    return value
