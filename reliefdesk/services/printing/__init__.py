"""Printing (issue #5): load a document's data from the database, build the PDF with the pure
builders in :mod:`reliefdesk.documents.pdf`, and audit the print — all in one transaction.

Every function needs the ``print`` permission and returns a :class:`PrintResult` (PDF bytes,
a title and a suggested file name; safe to hand to the GUI off-thread). Full ID numbers on the
payment rosters additionally need ``pii.reveal``; the 公示 notice never carries an ID number,
phone or account of a household (its data record has no such field, DOMAIN §10.3).

Implementation, in this package: ``common`` (result, office block, audit), ``cases`` (审批表,
公示, 决定书), ``visits`` (入户调查表), ``rosters`` (花名册, 变动名册), ``notices`` (告知书).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as dc_replace
from datetime import date

from ...db.engine import Database
from ...documents import pdf as docs
from ...errors import ValidationError
from ...models import Enrollment
from ..audit_anchor import current_anchor_in
from ..context import Actor
from ..roster.check import ensure_intact
from ..scope import require_household, require_households
from .cases import (
    aid_receipt_data,
    build_application,
    build_batch,
    decision_letter_data,
    load_application,
    load_applications,
    notice_data,
)
from .common import PrintResult, count_pages, file_name, record_print
from .rosters import change_roster_data, pick_roster, roster_data
from .visits import load_visit, visit_record_data

__all__ = [
    "MAX_BATCH",
    "PrintResult",
    "aid_receipt_pdf",
    "application_form_pdf",
    "batch_application_forms_pdf",
    "change_roster_pdf",
    "decision_letter_pdf",
    "notice_pdf",
    "roster_pdf",
    "visit_record_pdf",
]

#: Largest batch of 审批表 in one PDF (a working day's stack; keeps memory bounded).
MAX_BATCH = 500


def _ids(ids: Sequence[int], what: str) -> list[int]:
    out = list(dict.fromkeys(int(i) for i in ids))
    if not out:
        raise ValidationError(f"请选择要打印的{what}。", code="print.empty", field="ids")
    if len(out) > MAX_BATCH:
        raise ValidationError(
            f"一次最多打印 {MAX_BATCH} 份，请分批打印。", code="print.too_many", field="ids"
        )
    return out


def application_form_pdf(db: Database, actor: Actor, application_id: int) -> PrintResult:
    """The 申请审批表 of one application (the programme's own form)."""
    actor.require("print")
    with db.session() as s:
        app = load_application(s, application_id)
        require_household(s, actor, app.household_id)
        result = build_application(s, app)
        record_print(
            s,
            actor,
            result,
            document="application_form",
            entity="application",
            ids=[app.id],
            full_ids=True,
            households={app.id: app.household_id},
            extra={"programme": app.programme, "state": app.state},
        )
        return result


def batch_application_forms_pdf(db: Database, actor: Actor, ids: Sequence[int]) -> PrintResult:
    """Many 申请审批表 in one PDF, each starting on a new page, in the order given."""
    actor.require("print")
    wanted = _ids(ids, "申请")
    with db.session() as s:
        apps = load_applications(s, wanted)
        require_households(s, actor, (a.household_id for a in apps))
        result = build_batch(s, apps)
        record_print(
            s,
            actor,
            result,
            document="application_form_batch",
            entity="application",
            ids=wanted,
            full_ids=True,
            households={a.id: a.household_id for a in apps},
        )
        return result


def visit_record_pdf(db: Database, actor: Actor, visit_id: int) -> PrintResult:
    """The 家庭经济状况入户调查表 of one visit."""
    actor.require("print")
    with db.session() as s:
        v = load_visit(s, visit_id)
        require_household(s, actor, v.household_id)
        data = visit_record_data(s, v)
        pdf = docs.build_visit_record(data)
        result = PrintResult(
            pdf,
            f"家庭经济状况入户调查表 — {data.applicant_name}",
            file_name("入户调查表", data.file_no, data.applicant_name, v.visit_date.isoformat()),
            count_pages(pdf),
        )
        record_print(
            s,
            actor,
            result,
            document="visit_record",
            entity="visit",
            ids=[v.id],
            full_ids=True,
            households={v.id: v.household_id},
            extra={"application_id": v.application_id},
        )
        return result


def notice_pdf(
    db: Database, actor: Actor, application_ids: Sequence[int], mask_names: bool = False
) -> PrintResult:
    """The 公示 sheet of applications in the same publicity period: name (masked 张*明 if
    ``mask_names``), household size, category, amount and village only."""
    actor.require("print")
    wanted = _ids(application_ids, "公示的申请")
    with db.session() as s:
        apps = [load_application(s, i) for i in wanted]
        require_households(s, actor, (a.household_id for a in apps))
        data = notice_data(s, apps)
        pdf = docs.build_notice(data, mask_names=mask_names)
        result = PrintResult(
            pdf,
            data.title,
            file_name("公示", data.office.township, data.start.isoformat()),
            count_pages(pdf),
        )
        record_print(
            s,
            actor,
            result,
            document="notice",
            entity="application",
            ids=wanted,
            full_ids=False,
            households={a.id: a.household_id for a in apps},
            extra={
                "mask_names": mask_names,
                "start": data.start.isoformat(),
                "end": data.end.isoformat(),
                "entries": len(data.entries),
            },
        )
        return result


def decision_letter_pdf(db: Database, actor: Actor, application_id: int) -> PrintResult:
    """确认通知书 (approved) or 不予确认告知书 with the reasons (refused); an application
    without a decision is refused with a RuleViolation."""
    actor.require("print")
    with db.session() as s:
        app = load_application(s, application_id)
        require_household(s, actor, app.household_id)
        data = decision_letter_data(s, app)
        pdf = docs.build_decision_letter(data)
        kind = "确认通知书" if data.kind == "confirm" else "不予确认告知书"
        result = PrintResult(
            pdf,
            f"{kind} — {data.name}",
            file_name(kind, app.file_no or app.id, data.name),
            count_pages(pdf),
        )
        record_print(
            s,
            actor,
            result,
            document=f"decision_{data.kind}",
            entity="application",
            ids=[app.id],
            full_ids=False,
            households={app.id: app.household_id},
        )
        return result


def _roster_reveal(actor: Actor, mask_ids: bool, mask_accounts: bool | None) -> bool:
    accounts_masked = mask_ids if mask_accounts is None else mask_accounts
    if not mask_ids or not accounts_masked:
        actor.require("pii.reveal")
    return accounts_masked


def roster_pdf(
    db: Database,
    actor: Actor,
    month: str | date | None = None,
    programme: str | None = None,
    mask_ids: bool = True,
    mask_accounts: bool | None = None,
    roster_id: int | None = None,
) -> PrintResult:
    """The month's 发放花名册 (lines that pay this month), or roster ``roster_id``. IDs and
    accounts are masked unless asked otherwise (``mask_accounts`` follows ``mask_ids`` by
    default); full numbers need ``pii.reveal`` and are recorded in the audit event."""
    actor.require("print")
    accounts_masked = _roster_reveal(actor, mask_ids, mask_accounts)
    with db.session() as s:
        roster = pick_roster(s, actor, month, programme, roster_id)
        if roster.status == "locked":
            ensure_intact(s, roster)  # a forged roster is never printed for signing
        data = dc_replace(
            roster_data(s, roster),
            roster_hash=roster.lines_sha256 or "",
            audit_head=current_anchor_in(s).text,
        )
        pdf = docs.build_roster(data, mask_ids=mask_ids, mask_accounts=accounts_masked)
        result = PrintResult(
            pdf,
            f"{data.office.township}{data.programme}资金发放花名册 {data.month}",
            file_name("发放花名册", data.month, data.programme),
            count_pages(pdf),
        )
        record_print(
            s,
            actor,
            result,
            document="roster",
            entity="roster",
            ids=[roster.id],
            full_ids=not mask_ids,
            full_accounts=not accounts_masked,
            extra={
                "month": data.month,
                "programme": roster.programme,
                "roster_sha256": data.roster_hash,
                "audit_head": data.audit_head,
                "rows": len(data.lines),
                "amount_fen": sum(x.paid_fen for x in data.lines),
            },
        )
        return result


def change_roster_pdf(
    db: Database,
    actor: Actor,
    month: str | date | None = None,
    programme: str | None = None,
    mask_ids: bool = True,
    roster_id: int | None = None,
) -> PrintResult:
    """The month's 变动名册 (or that of roster ``roster_id``): every line whose flag is not
    不变, against the previous month."""
    actor.require("print")
    _roster_reveal(actor, mask_ids, True)
    with db.session() as s:
        roster = pick_roster(s, actor, month, programme, roster_id)
        data = change_roster_data(s, roster)
        pdf = docs.build_change_roster(data, mask_ids=mask_ids)
        result = PrintResult(
            pdf,
            f"{data.office.township}{data.programme}变动名册 {data.month}",
            file_name("变动名册", data.month, data.programme),
            count_pages(pdf),
        )
        record_print(
            s,
            actor,
            result,
            document="change_roster",
            entity="roster",
            ids=[roster.id],
            full_ids=not mask_ids,
            extra={"month": data.month, "programme": roster.programme, "rows": len(data.lines)},
        )
        return result


def aid_receipt_pdf(db: Database, actor: Actor, enrollment_id: int) -> PrintResult:
    """临时救助金领款收据 for a grant paid in cash (the family signs it; its number is then
    recorded with ``roster.oneoff.pay_in_cash``)."""
    actor.require("print")
    with db.session() as s:
        owner = s.get(Enrollment, enrollment_id)
        require_household(s, actor, owner.household_id if owner is not None else None)
        data = aid_receipt_data(s, enrollment_id)
        pdf = docs.build_aid_receipt(data)
        result = PrintResult(
            pdf,
            f"临时救助金领款收据 — {data.name}",
            file_name("领款收据", data.file_no, data.name),
            count_pages(pdf),
        )
        e = s.get(Enrollment, enrollment_id)
        record_print(
            s,
            actor,
            result,
            document="aid_receipt",
            entity="enrollment",
            ids=[enrollment_id],
            full_ids=False,
            households={enrollment_id: e.household_id if e else None},
        )
        return result
