"""Stripboard, day out of days and one-liner; moving, locking and re-optimising strips.

Every change names the schedule version it was made on (``expected_version``). When someone
else saved a newer version in between, the service refuses (Conflict): the page says so and
shows the current version, and nothing is overwritten. Re-optimising is a job: the page polls
its progress and shows the new version when it is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from filmpark.errors import Conflict, NotFound, PermissionDenied, ValidationError
from filmpark.services import breakdowns, jobs, projects, schedules, scripts
from filmpark.services.permissions import Permission, can
from filmpark.units import Eighths
from filmpark.web.core import PageRoute, gettext, json_of, render, require_user, tr
from filmpark.web.i18n import N_, Translator
from filmpark.web.platform import client_ip, dispatch, read, write
from filmpark.web.project_context import project_context
from filmpark.web.schedule_view import (
    BoardDay,
    SceneFacts,
    board,
    cast_numbers,
    day_out_of_days,
    scene_facts,
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@dataclass(frozen=True, slots=True)
class Metric:
    label: str
    value: str
    change: str = ""


@dataclass(frozen=True, slots=True)
class LoadedSchedule:
    version: int
    document: dict[str, Any]
    days: tuple[BoardDay, ...]
    facts: dict[str, SceneFacts]
    source: str
    previous: Figures | None = None


def _load(
    request: Request, project_id: str, active: str
) -> tuple[dict[str, Any], LoadedSchedule | None]:
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        context = project_context(request, project_id, view.title, view.role, active)
        context["can_edit"] = can(view.role, Permission.EDIT_SCHEDULE)
        context["has_script"] = scripts.latest_revision(tx, user, project_id) is not None
        try:
            version = schedules.get_schedule(tx, user, project_id)
        except NotFound:
            return context, None
        previous_document: dict[str, Any] | None = None
        if version.version > 1:
            try:
                previous_document = dict(
                    schedules.get_schedule(tx, user, project_id, version.version - 1).document
                )
            except NotFound:
                previous_document = None
        script_doc: dict[str, Any] | None = None
        breakdown_doc: dict[str, Any] | None = None
        if version.revision_id is not None and can(view.role, Permission.VIEW_SCRIPT):
            try:
                script_doc = scripts.get_script_document(tx, user, project_id, version.revision_id)
            except (NotFound, PermissionDenied):
                script_doc = None
        if can(view.role, Permission.VIEW_BREAKDOWN):
            try:
                breakdown_doc = breakdowns.get_breakdown(tx, user, project_id)
            except (NotFound, PermissionDenied):
                breakdown_doc = None
    facts = scene_facts(script_doc, breakdown_doc)
    document = dict(version.document)
    previous = None
    if previous_document is not None:
        previous = figures(previous_document, board(previous_document, facts), facts)
    return context, LoadedSchedule(
        version.version, document, board(document, facts), facts, version.source, previous
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class Figures:
    """What a schedule version costs in time and money, as far as its document tells."""

    days: int
    scenes: int
    hold_days: int
    cast_days: int
    cost: float | None
    bound: float | None
    gap: float | None
    edited: bool


def figures(
    document: dict[str, Any], days: tuple[BoardDay, ...], facts: dict[str, SceneFacts]
) -> Figures:
    rows = day_out_of_days(days, facts)
    cost = document.get("cost")
    objective = None
    if isinstance(cost, dict):
        # Schedule.1 names each cost term: {"cast_hold": {"count": 3, "amount": "4500000"}, ...}
        amounts = [_number(term.get("amount")) for term in cost.values() if isinstance(term, dict)]
        if amounts and all(a is not None for a in amounts):
            objective = sum(a for a in amounts if a is not None)
        else:
            objective = _number(cost.get("total"))
    objective = objective if objective is not None else _number(document.get("objective"))
    bound = _number(document.get("lower_bound"))
    gap = _number(document.get("gap"))
    if gap is None and objective and bound is not None:
        gap = max(0.0, (objective - bound) / objective)
    if document.get("optimal") is True:
        gap = 0.0
    return Figures(
        days=len(days),
        scenes=sum(len(d.strips) for d in days),
        hold_days=sum(r.hold for r in rows),
        cast_days=sum(r.work + r.hold for r in rows),
        cost=objective,
        bound=bound,
        gap=gap,
        edited=bool(document.get("edited")),
    )


def _change(translator: Translator, now: float | int, before: float | int | None) -> str:
    if before is None or now == before:
        return ""
    difference = now - before
    sign = "+" if difference > 0 else "−"
    return f"{sign}{translator.number(round(abs(difference)))}"


def metrics(request: Request, loaded: LoadedSchedule) -> list[Metric]:
    """The version's figures, each with its change from the version before it.

    Hold days and cast days are counted from the strips as they stand now, so a strip moved by
    hand shows its effect at once; cost, bound and gap are the optimiser's, from the last
    optimisation (a hand-edited version says so).
    """
    translator = tr(request)
    now = figures(loaded.document, loaded.days, loaded.facts)
    before = loaded.previous
    shown = [
        Metric(translator.gettext(N_("Version")), str(loaded.version)),
        Metric(
            translator.gettext(N_("Shoot days")),
            translator.number(now.days),
            _change(translator, now.days, before.days if before else None),
        ),
        Metric(translator.gettext(N_("Scenes")), translator.number(now.scenes)),
        Metric(
            translator.gettext(N_("Cast hold days")),
            translator.number(now.hold_days),
            _change(translator, now.hold_days, before.hold_days if before else None),
        ),
        Metric(
            translator.gettext(N_("Cast days")),
            translator.number(now.cast_days),
            _change(translator, now.cast_days, before.cast_days if before else None),
        ),
    ]
    total_eighths = sum(f.eighths for f in loaded.facts.values())
    if total_eighths:
        shown.append(Metric(translator.gettext(N_("Pages")), str(Eighths(total_eighths))))
    cost_label = (
        translator.gettext(N_("Cost at the last optimisation"))
        if now.edited
        else translator.gettext(N_("Cost"))
    )
    if now.cost is not None:
        comparable = before is not None and before.cost is not None and not now.edited
        shown.append(
            Metric(
                cost_label,
                translator.number(round(now.cost)),
                _change(translator, now.cost, before.cost if comparable and before else None),
            )
        )
    if now.bound is not None:
        shown.append(
            Metric(translator.gettext(N_("Lower bound")), translator.number(round(now.bound)))
        )
    if now.gap is not None:
        shown.append(
            Metric(translator.gettext(N_("Gap")), f"{translator.number(round(now.gap * 100, 1))} %")
        )
    if now.edited:
        shown.append(
            Metric(translator.gettext(N_("Edited by hand")), translator.gettext(N_("yes")))
        )
    return shown


@router.get("/projects/{project_id}/stripboard", name="page_project_stripboard")
def stripboard_page(request: Request, project_id: str, stale: int = 0) -> Response:
    context, loaded = _load(request, project_id, "page_project_stripboard")
    base = str(request.app.url_path_for("page_project_stripboard", project_id=project_id))
    return render(
        request,
        "project/stripboard.html",
        title=gettext(request, "Stripboard"),
        schedule=loaded,
        days=loaded.days if loaded else (),
        metrics=metrics(request, loaded) if loaded else [],
        stale=bool(stale),
        base_url=base,
        moves_url=f"{base}/moves",
        solve_url=f"{base}/solve",
        jobs_url=f"/projects/{project_id}/jobs",
        **context,
    )


def _conflict_body(
    request: Request, project_id: str, expected: int, error: Conflict
) -> JSONResponse:
    user = require_user(request)
    with read(request) as tx:
        try:
            current = schedules.get_schedule(tx, user, project_id).version
        except NotFound:
            current = None
    if current == expected:
        # Not a stale page: the move itself was refused (a strip locked to another day).
        message = gettext(request, "This strip is locked to another day; unlock it first.")
        return JSONResponse(
            {
                "error": {"code": "Locked", "message": message, "detail": str(error)},
                "current_version": current,
            },
            status_code=409,
        )
    message = gettext(
        request,
        "Someone else changed the schedule (now version %(version)s). Nothing was overwritten; "
        "the page shows the current version.",
        version=current if current is not None else "?",
    )
    return JSONResponse(
        {
            "error": {"code": "Conflict", "message": message, "detail": str(error)},
            "current_version": current,
        },
        status_code=409,
    )


@router.post("/projects/{project_id}/stripboard/moves", name="page_project_stripboard_moves")
def stripboard_move(request: Request, project_id: str) -> Response:
    user = require_user(request)
    body = json_of(request)
    scene, day = body.get("scene"), body.get("day")
    expected, position, lock = body.get("expected_version"), body.get("position"), body.get("lock")
    if not isinstance(scene, str) or not isinstance(day, int) or not isinstance(expected, int):
        raise ValidationError(
            "move", gettext(request, "A move needs a scene, a day and the version it was made on.")
        )
    if position is not None and not isinstance(position, int):
        raise ValidationError("position", gettext(request, "The position must be a whole number."))
    if lock is not None and not isinstance(lock, bool):
        raise ValidationError("lock", gettext(request, "Lock must be true or false."))
    try:
        with write(request) as tx:
            saved = schedules.move_strip(
                tx,
                user,
                project_id,
                expected_version=expected,
                scene=scene,
                day=day,
                position=position,
                lock=lock,
                ip=client_ip(request),
            )
    except Conflict as error:
        return _conflict_body(request, project_id, expected, error)
    return JSONResponse({"version": saved.version})


@router.post("/projects/{project_id}/stripboard/solve", name="page_project_stripboard_solve")
def stripboard_solve(request: Request, project_id: str) -> Response:
    """Re-optimise the strips nobody locked (or make the first schedule), as a job."""
    user = require_user(request)
    body = json_of(request)
    expected = body.get("expected_version")
    with write(request) as tx:
        config: dict[str, Any] = {}
        try:
            current = schedules.get_schedule(tx, user, project_id)
        except NotFound:
            current = None
        if current is not None:
            if isinstance(expected, int) and expected != current.version:
                raise Conflict(f"the schedule is at version {current.version}")
            config = dict(current.config)
        job = schedules.request_schedule(tx, user, project_id, config, ip=client_ip(request))
    dispatch(request, job.id)
    return JSONResponse({"job_id": job.id}, status_code=202)


@router.get("/projects/{project_id}/jobs/{job_id}", name="page_project_job")
def job_status(request: Request, project_id: str, job_id: str) -> Response:
    user = require_user(request)
    with read(request) as tx:
        job = jobs.get_job(tx, user, job_id)
    if job.project_id != project_id:
        raise NotFound("no such job")
    return JSONResponse(
        {
            "state": job.state.value,
            "progress": job.progress,
            "message": job.message,
            "result": job.result,
            "error": job.error,
        }
    )


@router.get("/projects/{project_id}/dood", name="page_project_dood")
def dood_page(request: Request, project_id: str) -> Response:
    context, loaded = _load(request, project_id, "page_project_dood")
    rows = day_out_of_days(loaded.days, loaded.facts) if loaded else ()
    return render(
        request,
        "project/dood.html",
        title=gettext(request, "Day out of days"),
        schedule=loaded,
        days=loaded.days if loaded else (),
        rows=rows,
        **context,
    )


@router.get("/projects/{project_id}/one-liner", name="page_project_one_liner")
def one_liner_page(request: Request, project_id: str) -> Response:
    context, loaded = _load(request, project_id, "page_project_one_liner")
    ids = cast_numbers(loaded.facts) if loaded else {}
    return render(
        request,
        "project/one_liner.html",
        title=gettext(request, "One-liner"),
        schedule=loaded,
        days=loaded.days if loaded else (),
        cast_ids=ids,
        facts=loaded.facts if loaded else {},
        **context,
    )
