"""Low-income register and key-group visits through the services: entries with their review
and exit (audited, versioned), 退出保障 bring-in, the finding hook, plans, visits and figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from test_casework_support import make_household as case_household
from test_roster_support import make_household as recipient_household
from test_roster_support import setup_policy

from reliefdesk.domain.low_income import review_date
from reliefdesk.errors import PermissionDenied, RuleViolation, StaleDataError, ValidationError
from reliefdesk.models import AuditEvent, Enrollment, Household, LowIncomeEntry
from reliefdesk.services import low_income as li

TODAY = date.today()
MONTH = TODAY.replace(day=1)


def _actions(db, entity: str) -> list[str]:
    with db.read_session() as s:
        return list(
            s.scalars(
                select(AuditEvent.action).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
            )
        )


def test_add_review_exit_with_versions_and_audit(db, actors):
    """An entry is added with its category rhythm, reviewed with the version shown (an older
    version is refused), exited with a reason; each step is audited and 低保边缘 follows the
    household's near_dibao attribute."""
    hid, _ = case_household(db, [{"birth": date(1970, 1, 1)}])
    clerk = actors["clerk"]
    e = li.add_entry(db, clerk, hid, "near_dibao", "人均收入低于低保标准1.5倍")
    assert e.category_label == "低保边缘" and e.source == "manual"
    assert e.next_review == review_date("near_dibao", TODAY)
    with db.read_session() as s:
        assert s.get(Household, hid).near_dibao is True
    reviewed = li.update_entry(
        db, clerk, e.id, expected_version=e.version, next_review=TODAY + timedelta(days=10)
    )
    assert reviewed.due and reviewed.version == e.version + 1
    with pytest.raises(StaleDataError):
        li.exit_entry(db, clerk, e.id, "收入增加", expected_version=e.version)
    out = li.exit_entry(db, clerk, e.id, "收入增加", expected_version=reviewed.version)
    assert out.exit_on == TODAY and out.exit_reason == "收入增加"
    with db.read_session() as s:
        assert s.get(Household, hid).near_dibao is False
    assert _actions(db, "low_income_entry") == [
        "low_income.add",
        "low_income.update",
        "low_income.exit",
    ]
    assert li.list_entries(db, clerk) == []
    assert [v.id for v in li.list_entries(db, clerk, include_exited=True)] == [e.id]


def test_bad_input_refused_and_nothing_written(db, actors):
    """Unknown category, empty reason, a second active entry, a recipient household, a
    rigid-expense review past 12 months and an auditor are refused without a row."""
    hid, _ = case_household(db, [{"birth": date(1970, 1, 1)}])
    clerk = actors["clerk"]
    with pytest.raises(ValidationError):
        li.add_entry(db, clerk, hid, "rich", "x")
    with pytest.raises(ValidationError):
        li.add_entry(db, clerk, hid, "near_dibao", "  ")
    with pytest.raises(ValidationError) as exc:
        li.add_entry(
            db, clerk, hid, "rigid_expense", "医疗支出", next_review=TODAY + timedelta(days=400)
        )
    assert "12个月" in str(exc.value)
    with pytest.raises(PermissionDenied):
        li.add_entry(db, actors["auditor"], hid, "near_dibao", "x")
    li.add_entry(db, clerk, hid, "rigid_expense", "医疗支出大")
    with pytest.raises(RuleViolation):
        li.add_entry(db, clerk, hid, "near_dibao", "x")
    setup_policy(db)
    rec = recipient_household(db)
    with pytest.raises(RuleViolation):
        li.add_entry(db, clerk, rec["household_id"], "near_dibao", "x")
    with db.read_session() as s:
        assert len(s.scalars(select(LowIncomeEntry)).all()) == 1


def test_due_reviews_listed_and_counted(db, actors):
    """Entries whose review is within 30 days or overdue are listed as due and counted."""
    clerk = actors["clerk"]
    a, _ = case_household(db, [{"birth": date(1970, 1, 1)}])
    b, _ = case_household(db, [{"birth": date(1971, 1, 1)}])
    li.add_entry(db, clerk, a, "finding", "比对发现", entered_on=TODAY - timedelta(days=100))
    li.add_entry(db, clerk, b, "near_dibao", "边缘")
    due = li.list_entries(db, clerk, due_only=True)
    assert [v.household_id for v in due] == [a]
    assert li.due_count(db, clerk) == 1


def test_terminated_recipient_brought_in_as_exited_aid(db, actors):
    """A household whose dibao ended is offered and entered as 退出保障 from the register;
    one still receiving is not."""
    setup_policy(db)
    ended = recipient_household(db)
    recipient_household(db)
    with db.session() as s:
        e = s.get(Enrollment, ended["enrollment_id"])
        e.status, e.end_month, e.terminated_reason = "terminated", date(2026, 1, 1), "收入超标"
    offered = li.exited_households(db, actors["clerk"])
    assert [o.household_id for o in offered] == [ended["household_id"]]
    entry = li.bring_in(db, actors["clerk"], ended["household_id"])
    assert entry.category == "exited_aid" and entry.source == "register"
    assert entry.source_ref == f"enrollment:{ended['enrollment_id']}"
    assert "收入超标" in entry.reason
    assert li.exited_households(db, actors["clerk"]) == []
    with pytest.raises(RuleViolation):
        li.bring_in(db, actors["clerk"], ended["household_id"])


def test_enter_from_finding_in_callers_transaction(db, actors):
    """The finding hook enters a household with source 'finding' in the caller's session;
    called again it returns the same entry and audits the link."""
    hid, _ = case_household(db, [{"birth": date(1970, 1, 1)}])
    with db.session() as s:
        first = li.enter_from_finding_in(
            s, actors["clerk"], hid, "expenditure", "医保自付超标", "finding:7"
        )
    with db.session() as s:
        again = li.enter_from_finding_in(
            s, actors["clerk"], hid, "expenditure", "医保自付超标", "finding:8"
        )
    assert first.id == again.id and first.source == "finding" and first.source_ref == "finding:7"
    assert _actions(db, "low_income_entry") == ["low_income.add", "low_income.finding_linked"]


def _key_village(db):
    """A village with a seriously ill man, an 85-year-old living alone, a healthy family."""
    _sick, sick_ids = case_household(
        db, [{"name": "张重病", "birth": date(1965, 1, 1), "health": "serious"}]
    )
    _old, old_ids = case_household(db, [{"name": "李高龄", "birth": date(1935, 5, 1)}])
    case_household(
        db,
        [
            {"name": "王健康", "birth": date(1980, 1, 1)},
            {"name": "王孩", "birth": date(2015, 1, 1)},
        ],
    )
    return sick_ids[0], old_ids[0]


def test_plan_visit_and_figures(db, actors):
    """The month's plan holds the key-group people of the village; a visit counts for the
    plan and the figures give people visited, problems found and solved by group and
    village; re-planning adds nobody twice."""
    clerk = actors["clerk"]
    sick, old = _key_village(db)
    proposal = li.propose(db, clerk, MONTH)
    assert {(p.person_id, p.key_group) for p in proposal} == {
        (sick, "serious_illness"),
        (old, "elderly_alone"),
    }
    plans = li.make_plans(db, clerk, MONTH, responsible="包村干部赵")
    assert len(plans) == 1 and plans[0].responsible == "包村干部赵"
    assert len(plans[0].items) == 2
    again = li.make_plans(db, clerk, MONTH)
    assert len(again[0].items) == 2
    v = li.record_visit(db, clerk, sick, TODAY, "需要门诊报销", "协助申请医疗救助", True)
    assert v.plan_item_id is not None and v.group_label == "重病"
    li.record_visit(db, clerk, old, TODAY, "", "送去米面", False, visitor="赵")
    li.record_visit(db, clerk, old, TODAY, "屋顶漏雨", "", False)
    listed = li.list_plans(db, clerk, MONTH)[0]
    assert listed.visited == 2
    stats = li.patrol_stats(db, clerk, MONTH, MONTH)
    assert (stats.total.people, stats.total.visits, stats.total.problems, stats.total.solved) == (
        2,
        3,
        2,
        1,
    )
    assert stats.by_group["serious_illness"].solved == 1
    assert stats.by_group["elderly_alone"].visits == 2
    assert stats.by_village == (("测试村", stats.total),)
    assert (stats.planned, stats.planned_visited) == (2, 2)
    assert len(li.list_visits(db, clerk, MONTH, MONTH)) == 3


def test_visit_and_plan_bad_input(db, actors):
    """A future date, 'solved' without a need, an unknown mode, a plan without a person
    responsible or with someone from another village, and a stale plan are refused."""
    clerk = actors["clerk"]
    sick, _old = _key_village(db)
    with pytest.raises(ValidationError):
        li.record_visit(db, clerk, sick, TODAY + timedelta(days=1), "x", "y", False)
    with pytest.raises(ValidationError):
        li.record_visit(db, clerk, sick, TODAY, "", "y", True)
    with pytest.raises(ValidationError):
        li.record_visit(db, clerk, sick, TODAY, "x", "y", False, mode="letter")
    with db.read_session() as s:
        from reliefdesk.models import Person

        village = s.get(Household, s.get(Person, sick).household_id).village_id
    with pytest.raises(ValidationError):
        li.save_plan(db, clerk, MONTH, village, " ", [(sick, "serious_illness")])
    plan = li.save_plan(db, clerk, MONTH, village, "赵", [(sick, "serious_illness")])
    assert [i.person_id for i in plan.items] == [sick]
    edited = li.save_plan(db, clerk, MONTH, village, "钱", [], expected_version=plan.version)
    assert edited.items == () and edited.responsible == "钱"
    with pytest.raises(StaleDataError):
        li.save_plan(db, clerk, MONTH, village, "孙", [], expected_version=plan.version)
    assert li.patrol_stats(db, clerk, MONTH, MONTH).total.visits == 0
    with pytest.raises(ValidationError):
        li.patrol_stats(db, clerk, MONTH, MONTH.replace(year=MONTH.year - 1))


def test_demo_office_has_entries_plan_and_visits(db, actors):
    """The demo office has register entries (退出保障 among them), this month's visit plans
    with visits, and the figures count them; the audit chain stays one demo event."""
    from reliefdesk import demo
    from reliefdesk.services.audit import verify_chain
    from reliefdesk.services.context import SYSTEM

    demo.generate_demo(db, SYSTEM, 300, as_of=TODAY)
    clerk = actors["clerk"]
    entries = li.list_entries(db, clerk)
    assert len(entries) >= 8 and "exited_aid" in {e.category for e in entries}
    plans = li.list_plans(db, clerk, MONTH)
    assert plans and all(p.items for p in plans)
    stats = li.patrol_stats(db, clerk, MONTH, MONTH)
    assert stats.total.people == sum(p.visited for p in plans) > 0
    assert stats.total.solved > 0 and stats.planned == sum(len(p.items) for p in plans)
    with db.read_session() as s:
        assert verify_chain(s) == []


def test_every_code_fits_its_column():
    """Every category, source and key-group code fits the column that stores it."""
    from reliefdesk.domain import low_income as rules
    from reliefdesk.models import PatrolPlanItem, PatrolVisit

    cols = LowIncomeEntry.__table__.c
    assert max(map(len, rules.CATEGORIES)) <= cols.category.type.length
    assert max(map(len, rules.SOURCES)) <= cols.source.type.length
    for model in (PatrolPlanItem, PatrolVisit):
        assert max(map(len, rules.KEY_GROUPS)) <= model.__table__.c.key_group.type.length


def test_demo_puts_each_household_on_the_register_once(db):
    """No demo household has two active entries (free and exited households may overlap)."""
    from reliefdesk import demo
    from reliefdesk.services.context import SYSTEM

    demo.generate_demo(db, SYSTEM, 300, as_of=TODAY)
    with db.read_session() as s:
        hids = list(s.scalars(select(LowIncomeEntry.household_id)))
    assert len(hids) == len(set(hids)) >= 8


def test_review_follows_the_rhythm_within_the_validity(db, actors):
    """A review today moves the next review to the category's rhythm from today; a 刚性支出困难
    entry is capped at 12 months after entry, and once that passed the review is refused
    (the household must apply again)."""
    clerk = actors["clerk"]
    a, _ = case_household(db, [{"birth": date(1970, 1, 1)}])
    b, _ = case_household(db, [{"birth": date(1971, 1, 1)}])
    c, _ = case_household(db, [{"birth": date(1972, 1, 1)}])
    e = li.add_entry(db, clerk, a, "finding", "比对", entered_on=TODAY - timedelta(days=80))
    reviewed = li.review_entry(db, clerk, e.id, expected_version=e.version)
    assert reviewed.next_review == review_date("finding", TODAY) and not reviewed.due
    r = li.add_entry(db, clerk, b, "rigid_expense", "医疗", entered_on=TODAY - timedelta(days=200))
    capped = li.review_entry(db, clerk, r.id, expected_version=r.version)
    assert capped.next_review == review_date("rigid_expense", r.entered_on)
    old = li.add_entry(
        db, clerk, c, "rigid_expense", "医疗", entered_on=TODAY - timedelta(days=370)
    )
    with pytest.raises(ValidationError) as exc:
        li.review_entry(db, clerk, old.id, expected_version=old.version)
    assert "12个月" in str(exc.value)
    with pytest.raises(StaleDataError):
        li.review_entry(db, clerk, e.id, expected_version=e.version)


def test_visit_can_put_the_household_on_the_register(db, actors):
    """A visit that finds hardship enters the household as 走访发现 in the same transaction,
    linked to the visit; a second such visit finds the entry; for a recipient household the
    visit is refused and nothing is written."""
    clerk = actors["clerk"]
    _sick, old = _key_village(db)
    v = li.record_visit(
        db, clerk, old, TODAY, "独居无人照料", "联系村医", False, enter_register=True
    )
    entry = li.get_entry(db, clerk, v.entry_id)
    assert (entry.category, entry.source, entry.source_ref) == (
        "visit",
        "visit",
        f"patrol_visit:{v.id}",
    )
    again = li.record_visit(db, clerk, old, TODAY, "", "回访", False, enter_register=True)
    assert again.entry_id == entry.id
    setup_policy(db)
    rec = recipient_household(db)
    with db.read_session() as s:
        from reliefdesk.models import Person

        payee = s.get(Person, rec["payee_id"]).id
    with pytest.raises(RuleViolation):
        li.record_visit(db, clerk, payee, TODAY, "困难", "", False, enter_register=True)
    assert len(li.list_visits(db, clerk, MONTH, MONTH)) == 2
