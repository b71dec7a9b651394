"""Enrollment change codes (增发/减发/停发/恢复/渐退/终止/定期核查/调标): the one vocabulary.

The stored value of ``enrollment_change.kind`` is the English code; the Chinese label is for
screens, rosters and printouts. Every writer stores the code. Rows written with a Chinese kind
(the roster calculator used to accept both spellings) are normalised when read
(:func:`change_code`), so no migration rewrites stored data.
"""

from __future__ import annotations

__all__ = ["AMOUNT_CODES", "CHANGE_LABELS", "LEGACY_CODES", "change_code", "change_label"]

CHANGE_LABELS: dict[str, str] = {
    "increase": "增发",
    "decrease": "减发",
    "suspend": "停发",
    "resume": "恢复发放",
    "phase_out": "渐退",
    "terminate": "终止",
    "recheck": "定期核查",
    "restandard": "调标",
}
#: Chinese spellings that older rows may hold -> the code.
LEGACY_CODES: dict[str, str] = {
    "增发": "increase",
    "减发": "decrease",
    "停发": "suspend",
    "恢复": "resume",
    "恢复发放": "resume",
    "渐退": "phase_out",
    "终止": "terminate",
    "定期核查": "recheck",
    "调标": "restandard",
}
#: Changes that set a new decided amount.
AMOUNT_CODES = frozenset({"increase", "decrease", "restandard"})


def change_code(kind: str) -> str:
    """The code of a stored kind (a legacy Chinese spelling becomes its code)."""
    return LEGACY_CODES.get(kind, kind)


def change_label(kind: str) -> str:
    """The Chinese label of a code (or of a legacy spelling); unknown kinds are shown as is."""
    return CHANGE_LABELS.get(change_code(kind), kind)
