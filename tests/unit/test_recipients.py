"""Recipients from month to month (issue 9): accounts and payees, member events, re-checks,
transfers and the roster cycle, each checked on the roster it produces."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from test_roster_support import make_household, setup_policy

from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.idnumber import make_id
from reliefdesk.domain.months import add_months, month_start
from reliefdesk.errors import PermissionDenied, RuleViolation, ValidationError
from reliefdesk.models import AuditEvent, Enrollment, Person, RecipientEvent, Village
from reliefdesk.services import enrollment_events as ev
from reliefdesk.services import member_events as me
from reliefdesk.services import roster
from reliefdesk.services.register import accounts as acc
from reliefdesk.services.register.types import PersonInput

THIS = month_start(date.today())
PREV = add_months(THIS, -1)
NEXT = add_months(THIS, 1)
CARD = make_card_number("622848", 19, "000012345678")


def _line(view: roster.RosterView, enrollment_id: int) -> roster.LineView:
    return next(ln for ln in view.lines if ln.enrollment_id == enrollment_id)


def test_account_checked_as_the_roster_checks_it(db, actors):
    """A 15-digit card is refused with the roster's own message; a Luhn failure is only a
    warning; the payee must be a living member; 代管 needs its written agreement."""
    h = make_household(db)
    clerk = actors["clerk"]
    with pytest.raises(ValidationError) as exc:
        acc.set_account(db, clerk, h["household_id"], h["payee_id"], "621700123456789", "农行")
    assert exc.value.message == "银行卡账号应为 16–19 位，实际为 15 位"
    result = acc.set_account(
        db,
        clerk,
        h["household_id"],
        h["payee_id"],
        CARD[:-1] + "0" if CARD[-1] != "0" else CARD[:-1] + "1",
        "农行汝州支行",
    )
    assert result.warnings == ("银行卡账号校验未通过，请核对卡号",)
    with pytest.raises(ValidationError) as exc:
        acc.set_account(
            db,
            clerk,
            h["household_id"],
            h["payee_id"],
            CARD,
            "农行",
            entrusted=True,
            agreement_no="汝民代〔2026〕1号",
        )
    assert "签订日期" in exc.value.message
    other = make_household(db)
    with pytest.raises(ValidationError):
        acc.set_account(db, clerk, h["household_id"], other["payee_id"], CARD, "农行")


def test_new_card_from_a_month_keeps_the_old_one_before(db, actors):
    """A new card effective next month: this month's roster still pays the old card, next
    month's the new one; the full number is shown only on request, and that is audited."""
    setup_policy(db)
    h = make_household(db)
    clerk = actors["clerk"]
    old = acc.list_accounts(db, clerk, h["household_id"])[0]
    result = acc.set_account(
        db, clerk, h["household_id"], h["payee_id"], CARD, "邮储银行", effective_month=NEXT
    )
    assert result.replaced_account_id == old.id and result.account.number.endswith(CARD[-4:])
    assert CARD not in result.account.number
    this = roster.generate(db, clerk, THIS, with_lines=True)
    assert _line(this, h["enrollment_id"]).account != CARD
    nxt = roster.generate(db, clerk, NEXT, with_lines=True)
    assert _line(nxt, h["enrollment_id"]).account == CARD
    assert acc.reveal_account(db, clerk, result.account.id) == CARD
    with db.session() as s:
        assert (
            s.scalar(
                select(AuditEvent.action).where(
                    AuditEvent.entity == "bank_account", AuditEvent.action == "pii.reveal"
                )
            )
            is not None
        )


def test_member_death_reduces_from_next_month(db, actors):
    """A member's death: that person stops from the month after the death (减发 with the
    reason on the roster); the clerk alone cannot change a payment."""
    setup_policy(db)
    h = make_household(db, persons=3, pci_fen=20000, amount_fen=60000)
    with db.session() as s:
        member = s.scalars(
            select(Person).where(
                Person.household_id == h["household_id"], Person.id != h["payee_id"]
            )
        ).first()
        mid, name = member.id, member.name
    prev = roster.generate(db, actors["clerk"], PREV, with_lines=True)  # last month's
    with pytest.raises(PermissionDenied):
        me.record_death(db, actors["clerk"], mid, add_months(PREV, 0))
    r = me.record_death(db, actors["reviewer"], mid, PREV.replace(day=12))
    assert r.effective_month == THIS and len(r.changes) == 1 and "减发" in r.changes[0]
    this = roster.generate(db, actors["clerk"], THIS, with_lines=True)
    before, after = _line(prev, h["enrollment_id"]), _line(this, h["enrollment_id"])
    assert after.due_fen < before.due_fen and after.change_flag == "调减"
    assert name in after.change_reason and "死亡" in after.change_reason


def test_payee_death_holds_payment_until_new_payee(db, actors):
    """The payee died: payment is held (停发) from next month until a new payee is set with
    an account; then it resumes (恢复发放) and the roster pays the new payee."""
    setup_policy(db)
    h = make_household(db, persons=2, pci_fen=10000, amount_fen=60000)
    rev = actors["reviewer"]
    roster.generate(db, actors["clerk"], PREV)
    r = me.record_death(db, rev, h["payee_id"], PREV.replace(day=3))
    assert any("待指定新领取人" in line for line in r.changes)
    this = roster.generate(db, actors["clerk"], THIS, with_lines=True)
    assert _line(this, h["enrollment_id"]).change_flag == "停发"
    with db.session() as s:
        heir = s.scalars(
            select(Person).where(
                Person.household_id == h["household_id"], Person.id != h["payee_id"]
            )
        ).first()
        heir_id, heir_name = heir.id, heir.name
    acc.set_account(db, rev, h["household_id"], heir_id, CARD, "农商银行")
    e = roster.generate(db, actors["clerk"], THIS, with_lines=True)
    line = _line(e, h["enrollment_id"])
    assert line.paid_fen > 0 and line.payee_name == heir_name and line.account == CARD
    with db.session() as s:
        kinds = set(s.scalars(select(RecipientEvent.kind)))
    assert {"death", "payee_hold", "payee_set"} <= kinds


def test_prison_excludes_and_return_counts_again(db, actors):
    """Prison (DOMAIN §2.3): the member is not counted from next month (减发); the return
    counts them again (增发); a newborn joins (增发)."""
    setup_policy(db)
    h = make_household(db, persons=3, pci_fen=20000, amount_fen=60000)
    rev = actors["reviewer"]
    with db.session() as s:
        mid = s.scalars(
            select(Person.id).where(
                Person.household_id == h["household_id"], Person.id != h["payee_id"]
            )
        ).first()
    out = me.record_exclusion(db, rev, mid, "prison", PREV.replace(day=1))
    assert "减发" in out.changes[0]
    back = me.record_exclusion(db, rev, mid, "prison", date.today(), ending=True)
    assert "增发" in back.changes[0]
    baby = me.record_birth(
        db,
        rev,
        h["household_id"],
        PersonInput(
            name="新生儿", id_number=make_id("410482", PREV.replace(day=2), 31), relation="child"
        ),
    )
    assert "增发" in baby.changes[0]
    with db.session() as s:
        assert s.get(Enrollment, h["enrollment_id"]).persons == 4


def test_recheck_results_batch_and_due_list(db, actors):
    """Re-check results for a village at once (unchanged and adjusted, all or nothing); the
    due list shows what falls in this month."""
    h1, h2 = make_household(db, village="南村"), make_household(db, village="南村")
    with db.session() as s:
        for h in (h1, h2):
            s.get(Enrollment, h["enrollment_id"]).next_recheck = THIS
        vid = s.scalar(select(Village.id).where(Village.name == "南村"))
    rev = actors["reviewer"]
    page = ev.enrollment_page(db, rev, village_id=vid, due_month=THIS)
    assert {r.id for r in page.rows} == {h1["enrollment_id"], h2["enrollment_id"]}
    with pytest.raises(ValidationError):
        ev.batch_recheck(
            db,
            rev,
            [
                {"enrollment_id": h1["enrollment_id"]},
                {"enrollment_id": h2["enrollment_id"], "result": "adjusted"},
            ],
            on_date=date.today(),
        )
    assert ev.enrollment_page(db, rev, village_id=vid, due_month=THIS).total == 2
    views = ev.batch_recheck(
        db,
        rev,
        [
            {"enrollment_id": h1["enrollment_id"]},
            {
                "enrollment_id": h2["enrollment_id"],
                "result": "adjusted",
                "new_fen": 55000,
                "reason": "务工收入减少",
            },
        ],
        on_date=date.today(),
    )
    assert views[1].amount_fen == 55000
    assert ev.enrollment_page(db, rev, village_id=vid, due_month=THIS).total == 0
    timeline = ev.household_timeline(db, rev, h2["household_id"])
    assert any(t.kind == "recheck" and "务工收入减少" in t.text for t in timeline)


def test_transfers_keep_history(db, actors):
    """Moving to a village of another township keeps the enrollment and records out/in;
    leaving the county ends the dibao from next month."""
    h = make_household(db)
    rev = actors["reviewer"]
    with db.session() as s:
        other_town = s.scalar(
            select(Village).where(Village.name != "东村").order_by(Village.id.desc())
        )
        if other_town is None or other_town.township_id == s.scalar(
            select(Village.township_id).where(Village.name == "东村")
        ):
            from reliefdesk.models import Township

            town = s.scalars(select(Township).order_by(Township.id.desc())).first()
            other_town = Village(township_id=town.id, name="西村")
            s.add(other_town)
            s.flush()
        vid = other_town.id
    ids = ev.transfer_household(
        db, rev, h["household_id"], vid, on_date=date.today(), reason="人户分离，随子女居住"
    )
    assert len(ids) == 2
    assert ev.enrollment_page(db, rev, household_id=h["household_id"]).rows[0].status == "active"
    views = ev.transfer_out_of_county(
        db, actors["approver"], h["household_id"], on_date=date.today(), destination="郑州市中原区"
    )
    assert views[0].status == "terminated" and "郑州" in views[0].terminated_reason


def test_roster_cycle_order(db, actors):
    """Far-future months are refused; a later month cannot be locked while an earlier one is
    a draft; an overlapping all-programme draft names how to clear it and is discarded."""
    setup_policy(db)
    make_household(db)
    clerk, approver = actors["clerk"], actors["approver"]
    with pytest.raises(RuleViolation) as exc:
        roster.generate(db, clerk, add_months(THIS, 2))
    assert exc.value.code == "roster.future"
    prev = roster.generate(db, clerk, PREV)
    this = roster.generate(db, clerk, THIS)
    with pytest.raises(RuleViolation) as exc:
        roster.lock(db, approver, this.id)
    assert exc.value.code == "roster.order" and PREV.strftime("%Y-%m") in exc.value.message
    with pytest.raises(RuleViolation) as exc:
        roster.generate(db, clerk, THIS, "rural_dibao")
    assert "放弃草稿" in exc.value.message
    roster.discard_draft(db, clerk, this.id)
    assert roster.generate(db, clerk, THIS, "rural_dibao").programme == "rural_dibao"
    assert prev.status == "draft"


def test_problems_name_the_record_that_fixes_them(db, actors):
    """Each validation problem carries the record to open: the account, the person or the
    enrollment."""
    setup_policy(db)
    h = make_household(db, account="62170012345")
    v = roster.generate(db, actors["clerk"], THIS)
    problems = roster.validate(db, actors["clerk"], v.id)
    short = next(p for p in problems if p.code == "account.length")
    assert (short.entity_kind, short.entity_id) == ("account", h["household_id"])


def test_stopped_account_pays_up_to_its_last_month(db, actors):
    """停用 after last month: last month's roster still uses the card, this month's has no
    account (the roster flags it); a reason is required."""
    setup_policy(db)
    h = make_household(db)
    clerk = actors["clerk"]
    account = acc.list_accounts(db, clerk, h["household_id"])[0]
    with pytest.raises(ValidationError):
        acc.stop_account(db, clerk, account.id, reason=" ")
    stopped = acc.stop_account(db, clerk, account.id, reason="卡片挂失", last_month=PREV)
    assert not stopped.active and stopped.end_month == PREV
    prev = roster.generate(db, clerk, PREV, with_lines=True)
    assert _line(prev, h["enrollment_id"]).account != ""
    this = roster.generate(db, clerk, THIS, with_lines=True)
    assert _line(this, h["enrollment_id"]).account == ""
    problems = roster.validate(db, clerk, this.id)
    assert any(p.code == "account.missing" and p.entity_kind == "account" for p in problems)
