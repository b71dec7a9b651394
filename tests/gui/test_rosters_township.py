"""发放名册 page on a county server (issue 18): a county user picks a township, generates,
sees, reviews (县级审核) and exports that township's roster; a township user gets no
selector and sees only their own township's rosters."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog
from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.models import Household, Township, Village
from reliefdesk.services import roster
from reliefdesk.services.context import Actor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rosters import JAN, open_page, people, wait_idle  # noqa: F401  (fixture)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_roster_support import make_household, setup_policy


def _town(db: Database, code: str) -> int:
    with db.session() as s:
        return int(s.scalar(select(Township.id).where(Township.code == code)))


def _move(db: Database, household_id: int, township_id: int, village: str) -> None:
    with db.session() as s:
        vil = s.scalar(
            select(Village).where(Village.township_id == township_id, Village.name == village)
        )
        if vil is None:
            vil = Village(township_id=township_id, name=village)
            s.add(vil)
            s.flush()
        s.get(Household, household_id).village_id = vil.id


@pytest.fixture
def county(sqlite_db: Database) -> tuple[int, int, dict[int, set[str]]]:
    """Townships A and B with two and one paid households; returns (a, b, payees by town)."""
    setup_policy(sqlite_db)
    a, b = _town(sqlite_db, "410482101"), _town(sqlite_db, "410482102")
    payees: dict[int, set[str]] = {a: set(), b: set()}
    for town, village, n in ((a, "东村", 2), (b, "西村", 1)):
        for _ in range(n):
            h = make_household(sqlite_db, village=village)
            _move(sqlite_db, h["household_id"], town, village)
            payees[town].add(f"户{h['n']}成员0")
    return a, b, payees


def _lock(db: Database, actors: dict[str, Actor], roster_id: int) -> None:
    warnings = [
        p for p in roster.validate(db, actors["clerk"], roster_id) if p.severity == "warning"
    ]
    if warnings:
        roster.acknowledge(db, actors["reviewer"], roster_id, warnings, note="已核实")
    roster.lock(db, actors["approver"], roster_id)


def test_county_user_generates_reviews_and_exports_a_townships_roster(
    qtbot, sqlite_db, people, county, tmp_path
):
    """A county user chooses township A: Generate makes A's roster (A's payees only), the
    county review button records 县级审核 once A locked it, and the bank file holds A's lines."""
    a, b, payees = county
    clerk = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    combo = clerk.findChild(QComboBox, "rosterTownshipCombo")
    assert combo is not None and combo.itemData(0) is None
    assert combo.findData(a) > 0 and combo.findData(b) > 0
    clerk.set_township(a)
    wait_idle(qtbot)
    assert clerk.roster is None
    clerk.generate_button.click()
    wait_idle(qtbot)
    assert clerk.roster is not None and clerk.roster.township_id == a
    assert clerk.roster.households == 2
    full = roster.get_roster(sqlite_db, people["clerk"], clerk.roster.id, with_lines=True)
    assert {ln.payee_name for ln in full.lines} == payees[a]
    assert combo.itemText(combo.findData(a)) in clerk.status_label.text()
    _lock(sqlite_db, people, clerk.roster.id)

    reviewer = open_page(qtbot, sqlite_db, people["reviewer"], tmp_path)
    reviewer.set_township(b)
    wait_idle(qtbot)
    assert reviewer.roster is None  # B has no roster yet; A's is not shown for B
    reviewer.set_township(a)
    wait_idle(qtbot)
    assert reviewer.roster is not None and reviewer.roster.locked
    assert reviewer.review_button.isVisible() and reviewer.review_button.isEnabled()
    reviewer.review_button.click()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "rosterReviewDialog"
    )
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("已核对")
    dialog.accept()
    wait_idle(qtbot)
    assert reviewer.roster.county_reviewed_at is not None
    assert not reviewer.review_button.isEnabled()
    assert reviewer.history_model.index(0, 11).data() == combo.itemText(combo.findData(a))

    admin = open_page(qtbot, sqlite_db, people["approver"], tmp_path)
    admin.set_township(a)
    wait_idle(qtbot)
    out = tmp_path / "out"
    with qtbot.waitSignal(admin.exported, timeout=20000) as sig:
        admin.export_to(out)
    bank = next(p for p in sig.args[0] if "银行" in p.name or "bank" in p.name.lower())
    cells = {
        str(c.value)
        for row in openpyxl.load_workbook(bank).active.iter_rows()
        for c in row
        if c.value
    }
    assert payees[a] <= cells and not (payees[b] & cells)


def test_township_user_has_no_selector_and_sees_only_their_rosters(
    qtbot, sqlite_db, people, county, tmp_path
):
    """A township user's page has no township selector and no county review; Generate makes
    their township's roster; the history lists only their township's rosters."""
    a, b, _payees = county
    roster.generate(sqlite_db, people["clerk"], "2026-01", township_id=b)
    own = replace(people["clerk"], township_id=a)
    page = open_page(qtbot, sqlite_db, own, tmp_path)
    assert page.findChild(QComboBox, "rosterTownshipCombo") is None
    assert page.township_combo is None and page.review_button.isHidden()
    assert page.roster is None and page.history_model.rowCount() == 0
    page.generate_button.click()
    wait_idle(qtbot)
    assert page.roster is not None and page.roster.township_id == a
    assert page.history_model.rowCount() == 1
    assert page.month() == JAN


def test_county_users_discard_question_names_the_township(
    qtbot, sqlite_db, people, county, tmp_path
):
    """A county user discarding a township's draft is asked about that township's roster."""
    from PySide6.QtWidgets import QMessageBox

    a, _b, _payees = county
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    page.set_township(a)
    wait_idle(qtbot)
    page.generate_button.click()
    wait_idle(qtbot)
    assert page.roster is not None and not page.roster.locked
    page.discard_button.click()
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "rosterDiscardConfirmBox" and w.isVisible()
    )
    assert isinstance(box, QMessageBox)
    combo = page.township_combo
    assert combo is not None and combo.itemText(combo.findData(a)) in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
