"""Case documents from the database: 申请审批表 (single and batch), 公示 notice and the
decision letters (确认通知书 / 不予确认告知书).

Loading turns ORM rows into :mod:`reliefdesk.documents.forms_data` records; the pure builders
in :mod:`reliefdesk.documents.pdf` make the PDF. The calculation working comes from what the
初审 stored on the application (``Application.working``); before the 初审 it is computed by
:func:`reliefdesk.services.assessment.assess` and marked as a provisional estimate.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...documents import pdf as docs
from ...documents.forms_data import (
    PROGRAMME_NAMES,
    AidReceiptData,
    ApplicationFormData,
    AssetItem,
    DecisionLetterData,
    IncomeItem,
    NoticeData,
    NoticeEntry,
    Office,
    Opinion,
    PersonRow,
    SelfCareItem,
    Supporter,
    WorkingLine,
)
from ...documents.pdf.application import TITLES as FORM_TITLES
from ...domain import workflow as wf
from ...domain.idnumber import age_on
from ...domain.masking import mask_id
from ...errors import NotFound, RuleViolation, ValidationError
from ...models import Application, Enrollment, Household, Person, Village
from ...models import IncomeItem as IncomeRow
from ..assessment import assess
from ..register.types import (
    ASSET_KINDS,
    HEALTH,
    HUKOU_TYPES,
    INCOME_CATEGORIES,
    LABOUR,
    RELATION_LABELS,
)
from .common import (
    PrintResult,
    count_pages,
    disability_text,
    file_name,
    office_for_print,
    sex_text,
)
from .form_rows import FormRows

__all__ = [
    "application_form_data",
    "decision_letter_data",
    "load_application",
    "load_applications",
    "notice_data",
    "supporters_from_json",
]

SELF_CARE_KEYS = (
    ("eating", "自主吃饭"),
    ("dressing", "自主穿衣"),
    ("bed_transfer", "自主上下床"),
    ("toileting", "自主如厕"),
    ("indoor_walking", "室内自主行走"),
    ("bathing", "自主洗澡"),
)
ASSET_LABELS = {**ASSET_KINDS, "land": "土地", "livestock": "牲畜", "machinery": "农机具"}
CARE_MODES = {"dispersed": "分散供养", "centralised": "集中供养"}
AID_TYPES = {"emergency": "急难", "expenditure": "支出"}
NOTICE_TITLES = {
    "dibao": "最低生活保障拟确认对象公示",
    "tekun": "特困人员拟认定对象公示",
    "temporary_aid": "临时救助拟救助对象公示",
    "mixed": "社会救助拟救助对象公示",
}
_RULE_PUBLICITY = "民发〔2021〕57号 第十九条、第二十四条"
_RULE_DECISION = "民发〔2021〕57号 第二十一条"


def load_application(s: Session, application_id: int) -> Application:
    app = s.get(Application, application_id)
    if app is None:
        raise NotFound(f"申请 #{application_id} 不存在。", code="application.not_found")
    return app


def load_applications(s: Session, ids: Sequence[int]) -> list[Application]:
    """The applications of ``ids`` in that order, with one query (NotFound names the first
    missing id, as :func:`load_application` would)."""
    found = {a.id: a for a in s.scalars(select(Application).where(Application.id.in_(ids)))}
    for i in ids:
        if i not in found:
            raise NotFound(f"申请 #{i} 不存在。", code="application.not_found")
    return [found[i] for i in ids]


def _village(s: Session, household: Household) -> tuple[str, str]:
    """(village name, township name) of a household."""
    v = s.get(Village, household.village_id)
    if v is None:
        return "", ""
    return v.name, v.township.name if v.township is not None else ""


def _relation(p: Person, applicant: Person) -> str:
    if p.id == applicant.id:
        return "本人"
    label = RELATION_LABELS.get(p.relation, p.relation)
    if applicant.relation == "head" or p.relation == "head":
        return label
    return f"户主{label}"


def _alive(p: Person, on: date) -> bool:
    return p.deceased_on is None or p.deceased_on > on


def _covers_only_applicant(app: Application) -> bool:
    return app.programme == "tekun" or (wf.is_dibao(app.programme) and app.single_person)


def _income_effect(item: IncomeRow) -> int:
    return -item.monthly_fen if item.category == "transfer_out" else item.monthly_fen


def _person_row(p: Person, applicant: Person, on: date, income: int, counted: bool) -> PersonRow:
    return PersonRow(
        name=p.name,
        relation=_relation(p, applicant),
        id_number=p.id_number,
        sex=sex_text(p.sex),
        age=age_on(p.birth_date, on),
        health=HEALTH.get(p.health, p.health),
        disability=disability_text(p.disability_category, p.disability_level),
        labour_capacity=LABOUR.get(p.labour_capacity, p.labour_capacity),
        employment=p.employment,
        schooling=p.schooling,
        monthly_income_fen=income,
        counted=counted,
    )


def supporters_from_json(rows: Sequence[object]) -> tuple[Supporter, ...]:
    """Supporters recorded on a visit (``[{"name", "relation", "age", ...}]``)."""
    out: list[Supporter] = []
    for r in rows:
        if not isinstance(r, dict) or not str(r.get("name", "")).strip():
            continue

        def num(key: str, row: dict[str, object] = r) -> int | None:
            v = row.get(key)
            return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None

        out.append(
            Supporter(
                str(r["name"]),
                str(r.get("relation", "")),
                num("age"),
                num("household_size"),
                num("monthly_income_fen"),
                str(r.get("capacity", "")),
            )
        )
    return tuple(out)


def _working(s: Session, app: Application) -> tuple[tuple[WorkingLine, ...], int | None]:
    """Stored working of the 初审, or a provisional estimate (amount not printed)."""
    if app.working and app.working.get("lines") is not None:
        lines = tuple(WorkingLine(str(a), str(b)) for a, b in app.working.get("lines", []))
        return lines, app.proposed_fen
    if app.state not in wf.OPEN_STATES:
        return (), app.proposed_fen
    result = assess(s, app)
    lines = tuple(WorkingLine.from_domain(w) for w in result.working_lines)
    return (*lines, WorkingLine("说明", "尚未初审，以上为系统测算，仅供参考")), None


def _opinions(app: Application, rows: FormRows) -> tuple[Opinion, ...]:
    """Township block ← the latest 初审 (or 复查) step; county block ← the 审核确认 step."""
    steps = rows.steps.get(app.id, [])
    names = rows.names
    out: list[Opinion] = []
    prelim = [
        st
        for st in steps
        if st.action in (wf.Action.SUBMIT_PRELIM.value, wf.Action.RESOLVE_OBJECTION.value)
    ]
    if prelim:
        st = prelim[-1]
        out.append(
            Opinion(
                "township",
                "乡镇人民政府（街道办事处）审核意见",
                names.get(st.user_id, st.username),
                "",
                st.opinion,
                st.on_date,
            )
        )
    confirm = [st for st in steps if st.action == wf.Action.CONFIRM.value]
    if confirm:
        st = confirm[-1]
        decision = {"approved": "同意", "refused": "不同意"}.get(app.decision or "", "")
        opinion = st.opinion if st.opinion not in ("同意", "不同意") else ""
        out.append(
            Opinion(
                "county",
                "县级人民政府民政部门审核确认意见",
                names.get(st.user_id, st.username),
                decision,
                opinion,
                st.on_date,
            )
        )
    return tuple(out)


def _notice_result(app: Application) -> str:
    if app.objection:
        return f"有异议（{app.objection}）"
    after = {wf.State.AWAITING_CONFIRMATION.value, wf.State.APPROVED.value, wf.State.REFUSED.value}
    return "无异议" if app.publicity_end is not None and app.state in after else ""


def application_form_data(
    s: Session, app: Application, office: Office | None = None, rows: FormRows | None = None
) -> ApplicationFormData:
    """Everything printed on the application's 申请审批表; ``rows``: loaded for a batch
    (:class:`FormRows`), else for this application alone."""
    rows = rows or FormRows.load(s, [app])
    household = rows.households.get(app.household_id) or s.get(Household, app.household_id)
    applicant = s.get(Person, app.applicant_id)
    if household is None or applicant is None:
        raise NotFound(f"申请 #{app.id} 的家庭或申请人不存在。", code="application.not_found")
    village, township = rows.places.get(household.village_id) or _village(s, household)
    office = office or office_for_print(s, township)
    on = app.accepted_on
    only_applicant = _covers_only_applicant(app)
    persons = [p for p in rows.persons.get(household.id, []) if _alive(p, on)]
    incomes = [i for i in rows.incomes.get(household.id, []) if i.counted]
    counted = {p.id: (p.id == applicant.id if only_applicant else bool(p.counted)) for p in persons}
    per_person: dict[int, int] = {}
    by_category: dict[str, int] = {}
    notes: dict[str, list[str]] = {}
    for item in incomes:
        if item.person_id is not None:
            per_person[item.person_id] = per_person.get(item.person_id, 0) + _income_effect(item)
        belongs = (
            item.person_id == applicant.id
            if only_applicant
            else item.person_id is None or counted.get(item.person_id, False)
        )
        if belongs:
            by_category[item.category] = by_category.get(item.category, 0) + _income_effect(item)
            if item.description.strip():
                notes.setdefault(item.category, []).append(item.description.strip())
    members = tuple(
        _person_row(p, applicant, on, per_person.get(p.id, 0), counted[p.id])
        for p in sorted(persons, key=lambda p: (p.id != applicant.id, p.id))
    )
    assets = tuple(
        AssetItem(
            ASSET_LABELS.get(a.kind, a.kind),
            a.description + ("（豁免）" if a.exempt else ""),
            a.value_fen,
        )
        for a in rows.assets.get(household.id, [])
    )
    visits = rows.visits.get(app.id, [])
    investigators: list[str] = []
    for v in visits:
        for r in v.investigators or []:
            name = str(r.get("name", "")).strip() if isinstance(r, dict) else str(r)
            if name and name not in investigators:
                investigators.append(name)
    working, amount = _working(s, app)
    enrollment = rows.enrollments.get(app.id)
    if enrollment is not None and app.decision == "approved":
        amount = enrollment.amount_fen
    self_care: tuple[SelfCareItem, ...] = ()
    if app.programme == "tekun" and app.self_care:
        self_care = tuple(
            SelfCareItem(label, bool(app.self_care.get(key))) for key, label in SELF_CARE_KEYS
        )
    category = wf.PROGRAMME_LABELS.get(app.programme, "")
    if app.programme == "tekun" and app.care_mode:
        category += f"（{CARE_MODES.get(app.care_mode, app.care_mode)}）"
    if app.single_person and wf.is_dibao(app.programme):
        category += "（单人保）"
    return ApplicationFormData(
        programme=app.programme,  # type: ignore[arg-type]
        office=office,
        file_no=app.file_no or f"#{app.id}",
        applied_on=app.accepted_on,
        village=village,
        applicant=_person_row(applicant, applicant, on, per_person.get(applicant.id, 0), True),
        address=household.address,
        phone=household.phone,
        members=members,
        reason=app.reason,
        ethnicity=applicant.ethnicity or "",
        hukou_type=HUKOU_TYPES.get(applicant.hukou_type or "", ""),  # as recorded, or blank
        income_items=tuple(
            IncomeItem(INCOME_CATEGORIES.get(k, k), v, "；".join(notes.get(k, [])))
            for k, v in by_category.items()
        ),
        materials=rows.materials(app.id),
        assets=assets,
        supporters=supporters_from_json(visits[-1].supporters or []) if visits else (),
        category=category,
        supply_mode={"dispersed": "分散", "centralised": "集中"}.get(app.care_mode or "", ""),
        self_care=self_care,
        aid_type=AID_TYPES.get(app.aid_type or "", ""),
        cause=app.reason if app.programme == "temporary_aid" else "",
        advance_aid=app.green_channel,
        advance_aid_date=app.decided_on if app.green_channel else None,
        amount_fen=amount,
        working=working,
        start_month=f"{enrollment.start_month:%Y-%m}" if enrollment is not None else "",
        investigators=tuple(investigators),
        opinions=_opinions(app, rows),
        notice_start=app.publicity_start,
        notice_end=app.publicity_end,
        notice_result=_notice_result(app),
    )


def build_application(s: Session, app: Application) -> PrintResult:
    data = application_form_data(s, app)
    pdf = docs.build_application_form(data)
    name = data.applicant.name
    title = f"{FORM_TITLES[app.programme]} — {name}"
    return PrintResult(pdf, title, file_name("申请审批表", data.file_no, name), count_pages(pdf))


def build_batch(s: Session, apps: Sequence[Application]) -> PrintResult:
    office = office_for_print(s, _township_of(s, apps[0].household_id))
    rows = FormRows.load(s, apps)
    forms = [application_form_data(s, a, office, rows) for a in apps]
    pdf = docs.build_batch(forms)
    title = f"申请审批表（批量打印，{len(forms)}份）"
    return PrintResult(
        pdf,
        title,
        file_name("申请审批表_批量", f"{len(forms)}份", date.today().isoformat()),
        count_pages(pdf),
    )


def _township_of(s: Session, household_id: int) -> str:
    h = s.get(Household, household_id)
    return _village(s, h)[1] if h is not None else ""


def _family(programme: str) -> str:
    return "dibao" if wf.is_dibao(programme) else programme


def _persons(s: Session, app: Application) -> int:
    if _covers_only_applicant(app):
        return 1
    if app.programme == "temporary_aid" and app.aid_persons:
        return app.aid_persons
    if app.working and isinstance(app.working.get("persons"), int) and app.working["persons"]:
        return int(app.working["persons"])
    return sum(
        1
        for p in s.scalars(select(Person).where(Person.household_id == app.household_id))
        if p.counted and _alive(p, app.accepted_on)
    )


def notice_data(s: Session, apps: Sequence[Application]) -> NoticeData:
    """The 公示 sheet: only name, household size, category, amount and village (§10.3)."""
    if not apps:
        raise ValidationError("请选择要公示的申请。", code="notice.empty")
    for a in apps:
        if a.publicity_start is None or a.publicity_end is None:
            raise RuleViolation(
                f"申请 {a.file_no or a.id} 尚未开始公示，不能打印公示表。请先“开始公示”。",
                code="notice.not_started",
                rule=_RULE_PUBLICITY,
            )
        if a.proposed_fen is None:
            raise RuleViolation(
                f"申请 {a.file_no or a.id} 尚无初审拟救助金额，不能公示。",
                code="notice.no_amount",
                rule=_RULE_PUBLICITY,
            )
    periods = {(a.publicity_start, a.publicity_end) for a in apps}
    if len(periods) > 1:
        raise ValidationError("所选申请的公示期不同，请按公示期分开打印。", code="notice.periods")
    start, end = periods.pop()
    assert start is not None and end is not None
    entries = []
    for a in apps:
        household = s.get(Household, a.household_id)
        applicant = s.get(Person, a.applicant_id)
        assert household is not None and applicant is not None
        label = wf.PROGRAMME_LABELS.get(a.programme, a.programme)
        if a.programme == "tekun" and a.care_mode:
            label += CARE_MODES.get(a.care_mode, "")[:2]
        entries.append(
            NoticeEntry(
                applicant.name,
                _persons(s, a),
                int(a.proposed_fen or 0),
                _village(s, household)[0],
                label,
                one_off=a.programme == "temporary_aid",
            )
        )
    entries.sort(key=lambda e: (e.village, e.programme))
    families = {_family(a.programme) for a in apps}
    kind = families.pop() if len(families) == 1 else "mixed"
    office = office_for_print(s, _township_of(s, apps[0].household_id))
    return NoticeData(
        office,
        f"{office.township}{NOTICE_TITLES[kind]}",
        tuple(entries),
        start,
        end,
        hotline="12349",
    )


def decision_letter_data(s: Session, app: Application) -> DecisionLetterData:
    """确认通知书 for an approved application, 不予确认告知书 (with reasons) for a refused one."""
    if app.decision not in ("approved", "refused") or app.decided_on is None:
        raise RuleViolation(
            f"申请 {app.file_no or app.id} 尚未作出审核确认决定（当前：{wf.STATE_LABELS.get(app.state, app.state)}），"
            "不能打印决定书。",
            code="decision.not_decided",
            rule=_RULE_DECISION,
        )
    applicant = s.get(Person, app.applicant_id)
    assert applicant is not None
    office = office_for_print(s, _township_of(s, app.household_id))
    if app.decision == "approved":
        enrollment = s.scalar(select(Enrollment).where(Enrollment.application_id == app.id))
        amount = enrollment.amount_fen if enrollment is not None else app.proposed_fen
        start = f"{enrollment.start_month:%Y-%m}" if enrollment is not None else ""
        return DecisionLetterData(
            office,
            "confirm",
            applicant.name,
            app.programme,  # type: ignore[arg-type]
            amount,
            start,
            (),
            app.decided_on,
            f"{app.file_no or app.id}号",
        )
    text = (app.decision_reasons or "").replace("\r", "")
    reasons = tuple(
        r.strip(" 。;；") + "。" for r in text.replace("；", "\n").split("\n") if r.strip(" 。;；")
    )
    if not reasons:
        reasons = ("经家庭经济状况调查核实，不符合救助条件。",)
    return DecisionLetterData(
        office,
        "refuse",
        applicant.name,
        app.programme,  # type: ignore[arg-type]
        None,
        "",
        reasons,
        app.decided_on,
        f"{app.file_no or app.id}号",
    )


def programme_name(code: str) -> str:
    return PROGRAMME_NAMES.get(code, code)


def aid_receipt_data(s: Session, enrollment_id: int) -> AidReceiptData:
    """The 领款收据 of a temporary-aid grant (one-off sum); the ID number is masked."""
    e = s.get(Enrollment, enrollment_id)
    if e is None or e.programme != "temporary_aid":
        raise NotFound(f"临时救助记录 #{enrollment_id} 不存在。", code="grant.not_found")
    app = s.get(Application, e.application_id)
    payee = s.get(Person, e.payee_id)
    assert app is not None and payee is not None
    office = office_for_print(s, _township_of(s, e.household_id))
    return AidReceiptData(
        office,
        payee.name,
        mask_id(payee.id_number),
        e.amount_fen,
        app.reason,
        f"{app.file_no or app.id}号",
        app.decided_on or app.accepted_on,
        e.receipt_no or "",
    )
