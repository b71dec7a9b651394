"""A clerk's whole month through the real widgets (issue 9): a new household through the
wizard and the legal steps with distinct users, its account through the account dialog; on
enrolled households a death, an 增发 and a new card; the roster generated, a problem fixed
from the roster by double-click, validated, locked, exported; the bank return with one
failure; the next month pays the 补发 and shows every change with its reason."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

import tests.gui.test_journey as journey
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.months import add_months, month_start
from reliefdesk.models import BankAccount, Enrollment, Person
from reliefdesk.services import casework, roster
from reliefdesk.services import settings as settings_service
from reliefdesk.services.context import SYSTEM
from reliefdesk.ui.enrollments.page import EnrollmentsPage
from reliefdesk.ui.rosters.page import RostersPage
from reliefdesk.ui.widgets.account_dialog import AccountDialog
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    Session,
    cell_center,
    login,
    office,
    open_window,
    type_cell,
    type_text,
    wait_idle,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_roster_support import make_household, setup_policy

CLICK = Qt.MouseButton.LeftButton
THIS = month_start(date.today())
PREV = add_months(THIS, -1)
NEXT = add_months(THIS, 1)


def _qmonth(d: date) -> QDate:
    return QDate(d.year, d.month, 1)


def _legal_steps(
    qtbot,
    office: Office,
    settings,  # type: ignore[no-untyped-def]
    app_id: int,
    t0: date,
    s: Session,
) -> None:
    """Investigation and visit (clerk), 初审 and 公示 (reviewer), 确认 (approver)."""
    db = office.db
    journey._act(qtbot, s, "start_investigation", t0)
    journey._act(qtbot, s, "request_info_check", t0)
    journey._act(qtbot, s, "record_info_check", t0 + timedelta(days=1), "核对无车辆")
    detail = s.applications.detail
    qtbot.waitUntil(detail.visit_button.isVisible)
    qtbot.mouseClick(detail.visit_button, CLICK)
    editor = s.visits.editor
    wait_idle(qtbot)
    editor.date_edit.setDate(QDate(*(t0 + timedelta(days=2)).timetuple()[:3]))
    type_cell(qtbot, editor.investigators, 0, 0, "刘晓燕")
    type_cell(qtbot, editor.investigators, 0, 1, "乡民政所")
    type_cell(qtbot, editor.investigators, 1, 0, "马红梅")
    type_cell(qtbot, editor.investigators, 1, 1, "村委会")
    type_text(qtbot, editor.opinion_edit, "家庭困难情况属实")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        qtbot.mouseClick(editor.save_button, CLICK)
    wait_idle(qtbot)
    reviewer = login(qtbot, db, "reviewer")
    r = open_window(qtbot, db, reviewer, settings)
    r.ctx.applicationRequested.emit(app_id)
    qtbot.waitUntil(
        lambda: r.applications.detail.view is not None and r.applications.detail.view.id == app_id
    )
    journey._act(qtbot, r, "submit_prelim", t0 + timedelta(days=3), "符合条件，建议纳入")
    # the 公示 was posted in the past: this office allows recording it up to 30 days later
    with office.db.session() as sess:
        settings_service.set_setting(sess, SYSTEM, "casework.publicity_grace_days", 30)
    qtbot.mouseClick(r.applications.detail.action_buttons["start_publicity"], CLICK)
    dialog = r.applications.publicity_dialog
    wait_idle(qtbot)
    start = t0 + timedelta(days=4)
    dialog.start_edit.setDate(QDate(start.year, start.month, start.day))
    wait_idle(qtbot)
    with qtbot.waitSignal(dialog.started, timeout=10000):
        qtbot.mouseClick(dialog.start_button, CLICK)
    wait_idle(qtbot)
    dialog.close()
    journey._act(qtbot, r, "finish_publicity", start + timedelta(days=8))
    approver = login(qtbot, db, "approver")
    a = open_window(qtbot, db, approver, settings)
    a.ctx.applicationRequested.emit(app_id)
    qtbot.waitUntil(lambda: a.applications.detail.view is not None)
    wait_idle(qtbot)
    qtbot.mouseClick(a.applications.detail.action_buttons["confirm"], CLICK)
    confirm = a.applications.detail.dialog
    assert f"{NEXT:%Y-%m}" in confirm.start_label.text()  # the start month, shown
    type_text(qtbot, confirm.opinion_edit, "同意纳入")
    with qtbot.waitSignal(confirm.performed, timeout=10000):
        qtbot.mouseClick(confirm.ok_button, CLICK)
    wait_idle(qtbot)


def _account_dialog(
    qtbot,
    ctx,
    household_id: int,  # type: ignore[no-untyped-def]
    number: str,
    bank: str,
    month: date | None = None,
) -> None:
    """Enter an account through the real dialog and save it."""
    dialog = AccountDialog(ctx, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10000)
    _fill_and_save(qtbot, dialog, number, bank, month)


def _fill_and_save(
    qtbot,
    dialog: AccountDialog,  # type: ignore[no-untyped-def]
    number: str,
    bank: str,
    month: date | None = None,
) -> None:
    type_text(qtbot, dialog.number_edit, number)
    assert "通过" in dialog.number_hint.text() or "passes" in dialog.number_hint.text()
    type_text(qtbot, dialog.bank_edit, bank)
    if month is not None:
        dialog.month_edit.setDate(_qmonth(month))
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(dialog.save_button, CLICK)
    wait_idle(qtbot)


def _lines(db, actor, roster_id: int) -> dict[int, roster.LineView]:  # type: ignore[no-untyped-def]
    view = roster.get_roster(db, actor, roster_id, with_lines=True)
    return {ln.household_id: ln for ln in view.lines}


def _return_file(path: Path, lines: list[roster.LineView], failed_household: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "证件号码", "卡号", "金额", "处理结果", "失败原因"])
    for i, ln in enumerate(lines, 1):
        bad = ln.household_id == failed_household
        ws.append(
            [
                i,
                ln.payee_name,
                ln.payee_id_number,
                ln.account,
                ln.paid_fen / 100,
                "失败" if bad else "成功",
                "账户已销户" if bad else "",
            ]
        )
    wb.save(path)
    return path


def test_month_walk(
    qtbot,
    office: Office,
    settings,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    """The month ends with a locked, exported roster, the failed payment paid as 补发 next
    month, and every change on the rosters with its reason."""
    db = office.db
    setup_policy(db)
    start = add_months(THIS, -2)
    dying = make_household(db, persons=3, pci_fen=20000, amount_fen=60000, start=start)
    raised = make_household(db, persons=2, pci_fen=20000, amount_fen=40000, start=start)
    carded = make_household(db, persons=2, pci_fen=20000, amount_fen=40000, start=start)
    broken = make_household(db, persons=2, pci_fen=20000, amount_fen=40000, start=start)
    for m in (start, PREV):  # the months before, paid and locked
        v = roster.generate(db, office.actors["clerk"], m)
        roster.lock(db, office.actors["approver"], v.id)
    with db.session() as s:  # a mistyped card number (15 digits) slipped into the register
        s.scalars(
            select(BankAccount).where(BankAccount.household_id == broken["household_id"])
        ).one().number = "621700123456789"
        dead_id = s.scalars(
            select(Person.id).where(
                Person.household_id == dying["household_id"], Person.id != dying["payee_id"]
            )
        ).first()

    # 1. a new household through the wizard and the legal steps; its account in the dialog
    t0 = date.today() - timedelta(days=30)
    clerk = login(qtbot, db, "clerk")
    s = open_window(qtbot, db, clerk, settings)
    app_id = journey._new_application_via_wizard(qtbot, s, office, t0)
    _legal_steps(qtbot, office, settings, app_id, t0, s)
    new_hh = casework.get_application(db, clerk, app_id).household_id
    _account_dialog(
        qtbot, s.ctx, new_hh, make_card_number("622848", 19, "500000000001"), "汝州农商银行寄料支行"
    )

    # 2. the reviewer records a death and an 增发 on the enrollment screens
    reviewer = login(qtbot, db, "reviewer")
    r = open_window(qtbot, db, reviewer, settings)
    page = EnrollmentsPage(r.ctx, r.window)
    r.window.register_page("enrollments", page)
    r.window.show_page("enrollments")
    wait_idle(qtbot)
    page.open_household(dying["household_id"])
    qtbot.waitUntil(
        lambda: (
            page.detail.data is not None and page.detail.data.household_id == dying["household_id"]
        )
    )
    qtbot.mouseClick(page.detail.buttons["member"], CLICK)
    md = page.detail.dialog
    md.set_kind("death")
    md.person_combo.setCurrentIndex(md.person_combo.findData(dead_id))
    md.date_edit.setDate(QDate(PREV.year, PREV.month, 10))
    type_text(qtbot, md.reason_edit, "死亡证明 No.2026-118")
    with qtbot.waitSignal(md.performed, timeout=10000):
        qtbot.mouseClick(md.ok_button, CLICK)
    wait_idle(qtbot)
    page.open_household(raised["household_id"])
    qtbot.waitUntil(lambda: page.detail.data.household_id == raised["household_id"])
    wait_idle(qtbot)
    qtbot.mouseClick(page.detail.buttons["adjust"], CLICK)
    cd = page.detail.dialog
    type_text(qtbot, cd.amount_edit, "450")
    cd.month_edit.setDate(_qmonth(THIS))
    type_text(qtbot, cd.reason_edit, "新增慢性病成员，生活困难加重")
    with qtbot.waitSignal(cd.performed, timeout=10000):
        qtbot.mouseClick(cd.ok_button, CLICK)
    wait_idle(qtbot)
    assert any(t.kind == "increase" for t in page.detail.data.timeline)

    # 3. the clerk: a new card for another household, from this month
    new_card = make_card_number("621700", 19, "700000000002")
    _account_dialog(qtbot, s.ctx, carded["household_id"], new_card, "中国邮政储蓄银行", THIS)

    # 4. the roster: generate, fix the account problem from the roster, validate
    rp = RostersPage(s.ctx, s.window)
    s.window.register_page("rosters", rp)
    s.window.show_page("rosters")
    wait_idle(qtbot)
    rp.set_period(THIS, "all")
    wait_idle(qtbot)
    with qtbot.waitSignal(rp.problemsShown, timeout=30000):
        rp.generate()
    wait_idle(qtbot)
    rows = rp.problems_panel.model.rows
    row = next(i for i, p in enumerate(rows) if p.code == "account.length")
    assert rows[row].entity_kind == "account"
    view = rp.problems_panel.view
    view.scrollTo(rp.problems_panel.model.index(row, 0))
    pos = cell_center(view, row)
    qtbot.mouseClick(view.viewport(), CLICK, pos=pos)
    qtbot.mouseDClick(view.viewport(), CLICK, pos=pos)
    fix = rp.fix_dialog
    assert isinstance(fix, AccountDialog) and fix.household_id == broken["household_id"]
    qtbot.waitUntil(lambda: fix.data is not None, timeout=10000)
    with qtbot.waitSignal(rp.problemsShown, timeout=30000):  # regenerated and validated
        _fill_and_save(qtbot, fix, make_card_number("621700", 19, "800000000003"), "汝州农商银行")
    wait_idle(qtbot)
    assert not [p for p in rp.problems if p.severity == "error"], rp.problems
    warnings = [p for p in rp.problems if p.severity == "warning" and not p.acknowledged_by]
    if warnings:
        rp.acknowledge(warnings, "已逐户核实")
        wait_idle(qtbot)
    this_id = rp.roster.id
    lines = _lines(db, clerk, this_id)
    down, up = lines[dying["household_id"]], lines[raised["household_id"]]
    assert down.change_flag == "调减" and "死亡" in down.change_reason
    assert up.change_flag == "调增" and "新增慢性病成员" in up.change_reason
    assert lines[carded["household_id"]].account == new_card

    # 5. the approver locks it (the validation result stays on screen)
    approver = login(qtbot, db, "approver")
    a = open_window(qtbot, db, approver, settings)
    ap = RostersPage(a.ctx, a.window)
    a.window.register_page("rosters", ap)
    ap.set_period(THIS, "all")
    wait_idle(qtbot)
    with qtbot.waitSignal(ap.problemsShown, timeout=30000):
        ap.validate()
    with qtbot.waitSignal(ap.rosterShown, timeout=30000):
        ap.lock_roster()
    wait_idle(qtbot)
    assert ap.roster.locked and ap.problems is not None

    # 6. the clerk exports; the bank returns one failure
    rp.show_roster_id(this_id)
    wait_idle(qtbot)
    with qtbot.waitSignal(rp.exported, timeout=30000):
        rp.export_to(tmp_path / "out")
    wait_idle(qtbot)
    full = roster.get_roster(db, clerk, this_id, with_lines=True)
    path = _return_file(
        tmp_path / "回盘.xlsx", [ln for ln in full.lines if ln.paid_fen > 0], raised["household_id"]
    )
    with qtbot.waitSignal(rp.returnImported, timeout=30000) as sig:
        rp.import_return_from(path)
    wait_idle(qtbot)
    assert sig.args[0].failed == 1
    _account_dialog(
        qtbot,
        s.ctx,
        raised["household_id"],
        make_card_number("622848", 19, "900000000004"),
        "中国农业银行",
        NEXT,
    )

    # 7. next month: the new household, the 补发, every change with its reason
    rp.set_period(NEXT, "all")
    wait_idle(qtbot)
    with qtbot.waitSignal(rp.problemsShown, timeout=30000):
        rp.generate()
    wait_idle(qtbot)
    nxt = _lines(db, clerk, rp.roster.id)
    assert nxt[new_hh].change_flag == "新增" and nxt[new_hh].change_reason
    back = nxt[raised["household_id"]]
    assert back.adjustment_fen == 45000 and "补发" in back.change_reason
    assert back.paid_fen == 90000
    for ln in [*lines.values(), *nxt.values()]:
        if ln.change_flag != "不变":
            assert ln.change_reason, ln
    with db.session() as sess:
        e = sess.scalar(select(Enrollment).where(Enrollment.household_id == new_hh))
        assert e is not None and e.start_month == NEXT
