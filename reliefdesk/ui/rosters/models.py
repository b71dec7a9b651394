"""Table models of the roster page: the roster lines (paged from ``roster.list_lines`` off the
GUI thread, filtered in SQL), the validation problems (warnings checkable for acknowledgement)
and the roster history. No model sorts or filters in Python."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from reliefdesk.domain.masking import mask_account, mask_id
from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.services.roster import ExportRecord, LineView, Problem, RosterView
from reliefdesk.ui.table_model import (
    ALIGN_CENTER,
    ALIGN_RIGHT,
    Column,
    Index,
    PagedTableModel,
    RecordTableModel,
)

from . import labels as lbl

_RIGHT = ALIGN_RIGHT
_CENTER = ALIGN_CENTER


def yuan(fen: int | None) -> str:
    return fen_to_yuan(fen) if fen is not None else ""


def signed_yuan(fen: int) -> str:
    if not fen:
        return ""
    return ("+" if fen > 0 else "") + fen_to_yuan(fen)


# -- lines ------------------------------------------------------------------------------------
Fetch = Callable[[int, int], Sequence[LineView]]


class LinesModel(PagedTableModel):
    """The lines of one roster, ``page_size`` at a time, through ``fetch(offset, limit)``
    run in a ``QueryOp``. ``reload()`` starts over (new roster or filter); views call
    ``fetchMore`` as the user scrolls. ``loaded`` fires after each page."""

    def __init__(
        self, widget: QWidget | None = None, page_size: int = 500, parent: Any = None
    ) -> None:
        super().__init__([], None, page_size=page_size, widget=widget, parent=parent)
        self.columns = self._line_columns()

    def _line_columns(self) -> list[Column]:
        """The lines table's columns (``self`` gives the translation context)."""
        flags = lbl.flag_labels()
        programmes = lbl.programme_labels()
        banks = lbl.bank_status_labels()

        def flag_color(ln: LineView) -> QColor | None:
            return lbl.FLAG_COLORS.get(ln.change_flag)

        def bank_color(ln: LineView) -> QColor | None:
            return {"failed": lbl.ERROR_COLOR, "paid": lbl.OK_COLOR}.get(ln.bank_status)

        return [
            Column(self.tr("No."), lambda ln: str(ln.line_no), align=_RIGHT, width=44),
            Column(self.tr("Village"), lambda ln: ln.village, width=84),
            Column(self.tr("Payee"), lambda ln: ln.payee_name, width=64),
            Column(self.tr("ID number"), lambda ln: mask_id(ln.payee_id_number), width=152),
            Column(
                self.tr("Programme"),
                lambda ln: ln.category or lbl.label(programmes, ln.programme),
                width=124,
                tooltip=lambda ln: ln.category,
            ),
            Column(self.tr("Persons"), lambda ln: str(ln.persons), align=_RIGHT, width=40),
            Column(self.tr("Standard"), lambda ln: yuan(ln.standard_fen), align=_RIGHT, width=64),
            Column(
                self.tr("Income per person"),
                lambda ln: yuan(ln.per_capita_income_fen),
                align=_RIGHT,
                width=78,
            ),
            Column(self.tr("Due"), lambda ln: yuan(ln.due_fen), align=_RIGHT, width=72),
            Column(
                self.tr("Adjustment"),
                lambda ln: signed_yuan(ln.adjustment_fen),
                align=_RIGHT,
                tooltip=lambda ln: ln.adjustment_reason,
                width=62,
            ),
            Column(self.tr("Paid"), lambda ln: yuan(ln.paid_fen), align=_RIGHT, width=72),
            Column(self.tr("Account"), lambda ln: mask_account(ln.account), width=120),
            Column(
                self.tr("Change"),
                lambda ln: lbl.label(flags, ln.change_flag),
                color=flag_color,
                align=_CENTER,
                width=46,
            ),
            Column(
                self.tr("Reason"),
                lambda ln: ln.change_reason,
                tooltip=lambda ln: ln.change_reason,
                width=130,
            ),
            Column(
                self.tr("Bank return"),
                lambda ln: "" if ln.bank_status == "pending" else lbl.label(banks, ln.bank_status),
                color=bank_color,
                tooltip=lambda ln: ln.bank_reason,
                width=60,
            ),
        ]

    def set_fetch(self, fetch: Fetch | None) -> None:
        """Show the lines ``fetch`` returns (None: nothing); loads the first page."""
        super().set_fetch(fetch)
        self.reload()

    def row_of_line(self, line_no: int) -> int:
        """Row of line ``line_no`` among the loaded rows, or -1."""
        return self.row_where(lambda ln: ln.line_no == line_no)

    def load_until(self, line_no: int, then: Callable[[int], None]) -> None:
        """Make sure line ``line_no`` is loaded (fetching the pages up to it in one go if it
        is further down), then call ``then(row)`` (row -1 if it is not in this view)."""
        want = line_no - len(self._rows) + self.page_size
        self.load_where(lambda ln: ln.line_no == line_no, then, want=want)


# -- problems ---------------------------------------------------------------------------------
class ProblemsModel(RecordTableModel):
    """Validation problems; an unacknowledged warning has a check box in the first column
    (the warnings to acknowledge); errors and acknowledged warnings do not."""

    checksChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self._checked: set[tuple[int, str]] = set()
        sev = lbl.severity_labels()

        def sev_color(p: Problem) -> QColor:
            return lbl.ERROR_COLOR if p.severity == "error" else lbl.WARNING_COLOR

        def ack_text(p: Problem) -> str:
            if p.severity != "warning":
                return self.tr("Must be corrected")
            if p.acknowledged_by:
                return self.tr("Confirmed by {user}").format(user=p.acknowledged_by)
            return self.tr("Not confirmed")

        columns = [
            Column(
                self.tr("Line"),
                lambda p: str(p.line_no) if p.line_no else self.tr("Whole roster"),
                align=_RIGHT,
                width=80,
            ),
            Column(
                self.tr("Severity"), lambda p: lbl.label(sev, p.severity), color=sev_color, width=60
            ),
            Column(
                self.tr("Problem"),
                lambda p: p.message_zh,
                tooltip=lambda p: p.message_zh,
                width=520,
            ),
            Column(self.tr("Confirmation"), ack_text, width=120),
        ]
        self.columns = columns

    def set_rows(self, rows: Sequence[Any]) -> None:
        keep = {p.key for p in rows if self.checkable(p)}
        self._checked &= keep
        super().set_rows(rows)
        self.checksChanged.emit()

    @staticmethod
    def checkable(p: Problem) -> bool:
        return p.severity == "warning" and not p.acknowledged_by

    def checked(self) -> list[Problem]:
        return [p for p in self._rows if p.key in self._checked]

    def set_all_checked(self, on: bool) -> None:
        self._checked = {p.key for p in self._rows if self.checkable(p)} if on else set()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checksChanged.emit()

    def counts(self) -> tuple[int, int, int]:
        """(errors, warnings, warnings not yet confirmed)."""
        errors = sum(1 for p in self._rows if p.severity == "error")
        warnings = len(self._rows) - errors
        return errors, warnings, sum(1 for p in self._rows if self.checkable(p))

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if (
            index.isValid()
            and index.column() == 0
            and index.row() < len(self._rows)
            and self.checkable(self._rows[index.row()])
        ):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            if not self.checkable(p):
                return None
            return Qt.CheckState.Checked if p.key in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if p.severity == "error"
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return QApplication.style().standardIcon(icon)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != 0
            or index.row() >= len(self._rows)
        ):
            return False
        p = self._rows[index.row()]
        if not self.checkable(p):
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(p.key)
        else:
            self._checked.discard(p.key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checksChanged.emit()
        return True


# -- history ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class HistoryRow:
    """A roster with the exports made of it."""

    roster: RosterView
    exports: tuple[ExportRecord, ...]


class HistoryModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self.townships: dict[int | None, str] = {}  # township names (set_townships)
        programmes, statuses = lbl.programme_labels(), lbl.status_labels()
        kinds = lbl.export_kind_labels()

        def status_color(h: HistoryRow) -> QColor | None:
            return lbl.OK_COLOR if h.roster.locked else None

        def locked_text(h: HistoryRow) -> str:
            r = h.roster
            if r.locked_at is None:
                return ""
            return f"{r.locked_by} {r.locked_at:%Y-%m-%d %H:%M}"

        def exports_text(h: HistoryRow) -> str:
            if not h.exports:
                return ""
            last = h.exports[-1]
            return self.tr("{n} files, last {user} {at}").format(
                n=len(h.exports), user=last.username, at=f"{last.at:%Y-%m-%d %H:%M}"
            )

        def exports_tip(h: HistoryRow) -> str:
            return "\n".join(
                f"{e.at:%Y-%m-%d %H:%M} {e.username} {lbl.label(kinds, e.kind)}：{e.file_name}"
                for e in h.exports
            )

        def unlock_tip(h: HistoryRow) -> str:
            return "\n".join(
                self.tr("Unlocked by {by} at {at}: {reason}").format(
                    by=u.get("by", ""), at=u.get("at", ""), reason=u.get("reason", "")
                )
                for u in h.roster.unlock_history
            )

        def reviewed_text(h: HistoryRow) -> str:
            r = h.roster
            if r.county_reviewed_at is None:
                return ""
            return f"{r.county_reviewed_by} {r.county_reviewed_at:%Y-%m-%d %H:%M}"

        columns = [
            Column(self.tr("Month"), lambda h: h.roster.month_text, width=70),
            Column(
                self.tr("Programme"), lambda h: lbl.label(programmes, h.roster.programme), width=90
            ),
            Column(
                self.tr("Kind"), lambda h: lbl.kind_label(h.roster.kind, h.roster.seq_no), width=70
            ),
            Column(
                self.tr("Status"),
                lambda h: lbl.label(statuses, h.roster.status),
                color=status_color,
                tooltip=unlock_tip,
                width=60,
            ),
            Column(
                self.tr("Hash"),
                lambda h: (h.roster.lines_sha256 or "")[:12],
                tooltip=lambda h: h.roster.lines_sha256 or "",
                width=100,
            ),
            Column(
                self.tr("Households"), lambda h: str(h.roster.households), align=_RIGHT, width=60
            ),
            Column(self.tr("Persons"), lambda h: str(h.roster.persons), align=_RIGHT, width=60),
            Column(self.tr("Amount"), lambda h: yuan(h.roster.amount_fen), align=_RIGHT, width=100),
            Column(
                self.tr("Generated"),
                lambda h: f"{h.roster.generated_by} {h.roster.generated_at:%Y-%m-%d %H:%M}",
                width=150,
            ),
            Column(self.tr("Locked"), locked_text, width=176),
            Column(self.tr("Exports"), exports_text, tooltip=exports_tip, width=200),
            Column(
                self.tr("Township"),
                lambda h: self.townships.get(h.roster.township_id, ""),
                width=100,
            ),
            Column(self.tr("County review"), reviewed_text, width=150),
        ]
        self.columns = columns

    def set_townships(self, names: dict[int | None, str]) -> None:
        """The township names the Township column shows (by township id; None: the county)."""
        self.townships = dict(names)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
