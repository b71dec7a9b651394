"""Monthly payment roster (发放花名册) and change roster (变动名册) printouts from the stored
roster lines (DOMAIN §7.2 A).

The printed payment roster lists the lines that pay something this month (rows = 户数, the
footer equals the sum of the rows); stopped lines (停发) appear on the change roster, which
lists every line whose flag is not 不变, against the previous month's regular roster.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...documents.forms_data import (
    PROGRAMME_NAMES,
    ChangeLine,
    ChangeRosterData,
    RosterPrintData,
    RosterPrintLine,
)
from ...domain.months import add_months
from ...errors import NotFound
from ...models import Roster, RosterLine
from ..context import Actor
from ..roster.build import programmes_of
from ..roster.types import PROGRAMME_LABELS, month_text, parse_month, programme_code
from ..scope import require_roster, restrict_rosters
from .common import office_for_print

__all__ = [
    "change_roster_data",
    "find_roster",
    "pick_roster",
    "roster_data",
    "roster_programme_name",
]


def roster_programme_name(code: str) -> str:
    """Printed programme name in roster titles."""
    if code == "all":
        return "城乡最低生活保障和特困人员救助供养"
    return PROGRAMME_NAMES.get(code, code)


def find_roster(
    s: Session, month: str | date, programme: str | None, actor: Actor | None = None
) -> Roster:
    """The regular roster of ``month`` for ``programme`` (None = the all-programme roster, or
    the only roster of the month); of ``actor``'s township when given."""
    m = parse_month(month)
    one_off = programme == "temporary_aid"  # the month's latest 临时救助发放名册
    q = select(Roster).where(
        Roster.month == m, Roster.kind == ("one_off" if one_off else "regular")
    )
    if actor is not None:
        q = restrict_rosters(q, actor)
    if programme is not None:
        q = q.where(Roster.programme == programme_code(programme))
    rows = list(s.scalars(q.order_by(Roster.programme, Roster.seq_no.desc())))
    if programme is None and len(rows) > 1:
        rows = [r for r in rows if r.programme == "all"] or rows
        if len(rows) > 1:
            names = "、".join(PROGRAMME_LABELS.get(r.programme, r.programme) for r in rows)
            raise NotFound(
                f"{month_text(m)} 有多份花名册（{names}），请选择保障项目后打印。",
                code="roster.ambiguous",
            )
    if not rows:
        label = PROGRAMME_LABELS.get(programme_code(programme), "") if programme else ""
        raise NotFound(
            f"{month_text(m)} 尚未生成{label}花名册，请先在“发放名册”中生成。",
            code="roster.not_found",
        )
    return rows[0]


def pick_roster(
    s: Session,
    actor: Actor,
    month: str | date | None,
    programme: str | None,
    roster_id: int | None,
) -> Roster:
    """The roster to print: ``roster_id`` when given (the one on screen, e.g. a township's or
    a supplementary roster), else :func:`find_roster` by month and programme; either way
    only within ``actor``'s scope."""
    if roster_id is None:
        if month is None:
            raise NotFound("请指定花名册的月份。", code="roster.not_found")
        return find_roster(s, month, programme, actor)
    roster = s.get(Roster, roster_id)
    if roster is None:
        raise NotFound("花名册不存在。", code="roster.not_found")
    require_roster(actor, roster)
    return roster


def _lines(s: Session, roster: Roster) -> list[RosterLine]:
    return list(
        s.scalars(
            select(RosterLine).where(RosterLine.roster_id == roster.id).order_by(RosterLine.line_no)
        )
    )


def _category(line: RosterLine) -> str:
    return line.category or PROGRAMME_LABELS.get(line.programme, line.programme)


def roster_data(s: Session, roster: Roster) -> RosterPrintData:
    lines = [ln for ln in _lines(s, roster) if ln.paid_fen > 0]
    township = lines[0].township if lines else ""
    out = tuple(
        RosterPrintLine(
            seq=i,
            township=ln.township,
            village=ln.village,
            payee=ln.payee_name,
            id_number=ln.payee_id_number,
            category=_category(ln),
            persons=ln.persons,
            standard_fen=ln.standard_fen,
            per_capita_income_fen=ln.per_capita_income_fen,
            due_fen=ln.due_fen,
            adjustment_fen=ln.adjustment_fen,
            adjustment_reason=ln.adjustment_reason,
            paid_fen=ln.paid_fen,
            account=ln.account,
            bank=ln.bank,
            change_flag="" if ln.change_flag == "不变" else ln.change_flag,
            note="",
        )
        for i, ln in enumerate(lines, 1)
    )
    title = roster_programme_name(roster.programme)
    if roster.kind == "supplementary":
        title += f"补发（第{roster.seq_no}批）"
    return RosterPrintData(
        office_for_print(s, township),
        month_text(roster.month),
        title,
        out,
        made_on=date.today(),
        one_off=roster.kind == "one_off",
    )


def change_roster_data(s: Session, roster: Roster) -> ChangeRosterData:
    prev_q = select(Roster.id).where(
        Roster.month == add_months(roster.month, -1), Roster.kind == "regular"
    )
    if roster.programme != "all":
        prev_q = prev_q.where(Roster.programme.in_((roster.programme, "all")))
    prev_ids = list(s.scalars(prev_q))
    prev: dict[int, tuple[int, int]] = {}
    if prev_ids:
        for eid, paid, persons in s.execute(
            select(RosterLine.enrollment_id, RosterLine.paid_fen, RosterLine.persons).where(
                RosterLine.roster_id.in_(prev_ids),
                RosterLine.programme.in_(programmes_of(roster.programme)),
            )
        ):
            prev[eid] = (paid, persons)
    out: list[ChangeLine] = []
    township = ""
    for ln in _lines(s, roster):
        if ln.change_flag == "不变":
            continue
        township = township or ln.township
        before_paid, before_persons = prev.get(ln.enrollment_id, (0, 0))
        out.append(
            ChangeLine(
                seq=len(out) + 1,
                village=ln.village,
                payee=ln.payee_name,
                id_number=ln.payee_id_number,
                category=_category(ln),
                persons_before=before_persons,
                persons_after=ln.persons if ln.paid_fen > 0 else 0,
                previous_fen=before_paid,
                new_fen=ln.paid_fen,
                change_flag=ln.change_flag,
                reason=ln.change_reason or ln.adjustment_reason,
                effective_month=month_text(roster.month),
            )
        )
    return ChangeRosterData(
        office_for_print(s, township),
        month_text(roster.month),
        roster_programme_name(roster.programme),
        tuple(out),
        made_on=date.today(),
    )
