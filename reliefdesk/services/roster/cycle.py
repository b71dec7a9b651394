"""The roster cycle's order rules (issue 9): months are generated and locked in order.

* a month more than one month ahead of today is refused (nobody can know next-but-one
  month's changes yet);
* a regular roster cannot be locked while a regular roster of an earlier month is still a
  draft (the earlier month must be paid first);
* a per-programme roster and the all-programme roster of the same month would pay the same
  households twice, so one refuses the other; the message names the roster in the way and
  how to clear it (a draft is discarded by the clerk; a locked one needs the administrator).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.months import add_months, month_start
from ...errors import RuleViolation
from ...models import Roster, RosterLine
from .types import PROGRAMME_LABELS, Problem, month_text

__all__ = ["MAX_MONTHS_AHEAD", "check_generate", "check_lock", "entity_of", "with_targets"]

MAX_MONTHS_AHEAD = 1


def check_generate(
    s: Session,
    month: date,
    code: str,
    today: date | None = None,
    *,
    township_id: int | None = None,
) -> None:
    """Refuse a far-future month and an overlapping roster of the same month: another
    programme split of the same scope, or the same programmes in an overlapping scope (a
    county-wide roster and a township's roster both pay that township's households)."""
    limit = add_months(month_start(today or date.today()), MAX_MONTHS_AHEAD)
    if month > limit:
        raise RuleViolation(
            f"不能生成 {month_text(month)} 的花名册：最多只能提前生成到 {month_text(limit)}。",
            code="roster.future",
        )
    from .integrity import check_not_before_first_data

    check_not_before_first_data(s, month)  # nor before the office's first data
    overlap = select(Roster).where(Roster.month == month, Roster.kind == "regular")
    if township_id is not None:
        overlap = overlap.where(Roster.township_id.is_(None) | (Roster.township_id == township_id))
    other = None
    for r in s.scalars(overlap.order_by(Roster.id)):
        if r.township_id == township_id:  # same scope: "all" against a programme split
            clash = r.programme != "all" if code == "all" else r.programme == "all"
        else:
            clash = code == "all" or r.programme in ("all", code)
        if clash:
            other = r
            break
    if other is None:
        return
    label = PROGRAMME_LABELS.get(other.programme, other.programme)
    if other.status == "draft":
        how = f"如需改为{PROGRAMME_LABELS.get(code, code)}名册，请先打开该草稿并点击“放弃草稿”。"
    else:
        how = "该名册已锁定，如确需改变，请管理员解锁并放弃后重新生成。"
    raise RuleViolation(
        f"{month_text(month)} 已有{label}花名册（#{other.id}，"
        f"{'草稿' if other.status == 'draft' else '已锁定'}），同一户不能在两份名册中"
        f"重复发放。{how}",
        code="roster.overlap",
    )


def check_lock(s: Session, roster: Roster) -> None:
    """Refuse to lock a regular month while an earlier regular month is still a draft."""
    if roster.kind != "regular":
        return
    earlier = s.scalars(
        select(Roster)
        .where(Roster.kind == "regular", Roster.status == "draft", Roster.month < roster.month)
        .order_by(Roster.month, Roster.id)
        .limit(1)
    ).first()
    if earlier is not None:
        raise RuleViolation(
            f"{month_text(earlier.month)} 的"
            f"{PROGRAMME_LABELS.get(earlier.programme, earlier.programme)}"
            f"花名册（#{earlier.id}）还是草稿：请先锁定（或放弃）较早月份的名册，"
            f"再锁定 {month_text(roster.month)}。",
            code="roster.order",
        )


_PERSON_CODES = ("id.", "payee.")
_ACCOUNT_CODES = ("account.", "holder.", "entrusted.")


def entity_of(code: str) -> str:
    """The kind of record that fixes a problem with this code (see :class:`Problem`)."""
    if code.startswith(_ACCOUNT_CODES):
        return "account"
    if code.startswith(_PERSON_CODES):
        return "person"
    if code.startswith(("enrollment.", "amount.", "persons.", "adjustment.")):
        return "enrollment"
    return ""


def with_targets(s: Session, roster_id: int, problems: list[Problem]) -> list[Problem]:
    """The problems with the record that fixes each (one query over the lines concerned)."""
    line_nos = {p.line_no for p in problems if p.line_no}
    if not line_nos:
        return problems
    lines = {
        r[0]: r
        for r in s.execute(
            select(
                RosterLine.line_no,
                RosterLine.household_id,
                RosterLine.enrollment_id,
                RosterLine.payee_person_id,
            ).where(RosterLine.roster_id == roster_id, RosterLine.line_no.in_(sorted(line_nos)))
        )
    }
    out = []
    for p in problems:
        line = lines.get(p.line_no)
        kind = entity_of(p.code) if line is not None else ""
        if not kind or line is None:
            out.append(p)
            continue
        target = {"account": line[1], "person": line[3], "enrollment": line[2]}[kind]
        out.append(replace(p, entity_kind=kind, entity_id=target, household_id=line[1]))
    return out
