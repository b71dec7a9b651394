"""The demo generator's bulk writer: buffered row dicts written per table in FK order with
``executemany`` (on SQLite straight to the driver, skipping per-value type processing)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import JSON, Date, DateTime, Table
from sqlalchemy.orm import Session

from ..db.engine import json_text
from ..models import (
    Application,
    Asset,
    BankAccount,
    CaseStep,
    Enrollment,
    EnrollmentChange,
    EnrollmentMember,
    Household,
    IncomeItem,
    Person,
    PersonSearchKey,
    Visit,
)

__all__ = ["_KEYS", "_TABLES", "_Writer"]

_TABLES = (
    Household,
    Person,
    PersonSearchKey,
    IncomeItem,
    Asset,
    BankAccount,
    Application,
    CaseStep,
    Visit,
    Enrollment,
    EnrollmentMember,
    EnrollmentChange,
)
_KEYS = {m.__tablename__: m for m in _TABLES}


class _Writer:
    """Buffers row dicts per table and writes them in FK order with executemany.

    On SQLite the rows are converted to the stored forms the engine would produce (ISO dates,
    ``YYYY-MM-DD HH:MM:SS.ffffff`` timestamps, compact JSON text, 0/1) and handed to the
    driver's ``executemany`` directly, skipping per-value type processing (the slow part for
    ~1M rows).
    Other databases go through Core ``insert`` with the usual type handling.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counts: Counter[str] = Counter()
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self._sql: dict[str, tuple[str, Callable[..., Any], list[tuple[int, int]]]] = {}

    def _statement(
        self, model: Any
    ) -> tuple[str, Callable[..., tuple[Any, ...]], list[tuple[int, int]]]:
        """The INSERT text, a dict → tuple getter and the (column index, kind) pairs to convert."""
        name = model.__tablename__
        if name not in self._sql:
            columns = list(model.__table__.columns)
            cols = [c.name for c in columns]
            marks = ", ".join("?" for _ in cols)
            convert: list[tuple[int, int]] = []
            for i, c in enumerate(columns):
                if isinstance(c.type, DateTime):
                    convert.append((i, _DATETIME))
                elif isinstance(c.type, Date):
                    convert.append((i, _DATE))
                elif isinstance(c.type, JSON):
                    convert.append((i, _JSON))
            self._sql[name] = (
                f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})",
                itemgetter(*cols),
                convert,
            )
        return self._sql[name]

    def flush(self, buffers: dict[str, list[dict[str, Any]]]) -> None:
        conn = self.session.connection()
        for model in _TABLES:
            name = model.__tablename__
            rows = buffers.get(name)
            if not rows:
                continue
            if self.sqlite:
                sql, getter, convert = self._statement(model)
                # fresh caches per table: every cached value stays alive until its insert ends
                conn.exec_driver_sql(sql, _Stored().tuples(rows, getter, convert))
            else:
                conn.execute(cast(Table, model.__table__).insert(), rows)
            self.counts[name] += len(rows)
            rows.clear()


_DATETIME, _DATE, _JSON = range(3)


class _Stored:
    """Converters to SQLite's stored forms, memoised for one table's rows.

    Timestamps and dates repeat a lot (a case's steps share days) and are cached by value. JSON
    values are often the same object (the memoised ``working`` shared by applications with the
    same figures) and are cached by ``id``: safe because the rows keep every value alive and
    unchanged while their tuples are built, and the cache dies with them.
    """

    def __init__(self) -> None:
        self.text: dict[Any, str] = {}
        self.json: dict[int, str] = {}

    def tuples(
        self, rows: list[dict[str, Any]], getter: Callable[..., Any], convert: list[tuple[int, int]]
    ) -> list[tuple[Any, ...]]:
        if not convert:
            return [getter(r) for r in rows]
        text, as_json = self.text, self.json
        out: list[tuple[Any, ...]] = []
        append = out.append
        for r in rows:
            values = list(getter(r))
            for i, kind in convert:
                v = values[i]
                if v is None:
                    continue
                if kind == _JSON:
                    s = as_json.get(id(v))
                    if s is None:
                        s = as_json[id(v)] = json_text(v)
                else:
                    s = text.get(v)
                    if s is None:
                        s = text[v] = _sqlite_datetime(v) if kind == _DATETIME else v.isoformat()
                values[i] = s
            append(tuple(values))
        return out


def _sqlite_datetime(v: datetime) -> str:
    return v.isoformat(sep=" ", timespec="microseconds")
