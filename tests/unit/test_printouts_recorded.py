"""Printouts say what was recorded: no internal code reaches paper on any document, the
入户调查表 speaks the editor's vocabulary with continuous section numbers and keeps shared
income off the head's total, and the 审批表 prints 民族, 户籍性质, the income note and the
materials received."""

from __future__ import annotations

import io
import re
from datetime import date

from pdfminer.high_level import extract_text
from sqlalchemy import select
from test_casework_support import TWO, family_of_three, walk

from reliefdesk.db.engine import Database
from reliefdesk.models import IncomeItem, Person, User
from reliefdesk.services import casework, materials, printing, settings, visits
from reliefdesk.services.context import Actor
from reliefdesk.services.roster.generate import generate

# ASCII words a printout may legitimately carry (units, the office's web address in its QR
# caption); anything else in Latin letters is an internal code leaking onto paper.
ALLOWED_ASCII = {"https", "http", "example", "org", "policy", "www", "cn", "gov"}


def _raw(pdf: bytes) -> str:
    return extract_text(io.BytesIO(pdf))


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", _raw(pdf))


def _codes(pdf: bytes) -> set[str]:
    """ASCII identifiers (two letters or more, underscores allowed) in the extracted text;
    file numbers (NB2025-00001: the programme's pinyin initials) are the case's name; the
    roster's lock hash and the audit head are hex digits by design."""
    raw = re.sub(r"(花名册哈希|审计链头)：[0-9a-f:\s]+", "", _raw(pdf))
    words = set(re.findall(r"[A-Za-z][A-Za-z_]+", re.sub(r"\b[A-Z]{2}\d{4}-\d+", "", raw)))
    return {w for w in words if w.lower() not in ALLOWED_ASCII}


def _office(db: Database, admin: Actor) -> None:
    """The office, and real names for the staff (as the setup asks): 办理人 print by name."""
    with db.session() as s:
        for user in s.scalars(select(User)):
            user.display_name = {"clerk": "张敏", "reviewer": "王磊", "approver": "刘芳"}.get(
                user.username, f"职员{user.id}"
            )
        settings.save_office(
            s,
            admin,
            settings.OfficeInfo(
                county="汝州市",
                township_code="",
                office_name="温泉镇人民政府",
                phone="0375-6000111",
                policy_url="https://example.org/policy",
                township_name="温泉镇",
            ),
        )


def _case(db: Database, actors: dict[str, Actor], until: str, income: int = 60000) -> int:
    hh, ids = family_of_three(db, income)
    with db.session() as s:
        head = s.get(Person, ids[0])
        assert head is not None
        head.ethnicity, head.hukou_type = "回族", "rural"
        s.add(
            IncomeItem(
                household_id=hh,
                person_id=None,
                category="property",
                monthly_fen=12000,
                description="土地流转租金",
            )
        )
    app = casework.create_application(
        db, actors["clerk"], hh, ids[0], "rural_dibao", "因病致贫", date(2025, 3, 3)
    )
    materials.set_materials(
        db, actors["clerk"], app.id, {"application_form": True, "id_card": True}
    )
    if until != "accepted":
        walk(db, actors, app.id, until)
    return app.id


def _editor_visit(db: Database, actors: dict[str, Actor], app_id: int) -> int:
    """A visit as the editor saves it: the vocabulary's codes, a signed member."""
    view = casework.get_application(db, actors["clerk"], app_id)
    saved = visits.save_visit(
        db,
        actors["clerk"],
        visits.VisitInput(
            household_id=view.household_id,
            application_id=app_id,
            visit_date=date(2025, 3, 6),
            investigators=TWO,
            members_present=[{"name": "王大山", "relation": "户主", "signed": True}],
            housing={
                "type": "self_built",
                "structure": "brick_concrete",
                "area_m2": 80.0,
                "decoration": "简单",
            },
            spending={"utilities": "85", "medical": "300"},
            opinion="情况属实",
            recommendation="approve|家庭确有困难",
        ),
    )
    return saved.id


def test_no_printout_of_any_document_contains_an_internal_code(
    db: Database, actors: dict[str, Actor]
) -> None:
    """审批表 (single and batch), 入户调查表, 公示, 确认/不予确认 letters, 花名册 and 变动名册,
    printed from real records, carry no ASCII identifier in their text."""
    _office(db, actors["admin"])
    clerk = actors["clerk"]
    approved = _case(db, actors, "approved")
    in_publicity = _case(db, actors, "publicity")
    refused = _case(db, actors, "awaiting_confirmation", income=200000)
    casework.perform(
        db,
        actors["approver"],
        refused,
        "confirm",
        on_date=date(2025, 3, 18),
        decision="refuse",
        opinion="家庭月人均收入高于当地低保标准",
    )
    visit_id = _editor_visit(db, actors, approved)
    generate(db, clerk, "2025-04")
    documents = {
        "审批表": printing.application_form_pdf(db, clerk, approved).pdf,
        "批量审批表": printing.batch_application_forms_pdf(db, clerk, [approved, refused]).pdf,
        "入户调查表": printing.visit_record_pdf(db, clerk, visit_id).pdf,
        "公示": printing.notice_pdf(db, clerk, [in_publicity]).pdf,
        "确认通知书": printing.decision_letter_pdf(db, clerk, approved).pdf,
        "不予确认告知书": printing.decision_letter_pdf(db, clerk, refused).pdf,
        "花名册": printing.roster_pdf(db, clerk, "2025-04").pdf,
        "变动名册": printing.change_roster_pdf(db, clerk, "2025-04").pdf,
    }
    leaks = {name: sorted(_codes(pdf)) for name, pdf in documents.items() if _codes(pdf)}
    assert leaks == {}


def test_visit_form_speaks_the_editors_words(db: Database, actors: dict[str, Actor]) -> None:
    """The editor's codes print as words (自建房, 砖混结构, 月水电燃料费 85 元, 符合条件，建议纳入),
    sections are numbered without a gap, a signed member shows 已签字, and household-shared
    income has its own row: the head's total is his own income only."""
    app_id = _case(db, actors, "investigating")
    visit_id = _editor_visit(db, actors, app_id)
    t = _text(printing.visit_record_pdf(db, actors["clerk"], visit_id).pdf)
    for words in (
        "自建房",
        "砖混结构",
        "月水电燃料费",
        "85元",
        "月医疗支出",
        "符合条件，建议纳入；家庭确有困难",
        "已签字",
        "家庭共有",
    ):
        assert words in t, words
    numerals = "一二三四五六七八九十"
    used = {n for n in re.findall(r"([一二三四五六七八九十])、", t)}
    assert sorted(used, key=numerals.index) == list(numerals[: len(used)]) and len(used) >= 5
    # head 王大山: his own 600.00; the 120.00 rent on the shared row; household total 720.00
    with db.session() as s:
        from reliefdesk.services.printing.visits import load_visit, visit_record_data

        data = visit_record_data(s, load_visit(s, visit_id))
    head = next(m for m in data.members if m.name == "王大山")
    assert head.monthly_income_fen == 60000
    assert [i.monthly_fen for i in data.household_income] == [12000]
    assert "720.00" in t


def test_application_form_prints_what_was_recorded(db: Database, actors: dict[str, Actor]) -> None:
    """The 审批表 prints the applicant's recorded 民族 and 户籍性质 (not 汉族 for everyone), the
    income note, and each material as 已收/未收."""
    app_id = _case(db, actors, "accepted")
    t = _text(printing.application_form_pdf(db, actors["clerk"], app_id).pdf)
    assert "民族回族" in t and "户籍性质农业" in t
    assert "土地流转租金" in t
    assert "申请书：已收" in t and "承诺书：未收" in t and "身份证复印件：已收" in t
    with db.session() as s:
        head = s.scalars(select(Person).where(Person.name == "李秀兰")).first()
        assert head is not None and head.ethnicity == ""


def test_roster_prepared_by_is_the_users_name(db: Database, actors: dict[str, Actor]) -> None:
    """The roster's 制表人 is the clerk's real name, not the sign-in name."""
    _office(db, actors["admin"])
    _case(db, actors, "approved")
    clerk = actors["clerk"]
    named = Actor(clerk.user_id, clerk.username, "张敏", clerk.role)
    generate(db, named, "2025-04")
    from reliefdesk.models import Roster

    with db.session() as s:
        assert set(s.scalars(select(Roster.generated_by_name))) == {"张敏"}
