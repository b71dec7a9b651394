"""Facts beyond the steps that the workflow guards need, the recorded decisions of a case
(:class:`~reliefdesk.models.CaseRecord`): the county's approval and the 一事一议 decision of a
temporary-aid amount above the township limit / threshold, the county's own home visit of a
near-relative case, and a dibao 特事特办/先行纳入 authorisation (DOMAIN §2.9, §2.12, §4.2, §4.4);
and the amount an 初审 proposes (with its approval route and the 先行救助 cap) and the check
that a 公示 is not backdated.

The amount routed is always the amount actually proposed (``Application.proposed_fen``), not
the formula amount. Used by :mod:`reliefdesk.services.casework` (one case) and
:mod:`reliefdesk.services.casework.board` (many cases, in bulk).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import admission
from ...domain import workflow as wf
from ...domain.workflow import Action
from ...errors import RuleViolation, ValidationError
from ...models import Application, CaseRecord, CaseStep, Person
from ..assessment import assess
from ..context import Actor
from ..policy import Policy, policy_on
from ..settings import get_setting

__all__ = [
    "INVOLVED_ACTIONS",
    "PUBLICITY_ACTIONS",
    "RECORD_ACTIONS",
    "CaseFacts",
    "advance_cap_of",
    "case_facts",
    "case_facts_bulk",
    "check_publicity_start",
    "decided_amount",
    "prelim_amount",
    "record_of_action",
    "route_lines",
    "route_warnings",
    "save_record",
]

# Doing one of these on a case bars the user from confirming it (accepted, investigated, 初审)
INVOLVED_ACTIONS = (
    "accept",
    "start_investigation",
    "request_info_check",
    "record_info_check",
    "record_visit",
    "submit_prelim",
    "resolve_objection",
    "self_care",
)
PUBLICITY_ACTIONS = ("start_publicity", "finish_publicity", "record_objection")
RECORD_ACTIONS = {
    wf.Action.RECORD_COUNTY_APPROVAL.value: "county_approval",
    wf.Action.RECORD_CASE_BY_CASE.value: "case_by_case",
    wf.Action.RECORD_COUNTY_VISIT.value: "county_visit",
    wf.Action.AUTHORISE_GREEN.value: "green_channel",
}
_ROUTE_TEXTS = ("金额超出乡镇审批限额", "金额超过一事一议标准")


MIN_INVESTIGATORS = 2  # 入户调查: at least two investigators per group (DOMAIN §3)


@dataclass(frozen=True)
class CaseFacts:
    """Per-case facts for :class:`reliefdesk.domain.workflow.Facts` (keyword arguments)."""

    involved_user_ids: frozenset[int] = frozenset()
    county_approval_needed: bool = False
    county_approval_recorded: bool = False
    case_by_case_needed: bool = False
    case_by_case_recorded: bool = False
    advance_cap_fen: int | None = None
    county_visit_required: bool = False
    county_visit_recorded: bool = False
    green_authorised: bool = False
    green_due: date | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _opt_int(v: Any) -> int | None:
    return None if v in (None, "") else int(v)


def advance_cap_of(policy: Policy) -> int | None:
    """先行救助 cap under ``policy`` (policy ``temp_aid_advance_cap_fen``, default the township
    limit)."""
    return admission.advance_cap(
        _opt_int(policy.data.get("temp_aid_advance_cap_fen")),
        _opt_int(policy.data.get("temp_aid_township_limit_fen")),
    )


def route_of(policy: Policy, amount_fen: int | None) -> admission.TempAidRoute:
    return admission.temp_aid_route(
        amount_fen or 0,
        _opt_int(policy.data.get("temp_aid_township_limit_fen")),
        _opt_int(policy.data.get("temp_aid_case_by_case_fen")),
    )


def route_warnings(policy: Policy, amount_fen: int, warnings: Iterable[str]) -> list[str]:
    """The assessment's warnings without its approval-route lines, which were computed for the
    formula amount: the route of the amount actually proposed is shown (and enforced) from the
    case facts (``ApplicationView.blockers``) until the approvals are recorded."""
    del policy, amount_fen
    return [w for w in warnings if not w.startswith(_ROUTE_TEXTS)]


def route_lines(policy: Policy, amount_fen: int, lines: Iterable[Sequence[str]]) -> list[list[str]]:
    """The working lines with the township-limit line stating the route of ``amount_fen``."""
    route = route_of(policy, amount_fen)
    text = (
        ("须县级审批" + ("、一事一议" if route.needs_case_by_case else ""))
        if route.needs_county
        else "乡镇可审批"
    )
    out: list[list[str]] = []
    for label, value in lines:
        shown = value
        if label == "乡镇审批限额" and "（" in value:
            shown = value.split("（", 1)[0] + f"（拟救助 {amount_fen / 100:.2f} 元，{text}）"
        out.append([label, shown])
    return out


def _facts_of(
    app: Any,
    policy: Policy,
    involved: set[int],
    kinds: Mapping[str, date | None],
    near_relative: bool,
    strict: bool,
    publicity_users: set[int],
) -> CaseFacts:
    temp = app.programme == "temporary_aid"
    route = route_of(policy, app.proposed_fen) if temp else admission.TempAidRoute(False, False)
    green_temp = temp and app.green_channel and app.aid_type == "emergency"
    return CaseFacts(
        involved_user_ids=frozenset(involved | (publicity_users if strict else set())),
        county_approval_needed=route.needs_county,
        county_approval_recorded="county_approval" in kinds,
        case_by_case_needed=route.needs_case_by_case,
        case_by_case_recorded="case_by_case" in kinds,
        advance_cap_fen=advance_cap_of(policy) if green_temp else None,
        county_visit_required=near_relative and not temp,
        county_visit_recorded="county_visit" in kinds,
        green_authorised=wf.is_dibao(app.programme) and "green_channel" in kinds,
        green_due=kinds.get("green_channel"),
    )


def _near_relative(s: Session, app: Any) -> bool:
    q = select(Person.id).where(
        Person.near_relative_of_staff.is_(True), Person.deceased_on.is_(None)
    )
    if app.programme == "tekun" or app.single_person:
        q = q.where(Person.id == app.applicant_id)
    else:
        q = q.where(Person.household_id == app.household_id)
    return s.scalar(q.limit(1)) is not None


def case_facts(s: Session, app: Application, policy: Policy) -> CaseFacts:
    """The facts of one case."""
    involved: set[int] = {app.created_by}
    publicity: set[int] = set()
    for action, user_id in s.execute(
        select(CaseStep.action, CaseStep.user_id).where(CaseStep.application_id == app.id)
    ):
        if action in INVOLVED_ACTIONS:
            involved.add(user_id)
        elif action in PUBLICITY_ACTIONS:
            publicity.add(user_id)
    kinds = {
        k: d
        for k, d in s.execute(
            select(CaseRecord.kind, CaseRecord.due_on).where(CaseRecord.application_id == app.id)
        )
    }
    strict = bool(get_setting(s, "casework.separation_publicity", False))
    return _facts_of(app, policy, involved, kinds, _near_relative(s, app), strict, publicity)


def case_facts_bulk(s: Session, rows: Iterable[Any], policy_of: Any) -> dict[int, CaseFacts]:
    """The facts of many cases in four queries (``rows`` have the Application attribute names;
    ``policy_of(date) -> (Policy, Limits)``)."""
    rows = list(rows)
    ids = [r.id for r in rows]
    if not ids:
        return {}
    involved: dict[int, set[int]] = {}
    publicity: dict[int, set[int]] = {}
    for app_id, action, user_id in s.execute(
        select(CaseStep.application_id, CaseStep.action, CaseStep.user_id)
        .distinct()
        .where(
            CaseStep.application_id.in_(ids),
            CaseStep.action.in_(INVOLVED_ACTIONS + PUBLICITY_ACTIONS),
        )
    ):
        (involved if action in INVOLVED_ACTIONS else publicity).setdefault(app_id, set()).add(
            user_id
        )
    kinds: dict[int, dict[str, date | None]] = {}
    for app_id, kind, due in s.execute(
        select(CaseRecord.application_id, CaseRecord.kind, CaseRecord.due_on).where(
            CaseRecord.application_id.in_(ids)
        )
    ):
        kinds.setdefault(app_id, {})[kind] = due
    households = {
        h
        for (h,) in s.execute(
            select(Person.household_id)
            .distinct()
            .where(Person.near_relative_of_staff.is_(True), Person.deceased_on.is_(None))
        )
    }
    persons = (
        {
            p
            for (p,) in s.execute(
                select(Person.id).where(
                    Person.near_relative_of_staff.is_(True), Person.deceased_on.is_(None)
                )
            )
        }
        if households
        else set()
    )
    strict = bool(get_setting(s, "casework.separation_publicity", False))
    out: dict[int, CaseFacts] = {}
    for r in rows:
        single = r.programme == "tekun" or getattr(r, "single_person", False)
        near = (r.applicant_id in persons) if single else (r.household_id in households)
        out[r.id] = _facts_of(
            r,
            policy_of(r.accepted_on)[0],
            involved.get(r.id, set()) | {r.created_by},
            kinds.get(r.id, {}),
            near,
            strict,
            publicity.get(r.id, set()),
        )
    return out


def record_of_action(action: str) -> str | None:
    return RECORD_ACTIONS.get(action)


def _text(data: Mapping[str, Any], key: str, what: str, required: bool = True) -> str:
    value = str(data.get(key) or "").strip()
    if required and not value:
        raise ValidationError(f"请填写{what}。", field=key, code=f"record.{key}")
    return value


def save_record(
    s: Session,
    actor: Actor,
    app: Application,
    kind: str,
    on_date: date,
    opinion: str,
    data: Mapping[str, Any],
) -> CaseRecord:
    """Validate and add the record of ``kind`` for ``app`` (the caller audits)."""
    amount = data.get("amount_fen")
    amount = None if amount in (None, "") else int(amount)
    if amount is not None and amount <= 0:
        raise ValidationError("金额必须大于 0。", field="amount_fen", code="record.amount")
    due: date | None = data.get("due_on")
    rec = CaseRecord(
        application_id=app.id,
        kind=kind,
        on_date=on_date,
        recorded_by=actor.user_id,
        amount_fen=amount,
        note=opinion.strip(),
    )
    if kind == "case_by_case":
        rec.body = _text(data, "body", "作出决定的机构（如县困难群众基本生活保障工作协调机制）")
        rec.participants = _text(data, "participants", "参加人员")
        rec.reference = _text(data, "reference", "会议纪要编号")
        if amount is None:
            raise ValidationError(
                "请填写一事一议决定的救助金额。", field="amount_fen", code="record.amount"
            )
    elif kind == "county_approval":
        rec.body = _text(data, "body", "审批机关（如县民政局）")
        rec.participants = _text(data, "participants", "审批人")
        rec.reference = _text(data, "reference", "审批文号", required=False)
    elif kind == "county_visit":
        rec.body = _text(data, "body", "调查单位（县级民政部门）")
        rec.participants = _text(data, "participants", "县级调查人员（至少 2 人）")
        names = [
            n
            for n in rec.participants.replace("，", ",").replace("、", ",").split(",")
            if n.strip()
        ]
        if len(names) < MIN_INVESTIGATORS:
            raise ValidationError(
                "县级入户调查每组调查人员不得少于 2 人（用逗号或顿号分隔）。",
                field="participants",
                code="record.participants",
            )
        if not rec.note:
            raise ValidationError(
                "请填写县级入户调查的结论。", field="opinion", code="record.opinion"
            )
    elif kind == "green_channel":
        rec.participants = _text(data, "participants", "授权人（姓名、职务）")
        if not rec.note:
            raise ValidationError(
                "请写明特事特办的理由（如火灾等突发事件）。", field="opinion", code="record.opinion"
            )
        if not isinstance(due, date) or due <= on_date:
            raise ValidationError(
                "请填写补齐调查、公示、确认程序的期限（须晚于今天）。",
                field="due_on",
                code="record.due_on",
            )
        rec.due_on = due
    else:
        raise ValidationError(f"未知的登记类型：{kind}", code="record.kind")
    s.add(rec)
    s.flush()
    return rec


# ----------------------------------------------------------------------------- amounts, 公示


def check_publicity_start(
    s: Session, steps: Sequence[CaseStep], first_day: date, recorded_on: date
) -> None:
    """公示 cannot be backdated: its first day is not before the 初审 it publishes, nor more
    than the office's grace (setting ``casework.publicity_grace_days``, default 0) before the
    day it is recorded."""
    prelims = [st.on_date for st in steps if st.action == Action.SUBMIT_PRELIM.value]
    if prelims and first_day < max(prelims):
        raise RuleViolation(
            f"公示首日 {first_day.isoformat()} 早于所公示的初审意见日期 "
            f"{max(prelims).isoformat()}。",
            code="workflow.publicity_before_prelim",
            rule=wf.RULES["publicity"],
        )
    grace = int(get_setting(s, "casework.publicity_grace_days", 0) or 0)
    if (recorded_on - first_day).days > grace:
        raise RuleViolation(
            f"公示首日 {first_day.isoformat()} 早于登记日 {recorded_on.isoformat()}"
            f"（允许补登 {grace} 天）：公示不能倒签，请从今天开始公示。",
            code="workflow.publicity_backdated",
            rule=wf.RULES["publicity"],
        )


def prelim_amount(s: Session, app: Application, on_date: date, amount_fen: Any) -> None:
    result = assess(s, app, on_date)
    working = result.working_json()
    amount = result.amount_fen
    if amount_fen is not None:
        manual = int(amount_fen)
        if manual < 0:
            raise ValidationError(
                "核定金额不能为负数。", field="amount_fen", code="application.amount"
            )
        working["lines"].append(["初审核定金额（人工）", f"{manual / 100:.2f} 元"])
        amount = manual
    if app.programme == "temporary_aid":
        policy = policy_on(s, app.accepted_on)
        working["warnings"] = route_warnings(policy, amount, working.get("warnings", []))
        working["lines"] = route_lines(policy, amount, working.get("lines", []))
        cap = advance_cap_of(policy) if app.green_channel else None
        if cap is not None and amount > cap:
            raise RuleViolation(
                f"先行救助只适用于小额救助：拟救助 {amount / 100:.2f} 元超过先行救助"
                f"上限 {cap / 100:.2f} 元，请按正常程序（调查、公示、审批）办理。",
                code="workflow.advance_cap",
                rule=wf.RULES["temp_advance"],
            )
    app.proposed_fen = amount
    app.working = working


def decided_amount(s: Session, app: Application, amount: int, kind: str) -> None:
    """A county approval or 一事一议 decision names the amount: it replaces the proposal."""
    if amount == app.proposed_fen:
        return
    working = dict(app.working or {})
    label = {"case_by_case": "一事一议决定金额", "county_approval": "县级审批金额"}[kind]
    working["lines"] = [*working.get("lines", []), [label, f"{amount / 100:.2f} 元"]]
    policy = policy_on(s, app.accepted_on)
    working["warnings"] = route_warnings(policy, amount, working.get("warnings", []))
    working["lines"] = route_lines(policy, amount, working["lines"])
    app.proposed_fen = amount
    app.working = working
