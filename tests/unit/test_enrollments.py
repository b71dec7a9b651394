"""Enrollment changes: 增发/减发/停发/恢复, 渐退, 定期核查, 终止 — each an audited change row."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from test_casework_support import family_of_three, make_household, walk

from reliefdesk.errors import PermissionDenied, RuleViolation, StaleDataError, ValidationError
from reliefdesk.models import AuditEvent
from reliefdesk.services import casework
from reliefdesk.services import enrollments as en

D0 = date(2025, 3, 3)
ON = date(2025, 6, 10)


def _enrolled(db, actors, programme="rural_dibao", hh=None, **kw):
    hid, ids = hh or family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], programme, "困难", D0, **kw)
    v = walk(db, actors, app.id, "approved")
    return en.get_enrollment(db, actors["clerk"], v.enrollment_id), ids


def test_increase_and_decrease_effective_next_month(db, actors):
    """增发/减发 take effect from the next month by default and keep old/new amounts and reason."""
    e, _ = _enrolled(db, actors)
    r = actors["reviewer"]
    e2 = en.change_amount(db, r, e.id, 80000, "新增重病成员", on_date=ON)
    e3 = en.change_amount(
        db,
        r,
        e.id,
        50000,
        "务工收入增加",
        on_date=ON,
        effective_month=date(2025, 8, 15),
        expected_version=e2.version,
    )
    assert e3.amount_fen == 50000
    assert [
        (c.kind, c.kind_label, c.effective_month, c.old_fen, c.new_fen, c.role) for c in e3.changes
    ] == [
        ("increase", "增发", date(2025, 7, 1), 72300, 80000, "reviewer"),
        ("decrease", "减发", date(2025, 8, 1), 80000, 50000, "reviewer"),
    ]
    with db.session() as s:
        assert {"enrollment.increase", "enrollment.decrease"} <= set(
            s.scalars(select(AuditEvent.action))
        )


def test_change_rules(db, actors):
    """Reason required, clerk refused, month before start refused, stale version refused."""
    e, _ = _enrolled(db, actors)
    with pytest.raises(ValidationError) as exc:
        en.change_amount(db, actors["reviewer"], e.id, 1000, " ", on_date=ON)
    assert exc.value.field == "reason"
    with pytest.raises(PermissionDenied):
        en.change_amount(db, actors["clerk"], e.id, 1000, "x", on_date=ON)
    with pytest.raises(ValidationError) as exc:
        en.change_amount(
            db, actors["reviewer"], e.id, 1000, "x", on_date=ON, effective_month=date(2025, 3, 1)
        )
    assert exc.value.field == "effective_month"
    with pytest.raises(ValidationError):
        en.change_amount(db, actors["reviewer"], e.id, 0, "x", on_date=ON)
    en.change_amount(db, actors["reviewer"], e.id, 1000, "x", on_date=ON)
    with pytest.raises(StaleDataError):
        en.change_amount(
            db, actors["reviewer"], e.id, 2000, "x", on_date=ON, expected_version=e.version
        )


def test_suspend_and_resume(db, actors):
    """停发 sets status suspended with amount 0 recorded; 恢复 restores (optionally a new amount)."""
    e, _ = _enrolled(db, actors)
    s = en.suspend(db, actors["reviewer"], e.id, "外出务工失联，暂停核实", on_date=ON)
    assert s.status == "suspended" and s.changes[-1].new_fen == 0
    with pytest.raises(RuleViolation):
        en.change_amount(db, actors["reviewer"], e.id, 1000, "x", on_date=ON)
    r = en.resume(db, actors["reviewer"], e.id, "已核实", on_date=date(2025, 7, 2), new_fen=70000)
    assert r.status == "active" and r.amount_fen == 70000
    assert r.changes[-1].kind == "resume" and r.changes[-1].effective_month == date(2025, 8, 1)


def test_phase_out_schedule(db, actors):
    """渐退: dibao only, the policy's 6-month schedule sets the last paid month."""
    e, _ = _enrolled(db, actors)
    p = en.start_phase_out(db, actors["reviewer"], e.id, "就业后收入超过标准", on_date=ON)
    assert p.status == "phase_out" and p.phase_out_start == date(2025, 7, 1)
    assert p.end_month == date(2025, 12, 1)
    with pytest.raises(RuleViolation):
        en.start_phase_out(db, actors["reviewer"], e.id, "again", on_date=ON)


def test_phase_out_not_for_tekun(db, actors):
    """Tekun has no 渐退期."""
    hh = make_household(db, [{"name": "孤老", "birth": date(1950, 5, 5)}])
    e, _ = _enrolled(
        db, actors, "tekun", hh=hh, self_care=dict.fromkeys(casework.SELF_CARE_ITEMS, True)
    )
    with pytest.raises(RuleViolation):
        en.start_phase_out(db, actors["reviewer"], e.id, "x", on_date=ON)


def test_terminate_tekun_grounds_and_release(db, actors):
    """Tekun termination needs a §3.7 ground and the approver; members are released so the person
    may apply again."""
    hh = make_household(db, [{"name": "孤老", "birth": date(1950, 5, 5)}])
    e, ids = _enrolled(
        db, actors, "tekun", hh=hh, self_care=dict.fromkeys(casework.SELF_CARE_ITEMS, True)
    )
    with pytest.raises(PermissionDenied):
        en.terminate(db, actors["reviewer"], e.id, "death", on_date=ON)
    with pytest.raises(ValidationError) as exc:
        en.terminate(db, actors["approver"], e.id, "moved", on_date=ON)
    assert exc.value.field == "grounds"
    with pytest.raises(RuleViolation):  # other grounds: the 7-day publicity first (§3.7)
        en.terminate(db, actors["approver"], e.id, "voluntary", "本人要求退出", on_date=ON)
    t = en.terminate(db, actors["approver"], e.id, "death", "本人去世", on_date=ON)
    assert t.status == "terminated" and t.active_member_ids == () and t.member_ids == (ids[0],)
    assert t.end_month == date(2025, 6, 1) and t.terminated_reason.startswith("死亡")
    assert t.next_recheck is None
    with pytest.raises(RuleViolation):
        en.terminate(db, actors["approver"], e.id, "death", on_date=ON)
    casework.create_application(
        db, actors["clerk"], hh[0], ids[0], "tekun", "再次申请", date(2025, 7, 1)
    )


def test_terminate_dibao(db, actors):
    """Dibao termination uses the dibao grounds and ends payment the month before effect."""
    e, _ = _enrolled(db, actors)
    t = en.terminate(
        db, actors["approver"], e.id, "moved", on_date=ON, effective_month=date(2025, 9, 1)
    )
    assert t.end_month == date(2025, 8, 1) and t.changes[-1].kind == "terminate"
    assert en.list_enrollments(db, actors["clerk"], status="terminated")[0].id == e.id


def test_rechecks_due_and_record(db, actors):
    """Re-checks: first due a year after start; an unstable household is next due in 6 months."""
    e, _ = _enrolled(db, actors)
    assert e.next_recheck == date(2026, 4, 1)
    assert en.rechecks_due(db, actors["clerk"], date(2026, 3, 1)) == []
    due = en.rechecks_due(db, actors["clerk"], date(2026, 4, 1))
    assert [d.enrollment_id for d in due] == [e.id]
    r = en.record_recheck(
        db,
        actors["reviewer"],
        e.id,
        on_date=date(2026, 4, 8),
        stability="unstable",
        note="收入不稳定",
    )
    assert r.next_recheck == date(2026, 10, 1) and r.recheck_months == 6
    assert r.amount_fen == e.amount_fen
    assert en.rechecks_due(db, actors["clerk"], date(2026, 4, 1)) == []
    with pytest.raises(ValidationError):
        en.record_recheck(
            db, actors["reviewer"], e.id, on_date=date(2026, 4, 8), stability="sometimes"
        )
    wb = casework.workbench(db, actors["clerk"], date(2026, 10, 20))
    assert [x.enrollment_id for x in wb.rechecks_due] == [e.id]


def test_unstable_at_confirmation(db, actors):
    """Confirming with stability='unstable' schedules the first re-check after six months."""
    hid, ids = family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    walk(db, actors, app.id, "awaiting_confirmation")
    v = casework.perform(
        db,
        actors["approver"],
        app.id,
        "confirm",
        on_date=date(2025, 3, 18),
        decision="approve",
        stability="unstable",
    )
    e = en.get_enrollment(db, actors["clerk"], v.enrollment_id)
    assert e.next_recheck == date(2025, 10, 1) and e.recheck_months == 6
