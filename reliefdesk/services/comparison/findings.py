"""The findings queue (比对线索): reads, the outcome of a check (属实 confirmed / 不属实
unfounded with a reason / 已处理 handled), and for a confirmed finding the matching action
through the existing services: a death recorded (payment stops from the next month; the
family re-check follows from the death, ``casework.events``), a re-check brought forward, or a
new application pre-filled with what is known. Every step is audited.

Reads are plain functions taking ``(session, actor, ...)`` so a scope filter (township) can be
added in one place: :func:`_scoped`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar, cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.comparison import KIND_LABELS, OUTCOMES, RULES, SOURCE_LABELS
from ...domain.masking import mask_id
from ...domain.programmes import MONTHLY_PROGRAMMES
from ...errors import NotFound, RuleViolation, ValidationError
from ...models import ComparisonRun, Enrollment, Finding, Household, Person, Village, utcnow
from .. import audit
from ..context import Actor
from ..scope import scope_households
from ..stale import check_version
from .run import LIVE_STATUSES

__all__ = [
    "OUTCOMES",
    "count_open",
    "count_open_in",
    "get_finding",
    "list_findings",
    "list_findings_in",
    "may_take_action",
    "resolve",
    "resolve_in",
    "take_action",
    "take_action_in",
]

STATUS_LABELS = {"open": "待核实", **OUTCOMES}
_RULE = {r.kind: r for r in RULES}
_COMPACT_DATE = 8  # YYYYMMDD
_Q = TypeVar("_Q", bound=Select[Any] | Select[Finding, str, str, str])


def _scoped(q: _Q, actor: Actor) -> _Q:
    """The township scope (services.scope): a township user sees the findings of their
    households, and the leads on people not on any register (主动发现: no household yet),
    which belong to whoever finds them."""
    households = scope_households(actor)
    if households is None:
        return q
    mine = or_(Finding.household_id.is_(None), Finding.household_id.in_(households))
    return cast(_Q, q.where(mine))


def _query() -> Select[Finding, str, str, str]:
    return (
        select(Finding, ComparisonRun.source, ComparisonRun.file_name, Village.name)
        .join(ComparisonRun, ComparisonRun.id == Finding.run_id)
        .outerjoin(Household, Household.id == Finding.household_id)
        .outerjoin(Village, Village.id == Household.village_id)
    )


def _view(f: Finding, source: str, file_name: str, village: str | None) -> Any:
    from .types import FindingView

    rule = _RULE.get(f.kind)
    return FindingView(
        id=f.id,
        kind=f.kind,
        kind_label=KIND_LABELS.get(f.kind, f.kind),
        action=rule.action if rule else "",
        recipient=f.recipient,
        person_id=f.person_id,
        household_id=f.household_id,
        village=village or "",
        name=f.name,
        id_masked=mask_id(f.id_number),
        source=source,
        source_label=SOURCE_LABELS.get(source, source),
        file_name=file_name,
        run_id=f.run_id,
        row_no=f.row_no,
        message=f.message,
        due_on=f.due_on,
        assignee_name=f.assignee_name,
        status=f.status,
        outcome_note=f.outcome_note,
        resolved_by_name=f.resolved_by_name,
        taken_action=f.action,
        action_ref=f.action_ref,
        data=dict(f.data or {}),
        version=f.version,
    )


def list_findings_in(
    s: Session,
    actor: Actor,
    *,
    open_only: bool = False,
    kind: str | None = None,
    household_id: int | None = None,
    limit: int = 2000,
) -> list[Any]:
    """Findings, open ones first by due date, then the newest resolved."""
    actor.require("read")
    q = _scoped(_query(), actor)
    if open_only:
        q = q.where(Finding.status == "open")
    if kind:
        if kind not in KIND_LABELS:
            raise ValidationError(
                f"未知的线索类别：{kind}（可选：{'、'.join(KIND_LABELS)}）", code="finding.kind"
            )
        q = q.where(Finding.kind == kind)
    if household_id is not None:
        q = q.where(Finding.household_id == household_id)
    q = q.order_by((Finding.status != "open"), Finding.due_on, Finding.id).limit(limit)
    return [_view(*row) for row in s.execute(q).all()]


def list_findings(
    db: Database,
    actor: Actor,
    *,
    open_only: bool = False,
    kind: str | None = None,
    household_id: int | None = None,
) -> list[Any]:
    with db.read_session() as s:
        return list_findings_in(s, actor, open_only=open_only, kind=kind, household_id=household_id)


def count_open_in(s: Session, actor: Actor) -> int:
    """How many findings are waiting to be checked (the workbench's 待核实比对线索)."""
    actor.require("read")
    q = _scoped(select(func.count(Finding.id)).where(Finding.status == "open"), actor)
    return int(s.scalar(q) or 0)


def count_open(db: Database, actor: Actor) -> int:
    with db.read_session() as s:
        return count_open_in(s, actor)


def get_finding_in(s: Session, actor: Actor, finding_id: int) -> Any:
    actor.require("read")
    row = s.execute(_scoped(_query(), actor).where(Finding.id == finding_id)).first()
    if row is None:
        raise NotFound(f"比对线索 #{finding_id} 不存在。", code="finding.not_found")
    return _view(*row)


def get_finding(db: Database, actor: Actor, finding_id: int) -> Any:
    with db.read_session() as s:
        return get_finding_in(s, actor, finding_id)


def _load(s: Session, finding_id: int, expected_version: int | None) -> Finding:
    f = s.get(Finding, finding_id)
    if f is None:
        raise NotFound(f"比对线索 #{finding_id} 不存在。", code="finding.not_found")
    check_version("该线索", f.version, expected_version)
    return f


def resolve_in(
    s: Session,
    actor: Actor,
    finding_id: int,
    outcome: str,
    note: str,
    *,
    expected_version: int | None = None,
    act: bool = False,
) -> Any:
    """Record the outcome of an open finding; ``act`` also takes the matching action of a
    confirmed finding in the same transaction."""
    actor.require("register.write")
    if outcome not in OUTCOMES:
        raise ValidationError(
            f"核实结果须为 {'、'.join(f'{k}（{v}）' for k, v in OUTCOMES.items())}。",
            code="finding.outcome",
            field="outcome",
        )
    text = (note or "").strip()
    if outcome == "unfounded" and not text:
        raise ValidationError("不属实须写明理由。", code="finding.note", field="note")
    f = _load(s, finding_id, expected_version)
    if f.status != "open":
        raise RuleViolation(
            f"该线索已核实（{STATUS_LABELS.get(f.status, f.status)}），不能重复处理。",
            code="finding.closed",
        )
    before = f.status
    f.status = outcome
    f.outcome_note = text[:2000]
    f.resolved_by_name = actor.display_name or actor.username
    f.resolved_at = utcnow()
    s.flush()
    audit.record(
        s,
        actor,
        "finding.resolve",
        "finding",
        f.id,
        household_id=f.household_id,
        detail={"kind": f.kind, "before": before, "outcome": outcome, "note": f.outcome_note},
    )
    if act and outcome == "confirmed":
        take_action_in(s, actor, f.id)
    return get_finding_in(s, actor, f.id)


def resolve(
    db: Database,
    actor: Actor,
    finding_id: int,
    outcome: str,
    note: str,
    *,
    expected_version: int | None = None,
    act: bool = False,
) -> Any:
    with db.session() as s:
        return resolve_in(
            s, actor, finding_id, outcome, note, expected_version=expected_version, act=act
        )


def _parse_day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    text = "".join(str(value or "").split())[:10].replace("/", "-").replace(".", "-")
    if len(text) == _COMPACT_DATE and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _live(s: Session, household_id: int) -> list[Enrollment]:
    return list(
        s.scalars(
            select(Enrollment).where(
                Enrollment.household_id == household_id,
                Enrollment.status.in_(LIVE_STATUSES),
                Enrollment.programme.in_(MONTHLY_PROGRAMMES),
            )
        )
    )


def _recheck_now(s: Session, actor: Actor, f: Finding, today: date) -> str:
    """Bring the household's next 定期核查 forward to today (the re-check list shows it)."""
    actor.require("case.investigate")
    done = []
    for e in _live(s, f.household_id or 0):
        if e.next_recheck is None or e.next_recheck > today:
            old = e.next_recheck
            e.next_recheck = today
            audit.record(
                s,
                actor,
                "enrollment.recheck_due",
                "enrollment",
                e.id,
                household_id=e.household_id,
                detail={
                    "from": old.isoformat() if old else None,
                    "to": today.isoformat(),
                    "finding": f.id,
                },
            )
        done.append(str(e.id))
    if not done:
        raise RuleViolation("该户目前没有在保记录，无需启动复核。", code="finding.no_enrollment")
    return ",".join(done)


def _apply_for(s: Session, actor: Actor, f: Finding, today: date) -> str:
    from ..casework import create_application_in

    rule = _RULE[f.kind]
    if f.person_id is None or f.household_id is None:
        raise RuleViolation(
            f"{f.name} 不在本所登记的家庭中：请先在登记册中登记该家庭，再新建申请。",
            code="finding.no_person",
        )
    hh = s.get(Household, f.household_id)
    fields: dict[str, Any] = {}
    programme = rule.programme
    if programme == "dibao":
        programme = "urban_dibao" if hh is not None and hh.area_type == "urban" else "rural_dibao"
        if f.kind == "disability_discovery":
            fields["single_person"] = True
    else:
        medical = f.kind == "medical_discovery"
        fields.update(
            aid_type="expenditure" if medical else "emergency",
            aid_cause="medical" if medical else "disaster",
        )
    app = create_application_in(
        s, actor, f.household_id, f.person_id, programme, f.message[:500], today, **fields
    )
    return str(app.id)


#: The permission each matching action needs; the services it calls check it again. The
#: window offers the action only to those who hold it (a clerk confirms a death, the
#: reviewer or head records it and stops the payment).
ACTION_PERMISSIONS = {
    "death": "enrollment.change",
    "recheck": "case.investigate",
    "topup": "case.investigate",
    "application": "case.accept",
}


def may_take_action(actor: Actor, action: str) -> bool:
    """True when ``actor`` may take the matching ``action`` of a confirmed finding."""
    return actor.can(ACTION_PERMISSIONS.get(action, "register.write"))


def take_action_in(s: Session, actor: Actor, finding_id: int, *, today: date | None = None) -> Any:
    """The action that matches a confirmed finding, once."""
    today = today or date.today()
    f = _load(s, finding_id, None)
    if f.status != "confirmed":
        raise RuleViolation("只有核实属实的线索才能办理后续事项。", code="finding.not_confirmed")
    if f.action:
        raise RuleViolation("该线索的后续事项已经办理。", code="finding.acted")
    rule = _RULE.get(f.kind)
    if rule is None:
        raise ValidationError(f"未知的线索类别：{f.kind}", code="finding.kind")
    if rule.action == "death":
        from ..member_events import record_death_in

        person = s.get(Person, f.person_id) if f.person_id else None
        if person is None:
            raise RuleViolation("登记册中没有此人，无法登记死亡。", code="finding.no_person")
        died = _parse_day(f.data.get("death_date"))
        if died is None:
            raise ValidationError(
                "部门数据中的死亡日期无法识别，请在成员页面登记死亡。", code="finding.death_date"
            )
        ev = record_death_in(s, actor, person.id, died, reason=f"信息比对：{f.message}")
        ref = f"event:{ev.event_id}"
    elif rule.action in ("recheck", "topup"):
        ref = "enrollment:" + _recheck_now(s, actor, f, today)
    else:
        ref = "application:" + _apply_for(s, actor, f, today)
    f.action = rule.action
    f.action_ref = ref[:64]
    s.flush()
    audit.record(
        s,
        actor,
        "finding.action",
        "finding",
        f.id,
        household_id=f.household_id,
        detail={"kind": f.kind, "action": rule.action, "ref": f.action_ref},
    )
    return get_finding_in(s, actor, f.id)


def take_action(db: Database, actor: Actor, finding_id: int) -> Any:
    with db.session() as s:
        return take_action_in(s, actor, finding_id)
