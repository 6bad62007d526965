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
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from filmpark.breakdown.extract import break_down
from filmpark.cli.common import console, err_console, print_json, read_input_file
from filmpark.documents.exports import (
    dood_csv_text,
    one_liner_csv_text,
    schedule_csv_text,
    shoot_days_ics,
)
from filmpark.errors import ConfigError, InputError
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


def _read_config(path: Path) -> ProductionConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("no such file", source=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", source=str(path)) from None
    except OSError as error:
        raise ConfigError(error.strerror or "cannot be read", source=str(path)) from None
    return load_config(text, str(path))


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
            err_console.print("filmpark: defaults used: " + "; ".join(config.defaults_used))
    else:
        config = default_config()
        err_console.print(
            "filmpark: no --config given; defaults used: " + "; ".join(config.defaults_used)
        )
    script = read(read_input_file(file), str(file))
    breakdown = break_down(script)
    problem = build_problem(script, breakdown, config)
    if not problem.scenes:
        raise InputError(f"{file}: no scenes to schedule")
    for notice in problem.notices:
        err_console.print(f"filmpark: note: {notice}")
    previous_plan = None
    if previous is not None:
        try:
            document = json.loads(read_input_file(previous).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(f"{previous}: not a JSON schedule ({error})") from None
        previous_plan = previous_dates(document, str(previous))

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task("searching…", total=time_limit)

        def report(step: SolveProgress) -> None:
            bar.update(
                task,
                completed=min(step.seconds, time_limit),
                description=f"best {step.objective:,} · bound {step.bound:,} · gap {step.gap:.1%}",
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
    table = Table(title=problem.title or "Shooting schedule", show_lines=False)
    for column in ("Day", "Date", "Scenes", "Pages", "Minutes", "Locations"):
        table.add_column(column)
    for day in result.days:
        table.add_row(
            str(day.number),
            day.date.strftime("%a %Y-%m-%d"),
            " ".join(day.scenes),
            str(day.eighths),
            str(day.load_minutes),
            ", ".join(names.get(loc, loc) for loc in day.locations),
        )
    console.print(table)
    for line in describe_costs(result):
        console.print(f"  {line}")
    console.print(f"total {result.total}")
    proof = "proven optimal" if result.optimal else f"gap {result.gap:.1%} to the lower bound"
    console.print(
        f"lower bound {result.lower_bound:,} {problem.currency} — {proof} "
        f"({result.status}, {result.seconds:.1f} s)"
    )
    for warning in result.warnings:
        err_console.print(f"filmpark: warning: {warning}")


def register(app: typer.Typer) -> None:
    app.command("schedule")(schedule)
