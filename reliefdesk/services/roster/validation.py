"""Validation of a roster before it is acknowledged and locked (DOMAIN §3.8): every line's
payee, ID and account, amounts against the policy cap, members in other rosters of the month,
and overdue green-channel cases. Split out of :mod:`reliefdesk.services.roster.check`, which
re-exports :func:`validate` and :func:`validate_in`."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import case, select, type_coerce
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.accounts import ACCOUNT_KINDS, AccountIssue, check_account
from ...domain.changes import change_code
from ...domain.idnumber import check_digit, is_valid_id
from ...domain.money import fen_to_yuan
from ...models import (
    Enrollment,
    EnrollmentChange,
    Household,
    Person,
    Roster,
    RosterLine,
    RosterProblemAck,
    User,
)
from ..context import Actor
from ..policy import policy_on
from ..settings import get_setting
from .build import gc_paused, get_roster_row
from .calc import Calculator, ChangeFact, MonthState, status_state
from .cycle import with_targets
from .oneoff import ONE_OFF_KIND
from .types import PROGRAMME_LABELS, Problem


def _cap_ratio(session: Session) -> Fraction:
    try:
        return Fraction(str(get_setting(session, "roster.amount_cap_ratio", "3/2")))
    except (ValueError, ZeroDivisionError):
        return Fraction(3, 2)


def validate(db: Database, actor: Actor, roster_id: int) -> list[Problem]:
    """Every problem at once (errors and warnings), acknowledged warnings marked."""
    actor.require("read")
    with db.read_session() as s:
        get_roster_row(s, roster_id, actor)  # another township's roster is refused
        return validate_in(s, roster_id)


def validate_in(s: Session, roster_id: int) -> list[Problem]:
    with gc_paused():
        return _validate_in(s, roster_id)


def _validate_in(s: Session, roster_id: int) -> list[Problem]:
    roster = get_roster_row(s, roster_id)
    month = roster.month
    one_off = roster.kind == ONE_OFF_KIND
    policy = policy_on(s, month)
    ratio = _cap_ratio(s)
    out: list[Problem] = []

    def add(line_no: int, severity: str, code: str, message: str) -> None:
        out.append(Problem(line_no, severity, code, message))  # type: ignore[arg-type]

    conn = s.connection()  # Core rows: much cheaper than the ORM result layer for 40k lines
    lines = conn.execute(
        select(
            RosterLine.line_no,
            RosterLine.enrollment_id,
            RosterLine.payee_person_id,
            RosterLine.payee_name,
            RosterLine.payee_id_number,
            RosterLine.account,
            RosterLine.account_kind,
            RosterLine.holder_name,
            RosterLine.programme,
            RosterLine.persons,
            RosterLine.members_counted,
            RosterLine.standard_fen,
            RosterLine.due_fen,
            RosterLine.adjustment_fen,
            RosterLine.paid_fen,
            RosterLine.change_flag,
            RosterLine.household_id,
            # the working only where nothing is due (a calculation error is stored there)
            type_coerce(
                case((RosterLine.due_fen <= 0, RosterLine.working), else_=None),
                RosterLine.working.type,
            ),
        )
        .where(RosterLine.roster_id == roster.id)
        .order_by(RosterLine.line_no)
    ).all()
    # the lines' enrollments in id order, apart: joined in line order, each line's lookup
    # read another page of the enrollment table (~5x the pages at 30,000 lines)
    e = Enrollment
    enrollment_of = {
        r[0]: r[1:]
        for r in conn.execute(
            select(
                e.id, e.status, e.start_month, e.end_month, e.phase_out_start, e.amount_review
            ).where(
                e.id.in_(select(RosterLine.enrollment_id).where(RosterLine.roster_id == roster.id))
            )
        ).all()
    }
    changes: dict[int, list[ChangeFact]] = defaultdict(list)
    c = EnrollmentChange
    for r in conn.execute(
        select(c.enrollment_id, c.id, c.kind, c.effective_month, c.old_fen, c.new_fen, c.reason)
        .join(RosterLine, RosterLine.enrollment_id == c.enrollment_id)
        .where(RosterLine.roster_id == roster.id)
    ).all():
        changes[r[0]].append(ChangeFact(r[1], change_code(r[2]), r[3], r[4], r[5], r[6]))
    # the few dead persons and entrusted households, looked up by id: cheaper than joining
    # person and household to every line
    died: dict[int, date | None] = {
        pid: dead
        for pid, dead in conn.execute(
            select(Person.id, Person.deceased_on).where(Person.deceased_on.is_not(None))
        ).all()
    }
    entrusted: dict[int, str | None] = dict(
        conn.execute(
            select(Household.id, Household.entrust_agreement_no).where(
                Household.entrusted.is_(True)
            )
        ).all()
    )
    calc = Calculator(policy)
    today = date.today()
    seen_id: dict[str, int] = {}
    seen_acct: dict[str, int] = {}
    states: dict[tuple[Any, ...], MonthState] = {}
    # plain tuples, unpacked: attribute access on 30,000 result rows is the slow part
    paying = [
        (*ln[:17], *enrollment_of[ln[1]], ln[17]) for ln in lines if ln[14] > 0 or ln[15] != "停发"
    ]
    paid = [ln[14] for ln in paying if ln[14] > 0]
    if not paid:
        add(0, "error", "roster.empty", "花名册没有需要发放的记录。")
    if sum(paid) != roster.amount_fen or len(paid) != roster.households:
        add(0, "error", "roster.totals", "花名册合计与明细之和不符，请重新生成。")
    for (
        no,
        enrollment_id,
        payee_id,
        payee_name,
        id_number,
        account,
        account_kind,
        holder_name,
        programme,
        persons,
        members_counted,
        standard_fen,
        due_fen,
        adjustment_fen,
        paid_fen,
        change_flag,
        household_id,
        status,
        start_month,
        end_month,
        phase_out_start,
        amount_review,
        working,
    ) in paying:
        idn = (id_number or "").strip()
        if not _id_ok(idn, today):
            add(
                no,
                "error",
                "id.invalid",
                f"{payee_name} 的身份证号码“{idn}”校验不通过（须为 18 位有效号码）。",
            )
        if idn in seen_id:
            add(
                no,
                "error",
                "id.duplicate",
                f"身份证号码与第 {seen_id[idn]} 行重复（{payee_name}）。",
            )
        else:
            seen_id[idn] = no
        kind = account_kind if account_kind in ACCOUNT_KINDS else "bank_card"
        for issue in _account_issues(account, kind):
            add(no, issue.severity, issue.code, f"{payee_name}：{issue.message}。")
        acct = (account or "").strip()
        if acct:
            if acct in seen_acct:
                add(
                    no,
                    "error",
                    "account.duplicate",
                    f"账号与第 {seen_acct[acct]} 行重复（{payee_name}）。",
                )
            else:
                seen_acct[acct] = no
        if (holder_name or "").strip() != (payee_name or "").strip():
            add(
                no,
                "error",
                "holder.mismatch",
                f"领取人“{payee_name}”与账户户名“{holder_name or '未登记'}”不一致。",
            )
        dead = died.get(payee_id)
        if dead is not None and dead < month:
            add(no, "error", "payee.deceased", f"领取人 {payee_name} 已于 {dead:%Y-%m-%d} 死亡。")
        elif dead is not None and dead.year == month.year and dead.month == month.month:
            add(
                no,
                "warning",
                "payee.deceased_in_month",
                f"领取人 {payee_name} 于本月 {dead:%Y-%m-%d} 死亡，请核实本月是否发放。",
            )
        if one_off:
            if status not in ("due", "paid"):
                add(no, "error", "grant.state", f"{payee_name}：临时救助未批准或已撤销，不能发放。")
        elif due_fen > 0 or change_flag != "补发":
            # most lines share a status, months and no changes: one replay for them all
            chs = tuple(changes.get(enrollment_id, ()))
            key = (status, start_month, end_month, phase_out_start, chs)
            st = states.get(key)
            if st is None:
                st = states[key] = status_state(month, *key)
            if not st.payable:
                code = {
                    "suspended": "enrollment.suspended",
                    "terminated": "enrollment.terminated",
                }.get(st.state, "enrollment.inactive")
                add(no, "error", code, f"{payee_name}：本月不在保（{st.reason}）。")
        if working and working.get("error"):
            add(no, "error", "amount.calc", f"{payee_name}：金额计算失败（{working['error']}）。")
        if paid_fen <= 0:
            add(
                no,
                "error",
                "amount.nonpositive",
                f"{payee_name}：实发金额为 {fen_to_yuan(paid_fen)} 元。",
            )
        if due_fen > 0 and not one_off:  # a one-off grant was approved within its limits
            cap = calc.cap(programme, persons, standard_fen, ratio)
            if due_fen > cap:
                add(
                    no,
                    "error",
                    "amount.cap",
                    f"{payee_name}：本月应发 {fen_to_yuan(due_fen)} 元超过上限 "
                    f"{fen_to_yuan(cap)} 元。",
                )
        if adjustment_fen:
            cap = calc.cap(
                programme, persons, standard_fen or policy.standard_for_programme(programme), ratio
            )
            if abs(adjustment_fen) > cap:
                add(
                    no,
                    "warning",
                    "adjustment.large",
                    f"{payee_name}：补发/扣减 {fen_to_yuan(adjustment_fen)} 元较大，请核实。",
                )
        if due_fen > 0 and persons != members_counted and not one_off:
            add(
                no,
                "warning",
                "persons.mismatch",
                f"{payee_name}：保障人数 {persons} 与在保成员数 {members_counted} 不一致。",
            )
        if amount_review and due_fen > 0:  # a 调标 run left the decided amount for review
            add(no, "warning", "amount.review", f"{payee_name}：{amount_review}")
        if household_id in entrusted and not (entrusted[household_id] or "").strip():
            add(
                no,
                "warning",
                "entrusted.no_agreement",
                f"{payee_name}：存折/卡由他人代管，但未登记书面代管协议。",
            )
    if not one_off:
        _green_overdue(s, roster, month, today, add)
    _other_rosters(s, roster, seen_id, add)
    _open_death_findings(s, roster, add)
    acks = {  # who acknowledged, by the real name the roster's signatures use
        (line_no, code): display_name or username
        for line_no, code, username, display_name in s.execute(
            select(
                RosterProblemAck.line_no,
                RosterProblemAck.code,
                RosterProblemAck.username,
                User.display_name,
            )
            .outerjoin(User, User.id == RosterProblemAck.user_id)
            .where(RosterProblemAck.roster_id == roster.id)
        )
    }
    return with_targets(
        s,
        roster.id,
        [
            Problem(
                p.line_no,
                p.severity,
                p.code,
                p.message_zh,
                acknowledged_by=acks.get(p.key) if p.severity == "warning" else None,
            )
            for p in out
        ],
    )


def _green_overdue(s: Session, roster: Roster, month: date, today: date, add: Any) -> None:
    """Dibao 先行纳入 (特事特办) whose deadline for 调查/公示/审核确认 passed while the case is
    still open: an error on the line (the payment stops with a notice unless completed)."""
    from ...domain.months import next_month
    from ...domain.workflow import OPEN_STATES
    from ...models import Application, CaseRecord

    cutoff = min(today, next_month(month))
    # the few overdue green-channel cases first, then their lines (starting from the roster's
    # 30,000 lines would look each one's application up)
    overdue: dict[int, list[date | None]] = defaultdict(list)
    for eid, due in s.execute(
        select(Enrollment.id, CaseRecord.due_on)
        .join(Application, Application.id == Enrollment.application_id)
        .join(CaseRecord, CaseRecord.application_id == Application.id)
        .where(
            Application.green_channel.is_(True),
            Application.state.in_([str(x) for x in OPEN_STATES]),
            CaseRecord.kind == "green_channel",
            CaseRecord.due_on.is_not(None),
            CaseRecord.due_on < cutoff,
        )
        .order_by(Enrollment.id, CaseRecord.id)
    ).all():
        overdue[eid].append(due)
    if not overdue:
        return
    rows = [
        (no, name, due)
        for no, name, eid in s.execute(
            select(RosterLine.line_no, RosterLine.payee_name, RosterLine.enrollment_id)
            .where(
                RosterLine.roster_id == roster.id,
                RosterLine.due_fen > 0,
                RosterLine.enrollment_id.in_(list(overdue)),
            )
            .order_by(RosterLine.enrollment_id, RosterLine.line_no)
        ).all()
        for due in overdue[eid]
    ]
    for no, name, due in rows:
        add(
            no,
            "error",
            "enrollment.green_overdue",
            f"{name}：特事特办先行纳入的调查、公示、审核确认未在 {due:%Y-%m-%d} 前完成，"
            "不能继续发放。请补齐程序并审核确认，或办理停发并打印告知书。",
        )


_ID_LENGTH = 18  # a GB 11643 citizen ID number
_CARD_MIN_DIGITS = 16  # bank card length range, as domain.accounts.check_account enforces
_CARD_MAX_DIGITS = 19


def _id_ok(idn: str, today: date) -> bool:
    """18-character GB 11643 number; a fast path for the common well-formed case, the
    domain's :func:`is_valid_id` decides everything else."""
    if len(idn) != _ID_LENGTH:
        return False
    first17 = idn[:17]
    if first17.isascii() and first17.isdigit():
        try:
            born = date(int(idn[6:10]), int(idn[10:12]), int(idn[12:14]))
        except ValueError:
            return False
        return born <= today and check_digit(first17) == idn[17]
    return is_valid_id(idn)


_LUHN_DOUBLED = str.maketrans("0123456789", "0246813579")  # 2d, less 9 when over 9


def _luhn_digits_ok(text: str) -> bool:
    """:func:`luhn_ok` for a string of ASCII digits (the caller checked), in C loops."""
    doubled = text[-2::-2].translate(_LUHN_DOUBLED)
    total = sum(text[-1::-2].encode("ascii")) + sum(doubled.encode("ascii")) - 48 * len(text)
    return total % 10 == 0


def _account_issues(number: str | None, kind: str) -> list[AccountIssue]:
    """check_account, skipping its Unicode normalisation for plain ASCII digit strings."""
    text = number or ""
    if (
        kind != "bank_book"
        and _CARD_MIN_DIGITS <= len(text) <= _CARD_MAX_DIGITS
        and text.isascii()
        and text.isdigit()
    ):
        return [] if _luhn_digits_ok(text) else check_account(text, kind)
    return check_account(number, kind)


def _open_death_findings(s: Session, roster: Roster, add: Any) -> None:
    """An open death finding (信息比对) for anyone in a household on a line: an error until
    the finding is resolved (issue 14)."""
    from ...models import Finding

    rows = s.execute(
        select(RosterLine.line_no, Finding.name, Finding.id)
        .join(Finding, Finding.household_id == RosterLine.household_id)
        .where(
            RosterLine.roster_id == roster.id,
            Finding.kind == "death",
            Finding.status == "open",
        )
        .order_by(RosterLine.line_no, Finding.id)
    ).all()
    for no, name, finding_id in rows:
        add(
            no,
            "error",
            "finding.death_open",
            f"比对线索 #{finding_id}：部门数据显示 {name} 已死亡，核实处理后才能锁定。",
        )


def _other_rosters(s: Session, roster: Roster, seen_id: dict[str, int], add: Any) -> None:
    """The same person in another regular roster of the same month (dibao and tekun, §7.3.6)."""
    if roster.kind != "regular" or not seen_id:
        return
    others = list(
        s.scalars(
            select(Roster.id).where(
                Roster.month == roster.month, Roster.kind == "regular", Roster.id != roster.id
            )
        )
    )
    if not others:
        return
    for idn, prog in s.execute(
        select(RosterLine.payee_id_number, RosterLine.programme).where(
            RosterLine.roster_id.in_(others), RosterLine.paid_fen > 0
        )
    ):
        if idn in seen_id:
            add(
                seen_id[idn],
                "warning",
                "id.other_roster",
                f"该领取人同月也在{PROGRAMME_LABELS.get(prog, prog)}花名册中。",
            )
