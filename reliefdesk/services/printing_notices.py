"""告知书 for 减发, 停发 and 终止 of any programme, read from the
:class:`~reliefdesk.models.EnrollmentChange` row that recorded the decision (the reasons are
the ones written there; a tekun termination adds the referral noted by
:func:`reliefdesk.services.termination.finalise`). Every print is audited."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..documents.pdf.change_notice import (CHANGE_TITLES, ChangeNoticeData,
                                           TerminationNoticeData, build_change_notice,
                                           build_termination_notice)
from ..errors import NotFound, RuleViolation
from ..models import Application, Enrollment, EnrollmentChange, Household, Person, Village
from ..models import Township, TerminationProposal
from . import enrollments
from .context import Actor
from .printing_common import (PrintResult, count_pages, file_name, office_for_print,
                              record_print)

__all__ = ["NOTICE_KINDS", "change_notice_data", "change_notice_pdf", "notice_changes",
           "termination_notice_pdf"]

NOTICE_KINDS = tuple(CHANGE_TITLES)


def _township(s: Session, household_id: int) -> str:
    h = s.get(Household, household_id)
    v = s.get(Village, h.village_id) if h is not None else None
    t = s.get(Township, v.township_id) if v is not None else None
    return t.name if t is not None else ""


def change_notice_data(s: Session, change: EnrollmentChange) -> ChangeNoticeData:
    if change.kind not in NOTICE_KINDS:
        raise RuleViolation("只有减发、停发、终止的决定需要打印告知书。", code="notice.kind",
                            rule="民发〔2021〕57号 第三十二条")
    e = s.get(Enrollment, change.enrollment_id)
    assert e is not None
    payee = s.get(Person, e.payee_id)
    app = s.get(Application, e.application_id)
    reasons = tuple(r.strip(" 。;；") + "。" for r in change.reason.replace("；", "\n").split("\n")
                    if r.strip(" 。;；"))
    referral = ""
    if change.kind == "terminate":
        referral = s.scalar(select(TerminationProposal.referral).where(
            TerminationProposal.enrollment_id == e.id,
            TerminationProposal.status == "terminated")) or ""
    return ChangeNoticeData(office_for_print(s, _township(s, e.household_id)), change.kind,
                            payee.name if payee else "", e.programme, change.old_fen,
                            change.new_fen, change.effective_month, reasons, referral,
                            change.at.date(), f"{app.file_no if app else e.id}-{change.id}号")


def notice_changes(s: Session, enrollment_id: int) -> list[EnrollmentChange]:
    """The changes of an enrollment that need a 告知书."""
    return list(s.scalars(select(EnrollmentChange).where(
        EnrollmentChange.enrollment_id == enrollment_id,
        EnrollmentChange.kind.in_(NOTICE_KINDS)).order_by(EnrollmentChange.id)))


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
        result = PrintResult(pdf, f"{title} — {data.name}", file_name(title, data.file_no,
                                                                     data.name),
                             count_pages(pdf))
        e = s.get(Enrollment, change.enrollment_id)
        record_print(s, actor, result, document=f"change_notice_{data.kind}",
                     entity="enrollment_change", ids=[change.id], full_ids=False,
                     households={change.id: e.household_id if e else None})
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
            office_for_print(s, _township(s, e.household_id)), payee.name if payee else "",
            v.name if v is not None else "",
            enrollments.TEKUN_TERMINATION_GROUNDS.get(tp.grounds, tp.grounds),
            tp.publicity_start, tp.publicity_end)
        pdf = build_termination_notice(data)
        result = PrintResult(pdf, f"拟终止特困供养公示 — {data.name}",
                             file_name("拟终止公示", data.name, tp.publicity_start.isoformat()),
                             count_pages(pdf))
        record_print(s, actor, result, document="termination_notice",
                     entity="termination_proposal", ids=[tp.id], full_ids=False,
                     households={tp.id: e.household_id})
        return result
