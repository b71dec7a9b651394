"""Reading the register: one household in full, and SQL-paged summaries for the big list.

Personal data is masked by default (ID: first 6 + last 4; account: last 4; phone: 3 + 4).
``reveal=True`` needs the ``pii.reveal`` permission and is itself audited (DOMAIN §10.3).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from ...db.engine import Database
from ...domain.masking import mask_id
from ...errors import ValidationError
from ...models import Asset, BankAccount, Enrollment, Household, Person, Village
from .. import audit
from ..context import Actor
from ..scope import require_household, township_condition
from ..search import LIVE_STATUSES
from .accounts import account_view
from .money import income_summary_in
from .people import household_view, load_household, person_view
from .types import AssetView, HouseholdDetail, HouseholdRow, HouseholdSummaryPage

__all__ = ["SORT_KEYS", "get_household", "get_household_in", "household_summary_page"]


def get_household(
    db: Database, actor: Actor, household_id: int, *, reveal: bool = False
) -> HouseholdDetail:
    """A household with members, income summary, assets and accounts. With ``reveal`` the
    full ID/account numbers and phone are returned and a ``pii.reveal`` event is audited."""
    # Only a reveal writes (its audit event); a plain read takes no write lock.
    with db.session() if reveal else db.read_session() as s:
        return get_household_in(s, actor, household_id, reveal=reveal)


def get_household_in(
    s: Session, actor: Actor, household_id: int, *, reveal: bool = False
) -> HouseholdDetail:
    actor.require("read")
    if reveal:
        actor.require("pii.reveal")
    require_household(s, actor, household_id)
    h = load_household(s, household_id)
    members = list(
        s.scalars(
            select(Person)
            .where(Person.household_id == h.id)
            .order_by(Person.relation != "head", Person.id)
        )
    )
    names = {p.id: p.name for p in members}
    accounts = tuple(
        account_view(a, names.get(a.payee_person_id, ""), reveal=reveal)
        for a in s.scalars(
            select(BankAccount)
            .where(BankAccount.household_id == h.id)
            .order_by(BankAccount.active.desc(), BankAccount.id)
        )
    )
    assets = tuple(
        AssetView(a.id, a.household_id, a.kind, a.description, a.value_fen, bool(a.exempt))
        for a in s.scalars(select(Asset).where(Asset.household_id == h.id).order_by(Asset.id))
    )
    if reveal:
        audit.record(
            s,
            actor,
            "pii.reveal",
            "household",
            h.id,
            household_id=h.id,
            detail={
                "fields": ["id_number", "account", "phone"],
                "persons": [p.id for p in members],
            },
        )
    return HouseholdDetail(
        household_view(s, h, reveal=reveal),
        tuple(person_view(p, reveal=reveal) for p in members),
        income_summary_in(s, h.id),
        assets,
        accounts,
        reveal,
    )


def _current_enrollment_id() -> Any:
    """Per household: the newest live enrollment, else the newest one of any status."""
    e = aliased(Enrollment)
    live_first = case((e.status.in_(LIVE_STATUSES), 0), else_=1)
    return (
        select(e.id)
        .where(e.household_id == Household.id)
        .order_by(live_first, e.id.desc())
        .limit(1)
        .correlate(Household)
        .scalar_subquery()
    )


def _head_id() -> Any:
    p = aliased(Person)
    return (
        select(p.id)
        .where(p.household_id == Household.id)
        .order_by(case((p.relation == "head", 0), else_=1), p.id)
        .limit(1)
        .correlate(Household)
        .scalar_subquery()
    )


def _member_count() -> Any:
    p = aliased(Person)
    return (
        select(func.count(p.id))
        .where(p.household_id == Household.id)
        .correlate(Household)
        .scalar_subquery()
    )


SORT_KEYS = ("id", "head_name", "village", "members", "programme", "status", "amount")


def household_summary_page(
    db: Database,
    actor: Actor,
    *,
    offset: int = 0,
    limit: int = 100,
    sort: str = "id",
    descending: bool = False,
    programme: str | None = None,
    status: str | None = None,
    village_id: int | None = None,
    township_id: int | None = None,
    area_type: str | None = None,
    entrusted: bool | None = None,
    with_total: bool = True,
) -> HouseholdSummaryPage:
    """One page of the household list, filtered and sorted in SQL.

    ``programme``: urban_dibao | rural_dibao | tekun | temporary_aid | "dibao" (both dibao)
    — of the household's current enrollment; ``status``: an enrollment status (active,
    phase_out, suspended, terminated) or "none" (never enrolled); ``sort`` one of SORT_KEYS.
    """
    actor.require("read")
    if sort not in SORT_KEYS:
        raise ValidationError(f"不支持的排序字段：{sort}", code="list.sort", field="sort")
    limit = max(1, min(limit, 1000))
    offset = max(0, offset)
    with db.read_session() as s:
        head = aliased(Person)
        cur = _current_enrollment_id()
        members = _member_count().label("members")
        conds: list[Any] = []
        if programme:
            progs = ("urban_dibao", "rural_dibao") if programme == "dibao" else (programme,)
            conds.append(Enrollment.programme.in_(progs))
        if status == "none":
            conds.append(Enrollment.id.is_(None))
        elif status:
            conds.append(Enrollment.status == status)
        if village_id is not None:
            conds.append(Household.village_id == village_id)
        if township_id is not None:
            conds.append(Village.township_id == township_id)
        in_scope = township_condition(actor, Village.township_id)
        if in_scope is not None:
            conds.append(in_scope)
        if area_type:
            conds.append(Household.area_type == area_type)
        if entrusted is not None:
            conds.append(Household.entrusted.is_(entrusted))
        need_enrollment = bool(programme or status or sort in ("programme", "status", "amount"))
        q = (
            select(
                Household.id,
                head.name,
                head.id_number,
                Household.village_id,
                Village.name,
                Household.area_type,
                members,
                Enrollment.programme,
                Enrollment.status,
                Enrollment.amount_fen,
                Household.entrusted,
                Household.near_dibao,
            )
            .join(Village, Village.id == Household.village_id)
            .outerjoin(head, head.id == _head_id())
            .outerjoin(Enrollment, Enrollment.id == cur)
        )
        order_col: Any = {
            "id": Household.id,
            "head_name": head.name,
            "village": Village.name,
            "members": members,
            "programme": Enrollment.programme,
            "status": Enrollment.status,
            "amount": Enrollment.amount_fen,
        }[sort]
        if sort == "id":
            order = [Household.id.desc() if descending else Household.id]
            found = list(s.execute(q.where(*conds).order_by(*order).offset(offset).limit(limit)))
        else:
            order = [
                order_col.desc() if descending else order_col,
                Household.id.desc() if descending else Household.id,
            ]
            # Sorting every household on a derived column is the costly part: do it on the
            # ids and the sort key alone, then read the page's rows (same order, same ties).
            q1 = select(Household.id, order_col).join(Village, Village.id == Household.village_id)
            if sort == "head_name":
                q1 = q1.outerjoin(head, head.id == _head_id())
            if need_enrollment:
                q1 = q1.outerjoin(Enrollment, Enrollment.id == cur)
            ids = list(s.scalars(q1.where(*conds).order_by(*order).offset(offset).limit(limit)))
            by_id = {r[0]: r for r in s.execute(q.where(Household.id.in_(ids)))} if ids else {}
            found = [by_id[i] for i in ids]
        rows = tuple(
            HouseholdRow(
                r[0],
                r[1] or "",
                mask_id(r[2]),
                r[3],
                r[4],
                r[5],
                r[6] or 0,
                r[7],
                r[8],
                r[9],
                bool(r[10]),
                bool(r[11]),
            )
            for r in found
        )
        total = -1
        if with_total:
            cq = select(func.count(Household.id)).join(Village, Village.id == Household.village_id)
            if need_enrollment and (programme or status):
                cq = cq.outerjoin(Enrollment, Enrollment.id == _current_enrollment_id())
            total = s.scalar(cq.where(*conds)) or 0
        return HouseholdSummaryPage(rows, total, offset, limit)
