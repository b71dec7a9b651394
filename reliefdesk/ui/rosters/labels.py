"""Display texts for the roster codes the services return (programme, kind, status, change
flag, bank status, problem severity), all through Qt's translator, and the flag colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from reliefdesk.ui.labels import programme_labels as shared_programme_labels

#: Programme codes offered by the picker, in order ("all" = every monthly programme;
#: "temporary_aid" = the month's 临时救助发放名册 of one-off grants).
PROGRAMME_CODES = ("all", "urban_dibao", "rural_dibao", "tekun", "temporary_aid")

#: Change flags as the services store them (Chinese codes), in display order.
FLAGS = ("新增", "存量", "停发", "调增", "调减", "补发", "扣减", "不变")

FLAG_COLORS: dict[str, QColor] = {
    "新增": QColor("#1b7f3b"),
    "存量": QColor("#2e7d7d"),
    "停发": QColor("#c62828"),
    "调增": QColor("#1f5fa8"),
    "调减": QColor("#b26a00"),
    "补发": QColor("#6a3fa0"),
    "扣减": QColor("#8d4e00"),
}
ERROR_COLOR = QColor("#c62828")
WARNING_COLOR = QColor("#b26a00")
OK_COLOR = QColor("#1b7f3b")


def programme_labels() -> dict[str, str]:
    """The roster's programme choices: all, one monthly programme, or the temporary-aid
    payment list (one-off grants)."""
    shared = shared_programme_labels()
    return {
        "all": QCoreApplication.translate("RosterLabels", "All programmes"),
        **{k: shared[k] for k in ("urban_dibao", "rural_dibao", "tekun")},
        "temporary_aid": QCoreApplication.translate("RosterLabels", "Temporary aid (one-off list)"),
    }


def flag_labels() -> dict[str, str]:
    return {
        "新增": QCoreApplication.translate("RosterLabels", "New"),
        # 存量: paid before reliefdesk, brought in by an import (issue 12)
        "存量": QCoreApplication.translate("RosterLabels", "Existing (imported)"),
        "停发": QCoreApplication.translate("RosterLabels", "Stopped"),
        "调增": QCoreApplication.translate("RosterLabels", "Increased"),
        "调减": QCoreApplication.translate("RosterLabels", "Decreased"),
        "补发": QCoreApplication.translate("RosterLabels", "Back pay"),
        "扣减": QCoreApplication.translate("RosterLabels", "Deduction"),
        "不变": QCoreApplication.translate("RosterLabels", "Unchanged"),
    }


def status_labels() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("RosterLabels", "Draft"),
        "locked": QCoreApplication.translate("RosterLabels", "Locked"),
    }


def bank_status_labels() -> dict[str, str]:
    return {
        "pending": QCoreApplication.translate("RosterLabels", "Not returned"),
        "paid": QCoreApplication.translate("RosterLabels", "Paid"),
        "failed": QCoreApplication.translate("RosterLabels", "Failed"),
    }


def severity_labels() -> dict[str, str]:
    return {
        "error": QCoreApplication.translate("RosterLabels", "Error"),
        "warning": QCoreApplication.translate("RosterLabels", "Warning"),
    }


def export_kind_labels() -> dict[str, str]:
    return {
        "bank": QCoreApplication.translate("RosterLabels", "Bank file"),
        "roster": QCoreApplication.translate("RosterLabels", "Roster"),
        "summary": QCoreApplication.translate("RosterLabels", "Summary"),
    }


def kind_label(kind: str, seq_no: int) -> str:
    if kind == "supplementary":
        return QCoreApplication.translate("RosterLabels", "Supplementary #{n}").format(n=seq_no)
    if kind == "one_off":
        return QCoreApplication.translate("RosterLabels", "One-off #{n}").format(n=seq_no)
    return QCoreApplication.translate("RosterLabels", "Regular")


def label(table: dict[str, str], code: str | None) -> str:
    """``table[code]``, or the code itself for a value the table does not know."""
    if code is None:
        return ""
    return table.get(code, code)
