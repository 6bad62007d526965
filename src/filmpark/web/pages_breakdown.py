"""Breakdown review: the scene's text highlighted by category, and people's decisions.

Decisions (accept, reject, edit, add, merge an alias) are sent by the page's script as JSON to
``POST /projects/{id}/breakdown/decisions`` with the page's CSRF token and an idempotency
key, and stored by :func:`filmpark.services.breakdowns.record_decisions`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from filmpark.errors import NotFound, ValidationError
from filmpark.services import breakdowns, projects, scripts
from filmpark.services.permissions import Permission, can
from filmpark.text import t
from filmpark.web.breakdown_view import (
    CATEGORIES,
    STATUS_LABELS,
    AliasView,
    ReviewScene,
    SceneLink,
    category_label,
    eighths_text,
    latest_statuses,
    scene_lines,
    scene_tags,
)
from filmpark.web.core import (
    PageRoute,
    gettext,
    json_of,
    localized,
    render,
    require_user,
    tr,
)
from filmpark.web.pages_scripts import load_script
from filmpark.web.platform import client_ip, read, write
from filmpark.web.project_context import project_context

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/projects/{project_id}/breakdown", name="page_project_breakdown")
def breakdown_page(request: Request, project_id: str, scene: str | None = None) -> Response:
    user = require_user(request)
    translator = tr(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        latest = scripts.latest_revision(tx, user, project_id)
        document: dict[str, Any] | None = None
        decisions: list[Any] = []
        if latest is not None:
            document = breakdowns.get_breakdown(tx, user, project_id)
            decisions = breakdowns.list_decisions(tx, user, project_id)
    context = project_context(request, project_id, view.title, view.role, "page_project_breakdown")
    if latest is None or document is None:
        return render(
            request,
            "project/breakdown.html",
            title=gettext(request, "Breakdown"),
            review=None,
            **context,
        )
    script, _revision = load_script(request, project_id, latest.id)
    statuses = latest_statuses(decisions)
    rejected: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (number, category, name), status in statuses.items():
        if status == "rejected":
            rejected[number].append((category, name))
    scenes = [s for s in document.get("scenes", []) if isinstance(s, dict)]
    links = []
    for item in scenes:
        tags = scene_tags(translator, item, statuses, rejected.get(str(item.get("number")), []))
        reviewed = sum(1 for t in tags if t.status != "proposed")
        links.append(
            SceneLink(str(item.get("number")), str(item.get("heading", "")), len(tags), reviewed)
        )
    chosen = next(
        (s for s in scenes if str(s.get("number")) == scene), scenes[0] if scenes else None
    )
    if scene is not None and (chosen is None or str(chosen.get("number")) != scene):
        raise NotFound(t("web.no_scene"))
    review: ReviewScene | None = None
    if chosen is not None:
        number = str(chosen.get("number"))
        tags = scene_tags(translator, chosen, statuses, rejected.get(number, []))
        script_scene = next((s for s in script.scenes if s.number.text == number), None)
        lines = scene_lines(script_scene, tags) if script_scene is not None else ()
        review = ReviewScene(
            number, str(chosen.get("heading", "")), eighths_text(chosen.get("eighths")), lines, tags
        )
    position = next((i for i, s in enumerate(links) if review and s.number == review.number), 0)
    aliases = [
        AliasView(
            str(a.get("canonical", "")),
            tuple(str(x) for x in a.get("aliases", [])),
            str(a.get("reason", "")),
        )
        for a in document.get("aliases", []) or []
        if isinstance(a, dict) and a.get("canonical")
    ]
    base = str(request.app.url_path_for("page_project_breakdown", project_id=project_id))
    return render(
        request,
        "project/breakdown.html",
        title=gettext(request, "Breakdown"),
        review=review,
        scenes=links,
        aliases=aliases,
        previous_scene=links[position - 1].number if position > 0 else None,
        next_scene=links[position + 1].number if position + 1 < len(links) else None,
        base_url=base,
        decisions_url=str(
            request.app.url_path_for("page_project_breakdown_decisions", project_id=project_id)
        ),
        categories=[
            (key, category_label(translator, key), c.colour) for key, c in CATEGORIES.items()
        ],
        can_decide=can(view.role, Permission.DECIDE_BREAKDOWN),
        revision=document.get("revision", {}),
        unapplied=[localized(request, item) for item in document.get("unapplied", [])],
        **context,
    )


@router.post("/projects/{project_id}/breakdown/decisions", name="page_project_breakdown_decisions")
def breakdown_decide(request: Request, project_id: str) -> Response:
    user = require_user(request)
    body = json_of(request)
    items = body.get("decisions")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ValidationError("decisions", t("web.send_decisions"))
    with write(request) as tx:
        stored = breakdowns.record_decisions(tx, user, project_id, items, ip=client_ip(request))
    translator = tr(request)
    statuses = latest_statuses(stored)
    return JSONResponse(
        {
            "recorded": len(stored),
            "statuses": [
                {
                    "scene": scene,
                    "category": category,
                    "name": name,
                    "status": status,
                    "label": translator.gettext(STATUS_LABELS[status]),
                }
                for (scene, category, name), status in statuses.items()
            ],
        }
    )
