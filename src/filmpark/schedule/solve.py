"""Solve a :class:`~filmpark.schedule.problem.Problem` into a :class:`Schedule`.

The search runs in three steps: the sequencing core orders the scenes in location blocks, a
list scheduler packs them into days (a valid schedule within a second, used as the CP-SAT
solution hint), then CP-SAT improves it and proves a lower bound until the time limit. Large
problems continue with large-neighbourhood search: windows of consecutive days are re-solved
with the rest of the schedule fixed. A time limit that ends early still returns the best
schedule found with its gap; an infeasible problem raises :class:`~filmpark.errors.Infeasible`
with the conflicting rules in words.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ortools.sat.python import cp_model

from filmpark.errors import FilmparkError
from filmpark.schedule.evaluate import evaluate, violations
from filmpark.schedule.explain import explain_infeasible, precheck
from filmpark.schedule.heuristic import (
    availability_table,
    deadline_order,
    pack_days,
    sequence_order,
)
from filmpark.schedule.model import ScheduleModel, build_model, hint, plan_of
from filmpark.schedule.problem import Problem
from filmpark.schedule.result import Schedule
from filmpark.text import t


@dataclass(frozen=True, slots=True)
class Progress:
    """A step of the search: best objective so far, best bound, relative gap, elapsed seconds."""

    objective: int
    bound: int
    gap: float
    seconds: float
    source: str


ProgressCallback = Callable[[Progress], None]


def _gap(objective: float, bound: float) -> float:
    if objective <= 0:
        return 0.0
    return max(0.0, (objective - bound) / objective)


class _Recorder(cp_model.CpSolverSolutionCallback):
    """Keeps the best plan CP-SAT has found and reports each improvement."""

    def __init__(self, m: ScheduleModel, started: float, progress: ProgressCallback | None) -> None:
        super().__init__()
        self._m = m
        self._started = started
        self._progress = progress
        self.plan: dict[date, list[str]] | None = None
        self.plans: list[dict[date, list[str]]] = []

    def on_solution_callback(self) -> None:
        self.plan = plan_of(self._m, self)
        self.plans.append(self.plan)
        del self.plans[:-20]  # the last few: the model's order of merit is close to the real one
        if self._progress is not None:
            objective = int(self.objective_value)
            bound = int(self.best_objective_bound)
            self._progress(
                Progress(
                    objective,
                    bound,
                    _gap(objective, bound),
                    time.monotonic() - self._started,
                    "cp-sat",
                )
            )


def full_horizon(problem: Problem) -> tuple[date, ...]:
    """Every working date a schedule could need: to the calendar's end, else to the latest date
    any constraint mentions plus enough days for every scene."""
    calendar = problem.calendar
    if calendar.end is not None:
        return tuple(calendar.work_days())
    mentioned: list[date] = [calendar.start]
    for member in problem.cast:
        for window in (*member.availability.windows, *member.availability.blackouts):
            mentioned.append(window.end)
        mentioned.extend(d for d in (member.contract_start, member.contract_finish) if d)
    for location in problem.locations:
        for window in (*location.availability.windows, *location.availability.blackouts):
            mentioned.append(window.end)
    mentioned.extend(lock.on_date for lock in problem.locks if lock.on_date)
    latest = len(calendar.work_days_until(max(mentioned)))
    # twice the days the minutes need: location blocks and day/night separation leave days
    # part-filled, and every scene could still get a day of its own
    needed = 2 * math.ceil(sum(s.minutes for s in problem.scenes) / problem.rules.day_minutes)
    needed = min(needed, len(problem.scenes)) + 5
    locked = max((lock.day_number or 0 for lock in problem.locks), default=0)
    return calendar.first_work_days(max(latest, locked) + needed)


def initial_plan(
    problem: Problem, horizon: Sequence[date], *, time_limit: float = 1.0, seed: int = 0
) -> dict[date, list[str]] | None:
    """The cheapest of a few packings (sequencing-core order and earliest-deadline order, each
    with a few urgency horizons), or None when none of them places every scene."""
    order = sequence_order(problem, time_limit=time_limit, seed=seed)
    best: tuple[int, dict[date, list[str]]] | None = None
    allowed = availability_table(problem, horizon)
    orders = [order, deadline_order(problem, order, horizon, allowed)]
    if problem.previous:
        # re-planning: the previous schedule itself when it still holds, and its order
        kept = _previous_plan(problem, horizon)
        if kept is not None:
            best = (evaluate(problem, kept).objective, kept)
        position = {number: i for i, number in enumerate(order)}
        far = date.max
        orders.append(sorted(order, key=lambda n: (problem.previous.get(n, far), position[n])))
    for candidate in orders:
        for urgency in (1, 2, 4):
            plan = pack_days(problem, candidate, horizon, urgency=urgency, allowed=allowed)
            if plan is None:
                continue
            packed = evaluate(problem, plan)
            if violations(problem, packed.days):
                continue  # the real order of a day needs more travel than the packer counted
            if best is None or packed.objective < best[0]:
                best = (packed.objective, plan)
    return None if best is None else best[1]


LIGHT_PRESOLVE_ABOVE = 3000
"""Scene-day variables above which CP-SAT's presolve is kept short when time is short (under a
second per thousand scene-days)."""

PERFORMER_MOVES = 0.5
"""Share of neighbourhood-search steps that move one performer's scenes (the rest: day windows)."""

LNS_MIN_SCENES = 40
"""From this many scenes on, the solve continues with large-neighbourhood search."""


def _neighbourhood(rng: random.Random, slots: int) -> set[int]:
    """A window of consecutive shoot-day slots, or two smaller windows far apart."""
    size = min(slots, rng.choice((5, 7, 10)))
    if rng.random() < 0.6 or slots < 2 * size:
        first = rng.randrange(0, slots - size + 1)
        return set(range(first, first + size))
    half = max(2, size // 2)
    a = rng.randrange(0, slots - half + 1)
    b = rng.randrange(0, slots - half + 1)
    return set(range(a, a + half)) | set(range(b, b + half))


def _performer_neighbourhood(
    m: ScheduleModel, rng: random.Random, slot: dict[int, int]
) -> tuple[set[int], set[int]]:
    """A performer's scenes (free to move anywhere) and the days that open and close their span:
    the move that shortens a paid hold. Performers are drawn by rate."""
    problem = m.problem
    members = [
        member
        for member in problem.cast
        if sum(member.id in scene.cast for scene in problem.scenes) >= 2
        and member.daily_rate.amount > 0
    ]
    if not members:
        return set(), set()
    weights = [float(member.daily_rate.amount) for member in members]
    member = rng.choices(members, weights=weights)[0]
    own = {s for s, scene in enumerate(problem.scenes) if member.id in scene.cast}
    if len(own) > 30:
        own = set(rng.sample(sorted(own), 30))
    days = [slot[s] for s in own]
    edges = {min(days), max(days)}
    return own, edges


def _large_neighbourhood_search(
    m: ScheduleModel,
    values: list[int],
    objective: int,
    *,
    deadline: float,
    seed: int,
    workers: int,
    on_better: Callable[[int, list[int]], None],
) -> None:
    """Re-solve parts of the schedule with every other strip fixed, keeping each improvement:
    windows of consecutive days (strips move inside the window), or one performer's scenes with
    the first and last days of their span (those strips may move to any day)."""
    rng = random.Random(seed)
    scenes = range(len(m.problem.scenes))
    everywhere = set(m.slots)
    while deadline - time.monotonic() > 0.3:
        slot = {s: next(d for d in m.slots if values[m.x[(s, d)].index]) for s in scenes}
        if rng.random() >= PERFORMER_MOVES:
            free_slots = _neighbourhood(rng, len(m.dates))
            free_scenes = {s for s in scenes if slot[s] in free_slots}
        else:
            free_scenes, edge_days = _performer_neighbourhood(m, rng, slot)
            free_scenes |= {s for s in scenes if slot[s] in edge_days}
            free_slots = everywhere
        sub = m.model.clone()
        proto = sub.proto
        for s in scenes:
            free = s in free_scenes
            for d in m.slots:
                index = m.x[(s, d)].index
                if free and d in free_slots:
                    continue
                value = values[index] if not free else 0
                domain = proto.variables[index].domain
                domain.clear()
                domain.extend([value, value])
        sub.clear_hints()  # type: ignore[no-untyped-call]
        proto.solution_hint.vars.extend(range(len(values)))
        proto.solution_hint.values.extend(values)
        solver = _solver(min(0.6, deadline - time.monotonic()), rng.randrange(1 << 30), workers)
        status = solver.solve(sub)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and solver.objective_value < objective:
            objective = int(solver.objective_value)
            values = list(solver.response_proto.solution)
            on_better(objective, values)


def _bound(solver: cp_model.CpSolver) -> int:
    """The solver's proven lower bound, or 0 when it has none yet."""
    try:
        value = solver.best_objective_bound
    except (RuntimeError, TypeError, ValueError):
        return 0
    if not math.isfinite(value):
        return 0
    return max(0, math.floor(value))


def _objective(m: ScheduleModel, values: list[int]) -> int:
    """The model objective of a full assignment of the model's variables."""
    objective = m.model.proto.objective
    total = objective.offset
    for var, coefficient in zip(objective.vars, objective.coeffs, strict=True):
        total += coefficient * values[var]
    return round(total * (objective.scaling_factor or 1))


def _previous_plan(problem: Problem, horizon: Sequence[date]) -> dict[date, list[str]] | None:
    """The previous schedule's dates, if every scene has one in the horizon and no rule breaks."""
    inside = set(horizon)
    plan: dict[date, list[str]] = {}
    for scene in problem.scenes:
        when = problem.previous.get(scene.number)
        if when is None or when not in inside:
            return None
        plan.setdefault(when, []).append(scene.number)
    if violations(problem, evaluate(problem, plan).days):
        return None
    return plan


def _solver(time_limit: float, seed: int, workers: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = max(1, workers)
    return solver


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int = 2,
    previous: Schedule | None = None,
    progress: ProgressCallback | None = None,
) -> Schedule:
    """The best schedule found within ``time_limit`` seconds, with its lower bound and gap.

    ``previous`` turns on the stability term (strips moved from that schedule's dates cost
    ``weights.stability_move`` each). Raises :class:`~filmpark.errors.Infeasible` when the hard
    rules cannot all hold.
    """
    started = time.monotonic()
    if previous is not None:
        problem = replace(problem, previous=previous.dates())
    precheck(problem)
    deadline = started + time_limit
    horizon = full_horizon(problem)
    plan = initial_plan(problem, horizon, time_limit=min(2.0, time_limit * 0.1), seed=seed)
    if plan is not None:
        last = horizon.index(max(plan)) + 1
        horizon = horizon[: min(len(horizon), last + max(5, last // 4))]
        first = evaluate(problem, plan)
        if progress is not None:
            progress(Progress(first.objective, 0, 1.0, time.monotonic() - started, "heuristic"))

    m = build_model(problem, horizon)
    hinted = hint(m, plan) if plan is not None else None
    recorder = _Recorder(m, started, progress)
    large = plan is not None and len(problem.scenes) >= LNS_MIN_SCENES
    remaining = deadline - time.monotonic()
    phase = remaining * 0.5 if large else remaining
    solver = _solver(phase, seed, workers)
    if len(m.x) > LIGHT_PRESOLVE_ABOVE and phase < len(m.x) / 1000:
        # a big model spends the whole time limit in presolve otherwise
        solver.parameters.max_presolve_iterations = 1
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.merge_at_most_one_work_limit = 1e4
    status = solver.solve(m.model, recorder)
    start_values: list[int] | None = None
    if status == cp_model.FEASIBLE:
        start_values = list(solver.response_proto.solution)
    elif status == cp_model.UNKNOWN:
        start_values = hinted  # presolve took the whole first phase: search from the hint
    if large and start_values is not None:
        bound_so_far = _bound(solver)

        def better(objective: int, values: list[int]) -> None:
            found: dict[date, list[str]] = {}
            for (s, d), var in m.x.items():
                if values[var.index]:
                    found.setdefault(m.dates[d], []).append(problem.scenes[s].number)
            recorder.plan = found
            recorder.plans.append(found)
            del recorder.plans[:-20]
            if progress is not None:
                elapsed = time.monotonic() - started
                gap = _gap(objective, bound_so_far)
                progress(Progress(objective, bound_so_far, gap, elapsed, "neighbourhood search"))

        _large_neighbourhood_search(
            m,
            start_values,
            _objective(m, start_values),
            deadline=deadline,
            seed=seed,
            workers=workers,
            on_better=better,
        )
    seconds = time.monotonic() - started
    if status == cp_model.INFEASIBLE:
        if plan is not None:  # the model is stricter than the packer only through rounding
            return evaluate(problem, plan, status="HEURISTIC", seconds=seconds)
        raise explain_infeasible(problem, horizon, time_limit=max(5.0, time_limit))
    bound = _bound(solver)
    best = recorder.plan
    if best is None and status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        best = plan_of(m, solver)
    if best is None:
        if plan is None:
            raise FilmparkError(t("schedule.no_schedule_in_time", seconds=time_limit))
        return evaluate(problem, plan, lower_bound=bound, status="HEURISTIC", seconds=seconds)
    optimal = status == cp_model.OPTIMAL
    word = "OPTIMAL" if optimal else "FEASIBLE"
    result = evaluate(
        problem,
        best,
        lower_bound=bound,
        optimal=optimal,
        status=word,
        seconds=seconds,
    )

    # The model prices a move at the shortest travel; the real order of a day may cost more, so
    # the schedule kept is the best of the recent solutions by its real cost.
    # A schedule whose real day order breaks a rule (more travel than the model's bound) loses
    # to any valid one.
    def rank(schedule: Schedule) -> tuple[bool, int]:
        return (bool(violations(problem, schedule.days)), schedule.objective)

    for other in recorder.plans[:-1]:
        candidate = evaluate(problem, other, lower_bound=bound, status=word, seconds=seconds)
        if rank(candidate) < rank(result):
            result = replace(candidate, optimal=False)
    if plan is not None:
        fallback = evaluate(problem, plan, lower_bound=bound, status="HEURISTIC", seconds=seconds)
        if rank(fallback) < rank(result):
            return fallback
    if result.optimal and result.objective != solver.objective_value:
        # the real travel order made a day longer than the model's bound: not provably optimal
        result = replace(result, optimal=False, status="FEASIBLE")
    return result


__all__ = ["Progress", "ProgressCallback", "full_horizon", "solve"]
