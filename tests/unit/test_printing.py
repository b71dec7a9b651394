"""Printing services: documents built from a real database, their text, privacy and audit."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from sqlalchemy import func, select
from test_casework_support import family_of_three, walk

from reliefdesk.cli import main as cli_main
from reliefdesk.db.engine import Database
from reliefdesk.domain.money import fen_to_yuan, to_capital
from reliefdesk.errors import NotFound, PermissionDenied, RuleViolation, ValidationError
from reliefdesk.models import Asset, AuditEvent, AuditHead, BankAccount, Person
from reliefdesk.services import audit, casework, printing, settings
from reliefdesk.services.context import Actor

OFFICE_PHONE = "0375-6000111"
HOUSE_PHONE = "13912345678"
ACCOUNT = "6217000011112222333"


def text(pdf: bytes) -> str:
    """All text of a PDF, whitespace removed (CJK extraction inserts stray spaces)."""
    return re.sub(r"\s+", "", extract_text(io.BytesIO(pdf)))


def _office(db: Database, admin: Actor) -> None:
    with db.session() as s:
        settings.save_office(
            s,
            admin,
            settings.OfficeInfo(
                county="汝州市",
                township_code="",
                office_name="温泉镇人民政府",
                phone=OFFICE_PHONE,
                policy_url="https://example.org/policy",
                township_name="温泉镇",
            ),
        )


def _household(db: Database, income_fen: int = 60000) -> tuple[int, list[int]]:
    hh, ids = family_of_three(db, income_fen, phone=HOUSE_PHONE, address="温泉镇测试村3组8号")
    with db.session() as s:
        s.add(
            BankAccount(
                household_id=hh,
                payee_person_id=ids[0],
                bank_name="汝州农商银行",
                holder_name="王大山",
                number=ACCOUNT,
            )
        )
        s.add(Asset(household_id=hh, kind="house", description="自建房 3 间", value_fen=0))
    return hh, ids


def _app(db: Database, actors: dict[str, Actor], until: str, income_fen: int = 60000) -> int:
    hh, ids = _household(db, income_fen)
    view = casework.create_application(
        db, actors["clerk"], hh, ids[0], "rural_dibao", "因病致贫，收入低", date(2025, 3, 3)
    )
    if until != "accepted":
        walk(db, actors, view.id, until)
    return view.id


def _prints(db: Database) -> list[AuditEvent]:
    with db.session() as s:
        rows = list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.action == "print").order_by(AuditEvent.id)
            )
        )
        s.expunge_all()
        return rows


def test_application_form_has_members_working_capital_and_opinions(
    db: Database, actors: dict[str, Actor]
) -> None:
    """An approved application's 审批表 shows office, members, income, the stored working,
    the 大写 amount, the township/county opinions and the publicity period."""
    _office(db, actors["admin"])
    app_id = _app(db, actors, "approved")
    view = casework.get_application(db, actors["clerk"], app_id)
    result = printing.application_form_pdf(db, actors["clerk"], app_id)
    t = text(result.pdf)
    assert result.pdf.startswith(b"%PDF") and result.pages >= 1
    assert "汝州市最低生活保障申请审批表" in t
    for needle in (
        "温泉镇",
        "测试村",
        "王大山",
        "李秀兰",
        "王小林",
        "工资性收入",
        "600.00",
        "因病致贫",
        "符合条件，建议纳入",
        "张三",
        "李四",
        "公示期：2025年3月10日",
        "无异议",
        "起始发放年月",
        "2025年4月",
    ):
        assert needle in t, needle
    assert view.proposed_fen is not None and view.proposed_fen > 0
    assert fen_to_yuan(view.proposed_fen) in t
    assert to_capital(view.proposed_fen) in t
    with db.session() as s:
        head_id = s.scalar(select(Person.id_number).where(Person.name == "王大山"))
    assert head_id in t  # the archived form carries the full ID
    assert "审批表" in result.suggested_file_name and result.suggested_file_name.endswith(".pdf")


def test_application_before_prelim_prints_a_marked_estimate(
    db: Database, actors: dict[str, Actor]
) -> None:
    """Before the 初审 the working is a provisional estimate and no amount is printed as decided."""
    app_id = _app(db, actors, "investigating")
    t = text(printing.application_form_pdf(db, actors["clerk"], app_id).pdf)
    assert "尚未初审" in t and "户月保障金额：" not in t


def test_every_print_is_audited_with_document_and_id_disclosure(
    db: Database, actors: dict[str, Actor]
) -> None:
    """Each print writes a 'print' audit event naming the document, pages, bytes and whether
    full IDs were shown, and the audit chain stays valid."""
    app_id = _app(db, actors, "approved")
    r = printing.application_form_pdf(db, actors["clerk"], app_id)
    printing.decision_letter_pdf(db, actors["clerk"], app_id)
    visit_id = casework.get_application(db, actors["clerk"], app_id).steps
    events = _prints(db)
    assert [e.detail["document"] for e in events] == ["application_form", "decision_confirm"]
    first = events[0]
    assert first.entity == "application" and first.entity_id == str(app_id)
    assert first.username == "clerk" and first.household_id is not None
    assert first.detail["pages"] == r.pages and first.detail["bytes"] == len(r.pdf)
    assert first.detail["full_ids"] is True and events[1].detail["full_ids"] is False
    assert visit_id  # the timeline exists
    with db.session() as s:
        assert audit.verify_chain(s) == []


def test_batch_prints_each_form_and_audits_each_household(
    db: Database, actors: dict[str, Actor]
) -> None:
    """A batch holds one form per application (each restarting its page numbers) and audits
    one event per application."""
    a = _app(db, actors, "approved")
    b = _app(db, actors, "publicity", income_fen=20000)
    result = printing.batch_application_forms_pdf(db, actors["clerk"], [a, b])
    single = printing.application_form_pdf(db, actors["clerk"], a)
    assert result.pages > single.pages
    assert text(result.pdf).count("申请审批表") >= 2
    events = [e for e in _prints(db) if e.detail["document"] == "application_form_batch"]
    assert sorted(int(e.entity_id) for e in events) == sorted([a, b])
    with pytest.raises(ValidationError):
        printing.batch_application_forms_pdf(db, actors["clerk"], [])


def test_batch_print_events_are_chained_in_print_order(
    db: Database, actors: dict[str, Actor]
) -> None:
    """The events of a batch print (written together) follow the printed order, each with its
    own household and the whole batch's ids, chained one to the next; the chain and the head's
    count stay valid."""
    a = _app(db, actors, "approved")
    b = _app(db, actors, "publicity", income_fen=20000)
    printing.batch_application_forms_pdf(db, actors["clerk"], [b, a])
    events = [e for e in _prints(db) if e.detail["document"] == "application_form_batch"]
    assert [int(e.entity_id) for e in events] == [b, a]
    assert events[0].hash == events[1].prev_hash and len({e.household_id for e in events}) == 2
    assert all(e.detail["ids"] == [b, a] and e.username == "clerk" for e in events)
    with db.session() as s:
        assert audit.verify_chain(s) == []
        head = s.get(AuditHead, 1)
        assert head is not None and head.last_hash == events[-1].hash
        assert head.count == s.scalar(select(func.count()).select_from(AuditEvent))


def test_batch_forms_read_the_same_rows_as_single_forms(
    db: Database, actors: dict[str, Actor]
) -> None:
    """Each form of a batch (rows loaded for all applications at once) prints the same text as
    that application's single form; an unknown id refuses the whole batch, unaudited."""
    a = _app(db, actors, "approved")
    b = _app(db, actors, "publicity", income_fen=20000)
    batch = text(printing.batch_application_forms_pdf(db, actors["clerk"], [b, a]).pdf)
    for app_id in (a, b):
        single = text(printing.application_form_pdf(db, actors["clerk"], app_id).pdf)
        body = [ln for ln in single.splitlines() if ln.strip() and "第 " not in ln]
        assert all(ln in batch for ln in body)
    before = len(_prints(db))
    with pytest.raises(NotFound):
        printing.batch_application_forms_pdf(db, actors["clerk"], [a, 999_999])
    assert len(_prints(db)) == before


def test_visit_record_lists_investigators_members_and_opinion(
    db: Database, actors: dict[str, Actor]
) -> None:
    """The 入户调查表 of a stored visit shows both investigators, the members and the opinion."""
    app_id = _app(db, actors, "prelim_review")
    from reliefdesk.services import visits

    visit = visits.list_visits(db, actors["clerk"], application_id=app_id)[0]
    result = printing.visit_record_pdf(db, actors["clerk"], visit.id)
    t = text(result.pdf)
    for needle in (
        "家庭经济状况入户调查表",
        "张三",
        "李四",
        "王大山",
        "王小林",
        "情况属实",
        "实地入户",
        "600.00",
    ):
        assert needle in t, needle
    assert _prints(db)[-1].entity == "visit"


def test_notice_shows_only_public_fields(db: Database, actors: dict[str, Actor]) -> None:
    """The 公示 sheet has name, household size, amount, village, period, hotline 12349 and the
    township phone, and no ID number, account or phone of any household in the database."""
    _office(db, actors["admin"])
    a = _app(db, actors, "publicity")
    b = _app(db, actors, "publicity", income_fen=30000)
    result = printing.notice_pdf(db, actors["clerk"], [a, b])
    t = text(result.pdf)
    va = casework.get_application(db, actors["clerk"], a)
    for needle in (
        "温泉镇最低生活保障拟确认对象公示",
        "王大山",
        "测试村",
        "2025年3月10日",
        "12349",
        OFFICE_PHONE,
        fen_to_yuan(va.proposed_fen or 0),
    ):
        assert needle in t, needle
    with db.session() as s:
        secrets = list(s.scalars(select(Person.id_number)))
        secrets += list(s.scalars(select(BankAccount.number)))
    secrets += [HOUSE_PHONE, "温泉镇测试村3组8号"]
    for secret in secrets:
        assert secret not in t
        assert secret[-8:] not in t  # not even a tail of it
    masked = text(printing.notice_pdf(db, actors["clerk"], [a], mask_names=True).pdf)
    assert "王*山" in masked and "王大山" not in masked
    events = [e for e in _prints(db) if e.detail["document"] == "notice"]
    assert len(events) == 3 and all(e.detail["full_ids"] is False for e in events)


def test_notice_refuses_applications_not_in_publicity(
    db: Database, actors: dict[str, Actor]
) -> None:
    """A notice for an application whose publicity has not started is refused with the rule."""
    app_id = _app(db, actors, "prelim_review")
    with pytest.raises(RuleViolation) as err:
        printing.notice_pdf(db, actors["clerk"], [app_id])
    assert "尚未开始公示" in str(err.value)
    assert _prints(db) == []


def test_decision_letters_for_approved_refused_and_undecided(
    db: Database, actors: dict[str, Actor]
) -> None:
    """Approved → 确认通知书 with amount in capitals and start month; refused → 不予确认告知书
    with the reasons; undecided → a clear error and no audit event."""
    approved = _app(db, actors, "approved")
    view = casework.get_application(db, actors["clerk"], approved)
    t = text(printing.decision_letter_pdf(db, actors["clerk"], approved).pdf)
    assert "确认通知书" in t and to_capital(view.proposed_fen or 0) in t and "2025年4月" in t
    refused = _app(db, actors, "awaiting_confirmation", income_fen=200000)
    casework.perform(
        db,
        actors["approver"],
        refused,
        "confirm",
        on_date=date(2025, 3, 18),
        decision="refuse",
        opinion="家庭月人均收入高于当地低保标准；拥有机动车辆",
    )
    t = text(printing.decision_letter_pdf(db, actors["clerk"], refused).pdf)
    assert "不予确认告知书" in t and "家庭月人均收入高于当地低保标准" in t and "拥有机动车辆" in t
    assert "行政复议" in t
    pending = _app(db, actors, "publicity")
    before = len(_prints(db))
    with pytest.raises(RuleViolation) as err:
        printing.decision_letter_pdf(db, actors["clerk"], pending)
    assert "尚未作出审核确认决定" in str(err.value)
    assert len(_prints(db)) == before


def test_print_needs_permission_and_existing_records(
    db: Database, actors: dict[str, Actor]
) -> None:
    """The auditor may not print; unknown ids are NotFound."""
    app_id = _app(db, actors, "accepted")
    with pytest.raises(PermissionDenied):
        printing.application_form_pdf(db, actors["auditor"], app_id)
    with pytest.raises(NotFound):
        printing.application_form_pdf(db, actors["clerk"], 999999)
    with pytest.raises(NotFound):
        printing.visit_record_pdf(db, actors["clerk"], 999999)


def test_office_not_set_up_falls_back_to_the_township(
    db: Database, actors: dict[str, Actor]
) -> None:
    """Without office settings the form still prints, naming the household's township."""
    app_id = _app(db, actors, "accepted")
    t = text(printing.application_form_pdf(db, actors["clerk"], app_id).pdf)
    assert "最低生活保障申请审批表" in t and "测试村" in t


def _cli(
    db: Database,
    tmp_path: Path,
    *args: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Test#Pass2026")
    code = cli_main(["--db", db.url, "--user", "clerk", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_forms_write_pdfs_and_refuse_bad_ids(
    db: Database,
    actors: dict[str, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`forms application/decision/notice/batch` write a PDF atomically; a bad id or an
    undecided application gives one line on stderr and a non-zero exit."""
    approved = _app(db, actors, "approved")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "form.pdf"
    code, stdout, _ = _cli(
        db,
        tmp_path,
        "forms",
        "application",
        "--id",
        str(approved),
        "--out",
        str(out),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF") and "已输出" in stdout
    assert [p.name for p in out_dir.iterdir()] == ["form.pdf"]  # no temp file left behind
    code, _, _ = _cli(
        db,
        tmp_path,
        "forms",
        "batch",
        "--ids",
        f"{approved},{approved}",
        "--out",
        str(tmp_path / "b.pdf"),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0 and (tmp_path / "b.pdf").exists()
    code, _, err = _cli(
        db,
        tmp_path,
        "forms",
        "application",
        "--id",
        "999999",
        "--out",
        str(tmp_path / "x.pdf"),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 4 and err.count("\n") == 1 and "不存在" in err
    assert not (tmp_path / "x.pdf").exists()
    pending = _app(db, actors, "publicity")
    code, _, err = _cli(
        db,
        tmp_path,
        "forms",
        "decision",
        "--id",
        str(pending),
        "--out",
        str(tmp_path / "d.pdf"),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 2 and err.count("\n") == 1 and "尚未作出审核确认决定" in err
    code, _, err = _cli(
        db,
        tmp_path,
        "forms",
        "notice",
        "--ids",
        "1,x",
        "--out",
        str(tmp_path / "n.pdf"),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 2 and err.count("\n") == 1
    code, _, _ = _cli(
        db,
        tmp_path,
        "forms",
        "notice",
        "--ids",
        str(pending),
        "--out",
        str(tmp_path / "n.pdf"),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0 and (tmp_path / "n.pdf").exists()
    with db.session() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "print")
            )
            == 3
        )  # batch ids deduplicated
