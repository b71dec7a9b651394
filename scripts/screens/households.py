"""Render the household pages (家庭档案) to PNG for review: the list, search results, one
household's tabs and the member / new-household dialogs.

``render(out_dir, db, actor)`` is called by the screens runner; run this file directly to use
a demo database: ``python scripts/screens/households.py --db /tmp/demo.sqlite3 --out DIR``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.models import Household, IncomeItem, Person, User
from reliefdesk.services.context import Actor
from reliefdesk.ui import i18n, ops, style
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.households.page import HouseholdsPage

SIZE = (1366, 768)


def _settle(ms: int = 8000) -> None:
    """Process events until no background op is running (or ``ms`` passed)."""
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        QCoreApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
        QCoreApplication.processEvents()
        if ops.running_count() == 0:
            break
    QCoreApplication.processEvents()


def _save(widget: QWidget, out: Path, name: str) -> Path:
    _settle()
    path = out / f"households_{name}.png"
    widget.grab().save(str(path))
    return path


def _busy_household(db: Database) -> int:
    """A household with several members and income items, for a full-looking page."""
    with db.session() as s:
        q = (
            select(Person.household_id)
            .join(IncomeItem, IncomeItem.household_id == Person.household_id)
            .group_by(Person.household_id)
            .order_by(func.count(Person.id.distinct()).desc())
            .limit(1)
        )
        hid = s.scalar(q)
        return hid or s.scalar(select(func.min(Household.id))) or 0


def render(out_dir: Path, db: Database, actor: Actor) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(out_dir / "screens_settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(db, actor, None, settings)
    page = HouseholdsPage(ctx)
    page.resize(*SIZE)
    page.show()
    paths = [_save(page, out_dir, "list")]
    lv = page.list_view
    lv.search_box.setText("zh")
    lv.search.set_text("zh")
    lv.search.run_now()
    paths.append(_save(page, out_dir, "search"))
    lv.search_box.clear()
    page.open_household(_busy_household(db))
    _settle()
    for index, name in (
        (0, "tab_household"),
        (1, "tab_members"),
        (2, "tab_income"),
        (3, "tab_accounts"),
        (4, "tab_applications"),
        (6, "tab_payments"),
        (7, "tab_history"),
    ):
        page.panel.tabs.setCurrentIndex(index)
        paths.append(_save(page, out_dir, name))
    page.panel.tabs.setCurrentIndex(1)
    page.panel.add_member_button.click()
    dialog = page.panel.dialog
    dialog.name_edit.setText("张小明")
    dialog.id_edit.setText("41048220100506123X")
    dialog.counted_check.setChecked(False)
    paths.append(_save(dialog, out_dir, "member_dialog"))
    dialog.close()
    page.new_household()
    new = page.new_household_dialog
    assert new is not None
    new.head_id_edit.setText("4104822010")
    paths.append(_save(new, out_dir, "new_household_dialog"))
    new.close()
    page.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/screens")
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply_style(app)  # type: ignore[arg-type]
    i18n.install_translators(app, args.language)  # type: ignore[arg-type]
    db = open_database(f"sqlite:///{args.db}")
    with db.session() as s:
        u = s.scalars(select(User).where(User.role == "clerk").order_by(User.id)).first()
        assert u is not None
        actor = Actor(u.id, u.username, u.display_name, u.role)
    for p in render(Path(args.out), db, actor):
        print(p)
    db.close()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter-exit GC of Qt objects (a PySide shutdown crash)
