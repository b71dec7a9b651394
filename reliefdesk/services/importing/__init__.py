"""存量导入: bring in the recipients an office already pays, from its own spreadsheets
(DOMAIN §12.1). Importing existing, already-approved recipients is a data migration recorded
as such, never a way around the procedure for new people (DOMAIN §2.12, 民发〔2021〕57号
第二十八条): only an administrator imports, every batch names its file and SHA-256, every
household its sheet and rows, its original approval date and document number.

Public API (``fn(db, actor, ...)``; ``*_in`` take the caller's session):

* :func:`preview` – the dry run: households, persons, amounts by programme and village, and
  every problem row by row; nothing is written;
* :func:`import_file` – the import in one transaction (same file again: nothing changes; a
  corrected file: only what changed is updated);
* :func:`list_batches`, :func:`undo_batch` – batches, and taking one back whole while no
  roster built on it is locked;
* :func:`households_to_complete` – imported households flagged 待补录 until their next
  定期核查;
* :func:`saved_mapping`, :func:`save_mapping` – the column mapping remembered per office;
* :func:`write_problem_report` – the error workbook to fix and re-import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ...db.engine import Database
from ...documents.legacy import FIELD_LABELS, FIELDS, LegacyTable, file_sha256, read_tables
from ...documents.legacy.problems import ProblemRow, write_problem_workbook
from ...domain.months import month_start
from ...errors import ValidationError
from ...models import ImportBatch
from .. import audit
from ..context import Actor
from ..policy import policy_on
from ..settings import get_setting, set_setting
from .apply import Source, write_batch
from .batches import (
    PendingHousehold,
    households_to_complete,
    households_to_complete_in,
    list_batches,
    list_batches_in,
    undo_batch,
    undo_batch_in,
)
from .checks import Decision, amount_rule_problem, decide, totals
from .plan import Problem, build_plans, resolve_mapping
from .types import BatchView, ImportPreview, ImportResult, ProgrammeTotal, SheetInfo, VillageTotal

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "MAPPING_SETTING",
    "BatchView",
    "ImportPreview",
    "ImportResult",
    "PendingHousehold",
    "Problem",
    "ProgrammeTotal",
    "SheetInfo",
    "VillageTotal",
    "amount_rule_problem",
    "households_to_complete",
    "households_to_complete_in",
    "import_file",
    "import_file_in",
    "list_batches",
    "list_batches_in",
    "preview",
    "preview_in",
    "save_mapping",
    "saved_mapping",
    "undo_batch",
    "undo_batch_in",
    "write_problem_report",
]

MAPPING_SETTING = "import.column_mapping"
Progress = Callable[[int, str], None]


@dataclass
class _Loaded:
    path: Path
    sha256: str
    tables: list[LegacyTable]
    skipped: list[str]
    mapping: dict[str, str]


def _load(
    s: Session,
    path: str | Path,
    sheet: str | None,
    mapping: dict[str, str] | None,
    progress: Progress | None,
) -> _Loaded:
    p = Path(path)
    if progress:
        progress(5, "读取文件")
    sha = file_sha256(p) if p.is_file() else ""
    skipped: list[str] = []
    tables = read_tables(p, sheet, skipped)
    if not tables:
        raise ValidationError(
            f"{p.name}：没有找到表头（应含“姓名”“身份证号码”等列），无法导入",
            code="import.no_header",
        )
    remembered = get_setting(s, MAPPING_SETTING, {}) or {}
    merged = {**remembered, **(mapping or {})}
    return _Loaded(p, sha, tables, skipped, merged)


def _sheet_infos(loaded: _Loaded) -> tuple[SheetInfo, ...]:
    out = []
    for t in loaded.tables:
        m = resolve_mapping(t, loaded.mapping)
        out.append(
            SheetInfo(
                t.sheet,
                t.header_row,
                t.labels,
                {f: t.labels[c] for f, c in sorted(m.items(), key=lambda x: x[1])},
                len(t.rows),
            )
        )
    return tuple(out)


def _analyse(
    s: Session, loaded: _Loaded, today: date, progress: Progress | None
) -> tuple[str, list[Decision], list[Problem]]:
    if progress:
        progress(30, "核对数据")
    shape, plans, loose = build_plans(loaded.tables, loaded.mapping, today)
    if not plans:
        raise ValidationError(f"{loaded.path.name}：表中没有可导入的对象", code="import.empty")
    if progress:
        progress(55, "与家庭档案比对")
    decisions = decide(s, plans, policy_on(s, today))
    return shape, decisions, loose


def _preview_of(
    loaded: _Loaded, shape: str, decisions: list[Decision], loose: list[Problem], batch: int | None
) -> ImportPreview:
    problems = list(loose)
    for d in decisions:
        problems.extend(d.plan.errors)
        problems.extend(d.plan.warnings)
    problems.sort(key=lambda p: (p.sheet, p.row, p.severity != "error"))
    live = [d for d in decisions if d.action != "blocked"]
    by_prog, by_vill = totals(decisions)
    count = {
        a: sum(1 for d in decisions if d.action == a)
        for a in ("create", "update", "unchanged", "blocked")
    }
    return ImportPreview(
        loaded.path.name,
        loaded.sha256,
        shape,
        _sheet_infos(loaded),
        tuple(loaded.skipped),
        len(live),
        sum(d.plan.persons for d in live),
        sum(d.plan.amount_fen or 0 for d in live),
        by_prog,
        by_vill,
        tuple(problems),
        count["blocked"],
        count["create"],
        count["update"],
        count["unchanged"],
        sum(1 for d in live if d.plan.incomplete),
        batch,
    )


def _same_file(s: Session, sha: str) -> int | None:
    from sqlalchemy import select

    return s.scalar(
        select(ImportBatch.id)
        .where(ImportBatch.sha256 == sha, ImportBatch.status == "active")
        .limit(1)
    )


def preview(
    db: Database,
    actor: Actor,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """The dry run of importing ``path`` (nothing is written)."""
    with db.read_session() as s:
        return preview_in(
            s, actor, path, sheet=sheet, mapping=mapping, today=today, progress=progress
        )


def preview_in(
    s: Session,
    actor: Actor,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    actor.require("import.recipients")
    today = today or date.today()
    loaded = _load(s, path, sheet, mapping, progress)
    shape, decisions, loose = _analyse(s, loaded, today, progress)
    if progress:
        progress(100, "完成")
    return _preview_of(loaded, shape, decisions, loose, _same_file(s, loaded.sha256))


def import_file(
    db: Database,
    actor: Actor,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    today: date | None = None,
    first_month: date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``path`` in one transaction (administrators only)."""
    with db.session() as s:
        return import_file_in(
            s,
            actor,
            path,
            sheet=sheet,
            mapping=mapping,
            today=today,
            first_month=first_month,
            progress=progress,
        )


def import_file_in(
    s: Session,
    actor: Actor,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    today: date | None = None,
    first_month: date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """:func:`import_file` in the caller's transaction. ``first_month`` is the first month
    reliefdesk pays (default: this month)."""
    actor.require("import.recipients")
    today = today or date.today()
    loaded = _load(s, path, sheet, mapping, progress)
    same = _same_file(s, loaded.sha256)
    shape, decisions, loose = _analyse(s, loaded, today, progress)
    if same is not None:  # the very same file: nothing to do
        for d in decisions:
            if d.action in ("create", "update"):
                d.action = "unchanged"
        pv = _preview_of(loaded, shape, decisions, loose, same)
        return ImportResult(None, 0, 0, pv.unchanged, pv.blocked, 0, 0, pv)
    if progress:
        progress(70, "写入数据库")
    policy = policy_on(s, today)
    src = Source(
        loaded.path.name, loaded.sha256, shape, [t.sheet for t in loaded.tables], loaded.mapping
    )
    todo = [d for d in decisions if d.action in ("create", "update")]
    if not todo:
        pv = _preview_of(loaded, shape, decisions, loose, None)
        return ImportResult(None, 0, 0, pv.unchanged, pv.blocked, 0, 0, pv)
    batch, created, updated, persons = write_batch(
        s, actor, src, decisions, policy, today, month_start(first_month or today)
    )
    pv = _preview_of(loaded, shape, decisions, loose, None)
    batch.summary = {
        "households": created + updated,
        "created": created,
        "updated": updated,
        "unchanged": pv.unchanged,
        "blocked": pv.blocked,
        "persons": persons,
        "total_fen": sum(
            d.plan.amount_fen or 0 for d in decisions if d.action in ("create", "update")
        ),
        "problems": len(pv.problems),
        "incomplete": pv.incomplete,
    }
    audit.record(
        s,
        actor,
        "import.batch",
        "import_batch",
        batch.id,
        detail={
            "file": src.file_name,
            "sha256": src.sha256,
            "shape": shape,
            "sheets": src.sheets,
            **batch.summary,
            "rule": "存量数据迁移，依原审批结果导入（民发〔2021〕57号 第二十八条）",
        },
    )
    s.flush()
    if progress:
        progress(100, "完成")
    return ImportResult(
        batch.id,
        created,
        updated,
        pv.unchanged,
        pv.blocked,
        persons,
        int(batch.summary["total_fen"]),
        pv,
    )


def saved_mapping(db: Database, actor: Actor) -> dict[str, str]:
    """The office's remembered corrections (field -> header label)."""
    actor.require("read")
    with db.read_session() as s:
        return dict(get_setting(s, MAPPING_SETTING, {}) or {})


def save_mapping(db: Database, actor: Actor, mapping: dict[str, str]) -> dict[str, str]:
    """Remember the user's column corrections for this office (audited)."""
    actor.require("import.recipients")
    unknown = [f for f in mapping if f not in FIELDS and not f.startswith("member")]
    if unknown:
        raise ValidationError(f"未知的字段：{'、'.join(unknown)}", code="import.mapping")
    clean = {str(k): str(v) for k, v in mapping.items()}
    with db.session() as s:
        set_setting(s, actor, MAPPING_SETTING, clean)
    return clean


def write_problem_report(
    db: Database,
    actor: Actor,
    path: str | Path,
    out: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    today: date | None = None,
) -> Path:
    """The error workbook of importing ``path`` (audited as an export)."""
    actor.require("import.recipients")
    today = today or date.today()
    with db.read_session() as s:
        loaded = _load(s, path, sheet, mapping, None)
        shape, decisions, loose = _analyse(s, loaded, today, None)
        pv = _preview_of(loaded, shape, decisions, loose, None)
    bad_rows: dict[str, set[int]] = {}
    notes: dict[tuple[str, int], list[str]] = {}
    for p in pv.problems:
        bad_rows.setdefault(p.sheet, set()).add(p.row)
        notes.setdefault((p.sheet, p.row), []).append(p.message)
    for d in decisions:  # every row of a household with a problem: re-import it whole
        if d.plan.errors or d.plan.warnings:
            bad_rows.setdefault(d.plan.sheet, set()).update(d.plan.rows)
    originals: dict[str, tuple[Any, list[tuple[int, list[Any]]]]] = {}
    for t in loaded.tables:
        rows = [(n, r) for n, r in t.rows if n in bad_rows.get(t.sheet, set())]
        originals[t.sheet] = (t.labels, rows)
    sev = {"error": "错误", "warning": "提示"}
    target = write_problem_workbook(
        out,
        [
            ProblemRow(p.sheet, p.row, p.name, sev.get(p.severity, p.severity), p.code, p.message)
            for p in pv.problems
        ],
        originals,
        {k: "；".join(v) for k, v in notes.items()},
    )
    with db.session() as s:
        audit.record(
            s,
            actor,
            "import.report",
            "import_file",
            loaded.sha256[:16],
            detail={"file": loaded.path.name, "out": Path(out).name, "problems": len(pv.problems)},
        )
    return target
