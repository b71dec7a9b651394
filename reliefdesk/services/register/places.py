"""Townships (乡镇/街道) and villages (村/社区) of the office's area."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...domain.pinyin import sort_key
from ...errors import NotFound, ValidationError
from ...models import Township, Village
from .. import audit
from ..context import Actor
from ..scope import restrict_townships
from .types import TownshipView, VillageView

__all__ = ["add_village", "list_townships", "list_villages", "rename_village", "village_view"]


_MAX_NAME_LENGTH = 64
_AREA_CODE_DIGITS = 12  # 统计用区划代码: 12 digits


def village_view(v: Village) -> VillageView:
    return VillageView(v.id, v.township_id, v.name, v.code, bool(v.is_community))


def list_townships(db: Database, actor: Actor) -> list[TownshipView]:
    """All townships by code, each with its villages by name (a township user: their own)."""
    actor.require("read")
    with db.read_session() as s:
        villages: dict[int, list[VillageView]] = {}
        vq = restrict_townships(select(Village).order_by(Village.name), actor, Village.township_id)
        for v in s.scalars(vq):
            villages.setdefault(v.township_id, []).append(village_view(v))
        tq = restrict_townships(select(Township).order_by(Township.code), actor, Township.id)
        return [
            TownshipView(t.id, t.code, t.name, t.kind, tuple(villages.get(t.id, ())))
            for t in s.scalars(tq)
        ]


def list_villages(db: Database, actor: Actor, township_id: int | None = None) -> list[VillageView]:
    actor.require("read")
    with db.read_session() as s:
        q = select(Village).order_by(Village.township_id, Village.name)
        q = restrict_townships(q, actor, Village.township_id)
        if township_id is not None:
            q = q.where(Village.township_id == township_id)
        rows = sorted(s.scalars(q), key=lambda v: (v.township_id, sort_key(v.name)))
        return [village_view(v) for v in rows]


def _clean_name(name: str) -> str:
    text = " ".join(name.split())
    if not text:
        raise ValidationError("村（社区）名称不能为空", code="village.name", field="name")
    if len(text) > _MAX_NAME_LENGTH:
        raise ValidationError("村（社区）名称过长（最多 64 字）", code="village.name", field="name")
    return text


def _clean_code(code: str | None) -> str | None:
    if code is None or not code.strip():
        return None
    c = code.strip()
    if not (c.isascii() and c.isdigit() and len(c) == _AREA_CODE_DIGITS):
        raise ValidationError("村级区划代码应为 12 位数字", code="village.code", field="code")
    return c


def _check_unique(s: Session, township_id: int, name: str, exclude_id: int | None) -> None:
    q = select(Village.id).where(Village.township_id == township_id, Village.name == name)
    if exclude_id is not None:
        q = q.where(Village.id != exclude_id)
    if s.scalar(q) is not None:
        raise ValidationError(
            f"本乡镇已有名为“{name}”的村（社区）", code="village.duplicate", field="name"
        )


def add_village(
    db: Database,
    actor: Actor,
    township_id: int,
    name: str,
    code: str | None = None,
    is_community: bool = False,
) -> VillageView:
    """Add a village (or 社区 when ``is_community``) to a township."""
    with db.session() as s:
        return add_village_in(s, actor, township_id, name, code, is_community)


def add_village_in(
    s: Session,
    actor: Actor,
    township_id: int,
    name: str,
    code: str | None = None,
    is_community: bool = False,
) -> VillageView:
    actor.require("register.write")
    if s.get(Township, township_id) is None:
        raise NotFound("乡镇不存在", code="township.not_found")
    clean = _clean_name(name)
    _check_unique(s, township_id, clean, None)
    v = Village(
        township_id=township_id, name=clean, code=_clean_code(code), is_community=is_community
    )
    s.add(v)
    s.flush()
    audit.record(
        s,
        actor,
        "village.add",
        "village",
        v.id,
        detail={
            "township_id": township_id,
            "name": clean,
            "code": v.code,
            "is_community": is_community,
        },
    )
    return village_view(v)


def rename_village(
    db: Database,
    actor: Actor,
    village_id: int,
    name: str,
    code: str | None = None,
    is_community: bool | None = None,
) -> VillageView:
    """Rename a village; ``code``/``is_community`` change too when given (None keeps them)."""
    actor.require("register.write")
    with db.session() as s:
        v = s.get(Village, village_id)
        if v is None:
            raise NotFound("村（社区）不存在", code="village.not_found")
        clean = _clean_name(name)
        _check_unique(s, v.township_id, clean, v.id)
        before = {"name": v.name, "code": v.code, "is_community": v.is_community}
        v.name = clean
        if code is not None:
            v.code = _clean_code(code)
        if is_community is not None:
            v.is_community = is_community
        s.flush()
        audit.record(
            s,
            actor,
            "village.rename",
            "village",
            v.id,
            detail={
                "before": before,
                "after": {"name": v.name, "code": v.code, "is_community": v.is_community},
            },
        )
        return village_view(v)
