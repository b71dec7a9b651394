"""Monthly statistics, the year report and the county roll-up, each figure checked against an
independent computation from the locked roster lines read back in the test (a year with a
standard raise, an exit, a new household, tekun 集中/分散 and temporary aid)."""

from __future__ import annotations

import json
import zipfile
from collections import defaultdict
from datetime import date

import openpyxl
import pytest
from sqlalchemy import text
from test_roster_support import add_change, add_policy, make_household, setup_policy
from test_temp_aid_payment import _grant

from reliefdesk.cli import main
from reliefdesk.errors import RuleViolation
from reliefdesk.models import Person
from reliefdesk.services import roster, statistics

YEAR = 2025


def _lock(db, actors, month: str, programme: str | None = None) -> int:
    view = roster.generate(db, actors["clerk"], month, programme)
    warnings = [p for p in roster.validate(db, actors["clerk"], view.id) if p.severity == "warning"]
    if warnings:
        roster.acknowledge(db, actors["reviewer"], view.id, warnings, note="已核实")
    return roster.lock(db, actors["approver"], view.id).id


def _office(db, actors) -> dict[str, int]:
    """Jan–Apr 2025 locked: 2 urban, 3 rural (one from Feb), tekun 集中 + 分散, one rural
    terminated from March, a standard raise from April, a temporary-aid grant in March."""
    setup_policy(db)
    hs = {
        "u1": make_household(
            db,
            programme="urban_dibao",
            persons=2,
            pci_fen=10000,
            start=date(YEAR, 1, 1),
            village="南社区",
        ),
        "u2": make_household(
            db,
            programme="urban_dibao",
            persons=1,
            pci_fen=0,
            start=date(YEAR, 1, 1),
            village="南社区",
        ),
        "r1": make_household(db, persons=3, start=date(YEAR, 1, 1)),
        "r2": make_household(db, persons=2, start=date(YEAR, 1, 1), village="西村"),
        "r3": make_household(db, persons=4, start=date(YEAR, 2, 1), village="西村"),
        "tc": make_household(
            db,
            programme="tekun",
            method="tekun",
            persons=1,
            care_tier="full",
            start=date(YEAR, 1, 1),
        ),
        "td": make_household(
            db,
            programme="tekun",
            method="tekun",
            persons=1,
            care_tier="partial",
            start=date(YEAR, 1, 1),
        ),
    }
    with db.session() as s:
        from reliefdesk.models import Enrollment, EnrollmentMember

        s.get(Enrollment, hs["tc"]["enrollment_id"]).care_mode = "centralised"
        s.get(Enrollment, hs["td"]["enrollment_id"]).care_mode = "dispersed"
        # women, an elderly woman, a minor and a disabled member
        for eid in (hs["r1"]["enrollment_id"],):
            pids = [m.person_id for m in s.query(EnrollmentMember).filter_by(enrollment_id=eid)]
            a, b, c = (s.get(Person, p) for p in pids)
            a.sex, a.birth_date = "F", date(1950, 5, 1)
            b.sex, b.disability_level, b.labour_capacity = "F", 2, "partial"
            c.birth_date = date(2015, 3, 1)
    for m in (1, 2):
        _lock(db, actors, f"{YEAR}-{m:02d}")
    add_change(
        db,
        hs["r2"]["enrollment_id"],
        "terminate",
        date(YEAR, 3, 1),
        old=0,
        reason="收入超过标准",
        status="terminated",
        end_month=date(YEAR, 2, 1),
    )
    _lock(db, actors, f"{YEAR}-03")
    hs["grant"] = {"enrollment_id": _grant(db, actors, on=date(YEAR, 3, 3))}
    _lock(db, actors, f"{YEAR}-03", "temporary_aid")
    add_policy(db, date(YEAR, 4, 1), rural_dibao_standard_fen=45000, urban_dibao_standard_fen=65000)
    _lock(db, actors, f"{YEAR}-04")
    return hs


def _lines(db, month: date | None = None, year: int | None = None) -> list[dict]:
    """Independent read of every locked line (plain SQL, not the service's query)."""
    sql = (
        "SELECT r.month, r.kind, l.enrollment_id, l.programme, l.category, l.village, "
        "l.persons, l.paid_fen, l.change_flag, l.change_reason, l.township FROM roster_line l "
        "JOIN roster r ON r.id = l.roster_id WHERE r.status = 'locked'"
    )
    with db.session() as s:
        rows = [dict(r._mapping) for r in s.execute(text(sql))]
    out = []
    for r in rows:
        m = r["month"] if isinstance(r["month"], date) else date.fromisoformat(str(r["month"]))
        r["month"] = m
        if (month is None or m == month) and (year is None or m.year == year):
            out.append(r)
    return out


def _cat(r: dict) -> str:
    if r["programme"] == "tekun":
        return "tekun_centralised" if "集中供养" in r["category"] else "tekun_dispersed"
    return r["programme"]


def test_month_figures_match_the_roster_lines(db, actors):
    """Every category's households, persons, new, exited, month and cumulative amounts and
    average equal sums over the locked lines; members counted from the register."""
    _office(db, actors)
    for m in (1, 2, 3, 4):
        month = date(YEAR, m, 1)
        stats = statistics.month_stats(db, actors["clerk"], f"{YEAR}-{m:02d}")
        assert stats.locked and stats.breaks == ()
        exp: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in _lines(db, month):
            e = exp[_cat(r)]
            e["amount"] += r["paid_fen"]
            if r["kind"] == "one_off" or r["change_flag"] != "停发":
                e["hh"] += 1
                e["persons"] += r["persons"]
            if r["change_flag"] == "停发":
                e["exit_hh"] += 1
            if r["change_flag"] == "新增" and r["kind"] == "regular":
                e["new_hh"] += 1
        cum: dict[str, int] = defaultdict(int)
        for r in _lines(db, year=YEAR):
            if r["month"] <= month:
                cum[_cat(r)] += r["paid_fen"]
        for key in statistics.CATEGORY_KEYS:
            f, e = stats.by_category[key], exp[key]
            assert (
                f.households,
                f.persons,
                f.amount_fen,
                f.exited_households,
                f.new_households,
                f.cumulative_fen,
            ) == (e["hh"], e["persons"], e["amount"], e["exit_hh"], e["new_hh"], cum[key]), key
            avg = (
                (e["amount"] * 2 + e["persons"] * 100) // (e["persons"] * 200) * 100
                if e["persons"]
                else 0
            )
            assert f.average_fen == avg
        assert stats.total.amount_fen == sum(r["paid_fen"] for r in _lines(db, month))
    jan = statistics.month_stats(db, actors["clerk"], f"{YEAR}-01")
    rural = jan.by_category["rural_dibao"]
    eids = {
        r["enrollment_id"] for r in _lines(db, date(YEAR, 1, 1)) if r["programme"] == "rural_dibao"
    }
    with db.session() as s:
        people = s.execute(
            text(
                "SELECT m.enrollment_id, p.sex, p.birth_date, "
                "p.disability_level, p.labour_capacity FROM enrollment_member m "
                "JOIN person p ON p.id = m.person_id WHERE m.active"
            )
        ).all()
    mine = [p for p in people if p[0] in eids]
    born = [p[2] if isinstance(p[2], date) else date.fromisoformat(str(p[2])) for p in mine]
    elderly = sum(b <= date(YEAR - 60, 1, 31) for b in born)
    minors = sum(b > date(YEAR - 18, 1, 31) for b in born)
    assert (rural.women, rural.elderly, rural.minors, rural.disabled, rural.labour_partial) == (
        sum(p[1] == "F" for p in mine),
        elderly,
        minors,
        sum(p[3] is not None for p in mine),
        sum(p[4] == "partial" for p in mine),
    )
    assert rural.women == 2 and rural.minors >= 1
    march = statistics.month_stats(db, actors["clerk"], f"{YEAR}-03")
    assert march.by_category["rural_dibao"].exited_households == 1
    assert march.by_category["temporary_aid"].households == 1
    assert march.by_category["tekun_centralised"].households == 1


def test_month_without_locked_roster_says_so(db, actors):
    """A month whose roster is only a draft shows no figures, and the CLI says so (exit 1)."""
    setup_policy(db)
    make_household(db, start=date(YEAR, 1, 1))
    roster.generate(db, actors["clerk"], f"{YEAR}-01")
    stats = statistics.month_stats(db, actors["clerk"], f"{YEAR}-01")
    assert not stats.locked and "没有已锁定的花名册" in stats.message


def test_breaks_are_reported(db, actors):
    """A line edited so a household counts more than once breaks 户数 ≤ 人数 / 期末 rule."""
    _office(db, actors)
    with db.session() as s:
        s.execute(text("UPDATE roster_line SET persons = 0 WHERE programme = 'urban_dibao'"))
    stats = statistics.month_stats(db, actors["clerk"], f"{YEAR}-02")
    assert any("户数" in b and "人数" in b for b in stats.breaks)


def test_year_report_matches_lines(db, actors):
    """Year amounts, person-months, new/exited, exits by reason, temporary aid and the
    standards in force with their change equal the independent sums."""
    _office(db, actors)
    r = statistics.year_report(db, actors["clerk"], YEAR)
    lines = _lines(db, year=YEAR)
    assert r.locked_months == (1, 2, 3, 4)
    for key in statistics.CATEGORY_KEYS:
        mine = [x for x in lines if _cat(x) == key]
        c = r.by_category[key]
        assert c.amount_fen == sum(x["paid_fen"] for x in mine)
        if key != "temporary_aid":
            regular = [x for x in mine if x["kind"] == "regular"]
            pm = sum(x["persons"] for x in regular if x["change_flag"] != "停发")
            assert c.person_months == pm
            assert c.new_households == sum(x["change_flag"] == "新增" for x in regular)
            assert c.exited_households == sum(x["change_flag"] == "停发" for x in regular)
            apr = [
                x for x in regular if x["month"] == date(YEAR, 4, 1) and x["change_flag"] != "停发"
            ]
            assert (c.households_end, c.persons_end) == (len(apr), sum(x["persons"] for x in apr))
    ta = r.by_category["temporary_aid"]
    assert ta.person_months == 1 and ta.amount_fen == sum(
        x["paid_fen"] for x in lines if x["kind"] == "one_off"
    )
    assert [x[0] for x in r.exits_by_reason] and r.exits_by_reason[0][1] == 1
    assert [(s.effective_from, s.rural_fen) for s in r.standards][-1] == (date(YEAR, 4, 1), 45000)
    assert r.previous is None and r.growth("rural_dibao", "persons") is None
    assert r.findings is None


def test_growth_percent_rule():
    """环比 = (本期 − 上期) ÷ 上期 × 100 with 2 decimals; 472 vs 372 persons → 26.88."""
    assert statistics.growth_percent(472, 372) == "26.88"
    assert statistics.growth_percent(5, 0) is None
    assert statistics.average_per_person_fen(19732800, 311) == 63400  # §12.3 rule 5


def test_cli_month_and_exports(db, actors, tmp_path, capsys):
    """stats month prints one line per programme and 合计 (元, 2 decimals); the workbook and
    the year xlsx read back with the same totals."""
    _office(db, actors)
    out = tmp_path / "m.xlsx"
    code = main(["--db", db.url, "stats", "month", "--month", f"{YEAR}-03", "--out", str(out)])
    printed = capsys.readouterr().out
    total = sum(x["paid_fen"] for x in _lines(db, date(YEAR, 3, 1)))
    assert code == 0
    last = next(ln for ln in printed.splitlines() if ln.startswith("合计"))
    assert last.endswith(f"金额 {total // 100}.{total % 100:02d} 元")
    ws = openpyxl.load_workbook(out)["月报"]
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0] == "合计"]
    assert round(rows[0][13] * 100) == total
    assert main(["--db", db.url, "stats", "month", "--month", "2025-13"]) == 2
    yout = tmp_path / "y.xlsx"
    assert main(["--db", db.url, "stats", "year", "--year", str(YEAR), "--out", str(yout)]) == 0
    year_rows = {r[0]: r for r in openpyxl.load_workbook(yout)["年报"].iter_rows(values_only=True)}
    rural = sum(x["paid_fen"] for x in _lines(db, year=YEAR) if x["programme"] == "rural_dibao")
    assert round(year_rows["农村低保"][4] * 100) == rural


def test_county_package_roundtrip_tamper_and_duplicate(db, actors, tmp_path, capsys, monkeypatch):
    """A package carries figures, roster hashes and a seal; import refuses a tampered and a
    duplicate package with one line each and shows the county totals."""
    _office(db, actors)
    pkg = tmp_path / "p.zip"
    res = statistics.export_package(db, actors["clerk"], f"{YEAR}-03", pkg)
    with zipfile.ZipFile(pkg) as z:
        data = json.loads(z.read("figures.json"))
        xlsx = z.read("statistics.xlsx")
    assert data["sha256"] == res.sha256 and len(data["rosters"]) == 2
    bad = tmp_path / "bad.zip"
    data["figures"]["total"]["amount_fen"] += 100
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("figures.json", json.dumps(data))
        z.writestr("statistics.xlsx", xlsx)
    with pytest.raises(RuleViolation, match="已被改动"):
        statistics.import_package(db, actors["clerk"], bad)
    statistics.import_package(db, actors["clerk"], pkg)
    with pytest.raises(RuleViolation, match="重复"):
        statistics.import_package(db, actors["clerk"], pkg)
    table = statistics.county_table(db, actors["clerk"], f"{YEAR}-03")
    total = sum(x["paid_fen"] for x in _lines(db, date(YEAR, 3, 1)))
    assert len(table.rows) == 1 and table.totals["total"]["amount_fen"] == total
    live = statistics.township_figures(db, actors["clerk"], f"{YEAR}-03")
    by_town: dict[str, int] = defaultdict(int)
    for x in _lines(db, date(YEAR, 3, 1)):
        by_town[x["township"] or ""] += x["paid_fen"]
    assert {r.township: r.figures["total"]["amount_fen"] for r in live} == dict(by_town)
    assert (
        sum(r.figures["total"]["households"] for r in live)
        == statistics.month_stats(db, actors["clerk"], f"{YEAR}-03").total.households
    )


def test_county_cli_export_import_refusals(db, actors, tmp_path, capsys, monkeypatch):
    """county export writes a package; county import takes it once, refuses the same package
    again and a tampered copy with one 错误 line each (exit 1), and prints the county total."""
    _office(db, actors)
    monkeypatch.setenv("RELIEFDESK_PASSWORD", "Test#Pass2026")
    pkg = tmp_path / "p.zip"
    assert (
        main(
            [
                "--db",
                db.url,
                "--user",
                "clerk",
                "county",
                "export",
                "--month",
                f"{YEAR}-03",
                "--out",
                str(pkg),
            ]
        )
        == 0
    )
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(pkg) as z, zipfile.ZipFile(bad, "w") as out:
        data = json.loads(z.read("figures.json"))
        data["township"] = "别的镇"
        out.writestr("figures.json", json.dumps(data))
        out.writestr("statistics.xlsx", z.read("statistics.xlsx"))
    capsys.readouterr()
    code = main(
        ["--db", db.url, "--user", "clerk", "county", "import", str(pkg), str(pkg), str(bad)]
    )
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "重复" in lines[0] and "已被改动" in lines[1]
    total = sum(x["paid_fen"] for x in _lines(db, date(YEAR, 3, 1)))
    assert f"当月支出 {total // 100}.{total % 100:02d} 元（1 个数据包）" in out


def test_year_pdf_reads_back(db, actors, tmp_path):
    """The year report PDF carries the title, every programme and the year total as text."""
    import io

    from pypdf import PdfReader

    _office(db, actors)
    path, _ = statistics.export_year(db, actors["clerk"], YEAR, tmp_path / "y.pdf")
    body = "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    total = sum(x["paid_fen"] for x in _lines(db, year=YEAR))
    assert f"{YEAR} 年度社会救助统计报告" in body
    assert all(label in body for label in ("城市低保", "农村低保", "临时救助", "分月支出"))
    assert f"{total // 100}.{total % 100:02d}" in body


def test_tekun_exit_and_transfer_keep_rule_one(db, actors):
    """A 集中供养 person terminated is an exit of 集中 (the 停发 line names no mode), and a
    person moved 分散 → 集中 is a transfer: 期末 = 上期 + 新增 − 退出 ± 转移 holds."""
    hs = _office(db, actors)
    add_change(
        db,
        hs["tc"]["enrollment_id"],
        "terminate",
        date(YEAR, 5, 1),
        reason="死亡",
        status="terminated",
        end_month=date(YEAR, 4, 1),
    )
    from reliefdesk.models import Enrollment

    with db.session() as s:
        s.get(Enrollment, hs["td"]["enrollment_id"]).care_mode = "centralised"
    _lock(db, actors, f"{YEAR}-05")
    may = statistics.month_stats(db, actors["clerk"], f"{YEAR}-05")
    c = may.by_category
    assert may.breaks == ()
    assert c["tekun_centralised"].exited_households == 1
    assert (c["tekun_centralised"].households, c["tekun_dispersed"].households) == (1, 0)
    assert may.transfers["tekun_centralised"] == (1, 0)
    assert may.transfers["tekun_dispersed"] == (0, 1)
    year = statistics.year_report(db, actors["clerk"], YEAR)
    assert year.by_category["tekun_centralised"].exited_households == 1


def test_growth_against_the_previous_year(db, actors):
    """Growth in persons (year-end persons) and average level (amount ÷ person-months)
    against the previous year equals the independent computation from both years' lines."""
    add_policy(db, date(YEAR - 1, 1, 1))
    setup_policy(db)
    make_household(db, persons=2, start=date(YEAR - 1, 12, 1))
    _lock(db, actors, f"{YEAR - 1}-12")
    make_household(db, persons=3, start=date(YEAR, 1, 1))
    _lock(db, actors, f"{YEAR}-01")
    r = statistics.year_report(db, actors["clerk"], YEAR)

    def fig(year: int) -> tuple[int, int, int]:
        rows = [x for x in _lines(db, year=year) if x["programme"] == "rural_dibao"]
        last = max(x["month"] for x in rows)
        end = sum(x["persons"] for x in rows if x["month"] == last)
        amount = sum(x["paid_fen"] for x in rows)
        pm = sum(x["persons"] for x in rows)
        return end, amount, pm

    (e1, a1, p1), (e0, a0, p0) = fig(YEAR), fig(YEAR - 1)
    from decimal import ROUND_HALF_UP, Decimal
    from fractions import Fraction

    def pct(now: int, before: int) -> str:
        return str(
            (Decimal(now - before) * 100 / Decimal(before)).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
        )

    lvl1 = int(Fraction(a1, p1) + Fraction(1, 2))
    lvl0 = int(Fraction(a0, p0) + Fraction(1, 2))
    assert r.growth("rural_dibao", "persons") == pct(e1, e0) == "150.00"
    assert r.growth("rural_dibao", "level") == pct(lvl1, lvl0)
