"""The cross-check rules of the statistics forms (DOMAIN §7.2 D, §12.3), as plain functions.

Each returns a list of one-line Chinese descriptions of the rules that do not hold; an empty
list means the figures are consistent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.money import fen_to_yuan

if TYPE_CHECKING:
    from .month import Figures, MonthStats

__all__ = ["cumulative_breaks", "month_breaks"]

_OF_WHICH = (
    ("women", "女性"),
    ("elderly", "老年人"),
    ("minors", "未成年人"),
    ("disabled", "残疾人"),
    ("labour_partial", "部分丧失劳动能力"),
    ("labour_none", "完全丧失劳动能力"),
)
_SUMMED = (
    "households",
    "persons",
    "new_households",
    "new_persons",
    "exited_households",
    "exited_persons",
    "amount_fen",
    "cumulative_fen",
)


def _sum_rule(
    parent: Figures, children: list[Figures], label: str, fields: tuple[str, ...] = _SUMMED
) -> list[str]:
    out = []
    for name in fields:
        total = sum(getattr(c, name) for c in children)
        if getattr(parent, name) != total:
            out.append(f"{label}：{name} {getattr(parent, name)} ≠ 分项之和 {total}")
    return out


def month_breaks(stats: MonthStats) -> list[str]:
    """§12.3 rules 1, 2, 3, 6 on one month (rule 4, 累计 never falls, spans months: see
    :func:`cumulative_breaks`)."""
    from .keys import CATEGORY_KEYS, CATEGORY_LABELS, MONTHLY_KEYS

    c = stats.by_category
    out: list[str] = []
    # rule 2: parent = sum of children
    out += _sum_rule(
        c["tekun"], [c["tekun_centralised"], c["tekun_dispersed"]], "特困 = 集中 + 分散"
    )
    out += _sum_rule(c["dibao"], [c["urban_dibao"], c["rural_dibao"]], "低保 = 城市 + 农村")
    out += _sum_rule(stats.total, [c[k] for k in CATEGORY_KEYS], "合计 = 各项目之和")
    for key in CATEGORY_KEYS:
        rows = [f for _, k, f in stats.by_village if k == key]
        out += _sum_rule(c[key], rows, f"{CATEGORY_LABELS[key]} = 各村之和", _SUMMED[:-1])
    for key in (*CATEGORY_KEYS, "tekun", "dibao"):
        f, label = c[key], CATEGORY_LABELS[key]
        # rule 3: 其中 ≤ parent; rule 6: 户数 ≤ 人数
        for name, zh in _OF_WHICH:
            if getattr(f, name) > f.persons:
                out.append(f"{label}：其中{zh} {getattr(f, name)} > 人数 {f.persons}")
        if f.new_households > f.households:
            out.append(f"{label}：当月新增户数 {f.new_households} > 户数 {f.households}")
        if f.households > f.persons:
            out.append(f"{label}：户数 {f.households} > 人数 {f.persons}")
        if f.cumulative_fen < f.amount_fen:
            out.append(
                f"{label}：累计支出 {fen_to_yuan(f.cumulative_fen)} < 当月支出 "
                f"{fen_to_yuan(f.amount_fen)}"
            )
    # rule 1: 期末 = 上期 + 新增 − 退出 (households of the monthly programmes)
    if stats.previous_households is not None:
        for key in MONTHLY_KEYS:
            f = c[key]
            prev = stats.previous_households.get(key, 0)
            moved_in, moved_out = stats.transfers.get(key, (0, 0))
            expect = prev + f.new_households - f.exited_households + moved_in - moved_out
            if f.households != expect:
                out.append(
                    f"{CATEGORY_LABELS[key]}：期末户数 {f.households} ≠ 上期 {prev} + 新增 "
                    f"{f.new_households} − 退出 {f.exited_households} + 转入 {moved_in} "
                    f"− 转出 {moved_out} = {expect}"
                )
    return out


def cumulative_breaks(months: list[MonthStats]) -> list[str]:
    """§12.3 rule 4: within a year the 累计 figure never falls from one month to the next."""
    from .keys import CATEGORY_KEYS, CATEGORY_LABELS

    out: list[str] = []
    last: dict[str, int] = {}
    for m in months:
        if not m.locked:
            continue
        for key in CATEGORY_KEYS:
            value = m.by_category[key].cumulative_fen
            if value < last.get(key, 0):
                out.append(
                    f"{m.month_text} {CATEGORY_LABELS[key]}：累计支出回落 "
                    f"{fen_to_yuan(last[key])} → {fen_to_yuan(value)}"
                )
            last[key] = value
    return out
