"""The new-application wizard as a clerk uses it all day: nothing typed is lost on 取消, every
row can be edited and removed, defaults follow age, money input is checked, duplicates are
caught on the members page, and the payee's account and the materials are saved with it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from sqlalchemy import select

from reliefdesk.domain.idnumber import make_id
from reliefdesk.models import ApplicationMaterial, BankAccount, IncomeItem, Person
from reliefdesk.ui.applications.wizard import NewApplicationWizard
from tests.gui.casework_fixtures import (  # noqa: F401 - office is a fixture
    Office,
    make_household,
    office,
    open_window,
    type_text,
    wait_idle,
)

CLICK = Qt.MouseButton.LeftButton


def _wizard(qtbot, s, household_id: int = 0) -> NewApplicationWizard:  # type: ignore[no-untyped-def]
    s.applications.new_application(household_id)
    wizard = s.applications.wizard
    assert wizard is not None
    wait_idle(qtbot)
    return wizard


def _add_member(qtbot, wizard, name: str, number: str, relation: str | None = None) -> None:  # type: ignore[no-untyped-def]
    mp = wizard.members_page
    type_text(qtbot, mp.name_edit, name)
    type_text(qtbot, mp.id_edit, number)
    if relation is not None:
        mp.relation_combo.setCurrentIndex(mp.relation_combo.findData(relation))
    qtbot.mouseClick(mp.add_button, CLICK)
    wait_idle(qtbot)


def _box(name: str) -> QMessageBox:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]
    assert boxes, f"no {name} shown"
    return boxes[0]


def test_cancel_with_input_asks_and_keeps_or_discards(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """取消 with a member typed asks 保存/不保存/取消: 取消 keeps the wizard and its input, 不保存
    closes it; an untouched wizard closes without asking."""
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    wizard = _wizard(qtbot, s)
    wizard.next()
    _add_member(qtbot, wizard, "周建军", make_id("410482", date(1986, 1, 5), 71))
    assert wizard.isWindowModified()
    qtbot.mouseClick(wizard.button(wizard.WizardButton.CancelButton), CLICK)
    box = _box("wizardUnsavedBox")
    texts = {b.text() for b in box.buttons()}
    assert {"Save", "Don't save", "Cancel"} <= texts or {"保存", "不保存", "取消"} <= texts
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), CLICK)
    wait_idle(qtbot)
    assert wizard.isVisible() and wizard.members_page.new_members[0].name == "周建军"
    qtbot.mouseClick(wizard.button(wizard.WizardButton.CancelButton), CLICK)
    with qtbot.waitSignal(wizard.rejected, timeout=5000):
        qtbot.mouseClick(_box("wizardUnsavedBox").button(QMessageBox.StandardButton.Discard), CLICK)
    assert not wizard.isVisible()

    fresh = _wizard(qtbot, s)
    with qtbot.waitSignal(fresh.rejected, timeout=5000):
        qtbot.mouseClick(fresh.button(fresh.WizardButton.CancelButton), CLICK)


def test_step_numbers_and_age_defaults(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """Each page shows its step ((1/6) ...); a 14-year-old defaults to 无劳动能力 and 初中在读,
    a 40-year-old to 有劳动能力; after a spouse the relation moves on to 子女."""
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    wizard = _wizard(qtbot, s)
    assert wizard.household_page.title().endswith("(1/6)")
    wizard.next()
    mp = wizard.members_page
    assert mp.title().endswith("(2/6)")
    type_text(qtbot, mp.id_edit, make_id("410482", date(date.today().year - 14, 1, 5), 33))
    assert mp.labour_combo.currentData() == "none"
    assert mp.schooling_combo.currentText() == "初中在读"
    mp.id_edit.clear()
    _add_member(qtbot, wizard, "周建军", make_id("410482", date(1986, 1, 5), 71))
    assert mp.new_members[0].labour_capacity == "full"
    assert mp.relation_combo.currentData() == "spouse"
    _add_member(qtbot, wizard, "王秀英", make_id("410482", date(1988, 3, 9), 82))
    assert mp.relation_combo.currentData() == "child"
    assert mp.new_members[1].ethnicity == "汉族"


def test_member_rows_edit_and_remove_three_ways(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """A new member is edited with the Edit button and removed with the Delete key, the
    context menu or the Remove button."""
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    wizard = _wizard(qtbot, s)
    wizard.next()
    mp = wizard.members_page
    for i, (name, year) in enumerate((("甲一", 1960), ("乙二", 1962), ("丙三", 1990))):
        _add_member(qtbot, wizard, name, make_id("410482", date(year, 1, 5), 40 + i))
    assert mp.members_table.rowCount() == 3
    mp.members_table.selectRow(0)
    qtbot.mouseClick(mp.row_actions.edit_button, CLICK)
    assert mp.name_edit.text() == "甲一"
    mp.name_edit.clear()
    type_text(qtbot, mp.name_edit, "甲改")
    qtbot.mouseClick(mp.add_button, CLICK)
    wait_idle(qtbot)
    assert [m.name for m in mp.new_members] == ["甲改", "乙二", "丙三"]
    mp.members_table.selectRow(2)
    mp.members_table.setFocus()
    qtbot.keyClick(mp.members_table, Qt.Key.Key_Delete)
    assert [m.name for m in mp.new_members] == ["甲改", "乙二"]
    menu = mp.row_actions.context_menu(1)  # what a right click on the row pops up
    assert isinstance(menu, QMenu)
    remove = next(a for a in menu.actions() if a.objectName() == "rowRemoveAction")
    remove.trigger()
    assert [m.name for m in mp.new_members] == ["甲改"]
    mp.members_table.selectRow(0)
    qtbot.mouseClick(mp.row_actions.remove_button, CLICK)
    assert mp.new_members == []


def test_income_checks_yearly_amounts_and_rows(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """A negative income says it cannot be negative, three decimals are refused, a yearly
    amount is stored monthly; income and asset rows are edited and removed."""
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    wizard = _wizard(qtbot, s)
    wizard.next()
    _add_member(qtbot, wizard, "周建军", make_id("410482", date(1986, 1, 5), 71))
    wizard.next()
    ip = wizard.income_page
    type_text(qtbot, ip.amount_edit, "-5")
    qtbot.mouseClick(ip.add_income_button, CLICK)
    assert "不能为负数" in ip.errors.field_error("monthly_fen")
    ip.amount_edit.clear()
    type_text(qtbot, ip.amount_edit, "12.345")
    qtbot.mouseClick(ip.add_income_button, CLICK)
    assert "两位小数" in ip.errors.field_error("monthly_fen")
    assert ip.income == []
    ip.amount_edit.clear()
    type_text(qtbot, ip.amount_edit, "6000")
    ip.period_combo.setCurrentIndex(ip.period_combo.findData("year"))
    ip.category_combo.setCurrentIndex(ip.category_combo.findData("business"))
    qtbot.mouseClick(ip.add_income_button, CLICK)
    assert ip.income[0].monthly_fen == 50000
    assert "年收入6000.00元" in ip.income[0].description
    ip.income_table.selectRow(0)
    qtbot.mouseClick(ip.income_actions.edit_button, CLICK)
    ip.amount_edit.clear()
    type_text(qtbot, ip.amount_edit, "400")
    qtbot.mouseClick(ip.add_income_button, CLICK)
    assert len(ip.income) == 1 and ip.income[0].monthly_fen == 40000
    type_text(qtbot, ip.asset_value, "1000")
    qtbot.mouseClick(ip.add_asset_button, CLICK)
    ip.asset_table.selectRow(0)
    ip.asset_table.setFocus()
    qtbot.keyClick(ip.asset_table, Qt.Key.Key_Delete)
    assert ip.assets == []
    ip.income_table.selectRow(0)
    qtbot.mouseClick(ip.income_actions.remove_button, CLICK)
    assert ip.income == []


def test_duplicate_id_is_caught_on_the_members_page(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """A member whose ID is already on file is refused when added, with the whole message
    (who and which household), not after the last page."""
    make_household(
        office.db, office.actors["clerk"], office.village_id, "李德福", date(1950, 5, 1), 11
    )
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    wizard = _wizard(qtbot, s)
    wizard.next()
    mp = wizard.members_page
    _add_member(qtbot, wizard, "冒名", make_id("410482", date(1950, 5, 1), 11))
    assert mp.new_members == []
    message = mp.errors.field_error("id_number")
    assert "已登记为李德福" in message and message.endswith("请先在原家庭中处理")
    label = mp.errors.error_label("id_number")
    assert label.wordWrap() and label.isVisible()


def test_finish_saves_payee_account_materials_and_person_fields(
    qtbot, office: Office, settings
) -> None:  # type: ignore[no-untyped-def]
    """Finishing saves the payee's account (masked elsewhere, full in the register), the
    materials ticked as received, 民族 and 户籍性质, and a yearly income as monthly."""
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    wizard = _wizard(qtbot, s)
    type_text(qtbot, wizard.household_page.address_edit, "寺上村2组")
    wizard.next()
    mp = wizard.members_page
    mp.ethnicity_combo.setCurrentIndex(mp.ethnicity_combo.findData("回族"))
    mp.hukou_combo.setCurrentIndex(mp.hukou_combo.findData("rural"))
    _add_member(qtbot, wizard, "马德林", make_id("410482", date(1950, 4, 2), 51))
    wizard.next()
    ip = wizard.income_page
    type_text(qtbot, ip.amount_edit, "1200")
    ip.period_combo.setCurrentIndex(ip.period_combo.findData("year"))
    qtbot.mouseClick(ip.add_income_button, CLICK)
    wizard.next()
    type_text(qtbot, wizard.programme_page.reason_edit, "年老体弱")
    wizard.next()
    pp = wizard.payee_page
    assert pp.title().endswith("(5/6)")
    type_text(qtbot, pp.number_edit, "6228480402564890018")
    type_text(qtbot, pp.bank_edit, "农商银行")
    pp.material_checks["commitment"].setChecked(False)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.summary_page.assessment is not None, timeout=10000)
    with qtbot.waitSignal(wizard.saved, timeout=15000):
        qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), CLICK)
    wait_idle(qtbot)
    with office.db.session() as sess:
        person = sess.scalars(select(Person)).one()
        assert (person.ethnicity, person.hukou_type) == ("回族", "rural")
        account = sess.scalars(select(BankAccount)).one()
        assert account.number == "6228480402564890018" and account.payee_person_id == person.id
        assert account.bank_name == "农商银行"
        received = {m.kind: m.received for m in sess.scalars(select(ApplicationMaterial))}
        assert received["application_form"] and not received["commitment"]
        assert sess.scalars(select(IncomeItem)).one().monthly_fen == 10000


def test_new_application_from_household_preselects_it(qtbot, office: Office, settings) -> None:  # type: ignore[no-untyped-def]
    """新建申请 for a household starts on that household: its members are listed."""
    hid, _pid = make_household(
        office.db, office.actors["clerk"], office.village_id, "李德福", date(1950, 5, 1), 11
    )
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    s.ctx.newApplicationRequested.emit(hid)
    qtbot.waitUntil(lambda: s.applications.wizard is not None, timeout=5000)
    wizard = s.applications.wizard
    wait_idle(qtbot)
    assert wizard.household_page.existing_radio.isChecked()
    wizard.next()
    wait_idle(qtbot)
    assert wizard.household_id == hid
    assert [r.name for r in wizard.members_page.rows()] == ["李德福"]


def test_temporary_aid_duplicate_cites_the_temporary_aid_rule(
    qtbot, office: Office, settings
) -> None:  # type: ignore[no-untyped-def]
    """A second temporary-aid application for a household with one open is refused citing the
    temporary-aid rule, not the dibao article (第二十八条)."""
    from reliefdesk.services import casework

    hid, pid = make_household(
        office.db, office.actors["clerk"], office.village_id, "钱多多", date(1970, 1, 1), 41
    )
    casework.create_application(
        office.db,
        office.actors["clerk"],
        hid,
        pid,
        "temporary_aid",
        "火灾",
        date.today(),
        aid_type="expenditure",
        aid_months=1,
        aid_persons=1,
    )
    s = open_window(qtbot, office.db, office.actors["clerk"], settings)
    wizard = _wizard(qtbot, s, hid)
    wizard.next()
    wait_idle(qtbot)
    wizard.next()
    wizard.next()
    pp = wizard.programme_page
    pp.programme_combo.setCurrentIndex(pp.programme_combo.findData("temporary_aid"))
    pp.aid_type_combo.setCurrentIndex(pp.aid_type_combo.findData("expenditure"))
    type_text(qtbot, pp.reason_edit, "医疗费用")
    wizard.next()
    wizard.payee_page.account_check.setChecked(False)
    wizard.next()
    wait_idle(qtbot)
    message = wizard.summary_page.error_label.text() + pp.errors.general.text()
    assert "临时救助" in message and "民发〔2018〕23号" in message
    assert "第二十八条" not in message
