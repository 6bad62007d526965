"""A DyPDL model of talent scheduling for didppy (Kuroiwa & Beck's domain-independent DP).

The peer the exact solver of ``filmpark.schedule.talent`` is measured against in
``benchmarks/talent.py``. The model is the subset dynamic programme the literature uses:

* state: the set ``R`` of scenes still to shoot (target: every scene);
* transition "shoot s next" (s in R): ``R <- R - {s}``, cost ``d_s * c(a(s) | (a(S - R) & a(R - {s})))``
  — the scene's own actors plus everyone who has worked and works again later;
* a forced transition when ``a(s)`` equals the set of actors on location (shooting it now is
  never worse — the same dominance our solver uses);
* base case ``R`` empty; dual bound: the actors' own working pay of the scenes in ``R``.

Solved with CABS (complete anytime beam search), one thread, a time limit.

    .venv/bin/python benchmarks/didp_talent.py ../shared/bench/talent/instances/film103.txt
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import didppy as dp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from filmpark.schedule.instances import read_talent
from filmpark.schedule.talent import TalentInstance, total_cost


@dataclass(frozen=True)
class DidpResult:
    order: tuple[int, ...]
    cost: int
    optimal: bool
    lower_bound: int
    seconds: float


def build_model(instance: TalentInstance) -> tuple[dp.Model, dict[str, int]]:
    n, m = instance.scene_count, instance.actor_count
    model = dp.Model(maximize=False, float_cost=False)
    scene = model.add_object_type(number=n)
    actor = model.add_object_type(number=max(1, m))
    remaining = model.add_set_var(object_type=scene, target=list(range(n)))
    cast = model.add_set_table(
        [[a for a in range(m) if instance.presence[a][s]] for s in range(n)], object_type=actor
    )
    rate = model.add_int_table(list(instance.costs) or [0])
    own_pay = model.add_int_table(
        [
            instance.durations[s]
            * sum(instance.costs[a] for a in range(m) if instance.presence[a][s])
            for s in range(n)
        ]
    )
    worked = cast.union(remaining.complement())
    on_location = worked & cast.union(remaining)
    names: dict[str, int] = {}
    for s in range(n):
        later = cast.union(remaining.remove(s))
        paid = cast[s] | (worked & later)
        for forced in (True, False):
            name = f"{'forced' if forced else 'shoot'} {s}"
            preconditions = [remaining.contains(s)]
            if forced:
                preconditions.append(cast[s] == on_location)
            transition = dp.Transition(
                name=name,
                cost=instance.durations[s] * rate[paid] + dp.IntExpr.state_cost(),
                effects=[(remaining, remaining.remove(s))],
                preconditions=preconditions,
            )
            model.add_transition(transition, forced=forced)
            names[name] = s
    model.add_base_case([remaining.is_empty()])
    model.add_dual_bound(own_pay[remaining])
    return model, names


def solve_didp(instance: TalentInstance, time_limit: float) -> DidpResult:
    started = time.perf_counter()
    model, names = build_model(instance)
    solver = dp.CABS(model, time_limit=time_limit, quiet=True, threads=1)
    solution = solver.search()
    seconds = time.perf_counter() - started
    order = tuple(names[t.name] for t in solution.transitions)
    if len(order) != instance.scene_count:  # no complete solution within the limit
        order = tuple(range(instance.scene_count))
    cost = total_cost(instance, order)
    bound = solution.best_bound
    return DidpResult(
        order=order,
        cost=cost,
        optimal=bool(solution.is_optimal),
        lower_bound=min(cost, int(bound)) if bound is not None else 0,
        seconds=seconds,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("instance", type=Path)
    parser.add_argument("--time-limit", type=float, default=60.0)
    args = parser.parse_args()
    instance = read_talent(args.instance.read_text(), str(args.instance))
    result = solve_didp(instance, args.time_limit)
    print(
        f"{instance.name}: cost {result.cost} optimal {result.optimal} "
        f"bound {result.lower_bound} {result.seconds:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
