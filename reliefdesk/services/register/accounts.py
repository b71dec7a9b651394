"""Payment accounts and payees (收款账户与领取人, DOMAIN §2.14, §7.3).

A household is paid into the account of its payee (领取人, a living member). An account is a
bank card, a passbook or the financial account of a social-security card; its number is
checked on entry exactly as the roster checks it (:func:`reliefdesk.domain.accounts.
check_account`: 16–19 digits for cards; the Luhn digit is a warning the clerk confirms).

An account is used from its ``effective_month``; setting a new account for the same payee
stops the previous one after the month before (``end_month``), so a locked or regenerated
month keeps the account it was paid into. A 代管 (entrusted) arrangement — an officer holding
the card — needs a written agreement (number, date, agent) (DOMAIN §2.14, 民发〔2021〕57号
第二十六条). Full numbers are returned only by :func:`reveal_account`, which is audited.
Setting a new payee releases the payments held because the previous payee died
(:mod:`reliefdesk.services.member_events`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.accounts import check_account, normalize_account
from ...domain.masking import mask_account
from ...domain.months import add_months, month_start
from ...errors import NotFound, ValidationError
from ...models import BankAccount, Enrollment, Household, Person
from .. import audit
from ..context import Actor
from ..stale import check_version
from .people import load_household
from .types import ACCOUNT_KIND_LABELS, AccountResult, AccountView

__all__ = [
    "EntrustmentView",
    "account_view",
    "add_account",
    "add_account_in",
    "deactivate_account",
    "get_entrustment",
    "list_accounts",
    "reveal_account",
    "set_account",
    "set_entrustment_in",
    "set_payee_in",
    "stop_account",
]

_LIVE = ("active", "phase_out", "suspended")


def account_view(a: BankAccount, payee_name: str, *, reveal: bool = False) -> AccountView:
    return AccountView(
        a.id,
        a.household_id,
        a.payee_person_id,
        payee_name,
        a.kind,
        a.bank_name,
        a.holder_name,
        a.number if reveal else mask_account(a.number),
        bool(a.active),
        a.version,
        a.effective_month,
        a.end_month,
        a.stop_reason or "",
    )


def _member(s: Session, household_id: int, person_id: int, field: str) -> Person:
    p = s.get(Person, person_id)
    if p is None or p.household_id != household_id:
        raise ValidationError("所选人员不是本家庭成员", code="person.not_member", field=field)
    return p


def add_account(
    db: Database,
    actor: Actor,
    household_id: int,
    payee_person_id: int,
    kind: str,
    number: str,
    bank_name: str = "",
    holder_name: str | None = None,
    *,
    effective_month: date | None = None,
) -> AccountResult:
    """Register the payee's account. Blocking problems raise; warnings (e.g. the Luhn check)
    come back for the clerk to confirm. A payee has one active account: a new one replaces
    (stops) the previous one from ``effective_month`` (default: the current month)."""
    with db.session() as s:
        return add_account_in(
            s,
            actor,
            household_id,
            payee_person_id,
            kind,
            number,
            bank_name,
            holder_name,
            effective_month=effective_month,
        )


def add_account_in(
    s: Session,
    actor: Actor,
    household_id: int,
    payee_person_id: int,
    kind: str,
    number: str,
    bank_name: str = "",
    holder_name: str | None = None,
    *,
    effective_month: date | None = None,
) -> AccountResult:
    """:func:`add_account` inside the caller's transaction."""
    actor.require("register.write")
    if kind not in ACCOUNT_KIND_LABELS:
        raise ValidationError("账户类型无效", code="account.kind", field="kind")
    issues = check_account(number, kind)
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        raise ValidationError(errors[0].message, code=errors[0].code, field="number")
    clean = normalize_account(number)
    month = month_start(effective_month or date.today())
    load_household(s, household_id)
    payee = _member(s, household_id, payee_person_id, "payee_person_id")
    if payee.deceased_on is not None:
        raise ValidationError(
            f"{payee.name}已登记死亡，不能作为收款人",
            code="account.payee_dead",
            field="payee_person_id",
        )
    holder = (holder_name or payee.name).strip()
    if not holder:
        raise ValidationError("请填写账户户名", code="account.holder", field="holder_name")
    old = s.scalars(
        select(BankAccount).where(
            BankAccount.payee_person_id == payee.id, BankAccount.active.is_(True)
        )
    ).all()
    replaced = None
    for o in old:
        o.active = False
        o.end_month = add_months(month, -1)
        o.stop_reason = f"换卡：自 {month:%Y-%m} 起使用新账户"
        replaced = o.id
    s.flush()
    a = BankAccount(
        household_id=household_id,
        payee_person_id=payee.id,
        kind=kind,
        bank_name=bank_name.strip(),
        holder_name=holder,
        number=clean,
        active=True,
        effective_month=month,
        stop_reason="",
    )
    s.add(a)
    s.flush()
    audit.record(
        s,
        actor,
        "account.add",
        "bank_account",
        a.id,
        household_id=household_id,
        detail={
            "payee_person_id": payee.id,
            "kind": kind,
            "number": mask_account(clean),
            "bank_name": a.bank_name,
            "holder_name": holder,
            "effective_month": month.isoformat(),
            "replaced": [o.id for o in old],
        },
    )
    from ..member_events import record_event_in  # the household's timeline

    record_event_in(
        s,
        actor,
        household_id,
        "account",
        date.today(),
        f"{payee.name}：{a.bank_name} {mask_account(clean)}，自 {month:%Y-%m} 起使用",
        person_id=payee.id,
        effective_month=month,
        detail={"account_id": a.id, "replaced": [o.id for o in old]},
    )
    return AccountResult(
        account_view(a, payee.name),
        tuple(i.message for i in issues if i.severity == "warning"),
        replaced,
    )


def _load_account(s: Session, account_id: int, expected_version: int | None) -> BankAccount:
    a = s.get(BankAccount, account_id)
    if a is None:
        raise NotFound("账户不存在", code="account.not_found")
    check_version("账户", a.version, expected_version)
    return a


def deactivate_account(
    db: Database, actor: Actor, account_id: int, expected_version: int | None = None
) -> AccountView:
    """Stop an account at once (no month given: it is not used from the current month)."""
    return stop_account(db, actor, account_id, reason="停用", expected_version=expected_version)


def stop_account(
    db: Database,
    actor: Actor,
    account_id: int,
    *,
    reason: str,
    last_month: date | None = None,
    expected_version: int | None = None,
) -> AccountView:
    """停用: the account is paid into up to ``last_month`` (default: the previous month)."""
    actor.require("register.write")
    if not reason.strip():
        raise ValidationError("请填写停用理由", code="account.reason", field="reason")
    with db.session() as s:
        a = _load_account(s, account_id, expected_version)
        if not a.active:
            raise ValidationError("该账户已停用", code="account.inactive")
        last = month_start(last_month) if last_month else add_months(month_start(date.today()), -1)
        if a.effective_month is not None and last < add_months(a.effective_month, -1):
            raise ValidationError(
                "停用月份早于账户启用月份", code="account.month", field="last_month"
            )
        a.active = False
        a.end_month = last
        a.stop_reason = reason.strip()
        s.flush()
        audit.record(
            s,
            actor,
            "account.deactivate",
            "bank_account",
            a.id,
            household_id=a.household_id,
            detail={
                "number": mask_account(a.number),
                "last_month": last.isoformat(),
                "reason": a.stop_reason,
            },
        )
        from ..member_events import record_event_in

        record_event_in(
            s,
            actor,
            a.household_id,
            "account_stop",
            date.today(),
            f"{mask_account(a.number)} 停用：{a.stop_reason}，最后使用 {last:%Y-%m}",
            person_id=a.payee_person_id,
            effective_month=add_months(last, 1),
            detail={"account_id": a.id},
        )
        payee = s.get(Person, a.payee_person_id)
        return account_view(a, payee.name if payee else "")


def reveal_account(db: Database, actor: Actor, account_id: int) -> str:
    """The full account number, on explicit request; the request is audited (DOMAIN §10.3)."""
    actor.require("pii.reveal")
    with db.session() as s:
        a = _load_account(s, account_id, None)
        audit.record(
            s,
            actor,
            "pii.reveal",
            "bank_account",
            a.id,
            household_id=a.household_id,
            detail={"fields": ["account"]},
        )
        return a.number


def list_accounts(db: Database, actor: Actor, household_id: int) -> list[AccountView]:
    """The household's accounts (masked), current ones first."""
    actor.require("read")
    with db.read_session() as s:
        load_household(s, household_id)
        names = {
            pid: name
            for pid, name in s.execute(
                select(Person.id, Person.name).where(Person.household_id == household_id)
            )
        }
        return [
            account_view(a, names.get(a.payee_person_id, ""))
            for a in s.scalars(
                select(BankAccount)
                .where(BankAccount.household_id == household_id)
                .order_by(BankAccount.active.desc(), BankAccount.id.desc())
            )
        ]


# --- payee and entrustment -------------------------------------------------------------------


def set_payee_in(
    s: Session, actor: Actor, household_id: int, person_id: int, on_date: date
) -> list[int]:
    """Make ``person_id`` the payee of the household's live enrollments; payments held
    because the previous payee died resume (see member_events). Returns the enrollment ids
    changed."""
    from ..member_events import release_payee_holds_in

    actor.require("register.write")
    person = _member(s, household_id, person_id, "payee_person_id")
    if person.deceased_on is not None:
        raise ValidationError(
            f"{person.name}已登记死亡，不能作为领取人",
            code="account.payee_dead",
            field="payee_person_id",
        )
    changed = []
    for e in s.scalars(
        select(Enrollment).where(
            Enrollment.household_id == household_id, Enrollment.status.in_(_LIVE)
        )
    ):
        if e.payee_id != person.id:
            audit.record(
                s,
                actor,
                "enrollment.payee",
                "enrollment",
                e.id,
                household_id=household_id,
                detail={"old_payee_id": e.payee_id, "new_payee_id": person.id},
            )
            e.payee_id = person.id
            changed.append(e.id)
    s.flush()
    release_payee_holds_in(s, actor, household_id, person, on_date)
    return changed


@dataclass(frozen=True)
class EntrustmentView:
    """代管: the card is held by an officer under a written agreement."""

    household_id: int
    entrusted: bool
    agreement_no: str
    agreement_date: date | None
    agent: str


def _entrustment(h: Household) -> EntrustmentView:
    return EntrustmentView(
        h.id,
        bool(h.entrusted),
        h.entrust_agreement_no or "",
        h.entrust_agreement_date,
        h.entrust_agent or "",
    )


def get_entrustment(db: Database, actor: Actor, household_id: int) -> EntrustmentView:
    actor.require("read")
    with db.read_session() as s:
        return _entrustment(load_household(s, household_id))


def set_entrustment_in(
    s: Session,
    actor: Actor,
    household_id: int,
    entrusted: bool,
    *,
    agreement_no: str = "",
    agreement_date: date | None = None,
    agent: str = "",
) -> EntrustmentView:
    """Record (or end) a 代管 arrangement; an entrusted card needs its written agreement
    (number and date; the agent is recorded when known)."""
    actor.require("register.write")
    h = load_household(s, household_id)
    if entrusted:
        missing = [
            label
            for label, value in (("协议编号", agreement_no.strip()), ("签订日期", agreement_date))
            if not value
        ]
        if missing:
            raise ValidationError(
                "代管须有书面协议：请填写" + "、".join(missing),
                code="account.entrust_agreement",
                field="agreement_no",
            )
        if agreement_date is not None and agreement_date > date.today():
            raise ValidationError(
                "协议签订日期不能晚于今天", code="account.entrust_date", field="agreement_date"
            )
    before = _entrustment(h)
    h.entrusted = entrusted
    h.entrust_agreement_no = agreement_no.strip() if entrusted else ""
    h.entrust_agreement_date = agreement_date if entrusted else None
    h.entrust_agent = agent.strip() if entrusted else ""
    s.flush()
    after = _entrustment(h)
    if after != before:
        audit.record(
            s,
            actor,
            "household.entrustment",
            "household",
            h.id,
            household_id=h.id,
            detail={
                "entrusted": entrusted,
                "agreement_no": after.agreement_no,
                "agreement_date": (
                    agreement_date.isoformat() if agreement_date and entrusted else None
                ),
                "agent": after.agent,
            },
        )
    return after


def set_account(
    db: Database,
    actor: Actor,
    household_id: int,
    payee_person_id: int,
    number: str,
    bank_name: str,
    *,
    kind: str = "bank_card",
    holder_name: str | None = None,
    effective_month: date | None = None,
    entrusted: bool | None = None,
    agreement_no: str = "",
    agreement_date: date | None = None,
    agent: str = "",
    on_date: date | None = None,
) -> AccountResult:
    """One step of the account dialog and ``account set``: the payee (领取人) of the live
    enrollments, the new account from ``effective_month`` and, when ``entrusted`` is given,
    the 代管 arrangement, all in one transaction."""
    if not bank_name.strip():
        raise ValidationError("请填写开户银行/网点", code="account.bank", field="bank_name")
    with db.session() as s:
        result = add_account_in(
            s,
            actor,
            household_id,
            payee_person_id,
            kind,
            number,
            bank_name,
            holder_name,
            effective_month=effective_month,
        )
        set_payee_in(s, actor, household_id, payee_person_id, on_date or date.today())
        if entrusted is not None:
            set_entrustment_in(
                s,
                actor,
                household_id,
                entrusted,
                agreement_no=agreement_no,
                agreement_date=agreement_date,
                agent=agent,
            )
        return result
