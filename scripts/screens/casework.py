"""Render the casework screens (workbench, applications, wizard, case page, publicity and
confirmation dialogs, visit editor) to PNG on a populated database.

Usage::

    QT_QPA_PLATFORM=offscreen python scripts/screens/casework.py [--out DIR] [--db URL]

``render(out_dir, db, actor)`` is the entry point other scripts call; run as a script it builds
a small office (``populate``) in a temporary SQLite file first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QTableWidgetItem, QWidget

from reliefdesk.db.connect import open_database
from reliefdesk.db.engine import Database
from reliefdesk.domain.idnumber import make_id
from reliefdesk.services import casework, register, users, visits
from reliefdesk.services.context import SYSTEM, Actor

PASSWORD = "Screens#2026"
SIZE = (1366, 768)


def _wait(cond: Callable[[], bool], ms: int = 10000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QThreadPool

    deadline = QDeadlineTimer(ms)
    while not cond() and not deadline.hasExpired():
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(10)
    QApplication.processEvents()


def _idle() -> None:
    from reliefdesk.ui import ops

    _wait(lambda: ops.running_count() == 0)


def populate(db: Database) -> dict[str, Actor]:
    """A township office with cases in every step; returns actors by username."""
    with db.session() as s:
        for name, role, display in (
            ("clerk", "clerk", "刘晓燕"),
            ("reviewer", "reviewer", "王建军"),
            ("approver", "approver", "张丽娟"),
        ):
            users.add_user(s, SYSTEM, name, role, PASSWORD, display_name=display)
    who = {u: users.login(db, u, PASSWORD) for u in ("clerk", "reviewer", "approver")}
    clerk, reviewer, approver = who["clerk"], who["reviewer"], who["approver"]
    township = register.list_townships(db, clerk)[4]
    villages = [
        register.add_village(db, clerk, township.id, n)
        for n in ("寺上村", "鲁村村", "庙湾村", "东关社区")
    ]
    today = date.today()
    people = [
        ("曾广福", 1948, 3000, "rural"),
        ("单秀英", 1956, 12000, "rural"),
        ("解建国", 1962, 0, "rural"),
        ("王丽娟", 1979, 45000, "urban"),
        ("李德福", 1951, 20000, "rural"),
        ("张桂芳", 1945, 8000, "rural"),
        ("刘伟", 1985, 30000, "urban"),
        ("陈秀兰", 1958, 15000, "rural"),
        ("杨永刚", 1970, 25000, "rural"),
        ("赵玉梅", 1940, 5000, "rural"),
        ("郭志强", 1966, 35000, "urban"),
        ("孙翠菊", 1953, 10000, "rural"),
    ]
    apps = []
    for i, (name, year, income, area) in enumerate(people):
        v = villages[3] if area == "urban" else villages[i % 3]
        h = register.create_household(
            db,
            clerk,
            register.HouseholdInput(
                village_id=v.id,
                area_type=area,
                address=f"{v.name}{i + 3}组{i * 7 + 11}号",
                phone=f"1383750{i:04d}",
            ),
            register.PersonInput(
                name=name, id_number=make_id("410482", date(year, 3 + i % 9, 5 + i), 31 + i * 2)
            ),
        )
        head = register.get_household(db, clerk, h.id).members[0]
        register.add_person(
            db,
            clerk,
            h.id,
            register.PersonInput(
                name=name[0] + "小" + "明红"[i % 2],
                relation="child",
                id_number=make_id("410482", date(2008 + i % 8, 6, 9 + i), 101 + i * 2),
            ),
        )
        register.add_income(db, clerk, h.id, head.id, "wage" if income else "other", income)
        programme = "urban_dibao" if area == "urban" else "rural_dibao"
        accepted = today - timedelta(days=60 - i * 3) if i >= 2 else today - timedelta(days=400)
        apps.append(
            (
                casework.create_application(
                    db,
                    clerk,
                    h.id,
                    head.id,
                    programme,
                    "家庭主要劳动力患病，收入低于当地低保标准",
                    accepted,
                ),
                accepted,
                h.id,
            )
        )
    inv = [{"name": "刘晓燕", "unit": "乡民政所"}, {"name": "马红梅", "unit": "村委会"}]

    def investigate(k: int, info: bool = True, visit: bool = True) -> None:
        a, acc, hid = apps[k]
        casework.perform(db, clerk, a.id, "start_investigation", on_date=acc + timedelta(days=1))
        if info:
            casework.perform(db, clerk, a.id, "request_info_check", on_date=acc + timedelta(days=1))
            casework.perform(
                db,
                clerk,
                a.id,
                "record_info_check",
                on_date=acc + timedelta(days=3),
                opinion="信息核对未发现车辆、工商登记和大额存款",
            )
        if visit:
            visits.save_visit(
                db,
                clerk,
                visits.VisitInput(
                    household_id=hid,
                    visit_date=acc + timedelta(days=2),
                    investigators=inv,
                    application_id=a.id,
                    members_present=[{"name": a.applicant_name, "signed": True}],
                    housing={"type": "self_built", "structure": "brick_wood", "area_m2": 86.0},
                    durable_goods="电视机1台、洗衣机1台",
                    livestock="鸡5只",
                    land="承包地3.2亩",
                    opinion="家庭收入低，住房简陋，情况属实",
                    recommendation="approve",
                ),
            )

    def prelim(k: int, days: int = 5) -> None:
        a, acc, _ = apps[k]
        casework.perform(
            db,
            reviewer,
            a.id,
            "submit_prelim",
            on_date=acc + timedelta(days=days),
            opinion="经调查核实，符合最低生活保障条件，建议纳入",
        )

    # two old cases approved a year ago (their re-checks fall due now)
    for k in (0, 1):
        investigate(k)
        prelim(k)
        a, acc, _ = apps[k]
        casework.start_publicity_batch(
            db, clerk, [a.id], acc + timedelta(days=6), recorded_on=acc + timedelta(days=6)
        )
        casework.perform(db, clerk, a.id, "finish_publicity", on_date=acc + timedelta(days=14))
        casework.perform(
            db,
            approver,
            a.id,
            "confirm",
            on_date=acc + timedelta(days=15),
            decision="approve",
            opinion="同意纳入",
        )
    for k in (2, 3):  # awaiting confirmation
        investigate(k)
        prelim(k)
        a, acc, _ = apps[k]
        casework.start_publicity_batch(
            db, clerk, [a.id], acc + timedelta(days=6), recorded_on=acc + timedelta(days=6)
        )
        casework.perform(db, clerk, a.id, "finish_publicity", on_date=acc + timedelta(days=14))
    investigate(4)
    prelim(4)
    casework.start_publicity_batch(
        db, clerk, [apps[4][0].id], today - timedelta(days=2), recorded_on=today - timedelta(days=2)
    )
    for k in (5, 6, 7):  # preliminary review: candidates for the next 公示 batch
        investigate(k)
        prelim(k)
    investigate(8, visit=False)
    investigate(9, info=False, visit=False)
    return who


def _save(widget: QWidget, out: Path, name: str, paths: list[Path]) -> None:
    widget.show()
    _idle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    paths.append(path)
    print(path)


def _photo(tmp: Path, name: str, color: str) -> str:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    path = tmp / name
    image.save(str(path))
    return str(path)


def render(out_dir: Path, db: Database, actor: Actor) -> list[Path]:
    """Build the casework pages on ``db`` as ``actor`` and save PNGs; returns the paths."""
    from reliefdesk.ui.applications.confirm_dialog import ConfirmDialog
    from reliefdesk.ui.applications.page import ApplicationsPage
    from reliefdesk.ui.applications.wizard import NewApplicationWizard
    from reliefdesk.ui.context import AppContext
    from reliefdesk.ui.main_window import MainWindow
    from reliefdesk.ui.printing import PdfPreviewDialog
    from reliefdesk.ui.visits.page import VisitsPage
    from reliefdesk.ui.workbench.page import WorkbenchPage

    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    paths: list[Path] = []

    def window_for(who: Actor) -> tuple[MainWindow, AppContext]:
        window = MainWindow(settings=settings)
        window.resize(*SIZE)
        ctx = AppContext(db, who, None, settings, window)
        window.set_user(who.display_name, who.role_label)
        window.set_database_label(db.location_label)
        for key, cls in (
            ("workbench", WorkbenchPage),
            ("applications", ApplicationsPage),
            ("visits", VisitsPage),
        ):
            window.register_page(key, cls(ctx, window))
        ctx.applicationRequested.connect(lambda _i: window.show_page("applications"))
        ctx.visitRequested.connect(lambda _v, _a: window.show_page("visits"))
        return window, ctx

    window, ctx = window_for(actor)
    window.show_page("workbench")
    _save(window, out_dir, "casework_workbench", paths)
    window.show_page("applications")
    _save(window, out_dir, "casework_applications_list", paths)

    page = window.page("applications")
    assert isinstance(page, ApplicationsPage)
    rows = casework.list_applications(db, actor)
    awaiting = next(r for r in rows if r.state == "awaiting_confirmation")
    page.open_application(awaiting.id)
    _save(window, out_dir, "casework_application_page", paths)
    # an approved case: every print action available (审批表, 确认通知书, 公示)
    approved = next(r for r in casework.list_applications(db, actor, state="approved"))
    page.open_application(approved.id)
    _save(window, out_dir, "casework_application_page_print", paths)
    page.detail.print_decision()
    _idle()
    letter = window.findChildren(PdfPreviewDialog)[-1]
    _save(letter, out_dir, "casework_print_decision_preview", paths)
    letter.close()
    # the list with several rows selected for 批量打印审批表
    page.show_list()
    _idle()
    for i in range(min(3, page.model.rowCount())):
        page.view.selectionModel().select(
            page.model.index(i, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    _save(window, out_dir, "casework_applications_list_selection", paths)
    page.print_selected_forms()
    _idle()
    batch = window.findChildren(PdfPreviewDialog)[-1]
    _save(batch, out_dir, "casework_print_batch_preview", paths)
    batch.close()
    page.open_application(awaiting.id)

    dialog = page.open_publicity()
    _idle()
    _save(dialog, out_dir, "casework_publicity_dialog", paths)
    dialog.tabs.setCurrentIndex(1)
    _save(dialog, out_dir, "casework_publicity_running", paths)
    dialog.close()

    # wizard pages with sample input
    wizard = NewApplicationWizard(ctx, 0, window)
    wizard.show()
    _idle()
    hp = wizard.household_page
    hp.address_edit.setText("庙湾村5组18号")
    hp.phone_edit.setText("13837501234")
    _save(wizard, out_dir, "casework_wizard_1_household", paths)
    wizard.next()
    mp = wizard.members_page
    for name, number, rel in (
        ("韩德福", make_id("410482", date(1950, 4, 2), 51), "head"),
        ("韩秀兰", make_id("410482", date(1953, 8, 9), 62), "spouse"),
    ):
        mp.name_edit.setText(name)
        mp.id_edit.setText(number)
        mp.relation_combo.setCurrentIndex(mp.relation_combo.findData(rel))
        mp.add_button.click()
        _idle()  # the ID is checked against the register before the row is added
    mp.name_edit.setText("韩小龙")
    mp.id_edit.setText("41048220100101123")
    _save(wizard, out_dir, "casework_wizard_2_members", paths)
    mp.name_edit.clear()
    mp.id_edit.clear()
    wizard.next()
    ip = wizard.income_page
    ip.amount_edit.setText("260")
    ip.add_income_button.click()
    ip.category_combo.setCurrentIndex(ip.category_combo.findData("pension_basic"))
    ip.amount_edit.setText("143")
    ip.add_income_button.click()
    ip.asset_value.setText("3000")
    ip.add_asset_button.click()
    _save(wizard, out_dir, "casework_wizard_3_income", paths)
    wizard.next()
    pp = wizard.programme_page
    pp.programme_combo.setCurrentIndex(pp.programme_combo.findData("tekun"))
    pp.self_care_checks["bathing"].setChecked(False)
    pp.self_care_checks["dressing"].setChecked(False)
    pp.reason_edit.setPlainText("老两口年老体弱，无劳动能力，无法定赡养人")
    _save(wizard, out_dir, "casework_wizard_4_programme", paths)
    pp.programme_combo.setCurrentIndex(pp.programme_combo.findData("rural_dibao"))
    wizard.next()
    wizard.payee_page.number_edit.setText("6228480402564890018")
    wizard.payee_page.bank_edit.setText("汝州农商银行庙下支行")
    _save(wizard, out_dir, "casework_wizard_5_payee", paths)
    wizard.next()
    _idle()
    _save(wizard, out_dir, "casework_wizard_6_summary", paths)
    wizard.reject()  # 取消 with input asks 保存 / 不保存 / 取消
    _idle()
    if wizard.unsaved_box is not None:
        _save(wizard.unsaved_box, out_dir, "casework_wizard_cancel_asks", paths)
        wizard.unsaved_box.done(0)
    wizard.discard()

    # the materials checklist of a case, the guide and About
    page.view.selectRow(0)
    page.materials_button.click()
    _idle()
    if page.materials_dialog is not None:
        _save(page.materials_dialog, out_dir, "casework_materials", paths)
        page.materials_dialog.close()
    window.show_help("applications")
    if window.help_dialog is not None:
        _save(window.help_dialog, out_dir, "help_guide", paths)
        window.help_dialog.close()

    # confirmation as the approver
    who = {a.username: a for a in (actor,)}
    approver = who.get("approver") or users.login(db, "approver", PASSWORD)
    window2, ctx2 = window_for(approver)
    page2 = window2.page("applications")
    assert isinstance(page2, ApplicationsPage)
    page2.open_application(awaiting.id)
    window2.show_page("applications")
    _save(window2, out_dir, "casework_application_page_approver", paths)
    view = casework.get_application(db, approver, awaiting.id)
    confirm = ConfirmDialog(ctx2, view, window2)
    confirm.opinion_edit.setPlainText("经审核，同意纳入最低生活保障。")
    _save(confirm, out_dir, "casework_confirm_dialog", paths)
    confirm.refuse_radio.setChecked(True)
    confirm.ok_button.click()
    _idle()
    _save(confirm, out_dir, "casework_confirm_dialog_refuse_error", paths)
    confirm.close()

    # visit editor: a new visit with photos, then a failed save (one investigator)
    investigating = next(r for r in rows if r.state == "investigating")
    window.show_page("visits")
    vpage = window.page("visits")
    assert isinstance(vpage, VisitsPage)
    _save(window, out_dir, "casework_visits_list", paths)
    vpage.new_visit(investigating.id)
    _idle()
    ed = vpage.editor
    ed.investigators.setItem(0, 0, QTableWidgetItem("刘晓燕"))
    ed.add_photos([_photo(tmp, "房屋外观.png", "#8aa3b8"), _photo(tmp, "室内.png", "#c2a878")])
    ed.goods_edit.setText("黑白电视机1台")
    ed.save()
    _idle()
    _save(window, out_dir, "casework_visit_editor", paths)
    scroll = ed.findChild(QWidget, "visitEditorScroll")
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())  # type: ignore[union-attr]
    _save(window, out_dir, "casework_visit_editor_bottom", paths)
    ed.discard()
    # 公示 batch started: the dialog offers 打印公示
    window.show_page("applications")
    dialog = page.open_publicity()
    _idle()
    dialog.start_button.click()
    _idle()
    _save(dialog, out_dir, "casework_publicity_started_print", paths)
    dialog.close()
    window.close()
    window2.close()
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screens"))
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    from reliefdesk.ui import i18n, style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply_style(app)  # type: ignore[arg-type]
    i18n.install_translators(app, args.language)  # type: ignore[arg-type]
    tmp = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{tmp / 'screens.sqlite3'}")
    who = populate(db)
    render(args.out, db, who["clerk"])
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
