"""Approved temporary aid is paid (issue 8, point 5): due in its decision month, paid exactly
once on a 临时救助发放名册 with its own bank file or in cash against a receipt, then shown as
paid (not 在保); the 公示, the decision letter and the lists print it as a one-off sum."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader
from test_casework_support import family_of_three, walk
from test_roster_support import make_household as roster_household
from test_roster_support import setup_policy

from reliefdesk.cli import main
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.errors import RuleViolation, ValidationError
from reliefdesk.services import casework, enrollments, printing, register, roster
from reliefdesk.services.roster import oneoff

D0 = date(2025, 3, 3)


def _grant(db, actors, on: date = D0, cause: str = "房屋火灾") -> int:
    """An approved 急难型 grant of one month's urban standard for 1 person: its enrollment id."""
    hid, ids = family_of_three(db)
    register.add_account(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "bank_card",
        make_card_number("621700", 19, f"{hid:012d}"),
        "汝州农商银行",
    )
    app = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "temporary_aid",
        cause,
        on,
        aid_type="emergency",
        green_channel=True,
        aid_months=1,
        aid_persons=1,
    )
    casework.perform(db, actors["reviewer"], app.id, "submit_prelim", on_date=on, opinion="属实")
    v = casework.perform(db, actors["approver"], app.id, "confirm", on_date=on, decision="approve")
    assert v.enrollment_id is not None
    return v.enrollment_id


def _pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_grant_is_due_in_its_month_and_not_receiving(db, actors):
    """An approved grant is 待发放 in the month of the decision: not 在保, no monthly roster."""
    eid = _grant(db, actors)
    enr = enrollments.get_enrollment(db, actors["clerk"], eid)
    assert (enr.status, enr.start_month, enr.end_month) == (
        "due",
        date(2025, 3, 1),
        date(2025, 3, 1),
    )
    assert [g.status_label for g in oneoff.list_grants(db, actors["clerk"])] == ["待发放"]


def test_grant_is_paid_exactly_once_on_its_own_list(db, actors, tmp_path):
    """The March list carries the grant as a one-off line; a second list (same or later
    month) does not list it again; locking marks it paid; the bank file names 临时救助金 and
    the internal list prints a one-off amount, never per month."""
    setup_policy(db)
    monthly = roster_household(db, start=date(2025, 3, 1))
    eid = _grant(db, actors)
    regular = roster.generate(db, actors["clerk"], "2025-03", with_lines=True)
    assert {ln.enrollment_id for ln in regular.lines} == {monthly["enrollment_id"]}
    lst = roster.generate(db, actors["clerk"], "2025-03", "temporary_aid", with_lines=True)
    assert lst.kind == oneoff.ONE_OFF_KIND and lst.amount_fen == 60000  # urban 600 × 1 × 1
    [line] = lst.lines
    assert (line.enrollment_id, line.due_fen, line.category) == (eid, 60000, "临时救助（一次性）")
    again = roster.generate(db, actors["clerk"], "2025-03", "temporary_aid", with_lines=True)
    assert again.id == lst.id  # the open draft is rebuilt, not duplicated
    with pytest.raises(RuleViolation):
        oneoff.pay_in_cash(db, actors["clerk"], eid, paid_on=date(2025, 3, 5), receipt_no="1")
    april = roster.generate(db, actors["clerk"], "2025-04", "temporary_aid", with_lines=True)
    assert april.lines == () and april.amount_fen == 0  # listed in March already
    roster.discard_draft(db, actors["clerk"], april.id)
    roster.lock(db, actors["approver"], lst.id)
    enr = enrollments.get_enrollment(db, actors["clerk"], eid)
    assert (enr.status, enr.payment_method) == ("paid", "bank")
    assert oneoff.list_grants(db, actors["clerk"], status="due") == []
    may = roster.generate(db, actors["clerk"], "2025-05", "temporary_aid", with_lines=True)
    assert may.lines == ()
    files = {
        r.path.name.split("_")[-2] if "_" in r.path.name else r.path.name: r
        for r in roster.export(db, actors["approver"], lst.id, tmp_path)
    }
    assert len(files) == 2  # bank file and list; no monthly village summary
    texts = []
    for res in files.values():
        wb = openpyxl.load_workbook(res.path, read_only=True)
        texts.append(
            " ".join(
                str(c)
                for row in wb.worksheets[0].iter_rows(values_only=True)
                for c in row
                if c is not None
            )
        )
    joined = " ".join(texts)
    assert "临时救助金" in joined and "一次性" in joined and "元/月" not in joined
    assert "600" in joined
    pdf = printing.roster_pdf(db, actors["clerk"], "2025-03", "temporary_aid").pdf
    (tmp_path / "temp_aid_list.pdf").write_bytes(pdf)
    text = _pdf_text(pdf)
    assert "临时救助金发放名册（一次性发放）" in text and "一次性救助金额" in text
    assert "本月应发" not in text and "元/月" not in text


def test_unlocking_the_list_makes_the_grant_due_again(db, actors):
    """Unlocking a temporary-aid list (admin, with a reason) reverts its grants to 待发放."""
    setup_policy(db)
    eid = _grant(db, actors)
    lst = roster.generate(db, actors["clerk"], "2025-03", "temporary_aid")
    roster.lock(db, actors["approver"], lst.id)
    roster.unlock(db, actors["admin"], lst.id, "银行退回，重新核对")
    assert enrollments.get_enrollment(db, actors["clerk"], eid).status == "due"


def test_cash_payment_against_a_receipt_is_the_alternative(db, actors):
    """A grant paid in cash (receipt number required) is paid and never listed for the bank;
    it cannot be paid twice."""
    setup_policy(db)
    eid = _grant(db, actors)
    with pytest.raises(ValidationError):
        oneoff.pay_in_cash(db, actors["clerk"], eid, paid_on=date(2025, 3, 4), receipt_no=" ")
    receipt = _pdf_text(printing.aid_receipt_pdf(db, actors["clerk"], eid).pdf)
    assert "临时救助金领款收据" in receipt and "陆佰元整" in receipt and "一次性" in receipt
    assert "领款人（签字或手印）" in receipt and "元/月" not in receipt
    g = oneoff.pay_in_cash(
        db,
        actors["clerk"],
        eid,
        paid_on=date(2025, 3, 4),
        receipt_no="LS-2025-007",
        received_by="王大山",
    )
    assert (g.status, g.status_label, g.payment_method, g.receipt_no) == (
        "paid",
        "已发放",
        "cash",
        "LS-2025-007",
    )
    lst = roster.generate(db, actors["clerk"], "2025-03", "temporary_aid", with_lines=True)
    assert lst.lines == ()
    page = register.household_summary_page(db, actors["clerk"], status="paid")
    assert [r.enrollment_status for r in page.rows] == ["paid"]  # 已发放, not 在保
    assert register.household_summary_page(db, actors["clerk"], status="active").rows == ()
    with pytest.raises(RuleViolation):
        oneoff.pay_in_cash(db, actors["clerk"], eid, paid_on=date(2025, 3, 5), receipt_no="X")


def test_notice_and_letter_print_a_one_off_sum(db, actors):
    """The 公示 of a 支出型 grant and its 确认通知书 print the amount as a one-off sum; the
    公示 never says 元/月 for it."""
    hid, ids = family_of_three(db)
    app = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "temporary_aid",
        "学费",
        D0,
        aid_type="expenditure",
        aid_months=1,
        aid_persons=1,
    )
    walk(db, actors, app.id, "publicity")
    text = _pdf_text(printing.notice_pdf(db, actors["clerk"], [app.id]).pdf)
    assert "661.50（一次性）" in text and "元/月" not in text
    casework.perform(db, actors["clerk"], app.id, "finish_publicity", on_date=date(2025, 3, 17))
    casework.perform(
        db,
        actors["approver"],
        app.id,
        "confirm",
        on_date=date(2025, 3, 18),
        decision="approve",
        opinion="同意",
    )
    letter = _pdf_text(printing.decision_letter_pdf(db, actors["clerk"], app.id).pdf)
    assert "一次性救助金额为" in letter and "月保障金额" not in letter


def test_cli_temp_aid_list_grants_and_cash(db, actors, monkeypatch, capsys):
    """roster generate --programme temporary_aid, roster grants and roster pay-cash work from
    the command line, one line per grant."""
    setup_policy(db)
    first = _grant(db, actors)
    second = _grant(db, actors, cause="突发重病")
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Test#Pass2026")
    base = ["--db", db.url]
    assert (
        main(
            [
                *base,
                "--user",
                "clerk",
                "roster",
                "pay-cash",
                "--grant",
                str(second),
                "--receipt",
                "LS-1",
                "--date",
                "2025-03-04",
            ]
        )
        == 0
    )
    assert "已现金发放" in capsys.readouterr().out
    assert (
        main(
            [
                *base,
                "--user",
                "clerk",
                "roster",
                "generate",
                "--month",
                "2025-03",
                "--programme",
                "temporary_aid",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "发放名册（一次性）" in out and "1 户" in out and "600.00" in out
    assert (
        main(
            [
                *base,
                "--user",
                "approver",
                "roster",
                "lock",
                "--month",
                "2025-03",
                "--programme",
                "temporary_aid",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main([*base, "--user", "clerk", "roster", "grants"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3 and all("已发放" in ln for ln in lines[:2])
    assert any(f"#{first}" in ln and "银行代发" in ln for ln in lines)
    assert any(f"#{second}" in ln and "现金（收据 LS-1）" in ln for ln in lines)
    assert (
        main(
            [
                *base,
                "--user",
                "clerk",
                "roster",
                "pay-cash",
                "--grant",
                str(first),
                "--receipt",
                "LS-2",
            ]
        )
        == 2
    )


def test_failed_bank_payment_is_paid_again_once_on_a_later_list(db, actors, tmp_path):
    """A grant the bank returns as failed stays paid on its list but its 补发 goes onto the
    next month's temporary-aid list once the account is confirmed fixed, once only."""
    import openpyxl as xl

    setup_policy(db)
    eid = _grant(db, actors)
    lst = roster.generate(db, actors["clerk"], "2025-03", "temporary_aid", with_lines=True)
    roster.lock(db, actors["approver"], lst.id)
    [line] = lst.lines
    wb = xl.Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "证件号码", "卡号", "金额", "处理结果", "失败原因"])
    ws.append(
        [
            1,
            line.payee_name,
            line.payee_id_number,
            line.account,
            line.paid_fen / 100,
            "失败",
            "户名与账号不符",
        ]
    )
    for row in ws.iter_rows(min_row=2):
        for c in row[2:4]:
            c.number_format = "@"
    wb.save(tmp_path / "ret.xlsx")
    res = roster.import_return(db, actors["clerk"], lst.id, tmp_path / "ret.xlsx")
    assert res.failed == 1 and [a.amount_fen for a in res.adjustments] == [60000]
    roster.mark_account_fixed(db, actors["clerk"], res.adjustments[0].id)
    april = roster.generate(db, actors["clerk"], "2025-04", "temporary_aid", with_lines=True)
    [again] = april.lines
    assert (again.enrollment_id, again.due_fen, again.paid_fen, again.change_flag) == (
        eid,
        0,
        60000,
        "补发",
    )
    roster.lock(db, actors["approver"], april.id)
    may = roster.generate(db, actors["clerk"], "2025-05", "temporary_aid", with_lines=True)
    assert may.lines == ()
