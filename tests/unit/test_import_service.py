"""存量导入 through the services: preview, import, re-import, corrections, undo, permissions,
and the first roster paying exactly the imported amounts, marked 存量 (DOMAIN §12.1, §2.12)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from reliefdesk.documents.legacy.sample import make_households, write_person_xlsx
from reliefdesk.errors import PermissionDenied, RuleViolation
from reliefdesk.models import (
    Application,
    AuditEvent,
    CaseStep,
    Enrollment,
    Household,
    ImportRecord,
    Person,
)
from reliefdesk.services import importing, roster

DATA = Path(__file__).resolve().parents[1] / "data" / "legacy"
TODAY = date(2026, 12, 1)


@pytest.fixture
def admin(actors):
    return actors["admin"]


def test_preview_counts_and_lists_every_planted_problem(db, admin) -> None:
    """The dry run writes nothing and lists lost digits, a person in two households, a
    household in two programmes, a card failing its check, a missing account and an amount
    outside the rules."""
    pv = importing.preview(db, admin, DATA / "person_rows.xlsx", today=TODAY)
    codes = {p.code for p in pv.problems}
    assert {
        "id.lost_digits",
        "person.two_households",
        "household.two_programmes",
        "account.luhn",
        "account.missing",
        "amount.rules",
    } <= codes
    assert pv.shape == "person" and pv.households == 55 and pv.blocked == 6
    assert sum(t.amount_fen for t in pv.by_programme) == pv.total_fen
    assert sum(v.households for v in pv.by_village) == pv.households
    with db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 0


def test_import_records_source_and_same_file_again_changes_nothing(db, admin) -> None:
    """Each enrollment names its file, SHA-256, sheet and row, the original approval date and
    document number, pays the sheet's amount as decided; the same file again writes nothing."""
    r = importing.import_file(db, admin, DATA / "person_rows.xlsx", today=TODAY)
    assert r.batch_id and r.created == 55
    with db.read_session() as s:
        e = s.scalar(select(Enrollment).order_by(Enrollment.id).limit(1))
        src = e.working["import"]
        assert src["file"] == "person_rows.xlsx" and len(src["sha256"]) == 64
        assert src["sheet"] and src["row"] >= 6
        assert e.amount_source == "import" and e.start_month == date(2026, 12, 1)
        app = s.get(Application, e.application_id)
        assert app.state == "approved" and app.file_no.startswith("汝民低")
        step = s.scalar(select(CaseStep).where(CaseStep.application_id == app.id))
        assert step.action == "legacy_import" and "存量数据迁移" in step.opinion
        events = s.scalar(select(func.count()).where(AuditEvent.action == "import.batch"))
        assert events == 1
        n_people = s.scalar(select(func.count()).select_from(Person))
        rare = s.scalars(select(Person.name)).all()
        assert any(ch in name for name in rare for ch in ("𠮷", "䶮", "𡎚", "堃", "喆", "禤"))
    again = importing.import_file(db, admin, DATA / "person_rows.xlsx", today=TODAY)
    assert again.batch_id is None and again.created == 0 and again.unchanged == 55
    with db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == n_people


def test_corrected_file_updates_only_what_changed_and_undo_restores(
    db, admin, tmp_path: Path
) -> None:
    """A later file with one amount changed updates that household only; undoing the later
    batch restores the amount, undoing the first removes everything it created."""
    hh = make_households(40, seed=5, oddities=False)
    first = write_person_xlsx(tmp_path / "a.xlsx", hh)
    r1 = importing.import_file(db, admin, first, today=TODAY)
    hh[3].amount_fen, hh[3].amount = hh[3].amount_fen + 1000, hh[3].amount_fen / 100 + 10
    second = write_person_xlsx(tmp_path / "b.xlsx", hh)
    r2 = importing.import_file(db, admin, second, today=TODAY)
    assert (r2.created, r2.updated, r2.unchanged) == (0, 1, 39)
    with db.read_session() as s:
        eid = s.scalar(
            select(ImportRecord.enrollment_id).where(ImportRecord.batch_id == r2.batch_id)
        )
        assert s.get(Enrollment, eid).amount_fen == hh[3].amount_fen
    with pytest.raises(RuleViolation):
        importing.undo_batch(db, admin, r1.batch_id)  # the later batch first
    importing.undo_batch(db, admin, r2.batch_id)
    with db.read_session() as s:
        assert s.get(Enrollment, eid).amount_fen == hh[3].amount_fen - 1000
    importing.undo_batch(db, admin, r1.batch_id)
    with db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 0
        assert s.scalar(select(func.count()).select_from(Enrollment)) == 0
    assert [b.status for b in importing.list_batches(db, admin)] == ["undone", "undone"]


def test_only_an_administrator_imports(db, actors) -> None:
    """A clerk or approver may not import or undo."""
    for who in ("clerk", "approver"):
        with pytest.raises(PermissionDenied):
            importing.import_file(db, actors[who], DATA / "person_rows.xlsx", today=TODAY)


def test_household_rows_flag_unlisted_members_for_completion(db, admin) -> None:
    """One row per household: persons kept as the count, the household marked 待补录."""
    r = importing.import_file(db, admin, DATA / "household_rows_gbk.csv", today=TODAY)
    assert r.preview.incomplete > 0
    with db.read_session() as s:
        rec = s.scalar(select(ImportRecord).where(ImportRecord.incomplete).limit(1))
        e = s.get(Enrollment, rec.enrollment_id)
        assert e.persons == rec.declared_persons > rec.listed_persons
        assert "待补录" in s.get(Household, rec.household_id).note


def test_remembered_mapping_corrects_a_column(db, admin, tmp_path: Path) -> None:
    """A mapping correction (field -> header) is applied and remembered for the office."""
    importing.save_mapping(db, admin, {"document_no": ""})
    pv = importing.preview(db, admin, DATA / "person_rows.xlsx", today=TODAY)
    assert "document_no" not in pv.sheets[0].mapping
    assert importing.saved_mapping(db, admin) == {"document_no": ""}


def test_error_workbook_lists_problems_and_rows_to_fix(db, admin, tmp_path: Path) -> None:
    """The error workbook has the problem list and the problem rows under their header."""
    out = importing.write_problem_report(
        db, admin, DATA / "person_rows.xlsx", tmp_path / "err.xlsx", today=TODAY
    )
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "问题清单"
    rows = list(wb["问题清单"].iter_rows(values_only=True))
    assert any("末几位已丢失" in str(r[5]) for r in rows[1:])
    village = wb[wb.sheetnames[1]]
    header = [c.value for c in village[1]]
    assert header[-1] == "问题说明" and "身份证号码" in header


def test_township_from_spreadsheet_to_locked_exported_first_roster(
    db, actors, admin, tmp_path: Path
) -> None:
    """1,500 households: import → roster generate → validate → lock → export; the roster pays
    exactly the sheet's amounts and marks every line 存量, none 新增."""
    hh = make_households(1500, seed=9, oddities=False)
    book = write_person_xlsx(tmp_path / "township.xlsx", hh, oddities=False)
    r = importing.import_file(db, admin, book, today=TODAY)
    assert r.created == 1500 and r.blocked == 0
    expected = sum(h.amount_fen for h in hh)
    approver = actors["approver"]
    view = roster.generate(db, approver, "2026-12")
    assert view.amount_fen == expected and view.households == 1500
    d = roster.diff(db, approver, view.id)
    assert d.counts.get("存量") == 1500 and "新增" not in d.counts
    problems = roster.validate(db, approver, view.id)
    assert not [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning" and not p.acknowledged_by]
    if warnings:
        roster.acknowledge(db, approver, view.id, warnings, note="导入核对")
    locked = roster.lock(db, approver, view.id)
    assert locked.status == "locked"
    files = roster.export(db, approver, view.id, tmp_path / "out")
    bank = files[0]
    ws = load_workbook(bank.path).worksheets[0]
    header = [c.value for c in ws[1]]
    id_col, amt_col = header.index("证件号码"), header.index("金额")
    paid = {
        row[id_col].value: round(row[amt_col].value * 100)
        for row in ws.iter_rows(min_row=2)
        if row[id_col].value
    }
    assert paid == {h.members[0].id_number: h.amount_fen for h in hh}  # the sheet's amounts
    with pytest.raises(RuleViolation):
        importing.undo_batch(db, admin, r.batch_id)
    shutil.rmtree(tmp_path / "out")


def test_incomplete_household_flag_clears_at_the_next_recheck(db, actors, admin) -> None:
    """待补录 lasts until the household's next 定期核查 is recorded."""
    from reliefdesk.services import enrollments

    importing.import_file(db, admin, DATA / "household_rows_gbk.csv", today=TODAY)
    pending = importing.households_to_complete(db, admin)
    assert pending and all(p.listed_persons < p.declared_persons for p in pending)
    first = pending[0]
    enrollments.record_recheck(db, actors["reviewer"], first.enrollment_id, on_date=TODAY)
    after = importing.households_to_complete(db, admin)
    assert first.enrollment_id not in {p.enrollment_id for p in after}
    assert len(after) == len(pending) - 1


def test_person_already_in_the_register_is_listed_not_imported(db, admin, tmp_path: Path) -> None:
    """A person already on file in another household blocks that household (listed for
    review, DOMAIN §12.1 oddity 7); the other households import."""
    hh = make_households(40, seed=6, oddities=False)
    importing.import_file(db, admin, write_person_xlsx(tmp_path / "a.xlsx", hh[:20]), today=TODAY)
    moved = hh[25]
    from reliefdesk.documents.legacy.sample import SampleMember

    again = hh[3].members[0]  # the head of an imported household, listed as a son here
    moved.members.append(SampleMember(again.name, again.id_number, "长子", again.birth))
    moved.persons = len(moved.members)
    pv = importing.preview(db, admin, write_person_xlsx(tmp_path / "b.xlsx", hh[20:]), today=TODAY)
    assert [p.code for p in pv.problems if p.severity == "error"] == ["person.in_register"]
    assert pv.blocked == 1 and pv.to_create == 19


def test_correction_after_a_locked_roster_needs_a_decision(
    db, actors, admin, tmp_path: Path
) -> None:
    """Once a locked roster paid a household, a corrected amount in a later file is not
    applied (listed: it needs a 增发/减发 decision); a corrected account still is."""
    from reliefdesk.models import BankAccount

    hh = make_households(30, seed=8, oddities=False)
    importing.import_file(db, admin, write_person_xlsx(tmp_path / "a.xlsx", hh), today=TODAY)
    approver = actors["approver"]
    view = roster.generate(db, approver, "2026-12")
    warnings = [p for p in roster.validate(db, approver, view.id) if p.severity == "warning"]
    if warnings:
        roster.acknowledge(db, approver, view.id, warnings, note="核对")
    roster.lock(db, approver, view.id)
    hh[2].amount_fen, hh[2].amount = hh[2].amount_fen + 500, hh[2].amount_fen / 100 + 5
    hh[4].account = hh[4].account[:-2] + "00"
    r = importing.import_file(db, admin, write_person_xlsx(tmp_path / "b.xlsx", hh), today=TODAY)
    assert r.updated == 1 and r.blocked == 1
    assert [p.code for p in r.preview.problems if p.code == "import.locked"] == ["import.locked"]
    with db.read_session() as s:
        assert s.scalar(select(func.count()).where(BankAccount.number == hh[4].account)) == 1


def test_check_finds_nothing_wrong_after_an_import(db, admin) -> None:
    """The integrity check accepts imported households: the approval is recorded (the
    legacy_import step) and 待补录 households are not a persons mismatch until re-checked."""
    from reliefdesk.services.check import run_checks

    importing.import_file(db, admin, DATA / "household_rows_gbk.csv", today=TODAY)
    importing.import_file(db, admin, DATA / "person_rows.xlsx", today=TODAY)
    report = run_checks(db, admin)
    kinds = {p.kind for p in report.problems}
    assert not kinds - {"accounts"}, report.problems[:5]


def test_fixed_error_workbook_reimports_what_was_blocked(db, admin, tmp_path: Path) -> None:
    """The clerk types the real ID numbers into the error workbook and imports it: the
    blocked households come in, the ones already imported stay unchanged."""
    first = importing.import_file(db, admin, DATA / "person_rows.xlsx", today=TODAY)
    out = importing.write_problem_report(
        db, admin, DATA / "person_rows.xlsx", tmp_path / "fix.xlsx", today=TODAY
    )
    again = importing.import_file(db, admin, out, today=TODAY)
    assert (again.created, again.updated) == (0, 0)
    real = {
        m.name: m.id_number for h in make_households(60, seed=12, oddities=False) for m in h.members
    }
    wb = load_workbook(out)
    fixed = 0
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[1]]
        name_col, id_col = header.index("姓名"), header.index("身份证号码")
        for row in ws.iter_rows(min_row=2):
            value = str(row[id_col].value or "")
            if "E+" in value.upper() and row[name_col].value in real:
                row[id_col].value = real[row[name_col].value]
                fixed += 1
    wb.save(out)
    assert fixed >= 2
    r = importing.import_file(db, admin, out, today=TODAY)
    assert r.created == 2 and r.updated == 0
    assert first.blocked - r.created == r.blocked


def test_head_not_covered_and_amounts_on_every_member_row(db, admin, tmp_path: Path) -> None:
    """户主是否享受=否: the head is on file and the payee, not a covered member; amounts typed
    on each member's row are added up for the household and flagged."""
    import csv

    from reliefdesk.domain.idnumber import make_id

    head, kid = make_id("410482", date(1950, 5, 1), 11), make_id("410482", date(2012, 5, 1), 22)
    other, wife = make_id("410482", date(1960, 1, 1), 33), make_id("410482", date(1962, 1, 1), 44)
    path = tmp_path / "rows.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "户号",
                "姓名",
                "身份证号码",
                "与户主关系",
                "户主是否享受",
                "保障类别",
                "月保障金",
                "卡号",
            ]
        )
        w.writerow(["1", "王  大", head, "户主", "否", "农村低保", "300", ""])
        w.writerow(["1", "王小", kid, "孙子", "", "农村低保", "", ""])
        w.writerow(["2", "李四", other, "本人", "是", "农村低保", "200元", ""])
        w.writerow(["2", "张五", wife, "妻子", "", "农村低保", "150元", ""])
    r = importing.import_file(db, admin, path, today=TODAY)
    assert r.created == 2
    codes = {p.code for p in r.preview.problems}
    assert "amount.per_person" in codes
    with db.read_session() as s:
        e1 = s.scalar(
            select(Enrollment)
            .join(Person, Person.id == Enrollment.payee_id)
            .where(Person.id_number == head)
        )
        assert e1.persons == 1 and e1.amount_fen == 30000
        assert s.scalar(select(Person.name).where(Person.id_number == head)) == "王大"
        from reliefdesk.models import EnrollmentMember

        covered = s.scalars(
            select(Person.id_number)
            .join(EnrollmentMember, EnrollmentMember.person_id == Person.id)
            .where(EnrollmentMember.enrollment_id == e1.id)
        ).all()
        assert covered == [kid]
        e2 = s.scalar(
            select(Enrollment)
            .join(Person, Person.id == Enrollment.payee_id)
            .where(Person.id_number == other)
        )
        assert e2.amount_fen == 35000 and e2.persons == 2


def test_provincial_family_export_with_members_in_one_cell(db, admin, tmp_path: Path) -> None:
    """The 家庭 export of a provincial system (DOMAIN §12.1 A): head columns, and the members'
    names and ID numbers listed together in one cell each."""
    from openpyxl import Workbook

    from reliefdesk.domain.idnumber import make_id

    head = make_id("410482", date(1955, 3, 1), 101)
    wife, son = make_id("410482", date(1957, 3, 1), 102), make_id("410482", date(1985, 3, 1), 103)
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "户主姓名",
            "户主身份证号",
            "家庭人口数",
            "保障人口数",
            "户月保障金额（元）",
            "开户银行",
            "银行帐号",
            "家庭成员姓名",
            "家庭成员身份证号",
            "低保（特困）证号",
            "最初享受月份",
            "救助类型",
        ]
    )
    ws.append(
        [
            "赵一",
            head,
            3,
            3,
            "1,020.00",
            "农商银行",
            "",
            "赵一、钱二、赵三",
            f"{head}、{wife}、{son}",
            "汝民低2019001",
            "201903",
            "农村低保",
        ]
    )
    wb.save(tmp_path / "农村低保家庭查询_2026.xlsx")
    pv = importing.preview(db, admin, tmp_path / "农村低保家庭查询_2026.xlsx", today=TODAY)
    assert pv.shape == "household" and pv.households == 1 and pv.persons == 3
    assert pv.incomplete == 0 and pv.total_fen == 102000


def test_provincial_person_export_rows_join_their_head_in_any_order(
    db, admin, tmp_path: Path
) -> None:
    """The 人员 export (DOMAIN §12.1 A): 户主身份证号 empty on the head's row, members join by
    it even when listed before their head."""
    from openpyxl import Workbook

    from reliefdesk.domain.idnumber import make_id

    h1, m1 = make_id("410482", date(1950, 1, 2), 201), make_id("410482", date(1980, 1, 2), 202)
    h2 = make_id("410482", date(1949, 1, 2), 203)
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "户主身份证号", "与户主关系", "救助类型", "月保障金额"])
    ws.append(["孙子甲", m1, h1, "子", "", ""])
    ws.append(["周二", h2, "", "户主", "农村低保", 260])
    ws.append(["孙一", h1, "", "户主", "农村低保", 520])
    pv = importing.preview(db, admin, _save(wb, tmp_path), today=TODAY)
    assert pv.shape == "person" and pv.households == 2 and pv.persons == 3
    assert pv.total_fen == 78000 and pv.errors == 0


def _save(wb, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "农村低保人员查询_2026.xlsx"
    wb.save(path)
    return path


def test_amount_rules_use_the_roster_cap_and_the_tekun_tier(db, admin, tmp_path: Path) -> None:
    """An amount above the roster's cap is imported but flagged (the roster would refuse it);
    a tekun amount is checked against basic + the care standard of its tier."""
    import csv

    from reliefdesk.domain.idnumber import make_id

    a, b, c = (make_id("410482", date(1940, 1, 1), n) for n in (301, 302, 303))
    path = tmp_path / "tekun.csv"
    with open(path, "w", encoding="gb18030", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["姓名", "身份证号码", "保障类别", "护理等级", "月保障金", "保障人数"])
        w.writerow(["甲", a, "特困人员（分散供养）", "三档", "663.30", 1])  # 573.30 + 90
        w.writerow(["乙", b, "特困人员（分散供养）", "一档", "663.30", 1])  # should be 933.30
        w.writerow(["丙", c, "农村低保", "", "5000", 1])  # far above 441 × 1 × 3/2
    pv = importing.preview(db, admin, path, today=TODAY)
    rules = {p.name: p.message for p in pv.problems if p.code == "amount.rules"}
    assert set(rules) == {"乙", "丙"}
    assert "933.30" in rules["乙"] and "名册金额上限" in rules["丙"]
    r = importing.import_file(db, admin, path, today=TODAY)
    assert r.created == 3
    with db.read_session() as s:
        e = s.scalar(
            select(Enrollment)
            .join(Person, Person.id == Enrollment.payee_id)
            .where(Person.id_number == a)
        )
        assert e.care_tier == "full" and e.standard_fen == 57330 and e.amount_fen == 66330
