"""Fixing a roster from the roster itself (issue 9): a double-click on a problem opens the
place that fixes it — the payee and account dialog, the member (household page), the
enrollment (its household screen) — and saving the account dialog regenerates the draft so
the fix shows at once. Also 放弃草稿 (discard a draft roster, with a confirmation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reliefdesk.services import roster
from reliefdesk.services.roster import Problem
from reliefdesk.ui.ops import MutationOp
from reliefdesk.ui.widgets.account_dialog import AccountDialog

if TYPE_CHECKING:
    from .page import RostersPage


def open_fix(page: RostersPage, problem: Problem) -> QWidget | None:
    """Open what fixes ``problem``; returns the dialog opened (the account dialog), if any."""
    if problem.line_no:
        page.select_line(problem.line_no)
    if problem.entity_kind == "account" and problem.entity_id:
        dialog = AccountDialog(page.ctx, problem.entity_id, page)
        dialog.saved.connect(lambda _r: regenerate_if_draft(page))
        page.fix_dialog = dialog
        dialog.open()
        return dialog
    if problem.entity_kind == "person" and problem.household_id:
        page.ctx.householdRequested.emit(problem.household_id)
    elif problem.entity_kind == "enrollment" and problem.entity_id:
        page.ctx.enrollmentRequested.emit(problem.entity_id)
    return None


def regenerate_if_draft(page: RostersPage) -> None:
    """The register changed under a draft: regenerate it (which validates again)."""
    view = page.roster
    if (
        view is not None
        and not view.locked
        and view.kind == "regular"
        and page.ctx.actor.can("roster.generate")
    ):
        page.set_period_silently(view)
        page.generate()


def _scope_prefix(page: RostersPage) -> str:
    """ "蟒川镇 " for a county user's township roster (whose draft is it?), else ""."""
    combo = page.township_combo
    return f"{combo.currentText()} " if combo is not None else ""


def confirm_discard(page: RostersPage) -> None:
    view = page.roster
    if view is None or view.locked:
        return
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("RosterFixes", "Discard draft"),
        QCoreApplication.translate(
            "RosterFixes",
            "Discard the draft {month} roster? Its lines are deleted; back pay it "
            "carried becomes pending again. You can generate it again at any time.",
        ).format(month=_scope_prefix(page) + view.month_text),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        page,
    )
    box.setObjectName("rosterDiscardConfirmBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accepted.connect(lambda: discard(page))
    box.open()


def discard(page: RostersPage) -> None:
    """Delete the shown draft roster."""
    view = page.roster
    if view is None:
        return
    db, actor, rid = page.ctx.db, page.ctx.actor, view.id

    def done(_r: object) -> None:
        page.roster = None
        page.problems = None
        page.load_period()
        page.refresh_history()

    MutationOp(
        parent=page, op=lambda: roster.discard_draft(db, actor, rid), success=done
    ).with_progress(t_saving()).run_in_background()


def t_saving() -> str:
    return QCoreApplication.translate("RosterFixes", "Discarding...")
