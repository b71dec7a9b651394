"""Admission rules that are not steps of the state machine: the approval route of a
temporary-aid amount, the 先行救助 cap, the 单人保 cases, the same-cause repeat check and the
deadlines that events start (DOMAIN §2.4, §2.15, §3.2, §3.4, §4.2, §4.4). Pure stdlib."""

from __future__ import annotations

import calendar as _cal
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .months import add_months

__all__ = [
    "TEMP_AID_CAUSES",
    "SingleCase",
    "TempAidRoute",
    "advance_cap",
    "cause_key",
    "death_recheck_due",
    "eighteenth_birthday",
    "plus_months",
    "repeat_aid_dates",
    "single_person_case",
    "temp_aid_route",
]

# 致困原因 of temporary aid, for the "same cause within 12 months" check
TEMP_AID_CAUSES = {
    "fire": "火灾",
    "accident": "交通事故等意外",
    "illness": "突发重大疾病",
    "disaster": "自然灾害",
    "medical": "医疗支出",
    "education": "教育支出",
    "other": "其他",
}


@dataclass(frozen=True)
class TempAidRoute:
    """Who must approve a temporary-aid amount: the county above the township limit, the
    county's coordination mechanism (一事一议) above its threshold."""

    needs_county: bool
    needs_case_by_case: bool


def temp_aid_route(
    amount_fen: int, township_limit_fen: int | None, case_by_case_fen: int | None
) -> TempAidRoute:
    """The route of the amount actually proposed (not the formula amount)."""
    return TempAidRoute(
        township_limit_fen is not None and amount_fen > township_limit_fen,
        case_by_case_fen is not None and amount_fen > case_by_case_fen,
    )


def advance_cap(cap_fen: int | None, township_limit_fen: int | None) -> int | None:
    """先行救助 is for small sums: the configured cap, by default the township limit."""
    return cap_fen if cap_fen is not None else township_limit_fen


@dataclass(frozen=True)
class SingleCase:
    """Result of :func:`single_person_case`: ``allowed`` and the case or the refusal text."""

    allowed: bool
    case: str  # severe_disability | serious_illness | adult_severe_disability | clergy | ""
    message: str = ""


def single_person_case(
    categories: Iterable[str],
    *,
    adult: bool,
    unemployed: bool,
    clergy_3y: bool,
    family_qualifies: bool,
    near_dibao: bool,
) -> SingleCase:
    """May this person apply for dibao alone (单独提出申请; 民发〔2021〕57号 第八条,
    民函〔2022〕70号 §一)?

    - when the whole family qualifies the locality must not admit only some members: refused;
    - clergy living apart ≥ 3 years: allowed;
    - an adult, unemployed, severely disabled person: allowed as a 单人户;
    - severe disability or serious illness: allowed only in a 低保边缘家庭 (per-capita income
      below 1.5 × the standard, ``near_dibao``).
    """
    cats = set(categories)
    if family_qualifies:
        return SingleCase(
            False, "", "全家符合低保条件，不得仅将个别家庭成员纳入；请以家庭为单位申请。"
        )
    if clergy_3y:
        return SingleCase(True, "clergy")
    if "severe_disability" in cats and adult and unemployed:
        return SingleCase(True, "adult_severe_disability")
    if cats & {"severe_disability", "serious_illness"}:
        if near_dibao:
            return SingleCase(
                True, "severe_disability" if "severe_disability" in cats else "serious_illness"
            )
        return SingleCase(
            False,
            "",
            "重度残疾或重特大疾病人员只有在低保边缘家庭（人均收入低于低保标准"
            "1.5 倍）中才能单独提出申请。",
        )
    return SingleCase(
        False,
        "",
        "不属于可单独提出申请的情形（重度残疾、重特大疾病、成年无业重度残疾人、"
        "脱离家庭的宗教教职人员等）。",
    )


_PUNCT = re.compile(r"[\s，,。.、；;：:！!？?（）()“”\"'—\-]+")


def cause_key(cause: str | None, reason: str) -> str:
    """What "the same cause" compares: the recorded cause code, else the reason text without
    spaces and punctuation."""
    return f"code:{cause}" if cause else "text:" + _PUNCT.sub("", reason)


def repeat_aid_dates(
    on: date, earlier: Iterable[tuple[date, str]], key: str, months: int = 12
) -> list[date]:
    """Dates of earlier grants (date, cause key) for the same cause within ``months`` before
    ``on``."""
    since = plus_months(on, -months)
    return sorted(d for d, k in earlier if k == key and since < d <= on)


def plus_months(d: date, n: int) -> date:
    """The same day ``n`` months later (clamped to the month's last day)."""
    first = add_months(d, n)
    return first.replace(day=min(d.day, _cal.monthrange(first.year, first.month)[1]))


def death_recheck_due(died_on: date) -> date:
    """A member's death: re-check the family within 3 months (民函〔2022〕70号 §一(三))."""
    return plus_months(died_on, 3)


def eighteenth_birthday(birth: date) -> date:
    """The day a tekun minor turns 18 (29 February → 1 March)."""
    try:
        return birth.replace(year=birth.year + 18)
    except ValueError:
        return date(birth.year + 18, 3, 1)
