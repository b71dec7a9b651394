"""Demo generator, part 1: villages, households, persons, income, assets and bank accounts.

Everything is produced as plain row dicts with primary keys assigned here (so a bulk
``executemany`` needs no RETURNING). All randomness comes from the one ``random.Random`` the
caller passes, in a fixed order, so a seed always gives the same register. Person data (names,
ID numbers, birth dates) never depends on the run date: birth dates are anchored to
:data:`ANCHOR_YEAR`.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ..domain.accounts import make_card_number
from ..domain.idnumber import make_id
from ..domain.pinyin import search_keys
from . import data as D  # noqa: N812 - D.NAME reads as the data catalogue in every generator line

ADDRESS_CODE = "410482"  # 汝州市
ANCHOR_YEAR = 2025  # ages are drawn as "age in ANCHOR_YEAR", so IDs do not move with the date
DEMO_CREATED_AT = datetime(2025, 1, 1, 8, 0, 0)


@dataclass
class VillageInfo:
    id: int
    name: str
    township_name: str
    is_community: bool


@dataclass
class Member:
    """A generated person plus what the case generator needs to know about them."""

    row: dict[str, Any]
    age: int  # nominal age in ANCHOR_YEAR (independent of the run date, so draws are too)

    @property
    def id(self) -> int:
        return int(self.row["id"])

    @property
    def name(self) -> str:
        return str(self.row["name"])


@dataclass
class HouseholdDraft:
    row: dict[str, Any]
    village: VillageInfo
    members: list[Member]
    income_rows: list[dict[str, Any]] = field(default_factory=list)
    counted_income_fen: int = 0

    @property
    def id(self) -> int:
        return int(self.row["id"])

    @property
    def urban(self) -> bool:
        return bool(self.row["area_type"] == "urban")

    def counted(self) -> list[Member]:
        return [m for m in self.members if m.row["counted"]]


def _weighted(rng: random.Random, items: tuple[Any, ...] | list[Any], cum: list[float]) -> Any:
    x = rng.random() * cum[-1]
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return items[lo]


def _cumulative(weights: Any) -> list[float]:
    out: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


_SURNAMES = tuple(s for s, _ in D.SURNAME_WEIGHTS)
_SURNAME_CUM = _cumulative(w for _, w in D.SURNAME_WEIGHTS)
_DIS_CUM = _cumulative(D.DISABILITY_WEIGHTS)
_BANK_CUM = _cumulative(D.BANK_WEIGHTS)


@lru_cache(maxsize=16384)  # common names repeat; unbounded, ~68,000 names took ~25 MB
def _keys(name: str) -> tuple[str, ...]:
    return tuple(search_keys(name))


class PeopleFactory:
    """Makes villages, households and persons with unique, valid ID numbers."""

    def __init__(
        self, rng: random.Random, as_of: date, used_ids: set[str], next_ids: dict[str, int]
    ) -> None:
        self.rng = rng
        self.as_of = as_of
        self.used_ids = used_ids
        self.next = next_ids
        self.featured = list(D.FEATURED_SURNAMES)
        self.search_rows: list[dict[str, Any]] = []
        self.asset_rows: list[dict[str, Any]] = []
        self.account_rows: list[dict[str, Any]] = []

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value

    # ------------------------------------------------------------------ villages
    def village_names(self, township_name: str, existing: set[str]) -> list[tuple[str, bool]]:
        """(name, is_community) for one township: 街道 mostly 社区, 镇/乡 mostly 村."""
        rng = self.rng
        street = township_name.endswith("街道")
        n_comm = rng.randint(9, 14) if street else rng.randint(1, 2)
        n_vill = rng.randint(2, 6) if street else rng.randint(18, 28)
        out: list[tuple[str, bool]] = []
        seen = set(existing)
        while n_comm:
            base = rng.choice(D.COMMUNITY_NAMES)
            name = base + "社区"
            if name in seen:
                continue
            seen.add(name)
            out.append((name, True))
            n_comm -= 1
        while n_vill:
            style = rng.random()
            if style < 0.45:
                base = rng.choice(D.VILLAGE_SURNAMES) + rng.choice(D.VILLAGE_SUFFIXES)
            elif style < 0.7:
                base = (
                    rng.choice(D.VILLAGE_PREFIXES)
                    + rng.choice(D.VILLAGE_SURNAMES)
                    + rng.choice(D.VILLAGE_SUFFIXES)
                )
            else:
                base = rng.choice(D.VILLAGE_NATURE) + rng.choice(D.VILLAGE_NATURE_SUFFIX)
            name = base + "村"
            if name in seen:
                continue
            seen.add(name)
            out.append((name, False))
            n_vill -= 1
        return out

    # ------------------------------------------------------------------ names and IDs
    def surname(self) -> str:
        if self.featured:
            return self.featured.pop(0)
        return str(_weighted(self.rng, _SURNAMES, _SURNAME_CUM))

    def given_name(self, birth_year: int, male: bool) -> str:
        rng = self.rng
        pool = D.given_pool(birth_year, male)
        first = rng.choice(D.RARE_CHARS) if rng.random() < 0.012 else rng.choice(pool)
        if rng.random() < 0.22:
            return first
        second = rng.choice(pool)
        while second == first:
            second = rng.choice(pool)
        return first + second

    def birth(self, age: int) -> date:
        rng = self.rng
        year = ANCHOR_YEAR - age
        month = rng.randint(1, 12)
        day = rng.randint(1, calendar.monthrange(year, month)[1])
        born = date(year, month, day)
        return min(born, self.as_of)

    def id_number(self, born: date, male: bool) -> str:
        rng = self.rng
        for _ in range(200):
            seq = rng.randrange(500) * 2 + (1 if male else 0)
            number = make_id(ADDRESS_CODE, born, seq)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number
        raise RuntimeError("demo: ID sequence space exhausted")  # pragma: no cover

    # ------------------------------------------------------------------ persons
    def person(
        self,
        hid: int,
        relation: str,
        age: int,
        male: bool,
        surname: str,
        urban: bool,
        tekun: bool = False,
    ) -> Member:
        rng = self.rng
        age = max(0, min(age, 99))
        born = self.birth(age)
        real_age = age  # decisions use the nominal age so the register never moves with dates
        name = surname + self.given_name(born.year, male)
        pid = self.take("person")
        dis_cat: str | None = None
        dis_level: int | None = None
        p_dis = 0.45 if tekun else (0.18 if real_age >= 60 else (0.10 if real_age >= 18 else 0.04))
        if rng.random() < p_dis:
            dis_cat = str(_weighted(rng, D.DISABILITY_CATEGORIES, _DIS_CUM))
            dis_level = rng.choice((1, 2, 2, 3, 3, 4, 4))
        r = rng.random()
        if r < (0.10 if real_age >= 45 else 0.04):
            health = "serious"
        elif r < (0.50 if real_age >= 60 else 0.22):
            health = "chronic"
        else:
            health = "healthy"
        if real_age < 16 or (dis_level is not None and dis_level <= 2) or health == "serious":
            labour = "none"
        elif real_age >= 60:
            labour = "none" if rng.random() < 0.5 else "partial"
        elif health == "chronic" or dis_level is not None:
            labour = "partial"
        else:
            labour = "full"
        schooling, employment = self._school_work(real_age, born.year, labour, urban)
        keys = _keys(name)
        for key in keys:
            self.search_rows.append(
                {"id": self.take("person_search_key"), "person_id": pid, "key": key}
            )
        row: dict[str, Any] = {
            "id": pid,
            "household_id": hid,
            "name": name,
            "id_type": "resident",
            "id_number": self.id_number(born, male),
            "id_number_old": None,
            "birth_date": born,
            "sex": "M" if male else "F",
            "relation": relation,
            "counted": True,
            "exclusion_reason": None,
            "disability_category": dis_cat,
            "disability_level": dis_level,
            "health": health,
            "labour_capacity": labour,
            "schooling": schooling,
            "employment": employment,
            "near_relative_of_staff": False,
            "staff_relation_note": "",
            "deceased_on": None,
            "ethnicity": "汉族",
            "hukou_type": "resident" if urban else "rural",
            "search_initials": keys[1] if len(keys) > 1 else "",
            "version": 1,
        }
        if rng.random() < 0.003:
            row["near_relative_of_staff"] = True
            row["staff_relation_note"] = rng.choice(
                ("村委会委员近亲属", "村民小组长近亲属", "乡镇工作人员近亲属")
            )
        return Member(row, real_age)

    def _school_work(self, age: int, year: int, labour: str, urban: bool) -> tuple[str, str]:
        rng = self.rng
        if age < 3:
            return "", ""
        if age < 6:
            return "学龄前", ""
        if age < 12:
            return "小学在读", "在校"
        if age < 15:
            return "初中在读", "在校"
        if age < 18:
            return rng.choice(("高中在读", "中职在读")), "在校"
        if age < 22 and rng.random() < 0.4:
            return rng.choice(("大学在读", "高职在读")), "在校"
        if year < 1960:
            school = rng.choice(("文盲", "小学", "小学", "初中"))
        elif year < 1985:
            school = rng.choice(("小学", "初中", "初中", "高中"))
        else:
            school = rng.choice(("初中", "高中", "中专", "大专"))
        if labour == "none":
            work = "无"
        elif urban:
            work = rng.choice(("灵活就业", "失业", "务工", "临时工"))
        elif age >= 60:
            work = "务农"
        else:
            work = rng.choice(("务农", "务工", "务农", "灵活就业"))
        return school, work

    # ------------------------------------------------------------------ households
    def household(self, village: VillageInfo, size: int, kind: str) -> HouseholdDraft:
        """A household of ``size`` people; ``kind`` is dibao|tekun|applicant|temp."""
        rng = self.rng
        hid = self.take("household")
        urban = village.is_community
        if urban:
            address = (
                f"{village.township_name}{village.name}{rng.randint(1, 30)}号楼"
                f"{rng.randint(1, 4)}单元{rng.randint(1, 6)}0{rng.randint(1, 4)}室"
            )
        else:
            address = f"{village.township_name}{village.name}{rng.randint(1, 12)}组"
        row: dict[str, Any] = {
            "id": hid,
            "village_id": village.id,
            "address": address,
            "area_type": "urban" if urban else "rural",
            # one draw for the nine uniform digits (not nine ``choice`` calls)
            "phone": f"1{rng.choice('35789')}{rng.randrange(1_000_000_000):09d}",
            "entrusted": False,
            "entrust_agreement_no": "",
            "entrust_agreement_date": None,
            "entrust_agent": "",
            "near_dibao": False,
            "note": "",
            "created_at": DEMO_CREATED_AT,
            "version": 1,
        }
        members: list[Member] = []
        surname = self.surname()
        if kind == "tekun":
            age = rng.choice(
                (rng.randint(60, 92), rng.randint(60, 92), rng.randint(25, 59), rng.randint(6, 15))
            )
            male = rng.random() < 0.62
            members.append(self.person(hid, "head", age, male, surname, urban, tekun=True))
            return HouseholdDraft(row, village, members)
        head_age = rng.randint(45, 90) if size == 1 else rng.randint(30, 80)
        male = rng.random() < 0.7
        members.append(self.person(hid, "head", head_age, male, surname, urban))
        if size >= 2 and rng.random() < 0.75:
            members.append(
                self.person(
                    hid, "spouse", head_age + rng.randint(-5, 5), not male, self.surname(), urban
                )
            )
        left = size - len(members)
        if left > 0 and head_age >= 62 and rng.random() < 0.5:
            child_age = head_age - rng.randint(24, 32)
            if left >= 2:
                members.append(
                    self.person(hid, "child", child_age, rng.random() < 0.6, surname, urban)
                )
                left -= 1
            for _ in range(left):
                members.append(
                    self.person(
                        hid, "grandchild", rng.randint(2, 17), rng.random() < 0.5, surname, urban
                    )
                )
            left = 0
        if left >= 2 and head_age <= 50 and rng.random() < 0.3:
            members.append(
                self.person(
                    hid,
                    "parent",
                    head_age + rng.randint(22, 32),
                    rng.random() < 0.4,
                    surname,
                    urban,
                )
            )
            left -= 1
        for _ in range(left):
            low = max(0, head_age - 40)
            high = max(low, head_age - 20)
            members.append(
                self.person(
                    hid, "child", rng.randint(low, high), rng.random() < 0.52, surname, urban
                )
            )
        if len(members) >= 3 and rng.random() < 0.03:
            m = members[-1]
            if m.age >= 18:
                m.row["counted"] = False
                m.row["exclusion_reason"] = rng.choice(("prison", "conscript", "missing"))
        return HouseholdDraft(row, village, members)

    # ------------------------------------------------------------------ income and assets
    def income(self, hh: HouseholdDraft, per_capita_fen: int) -> None:
        """Income items whose counted total is ``per_capita_fen`` × counted members.

        The 城乡居民基础养老金 is recorded but not counted (DOMAIN §2.7, through 2025)."""
        rng = self.rng
        counted = hh.counted()
        total = per_capita_fen * max(1, len(counted))
        rows = hh.income_rows
        for m in counted:
            if m.age >= 60:
                rows.append(
                    {
                        "id": self.take("income_item"),
                        "household_id": hh.id,
                        "person_id": m.id,
                        "category": "pension_basic",
                        "description": "城乡居民基础养老金（不计入）",
                        "monthly_fen": rng.choice((13800, 14300, 15300)),
                        "counted": False,
                    }
                )
            if m.row["disability_level"] in (1, 2):
                rows.append(
                    {
                        "id": self.take("income_item"),
                        "household_id": hh.id,
                        "person_id": m.id,
                        "category": "assistance",
                        "description": "残疾人两项补贴（不计入）",
                        "monthly_fen": 8000,
                        "counted": False,
                    }
                )
        earners = [m for m in counted if m.row["labour_capacity"] != "none"] or counted[:1]
        remaining = total
        pieces: list[tuple[str, str, int | None, int]] = []
        if remaining > 0:
            if hh.urban:
                cats = [
                    ("wage", "灵活就业收入"),
                    ("wage", "务工收入"),
                    ("transfer_in", "赡养费"),
                    ("property", "房屋出租收入"),
                ]
            else:
                cats = [
                    ("business", "种植收入"),
                    ("wage", "务工收入"),
                    ("transfer_in", "赡养费"),
                    ("business", "养殖收入"),
                    ("property", "土地流转收入"),
                ]
            n = 1 if remaining < 20000 else rng.choice((1, 2, 2, 3))
            for i in range(n):
                cat, desc = rng.choice(cats)
                share = remaining if i == n - 1 else int(remaining * rng.uniform(0.3, 0.7))
                who = rng.choice(earners).id if cat in ("wage", "business") and earners else None
                pieces.append((cat, desc, who, share))
                remaining -= share
        for cat, desc, who, fen in pieces:
            if fen <= 0:
                continue
            rows.append(
                {
                    "id": self.take("income_item"),
                    "household_id": hh.id,
                    "person_id": who,
                    "category": cat,
                    "description": desc,
                    "monthly_fen": fen,
                    "counted": True,
                }
            )
        hh.counted_income_fen = total

    def assets(self, hh: HouseholdDraft) -> None:
        rng = self.rng

        def add(kind: str, desc: str, value: int, exempt: bool) -> None:
            self.asset_rows.append(
                {
                    "id": self.take("asset"),
                    "household_id": hh.id,
                    "kind": kind,
                    "description": desc,
                    "value_fen": value,
                    "exempt": exempt,
                }
            )

        if hh.urban:
            if rng.random() < 0.6:
                add("house", f"自有住房 1 套，{rng.randint(40, 90)} 平方米", 0, True)
            else:
                add("house", "租住公租房", 0, True)
        else:
            add(
                "house",
                f"宅基地自建房 {rng.randint(3, 6)} 间（{rng.choice(('砖混', '砖木', '土坯'))}）",
                0,
                True,
            )
            add("land", f"承包地 {rng.randint(5, 60) / 10:.1f} 亩", 0, True)
            if rng.random() < 0.3:
                add(
                    "vehicle", "电动三轮车 1 辆（生产生活必需）", rng.randint(100, 300) * 1000, True
                )
        if rng.random() < 0.5:
            add("deposit", "银行存款", rng.randint(1, 120) * 10000, False)

    def account(self, hh: HouseholdDraft, payee: Member) -> dict[str, Any]:
        rng = self.rng
        bank, bin_ = _weighted(rng, D.BANKS, _BANK_CUM)
        aid = self.take("bank_account")
        number = make_card_number(bin_, 19, f"{aid:08d}{rng.randrange(10000):04d}")
        row = {
            "id": aid,
            "household_id": hh.id,
            "payee_person_id": payee.id,
            "kind": "bank_card",
            "bank_name": bank,
            "holder_name": payee.name,
            "number": number,
            "active": True,
            "version": 1,
            "effective_month": None,
            "end_month": None,
            "stop_reason": "",
        }
        self.account_rows.append(row)
        return row
