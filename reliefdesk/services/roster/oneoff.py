"""临时救助发放名册: paying approved temporary-aid grants, each exactly once.

A temporary-aid grant (临时救助, DOMAIN §4) is a one-off sum, not a monthly benefit: it is due
in the month of its approval (``Enrollment.status`` "due") and becomes "paid" exactly once,
either on a locked payment list or in cash against a signed receipt.

Why a list of its own rather than lines in the month's roll: the bank's 一卡通 upload carries
one 补贴项目 per file, printed in the passbook's 摘要 (DOMAIN §7.2 B, §7.3.8), and temporary
aid is paid from its own fund (临时救助资金, 备用金) and often mid-month; a separate list
(``Roster.kind`` "one_off", programme "temporary_aid", several per month if needed) gives it
its own bank file, its own totals and its own signatures, and keeps the monthly roll's
户数/人数/月保障金 figures monthly. It reuses the roster life cycle (validate, lock, export,
bank return; a failed payment is re-paid on a later list once the account is fixed).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.money import fen_to_yuan, to_capital
from ...errors import NotFound, RuleViolation, ValidationError
from ...models import Application, Enrollment, Person, Roster, RosterAdjustment, RosterLine, utcnow
from .. import audit
from ..context import Actor
from ..scope import roster_township
from .build import _apply_adjustments, _line_row, _pending, _release, require_draft
from .calc import LineAmount
from .integrity import check_not_before_first_data, concurrent_insert, same_township
from .load import load
from .store import _store
from .types import RosterView, month_text, parse_month

__all__ = [
    "ONE_OFF_KIND",
    "ONE_OFF_LABEL",
    "TEMP_AID",
    "GrantView",
    "generate_temp_aid_in",
    "list_grants",
    "mark_list_paid",
    "pay_in_cash",
    "unmark_list_paid",
]

TEMP_AID = "temporary_aid"
ONE_OFF_KIND = "one_off"
ONE_OFF_LABEL = "临时救助（一次性）"
GRANT_STATUS = {"due": "待发放", "paid": "已发放"}


@dataclass(frozen=True)
class GrantView:
    """One approved grant: amount (a one-off sum), due month and how it was paid."""

    enrollment_id: int
    household_id: int
    payee_name: str
    amount_fen: int
    due_month: date
    status: str
    status_label: str
    cause: str
    paid_on: date | None
    payment_method: str | None
    receipt_no: str | None
    list_id: int | None


def _on_other_list(s: Session, roster_id: int) -> set[int]:
    """Grants already on another one-off list (draft or locked): never listed twice."""
    q = (
        select(RosterLine.enrollment_id)
        .join(Roster, Roster.id == RosterLine.roster_id)
        .where(Roster.kind == ONE_OFF_KIND, Roster.id != roster_id, RosterLine.due_fen > 0)
    )
    return set(s.scalars(q))


def generate_temp_aid_in(
    s: Session, actor: Actor, month: str | date, township_id: int | None = None
) -> RosterView:
    """Build (or rebuild the open draft of) the 临时救助发放名册 of ``month``: every approved
    grant due by then and not yet paid or listed, plus re-payments of failed grants (of one
    township: a township user's own, a county user's choice; None: every township)."""
    actor.require("roster.generate")
    town = roster_township(actor, township_id)
    month = parse_month(month)
    check_not_before_first_data(s, month)
    roster = s.scalar(
        select(Roster)
        .where(
            Roster.month == month,
            Roster.kind == ONE_OFF_KIND,
            Roster.status == "draft",
            same_township(town),
        )
        .order_by(Roster.seq_no.desc())
        .limit(1)
    )
    if roster is not None:
        require_draft(roster)
        _release(s, roster.id)
        roster.generated_at = utcnow()
        roster.generated_by, roster.generated_by_name = actor.user_id or None, actor.username
    else:
        seq = (
            s.scalar(
                select(func.max(Roster.seq_no)).where(
                    Roster.month == month, Roster.kind == ONE_OFF_KIND
                )
            )
            or 0
        ) + 1
        roster = Roster(
            month=month,
            programme=TEMP_AID,
            kind=ONE_OFF_KIND,
            seq_no=seq,
            status="draft",
            township_id=town,
            generated_by=actor.user_id or None,
            generated_by_name=actor.username,
            unlock_history=[],
        )
        s.add(roster)
    try:
        s.flush()
    except IntegrityError:  # another writer created the same batch number just now
        raise concurrent_insert(month) from None
    taken = _on_other_list(s, roster.id)
    due = (
        set(
            s.scalars(
                select(Enrollment.id).where(
                    Enrollment.programme == TEMP_AID,
                    Enrollment.status == "due",
                    Enrollment.start_month <= month,
                )
            )
        )
        - taken
    )
    by_enrollment: dict[int, list[RosterAdjustment]] = defaultdict(list)
    for adj in _pending(s, (TEMP_AID,), month, township_id=town):
        by_enrollment[adj.enrollment_id].append(adj)
    # only the wanted grants (the month bound matches none; the ids are OR-ed in)
    facts, snaps = load(
        s, (TEMP_AID,), date(1900, 1, 1), date(9999, 1, 1), due | set(by_enrollment), town
    )
    causes = dict(
        s.execute(
            select(Enrollment.id, Application.reason)
            .join(Application, Application.id == Enrollment.application_id)
            .where(Enrollment.id.in_(due | set(by_enrollment)))
        ).all()
    )
    rows: list[dict[str, Any]] = []
    applied: list[int] = []
    for f in facts:
        if f.enrollment_id not in due and f.enrollment_id not in by_enrollment:
            continue
        snap = snaps[f.enrollment_id]
        amount = None
        if f.enrollment_id in due:
            cause = str(causes.get(f.enrollment_id) or "")
            amount = LineAmount(
                f.amount_fen,
                0,
                None,
                True,
                ONE_OFF_LABEL,
                {
                    "method": "one_off",
                    "formula": "一次性发放（非按月）",
                    "lines": [
                        [
                            "救助金额（一次性）",
                            f"{fen_to_yuan(f.amount_fen)} 元（大写：{to_capital(f.amount_fen)}）",
                        ],
                        ["救助事由", cause],
                        ["应发月份", month_text(f.start_month)],
                    ],
                    "basis": {"programme": TEMP_AID, "one_off": True, "amount_fen": f.amount_fen},
                },
            )
        row = _line_row(roster.id, f, snap, amount)
        ids, waiting = _apply_adjustments(row, by_enrollment.get(f.enrollment_id, []), snap)
        if row["paid_fen"] <= 0:
            continue
        applied += ids
        if amount is not None:
            row["change_flag"] = "新增"
            row["change_reason"] = f"一次性临时救助：{causes.get(f.enrollment_id) or ''}"
        else:
            row["change_flag"], row["change_reason"] = "补发", row["adjustment_reason"]
        if waiting:
            row["change_reason"] = "；".join([row["change_reason"], *waiting])
        rows.append(row)
    return _store(
        s, actor, roster, rows, applied, "roster.generate_temp_aid", {"grants": len(rows)}, True
    )


def mark_list_paid(s: Session, roster: Roster) -> None:
    """On locking a one-off list its grants are paid (handed to the bank)."""
    ids = list(
        s.scalars(
            select(RosterLine.enrollment_id).where(
                RosterLine.roster_id == roster.id, RosterLine.due_fen > 0
            )
        )
    )
    for e in s.scalars(select(Enrollment).where(Enrollment.id.in_(ids))):
        if e.status == "due":
            e.status, e.paid_on, e.payment_method = "paid", date.today(), "bank"
            e.paid_roster_id = roster.id
    s.flush()


def unmark_list_paid(s: Session, roster: Roster) -> None:
    """Unlocking the list makes its grants due again (until it is locked again)."""
    for e in s.scalars(select(Enrollment).where(Enrollment.paid_roster_id == roster.id)):
        e.status, e.paid_on, e.payment_method, e.paid_roster_id = "due", None, None, None
    s.flush()


def pay_in_cash(
    db: Database,
    actor: Actor,
    enrollment_id: int,
    *,
    paid_on: date,
    receipt_no: str,
    received_by: str = "",
) -> GrantView:
    """Record a grant paid in cash against a signed receipt (领款收据 ``receipt_no``): it is
    then paid and never listed for the bank."""
    actor.require("roster.generate")
    if not receipt_no or not receipt_no.strip():
        raise ValidationError(
            "现金发放须填写已签字的领款收据编号。", code="grant.receipt", field="receipt_no"
        )
    with db.session() as s:
        e = s.get(Enrollment, enrollment_id)
        if e is None or e.programme != TEMP_AID:
            raise NotFound(f"临时救助记录 #{enrollment_id} 不存在。", code="grant.not_found")
        if e.status != "due":
            raise RuleViolation(
                "该临时救助已发放，不能重复发放。", code="grant.paid", rule="每笔临时救助只发放一次"
            )
        if enrollment_id in _on_other_list(s, 0):
            raise RuleViolation(
                "该临时救助已列入临时救助发放名册，请先重新生成该名册再改为现金发放。",
                code="grant.listed",
            )
        e.status, e.paid_on, e.payment_method = "paid", paid_on, "cash"
        e.receipt_no = receipt_no.strip()
        s.flush()
        audit.record(
            s,
            actor,
            "grant.pay_cash",
            "enrollment",
            e.id,
            household_id=e.household_id,
            detail={
                "amount_fen": e.amount_fen,
                "paid_on": paid_on.isoformat(),
                "receipt_no": e.receipt_no,
                "received_by": received_by.strip(),
            },
        )
        return _grant_view(s, e)


def _grant_view(s: Session, e: Enrollment) -> GrantView:
    payee = s.get(Person, e.payee_id)
    app = s.get(Application, e.application_id)
    return GrantView(
        e.id,
        e.household_id,
        payee.name if payee else "",
        e.amount_fen,
        e.start_month,
        e.status,
        GRANT_STATUS.get(e.status, e.status),
        app.reason if app else "",
        e.paid_on,
        e.payment_method,
        e.receipt_no,
        e.paid_roster_id,
    )


def list_grants(
    db: Database, actor: Actor, *, status: str | None = None, month: str | date | None = None
) -> list[GrantView]:
    """Approved temporary-aid grants (``status`` due | paid), oldest first."""
    actor.require("read")
    with db.read_session() as s:
        q = select(Enrollment).where(Enrollment.programme == TEMP_AID)
        if status is not None:
            q = q.where(Enrollment.status == status)
        if month is not None:
            q = q.where(Enrollment.start_month == parse_month(month))
        return [
            _grant_view(s, e) for e in s.scalars(q.order_by(Enrollment.start_month, Enrollment.id))
        ]
