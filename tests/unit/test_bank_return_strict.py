"""The bank return import held against the roster (issue 13): a different amount, name, ID or
account, duplicate and contradictory rows are refused with nothing written; importing the same
file twice changes nothing; a later "paid" never cancels a queued 补发; a zip bomb is refused
before it is unpacked; the file is parsed before the write lock is taken."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from test_roster_support import make_household, setup_policy

from reliefdesk.errors import ValidationError
from reliefdesk.models import AuditEvent, BankReturn, RosterAdjustment
from reliefdesk.services import roster


def _locked(db, actors, n: int = 3) -> tuple[roster.RosterView, list[roster.LineView]]:
    setup_policy(db)
    for _ in range(n):
        make_household(db)
    view = roster.generate(db, actors["clerk"], "2026-01")
    view = roster.lock(db, actors["approver"], view.id)
    return view, list(roster.get_roster(db, actors["clerk"], view.id, with_lines=True).lines)


def _file(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "证件号码", "卡号", "金额", "处理结果", "失败原因"])
    for row in rows:
        ws.append(row)
    for row in ws.iter_rows(min_row=2):
        for c in row[2:4]:
            c.number_format = "@"
    wb.save(path)
    return path


def _row(i: int, ln: roster.LineView, ok: bool = True, **over: object) -> list[object]:
    values = {
        "name": ln.payee_name,
        "id": ln.payee_id_number,
        "account": ln.account,
        "amount": ln.paid_fen / 100,
        **over,
    }
    return [
        i,
        values["name"],
        values["id"],
        values["account"],
        values["amount"],
        "成功" if ok else "失败",
        "" if ok else "账户已销户",
    ]


def _nothing_written(db) -> None:
    with db.session() as s:
        assert s.scalar(select(func.count(BankReturn.id))) == 0
        assert s.scalar(select(func.count(RosterAdjustment.id))) == 0
        assert (
            s.scalar(
                select(func.count(AuditEvent.id)).where(AuditEvent.action == "roster.import_return")
            )
            == 0
        )


@pytest.mark.parametrize(
    "field,value,words",
    [
        ("amount", 999.0, "金额"),
        ("name", "李四", "姓名"),
        ("account", "6228480000000000018", None),
        ("id", "11010519491231002X", None),
    ],
)
def test_row_disagreeing_with_its_line_is_refused(db, actors, tmp_path, field, value, words):
    """Amount, name, ID or account different from the matched roster line: refused."""
    view, lines = _locked(db, actors)
    rows = [_row(i, ln) for i, ln in enumerate(lines, 1)]
    rows[1] = _row(2, lines[1], **{field: value})
    with pytest.raises(ValidationError) as exc:
        roster.import_return(db, actors["clerk"], view.id, _file(tmp_path / "r.xlsx", rows))
    assert exc.value.code == "bank_return.mismatch" and "第 3 行" in str(exc.value)
    if words:
        assert words in str(exc.value)
    _nothing_written(db)


@pytest.mark.parametrize("second_ok,word", [(True, "重复"), (False, "矛盾")])
def test_duplicate_and_contradictory_rows_are_refused(db, actors, tmp_path, second_ok, word):
    """Two rows for the same person (the same result twice, or success and failure)."""
    view, lines = _locked(db, actors)
    rows = [_row(i, ln) for i, ln in enumerate(lines, 1)] + [_row(9, lines[0], second_ok)]
    with pytest.raises(ValidationError) as exc:
        roster.import_return(db, actors["clerk"], view.id, _file(tmp_path / "r.xlsx", rows))
    assert word in str(exc.value)
    _nothing_written(db)


def test_same_file_twice_changes_nothing_and_paid_never_cancels_a_bufa(db, actors, tmp_path):
    """Re-importing a file writes nothing; a later file saying the failed line was paid is
    refused and the queued 补发 stays pending."""
    view, lines = _locked(db, actors)
    path = _file(
        tmp_path / "r.xlsx",
        [_row(1, lines[0], False)] + [_row(i, ln) for i, ln in enumerate(lines[1:], 2)],
    )
    first = roster.import_return(db, actors["clerk"], view.id, path)
    assert (first.paid, first.failed, len(first.adjustments)) == (2, 1, 1)
    with db.session() as s:
        counts = (
            s.scalar(select(func.count(BankReturn.id))),
            s.scalar(select(func.count(AuditEvent.id))),
        )
    again = roster.import_return(db, actors["clerk"], view.id, path)
    assert (again.paid, again.failed, again.adjustments) == (2, 1, ())
    with db.session() as s:
        assert (
            s.scalar(select(func.count(BankReturn.id))),
            s.scalar(select(func.count(AuditEvent.id))),
        ) == counts
    later = _file(tmp_path / "later.xlsx", [_row(1, lines[0], True)])
    with pytest.raises(ValidationError) as exc:
        roster.import_return(db, actors["clerk"], view.id, later)
    assert "待补发" in str(exc.value)
    [adj] = roster.list_adjustments(db, actors["clerk"])
    assert not adj.cancelled and adj.amount_fen == lines[0].paid_fen


def test_zip_bomb_is_refused_before_unpacking(db, actors, tmp_path):
    """An .xlsx whose members expand far beyond the limit is refused with a clear message."""
    view, _ = _locked(db, actors, 1)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(120):  # 120 MB of zeros, about 120 KB packed
                fh.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ValidationError) as exc:
        roster.import_return(db, actors["clerk"], view.id, bomb)
    assert exc.value.code == "bank_return.unpacked" and "解压后过大" in str(exc.value)


def test_file_is_checked_before_the_write_lock(sqlite_db, tmp_path):
    """With another program holding SQLite's write lock, a bad return file is refused for
    what it is (not "database busy"): parsing and checks run outside the write transaction."""
    from reliefdesk.models import User
    from reliefdesk.services.context import Actor

    db = sqlite_db
    with db.session() as s:
        actors = {
            u.username: Actor(u.id, u.username, u.display_name, u.role)
            for u in s.scalars(select(User))
        }
    view, lines = _locked(db, actors, 2)
    bad = _file(tmp_path / "r.xlsx", [_row(1, lines[0], amount=1.0)])
    other = sqlite3.connect(db.url.removeprefix("sqlite:///"), timeout=0)
    other.isolation_level = None
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ValidationError) as exc:
            roster.import_return(db, actors["clerk"], view.id, bad)
        assert exc.value.code == "bank_return.mismatch"
    finally:
        other.execute("ROLLBACK")
        other.close()
