"""Payment account checks (银行卡 / 存折 / 社保卡), the Luhn check, and demo card numbers.

Benefits are paid into the family's account through the 财政"一卡通" (DOMAIN §2.14, §7.3).
A wrong account number means a returned payment, so accounts are checked on entry:

* missing or non-digit → **error** (the roster cannot use it);
* bank card (and the financial account of a social-security card) not 16–19 digits → **error**;
* bank card failing the Luhn check → **warning** only: a few domestic cards and most passbook
  numbers do not carry a Luhn digit, so the clerk confirms instead of being blocked;
* passbook (存折) numbers vary by bank: digits only, 8–30 digits, no Luhn check.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ACCOUNT_KINDS",
    "AccountIssue",
    "account_problems",
    "check_account",
    "luhn_ok",
    "make_card_number",
    "normalize_account",
]

ACCOUNT_KINDS: dict[str, str] = {
    "bank_card": "银行卡",
    "bank_book": "存折",
    "social_security_card": "社保卡",
}

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class AccountIssue:
    """One problem with an account number; ``severity`` is "error" or "warning"."""

    code: str
    message: str
    severity: Severity


def normalize_account(number: str | None) -> str:
    """Full-width → ASCII, and drop spaces and hyphens people type between digit groups."""
    if not number:
        return ""
    text = unicodedata.normalize("NFKC", number)
    return "".join(ch for ch in text if not ch.isspace() and ch != "-")


def _luhn_sum(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def luhn_ok(number: str) -> bool:
    """True if ``number`` (ASCII digits, at least 2) passes the Luhn mod-10 check."""
    s = normalize_account(number)
    if len(s) < 2 or not (s.isascii() and s.isdigit()):
        return False
    return _luhn_sum(s) % 10 == 0


def check_account(number: str | None, kind: str) -> list[AccountIssue]:
    """All problems with an account number of the given kind (empty list = fine)."""
    if kind not in ACCOUNT_KINDS:
        raise ValueError(f"unknown account kind: {kind!r}")
    label = ACCOUNT_KINDS[kind]
    s = normalize_account(number)
    if not s:
        return [AccountIssue("account.missing", f"未填写{label}账号", "error")]
    if not (s.isascii() and s.isdigit()):
        return [AccountIssue("account.chars", f"{label}账号只能包含数字", "error")]
    issues: list[AccountIssue] = []
    if kind == "bank_book":
        if not 8 <= len(s) <= 30:
            issues.append(
                AccountIssue(
                    "account.length", f"存折账号位数异常：{len(s)} 位（应为 8–30 位）", "error"
                )
            )
        return issues
    if not 16 <= len(s) <= 19:
        issues.append(
            AccountIssue("account.length", f"{label}账号应为 16–19 位，实际为 {len(s)} 位", "error")
        )
    elif not luhn_ok(s):
        issues.append(AccountIssue("account.luhn", f"{label}账号校验未通过，请核对卡号", "warning"))
    return issues


def account_problems(number: str | None, kind: str) -> list[str]:
    """The messages of :func:`check_account` (errors and warnings together)."""
    return [issue.message for issue in check_account(number, kind)]


def make_card_number(prefix: str, length: int, seed_digits: str) -> str:
    """A Luhn-valid number of ``length`` digits: prefix + seed (cut or zero-padded) + check digit.

    For demo data and tests only.
    """
    body = prefix + seed_digits
    if not (body.isascii() and body.isdigit()):
        raise ValueError("prefix and seed_digits must be ASCII digits")
    if length < 2 or len(prefix) >= length:
        raise ValueError("length must exceed the prefix length")
    body = body[: length - 1].ljust(length - 1, "0")
    check = (10 - _luhn_sum(body + "0") % 10) % 10
    return body + str(check)
