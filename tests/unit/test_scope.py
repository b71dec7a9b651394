"""Township scopes on a county server (issue 18): a township user reads only their township's
rows through every public service read, every write on another township's row is refused, and
the list of checked functions is complete (a new public service function must be added here).

The county world: township A (410482101) and township B (410482102), each with a household
walked to approval (application, visit, enrollment), an enrolled household with a bank card
and a locked roster of its own for 2026-01. County actors (the ``actors`` fixture) build it;
``ta`` are township-A actors.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select, update
from test_casework_support import family_of_three, walk
from test_roster_support import make_household, setup_policy

from reliefdesk.domain.accounts import make_card_number
from reliefdesk.errors import PermissionDenied
from reliefdesk.models import Application, AuditEvent, Household, Township, Village
from reliefdesk.services import (
    casework,
    enrollment_changes,
    enrollment_events,
    enrollment_views,
    household_page,
    materials,
    printing,
    register,
    roster,
    search,
    statistics,
    termination,
    visits,
)
from reliefdesk.services.context import Actor

MONTH = "2026-01"


@dataclass
class World:
    a: int  # township ids
    b: int
    ha: int  # casework households
    hb: int
    app_a: int
    app_b: int
    visit_a: int
    visit_b: int
    enr_a: int
    enr_b: int
    roster_a: int
    roster_b: int
    paid_a: int  # enrolled households with a card
    paid_b: int
    ta: dict[str, Actor]  # township-A actors by role name


def _town(db: Any, code: str) -> int:
    with db.session() as s:
        return int(s.scalar(select(Township.id).where(Township.code == code)))


def _move(db: Any, household_id: int, township_id: int, village: str) -> None:
    with db.session() as s:
        vil = s.scalar(
            select(Village).where(Village.township_id == township_id, Village.name == village)
        )
        if vil is None:
            vil = Village(township_id=township_id, name=village)
            s.add(vil)
            s.flush()
        s.get(Household, household_id).village_id = vil.id


def _lock(db: Any, actors: dict[str, Actor], township_id: int) -> int:
    view = roster.generate(db, actors["clerk"], MONTH, township_id=township_id)
    warnings = [p for p in roster.validate(db, actors["clerk"], view.id) if p.severity == "warning"]
    if warnings:
        roster.acknowledge(db, actors["reviewer"], view.id, warnings, note="已核实")
    return roster.lock(db, actors["approver"], view.id).id


def build_world(db: Any, actors: dict[str, Actor]) -> World:
    setup_policy(db)
    a, b = _town(db, "410482101"), _town(db, "410482102")
    cases = {}
    for town, village in ((a, "东村"), (b, "西村")):
        hid, ids = family_of_three(db)
        _move(db, hid, town, village)
        app = casework.create_application(
            db, actors["clerk"], hid, ids[0], "rural_dibao", "困难", date(2025, 3, 3)
        )
        card = make_card_number("621700", 19, f"12345678{town:02d}")
        register.add_account(
            db, actors["clerk"], hid, ids[0], "bank_card", card, effective_month=date(2025, 1, 1)
        )
        walk(db, actors, app.id, "approved")
        vis = visits.list_visits(db, actors["clerk"], household_id=hid)[0].id
        enr = enrollment_views.list_enrollments(db, actors["clerk"], household_id=hid)[0].id
        paid = make_household(db, village=village)["household_id"]
        _move(db, paid, town, village)
        with db.session() as s:  # the roster helper's shortcut state -> the real one
            s.execute(
                update(Application).where(Application.household_id == paid).values(state="approved")
            )
        cases[town] = (hid, app.id, vis, enr, paid)
    ra, rb = _lock(db, actors, a), _lock(db, actors, b)
    ta = {k: replace(v, township_id=a) for k, v in actors.items()}
    (ha, app_a, vis_a, enr_a, paid_a), (hb, app_b, vis_b, enr_b, paid_b) = cases[a], cases[b]
    return World(a, b, ha, hb, app_a, app_b, vis_a, vis_b, enr_a, enr_b, ra, rb, paid_a, paid_b, ta)


def _township_of(db: Any, household_ids: set[int]) -> set[int]:
    with db.read_session() as s:
        return set(
            s.scalars(
                select(Village.township_id)
                .join(Household, Household.village_id == Village.id)
                .where(Household.id.in_(household_ids))
            )
        )


# --- the reads --------------------------------------------------------------------------------
# Each check gets (db, world, township-A clerk) and returns the household ids it saw (all must
# be in township A, and A's must be there), or None when it asserted by itself.

Check = Callable[[Any, World, Actor], "set[int] | None"]


def _denied(call: Callable[[], object]) -> None:
    with pytest.raises(PermissionDenied) as exc:
        call()
    assert exc.value.code == "scope.township"
    assert "其他乡镇" in str(exc.value)


def _one(get_a: Callable[[], object], get_b: Callable[[], object]) -> None:
    get_a()
    _denied(get_b)


def _c_search(db: Any, w: World, me: Actor) -> set[int]:
    hits = search.search_persons(db, me, "王大山")
    with db.read_session() as s:
        again = search.search_persons_in(s, me, "王大山")
    assert [h.person_id for h in hits] == [h.person_id for h in again]
    return {h.household_id for h in hits}


def _c_summary_page(db: Any, w: World, me: Actor) -> set[int]:
    return {r.household_id for r in register.household_summary_page(db, me).rows}


def _c_townships(db: Any, w: World, me: Actor) -> None:
    assert [t.id for t in register.list_townships(db, me)] == [w.a]
    assert {v.township_id for v in register.list_villages(db, me)} == {w.a}


def _c_household(db: Any, w: World, me: Actor) -> None:
    _one(
        lambda: register.get_household(db, me, w.ha),
        lambda: register.get_household(db, me, w.hb),
    )
    with db.read_session() as s:
        _denied(lambda: register.get_household_in(s, me, w.hb))
    _one(
        lambda: register.household_income_summary(db, me, w.ha),
        lambda: register.household_income_summary(db, me, w.hb),
    )
    _one(
        lambda: household_page.household_bundle(db, me, w.ha),
        lambda: household_page.household_bundle(db, me, w.hb),
    )


def _c_applications(db: Any, w: World, me: Actor) -> set[int]:
    _one(
        lambda: casework.get_application(db, me, w.app_a),
        lambda: casework.get_application(db, me, w.app_b),
    )
    seen = {r.household_id for r in casework.list_applications(db, me)}
    apps = {r.id for r in casework.list_cases(db, me)}
    assert w.app_a in apps and w.app_b not in apps
    bench = casework.workbench(db, me, date(2026, 6, 1))
    items = [i for v in bench.by_state.values() for i in v]
    assert all(i.application_id != w.app_b for i in items)
    assert all(r.household_id in (w.ha, w.paid_a) for r in bench.rechecks_due)
    assert all(e.household_id != w.hb for e in bench.events)
    assert all(o.application_id != w.app_b for o in casework.overdue(db, me, date(2026, 6, 1)))
    return seen


def _c_visits(db: Any, w: World, me: Actor) -> set[int]:
    _one(lambda: visits.get_visit(db, me, w.visit_a), lambda: visits.get_visit(db, me, w.visit_b))
    return {v.household_id for v in visits.list_visits(db, me)}


def _c_enrollments(db: Any, w: World, me: Actor) -> set[int]:
    _one(
        lambda: enrollment_views.get_enrollment(db, me, w.enr_a),
        lambda: enrollment_views.get_enrollment(db, me, w.enr_b),
    )
    seen = {e.household_id for e in enrollment_views.list_enrollments(db, me)}
    with db.read_session() as s:
        seen |= {e.household_id for e in enrollment_views.list_enrollments_in(s, me)}
        seen |= {r.household_id for r in enrollment_views.rechecks_due_in(s, date(2030, 1, 1), me)}
    seen |= {r.household_id for r in enrollment_views.rechecks_due(db, me, date(2030, 1, 1))}
    seen |= {r.household_id for r in enrollment_events.enrollment_page(db, me).rows}
    _one(
        lambda: enrollment_events.household_timeline(db, me, w.ha),
        lambda: enrollment_events.household_timeline(db, me, w.hb),
    )
    _one(
        lambda: termination.list_proposals(db, me, w.enr_a),
        lambda: termination.list_proposals(db, me, w.enr_b),
    )
    _one(
        lambda: materials.list_materials(db, me, w.app_a),
        lambda: materials.list_materials(db, me, w.app_b),
    )
    return seen


def _c_rosters(db: Any, w: World, me: Actor) -> None:
    assert [r.id for r in roster.list_rosters(db, me)] == [w.roster_a]
    with db.read_session() as s:
        assert [r.id for r in roster.list_rosters_in(s, me)] == [w.roster_a]
    assert [v.id for v, _ in roster.roster_history(db, me)] == [w.roster_a]
    found = roster.roster_for(db, me, MONTH, "all")
    assert found is not None and found.id == w.roster_a
    for fn in (
        lambda r: roster.get_roster(db, me, r),
        lambda r: roster.list_lines(db, me, r),
        lambda r: roster.count_lines(db, me, r),
        lambda r: roster.diff(db, me, r),
        lambda r: roster.list_exports(db, me, r),
        lambda r: roster.validate(db, me, r),
    ):
        _one(lambda fn=fn: fn(w.roster_a), lambda fn=fn: fn(w.roster_b))
    lines = roster.list_lines(db, me, w.roster_a)
    assert lines and _township_of(db, {ln.household_id for ln in lines}) == {w.a}
    assert all(a.household_id in (w.ha, w.paid_a) for a in roster.list_adjustments(db, me))


def _c_printing(db: Any, w: World, me: Actor) -> None:
    _one(
        lambda: printing.application_form_pdf(db, me, w.app_a),
        lambda: printing.application_form_pdf(db, me, w.app_b),
    )
    _denied(lambda: printing.batch_application_forms_pdf(db, me, [w.app_a, w.app_b]))
    _one(
        lambda: printing.visit_record_pdf(db, me, w.visit_a),
        lambda: printing.visit_record_pdf(db, me, w.visit_b),
    )
    _denied(lambda: printing.notice_pdf(db, me, [w.app_b]))
    _one(
        lambda: printing.decision_letter_pdf(db, me, w.app_a),
        lambda: printing.decision_letter_pdf(db, me, w.app_b),
    )
    _denied(lambda: printing.aid_receipt_pdf(db, me, w.enr_b))
    import io

    from pypdf import PdfReader

    pdf = printing.roster_pdf(db, me, MONTH)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.pdf)).pages)
    assert "东村" in text and "西村" not in text
    printing.change_roster_pdf(db, me, MONTH)
    _one(  # the roster on screen, by id: only one's own township's
        lambda: printing.roster_pdf(db, me, roster_id=w.roster_a),
        lambda: printing.roster_pdf(db, me, roster_id=w.roster_b),
    )
    _one(
        lambda: printing.change_roster_pdf(db, me, roster_id=w.roster_a),
        lambda: printing.change_roster_pdf(db, me, roster_id=w.roster_b),
    )
    county = replace(me, township_id=None)
    pdf = printing.roster_pdf(db, county, roster_id=w.roster_b)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.pdf)).pages)
    assert "西村" in text and "东村" not in text  # a county user prints the township shown


def _c_statistics(db: Any, w: World, me: Actor) -> None:
    county = statistics.month_stats(db, replace(me, township_id=None), MONTH)
    mine = statistics.month_stats(db, me, MONTH)
    assert set(mine.roster_ids) == {w.roster_a} < set(county.roster_ids)
    with db.read_session() as s:
        assert set(statistics.month_stats_in(s, date(2026, 1, 1), me).roster_ids) == {w.roster_a}
        mine_year = statistics.year_report_in(s, 2026, me)
    year = statistics.year_report(db, me, 2026)
    assert year.by_category == mine_year.by_category
    everyone = statistics.year_report(db, replace(me, township_id=None), 2026)
    assert year.by_category != everyone.by_category
    towns = {r.township for r in statistics.township_figures(db, me, MONTH)}
    with db.read_session() as s:
        a_name = s.get(Township, w.a).name
    assert towns == {a_name}


def _c_notices(db: Any, w: World, me: Actor) -> set[int]:
    """(Makes a 停发 of 2026-03 in each township first, as the county.)"""
    from reliefdesk.services.printing import notices

    changes = {}
    for enr, hid in ((w.enr_a, w.ha), (w.enr_b, w.hb)):
        enrollment_changes.suspend(
            db,
            replace(me, township_id=None, role="approver"),
            enr,
            "外出务工待核实",
            on_date=date(2026, 2, 20),
            effective_month=date(2026, 3, 1),
        )
        changes[hid] = notices.household_notice_ids(db, replace(me, township_id=None), hid)
    _one(
        lambda: notices.household_notice_ids(db, me, w.ha),
        lambda: notices.household_notice_ids(db, me, w.hb),
    )
    _one(
        lambda: notices.change_notice_pdf(db, me, changes[w.ha][0]),
        lambda: notices.change_notice_pdf(db, me, changes[w.hb][0]),
    )
    _denied(lambda: notices.change_notices_pdf(db, me, changes[w.hb]))
    _, lines = notices.month_notices_pdf(db, me, "2026-03")
    assert len(lines) == 1 and f"家庭 #{w.ha}" in lines[0]
    with db.read_session() as s:
        assert {c.id for c in notices.month_notice_changes(s, date(2026, 3, 1), me)} == set(
            changes[w.ha]
        )
    return {n.household_id for n in notices.month_notices(db, me, "2026-03")}


#: every public read of the service facades -> the check that proves its scope
READ_CHECKS: dict[str, Check] = {
    "search.search_persons": _c_search,
    "search.search_persons_in": _c_search,
    "register.household_summary_page": _c_summary_page,
    "register.list_townships": _c_townships,
    "register.list_villages": _c_townships,
    "register.get_household": _c_household,
    "register.get_household_in": _c_household,
    "register.household_income_summary": _c_household,
    "household_page.household_bundle": _c_household,
    "household_page.household_bundle_in": _c_household,
    "casework.get_application": _c_applications,
    "casework.list_applications": _c_applications,
    "casework.list_cases": _c_applications,
    "casework.workbench": _c_applications,
    "casework.overdue": _c_applications,
    "visits.get_visit": _c_visits,
    "visits.list_visits": _c_visits,
    "visits.get_photo": _c_visits,
    "enrollment_views.get_enrollment": _c_enrollments,
    "enrollment_views.list_enrollments": _c_enrollments,
    "enrollment_views.list_enrollments_in": _c_enrollments,
    "enrollment_views.rechecks_due": _c_enrollments,
    "enrollment_views.rechecks_due_in": _c_enrollments,
    "enrollment_events.enrollment_page": _c_enrollments,
    "enrollment_events.household_timeline": _c_enrollments,
    "termination.list_proposals": _c_enrollments,
    "materials.list_materials": _c_enrollments,
    "materials.get_attachment": _c_enrollments,
    "roster.list_rosters": _c_rosters,
    "roster.list_rosters_in": _c_rosters,
    "roster.roster_history": _c_rosters,
    "roster.roster_for": _c_rosters,
    "roster.get_roster": _c_rosters,
    "roster.list_lines": _c_rosters,
    "roster.count_lines": _c_rosters,
    "roster.diff": _c_rosters,
    "roster.list_exports": _c_rosters,
    "roster.validate": _c_rosters,
    "roster.list_adjustments": _c_rosters,
    "printing.application_form_pdf": _c_printing,
    "printing.batch_application_forms_pdf": _c_printing,
    "printing.visit_record_pdf": _c_printing,
    "printing.notice_pdf": _c_printing,
    "printing.decision_letter_pdf": _c_printing,
    "printing.aid_receipt_pdf": _c_printing,
    "printing.roster_pdf": _c_printing,
    "printing.change_roster_pdf": _c_printing,
    "statistics.month_stats": _c_statistics,
    "statistics.month_stats_in": _c_statistics,
    "statistics.year_report": _c_statistics,
    "statistics.year_report_in": _c_statistics,
    "statistics.township_figures": _c_statistics,
    "notices.household_notice_ids": _c_notices,  # last: it adds a 停发 in each township
    "notices.change_notice_pdf": _c_notices,
    "notices.change_notices_pdf": _c_notices,
    "notices.month_notices_pdf": _c_notices,
    "notices.month_notice_changes": _c_notices,
    "notices.month_notices": _c_notices,
}

#: writes: refused on another township's row by the commit guard (services.scope); the ones
#: named in WRITE_CHECKS below are exercised against township B's rows
WRITES = {
    "register.add_account",
    "register.add_asset",
    "register.add_asset_in",
    "register.add_income",
    "register.add_income_in",
    "register.add_person",
    "register.add_person_in",
    "register.add_village",
    "register.add_village_in",
    "register.create_household",
    "register.create_household_in",
    "register.deactivate_account",
    "register.delete_asset",
    "register.delete_income",
    "register.rename_village",
    "register.update_household",
    "register.update_person",
    "register.write_search_keys",
    "roster.acknowledge",
    "roster.add_adjustment",
    "roster.cancel_adjustment",
    "roster.discard_draft",
    "roster.export",
    "roster.generate",
    "roster.generate_in",
    "roster.generate_supplementary",
    "roster.import_return",
    "roster.lock",
    "roster.mark_account_fixed",
    "roster.record_back_pay",
    "roster.unlock",
    "roster.county_review",
    "casework.create_application",
    "casework.create_application_in",
    "casework.extend_deadline",
    "casework.perform",
    "casework.perform_in",
    "casework.record_self_care",
    "casework.start_publicity_batch",
    "visits.save_visit",
    "enrollment_events.batch_recheck",
    "enrollment_events.record_recheck_result",
    "enrollment_events.transfer_household",
    "enrollment_events.transfer_out_of_county",
    "materials.add_attachment",
    "materials.set_materials",
    "materials.set_materials_in",
    "termination.decide_objection",
    "termination.finalise",
    "termination.propose",
    "termination.propose_in",
    "termination.record_objection",
    "statistics.export_month_xlsx",
    "statistics.export_package",
    "statistics.export_year",
    "importing.import_file",
    "importing.import_file_in",
    "importing.save_mapping",
    "importing.undo_batch",
    "importing.undo_batch_in",
}

#: not scoped, and why
EXEMPT = {
    "register.check_new_id_number": "an ID number is unique in the whole county register; says "
    "only whether it is taken",
    "register.income_summary_in": "composition helper without actor; callers check the household",
    "roster.bank_template": "the bank's column template, no household data",
    "roster.month_text": "pure formatting",
    "roster.parse_month": "pure parsing",
    "roster.roster_hash": "pure hash of lines the caller already read",
    "roster.validate_in": "composition helper; roster.validate checks the roster first",
    "roster.verify_locked_rosters": "county integrity check run by reliefdesk-admin check",
    "casework.case_deadline": "pure deadline rule on a row the caller already read",
    "statistics.average_per_person_fen": "pure arithmetic",
    "statistics.growth_percent": "pure arithmetic",
    "statistics.yuan": "pure formatting",
    "statistics.month_rows": "formats a MonthStats the caller read (scoped)",
    "statistics.month_sheets": "formats a MonthStats the caller read (scoped)",
    "statistics.year_rows": "formats a YearReport the caller read (scoped)",
    "statistics.township_name": "the office's own township name",
    "statistics.latest_month": "only a month (the newest locked one), no rows",
    "statistics.county_table": "imported township packages: the county's table (county users)",
    "statistics.import_package": "the county imports township packages",
    "importing.preview": "administrators import a file; the preview reads the file",
    "importing.preview_in": "administrators import a file; the preview reads the file",
    "importing.amount_rule_problem": "pure rule",
    "importing.list_batches": "import batches (admin.users scope: the office's administrator)",
    "importing.list_batches_in": "import batches (admin scope)",
    "importing.households_to_complete": "import follow-up list of the importing administrator",
    "importing.households_to_complete_in": "import follow-up list (admin)",
    "importing.saved_mapping": "column mapping setting, no household data",
    "importing.write_problem_report": "writes the rows of a file the administrator gave",
    "search.person_search_keys": "pure key computation",
    "search.programme_filter": "SQL fragment",
    "search.rebuild_search_keys": "maintenance over the whole register (admin CLI)",
    "household_page.payment_lines": "pure formatting of rows the caller already read",
    "materials.materials_in": "composition helper; list_materials checks the application",
    "enrollment_views.load_for_update": "loads a row for a write, which the commit guard checks",
    "notices.change_notice_data": "builds a notice from a change the caller already loaded",
    "notices.notice_changes": "composition helper without actor (callers check the household)",
    "notices.termination_notice_pdf": "a print audited on the household: refused by the commit "
    "guard like change_notice_pdf (checked)",
}

# Issue 14's facades: their reads are checked in tests/unit/test_scope_monitoring.py (a world
# with findings, register entries, plans and visits in two townships).
_MONITORING_CHECKED = "scope checked in tests/unit/test_scope_monitoring.py"
WRITES |= {
    "comparison.compare_file",
    "comparison.compare_table_in",
    "comparison.resolve",
    "comparison.resolve_in",
    "comparison.take_action",
    "comparison.take_action_in",
    "low_income.add_entry",
    "low_income.add_entry_in",
    "low_income.bring_in",
    "low_income.enter_from_finding_in",
    "low_income.exit_entry",
    "low_income.make_plans",
    "low_income.record_visit",
    "low_income.review_entry",
    "low_income.save_plan",
    "low_income.update_entry",
}
EXEMPT |= {
    **dict.fromkeys(
        (
            "comparison.list_findings",
            "comparison.list_findings_in",
            "comparison.count_open",
            "comparison.count_open_in",
            "comparison.get_finding",
            "comparison.get_finding_in",
            "comparison.list_rows",
            "comparison.list_rows_in",
            "low_income.list_entries",
            "low_income.due_count",
            "low_income.get_entry",
            "low_income.propose",
            "low_income.list_plans",
            "low_income.list_visits",
            "low_income.patrol_stats",
        ),
        _MONITORING_CHECKED,
    ),
    "low_income.exited_households": "restricted by scope.restrict like list_entries (the test "
    "world has no terminated household)",
    "low_income.propose_in": "composition helper without actor; propose and make_plans scope it",
    "comparison.calendar": "which sources are due this month: no personal data",
    "comparison.calendar_in": "which sources are due this month: no personal data",
    "comparison.list_runs": "run history: file names and counts, no personal data",
    "comparison.list_runs_in": "run history: file names and counts, no personal data",
    "comparison.check_source": "validates a source code, no data",
    "comparison.read_department_file": "reads a file the user chose, before any register match",
    "comparison.table_from_rows": "builds a table from rows in memory, no register data",
    "comparison.remembered_mapping": "a source's column mapping, no personal data",
    "comparison.may_take_action": "a permission predicate, no data",
}

FACADES = (
    "comparison",
    "low_income",
    "register",
    "roster",
    "casework",
    "printing",
    "statistics",
    "importing",
    "search",
    "household_page",
    "visits",
    "enrollment_views",
    "enrollment_events",
    "materials",
    "termination",
    "printing.notices",
)


def _public_functions() -> set[str]:
    out: set[str] = set()
    for name in FACADES:
        mod = importlib.import_module(f"reliefdesk.services.{name}")
        names = getattr(mod, "__all__", None)
        for n in names if names is not None else dir(mod):
            obj = getattr(mod, n, None)
            if n.startswith("_") or not inspect.isfunction(obj):
                continue
            if names is None and obj.__module__ != mod.__name__:
                continue  # imported, not defined here
            out.add(f"{name.rsplit('.', 1)[-1]}.{n}")
    return out


def test_every_public_service_function_is_classified():
    """Every public function of the service facades is a checked read, a guarded write or an
    exemption with its reason — a new read must be added to READ_CHECKS (or EXEMPT)."""
    public = _public_functions()
    classified = set(READ_CHECKS) | WRITES | set(EXEMPT)
    assert not (set(READ_CHECKS) & WRITES) and not (set(READ_CHECKS) & set(EXEMPT))
    missing = sorted(public - classified)
    assert not missing, f"classify these in tests/unit/test_scope.py: {missing}"
    stale = sorted(classified - public)
    assert not stale, f"no longer public: {stale}"


def test_township_user_reads_only_their_township(db, actors):
    """Through every checked read a township-A clerk sees A's households and never B's; the
    county clerk sees both."""
    w = build_world(db, actors)
    me = w.ta["clerk"]
    for check in dict.fromkeys(READ_CHECKS.values()):
        seen = check(db, w, me)
        if seen is not None:
            assert seen, check.__name__
            assert _township_of(db, seen) == {w.a}, check.__name__
    county = {h.household_id for h in search.search_persons(db, actors["clerk"], "王大山")}
    assert {w.ha, w.hb} <= county


def _audit_count(db: Any) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(func.count(AuditEvent.id))) or 0)


def test_writes_on_another_township_are_refused(db, actors):
    """Each write path on a township-B row is refused to township-A users with the scope
    message, and nothing is written; the same writes on A's rows go through."""
    w = build_world(db, actors)
    clerk, reviewer, approver = w.ta["clerk"], w.ta["reviewer"], w.ta["approver"]
    hb_detail = register.get_household(db, actors["clerk"], w.hb)
    hb_view, hb_head = hb_detail.household, hb_detail.members[0].id
    writes: list[Callable[[], object]] = [
        lambda: register.update_household(
            db,
            clerk,
            w.hb,
            register.HouseholdInput(hb_view.village_id, hb_view.area_type, phone="13800000000"),
            hb_view.version,
        ),
        lambda: register.add_income(db, clerk, w.hb, None, "wage", 1000),
        lambda: visits.save_visit(
            db,
            clerk,
            visits.VisitInput(
                w.hb,
                date(2025, 3, 5),
                [{"name": "张三", "unit": "民政所"}, {"name": "李四", "unit": "村委会"}],
            ),
        ),
        lambda: casework.create_application(
            db, clerk, w.hb, hb_head, "rural_dibao", "困难", date(2025, 6, 2)
        ),
        lambda: casework.extend_deadline(
            db, reviewer, w.app_b, "调查困难", on_date=date(2025, 3, 20)
        ),
        lambda: materials.set_materials(db, clerk, w.app_b, {"application_form": True}),
        lambda: roster.lock(db, approver, w.roster_b),
        lambda: roster.generate(db, clerk, "2026-02", township_id=w.b),
        lambda: enrollment_changes.suspend(
            db, approver, w.enr_b, "暂停核查", on_date=date(2026, 2, 2)
        ),
    ]
    before = _audit_count(db)
    failures = []
    for i, write in enumerate(writes):
        try:
            write()
        except PermissionDenied as exc:
            if exc.code != "scope.township":
                failures.append((i, exc.code))
        except Exception as exc:
            failures.append((i, repr(exc)))
        else:
            failures.append((i, "not refused"))
    assert not failures
    assert _audit_count(db) == before
    assert register.get_household(db, actors["clerk"], w.hb).household.phone == ""
    # the same on township A: allowed
    register.add_income(db, clerk, w.ha, None, "wage", 1000)
    roster.generate(db, clerk, "2026-02")
    assert [r.month.month for r in roster.list_rosters(db, clerk)] == [2, 1]
