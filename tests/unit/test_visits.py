"""入户调查 records: two investigators, dates, modes, photos with hashes and size limits."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from test_casework_support import TWO, family_of_three

from reliefdesk.errors import NotFound, PermissionDenied, StaleDataError, ValidationError
from reliefdesk.services import casework, visits
from reliefdesk.services.visits import MAX_PHOTO_BYTES, VisitInput

D = date(2025, 3, 5)


def test_two_investigators_required(db, actors):
    """One investigator (or the same name twice) is refused on the investigators field."""
    hid, _ = family_of_three(db)
    for inv in (
        [{"name": "张三"}],
        [{"name": "张三"}, {"name": "张三"}],
        [{"name": "张三"}, {"name": " "}],
    ):
        with pytest.raises(ValidationError) as exc:
            visits.save_visit(db, actors["clerk"], VisitInput(hid, D, inv))
        assert exc.value.field == "investigators"
        assert exc.value.rule == "民发〔2021〕57号 第十六条"
    assert visits.list_visits(db, actors["clerk"], household_id=hid) == []


def test_date_and_mode_validated(db, actors):
    """A visit dated in the future or with an unknown mode is refused."""
    hid, _ = family_of_three(db)
    with pytest.raises(ValidationError) as exc:
        visits.save_visit(
            db, actors["clerk"], VisitInput(hid, date.today() + timedelta(days=1), TWO)
        )
    assert exc.value.field == "visit_date"
    with pytest.raises(ValidationError) as exc:
        visits.save_visit(db, actors["clerk"], VisitInput(hid, D, TWO, mode="letter"))
    assert exc.value.field == "mode"
    v = visits.save_visit(db, actors["clerk"], VisitInput(hid, D, TWO, mode="video"))
    assert v.mode_label == "视频"


def test_photos_from_path_and_bytes_with_sha256(db, actors, tmp_path):
    """Photos from a file path and from bytes are kept with their SHA-256 and read back."""
    hid, _ = family_of_three(db)
    jpg = tmp_path / "房屋.jpg"
    jpg.write_bytes(b"\xff\xd8jpegdata")
    v = visits.save_visit(
        db,
        actors["clerk"],
        VisitInput(
            hid,
            D,
            TWO,
            housing={"type": "自建", "structure": "砖混", "area_m2": 80},
            members_present=[{"name": "王大山", "signed": True}],
            vehicles="无",
            photos=[jpg, ("厨房.png", b"\x89PNGdata")],
            opinion="家庭困难属实",
            recommendation="建议纳入",
        ),
    )
    assert [(p.filename, p.mime, p.size) for p in v.photos] == [
        ("房屋.jpg", "image/jpeg", 10),
        ("厨房.png", "image/png", 8),
    ]
    assert v.photos[0].sha256 == hashlib.sha256(b"\xff\xd8jpegdata").hexdigest()
    name, mime, data = visits.get_photo(db, actors["auditor"], v.photos[1].id)
    assert (name, mime, data) == ("厨房.png", "image/png", b"\x89PNGdata")
    got = visits.get_visit(db, actors["reviewer"], v.id)
    assert got.housing["structure"] == "砖混" and got.members_present[0]["name"] == "王大山"


def test_photo_size_limit_and_missing_file(db, actors, tmp_path):
    """A photo over 10 MB or an unreadable path is refused with a clear message; nothing saved."""
    hid, _ = family_of_three(db)
    with pytest.raises(ValidationError) as exc:
        visits.save_visit(
            db,
            actors["clerk"],
            VisitInput(hid, D, TWO, photos=[("big.jpg", b"0" * (MAX_PHOTO_BYTES + 1))]),
        )
    assert exc.value.field == "photos" and "10 MB" in exc.value.message
    with pytest.raises(ValidationError) as exc:
        visits.save_visit(
            db, actors["clerk"], VisitInput(hid, D, TWO, photos=[tmp_path / "nope.jpg"])
        )
    assert exc.value.code == "visit.photo_read"
    assert visits.list_visits(db, actors["clerk"], household_id=hid) == []


def test_visit_linked_to_investigation_records_case_step(db, actors):
    """Saving a visit for an application under investigation records the record_visit step."""
    hid, ids = family_of_three(db)
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", date(2025, 3, 3)
    )
    casework.perform(db, actors["clerk"], app.id, "start_investigation", on_date=date(2025, 3, 4))
    v = visits.save_visit(db, actors["clerk"], VisitInput(hid, D, TWO, application_id=app.id))
    view = casework.get_application(db, actors["clerk"], app.id)
    assert [s.action for s in view.steps][-1] == "record_visit"
    assert view.steps[-1].decision == f"visit:{v.id}"
    assert [x.id for x in visits.list_visits(db, actors["clerk"], application_id=app.id)] == [v.id]
    with pytest.raises(ValidationError):  # the same visit cannot count twice
        casework.perform(db, actors["clerk"], app.id, "record_visit", on_date=D, visit_id=v.id)


def test_visit_for_other_household_application_refused(db, actors):
    """A visit cannot be attached to another household's application."""
    hid, ids = family_of_three(db)
    other, _ = family_of_three(db)
    app = casework.create_application(
        db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", date(2025, 3, 3)
    )
    with pytest.raises(ValidationError) as exc:
        visits.save_visit(db, actors["clerk"], VisitInput(other, D, TWO, application_id=app.id))
    assert exc.value.field == "application_id"


def test_edit_visit_with_version_and_permissions(db, actors):
    """Editing keeps the record id; a stale version and an auditor's write are refused."""
    hid, _ = family_of_three(db)
    v = visits.save_visit(db, actors["clerk"], VisitInput(hid, D, TWO, opinion="初稿"))
    v2 = visits.save_visit(
        db,
        actors["clerk"],
        VisitInput(hid, D, TWO, opinion="定稿", id=v.id, expected_version=v.version),
    )
    assert v2.id == v.id and v2.opinion == "定稿" and v2.version > v.version
    with pytest.raises(StaleDataError):
        visits.save_visit(
            db, actors["clerk"], VisitInput(hid, D, TWO, id=v.id, expected_version=v.version)
        )
    with pytest.raises(PermissionDenied):
        visits.save_visit(db, actors["auditor"], VisitInput(hid, D, TWO))
    with pytest.raises(NotFound):
        visits.get_visit(db, actors["clerk"], 987654)


def test_list_is_paged_newest_first_without_reading_photo_data(db, actors):
    """With limit/offset the list comes newest first in pages; photos show name and size."""
    hid, _ = family_of_three(db)
    clerk = actors["clerk"]
    start = date.today() - timedelta(days=30)
    for n in range(5):
        visits.save_visit(
            db,
            clerk,
            VisitInput(
                household_id=hid,
                visit_date=start + timedelta(days=n),
                investigators=TWO,
                photos=[(f"p{n}.jpg", b"x" * (10 + n))] if n == 4 else [],
            ),
        )
    everything = visits.list_visits(db, clerk, household_id=hid)
    assert [v.visit_date for v in everything] == sorted(v.visit_date for v in everything)
    first = visits.list_visits(db, clerk, household_id=hid, limit=2)
    second = visits.list_visits(db, clerk, household_id=hid, limit=2, offset=2)
    assert [v.visit_date for v in first] == [start + timedelta(days=4), start + timedelta(days=3)]
    assert [v.visit_date for v in second] == [start + timedelta(days=2), start + timedelta(days=1)]
    assert [(p.filename, p.size) for p in first[0].photos] == [("p4.jpg", 14)]
