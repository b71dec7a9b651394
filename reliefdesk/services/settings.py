"""Office-wide settings (key/value, checked where a value could weaken a safeguard) and the
office record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..errors import ValidationError
from ..models import Office, Setting, Township
from . import audit
from .context import PERMISSIONS, ROLE_LABELS, Actor

_MAX_PUBLICITY_GRACE_DAYS = 30  # the 公示 grace is 0–30 days


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None or row.value is None else row.value


def _check_setting(key: str, value: Any) -> Any:
    """Validate the casework settings: the separation of duties can only be made stricter
    (there is no setting that lets one person confirm what they accepted, investigated or gave
    the 初审 opinion on); the 公示 grace is 0–30 days."""
    if key == "casework.publicity_grace_days":
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 0 <= value <= _MAX_PUBLICITY_GRACE_DAYS
        ):
            raise ValidationError(
                "公示补登宽限天数须为 0–30 的整数。", field=key, code="setting.grace"
            )
    elif key == "casework.separation_publicity":
        if not isinstance(value, bool):
            raise ValidationError(
                "请选择是否禁止公示经办人审核确认。", field=key, code="setting.separation"
            )
    elif key == "roster.bank_export_roles":
        return check_bank_roles(value)
    elif key.startswith("casework.separation"):
        raise ValidationError(
            "审核确认的分离要求只能加严，不能放宽。", field=key, code="setting.separation"
        )
    return value


def publicity_grace_days(db: Database) -> int:
    """How many days before the day it is recorded a 公示 may start (default 0)."""
    with db.read_session() as s:
        return int(get_setting(s, "casework.publicity_grace_days", 0) or 0)


def read_settings(db: Database, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The stored value of each key of ``defaults`` (its default when unset), one snapshot."""
    with db.read_session() as s:
        return {k: get_setting(s, k, d) for k, d in defaults.items()}


def set_setting(session: Session, actor: Actor, key: str, value: Any) -> None:
    actor.require("admin.office")
    value = _check_setting(key, value)
    row = session.get(Setting, key)
    before = None if row is None else row.value
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    audit.record(
        session, actor, "setting.set", "setting", key, detail={"before": before, "after": value}
    )


@dataclass(frozen=True)
class OfficeInfo:
    county: str
    township_code: str
    office_name: str
    phone: str = ""
    policy_url: str = ""
    county_code: str = ""
    township_name: str = ""


def get_office(db: Database) -> OfficeInfo | None:
    with db.read_session() as s:
        return office_in(s)


def office_in(session: Session) -> OfficeInfo | None:
    office = session.scalar(select(Office).limit(1))
    if office is None:
        return None
    town = session.get(Township, office.township_id) if office.township_id else None
    return OfficeInfo(
        office.county,
        town.code if town else "",
        office.office_name,
        office.phone,
        office.policy_url,
        office.county_code,
        town.name if town else "",
    )


def save_office(session: Session, actor: Actor, info: OfficeInfo) -> OfficeInfo:
    actor.require("admin.office")
    if not info.county.strip() or not info.office_name.strip():
        raise ValidationError(
            "县(市)和单位名称不能为空。",
            code="office.required",
            field="office_name" if info.county.strip() else "county",
        )
    town = session.scalar(
        select(Township).where(
            (Township.code == info.township_code) | (Township.name == info.township_name)
        )
    )
    if town is None:
        if not info.township_name.strip():
            raise ValidationError(
                "请选择或填写乡镇(街道)。", code="office.township", field="township"
            )
        code = info.township_code or (info.county_code + "999")
        town = Township(
            code=code,
            name=info.township_name.strip(),
            kind="街道" if info.township_name.endswith("街道") else "镇",
        )
        session.add(town)
        session.flush()
    office = session.scalar(select(Office).limit(1))
    if office is None:
        office = Office(county=info.county, office_name=info.office_name)
        session.add(office)
    office.county = info.county.strip()
    office.county_code = info.county_code
    office.township_id = town.id
    office.office_name = info.office_name.strip()
    office.phone = info.phone.strip()
    office.policy_url = info.policy_url.strip()
    session.flush()
    audit.record(
        session,
        actor,
        "office.save",
        "office",
        office.id,
        detail={"county": office.county, "township": town.name, "office_name": office.office_name},
    )
    result = office_in(session)
    assert result is not None
    return result


def update_office(db: Database, actor: Actor, info: OfficeInfo) -> OfficeInfo:
    """:func:`save_office` in its own transaction."""
    with db.session() as s:
        return save_office(s, actor, info)


def update_settings(db: Database, actor: Actor, values: Mapping[str, Any]) -> None:
    """Store the settings whose value differs from the stored one, in one transaction (each
    change audited by :func:`set_setting`)."""
    with db.session() as s:
        for key, value in values.items():
            if get_setting(s, key) != value:
                set_setting(s, actor, key, value)


def check_bank_roles(value: object) -> list[str]:
    """Validate the setting: a non-empty list of roles that hold ``roster.export``."""
    allowed = PERMISSIONS["roster.export"]
    if (
        not isinstance(value, list)
        or not value
        or any(not isinstance(r, str) or r not in allowed for r in value)
    ):
        labels = "、".join(ROLE_LABELS[r] for r in sorted(allowed))
        raise ValidationError(
            f"可导出银行代发文件的角色须从 {labels} 中选择，至少一个。",
            field="roster.bank_export_roles",
            code="setting.bank_roles",
        )
    return sorted(set(value))
