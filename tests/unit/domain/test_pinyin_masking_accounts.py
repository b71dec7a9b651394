"""Tests for pinyin search keys, masking and payment-account checks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliefdesk.domain.accounts import (
    account_problems,
    check_account,
    luhn_ok,
    make_card_number,
)
from reliefdesk.domain.masking import mask_account, mask_id, mask_name, mask_phone
from reliefdesk.domain.pinyin import normalize_query, search_keys


def test_plain_name_keys() -> None:
    """张三 gives full pinyin and initials, lowercase, full first."""
    assert search_keys("张三") == ["zhangsan", "zs"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("曾小明", ["zengxiaoming", "cengxiaoming", "zxm", "cxm"]),
        ("单田芳", ["shantianfang", "dantianfang", "stf", "dtf"]),
        ("解放", ["xiefang", "jiefang"]),
        ("区家麟", ["oujialin", "qujialin"]),
        ("仇伟", ["qiuwei", "chouwei"]),
        ("查良镛", ["zhaliangyong", "chaliangyong"]),
        ("朴正", ["piaozheng", "puzheng"]),
        ("盖伟", ["gewei", "gaiwei"]),
        ("乐平", ["yueping", "leping"]),
        ("缪东", ["miaodong", "moudong"]),
        ("覃华", ["qinhua", "tanhua"]),
        ("尉迟恭", ["yuchigong", "weichigong", "ycg"]),
        ("万俟卨", ["moqixie", "wanqixie"]),
    ],
)
def test_polyphonic_surnames_get_every_reading(name: str, expected: list[str]) -> None:
    """Each reading of a polyphonic (or compound) surname yields its own keys."""
    keys = search_keys(name)
    for key in expected:
        assert key in keys
    assert keys[0] == expected[0]  # the surname reading comes first


def test_lv_and_mixed_names() -> None:
    """ü is written v; ASCII letters are kept; separators in minority names are dropped."""
    assert search_keys("吕布")[0] == "lvbu"
    assert "ajuan" in search_keys("A娟")
    assert search_keys("阿卜杜·热合曼")[0].startswith("a")
    assert search_keys("") == []
    assert search_keys("·") == []


@given(st.text(alphabet="张王李赵曾单解区仇查朴盖乐缪覃尉迟秀英建国·A1 ", max_size=6))
def test_keys_are_lowercase_ascii(name: str) -> None:
    """All keys are non-empty lowercase ASCII letters/digits, without duplicates."""
    keys = search_keys(name)
    assert len(keys) == len(set(keys))
    for key in keys:
        assert key and key.isascii() and key.isalnum() and key == key.lower()


def test_normalize_query() -> None:
    """Queries are lowercased, spaces/apostrophes removed, ü → v, hanzi kept."""
    assert normalize_query(" Zhang San ") == "zhangsan"
    assert normalize_query("lü") == "lv"
    assert normalize_query("xi'an") == "xian"
    assert normalize_query("张 三") == "张三"
    assert normalize_query("ＺＳ") == "zs"


def test_masks() -> None:
    """§10.3 patterns: ID first 6/last 4, phone 3/4, account last 4, name first/last."""
    assert mask_id("410482195803010022") == "410482********0022"
    assert mask_phone("13812341234") == "138****1234"
    assert mask_account("6228480012345671234") == "**** **** 1234"
    assert mask_name("张三明") == "张*明"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧**娜"
    assert mask_name("张") == "*"
    assert mask_id(None) == mask_phone("") == mask_account(None) == mask_name("") == ""
    assert mask_id("1234") == "****"


@given(st.text(alphabet="0123456789X", min_size=11, max_size=20))
def test_mask_id_never_shows_birth_date(number: str) -> None:
    """A masked ID keeps its length and shows only the first 6 and last 4 characters."""
    masked = mask_id(number)
    assert len(masked) == len(number)
    assert masked[:6] == number[:6] and masked[-4:] == number[-4:]
    assert set(masked[6:-4]) == {"*"}


def test_luhn() -> None:
    """The Luhn check accepts known-good numbers and rejects a changed digit or non-digits."""
    assert luhn_ok("79927398713")
    assert luhn_ok("4111 1111 1111 1111")
    assert not luhn_ok("4111111111111112")
    assert not luhn_ok("abc")
    assert not luhn_ok("0")


@given(st.text(alphabet="0123456789", min_size=1, max_size=12), st.integers(16, 19))
def test_make_card_number_is_luhn_valid(seed: str, length: int) -> None:
    """Demo card numbers have the asked length, prefix and a valid Luhn digit."""
    number = make_card_number("622848", length, seed)
    assert len(number) == length and number.startswith("622848")
    assert luhn_ok(number)
    assert check_account(number, "bank_card") == []


def test_account_errors_and_warnings() -> None:
    """Missing/non-digit/wrong-length accounts are errors; a Luhn failure is only a warning."""
    assert [i.code for i in check_account(None, "bank_card")] == ["account.missing"]
    assert [i.code for i in check_account("6228abc", "bank_book")] == ["account.chars"]
    short = check_account("622848001", "social_security_card")
    assert [(i.code, i.severity) for i in short] == [("account.length", "error")]
    luhn = check_account("4111111111111112", "bank_card")
    assert [(i.code, i.severity) for i in luhn] == [("account.luhn", "warning")]
    assert check_account("12345678901", "bank_book") == []  # passbooks: no Luhn check
    assert check_account("6228 4800 1234 5678 ", "bank_card")[0].code == "account.luhn"
    assert account_problems("", "bank_card") == ["未填写银行卡账号"]
    with pytest.raises(ValueError):
        check_account("1", "cash")
