"""The project list, a project's overview, its members and its settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request, Response

from filmpark.errors import Conflict, NotFound, PermissionDenied, ValidationError
from filmpark.services import projects, schedules, scripts
from filmpark.services.permissions import GRANTABLE, Permission, can
from filmpark.web.core import (
    PageRoute,
    flash,
    form_of,
    form_text,
    gettext,
    localized,
    redirect,
    render,
    require_user,
)
from filmpark.web.platform import client_ip, read, write
from filmpark.web.project_context import project_context, role_help, role_labeller
from filmpark.web.revisions import colour_label

if TYPE_CHECKING:
    from filmpark.store.records import Role

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@dataclass(frozen=True, slots=True)
class ProjectCard:
    id: str
    title: str
    role: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Overview:
    revision: str | None
    scenes: int
    shoot_days: int | None
    members: int
    next_steps: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class MemberRow:
    user_id: str
    name: str
    email: str
    role: str
    is_me: bool = False


def _field_message(request: Request, error: ValidationError | Conflict) -> str:
    if isinstance(error, Conflict):
        return localized(request, error)
    known = {
        "title": gettext(request, "The title must not be empty (at most 300 characters)."),
        "email": gettext(request, "That is not an email address."),
        "role": gettext(request, "Choose one of the roles in the list."),
    }
    return known.get(error.field, localized(request, error))


@router.get("/projects", name="page_projects")
def project_list(request: Request) -> Response:
    user = require_user(request)
    with read(request) as tx:
        mine = projects.list_projects(tx, user)
    cards = [
        ProjectCard(p.id, p.title, p.role.value, p.project.created_at)
        for p in sorted(mine, key=lambda p: p.project.created_at, reverse=True)
    ]
    return render(
        request,
        "projects.html",
        title=gettext(request, "Your projects"),
        projects=cards,
        role_label=role_labeller(request),
    )


@router.post("/projects")
def project_create(request: Request) -> Response:
    user = require_user(request)
    title = form_text(form_of(request), "title")
    try:
        with write(request) as tx:
            created = projects.create_project(tx, user, title)
    except ValidationError as error:
        flash(request, "error", _field_message(request, error))
        return redirect("/projects")
    flash(request, "ok", gettext(request, "Project “%(title)s” created.", title=created.title))
    return redirect(str(request.app.url_path_for("page_project", project_id=created.id)))


@router.get("/projects/{project_id}", name="page_project")
def project_overview(request: Request, project_id: str) -> Response:
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        latest = scripts.latest_revision(tx, user, project_id)
        members = projects.list_members(tx, user, project_id)
        try:
            shoot_days: int | None = len(
                schedules.get_schedule(tx, user, project_id).document.get("days", [])
            )
        except (NotFound, PermissionDenied):
            shoot_days = None
    context = project_context(request, project_id, view.title, view.role, "page_project")
    steps = _next_steps(request, project_id, view.role, latest is not None, shoot_days)
    overview = Overview(
        revision=(
            gettext(
                request,
                "%(number)s (%(colour)s)",
                number=latest.number,
                colour=colour_label(request, latest.colour),
            )
            if latest
            else None
        ),
        scenes=latest.scene_count if latest else 0,
        shoot_days=shoot_days,
        members=len(members),
        next_steps=tuple(steps),
    )
    return render(request, "project/overview.html", title=view.title, overview=overview, **context)


def _next_steps(
    request: Request, project_id: str, role: Role, has_script: bool, shoot_days: int | None
) -> list[tuple[str, str]]:
    def href(name: str) -> str:
        return str(request.app.url_path_for(name, project_id=project_id))

    steps: list[tuple[str, str]] = []
    if not has_script and can(role, Permission.UPLOAD_SCRIPT):
        steps.append((gettext(request, "Upload the screenplay"), href("page_project_scripts")))
    if has_script and can(role, Permission.DECIDE_BREAKDOWN):
        steps.append((gettext(request, "Review the breakdown"), href("page_project_breakdown")))
    if has_script and can(role, Permission.VIEW_SCHEDULE):
        steps.append(
            (gettext(request, "Plan the shoot on the stripboard"), href("page_project_stripboard"))
        )
    if shoot_days and can(role, Permission.VIEW_BUDGET):
        steps.append((gettext(request, "Check the budget"), href("page_project_budget")))
    if can(role, Permission.VIEW_MEMBERS):
        steps.append((gettext(request, "Invite the team"), href("page_project_members")))
    return steps


def _members_page(request: Request, project_id: str, status_code: int = 200) -> Response:
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        members = projects.list_members(tx, user, project_id)
    can_manage = can(view.role, Permission.MANAGE_MEMBERS)
    grantable = [r.value for r in GRANTABLE.get(view.role, frozenset())]
    order = ["owner", "producer", "assistant_director", "crew", "viewer", "investor"]
    rows = [
        MemberRow(m.user_id, m.name, m.email, m.role.value, m.user_id == user.id)
        for m in sorted(members, key=lambda m: (order.index(m.role.value), m.name.lower()))
    ]
    context = project_context(request, project_id, view.title, view.role, "page_project_members")
    return render(
        request,
        "project/members.html",
        status_code=status_code,
        title=gettext(request, "Members"),
        members=rows,
        can_manage=can_manage,
        grantable=[r for r in order if r in grantable],
        role_help=role_help(request),
        **context,
    )


@router.get("/projects/{project_id}/members", name="page_project_members")
def members_page(request: Request, project_id: str) -> Response:
    return _members_page(request, project_id)


@router.post("/projects/{project_id}/members")
def members_submit(request: Request, project_id: str) -> Response:
    user = require_user(request)
    form = form_of(request)
    email, role_value = form_text(form, "email"), form_text(form, "role")
    here = str(request.app.url_path_for("page_project_members", project_id=project_id))
    try:
        role = projects.parse_role(role_value)
        with write(request) as tx:
            existing = {m.email: m for m in projects.list_members(tx, user, project_id)}
            member = existing.get(email.strip().lower())
            if member is not None:
                projects.change_role(
                    tx, user, project_id, member.user_id, role, ip=client_ip(request)
                )
                message = gettext(request, "Role of %(name)s changed.", name=member.name)
            else:
                added = projects.add_member(
                    tx, user, project_id, email, role, ip=client_ip(request)
                )
                message = gettext(
                    request, "%(name)s added to the project.", name=added.name or added.email
                )
    except NotFound as error:
        if "project" in str(error):
            raise
        flash(
            request,
            "error",
            gettext(
                request,
                "No filmpark account uses %(email)s. Ask them to register first.",
                email=email,
            ),
        )
        return redirect(here)
    except (ValidationError, Conflict, PermissionDenied) as error:
        text = (
            localized(request, error)
            if isinstance(error, PermissionDenied)
            else _field_message(request, error)
        )
        flash(request, "error", text)
        return redirect(here)
    flash(request, "ok", message)
    return redirect(here)


@router.get("/projects/{project_id}/settings", name="page_project_settings")
def settings_page(request: Request, project_id: str) -> Response:
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
    context = project_context(request, project_id, view.title, view.role, "page_project_settings")
    return render(
        request,
        "project/settings.html",
        title=gettext(request, "Project settings"),
        can_manage=can(view.role, Permission.MANAGE_PROJECT),
        **context,
    )


@router.post("/projects/{project_id}/settings")
def settings_submit(request: Request, project_id: str) -> Response:
    user = require_user(request)
    title = form_text(form_of(request), "title")
    here = str(request.app.url_path_for("page_project_settings", project_id=project_id))
    try:
        with write(request) as tx:
            projects.rename_project(tx, user, project_id, title)
    except ValidationError as error:
        flash(request, "error", _field_message(request, error))
        return redirect(here)
    flash(request, "ok", gettext(request, "Settings saved."))
    return redirect(here)


@router.post("/projects/{project_id}/members/remove", name="page_project_members_remove")
def members_remove(request: Request, project_id: str) -> Response:
    """Remove a member, or leave the project oneself (a project always keeps an owner)."""
    user = require_user(request)
    member_id = form_text(form_of(request), "user_id")
    here = str(request.app.url_path_for("page_project_members", project_id=project_id))
    try:
        with write(request) as tx:
            projects.remove_member(tx, user, project_id, member_id, ip=client_ip(request))
    except (Conflict, PermissionDenied, ValidationError) as error:
        flash(request, "error", localized(request, error))
        return redirect(here)
    if member_id == user.id:
        flash(request, "ok", gettext(request, "You left the project."))
        return redirect("/projects")
    flash(request, "ok", gettext(request, "Member removed."))
    return redirect(here)
