"""申请材料: the checklist of the applicant's papers on a case and their scanned attachments.

The checklist (申请书, 家庭经济状况核对授权书, 承诺书, 身份证 and 户口本 copies, other proof) is
recorded at intake and completed later; the 审批表 prints each item as 已收/未收. Attachments
(scanned images or PDFs) are kept inside the database with the case, like visit photos.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..errors import NotFound, ValidationError
from ..models import Application, ApplicationMaterial, MaterialAttachment
from . import audit
from .context import Actor
from .scope import require_household

__all__ = [
    "MATERIAL_KINDS",
    "MAX_ATTACHMENT_BYTES",
    "AttachmentView",
    "MaterialView",
    "add_attachment",
    "get_attachment",
    "list_materials",
    "materials_in",
    "set_materials",
    "set_materials_in",
]

# What an applicant hands in (民发〔2021〕57号 第九条、第十条), in checklist order.
MATERIAL_KINDS = {
    "application_form": "申请书",
    "authorization": "家庭经济状况核对授权书",
    "commitment": "承诺书",
    "id_card": "身份证复印件",
    "hukou_book": "户口本复印件",
    "other_proof": "其他证明材料",
}
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
_ALLOWED = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".pdf": "application/pdf",
}


@dataclass(frozen=True)
class AttachmentView:
    id: int
    filename: str
    mime: str
    size: int


@dataclass(frozen=True)
class MaterialView:
    """One checklist item (every kind is listed, received or not)."""

    kind: str
    label: str
    received: bool
    received_on: date | None
    attachments: tuple[AttachmentView, ...] = ()


def _app(s: Session, application_id: int) -> Application:
    app = s.get(Application, application_id)
    if app is None:
        raise NotFound(f"申请 #{application_id} 不存在。", code="application.not_found")
    return app


def materials_in(s: Session, application_id: int) -> tuple[MaterialView, ...]:
    """The whole checklist of an application, in MATERIAL_KINDS order."""
    rows = {
        m.kind: m
        for m in s.scalars(
            select(ApplicationMaterial).where(ApplicationMaterial.application_id == application_id)
        )
    }
    files: dict[int, list[AttachmentView]] = {}
    ids = [m.id for m in rows.values()]
    if ids:
        for mid, aid, name, mime, size in s.execute(
            select(
                MaterialAttachment.material_id,
                MaterialAttachment.id,
                MaterialAttachment.filename,
                MaterialAttachment.mime,
                func.length(MaterialAttachment.data),
            )
            .where(MaterialAttachment.material_id.in_(ids))
            .order_by(MaterialAttachment.id)
        ):
            files.setdefault(mid, []).append(AttachmentView(aid, name, mime, int(size or 0)))
    out = []
    for kind, label in MATERIAL_KINDS.items():
        m = rows.get(kind)
        out.append(
            MaterialView(
                kind,
                label,
                bool(m and m.received),
                m.received_on if m else None,
                tuple(files.get(m.id, [])) if m else (),
            )
        )
    return tuple(out)


def list_materials(db: Database, actor: Actor, application_id: int) -> tuple[MaterialView, ...]:
    actor.require("read")
    with db.read_session() as s:
        require_household(s, actor, _app(s, application_id).household_id)
        return materials_in(s, application_id)


def _row(s: Session, application_id: int, kind: str) -> ApplicationMaterial:
    if kind not in MATERIAL_KINDS:
        raise ValidationError("申请材料类型无效", code="material.kind", field="materials")
    m = s.scalar(
        select(ApplicationMaterial).where(
            ApplicationMaterial.application_id == application_id, ApplicationMaterial.kind == kind
        )
    )
    if m is None:
        m = ApplicationMaterial(application_id=application_id, kind=kind, received=False, note="")
        s.add(m)
        s.flush()
    return m


def set_materials_in(
    s: Session,
    actor: Actor,
    application_id: int,
    received: Mapping[str, bool],
    on_date: date | None = None,
) -> tuple[MaterialView, ...]:
    """Mark checklist items received (True) or not (False); audited when anything changes."""
    actor.require("case.accept")
    app = _app(s, application_id)
    changed: dict[str, bool] = {}
    for kind, value in received.items():
        m = _row(s, application_id, kind)
        if bool(m.received) != bool(value):
            m.received = bool(value)
            m.received_on = (on_date or date.today()) if value else None
            changed[kind] = bool(value)
    s.flush()
    if changed:
        audit.record(
            s,
            actor,
            "application.materials",
            "application",
            application_id,
            household_id=app.household_id,
            detail={"received": changed},
        )
    return materials_in(s, application_id)


def set_materials(
    db: Database, actor: Actor, application_id: int, received: Mapping[str, bool]
) -> tuple[MaterialView, ...]:
    with db.session() as s:
        return set_materials_in(s, actor, application_id, received)


def add_attachment(
    db: Database, actor: Actor, application_id: int, kind: str, file: Path | str | tuple[str, bytes]
) -> tuple[MaterialView, ...]:
    """Keep a scanned image or PDF of one material with the case (marks it received)."""
    actor.require("case.accept")
    if isinstance(file, tuple):
        name, data = file
    else:
        path = Path(file)
        try:
            if path.stat().st_size > MAX_ATTACHMENT_BYTES:
                _too_big(path.name, path.stat().st_size)
            name, data = path.name, path.read_bytes()
        except OSError as exc:
            raise ValidationError(
                f"无法读取文件“{path}”：{exc.strerror or exc}",
                code="material.read",
                field="materials",
            ) from exc
    if len(data) > MAX_ATTACHMENT_BYTES:
        _too_big(name, len(data))
    suffix = Path(name).suffix.lower()
    if suffix not in _ALLOWED:
        raise ValidationError(
            f"“{name}”不是扫描图片或 PDF 文件（可用 JPG、PNG、BMP、TIFF、PDF）。",
            code="material.type",
            field="materials",
        )
    mime = _ALLOWED[suffix] or mimetypes.guess_type(name)[0] or "application/octet-stream"
    with db.session() as s:
        app = _app(s, application_id)
        m = _row(s, application_id, kind)
        if not m.received:
            m.received, m.received_on = True, date.today()
        a = MaterialAttachment(
            material_id=m.id,
            filename=name,
            mime=mime,
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            added_by=actor.user_id or None,
        )
        s.add(a)
        s.flush()
        audit.record(
            s,
            actor,
            "application.attachment",
            "application",
            application_id,
            household_id=app.household_id,
            detail={"kind": kind, "file": name, "sha256": a.sha256},
        )
        return materials_in(s, application_id)


def get_attachment(db: Database, actor: Actor, attachment_id: int) -> tuple[str, str, bytes]:
    """(file name, mime, content) of one attachment."""
    actor.require("read")
    with db.read_session() as s:
        a = s.get(MaterialAttachment, attachment_id)
        if a is None:
            raise NotFound("附件不存在。", code="material.attachment_not_found")
        m = s.get(ApplicationMaterial, a.material_id)
        if m is not None:
            require_household(s, actor, _app(s, m.application_id).household_id)
        return a.filename, a.mime, a.data


def _too_big(name: str, size: int) -> None:
    raise ValidationError(
        f"文件“{name}”大小 {size / 1024 / 1024:.1f} MB，超过 "
        f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB 的上限。",
        code="material.size",
        field="materials",
    )
