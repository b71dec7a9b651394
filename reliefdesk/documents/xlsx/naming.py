"""File names for exported workbooks, safe on Windows and telling the batch at a glance."""

from __future__ import annotations

import re

from reliefdesk.errors import ValidationError

__all__ = ["EXPORT_KINDS", "export_file_name"]

#: Codes callers may pass as ``kind``; any other text is used as given (after cleaning).
EXPORT_KINDS = {"bank": "银行代发", "roster": "发放花名册", "summary": "汇总表"}

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_HEX = re.compile(r"[0-9a-fA-F]{8,}")
_MAX_PART = 40


def _clean(part: str) -> str:
    text = _UNSAFE.sub("-", part.strip()).strip("-. ")
    return text[:_MAX_PART]


def export_file_name(
    township: str, programme_label: str, month: str, roster_hash: str, kind: str
) -> str:
    """E.g. "寄料镇_农村低保_2026-11_银行代发_3fa9c1d2.xlsx" (first 8 hex digits of the hash).

    Characters Windows forbids (\\ / : * ? " < > |), control characters and whitespace become "-".
    """
    if not _MONTH.fullmatch(month):
        raise ValidationError(
            f"所属期“{month}”格式不正确，应为 YYYY-MM", code="export_name.month", field="month"
        )
    if not _HEX.fullmatch(roster_hash):
        raise ValidationError(
            "花名册哈希值应为至少 8 位十六进制数字", code="export_name.hash", field="roster_hash"
        )
    parts = [
        _clean(township),
        _clean(programme_label),
        month,
        _clean(EXPORT_KINDS.get(kind, kind)),
        roster_hash[:8].lower(),
    ]
    for value, name in ((parts[0], "乡镇"), (parts[1], "项目名称"), (parts[3], "文件类型")):
        if not value:
            raise ValidationError(f"文件名中的{name}为空", code="export_name.part")
    return "_".join(parts) + ".xlsx"
