"""Person search: name, initials, full pinyin, polyphonic surnames, ID fragments, village,
ranking, filters, index use."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, select, text

from reliefdesk.domain.idnumber import make_id
from reliefdesk.errors import ValidationError
from reliefdesk.models import Person, PersonSearchKey
from reliefdesk.services import register as reg
from reliefdesk.services.search import rebuild_search_keys, search_persons

NAMES = ["张三", "张三丰", "曾小明", "单田芳", "解晓东", "李张三", "王五"]


@pytest.fixture
def people(db, actors):
    clerk = actors["clerk"]
    t = reg.list_townships(db, clerk)[0]
    v1 = reg.add_village(db, clerk, t.id, "东营村")
    v2 = reg.add_village(db, clerk, t.id, "杏树坪村")
    ids = {}
    for i, name in enumerate(NAMES):
        vil = v2 if name == "王五" else v1
        h = reg.create_household(
            db, clerk, reg.HouseholdInput(village_id=vil.id, area_type="rural")
        )
        number = make_id("410482", date(1950 + i, 1 + i, 10 + i), 100 + i)
        p = reg.add_person(db, clerk, h.id, reg.PersonInput(name=name, id_number=number))
        ids[name] = (p.id, number)
    return {"ids": ids, "clerk": clerk, "v1": v1, "v2": v2}


def names(hits):
    return [h.name for h in hits]


def test_exact_name_ranks_before_prefix_and_contains(db, people):
    """Exact name first, then name prefix, then name contains."""
    hits = search_persons(db, people["clerk"], "张三")
    assert names(hits) == ["张三", "张三丰", "李张三"]
    assert [h.match for h in hits] == ["name_exact", "name_prefix", "name_contains"]


def test_initials_and_full_pinyin(db, people):
    """Initials and full pinyin match by prefix."""
    assert set(names(search_persons(db, people["clerk"], "zs"))) == {"张三", "张三丰"}
    assert names(search_persons(db, people["clerk"], "zhangsanf")) == ["张三丰"]
    assert names(search_persons(db, people["clerk"], "Zhang San")) == ["张三", "张三丰"]


@pytest.mark.parametrize(
    "query,name",
    [
        ("zengxiao", "曾小明"),
        ("cengxiaoming", "曾小明"),
        ("cxm", "曾小明"),
        ("shantianfang", "单田芳"),
        ("dtf", "单田芳"),
        ("xiexiaodong", "解晓东"),
        ("jxd", "解晓东"),
    ],
)
def test_polyphonic_surnames(db, people, query, name):
    """Every reading of 曾, 单 and 解 finds the person."""
    assert name in names(search_persons(db, people["clerk"], query))


def test_id_fragment_suffix_and_contains(db, people):
    """A ≥4-character ID fragment finds by suffix first, then by contains; full IDs too."""
    pid, number = people["ids"]["曾小明"]
    hits = search_persons(db, people["clerk"], number[-6:])
    assert hits[0].person_id == pid and hits[0].match == "id_suffix"
    assert hits[0].masked_id == number[:6] + "********" + number[-4:]
    middle = search_persons(db, people["clerk"], number[6:14])
    assert [h.person_id for h in middle] == [pid] and middle[0].match == "id_contains"
    assert search_persons(db, people["clerk"], number)[0].person_id == pid
    with pytest.raises(ValidationError):
        search_persons(db, people["clerk"], "123")


def test_village_name_and_village_filter(db, people):
    """A village name finds its residents; village_id narrows any search."""
    assert names(search_persons(db, people["clerk"], "杏树坪")) == ["王五"]
    assert search_persons(db, people["clerk"], "zs", village_id=people["v2"].id) == []


def test_programme_filter_excludes_unenrolled(db, people):
    """The programme filter keeps only current members of a live enrollment."""
    assert search_persons(db, people["clerk"], "zs", programme="dibao") == []


def test_rebuild_search_keys(db, people):
    """rebuild_search_keys restores keys wiped by a bulk load, for all or some persons."""
    with db.session() as s:
        s.execute(delete(PersonSearchKey))
    assert search_persons(db, people["clerk"], "zs") == []
    with db.session() as s:
        assert rebuild_search_keys(s, [people["ids"]["张三"][0]]) == 1
    assert names(search_persons(db, people["clerk"], "zs")) == ["张三"]
    with db.session() as s:
        assert rebuild_search_keys(s) == len(NAMES)
        assert (
            s.scalar(select(Person.search_initials).where(Person.id == people["ids"]["曾小明"][0]))
            == "zxm"
        )
    assert len(search_persons(db, people["clerk"], "zs")) == 2


def test_queries_use_indexes(sqlite_db):
    """On SQLite the name-prefix and pinyin queries search an index (no full table scan)."""
    with sqlite_db.session() as s:
        conn = s.connection()
        plans = {
            "pinyin": "SELECT person_id FROM person_search_key WHERE key >= 'zs' AND key < 'zt'"
            " ORDER BY key",
            "name": "SELECT id FROM person WHERE name >= '张' AND name < '张\U00000001'"
            " ORDER BY name",
        }
        for label, sql in plans.items():
            plan = " ".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
            assert "USING" in plan and "INDEX" in plan, (label, plan)
