"""The statistics as table rows (headers + rows) shared by the workbook, the PDF, the CLI and
the 统计 page, so every output shows the same figures in the same layout (DOMAIN §7.2 C/D)."""

from __future__ import annotations

from ...documents.pdf.statistics import YearPdfData
from ...documents.xlsx.statistics import Money, StatSheet, Value
from .month import CATEGORY_KEYS, CATEGORY_LABELS, Figures, MonthStats
from .year import YearReport

__all__ = [
    "MONTH_HEADERS",
    "YEAR_HEADERS",
    "month_rows",
    "month_sheets",
    "year_pdf_data",
    "year_rows",
    "year_sheets",
    "yuan",
]

MONTH_HEADERS = (
    "项目",
    "户数",
    "人数",
    "女性",
    "老年人",
    "未成年人",
    "残疾人",
    "部分丧失劳动能力",
    "完全丧失劳动能力",
    "当月新增户数",
    "当月新增人数",
    "当月退出户数",
    "当月退出人数",
    "当月支出(元)",
    "累计支出(元)",
    "当月人均补助(元)",
)
YEAR_HEADERS = (
    "项目",
    "年末户数",
    "年末人数",
    "全年人次",
    "全年支出(元)",
    "新增户数",
    "新增人数",
    "退出户数",
    "退出人数",
    "月人均水平(元)",
    "人数同比(%)",
    "水平同比(%)",
)
_ORDER = (
    "urban_dibao",
    "rural_dibao",
    "tekun",
    "tekun_centralised",
    "tekun_dispersed",
    "temporary_aid",
)


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    y, c = divmod(abs(fen), 100)
    return f"{sign}{y}.{c:02d}"


def _fig_row(label: str, f: Figures) -> list[str | int | Money]:
    return [
        label,
        f.households,
        f.persons,
        f.women,
        f.elderly,
        f.minors,
        f.disabled,
        f.labour_partial,
        f.labour_none,
        f.new_households,
        f.new_persons,
        f.exited_households,
        f.exited_persons,
        Money(f.amount_fen),
        Money(f.cumulative_fen),
        Money(f.average_fen),
    ]


def month_rows(stats: MonthStats) -> list[list[str | int | Money]]:
    """Per category then 合计 (empty when the month has no locked roster)."""
    if not stats.locked:
        return []
    rows = [_fig_row(CATEGORY_LABELS[k], stats.by_category[k]) for k in _ORDER]
    rows.append(_fig_row("合计", stats.total))
    return rows


def month_sheets(stats: MonthStats, township: str) -> list[StatSheet]:
    sub = f"填报单位：{township}　所属期：{stats.month_text}　金额单位：元"
    if not stats.locked:
        return [
            StatSheet(
                "月报",
                f"{stats.month_text} 社会救助统计月报",
                MONTH_HEADERS,
                [[stats.message]],
                sub,
            )
        ]
    villages: list[list[Value]] = [
        [v, CATEGORY_LABELS[k], f.households, f.persons, Money(f.amount_fen)]
        for v, k, f in stats.by_village
    ]
    c = stats.by_category
    summary: list[list[Value]] = [
        [
            township,
            c["dibao"].households,
            c["dibao"].persons,
            Money(c["dibao"].average_fen),
            Money(c["dibao"].amount_fen),
            c["tekun"].households,
            c["tekun"].persons,
            Money(c["tekun"].average_fen),
            Money(c["tekun"].amount_fen),
        ]
    ]
    checks: list[list[Value]] = [[b] for b in stats.breaks] or [["全部校验通过"]]
    return [
        StatSheet(
            "月报", f"{stats.month_text} 社会救助统计月报", MONTH_HEADERS, month_rows(stats), sub
        ),
        StatSheet(
            "汇总表",
            f"{stats.month_text} 乡镇汇总表",
            (
                "乡镇",
                "保障户数",
                "保障人数",
                "月人均(元)",
                "月发放金额(元)",
                "特困户数",
                "特困人数",
                "特困月人均(元)",
                "特困月发放金额(元)",
            ),
            summary,
            sub,
        ),
        StatSheet(
            "分村",
            f"{stats.month_text} 分村统计",
            ("村(社区)", "项目", "户数", "人数", "当月支出(元)"),
            villages,
            sub,
        ),
        StatSheet("校验", "表内校验", ("结果",), checks, sub),
    ]


def year_rows(report: YearReport) -> list[list[str | int | Money]]:
    rows: list[list[str | int | Money]] = []
    for k in CATEGORY_KEYS:
        c = report.by_category[k]
        rows.append(
            [
                CATEGORY_LABELS[k],
                c.households_end,
                c.persons_end,
                c.person_months,
                Money(c.amount_fen),
                c.new_households,
                c.new_persons,
                c.exited_households,
                c.exited_persons,
                Money(c.average_fen),
                report.growth(k, "persons") or "—",
                report.growth(k, "level") or "—",
            ]
        )
    return rows


def year_sheets(report: YearReport, township: str) -> list[StatSheet]:
    sub = f"填报单位：{township}　年度：{report.year}　金额单位：元"
    months: list[list[Value]] = [
        [f"{m}月", *(Money(a[k]) for k in CATEGORY_KEYS), Money(sum(a.values()))]
        for m, a in report.monthly_amounts
    ]
    exits: list[list[Value]] = [[r, n, p] for r, n, p in report.exits_by_reason]
    standards: list[list[Value]] = [
        [f"{s.effective_from:%Y-%m-%d}", s.name, Money(s.urban_fen), Money(s.rural_fen)]
        for s in report.standards
    ]
    other: list[list[Value]] = [
        ["入户走访（次）", report.visits if report.visits is not None else "未记录"],
        ["监测发现（条）", report.findings if report.findings is not None else "未记录"],
    ]
    return [
        StatSheet("年报", f"{report.year} 年度社会救助统计", YEAR_HEADERS, year_rows(report), sub),
        StatSheet(
            "分月支出",
            f"{report.year} 分月支出",
            ("月份", *(CATEGORY_LABELS[k] for k in CATEGORY_KEYS), "合计"),
            months,
            sub,
        ),
        StatSheet("退出原因", f"{report.year} 退出原因", ("原因", "户数", "人数"), exits, sub),
        StatSheet(
            "标准",
            f"{report.year} 执行标准及调整",
            ("起始日期", "名称", "城市低保标准(元/月)", "农村低保标准(元/月)"),
            standards,
            sub,
        ),
        StatSheet("其他", "其他", ("项目", "数量"), other, sub),
    ]


def year_pdf_data(report: YearReport, township: str, made_by: str) -> YearPdfData:
    """The year report in the PDF's shape (same rows as the workbook)."""
    from datetime import date

    def cell(v: object) -> str:
        return yuan(v.fen) if isinstance(v, Money) else str(v)

    last = max(report.locked_months, default=0)
    series = [
        (CATEGORY_LABELS[k], [a[k] / 100 for m, a in report.monthly_amounts if m <= last])
        for k in CATEGORY_KEYS
    ]
    sections = [
        (s.title, s.headers, [[cell(v) for v in r] for r in s.rows])
        for s in year_sheets(report, township)[2:]
    ]
    return YearPdfData(
        f"{report.year} 年度社会救助统计报告",
        f"填报单位：{township}　已锁定月份：{len(report.locked_months)} 个　金额单位：元　"
        f"全年支出合计 {yuan(report.total_amount_fen)} 元　同比基数：{report.year - 1} 年已锁定 "
        f"{len(report.previous_locked_months)} 个月",
        YEAR_HEADERS,
        [[cell(v) for v in r] for r in year_rows(report)],
        series,
        [(v, p) for v, _, p in report.recipients_by_village],
        [r for r in report.monthly_new_exited if r[0] <= last],
        sections,
        f"制表人：{made_by}　制表日期：{date.today().isoformat()}　"
        "数据来源：已锁定的发放花名册（DOMAIN §12.3）",
    )
