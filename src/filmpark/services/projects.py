"""Projects and their members.

Public functions (take the edge's :class:`~filmpark.store.Tx`, never commit)::

    create_project(tx, actor, title, *, organisation_id=None) -> ProjectView
    list_projects(tx, actor) -> list[ProjectView]               # the actor's projects only
    get_project(tx, actor, project_id) -> ProjectView          # NotFound for non-members
    rename_project(tx, actor, project_id, title) -> ProjectView  # owner
    delete_project(tx, actor, project_id) -> None                # owner
    list_members(tx, actor, project_id) -> list[Membership]
    add_member(tx, actor, project_id, email, role, *, ip=None) -> Membership   # owner, producer
    change_role(tx, actor, project_id, user_id, role, *, ip=None) -> Membership
    remove_member(tx, actor, project_id, user_id, *, ip=None) -> None

Every permission change is written to the audit log. A producer may manage the team but may
not make, change or remove an owner; a project always keeps at least one owner.
"""

from __future__ import annotations

from dataclasses import dataclass

from filmpark.errors import Conflict, NotFound, PermissionDenied, ValidationError
from filmpark.services.accounts import normalise_email
from filmpark.services.permissions import GRANTABLE, Permission, article, can, require
from filmpark.store import Tx
from filmpark.store.records import Membership, Project, Role, User
from filmpark.text import t


@dataclass(frozen=True, slots=True)
class ProjectView:
    """A project as one member sees it: the project and that member's role."""

    project: Project
    role: Role

    @property
    def id(self) -> str:
        return self.project.id

    @property
    def title(self) -> str:
        return self.project.title

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)

    @property
    def permissions(self) -> tuple[str, ...]:
        return tuple(sorted(p.value for p in Permission if can(self.role, p)))


def _title(title: str) -> str:
    clean = " ".join(title.split())
    if not clean:
        raise ValidationError("title", t("value.must_not_be_empty"))
    if len(clean) > 300:
        raise ValidationError("title", t("value.at_most_characters", limit=300))
    return clean


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError(
            "role",
            t("role.unknown", role=repr(value), expected=", ".join(r.value for r in Role)),
        ) from None


def create_project(
    tx: Tx, actor: User, title: str, *, organisation_id: str | None = None
) -> ProjectView:
    """A new project owned by ``actor``."""
    if organisation_id is not None:
        tx.organisations.get(organisation_id)
    project = tx.projects.add(_title(title), actor.id, organisation_id)
    tx.members.set(project.id, actor.id, Role.OWNER)
    tx.audit.add(
        "project.create", actor_id=actor.id, project_id=project.id, detail={"title": project.title}
    )
    return ProjectView(project, Role.OWNER)


def list_projects(tx: Tx, actor: User) -> list[ProjectView]:
    return [ProjectView(project, role) for project, role in tx.projects.of_user(actor.id)]


def get_project(tx: Tx, actor: User, project_id: str) -> ProjectView:
    role = require(tx, actor, project_id, Permission.VIEW_PROJECT)
    project = tx.projects.get(project_id)
    if project is None:
        raise NotFound(t("project.not_found"))
    return ProjectView(project, role)


def rename_project(tx: Tx, actor: User, project_id: str, title: str) -> ProjectView:
    role = require(tx, actor, project_id, Permission.MANAGE_PROJECT)
    project = tx.projects.rename(project_id, _title(title))
    tx.audit.add(
        "project.rename", actor_id=actor.id, project_id=project_id, detail={"title": project.title}
    )
    return ProjectView(project, role)


def delete_project(tx: Tx, actor: User, project_id: str) -> None:
    require(tx, actor, project_id, Permission.MANAGE_PROJECT)
    tx.projects.delete(project_id)
    tx.audit.add("project.delete", actor_id=actor.id, project_id=project_id)


def list_members(tx: Tx, actor: User, project_id: str) -> list[Membership]:
    require(tx, actor, project_id, Permission.VIEW_MEMBERS)
    return tx.members.of_project(project_id)


def _check_grant(actor_role: Role, old: Role | None, new: Role | None) -> None:
    allowed = GRANTABLE.get(actor_role, frozenset())
    for role in (old, new):
        if role is not None and role not in allowed:
            raise PermissionDenied(
                t("permission.grant_refused", role=article(actor_role), granted=role.value)
            )


def _keep_an_owner(tx: Tx, project_id: str, old: Role | None, new: Role | None) -> None:
    if (
        old is Role.OWNER
        and new is not Role.OWNER
        and tx.members.count_with_role(project_id, Role.OWNER) <= 1
    ):
        raise Conflict(t("project.keep_an_owner"))


def add_member(
    tx: Tx, actor: User, project_id: str, email: str, role: Role | str, *, ip: str | None = None
) -> Membership:
    """Give the account with ``email`` a role in the project (or change the role it has)."""
    actor_role = require(tx, actor, project_id, Permission.MANAGE_MEMBERS)
    new = role if isinstance(role, Role) else parse_role(role)
    user = tx.users.by_email(normalise_email(email))
    if user is None:
        raise NotFound(t("project.no_account_to_add", email=email.strip()))
    old = tx.members.role_of(project_id, user.id)
    _check_grant(actor_role, old, new)
    _keep_an_owner(tx, project_id, old, new)
    membership = tx.members.set(project_id, user.id, new)
    tx.audit.add(
        "member.add" if old is None else "member.role",
        actor_id=actor.id,
        project_id=project_id,
        detail={
            "user_id": user.id,
            "email": user.email,
            "role": new.value,
            "previous": old.value if old else None,
        },
        ip=ip,
    )
    return membership


def change_role(
    tx: Tx, actor: User, project_id: str, user_id: str, role: Role | str, *, ip: str | None = None
) -> Membership:
    actor_role = require(tx, actor, project_id, Permission.MANAGE_MEMBERS)
    new = role if isinstance(role, Role) else parse_role(role)
    old = tx.members.role_of(project_id, user_id)
    if old is None:
        raise NotFound(t("project.no_member"))
    _check_grant(actor_role, old, new)
    _keep_an_owner(tx, project_id, old, new)
    membership = tx.members.set(project_id, user_id, new)
    tx.audit.add(
        "member.role",
        actor_id=actor.id,
        project_id=project_id,
        detail={"user_id": user_id, "role": new.value, "previous": old.value},
        ip=ip,
    )
    return membership


def remove_member(
    tx: Tx, actor: User, project_id: str, user_id: str, *, ip: str | None = None
) -> None:
    """Remove a member (anyone may leave a project themselves, unless the last owner)."""
    if user_id == actor.id:
        old = require(tx, actor, project_id, Permission.VIEW_PROJECT)
    else:
        actor_role = require(tx, actor, project_id, Permission.MANAGE_MEMBERS)
        found = tx.members.role_of(project_id, user_id)
        if found is None:
            raise NotFound(t("project.no_member"))
        old = found
        _check_grant(actor_role, old, None)
    _keep_an_owner(tx, project_id, old, None)
    tx.members.remove(project_id, user_id)
    tx.audit.add(
        "member.remove",
        actor_id=actor.id,
        project_id=project_id,
        detail={"user_id": user_id, "previous": old.value},
        ip=ip,
    )
