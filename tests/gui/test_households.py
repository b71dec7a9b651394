"""GUI tests of the household register page (家庭档案): list, search, household page."""

from __future__ import annotations

from datetime import date

import pytest
from households_fixtures import clerk, ctx, populate  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import AuditEvent, Household, IncomeItem, Person
from reliefdesk.services import register as reg
from reliefdesk.services.changes import Changes
from reliefdesk.ui import ops
from reliefdesk.ui.households.list_model import PAGE_SIZE
from reliefdesk.ui.households.page import HouseholdsPage
from reliefdesk.ui.households.person_dialog import PersonDialog

WAIT = 5000


@pytest.fixture(autouse=True)
def _drain_ops(qtbot):
    """Let background reads finish before the database and widgets are torn down."""
    yield
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=WAIT)


@pytest.fixture
def page(qtbot, ctx):
    p = HouseholdsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    return p


def _open(qtbot, page, household_id):
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        page.ctx.householdRequested.emit(household_id)


def test_models_pass_qtmodeltester(qtbot, qtmodeltester, ctx, sqlite_db, clerk):
    """The paged list, search results and every household-tab model are consistent models."""
    ids = populate(sqlite_db, clerk)
    reg.add_income(sqlite_db, clerk, ids["张三"], None, "wage", 85000)
    p = HouseholdsPage(ctx)
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: p.list_view.model.rowCount() == 5, timeout=WAIT)
    qtmodeltester.check(p.list_view.model)
    p.list_view.search_box.setText("zs")
    p.list_view.search.set_text("zs")
    with qtbot.waitSignal(p.list_view.search.finished, timeout=WAIT):
        pass
    qtmodeltester.check(p.list_view.search.model)
    _open(qtbot, p, ids["张三"])
    for model in p.panel.models:
        qtmodeltester.check(model)


def test_paged_model_fetches_more_on_scroll_only(qtbot, page, sqlite_db, clerk):
    """The list loads one page of 200, not the whole register; scrolling to the end fetches more."""
    populate(sqlite_db, clerk, extra=450)
    page.list_view.model.reload()
    model = page.list_view.model
    qtbot.waitUntil(lambda: model.rowCount() >= PAGE_SIZE and not model.loading, timeout=WAIT)
    assert model.total == 455
    assert model.rowCount() == PAGE_SIZE
    table = page.list_view.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE, timeout=WAIT)
    assert model.rowCount() <= 2 * PAGE_SIZE


def test_header_click_sorts_in_sql(qtbot, page, sqlite_db, clerk):
    """Clicking the 户主 header reloads the list ordered by name from the database."""
    populate(sqlite_db, clerk)
    page.list_view.model.reload()
    model = page.list_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 5 and not model.loading, timeout=WAIT)
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        page.list_view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    names = [model.row_at(i).head_name for i in range(model.rowCount())]
    assert model.query.sort == "head_name" and model.query.descending
    assert names == sorted(names, reverse=True)


def test_village_filter_reloads_only_that_village(qtbot, page, sqlite_db, clerk):
    """Choosing a village in the filter shows only that village's households."""
    ids = populate(sqlite_db, clerk)
    page.list_view.start()
    combo = page.list_view.village_combo
    qtbot.waitUntil(lambda: combo.findData(ids["west"]) > 0, timeout=WAIT)
    model = page.list_view.model
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        combo.setCurrentIndex(combo.findData(ids["west"]))
    assert {model.row_at(i).village_id for i in range(model.rowCount())} == {ids["west"]}
    assert model.rowCount() == 2


@pytest.mark.parametrize(
    "query,expected",
    [("zxm", "曾小明"), ("cxm", "曾小明"), ("shantianfang", "单田芳"), ("wangxiuy", "王秀英")],
)
def test_search_as_you_type_by_pinyin(qtbot, page, sqlite_db, clerk, query, expected):
    """Typing initials or full pinyin shows the person (polyphonic surnames by every reading)."""
    populate(sqlite_db, clerk)
    lv = page.list_view
    with qtbot.waitSignal(lv.search.finished, timeout=WAIT):
        qtbot.keyClicks(lv.search_box, query)
    names = [r.name for r in lv.search.model.rows]
    assert expected in names
    assert lv.stack.currentWidget() is lv.results


def test_search_by_id_fragment_and_enter_opens(qtbot, page, sqlite_db, clerk):
    """An ID fragment finds the person; Enter in the box opens the first hit's household."""
    ids = populate(sqlite_db, clerk)
    number = make_id("410482", date(1960, 1, 2), 2)  # 曾小明
    lv = page.list_view
    with qtbot.waitSignal(lv.search.finished, timeout=WAIT):
        qtbot.keyClicks(lv.search_box, number[-6:])
    assert [r.name for r in lv.search.model.rows] == ["曾小明"]
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        qtbot.keyClick(lv.search_box, Qt.Key.Key_Return)
    assert page.panel.household_id == ids["曾小明"]
    assert page.stack.currentWidget() is page.panel


def test_search_debounces_and_shows_only_latest(qtbot, page, sqlite_db, clerk):
    """Fast typing runs one query after the pause, and a stale result never replaces a newer one."""
    populate(sqlite_db, clerk)
    search = page.list_view.search
    started: list[str] = []
    search.started.connect(started.append)
    with qtbot.waitSignal(search.finished, timeout=WAIT) as blocker:
        qtbot.keyClicks(page.list_view.search_box, "lisi")
    assert started == ["lisi"]
    assert blocker.args[0] == "lisi"
    # two queries in flight: the first one's answer must be dropped
    shown: list[str] = []
    search.finished.connect(lambda q, _n: shown.append(q))
    with qtbot.waitSignal(search.finished, timeout=WAIT, check_params_cb=lambda q, _n: q == "wxy"):
        search.set_text("zs")
        search.run_now()
        search.set_text("wxy")
        search.run_now()
    qtbot.wait(200)
    assert shown == ["wxy"]
    assert [r.name for r in search.model.rows] == ["王秀英"]


def test_ctrl_f_focuses_search_box(qtbot, ctx):
    """The main window's Ctrl+F (searchRequested) focuses the household search box."""
    from reliefdesk.ui.main_window import MainWindow

    window = MainWindow(settings=ctx.settings)
    qtbot.addWidget(window)
    p = HouseholdsPage(ctx, window)
    window.register_page("households", p)
    window.show_page("households")
    window.show()
    window.activateWindow()
    window.searchRequested.emit()
    qtbot.waitUntil(p.list_view.search_box.hasFocus, timeout=WAIT)


def test_household_page_shows_tabs_and_per_capita(qtbot, page, sqlite_db, clerk):
    """Opening a household fills members, income with the service's per-capita figure, history."""
    ids = populate(sqlite_db, clerk)
    hid = ids["张三"]
    reg.add_person(
        sqlite_db,
        clerk,
        hid,
        reg.PersonInput(
            name="张小", id_number=make_id("410482", date(2010, 5, 6), 12), relation="child"
        ),
    )
    reg.add_income(sqlite_db, clerk, hid, None, "wage", 100001)
    reg.add_income(sqlite_db, clerk, hid, None, "pension_basic", 20000)
    _open(qtbot, page, hid)
    panel = page.panel
    assert panel.members_model.rowCount() == 2
    assert panel.income_model.rowCount() == 2
    expected = reg.household_income_summary(sqlite_db, clerk, hid).per_capita_fen
    assert expected == 50001  # 1000.01 / 2 rounded half-up by the service
    assert "500.01" in panel.per_capita_label.text()
    assert panel.history_model.rowCount() >= 3
    assert panel.title.text().endswith("张三")


def test_live_id_validation_shows_birth_date_and_checksum_error(qtbot, ctx):
    """Typing 18 characters shows the derived birth date and sex, or the checksum error."""
    dialog = PersonDialog(ctx, 1)
    qtbot.addWidget(dialog)
    good = make_id("410482", date(1985, 7, 9), 123)
    qtbot.keyClicks(dialog.id_edit, good[:10])
    assert dialog.id_feedback.state == "partial"
    qtbot.keyClicks(dialog.id_edit, good[10:])
    assert dialog.id_feedback.state == "ok"
    assert "1985-07-09" in dialog.id_feedback.text()
    assert "男" in dialog.id_feedback.text() or "Male" in dialog.id_feedback.text()
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    dialog.id_edit.clear()
    qtbot.keyClicks(dialog.id_edit, wrong)
    assert dialog.id_feedback.state == "error"
    assert "校验位" in dialog.id_feedback.text()


def _count(db, model):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_duplicate_id_keeps_form_and_database(qtbot, page, sqlite_db, clerk):
    """Adding a member whose ID is already on file shows the error by the ID field, keeps the form
    open and filled, and adds nobody."""
    ids = populate(sqlite_db, clerk)
    _open(qtbot, page, ids["张三"])
    before = _count(sqlite_db, Person)
    page.panel.add_member_button.click()
    dialog = page.panel.dialog
    taken = make_id("410482", date(1960, 1, 4), 4)  # 李四's number
    dialog.name_edit.insert("张二")
    qtbot.keyClicks(dialog.id_edit, taken)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors.field_error("id_number") != "", timeout=WAIT)
    assert "已登记" in dialog.errors.field_error("id_number")
    assert dialog.isVisible()
    assert dialog.name_edit.text() == "张二" and dialog.id_edit.text() == taken
    assert _count(sqlite_db, Person) == before


def test_negative_income_keeps_form_and_database(qtbot, page, sqlite_db, clerk):
    """A negative monthly income is refused next to the amount; the form stays; nothing is saved."""
    ids = populate(sqlite_db, clerk)
    _open(qtbot, page, ids["张三"])
    page.panel.add_income_button.click()
    dialog = page.panel.dialog
    qtbot.keyClicks(dialog.amount_edit, "-120.50")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors.field_error("monthly_fen") != "", timeout=WAIT)
    assert "负数" in dialog.errors.field_error("monthly_fen")
    assert dialog.isVisible() and dialog.amount_edit.text() == "-120.50"
    assert _count(sqlite_db, IncomeItem) == 0


def test_add_income_with_two_decimals_updates_per_capita(qtbot, page, sqlite_db, clerk):
    """An income typed in yuan with 2 decimals is stored in fen and the page refreshes."""
    ids = populate(sqlite_db, clerk)
    _open(qtbot, page, ids["张三"])
    page.panel.add_income_button.click()
    dialog = page.panel.dialog
    qtbot.keyClicks(dialog.amount_edit, "850.25")
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        dialog.save_button.click()
    assert "850.25" in page.panel.per_capita_label.text()
    with sqlite_db.session() as s:
        assert s.scalar(select(IncomeItem.monthly_fen)) == 85025


def test_household_save_and_validation_next_to_field(qtbot, page, sqlite_db, clerk):
    """Ctrl+S-style save writes the address; 代管 without an agreement shows the error by the
    field and keeps what was typed."""
    ids = populate(sqlite_db, clerk)
    hid = ids["张三"]
    _open(qtbot, page, hid)
    form = page.panel.form
    form.address_edit.clear()
    form.address_edit.insert("东营村5组18号")
    with qtbot.waitSignal(page.panel.saved, timeout=WAIT):
        page.save()
    detail = reg.get_household(sqlite_db, clerk, hid, reveal=True)
    assert detail.household.address == "东营村5组18号"
    assert detail.household.phone == "13812341234"  # the masked phone did not overwrite it
    qtbot.waitUntil(
        lambda: (
            not page.panel.dirty
            and page.panel.bundle.detail.household.version == detail.household.version
        ),
        timeout=WAIT,
    )
    form.entrusted_check.setChecked(True)
    page.save()
    qtbot.waitUntil(lambda: form.errors.field_error("entrust_agreement_no") != "", timeout=WAIT)
    assert form.entrusted_check.isChecked() and form.address_edit.text() == "东营村5组18号"
    assert not reg.get_household(sqlite_db, clerk, hid).household.entrusted


def test_stale_edit_shows_dialog_and_overwrites_nothing(qtbot, page, sqlite_db, clerk):
    """If someone else saved the household meanwhile, saving shows the stale-data dialog, keeps
    the form, and the other user's change stays."""
    ids = populate(sqlite_db, clerk)
    hid = ids["张三"]
    _open(qtbot, page, hid)
    view = reg.get_household(sqlite_db, clerk, hid).household
    other = reg.HouseholdInput(
        village_id=view.village_id, area_type="rural", address="别人改的", phone="13812341234"
    )
    reg.update_household(sqlite_db, clerk, hid, other, view.version)
    form = page.panel.form
    form.address_edit.clear()
    form.address_edit.insert("我改的")
    page.save()
    qtbot.waitUntil(
        lambda: page.panel.findChild(QMessageBox, "staleDataBox") is not None, timeout=WAIT
    )
    box = page.panel.findChild(QMessageBox, "staleDataBox")
    assert "其他用户" in box.text()
    assert form.address_edit.text() == "我改的"
    assert reg.get_household(sqlite_db, clerk, hid).household.address == "别人改的"
    box.close()


def test_reveal_writes_audit_event_and_shows_full_numbers(qtbot, page, sqlite_db, clerk):
    """显示完整号码 shows the full ID and records a pii.reveal audit event for the household."""
    ids = populate(sqlite_db, clerk)
    hid = ids["张三"]
    _open(qtbot, page, hid)
    masked = page.panel.members_model.row_at(0).id_number
    assert "*" in masked
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        page.panel.reveal_button.click()
    assert page.panel.members_model.row_at(0).id_number == make_id("410482", date(1960, 1, 1), 1)
    with sqlite_db.session() as s:
        events = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "pii.reveal", AuditEvent.household_id == hid
            )
        ).all()
    assert len(events) == 1 and events[0].username == "clerk"


def test_new_household_dialog_creates_and_opens(qtbot, page, sqlite_db, clerk):
    """新建家庭 registers a household with its head and opens its page."""
    ids = populate(sqlite_db, clerk)
    page.list_view.new_button.click()
    dialog = page.new_household_dialog
    form = dialog.form
    qtbot.waitUntil(lambda: form.village_combo.findData(ids["east"]) > 0, timeout=WAIT)
    form.village_combo.setCurrentIndex(form.village_combo.findData(ids["east"]))
    form.area_combo.setCurrentIndex(form.area_combo.findData("rural"))
    form.address_edit.insert("东营村7组")
    dialog.head_name_edit.insert("孙七")
    qtbot.keyClicks(dialog.head_id_edit, make_id("410482", date(1977, 7, 7), 77))
    assert dialog.head_feedback.state == "ok"
    before = _count(sqlite_db, Household)
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        dialog.save_button.click()
    assert _count(sqlite_db, Household) == before + 1
    assert page.panel.title.text().endswith("孙七")


def test_links_to_other_pages(qtbot, page, sqlite_db, clerk):
    """新建申请 asks for a new application for this household."""
    ids = populate(sqlite_db, clerk)
    _open(qtbot, page, ids["李四"])
    with qtbot.waitSignal(page.ctx.newApplicationRequested, timeout=WAIT) as blocker:
        page.panel.new_application_button.click()
    assert blocker.args == [ids["李四"]]


def test_changed_refreshes_open_household(qtbot, page, sqlite_db, clerk):
    """A broadcast change to households re-reads the open household."""
    ids = populate(sqlite_db, clerk)
    hid = ids["张三"]
    _open(qtbot, page, hid)
    reg.add_income(sqlite_db, clerk, hid, None, "wage", 30000)
    with qtbot.waitSignal(page.panel.loaded, timeout=WAIT):
        page.ctx.changed.emit(Changes.of({"households": {hid}}), None)
    assert page.panel.income_model.rowCount() == 1


def test_register_list_marks_a_one_off_grant_so_it_is_not_read_as_monthly(qapp):
    """The register's benefit column shows a 临时救助 grant as “…（一次性）” and a monthly
    dibao amount as the plain monthly figure."""
    from reliefdesk.ui import i18n
    from reliefdesk.ui.labels import register as labels

    i18n.install_translators(qapp, "zh_CN")
    try:
        assert labels.benefit("temporary_aid", 198450) == "1984.50（一次性）"
        assert labels.benefit("rural_dibao", 57280) == "572.80"
        assert labels.benefit(None, None) == ""
    finally:
        i18n.install_translators(qapp, "en")
