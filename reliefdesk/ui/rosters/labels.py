"""Display texts for the roster codes the services return (programme, kind, status, change
flag, bank status, problem severity), all through Qt's translator, and the flag colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor


def _t(text: str) -> str:
    return QCoreApplication.translate("RosterLabels", text)


#: Programme codes offered by the picker, in order ("all" = every monthly programme).
PROGRAMME_CODES = ("all", "urban_dibao", "rural_dibao", "tekun")

#: Change flags as the services store them (Chinese codes), in display order.
FLAGS = ("新增", "停发", "调增", "调减", "补发", "扣减", "不变")

FLAG_COLORS: dict[str, QColor] = {
    "新增": QColor("#1b7f3b"), "停发": QColor("#c62828"), "调增": QColor("#1f5fa8"),
    "调减": QColor("#b26a00"), "补发": QColor("#6a3fa0"), "扣减": QColor("#8d4e00"),
}
ERROR_COLOR = QColor("#c62828")
WARNING_COLOR = QColor("#b26a00")
OK_COLOR = QColor("#1b7f3b")


def programme_labels() -> dict[str, str]:
    return {"all": _t("All programmes"), "urban_dibao": _t("Urban dibao"),
            "rural_dibao": _t("Rural dibao"), "tekun": _t("Tekun support")}


def flag_labels() -> dict[str, str]:
    return {"新增": _t("New"), "停发": _t("Stopped"), "调增": _t("Increased"),
            "调减": _t("Decreased"), "补发": _t("Back pay"), "扣减": _t("Deduction"),
            "不变": _t("Unchanged")}


def status_labels() -> dict[str, str]:
    return {"draft": _t("Draft"), "locked": _t("Locked")}


def bank_status_labels() -> dict[str, str]:
    return {"pending": _t("Not returned"), "paid": _t("Paid"), "failed": _t("Failed")}


def severity_labels() -> dict[str, str]:
    return {"error": _t("Error"), "warning": _t("Warning")}


def export_kind_labels() -> dict[str, str]:
    return {"bank": _t("Bank file"), "roster": _t("Roster"), "summary": _t("Summary")}


def kind_label(kind: str, seq_no: int) -> str:
    if kind == "supplementary":
        return _t("Supplementary #{n}").format(n=seq_no)
    return _t("Regular")


def label(table: dict[str, str], code: str | None) -> str:
    """``table[code]``, or the code itself for a value the table does not know."""
    if code is None:
        return ""
    return table.get(code, code)
