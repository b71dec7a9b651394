"""告知书 for 减发, 停发 and 终止 of any programme, read from the
:class:`~reliefdesk.models.EnrollmentChange` row that recorded the decision (the reasons are
the ones written there; a tekun termination adds the referral noted by
:func:`reliefdesk.services.termination.finalise`). Every print is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...documents.pdf.change_notice import (
    CHANGE_TITLES,
    ChangeNoticeData,
    TerminationNoticeData,
    build_change_notice,
    build_change_notices,
    build_termination_notice,
)
from ...domain.money import fen_to_yuan
from ...errors import NotFound, RuleViolation
from ...models import (
    Application,
    Enrollment,
    EnrollmentChange,
    Household,
    Person,
    TerminationProposal,
    Township,
    Village,
)
from .. import enrollments
from ..context import Actor
from ..scope import require_household, restrict
from .common import PrintResult, count_pages, file_name, office_for_print, record_print

__all__ = [
    "NOTICE_KINDS",
    "MonthNotice",
    "change_notice_data",
    "change_notice_pdf",
    "change_notices_pdf",
    "household_notice_ids",
    "month_notice_changes",
    "month_notices",
    "month_notices_pdf",
    "notice_changes",
    "termination_notice_pdf",
]

NOTICE_KINDS = tuple(CHANGE_TITLES)


def _township(s: Session, household_id: int) -> str:
    h = s.get(Household, household_id)
    v = s.get(Village, h.village_id) if h is not None else None
    t = s.get(Township, v.township_id) if v is not None else None
    return t.name if t is not None else ""


def change_notice_data(s: Session, change: EnrollmentChange) -> ChangeNoticeData:
    if change.kind not in NOTICE_KINDS:
        raise RuleViolation(
            "只有减发、停发、终止的决定需要打印告知书。",
            code="notice.kind",
            rule="民发〔2021〕57号 第三十二条",
        )
    e = s.get(Enrollment, change.enrollment_id)
    assert e is not None
    payee = s.get(Person, e.payee_id)
    app = s.get(Application, e.application_id)
    reasons = tuple(
        r.strip(" 。;；") + "。"
        for r in change.reason.replace("；", "\n").split("\n")
        if r.strip(" 。;；")
    )
    referral = ""
    if change.kind == "terminate":
        referral = (
            s.scalar(
                select(TerminationProposal.referral).where(
                    TerminationProposal.enrollment_id == e.id,
                    TerminationProposal.status == "terminated",
                )
            )
            or ""
        )
    return ChangeNoticeData(
        office_for_print(s, _township(s, e.household_id)),
        change.kind,
        payee.name if payee else "",
        e.programme,
        change.old_fen,
        change.new_fen,
        change.effective_month,
        reasons,
        referral,
        change.at.date(),
        f"{app.file_no if app else e.id}-{change.id}号",
    )


def notice_changes(s: Session, enrollment_id: int) -> list[EnrollmentChange]:
    """The changes of an enrollment that need a 告知书."""
    return list(
        s.scalars(
            select(EnrollmentChange)
            .where(
                EnrollmentChange.enrollment_id == enrollment_id,
                EnrollmentChange.kind.in_(NOTICE_KINDS),
            )
            .order_by(EnrollmentChange.id)
        )
    )


@dataclass(frozen=True)
class MonthNotice:
    """One 告知书 of a month: the change it notifies and a one-line description."""

    change_id: int
    enrollment_id: int
    household_id: int
    kind: str
    name: str
    effective_month: date
    line: str


def month_notice_changes(
    s: Session, month: date, actor: Actor | None = None
) -> list[EnrollmentChange]:
    """The 减发/停发/终止 decisions effective in ``month`` (the month's changes that need a
    告知书), in household order; of ``actor``'s township scope when given."""
    q = (
        select(EnrollmentChange)
        .join(Enrollment, Enrollment.id == EnrollmentChange.enrollment_id)
        .where(EnrollmentChange.effective_month == month, EnrollmentChange.kind.in_(NOTICE_KINDS))
        .order_by(Enrollment.household_id, EnrollmentChange.id)
    )
    if actor is not None:
        q = restrict(q, actor, Enrollment.household_id)
    return list(s.scalars(q))


def _notice_line(data: ChangeNoticeData, change: EnrollmentChange, household_id: int) -> str:
    money = (
        f"{fen_to_yuan(data.old_fen)} → {fen_to_yuan(data.new_fen)} 元"
        if data.kind == "decrease"
        else f"原每月 {fen_to_yuan(data.old_fen)} 元"
    )
    return (
        f"{CHANGE_TITLES[data.kind]} 变更 #{change.id} 家庭 #{household_id} {data.name}："
        f"{money}，自 {data.effective_month:%Y-%m} 起"
    )


def month_notices(db: Database, actor: Actor, month: str | date) -> list[MonthNotice]:
    """The 告知书 the month's changes need (nothing printed)."""
    from ..roster.types import parse_month

    actor.require("read")
    start = parse_month(month)
    with db.read_session() as s:
        out = []
        for c in month_notice_changes(s, start, actor):
            e = s.get(Enrollment, c.enrollment_id)
            assert e is not None
            data = change_notice_data(s, c)
            out.append(
                MonthNotice(
                    c.id,
                    e.id,
                    e.household_id,
                    c.kind,
                    data.name,
                    c.effective_month,
                    _notice_line(data, c, e.household_id),
                )
            )
        return out


def month_notices_pdf(
    db: Database, actor: Actor, month: str | date
) -> tuple[PrintResult, list[str]]:
    """All 告知书 of the month's 减发/停发/终止 decisions in one PDF (each on its own page),
    with one line per notice; refuses a month without any. Each notice's print is audited
    on its change (and thus on the household's history)."""
    from ..roster.types import month_text, parse_month

    actor.require("print")
    start = parse_month(month)
    with db.session() as s:
        changes = month_notice_changes(s, start, actor)
        if not changes:
            raise RuleViolation(
                f"{month_text(start)} 没有需要告知书的减发、停发或终止决定。", code="notice.none"
            )
        return _notices_pdf_in(
            s, actor, changes, f"{month_text(start)} 减发停发终止告知书", month_text(start)
        )


def change_notices_pdf(
    db: Database, actor: Actor, change_ids: list[int]
) -> tuple[PrintResult, list[str]]:
    """The 告知书 of the given 减发/停发/终止 changes in one PDF (e.g. the notices one member
    event produced: a 减发 and a 停发), audited like :func:`month_notices_pdf`."""
    actor.require("print")
    with db.session() as s:
        changes = [c for c in (s.get(EnrollmentChange, i) for i in change_ids) if c is not None]
        if not changes:
            raise NotFound("没有要打印的告知书。", code="notice.not_found")
        return _notices_pdf_in(
            s, actor, changes, "减发停发终止告知书", "-".join(str(c.id) for c in changes[:5])
        )


def household_notice_ids(db: Database, actor: Actor, household_id: int) -> list[int]:
    """Ids of the household's changes that need a 告知书 (to find those a change just made)."""
    actor.require("read")
    with db.read_session() as s:
        require_household(s, actor, household_id)
        return list(
            s.scalars(
                select(EnrollmentChange.id)
                .join(Enrollment, Enrollment.id == EnrollmentChange.enrollment_id)
                .where(
                    Enrollment.household_id == household_id, EnrollmentChange.kind.in_(NOTICE_KINDS)
                )
                .order_by(EnrollmentChange.id)
            )
        )


def _notices_pdf_in(
    s: Session, actor: Actor, changes: list[EnrollmentChange], title: str, tag: str
) -> tuple[PrintResult, list[str]]:
    datas, lines, households = [], [], {}
    for c in changes:
        data = change_notice_data(s, c)
        e = s.get(Enrollment, c.enrollment_id)
        households[c.id] = e.household_id if e else None
        datas.append(data)
        lines.append(_notice_line(data, c, households[c.id] or 0))
    title = f"{title}（{len(datas)} 份）"
    pdf = build_change_notices(datas, title)
    result = PrintResult(pdf, title, file_name("告知书", tag), count_pages(pdf))
    record_print(
        s,
        actor,
        result,
        document="change_notices",
        entity="enrollment_change",
        ids=[c.id for c in changes],
        full_ids=False,
        households=households,
        extra={"batch": tag},
    )
    return result, lines


def change_notice_pdf(db: Database, actor: Actor, change_id: int) -> PrintResult:
    """The 告知书 of one 减发/停发/终止 decision (EnrollmentChange id)."""
    actor.require("print")
    with db.session() as s:
        change = s.get(EnrollmentChange, change_id)
        if change is None:
            raise NotFound(f"变更记录 #{change_id} 不存在。", code="notice.not_found")
        data = change_notice_data(s, change)
        pdf = build_change_notice(data)
        title = CHANGE_TITLES[data.kind]
        result = PrintResult(
            pdf,
            f"{title} — {data.name}",
            file_name(title, data.file_no, data.name),
            count_pages(pdf),
        )
        e = s.get(Enrollment, change.enrollment_id)
        record_print(
            s,
            actor,
            result,
            document=f"change_notice_{data.kind}",
            entity="enrollment_change",
            ids=[change.id],
            full_ids=False,
            households={change.id: e.household_id if e else None},
        )
        return result


def termination_notice_pdf(db: Database, actor: Actor, proposal_id: int) -> PrintResult:
    """The 拟终止特困供养公示 of one proposal, for the village notice board."""
    actor.require("print")
    with db.session() as s:
        tp = s.get(TerminationProposal, proposal_id)
        if tp is None:
            raise NotFound(f"拟终止记录 #{proposal_id} 不存在。", code="notice.not_found")
        e = s.get(Enrollment, tp.enrollment_id)
        assert e is not None
        payee = s.get(Person, e.payee_id)
        h = s.get(Household, e.household_id)
        v = s.get(Village, h.village_id) if h is not None else None
        data = TerminationNoticeData(
            office_for_print(s, _township(s, e.household_id)),
            payee.name if payee else "",
            v.name if v is not None else "",
            enrollments.TEKUN_TERMINATION_GROUNDS.get(tp.grounds, tp.grounds),
            tp.publicity_start,
            tp.publicity_end,
        )
        pdf = build_termination_notice(data)
        result = PrintResult(
            pdf,
            f"拟终止特困供养公示 — {data.name}",
            file_name("拟终止公示", data.name, tp.publicity_start.isoformat()),
            count_pages(pdf),
        )
        record_print(
            s,
            actor,
            result,
            document="termination_notice",
            entity="termination_proposal",
            ids=[tp.id],
            full_ids=False,
            households={tp.id: e.household_id},
        )
        return result
