"""Stripboard, day out of days and one-liner; moving, locking and re-optimising strips.

Every change names the schedule version it was made on (``expected_version``). When someone
else saved a newer version in between, the service refuses (Conflict): the page says so and
shows the current version, and nothing is overwritten. A strip moved by hand is re-evaluated
by the engine as arranged (cost terms, day out of days, a new budget version); a move that
would break a hard rule is refused with each rule named, in the reader's language, and the
board stays as it was (the API refuses the same moves: both call the same service).
Re-optimising is a job: the page polls its progress and shows the new version when it is done.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from filmpark.errors import Conflict, Infeasible, NotFound, PermissionDenied, ValidationError
from filmpark.services import breakdowns, budgets, jobs, projects, schedules, scripts
from filmpark.services.permissions import Permission, can
from filmpark.text import t
from filmpark.units import Eighths, Money
from filmpark.web.core import PageRoute, gettext, json_of, language_of, render, require_user, tr
from filmpark.web.i18n import N_, Translator
from filmpark.web.platform import client_ip, dispatch, files, read, write
from filmpark.web.project_context import project_context
from filmpark.web.schedule_view import (
    BoardDay,
    CostTerm,
    Dood,
    SceneFacts,
    board,
    cast_numbers,
    cost_terms,
    cost_total,
    money_of,
    scene_facts,
    stored_dood,
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)

# The engine's cost terms, by name, as the pages call them.
TERM_LABELS: Mapping[str, str] = {
    "shoot_days": N_("Shoot days"),
    "cast_hold": N_("Cast on paid hold (days)"),
    "dark_days": N_("Dark days inside the shoot"),
    "company_moves": N_("Company moves within a day"),
    "location_revisits": N_("Returns to a location already left"),
    "day_night_flips": N_("Day/night flips"),
    "overtime": N_("Overtime (minutes)"),
    "stability": N_("Strips moved from the previous schedule"),
}


@dataclass(frozen=True, slots=True)
class Metric:
    label: str
    value: str
    change: str = ""


@dataclass(frozen=True, slots=True)
class BudgetTotal:
    version: int
    schedule_version: int | None
    total: Money | None


@dataclass(frozen=True, slots=True)
class Figures:
    """What a schedule version costs in time and money, as far as its document tells.

    Hold and paid cast days come from the engine's day out of days and the cost from its cost
    terms; both are None for a version edited by hand without re-evaluation (older versions),
    whose stored figures are still those of the last optimisation.
    """

    days: int
    scenes: int
    hold_days: int | None
    paid_days: int | None
    cost: Money | None
    bound: float | None
    gap: float | None
    edited: bool
    costed: bool
    terms: tuple[CostTerm, ...]


@dataclass(frozen=True, slots=True)
class LoadedSchedule:
    version: int
    document: dict[str, Any]
    days: tuple[BoardDay, ...]
    facts: dict[str, SceneFacts]
    source: str
    dood: Dood | None
    previous: Figures | None = None
    budget: BudgetTotal | None = None


def _scene_facts(
    tx: Any, user: Any, role: Any, project_id: str, revision_id: str | None
) -> dict[str, SceneFacts]:
    script_doc: dict[str, Any] | None = None
    breakdown_doc: dict[str, Any] | None = None
    if revision_id is not None and can(role, Permission.VIEW_SCRIPT):
        try:
            script_doc = scripts.get_script_document(tx, user, project_id, revision_id)
        except (NotFound, PermissionDenied):
            script_doc = None
    if can(role, Permission.VIEW_BREAKDOWN):
        try:
            breakdown_doc = breakdowns.get_breakdown(tx, user, project_id)
        except (NotFound, PermissionDenied):
            breakdown_doc = None
    return scene_facts(script_doc, breakdown_doc)


def _budget_total(tx: Any, user: Any, role: Any, project_id: str) -> BudgetTotal | None:
    if not can(role, Permission.VIEW_BUDGET):
        return None
    try:
        found = budgets.get_budget(tx, user, project_id)
    except (NotFound, PermissionDenied):
        return None
    document = found.document
    total = money_of(document.get("total"), str(document.get("currency", "")))
    return BudgetTotal(found.version, found.schedule_version, total)


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
        facts = _scene_facts(tx, user, view.role, project_id, version.revision_id)
        budget = _budget_total(tx, user, view.role, project_id)
    document = dict(version.document)
    previous = None
    if previous_document is not None:
        previous = figures(previous_document, board(previous_document, facts))
    return context, LoadedSchedule(
        version=version.version,
        document=document,
        days=board(document, facts),
        facts=facts,
        source=version.source,
        dood=stored_dood(document) if schedules.costed_as_arranged(document) else None,
        previous=previous,
        budget=budget,
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


def figures(document: dict[str, Any], days: tuple[BoardDay, ...]) -> Figures:
    costed = schedules.costed_as_arranged(document)
    edited = bool(document.get("edited"))
    dood = stored_dood(document) if costed else None
    cost = cost_total(document)
    bound = _number(document.get("lower_bound"))
    gap = _number(document.get("gap"))
    objective = _number(document.get("objective"))
    if gap is None and objective and bound is not None:
        gap = max(0.0, (objective - bound) / objective)
    if document.get("optimal") is True:
        gap = 0.0
    if edited:
        # A lower bound and a gap belong to an optimisation, not to strips a person arranged.
        bound = gap = None
    return Figures(
        days=len(days),
        scenes=sum(len(d.strips) for d in days),
        hold_days=dood.hold_days if dood is not None else None,
        paid_days=dood.paid_days if dood is not None else None,
        cost=cost,
        bound=bound,
        gap=gap,
        edited=edited,
        costed=costed,
        terms=cost_terms(document) if costed else (),
    )


def _change(translator: Translator, now: float | int, before: float | int | None) -> str:
    if before is None or now == before:
        return ""
    difference = now - before
    sign = "+" if difference > 0 else "−"
    return f"{sign}{translator.number(round(abs(difference)))}"


def _money_change(translator: Translator, now: Money | None, before: Money | None) -> str:
    if now is None or before is None or now.currency != before.currency or now == before:
        return ""
    if before < now:
        return f"+{translator.money(now - before)}"
    return f"−{translator.money(before - now)}"


def metrics(request: Request, loaded: LoadedSchedule) -> list[Metric]:
    """The version's figures, each with its change from the version before it.

    Hold and paid cast days come from the engine's day out of days and the cost from its cost
    terms, both re-evaluated when a person moves a strip, so a hand move shows its effect at
    once. A version edited by hand before moves were re-evaluated keeps the cost of the last
    optimisation and says so.
    """
    translator = tr(request)
    now = figures(loaded.document, loaded.days)
    before = loaded.previous

    def count(label: str, field: str) -> Metric:
        """A count of the version beside its change from the version before."""
        value = getattr(now, field)
        previous = getattr(before, field) if before else None
        return Metric(
            translator.gettext(label),
            translator.number(value),
            _change(translator, value, previous),
        )

    shown = [
        Metric(translator.gettext(N_("Version")), str(loaded.version)),
        count(N_("Shoot days"), "days"),
        Metric(translator.gettext(N_("Scenes")), translator.number(now.scenes)),
    ]
    if now.hold_days is not None:
        shown.append(count(N_("Cast hold days"), "hold_days"))
    if now.paid_days is not None:
        shown.append(count(N_("Paid cast days"), "paid_days"))
    total_eighths = sum(f.eighths for f in loaded.facts.values())
    if total_eighths:
        shown.append(Metric(translator.gettext(N_("Pages")), str(Eighths(total_eighths))))
    if now.cost is not None:
        comparable = before is not None and before.costed and now.costed
        shown.append(
            Metric(
                translator.gettext(N_("Cost"))
                if now.costed
                else translator.gettext(N_("Cost at the last optimisation")),
                translator.money(now.cost),
                _money_change(translator, now.cost, before.cost if comparable and before else None),
            )
        )
    if now.bound is not None:
        # The bound is in the objective's units: whole units of the schedule's currency.
        bound = money_of(round(now.bound), now.cost.currency) if now.cost is not None else None
        shown.append(
            Metric(
                translator.gettext(N_("Lower bound")),
                translator.money(bound)
                if bound is not None
                else translator.number(round(now.bound)),
            )
        )
    if now.gap is not None:
        shown.append(
            Metric(translator.gettext(N_("Gap")), f"{translator.number(round(now.gap * 100, 1))} %")
        )
    if now.edited:
        shown.append(
            Metric(translator.gettext(N_("Edited by hand")), translator.gettext(N_("yes")))
        )
    budget = loaded.budget
    if budget is not None and budget.total is not None:
        label = (
            translator.gettext(N_("Budget total"))
            if budget.schedule_version == loaded.version
            else gettext(
                request,
                "Budget total of schedule version %(version)s",
                version=budget.schedule_version or "—",
            )
        )
        shown.append(Metric(label, translator.money(budget.total)))
    return shown


@dataclass(frozen=True, slots=True)
class TermRow:
    label: str
    count: str
    amount: str
    change: str


def term_rows(request: Request, loaded: LoadedSchedule) -> list[TermRow]:
    """The cost terms of the version (what each rule of the objective costs), with changes."""
    translator = tr(request)
    now = figures(loaded.document, loaded.days)
    before = {
        term.name: term.count
        for term in (loaded.previous.terms if loaded.previous is not None else ())
    }
    rows = []
    for term in now.terms:
        known = TERM_LABELS.get(term.name)
        rows.append(
            TermRow(
                label=translator.gettext(known) if known else term.label,
                count=translator.number(term.count),
                amount=translator.money(term.amount),
                change=_change(translator, term.count, before.get(term.name)),
            )
        )
    return rows


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
        terms=term_rows(request, loaded) if loaded else [],
        stale=bool(stale),
        base_url=base,
        moves_url=f"{base}/moves",
        solve_url=f"{base}/solve",
        jobs_url=f"/projects/{project_id}/jobs",
        **context,
    )


def _current(request: Request, project_id: str) -> dict[str, Any] | None:
    user = require_user(request)
    with read(request) as tx:
        try:
            found = schedules.get_schedule(tx, user, project_id)
        except NotFound:
            return None
    return {"version": found.version, "document": dict(found.document)}


def _shoot_date(document: Mapping[str, Any], day: int) -> date | None:
    days = [d for d in document.get("days", []) or [] if isinstance(d, Mapping)]
    if not 1 <= day <= len(days):
        return None
    try:
        return date.fromisoformat(str(days[day - 1].get("date")))
    except ValueError:
        return None


def _day_words(translator: Translator, day: int, on: date | None) -> str:
    if on is None:
        return str(day)
    return f"{day} ({translator.weekday(on)} {translator.date(on)})"


def _conflict_body(
    request: Request, project_id: str, expected: int, scene: str, error: Conflict
) -> JSONResponse:
    current = _current(request, project_id)
    version = current["version"] if current else None
    if current is not None and version == expected:
        # Not a stale page: the move itself was refused (a strip locked to another day).
        translator = tr(request)
        locked = {
            str(item.get("scene")): str(item.get("date"))
            for item in current["document"].get("locks", []) or []
            if isinstance(item, Mapping)
        }
        try:
            on: date | None = date.fromisoformat(locked.get(scene, ""))
        except ValueError:
            on = None
        message = gettext(
            request,
            "Scene %(scene)s is locked to %(date)s. Unlock it first to move it to another day; "
            "the stripboard is unchanged.",
            scene=scene,
            date=f"{translator.weekday(on)} {translator.date(on)}" if on else "?",
        )
        return JSONResponse(
            {
                "error": {"code": "Locked", "message": message, "detail": str(error)},
                "current_version": version,
            },
            status_code=409,
        )
    message = gettext(
        request,
        "Someone else changed the schedule (now version %(version)s). Nothing was overwritten; "
        "the page shows the current version.",
        version=version if version is not None else "?",
    )
    return JSONResponse(
        {
            "error": {"code": "Conflict", "message": message, "detail": str(error)},
            "current_version": version,
        },
        status_code=409,
    )


def _refusal_body(
    request: Request, project_id: str, scene: str, day: int, error: Infeasible
) -> JSONResponse:
    """A move that would break hard rules: which rules, on which days, for whom."""
    translator = tr(request)
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        try:
            found = schedules.get_schedule(tx, user, project_id)
        except NotFound:
            found = None
        facts = _scene_facts(tx, user, view.role, project_id, found.revision_id) if found else {}
    on = _shoot_date(found.document, day) if found is not None else None
    cast = tuple(dict.fromkeys(facts[scene].cast)) if scene in facts else ()
    where = _day_words(translator, day, on)
    if cast:
        message = gettext(
            request,
            "Scene %(scene)s (%(cast)s) cannot move to day %(day)s: it would break a hard rule. "
            "The stripboard is unchanged.",
            scene=scene,
            cast=", ".join(cast),
            day=where,
        )
    else:
        message = gettext(
            request,
            "Scene %(scene)s cannot move to day %(day)s: it would break a hard rule. "
            "The stripboard is unchanged.",
            scene=scene,
            day=where,
        )
    return JSONResponse(
        {
            "error": {
                "code": "RuleBroken",
                "message": message,
                # Each rule in the engine's words, in the reader's language.
                "rules": error.localized_reasons(translator.language),
                "detail": str(error),
            },
            "current_version": found.version if found is not None else None,
        },
        status_code=422,
    )


@router.post("/projects/{project_id}/stripboard/moves", name="page_project_stripboard_moves")
def stripboard_move(request: Request, project_id: str) -> Response:
    user = require_user(request)
    body = json_of(request)
    scene, day = body.get("scene"), body.get("day")
    expected, position, lock = body.get("expected_version"), body.get("position"), body.get("lock")
    if not isinstance(scene, str) or not isinstance(day, int) or not isinstance(expected, int):
        raise ValidationError("move", t("web.move_needs"))
    if position is not None and not isinstance(position, int):
        raise ValidationError("position", t("web.position_whole"))
    if lock is not None and not isinstance(lock, bool):
        raise ValidationError("lock", t("web.lock_boolean"))
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
                files=files(request),
                ip=client_ip(request),
            )
    except Conflict as error:
        return _conflict_body(request, project_id, expected, scene, error)
    except Infeasible as error:
        return _refusal_body(request, project_id, scene, day, error)
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
                raise Conflict(t("web.schedule_at_version", version=current.version))
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
        raise NotFound(t("jobs.not_found"))
    return JSONResponse(
        {
            "state": job.state.value,
            "progress": job.progress,
            "message": job.message_in(language_of(request)),
            "result": job.result,
            "error": job.error_in(language_of(request)),
        }
    )


@router.get("/projects/{project_id}/dood", name="page_project_dood")
def dood_page(request: Request, project_id: str) -> Response:
    """The engine's day out of days for the current version (the same as the book's)."""
    context, loaded = _load(request, project_id, "page_project_dood")
    return render(
        request,
        "project/dood.html",
        title=gettext(request, "Day out of days"),
        schedule=loaded,
        dood=loaded.dood if loaded else None,
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
