"""Finding the header of a legacy sheet and matching its columns to fields by their usual
Chinese headers (DOMAIN §12.1: match by header text against alias lists, never by position).

The header may sit on any of the first rows under a title and unit lines, span two rows (a
merged group label over sub-labels) and be followed by a "1 2 3 …" column-number row. Members
listed across columns (成员一姓名, 成员一身份证号码 … 成员九…) are fields ``member<N>_name``,
``member<N>_id`` and ``member<N>_relation``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = ["FIELDS", "FIELD_LABELS", "HeaderGuess", "find_header", "match_label", "normalise_label"]

# field -> aliases (normalised: NFKC, no spaces, units in brackets dropped)
FIELDS: dict[str, tuple[str, ...]] = {
    "household_no": ("户号", "家庭编号", "户编号", "家庭户号", "低保户号"),
    "head_name": ("户主姓名", "户主"),
    "head_id": ("户主身份证号", "户主身份证号码", "户主公民身份号码", "户主证件号码"),
    "name": (
        "姓名",
        "家庭成员姓名",
        "成员姓名",
        "保障对象姓名",
        "对象姓名",
        "人员姓名",
        "救助对象姓名",
        "供养对象姓名",
    ),
    "id_number": (
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "公民身份证号",
        "公民身份证号码",
        "证件号码",
        "家庭成员身份证号",
        "成员身份证号",
        "身份证",
    ),
    "relation": ("与户主关系", "与户主的关系", "关系", "家庭关系"),
    "sex": ("性别",),
    "birth_date": ("出生日期", "出生年月"),
    "programme": (
        "保障类别",
        "救助类型",
        "保障类型",
        "人员类别",
        "家庭类别",
        "类别",
        "对象类别",
        "救助类别",
        "低保类别",
    ),
    "care_mode": ("供养方式",),
    "care_tier": ("照料护理等级", "护理等级", "生活自理能力", "自理能力"),
    "area_type": ("户籍类型", "户口性质", "户口类型", "户籍性质"),
    "persons": ("保障人数", "保障人口数", "保障人口", "享受保障人数", "享受人数", "特困人员数"),
    "household_size": ("家庭人口", "家庭人口数", "家庭人数"),
    "amount": (
        "月保障金",
        "月保障金额",
        "户月保障金额",
        "户月保障金",
        "发放金额",
        "保障金额",
        "月发放金额",
        "月救助金额",
        "保障金",
        "低保金",
        "月低保金",
        "供养金额",
        "月供养金",
        "应发金额",
    ),
    "bank": ("开户行", "开户银行", "银行名称", "代发银行"),
    "account": (
        "卡号",
        "账号",
        "帐号",
        "银行帐号",
        "银行账号",
        "开户行账号",
        "一卡通账号",
        "银行卡号",
        "社保卡号",
        "存折号",
        "一卡通帐号",
        "银行卡(折)号",
    ),
    "holder": ("银行账户名称", "户名", "账户名称", "开户人", "持卡人"),
    "village": (
        "村",
        "社区",
        "村/社区",
        "村(社区)",
        "所属村",
        "村组",
        "组",
        "所属社区",
        "所属社(区)",
        "村委会",
        "村(居)委会",
        "村(居)",
        "行政村",
        "所在村",
    ),
    "address": ("家庭住址", "现房住址", "住址", "家庭地址", "现住址"),
    "start_month": (
        "纳入时间",
        "最初享受月份",
        "最初享受月",
        "享受时间",
        "登记时间",
        "纳入保障时间",
        "保障起始时间",
        "开始享受时间",
    ),
    "approved_on": ("审批日期", "批准日期", "审批时间", "批准时间", "确认日期", "审核确认日期"),
    "document_no": (
        "批准文号",
        "文号",
        "审批文号",
        "低保证号",
        "低保证编号",
        "证号",
        "低保(特困)证号",
        "特困证号",
        "供养证号",
        "证书编号",
    ),
    "phone": ("联系电话", "电话", "手机号", "联系方式"),
    "head_covered": ("户主是否享受", "是否享受"),
}
FIELD_LABELS: dict[str, str] = {
    "household_no": "户号",
    "head_name": "户主姓名",
    "head_id": "户主身份证号",
    "name": "姓名",
    "id_number": "身份证号",
    "relation": "与户主关系",
    "sex": "性别",
    "birth_date": "出生日期",
    "programme": "保障类别",
    "care_mode": "供养方式",
    "care_tier": "护理等级",
    "area_type": "户籍类型",
    "persons": "保障人数",
    "household_size": "家庭人口",
    "amount": "月保障金",
    "bank": "开户行",
    "account": "卡号/账号",
    "holder": "账户名称",
    "village": "村/社区",
    "address": "家庭住址",
    "start_month": "纳入时间",
    "approved_on": "审批日期",
    "document_no": "证号/文号",
    "phone": "联系电话",
    "head_covered": "户主是否享受",
}
_ALIAS = {alias: field for field, aliases in FIELDS.items() for alias in aliases}
_NUMERALS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_MEMBER = re.compile(
    r"^(?:家庭)?成员([一二三四五六七八九十]|\d{1,2})"
    r"(姓名|身份证号码?|公民身份号码|与户主关系|关系)$"
)
_UNITS = re.compile(r"\((元|人|元/月|月|平方米|户|个)\)$")


def normalise_label(text: Any) -> str:
    """NFKC, no whitespace or line breaks, a trailing unit in brackets dropped."""
    t = unicodedata.normalize("NFKC", str(text or ""))
    t = "".join(t.split())
    t = t.replace("（", "(").replace("）", ")").replace("帐户", "账户")
    return _UNITS.sub("", t)


def match_label(text: Any) -> str | None:
    """The field a header label stands for (None when not recognised)."""
    t = normalise_label(text)
    if not t:
        return None
    field = _ALIAS.get(t)
    if field is not None:
        return field
    m = _MEMBER.match(t)
    if m:
        n = _NUMERALS.get(m.group(1)) or int(m.group(1))
        kind = {"姓名": "name", "与户主关系": "relation", "关系": "relation"}.get(m.group(2), "id")
        return f"member{n}_{kind}"
    return None


@dataclass(frozen=True)
class HeaderGuess:
    """Where the header is and what each column means."""

    row: int  # index of the (last) header row
    rows: int  # 1 or 2 header rows
    labels: tuple[str, ...]  # one label per column (two-row headers joined as "上级/下级")
    mapping: dict[str, int]  # field -> column index
    data_start: int  # first data row index


def _labels_single(row: list[Any]) -> list[str]:
    return [normalise_label(v) for v in row]


def _labels_double(top: list[Any], sub: list[Any], width: int) -> list[list[str]]:
    """Candidate labels per column for a two-row header: parent+sub (户主 + 姓名 → 户主姓名),
    sub, parent."""
    out: list[list[str]] = []
    parent = ""
    for c in range(width):
        p = normalise_label(top[c] if c < len(top) else "")
        parent = p or parent
        s = normalise_label(sub[c] if c < len(sub) else "")
        if s and s != parent:
            out.append([parent + s, s, parent])
        else:
            out.append([s if s else parent])
    return out


def _score(cands: list[list[str]]) -> tuple[int, dict[str, int], list[str]]:
    mapping: dict[str, int] = {}
    chosen: list[str] = []
    for c, options in enumerate(cands):
        label = options[0] if options else ""
        for opt in options:
            field = match_label(opt)
            if field is not None and field not in mapping:
                mapping[field] = c
                label = opt
                break
        chosen.append(label)
    return len(mapping), mapping, chosen


def _is_number_row(row: list[Any]) -> bool:
    vals = [str(v).strip().removesuffix(".0") for v in row if str(v or "").strip()]
    return len(vals) >= 3 and all(v.isdigit() and int(v) <= len(row) + 1 for v in vals)


def find_header(rows: list[list[Any]], scan: int = 15) -> HeaderGuess | None:
    """The best header among the first ``scan`` rows (at least two fields, one of them a name
    or an ID number); None when no row looks like one."""
    best: tuple[int, HeaderGuess] | None = None
    limit = min(scan, len(rows))
    for r in range(limit):
        width = len(rows[r])
        options: list[tuple[int, int, list[list[str]]]] = [
            (r, 1, [[x] for x in _labels_single(rows[r])])
        ]
        if r + 1 < len(rows):
            options.append(
                (r + 1, 2, _labels_double(rows[r], rows[r + 1], max(width, len(rows[r + 1]))))
            )
        for last, count, cands in options:
            score, mapping, labels = _score(cands)
            if score < 2 or not ({"name", "id_number", "head_name", "head_id"} & set(mapping)):
                continue
            start = last + 1
            while start < len(rows) and _is_number_row(rows[start]):
                start += 1
            guess = HeaderGuess(last, count, tuple(labels), mapping, start)
            if best is None or score > best[0]:
                best = (score, guess)
    return best[1] if best else None
