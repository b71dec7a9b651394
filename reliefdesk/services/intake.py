"""What the new-application wizard collects, and how it is saved: one transaction composed of
the register and casework services (household, members, income, assets, application).

No rules live here: every check is the services'. ``preview_intake`` runs the same calls and
the assessment, then rolls them back (a savepoint), so the summary page shows exactly what
finishing would do (or the error it would raise). Qt-free, so it runs on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain import workflow as wf
from ..errors import ReliefError, ValidationError
from . import register
from .assessment import Assessment, assess
from .casework.create import create_application_in
from .context import Actor
from .materials import set_materials_in
from .policy import policy_on, work_calendar
from .register.accounts import add_account_in


@dataclass(frozen=True)
class MemberRef:
    """A member: an existing person (``person_id``) or the n-th new member (``new_index``)."""

    person_id: int | None = None
    new_index: int | None = None


@dataclass(frozen=True)
class IncomeLine:
    member: MemberRef | None  # None: a household-level item
    category: str
    monthly_fen: int
    description: str = ""


@dataclass(frozen=True)
class AssetLine:
    kind: str
    value_fen: int
    description: str = ""
    exempt: bool = False


@dataclass(frozen=True)
class AccountLine:
    """The payee's bank account as typed in the wizard (checked by ``add_account``)."""

    payee: MemberRef
    kind: str
    number: str
    bank_name: str = ""
    holder_name: str = ""


@dataclass(frozen=True)
class Intake:
    """Everything the wizard collected. Either ``household_id`` or ``new_household``."""

    household_id: int | None
    new_household: register.HouseholdInput | None
    new_members: tuple[register.PersonInput, ...]
    applicant: MemberRef
    income: tuple[IncomeLine, ...]
    assets: tuple[AssetLine, ...]
    programme: str
    reason: str
    accepted_on: date
    fields: dict[str, Any] = field(default_factory=dict)
    account: AccountLine | None = None  # None: no account yet (recorded later on the household)
    materials: dict[str, bool] = field(default_factory=dict)  # 申请材料 kind -> received


@dataclass(frozen=True)
class Saved:
    application_id: int
    household_id: int
    file_no: str


def _apply(s: Session, actor: Actor, data: Intake) -> tuple[int, Any]:
    """Run the service calls in ``s``; returns (household id, Application)."""
    if data.household_id is not None:
        household_id = data.household_id
    else:
        assert data.new_household is not None
        household_id = register.create_household_in(s, actor, data.new_household).id
    new_ids: list[int] = []
    for i, person in enumerate(data.new_members):
        try:
            new_ids.append(register.add_person_in(s, actor, household_id, person).id)
        except ReliefError as exc:
            exc.params["member_index"] = i  # lets the wizard point at the member's row
            raise

    def resolve(ref: MemberRef | None) -> int | None:
        if ref is None:
            return None
        if ref.person_id is not None:
            return ref.person_id
        assert ref.new_index is not None
        return new_ids[ref.new_index]

    for line in data.income:
        register.add_income_in(
            s,
            actor,
            household_id,
            resolve(line.member),
            line.category,
            line.monthly_fen,
            line.description,
        )
    for asset in data.assets:
        register.add_asset_in(
            s, actor, household_id, asset.kind, asset.value_fen, asset.description, asset.exempt
        )
    applicant = resolve(data.applicant)
    if applicant is None:
        raise ValidationError("请选择申请人。", field="applicant_id", code="application.applicant")
    app = create_application_in(
        s,
        actor,
        household_id,
        applicant,
        data.programme,
        data.reason,
        data.accepted_on,
        **data.fields,
    )
    if data.account is not None:
        payee = resolve(data.account.payee)
        if payee is None:
            raise ValidationError("请选择收款人。", field="payee_person_id", code="account.payee")
        add_account_in(
            s,
            actor,
            household_id,
            payee,
            data.account.kind,
            data.account.number,
            data.account.bank_name,
            data.account.holder_name or None,
        )
    if data.materials:
        set_materials_in(s, actor, app.id, data.materials, data.accepted_on)
    return household_id, app


def submit_intake(db: Database, actor: Actor, data: Intake) -> Saved:
    """Create the household (if new), members, income, assets and the application at once."""
    with db.session() as s:
        household_id, app = _apply(s, actor, data)
        return Saved(app.id, household_id, app.file_no)


def preview_intake(db: Database, actor: Actor, data: Intake) -> Assessment:
    """The assessment finishing would produce (proposed amount and working); nothing is kept.
    Raises the same ``ReliefError`` finishing would.

    The calls run inside a savepoint that is always rolled back, so the outer transaction
    commits nothing (and no audit event of the rehearsal survives)."""
    with db.session() as s:
        preview = s.begin_nested()
        try:
            _household_id, app = _apply(s, actor, data)
            return assess(s, app, data.accepted_on)
        finally:
            preview.rollback()


def publicity_end_preview(db: Database, start: date) -> date:
    """Last day of a 公示 starting on ``start`` under the policy in force (calendar or working
    days, 7 by default); the service computes the same when the 公示 is started."""
    with db.read_session() as s:
        policy = policy_on(s, start)
        limits = wf.Limits.from_mapping(
            policy.data.get("limits", {}),
            publicity_days=policy.publicity_days,
            publicity_working_days=policy.publicity_working_days,
        )
        return wf.publicity_end(start, limits, work_calendar(s))


__all__ = [
    "AccountLine",
    "AssetLine",
    "IncomeLine",
    "Intake",
    "MemberRef",
    "Saved",
    "preview_intake",
    "publicity_end_preview",
    "submit_intake",
]
