"""Seams between issue 8 (decided amounts, procedure) and issue 9 (recipients): member events
re-decide the amount with its dated basis, a held payee is paid back once, an overdue green
channel blocks the roster, a self-care re-assessment changes the tekun amount, the month's
告知书 print in one PDF (service and CLI), a date of death on the person form stops payment."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from sqlalchemy import select
from test_roster_support import make_household, setup_policy

from reliefdesk.cli import main as cli_main
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.benefits import SelfCare
from reliefdesk.errors import PermissionDenied, RuleViolation
from reliefdesk.models import (
    Application,
    AuditEvent,
    Enrollment,
    Person,
    RecipientEvent,
    RosterAdjustment,
)
from reliefdesk.services import enrollments, roster
from reliefdesk.services import member_events as me
from reliefdesk.services.printing import notices as printing_notices
from reliefdesk.services.register import accounts as acc
from reliefdesk.services.register import people as register_people
from reliefdesk.services.register.types import PersonInput

CARD = make_card_number("622848", 19, "000087654321")


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", extract_text(io.BytesIO(pdf)))


def _line(view: roster.RosterView, enrollment_id: int) -> roster.LineView:
    return next(ln for ln in view.lines if ln.enrollment_id == enrollment_id)


def _other_member(db, h) -> Person:
    with db.session() as s:
        p = s.scalars(
            select(Person).where(
                Person.household_id == h["household_id"], Person.id != h["payee_id"]
            )
        ).first()
        s.expunge(p)
        return p


def _lock(db, actors, month: date) -> roster.RosterView:
    view = roster.generate(db, actors["clerk"], month)
    warnings = [p for p in roster.validate(db, actors["clerk"], view.id) if p.severity == "warning"]
    if warnings:
        roster.acknowledge(db, actors["reviewer"], view.id, warnings, note="已核实")
    return roster.lock(db, actors["approver"], view.id)


# ---------------------------------------------------------------- 3. dated basis of events


def test_member_death_keeps_old_basis_for_earlier_months(db, actors):
    """A death in March takes effect in April: regenerating March still pays 3 persons and
    600.00; April pays 2 persons and the amount re-decided by the formula (200.00), and the
    basis (persons, income, standard, policy) is recorded as a dated change."""
    setup_policy(db)  # rural standard 400.00
    h = make_household(db, persons=3, pci_fen=20000)  # (400 - 200) × 3 = 600.00
    member = _other_member(db, h)
    r = me.record_death(db, actors["reviewer"], member.id, date(2026, 3, 10))
    assert r.effective_month == date(2026, 4, 1)
    eid = h["enrollment_id"]
    assert r.changes == (f"在保记录 #{eid} 减发：600.00 元 → 200.00 元（2 人），自 2026-04 起",)
    march = _line(
        roster.generate(db, actors["clerk"], "2026-03", with_lines=True), h["enrollment_id"]
    )
    assert (march.persons, march.due_fen) == (3, 60000)
    april = _line(
        roster.generate(db, actors["clerk"], "2026-04", with_lines=True), h["enrollment_id"]
    )
    assert (april.persons, april.due_fen, april.change_flag) == (2, 20000, "调减")
    assert member.name in april.change_reason
    with db.session() as s:
        ev = s.scalar(select(RecipientEvent).where(RecipientEvent.kind == "reassess"))
        assert ev.effective_month == date(2026, 4, 1)
        assert (ev.detail["before"]["persons"], ev.detail["after"]["persons"]) == (3, 2)
        assert ev.detail["after"]["per_capita_income_fen"] == 30000
        assert ev.detail["after"]["standard_fen"] == 40000 and ev.detail["after"]["policy_name"]
        e = s.get(Enrollment, h["enrollment_id"])
        assert (e.persons, e.amount_fen, e.amount_source) == (2, 20000, "formula")


# ---------------------------------------------------------------- 4. payee held, paid back


def test_payee_death_held_months_paid_back_once(db, actors):
    """The payee dies in March: April and May are held (停发, rosters locked); a new payee set
    in late May resumes payment from June, and June's roster pays the two held months once as
    补发 (regenerating June does not double it; July pays the month only)."""
    setup_policy(db)
    make_household(db, persons=1, pci_fen=0)  # another household keeps each roster paying
    h = make_household(db, persons=2, pci_fen=10000)  # (400 - 100) × 2 = 600.00
    heir = _other_member(db, h)
    _lock(db, actors, date(2026, 3, 1))
    r = me.record_death(db, actors["reviewer"], h["payee_id"], date(2026, 3, 10))
    assert any("待指定新领取人" in line for line in r.changes)
    for month in (date(2026, 4, 1), date(2026, 5, 1)):
        view = roster.generate(db, actors["clerk"], month, with_lines=True)
        assert not [
            ln for ln in view.lines if ln.enrollment_id == h["enrollment_id"] and ln.paid_fen > 0
        ]
        _lock(db, actors, month)
    acc.set_account(
        db,
        actors["reviewer"],
        h["household_id"],
        heir.id,
        CARD,
        "农商银行",
        effective_month=date(2026, 6, 1),
        on_date=date(2026, 5, 25),
    )
    with db.session() as s:
        adjs = list(
            s.scalars(
                select(RosterAdjustment).where(RosterAdjustment.enrollment_id == h["enrollment_id"])
            )
        )
        assert sorted((a.for_month, a.amount_fen, a.apply_month) for a in adjs) == [
            (date(2026, 4, 1), 20000, date(2026, 6, 1)),
            (date(2026, 5, 1), 20000, date(2026, 6, 1)),
        ]
        payee_set = s.scalar(select(RecipientEvent).where(RecipientEvent.kind == "payee_set"))
        assert payee_set.effective_month == date(2026, 6, 1)
    for _ in range(2):  # regenerating the draft claims the same adjustments once
        june = _line(
            roster.generate(db, actors["clerk"], "2026-06", with_lines=True), h["enrollment_id"]
        )
        assert (june.due_fen, june.adjustment_fen, june.paid_fen) == (20000, 40000, 60000)
        assert june.payee_name == heir.name and "暂停期间" in june.adjustment_reason
    _lock(db, actors, date(2026, 6, 1))
    july = _line(
        roster.generate(db, actors["clerk"], "2026-07", with_lines=True), h["enrollment_id"]
    )
    assert (july.adjustment_fen, july.paid_fen) == (0, 20000)


# ---------------------------------------------------------------- 5. green channel overdue


def test_green_channel_overdue_blocks_the_roster(db, actors):
    """A dibao family admitted by the green channel whose deadline passed without the steps
    is an error on the roster (lock refused) saying what to do; once confirmed it is not."""
    from test_casework_support import family_of_three, walk

    from reliefdesk.services import casework

    hid, ids = family_of_three(db)
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "房屋失火", date(2025, 3, 3)
    )
    v = casework.perform(
        db,
        actors["approver"],
        app.id,
        "authorise_green",
        on_date=date(2025, 3, 3),
        opinion="火灾",
        participants="王科长",
        due_on=date(2025, 4, 15),
    )
    view = roster.generate(db, actors["clerk"], "2025-05")
    problems = [
        p
        for p in roster.validate(db, actors["clerk"], view.id)
        if p.code == "enrollment.green_overdue"
    ]
    assert len(problems) == 1 and problems[0].severity == "error"
    assert "2025-04-15" in problems[0].message_zh and "停发" in problems[0].message_zh
    assert problems[0].entity_kind == "enrollment" and problems[0].entity_id == v.enrollment_id
    with pytest.raises(RuleViolation):
        roster.lock(db, actors["approver"], view.id)
    walk(db, actors, v.id, "approved")
    view = roster.generate(db, actors["clerk"], "2025-05")
    assert not [
        p
        for p in roster.validate(db, actors["clerk"], view.id)
        if p.code == "enrollment.green_overdue"
    ]


# ---------------------------------------------------------------- 6. self-care re-assessment


def test_self_care_reassessment_changes_the_tekun_amount(db, actors):
    """A re-assessed care tier re-decides the tekun amount from the next month through the one
    amount function (a 减发 gives a printable 告知书); a clerk alone cannot change the
    payment; the month before keeps the old amount."""
    from reliefdesk.services.casework import SELF_CARE_ITEMS
    from reliefdesk.services.casework import followup as casework_followup

    setup_policy(db)  # basic = 400 × 1.3 = 520; care full 100 / partial 200 / none 400
    h = make_household(
        db, persons=1, pci_fen=0, programme="tekun", method="tekun", care_tier="none"
    )
    with db.session() as s:
        app_id = s.get(Enrollment, h["enrollment_id"]).application_id
        s.get(Application, app_id).decision = "approved"  # a confirmed tekun case
    able = dict.fromkeys(SELF_CARE_ITEMS, True)
    with pytest.raises(PermissionDenied):
        casework_followup.record_reassessment(
            db, actors["clerk"], app_id, able, on_date=date(2026, 4, 20)
        )
    tier, change = casework_followup.record_reassessment_full(
        db, actors["reviewer"], app_id, able, on_date=date(2026, 4, 20)
    )
    assert tier == "full" and change is not None and change.kind == "decrease"
    assert (change.old_fen, change.new_fen) == (92000, 62000)
    assert change.effective_month == date(2026, 5, 1)
    t = _text(printing_notices.change_notice_pdf(db, actors["clerk"], change.change_id).pdf)
    assert "减发告知书" in t and "920.00" in t and "620.00" in t and "生活自理能力" in t
    april = _line(
        roster.generate(db, actors["clerk"], "2026-04", with_lines=True), h["enrollment_id"]
    )
    may = _line(
        roster.generate(db, actors["clerk"], "2026-05", with_lines=True), h["enrollment_id"]
    )
    assert (april.due_fen, may.due_fen) == (92000, 62000)
    assert SelfCare.NONE.label_zh in april.category and SelfCare.FULL.label_zh in may.category


# ---------------------------------------------------------------- 1. the month's notices


def test_month_notices_in_one_pdf_service_and_cli(db, actors, tmp_path: Path, monkeypatch, capsys):
    """`forms changes --month M` prints every 减发/停发/终止 告知书 of the month's changes in one
    PDF (one line each, then the file line), audited per change; a month without any or a bad
    month is one line and a non-zero exit; the 变动名册 moved to `forms change-roster`."""
    setup_policy(db)
    a = make_household(db, persons=3, pci_fen=20000)
    b = make_household(db, persons=2, pci_fen=10000)
    rev = actors["reviewer"]
    enrollments.change_amount(
        db,
        rev,
        a["enrollment_id"],
        50000,
        "家庭收入增加",
        on_date=date(2026, 5, 5),
        effective_month=date(2026, 6, 1),
    )
    enrollments.suspend(
        db,
        rev,
        b["enrollment_id"],
        "外出务工失联",
        on_date=date(2026, 5, 6),
        effective_month=date(2026, 6, 1),
    )
    enrollments.change_amount(
        db,
        rev,
        a["enrollment_id"],
        55000,
        "复核",
        on_date=date(2026, 5, 7),
        effective_month=date(2026, 7, 1),
    )  # another month, 增发
    notices = printing_notices.month_notices(db, actors["clerk"], "2026-06")
    assert [n.kind for n in notices] == ["decrease", "suspend"]
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Test#Pass2026")
    out = tmp_path / "notices.pdf"
    capsys.readouterr()
    code = cli_main(
        [
            "--db",
            db.url,
            "--user",
            "clerk",
            "forms",
            "changes",
            "--month",
            "2026-06",
            "--out",
            str(out),
        ]
    )
    lines = capsys.readouterr().out.strip().splitlines()
    assert code == 0 and len(lines) == 3
    assert "减发告知书" in lines[0] and "停发告知书" in lines[1] and str(out) in lines[2]
    t = _text(out.read_bytes())
    assert "家庭收入增加" in t and "外出务工失联" in t and "行政复议" in t
    with db.session() as s:
        printed = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "print")))
        assert {p.detail["document"] for p in printed} == {"change_notices"}
        assert len(printed) == 2
    for month, msg in (("2026-07", "没有需要告知书"), ("2026-13", "格式不正确")):
        code = cli_main(
            [
                "--db",
                db.url,
                "--user",
                "clerk",
                "forms",
                "changes",
                "--month",
                month,
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        err = capsys.readouterr().err
        assert code != 0 and err.count("\n") == 1 and msg in err
    assert not (tmp_path / "x.pdf").exists()
    roster.generate(db, actors["clerk"], "2026-06")
    code = cli_main(
        [
            "--db",
            db.url,
            "--user",
            "clerk",
            "forms",
            "change-roster",
            "--month",
            "2026-06",
            "--out",
            str(tmp_path / "roster.pdf"),
        ]
    )
    assert code == 0 and "变动名册" in _text((tmp_path / "roster.pdf").read_bytes())


# ---------------------------------------------------------------- 8. date of death on the form


def test_date_of_death_goes_through_the_death_event_not_the_person_form(db, actors):
    """A date of death typed on the plain person form is refused (it would skip the payment
    effects); the 死亡 event records it and re-decides the enrollment from the next month."""
    setup_policy(db)
    h = make_household(db, persons=3, pci_fen=20000)
    member = _other_member(db, h)
    with db.session() as s:
        p = s.get(Person, member.id)
        data = PersonInput(
            name=p.name, id_number=p.id_number, relation=p.relation, deceased_on=date(2026, 3, 10)
        )
        version = p.version
    with pytest.raises(RuleViolation, match="成员变动—死亡"):
        register_people.update_person(db, actors["reviewer"], member.id, data, version)
    with db.session() as s:
        assert s.get(Person, member.id).deceased_on is None
    me.record_death(db, actors["reviewer"], member.id, date(2026, 3, 10))
    with db.session() as s:
        assert s.get(Person, member.id).deceased_on == date(2026, 3, 10)
        kinds = set(s.scalars(select(RecipientEvent.kind)))
        assert {"death", "reassess"} <= kinds
        assert s.get(Enrollment, h["enrollment_id"]).persons == 2


def test_member_death_while_held_and_later_restandard(db, actors):
    """A member dying while payment is held (payee dead) still re-decides the amount (no
    error); a 调标 after a re-decision shows the new standard from its month while earlier
    months keep theirs."""
    from test_roster_support import add_policy

    from reliefdesk.services.restandard import restandard

    setup_policy(db)
    h = make_household(db, persons=3, pci_fen=10000)  # (400 - 100) × 3 = 900.00
    with db.session() as s:
        others = [
            p.id
            for p in s.scalars(
                select(Person).where(
                    Person.household_id == h["household_id"], Person.id != h["payee_id"]
                )
            )
        ]
    me.record_death(db, actors["reviewer"], h["payee_id"], date(2026, 3, 10))  # held from 04
    r = me.record_death(db, actors["reviewer"], others[0], date(2026, 4, 10))  # while held
    assert any("减发" in line for line in r.changes)
    with db.session() as s:
        e = s.get(Enrollment, h["enrollment_id"])
        assert (e.status, e.persons, e.amount_fen) == ("suspended", 1, 10000)  # 300 → 1 × 100
    acc.set_account(
        db,
        actors["reviewer"],
        h["household_id"],
        others[1],
        CARD,
        "农商银行",
        effective_month=date(2026, 6, 1),
        on_date=date(2026, 5, 25),
    )
    add_policy(db, date(2026, 7, 1), rural_dibao_standard_fen=45000)
    result = restandard(db, actors["approver"], "2026-07")
    assert result.count("changed") == 1
    june = _line(
        roster.generate(db, actors["clerk"], "2026-06", with_lines=True), h["enrollment_id"]
    )
    july = _line(
        roster.generate(db, actors["clerk"], "2026-07", with_lines=True), h["enrollment_id"]
    )
    assert (june.persons, june.standard_fen, june.due_fen) == (1, 40000, 10000)
    assert (july.persons, july.standard_fen, july.due_fen) == (1, 45000, 15000)
    # no roster locked: payment resumes from May; April (2 persons: (400 - 150) × 2) is paid
    # back on the next roster generated
    assert june.adjustment_fen == 50000 and "2026-04" in june.adjustment_reason


def test_counting_a_covered_member_out_on_the_person_form_is_refused(db, actors):
    """Unticking 计入共同生活 (or setting 入狱/服役) for a member of a live enrollment on the
    plain person form would change the household without changing the benefit: it is refused
    and pointed to the member event; nothing is saved."""
    setup_policy(db)
    h = make_household(db, persons=3, pci_fen=20000)
    member = _other_member(db, h)
    with db.session() as s:
        p = s.get(Person, member.id)
        data = PersonInput(
            name=p.name,
            id_number=p.id_number,
            relation=p.relation,
            counted=False,
            exclusion_reason="prison",
        )
        version = p.version
    with pytest.raises(RuleViolation, match="成员变动"):
        register_people.update_person(db, actors["reviewer"], member.id, data, version)
    with db.session() as s:
        assert s.get(Person, member.id).counted is True


def test_held_months_during_phase_out_are_paid_back_at_the_phase_out_share(db, actors):
    """A household in 渐退 whose payee dies: the held months are paid back at what those
    months' rosters would have paid (the 渐退 share, as for an identical household whose new
    payee was named at once), and after the new payee the 渐退 schedule carries on."""
    setup_policy(db)
    held = make_household(db, persons=2, pci_fen=10000)
    twin = make_household(db, persons=2, pci_fen=10000)  # the same family, never held
    for h in (held, twin):
        enrollments.start_phase_out(
            db,
            actors["reviewer"],
            h["enrollment_id"],
            "就业后收入超过标准",
            on_date=date(2026, 1, 20),
            start_month=date(2026, 2, 1),
        )
    _lock(db, actors, date(2026, 2, 1))
    _lock(db, actors, date(2026, 3, 1))
    heirs = {id(h): _other_member(db, h) for h in (held, twin)}
    for h in (held, twin):
        me.record_death(db, actors["reviewer"], h["payee_id"], date(2026, 3, 10))
    acc.set_account(  # the twin's new payee at once: paid from April without a hold
        db,
        actors["reviewer"],
        twin["household_id"],
        heirs[id(twin)].id,
        CARD,
        "农商银行",
        effective_month=date(2026, 4, 1),
        on_date=date(2026, 3, 25),
    )
    twin_paid = {}
    for month in (date(2026, 4, 1), date(2026, 5, 1)):
        view = roster.generate(db, actors["clerk"], month, with_lines=True)
        twin_line = _line(view, twin["enrollment_id"])
        assert "渐退" in twin_line.category  # the resumed household is still in 渐退
        twin_paid[month] = twin_line.due_fen
        assert not [
            ln for ln in view.lines if ln.enrollment_id == held["enrollment_id"] and ln.paid_fen
        ]
        _lock(db, actors, month)
    acc.set_account(
        db,
        actors["reviewer"],
        held["household_id"],
        heirs[id(held)].id,
        make_card_number("622848", 19, "000012345678"),
        "农商银行",
        effective_month=date(2026, 6, 1),
        on_date=date(2026, 5, 25),
    )
    with db.session() as s:
        back = {
            a.for_month: a.amount_fen
            for a in s.scalars(
                select(RosterAdjustment).where(
                    RosterAdjustment.enrollment_id == held["enrollment_id"]
                )
            )
        }
    assert back == twin_paid and twin_paid[date(2026, 4, 1)] > 0
    june = roster.generate(db, actors["clerk"], "2026-06", with_lines=True)
    held_june = _line(june, held["enrollment_id"])
    assert "渐退" in held_june.category
    assert held_june.due_fen == _line(june, twin["enrollment_id"]).due_fen
