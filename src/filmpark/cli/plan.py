"""``filmpark plan FILE [--config production.yaml] -o OUT_DIR [--time-limit S] [--force] [--lang en|vi]
[--decisions decisions.json]``.

The main job: parse → breakdown → schedule → budget → documents, with a progress display on
stderr, then the production book in ``OUT_DIR`` (see :mod:`filmpark.services.plan`). Without
``--config`` the defaults (start next Monday, Vietnam profile, default rates) are used and
listed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from filmpark.cli.breakdown import read_decisions, report_unapplied
from filmpark.cli.common import (
    err_console,
    language,
    read_config_text,
    read_input_file,
    say,
    search_progress,
    set_language,
    tr,
)
from filmpark.cli.schedule import solver_status
from filmpark.documents.render import format_money
from filmpark.errors import InputError
from filmpark.schedule.solve import Progress as SolveProgress
from filmpark.services.plan import STEPS, make_plan, write_plan
from filmpark.text import compose, t


def plan(
    file: Annotated[Path, typer.Argument(help="The screenplay (.fountain, .fdx, .pdf, .txt).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory to write the book into.")
    ],
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Production config (YAML).")
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0.1, help="Seconds the schedule solver may use.")
    ] = 60.0,
    seed: Annotated[
        int, typer.Option("--seed", help="Solver seed (same seed, same schedule).")
    ] = 0,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT_DIR if it exists.")] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of the documents and the messages: en or vi "
            "(default: the config's language for the documents).",
        ),
    ] = None,
    decisions: Annotated[
        Path | None,
        typer.Option(
            "--decisions",
            help="People's breakdown decisions (a Decisions.1 JSON file) to apply before scheduling.",
        ),
    ] = None,
) -> None:
    """Turn a screenplay into a production book: breakdown, schedule, budget, call sheets."""
    if lang is not None and lang not in ("en", "vi"):
        raise InputError(t("cli.lang_expected", option="--lang", got=repr(lang)))
    set_language(lang)
    if output.exists() and not force:
        raise InputError(t("file.exists_use_force", path=str(output)))
    data = read_input_file(file)
    config_text = read_config_text(config) if config is not None else None
    decided = read_decisions(decisions) if decisions is not None else None
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.fields[step]:<10}[/]"),
        BarColumn(bar_width=20),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    ) as progress:
        task = progress.add_task(escape(tr(t("cli.plan.starting"))), total=len(STEPS), step="")

        def on_step(step: str, message: str) -> None:
            progress.update(
                task,
                completed=STEPS.index(step),
                step=escape(tr(t(f"cli.step.{step}"))),
                description=escape(tr(message)),
            )

        def on_progress(update: SolveProgress) -> None:
            progress.update(
                task,
                description=escape(tr(search_progress(update.objective, update.bound, update.gap))),
            )

        result = make_plan(
            data,
            str(file),
            config_text=config_text,
            config_source=str(config) if config is not None else "production.yaml",
            time_limit=time_limit,
            seed=seed,
            on_step=on_step,
            on_progress=on_progress,
            decisions=decided,
        )
        on_step("documents", t("cli.plan.writing", path=str(output)))
        book_language = lang or (
            result.config.language if result.config.language in ("en", "vi") else "en"
        )
        written = write_plan(result, output, lang=book_language, force=force)
        progress.update(task, completed=len(STEPS), description=escape(tr(t("cli.plan.done"))))
    if decisions is not None and decided is not None:
        report_unapplied(result.unapplied, len(decided) - len(result.unapplied), decisions)
    if config is None:
        say(t("cli.plan.no_config"), err=True)
    if result.defaults_used:
        say(t("cli.defaults_used"), err=True)
        for note in result.defaults_used:
            say(compose("  • {note}", note=note), err=True)
    schedule = result.schedule
    quality = (
        t("cli.plan.optimal")
        if schedule.optimal
        else t("cli.plan.gap", status=solver_status(schedule.status), gap=schedule.gap)
    )
    say(
        t(
            "cli.plan.summary",
            title=result.title,
            scenes=t("cli.count.scenes", count=len(result.script.scenes)),
            days=t("cli.count.shoot_days", count=len(schedule.days)),
            quality=quality,
            budget=format_money(result.summary.grand_total, language()),
        )
    )
    say(
        t(
            "cli.plan.wrote",
            count=len(written),
            path=str(output.resolve()),
            index=str(output / "index.html"),
        )
    )


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)
