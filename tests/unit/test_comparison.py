"""Department data comparison end to end on SQLite and PostgreSQL: every source's synthetic
file (15-digit IDs, full-width digits, name variants, strangers, GBK csv, xls) matched with
the register, the rules' findings by kind, repeats refused or not duplicated, and refusals."""

from __future__ import annotations

from datetime import date

import pytest
from comparison_support import department_file, make_register
from sqlalchemy import func, select

from reliefdesk.domain.comparison import Thresholds, comparison_id, names_agree, severe_disability
from reliefdesk.errors import ValidationError
from reliefdesk.models import AuditEvent, ComparisonRun, DepartmentRow, Finding
from reliefdesk.services import comparison

#: findings by kind for the 8-person file of each source (see comparison_support)
EXPECTED = {
    "deaths": {"death": 3},  # the first recipient's death was reversed (冲销)
    "moves": {"moved_out": 4},
    "disability": {"disability_topup": 2, "disability_discovery": 1},
    "medical": {"illness_topup": 2, "medical_discovery": 5},  # 3 strangers with large self-pay
    "employment": {"employment": 4},
    "pension": {"pension": 4},
    "unemployment": {"unemployment": 4},
    "business": {"business": 4},
    "vehicle": {"vehicle": 2},  # tractors are exempt
    "property": {"property": 4},
    "housing_fund": {"housing_fund": 4},
    "public_employee": {"public_employee": 4},
    "poverty_monitoring": {"monitoring_discovery": 5},
    "disaster": {"disaster_discovery": 7},
}


def test_id_normalisation_and_names() -> None:
    """15-digit, full-width, spaced and lowercase-x IDs normalise to the 18-digit number;
    a 残疾证号 gives its first 18 characters; names allow spaces and the middle dot."""
    assert comparison_id("410482580301002") == "410482195803010022"
    assert comparison_id("４１０４８２１９５８０３０１００２２") == "410482195803010022"
    assert comparison_id(" 410482 19580301 0022 ") == "410482195803010022"
    assert comparison_id("11010519491231002x") == "11010519491231002X"
    assert comparison_id("41048219580301002252") == "410482195803010022"
    assert comparison_id(4.10482195803010022e17) is None  # a number cell lost its digits
    assert comparison_id("410482195803010023") is None
    assert names_agree("阿依古丽·买买提", "阿依古丽 买买提") and not names_agree("张三", "李三")
    t = Thresholds()
    assert severe_disability({"category": "智力", "level": "3级"}, t)
    assert not severe_disability({"category": "肢体", "level": "3"}, t)


def test_every_source_matches_and_makes_findings(db, actors, tmp_path) -> None:
    """Each source's file: 11 rows (8 people + 3 strangers; medical 3 rows each), 8 matched,
    3 unmatched, 1 name mismatch, and the expected findings by kind; runs and rows are kept
    and every run is audited."""
    _recs, people = make_register(db)
    clerk = actors["clerk"]
    for source, kinds in EXPECTED.items():
        path = department_file(tmp_path, source, people)
        result = comparison.compare_file(db, clerk, path, source)
        run = result.run
        per = 3 if source == "medical" else 1
        assert (run.rows_read, run.matched, run.unmatched) == (11 * per, 8 * per, 3 * per), source
        assert run.name_mismatches == per and run.bad_ids == 0, source
        assert run.by_kind == kinds, source
    with db.read_session() as s:
        assert s.scalar(select(func.count(ComparisonRun.id))) == len(EXPECTED)
        assert s.scalar(select(func.count(DepartmentRow.id))) == 11 * 13 + 33
        assert s.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "comparison.run")
        ) == len(EXPECTED)
        mismatch = s.scalars(
            select(Finding).where(Finding.kind == "employment", Finding.row_no == 4)
        ).one()
        assert "与登记不一致" in mismatch.message and mismatch.person_id is not None
    views = comparison.list_findings(db, clerk, open_only=True, kind="disaster_discovery")
    assert len(views) == 7 and sum(1 for v in views if v.person_id is None) == 3
    assert all("*" in v.id_masked for v in views)
    assert comparison.count_open(db, clerk) == sum(sum(k.values()) for k in EXPECTED.values())


def test_repeats_refused_or_not_duplicated(db, actors, tmp_path) -> None:
    """The same file twice is refused with nothing written; next month's file listing the
    same people adds no second open finding for the same person and kind."""
    _recs, people = make_register(db)
    clerk = actors["clerk"]
    path = department_file(tmp_path, "pension", people)
    comparison.compare_file(db, clerk, path, "pension")
    with pytest.raises(ValidationError) as exc:
        comparison.compare_file(db, clerk, path, "pension")
    assert exc.value.code == "compare.duplicate"
    later = tmp_path / "later"
    later.mkdir()
    from make_department_files import write_source

    again = write_source(later, "pension", people, month=date(2026, 12, 1), strangers=4)
    result = comparison.compare_file(db, clerk, again, "pension")
    assert result.run.findings == 0 and result.already_open == 4
    assert len(comparison.list_runs(db, clerk, "pension")) == 2


def test_refused_files_write_nothing(db, actors, tmp_path) -> None:
    """An unknown source, a file type we cannot read, a sheet without an ID column, and a
    mapping naming a missing label are refused with a Chinese message; nothing is written."""
    clerk = actors["clerk"]
    bad = tmp_path / "x.txt"
    bad.write_text("hello", encoding="utf-8")
    no_id = tmp_path / "no_id.csv"
    no_id.write_text("姓名,金额\n张三,1\n", encoding="utf-8")
    with_id = tmp_path / "with_id.csv"
    with_id.write_text("姓名,身份证号码\n张三,410482195803010022\n", encoding="utf-8")
    cases = [
        (bad, "deaths", None, "import.file_type"),
        (no_id, "nosuch", None, "compare.source"),
        (no_id, "deaths", None, "compare.header"),
        (with_id, "deaths", {"death_date": "死亡时间"}, "compare.mapping"),
    ]
    for path, source, mapping, code in cases:
        with pytest.raises(ValidationError) as exc:
            comparison.compare_file(db, clerk, path, source, mapping=mapping)
        assert exc.value.code == code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc.value))
    with db.read_session() as s:
        assert s.scalar(select(func.count(ComparisonRun.id))) == 0


def test_mapping_is_remembered_per_source(db, actors, tmp_path) -> None:
    """A file with the department's own column names needs a mapping once; the next file
    of that source is read with the remembered mapping."""
    _recs, people = make_register(db)
    clerk = actors["clerk"]
    p1 = tmp_path / "odd1.csv"
    p1.write_text(f"人员,号码\n{people[0].name},{people[0].id_number}\n", encoding="gbk")
    mapping = {"name": "人员", "id_number": "号码"}
    r1 = comparison.compare_file(db, clerk, p1, "public_employee", mapping=mapping)
    assert r1.run.matched == 1 and r1.run.by_kind == {"public_employee": 1}
    assert comparison.remembered_mapping(db, clerk, "public_employee") == mapping
    p2 = tmp_path / "odd2.csv"
    p2.write_text(f"人员,号码\n{people[1].name},{people[1].id_number}\n", encoding="utf-8")
    r2 = comparison.compare_file(db, clerk, p2, "public_employee")
    assert r2.run.matched == 1


def test_calendar_marks_monthly_sources_due(db, actors, tmp_path) -> None:
    """Before any run every periodic source is due; after this month's deaths run, deaths is
    not due this month but is next month; disaster (on delivery) is never due."""
    _recs, people = make_register(db)
    clerk = actors["clerk"]
    items = {i.source: i for i in comparison.calendar(db, clerk)}
    assert items["deaths"].due and not items["disaster"].due
    comparison.compare_file(db, clerk, department_file(tmp_path, "deaths", people), "deaths")
    today = date.today()
    items = {i.source: i for i in comparison.calendar(db, clerk, today)}
    assert not items["deaths"].due and items["deaths"].last_run is not None
    nxt = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    assert {i.source: i for i in comparison.calendar(db, clerk, nxt)}["deaths"].due
