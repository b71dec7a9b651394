"""The demo generator's bulk writer: buffered row dicts written per table in FK order with
``executemany`` (on SQLite straight to the driver, skipping per-value type processing)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import JSON, Date, DateTime, Table
from sqlalchemy.orm import Session

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

    On SQLite the rows are converted to the stored forms SQLAlchemy would produce (ISO dates,
    ``YYYY-MM-DD HH:MM:SS.ffffff`` timestamps, JSON text, 0/1) and handed to the driver's
    ``executemany`` directly, skipping per-value type processing (the slow part for ~1M rows).
    Other databases go through Core ``insert`` with the usual type handling.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counts: Counter[str] = Counter()
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self._sql: dict[str, tuple[str, Callable[[dict[str, Any]], tuple[Any, ...]]]] = {}

    def _statement(self, model: Any) -> tuple[str, Callable[[dict[str, Any]], tuple[Any, ...]]]:
        """The INSERT text and a fast dict → tuple converter for one table."""
        name = model.__tablename__
        if name not in self._sql:
            columns = list(model.__table__.columns)
            cols = [c.name for c in columns]
            marks = ", ".join("?" for _ in cols)
            getter = itemgetter(*cols)
            convert: list[tuple[int, Callable[[Any], Any]]] = []
            for i, c in enumerate(columns):
                if isinstance(c.type, DateTime):
                    convert.append((i, _sqlite_datetime))
                elif isinstance(c.type, Date):
                    convert.append((i, _sqlite_date))
                elif isinstance(c.type, JSON):
                    convert.append((i, _sqlite_json))

            def row_tuple(row: dict[str, Any]) -> tuple[Any, ...]:
                values = getter(row)
                if not convert:
                    return values  # type: ignore[no-any-return]
                out = list(values)
                for i, fn in convert:
                    out[i] = fn(out[i])
                return tuple(out)

            self._sql[name] = (
                f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})",
                row_tuple,
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
                sql, row_tuple = self._statement(model)
                conn.exec_driver_sql(sql, [row_tuple(r) for r in rows])
            else:
                conn.execute(cast(Table, model.__table__).insert(), rows)
            self.counts[name] += len(rows)
            rows.clear()


def _sqlite_datetime(v: datetime | None) -> str | None:
    return None if v is None else v.isoformat(sep=" ", timespec="microseconds")


def _sqlite_date(v: date | None) -> str | None:
    return None if v is None else v.isoformat()


def _sqlite_json(v: Any) -> str | None:
    return None if v is None else json.dumps(v)
