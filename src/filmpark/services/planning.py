"""The bridge from the platform's jobs to the engine's planning use case.

Three computations, each from the kept script file and the stored JSON documents, with no
database: solve a schedule, cost it, render the book. They delegate to the engine
(:mod:`filmpark.services.plan` and the stages below it) by name, so this module is the one
place that knows the engine's entry points.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from filmpark.services.engine import engine_function

Progress = Any


def solve_schedule(
    data: bytes,
    filename: str,
    *,
    config: dict[str, Any],
    decisions: dict[str, Any],
    previous: dict[str, Any] | None,
    time_limit: float,
    workers: int,
    progress: Progress,
) -> dict[str, Any]:
    """A ``Schedule.1`` document for the script with the people's decisions applied."""
    run = engine_function("filmpark.services.plan", "schedule_document")
    document = run(
        data,
        filename,
        config=config,
        decisions=decisions,
        previous=previous,
        time_limit=time_limit,
        workers=workers,
        progress=progress,
    )
    return dict(document)


def cost_schedule(
    data: bytes,
    filename: str,
    *,
    config: dict[str, Any],
    decisions: dict[str, Any],
    schedule: dict[str, Any],
) -> dict[str, Any]:
    """The budget document of a stored schedule."""
    run = engine_function("filmpark.services.plan", "budget_document")
    return dict(run(data, filename, config=config, decisions=decisions, schedule=schedule))


def render_book(
    data: bytes,
    filename: str,
    *,
    config: dict[str, Any],
    decisions: dict[str, Any],
    schedule: dict[str, Any],
    out_dir: Path,
    locale: str,
) -> list[str]:
    """Write the production book into ``out_dir``; returns the files written (relative)."""
    run = engine_function("filmpark.services.plan", "render_book")
    run(
        data,
        filename,
        config=config,
        decisions=decisions,
        schedule=schedule,
        out_dir=out_dir,
        locale=locale,
    )
    return sorted(str(p.relative_to(out_dir)) for p in out_dir.rglob("*") if p.is_file())
