"""Reading rosters: views, paged lines, the diff against the previous month, adjustments."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from types import EllipsisType

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...errors import NotFound
from ...models import Roster, RosterAdjustment, RosterExport, RosterLine
from ..context import Actor
from ..scope import is_county, require_roster, restrict, restrict_rosters
from .integrity import same_township
from .types import (
    AdjustmentView,
    DiffEntry,
    ExportRecord,
    LineView,
    RosterDiff,
    RosterView,
    parse_month,
    programmes_of,
)

_SIGN = {"补发": 1, "扣减": -1, "追回": -1}


def line_view(r: RosterLine) -> LineView:
    return LineView(
        r.id,
        r.line_no,
        r.enrollment_id,
        r.household_id,
        r.payee_name,
        r.payee_id_number,
        r.account,
        r.account_kind,
        r.bank,
        r.holder_name,
        r.village,
        r.township,
        r.programme,
        r.category,
        r.persons,
        r.members_counted,
        r.standard_fen,
        r.per_capita_income_fen,
        r.due_fen,
        r.adjustment_fen,
        r.adjustment_reason,
        r.paid_fen,
        r.change_flag,
        r.change_reason,
        dict(r.working or {}),
        r.bank_status,
        r.bank_reason,
    )


def roster_view(
    s: Session,
    roster: Roster,
    with_lines: bool = False,
    counts: dict[str, int] | None = None,
) -> RosterView:
    """``counts``: the lines by change flag when the caller has just written them (else
    counted here); either way ordered by flag, as the database groups them."""
    if counts is None:
        counts = dict(
            s.execute(
                select(RosterLine.change_flag, func.count())
                .where(RosterLine.roster_id == roster.id)
                .group_by(RosterLine.change_flag)
            ).all()
        )
    counts = dict(sorted(counts.items()))
    lines: tuple[LineView, ...] = ()
    if with_lines:
        lines = tuple(
            line_view(r)
            for r in s.scalars(
                select(RosterLine)
                .where(RosterLine.roster_id == roster.id)
                .order_by(RosterLine.line_no)
            )
        )
    return RosterView(
        roster.id,
        roster.month,
        roster.programme,
        roster.kind,
        roster.seq_no,
        roster.status,
        roster.generated_at,
        roster.generated_by_name,
        roster.locked_at,
        roster.locked_by_name,
        roster.lines_sha256,
        roster.households,
        roster.persons,
        roster.amount_fen,
        roster.version,
        tuple(dict(x) for x in roster.unlock_history or []),
        counts,
        lines,
        roster.township_id,
        roster.county_reviewed_at,
        roster.county_reviewed_by_name or "",
    )


def _views(s: Session, rosters: list[Roster]) -> list[RosterView]:
    """Views of many rosters with their change-flag counts read in one grouped query."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    if rosters:
        for rid, flag, n in s.execute(
            select(RosterLine.roster_id, RosterLine.change_flag, func.count())
            .where(RosterLine.roster_id.in_([r.id for r in rosters]))
            .group_by(RosterLine.roster_id, RosterLine.change_flag)
        ):
            counts[rid][flag] = n
    return [
        RosterView(
            r.id,
            r.month,
            r.programme,
            r.kind,
            r.seq_no,
            r.status,
            r.generated_at,
            r.generated_by_name,
            r.locked_at,
            r.locked_by_name,
            r.lines_sha256,
            r.households,
            r.persons,
            r.amount_fen,
            r.version,
            tuple(dict(x) for x in r.unlock_history or []),
            counts.get(r.id, {}),
            (),
            r.township_id,
            r.county_reviewed_at,
            r.county_reviewed_by_name or "",
        )
        for r in rosters
    ]


def _row(s: Session, roster_id: int, actor: Actor) -> Roster:
    roster = s.get(Roster, roster_id)
    if roster is None:
        raise NotFound(f"花名册 #{roster_id} 不存在。", code="roster.not_found")
    require_roster(actor, roster)  # another township's roster is refused
    return roster


def get_roster(
    db: Database, actor: Actor, roster_id: int, *, with_lines: bool = False
) -> RosterView:
    actor.require("read")
    with db.read_session() as s:
        return roster_view(s, _row(s, roster_id, actor), with_lines)


def list_rosters(
    db: Database, actor: Actor, month: str | date | None = None, programme: str | None = None
) -> list[RosterView]:
    """Rosters (newest month first), optionally of one month and/or programme."""
    with db.read_session() as s:
        return list_rosters_in(s, actor, month, programme)


def list_rosters_in(
    s: Session, actor: Actor, month: str | date | None = None, programme: str | None = None
) -> list[RosterView]:
    """:func:`list_rosters` inside an open session."""
    actor.require("read")
    q = restrict_rosters(select(Roster), actor)
    if month is not None:
        q = q.where(Roster.month == parse_month(month))
    if programme is not None:
        q = q.where(Roster.programme == programme)
    return _views(
        s,
        list(
            s.scalars(q.order_by(Roster.month.desc(), Roster.programme, Roster.kind, Roster.seq_no))
        ),
    )


def roster_for(
    db: Database,
    actor: Actor,
    month: str | date,
    programme: str,
    *,
    township_id: int | EllipsisType | None = ...,
) -> RosterView | None:
    """The roster the roster page shows for ``month`` and ``programme``: the regular one
    ("all" falls back to the month's first regular roster when the month was generated
    programme by programme); for temporary aid the month's latest one-off payment list.
    ``township_id`` (a county user's choice) keeps only that township's rosters (None: the
    county-wide roster); left out, any the actor may see."""

    def ours(r: RosterView) -> bool:
        return township_id is ... or r.township_id == township_id

    with db.read_session() as s:
        if programme == "temporary_aid":
            lists = [
                r
                for r in list_rosters_in(s, actor, month, programme)
                if r.kind == "one_off" and ours(r)
            ]
            return max(lists, key=lambda r: r.seq_no) if lists else None
        rows = [r for r in list_rosters_in(s, actor, month) if r.kind == "regular" and ours(r)]
    for r in rows:
        if r.programme == programme:
            return r
    if programme == "all" and rows:
        return rows[0]
    return None


def roster_history(db: Database, actor: Actor) -> list[tuple[RosterView, tuple[ExportRecord, ...]]]:
    """Every roster (newest month first) with the exports made of it: one snapshot, three
    queries (rosters, line counts, exports) whatever the number of rosters."""
    with db.read_session() as s:
        views = list_rosters_in(s, actor)
        exports: dict[int, list[ExportRecord]] = defaultdict(list)
        for e in s.scalars(select(RosterExport).order_by(RosterExport.id)):
            if any(v.id == e.roster_id for v in views) or is_county(actor):
                exports[e.roster_id].append(_export_record(e))
        return [(v, tuple(exports.get(v.id, ()))) for v in views]


def list_lines(
    db: Database,
    actor: Actor,
    roster_id: int,
    *,
    offset: int = 0,
    limit: int | None = None,
    flag: str | None = None,
    bank_status: str | None = None,
    search: str | None = None,
) -> list[LineView]:
    """A page of lines in line order; ``search`` matches name, ID or account fragments."""
    actor.require("read")
    with db.read_session() as s:
        _row(s, roster_id, actor)
        q = select(RosterLine).where(RosterLine.roster_id == roster_id)
        if flag:
            q = q.where(RosterLine.change_flag == flag)
        if bank_status:
            q = q.where(RosterLine.bank_status == bank_status)
        if search:
            like = f"%{search.strip().upper()}%"
            q = q.where(
                RosterLine.payee_name.like(f"%{search.strip()}%")
                | RosterLine.payee_id_number.like(like)
                | RosterLine.account.like(like)
                | RosterLine.village.like(f"%{search.strip()}%")
            )
        q = q.order_by(RosterLine.line_no).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        return [line_view(r) for r in s.scalars(q)]


def count_lines(db: Database, actor: Actor, roster_id: int, flag: str | None = None) -> int:
    actor.require("read")
    with db.read_session() as s:
        _row(s, roster_id, actor)
        q = select(func.count()).select_from(RosterLine).where(RosterLine.roster_id == roster_id)
        if flag:
            q = q.where(RosterLine.change_flag == flag)
        return int(s.scalar(q) or 0)


def diff(db: Database, actor: Actor, roster_id: int) -> RosterDiff:
    """Change flags against the previous month with reasons (everything but 不变)."""
    actor.require("read")
    with db.read_session() as s:
        roster = _row(s, roster_id, actor)
        from ...domain.months import add_months

        prev_q = select(Roster.id).where(
            Roster.month == add_months(roster.month, -1),
            Roster.kind == "regular",
            same_township(roster.township_id),
        )
        if roster.programme != "all":
            prev_q = prev_q.where(Roster.programme.in_((roster.programme, "all")))
        prev_ids = list(s.scalars(prev_q))
        prev_due: dict[int, int] = {}
        if prev_ids:
            for eid, due in s.execute(
                select(RosterLine.enrollment_id, RosterLine.due_fen).where(
                    RosterLine.roster_id.in_(prev_ids),
                    RosterLine.programme.in_(programmes_of(roster.programme)),
                )
            ):
                prev_due[eid] = due
        counts: dict[str, int] = defaultdict(int)
        entries = []
        for r in s.scalars(
            select(RosterLine).where(RosterLine.roster_id == roster.id).order_by(RosterLine.line_no)
        ):
            counts[r.change_flag] += 1
            if r.change_flag != "不变":
                entries.append(
                    DiffEntry(
                        r.line_no,
                        r.enrollment_id,
                        r.household_id,
                        r.payee_name,
                        r.change_flag,
                        prev_due.get(r.enrollment_id),
                        r.paid_fen,
                        r.change_reason or r.adjustment_reason,
                    )
                )
        return RosterDiff(
            roster.id, prev_ids[0] if prev_ids else None, dict(counts), tuple(entries)
        )


def adjustment_view(a: RosterAdjustment) -> AdjustmentView:
    return AdjustmentView(
        a.id,
        a.enrollment_id,
        a.household_id,
        a.kind,
        a.amount_fen,
        _SIGN.get(a.kind, 1) * a.amount_fen,
        a.reason,
        a.for_month,
        a.apply_month,
        a.source,
        a.failed_account,
        a.account_fixed,
        a.cancelled,
        a.applied_in_roster_id,
    )


def list_adjustments(
    db: Database,
    actor: Actor,
    *,
    pending_only: bool = False,
    enrollment_id: int | None = None,
    household_id: int | None = None,
) -> list[AdjustmentView]:
    actor.require("read")
    with db.read_session() as s:
        q = restrict(select(RosterAdjustment), actor, RosterAdjustment.household_id)
        if pending_only:
            q = q.where(
                RosterAdjustment.applied_in_roster_id.is_(None),
                RosterAdjustment.cancelled.is_(False),
            )
        if enrollment_id is not None:
            q = q.where(RosterAdjustment.enrollment_id == enrollment_id)
        if household_id is not None:
            q = q.where(RosterAdjustment.household_id == household_id)
        return [adjustment_view(a) for a in s.scalars(q.order_by(RosterAdjustment.id))]


def list_exports(db: Database, actor: Actor, roster_id: int) -> list[ExportRecord]:
    actor.require("read")
    with db.read_session() as s:
        _row(s, roster_id, actor)
        return [
            _export_record(e)
            for e in s.scalars(
                select(RosterExport)
                .where(RosterExport.roster_id == roster_id)
                .order_by(RosterExport.id)
            )
        ]


def _export_record(e: RosterExport) -> ExportRecord:
    return ExportRecord(
        e.id,
        e.roster_id,
        e.kind,
        e.file_name,
        e.rows,
        e.total_fen,
        e.file_sha256,
        e.roster_sha256,
        e.username,
        e.at,
    )
