"""受理 (accepting an application) and the edits of an open case: the programme-specific
checks at acceptance (tekun working capacity, temporary-aid type and cause, 先行救助 only for
emergencies, 单人保 only in the cases DOMAIN §2.4 allows, no double enrollment or second open
case), the tekun 生活自理能力评估 and the 45-day extension. Re-exported by
:mod:`reliefdesk.services.casework`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain import admission
from ...domain import workflow as wf
from ...domain.benefits import care_tier
from ...domain.workflow import State
from ...errors import NotFound, RuleViolation, ValidationError
from ...models import Application, Household, Person
from .. import audit, enrollments
from ..assessment import ADULT_AGE, assess, member_category, tekun_eligibility
from ..context import Actor
from ..policy import policy_on
from ..scope import require_household
from .state import _add_step, _check_version, _covered, _load, _refresh_due, _view
from .types import (
    _FILE_PREFIX,
    _R_DUP,
    _R_DUP_TEMP,
    SELF_CARE_ITEMS,
    SELF_CARE_LABELS,
    ApplicationView,
)

__all__ = ["create_application", "create_application_in", "extend_deadline", "record_self_care"]


def create_application(
    db: Database,
    actor: Actor,
    household_id: int,
    applicant_id: int,
    programme: str,
    reason: str,
    accepted_on: date,
    **programme_fields: Any,
) -> ApplicationView:
    """受理 a new application.

    ``programme_fields``: ``single_person`` (单人保, dibao), ``care_mode``
    ("dispersed"/"centralised") and ``self_care`` (six booleans, see SELF_CARE_ITEMS) for tekun,
    ``aid_type`` ("emergency"/"expenditure"), ``aid_months``, ``aid_persons``,
    ``green_channel`` (先行救助, emergency only) for temporary aid, ``file_no``.
    """
    actor.require("case.accept")
    with db.session() as s:
        app = create_application_in(
            s, actor, household_id, applicant_id, programme, reason, accepted_on, **programme_fields
        )
        return _view(s, app, actor)


_KNOWN_FIELDS = {
    "single_person",
    "care_mode",
    "self_care",
    "aid_type",
    "aid_months",
    "aid_persons",
    "green_channel",
    "file_no",
    "aid_cause",
}


def create_application_in(
    s: Session,
    actor: Actor,
    household_id: int,
    applicant_id: int,
    programme: str,
    reason: str,
    accepted_on: date,
    **fields: Any,
) -> Application:
    actor.require("case.accept")
    require_household(s, actor, household_id)  # refused before any other rule
    unknown = set(fields) - _KNOWN_FIELDS
    if unknown:
        raise ValidationError(
            f"未知的申请字段：{'、'.join(sorted(unknown))}", code="application.field"
        )
    if programme not in wf.PROGRAMMES:
        raise ValidationError(
            f"未知的救助项目：{programme}", field="programme", code="application.programme"
        )
    if accepted_on > date.today():
        raise ValidationError(
            "受理日期不能晚于今天。", field="accepted_on", code="application.date"
        )
    household = s.get(Household, household_id)
    if household is None:
        raise NotFound(f"家庭 #{household_id} 不存在。", code="household.not_found")
    applicant = s.get(Person, applicant_id)
    if applicant is None or applicant.household_id != household_id:
        raise ValidationError(
            "申请人必须是本户的家庭成员。", field="applicant_id", code="application.applicant"
        )
    if applicant.deceased_on is not None:
        raise ValidationError(
            f"{applicant.name} 已登记死亡，不能作为申请人。",
            field="applicant_id",
            code="application.deceased",
        )
    single = bool(fields.get("single_person", False))
    green = bool(fields.get("green_channel", False))
    aid_type = fields.get("aid_type")
    self_care = fields.get("self_care")
    if programme == "tekun":
        ground = tekun_eligibility(applicant, accepted_on)
        if ground is None:
            raise RuleViolation(
                f"{applicant.name} 不符合“无劳动能力”条件（年满 60 周岁、未满 16 周岁，"
                "或智力/精神残疾 1–3 级、肢体残疾 1–2 级、视力残疾 1 级）。",
                code="application.tekun_capacity",
                rule="民发〔2021〕43号 第五条",
            )
        single = True
    elif programme == "temporary_aid":
        if aid_type not in ("emergency", "expenditure"):
            raise ValidationError(
                "请选择临时救助类型：急难型或支出型。",
                field="aid_type",
                code="application.aid_type",
            )
        if not reason.strip():
            raise ValidationError("请填写致困原因。", field="reason", code="application.reason")
        if green and aid_type != "emergency":
            raise RuleViolation(
                "只有急难型临时救助可以先行救助；支出型按正常程序办理。",
                code="application.green_channel",
                rule="民发〔2018〕23号 第二条第（二）项",
            )
        cause = fields.get("aid_cause")
        if cause is not None and cause not in admission.TEMP_AID_CAUSES:
            raise ValidationError(
                "请选择致困原因：" + "、".join(admission.TEMP_AID_CAUSES.values()),
                field="aid_cause",
                code="application.aid_cause",
            )
        for key in ("aid_months", "aid_persons"):
            v = fields.get(key)
            if v is not None and int(v) < 1:
                raise ValidationError("救助月数和人数至少为 1。", field=key, code="application.aid")
    else:
        if green:
            raise ValidationError(
                "先行救助只适用于急难型临时救助。",
                field="green_channel",
                code="application.green_channel",
            )
        if single:
            _check_single(s, household_id, applicant, programme, accepted_on)
    if programme != "tekun" and self_care is not None:
        raise ValidationError(
            "只有特困供养申请需要生活自理能力评估。",
            field="self_care",
            code="application.self_care",
        )
    # no double enrollment, no second open application for the same programme
    if programme != "temporary_aid":
        for p in _covered(s, programme, household_id, applicant, single, accepted_on):
            other = enrollments.active_enrollment_of(s, p.id)
            if other is not None:
                raise RuleViolation(
                    f"{p.name} 已在享受{wf.PROGRAMME_LABELS.get(other.programme, other.programme)}"
                    f"（在保记录 #{other.id}），不能重复申请。",
                    code="application.enrolled",
                    rule=_R_DUP,
                )
    family = wf.DIBAO if wf.is_dibao(programme) else (programme,)
    q = select(Application).where(
        Application.programme.in_(family),
        Application.state.in_([st.value for st in wf.OPEN_STATES]),
    )
    q = (
        q.where(Application.applicant_id == applicant_id)
        if programme == "tekun"
        else q.where(Application.household_id == household_id)
    )
    open_app = s.scalar(q.limit(1))
    if open_app is not None:
        temp = programme == "temporary_aid"
        raise RuleViolation(
            f"已有一件{wf.PROGRAMME_LABELS[open_app.programme]}申请正在办理"
            f"（{open_app.file_no}，{wf.STATE_LABELS[open_app.state]}），"
            + (
                "同一事由不能重复申请临时救助，可在原申请中补充情况。" if temp else "不能重复申请。"
            ),
            code="application.open",
            rule=_R_DUP_TEMP if temp else _R_DUP,
        )
    app = Application(
        file_no=str(fields.get("file_no") or ""),
        household_id=household_id,
        applicant_id=applicant_id,
        programme=programme,
        state=State.ACCEPTED.value,
        state_since=accepted_on,
        accepted_on=accepted_on,
        reason=reason.strip(),
        single_person=single,
        care_mode=fields.get("care_mode"),
        aid_type=aid_type,
        aid_months=fields.get("aid_months"),
        aid_persons=fields.get("aid_persons"),
        aid_cause=fields.get("aid_cause"),
        green_channel=green,
        created_by=actor.user_id,
    )
    if programme == "temporary_aid" and app.aid_months is None:
        app.aid_months = 1
    if self_care is not None:
        app.self_care, app.care_tier = _self_care(self_care)
    s.add(app)
    s.flush()
    if not app.file_no:
        app.file_no = f"{_FILE_PREFIX[programme]}{accepted_on.year}-{app.id:05d}"
    _add_step(s, app, actor, "accept", None, State.ACCEPTED, accepted_on, opinion=reason)
    _refresh_due(s, app)
    audit.record(
        s,
        actor,
        "application.create",
        "application",
        app.id,
        household_id=household_id,
        detail={
            "programme": programme,
            "applicant_id": applicant_id,
            "accepted_on": accepted_on.isoformat(),
            "file_no": app.file_no,
            "green_channel": green,
        },
    )
    return app


def _check_single(
    s: Session, household_id: int, applicant: Person, programme: str, on: date
) -> None:
    """单人保 only in the cases 民发〔2021〕57号 第八条 and 民函〔2022〕70号 §一 allow; never when
    the whole family qualifies (不得仅将个别家庭成员纳入)."""
    family = assess(
        s,
        Application(
            household_id=household_id,
            applicant_id=applicant.id,
            programme=programme,
            single_person=False,
        ),
        on,
    )
    policy = policy_on(s, on)
    standard = policy.standard_for_programme(programme)
    pci = family.per_capita_income_fen
    ratio = Fraction(str(policy.data.get("near_dibao_ratio", "3/2")))
    age = (
        on.year
        - applicant.birth_date.year
        - ((on.month, on.day) < (applicant.birth_date.month, applicant.birth_date.day))
    )
    verdict = admission.single_person_case(
        member_category(applicant, on),
        adult=age >= ADULT_AGE,
        unemployed=not (applicant.employment or "").strip()
        or any(w in applicant.employment for w in ("无业", "失业", "待业", "unemployed")),
        clergy_3y=applicant.exclusion_reason == "clergy_3y",
        family_qualifies=family.persons > 0 and pci < standard and family.amount_fen > 0,
        near_dibao=pci < standard * ratio,
    )
    if not verdict.allowed:
        raise RuleViolation(
            f"{applicant.name}：{verdict.message}",
            code="application.single",
            rule="民发〔2021〕57号 第八条",
        )


def _self_care(values: Mapping[str, Any]) -> tuple[dict[str, bool], str]:
    missing = [k for k in SELF_CARE_ITEMS if k not in values]
    if missing:
        raise ValidationError(
            "生活自理能力评估须填写全部六项：" + "、".join(SELF_CARE_LABELS[k] for k in missing),
            field="self_care",
            code="application.self_care",
        )
    six = {k: bool(values[k]) for k in SELF_CARE_ITEMS}
    return six, care_tier(**six).value


def record_self_care(
    db: Database,
    actor: Actor,
    application_id: int,
    values: Mapping[str, bool],
    *,
    on_date: date,
    expected_version: int | None = None,
) -> ApplicationView:
    """Store the six-item 生活自理能力评估 of a tekun application and derive the care tier
    (民发〔2021〕43号 第二十条); required before the 初审."""
    actor.require("case.investigate")
    with db.session() as s:
        app = _load(s, application_id)
        _check_version(app, expected_version)
        if app.programme != "tekun":
            raise ValidationError(
                "只有特困供养申请需要生活自理能力评估。",
                field="self_care",
                code="application.self_care",
            )
        if app.state not in wf.OPEN_STATES:
            raise RuleViolation(
                "申请已办结，不能再修改评估。",
                code="application.closed",
                rule=wf.RULES["tekun_self_care"],
            )
        app.self_care, app.care_tier = _self_care(values)
        _add_step(s, app, actor, "self_care", app.state, app.state, on_date, decision=app.care_tier)
        audit.record(
            s,
            actor,
            "application.self_care",
            "application",
            app.id,
            household_id=app.household_id,
            detail={"self_care": app.self_care, "care_tier": app.care_tier},
        )
        return _view(s, app, actor, on_date)


def extend_deadline(
    db: Database,
    actor: Actor,
    application_id: int,
    reason: str,
    *,
    on_date: date,
    expected_version: int | None = None,
) -> ApplicationView:
    """Extend the whole-case limit to 45 working days (公示有异议、人户分离、异地申办、调查
    难度大; 民函〔2022〕70号 §四(一))."""
    actor.require("case.prelim")
    if not reason.strip():
        raise ValidationError(
            "请填写延长办理时限的理由。", field="reason", code="application.reason"
        )
    with db.session() as s:
        app = _load(s, application_id)
        require_household(s, actor, app.household_id)
        _check_version(app, expected_version)
        if app.state not in wf.OPEN_STATES or app.extended:
            raise RuleViolation(
                "该申请不能（再）延长办理时限。", code="application.extend", rule=wf.RULES["total"]
            )
        app.extended = True
        _add_step(s, app, actor, "extend", app.state, app.state, on_date, opinion=reason)
        _refresh_due(s, app)
        audit.record(
            s,
            actor,
            "application.extend",
            "application",
            app.id,
            household_id=app.household_id,
            detail={"reason": reason},
        )
        return _view(s, app, actor, on_date)
