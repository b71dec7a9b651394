"""Generating monthly rosters (regular and supplementary) and their change flags.

``generate`` snapshots every enrollment that pays in the month (DOMAIN §2.13–§2.15, §7), with
its decided amount in force that month (``roster.calc``: never a recomputation), pending
adjustments (补发/扣减/追回), and a
change flag against the previous month (新增/停发/调增/调减/补发/扣减/不变) with its reason.
Regenerating a draft replaces it; a locked roster refuses with LockedError.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.money import fen_to_yuan
from ...domain.months import add_months
from ...errors import LockedError, NotFound, RuleViolation
from ...models import Roster, RosterAdjustment, RosterLine, RosterProblemAck, utcnow
from .. import audit
from ..context import Actor
from ..policy import Policy, policy_on
from ..scope import require_roster, roster_township, township_households
from .calc import (
    AMOUNT_KINDS,
    KIND_LABELS,
    RESUME_KINDS,
    Calculator,
    EnrollmentFacts,
    MonthState,
    basis_for,
    facts_in_month,
    state_in_month,
)
from .cycle import check_generate
from .integrity import NOT_LOOKED, concurrent_insert, refuse_concurrent, same_township
from .load import Snapshot, load
from .store import (
    _store,
)
from .types import (
    PROGRAMME_LABELS,
    RosterView,
    month_text,
    parse_month,
    programme_code,
    programmes_of,
)

SIGN = {"补发": 1, "扣减": -1, "追回": -1}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of rows are built.

    Reference counting still frees everything; the collector would only re-scan every live
    object again and again as the rows pile up (about a fifth of a 40,000-line month, more in
    the GUI process with its many live objects). The previous state is restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Policies:
    """policy_on cached per month."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[date, Policy] = {}

    def __call__(self, month: date) -> Policy:
        if month not in self.cache:
            self.cache[month] = policy_on(self.session, month)
        return self.cache[month]


def require_draft(roster: Roster) -> None:
    if roster.status == "locked":
        raise LockedError(
            f"{month_text(roster.month)} "
            f"{PROGRAMME_LABELS.get(roster.programme, roster.programme)}花名册已锁定，"
            "不能修改；如确需更正，请管理员解锁并说明理由。",
            code="roster.locked",
        )


def get_roster_row(session: Session, roster_id: int, actor: Actor | None = None) -> Roster:
    """The roster row; refused to ``actor`` (when given) if it is another township's."""
    roster = session.get(Roster, roster_id)
    if roster is None:
        raise NotFound(f"花名册 #{roster_id} 不存在。", code="roster.not_found")
    if actor is not None:
        require_roster(actor, roster)
    return roster


def _release(session: Session, roster_id: int) -> None:
    """Free the adjustments a draft claimed and drop its lines and acknowledgements."""
    session.execute(
        update(RosterAdjustment)
        .where(RosterAdjustment.applied_in_roster_id == roster_id)
        .values(applied_in_roster_id=None, version=RosterAdjustment.version + 1)
        .execution_options(synchronize_session=False)
    )
    session.execute(delete(RosterLine).where(RosterLine.roster_id == roster_id))
    session.execute(delete(RosterProblemAck).where(RosterProblemAck.roster_id == roster_id))


def _pending(
    session: Session,
    programmes: tuple[str, ...],
    month: date,
    ids: Sequence[int] | None = None,
    township_id: int | None = None,
) -> list[RosterAdjustment]:
    from ...models import Enrollment

    q = (
        select(RosterAdjustment)
        .join(Enrollment, Enrollment.id == RosterAdjustment.enrollment_id)
        .where(
            RosterAdjustment.applied_in_roster_id.is_(None),
            RosterAdjustment.cancelled.is_(False),
            Enrollment.programme.in_(programmes),
        )
    )
    if township_id is not None:
        q = q.where(RosterAdjustment.household_id.in_(township_households(township_id)))
    q = (
        q.where(RosterAdjustment.id.in_(ids))
        if ids is not None
        else q.where(RosterAdjustment.apply_month <= month)
    )
    return list(session.scalars(q.order_by(RosterAdjustment.id)))


def _previous_lines(
    session: Session,
    code: str,
    programmes: tuple[str, ...],
    month: date,
    township_id: int | None = None,
) -> tuple[int | None, dict[int, Any]]:
    prev = add_months(month, -1)
    q = select(Roster.id).where(
        Roster.month == prev, Roster.kind == "regular", same_township(township_id)
    )
    if code != "all":
        q = q.where(Roster.programme.in_((code, "all")))
    ids = list(session.scalars(q))
    if not ids:
        return None, {}
    rows = session.execute(
        select(RosterLine.enrollment_id, RosterLine.due_fen, RosterLine.standard_fen).where(
            RosterLine.roster_id.in_(ids),
            RosterLine.programme.in_(programmes),
            RosterLine.due_fen > 0,
        )
    )
    out = {r.enrollment_id: r for r in rows}
    return ids[0], out


def _line_row(roster_id: int, f: EnrollmentFacts, snap: Snapshot, amount: Any) -> dict[str, Any]:
    return {
        "roster_id": roster_id,
        "enrollment_id": f.enrollment_id,
        "household_id": f.household_id,
        "payee_person_id": snap.payee_person_id,
        "payee_name": snap.payee_name,
        "payee_id_number": snap.payee_id_number,
        "account": snap.account,
        "account_kind": snap.account_kind,
        "bank": snap.bank,
        "holder_name": snap.holder_name,
        "village": snap.village,
        "township": snap.township,
        "programme": f.programme,
        "category": amount.category if amount else PROGRAMME_LABELS.get(f.programme, ""),
        "persons": f.persons,
        "members_counted": snap.members_counted,
        "standard_fen": amount.standard_fen if amount else 0,
        "per_capita_income_fen": amount.per_capita_income_fen if amount else None,
        "due_fen": amount.fen if amount else 0,
        "adjustment_fen": 0,
        "adjustment_reason": "",
        "paid_fen": 0,
        "change_flag": "不变",
        "change_reason": "",
        "working": amount.working if amount else {},
        "bank_status": "pending",
        "bank_reason": "",
    }


def _apply_adjustments(
    row: dict[str, Any], adjs: list[RosterAdjustment], snap: Snapshot
) -> tuple[list[int], list[str]]:
    """Add what applies to the line; returns (applied ids, notes on what waits)."""
    if not adjs:  # most lines
        row["paid_fen"] = row["due_fen"]
        return [], []
    applied: list[int] = []
    reasons: list[str] = []
    waiting: list[str] = []
    total = row["due_fen"]
    for adj in sorted(adjs, key=lambda a: (SIGN[a.kind] < 0, a.id)):
        if (
            adj.source == "failed_payment"
            and not adj.account_fixed
            and (adj.failed_account or "") == snap.account
        ):
            waiting.append(
                f"{adj.for_month:%Y-%m} 发放失败 {fen_to_yuan(adj.amount_fen)} 元待账户更正后补发"
            )
            continue
        signed = SIGN[adj.kind] * adj.amount_fen
        if total + signed < 0:
            waiting.append(f"{adj.kind} {fen_to_yuan(adj.amount_fen)} 元超过本月应发，暂缓")
            continue
        total += signed
        applied.append(adj.id)
        row["adjustment_fen"] += signed
        reasons.append(f"{adj.kind}{fen_to_yuan(adj.amount_fen)}元：{adj.reason}")
    row["adjustment_reason"] = "；".join(reasons)
    row["paid_fen"] = total
    return applied, waiting


def _flag(
    row: dict[str, Any],
    st: MonthState | None,
    prev: Any,
    f: EnrollmentFacts,
    month: date,
    policy: Policy,
) -> None:
    due, adj = row["due_fen"], row["adjustment_fen"]
    if due <= 0:
        if prev is not None:
            row["change_flag"] = "停发"
            row["change_reason"] = st.reason if st and not st.payable else _zero_reason(row)
        if adj > 0:
            row["change_flag"], row["change_reason"] = (
                "补发",
                row["change_reason"] or "本月无应发，仅补发",
            )
        elif adj < 0:
            row["change_flag"] = "扣减"
        return
    this_month = [c for c in f.changes if c.effective_month == month]
    change_text = "；".join(
        f"{KIND_LABELS.get(c.kind, c.kind)}：{c.reason}"
        for c in this_month
        if c.kind in AMOUNT_KINDS or c.kind in RESUME_KINDS or c.kind == "phase_out"
    )
    if prev is None and f.amount_source == "import":
        # hook (issue 12): a recipient brought in by 存量导入 was already paid before
        row["change_flag"] = "存量"
        row["change_reason"] = change_text or "存量导入，按原核定金额发放"
    elif prev is None:
        row["change_flag"] = "新增"
        row["change_reason"] = change_text or (
            f"新纳入，自 {month_text(month)} 起发放"
            if f.start_month == month
            else "上月名册中无此户"
        )
    elif due != prev.due_fen:
        row["change_flag"] = "调增" if due > prev.due_fen else "调减"
        reason = change_text
        if (
            not reason and st is not None and st.decided is not None and st.state != "phase_out"
        ):  # a decision recorded after last month was paid
            reason = f"{KIND_LABELS.get(st.decided.kind, st.decided.kind)}：{st.decided.reason}"
        if not reason and row["standard_fen"] != prev.standard_fen:
            reason = (
                f"保障标准由 {fen_to_yuan(prev.standard_fen)} 元调整为 "
                f"{fen_to_yuan(row['standard_fen'])} 元（{policy.name}）"
            )
        if not reason and st is not None and st.state == "phase_out":
            reason = "渐退期" + next(
                (v for k, v in row["working"].get("lines", []) if k == "渐退月份"), ""
            )
        row["change_reason"] = reason or (
            f"核定金额由 {fen_to_yuan(prev.due_fen)} 元变为 {fen_to_yuan(due)} 元"
        )
    elif adj > 0:
        row["change_flag"], row["change_reason"] = "补发", row["adjustment_reason"]
    elif adj < 0:
        row["change_flag"], row["change_reason"] = "扣减", row["adjustment_reason"]


def _zero_reason(row: dict[str, Any]) -> str:
    w = row["working"]
    if w.get("error"):
        return f"计算失败：{w['error']}"
    lines = w.get("lines") or []
    return str(lines[-1][1]) if lines else "本月应发为 0"


def generate_regular_in(
    s: Session,
    actor: Actor,
    month: str | date,
    programme: str | None,
    with_lines: bool,
    seen: Any = NOT_LOOKED,
    township_id: int | None = None,
) -> RosterView:
    month, code = parse_month(month), programme_code(programme)
    existing = s.scalar(
        select(Roster)
        .where(
            Roster.month == month,
            Roster.programme == code,
            Roster.kind == "regular",
            Roster.seq_no == 0,
            same_township(township_id),
        )
        .with_for_update()
    )  # a concurrent generate waits here (PostgreSQL)
    refuse_concurrent(existing, seen, month)
    check_generate(s, month, code, township_id=township_id)  # month order, overlap (cycle)
    if existing is not None:
        require_draft(existing)
        _release(s, existing.id)
        roster = existing
        roster.generated_at = utcnow()
        roster.generated_by, roster.generated_by_name = (
            actor.user_id or None,
            actor.display_name or actor.username,
        )  # 制表人 prints by name
    else:
        roster = Roster(
            month=month,
            programme=code,
            kind="regular",
            seq_no=0,
            status="draft",
            township_id=township_id,
            generated_by=actor.user_id or None,
            generated_by_name=actor.display_name or actor.username,
            unlock_history=[],
        )
        s.add(roster)
    try:
        s.flush()
    except IntegrityError:  # the same month's roster was just inserted by another writer
        raise concurrent_insert(month) from None
    programmes = programmes_of(code)
    policies = _Policies(s)
    policy = policies(month)
    calc = Calculator(policy)
    prev_id, prev = _previous_lines(s, code, programmes, month, township_id)
    pending = _pending(s, programmes, month, township_id=township_id)
    by_enrollment: dict[int, list[RosterAdjustment]] = defaultdict(list)
    for adj in pending:
        by_enrollment[adj.enrollment_id].append(adj)
    facts, snaps = load(
        s, programmes, month, add_months(month, -1), set(by_enrollment) | set(prev), township_id
    )
    rows: list[dict[str, Any]] = []
    applied_ids: list[int] = []
    for stored in facts:
        f = facts_in_month(stored, month)  # persons, income, standard of that month's decision
        snap = snaps[f.enrollment_id]
        st = state_in_month(f, month)
        if st.payable and snap.all_members_dead_before:
            st = MonthState("ended", False, "保障对象均已死亡")
        amount = None
        if st.payable:
            amount = calc.compute(basis_for(f, st, month))
        p = prev.get(f.enrollment_id)
        adjs = by_enrollment.get(f.enrollment_id, [])
        if amount is None and p is None and not adjs:
            continue
        row = _line_row(roster.id, f, snap, amount)
        if amount is None:
            row["working"] = {"stopped": st.reason}
        ids, waiting = _apply_adjustments(row, adjs, snap)
        if row["due_fen"] <= 0 and row["paid_fen"] <= 0 and p is None:
            continue  # nothing to pay and nothing to report
        applied_ids += ids
        _flag(row, st, p, f, month, policy)
        if waiting:
            row["change_reason"] = "；".join(x for x in [row["change_reason"], *waiting] if x)
        rows.append(row)
    return _store(
        s,
        actor,
        roster,
        rows,
        applied_ids,
        "roster.generate",
        {"previous_roster_id": prev_id},
        with_lines,
    )


def generate_supplementary(
    db: Database,
    actor: Actor,
    month: str | date,
    adjustments: Sequence[int] | None = None,
    programme: str | None = None,
    *,
    township_id: int | None = None,
) -> RosterView:
    """补发名册 for a past ``month``: one line per enrollment carrying pending adjustments
    (the given ids, or every pending adjustment whose ``for_month`` is ``month``), of one
    township (a township user's own; a county user's choice, None: every township)."""
    actor.require("roster.generate")
    town = roster_township(actor, township_id)
    with db.session() as s:
        month, code = parse_month(month), programme_code(programme)
        programmes = programmes_of(code)
        if adjustments is not None:
            pending = _pending(s, programmes, month, list(adjustments), town)
            missing = set(adjustments) - {a.id for a in pending}
            if missing:
                raise RuleViolation(
                    f"调整记录 {sorted(missing)} 不存在、已取消或已列入其他名册。",
                    code="roster.adjustment_unavailable",
                )
        else:
            pending = [
                a for a in _pending(s, programmes, month, township_id=town) if a.for_month == month
            ]
        if not pending:
            raise RuleViolation(f"{month_text(month)} 没有待补发的款项。", code="roster.nothing")
        seq = (
            s.scalar(
                select(func.max(Roster.seq_no)).where(
                    Roster.month == month, Roster.programme == code, Roster.kind == "supplementary"
                )
            )
            or 0
        ) + 1
        roster = Roster(
            month=month,
            programme=code,
            kind="supplementary",
            seq_no=seq,
            status="draft",
            township_id=town,
            generated_by=actor.user_id or None,
            generated_by_name=actor.display_name or actor.username,
            unlock_history=[],
        )
        s.add(roster)
        s.flush()
        by_enrollment: dict[int, list[RosterAdjustment]] = defaultdict(list)
        for adj in pending:
            by_enrollment[adj.enrollment_id].append(adj)
        facts, snaps = load(
            s, programmes, date(1900, 1, 1), date(9999, 1, 1), set(by_enrollment), town
        )
        rows, applied = [], []
        for f in facts:
            if f.enrollment_id not in by_enrollment:
                continue
            snap = snaps[f.enrollment_id]
            row = _line_row(roster.id, f, snap, None)
            row["working"] = {"supplementary": True}
            ids, waiting = _apply_adjustments(row, by_enrollment[f.enrollment_id], snap)
            if row["paid_fen"] <= 0:
                continue
            applied += ids
            row["change_flag"], row["change_reason"] = "补发", row["adjustment_reason"]
            if waiting:
                row["change_reason"] += "；" + "；".join(waiting)
            rows.append(row)
        if not rows:
            raise RuleViolation(
                "所选款项均不能发放（账户尚未更正或为扣减）。", code="roster.nothing"
            )
        return _store(
            s,
            actor,
            roster,
            rows,
            applied,
            "roster.generate_supplementary",
            {"adjustment_ids": applied},
        )


def discard_draft(db: Database, actor: Actor, roster_id: int) -> None:
    """Delete a draft roster (its adjustments become pending again)."""
    actor.require("roster.generate")
    with db.session() as s:
        roster = get_roster_row(s, roster_id, actor)
        require_draft(roster)
        _release(s, roster.id)
        s.execute(
            update(RosterAdjustment)
            .where(RosterAdjustment.source_roster_id == roster.id)
            .values(source_roster_id=None)
            .execution_options(synchronize_session=False)
        )
        audit.record(
            s,
            actor,
            "roster.discard",
            "roster",
            roster.id,
            detail={
                "month": month_text(roster.month),
                "programme": roster.programme,
                "kind": roster.kind,
            },
        )
        s.delete(roster)


def latest_locked_month(session: Session) -> date | None:
    return session.scalar(
        select(func.max(Roster.month)).where(Roster.kind == "regular", Roster.status == "locked")
    )


__all__ = [
    "discard_draft",
    "gc_paused",
    "generate_regular_in",
    "generate_supplementary",
    "get_roster_row",
    "latest_locked_month",
    "programmes_of",
    "require_draft",
]
