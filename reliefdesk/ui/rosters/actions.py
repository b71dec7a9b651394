"""The roster page's actions (split from ``page.py`` along its seam: the page shows a
roster, these functions change it): which buttons are open to the user, generate, validate,
acknowledge warnings, lock, unlock, export and bank-return import. Each write runs as a
``MutationOp`` on the page; the page's methods of the same names delegate here. Strings keep
the page's translation context ("RostersPage").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton

from reliefdesk.documents.workbooks import ExportResult
from reliefdesk.domain.money import fen_to_yuan
from reliefdesk.services import roster
from reliefdesk.services.roster import ImportResult, Problem, RosterView
from reliefdesk.ui.export_folders import export_folders, remember_export_folder
from reliefdesk.ui.ops import MutationOp

if TYPE_CHECKING:
    from .page import RostersPage

translate = QCoreApplication.translate


# -- which actions are open ---------------------------------------------------------------------
def update_actions(page: RostersPage) -> None:
    actor, view = page.ctx.actor, page.roster
    draft = view is not None and not view.locked
    locked = view is not None and view.locked

    def gate(btn: QPushButton, allowed: bool, ok: bool, no_right: str, why: str) -> None:
        btn.setEnabled(allowed and ok)
        btn.setToolTip(no_right if not allowed else ("" if ok else why))

    gate(
        page.generate_button,
        actor.can("roster.generate"),
        not locked,
        translate("RostersPage", "Your role cannot generate rosters."),
        translate("RostersPage", "This roster is locked; the administrator must unlock it first."),
    )
    gate(
        page.validate_button,
        True,
        view is not None,
        "",
        translate("RostersPage", "Generate the roster first."),
    )
    gate(
        page.discard_button,
        actor.can("roster.generate"),
        draft,
        translate("RostersPage", "Your role cannot generate rosters."),
        translate("RostersPage", "Only a draft roster can be discarded."),
    )
    gate(
        page.lock_button,
        actor.can("roster.lock"),
        draft,
        translate("RostersPage", "Only the approver (负责人) can lock a roster."),
        translate("RostersPage", "Generate a draft roster first.")
        if view is None
        else translate("RostersPage", "The roster is already locked."),
    )
    gate(
        page.review_button,
        actor.township_id is None and actor.can("roster.county_review"),
        locked
        and view is not None
        and view.township_id is not None
        and view.county_reviewed_at is None,
        translate("RostersPage", "Only a county reviewer or approver reviews township rosters."),
        translate("RostersPage", "The county reviews a township's roster once it is locked.")
        if view is None or view.county_reviewed_at is None
        else translate("RostersPage", "The county has reviewed this roster."),
    )
    gate(
        page.unlock_button,
        actor.can("roster.unlock"),
        locked,
        "",
        translate("RostersPage", "Only a locked roster can be unlocked."),
    )
    for b in (page.export_button, page.import_button):
        gate(
            b,
            actor.can("roster.export"),
            locked,
            translate("RostersPage", "Your role cannot export rosters or import bank returns."),
            translate(
                "RostersPage", "Only a locked roster can be exported or matched with a bank return."
            ),
        )
    regular = view is not None and view.kind == "regular"
    printable = regular or (view is not None and view.kind == "one_off")
    for b, ok in ((page.print_button, printable), (page.print_changes_button, regular)):
        gate(
            b,
            actor.can("print"),
            ok,
            translate("RostersPage", "Your role cannot print."),
            translate("RostersPage", "Generate the month's regular roster first."),
        )
    page.problems_panel.set_can_acknowledge(
        actor.can("roster.generate") and draft,
        translate(
            "RostersPage",
            "Warnings can be confirmed on a draft roster by the clerk, reviewer or approver.",
        ),
    )


# -- generate / validate / acknowledge ----------------------------------------------------------
def generate(page: RostersPage) -> None:
    """Generate (or regenerate) the draft for the chosen month and programme."""
    db, actor = page.ctx.db, page.ctx.actor
    month, programme = page.month(), page.programme()
    town = page.township_id() if actor.township_id is None else None
    page.generate_button.setEnabled(False)

    def done(view: RosterView) -> None:
        page.problems = None
        page.set_period_silently(view)
        page.show_roster(view)
        page.refresh_history()
        page.validate()

    MutationOp(
        parent=page,
        op=lambda: roster.generate(db, actor, month, programme, township_id=town),
        success=done,
    ).with_progress(translate("RostersPage", "Generating the roster...")).always(
        page._update_actions
    ).run_in_background()


def validate(page: RostersPage) -> None:
    """Check the shown roster and list every problem."""
    view = page.roster
    if view is None:
        return
    db, actor, rid = page.ctx.db, page.ctx.actor, view.id

    def done(problems: list[Problem]) -> None:
        if page.roster is not None and page.roster.id == rid:
            page._set_problems(problems)

    MutationOp(parent=page, op=lambda: roster.validate(db, actor, rid), success=done).with_progress(
        translate("RostersPage", "Validating the roster...")
    ).run_in_background()


def acknowledge(page: RostersPage, items: list[Problem], note: str = "") -> None:
    """Record that the signed-in user checked these warnings."""
    view = page.roster
    if view is None or not items:
        return
    db, actor, rid = page.ctx.db, page.ctx.actor, view.id
    keys = [p.key for p in items]

    def done(problems: list[Problem]) -> None:
        page.problems_panel.note_edit.clear()
        page.problems_panel.check_all_box.setChecked(False)
        page._set_problems(problems)

    MutationOp(
        parent=page,
        op=lambda: roster.acknowledge(db, actor, rid, keys, note, expected_version=view.version),
        success=done,
    ).with_progress(translate("RostersPage", "Saving...")).run_in_background()


# -- lock / unlock ------------------------------------------------------------------------------
def confirm_lock(page: RostersPage) -> None:
    view = page.roster
    if view is None:
        return
    if page.problems is None:
        page._info(
            translate("RostersPage", "Validate the roster first: locking needs every line checked.")
        )
        return
    errors, _warnings, open_ = page.problems_panel.model.counts()
    if errors:
        page._info(
            translate(
                "RostersPage",
                "The roster has {n} error(s) and cannot be locked. Correct them "
                "in the register, regenerate and validate again.",
            ).format(n=errors)
        )
        return
    if open_:
        page._info(
            translate(
                "RostersPage",
                "{n} warning(s) are not confirmed yet. Check them, tick them in "
                'the problems list and click "Confirm checked warnings" '
                "before locking.",
            ).format(n=open_)
        )
        return
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("RostersPage", "Lock roster"),
        translate(
            "RostersPage",
            "Lock the {month} roster ({households} households, {amount} yuan)? A locked "
            "roster cannot be changed; only the administrator can unlock it.",
        ).format(
            month=view.month_text, households=view.households, amount=fen_to_yuan(view.amount_fen)
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        page,
    )
    box.setObjectName("rosterLockConfirmBox")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accepted.connect(page.lock_roster)
    box.open()


def lock_roster(page: RostersPage) -> None:
    """Lock the shown roster (the service refuses errors or unconfirmed warnings)."""
    view = page.roster
    if view is None:
        return
    db, actor, rid = page.ctx.db, page.ctx.actor, view.id

    def done(locked: RosterView) -> None:
        kept = page.problems
        page.show_roster(locked)
        if kept is not None:
            page._set_problems(kept)  # the validation result stays visible
        page.refresh_history()

    MutationOp(
        parent=page,
        op=lambda: roster.lock(db, actor, rid, expected_version=view.version),
        success=done,
    ).with_progress(translate("RostersPage", "Locking the roster...")).run_in_background()


def ask_unlock_reason(page: RostersPage) -> None:
    dialog = QInputDialog(page)
    dialog.setObjectName("rosterUnlockDialog")
    dialog.setWindowTitle(translate("RostersPage", "Unlock roster"))
    dialog.setLabelText(
        translate(
            "RostersPage",
            "Why must this locked roster be changed? The reason is "
            "kept with the roster and in the audit log.",
        )
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(page.unlock_with_reason)
    dialog.open()


def unlock_with_reason(page: RostersPage, reason: str) -> None:
    """Unlock the shown roster (administrator); an empty reason is refused."""
    view = page.roster
    if view is None:
        return
    if not reason.strip():
        page._info(translate("RostersPage", "Unlocking needs a reason."))
        return
    db, actor, rid = page.ctx.db, page.ctx.actor, view.id

    def done(unlocked: RosterView) -> None:
        page.show_roster(unlocked)
        page.refresh_history()

    MutationOp(
        parent=page,
        op=lambda: roster.unlock(db, actor, rid, reason.strip(), expected_version=view.version),
        success=done,
    ).with_progress(translate("RostersPage", "Unlocking...")).run_in_background()


# -- county review (县级审核) ----------------------------------------------------------------------
def ask_review_note(page: RostersPage) -> None:
    view = page.roster
    if view is None:
        return
    dialog = QInputDialog(page)
    dialog.setObjectName("rosterReviewDialog")
    dialog.setWindowTitle(translate("RostersPage", "County review"))
    dialog.setLabelText(
        translate(
            "RostersPage",
            "Record the county's review of the {month} roster of {township} ({households} "
            "households, {amount} yuan). Note (optional):",
        ).format(
            month=view.month_text,
            township=page.township_names.get(view.township_id, ""),
            households=view.households,
            amount=fen_to_yuan(view.amount_fen),
        )
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(page.county_review)
    dialog.open()


def county_review(page: RostersPage, note: str = "") -> None:
    """Record the county's review of the shown locked township roster."""
    view = page.roster
    if view is None:
        return
    db, actor, rid = page.ctx.db, page.ctx.actor, view.id

    def done(reviewed: RosterView) -> None:
        kept = page.problems
        page.show_roster(reviewed)
        if kept is not None:
            page._set_problems(kept)
        page.refresh_history()

    MutationOp(
        parent=page, op=lambda: roster.county_review(db, actor, rid, note.strip()), success=done
    ).with_progress(translate("RostersPage", "Saving...")).run_in_background()


# -- export / import ----------------------------------------------------------------------------
def ask_export_folder(page: RostersPage) -> None:
    recent = export_folders(page.ctx.settings)
    directory = QFileDialog.getExistingDirectory(
        page, translate("RostersPage", "Export the roster to"), recent[0] if recent else ""
    )
    if directory:
        page.export_to(directory)


def export_to(page: RostersPage, directory: str | Path) -> None:
    """Write the bank file, the internal roster and the summary into ``directory``."""
    view = page.roster
    if view is None:
        return
    db, actor, rid, out = page.ctx.db, page.ctx.actor, view.id, Path(directory)

    def done(results: Sequence[ExportResult]) -> None:
        paths = [Path(r.path) for r in results]
        message = translate("RostersPage", "Exported {n} files to {folder}:\n{files}").format(
            n=len(paths), folder=str(out), files="\n".join(p.name for p in paths)
        )
        remember_export_folder(page.ctx.settings, out)
        for r in results:
            if r.password:  # a password-protected bank workbook (office setting): shown once
                message += "\n" + translate(
                    "RostersPage",
                    "The bank file is password-protected; its password (shown only now, give "
                    "it to the bank by phone, never with the file): {password}",
                ).format(password=r.password)
        page.notice.show_message(message, out)
        page.refresh_history()
        page.exported.emit(paths)

    MutationOp(
        parent=page, op=lambda: roster.export(db, actor, rid, out), success=done
    ).with_progress(translate("RostersPage", "Exporting...")).run_in_background()


def ask_return_file(page: RostersPage) -> None:
    path, _ = QFileDialog.getOpenFileName(
        page,
        translate("RostersPage", "Bank return file"),
        "",
        translate("RostersPage", "Excel workbooks (*.xlsx)"),
    )
    if path:
        page.import_return_from(path)


def import_return_from(page: RostersPage, path: str | Path) -> None:
    """Match the bank's return file with the shown (locked) roster."""
    view = page.roster
    if view is None:
        return
    db, actor, rid, file = page.ctx.db, page.ctx.actor, view.id, Path(path)

    def done(result: ImportResult) -> None:
        text = translate(
            "RostersPage",
            "Bank return {file}: {rows} rows, {paid} paid, {failed} failed, "
            "{unmatched} not matched.",
        ).format(
            file=file.name,
            rows=result.rows,
            paid=result.paid,
            failed=result.failed,
            unmatched=len(result.unmatched_rows),
        )
        if result.unmatched_rows:
            text += " " + translate("RostersPage", "Unmatched rows: {rows}.").format(
                rows="、".join(str(r) for r in result.unmatched_rows[:20])
            )
        if result.adjustments:
            text += "\n" + translate(
                "RostersPage",
                "{n} failed payment(s) were registered as back pay; they "
                "are paid with a later roster once the account is "
                "corrected.",
            ).format(n=len(result.adjustments))
        page.notice.show_message(text, warn=bool(result.failed or result.unmatched_rows))
        page.reload_lines()
        page.returnImported.emit(result)

    MutationOp(
        parent=page, op=lambda: roster.import_return(db, actor, rid, file), success=done
    ).with_progress(translate("RostersPage", "Importing the bank return...")).run_in_background()
