"""Policy as effective-dated data: standards, limits, time limits (DOMAIN §2.12, §2.13, §3.5,
§4). The policy in force on a date is the version with the latest ``effective_from`` on or
before it. Ratios are stored as strings like "13/10" and read as Fractions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.calendar import WorkCalendar
from ..errors import NotFound, ReliefError, ValidationError
from ..models import Holiday, PolicyVersion
from . import audit
from .context import Actor


def ratio(value: Any) -> Fraction:
    return Fraction(str(value))


@dataclass(frozen=True)
class Policy:
    """A read-only view of one policy version with typed accessors."""

    id: int
    effective_from: date
    name: str
    data: dict[str, Any]

    def dibao_standard_fen(self, area_type: str) -> int:
        key = "urban_dibao_standard_fen" if area_type == "urban" else "rural_dibao_standard_fen"
        return int(self.data[key])

    def standard_for_programme(self, programme: str) -> int:
        return self.dibao_standard_fen("urban" if programme == "urban_dibao" else "rural")

    @property
    def method(self) -> str:
        return str(self.data.get("method", "gap"))

    @property
    def floor_ratio(self) -> Fraction | None:
        v = self.data.get("floor_ratio")
        return None if v in (None, "", "0") else ratio(v)

    @property
    def single_person_min_ratio(self) -> Fraction:
        return ratio(self.data.get("single_person_min_ratio", "7/10"))

    @property
    def topup_rates(self) -> dict[str, Fraction]:
        return {k: ratio(v) for k, v in (self.data.get("topup_rates") or {}).items()}

    @property
    def tekun_basic_ratio(self) -> Fraction:
        return ratio(self.data.get("tekun_basic_ratio", "13/10"))

    @property
    def tekun_care_fen(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.data["tekun_care_fen"].items()}

    @property
    def phase_out_schedule(self) -> list[Fraction]:
        return [ratio(v) for v in self.data.get("phase_out_schedule", [])]

    @property
    def publicity_days(self) -> int:
        return int(self.data.get("publicity_days", 7))

    @property
    def publicity_working_days(self) -> bool:
        return bool(self.data.get("publicity_working_days", False))

    @property
    def confirmation_delegated(self) -> bool:
        return bool(self.data.get("confirmation_delegated", False))

    def limit(self, key: str) -> int:
        return int(self.data["limits"][key])

    def recheck_months(self, kind: str) -> int:
        return int(self.data.get("recheck_months", {}).get(kind, 12))

    @property
    def estimated(self) -> list[str]:
        return list(self.data.get("estimated", []))


def _view(row: PolicyVersion) -> Policy:
    return Policy(row.id, row.effective_from, row.name, dict(row.data))


def policy_on(session: Session, on: date) -> Policy:
    row = session.scalar(
        select(PolicyVersion)
        .where(PolicyVersion.effective_from <= on)
        .order_by(PolicyVersion.effective_from.desc(), PolicyVersion.id.desc())
        .limit(1)
    )
    if row is None:
        raise NotFound(
            f"{on.isoformat()} 没有生效的政策标准，请管理员在“系统设置—政策标准”中录入。",
            code="policy.missing",
        )
    return _view(row)


def list_policies(session: Session) -> list[Policy]:
    rows = session.scalars(select(PolicyVersion).order_by(PolicyVersion.effective_from))
    return [_view(r) for r in rows]


def policy_versions(db: Database, actor: Actor) -> list[Policy]:
    """Every policy version, oldest first (the admin screen's list)."""
    actor.require("read")
    with db.read_session() as s:
        return list_policies(s)


REQUIRED_KEYS = ("urban_dibao_standard_fen", "rural_dibao_standard_fen", "tekun_care_fen", "limits")


def save_policy(
    session: Session,
    actor: Actor,
    effective_from: date,
    name: str,
    data: dict[str, Any],
    note: str = "",
) -> Policy:
    """Add a new effective-dated version (old versions stay, for back pay and history)."""
    actor.require("admin.policy")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise ValidationError(f"政策数据缺少“{key}”。", code="policy.key", field=key)
    for key in ("urban_dibao_standard_fen", "rural_dibao_standard_fen"):
        if int(data[key]) <= 0:
            raise ValidationError("低保标准必须大于 0。", code="policy.standard", field=key)
    if ratio(data.get("tekun_basic_ratio", "13/10")) < Fraction(13, 10):
        raise ValidationError(
            "特困基本生活标准不得低于低保标准的 1.3 倍。",
            code="policy.tekun",
            field="tekun_basic_ratio",
        )
    row = PolicyVersion(
        effective_from=effective_from, name=name, data=data, note=note, created_by=actor.username
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "policy.save",
        "policy",
        row.id,
        detail={"effective_from": effective_from.isoformat(), "name": name},
    )
    return _view(row)


def publish_policy(
    db: Database,
    actor: Actor,
    effective_from: date,
    name: str,
    data: dict[str, Any],
    note: str = "",
) -> tuple[Policy, Policy | None]:
    """:func:`save_policy` in its own transaction. Also returns the version in force the day
    before ``effective_from`` (None when there is none), read in the same transaction, so the
    caller can tell whether the standards changed."""
    with db.session() as s:
        before = None
        if effective_from > date.min:
            try:
                before = policy_on(s, date.fromordinal(effective_from.toordinal() - 1))
            except ReliefError:
                before = None
        return save_policy(s, actor, effective_from, name, data, note), before


def work_calendar(session: Session) -> WorkCalendar:
    """The working-day calendar from the holiday table (data an admin can edit)."""
    holidays: list[date] = []
    workdays: list[date] = []
    for h in session.scalars(select(Holiday)):
        (holidays if h.kind == "holiday" else workdays).append(h.day)
    return WorkCalendar(holidays, workdays)


@dataclass(frozen=True)
class HolidayRow:
    day: date
    kind: str  # "holiday" (放假) | "workday" (调休上班)
    name: str


def holidays_of_year(db: Database, actor: Actor, year: int) -> list[HolidayRow]:
    """The 放假 and 调休上班 days of ``year`` in date order."""
    actor.require("read")
    with db.read_session() as s:
        rows = s.scalars(
            select(Holiday)
            .where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
            .order_by(Holiday.day)
        )
        return [HolidayRow(r.day, r.kind, r.name or "") for r in rows]


def set_holiday(session: Session, actor: Actor, day: date, kind: str, name: str = "") -> None:
    actor.require("admin.policy")
    if kind not in ("holiday", "workday", "normal"):
        raise ValidationError(
            "类型须为 holiday（放假）、workday（调休上班）或 normal。",
            code="holiday.kind",
            field="kind",
        )
    row = session.get(Holiday, day)
    if kind == "normal":
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Holiday(day=day, kind=kind, name=name))
    else:
        row.kind, row.name = kind, name
    audit.record(
        session,
        actor,
        "holiday.set",
        "holiday",
        day.isoformat(),
        detail={"kind": kind, "name": name},
    )


def mark_day(db: Database, actor: Actor, day: date, kind: str, name: str = "") -> None:
    """:func:`set_holiday` in its own transaction (the holiday editor's save)."""
    with db.session() as s:
        set_holiday(s, actor, day, kind, name)
