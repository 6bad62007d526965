"""``filmpark talent INSTANCE [--time-limit S] [--json]``: solve one talent-scheduling instance.

The instance is a file in the benchmark format of ``bench/talent/README.md``. The command
prints the best scene order found (0-based scene indices), its total cost (every actor paid
from their first to their last shooting day), whether it is proven optimal, and the proven
lower bound. ``--json`` prints ``{"order", "cost", "optimal", "lower_bound", "seconds"}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from filmpark.cli.common import console, print_json, read_input_file
from filmpark.errors import InputError
from filmpark.schedule.instances import read_talent
from filmpark.schedule.talent import fixed_cost, solve_talent


def talent(
    instance: Annotated[Path, typer.Argument(help="Talent-scheduling instance file.")],
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0.01, help="Seconds the solver may use.")
    ] = 10.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Find the scene order that pays actors the least (talent scheduling), with proof."""
    raw = read_input_file(instance)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"{instance}: not a text file (expected whitespace-separated integers)"
        ) from None
    problem = read_talent(text, str(instance))
    result = solve_talent(problem, time_limit=time_limit)
    if as_json:
        print_json(
            {
                "order": list(result.order),
                "cost": result.cost,
                "optimal": result.optimal,
                "lower_bound": result.lower_bound,
                "seconds": round(result.seconds, 4),
            }
        )
        return
    status = "optimal (proven)" if result.optimal else "best found, not proven optimal"
    console.print(
        f"{problem.name or instance.name}: {problem.scene_count} scenes, "
        f"{problem.actor_count} actors"
    )
    console.print(f"order (0-based): {' '.join(map(str, result.order))}")
    console.print(
        f"total cost {result.cost} (hold days {result.cost - fixed_cost(problem)}) — {status}"
    )
    console.print(f"lower bound {result.lower_bound}; {result.seconds:.3f} s, {result.nodes} nodes")


def register(app: typer.Typer) -> None:
    app.command("talent")(talent)
