"""Scene sequencing: exact on small problems, feasible always, costs as the MSSP benchmark's."""

from __future__ import annotations

import csv
import itertools
import random
import re
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmpark.errors import Infeasible, ValidationError
from filmpark.schedule.instances import read_mssp
from filmpark.schedule.sequencing import (
    SequencingProblem,
    _BlockMover,
    sequence_cost,
    solve_sequence,
)
from tests.conftest import shared_path


def a_problem(
    casts: list[list[int]],
    locations: list[int],
    *,
    durations: list[int] | None = None,
    actor_costs: list[int] | None = None,
    location_costs: list[int] | None = None,
    precedences: tuple[tuple[int, int], ...] = (),
) -> SequencingProblem:
    n = len(casts)
    m = 1 + max((a for cast in casts for a in cast), default=0)
    return SequencingProblem(
        durations=tuple(durations or [1] * n),
        actor_costs=tuple(actor_costs or [1] * m),
        presence=tuple(tuple(a in cast for cast in casts) for a in range(m)),
        locations=tuple(locations),
        location_costs=tuple(location_costs or [1] * (1 + max(locations))),
        precedences=precedences,
    )


def feasible(problem: SequencingProblem, order: tuple[int, ...]) -> bool:
    position = {s: k for k, s in enumerate(order)}
    return all(position[b] < position[a] for b, a in problem.precedences)


def a_feasible_order(problem: SequencingProblem, rng: random.Random) -> list[int]:
    """A random order that respects the precedences."""
    left = set(range(problem.scene_count))
    order: list[int] = []
    while left:
        ready = sorted(
            s for s in left if all(b not in left for b, a in problem.precedences if a == s)
        )
        pick = rng.choice(ready)
        order.append(pick)
        left.remove(pick)
    return order


def brute_force(problem: SequencingProblem) -> int:
    return min(
        sum(sequence_cost(problem, order))
        for order in itertools.permutations(range(problem.scene_count))
        if feasible(problem, order)
    )


@st.composite
def problems(draw: st.DrawFn, min_scenes: int = 1, max_scenes: int = 7) -> SequencingProblem:
    n = draw(st.integers(min_scenes, max_scenes))
    m = draw(st.integers(1, 5))
    n_loc = draw(st.integers(1, 3))
    presence = tuple(tuple(draw(st.floats(0, 1)) < 0.45 for _ in range(n)) for _ in range(m))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n // 2))
    # only forward pairs of a random permutation, so there is never a cycle
    rank = draw(st.permutations(range(n)))
    precedences = tuple(
        sorted({(b, a) if rank[b] < rank[a] else (a, b) for b, a in pairs if a != b})
    )
    return SequencingProblem(
        durations=tuple(draw(st.integers(1, 3)) for _ in range(n)),
        actor_costs=tuple(draw(st.integers(0, 15)) for _ in range(m)),
        presence=presence,
        locations=tuple(draw(st.integers(0, n_loc - 1)) for _ in range(n)),
        location_costs=tuple(draw(st.integers(0, 20)) for _ in range(n_loc)),
        precedences=precedences,
    )


def test_the_cost_counts_hold_days_and_each_return_to_a_location() -> None:
    # actor 0 in scenes 0 and 2 (rate 5); scene 1 lasts 2 days elsewhere; location 0 costs 7
    problem = a_problem(
        [[0], [1], [0]],
        [0, 1, 0],
        durations=[1, 2, 1],
        actor_costs=[5, 3],
        location_costs=[7, 4],
    )
    assert sequence_cost(problem, [0, 1, 2]) == (5 * 2, 7)
    assert sequence_cost(problem, [0, 2, 1]) == (0, 0)


def test_an_order_breaking_a_precedence_is_refused() -> None:
    problem = a_problem([[0], [0]], [0, 0], precedences=((1, 0),))
    with pytest.raises(ValidationError, match="scene 1 must be shot before scene 0"):
        sequence_cost(problem, [0, 1])


def test_a_precedence_cycle_is_infeasible_and_named() -> None:
    with pytest.raises(Infeasible, match="cycle: scene 0 before scene 1 before scene 2 before"):
        a_problem([[0], [0], [0]], [0, 0, 0], precedences=((0, 1), (1, 2), (2, 0)))


@settings(max_examples=80, deadline=None)
@given(problems())
def test_small_problems_are_solved_to_the_brute_force_optimum(
    problem: SequencingProblem,
) -> None:
    result = solve_sequence(problem, time_limit=30)
    assert result.optimal
    assert feasible(problem, result.order)
    assert result.cost == sum(sequence_cost(problem, result.order)) == brute_force(problem)
    assert result.lower_bound == result.cost


@settings(max_examples=8, deadline=None)
@given(problems(min_scenes=30, max_scenes=45))
def test_large_problems_always_get_an_order_that_respects_every_precedence(
    problem: SequencingProblem,
) -> None:
    result = solve_sequence(problem, time_limit=0.3)
    assert sorted(result.order) == list(range(problem.scene_count))
    assert feasible(problem, result.order)
    assert (result.idle_cost, result.location_cost) == sequence_cost(problem, result.order)
    assert 0 <= result.lower_bound <= result.cost


@settings(max_examples=60, deadline=None)
@given(problems(min_scenes=3, max_scenes=12), st.randoms(use_true_random=False))
def test_block_moves_are_priced_exactly_at_every_place(
    problem: SequencingProblem, rng: random.Random
) -> None:
    n = problem.scene_count
    mover = _BlockMover(problem)
    order = np.array(a_feasible_order(problem, rng), dtype=np.int64)
    mover.set_order(order)
    i = rng.randrange(n)
    k = rng.randint(1, n - i)
    costs, allowed = mover.insertion_costs(i, k)
    block, rest = order[i : i + k], np.concatenate((order[:i], order[i + k :]))
    for p in range(n - k + 1):
        moved = np.concatenate((rest[:p], block, rest[p:]))
        assert costs[p] == mover.paid(moved)
        assert bool(allowed[p]) == feasible(problem, tuple(int(s) for s in moved))


def test_an_expired_time_limit_still_returns_a_feasible_order() -> None:
    path = shared_path("bench", "mssp", "instances", "movie100.txt")
    problem = read_mssp(path.read_text(), str(path))
    result = solve_sequence(problem, time_limit=0.5)
    assert not result.optimal
    assert feasible(problem, result.order)
    assert result.seconds < 10  # it stopped


def test_a_caller_can_stop_the_search() -> None:
    path = shared_path("bench", "mssp", "instances", "movie50.txt")
    problem = read_mssp(path.read_text(), str(path))
    result = solve_sequence(problem, time_limit=60, should_stop=lambda: True)
    assert feasible(problem, result.order)


def test_progress_reports_each_better_order() -> None:
    path = shared_path("bench", "mssp", "instances", "movie30.txt")
    problem = read_mssp(path.read_text(), str(path))
    seen: list[int] = []
    result = solve_sequence(problem, time_limit=1.0, progress=lambda cost, bound: seen.append(cost))
    assert seen
    assert seen == sorted(seen, reverse=True)
    assert seen[-1] == result.cost


def _reference(path: str, order: list[int]) -> int:
    tool = shared_path("bench", "mssp", "mssp_io.py")
    out = subprocess.run(
        [sys.executable, str(tool), path, *map(str, order)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"objective (\d+)", out)
    assert match, out
    return int(match.group(1))


def test_the_cost_agrees_with_the_benchmark_evaluator_on_every_shared_instance() -> None:
    folder = shared_path("bench", "mssp", "instances")
    for path in sorted(folder.glob("movie*.txt")):
        problem = read_mssp(path.read_text(), str(path))
        order = a_feasible_order(problem, random.Random(path.stem))
        assert sum(sequence_cost(problem, order)) == _reference(str(path), order), path.name


@pytest.mark.parametrize("name", ["movie5", "movie10", "movie12"])
def test_small_shared_instances_reach_their_proven_optimum(name: str) -> None:
    with shared_path("bench", "mssp", "best_found_ours.csv").open(newline="") as handle:
        best = {row["name"]: int(row["objective"]) for row in csv.DictReader(handle)}
    path = shared_path("bench", "mssp", "instances", f"{name}.txt")
    result = solve_sequence(read_mssp(path.read_text(), str(path)), time_limit=30)
    assert result.optimal
    assert result.cost == best[name]
