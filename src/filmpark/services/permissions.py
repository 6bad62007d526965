"""Who may do what in a project: one role → permission table, checked in one place.

Every service that touches a project calls :func:`require` first. Someone who is not a member
gets :class:`~filmpark.errors.NotFound` (a project's existence never leaks); a member whose
role lacks the permission gets :class:`~filmpark.errors.PermissionDenied`.

An ``investor`` sees the project's pitch (title, schedule, budget, documents of money and
time, the AI disclosure) but never the script's text or the breakdown's evidence.
"""

from __future__ import annotations

from enum import Enum

from filmpark.errors import NotFound, PermissionDenied
from filmpark.store import Tx
from filmpark.store.records import Role, User
from filmpark.text import Text, t


class Permission(Enum):
    VIEW_PROJECT = "view_project"
    VIEW_MEMBERS = "view_members"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_PROJECT = "manage_project"
    VIEW_SCRIPT = "view_script"
    UPLOAD_SCRIPT = "upload_script"
    VIEW_BREAKDOWN = "view_breakdown"
    DECIDE_BREAKDOWN = "decide_breakdown"
    VIEW_SCHEDULE = "view_schedule"
    EDIT_SCHEDULE = "edit_schedule"
    VIEW_BUDGET = "view_budget"
    EDIT_BUDGET = "edit_budget"
    VIEW_DOCUMENTS = "view_documents"
    RENDER_DOCUMENTS = "render_documents"
    VIEW_LEDGER = "view_ledger"
    VIEW_AUDIT = "view_audit"


P = Permission
_READ_ALL = frozenset(
    {
        P.VIEW_PROJECT,
        P.VIEW_MEMBERS,
        P.VIEW_SCRIPT,
        P.VIEW_BREAKDOWN,
        P.VIEW_SCHEDULE,
        P.VIEW_BUDGET,
        P.VIEW_DOCUMENTS,
        P.VIEW_LEDGER,
    }
)
_PLANNING = frozenset({P.UPLOAD_SCRIPT, P.DECIDE_BREAKDOWN, P.EDIT_SCHEDULE, P.RENDER_DOCUMENTS})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.PRODUCER: _READ_ALL | _PLANNING | {P.EDIT_BUDGET, P.MANAGE_MEMBERS, P.VIEW_AUDIT},
    Role.ASSISTANT_DIRECTOR: _READ_ALL | _PLANNING,
    Role.CREW: _READ_ALL,
    Role.VIEWER: _READ_ALL,
    # The pitch only: no script text, no breakdown evidence, no rendered book (it quotes them).
    Role.INVESTOR: frozenset(
        {P.VIEW_PROJECT, P.VIEW_MEMBERS, P.VIEW_SCHEDULE, P.VIEW_BUDGET, P.VIEW_LEDGER}
    ),
}

# Who may hand out which role: a producer manages the team but cannot make or unmake owners.
GRANTABLE: dict[Role, frozenset[Role]] = {
    Role.OWNER: frozenset(Role),
    Role.PRODUCER: frozenset(Role) - {Role.OWNER},
}


def can(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def require(tx: Tx, actor: User, project_id: str, permission: Permission) -> Role:
    """The actor's role in the project, if it allows ``permission``.

    Raises NotFound when the project does not exist or the actor is not a member (the two are
    indistinguishable), PermissionDenied when the role does not allow it.
    """
    role = tx.members.role_of(project_id, actor.id)
    if role is None:
        raise NotFound(t("project.not_found"))
    if not can(role, permission):
        raise PermissionDenied(
            t("permission.refused", role=article(role), action=_describe(permission))
        )
    return role


def article(role: Role) -> Text:
    """``a producer``, ``an investor``, ``an assistant director`` (``vai trò nhà sản xuất``)."""
    return t(f"role.article.{role.value}")


def _describe(permission: Permission) -> Text:
    """``view the project``, ``decide the breakdown`` (``xem dự án``)."""
    return t(f"permission.{permission.value}")
