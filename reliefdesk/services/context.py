"""Who is acting: the logged-in user and what their role may do.

Roles (DOMAIN §6.6, 等保 三员分立): 经办人 clerk, 审核人 reviewer, 负责人 approver,
管理员 admin, 审计员 auditor (read-only).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import PermissionDenied

ROLES = ("clerk", "reviewer", "approver", "admin", "auditor")
ROLE_LABELS = {"clerk": "经办人", "reviewer": "审核人", "approver": "负责人", "admin": "管理员",
               "auditor": "审计员"}

# permission -> roles that hold it
PERMISSIONS: dict[str, frozenset[str]] = {
    "read": frozenset(ROLES),
    "register.write": frozenset({"clerk", "reviewer", "approver", "admin"}),
    "case.accept": frozenset({"clerk", "reviewer", "approver"}),
    "case.investigate": frozenset({"clerk", "reviewer", "approver"}),
    "case.prelim": frozenset({"reviewer", "approver"}),
    "case.publicity": frozenset({"clerk", "reviewer", "approver"}),
    "case.confirm": frozenset({"approver"}),
    "case.close": frozenset({"clerk", "reviewer", "approver"}),
    "enrollment.change": frozenset({"reviewer", "approver"}),
    "enrollment.decide": frozenset({"approver"}),
    "roster.generate": frozenset({"clerk", "reviewer", "approver"}),
    "roster.lock": frozenset({"approver"}),
    "roster.unlock": frozenset({"admin"}),
    "roster.export": frozenset({"clerk", "reviewer", "approver"}),
    "print": frozenset({"clerk", "reviewer", "approver", "admin"}),
    "admin.users": frozenset({"admin"}),
    "admin.policy": frozenset({"admin"}),
    "admin.office": frozenset({"admin"}),
    "import.recipients": frozenset({"admin"}),  # 存量导入 (services/importing)
    "audit.read": frozenset({"admin", "auditor", "approver"}),
    "pii.reveal": frozenset({"clerk", "reviewer", "approver"}),
}


@dataclass(frozen=True)
class Actor:
    """The authenticated user on whose behalf a service runs."""

    user_id: int
    username: str
    display_name: str
    role: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS.get(permission, frozenset())

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise PermissionDenied(f"当前角色（{self.role_label}）无权执行此操作。",
                                   code=f"perm.{permission}")


SYSTEM = Actor(user_id=0, username="system", display_name="系统", role="admin")
