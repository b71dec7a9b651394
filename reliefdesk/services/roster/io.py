"""Exporting a locked roster (bank file, internal roster, village summary) and importing the
bank's return file (回盘), which marks failed lines and queues their 补发 (DOMAIN §7.1–§7.3).

Every export is audited and recorded (who, when, kind, rows, total, file and roster hashes).
"""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...documents import workbooks as wb
from ...errors import ValidationError
from ...models import RosterExport, RosterLine, Township
from .. import audit
from ..audit_anchor import current_anchor_in
from ..context import Actor
from ..export_staging import new_staging, publish
from ..settings import get_setting, office_in
from ..township_settings import office_for_township
from .build import get_roster_row
from .check import ensure_intact
from .county import require_county_review
from .integrity import bank_export_roles, require_bank_export
from .oneoff import ONE_OFF_KIND
from .types import PROGRAMME_LABELS, ImportResult, month_text


def bank_template(session: Session) -> wb.BankTemplate:
    """The admin's template from setting ``roster.bank_template`` (JSON), or the default."""
    raw = get_setting(session, "roster.bank_template")
    if not raw:
        return wb.DEFAULT_BANK_TEMPLATE
    if isinstance(raw, str):
        import json

        try:
            raw = json.loads(raw)
        except ValueError:
            raise ValidationError(
                "银行模板设置不是有效的 JSON。", code="bank_template.json"
            ) from None
    return wb.BankTemplate.from_dict(raw)


_EXPORT_COLUMNS = (
    "programme",
    "township",
    "village",
    "payee_name",
    "payee_id_number",
    "category",
    "persons",
    "standard_fen",
    "per_capita_income_fen",
    "due_fen",
    "adjustment_fen",
    "adjustment_reason",
    "paid_fen",
    "account",
    "bank",
    "change_flag",
    "change_reason",
    "programme",
)


#: Office setting: write the bank file as a password-protected workbook (off by default; read
#: with that default, so existing databases need no new row).
BANK_PASSWORD_SETTING = "roster.bank_workbook_password"


def _file_hash(result: Any) -> str:
    return str(getattr(result, "sha256", None) or result.sha256_of_file)


def export(
    db: Database,
    actor: Actor,
    roster_id: int,
    out_dir: str | os.PathLike[str],
    kinds: tuple[str, ...] | None = None,
    *,
    protect_bank: bool | None = None,
) -> list[wb.ExportResult]:
    """Write the bank file, the internal roster and the village summary of a LOCKED roster
    into ``out_dir``. File names carry township, programme, month and the hash prefix; the
    roster and summary carry the lock hash and the audit head. ``kinds=None`` means all the
    actor may export: the bank file only for the roles of ``roster.bank_export_roles``
    (asking for it explicitly otherwise is refused). Files are staged, audited, committed and
    only then renamed into place (:mod:`.export_staging`).

    ``protect_bank`` (default: the office setting ``roster.bank_workbook_password``, off):
    the bank file is a password-protected workbook; its random password is in the result
    (shown once to the clerk, who gives it to the bank separately) and never stored."""
    actor.require("roster.export")
    out = Path(out_dir)
    staging: Path | None = None
    try:
        with db.session() as s:
            roster = get_roster_row(s, roster_id, actor)
            ensure_intact(s, roster)
            if kinds is None:
                kinds = (
                    ("bank", "roster", "summary")
                    if actor.role in bank_export_roles(s)
                    else ("roster", "summary")
                )
            if "bank" in kinds:
                require_bank_export(s, actor)
                require_county_review(s, roster, actor)
            if protect_bank is None:
                protect_bank = bool(get_setting(s, BANK_PASSWORD_SETTING, False))
            staging = new_staging(out)
            results = _write(s, actor, roster, staging, kinds, protect_bank=protect_bank)
        # committed: the audit record exists, now the files may appear under their names
        finals = publish(staging, [Path(r.path).name for r in results])
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return [replace(r, path=final) for r, final in zip(results, finals, strict=True)]


def _write(
    s: Session,
    actor: Actor,
    roster: Any,
    out: Path,
    kinds: tuple[str, ...],
    *,
    protect_bank: bool = False,
) -> list[wb.ExportResult]:
    """Write the files of ``kinds`` into ``out`` and record and audit each in ``s``."""
    assert roster.lines_sha256 is not None
    # a township's roster carries that township's name and office block (county defaults)
    town = s.get(Township, roster.township_id) if roster.township_id is not None else None
    office = office_for_township(s, town.id) if town is not None else office_in(s)
    cols = [getattr(RosterLine, c) for c in _EXPORT_COLUMNS]
    lines = list(
        s.connection().execute(
            select(*cols)
            .where(RosterLine.roster_id == roster.id, RosterLine.paid_fen > 0)
            .order_by(RosterLine.line_no)
        )
    )
    township = (
        town.name
        if town is not None
        else office.township_name
        if office and office.township_name
        else (lines[0].township if lines else "")
    )
    label = PROGRAMME_LABELS.get(roster.programme, roster.programme)
    one_off = roster.kind == ONE_OFF_KIND
    if roster.kind == "supplementary":
        label += f"补发{roster.seq_no}"
    elif one_off:  # the passbook 摘要 names the subsidy: 临时救助金 (one-off)
        label = "临时救助金" + (f"第{roster.seq_no}批" if roster.seq_no > 1 else "")
        kinds = tuple(k for k in kinds if k != "summary")  # monthly 元/人/月 figures
    head = current_anchor_in(s)
    header = wb.RollHeader(
        county=office.county if office else "",
        township=township,
        office_name=office.office_name if office else "",
        programme_label=label,
        month=month_text(roster.month),
        roster_hash=roster.lines_sha256,
        prepared_by=roster.generated_by_name,
        made_on=date.today(),
        one_off=one_off,
        audit_head=head.text,
        per_line_subsidy=roster.programme == "all",
    )
    roll = [
        wb.RollLine(
            seq=i,
            township=ln.township,
            village=ln.village,
            payee=ln.payee_name,
            id_number=ln.payee_id_number,
            category=ln.category,
            persons=ln.persons,
            standard_fen=ln.standard_fen,
            per_capita_income_fen=ln.per_capita_income_fen,
            due_fen=ln.due_fen,
            adjustment_fen=ln.adjustment_fen,
            adjustment_reason=ln.adjustment_reason,
            paid_fen=ln.paid_fen,
            account=ln.account,
            bank=ln.bank,
            change_flag=ln.change_flag,
            note=ln.change_reason if ln.change_flag not in ("不变",) else "",
            subsidy=PROGRAMME_LABELS.get(ln.programme, ""),
        )
        for i, ln in enumerate(lines, 1)
    ]
    results: list[wb.ExportResult] = []

    def name(kind: str) -> Path:
        return out / wb.export_file_name(
            township or "乡镇", label, header.month, roster.lines_sha256 or "", kind
        )

    if "bank" in kinds:
        bank = wb.write_bank_file(name("bank"), header, roll, bank_template(s))
        if protect_bank:
            from ...documents.xlsx.protect import new_workbook_password, protect_workbook

            password = new_workbook_password()
            digest = protect_workbook(Path(bank.path), password)
            bank = replace(bank, sha256_of_file=digest, password=password)
        results.append(bank)
    if "roster" in kinds:
        results.append(wb.write_internal_roster(name("roster"), header, roll))
    if "summary" in kinds:
        results.append(wb.write_village_summary(name("summary"), header, _summary(lines)))
    for kind, res in zip(
        [k for k in ("bank", "roster", "summary") if k in kinds], results, strict=True
    ):
        s.add(
            RosterExport(
                roster_id=roster.id,
                kind=kind,
                file_name=Path(res.path).name,
                rows=res.rows,
                total_fen=res.total_fen,
                file_sha256=_file_hash(res),
                roster_sha256=roster.lines_sha256,
                user_id=actor.user_id or None,
                username=actor.username,
            )
        )
        audit.record(
            s,
            actor,
            "roster.export",
            "roster",
            roster.id,
            detail={
                "kind": kind,
                "file": Path(res.path).name,
                "rows": res.rows,
                "total_fen": res.total_fen,
                "file_sha256": _file_hash(res),
                "roster_sha256": roster.lines_sha256,
                "month": month_text(roster.month),
                "audit_head": head.text,
                **({"password_protected": True} if getattr(res, "password", "") else {}),
            },
        )
    return results


def _summary(lines: list[Any]) -> list[wb.VillageSummaryRow]:
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for ln in lines:
        row = acc[ln.village]
        base = 3 if ln.programme == "tekun" else 0
        row[base] += 1
        row[base + 1] += ln.persons
        row[base + 2] += ln.paid_fen
    return [wb.VillageSummaryRow(v, *vals) for v, vals in sorted(acc.items())]


def import_return(
    db: Database, actor: Actor, roster_id: int, path: str | os.PathLike[str]
) -> ImportResult:
    """Read the bank's result file: mark lines paid or failed (matched by ID number, else by
    account) and queue a 补发 adjustment for each failed line; it is paid in a later roster
    once the account is fixed (a different active account, or :func:`mark_account_fixed`).
    Strict, idempotent and parsed outside the transaction: see :mod:`.returns`."""
    from .returns import import_return as strict_import

    return strict_import(db, actor, roster_id, path)


__all__ = ["bank_template", "export", "import_return"]
