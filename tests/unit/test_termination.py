"""Issue 8 point 12: the tekun termination procedure (7-day publicity, objections decided in
time, written reasons, stop from the following month, referral) and the printed 告知书 of
减发/停发/终止 for any programme, via the service and the CLI (real databases, PDFs read back)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from test_casework_support import family_of_three, make_household, walk

from reliefdesk.cli import main as cli_main
from reliefdesk.errors import RuleViolation, ValidationError
from reliefdesk.services import casework, enrollments, termination
from reliefdesk.services.printing import notices as printing_notices

D0 = date(2025, 3, 3)


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", extract_text(io.BytesIO(pdf)))


def _tekun(db, actors) -> int:
    hid, ids = make_household(db, [{"name": "刘孤老", "birth": date(1945, 5, 5)}])
    app = casework.create_application(
        db,
        actors["clerk"],
        hid,
        ids[0],
        "tekun",
        "无依无靠",
        D0,
        self_care=dict.fromkeys(casework.SELF_CARE_ITEMS, True),
    )
    v = walk(db, actors, app.id, "approved")
    assert v.enrollment_id is not None
    return v.enrollment_id


def test_tekun_termination_published_seven_days_then_from_next_month(db, actors):
    """Proposal published 7 days; finalising during the publicity is refused; afterwards the
    enrollment ends from the following month with the reasons and the referral noted."""
    eid = _tekun(db, actors)
    with pytest.raises(RuleViolation):  # no direct termination for these grounds
        enrollments.terminate(
            db, actors["approver"], eid, "supporter_able", "儿子返乡", on_date=date(2025, 6, 2)
        )
    with pytest.raises(ValidationError) as exc:
        termination.propose(
            db,
            actors["reviewer"],
            eid,
            "supporter_able",
            " ",
            start=date(2025, 6, 2),
            recorded_on=date(2025, 6, 2),
        )
    assert exc.value.field == "reasons"
    tp = termination.propose(
        db,
        actors["reviewer"],
        eid,
        "supporter_able",
        "其子刘某返乡务工，月收入3000元，具备赡养能力",
        start=date(2025, 6, 2),
        recorded_on=date(2025, 6, 2),
    )
    assert (tp.publicity_start, tp.publicity_end) == (date(2025, 6, 2), date(2025, 6, 8))
    board = _text(printing_notices.termination_notice_pdf(db, actors["clerk"], tp.id).pdf)
    assert "拟终止特困人员救助供养公示" in board and "刘孤老" in board and "2025年6月8日" in board
    assert "3000" not in board  # the detailed reasons stay off the notice board
    ev = [
        e
        for e in casework.workbench(db, actors["clerk"], date(2025, 6, 3)).events
        if e.kind == "termination"
    ]
    assert [e.due_on for e in ev] == [date(2025, 6, 8)]
    with pytest.raises(RuleViolation):
        termination.finalise(db, actors["approver"], tp.id, "转介低保", on_date=date(2025, 6, 8))
    with pytest.raises(ValidationError):
        termination.finalise(db, actors["approver"], tp.id, "", on_date=date(2025, 6, 9))
    done = termination.finalise(
        db, actors["approver"], tp.id, "已告知可申请临时救助", on_date=date(2025, 6, 9)
    )
    assert done.status == "terminated"
    e = enrollments.get_enrollment(db, actors["clerk"], eid)
    assert e.status == "terminated" and e.end_month == date(2025, 6, 1)
    assert e.changes[-1].effective_month == date(2025, 7, 1)
    pdf = printing_notices.change_notice_pdf(db, actors["clerk"], e.changes[-1].id).pdf
    t = _text(pdf)
    assert "特困人员救助供养终止救助告知书" in t and "具备赡养能力" in t
    assert "已告知可申请临时救助" in t and "行政复议" in t and "2025年7月" in t


def test_objection_decided_within_limit_then_republished_or_withdrawn(db, actors):
    """An objection is due for decision in 15 working days; rejected → published again for 7
    days from the decision; upheld → the proposal is withdrawn and the person stays."""
    eid = _tekun(db, actors)
    tp = termination.propose(
        db,
        actors["reviewer"],
        eid,
        "income_assets",
        "有存款5万元",
        start=date(2025, 6, 2),
        recorded_on=date(2025, 6, 2),
    )
    with pytest.raises(RuleViolation):  # outside the publicity period
        termination.record_objection(
            db, actors["clerk"], tp.id, "存款系医疗借款", on_date=date(2025, 6, 9)
        )
    tp = termination.record_objection(
        db, actors["clerk"], tp.id, "存款系医疗借款", on_date=date(2025, 6, 4)
    )
    assert tp.status == "objection" and tp.objection_due == date(2025, 6, 25)
    ev = [
        e
        for e in casework.workbench(db, actors["clerk"], date(2025, 6, 5)).events
        if e.kind == "termination"
    ]
    assert [e.due_on for e in ev] == [date(2025, 6, 25)]
    with pytest.raises(RuleViolation):
        termination.finalise(db, actors["approver"], tp.id, "无", on_date=date(2025, 6, 20))
    tp = termination.decide_objection(
        db, actors["approver"], tp.id, False, "经核查存款属实", on_date=date(2025, 6, 16)
    )
    assert (tp.status, tp.publicity_start, tp.publicity_end) == (
        "publicity",
        date(2025, 6, 16),
        date(2025, 6, 22),
    )
    tp2 = termination.record_objection(
        db, actors["clerk"], tp.id, "再次异议", on_date=date(2025, 6, 17)
    )
    tp2 = termination.decide_objection(
        db, actors["approver"], tp2.id, True, "借款凭证属实", on_date=date(2025, 6, 18)
    )
    assert tp2.status == "withdrawn"
    assert enrollments.get_enrollment(db, actors["clerk"], eid).status == "active"


def test_dibao_decrease_and_suspension_print_notices_with_right_to_object(db, actors):
    """减发 and 停发 of dibao print a 告知书 with the amounts, month, reasons and the right to
    object; an increase has no 告知书."""
    hid, ids = family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    eid = walk(db, actors, app.id, "approved").enrollment_id
    enrollments.change_amount(
        db, actors["reviewer"], eid, 60000, "连续三次拒绝介绍的工作", on_date=date(2025, 5, 6)
    )
    e = enrollments.get_enrollment(db, actors["clerk"], eid)
    t = _text(printing_notices.change_notice_pdf(db, actors["clerk"], e.changes[-1].id).pdf)
    assert "最低生活保障减发告知书" in t and "723.00" in t and "600.00" in t
    assert "连续三次拒绝介绍的工作" in t and "2025年6月" in t and "行政诉讼" in t
    enrollments.change_amount(db, actors["reviewer"], eid, 65000, "复核", on_date=date(2025, 5, 7))
    e = enrollments.get_enrollment(db, actors["clerk"], eid)
    with pytest.raises(RuleViolation):
        printing_notices.change_notice_pdf(db, actors["clerk"], e.changes[-1].id)
    enrollments.suspend(db, actors["reviewer"], eid, "外出务工失联", on_date=date(2025, 5, 8))
    e = enrollments.get_enrollment(db, actors["clerk"], eid)
    t = _text(printing_notices.change_notice_pdf(db, actors["clerk"], e.changes[-1].id).pdf)
    assert "停发告知书" in t and "外出务工失联" in t


def test_cli_forms_change_notice(db, actors, tmp_path: Path, monkeypatch, capsys):
    """`forms change-notice --change N` writes the 告知书; a bad id is one line, exit ≠ 0."""
    hid, ids = family_of_three(db)
    app = casework.create_application(db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", D0)
    eid = walk(db, actors, app.id, "approved").enrollment_id
    e = enrollments.suspend(db, actors["reviewer"], eid, "失联", on_date=date(2025, 5, 8))
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Test#Pass2026")
    out = tmp_path / "n.pdf"
    code = cli_main(
        [
            "--db",
            db.url,
            "--user",
            "clerk",
            "forms",
            "change-notice",
            "--change",
            str(e.changes[-1].id),
            "--out",
            str(out),
        ]
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    code = cli_main(
        [
            "--db",
            db.url,
            "--user",
            "clerk",
            "forms",
            "change-notice",
            "--change",
            "999999",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    err = capsys.readouterr().err
    assert code != 0 and err.count("\n") == 1 and "不存在" in err
