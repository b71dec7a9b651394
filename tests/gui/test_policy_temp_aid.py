"""Policy editor (系统设置 → 政策标准): the 先行救助 cap (empty = the township limit) and the
一事一议 threshold are edited through the widgets and used by the casework rule."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from reliefdesk.db.engine import Database
from reliefdesk.models import User
from reliefdesk.services import policy
from reliefdesk.services.casework.facts import advance_cap_of
from reliefdesk.services.context import Actor
from reliefdesk.ui import ops
from reliefdesk.ui.admin.page import SettingsPage
from reliefdesk.ui.context import AppContext


def _idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=15000)
    QApplication.processEvents()


def _save(qtbot, section, editor, when: QDate, name: str) -> None:  # type: ignore[no-untyped-def]
    editor.effective_edit.setDate(when)
    editor.name_edit.setText(name)
    with qtbot.waitSignal(section.saved, timeout=15000):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)


def test_advance_cap_and_case_by_case_threshold_edited(
    qtbot, sqlite_db: Database, settings: QSettings, tmp_path
) -> None:
    """The cap field shows "same as the township limit" when empty; 2,000 元 is saved as the
    cap the green channel uses; set back to empty it follows the township limit again; the
    一事一议 threshold is saved from its field."""
    with sqlite_db.read_session() as s:
        admin = next(
            Actor(u.id, u.username, u.display_name, u.role)
            for u in s.scalars(select(User).where(User.username == "admin"))
        )
    page = SettingsPage(AppContext(sqlite_db, admin, None, settings))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    _idle(qtbot)
    section = page.show_section("policy")
    _idle(qtbot)
    editor = section.editor
    spin = editor.temp_advance_spin
    assert spin.objectName() == "policyTempAdvanceCapSpin" and spin.value() == 0
    assert spin.text() == spin.specialValueText() != ""
    spin.setValue(2000.00)
    editor.temp_case_spin.setValue(5000.00)
    _save(qtbot, section, editor, QDate(2025, 7, 1), "先行救助上限")
    group = editor.findChild(QWidget, "policyTempGroup")
    group.grab().save(str(tmp_path / "policy_temp_aid.png"))
    assert spin.width() >= spin.sizeHint().width()  # the special text is not clipped
    with sqlite_db.read_session() as s:
        p = policy.policy_on(s, date(2025, 7, 1))
    assert p.data["temp_aid_advance_cap_fen"] == 200000 and advance_cap_of(p) == 200000
    assert p.data["temp_aid_case_by_case_fen"] == 500000
    editor.temp_advance_spin.setValue(0)
    _save(qtbot, section, editor, QDate(2025, 8, 1), "先行救助按审批限额")
    with sqlite_db.read_session() as s:
        p = policy.policy_on(s, date(2025, 8, 1))
    assert p.data["temp_aid_advance_cap_fen"] is None
    assert advance_cap_of(p) == p.data["temp_aid_township_limit_fen"]
