"""县级审核: the county reviews a township's roster after the township locked it, before the
bank pays (issue 18). Where the county requires it (setting ``roster.county_review_required``)
the bank file of a township roster is exported only after the review; an unlock voids it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ...db.engine import Database
from ...errors import PermissionDenied, RuleViolation
from ...models import Roster, utcnow
from .. import audit
from ..context import Actor
from ..settings import get_setting
from .build import get_roster_row
from .read import roster_view
from .types import RosterView

__all__ = ["county_review", "require_county_review"]
_BANK_SCOPE = "roster.bank_file_scope"

REQUIRED_SETTING = "roster.county_review_required"


def county_review(db: Database, actor: Actor, roster_id: int, note: str = "") -> RosterView:
    """Record the county's review of a locked township roster (county users only); audited."""
    actor.require("roster.county_review")
    if actor.township_id is not None:
        raise PermissionDenied("花名册的县级审核须由县级用户办理。", code="scope.county_only")
    with db.session() as s:
        roster = get_roster_row(s, roster_id, actor)
        if roster.status != "locked":
            raise RuleViolation("花名册须先由乡镇锁定，县级才能审核。", code="roster.not_locked")
        if roster.county_reviewed_at is not None:
            raise RuleViolation("该花名册已经县级审核。", code="roster.reviewed")
        roster.county_reviewed_at = utcnow()
        roster.county_reviewed_by = actor.user_id or None
        roster.county_reviewed_by_name = actor.display_name or actor.username
        audit.record(
            s,
            actor,
            "roster.county_review",
            "roster",
            roster.id,
            detail={
                "month": roster.month.isoformat(),
                "programme": roster.programme,
                "township_id": roster.township_id,
                "sha256": roster.lines_sha256,
                "note": note.strip(),
            },
        )
        s.flush()
        return roster_view(s, roster)


def require_county_review(session: Session, roster: Roster, actor: Actor) -> None:
    """Refuse the bank file of a township roster the county has not reviewed, where the
    county requires its review; and to a township user where the county pays centrally
    (``roster.bank_file_scope`` "county" for that township)."""
    from ..township_settings import get_township_setting

    if actor.township_id is not None and (
        get_township_setting(session, roster.township_id, _BANK_SCOPE, "township") == "county"
    ):
        raise PermissionDenied(
            "本乡镇的低保金由县级统一代发：银行代发文件由县级导出。", code="scope.county_pays"
        )
    if roster.township_id is None or roster.county_reviewed_at is not None:
        return
    if bool(get_setting(session, REQUIRED_SETTING, False)):
        raise RuleViolation(
            "该花名册尚未经县级审核，不能导出银行代发文件。", code="roster.county_review"
        )
