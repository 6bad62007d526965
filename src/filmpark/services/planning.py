"""The bridge from the platform's stored documents to the engine's planning use case.

A job or a strip move holds the kept script file, the project's decisions, the production
config (JSON) and, for re-planning, the stored ``Schedule.1``. From them this module builds a
:class:`filmpark.services.plan.Plan` the way ``filmpark plan`` does, with two differences the
platform needs:

- a re-solve keeps what people fixed (strips locked to a date) and moves as few strips as
  possible from the previous version (the solver's stability term);
- a strip move evaluates the schedule exactly as a person arranged it (no solve), so costs,
  day-out-of-days and budget follow the move.

No database here: the callers load and store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filmpark.errors import ValidationError

if TYPE_CHECKING:
    from filmpark.breakdown.model import Breakdown
    from filmpark.services.plan import Plan

ProgressReport = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class PlanInputs:
    """What a plan is made from, as the platform stores it."""

    data: bytes
    filename: str
    config: Mapping[str, Any]
    decisions: Mapping[str, Any] = field(default_factory=dict)
    previous: Mapping[str, Any] | None = None


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
            raise ValidationError("schedule", "a stored shoot day has no valid date") from None
        plan[when] = [str(scene) for scene in day.get("scenes", [])]
    return plan


def _apply_decisions(breakdown: Breakdown, decisions: Mapping[str, Any]) -> Breakdown:
    if not decisions.get("decisions"):
        return breakdown
    from filmpark.services.engine import engine_function, has_engine_function

    if not has_engine_function("filmpark.breakdown.decisions", "apply_decisions"):
        return breakdown
    load = engine_function("filmpark.breakdown.decisions", "decisions_from_json")
    apply = engine_function("filmpark.breakdown.decisions", "apply_decisions")
    applied = apply(breakdown, load(dict(decisions)))
    return applied[0] if isinstance(applied, tuple) else applied  # type: ignore[no-any-return]


def build_plan(
    inputs: PlanInputs,
    *,
    arranged: Mapping[date, Sequence[str]] | None = None,
    time_limit: float = 20.0,
    workers: int = 2,
    progress: ProgressReport | None = None,
) -> Plan:
    """A plan: solved (``arranged`` None) or evaluated as arranged by people."""
    from filmpark.breakdown.extract import break_down
    from filmpark.budget.build import build_budget
    from filmpark.budget.compute import summarise
    from filmpark.budget.config import read_budget_section
    from filmpark.budget.from_schedule import cast_days, schedule_facts
    from filmpark.errors import InputError
    from filmpark.reports.call_sheet import call_sheets
    from filmpark.schedule.builders import build_problem
    from filmpark.schedule.config import default_config, load_config
    from filmpark.schedule.evaluate import evaluate
    from filmpark.schedule.problem import Lock
    from filmpark.schedule.solve import Progress, solve
    from filmpark.screenplay import read
    from filmpark.services.plan import Plan

    def report(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    report(0.02, "reading the script")
    script = read(inputs.data, inputs.filename)
    if not script.scenes:
        raise InputError(f"{inputs.filename}: no scenes found")
    report(0.05, "breaking the script down")
    breakdown = _apply_decisions(break_down(script), inputs.decisions)
    source = "config.json"
    config = (
        load_config(json.dumps(dict(inputs.config), ensure_ascii=False), source)
        if inputs.config
        else default_config()
    )
    settings = read_budget_section(
        config.budget_node,
        source,
        base_dir=None,
        location_ids=tuple(location.id for location in config.locations),
        default_profile="us" if config.profile == "us" else "vietnam",
        default_currency=config.currency,
    )
    problem = build_problem(script, breakdown, config)
    if arranged is not None:
        schedule = evaluate(problem, arranged, keep_order=True, status="MANUAL")
    else:
        locked = {
            scene: date.fromisoformat(on)
            for scene, on in locks_of(inputs.previous).items()
            if any(job.number == scene for job in problem.scenes)
        }
        extra = tuple(Lock(scene, on_date=on) for scene, on in sorted(locked.items()))
        pinned = {lock.scene for lock in problem.locks}
        problem = replace(
            problem, locks=problem.locks + tuple(x for x in extra if x.scene not in pinned)
        )
        if inputs.previous:
            previous = {
                scene: when
                for when, scenes in days_of(inputs.previous).items()
                for scene in scenes
                if any(job.number == scene for job in problem.scenes)
            }
            problem = replace(problem, previous=previous)
        report(0.1, "solving the schedule")

        def on_progress(step: Progress) -> None:
            share = min(0.9, 0.1 + 0.8 * step.seconds / max(time_limit, 0.1))
            report(share, f"best cost {step.objective:,}, gap {step.gap:.1%}")

        schedule = solve(problem, time_limit=time_limit, workers=workers, progress=on_progress)
    report(0.92, "costing the schedule")
    days = cast_days(schedule)
    facts = schedule_facts(schedule, cast=days)
    title = config.title or script.title or Path(inputs.filename).stem
    summary = summarise(build_budget(facts, settings, title=title))
    sheets = call_sheets(schedule, breakdown, title=title)
    defaults = tuple(dict.fromkeys((*config.defaults_used, *settings.defaults_used)))
    return Plan(script, breakdown, config, problem, schedule, days, summary, sheets, defaults)


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
