"""One comparison run: read the department file, match its rows with the register by
normalised ID number (confirmed by the name), apply the warning rules, and write the run, its
rows and the new findings in one transaction with an audit event.

A file already compared for the same source (same SHA-256) is refused, and a lead already open
for the same person and kind is not repeated: a monthly delivery that lists the same people
again adds nothing new to the queue.

On a county server (issue 18) a township user compares the county-wide file for their own
township: only the rows of people registered in their township are kept; the other rows are
left out and counted (``RunResult.left_out``). A row that matches no one is left out too: no
department file carries the person's residence and an ID number's area code names only the
county, so the data cannot tell its township (the county's own run keeps those rows). The same
file may then be compared once by each township and once county-wide, not twice by the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.comparison import (
    KIND_LABELS,
    RULES,
    SOURCE_LABELS,
    Rule,
    Thresholds,
    amount_fen,
    comparison_id,
    is_reversed,
    names_agree,
    rule_applies,
)
from ...domain.masking import mask_id
from ...domain.programmes import MONTHLY_PROGRAMMES
from ...errors import ValidationError
from ...models import (
    ComparisonRun,
    ComparisonSource,
    DepartmentRow,
    Enrollment,
    Finding,
    Household,
    Person,
)
from .. import audit
from ..context import Actor
from ..scope import visible_household_ids
from ..settings import get_setting
from .reading import check_source, read_department_file
from .types import DeptTable, RunResult, RunView

__all__ = ["LIVE_STATUSES", "compare_file", "compare_table_in", "thresholds_in"]

LIVE_STATUSES = ("active", "phase_out", "suspended")
_LISTED = 300  # unmatched / mismatched rows listed in the result
_CHUNK = 5000


def thresholds_in(s: Session) -> Thresholds:
    """The office's comparison thresholds (settings ``comparison.*``)."""
    d = Thresholds()
    return Thresholds(
        self_pay_fen=int(get_setting(s, "comparison.self_pay_threshold_fen", d.self_pay_fen)),
        severe_levels=tuple(
            int(x) for x in get_setting(s, "comparison.severe_levels", d.severe_levels)
        ),
        severe_level3_categories=tuple(
            get_setting(s, "comparison.severe_level3_categories", d.severe_level3_categories)
        ),
        vehicle_exempt_words=tuple(
            get_setting(s, "comparison.vehicle_exempt_words", d.vehicle_exempt_words)
        ),
        disabled_kinds=tuple(get_setting(s, "comparison.disabled_kinds", ()) or ()),
    )


def due_days_in(s: Session, kind: str) -> int:
    days = get_setting(s, "comparison.due_days", {}) or {}
    return int(days.get(kind, days.get("default", 30)))


def remembered_mapping_in(s: Session, source: str) -> dict[str, str]:
    row = s.get(ComparisonSource, source)
    return dict(row.mapping) if row is not None else {}


def compare_file(
    db: Database,
    actor: Actor,
    path: str | Path,
    source: str,
    *,
    mapping: Mapping[str, str] | None = None,
    today: date | None = None,
) -> RunResult:
    """Compare one department file; a given ``mapping`` is remembered for the source."""
    actor.require("register.write")
    check_source(source)
    with db.read_session() as s:
        remembered = remembered_mapping_in(s, source)
    table = read_department_file(path, source, remembered, mapping)
    with db.session() as s:
        return compare_table_in(s, actor, table, source, mapping=mapping, today=today)


def _register(s: Session, ids: set[str]) -> dict[str, tuple[int, str, int, int | None, bool]]:
    """ID number -> (person id, name, household id, disability level, deceased) for the IDs
    of the file, in chunks (an IN list per chunk keeps both backends happy)."""
    out: dict[str, tuple[int, str, int, int | None, bool]] = {}
    conn = s.connection()
    id_list = sorted(ids)
    for i in range(0, len(id_list), _CHUNK):
        chunk = id_list[i : i + _CHUNK]
        for pid, idn, name, hh, level, dead in conn.execute(
            select(
                Person.id,
                Person.id_number,
                Person.name,
                Person.household_id,
                Person.disability_level,
                Person.deceased_on,
            ).where(Person.id_number.in_(chunk))
        ):
            out[idn] = (pid, name, hh, level, dead is not None)
    return out


def _households(s: Session, hh_ids: set[int]) -> tuple[set[int], set[int]]:
    """(households with a live monthly enrollment, 低保边缘 households) among ``hh_ids``."""
    live: set[int] = set()
    near: set[int] = set()
    conn = s.connection()
    ids = sorted(hh_ids)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        live.update(
            conn.execute(
                select(Enrollment.household_id).where(
                    Enrollment.household_id.in_(chunk),
                    Enrollment.status.in_(LIVE_STATUSES),
                    Enrollment.programme.in_(MONTHLY_PROGRAMMES),
                )
            ).scalars()
        )
        near.update(
            conn.execute(
                select(Household.id).where(Household.id.in_(chunk), Household.near_dibao.is_(True))
            ).scalars()
        )
    return live, near


def _open_keys(s: Session, kinds: list[str]) -> set[tuple[str, str]]:
    """(kind, ID number) of the findings still open for these kinds."""
    return {
        (k, idn)
        for k, idn in s.connection().execute(
            select(Finding.kind, Finding.id_number).where(
                Finding.status == "open", Finding.kind.in_(kinds)
            )
        )
    }


def _message(rule: Rule, name: str, data: dict[str, Any], mismatch: str | None) -> str:
    text = f"{name}：{KIND_LABELS[rule.kind]}"
    if rule.kind == "death" and data.get("death_date"):
        text += f"（死亡日期 {data['death_date']}）"
    if "self_pay_fen" in data:
        text += f"（个人负担合计 {data['self_pay_fen'] / 100:.2f} 元）"
    if mismatch is not None:
        text += f"；部门数据姓名为“{mismatch}”，与登记不一致，请核实"
    return text


def _plain(value: Any) -> Any:
    """A cell as JSON can keep it (dates as ISO text)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if hasattr(value, "hour") else value.isoformat()
    return str(value)


def compare_table_in(
    s: Session,
    actor: Actor,
    table: DeptTable,
    source: str,
    *,
    mapping: Mapping[str, str] | None = None,
    today: date | None = None,
) -> RunResult:
    """:func:`compare_file` for a table already read, inside the caller's transaction."""
    actor.require("register.write")
    src = check_source(source)
    today = today or date.today()
    town = actor.township_id
    earlier = next(
        (
            run_id
            for run_id, summary in s.execute(
                select(ComparisonRun.id, ComparisonRun.summary).where(
                    ComparisonRun.source == source, ComparisonRun.sha256 == table.sha256
                )
            )
            # a county-wide run covers every township; a township's run only its own
            if (summary or {}).get("township_id") in (None, town)
        ),
        None,
    )
    if earlier is not None:
        raise ValidationError(
            f"文件 {table.file_name} 已在第 {earlier} 次比对中比对过（{src.label}），不再重复比对。",
            code="compare.duplicate",
        )
    t = thresholds_in(s)
    rules = [r for r in RULES if r.source == source]
    # normalise every row once
    rows: list[tuple[int, str | None, str, dict[str, Any]]] = []
    for row_no, cells in table.rows:
        data = {k: _plain(v) for k, v in cells.items() if k not in ("name", "id_number")}
        name = "".join(str(cells.get("name") or "").split())
        rows.append((row_no, comparison_id(cells.get("id_number")), name, data))
    reg = _register(s, {r[1] for r in rows if r[1]})
    left_out = 0
    if town is not None:  # a township user: the rows of their township's people only
        ours = visible_household_ids(s, actor, {v[2] for v in reg.values()})
        reg = {idn: v for idn, v in reg.items() if v[2] in ours}
        kept = [r for r in rows if r[1] and r[1] in reg]
        left_out = len(rows) - len(kept)
        rows = kept
    live, near = _households(s, {v[2] for v in reg.values()})
    self_pay: dict[str, int] = defaultdict(int)
    if source == "medical":
        for _no, idn, _name, data in rows:
            if idn:
                self_pay[idn] += amount_fen(data.get("self_pay"))
    open_keys = _open_keys(s, [r.kind for r in rules])
    due = {r.kind: today + timedelta(days=due_days_in(s, r.kind)) for r in rules}
    run = ComparisonRun(
        source=source,
        file_name=table.file_name[:256],
        sha256=table.sha256,
        sheet=table.sheet[:64],
        mapping=dict(table.mapping),
        created_by=actor.user_id or None,
        created_by_name=actor.display_name or actor.username,
    )
    s.add(run)
    s.flush()
    counts = {"matched": 0, "unmatched": 0, "name_mismatch": 0, "bad_id": 0}
    by_kind: dict[str, int] = defaultdict(int)
    reversed_deaths = already = 0
    unmatched_list: list[tuple[int, str, str]] = []
    mismatch_list: list[tuple[int, str, str, str]] = []
    dept_rows: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for row_no, idn, name, data in rows:
        hit = reg.get(idn) if idn else None
        if idn is None:
            match = "bad_id"
        elif hit is None:
            match = "unmatched"
            if len(unmatched_list) < _LISTED:
                unmatched_list.append((row_no, name, mask_id(idn)))
        elif not names_agree(hit[1], name):
            match = "name_mismatch"
            if len(mismatch_list) < _LISTED:
                mismatch_list.append((row_no, hit[1], name, mask_id(idn)))
        else:
            match = "matched"
        counts[match] += 1
        if source == "deaths" and is_reversed(data.get("reversed")):
            reversed_deaths += 1
        dept_rows.append(
            {
                "run_id": run.id,
                "row_no": row_no,
                "id_number": idn or "",
                "name": name[:64],
                "person_id": hit[0] if hit else None,
                "match": match,
                "data": data,
            }
        )
        if idn is None:
            continue
        for rule in rules:
            if hit is None:
                if not rule.unmatched:
                    continue
                recipient = False
                ctx: dict[str, Any] = {"self_pay_fen": self_pay.get(idn, 0)}
            else:
                recipient = hit[2] in live
                if recipient != rule.recipient or hit[4]:
                    continue  # a person already registered dead gets no new lead
                ctx = {
                    "near_dibao": hit[2] in near,
                    "disability_level": hit[3],
                    "self_pay_fen": self_pay.get(idn, 0),
                }
            if not rule_applies(rule, data, t, ctx):
                continue
            key = (rule.kind, idn)
            if key in seen:
                continue
            seen.add(key)
            if key in open_keys:
                already += 1
                continue
            fdata = dict(data)
            if source == "medical":
                fdata["self_pay_fen"] = self_pay.get(idn, 0)
            shown = hit[1] if hit else name
            mismatch = name if match == "name_mismatch" else None
            if mismatch is not None:
                fdata["department_name"] = name
            by_kind[rule.kind] += 1
            findings.append(
                {
                    "kind": rule.kind,
                    "recipient": recipient,
                    "person_id": hit[0] if hit else None,
                    "household_id": hit[2] if hit else None,
                    "name": (shown or "")[:64],
                    "id_number": idn,
                    "run_id": run.id,
                    "row_no": row_no,
                    "data": fdata,
                    "message": _message(rule, shown or "（无姓名）", fdata, mismatch),
                    "due_on": due[rule.kind],
                    "assignee_id": actor.user_id or None,
                    "assignee_name": actor.display_name or actor.username,
                    "status": "open",
                    "outcome_note": "",
                    "resolved_by_name": "",
                    "action": "",
                    "action_ref": "",
                    "version": 1,
                }
            )
    conn = s.connection()
    for i in range(0, len(dept_rows), _CHUNK):
        conn.execute(insert(DepartmentRow), dept_rows[i : i + _CHUNK])
    if findings:
        conn.execute(insert(Finding), findings)
    run.rows_read = len(rows)
    run.matched = counts["matched"] + counts["name_mismatch"]
    run.unmatched = counts["unmatched"]
    run.name_mismatches = counts["name_mismatch"]
    run.bad_ids = counts["bad_id"]
    run.findings = len(findings)
    run.summary = {
        "by_kind": dict(by_kind),
        "reversed_deaths": reversed_deaths,
        "already_open": already,
        "header_row": table.header_row,
        "township_id": town,
        "left_out": left_out,
    }
    if mapping:
        _remember(s, actor, source, mapping)
    s.flush()
    audit.record(
        s,
        actor,
        "comparison.run",
        "comparison_run",
        run.id,
        detail={
            "source": source,
            "file": table.file_name,
            "sha256": table.sha256,
            "rows": run.rows_read,
            "matched": run.matched,
            "unmatched": run.unmatched,
            "name_mismatches": run.name_mismatches,
            "findings": dict(by_kind),
            "township_id": town,
            "left_out": left_out,
        },
    )
    return RunResult(
        run=run_view(run),
        reversed_deaths=reversed_deaths,
        already_open=already,
        unmatched_rows=tuple(unmatched_list),
        mismatch_rows=tuple(mismatch_list),
        left_out=left_out,
    )


def _remember(s: Session, actor: Actor, source: str, mapping: Mapping[str, str]) -> None:
    row = s.get(ComparisonSource, source)
    if row is None:
        row = ComparisonSource(source=source, mapping={})
        s.add(row)
    row.mapping = {**row.mapping, **{str(k): str(v) for k, v in mapping.items()}}
    row.updated_by_name = actor.display_name or actor.username
    audit.record(
        s, actor, "comparison.mapping", "comparison_source", source, detail=dict(row.mapping)
    )


def run_view(run: ComparisonRun) -> RunView:
    return RunView(
        id=run.id,
        source=run.source,
        source_label=SOURCE_LABELS.get(run.source, run.source),
        file_name=run.file_name,
        sha256=run.sha256,
        created_at=run.created_at,
        created_by_name=run.created_by_name,
        rows_read=run.rows_read,
        matched=run.matched,
        unmatched=run.unmatched,
        name_mismatches=run.name_mismatches,
        bad_ids=run.bad_ids,
        findings=run.findings,
        by_kind=dict((run.summary or {}).get("by_kind", {})),
    )
