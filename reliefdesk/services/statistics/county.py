"""County roll-up (县级汇总): a township's sealed monthly statistics package, and its import.

A package is a zip holding ``statistics.xlsx`` (the month's tables) and ``figures.json``: the
township, the month, the figures per category, the SHA-256 of the locked rosters they come
from, the workbook's SHA-256, and ``sha256`` — a SHA-256 over the canonical JSON of all of
that. Import recomputes both hashes and refuses a package whose figures or workbook were
changed (tampered) or whose township and month were already imported (duplicate), each with
one Chinese line. Imported packages are kept as ``setting`` rows keyed
``county.pkg.<township code>.<YYYY-MM>`` (no schema change), so a county installation on a
shared PostgreSQL server sees the same table from every workstation.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ...db.engine import Database
from ...errors import RuleViolation, ValidationError
from ...models import Setting
from .. import audit
from ..context import Actor

__all__ = [
    "CountyRow",
    "CountyTable",
    "ImportResult",
    "PackageResult",
    "canonical_sha256",
    "county_table",
    "export_package",
    "import_package",
    "township_figures",
]

FORMAT = "reliefdesk-stats/1"
KEY_PREFIX = "county.pkg."
_FIELDS = (
    "households",
    "persons",
    "new_households",
    "new_persons",
    "exited_households",
    "exited_persons",
    "amount_fen",
    "cumulative_fen",
)


@dataclass(frozen=True)
class PackageResult:
    path: Path
    sha256: str  # the seal over the figures


@dataclass(frozen=True)
class ImportResult:
    township_code: str
    township: str
    month: str
    sha256: str


@dataclass(frozen=True)
class CountyRow:
    township_code: str
    township: str
    month: str
    figures: dict[str, dict[str, int]]  # category → field → value
    sha256: str


@dataclass(frozen=True)
class CountyTable:
    rows: tuple[CountyRow, ...]
    totals: dict[str, dict[str, int]]


def canonical_sha256(payload: dict[str, Any]) -> str:
    """SHA-256 over the canonical JSON (sorted keys, no spaces, UTF-8) of ``payload``."""
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def export_package(
    db: Database, actor: Actor, month: str | date, path: str | os.PathLike[str]
) -> PackageResult:
    """Write the sealed package of ``month`` (refused when the month has no locked roster)."""
    from .reads import export_month_xlsx, month_stats, township_name

    actor.require("roster.export")
    stats = month_stats(db, actor, month)
    if not stats.locked:
        raise RuleViolation(stats.message, code="stats.not_locked")
    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError(f"保存位置不存在：{target.parent}", code="export.folder")
    code, name = township_name(db)
    tmp_xlsx = target.with_name(f".{target.name}.{os.getpid()}.xlsx")
    try:
        _, xlsx_sha = export_month_xlsx(db, actor, stats.month, tmp_xlsx)
        xlsx = tmp_xlsx.read_bytes()
    finally:
        tmp_xlsx.unlink(missing_ok=True)
    figures = {k: {f: getattr(v, f) for f in _FIELDS} for k, v in stats.by_category.items()}
    figures["total"] = {f: getattr(stats.total, f) for f in _FIELDS}
    payload = {
        "format": FORMAT,
        "township_code": code,
        "township": name,
        "month": stats.month_text,
        "figures": figures,
        "rosters": [{"id": rid, "sha256": h} for rid, h in stats.roster_hashes],
        "breaks": list(stats.breaks),
        "workbook_sha256": xlsx_sha,
        "made_by": actor.username,
    }
    seal = canonical_sha256(payload)
    data = json.dumps({**payload, "sha256": seal}, ensure_ascii=False, indent=1)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("statistics.xlsx", xlsx)
            z.writestr("figures.json", data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    with db.session() as s:
        audit.record(
            s,
            actor,
            "stats.package",
            "statistics",
            stats.month_text,
            detail={"file": target.name, "sha256": seal},
        )
    return PackageResult(target, seal)


def _read(path: Path) -> dict[str, Any]:
    name = path.name
    try:
        with zipfile.ZipFile(path) as z:
            data = json.loads(z.read("figures.json").decode("utf-8"))
            xlsx = z.read("statistics.xlsx")
    except FileNotFoundError:
        raise ValidationError(f"{name}：文件不存在。", code="county.missing") from None
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, json.JSONDecodeError, OSError):
        raise ValidationError(
            f"{name}：不是统计数据包（无法读取 figures.json / statistics.xlsx）。",
            code="county.format",
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(f"{name}：不是统计数据包（格式不符）。", code="county.format")
    seal = data.pop("sha256", None)
    if seal != canonical_sha256(data):
        raise RuleViolation(
            f"{name}：校验值不符，数据包已被改动，拒绝导入。", code="county.tampered"
        )
    if hashlib.sha256(xlsx).hexdigest() != data.get("workbook_sha256"):
        raise RuleViolation(
            f"{name}：工作簿校验值不符，数据包已被改动，拒绝导入。", code="county.tampered"
        )
    data["sha256"] = seal
    return data


def import_package(db: Database, actor: Actor, path: str | os.PathLike[str]) -> ImportResult:
    """Import one township package (refuses a tampered or duplicate one); audited."""
    actor.require("roster.export")
    p = Path(path)
    data = _read(p)
    key = f"{KEY_PREFIX}{data['township_code']}.{data['month']}"
    with db.session() as s:
        old = s.get(Setting, key)
        if old is not None:
            same = "（内容相同）" if old.value.get("sha256") == data["sha256"] else "（内容不同）"
            raise RuleViolation(
                f"{p.name}：{data['township']} {data['month']} 的数据包已导入过"
                f"{same}，拒绝重复导入。",
                code="county.duplicate",
            )
        s.add(Setting(key=key, value=data))
        audit.record(
            s,
            actor,
            "stats.import",
            "statistics",
            key,
            detail={"file": p.name, "sha256": data["sha256"]},
        )
    return ImportResult(data["township_code"], data["township"], data["month"], data["sha256"])


def township_figures(db: Database, actor: Actor, month: str | date) -> tuple[CountyRow, ...]:
    """Straight from the database (a county and its townships on one PostgreSQL server): the
    month's locked lines grouped by township, in the same shape as imported packages."""
    from sqlalchemy import func

    from ...models import Roster, RosterLine
    from .month import STOPPED, category_key
    from .reads import _month

    actor.require("read")
    m = _month(month)
    out: dict[str, dict[str, dict[str, int]]] = {}
    with db.read_session() as s:
        q = (
            select(
                RosterLine.township,
                Roster.kind,
                RosterLine.programme,
                RosterLine.category,
                RosterLine.change_flag,
                func.count(),
                func.sum(RosterLine.persons),
                func.sum(RosterLine.paid_fen),
            )
            .join(Roster, Roster.id == RosterLine.roster_id)
            .where(Roster.status == "locked", Roster.month == m)
            .group_by(
                RosterLine.township,
                Roster.kind,
                RosterLine.programme,
                RosterLine.category,
                RosterLine.change_flag,
            )
        )
        from ..scope import restrict_rosters

        for town, kind, prog, cat, flag, n, persons, paid in s.execute(restrict_rosters(q, actor)):
            figs = out.setdefault(town or "", {})
            for key in (category_key(prog, cat), "total"):
                f = figs.setdefault(key, dict.fromkeys(_FIELDS, 0))
                f["amount_fen"] += int(paid or 0)
                counted = kind == "one_off" or (kind == "regular" and flag != STOPPED)
                if counted:
                    f["households"] += n
                    f["persons"] += int(persons or 0)
    text = f"{m:%Y-%m}"
    return tuple(CountyRow("", town, text, figs, "") for town, figs in sorted(out.items()))


def county_table(db: Database, actor: Actor, month: str | None = None) -> CountyTable:
    """The imported townships (of ``month``, or all) and their totals per category."""
    actor.require("read")
    with db.read_session() as s:
        values = [
            v for (v,) in s.execute(select(Setting.value).where(Setting.key.like(f"{KEY_PREFIX}%")))
        ]
    rows = sorted(
        (
            CountyRow(v["township_code"], v["township"], v["month"], v["figures"], v["sha256"])
            for v in values
            if month in (None, v["month"])
        ),
        key=lambda r: (r.month, r.township_code),
    )
    totals: dict[str, dict[str, int]] = {}
    for r in rows:
        for cat, figs in r.figures.items():
            t = totals.setdefault(cat, dict.fromkeys(_FIELDS, 0))
            for f in _FIELDS:
                t[f] += int(figs.get(f, 0))
    return CountyTable(tuple(rows), totals)
