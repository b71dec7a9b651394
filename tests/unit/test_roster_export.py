"""Exporting a locked roster (bank file exact and text-typed, no formulas, correct sum; every
export recorded), the bank-return round trip into next month's 补发, supplementary rosters,
and the ``reliefdesk-admin roster`` commands including refusals."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from test_roster_support import make_household, setup_policy

from reliefdesk.cli import main
from reliefdesk.errors import RuleViolation
from reliefdesk.models import BankAccount, RosterExport
from reliefdesk.services import roster


def _locked(db, actors, month: str = "2026-01") -> roster.RosterView:
    view = roster.generate(db, actors["clerk"], month, with_lines=True)
    return roster.lock(db, actors["approver"], view.id)


def test_bank_file_keeps_ids_and_accounts_exact(db, actors, tmp_path):
    """18-digit IDs (incl. X) and 19-digit accounts come back exact, as text cells with format
    @, no cell holds a formula, and the amounts sum to the roster total."""
    setup_policy(db)
    hs = [make_household(db, persons=p, pci_fen=10000 * p) for p in (1, 2, 3)]
    from reliefdesk.models import Person

    with db.session() as s:
        s.get(Person, hs[0]["payee_id"]).id_number = "11010519491231002X"
    view = _locked(db, actors)
    results = roster.export(db, actors["approver"], view.id, tmp_path)
    assert [Path(r.path).name.split("_")[3] for r in results] == [
        "银行代发",
        "发放花名册",
        "汇总表",
    ]
    bank = results[0]
    assert "2026-01" in Path(bank.path).name and view.lines_sha256[:8] in Path(bank.path).name
    assert (bank.rows, bank.total_fen) == (3, view.amount_fen)
    ws = openpyxl.load_workbook(bank.path).worksheets[0]
    header = [c.value for c in ws[1]]
    id_col, acct_col, amt_col = (
        header.index("证件号码"),
        header.index("卡号/账号"),
        header.index("金额"),
    )
    full = roster.get_roster(db, actors["clerk"], view.id, with_lines=True)
    expected = {(ln.payee_id_number, ln.account) for ln in full.lines}
    got, total = set(), 0
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f" and not str(cell.value or "").startswith("=")
        idc, acc = row[id_col], row[acct_col]
        assert idc.data_type == "s" and acc.data_type == "s"
        assert idc.number_format == "@" and acc.number_format == "@"
        assert len(acc.value) == 19
        got.add((idc.value, acc.value))
        total += round(row[amt_col].value * 100)
    assert got == expected and total == view.amount_fen
    with db.session() as s:
        recs = list(s.scalars(select(RosterExport).order_by(RosterExport.id)))
    assert [(r.kind, r.rows, r.username) for r in recs] == [
        ("bank", 3, "approver"),
        ("roster", 3, "approver"),
        ("summary", 1, "approver"),
    ]
    assert recs[0].roster_sha256 == view.lines_sha256 and len(recs[0].file_sha256) == 64


def test_export_refuses_draft(db, actors, tmp_path):
    """A draft roster cannot be exported."""
    setup_policy(db)
    make_household(db)
    view = roster.generate(db, actors["clerk"], "2026-01", with_lines=True)
    out = tmp_path / "out"
    with pytest.raises(RuleViolation) as exc:
        roster.export(db, actors["approver"], view.id, out)
    assert exc.value.code == "roster.not_locked"
    assert not out.exists()


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
    for row in ws.iter_rows(min_row=2):
        for c in row[2:4]:
            c.number_format = "@"
    wb.save(path)
    return path


def test_bank_return_round_trip_into_next_month(db, actors, tmp_path):
    """Two failed lines are marked failed; their 补发 waits while the account is unchanged and
    is paid next month once one account is replaced and the other is confirmed fixed."""
    setup_policy(db)
    hs = [make_household(db, persons=2, pci_fen=20000) for _ in range(4)]  # 400.00 each
    jan = _locked(db, actors)
    full = roster.get_roster(db, actors["clerk"], jan.id, with_lines=True)
    failed_lines = {1, 3}
    res = roster.import_return(
        db,
        actors["clerk"],
        jan.id,
        _return_file(tmp_path / "ret.xlsx", list(full.lines), failed_lines),
    )
    assert (res.rows, res.paid, res.failed, res.unmatched_rows) == (4, 2, 2, ())
    assert sorted(a.amount_fen for a in res.adjustments) == [40000, 40000]
    status = {ln.line_no: ln.bank_status for ln in roster.list_lines(db, actors["clerk"], jan.id)}
    assert status == {1: "failed", 2: "paid", 3: "failed", 4: "paid"}
    with db.session() as s:
        assert roster.verify_locked_rosters(s) == []
    # February before any fix: the 补发 waits
    feb = roster.generate(db, actors["clerk"], "2026-02", with_lines=True)
    assert all(ln.adjustment_fen == 0 for ln in feb.lines)
    assert any("待账户更正" in ln.change_reason for ln in feb.lines)
    roster.discard_draft(db, actors["clerk"], feb.id)
    # fix: a new card for the first, the bank corrected the name for the second
    by_line = {ln.line_no: ln for ln in full.lines}
    first = by_line[1]
    with db.session() as s:
        acc = s.scalars(
            select(BankAccount).where(BankAccount.household_id == first.household_id)
        ).one()
        acc.number = "6228480000000000018"
    second_adj = next(a for a in res.adjustments if a.enrollment_id == by_line[3].enrollment_id)
    roster.mark_account_fixed(db, actors["clerk"], second_adj.id)
    feb = roster.generate(db, actors["clerk"], "2026-02", with_lines=True)
    paid = {ln.enrollment_id: (ln.adjustment_fen, ln.paid_fen, ln.change_flag) for ln in feb.lines}
    assert paid[first.enrollment_id] == (40000, 80000, "补发")
    assert paid[by_line[3].enrollment_id] == (40000, 80000, "补发")
    assert paid[by_line[2].enrollment_id] == (0, 40000, "不变")
    assert feb.amount_fen == 4 * 40000 + 2 * 40000
    assert {h["enrollment_id"] for h in hs} == set(paid)


def test_supplementary_roster_carries_corrections(db, actors):
    """A manual 补发 for a past month goes into a supplementary roster of that month."""
    setup_policy(db)
    h = make_household(db)
    _locked(db, actors)
    adj = roster.add_adjustment(
        db, actors["reviewer"], h["enrollment_id"], "补发", 12345, "漏发分类施保", "2026-01"
    )
    sup = roster.generate_supplementary(db, actors["clerk"], "2026-01", [adj.id])
    assert (sup.kind, sup.seq_no, sup.amount_fen, sup.households) == ("supplementary", 1, 12345, 1)
    assert sup.lines[0].change_flag == "补发" and sup.lines[0].due_fen == 0
    with pytest.raises(RuleViolation):
        roster.generate_supplementary(db, actors["clerk"], "2026-01", [adj.id])


def test_cli_roster_commands(db, actors, tmp_path, monkeypatch, capsys):
    """generate, validate, lock, export, list work from the command line; a clerk trying to
    lock gets one clear line and a non-zero exit code."""
    setup_policy(db)
    make_household(db)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Test#Pass2026")
    base = ["--db", db.url]
    assert main([*base, "--user", "clerk", "roster", "generate", "--month", "2026-01"]) == 0
    assert "1 户" in capsys.readouterr().out
    assert main([*base, "--user", "clerk", "roster", "validate", "--month", "2026-01"]) == 0
    assert main([*base, "--user", "clerk", "roster", "lock", "--month", "2026-01"]) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：") and "\n" not in err
    assert main([*base, "--user", "approver", "roster", "lock", "--month", "2026-01"]) == 0
    assert main([*base, "--user", "clerk", "roster", "generate", "--month", "2026-01"]) == 2
    assert "已锁定" in capsys.readouterr().err
    out = tmp_path / "out"
    assert (
        main(
            [*base, "--user", "clerk", "roster", "export", "--month", "2026-01", "--out", str(out)]
        )
        == 0
    )
    assert len(list(out.glob("*.xlsx"))) == 2 and "银行代发文件" in capsys.readouterr().out
    assert (
        main(
            [
                *base,
                "--user",
                "approver",
                "roster",
                "export",
                "--month",
                "2026-01",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert len(list(out.glob("*.xlsx"))) == 3
    assert main([*base, "--user", "clerk", "roster", "list"]) == 0
    assert "已锁定" in capsys.readouterr().out
    assert main([*base, "--user", "clerk", "roster", "diff", "--month", "2026-03"]) == 4


def test_bank_file_of_an_all_programme_roster_names_each_lines_own_subsidy(db, actors, tmp_path):
    """In a roster of several programmes, each bank line's 补贴项目/摘要 names that line's own
    programme (the passbook says 农村低保 or 特困供养, never “全部项目”; DOMAIN §7.3.8)."""
    setup_policy(db)
    make_household(db, persons=2, pci_fen=10000, programme="rural_dibao")
    make_household(db, persons=1, pci_fen=0, programme="tekun", care_tier="full")
    view = _locked(db, actors)
    bank = roster.export(db, actors["approver"], view.id, tmp_path, kinds=("bank",))[0]
    ws = openpyxl.load_workbook(bank.path).worksheets[0]
    col = [c.value for c in ws[1]].index("补贴项目/摘要")
    summaries = sorted(row[col].value for row in ws.iter_rows(min_row=2))
    assert summaries == ["2026年1月农村低保", "2026年1月特困供养"]
