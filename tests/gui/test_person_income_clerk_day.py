"""The member and income dialogs of the household page through a clerk's day: 民族 and
户籍性质 asked and saved, the duplicate-ID message whole, income per year stored monthly,
three decimals refused."""

from __future__ import annotations

from datetime import date

import pytest
from households_fixtures import clerk, ctx, populate  # noqa: F401
from sqlalchemy import select

from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import IncomeItem, Person
from reliefdesk.ui import ops
from reliefdesk.ui.households.page import HouseholdsPage

WAIT = 5000


@pytest.fixture(autouse=True)
def _drain_ops(qtbot):  # type: ignore[no-untyped-def]
    yield
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=WAIT)


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    p = HouseholdsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    return p


def _open(qtbot, page, household_id):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        page.ctx.householdRequested.emit(household_id)


def test_member_dialog_asks_ethnicity_and_hukou(qtbot, page, sqlite_db, clerk):  # type: ignore[no-untyped-def]
    """A member added with 回族 and 农业 is stored with them; 汉族 is only the preset."""
    ids = populate(sqlite_db, clerk)
    _open(qtbot, page, ids["张三"])
    page.panel.add_member_button.click()
    dialog = page.panel.dialog
    assert dialog.ethnicity_combo.currentData() == "汉族"
    dialog.name_edit.insert("马小花")
    qtbot.keyClicks(dialog.id_edit, make_id("410482", date(1990, 2, 3), 77))
    dialog.ethnicity_combo.setCurrentIndex(dialog.ethnicity_combo.findData("回族"))
    dialog.hukou_combo.setCurrentIndex(dialog.hukou_combo.findData("rural"))
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        dialog.save_button.click()
    with sqlite_db.session() as s:
        p = s.scalars(select(Person).where(Person.name == "马小花")).one()
        assert (p.ethnicity, p.hukou_type) == ("回族", "rural")


def test_duplicate_id_message_is_whole(qtbot, page, sqlite_db, clerk):  # type: ignore[no-untyped-def]
    """The duplicate-ID message names the person and household and wraps instead of being
    cut off."""
    ids = populate(sqlite_db, clerk)
    _open(qtbot, page, ids["张三"])
    page.panel.add_member_button.click()
    dialog = page.panel.dialog
    dialog.name_edit.insert("张二")
    qtbot.keyClicks(dialog.id_edit, make_id("410482", date(1960, 1, 4), 4))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors.field_error("id_number") != "", timeout=WAIT)
    label = dialog.errors.error_label("id_number")
    assert label.wordWrap()
    assert label.text().endswith("请先在原家庭中处理")
    assert label.sizeHint().width() <= dialog.width()


def test_income_per_year_and_decimals(qtbot, page, sqlite_db, clerk):  # type: ignore[no-untyped-def]
    """1.234 yuan is refused (two decimals at most); 2400 a year is stored as 200.00 a month
    with a note saying what was typed."""
    ids = populate(sqlite_db, clerk)
    _open(qtbot, page, ids["张三"])
    page.panel.add_income_button.click()
    dialog = page.panel.dialog
    qtbot.keyClicks(dialog.amount_edit, "1.234")
    dialog.save_button.click()
    assert "两位小数" in dialog.errors.field_error("monthly_fen")
    dialog.amount_edit.clear()
    qtbot.keyClicks(dialog.amount_edit, "2400")
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("year"))
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        dialog.save_button.click()
    with sqlite_db.session() as s:
        item = s.scalars(select(IncomeItem)).one()
        assert item.monthly_fen == 20000 and "年收入2400.00元" in item.description


def test_old_household_error_does_not_linger(qtbot, page, sqlite_db, clerk):  # type: ignore[no-untyped-def]
    """A refusal shown on one household's form is gone when another household is opened."""
    ids = populate(sqlite_db, clerk)
    _open(qtbot, page, ids["张三"])
    form = page.panel.form
    form.entrusted_check.setChecked(True)
    page.save()
    qtbot.waitUntil(lambda: form.errors.field_error("entrust_agreement_no") != "", timeout=WAIT)
    _open(qtbot, page, ids["李四"])
    assert form.errors.field_error("entrust_agreement_no") == ""
    assert page.panel.form_state.text() == ""


def test_household_history_is_readable(qtbot, page, sqlite_db, clerk):  # type: ignore[no-untyped-def]
    """操作历史 shows the user's real name and each event and record in words: no action code,
    no table name, no internal id."""
    import re

    from reliefdesk.models import User
    from reliefdesk.services import casework, register

    ids = populate(sqlite_db, clerk)
    with sqlite_db.session() as s:
        s.query(User).filter(User.username == "clerk").update({"display_name": "张敏"})
    hh = register.get_household(sqlite_db, clerk, ids["张三"])
    casework.create_application(
        sqlite_db, clerk, ids["张三"], hh.members[0].id, "rural_dibao", "困难", date.today()
    )
    _open(qtbot, page, ids["张三"])
    m = page.panel.history_model
    cells = [
        str(m.data(m.index(r, c))) for r in range(m.rowCount()) for c in range(m.columnCount())
    ]
    assert "张敏" in cells
    for text in cells:
        assert not re.search(r"[a-z]+[._][a-z]+|#\d+", text), text
