"""Who is acting: the logged-in user and what their role may do.

Roles and the role→permission table live in :mod:`reliefdesk.domain.roles` (one table, also
used by the workflow); they are re-exported here for the services, CLI and UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.roles import PERMISSIONS, ROLE_LABELS, ROLES, role_can, role_label
from ..errors import PermissionDenied

__all__ = ["PERMISSIONS", "ROLES", "ROLE_LABELS", "SYSTEM", "Actor"]


@dataclass(frozen=True)
class Actor:
    """The authenticated user on whose behalf a service runs."""

    user_id: int
    username: str
    display_name: str
    role: str
    #: the township the user works for; None: a county user, who sees every township
    #: (what they may see is decided by :mod:`reliefdesk.services.scope`, nowhere else)
    township_id: int | None = None

    @property
    def role_label(self) -> str:
        return role_label(self.role)

    def can(self, permission: str) -> bool:
        return role_can(self.role, permission)

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"当前角色（{self.role_label}）无权执行此操作。", code=f"perm.{permission}"
            )


SYSTEM = Actor(user_id=0, username="system", display_name="系统", role="admin")
