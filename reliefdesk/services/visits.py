"""入户调查 records (DOMAIN §2.9): at least two investigators, the visit mode, what the team
saw, the members present, the opinion and recommendation, and photos kept in the database.

Saving a visit linked to an application that is under investigation also records the
``record_visit`` step of the case in the same transaction.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..domain.workflow import Action, State
from ..domain.workflow_terms import VISIT_MODES
from ..errors import NotFound, ValidationError
from ..models import Application, Household, Person, Visit, VisitPhoto
from . import audit
from .casework.facts import MIN_INVESTIGATORS
from .context import Actor
from .scope import require_household, restrict
from .stale import check_version

__all__ = [
    "HOUSING_TYPES",
    "MAX_PHOTO_BYTES",
    "MODES",
    "RECOMMENDATIONS",
    "SPENDING_ITEMS",
    "STRUCTURES",
    "VISIT_SORTS",
    "PhotoInput",
    "PhotoView",
    "VisitInput",
    "VisitView",
    "get_photo",
    "get_visit",
    "list_visits",
    "save_visit",
]

MODES = VISIT_MODES
# One vocabulary for the editor and the printed 入户调查表: the editor offers these codes (its
# own translated labels) and the form prints these words. A test keeps the two in step.
HOUSING_TYPES = {
    "self_built": "自建房",
    "commercial": "商品房",
    "rented": "租住",
    "lodging": "借住",
}
STRUCTURES = {
    "concrete": "钢混结构",
    "brick_concrete": "砖混结构",
    "brick_wood": "砖木结构",
    "earth": "土坯房",
}
RECOMMENDATIONS = {
    "approve": "符合条件，建议纳入",
    "refuse": "不符合条件，建议不予纳入",
    "further": "需进一步核查",
}
SPENDING_ITEMS = {
    "utilities": "月水电燃料费",
    "phone": "月通讯费",
    "property": "月物业费",
    "medical": "月医疗支出",
    "education": "月教育支出",
}
MAX_PHOTO_BYTES = 10 * 1024 * 1024
_RULE_TWO = "民发〔2021〕57号 第十六条"

PhotoInput = Path | str | tuple[str, bytes]  # a file path, or (file name, content)


@dataclass(frozen=True)
class VisitInput:
    """Form data of a visit; ``id``/``expected_version`` set when editing an existing one.

    ``investigators``: [{"name", "unit"}] (at least 2). ``members_present``: [{"name",
    "signed"}]. ``housing``: {"type", "structure", "area_m2", "decoration"}.
    """

    household_id: int
    visit_date: date
    investigators: Sequence[Mapping[str, Any]]
    mode: str = "onsite"
    application_id: int | None = None
    members_present: Sequence[Mapping[str, Any]] = ()
    housing: Mapping[str, Any] = field(default_factory=dict)
    durable_goods: str = ""
    vehicles: str = ""
    livestock: str = ""
    land: str = ""
    member_details: Sequence[Mapping[str, Any]] = ()
    supporters: Sequence[Mapping[str, Any]] = ()
    spending: Mapping[str, Any] = field(default_factory=dict)
    opinion: str = ""
    recommendation: str = ""
    photos: Sequence[PhotoInput] = ()
    id: int | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class PhotoView:
    id: int
    filename: str
    mime: str
    sha256: str
    size: int


@dataclass(frozen=True)
class VisitView:
    id: int
    household_id: int
    application_id: int | None
    visit_date: date
    mode: str
    mode_label: str
    investigators: tuple[Mapping[str, Any], ...]
    members_present: tuple[Mapping[str, Any], ...]
    housing: Mapping[str, Any]
    durable_goods: str
    vehicles: str
    livestock: str
    land: str
    member_details: tuple[Mapping[str, Any], ...]
    supporters: tuple[Mapping[str, Any], ...]
    spending: Mapping[str, Any]
    opinion: str
    recommendation: str
    created_by: int
    version: int
    photos: tuple[PhotoView, ...]
    file_no: str = ""  # of the application visited for ("" for a re-check without one)
    applicant_name: str = ""  # the applicant, or the household head


def _rows(values: Any) -> tuple[dict[str, Any], ...]:
    """JSON list of people; tolerates bare names written by older data."""
    return tuple({"name": x} if isinstance(x, str) else dict(x) for x in values or [])


def _view(v: Any, photos: Sequence[PhotoView], file_no: str = "", applicant: str = "") -> VisitView:
    """``v``: a Visit or a row with the visit table's column names."""
    return VisitView(
        v.id,
        v.household_id,
        v.application_id,
        v.visit_date,
        v.mode,
        MODES.get(v.mode, v.mode),
        _rows(v.investigators),
        _rows(v.members_present),
        dict(v.housing or {}),
        v.durable_goods,
        v.vehicles,
        v.livestock,
        v.land,
        _rows(v.member_details),
        _rows(v.supporters),
        dict(v.spending or {}),
        v.opinion,
        v.recommendation,
        v.created_by,
        v.version,
        tuple(photos),
        file_no,
        applicant,
    )


def _who(s: Session, v: Any) -> tuple[str, str]:
    """(file no., applicant or head name) of a visit."""
    if v.application_id:
        row = s.execute(
            select(Application.file_no, Person.name)
            .join(Person, Person.id == Application.applicant_id)
            .where(Application.id == v.application_id)
        ).first()
        if row is not None:
            return row[0] or f"#{v.application_id}", row[1]
    head = s.scalar(
        select(Person.name)
        .where(Person.household_id == v.household_id)
        .order_by((Person.relation != "head"), Person.id)
        .limit(1)
    )
    return "", head or ""


def _photos(s: Session, visit_ids: Sequence[int]) -> dict[int, list[PhotoView]]:
    """Photo metadata of the visits, by visit id; the size comes from SQL (the image data is
    never read)."""
    out: dict[int, list[PhotoView]] = {}
    for i in range(0, len(visit_ids), 900):
        rows = s.execute(
            select(
                VisitPhoto.visit_id,
                VisitPhoto.id,
                VisitPhoto.filename,
                VisitPhoto.mime,
                VisitPhoto.sha256,
                func.length(VisitPhoto.data),
            )
            .where(VisitPhoto.visit_id.in_(visit_ids[i : i + 900]))
            .order_by(VisitPhoto.id)
        )
        for visit_id, *rest in rows:
            pid, name, mime, sha, size = rest
            out.setdefault(visit_id, []).append(PhotoView(pid, name, mime, sha, int(size or 0)))
    return out


def _view_in(s: Session, v: Visit) -> VisitView:
    return _view(v, _photos(s, [v.id]).get(v.id, ()), *_who(s, v))


def _read_photo(photo: PhotoInput) -> tuple[str, bytes]:
    if isinstance(photo, tuple):
        name, data = photo
        if len(data) > MAX_PHOTO_BYTES:
            _too_big(name, len(data))
        return name, data
    path = Path(photo)
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            _too_big(path.name, size)
        return path.name, path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            f"无法读取照片文件“{path}”：{exc.strerror or exc}",
            field="photos",
            code="visit.photo_read",
        ) from exc


def _too_big(name: str, size: int) -> None:
    raise ValidationError(
        f"照片“{name}”大小 {size / 1024 / 1024:.1f} MB，超过每张 "
        f"{MAX_PHOTO_BYTES // 1024 // 1024} MB 的上限，请压缩后再添加。",
        field="photos",
        code="visit.photo_size",
    )


def _clean_people(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [dict(r) for r in rows if str(r.get("name", "")).strip()]


def _validate(data: VisitInput) -> list[dict[str, Any]]:
    investigators = _clean_people(data.investigators)
    names = {str(r["name"]).strip() for r in investigators}
    if len(names) < MIN_INVESTIGATORS:
        raise ValidationError(
            "入户调查每组调查人员不得少于 2 人，请填写至少两名不同的调查人员。",
            field="investigators",
            code="visit.investigators",
            rule=_RULE_TWO,
        )
    if data.visit_date > date.today():
        raise ValidationError("调查日期不能晚于今天。", field="visit_date", code="visit.date")
    if data.mode not in MODES:
        raise ValidationError("调查方式须为实地入户、电话或视频。", field="mode", code="visit.mode")
    return investigators


def save_visit(db: Database, actor: Actor, data: VisitInput) -> VisitView:
    """Create (``data.id`` None) or update a visit record, with its new photos."""
    actor.require("case.investigate")
    investigators = _validate(data)
    photos = [_read_photo(p) for p in data.photos]  # read files before the transaction
    with db.session() as s:
        if s.get(Household, data.household_id) is None:
            raise NotFound(f"家庭 #{data.household_id} 不存在。", code="household.not_found")
        app: Application | None = None
        if data.application_id is not None:
            app = s.get(Application, data.application_id)
            if app is None or app.household_id != data.household_id:
                raise ValidationError(
                    "所选申请不属于该家庭。", field="application_id", code="visit.application"
                )
        if data.id is None:
            v = Visit(
                household_id=data.household_id,
                created_by=actor.user_id,
                visit_date=data.visit_date,
                investigators=investigators,
            )
            s.add(v)
        else:
            found = s.get(Visit, data.id)
            if found is None:
                raise NotFound(f"入户调查记录 #{data.id} 不存在。", code="visit.not_found")
            v = found
            check_version("入户调查记录", v.version, data.expected_version)
        v.household_id = data.household_id
        v.application_id = data.application_id
        v.visit_date, v.mode, v.investigators = data.visit_date, data.mode, investigators
        v.members_present = _clean_people(data.members_present)
        v.housing = dict(data.housing)
        v.durable_goods, v.vehicles = data.durable_goods, data.vehicles
        v.livestock, v.land = data.livestock, data.land
        v.member_details = [dict(r) for r in data.member_details]
        v.supporters = [dict(r) for r in data.supporters]
        v.spending = dict(data.spending)
        v.opinion, v.recommendation = data.opinion, data.recommendation
        s.flush()
        for name, content in photos:
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            s.add(
                VisitPhoto(
                    visit_id=v.id,
                    filename=name[:256],
                    mime=mime,
                    sha256=hashlib.sha256(content).hexdigest(),
                    data=content,
                )
            )
        s.flush()
        audit.record(
            s,
            actor,
            "visit.create" if data.id is None else "visit.update",
            "visit",
            v.id,
            household_id=v.household_id,
            detail={
                "application_id": v.application_id,
                "mode": v.mode,
                "visit_date": v.visit_date.isoformat(),
                "investigators": [r["name"] for r in investigators],
                "photos_added": [n for n, _ in photos],
            },
        )
        if app is not None and data.id is None and app.state == State.INVESTIGATING:
            from .casework.workflow import perform_in  # casework imports nothing from here

            perform_in(
                s,
                actor,
                app.id,
                Action.RECORD_VISIT.value,
                on_date=max(data.visit_date, app.state_since),
                visit_id=v.id,
                opinion=data.opinion,
            )
        s.refresh(v)
        return _view_in(s, v)


def _load(s: Session, visit_id: int) -> Visit:
    v = s.get(Visit, visit_id)
    if v is None:
        raise NotFound(f"入户调查记录 #{visit_id} 不存在。", code="visit.not_found")
    return v


def get_visit(db: Database, actor: Actor, visit_id: int) -> VisitView:
    actor.require("read")
    with db.read_session() as s:
        v = _load(s, visit_id)
        require_household(s, actor, v.household_id)
        return _view_in(s, v)


def get_photo(db: Database, actor: Actor, photo_id: int) -> tuple[str, str, bytes]:
    """(file name, MIME type, content) of one photo."""
    actor.require("read")
    with db.read_session() as s:
        p = s.get(VisitPhoto, photo_id)
        if p is None:
            raise NotFound(f"照片 #{photo_id} 不存在。", code="visit.photo_not_found")
        require_household(
            s, actor, s.scalar(select(Visit.household_id).where(Visit.id == p.visit_id))
        )
        return p.filename, p.mime, p.data


VISIT_SORTS = ("visit_date", "file_no", "applicant", "mode")


def list_visits(
    db: Database,
    actor: Actor,
    household_id: int | None = None,
    application_id: int | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    text: str = "",
    sort: str = "visit_date",
    descending: bool = True,
) -> list[VisitView]:
    """Visits of a household and/or application (all visits if neither is given).

    Without paging the whole list comes in visit order (oldest first). With ``limit`` or
    ``offset`` it is paged by ``sort`` (VISIT_SORTS; newest first by default), for long
    lists; ``text`` searches the applicant's (or head's) name and the file no. Photos are listed by name and size only; :func:`get_photo` reads one.
    """
    with db.read_session() as s:
        return list_visits_in(
            s,
            actor,
            household_id,
            application_id,
            limit=limit,
            offset=offset,
            text=text,
            sort=sort,
            descending=descending,
        )


def list_visits_in(
    s: Session,
    actor: Actor,
    household_id: int | None = None,
    application_id: int | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    text: str = "",
    sort: str = "visit_date",
    descending: bool = True,
) -> list[VisitView]:
    """:func:`list_visits` inside an open session (composition)."""
    actor.require("read")
    head = (
        select(Person.household_id, func.min(Person.id).label("pid"))
        .where(Person.relation == "head")
        .group_by(Person.household_id)
        .subquery()
    )
    applicant = Person.__table__.alias("applicant")
    head_person = Person.__table__.alias("head_person")
    name = func.coalesce(applicant.c.name, head_person.c.name, "")
    file_no = func.coalesce(Application.file_no, "")
    q = (
        select(*Visit.__table__.c, file_no.label("file_no_"), name.label("applicant_"))
        .join(Application, Application.id == Visit.application_id, isouter=True)
        .join(applicant, applicant.c.id == Application.applicant_id, isouter=True)
        .join(head, head.c.household_id == Visit.household_id, isouter=True)
        .join(head_person, head_person.c.id == head.c.pid, isouter=True)
    )
    q = restrict(q, actor, Visit.household_id)
    if household_id is not None:
        q = q.where(Visit.household_id == household_id)
    if application_id is not None:
        q = q.where(Visit.application_id == application_id)
    needle = text.strip()
    if needle:
        like = f"%{needle}%"
        q = q.where(or_(name.like(like), file_no.like(like)))
    if limit is None and offset <= 0 and not needle:
        q = q.order_by(Visit.visit_date, Visit.id)
    else:
        column = {"file_no": file_no, "applicant": name, "mode": Visit.mode}.get(
            sort, Visit.visit_date
        )
        q = q.order_by(
            column.desc() if descending else column.asc(),
            Visit.id.desc() if descending else Visit.id.asc(),
        )
        q = q.offset(max(0, offset))
        if limit is not None:
            q = q.limit(max(0, limit))
    rows = s.execute(q).all()
    photos = _photos(s, [r.id for r in rows])
    return [
        _view(
            r,
            photos.get(r.id, ()),
            r.file_no_ or (f"#{r.application_id}" if r.application_id else ""),
            r.applicant_,
        )
        for r in rows
    ]
