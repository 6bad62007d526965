"""The main job as one use case: screenplay → breakdown → schedule → budget → production book.

:func:`make_plan` runs the engine (no database, no files written) and returns a :class:`Plan`;
:func:`write_plan` writes its book into a directory atomically: everything goes into a
temporary directory beside the target, which is renamed into place only once every file is
written, so a failure part-way leaves no half-written book (and an existing book is replaced
only with ``force``). The CLI (``filmpark plan``) and the platform's jobs both call these.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from filmpark.breakdown.decisions import Decision, Decisions, apply_decisions
from filmpark.breakdown.extract import break_down
from filmpark.breakdown.model import Breakdown
from filmpark.breakdown.serialize import breakdown_to_json
from filmpark.budget.build import BudgetSettings, build_budget
from filmpark.budget.compare import BudgetComparison, compare_budgets
from filmpark.budget.compute import BudgetSummary, summarise
from filmpark.budget.config import read_budget_section
from filmpark.budget.facts import CastDays
from filmpark.budget.from_schedule import schedule_facts
from filmpark.documents.book import Book, write_book
from filmpark.documents.render import check_lang
from filmpark.errors import ConfigError, InputError
from filmpark.reports.call_sheet import CallSheet, call_sheets
from filmpark.reports.dood import WORK_CODES, DayOutOfDays, day_out_of_days, dood_document
from filmpark.schedule.builders import build_problem
from filmpark.schedule.config import ProductionConfig, default_config, load_config
from filmpark.schedule.evaluate import evaluate
from filmpark.schedule.heuristic import availability_table, pack_days
from filmpark.schedule.problem import Problem
from filmpark.schedule.result import Schedule
from filmpark.schedule.serialize import schedule_document
from filmpark.schedule.solve import Progress, full_horizon, solve
from filmpark.screenplay import read
from filmpark.screenplay.model import Script
from filmpark.screenplay.serialize import script_to_json
from filmpark.text import Text, t

STEPS = ("parse", "breakdown", "schedule", "budget", "documents")
StepCallback = Callable[[str, Text], None]
"""Called with (step, message) as the plan moves through :data:`STEPS`."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything the engine computed for one screenplay and config."""

    script: Script
    breakdown: Breakdown
    config: ProductionConfig
    problem: Problem
    schedule: Schedule
    dood: DayOutOfDays
    cast_days: tuple[CastDays, ...]
    summary: BudgetSummary
    call_sheets: tuple[CallSheet, ...]
    defaults_used: tuple[str, ...]
    comparison: BudgetComparison | None = None
    unapplied: tuple[Decision, ...] = ()
    """People's decisions that no longer fit this script (scene gone, element no longer
    proposed): kept by whoever stores them and reported, never applied by guesswork."""

    @property
    def title(self) -> str:
        return self.config.title or self.script.title or Path(self.script.source).stem


def _check_locations(config: ProductionConfig) -> None:
    """A location the config names must have coordinates: the call sheet's sunrise and sunset
    are computed from them (stages excepted: they have no sky)."""
    for location in config.locations:
        if not location.stage and (location.latitude is None or location.longitude is None):
            raise ConfigError(
                t("plan.needs_coordinates"),
                key=f"locations.{location.id}.coordinates",
                line=location.line,
                source=config.source,
            )


def _production_config(
    config_text: str | None, config_source: str, today: date | None
) -> ProductionConfig:
    if config_text is None:
        return default_config(today)
    config = load_config(config_text, config_source, today=today)
    _check_locations(config)
    return config


def _read_script(data: bytes, source: str) -> Script:
    script = read(data, source)
    if not script.scenes:
        raise InputError(t("plan.no_scenes", source=source))
    return script


def _decided_breakdown(
    script: Script, decisions: Decisions | Mapping[str, Any] | None
) -> tuple[Breakdown, tuple[Decision, ...]]:
    """The machine's breakdown with the people's decisions applied, and those that no longer fit."""
    breakdown = break_down(script)
    if not decisions:
        return breakdown, ()
    decided = decisions if isinstance(decisions, Decisions) else Decisions.from_dict(decisions)
    return apply_decisions(breakdown, decided, script)


def plan_problem(
    data: bytes,
    source: str,
    *,
    config_text: str | None = None,
    config_source: str = "production.yaml",
    today: date | None = None,
    decisions: Decisions | Mapping[str, Any] | None = None,
) -> Problem:
    """The scheduling problem :func:`make_plan` solves for the same inputs, without solving it
    (to check an arrangement people made against the hard rules)."""
    config = _production_config(config_text, config_source, today)
    script = _read_script(data, source)
    breakdown, _unapplied = _decided_breakdown(script, decisions)
    return build_problem(script, breakdown, config)


def make_plan(
    data: bytes,
    source: str,
    *,
    config_text: str | None = None,
    config_source: str = "production.yaml",
    time_limit: float = 60.0,
    seed: int = 0,
    workers: int = 2,
    today: date | None = None,
    on_step: StepCallback | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    hospitals: Mapping[str, str] | None = None,
    performers: Mapping[int, str] | None = None,
    decisions: Decisions | Mapping[str, Any] | None = None,
) -> Plan:
    """Parse, break down, schedule and cost a screenplay (``data`` read from ``source``).

    ``decisions`` (a ``Decisions.1`` document) are the people's breakdown decisions; they are
    applied to the machine's breakdown before scheduling, so what a person rejected, added or
    merged is what the schedule, the budget and the documents use. Those that no longer fit the
    script are returned in ``Plan.unapplied`` (and listed in ``plan.json``), never dropped.

    The call sheets take each location's nearest hospital and each role's actor from the config
    (``locations.<id>.hospital``, ``cast.<name>.actor``), and the DOOD (hence the cast budget)
    each performer's travel, rehearsal and fitting days (``cast.<name>.travel`` …).
    ``hospitals`` (location id → nearest hospital) and ``performers`` (cast id → actor) override
    the config where the caller knows better; what neither gives stays blank for the production
    to fill in.
    """

    def step(name: str, message: Text) -> None:
        if on_step is not None:
            on_step(name, message)

    # The config first: a mistake in it is reported before minutes of work, not after.
    config = _production_config(config_text, config_source, today)
    settings = read_budget_section(
        config.budget_node,
        config_source,
        base_dir=Path(config_source).parent if config_text is not None else None,
        location_ids=tuple(location.id for location in config.locations),
        default_profile="us" if config.profile == "us" else "vietnam",
        default_currency=config.currency,
    )
    step("parse", t("plan.step.reading", source=source))
    script = _read_script(data, source)
    step("breakdown", t("plan.step.breaking_down", count=len(script.scenes)))
    breakdown, unapplied = _decided_breakdown(script, decisions)
    step(
        "schedule",
        t("plan.step.scheduling", count=sum(len(s.elements) for s in breakdown.scenes)),
    )
    problem = build_problem(script, breakdown, config)
    schedule = solve(
        problem, time_limit=time_limit, seed=seed, workers=workers, progress=on_progress
    )
    step("budget", t("plan.step.costing", count=len(schedule.days)))
    dood = day_out_of_days(schedule)
    days = cast_days_from_dood(schedule, dood)
    facts = schedule_facts(schedule, days)
    title = config.title or script.title or Path(source).stem
    summary = summarise(build_budget(facts, settings, title=title))
    comparison = compare_with_script_order(problem, summary, settings, title=title)
    sheets = call_sheets(
        schedule, breakdown, title=title, hospitals=hospitals, performers=performers
    )
    defaults = tuple(dict.fromkeys((*config.defaults_used, *settings.defaults_used)))
    return Plan(
        script,
        breakdown,
        config,
        problem,
        schedule,
        dood,
        days,
        summary,
        sheets,
        defaults,
        comparison,
        unapplied,
    )


def cast_days_from_dood(schedule: Schedule, dood: DayOutOfDays) -> tuple[CastDays, ...]:
    """Each performer's paid days exactly as the day-out-of-days counts them, with their rate."""
    members = {member.id: member for member in schedule.problem.cast}
    result: list[CastDays] = []
    for row in dood.rows:
        totals = row.totals
        result.append(
            CastDays(
                cast_id=row.cast_id,
                name=row.name,
                daily_rate=members[row.cast_id].daily_rate,
                work_days=totals.work,
                hold_days=totals.hold,
                travel_days=totals.travel,
                work_dates=tuple(
                    column.date
                    for column, cell in zip(dood.columns, row.cells, strict=True)
                    if WORK_CODES.intersection(cell.codes)
                ),
                paid=totals.paid,
            )
        )
    return tuple(result)


def script_order_schedule(problem: Problem) -> Schedule | None:
    """The schedule a production gets without optimising: scenes shot in script order, packed
    into days (availability and day length respected), or None when that order cannot be packed."""
    horizon = full_horizon(problem)
    order = [scene.number for scene in problem.scenes]
    plan = pack_days(
        problem, order, horizon, urgency=1, allowed=availability_table(problem, horizon)
    )
    if plan is None:
        return None
    return evaluate(problem, plan, keep_order=True, status="SCRIPT_ORDER")


def compare_with_script_order(
    problem: Problem, optimised: BudgetSummary, settings: BudgetSettings, *, title: str = ""
) -> BudgetComparison | None:
    """The optimised schedule's budget beside the script-order schedule's: what optimising saved."""
    naive = script_order_schedule(problem)
    if naive is None:
        return None
    naive_days = cast_days_from_dood(naive, day_out_of_days(naive))
    naive_summary = summarise(
        build_budget(schedule_facts(naive, naive_days), settings, title=title)
    )
    return compare_budgets(naive_summary, optimised, labels=("Script order", "Optimised"))


def schedule_json(plan: Plan) -> dict[str, Any]:
    """The ``Schedule.1`` document, exactly as ``filmpark schedule --json`` prints it."""
    document = schedule_document(plan.schedule)
    document["dood"] = dood_document(plan.dood)
    return document


def budget_json(summary: BudgetSummary) -> dict[str, Any]:
    """``{"currency", "total", "accounts": [...]}`` with money as decimal strings."""
    return {
        "currency": summary.currency,
        "total": summary.grand_total.to_decimal_string(),
        "subtotal": summary.subtotal.to_decimal_string(),
        "contingency": summary.contingency.to_decimal_string(),
        "bond": summary.bond.to_decimal_string(),
        "chart": summary.budget.chart.key,
        "version": summary.budget.version,
        "exchange_rate": None
        if summary.budget.exchange_rate is None
        else {
            "base": summary.budget.exchange_rate.base,
            "quote": summary.budget.exchange_rate.quote,
            "rate": format(summary.budget.exchange_rate.rate, "f"),
            "as_of": summary.budget.exchange_rate.as_of.isoformat(),
            "placeholder": summary.budget.exchange_rate.placeholder,
        },
        "accounts": [
            {
                "code": account.code,
                "name": account.account.name_en,
                "name_vi": account.account.name_vi,
                "category": category.category.key,
                "total": account.total.to_decimal_string(),
            }
            for category in summary.categories
            for account in category.accounts
        ],
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    """The ``Plan.1`` document: script, breakdown, schedule and budget."""
    return {
        "schema": "Plan.1",
        "script": script_to_json(plan.script),
        "breakdown": breakdown_to_json(plan.breakdown),
        "schedule": schedule_json(plan),
        "budget": budget_json(plan.summary),
        "unapplied_decisions": [decision.describe() for decision in plan.unapplied],
    }


def _book(plan: Plan, document: dict[str, Any] | None = None) -> Book:
    return Book(
        title=plan.title,
        script=plan.script,
        breakdown=plan.breakdown,
        schedule=plan.schedule,
        summary=plan.summary,
        call_sheets=plan.call_sheets,
        cast_days=plan.cast_days,
        dood=plan.dood,
        plan_json=document or {},
        defaults_used=plan.defaults_used,
        comparison=plan.comparison,
    )


def write_plan(plan: Plan, out_dir: Path, *, lang: str = "en", force: bool = False) -> list[Path]:
    """Write the book into ``out_dir`` atomically; refuse an existing ``out_dir`` unless ``force``."""
    check_lang(lang)
    out_dir = out_dir.resolve()
    if out_dir.exists() and not force:
        raise InputError(t("file.exists_use_force", path=str(out_dir)))
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(t("file.not_a_directory", path=str(out_dir)))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        written = write_book(staging, _book(plan, plan_json(plan)), lang=lang)
        if out_dir.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old.", dir=out_dir.parent))
            out_dir.rename(retired / out_dir.name)
            staging.rename(out_dir)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out_dir / path.relative_to(staging) for path in written]
