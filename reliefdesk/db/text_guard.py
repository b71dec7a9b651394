"""The one place free text is cleaned before it is stored: a ``before_flush`` hook.

Every ORM object added or changed in any session has its string columns passed through
:func:`reliefdesk.domain.text.sanitize_text` (control characters, ANSI escapes and bidi
overrides removed; length limited to the column's ``String(n)`` or
:data:`~reliefdesk.domain.text.TEXT_MAX_CHARS`). Doing it here, not in each service, means
every service that accepts free text — register, casework, visits, rosters, settings — is
covered the same way on SQLite and PostgreSQL. Bulk Core ``insert()`` statements (the demo
generator, imports) bypass the ORM and are not covered.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper, Session

from ..domain.text import TEXT_MAX_CHARS, TextTooLong, sanitize_text
from ..errors import ValidationError

_COLUMNS: dict[Mapper[Any], list[tuple[str, int]]] = {}


def _text_columns(mapper: Mapper[Any]) -> list[tuple[str, int]]:
    """``(attribute key, limit)`` of every string column of ``mapper`` (cached)."""
    found = _COLUMNS.get(mapper)
    if found is None:
        found = []
        for prop in mapper.column_attrs:
            for col in prop.columns:
                if isinstance(col.type, String):  # Text is a String subclass
                    found.append((prop.key, col.type.length or TEXT_MAX_CHARS))
                    break
        _COLUMNS[mapper] = found
    return found


def _clean_object(obj: Any, changed_only: bool) -> None:
    state = inspect(obj)
    for key, limit in _text_columns(state.mapper):
        if changed_only and not state.attrs[key].history.has_changes():
            continue
        value = state.dict.get(key)
        if not isinstance(value, str):
            continue
        try:
            clean = sanitize_text(value, limit)
        except TextTooLong as exc:
            raise ValidationError(
                f"输入的文字过长（{state.mapper.class_.__name__}.{key}：{exc.length} 字，"
                f"最多 {limit} 字）。",
                code="text.too_long",
                field=key,
            ) from None
        if clean != value:
            setattr(obj, key, clean)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in session.new:
        _clean_object(obj, changed_only=False)
    for obj in session.dirty:
        _clean_object(obj, changed_only=True)


def install() -> None:
    """Register the hook on every Session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
