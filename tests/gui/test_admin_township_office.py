"""单位信息 per township on the settings screen (issue 18): a county admin picks 县级默认 or a
township; a township's empty field shows the county's value as its placeholder and the county
value applies; a township admin edits their own township's values with no choice; a township
clerk reads them only."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.models import Township, User
from reliefdesk.services import settings as office_settings
from reliefdesk.services import township_settings
from reliefdesk.services.context import Actor
from reliefdesk.services.settings import OfficeInfo, update_office
from reliefdesk.ui import ops
from reliefdesk.ui.admin.office import OfficeSection
from reliefdesk.ui.admin.page import SettingsPage
from reliefdesk.ui.context import AppContext


def _actor(db: Database, username: str) -> Actor:
    with db.read_session() as s:
        u = s.scalar(select(User).where(User.username == username))
        return Actor(u.id, u.username, u.display_name, u.role)


def _town(db: Database, code: str) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(Township.id).where(Township.code == code)))


def _idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=15000)
    QApplication.processEvents()


def _section(qtbot, db: Database, actor: Actor, settings: QSettings) -> OfficeSection:  # type: ignore[no-untyped-def]
    page = SettingsPage(AppContext(db, actor, None, settings))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    _idle(qtbot)
    section = page.show_section("office")
    _idle(qtbot)
    assert isinstance(section, OfficeSection)
    return section


def _county_office(db: Database) -> None:
    update_office(
        db,
        _actor(db, "admin"),
        OfficeInfo("汝州市", "410482101", "汝州市民政局", "0375-1111111", "https://mz.example"),
    )


def test_county_admin_edits_county_defaults_and_a_townships_own_values(
    qtbot, sqlite_db: Database, settings: QSettings
) -> None:
    """县级默认 saves the office record and the signatures; township B shows empty fields with
    the county values as placeholders, saves its own phone (its papers use it, the county
    name stays), and clearing the phone brings the county's back."""
    db = sqlite_db
    _county_office(db)
    b = _town(db, "410482102")
    section = _section(qtbot, db, _actor(db, "admin"), settings)
    combo = section.findChild(QComboBox, "officeScopeCombo")
    assert combo is not None and combo.currentData() is None and combo.findData(b) > 0
    assert section.county_edit.isVisible() and section.township_combo.isVisible()
    assert section.name_edit.text() == "汝州市民政局"
    section.signatures_edit.setText("负责人：张三")
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    with db.read_session() as s:
        assert office_settings.get_setting(s, "office.signatures") == "负责人：张三"

    with qtbot.waitSignal(section.loaded, timeout=15000):
        section.set_scope(b)
    assert not section.county_edit.isVisible() and not section.township_combo.isVisible()
    assert section.name_edit.text() == "" and "人民政府" in section.name_edit.placeholderText()
    assert "0375-1111111" in section.phone_edit.placeholderText()
    assert "负责人：张三" in section.signatures_edit.placeholderText()
    section.phone_edit.setText("0375-2222222")
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    with db.read_session() as s:
        info = township_settings.office_for_township(s, b)
    assert info is not None and info.phone == "0375-2222222"
    assert info.office_name.endswith("人民政府")  # empty name: the township's government
    assert info.township_name in info.office_name
    assert office_settings.get_office(db).phone == "0375-1111111"  # the county's unchanged

    section.phone_edit.clear()
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    with db.read_session() as s:
        assert township_settings.office_for_township(s, b).phone == "0375-1111111"


def test_township_admin_edits_only_their_own_township(
    qtbot, sqlite_db: Database, settings: QSettings
) -> None:
    """A township admin gets no choice (their township's name as a label), no county fields,
    and saves their township's office name; a township clerk sees the values read only."""
    db = sqlite_db
    _county_office(db)
    a = _town(db, "410482101")
    admin = replace(_actor(db, "admin"), township_id=a)
    section = _section(qtbot, db, admin, settings)
    assert section.findChild(QComboBox, "officeScopeCombo") is None
    with db.read_session() as s:
        assert section.scope_label.text() == s.get(Township, a).name
    assert not section.county_edit.isVisible()
    with db.read_session() as s:
        assert s.get(Township, a).name + "人民政府" in section.name_edit.placeholderText()
    section.name_edit.setText("寄料镇民政所")
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    values = township_settings.township_office(db, admin, a)
    assert values.values["office.name"] == "寄料镇民政所"
    assert office_settings.get_office(db).office_name == "汝州市民政局"

    clerk = replace(_actor(db, "clerk"), township_id=a)
    read_only = _section(qtbot, db, clerk, settings)
    assert read_only.name_edit.text() == "寄料镇民政所" and read_only.name_edit.isReadOnly()
    assert not read_only.save_button.isEnabled()
