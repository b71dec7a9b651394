"""Roster amounts against hand-computed cases: gap, floor, tiers, single person, 分类施保,
tekun care tiers, decided amounts, 渐退, start/stop, and a retroactive standard raise."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roster_support import add_change, add_policy, make_household, setup_policy

from reliefdesk.services import roster


def _line(view: roster.RosterView, enrollment_id: int) -> roster.LineView:
    return next(ln for ln in view.lines if ln.enrollment_id == enrollment_id)


def test_gap_floor_tier_single_and_topups(db, actors):
    """Each dibao method pays the hand-computed amount under the standard of the month."""
    setup_policy(db)
    gap = make_household(db, persons=3, pci_fen=20000)  # (400−200)×3
    floor = make_household(db, persons=2, pci_fen=39000)  # 400×20%×2
    urban = make_household(db, persons=2, pci_fen=10000, programme="urban_dibao")  # (600−100)×2
    tier = make_household(db, persons=2, pci_fen=15000, method="tier")  # 二档 400×70%×2
    single = make_household(db, persons=1, pci_fen=35000, method="single")  # 400×70%
    top = make_household(
        db, persons=2, pci_fen=20000, topups=["severe_disability", "elderly"]
    )  # 400 + 40 + 20
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    expect = {
        gap["enrollment_id"]: 60000,
        floor["enrollment_id"]: 16000,
        urban["enrollment_id"]: 100000,
        tier["enrollment_id"]: 56000,
        single["enrollment_id"]: 28000,
        top["enrollment_id"]: 46000,
    }
    assert {eid: _line(view, eid).due_fen for eid in expect} == expect
    assert _line(view, tier["enrollment_id"]).category == "农村低保·二档"
    assert _line(view, urban["enrollment_id"]).standard_fen == 60000
    assert _line(view, gap["enrollment_id"]).per_capita_income_fen == 20000
    assert view.amount_fen == sum(expect.values())
    assert all(ln.change_flag == "新增" for ln in view.lines)


def test_tekun_basic_plus_care_tier(db, actors):
    """特困 = 1.3 × dibao standard + the care standard of the person's tier."""
    setup_policy(db)
    tiers = {
        t: make_household(db, persons=1, programme="tekun", method="tekun", care_tier=t, pci_fen=0)
        for t in ("full", "partial", "none")
    }
    view = roster.generate(db, actors["clerk"], "2026-01", "tekun", with_lines=True)
    got = {t: _line(view, h["enrollment_id"]).due_fen for t, h in tiers.items()}
    assert got == {"full": 62000, "partial": 72000, "none": 92000}
    assert _line(view, tiers["none"]["enrollment_id"]).standard_fen == 52000
    assert view.programme == "tekun" and view.households == 3


def test_phase_out_schedule_then_stop(db, actors):
    """渐退 pays 100/100/80/80/60/60% of the old amount by month, then the household stops."""
    setup_policy(db)
    h = make_household(db, persons=3, pci_fen=20000, amount_fen=60000)
    add_change(
        db,
        h["enrollment_id"],
        "phase_out",
        date(2026, 3, 1),
        old=60000,
        new=60000,
        reason="就业后收入超过标准",
        status="phase_out",
        phase_out_start=date(2026, 3, 1),
        end_month=date(2026, 8, 1),
    )
    dues, flags = [], []
    for m in range(2, 10):
        v = roster.generate(db, actors["clerk"], f"2026-{m:02d}", with_lines=True)
        ln = _line(v, h["enrollment_id"])
        dues.append(ln.due_fen)
        flags.append(ln.change_flag)
        if m == 5:
            assert "渐退" in ln.change_reason and "80%" in ln.change_reason
    assert dues == [60000, 60000, 60000, 48000, 48000, 36000, 36000, 0]
    assert flags == ["新增", "不变", "不变", "调减", "不变", "调减", "不变", "停发"]
    last = roster.get_roster(db, actors["clerk"], v.id)
    assert last.households == 0 and last.amount_fen == 0


def test_start_termination_death_and_decided_amount(db, actors):
    """Pays from start_month; 终止 stops from its month with a 停发 line; a household whose
    members all died is not paid; an 增发 decision fixes the amount under the same standard."""
    setup_policy(db)
    later = make_household(db, start=date(2026, 2, 1))
    ended = make_household(db)
    dead = make_household(db, persons=1)
    raised = make_household(db, persons=3, pci_fen=20000)
    jan = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    assert later["enrollment_id"] not in {ln.enrollment_id for ln in jan.lines}
    add_change(
        db,
        ended["enrollment_id"],
        "terminate",
        date(2026, 2, 1),
        old=60000,
        reason="户籍迁出本地",
        status="terminated",
        end_month=date(2026, 1, 1),
    )
    add_change(
        db,
        raised["enrollment_id"],
        "increase",
        date(2026, 2, 1),
        old=60000,
        new=70000,
        reason="新增重病成员",
    )
    from reliefdesk.models import Person

    with db.session() as s:
        person = s.get(Person, dead["payee_id"])
        person.deceased_on = date(2026, 1, 20)
    feb = roster.generate(db, actors["clerk"], "2026-02", with_lines=True)
    assert _line(feb, later["enrollment_id"]).change_flag == "新增"
    stop = _line(feb, ended["enrollment_id"])
    assert (stop.change_flag, stop.paid_fen) == ("停发", 0) and "户籍迁出本地" in stop.change_reason
    assert _line(feb, dead["enrollment_id"]).change_flag == "停发"
    up = _line(feb, raised["enrollment_id"])
    assert (up.due_fen, up.change_flag) == (70000, "调增") and "新增重病成员" in up.change_reason
    assert feb.households == 2 and feb.amount_fen == 60000 + 70000


def test_retroactive_standard_raise_back_pay(db, actors):
    """A standard raised from February after Feb and Mar were locked: the 调标 run records
    the new amount from February and back pay for the difference once, paid in April."""
    from reliefdesk.services.restandard import restandard

    setup_policy(db)
    h = make_household(db, persons=3, pci_fen=20000)
    for m in ("2026-01", "2026-02", "2026-03"):
        v = roster.generate(db, actors["clerk"], m, with_lines=True)
        roster.lock(db, actors["approver"], v.id)
    add_policy(db, date(2026, 2, 1), rural_dibao_standard_fen=45000)
    assert roster.record_back_pay(db, actors["clerk"], "2026-01", "2026-03") == []
    run = restandard(db, actors["approver"], "2026-02")
    assert run.count("changed") == 1 and run.back_pay_fen == 30000
    adjs = roster.list_adjustments(db, actors["clerk"], enrollment_id=h["enrollment_id"])
    assert sorted((a.for_month, a.amount_fen) for a in adjs) == [
        (date(2026, 2, 1), 15000),
        (date(2026, 3, 1), 15000),
    ]
    assert all(a.apply_month == date(2026, 4, 1) for a in adjs)
    assert roster.record_back_pay(db, actors["clerk"], "2026-01", "2026-03") == []
    apr = roster.generate(db, actors["clerk"], "2026-04", with_lines=True)
    ln = _line(apr, h["enrollment_id"])
    assert (ln.due_fen, ln.adjustment_fen, ln.paid_fen) == (75000, 30000, 105000)
    assert ln.change_flag == "调增" and "调标" in ln.change_reason
    assert "补发" in ln.adjustment_reason
    with db.session() as s:
        assert roster.verify_locked_rosters(s) == []


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 6), st.integers(0, 45000), st.sampled_from(["gap", "tier", "single"])
        ),
        min_size=1,
        max_size=6,
    )
)
def test_totals_equal_sum_of_lines(sqlite_db, households):
    """Whatever the households, the roster totals equal the sums over its paying lines."""
    from sqlalchemy import select

    from reliefdesk.models import PolicyVersion, User
    from reliefdesk.services.context import Actor

    with sqlite_db.session() as s:
        has_policy = (
            s.scalar(select(PolicyVersion).where(PolicyVersion.effective_from == date(2025, 1, 1)))
            is not None
        )
        u = s.scalars(select(User).where(User.username == "clerk")).one()
        clerk = Actor(u.id, u.username, u.display_name, u.role)
    if not has_policy:
        setup_policy(sqlite_db)
    for persons, pci, method in households:
        make_household(sqlite_db, persons=persons, pci_fen=pci, method=method)
    view = roster.generate(sqlite_db, clerk, "2026-01", with_lines=True)
    paying = [ln for ln in view.lines if ln.paid_fen > 0]
    assert view.amount_fen == sum(ln.paid_fen for ln in paying)
    assert view.households == len(paying)
    assert view.persons == sum(ln.persons for ln in paying)
    assert all(ln.paid_fen == ln.due_fen + ln.adjustment_fen for ln in view.lines)
