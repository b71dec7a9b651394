"""Shared pieces of the printing services: the result type, the office block, code → Chinese
label tables and the audit record every print writes.

Every print is audited in the same transaction that read the data (action ``print``), with
the document kind, the ids printed, page count, size, SHA-256 and whether full ID numbers or
account numbers were shown (DOMAIN §7.3 item 10, §10.3).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...documents.forms_data import Office
from ...models import Township
from .. import audit
from ..context import Actor
from ..settings import office_in
from ..township_settings import office_for_township
from ..user_names import user_names  # re-exported: printers import it from here

__all__ = [
    "DEFAULT_POLICY_URL",
    "PrintResult",
    "count_pages",
    "disability_text",
    "file_name",
    "office_for_print",
    "record_print",
    "sex_text",
    "user_names",
]

#: Printed in the QR code when the office has not set its own policy page (民政部 site).
DEFAULT_POLICY_URL = "https://www.mca.gov.cn/"

_LEVELS = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\s]+')
_PAGE_RE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@dataclass(frozen=True)
class PrintResult:
    """A printable document: PDF bytes, a window/document title and a file name to offer."""

    pdf: bytes
    title: str
    suggested_file_name: str
    pages: int = 0


def count_pages(pdf: bytes) -> int:
    """Number of page objects in a reportlab PDF (uncompressed object dictionaries)."""
    return len(_PAGE_RE.findall(pdf))


def file_name(*parts: object) -> str:
    """A safe file name from parts: ``file_name("审批表", "NB2025001", "王大山")``."""
    text = "_".join(str(p) for p in parts if str(p).strip())
    return _BAD_FILE_CHARS.sub("_", text).strip("_")[:120] + ".pdf"


def office_for_print(s: Session, township_hint: str = "") -> Office:
    """The issuing office from the settings, or sensible text when it is not set up yet; on a
    county server the township's own office block (township settings) where it has one."""
    info = office_in(s)
    if township_hint:
        town_id = s.scalar(select(Township.id).where(Township.name == township_hint))
        info = office_for_township(s, town_id) if town_id is not None else info
    if info is not None:
        township = info.township_name or township_hint
        return Office(
            county=info.county,
            township=township,
            office_name=info.office_name or f"{township}人民政府",
            phone=info.phone,
            policy_url=info.policy_url or DEFAULT_POLICY_URL,
        )
    township = township_hint
    if not township:
        first = s.scalars(select(Township).order_by(Township.id)).first()
        township = first.name if first is not None else ""
    return Office(
        county="",
        township=township,
        office_name=f"{township}人民政府" if township else "乡镇人民政府（街道办事处）",
        phone="",
        policy_url=DEFAULT_POLICY_URL,
    )


def sex_text(code: str) -> str:
    return {"M": "男", "F": "女"}.get(code, code)


def disability_text(category: str | None, level: int | None) -> str:
    if not category and level is None:
        return ""
    return f"{category or ''}{_LEVELS.get(level or 0, '')}".strip() or ""


def record_print(
    s: Session,
    actor: Actor,
    result: PrintResult,
    *,
    document: str,
    entity: str,
    ids: list[int] | tuple[int, ...],
    full_ids: bool,
    full_accounts: bool = False,
    households: dict[int, int | None] | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    """Write the ``print`` audit event(s): one per printed entity so that each household's
    history shows the print; ``households`` maps entity id → household id."""
    detail: dict[str, Any] = {
        "document": document,
        "ids": list(ids),
        "pages": result.pages,
        "bytes": len(result.pdf),
        "sha256": hashlib.sha256(result.pdf).hexdigest(),
        "full_ids": full_ids,
        "full_accounts": full_accounts,
        "title": result.title,
        "printed_on": date.today().isoformat(),
        **(extra or {}),
    }
    households = households or {}
    entries = [(entity_id, households.get(entity_id)) for entity_id in ids]
    audit.record_many(s, actor, "print", entity, entries, detail=detail)
