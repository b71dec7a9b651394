"""Income items (收入, DOMAIN §2.7) and assets (财产, §2.8); payment accounts (§2.14) are in
:mod:`reliefdesk.services.register.accounts`.

Income amounts are entered as positive monthly fen. ``transfer_out`` (转移性支出: support paid to
others, social-insurance contributions) reduces the household income. Not-counted categories
(基础养老金, 优待抚恤/奖励, 社会救助金) are kept on file with ``counted=False``. Items of a member
who is not counted in the household (or deceased) do not count either.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.benefits import TRANSFER_OUT, net_monthly_income, per_capita_exact
from ...domain.money import round_half_up
from ...errors import NotFound, ValidationError
from ...models import Asset, IncomeItem, Person
from .. import audit
from ..context import Actor
from ..scope import require_household
from .people import load_household
from .types import (
    ASSET_KINDS,
    COUNTED_INCOME,
    INCOME_CATEGORIES,
    AssetView,
    IncomeSummary,
    IncomeView,
)

__all__ = [
    "HouseholdIncome",
    "add_asset",
    "add_income",
    "delete_asset",
    "delete_income",
    "household_income_in",
    "household_income_summary",
    "income_summary_in",
]

_MAX_FEN = 10**11  # 10 亿元: anything above is a typing error


def _check_amount(fen: int, what: str, field: str) -> None:
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise ValidationError(f"{what}金额无效", code="amount.type", field=field)
    if fen < 0:
        raise ValidationError(
            f"{what}不能为负数；支出类请选择“转移性支出”类别并填写正数金额",
            code="amount.negative",
            field=field,
        )
    if fen > _MAX_FEN:
        raise ValidationError(f"{what}金额过大，请核对", code="amount.too_large", field=field)


def _member(s: Session, household_id: int, person_id: int, field: str) -> Person:
    p = s.get(Person, person_id)
    if p is None or p.household_id != household_id:
        raise ValidationError("所选人员不是本家庭成员", code="person.not_member", field=field)
    return p


# --- income ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdIncome:
    """The household's counted monthly income over the covered members (DOMAIN §2.7):
    ``total_fen`` net of transfers out; ``per_capita`` exact (for the calculators);
    ``per_capita_fen`` rounded (for display and storage)."""

    total_fen: int
    persons: int
    per_capita: Fraction | None

    @property
    def per_capita_fen(self) -> int | None:
        return None if self.per_capita is None else round_half_up(self.per_capita)


def _counts(item: IncomeItem, person_ids: Collection[int] | None, only_person: int | None) -> bool:
    if not item.counted:
        return False
    if only_person is not None:
        return item.person_id == only_person
    return item.person_id is None or person_ids is None or item.person_id in person_ids


def household_income_in(
    s: Session, household_id: int, person_ids: Collection[int], *, only_person: int | None = None
) -> HouseholdIncome:
    """THE household income rule, used by the register, the assessment (and so the wizard's
    preview and 初审) and the amount basis stored at confirmation: counted items of the
    covered members ``person_ids`` plus household-level items, 转移性支出 subtracted
    (:func:`reliefdesk.domain.benefits.net_monthly_income`). ``only_person``: only that
    person's own items (单人保, 特困 "无生活来源"); per-capita is then over 1 person."""
    items = s.scalars(
        select(IncomeItem).where(IncomeItem.household_id == household_id).order_by(IncomeItem.id)
    )
    total = net_monthly_income(
        (i.category, i.monthly_fen) for i in items if _counts(i, person_ids, only_person)
    )
    persons = 1 if only_person is not None else len(person_ids)
    return HouseholdIncome(total, persons, per_capita_exact(total, persons) if persons else None)


def _effect(item: IncomeItem, member_counts: dict[int, bool]) -> int:
    """What one item adds to the household income (shown per row in the register)."""
    covered = [pid for pid, counted in member_counts.items() if counted]
    if not _counts(item, covered, None):
        return 0
    return -item.monthly_fen if item.category == TRANSFER_OUT else item.monthly_fen


def _income_view(item: IncomeItem, member_counts: dict[int, bool]) -> IncomeView:
    return IncomeView(
        item.id,
        item.household_id,
        item.person_id,
        item.category,
        item.description,
        item.monthly_fen,
        bool(item.counted),
        _effect(item, member_counts),
    )


def _member_counts(s: Session, household_id: int) -> dict[int, bool]:
    return {
        pid: bool(counted) and dead is None
        for pid, counted, dead in s.execute(
            select(Person.id, Person.counted, Person.deceased_on).where(
                Person.household_id == household_id
            )
        )
    }


def add_income(
    db: Database,
    actor: Actor,
    household_id: int,
    person_id: int | None,
    category: str,
    monthly_fen: int,
    description: str = "",
) -> IncomeView:
    """Record one monthly income item (``person_id`` None = household-level item)."""
    with db.session() as s:
        return add_income_in(s, actor, household_id, person_id, category, monthly_fen, description)


def add_income_in(
    s: Session,
    actor: Actor,
    household_id: int,
    person_id: int | None,
    category: str,
    monthly_fen: int,
    description: str = "",
) -> IncomeView:
    """:func:`add_income` inside an open transaction (the wizard's intake composes it)."""
    actor.require("register.write")
    if category not in INCOME_CATEGORIES:
        raise ValidationError("收入类别无效", code="income.category", field="category")
    _check_amount(monthly_fen, "月收入", "monthly_fen")
    load_household(s, household_id)
    if person_id is not None:
        _member(s, household_id, person_id, "person_id")
    item = IncomeItem(
        household_id=household_id,
        person_id=person_id,
        category=category,
        monthly_fen=monthly_fen,
        description=description.strip(),
        counted=category in COUNTED_INCOME,
    )
    s.add(item)
    s.flush()
    audit.record(
        s,
        actor,
        "income.add",
        "income_item",
        item.id,
        household_id=household_id,
        detail={
            "person_id": person_id,
            "category": category,
            "monthly_fen": monthly_fen,
            "counted": item.counted,
        },
    )
    return _income_view(item, _member_counts(s, household_id))


def delete_income(db: Database, actor: Actor, income_id: int) -> None:
    actor.require("register.write")
    with db.session() as s:
        item = s.get(IncomeItem, income_id)
        if item is None:
            raise NotFound("收入项目不存在", code="income.not_found")
        detail = {
            "person_id": item.person_id,
            "category": item.category,
            "monthly_fen": item.monthly_fen,
        }
        s.delete(item)
        audit.record(
            s,
            actor,
            "income.delete",
            "income_item",
            income_id,
            household_id=item.household_id,
            detail={"before": detail},
        )


def income_summary_in(s: Session, household_id: int) -> IncomeSummary:
    counts = _member_counts(s, household_id)
    items = tuple(
        _income_view(i, counts)
        for i in s.scalars(
            select(IncomeItem)
            .where(IncomeItem.household_id == household_id)
            .order_by(IncomeItem.id)
        )
    )
    income = household_income_in(s, household_id, [pid for pid, ok in counts.items() if ok])
    return IncomeSummary(income.total_fen, income.per_capita_fen, income.persons, items)


def household_income_summary(db: Database, actor: Actor, household_id: int) -> IncomeSummary:
    """Total counted monthly income (never below 0), per-capita over counted living members."""
    actor.require("read")
    with db.read_session() as s:
        require_household(s, actor, household_id)
        load_household(s, household_id)
        return income_summary_in(s, household_id)


# --- assets ----------------------------------------------------------------------------------


def add_asset(
    db: Database,
    actor: Actor,
    household_id: int,
    kind: str,
    value_fen: int,
    description: str = "",
    exempt: bool = False,
) -> AssetView:
    """Record an asset; ``exempt`` marks property needed for production and daily life."""
    with db.session() as s:
        return add_asset_in(s, actor, household_id, kind, value_fen, description, exempt)


def add_asset_in(
    s: Session,
    actor: Actor,
    household_id: int,
    kind: str,
    value_fen: int,
    description: str = "",
    exempt: bool = False,
) -> AssetView:
    """:func:`add_asset` inside an open transaction (the wizard's intake composes it)."""
    actor.require("register.write")
    if kind not in ASSET_KINDS:
        raise ValidationError("财产类别无效", code="asset.kind", field="kind")
    _check_amount(value_fen, "财产价值", "value_fen")
    load_household(s, household_id)
    a = Asset(
        household_id=household_id,
        kind=kind,
        value_fen=value_fen,
        description=description.strip(),
        exempt=exempt,
    )
    s.add(a)
    s.flush()
    audit.record(
        s,
        actor,
        "asset.add",
        "asset",
        a.id,
        household_id=household_id,
        detail={"kind": kind, "value_fen": value_fen, "exempt": exempt},
    )
    return AssetView(a.id, household_id, kind, a.description, value_fen, exempt)


def delete_asset(db: Database, actor: Actor, asset_id: int) -> None:
    actor.require("register.write")
    with db.session() as s:
        a = s.get(Asset, asset_id)
        if a is None:
            raise NotFound("财产项目不存在", code="asset.not_found")
        s.delete(a)
        audit.record(
            s,
            actor,
            "asset.delete",
            "asset",
            asset_id,
            household_id=a.household_id,
            detail={"before": {"kind": a.kind, "value_fen": a.value_fen}},
        )
