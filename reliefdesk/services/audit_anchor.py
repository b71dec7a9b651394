"""Anchors of the audit chain kept OUTSIDE the database.

The hash chain (:mod:`reliefdesk.services.audit`) shows an edited or removed event in the
middle, but whoever can write the database file can also delete the newest events and set the
head row to match, or empty the log. An *anchor* — the number of events and the hash of the
last one, ``COUNT:HASH`` — printed on paper (the county checkpoint), written next to every
backup and kept in a journal on this PC, lets :func:`verify_anchor_in` prove later that the
log still contains that head unchanged.

An anchor may carry a short HMAC tag (``COUNT:HASH:TAG``) made with a key kept in the user's
configuration folder (not in the database, owner-only permissions): a tag that checks out
proves the anchor was issued on a PC holding that key, so a forged checkpoint sheet with a
made-up head is recognised. It does not protect against someone who controls that PC's user
account (they hold the key too).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.defaults import GENESIS_HASH
from ..db.engine import Database
from ..errors import ValidationError
from ..models import AuditEvent, AuditHead
from ..paths import config_dir
from .audit import AuditProblem, verify_chain
from .context import Actor

__all__ = [
    "AuditAnchor",
    "anchor_key",
    "anchor_tag",
    "audit_checkpoint",
    "check_chain",
    "current_anchor",
    "current_anchor_in",
    "forget_journal",
    "journal_anchors",
    "parse_anchor",
    "remember_anchor",
    "verify_anchor_in",
    "verify_journal_in",
]

KEY_FILE = "audit-anchor.key"
JOURNAL_FILE = "audit-anchors.jsonl"
TAG_CHARS = 16
_ANCHOR_RE = re.compile(r"([0-9]{1,12}):([0-9a-fA-F]{64})(?::([0-9a-fA-F]{16}))?")


@dataclass(frozen=True)
class AuditAnchor:
    """The audit head: ``count`` events, the last one hashing to ``hash``."""

    count: int
    hash: str

    @property
    def text(self) -> str:
        return f"{self.count}:{self.hash}"

    def with_tag(self) -> str:
        """``COUNT:HASH:TAG`` with this PC's HMAC tag."""
        return f"{self.text}:{anchor_tag(self)}"


def current_anchor_in(session: Session) -> AuditAnchor:
    """The head as recorded (count and last hash); a genesis anchor for an empty log."""
    head = session.get(AuditHead, 1)
    if head is None:
        return AuditAnchor(0, GENESIS_HASH)
    return AuditAnchor(int(head.count), head.last_hash)


def current_anchor(db: Database) -> AuditAnchor:
    """The current audit head, for rosters, exports, backups and the county checkpoint."""
    with db.read_session() as s:
        return current_anchor_in(s)


def parse_anchor(text: str) -> tuple[AuditAnchor, str | None]:
    """``COUNT:HASH`` or ``COUNT:HASH:TAG`` → (anchor, tag or None); else ValidationError."""
    match = _ANCHOR_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValidationError(
            f"锚点“{text}”格式不正确，应为 事件数:64位哈希（可再加 :16位校验码）。",
            code="audit.anchor_format",
        )
    tag = match.group(3).lower() if match.group(3) else None
    return AuditAnchor(int(match.group(1)), match.group(2).lower()), tag


# --- the key outside the database -----------------------------------------------------------


def _key_path() -> Path:
    return config_dir() / KEY_FILE


def anchor_key(*, create: bool = True) -> bytes | None:
    """This PC's anchor key (created owner-only on first use), or None if absent."""
    path = _key_path()
    if path.exists():
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    if not create:
        return None
    key = secrets.token_bytes(32)
    try:
        fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it meanwhile
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex())
    return key


def anchor_tag(anchor: AuditAnchor, key: bytes | None = None) -> str:
    """The HMAC-SHA256 tag of ``anchor`` (first 16 hex digits)."""
    key = key if key is not None else anchor_key()
    assert key is not None
    return hmac.new(key, anchor.text.encode("ascii"), hashlib.sha256).hexdigest()[:TAG_CHARS]


# --- verification -----------------------------------------------------------------------------


def verify_anchor_in(
    session: Session, anchor: AuditAnchor, tag: str | None = None
) -> list[AuditProblem]:
    """Problems if the log no longer contains ``anchor`` as its ``count``-th event."""
    problems: list[AuditProblem] = []
    if tag is not None:
        key = anchor_key(create=False)
        if key is None:
            problems.append(
                AuditProblem(None, "本机没有锚点密钥，无法核对校验码（只核对了事件数与哈希）")
            )
        elif not hmac.compare_digest(anchor_tag(anchor, key), tag):
            problems.append(AuditProblem(None, "锚点校验码不符：该锚点不是本机签发的，或已被改动"))
    if anchor.count == 0:
        if anchor.hash != GENESIS_HASH:
            problems.append(AuditProblem(None, "锚点事件数为 0 但哈希不是链起点"))
        return problems
    event = session.scalars(
        select(AuditEvent).order_by(AuditEvent.id).offset(anchor.count - 1).limit(1)
    ).first()
    if event is None:
        total = session.scalar(select(func.count(AuditEvent.id))) or 0
        problems.append(
            AuditProblem(
                None,
                f"审计日志只剩 {total} 条事件，少于锚点记录的 "
                f"{anchor.count} 条：有事件被删除或日志被清空",
            )
        )
    elif event.hash != anchor.hash:
        problems.append(
            AuditProblem(
                event.id,
                f"第 {anchor.count} 条审计事件（#{event.id}）的哈希"
                "与锚点不符：锚点之前的日志被改写、删除或替换",
            )
        )
    return problems


# --- the journal on this PC -----------------------------------------------------------------


def _journal_path() -> Path:
    return config_dir() / JOURNAL_FILE


def remember_anchor(db: Database, anchor: AuditAnchor, source: str) -> None:
    """Append ``anchor`` to this PC's journal (owner-only file) for later automatic checks."""
    line = json.dumps(
        {
            "db": db.location_label,
            "count": anchor.count,
            "hash": anchor.hash,
            "at": datetime.now().isoformat(timespec="seconds"),
            "source": source,
        },
        ensure_ascii=False,
    )
    path = _journal_path()
    fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def journal_anchors(db: Database, limit: int = 50) -> list[AuditAnchor]:
    """The last ``limit`` anchors this PC recorded for ``db`` (oldest first)."""
    path = _journal_path()
    if not path.exists():
        return []
    found: list[AuditAnchor] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(raw)
            if row.get("db") == db.location_label:
                found.append(AuditAnchor(int(row["count"]), str(row["hash"])))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # a damaged line is skipped, not fatal
    return found[-limit:]


def forget_journal(db: Database) -> int:
    """Drop the journal's anchors for ``db`` (after a restore replaced its log)."""
    path = _journal_path()
    if not path.exists():
        return 0
    keep, dropped = [], 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        try:
            mine = json.loads(raw).get("db") == db.location_label
        except (ValueError, AttributeError):
            mine = False
        if mine:
            dropped += 1
        else:
            keep.append(raw)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in keep))
    os.replace(tmp, path)
    return dropped


def verify_journal_in(session: Session, anchors: list[AuditAnchor]) -> list[AuditProblem]:
    """Check the log against the newest journal anchor (its hash commits to all before it,
    so with an intact chain the older anchors hold too)."""
    if not anchors:
        return []
    anchor = anchors[-1]
    return [
        AuditProblem(
            p.event_id, f"与本机记录的审计锚点 {anchor.count}:{anchor.hash[:12]}… 不符：{p.message}"
        )
        for p in verify_anchor_in(session, anchor)
    ]


# --- the county checkpoint --------------------------------------------------------------------


def audit_checkpoint(db: Database, actor: Actor) -> tuple[bytes, AuditAnchor]:
    """The 审计日志核对点 PDF (admin only). The print itself is audited first, so the anchor
    on the page includes that event; the anchor is also kept in this PC's journal."""
    from ..documents.pdf.checkpoint import CheckpointData, build_checkpoint
    from .audit import record, seal, verify_chain
    from .settings import office_in

    actor.require("admin.users")
    with db.session() as s:
        chain_ok = not verify_chain(s)
        record(s, actor, "audit.checkpoint", "audit", "", detail={"chain_ok": chain_ok})
        seal(s)  # the anchor on the page includes this event
        anchor = current_anchor_in(s)
        office = office_in(s)
        data = CheckpointData(
            county=office.county if office else "",
            office_name=office.office_name if office else "",
            township=office.township_name if office else "",
            database=db.location_label,
            printed_at=datetime.now(),
            printed_by=f"{actor.display_name or actor.username}（{actor.username}）",
            count=anchor.count,
            head_hash=anchor.hash,
            tag=anchor_tag(anchor),
            chain_ok=chain_ok,
        )
        pdf = build_checkpoint(data)
    remember_anchor(db, anchor, "checkpoint")
    return pdf, anchor


def check_chain(
    db: Database, actor: Actor, anchor: tuple[AuditAnchor, str | None] | None = None
) -> list[AuditProblem]:
    """The admin screen's 校验: the hash chain in a read-only snapshot and, given an anchor
    (a :func:`parse_anchor` result) from a printout, that the log still holds that head."""
    actor.require("audit.read")
    with db.read_session() as s:
        problems = verify_chain(s)
        if anchor is not None:
            problems += verify_anchor_in(s, *anchor)
        return problems
