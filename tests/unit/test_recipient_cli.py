"""The recipient commands of ``reliefdesk-admin`` (issue 9 contract): one line per change,
non-zero exit and one Chinese line on refusal."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from test_roster_support import make_household

from reliefdesk.cli import main
from reliefdesk.domain.accounts import make_card_number
from reliefdesk.domain.months import add_months, month_start
from reliefdesk.models import Person

PASSWORD = "Test#Pass2026"
THIS = month_start(date.today())
CARD = make_card_number("621700", 19, "987654321000")
CARD2 = make_card_number("621700", 19, "987654321001")


@pytest.fixture
def cli(sqlite_db, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RELIEFDESK_PASSWORD", PASSWORD)
    monkeypatch.delenv("RELIEFDESK_DB", raising=False)
    url = sqlite_db.url

    def run(user: str, *args: str) -> tuple[int, str, str]:
        code = main(["--db", url, "--user", user, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_account_commands(cli, sqlite_db):  # type: ignore[no-untyped-def]
    """account set prints the new account masked (and the agreement), list shows both cards;
    a short number is refused with exit 2 and one line."""
    h = make_household(sqlite_db)
    hid, pid = str(h["household_id"]), str(h["payee_id"])
    code, out, err = cli(
        "clerk",
        "account",
        "set",
        "--household",
        hid,
        "--payee",
        pid,
        "--number",
        "6217001234",
        "--bank",
        "农行",
    )
    assert code == 2 and out == "" and err.count("\n") == 1 and "16–19 位" in err
    code, out, _ = cli(
        "clerk",
        "account",
        "set",
        "--household",
        hid,
        "--payee",
        pid,
        "--number",
        CARD,
        "--bank",
        "汝州农商银行",
        "--entrusted",
        "--agreement",
        "汝民代〔2026〕7号",
        "--agreement-date",
        "2026-11-02",
        "--agent",
        "村协理员张敏",
    )
    assert code == 0 and CARD not in out and CARD[-4:] in out and "代管协议" in out
    code, out, _ = cli("clerk", "account", "list", "--household", hid)
    assert code == 0 and "使用中" in out and "已停用" in out and "代管人 村协理员张敏" in out
    code, out, _ = cli(
        "clerk",
        "account",
        "set",
        "--household",
        hid,
        "--payee",
        pid,
        "--number",
        CARD2,
        "--bank",
        "农行",
        "--entrusted",
        "--agreement",
        "汝民代〔2026〕8号",
        "--agreement-date",
        "2026-11-20",
    )
    assert code == 0 and out.count("\n") == 2  # the contract's form: no --agent needed


def test_enrollment_commands(cli, sqlite_db):  # type: ignore[no-untyped-def]
    """adjust, suspend, resume and terminate each print one line; the clerk is refused
    (exit 3); list filters by household and re-check due."""
    h = make_household(sqlite_db, amount_fen=60000)
    eid, month = str(h["enrollment_id"]), f"{THIS:%Y-%m}"
    code, _, err = cli(
        "clerk",
        "enrollment",
        "adjust",
        "--id",
        eid,
        "--amount",
        "700",
        "--from",
        month,
        "--reason",
        "新增重病成员",
    )
    assert code == 3 and err.startswith("错误：")
    code, out, _ = cli(
        "reviewer",
        "enrollment",
        "adjust",
        "--id",
        eid,
        "--amount",
        "700.50",
        "--from",
        month,
        "--reason",
        "新增重病成员",
    )
    assert code == 0 and out.strip().count("\n") == 0 and "增发" in out and "700.50" in out
    for action in ("suspend", "resume"):
        code, out, _ = cli(
            "reviewer", "enrollment", action, "--id", eid, "--from", month, "--reason", "核查"
        )
        assert code == 0 and out.count("\n") == 1
    code, out, _ = cli("reviewer", "enrollment", "list", "--household", str(h["household_id"]))
    assert code == 0 and "700.50" in out and "共 1 条" in out
    code, out, _ = cli("reviewer", "enrollment", "list", "--due-recheck")
    assert code == 0 and "共 0 条" in out
    code, out, _ = cli(
        "approver",
        "enrollment",
        "terminate",
        "--id",
        eid,
        "--from",
        f"{add_months(THIS, 1):%Y-%m}",
        "--reason",
        "收入超过标准",
    )
    assert code == 0 and "终止" in out
    code, _, err = cli(
        "approver", "enrollment", "terminate", "--id", eid, "--from", month, "--reason", "再次"
    )
    assert code == 2 and err.count("\n") == 1


def test_person_death(cli, sqlite_db):  # type: ignore[no-untyped-def]
    """person death prints the stop month and each change; a future date is refused."""
    h = make_household(sqlite_db, persons=3, pci_fen=20000, amount_fen=60000)
    with sqlite_db.session() as s:
        mid = s.scalars(
            select(Person.id).where(
                Person.household_id == h["household_id"], Person.id != h["payee_id"]
            )
        ).first()
    code, _, err = cli("reviewer", "person", "death", "--id", str(mid), "--date", "2999-01-01")
    assert code == 2 and "不能晚于今天" in err
    code, out, _ = cli(
        "reviewer",
        "person",
        "death",
        "--id",
        str(mid),
        "--date",
        f"{add_months(THIS, -1):%Y-%m}-15",
    )
    assert code == 0 and f"自 {THIS:%Y-%m} 起停发" in out and "减发" in out
