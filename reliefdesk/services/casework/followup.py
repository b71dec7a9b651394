"""Follow-ups on a confirmed tekun case: a reported change in the person's self-care starts
the county's re-assessment, due within 10 working days of the report (民发〔2021〕43号 第二十条;
DOMAIN §3.4); the re-assessment records the six items and the resulting care tier. Both are
:class:`~reliefdesk.models.CaseRecord` rows shown on the workbench until done."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select

from ...db.engine import Database
from ...domain.benefits import SelfCare, care_tier
from ...domain.months import next_month
from ...errors import NotFound, PermissionDenied, RuleViolation, ValidationError
from ...models import Application, CaseRecord, Enrollment
from .. import audit
from ..amount_change import Reassessment, reassess_in
from ..context import Actor
from ..policy import work_calendar

__all__ = [
    "REASSESS_WD",
    "record_reassessment",
    "record_reassessment_full",
    "report_self_care_change",
]

REASSESS_WD = 10
_RULE = "民发〔2021〕43号 第二十条"
_ITEMS = ("eating", "dressing", "bed_transfer", "toileting", "indoor_walking", "bathing")


def _tekun(db_app: Application | None, application_id: int) -> Application:
    if db_app is None:
        raise NotFound(f"申请 #{application_id} 不存在。", code="application.not_found")
    if db_app.programme != "tekun" or db_app.decision != "approved":
        raise RuleViolation(
            "只有已认定的特困人员才能登记生活自理能力变化。", code="followup.not_tekun", rule=_RULE
        )
    return db_app


def report_self_care_change(
    db: Database, actor: Actor, application_id: int, note: str, *, on_date: date
) -> date:
    """Record the report; returns the re-assessment deadline (10 working days)."""
    actor.require("case.investigate")
    if not note.strip():
        raise ValidationError("请填写报告的变化情况。", field="note", code="followup.note")
    if on_date > date.today():
        raise ValidationError("日期不能晚于今天。", field="on_date", code="followup.date")
    with db.session() as s:
        app = _tekun(s.get(Application, application_id), application_id)
        due = work_calendar(s).add_working_days(on_date, REASSESS_WD)
        s.add(
            CaseRecord(
                application_id=app.id,
                kind="self_care_report",
                on_date=on_date,
                due_on=due,
                note=note.strip(),
                recorded_by=actor.user_id,
            )
        )
        audit.record(
            s,
            actor,
            "application.self_care_report",
            "application",
            app.id,
            household_id=app.household_id,
            detail={"note": note.strip(), "due": due.isoformat()},
        )
        return due


def record_reassessment(
    db: Database, actor: Actor, application_id: int, values: Mapping[str, bool], *, on_date: date
) -> str:
    """The county's re-assessment: six items → care tier (returned); see
    :func:`record_reassessment_full` for the amount change it records."""
    return record_reassessment_full(db, actor, application_id, values, on_date=on_date)[0]


def record_reassessment_full(
    db: Database, actor: Actor, application_id: int, values: Mapping[str, bool], *, on_date: date
) -> tuple[str, Reassessment | None]:
    """The county's re-assessment: six items → care tier. A tier different from the one the
    live enrollment's amount rests on re-decides the amount from the next month through the
    one amount function (the care part of the tekun amount), recorded as a dated 增发/减发
    with its basis (``amount_change.reassess_in``; a 减发 prints its 告知书); that needs a
    reviewer or approver (``enrollment.change``)."""
    actor.require("case.investigate")
    missing = [k for k in _ITEMS if k not in values]
    if missing:
        raise ValidationError(
            "生活自理能力评估须填写全部六项。", field="self_care", code="followup.self_care"
        )
    with db.session() as s:
        app = _tekun(s.get(Application, application_id), application_id)
        tier = care_tier(**{k: bool(values[k]) for k in _ITEMS}).value
        s.add(
            CaseRecord(
                application_id=app.id,
                kind="self_care_reassessed",
                on_date=on_date,
                reference=tier,
                note=",".join(k for k in _ITEMS if values[k]),
                recorded_by=actor.user_id,
            )
        )
        audit.record(
            s,
            actor,
            "application.self_care_reassessed",
            "application",
            app.id,
            household_id=app.household_id,
            detail={"care_tier": tier},
        )
        e = s.scalar(
            select(Enrollment).where(
                Enrollment.application_id == app.id, Enrollment.status.in_(("active", "phase_out"))
            )
        )
        change = None
        if e is not None and (e.care_tier or "full") != tier:
            if not actor.can("enrollment.change"):
                raise PermissionDenied(
                    "重新评估改变了自理等级和供养金额，须由审核人或负责人登记。",
                    code="perm.enrollment.change",
                )
            month = max(next_month(on_date), e.start_month)
            change = reassess_in(
                s,
                actor,
                e,
                month,
                on_date,
                f"生活自理能力重新评估（{on_date:%Y-%m-%d}）："
                f"{SelfCare(e.care_tier or 'full').label_zh} → "
                f"{SelfCare(tier).label_zh}",
                care_tier=tier,
            )
        return tier, change
