"""Pinyin search keys for names (姓名拼音检索).

Staff search people by typing pinyin: the full syllables ("zhangsan") or the initials ("zs").
Surnames are often polyphonic and read differently from the everyday character (曾 zēng, not
céng; 单 shàn, not dān), so the surname gets **every** reading: the surname reading(s) from
``_SURNAMES`` first, then all heteronyms pypinyin knows for the first character. Compound
surnames (复姓 such as 尉迟 yùchí, 万俟 mòqí) get their own readings as well. Given names use the
most common reading of each character.

Keys are lowercase ASCII, tones dropped, ü written "v" (as typed on a pinyin keyboard).
Readings are cached per character, so indexing 100k names costs one pypinyin lookup per
distinct character.
"""

from __future__ import annotations

import os
import unicodedata
from functools import cache

# Readings are looked up one character at a time, which never uses pypinyin's phrase
# dictionary: not loading it saves ~40 MB in every process (read at pypinyin's import).
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")

from pypinyin import Style, lazy_pinyin, pinyin

__all__ = ["normalize_query", "search_keys"]

# Surname readings, the surname reading first (single-character surnames).
_SURNAMES: dict[str, tuple[str, ...]] = {
    "曾": ("zeng", "ceng"),
    "单": ("shan", "dan", "chan"),
    "解": ("xie", "jie"),
    "区": ("ou", "qu"),
    "仇": ("qiu", "chou"),
    "查": ("zha", "cha"),
    "朴": ("piao", "pu"),
    "盖": ("ge", "gai"),
    "乐": ("yue", "le"),
    "缪": ("miao", "mou"),
    "覃": ("qin", "tan"),
    "尉": ("wei", "yu"),
    "翟": ("zhai", "di"),
    "召": ("shao", "zhao"),
    "种": ("chong", "zhong"),
    "秘": ("bi", "mi"),
    "繁": ("po", "fan"),
    "员": ("yun", "yuan"),
    "句": ("gou", "ju"),
    "黑": ("he", "hei"),
    "宓": ("mi", "fu"),
    "褚": ("chu", "zhu"),
    "柏": ("bai", "bo"),
    "隗": ("wei", "kui"),
    "蕃": ("pi", "fan"),
    "长": ("chang", "zhang"),
    "重": ("chong", "zhong"),
    "洗": ("xian", "xi"),
    "能": ("nai", "neng"),
    "都": ("du", "dou"),
    "郇": ("huan", "xun"),
    "万": ("wan", "mo"),
    "贲": ("ben", "bi"),
    "佴": ("nai", "er"),
    "殷": ("yin", "yan"),
    "折": ("she", "zhe"),
    "澄": ("cheng", "deng"),
    "车": ("che", "ju"),
    "舍": ("she",),
    "藏": ("zang", "cang"),
    "射": ("she", "ye"),
}

# Compound surnames (复姓) whose reading differs from the characters' everyday readings.
_COMPOUND_SURNAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "尉迟": (("yu", "chi"),),
    "万俟": (("mo", "qi"),),
    "单于": (("chan", "yu"),),
    "长孙": (("zhang", "sun"),),
    "澹台": (("tan", "tai"),),
    "乐正": (("yue", "zheng"),),
    "令狐": (("ling", "hu"),),
    "亓官": (("qi", "guan"),),
    "于单": (("yu", "chan"),),
    "召公": (("shao", "gong"),),
}

_SEPARATORS = frozenset(" \t\r\n'’‘·•・.-_,，、")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@cache
def _all_readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading pypinyin knows for a character (empty if not a hanzi)."""
    rows = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    if not rows:
        return ()
    return tuple(dict.fromkeys(r for r in rows[0] if r and r.isascii() and r.isalpha()))


@cache
def _common_reading(ch: str) -> str | None:
    """The most common toneless reading of a character, or None if it is not a hanzi."""
    rows = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    if rows and rows[0].isascii() and rows[0].isalpha():
        return rows[0]
    return None


def _surname_options(ch: str) -> tuple[str, ...]:
    table = _SURNAMES.get(ch, ())
    return tuple(dict.fromkeys(table + _all_readings(ch)))


def _tokenize(name: str) -> list[str]:
    """Split into hanzi characters and runs of ASCII letters/digits; drop separators."""
    text = unicodedata.normalize("NFKC", name).lower()
    tokens: list[str] = []
    run = ""
    for ch in text:
        if _is_ascii_alnum(ch):
            run += ch
            continue
        if run:
            tokens.append(run)
            run = ""
        if ch in _SEPARATORS or ch.isspace():
            continue
        tokens.append(ch)
    if run:
        tokens.append(run)
    return tokens


def _syllables_for_rest(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        if _is_ascii_alnum(tok[0]):
            out.append(tok)
        else:
            reading = _common_reading(tok)
            if reading:
                out.append(reading)
    return out


def search_keys(name: str) -> list[str]:
    """Lowercase search keys for a name: full pinyin and initials, for every surname reading.

    ``search_keys("张三") == ["zhangsan", "zs"]``; ``search_keys("曾小明")`` contains
    "zengxiaoming", "zxm", "cengxiaoming" and "cxm". Order: the likeliest reading first, full
    pinyin before its initials; no duplicates.
    """
    tokens = _tokenize(name)
    if not tokens:
        return []
    # Each option is (surname syllables, number of tokens the surname consumed).
    options: list[tuple[tuple[str, ...], int]] = []
    if len(tokens) >= 2:
        compound = _COMPOUND_SURNAMES.get(tokens[0] + tokens[1], ())
        options.extend((syl, 2) for syl in compound)
    first = tokens[0]
    if _is_ascii_alnum(first[0]):
        options.append(((first,), 1))
    else:
        readings = _surname_options(first)
        if readings:
            options.extend(((r,), 1) for r in readings)
        else:
            options.append(((), 1))
    keys: dict[str, None] = {}
    rest_cache: dict[int, list[str]] = {}
    for surname, used in options:
        if used not in rest_cache:
            rest_cache[used] = _syllables_for_rest(tokens[used:])
        syllables = [*surname, *rest_cache[used]]
        if not syllables:
            continue
        keys["".join(syllables)] = None
        keys["".join(s[0] for s in syllables)] = None
    return list(keys)


def normalize_query(q: str) -> str:
    """Normalise typed search text: NFKC, lowercase, no spaces/apostrophes/dots, ü → v.

    Hanzi and digits are kept as they are, so the same query can match names, pinyin keys and ID
    fragments (callers upper-case it when matching ID numbers, whose check character is "X").
    """
    text = unicodedata.normalize("NFKC", q).lower()
    text = text.replace("u:", "v").replace("ü", "v")
    return "".join(ch for ch in text if ch not in _SEPARATORS and not ch.isspace())


def sort_key(text: str) -> str:
    """A key that sorts Chinese names in pinyin order (寺上村 after 大王庄), as a clerk expects
    from a list of villages; non-hanzi characters keep their place, lower-cased."""
    return " ".join(_common_reading(ch) or ch.lower() for ch in text)
