"""Masking of personal data for 公示 and internal screens (DOMAIN §10.3).

ID: keep the first 6 and last 4 characters; phone: first 3 and last 4; bank account: last 4
only; name: first and last character (张*明, 张*). These are general practice, not national
rules; the 公示 layer decides which fields appear at all (ID and account never do).
"""

from __future__ import annotations

__all__ = ["mask_account", "mask_id", "mask_name", "mask_phone"]

_NAME_SEPARATORS = frozenset("·•・. ")


def mask_id(number: str | None) -> str:
    """``410482195803010022`` → ``410482********0022`` (first 6 and last 4 kept).

    Anything shorter than 11 characters keeps only its last 4 (or is fully masked if ≤ 4).
    """
    if not number:
        return ""
    s = "".join(number.split())
    if len(s) >= 11:
        return s[:6] + "*" * (len(s) - 10) + s[-4:]
    if len(s) > 4:
        return "*" * (len(s) - 4) + s[-4:]
    return "*" * len(s)


def mask_phone(phone: str | None) -> str:
    """``13812341234`` → ``138****1234``; other lengths keep the first 3 and last 4 when ≥ 8."""
    if not phone:
        return ""
    s = "".join(phone.split())
    if len(s) >= 8:
        return s[:3] + "*" * (len(s) - 7) + s[-4:]
    if len(s) > 4:
        return "*" * (len(s) - 4) + s[-4:]
    return "*" * len(s)


def mask_account(number: str | None) -> str:
    """Any bank card/passbook/social-security account → ``**** **** 1234`` (last 4 only)."""
    if not number:
        return ""
    s = "".join(number.split())
    if len(s) <= 4:
        return "*" * len(s)
    return "**** **** " + s[-4:]


def mask_name(name: str | None) -> str:
    """``张三明`` → ``张*明``, ``张三`` → ``张*``, ``欧阳娜娜`` → ``欧**娜``.

    Separators in minority names (·) are kept; a one-character name is masked entirely.
    """
    if not name:
        return ""
    s = name.strip()
    if len(s) == 1:
        return "*"
    if len(s) == 2:
        return s[0] + "*"
    middle = "".join(ch if ch in _NAME_SEPARATORS else "*" for ch in s[1:-1])
    return s[0] + middle + s[-1]
