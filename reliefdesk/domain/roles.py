"""Roles and what each may do — the one role→permission table (DOMAIN §6.6, 等保 三员分立).

经办人 clerk, 审核人 reviewer, 负责人 approver, 管理员 admin, 审计员 auditor (read-only).
:class:`reliefdesk.services.context.Actor` checks permissions with it, and
:mod:`reliefdesk.domain.workflow` checks who may take a workflow step with it.
"""

from __future__ import annotations

__all__ = ["PERMISSIONS", "ROLES", "ROLE_LABELS", "ROLE_PERMISSIONS", "role_can", "role_label"]

ROLES = ("clerk", "reviewer", "approver", "admin", "auditor")
ROLE_LABELS = {
    "clerk": "经办人",
    "reviewer": "审核人",
    "approver": "负责人",
    "admin": "管理员",
    "auditor": "审计员",
}

#: permission -> roles that hold it
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
    "roster.county_review": frozenset({"reviewer", "approver"}),  # 县级审核 (county users)
    "roster.export": frozenset({"clerk", "reviewer", "approver"}),
    "print": frozenset({"clerk", "reviewer", "approver", "admin"}),
    "admin.users": frozenset({"admin"}),
    "admin.policy": frozenset({"admin"}),
    "admin.office": frozenset({"admin"}),
    "import.recipients": frozenset({"admin"}),  # 存量导入 (services/importing)
    "audit.read": frozenset({"admin", "auditor", "approver"}),
    "pii.reveal": frozenset({"clerk", "reviewer", "approver"}),
}

#: role -> permissions it holds (the same table, read the other way)
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    role: frozenset(p for p, roles in PERMISSIONS.items() if role in roles) for role in ROLES
}


def role_can(role: str, permission: str) -> bool:
    return role in PERMISSIONS.get(permission, frozenset())


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)
