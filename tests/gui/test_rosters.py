"""发放名册 page (reliefdesk.ui.rosters): generate with the service's totals, paged lines with
SQL filters, validation problems and acknowledgement, role gating of lock/unlock, export of
the three workbooks and the bank-return import, on a real SQLite database."""

from __future__ import annotations

import sys
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from reliefdesk.db.engine import Database
from reliefdesk.domain.idnumber import make_id
from reliefdesk.domain.masking import mask_id
from reliefdesk.domain.money import fen_to_yuan, to_capital
from reliefdesk.services import roster, users
from reliefdesk.services.context import Actor
from reliefdesk.ui import ops
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.rosters.models import LinesModel
from reliefdesk.ui.rosters.page import RostersPage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_roster_support import make_household, setup_policy

PASSWORD = "Test#Pass2026"
JAN = date(2026, 1, 1)


@pytest.fixture
def people(sqlite_db: Database) -> dict[str, Actor]:
    """Signed-in actors of the test template (clerk, reviewer, approver, admin, auditor)."""
    return {
        u: users.login(sqlite_db, u, PASSWORD)
        for u in ("clerk", "reviewer", "approver", "admin", "auditor")
    }


def wait_idle(qtbot, timeout: int = 20000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.running_count() == 0, timeout=timeout)
    QApplication.processEvents()


def open_page(
    qtbot,
    db: Database,
    actor: Actor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    month: date = JAN,
) -> RostersPage:
    settings = QSettings(str(tmp_path / f"{actor.username}.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(db, actor, None, settings)
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    wait_idle(qtbot)
    page.set_period(month, "all")
    wait_idle(qtbot)
    return page


def load_all(qtbot, page: RostersPage) -> None:  # type: ignore[no-untyped-def]
    while page.lines_model.canFetchMore():
        page.lines_model.fetchMore()
        wait_idle(qtbot)


def find_box(name: str) -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if w.objectName() == name and w.isVisible():
            return w  # type: ignore[return-value]
    return None


def codes(page: RostersPage) -> set[tuple[int, str, str]]:
    return {(p.line_no, p.severity, p.code) for p in page.problems_panel.model.rows}


def test_models_pass_qt_model_tester(qtbot, qtmodeltester, sqlite_db, people, tmp_path):
    """The lines, problems and history models follow the QAbstractItemModel contract with
    rows loaded (and while more pages can be fetched)."""
    setup_policy(sqlite_db)
    for i in range(5):
        make_household(sqlite_db, persons=1 + i % 3, members_alive=1 if i == 4 else None)
    view = roster.generate(sqlite_db, people["clerk"], "2026-01")
    roster.validate(sqlite_db, people["clerk"], view.id)
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    qtmodeltester.check(page.lines_model)
    lines = LinesModel(page_size=2)  # no view: pages arrive only when asked for
    lines.set_fetch(
        lambda offset, limit: roster.list_lines(
            sqlite_db, people["clerk"], view.id, offset=offset, limit=limit
        )
    )
    wait_idle(qtbot)
    assert lines.rowCount() == 2 and lines.canFetchMore()
    qtmodeltester.check(lines)
    wait_idle(qtbot)
    assert [ln.line_no for ln in lines.rows] == [1, 2, 3, 4]
    page.validate()
    wait_idle(qtbot)
    assert page.problems_panel.model.rowCount() >= 1
    qtmodeltester.check(page.problems_panel.model)
    assert page.history_model.rowCount() == 1
    qtmodeltester.check(page.history_model)


def test_generate_shows_lines_with_the_services_totals(qtbot, sqlite_db, people, tmp_path):
    """Generate (in the background) fills the lines table, masks IDs and accounts, and the
    totals bar shows exactly the RosterView's households, persons, amount and 大写."""
    setup_policy(sqlite_db)
    for p in (1, 2, 3, 4):
        make_household(sqlite_db, persons=p, pci_fen=5000 * p)
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    assert page.roster is None and page.lines_model.rowCount() == 0
    assert page.generate_button.isEnabled()
    page.generate_button.click()
    wait_idle(qtbot)
    view = roster.get_roster(sqlite_db, people["clerk"], page.roster.id, with_lines=True)
    assert page.roster.amount_fen == view.amount_fen
    load_all(qtbot, page)
    model = page.lines_model
    assert model.rowCount() == len(view.lines) == view.households == 4
    text = page.totals_label.text()
    for part in (
        str(view.households),
        str(view.persons),
        fen_to_yuan(view.amount_fen),
        to_capital(view.amount_fen),
    ):
        assert part in text
    assert sum(ln.paid_fen for ln in model.rows) == view.amount_fen
    first = view.lines[0]
    id_text = model.index(0, 3).data()
    assert id_text == mask_id(first.payee_id_number) and first.payee_id_number not in id_text
    assert model.index(0, 11).data().endswith(first.account[-4:])
    assert first.account not in model.index(0, 11).data()
    assert model.index(0, 12).data() == "New"  # 新增 in the first month, source text
    assert page.history_model.rowCount() == 1
    assert page.problems is not None  # validated right after generating


def test_validate_lists_problems_and_double_click_selects_the_line(
    qtbot, sqlite_db, people, tmp_path
):
    """A planted bad account (holder ≠ payee) is an error and a Luhn failure a warning; each
    appears with its line; double-clicking a problem selects that line even when a filter
    hid it."""
    setup_policy(sqlite_db)
    make_household(sqlite_db)
    make_household(sqlite_db, account="6217000000000000001")  # Luhn fails: warning
    bad = make_household(sqlite_db, holder="王某某")  # holder mismatch: error
    view = roster.generate(sqlite_db, people["clerk"], "2026-01", with_lines=True)
    bad_line = next(ln.line_no for ln in view.lines if ln.enrollment_id == bad["enrollment_id"])
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    assert page.problems is None
    page.validate_button.click()
    wait_idle(qtbot)
    found = codes(page)
    assert (bad_line, "error", "holder.mismatch") in found
    assert any(c == "account.luhn" and s == "warning" for _, s, c in found)
    assert "1" in page.tabs.tabText(page.tabs.indexOf(page.problems_panel))
    page.search_edit.setText("no such payee")
    page.reload_lines()
    wait_idle(qtbot)
    assert page.lines_model.rowCount() == 0
    pmodel = page.problems_panel.model
    row = next(i for i, p in enumerate(pmodel.rows) if p.code == "holder.mismatch")
    index = pmodel.index(row, 2)
    view_widget = page.problems_panel.view
    view_widget.scrollTo(index)
    pos = view_widget.visualRect(index).center()
    qtbot.mouseClick(view_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    wait_idle(qtbot)
    assert page.search_edit.text() == ""
    assert page.selected_line_no() == bad_line


def test_clerk_cannot_lock_and_only_admin_sees_unlock(qtbot, sqlite_db, people, tmp_path):
    """For a clerk the lock button is disabled with a tooltip naming the approver; the
    unlock button is only shown to the administrator."""
    setup_policy(sqlite_db)
    make_household(sqlite_db)
    roster.generate(sqlite_db, people["clerk"], "2026-01")
    clerk = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    assert clerk.roster is not None and not clerk.lock_button.isEnabled()
    assert "负责人" in clerk.lock_button.toolTip()
    assert clerk.unlock_button.isHidden()
    approver = open_page(qtbot, sqlite_db, people["approver"], tmp_path)
    assert approver.lock_button.isEnabled() and approver.unlock_button.isHidden()
    admin = open_page(qtbot, sqlite_db, people["admin"], tmp_path)
    assert not admin.unlock_button.isHidden() and not admin.unlock_button.isEnabled()
    assert not admin.generate_button.isEnabled()


def test_approver_locks_after_acknowledging_warnings(qtbot, sqlite_db, people, tmp_path):
    """Locking with an unconfirmed warning is refused politely (nothing locked); after the
    approver ticks and confirms the warning (recorded under their name) the roster locks."""
    setup_policy(sqlite_db)
    make_household(sqlite_db)
    make_household(sqlite_db, persons=3, members_alive=2)  # persons ≠ members: warning
    page = open_page(qtbot, sqlite_db, people["approver"], tmp_path)
    page.generate_button.click()
    wait_idle(qtbot)
    assert [c for _, s, c in codes(page)] == ["persons.mismatch"]
    page.lock_button.click()
    box = find_box("rosterInfoBox")
    assert box is not None and "1" in box.text()
    box.close()
    assert roster.get_roster(sqlite_db, people["approver"], page.roster.id).status == "draft"
    panel = page.problems_panel
    assert not panel.ack_button.isEnabled()
    panel.model.setData(
        panel.model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    panel.note_edit.setText("已电话核实，一人外出务工")
    assert panel.ack_button.isEnabled()
    panel.ack_button.click()
    wait_idle(qtbot)
    assert [p.acknowledged_by for p in panel.model.rows] == ["approver"]
    page.lock_button.click()
    confirm = find_box("rosterLockConfirmBox")
    assert confirm is not None
    confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(qtbot)
    assert page.roster.locked and len(page.roster.lines_sha256) == 64
    assert not page.lock_button.isEnabled() and not page.generate_button.isEnabled()
    assert page.export_button.isEnabled()
    assert page.roster.lines_sha256[:12] in page.status_label.text()


def _locked_page(
    qtbot,
    db,
    people,
    tmp_path,
    n: int = 3,  # type: ignore[no-untyped-def]
    user: str = "clerk",
):
    setup_policy(db)
    for i in range(n):
        make_household(db, persons=2, pci_fen=20000 + 1000 * i)
    view = roster.generate(db, people["clerk"], "2026-01")
    roster.lock(db, people["approver"], view.id)
    return open_page(qtbot, db, people[user], tmp_path)


def test_export_writes_three_workbooks(qtbot, sqlite_db, people, tmp_path):
    """export_to(dir) writes the bank file, the roster and the summary as xlsx, lists the
    file names with an open-folder button, and the history records the exports (the
    approver: the bank file is only theirs by default)."""
    page = _locked_page(qtbot, sqlite_db, people, tmp_path, user="approver")
    out = tmp_path / "out"
    with qtbot.waitSignal(page.exported, timeout=20000) as sig:
        page.export_to(out)
    wait_idle(qtbot)
    files = sorted(out.glob("*.xlsx"))
    assert len(files) == 3 and sorted(sig.args[0]) == files
    for f in files:
        openpyxl.load_workbook(f)  # a real workbook
        assert f.name in page.notice.label.text()
    assert page.notice.isVisible() and page.notice.open_button.isVisible()
    assert page.notice.folder == out
    [row] = page.history_model.rows
    assert len(row.exports) == 3 and page.history_model.index(0, 10).data().startswith("3")


def test_export_refused_for_a_draft(qtbot, sqlite_db, people, tmp_path):
    """A draft roster's export button is disabled and export_to shows the service's refusal
    without writing anything."""
    setup_policy(sqlite_db)
    make_household(sqlite_db)
    roster.generate(sqlite_db, people["clerk"], "2026-01")
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    assert not page.export_button.isEnabled() and page.export_button.toolTip()
    page.export_to(tmp_path / "out")
    wait_idle(qtbot)
    box = find_box("reliefErrorBox")
    assert box is not None and "锁定" in box.text()
    box.close()
    assert not (tmp_path / "out").exists()


def _return_file(path: Path, lines: list[roster.LineView], failed: set[int]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "证件号码", "卡号", "金额", "处理结果", "失败原因"])
    for i, ln in enumerate(lines, 1):
        bad = ln.line_no in failed
        ws.append(
            [
                i,
                ln.payee_name,
                ln.payee_id_number,
                ln.account,
                ln.paid_fen / 100,
                "失败" if bad else "成功",
                "户名与账号不符" if bad else "",
            ]
        )
    ws.append(
        [
            len(lines) + 1,
            "查无此人",
            make_id("410482", date(1990, 1, 1), 999),
            "6217000000000000000",
            1.0,
            "成功",
            "",
        ]
    )
    wb.save(path)
    return path


def test_bank_return_import_marks_failures(qtbot, sqlite_db, people, tmp_path):
    """Importing the bank's return file shows paid/failed/unmatched counts, marks the failed
    line in the table, and the 失败 filter lists exactly the failed lines."""
    page = _locked_page(qtbot, sqlite_db, people, tmp_path)
    full = roster.get_roster(sqlite_db, people["clerk"], page.roster.id, with_lines=True)
    path = _return_file(tmp_path / "回盘.xlsx", list(full.lines), {2})
    with qtbot.waitSignal(page.returnImported, timeout=20000) as sig:
        page.import_return_from(path)
    wait_idle(qtbot)
    result = sig.args[0]
    assert (result.paid, result.failed, len(result.unmatched_rows)) == (2, 1, 1)
    text = page.notice.label.text()
    assert "2 paid" in text and "1 failed" in text and "1 not matched" in text
    model = page.lines_model
    row = model.row_of_line(2)
    assert model.index(row, 14).data() == "Failed"
    assert model.index(row, 14).data(Qt.ItemDataRole.ToolTipRole) == "户名与账号不符"
    page.bank_combo.setCurrentIndex(page.bank_combo.findData("failed"))
    wait_idle(qtbot)
    assert [ln.line_no for ln in model.rows] == [2]


def test_search_and_flag_filter_run_in_sql(qtbot, sqlite_db, people, tmp_path):
    """The search box (name or ID fragment) and the change-flag filter reload the lines from
    list_lines; the totals bar keeps the roster's totals."""
    setup_policy(sqlite_db)
    hs = [make_household(sqlite_db) for _ in range(4)]
    roster.generate(sqlite_db, people["clerk"], "2026-01")
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    totals = page.totals_label.text()
    target = page.lines_model.row(2)
    page.search_edit.setText(target.payee_id_number[-8:])
    page.reload_lines()
    wait_idle(qtbot)
    assert [ln.line_no for ln in page.lines_model.rows] == [target.line_no]
    page.search_edit.setText(f"户{hs[0]['n']}成员")
    page.reload_lines()
    wait_idle(qtbot)
    assert [ln.household_id for ln in page.lines_model.rows] == [hs[0]["household_id"]]
    page.search_edit.clear()
    page.flag_combo.setCurrentIndex(page.flag_combo.findData("停发"))
    wait_idle(qtbot)
    assert page.lines_model.rowCount() == 0
    page.flag_combo.setCurrentIndex(page.flag_combo.findData("新增"))
    wait_idle(qtbot)
    assert page.lines_model.rowCount() == 4 and page.totals_label.text() == totals


def test_paging_and_jump_to_a_far_line(qtbot, sqlite_db, people, tmp_path):
    """Lines come in pages (fetchMore); asking for a line beyond the loaded pages loads up to
    it and selects it."""
    setup_policy(sqlite_db)
    for _ in range(60):
        make_household(sqlite_db)
    roster.generate(sqlite_db, people["clerk"], "2026-01")
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    page.lines_model.page_size = 5
    page.reload_lines()
    wait_idle(qtbot)
    loaded = page.lines_model.rowCount()
    # the view may already be fetching the next page, so ask "more on the server?" directly
    assert loaded < 40 and loaded % 5 == 0 and not page.lines_model.exhausted
    page.select_line(52)
    wait_idle(qtbot)
    assert page.lines_model.rowCount() >= 52 and page.selected_line_no() == 52
    load_all(qtbot, page)
    assert page.lines_model.rowCount() == 60 and not page.lines_model.canFetchMore()


def test_admin_unlocks_with_a_reason(qtbot, sqlite_db, people, tmp_path):
    """The administrator's unlock dialog takes a reason; the roster returns to draft and the
    history keeps the reason."""
    setup_policy(sqlite_db)
    make_household(sqlite_db)
    view = roster.generate(sqlite_db, people["clerk"], "2026-01")
    roster.lock(sqlite_db, people["approver"], view.id)
    page = open_page(qtbot, sqlite_db, people["admin"], tmp_path)
    assert page.unlock_button.isEnabled()
    page.unlock_button.click()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "rosterUnlockDialog" and w.isVisible()
    )
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("第3行账号错误，需重新生成")
    dialog.accept()
    wait_idle(qtbot)
    assert page.roster.status == "draft" and not page.unlock_button.isEnabled()
    again = roster.get_roster(sqlite_db, people["admin"], view.id)
    assert again.unlock_history[-1]["reason"] == "第3行账号错误，需重新生成"
    tip = page.history_model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "第3行账号错误" in tip


def test_history_double_click_shows_that_roster(qtbot, sqlite_db, people, tmp_path):
    """Double-clicking a roster in the history switches the pickers and shows its lines."""
    setup_policy(sqlite_db)
    make_household(sqlite_db)
    roster.generate(sqlite_db, people["clerk"], "2026-01")
    feb = roster.generate(sqlite_db, people["clerk"], "2026-02")
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    assert page.roster.month == JAN
    row = next(i for i, h in enumerate(page.history_model.rows) if h.roster.id == feb.id)
    page.history_view.doubleClicked.emit(page.history_model.index(row, 0))
    wait_idle(qtbot)
    assert page.roster.id == feb.id and page.month() == date(2026, 2, 1)
    assert page.lines_model.rowCount() == 1


def test_temporary_aid_list_generated_and_printed_from_the_page(qtbot, sqlite_db, people, tmp_path):
    """Choosing 临时救助 generates the month's one-off payment list (not the monthly roll);
    its print button is enabled and the changes print is not."""
    from reliefdesk.models import Enrollment

    setup_policy(sqlite_db)
    make_household(sqlite_db)  # a monthly household: not on the one-off list
    grant = make_household(sqlite_db, persons=1, programme="temporary_aid", amount_fen=120000)
    with sqlite_db.session() as s:
        e = s.get(Enrollment, grant["enrollment_id"])
        e.status, e.end_month = "due", JAN
    page = open_page(qtbot, sqlite_db, people["clerk"], tmp_path)
    page.set_period(JAN, "temporary_aid")
    wait_idle(qtbot)
    assert page.roster is None
    page.generate_button.click()
    wait_idle(qtbot)
    assert page.roster is not None and page.roster.kind == "one_off"
    load_all(qtbot, page)
    assert [ln.enrollment_id for ln in page.lines_model.rows] == [grant["enrollment_id"]]
    assert page.roster.amount_fen == 120000
    assert page.print_button.isEnabled() and not page.print_changes_button.isEnabled()
    page.grab().save(str(tmp_path / "rosters_temp_aid.png"))


def test_export_folder_is_remembered_and_swept_of_crash_leftovers_at_start(
    qtbot, sqlite_db, people, tmp_path
):
    """An export remembers its folder (the next export dialog opens there), and at the next
    start the staging folder a crashed export left in it is removed without an export."""
    from reliefdesk.services.export_staging import PREFIX, SUFFIX
    from reliefdesk.ui.application import sweep_export_leftovers
    from reliefdesk.ui.export_folders import export_folders

    page = _locked_page(qtbot, sqlite_db, people, tmp_path, user="approver")
    out = tmp_path / "out"
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export_to(out)
    wait_idle(qtbot)
    assert export_folders(page.ctx.settings)[0] == str(out)
    dead = out / f"{PREFIX}999999999-deadbeef{SUFFIX}"  # no such process: a crashed export
    dead.mkdir()
    (dead / "bank.xlsx").write_bytes(b"half")
    sweep_export_leftovers(page, page.ctx)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not dead.exists(), timeout=10000)
    assert len(list(out.glob("*.xlsx"))) == 3  # the published files stay


def test_export_shows_the_bank_workbook_password_once(qtbot, sqlite_db, people, tmp_path):
    """With the office setting for a password-protected bank workbook on, the export notice
    shows the one-time password (issue 19) and the bank file does not open without it."""
    from reliefdesk.services.roster.io import BANK_PASSWORD_SETTING
    from reliefdesk.services.settings import set_setting

    with sqlite_db.session() as s:
        set_setting(s, people["admin"], BANK_PASSWORD_SETTING, True)
    page = _locked_page(qtbot, sqlite_db, people, tmp_path, user="approver")
    out = tmp_path / "out"
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export_to(out)
    wait_idle(qtbot)
    [bank] = [f for f in out.glob("*.xlsx") if "银行代发" in f.name]
    with pytest.raises(zipfile.BadZipFile):  # an encrypted OLE container, not an .xlsx zip
        openpyxl.load_workbook(bank)
    text = page.notice.label.text()
    assert "password" in text and text.rsplit(": ", 1)[-1].strip().isalnum()
