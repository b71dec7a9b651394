"""信息比对 import dialog for a township user on a county server (issue 18): comparing the
county-wide department file succeeds, keeps the township's own people and says how many rows
were left out; a county user's run of the same file keeps every row."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from reliefdesk.models import Household, Township, Village
from reliefdesk.services import users
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.findings.import_dialog import ImportDialog
from reliefdesk.ui.ops import running_count

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from comparison_support import department_file, make_register

PASSWORD = "Test#Pass2026"


def _compare(qtbot, db, actor, path: Path, tmp_path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / f"{actor.username}.ini"), QSettings.Format.IniFormat)
    dlg = ImportDialog(AppContext(db, actor, None, settings))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.path_edit.setText(str(path))
    dlg.source_combo.setCurrentIndex(dlg.source_combo.findData("deaths"))
    qtbot.mouseClick(dlg.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dlg.compare_button.isEnabled, timeout=15000)
    with qtbot.waitSignal(dlg.compared, timeout=20000):
        qtbot.mouseClick(dlg.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: running_count() == 0, timeout=15000)
    return dlg


def test_township_clerk_compares_the_county_file_for_their_township(qtbot, sqlite_db, tmp_path):
    """Two of the four recipients live in township B: township A's reviewer compares the
    county deaths file, the run keeps A's rows and the dialog names the rows left out; the
    county's run of the same file keeps them all."""
    db = sqlite_db
    recs, people = make_register(db)
    with db.session() as s:
        b = s.scalar(select(Township.id).where(Township.code == "410482102"))
        a = s.scalar(select(Township.id).where(Township.code == "410482101"))
        vil = Village(township_id=b, name="北村")
        s.add(vil)
        s.flush()
        for r in recs[:2]:
            s.get(Household, r["household_id"]).village_id = vil.id
    path = department_file(tmp_path, "deaths", people)
    county = users.login(db, "reviewer", PASSWORD)
    mine = replace(county, township_id=a)
    dlg = _compare(qtbot, db, mine, path, tmp_path)
    result = dlg.run_result
    assert result is not None and result.left_out > 0
    assert result.run.unmatched == 0 and result.run.rows_read > 0
    assert f"{result.left_out} rows of other townships" in dlg.result_label.text()
    whole_dlg = _compare(qtbot, db, county, path, tmp_path)
    whole = whole_dlg.run_result
    assert whole is not None and whole.left_out == 0
    assert whole.run.rows_read == result.run.rows_read + result.left_out
    assert "left out" not in whole_dlg.result_label.text()
