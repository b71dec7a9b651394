"""The names people sign with: user id → display name (falls back to the login name).

Its own module so that casework and printing can both use it without one package loading the
other (casework.state ← printing would close a cycle through services.visits).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import User

__all__ = ["user_names"]


def user_names(s: Session, user_ids: set[int]) -> dict[int, str]:
    """user id → display name (falls back to the username)."""
    if not user_ids:
        return {}
    return {
        u.id: (u.display_name or u.username)
        for u in s.scalars(select(User).where(User.id.in_(user_ids)))
    }
