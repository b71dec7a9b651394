"""Settings per township on a county server, with the county's value as the default.

Keys a township may set for itself (:data:`TOWNSHIP_KEYS`): its office block on printouts
(name, phone, policy URL, signatures), whether the county confirms its cases (DOMAIN §2.12:
审核确认 by the county unless delegated to the township) and how its bank file is made. Policy
(standards, limits) stays at county level (``policy_version``). Where a township has no value,
the county setting (:class:`~reliefdesk.models.Setting`) applies, then the default of
:data:`reliefdesk.db.defaults.DEFAULT_SETTINGS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.defaults import DEFAULT_SETTINGS
from ..db.engine import Database
from ..domain import workflow as wf
from ..errors import PermissionDenied, ValidationError
from ..models import Township, TownshipSetting
from . import audit
from .context import Actor
from .scope import household_township, require_township
from .settings import OfficeInfo, get_setting, office_in, save_office, set_setting

if TYPE_CHECKING:
    from .policy import Policy

__all__ = [
    "COUNTY_CONFIRMS",
    "OFFICE_KEYS",
    "TOWNSHIP_KEYS",
    "Delegation",
    "TownshipOffice",
    "confirmation_delegated",
    "county_confirms",
    "county_office_values",
    "get_township_setting",
    "office_for_township",
    "require_confirm_authority",
    "save_county_office",
    "save_township_office",
    "set_township_setting",
    "township_office",
    "township_settings",
]

COUNTY_CONFIRMS = "casework.county_confirms"
TOWNSHIP_KEYS = (
    "office.name",
    "office.phone",
    "office.policy_url",
    "office.signatures",
    COUNTY_CONFIRMS,
    "roster.bank_file_scope",
)
_BANK_SCOPES = ("township", "county")
#: the office block a township may set for itself; empty: the county's value
OFFICE_KEYS = ("office.name", "office.phone", "office.policy_url", "office.signatures")


def get_township_setting(
    session: Session, township_id: int | None, key: str, default: Any = None
) -> Any:
    """The township's value of ``key``, else the county's, else ``default`` (or the
    database default)."""
    if township_id is not None:
        row = session.scalar(
            select(TownshipSetting).where(
                TownshipSetting.township_id == township_id, TownshipSetting.key == key
            )
        )
        if row is not None and row.value is not None:
            return row.value
    return get_setting(session, key, DEFAULT_SETTINGS.get(key, default))


def _check(key: str, value: Any) -> Any:
    if key not in TOWNSHIP_KEYS:
        raise ValidationError(f"“{key}”不能按乡镇设置。", code="setting.township_key", field=key)
    if key == COUNTY_CONFIRMS and not isinstance(value, bool):
        raise ValidationError("请选择是否由县级审核确认。", code="setting.confirm", field=key)
    if key == "roster.bank_file_scope" and value not in _BANK_SCOPES:
        raise ValidationError(
            "银行代发文件须按乡镇（township）或全县（county）生成。",
            code="setting.bank_scope",
            field=key,
        )
    if key.startswith("office.") and key != "office.signatures" and not isinstance(value, str):
        raise ValidationError("请填写文字。", code="setting.text", field=key)
    return value


def set_township_setting(
    session: Session, actor: Actor, township_id: int, key: str, value: Any
) -> None:
    """Store (value None: remove) a township's own value of ``key``; audited. A township
    administrator sets their own township's; who the county confirms for is the county's
    decision (only a county administrator changes ``casework.county_confirms``)."""
    actor.require("admin.office")
    require_township(actor, township_id)
    if key == COUNTY_CONFIRMS and actor.township_id is not None:
        raise PermissionDenied("是否下放审核确认权限由县级民政部门设置。", code="scope.county_only")
    if session.get(Township, township_id) is None:
        raise ValidationError("找不到该乡镇（街道）。", code="setting.township", field="township")
    row = session.scalar(
        select(TownshipSetting).where(
            TownshipSetting.township_id == township_id, TownshipSetting.key == key
        )
    )
    before = None if row is None else row.value
    if value is None:
        if row is not None:
            session.delete(row)
    else:
        value = _check(key, value)
        if row is None:
            session.add(TownshipSetting(township_id=township_id, key=key, value=value))
        else:
            row.value = value
    audit.record(
        session,
        actor,
        "setting.township",
        "township",
        township_id,
        detail={"key": key, "before": before, "after": value},
    )


def township_settings(db: Database, actor: Actor, township_id: int) -> dict[str, Any]:
    """Every township key with its effective value (the township's own or the county's)."""
    actor.require("read")
    with db.read_session() as s:
        require_township(actor, township_id)
        return {k: get_township_setting(s, township_id, k) for k in TOWNSHIP_KEYS}


def _own_office(session: Session, township_id: int) -> dict[str, str]:
    return {
        row.key: str(row.value)
        for row in session.scalars(
            select(TownshipSetting).where(
                TownshipSetting.township_id == township_id,
                TownshipSetting.key.in_(OFFICE_KEYS),
            )
        )
        if row.value not in (None, "")
    }


def _default_office_name(town: Township) -> str:
    """A township's office name when it has office values of its own but no name: the county
    bureau's name never heads a township's papers."""
    return f"{town.name}人民政府"


def office_for_township(session: Session, township_id: int | None) -> OfficeInfo | None:
    """The office block for a township's papers. A township with no office values of its own
    prints the office record as it is (a one-office database: the record is the township's).
    One with values of its own prints its code and name, its own office name (else
    :func:`_default_office_name`), phone and policy URL (each empty one: the county's)."""
    info = office_in(session)
    if info is None or township_id is None:
        return info
    town = session.get(Township, township_id)
    own = _own_office(session, township_id)
    if town is None or not own:
        return info
    return replace(
        info,
        township_code=town.code,
        township_name=town.name,
        office_name=own.get("office.name") or _default_office_name(town),
        phone=own.get("office.phone") or info.phone,
        policy_url=own.get("office.policy_url") or info.policy_url,
    )


@dataclass(frozen=True)
class TownshipOffice:
    """The office block of a township as the settings screen edits it: ``values`` its own
    (empty: the county's applies), ``defaults`` the county's (shown as placeholders). For the
    county itself (``township_id`` None) ``values`` are the county's."""

    township_id: int | None
    values: dict[str, str]
    defaults: dict[str, str]


def county_office_values(session: Session) -> dict[str, str]:
    """The county defaults of :data:`OFFICE_KEYS`: the office record and the county's
    ``office.signatures``."""
    info = office_in(session)
    return {
        "office.name": info.office_name if info else "",
        "office.phone": info.phone if info else "",
        "office.policy_url": info.policy_url if info else "",
        "office.signatures": str(get_setting(session, "office.signatures", "") or ""),
    }


def township_office(db: Database, actor: Actor, township_id: int | None) -> TownshipOffice:
    """The office block of ``township_id`` (None: the county defaults) with the defaults."""
    actor.require("read")
    with db.read_session() as s:
        defaults = county_office_values(s)
        if township_id is None:
            return TownshipOffice(None, dict(defaults), defaults)
        require_township(actor, township_id)
        own = _own_office(s, township_id)
        town = s.get(Township, township_id)
        if town is not None:
            defaults = {**defaults, "office.name": _default_office_name(town)}
        return TownshipOffice(township_id, {k: own.get(k, "") for k in OFFICE_KEYS}, defaults)


def save_township_office(
    db: Database, actor: Actor, township_id: int, values: Mapping[str, str]
) -> TownshipOffice:
    """Store a township's own office block in one transaction; an empty value removes the
    township's own (the county's applies). Each change audited."""
    with db.session() as s:
        own = _own_office(s, township_id)
        for key in OFFICE_KEYS:
            new = str(values.get(key, "") or "").strip()
            if new != own.get(key, ""):
                set_township_setting(s, actor, township_id, key, new or None)
    return township_office(db, actor, township_id)


def save_county_office(db: Database, actor: Actor, info: OfficeInfo, signatures: str) -> OfficeInfo:
    """The county's office record (:func:`~reliefdesk.services.settings.save_office`) and
    its ``office.signatures``, the defaults of every township, in one transaction."""
    with db.session() as s:
        saved = save_office(s, actor, info)
        if str(get_setting(s, "office.signatures", "") or "") != signatures.strip():
            set_setting(s, actor, "office.signatures", signatures.strip())
        return saved


def county_confirms(session: Session, township_id: int | None) -> bool:
    """Whether the county confirms (审核确认) the cases of this township (DOMAIN §2.12); the
    default False keeps a one-office database as it was (the township records the decision)."""
    return bool(get_township_setting(session, township_id, COUNTY_CONFIRMS, False))


def require_confirm_authority(
    session: Session, actor: Actor, household_id: int, programme: str
) -> None:
    """The 审核确认 step of a dibao or tekun case: a township user may take it only where
    the county has delegated confirmation to the township (``casework.county_confirms`` off)."""
    if actor.township_id is None or not (wf.is_dibao(programme) or programme == "tekun"):
        return
    if county_confirms(session, household_township(session, household_id)):
        raise PermissionDenied(
            "本乡镇（街道）未获下放审核确认权限，须由县级民政部门审核确认"
            "（《最低生活保障审核确认办法》第二十条）。",
            code="scope.county_confirms",
        )


class Delegation:
    """Whether 审核确认 of a household's case is delegated to its township (DOMAIN §2.12), for
    the case deadlines (dibao: 20 working days delegated, 30 when the county confirms). THE
    rule: the township's own ``casework.county_confirms`` where it has one (true: the county
    confirms, not delegated), else the county default, the policy's ``confirmation_delegated``.
    One read of the townships' own values; household townships are read only when some
    township has a value of its own (:meth:`prefetch` reads many at once)."""

    def __init__(self, session: Session) -> None:
        self._s = session
        self._own: dict[int, bool] = {
            int(tid): not bool(value)
            for tid, value in session.execute(
                select(TownshipSetting.township_id, TownshipSetting.value).where(
                    TownshipSetting.key == COUNTY_CONFIRMS
                )
            )
            if value is not None
        }
        self._town: dict[int, int | None] = {}

    def prefetch(self, household_ids: Iterable[int]) -> None:
        """Read the townships of these households in a few queries (no-op when no township
        has a value of its own)."""
        if not self._own:
            return
        from ..models import Household, Village

        todo = sorted({h for h in household_ids if h not in self._town})
        for i in range(0, len(todo), 900):
            chunk = todo[i : i + 900]
            self._town.update(dict.fromkeys(chunk))
            for hid, tid in self._s.execute(
                select(Household.id, Village.township_id)
                .join(Village, Village.id == Household.village_id)
                .where(Household.id.in_(chunk))
            ):
                self._town[int(hid)] = tid

    def __call__(self, policy: Policy, household_id: int) -> bool:
        if self._own:
            if household_id not in self._town:
                self._town[household_id] = household_township(self._s, household_id)
            town = self._town[household_id]
            if town is not None and town in self._own:
                return self._own[town]
        return policy.confirmation_delegated


def confirmation_delegated(session: Session, policy: Policy, household_id: int) -> bool:
    """:class:`Delegation` for one household's case."""
    return Delegation(session)(policy, household_id)
