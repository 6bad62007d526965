"""What every page of a project shows around its content: title, role, the project menu.

The menu lists only the pages the reader's role may open (an investor sees no script and no
breakdown), using the platform's one role → permission table, so pages and API agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Request
from starlette.routing import NoMatchFound

from filmpark.services.permissions import Permission, can
from filmpark.web.core import tr
from filmpark.web.i18n import N_

if TYPE_CHECKING:
    from filmpark.store.records import Role


@dataclass(frozen=True, slots=True)
class ProjectHeader:
    id: str
    title: str
    role: str


# (route name, label, permission); the labels are translated when the menu is built.
_MENU: tuple[tuple[str, str, Permission], ...] = (
    ("page_project", N_("Overview"), Permission.VIEW_PROJECT),
    ("page_project_scripts", N_("Script"), Permission.VIEW_PROJECT),
    ("page_project_breakdown", N_("Breakdown"), Permission.VIEW_BREAKDOWN),
    ("page_project_stripboard", N_("Stripboard"), Permission.VIEW_SCHEDULE),
    ("page_project_dood", N_("Day out of days"), Permission.VIEW_SCHEDULE),
    ("page_project_one_liner", N_("One-liner"), Permission.VIEW_SCHEDULE),
    ("page_project_call_sheet", N_("Call sheets"), Permission.VIEW_DOCUMENTS),
    ("page_project_budget", N_("Budget"), Permission.VIEW_BUDGET),
    ("page_project_documents", N_("Documents"), Permission.VIEW_DOCUMENTS),
    ("page_project_ai", N_("AI use"), Permission.VIEW_LEDGER),
    ("page_project_members", N_("Members"), Permission.VIEW_MEMBERS),
    ("page_project_settings", N_("Settings"), Permission.VIEW_PROJECT),
)

_ROLE_LABELS = {
    "owner": N_("Owner"),
    "producer": N_("Producer"),
    "assistant_director": N_("Assistant director"),
    "crew": N_("Crew"),
    "viewer": N_("Viewer"),
    "investor": N_("Investor"),
}

_ROLE_HELP = {
    "owner": N_("Everything, including settings and handing out any role."),
    "producer": N_("Plan, budget and manage the team (except owners)."),
    "assistant_director": N_("Upload scripts, review the breakdown, edit the schedule."),
    "crew": N_("Read the script, breakdown, schedule, budget and documents."),
    "viewer": N_("Read the script, breakdown, schedule, budget and documents."),
    "investor": N_("The schedule, the budget and the AI disclosure; never the script."),
}


def role_labeller(request: Request) -> Callable[[Any], str]:
    translator = tr(request)

    def label(role: Any) -> str:
        key = getattr(role, "value", role)
        return translator.gettext(_ROLE_LABELS.get(str(key), str(key)))

    return label


def role_help(request: Request) -> list[tuple[str, str]]:
    translator = tr(request)
    return [(key, translator.gettext(text)) for key, text in _ROLE_HELP.items()]


def project_context(
    request: Request, project_id: str, title: str, role: Role, active: str
) -> dict[str, Any]:
    """The template variables of the project frame: header, menu, active entry."""
    translator = tr(request)
    menu: list[tuple[str, str, str]] = []
    for name, label, permission in _MENU:
        if not can(role, permission):
            continue
        try:
            href = str(request.app.url_path_for(name, project_id=project_id))
        except NoMatchFound:
            continue
        menu.append((name, translator.gettext(label), href))
    return {
        "project": ProjectHeader(project_id, title, role.value),
        "project_nav": menu,
        "active": active,
        "role_label": role_labeller(request),
    }
