"""``filmpark schedule FILE [--config production.yaml] [--time-limit S] [--seed N] [--json]``.

Screenplay → breakdown → optimised shooting schedule. Prints the shoot days, what each named
cost term cost, the lower bound and the gap; ``--json`` prints the ``Schedule.1`` document with
the day-out-of-days. ``--export DIR`` also writes the schedule, one-liner and DOOD as CSV and
the shoot days as iCalendar. An infeasible problem prints the conflicting rules and exits 3
without writing anything; a malformed config names the key and line and exits 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from filmpark.breakdown.extract import break_down
from filmpark.cli.common import (
    console,
    err_console,
    print_json,
    read_config_text,
    read_input_file,
    say,
    search_progress,
    tr,
)
from filmpark.documents.exports import (
    dood_csv_text,
    one_liner_csv_text,
    schedule_csv_text,
    shoot_days_ics,
)
from filmpark.errors import InputError
from filmpark.reports.dood import day_out_of_days, dood_document
from filmpark.reports.one_liner import one_liner
from filmpark.schedule.builders import build_problem
from filmpark.schedule.config import ProductionConfig, default_config, load_config
from filmpark.schedule.explain import describe_costs
from filmpark.schedule.result import Schedule
from filmpark.schedule.serialize import previous_dates, schedule_document
from filmpark.schedule.solve import Progress as SolveProgress
from filmpark.schedule.solve import solve
from filmpark.screenplay import read
from filmpark.text import Text, compose, join, t, verbatim


def _read_config(path: Path) -> ProductionConfig:
    return load_config(read_config_text(path), str(path))


def schedule(
    file: Annotated[Path, typer.Argument(help="Screenplay (.fountain, .fdx, .pdf, .txt).")],
    config_path: Annotated[
        Path | None, typer.Option("--config", help="Production config (YAML), see examples/.")
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0.1, help="Seconds the optimiser may use.")
    ] = 10.0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the search.")] = 0,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Solver threads.")] = 2,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", help="A saved Schedule.1 JSON: re-plan moving few strips."),
    ] = None,
    export: Annotated[
        Path | None,
        typer.Option("--export", help="Directory to write schedule/one-liner/DOOD CSV and iCal."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Schedule.1 JSON.")] = False,
) -> None:
    """Break a screenplay down and optimise its shooting schedule."""
    if config_path is not None:
        config = _read_config(config_path)
        if config.defaults_used:
            say(t("cli.schedule.defaults_used", notes=join("; ", config.defaults_used)), err=True)
    else:
        config = default_config()
        say(t("cli.schedule.no_config", notes=join("; ", config.defaults_used)), err=True)
    script = read(read_input_file(file), str(file))
    breakdown = break_down(script)
    problem = build_problem(script, breakdown, config)
    if not problem.scenes:
        raise InputError(t("cli.schedule.no_scenes", path=str(file)))
    for notice in problem.notices:
        say(t("cli.schedule.note", notice=notice), err=True)
    previous_plan = None
    if previous is not None:
        try:
            document = json.loads(read_input_file(previous).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(
                t("cli.schedule.previous_not_json", path=str(previous), error=str(error))
            ) from None
        previous_plan = previous_dates(document, str(previous))

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task(escape(tr(t("cli.schedule.searching"))), total=time_limit)

        def report(step: SolveProgress) -> None:
            bar.update(
                task,
                completed=min(step.seconds, time_limit),
                description=escape(tr(search_progress(step.objective, step.bound, step.gap))),
            )

        if previous_plan:
            from dataclasses import replace
            from types import MappingProxyType

            problem = replace(problem, previous=MappingProxyType(previous_plan))
        result = solve(problem, time_limit=time_limit, seed=seed, workers=workers, progress=report)

    dood = day_out_of_days(result)
    if export is not None:
        export.mkdir(parents=True, exist_ok=True)
        (export / "schedule.csv").write_text(schedule_csv_text(result), encoding="utf-8")
        (export / "one-liner.csv").write_text(
            one_liner_csv_text(one_liner(result)), encoding="utf-8"
        )
        (export / "dood.csv").write_text(dood_csv_text(dood), encoding="utf-8")
        with (export / "shoot-days.ics").open("w", encoding="utf-8", newline="") as handle:
            handle.write(shoot_days_ics(result))
    if as_json:
        document = schedule_document(result)
        document["dood"] = dood_document(dood)
        print_json(document)
        return
    _print(result)


def _print(result: Schedule) -> None:
    problem = result.problem
    names = {location.id: location.name for location in problem.locations}
    table = Table(title=problem.title or tr(t("cli.schedule.title")), show_lines=False)
    for column in ("day", "date", "scenes", "pages", "minutes", "locations"):
        table.add_column(tr(t(f"cli.column.{column}")))
    for day in result.days:
        table.add_row(
            str(day.number),
            tr(
                compose(
                    "{weekday} {date}",
                    weekday=t(f"weekday.short.{day.date.weekday()}"),
                    date=day.date.isoformat(),
                )
            ),
            " ".join(day.scenes),
            str(day.eighths),
            str(day.load_minutes),
            ", ".join(names.get(loc, loc) for loc in day.locations),
        )
    console.print(table)
    for line in describe_costs(result):
        say(compose("  {line}", line=line))
    say(t("cli.schedule.total", total=result.total))
    proof = t("cli.schedule.optimal") if result.optimal else t("cli.schedule.gap", gap=result.gap)
    say(
        t(
            "cli.schedule.bound",
            bound=result.lower_bound,
            currency=problem.currency,
            proof=proof,
            status=solver_status(result.status),
            seconds=result.seconds,
        )
    )
    for warning in result.warnings:
        say(t("cli.schedule.warning", warning=warning), err=True)


def solver_status(status: str) -> Text:
    """The solver's status word (``OPTIMAL``, ``FEASIBLE``...) as the reader's language has it."""
    if status in SOLVER_STATUSES:
        return t(f"solver.status.{status}")
    return verbatim(status)


SOLVER_STATUSES = ("OPTIMAL", "FEASIBLE", "HEURISTIC", "SCRIPT_ORDER")


def register(app: typer.Typer) -> None:
    app.command("schedule")(schedule)
