"""Plain CP-SAT models of scene ordering: the generic baseline the tailored solvers are measured
against, and a fallback sub-solver.

* :func:`solve_talent_cpsat` — talent scheduling as one machine without gaps: an interval per
  scene inside ``[0, total days)`` under ``NoOverlap`` (so the order is a permutation and days
  run back to back); each actor is paid from the minimum start to the maximum end of their
  scenes.
* :func:`solve_sequence_cpsat` — the sequencing problem of :mod:`filmpark.schedule.sequencing`:
  the same intervals plus a Hamiltonian path (``AddCircuit`` over successor literals, with a
  dummy depot) that prices every location change; precedences are end-before-start.

Both take a time limit, a seed and a worker count, and report the solver's proven bound.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from filmpark.schedule.sequencing import SequencingProblem, SequencingResult, sequence_cost
from filmpark.schedule.talent import TalentInstance, TalentResult, total_cost

__all__ = ["CpSatOptions", "solve_sequence_cpsat", "solve_talent_cpsat"]


@dataclass(frozen=True, slots=True)
class CpSatOptions:
    """Search settings passed through to CP-SAT."""

    time_limit: float = 10.0
    workers: int = 1
    seed: int = 0


def _solver(options: CpSatOptions) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = options.time_limit
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    return solver


def _intervals(
    model: cp_model.CpModel, durations: Sequence[int]
) -> tuple[list[cp_model.IntVar], list[cp_model.IntVar]]:
    horizon = sum(durations)
    starts, ends, intervals = [], [], []
    for s, d in enumerate(durations):
        start = model.new_int_var(0, horizon - d, f"start{s}")
        end = model.new_int_var(d, horizon, f"end{s}")
        intervals.append(model.new_interval_var(start, d, end, f"scene{s}"))
        starts.append(start)
        ends.append(end)
    model.add_no_overlap(intervals)
    return starts, ends


def _stay_costs(
    model: cp_model.CpModel,
    starts: Sequence[cp_model.IntVar],
    ends: Sequence[cp_model.IntVar],
    presence: Sequence[Sequence[bool]],
    costs: Sequence[int],
    horizon: int,
) -> list[cp_model.LinearExprT]:
    terms: list[cp_model.LinearExprT] = []
    for a, row in enumerate(presence):
        scenes = [s for s, plays in enumerate(row) if plays]
        if not scenes or costs[a] == 0:
            continue
        first = model.new_int_var(0, horizon, f"first{a}")
        last = model.new_int_var(0, horizon, f"last{a}")
        model.add_min_equality(first, [starts[s] for s in scenes])
        model.add_max_equality(last, [ends[s] for s in scenes])
        terms.append(costs[a] * (last - first))
    return terms


def _order_from(solver: cp_model.CpSolver, starts: Sequence[cp_model.IntVar]) -> list[int]:
    return sorted(range(len(starts)), key=lambda s: solver.value(starts[s]))


def solve_talent_cpsat(
    instance: TalentInstance, options: CpSatOptions | None = None
) -> TalentResult:
    """Talent scheduling by a plain CP-SAT model (total cost, as :func:`total_cost`)."""
    options = options or CpSatOptions()
    started = time.perf_counter()
    n = instance.scene_count
    model = cp_model.CpModel()
    starts, ends = _intervals(model, instance.durations)
    horizon = sum(instance.durations)
    terms = _stay_costs(model, starts, ends, instance.presence, instance.costs, horizon)
    model.minimize(sum(terms))
    solver = _solver(options)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        order = list(range(n))
        return TalentResult(
            tuple(order), total_cost(instance, order), False, 0, time.perf_counter() - started, 0
        )
    order = _order_from(solver, starts)
    cost = total_cost(instance, order)
    return TalentResult(
        order=tuple(order),
        cost=cost,
        optimal=status == cp_model.OPTIMAL,
        lower_bound=min(cost, int(solver.best_objective_bound + 1e-6)),
        seconds=time.perf_counter() - started,
        nodes=int(solver.num_branches),
    )


def solve_sequence_cpsat(
    problem: SequencingProblem, options: CpSatOptions | None = None
) -> SequencingResult:
    """The sequencing problem by a plain CP-SAT model (idle + location cost)."""
    options = options or CpSatOptions()
    started = time.perf_counter()
    n = problem.scene_count
    model = cp_model.CpModel()
    starts, ends = _intervals(model, problem.durations)
    horizon = sum(problem.durations)
    for before, after in problem.precedences:
        model.add(ends[before] <= starts[after])
    terms = _stay_costs(model, starts, ends, problem.presence, problem.actor_costs, horizon)
    # successor literals over scenes 1..n and a depot 0: arc (u, v) = v is shot right after u
    arcs: list[tuple[int, int, cp_model.IntVar]] = []
    for s in range(n):
        first = model.new_bool_var(f"first{s}")
        last = model.new_bool_var(f"last{s}")
        arcs.append((0, s + 1, first))
        arcs.append((s + 1, 0, last))
        model.add(starts[s] == 0).only_enforce_if(first)
        # every run start pays its location; the first visits are taken off again below
        terms.append(problem.location_costs[problem.locations[s]] * first)
        model.add(ends[s] == horizon).only_enforce_if(last)
        for t in range(n):
            if s == t:
                continue
            lit = model.new_bool_var(f"next{s}_{t}")
            arcs.append((s + 1, t + 1, lit))
            model.add(starts[t] == ends[s]).only_enforce_if(lit)
            if problem.locations[s] != problem.locations[t]:
                terms.append(problem.location_costs[problem.locations[t]] * lit)
    model.add_circuit(arcs)
    worked = sum(
        c * sum(d for d, plays in zip(problem.durations, row, strict=True) if plays)
        for c, row in zip(problem.actor_costs, problem.presence, strict=True)
    )
    constant = worked + sum(problem.location_costs[x] for x in set(problem.locations))
    model.minimize(sum(terms))
    solver = _solver(options)
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        order = _order_from(solver, starts)
        bound = int(solver.best_objective_bound + 1e-6) - constant
        optimal = status == cp_model.OPTIMAL
    else:
        order = _topological(problem)
        bound, optimal = 0, False
    idle, location = sequence_cost(problem, order)
    return SequencingResult(
        order=tuple(order),
        cost=idle + location,
        idle_cost=idle,
        location_cost=location,
        lower_bound=max(0, min(bound, idle + location)),
        optimal=optimal,
        seconds=time.perf_counter() - started,
    )


def _topological(problem: SequencingProblem) -> list[int]:
    """Some order that respects the precedences (the answer when CP-SAT found none)."""
    n = problem.scene_count
    indegree = [0] * n
    succ: list[list[int]] = [[] for _ in range(n)]
    for before, after in problem.precedences:
        succ[before].append(after)
        indegree[after] += 1
    ready = [s for s in range(n) if indegree[s] == 0]
    order = []
    while ready:
        s = ready.pop(0)
        order.append(s)
        for t in succ[s]:
            indegree[t] -= 1
            if indegree[t] == 0:
                ready.append(t)
    return order
