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

from filmpark.cli.common import print_json, read_input_file, say
from filmpark.errors import InputError
from filmpark.schedule.instances import read_talent
from filmpark.schedule.talent import fixed_cost, solve_talent
from filmpark.text import compose, t


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
        raise InputError(t("cli.talent.not_text", path=str(instance))) from None
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
    status = t("cli.talent.optimal") if result.optimal else t("cli.talent.best_found")
    say(
        compose(
            "{name}: {scenes}, {actors}",
            name=problem.name or instance.name,
            scenes=t("cli.count.scenes", count=problem.scene_count),
            actors=t("cli.count.actors", count=problem.actor_count),
        )
    )
    say(t("cli.talent.order", order=" ".join(map(str, result.order))))
    say(
        t(
            "cli.talent.cost",
            cost=result.cost,
            hold=result.cost - fixed_cost(problem),
            status=status,
        )
    )
    say(
        t(
            "cli.talent.bound",
            bound=result.lower_bound,
            seconds=result.seconds,
            nodes=result.nodes,
        )
    )


def register(app: typer.Typer) -> None:
    app.command("talent")(talent)
