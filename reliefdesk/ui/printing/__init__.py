"""Printing from any page: build the document off the GUI thread, then preview it.

Pages call the convenience wrappers, e.g. ``preview_application_form(ctx, self, app_id)``;
each runs the matching :mod:`reliefdesk.services.printing` function in a ``QueryOp`` (a busy
dialog appears if it takes longer than 600 ms; errors such as "not decided yet" come back as a
message box) and opens a :class:`PdfPreviewDialog` with 打印… / 另存为 PDF… / 关闭.
The service audits the print; the dialog only shows, prints and saves the bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from reliefdesk.services import printing
from reliefdesk.services.printing import PrintResult
from reliefdesk.ui.context import AppContext
from reliefdesk.ui.ops import QueryOp

from .preview import PdfPreviewDialog

__all__ = [
    "PdfPreviewDialog",
    "PrintResult",
    "preview_application_form",
    "preview_batch",
    "preview_change_roster",
    "preview_decision",
    "preview_notice",
    "preview_roster",
    "preview_visit",
    "print_document",
    "show_preview",
]


def show_preview(result: PrintResult, parent: QWidget | None) -> PdfPreviewDialog:
    """Open a (non-modal, self-deleting) preview of ``result``."""
    dialog = PdfPreviewDialog(
        result.pdf, result.title, parent, suggested_file_name=result.suggested_file_name
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def print_document(
    ctx: AppContext,
    parent: QWidget | None,
    loader: Callable[[], PrintResult],
    opened: Callable[[PdfPreviewDialog], object] | None = None,
) -> None:
    """Run ``loader`` (a service call) in the background, then open the preview;
    ``opened`` gets the dialog (for tests and callers that want it)."""
    del ctx  # the loader already closes over ctx.db / ctx.actor; kept for a uniform signature

    def done(result: PrintResult) -> None:
        dialog = show_preview(result, parent)
        if opened is not None:
            opened(dialog)

    QueryOp(parent=parent, op=loader, success=done).with_progress(
        QCoreApplication.translate("printing", "Preparing the document...")
    ).run_in_background()


def preview_application_form(ctx: AppContext, parent: QWidget | None, application_id: int) -> None:
    """申请审批表 of one application."""
    print_document(
        ctx, parent, lambda: printing.application_form_pdf(ctx.db, ctx.actor, application_id)
    )


def preview_batch(ctx: AppContext, parent: QWidget | None, ids: Sequence[int]) -> None:
    """Several 申请审批表 in one document."""
    wanted = list(ids)
    print_document(
        ctx, parent, lambda: printing.batch_application_forms_pdf(ctx.db, ctx.actor, wanted)
    )


def preview_visit(ctx: AppContext, parent: QWidget | None, visit_id: int) -> None:
    """入户调查表 of one visit."""
    print_document(ctx, parent, lambda: printing.visit_record_pdf(ctx.db, ctx.actor, visit_id))


def preview_notice(
    ctx: AppContext, parent: QWidget | None, ids: Sequence[int], mask_names: bool = False
) -> None:
    """公示 sheet of applications in the same publicity period."""
    wanted = list(ids)
    print_document(
        ctx, parent, lambda: printing.notice_pdf(ctx.db, ctx.actor, wanted, mask_names=mask_names)
    )


def preview_decision(ctx: AppContext, parent: QWidget | None, application_id: int) -> None:
    """确认通知书 / 不予确认告知书 of a decided application."""
    print_document(
        ctx, parent, lambda: printing.decision_letter_pdf(ctx.db, ctx.actor, application_id)
    )


def preview_roster(
    ctx: AppContext, parent: QWidget | None, roster_id: int, mask_ids: bool = True
) -> None:
    """The 发放花名册 of roster ``roster_id`` (IDs and accounts masked unless ``mask_ids`` is
    False): the roster on screen, whichever township or supplementary roster it is."""
    print_document(
        ctx,
        parent,
        lambda: printing.roster_pdf(ctx.db, ctx.actor, mask_ids=mask_ids, roster_id=roster_id),
    )


def preview_change_roster(
    ctx: AppContext, parent: QWidget | None, roster_id: int, mask_ids: bool = True
) -> None:
    """The 变动名册 of roster ``roster_id``."""
    print_document(
        ctx,
        parent,
        lambda: printing.change_roster_pdf(
            ctx.db, ctx.actor, mask_ids=mask_ids, roster_id=roster_id
        ),
    )
