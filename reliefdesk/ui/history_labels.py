"""操作历史 in words: what an audit event did and to what, for the household page's history
(and any other list of audit events a clerk reads). Every action code gets a label; an unknown
one reads "其他操作", never the code itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reliefdesk.ui.labels.admin import audit_actions as admin_actions
from reliefdesk.ui.labels.casework import action_labels
from reliefdesk.ui.labels.register import audit_actions as household_actions


def entity_labels() -> dict[str, str]:
    return {
        "household": QCoreApplication.translate("HistoryLabels", "Household"),
        "person": QCoreApplication.translate("HistoryLabels", "Member"),
        "income_item": QCoreApplication.translate("HistoryLabels", "Income item"),
        "asset": QCoreApplication.translate("HistoryLabels", "Asset"),
        "bank_account": QCoreApplication.translate("HistoryLabels", "Payment account"),
        "application": QCoreApplication.translate("HistoryLabels", "Application"),
        "visit": QCoreApplication.translate("HistoryLabels", "Home visit"),
        "enrollment": QCoreApplication.translate("HistoryLabels", "Enrollment"),
        "roster": QCoreApplication.translate("HistoryLabels", "Payment roster"),
        "roster_adjustment": QCoreApplication.translate("HistoryLabels", "Roster adjustment"),
        "user": QCoreApplication.translate("HistoryLabels", "User"),
        "export": QCoreApplication.translate("HistoryLabels", "Export"),
    }


def action_text(action: str) -> str:
    """ "application.submit_prelim" → 提交初审意见; an unknown code → 其他操作."""
    table = {**admin_actions(), **household_actions()}
    if action in table:
        return table[action]
    _entity, _dot, step = action.partition(".")
    steps = action_labels()
    if step in steps:
        return steps[step]
    return QCoreApplication.translate("HistoryLabels", "Other change")


def object_text(entity: str, detail: dict[str, Any]) -> str:
    """The kind of record, with its name or file number when the event recorded one."""
    kind = entity_labels().get(entity, QCoreApplication.translate("HistoryLabels", "Record"))
    for key in ("name", "file_no", "file", "title"):
        value = detail.get(key)
        if isinstance(value, str) and value.strip():
            return f"{kind}：{value.strip()}"
    return kind
