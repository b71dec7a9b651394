"""Applying the bank's return file (回盘) to a locked roster, strictly (issue 13).

The file is read and checked before the write transaction starts, so the write lock is held
for the few statements that record the result, not for the parsing. Every row is held against
its roster line (matched by ID number, else by account): a different amount, name, ID or
account, two rows for the same person (duplicates or a contradiction) are refused, the whole
file with one list of problems, nothing written. Importing the same file again changes
nothing, and a row saying "paid" never cancels a 补发 already queued by an earlier return
(that needs a person: cancel it in 待补发 with a reason).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...documents import workbooks as wb
from ...documents.xlsx.problems import raise_if_problems
from ...domain.idnumber import normalize_id
from ...domain.months import next_month
from ...errors import ValidationError
from ...models import BankReturn, RosterAdjustment, RosterLine
from .. import audit
from ..context import Actor
from .build import get_roster_row
from .check import ensure_intact
from .read import adjustment_view
from .types import ImportResult, month_text

__all__ = ["import_return"]


def _key(id_number: str | None) -> str:
    try:
        return normalize_id(id_number) if id_number else ""
    except ValidationError:
        return (id_number or "").strip().upper()


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _compare(r: Any, line: RosterLine, problems: list[str]) -> None:
    """Problems where the row disagrees with its roster line."""
    where = f"第 {r.row_number} 行（{_squash(r.name) or line.payee_name}）"
    if r.amount_fen is not None and r.amount_fen != line.paid_fen:
        problems.append(
            f"{where}金额 {r.amount_fen / 100:.2f} 元与名册实发 {line.paid_fen / 100:.2f} 元不符"
        )
    if r.name and _squash(r.name) not in {_squash(line.payee_name), _squash(line.holder_name)}:
        problems.append(f"{where}姓名与名册不符（名册：{line.payee_name}）")
    if r.id_number and _key(r.id_number) != line.payee_id_number:
        problems.append(f"{where}证件号码与名册第 {line.line_no} 行不符")
    if r.account and _squash(r.account) != line.account:
        problems.append(f"{where}卡号与名册第 {line.line_no} 行不符")


def import_return(
    db: Database, actor: Actor, roster_id: int, path: str | os.PathLike[str]
) -> ImportResult:
    """Read the bank's result file: mark lines paid or failed and queue a 补发 adjustment
    for each failed line (paid in a later roster once the account is fixed)."""
    actor.require("roster.export")
    rows = wb.read_bank_return(path)  # parsed and size-checked outside the transaction
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    name = Path(path).name
    with db.read_session() as s:  # the checks need no write lock either
        roster = get_roster_row(s, roster_id, actor)
        ensure_intact(s, roster)
        lines = list(
            s.scalars(
                select(RosterLine).where(RosterLine.roster_id == roster.id, RosterLine.paid_fen > 0)
            )
        )
        done = s.scalar(
            select(BankReturn.id)
            .where(BankReturn.roster_id == roster.id, BankReturn.file_sha256 == digest)
            .limit(1)
        )
        pending = {
            a.source_line_id: a
            for a in s.scalars(
                select(RosterAdjustment).where(
                    RosterAdjustment.source_roster_id == roster.id,
                    RosterAdjustment.source == "failed_payment",
                )
            )
        }
        s.expunge_all()
    matched = _match(rows, lines, pending, name)
    paid = sum(1 for r, ln in matched if ln is not None and r.success)
    failed = sum(1 for r, ln in matched if ln is not None and not r.success)
    unmatched = tuple(r.row_number for r, ln in matched if ln is None)
    if done is not None:  # the same file again: nothing changes
        return ImportResult(len(rows), paid, failed, unmatched, (), digest)
    with db.session() as s:
        roster = get_roster_row(s, roster_id, actor)
        ensure_intact(s, roster)
        created = _apply(s, actor, roster, matched, pending, digest)
        audit.record(
            s,
            actor,
            "roster.import_return",
            "roster",
            roster.id,
            detail={
                "file": name,
                "file_sha256": digest,
                "rows": len(rows),
                "paid": paid,
                "failed": failed,
                "unmatched": list(unmatched),
                "adjustments": [a.id for a in created],
            },
        )
        return ImportResult(len(rows), paid, failed, unmatched, tuple(created), digest)


def _match(
    rows: list[Any], lines: list[RosterLine], pending: dict[int | None, Any], name: str
) -> list[tuple[Any, RosterLine | None]]:
    """Each row with its roster line (None: matches nothing); refuses the file on any
    disagreement, duplicate or contradiction."""
    by_id = {ln.payee_id_number: ln for ln in lines}
    by_acct = {ln.account: ln for ln in lines if ln.account}
    problems: list[str] = []
    seen: dict[int, Any] = {}
    out: list[tuple[Any, RosterLine | None]] = []
    for r in rows:
        line = by_id.get(_key(r.id_number)) or by_acct.get(_squash(r.account))
        out.append((r, line))
        if line is None:
            continue
        _compare(r, line, problems)
        first = seen.get(line.id)
        if first is not None:
            kind = "重复" if first.success == r.success else "矛盾（一行成功、一行失败）"
            problems.append(
                f"第 {r.row_number} 行与第 {first.row_number} 行是同一人"
                f"（名册第 {line.line_no} 行），{kind}"
            )
        seen.setdefault(line.id, r)
        adj = pending.get(line.id)
        if r.success and adj is not None and not adj.cancelled and adj.applied_in_roster_id is None:
            problems.append(
                f"第 {r.row_number} 行为成功，但名册第 {line.line_no} 行此前回盘失败、"
                "已列入待补发；如确已到账，请在“待补发”中取消该笔并写明理由"
            )
    raise_if_problems(f"回盘文件“{name}”", problems, code="bank_return.mismatch")
    return out


def _apply(
    s: Session,
    actor: Actor,
    roster: Any,
    matched: list[tuple[Any, RosterLine | None]],
    pending: dict[int | None, Any],
    digest: str,
) -> list[Any]:
    """Record the rows, mark the lines and queue the 补发 of new failures."""
    created = []
    s.add_all(
        [
            BankReturn(
                roster_id=roster.id,
                roster_line_id=ln.id if ln else None,
                row_number=r.row_number,
                id_number=r.id_number or "",
                account=r.account or "",
                name=r.name or "",
                amount_fen=r.amount_fen,
                success=r.success,
                reason=r.reason or "",
                file_sha256=digest,
                user_id=actor.user_id or None,
            )
            for r, ln in matched
        ]
    )
    for r, line in matched:
        if line is None:
            continue
        reason = "" if r.success else (r.reason or "银行返回失败")
        s.execute(
            update(RosterLine)
            .where(RosterLine.id == line.id)
            .values(bank_status="paid" if r.success else "failed", bank_reason=reason)
            .execution_options(synchronize_session=False)
        )
        if r.success or line.id in pending:
            continue
        adj = RosterAdjustment(
            enrollment_id=line.enrollment_id,
            household_id=line.household_id,
            kind="补发",
            amount_fen=line.paid_fen,
            reason=f"{month_text(roster.month)} 银行发放失败（{reason}），账户更正后补发",
            for_month=roster.month,
            apply_month=next_month(roster.month),
            source="failed_payment",
            source_roster_id=roster.id,
            source_line_id=line.id,
            failed_account=line.account,
            created_by=actor.user_id or None,
        )
        s.add(adj)
        s.flush()
        created.append(adjustment_view(adj))
    s.flush()
    return created
