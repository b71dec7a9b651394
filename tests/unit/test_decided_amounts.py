"""What is decided is what is paid (issue 8, points 1–4): one income rule with transfers out
subtracted, rounding once, the decided (also manual) amount paid by the roster, amounts
changed only by recorded events (增发/减发, 调标 run), never by an unrelated policy edit."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from sqlalchemy import select
from test_casework_support import TWO, make_household
from test_roster_support import add_policy, setup_policy
from test_roster_support import make_household as roster_household

from reliefdesk.cli import main
from reliefdesk.db.defaults import default_policy
from reliefdesk.domain import benefits as b
from reliefdesk.models import Application, Enrollment, EnrollmentChange, IncomeItem
from reliefdesk.services import casework, enrollments, intake, register, roster, visits
from reliefdesk.services.assessment import assess
from reliefdesk.services.printing.cases import decision_letter_data
from reliefdesk.services.restandard import restandard

D0 = date(2025, 3, 3)
ADULTS = [{"birth": date(1985, 1, 1)}, {"birth": date(1986, 1, 1)}, {"birth": date(2000, 1, 1)}]


def _family(db, income_fen: int, transfer_out_fen: int = 0) -> tuple[int, list[int]]:
    hid, ids = make_household(db, ADULTS, incomes=[(0, income_fen)])
    if transfer_out_fen:
        with db.session() as s:
            s.add(
                IncomeItem(
                    household_id=hid,
                    person_id=ids[1],
                    category="transfer_out",
                    monthly_fen=transfer_out_fen,
                    description="给付父母赡养费",
                )
            )
    return hid, ids


def _line(view: roster.RosterView, enrollment_id: int) -> roster.LineView:
    return next(ln for ln in view.lines if ln.enrollment_id == enrollment_id)


# ----------------------------------------------------------------------------- 1. income


def test_transfer_out_is_subtracted_in_assessment_register_and_wizard(db, actors):
    """3 persons, 600 元 income, 300 元 support paid out, standard 441: every path sees a
    per-capita income of 100.00 and the assessment proposes 1023.00 (was 423.00)."""
    hid, ids = _family(db, 60000, 30000)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    with db.session() as s:
        a = assess(s, s.get(Application, app.id))
    assert (a.per_capita_income_fen, a.amount_fen) == (10000, 102300)
    assert a.income_fen == 30000
    summary = register.household_income_summary(db, actors["clerk"], hid)
    assert (summary.total_counted_fen, summary.per_capita_fen) == (30000, 10000)
    hid2, ids2 = make_household(db, ADULTS)  # the wizard enters the same income lines
    data = intake.Intake(
        household_id=hid2,
        new_household=None,
        new_members=(),
        applicant=intake.MemberRef(person_id=ids2[0]),
        income=(
            intake.IncomeLine(intake.MemberRef(person_id=ids2[0]), "wage", 60000),
            intake.IncomeLine(intake.MemberRef(person_id=ids2[1]), "transfer_out", 30000),
        ),
        assets=(),
        programme="rural_dibao",
        reason="困难",
        accepted_on=D0,
    )
    preview = intake.preview_intake(db, actors["clerk"], data)
    assert (preview.per_capita_income_fen, preview.amount_fen) == (10000, 102300)


def test_net_income_never_below_zero():
    """Transfers out larger than the income give a net income of 0, not a negative one."""
    assert b.net_monthly_income([("wage", 10000), ("transfer_out", 30000)]) == 0
    assert b.net_monthly_income([("wage", 60000), ("transfer_out", 30000)]) == 30000


# ----------------------------------------------------------------------------- 4. rounding


def test_per_capita_income_is_not_rounded_before_the_gap(db, actors):
    """1000 元 for 3 persons, standard 441: (441 − 333.33…) × 3 = 323.00, not 323.01."""
    hid, ids = _family(db, 100000)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    with db.session() as s:
        a = assess(s, s.get(Application, app.id))
    assert a.amount_fen == 32300 and a.per_capita_income_fen == 33333
    assert b.dibao_gap(44100, b.per_capita_exact(100000, 3), 3).fen == 32300


def test_tekun_basic_living_is_rounded_up_to_the_fen():
    """不低于 1.3 倍: 1.3 × 441.17 = 573.521 → 573.53 (half-up gave 573.52)."""
    assert b.tekun_basic_fen(44117, Fraction(13, 10)) == 57353
    assert b.tekun_basic_fen(44100, Fraction(13, 10)) == 57330
    care = {b.SelfCare.FULL: 0}
    assert b.tekun(44117, Fraction(13, 10), care, b.SelfCare.FULL).fen == 57353


# ----------------------------------------------------------------------------- 2. decided


def _to_prelim(db, actors, app_id: int, hid: int, amount_fen: int | None) -> None:
    clerk = actors["clerk"]
    casework.perform(db, clerk, app_id, "start_investigation", on_date=date(2025, 3, 4))
    casework.perform(db, clerk, app_id, "request_info_check", on_date=date(2025, 3, 4))
    visits.save_visit(
        db,
        clerk,
        visits.VisitInput(
            household_id=hid,
            application_id=app_id,
            visit_date=date(2025, 3, 5),
            investigators=TWO,
            opinion="情况属实",
        ),
    )
    casework.perform(
        db, clerk, app_id, "record_info_check", on_date=date(2025, 3, 6), opinion="核对无异常"
    )
    extra = {} if amount_fen is None else {"amount_fen": amount_fen}
    casework.perform(
        db,
        actors["reviewer"],
        app_id,
        "submit_prelim",
        on_date=date(2025, 3, 7),
        opinion="建议纳入",
        **extra,
    )
    casework.perform(db, clerk, app_id, "start_publicity", on_date=date(2025, 3, 10))
    casework.perform(db, clerk, app_id, "finish_publicity", on_date=date(2025, 3, 17))


def test_manual_prelim_amount_is_stored_printed_and_paid(db, actors):
    """A manual 初审 amount (500.00 instead of the formula's 723.00) is the decided amount:
    stored with its basis at confirmation, printed on the 确认通知书 and paid by the roster."""
    hid, ids = _family(db, 60000)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    _to_prelim(db, actors, app.id, hid, 50000)
    view = casework.perform(
        db,
        actors["approver"],
        app.id,
        "confirm",
        on_date=date(2025, 3, 18),
        decision="approve",
        opinion="同意",
    )
    with db.session() as s:
        assert decision_letter_data(s, s.get(Application, app.id)).amount_fen == 50000
    apr = roster.generate(db, actors["clerk"], "2025-04", with_lines=True)
    line = _line(apr, view.enrollment_id)
    assert (line.due_fen, line.paid_fen, line.standard_fen) == (50000, 50000, 44100)
    assert "初审人工核定" in line.working["lines"][0][1]
    enr = enrollments.get_enrollment(db, actors["clerk"], view.enrollment_id)
    assert (
        enr.amount_fen,
        enr.amount_source,
        enr.standard_fen,
        enr.income_fen,
        enr.per_capita_income_fen,
        enr.persons,
    ) == (50000, "manual", 44100, 60000, 20000, 3)
    assert enr.policy_name


def test_formula_amount_confirmed_is_marked_formula(db, actors):
    """Without a manual amount the decided amount is the formula's (723.00), source formula."""
    hid, ids = _family(db, 60000)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    _to_prelim(db, actors, app.id, hid, None)
    view = casework.perform(
        db,
        actors["approver"],
        app.id,
        "confirm",
        on_date=date(2025, 3, 18),
        decision="approve",
        opinion="同意",
    )
    enr = enrollments.get_enrollment(db, actors["clerk"], view.enrollment_id)
    assert (enr.amount_fen, enr.amount_source) == (72300, "formula")


# ----------------------------------------------------------------------------- 3. events


def _save_policy(db, effective: date, **changes) -> None:
    from test_roster_support import round_policy

    from reliefdesk.services import policy
    from reliefdesk.services.context import SYSTEM

    with db.session() as s:
        policy.save_policy(s, SYSTEM, effective, f"政策{effective:%Y%m}", round_policy(**changes))


def test_decrease_survives_an_unrelated_policy_edit(db, actors):
    """减发 to 600.00 for refusing work keeps being paid after the temporary-aid cap changes
    (the old roster went back to the formula as soon as any policy version was added)."""
    setup_policy(db)
    h = roster_household(db, persons=3, pci_fen=10000)  # formula (400 − 100) × 3 = 900.00
    enrollments.change_amount(
        db,
        actors["approver"],
        h["enrollment_id"],
        60000,
        "无正当理由三次拒绝介绍的工作",
        on_date=date(2026, 1, 15),
        effective_month=date(2026, 2, 1),
    )
    _save_policy(db, date(2026, 3, 1), temp_aid_township_limit_fen=300000)
    for month, due in (
        ("2026-01", 90000),
        ("2026-02", 60000),
        ("2026-03", 60000),
        ("2026-04", 60000),
    ):
        view = roster.generate(db, actors["clerk"], month, with_lines=True)
        assert _line(view, h["enrollment_id"]).due_fen == due, month
    run = restandard(db, actors["admin"], "2026-03", dry_run=True)
    assert run.count("changed") == 0 and run.count("review") == 0


def test_new_standard_changes_nothing_until_the_restandard_run(db, actors):
    """A raised standard alone pays the old decided amount; the 调标 run records the new one
    (a 调标 change with the reason on the roster line), flags the manual and adjusted amounts
    for review without touching them, and a dry run writes nothing."""
    setup_policy(db)
    formula = roster_household(db, persons=3, pci_fen=20000)  # 600.00
    manual = roster_household(db, persons=2, amount_fen=52000, amount_source="manual")
    adjusted = roster_household(db, persons=1, pci_fen=0)  # 400.00 → 增发 480.00
    enrollments.change_amount(
        db,
        actors["approver"],
        adjusted["enrollment_id"],
        48000,
        "新增重病成员",
        on_date=date(2026, 1, 5),
        effective_month=date(2026, 2, 1),
    )
    add_policy(db, date(2026, 3, 1), rural_dibao_standard_fen=45000)
    mar = roster.generate(db, actors["clerk"], "2026-03", with_lines=True)
    assert _line(mar, formula["enrollment_id"]).due_fen == 60000
    dry = restandard(db, actors["admin"], "2026-03", dry_run=True)
    assert (dry.count("changed"), dry.count("review")) == (1, 2)
    with db.session() as s:
        assert (
            s.scalars(select(EnrollmentChange).where(EnrollmentChange.kind == "restandard")).all()
            == []
        )
    run = restandard(db, actors["admin"], "2026-03")
    changed = {i.enrollment_id: i for i in run.items}
    assert (
        changed[formula["enrollment_id"]].outcome,
        changed[formula["enrollment_id"]].new_fen,
    ) == ("changed", 75000)
    assert changed[manual["enrollment_id"]].outcome == "review"
    assert changed[adjusted["enrollment_id"]].outcome == "review"
    with db.session() as s:
        e = s.get(Enrollment, manual["enrollment_id"])
        assert e.amount_fen == 52000 and "请复核" in (e.amount_review or "")
        assert s.get(Enrollment, formula["enrollment_id"]).standard_fen == 45000
    mar = roster.generate(db, actors["clerk"], "2026-03", with_lines=True)
    assert _line(mar, manual["enrollment_id"]).due_fen == 52000
    flagged = {
        p.line_no
        for p in roster.validate(db, actors["clerk"], mar.id)
        if p.code == "amount.review" and p.severity == "warning"
    }
    assert flagged == {
        _line(mar, manual["enrollment_id"]).line_no,
        _line(mar, adjusted["enrollment_id"]).line_no,
    }
    assert _line(mar, adjusted["enrollment_id"]).due_fen == 48000
    feb = roster.generate(db, actors["clerk"], "2026-02", with_lines=True)
    assert _line(feb, formula["enrollment_id"]).due_fen == 60000
    pending = [p for p in roster.validate(db, actors["clerk"], feb.id) if p.severity == "warning"]
    assert {p.code for p in pending} == {"amount.review"}
    roster.acknowledge(db, actors["reviewer"], feb.id, pending, note="复核中，本月按原金额")
    roster.lock(db, actors["approver"], feb.id)
    mar = roster.generate(db, actors["clerk"], "2026-03", with_lines=True)
    up = _line(mar, formula["enrollment_id"])
    assert (up.due_fen, up.change_flag) == (75000, "调增") and "调标" in up.change_reason
    assert restandard(db, actors["admin"], "2026-03").count("changed") == 0  # idempotent


def test_cli_restandard_one_line_per_result(db, actors, monkeypatch, capsys):
    """policy restandard --dry-run prints one line per changed or flagged enrollment and a
    summary; a clerk may not run it (exit 3, one line)."""
    setup_policy(db)
    roster_household(db, persons=3, pci_fen=20000)
    roster_household(db, persons=2, amount_fen=52000, amount_source="manual")
    add_policy(db, date(2026, 3, 1), rural_dibao_standard_fen=45000)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Test#Pass2026")
    base = ["--db", db.url]
    assert (
        main([*base, "--user", "admin", "policy", "restandard", "--from", "2026-03", "--dry-run"])
        == 0
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 3 and "600.00 → 750.00 元 调整" in out[0] and "待复核" in out[1]
    assert "试算" in out[2] and "调整 1 户，待复核 1 户" in out[2]
    assert main([*base, "--user", "clerk", "policy", "restandard", "--from", "2026-03"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("错误")


def test_standards_changed_ignores_unrelated_settings():
    """Only settings an amount rests on call for a 调标 run (not the temporary-aid cap)."""
    from reliefdesk.services.policy import Policy
    from reliefdesk.services.restandard import standards_changed

    old = Policy(1, date(2025, 1, 1), "旧", default_policy())
    cap = Policy(2, date(2026, 1, 1), "新", {**default_policy(), "temp_aid_township_limit_fen": 1})
    raised = Policy(
        3, date(2026, 1, 1), "新", {**default_policy(), "rural_dibao_standard_fen": 47000}
    )
    assert not standards_changed(old, cap) and standards_changed(old, raised)
