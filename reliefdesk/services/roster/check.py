"""Validation, acknowledgement, locking (SHA-256 over canonical lines) and tamper checks.

Errors block locking; warnings must be acknowledged by a named user first (DOMAIN §7.3).
Once locked, a roster never changes: every mutating service raises LockedError, and
:func:`verify_locked_rosters` recomputes the hashes to catch edits made behind the app's back.
The bank status written by an imported return file is outside the hash on purpose.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...errors import RuleViolation, ValidationError
from ...models import (
    Roster,
    RosterLine,
    RosterProblemAck,
    utcnow,
)
from .. import audit
from ..context import Actor
from ..stale import check_version
from .build import get_roster_row, require_draft
from .cycle import check_lock
from .integrity import seal_problem
from .oneoff import ONE_OFF_KIND, mark_list_paid, unmark_list_paid
from .read import roster_view
from .types import PROGRAMME_LABELS, Problem, RosterView, month_text
from .validation import (  # re-exported: callers import these from here
    validate,
    validate_in,
)

#: Line fields covered by the lock hash (bank_status/bank_reason are annotations, not content).
__all__ = [
    "HASHED_FIELDS",
    "acknowledge",
    "ensure_intact",
    "lock",
    "roster_hash",
    "unlock",
    "validate",
    "validate_in",
    "verify_locked_rosters",
]

HASHED_FIELDS = (
    "line_no",
    "enrollment_id",
    "household_id",
    "payee_person_id",
    "payee_name",
    "payee_id_number",
    "account",
    "account_kind",
    "bank",
    "holder_name",
    "village",
    "township",
    "programme",
    "category",
    "persons",
    "members_counted",
    "standard_fen",
    "per_capita_income_fen",
    "due_fen",
    "adjustment_fen",
    "adjustment_reason",
    "paid_fen",
    "change_flag",
    "change_reason",
    "working",
)
_COLUMNS = [getattr(RosterLine, f) for f in HASHED_FIELDS]


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def roster_hash(session: Session, roster: Roster) -> str:
    """SHA-256 over the header and the lines in line order, one fixed JSON text per line."""
    h = hashlib.sha256()
    h.update(
        _dump(
            {
                "month": roster.month.isoformat(),
                "programme": roster.programme,
                "kind": roster.kind,
                "seq_no": roster.seq_no,
                "households": roster.households,
                "persons": roster.persons,
                "amount_fen": roster.amount_fen,
            }
        ).encode("utf-8")
    )
    rows = session.connection().execute(
        select(*_COLUMNS).where(RosterLine.roster_id == roster.id).order_by(RosterLine.line_no)
    )
    for row in rows:
        h.update(b"\n")
        h.update(_dump(dict(zip(HASHED_FIELDS, row, strict=True))).encode("utf-8"))
    return h.hexdigest()


def _check_version(roster: Roster, expected_version: int | None) -> None:
    """Refuse to act on a roster that changed since the user saw it (``RosterView.version``)."""
    check_version("花名册", roster.version, expected_version)


def acknowledge(
    db: Database,
    actor: Actor,
    roster_id: int,
    items: Iterable[Problem | tuple[int, str]],
    note: str = "",
    *,
    expected_version: int | None = None,
) -> list[Problem]:
    """Record that ``actor`` checked these warnings (line_no, code). Errors cannot be
    acknowledged. Returns the roster's problems afterwards. ``expected_version``: the version
    the user saw (a regenerated draft refuses the confirmation)."""
    actor.require("roster.generate")
    with db.session() as s:
        roster = get_roster_row(s, roster_id, actor)
        _check_version(roster, expected_version)
        require_draft(roster)
        current = {p.key: p for p in validate_in(s, roster.id)}
        keys = [
            (i.line_no, i.code) if isinstance(i, Problem) else (int(i[0]), str(i[1])) for i in items
        ]
        done = []
        for key in keys:
            p = current.get(key)
            if p is None:
                raise ValidationError(
                    f"第 {key[0]} 行没有“{key[1]}”问题。", code="roster.ack_unknown"
                )
            if p.severity == "error":
                raise RuleViolation(
                    f"第 {key[0]} 行的错误必须更正，不能确认放行：{p.message_zh}",
                    code="roster.ack_error",
                )
            if p.acknowledged_by is None and key not in done:
                s.add(
                    RosterProblemAck(
                        roster_id=roster.id,
                        line_no=key[0],
                        code=key[1],
                        message=p.message_zh,
                        note=note,
                        user_id=actor.user_id or None,
                        username=actor.username,
                    )
                )
                done.append(key)
        s.flush()
        audit.record(
            s,
            actor,
            "roster.acknowledge",
            "roster",
            roster.id,
            detail={"items": [list(k) for k in done], "note": note},
        )
        return validate_in(s, roster.id)


def lock(
    db: Database, actor: Actor, roster_id: int, *, expected_version: int | None = None
) -> RosterView:
    """Approver only. Errors and unacknowledged warnings block; stores the lines' SHA-256.
    ``expected_version``: the version the approver saw."""
    actor.require("roster.lock")
    with db.session() as s:
        roster = get_roster_row(s, roster_id, actor)
        _check_version(roster, expected_version)
        require_draft(roster)
        check_lock(s, roster)  # months in order (roster.cycle)
        problems = validate_in(s, roster.id)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise RuleViolation(
                f"花名册有 {len(errors)} 个错误，不能锁定（第一个：第 {errors[0].line_no} "
                f"行 {errors[0].message_zh}）",
                code="roster.errors",
            )
        open_warnings = [p for p in problems if p.severity == "warning" and not p.acknowledged_by]
        if open_warnings:
            raise RuleViolation(
                f"还有 {len(open_warnings)} 条警告未经确认，不能锁定（第一个：第 "
                f"{open_warnings[0].line_no} 行 {open_warnings[0].message_zh}）",
                code="roster.unacknowledged",
            )
        roster.status = "locked"
        roster.locked_at = utcnow()
        roster.locked_by, roster.locked_by_name = (
            actor.user_id or None,
            actor.display_name or actor.username,
        )
        roster.lines_sha256 = roster_hash(s, roster)
        s.flush()
        if roster.kind == ONE_OFF_KIND:
            mark_list_paid(s, roster)
        audit.record(
            s,
            actor,
            "roster.lock",
            "roster",
            roster.id,
            detail={
                "month": month_text(roster.month),
                "programme": roster.programme,
                "kind": roster.kind,
                "sha256": roster.lines_sha256,
                "households": roster.households,
                "amount_fen": roster.amount_fen,
                "warnings_acknowledged": len(problems),
            },
        )
        return roster_view(s, roster)


def unlock(
    db: Database, actor: Actor, roster_id: int, reason: str, *, expected_version: int | None = None
) -> RosterView:
    """Admin only, with a reason; the previous hash and reason stay in the unlock history.
    ``expected_version``: the version the administrator saw."""
    actor.require("roster.unlock")
    if not reason or not reason.strip():
        raise ValidationError("解锁必须填写理由。", code="roster.unlock_reason", field="reason")
    with db.session() as s:
        roster = get_roster_row(s, roster_id, actor)
        _check_version(roster, expected_version)
        if roster.status != "locked":
            raise RuleViolation("花名册未锁定，无需解锁。", code="roster.not_locked")
        entry = {
            "at": utcnow().isoformat(timespec="seconds"),
            "by": actor.username,
            "reason": reason.strip(),
            "sha256": roster.lines_sha256,
            "locked_by": roster.locked_by_name,
        }
        roster.unlock_history = [*(roster.unlock_history or []), entry]
        roster.status = "draft"
        roster.locked_at, roster.locked_by, roster.locked_by_name = None, None, ""
        roster.lines_sha256 = None
        roster.county_reviewed_at, roster.county_reviewed_by = None, None  # review void
        roster.county_reviewed_by_name = ""
        s.flush()
        if roster.kind == ONE_OFF_KIND:
            unmark_list_paid(s, roster)
        audit.record(
            s,
            actor,
            "roster.unlock",
            "roster",
            roster.id,
            detail={"month": month_text(roster.month), "programme": roster.programme, **entry},
        )
        return roster_view(s, roster)


def verify_locked_rosters(session: Session) -> list[Problem]:
    """Recompute every locked roster's hash; a mismatch means the lines were edited."""
    out = []
    for roster in session.scalars(
        select(Roster).where(Roster.status == "locked").order_by(Roster.month, Roster.id)
    ):
        why = seal_problem(session, roster, roster_hash(session, roster))
        if why is not None:
            out.append(
                Problem(
                    0,
                    "error",
                    "roster.tampered",
                    f"已锁定的 {month_text(roster.month)} "
                    f"{PROGRAMME_LABELS.get(roster.programme, roster.programme)}花名册"
                    f"（#{roster.id}）{why}。",
                    roster_id=roster.id,
                )
            )
    return out


def ensure_intact(session: Session, roster: Roster) -> None:
    """Refuse to use a locked roster whose content no longer matches its hash."""
    if roster.status != "locked":
        raise RuleViolation("花名册尚未锁定，不能导出或导入回盘。", code="roster.not_locked")
    why = seal_problem(session, roster, roster_hash(session, roster))
    if why is not None:
        raise RuleViolation(
            f"花名册#{roster.id}{why}，已拒绝。请联系管理员核查（reliefdesk-admin check）。",
            code="roster.tampered",
        )
