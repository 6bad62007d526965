"""The bridge from the platform's stored documents to the engine's planning use case.

A job or a strip move holds the kept script file, the production config (JSON) and, when
re-planning, the stored ``Schedule.1``. Everything goes through the engine's one use case,
:func:`filmpark.services.plan.make_plan`, with what people fixed written into the config the
way a user would write it (``locks``):

- a re-solve keeps every strip a person locked on its date;
- a strip move, a budget rebuild or a book render pins every strip to its date and position,
  so the engine evaluates the schedule exactly as people arranged it (and explains which hard
  rule an arrangement breaks, if it breaks one).

The config stored with a schedule version is resolved (its start date written in), so the
same version evaluates to the same days whenever it is re-read. No database here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filmpark.errors import InputError, ValidationError
from filmpark.text import Text, t

if TYPE_CHECKING:
    from filmpark.schedule.problem import Problem
    from filmpark.services.plan import Plan

ProgressReport = Callable[[float, Text], None]


@dataclass(frozen=True, slots=True)
class PlanInputs:
    """What a plan is made from, as the platform stores it."""

    data: bytes
    filename: str
    config: Mapping[str, Any]
    decisions: Mapping[str, Any] | None = None  # the project's Decisions.1, applied first


def locks_of(document: Mapping[str, Any] | None) -> dict[str, str]:
    """Scene → ISO date of every strip locked in a stored schedule."""
    if not document:
        return {}
    found: dict[str, str] = {}
    for item in document.get("locks", []) or []:
        if isinstance(item, Mapping) and item.get("scene") and item.get("date"):
            found[str(item["scene"])] = str(item["date"])
    return found


def days_of(document: Mapping[str, Any]) -> dict[date, list[str]]:
    """The stored schedule's plan: shoot date → scenes in shooting order."""
    plan: dict[date, list[str]] = {}
    for day in document.get("days", []) or []:
        try:
            when = date.fromisoformat(str(day["date"]))
        except (KeyError, TypeError, ValueError):
            raise ValidationError("schedule", t("schedule.stored_day_without_date")) from None
        plan[when] = [str(scene) for scene in day.get("scenes", [])]
    return plan


def _start_of(config: Mapping[str, Any]) -> date | None:
    calendar = config.get("calendar")
    raw = calendar.get("start") if isinstance(calendar, Mapping) else None
    if raw is None:
        return None
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        return None


def _today_for(config: Mapping[str, Any]) -> date | None:
    """A stored plan may have started already: judge "a start date in the past" from its start."""
    start = _start_of(config)
    return min(start, date.today()) if start else None


def problem_of(inputs: PlanInputs) -> Problem:
    """The scheduling problem of stored inputs, built exactly as a solve builds it (config,
    screenplay, the machine's breakdown with the people's decisions applied)."""
    from filmpark.services.plan import plan_problem

    config = dict(inputs.config)
    return plan_problem(
        inputs.data,
        inputs.filename,
        config_text=json.dumps(config, ensure_ascii=False) if config else None,
        config_source="config.json",
        today=_today_for(config),
        decisions=inputs.decisions,
    )


def _run(
    inputs: PlanInputs,
    config: dict[str, Any],
    *,
    time_limit: float,
    workers: int,
    progress: ProgressReport | None,
) -> Plan:
    from filmpark.schedule.solve import Progress
    from filmpark.services.plan import make_plan

    def on_step(_step: str, message: Text) -> None:
        if progress is not None:
            progress(0.05, message)

    def on_progress(step: Progress) -> None:
        if progress is not None:
            share = min(0.9, 0.1 + 0.8 * step.seconds / max(time_limit, 0.1))
            progress(share, t("jobs.progress.best_cost", cost=step.objective, gap=step.gap))

    return make_plan(
        inputs.data,
        inputs.filename,
        config_text=json.dumps(config, ensure_ascii=False) if config else None,
        config_source="config.json",
        time_limit=time_limit,
        workers=workers,
        today=_today_for(config),
        on_step=on_step,
        on_progress=on_progress,
        decisions=inputs.decisions,
    )


def solve_plan(
    inputs: PlanInputs,
    *,
    previous: Mapping[str, Any] | None,
    time_limit: float,
    workers: int = 2,
    progress: ProgressReport | None = None,
) -> tuple[Plan, dict[str, Any], dict[str, str]]:
    """Solve anew, keeping the previous version's locked strips on their dates.

    Returns the plan, the resolved config to store with it, and the locks it kept.
    """
    config = dict(inputs.config)
    own = [item for item in config.get("locks", []) or [] if isinstance(item, Mapping)]
    mine = {str(item.get("scene")) for item in own}
    kept = {scene: on for scene, on in locks_of(previous).items() if scene not in mine}
    if kept:
        config["locks"] = [*own, *({"scene": s, "date": on} for s, on in sorted(kept.items()))]
    try:
        plan = _run(inputs, config, time_limit=time_limit, workers=workers, progress=progress)
    except InputError:
        if not kept:
            raise
        # A lock the new revision or config no longer allows (an omitted scene, a date
        # outside the calendar): solve without the stored locks rather than fail.
        config["locks"] = own
        kept = {}
        plan = _run(inputs, config, time_limit=time_limit, workers=workers, progress=progress)
    resolved = dict(inputs.config)
    calendar = dict(resolved.get("calendar") or {})
    calendar.setdefault("start", plan.config.start.isoformat())
    resolved["calendar"] = calendar
    return plan, resolved, kept


def arranged_plan(
    inputs: PlanInputs, schedule: Mapping[str, Any], progress: ProgressReport | None = None
) -> Plan:
    """The stored (or moved) schedule exactly as arranged: every strip pinned in place."""
    config = dict(inputs.config)
    config["locks"] = [
        {"scene": scene, "date": when.isoformat(), "position": position}
        for when, scenes in sorted(days_of(schedule).items())
        for position, scene in enumerate(scenes, start=1)
    ]
    return _run(inputs, config, time_limit=10.0, workers=1, progress=progress)


def schedule_document(plan: Plan, locks: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The plan's ``Schedule.1``, with the platform's extras: locks and the solver's status."""
    from filmpark.services.plan import schedule_json

    document = schedule_json(plan)
    day_numbers = {day.date.isoformat(): day.number for day in plan.schedule.days}
    document["locks"] = [
        {"scene": scene, "date": on, "day": day_numbers.get(on)}
        for scene, on in sorted((locks or {}).items())
    ]
    document["status"] = plan.schedule.status
    document["objective"] = plan.schedule.objective
    document["gap"] = plan.schedule.gap
    return document


def budget_document(plan: Plan) -> dict[str, Any]:
    from filmpark.services.plan import budget_json

    return budget_json(plan.summary)


def write_book(plan: Plan, out_dir: Path, *, lang: str) -> list[str]:
    """Write the book into ``out_dir`` (which must not exist); returns its files, relative."""
    from filmpark.services.plan import write_plan

    written = write_plan(plan, out_dir, lang=lang)
    return sorted(str(path.relative_to(out_dir.resolve())) for path in written)
