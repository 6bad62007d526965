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
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from filmpark.cli.breakdown import read_decisions, report_unapplied
from filmpark.cli.common import console, err_console, read_input_file
from filmpark.documents.render import format_money
from filmpark.errors import ConfigError, InputError
from filmpark.schedule.solve import Progress as SolveProgress
from filmpark.services.plan import STEPS, make_plan, write_plan


def _read_config(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("no such file", source=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", source=str(path)) from None
    except OSError as error:
        raise ConfigError(error.strerror or "cannot be read", source=str(path)) from None


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
            "--lang", help="Language of the documents: en or vi (default: the config's language)."
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
        raise InputError(f"--lang: expected en or vi, got {lang!r}")
    if output.exists() and not force:
        raise InputError(f"{output}: already exists (use --force to replace it)")
    data = read_input_file(file)
    config_text = _read_config(config) if config is not None else None
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
        task = progress.add_task("starting", total=len(STEPS), step="")

        def on_step(step: str, message: str) -> None:
            progress.update(task, completed=STEPS.index(step), step=step, description=message)

        def on_progress(update: SolveProgress) -> None:
            progress.update(
                task,
                description=f"best {update.objective:,} · bound {update.bound:,} · gap {update.gap:.1%}",
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
        on_step("documents", f"writing the book into {output}")
        language = lang or (
            result.config.language if result.config.language in ("en", "vi") else "en"
        )
        written = write_plan(result, output, lang=language, force=force)
        progress.update(task, completed=len(STEPS), description="done")
    if decisions is not None and decided is not None:
        report_unapplied(result.unapplied, len(decided) - len(result.unapplied), decisions)
    if config is None:
        err_console.print("No --config given: using defaults.")
    if result.defaults_used:
        err_console.print("Defaults used:")
        for note in result.defaults_used:
            err_console.print(f"  • {note}")
    schedule = result.schedule
    quality = (
        "optimal" if schedule.optimal else f"{schedule.status.lower()}, gap {schedule.gap:.1%}"
    )
    console.print(
        f"[bold]{result.title}[/]: {len(result.script.scenes)} scenes, {len(schedule.days)} shoot days "
        f"({quality}), budget {format_money(result.summary.grand_total, 'en')}"
    )
    console.print(
        f"Wrote {len(written)} files to {output.resolve()} — open {output / 'index.html'}"
    )


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)
