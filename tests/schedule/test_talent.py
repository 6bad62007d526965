"""The exact talent-scheduling solver: optimal against brute force, costs as the benchmark's."""

from __future__ import annotations

import csv
import itertools
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmpark.errors import ValidationError
from filmpark.schedule.instances import read_talent
from filmpark.schedule.talent import (
    OrderingProblem,
    TalentInstance,
    fixed_cost,
    idle_cost,
    search_order,
    solve_talent,
    total_cost,
)
from tests.conftest import shared_path


def an_instance(
    casts: list[list[int]], durations: list[int] | None = None, costs: list[int] | None = None
) -> TalentInstance:
    """A talent instance from the cast (actor indices) of each scene."""
    n = len(casts)
    m = 1 + max((a for cast in casts for a in cast), default=-1)
    durations = durations or [1] * n
    costs = costs or [1] * m
    presence = tuple(tuple(a in cast for cast in casts) for a in range(m))
    return TalentInstance(tuple(durations), tuple(costs), presence)


def brute_force(instance: TalentInstance, prefix: tuple[int, ...] = (), suffix=()) -> int:
    free = [s for s in range(instance.scene_count) if s not in prefix and s not in suffix]
    return min(
        total_cost(instance, [*prefix, *middle, *suffix]) for middle in itertools.permutations(free)
    )


@st.composite
def small_instances(draw: st.DrawFn, max_scenes: int = 8) -> TalentInstance:
    n = draw(st.integers(1, max_scenes))
    m = draw(st.integers(1, 6))
    density = draw(st.sampled_from([0.3, 0.5, 0.7]))
    presence = tuple(tuple(draw(st.floats(0, 1)) < density for _ in range(n)) for _ in range(m))
    costs = tuple(draw(st.integers(0, 20)) for _ in range(m))
    durations = tuple(draw(st.integers(1, 4)) for _ in range(n))
    return TalentInstance(durations, costs, presence)


def test_the_total_cost_pays_each_actor_from_first_to_last_day_including_holds() -> None:
    # actor 0 plays scenes 0 and 2, actor 1 plays scene 1 (2 days)
    instance = an_instance([[0], [1], [0]], durations=[1, 2, 1], costs=[10, 3])
    assert total_cost(instance, [0, 1, 2]) == 10 * 4 + 3 * 2
    assert total_cost(instance, [0, 2, 1]) == 10 * 2 + 3 * 2
    assert idle_cost(instance, [0, 1, 2]) == 10 * 2
    assert fixed_cost(instance) == 26


def test_an_order_that_skips_or_repeats_a_scene_is_refused() -> None:
    instance = an_instance([[0], [0, 1], [1]])
    with pytest.raises(ValidationError, match="exactly once"):
        total_cost(instance, [0, 1, 1])


def test_an_instance_with_a_ragged_presence_matrix_is_refused() -> None:
    with pytest.raises(ValidationError, match="actor 0 has 2 entries for 3 scenes"):
        TalentInstance((1, 1, 1), (5,), ((True, False),))


@settings(max_examples=150, deadline=None)
@given(small_instances())
def test_the_exact_solver_equals_brute_force_on_small_instances(instance: TalentInstance) -> None:
    result = solve_talent(instance, time_limit=30)
    assert result.optimal
    assert sorted(result.order) == list(range(instance.scene_count))
    assert result.cost == total_cost(instance, result.order)
    assert result.cost == brute_force(instance)
    assert result.lower_bound == result.cost


def as_ordering_problem(instance: TalentInstance) -> OrderingProblem:
    masks = [0] * instance.scene_count
    for a, row in enumerate(instance.presence):
        for s, plays in enumerate(row):
            if plays:
                masks[s] |= 1 << a
    return OrderingProblem(instance.durations, tuple(masks), instance.costs)


@settings(max_examples=150, deadline=None)
@given(small_instances())
def test_the_branch_and_bound_alone_equals_brute_force(instance: TalentInstance) -> None:
    found = search_order(as_ordering_problem(instance))
    assert found.optimal
    assert found.cost == total_cost(instance, found.order) == brute_force(instance)


@settings(max_examples=60, deadline=None)
@given(small_instances(max_scenes=7), st.randoms(use_true_random=False))
def test_pinned_first_and_last_scenes_stay_put_and_the_rest_is_optimal(
    instance: TalentInstance, rng: random.Random
) -> None:
    scenes = list(range(instance.scene_count))
    rng.shuffle(scenes)
    k = rng.randint(0, min(2, len(scenes)))
    prefix = tuple(scenes[:k])
    suffix = tuple(scenes[k : k + rng.randint(0, min(2, len(scenes) - k))])
    result = solve_talent(instance, fixed_prefix=prefix, fixed_suffix=suffix)
    assert result.order[: len(prefix)] == prefix
    assert result.order[len(result.order) - len(suffix) :] == suffix
    assert result.cost == brute_force(instance, prefix, suffix)


def test_scenes_with_the_same_cast_are_shot_back_to_back() -> None:
    instance = an_instance([[0, 1], [2], [0, 1], [1, 2], [0, 1]], costs=[5, 4, 3])
    result = solve_talent(instance)
    positions = sorted(result.order.index(s) for s in (0, 2, 4))
    assert positions[2] - positions[0] == 2
    assert result.cost == brute_force(instance)


def test_a_warm_start_is_never_made_worse() -> None:
    rng = random.Random(7)
    casts = [[a for a in range(6) if rng.random() < 0.4] or [0] for _ in range(12)]
    instance = an_instance(casts, costs=[rng.randint(1, 30) for _ in range(6)])
    first = solve_talent(instance)
    again = solve_talent(instance, initial=first.order, time_limit=0.05)
    assert again.cost <= first.cost


def _random_instance(n: int, m: int, seed: int) -> TalentInstance:
    rng = random.Random(seed)
    presence = tuple(tuple(rng.random() < 0.35 for _ in range(n)) for _ in range(m))
    costs = tuple(rng.randint(1, 40) for _ in range(m))
    durations = tuple(rng.randint(1, 2) for _ in range(n))
    return TalentInstance(durations, costs, presence)


def test_an_expired_time_limit_still_returns_the_best_order_found() -> None:
    instance = _random_instance(40, 12, seed=3)
    result = solve_talent(instance, time_limit=0.2)
    assert not result.optimal
    assert sorted(result.order) == list(range(40))
    assert result.cost == total_cost(instance, result.order)
    assert fixed_cost(instance) <= result.lower_bound <= result.cost
    assert result.seconds < 5  # it stopped, long before a proof of 40 scenes could finish


def test_a_caller_can_stop_the_search_and_still_get_an_order() -> None:
    instance = _random_instance(40, 12, seed=4)
    result = solve_talent(instance, time_limit=60, should_stop=lambda: True)
    assert not result.optimal
    assert sorted(result.order) == list(range(40))


def test_a_non_positive_time_limit_is_refused() -> None:
    with pytest.raises(ValidationError, match="time_limit"):
        solve_talent(an_instance([[0], [0]]), time_limit=0)


def _optima() -> dict[str, int]:
    path = shared_path("bench", "talent", "optima.csv")
    with path.open(newline="") as handle:
        return {row["name"]: int(row["optimal_total"]) for row in csv.DictReader(handle)}


def test_total_cost_agrees_with_the_benchmark_evaluator_on_every_shared_instance() -> None:
    folder = shared_path("bench", "talent", "instances")
    tool = shared_path("bench", "talent", "talent_io.py")
    rng = random.Random(11)
    for path in sorted(folder.glob("*.txt")):
        instance = read_talent(path.read_text(), str(path))
        order = list(range(instance.scene_count))
        rng.shuffle(order)
        out = subprocess.run(
            [sys.executable, str(tool), str(path), *(str(s + 1) for s in order)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        reference = int(out.split("total", 1)[1].split()[0])
        assert total_cost(instance, order) == reference, path.name


@pytest.mark.parametrize(
    "name",
    [
        "tiny",
        "tiny2",
        "small",
        "small2",
        "rehearsal",
        "concert_ddolib",
        "film10_ddolib",
        "film12_ddolib",
        "film2_csplib",
        "film105",
        "film118",
    ],
)
def test_shared_instances_are_solved_to_their_published_optimum(name: str) -> None:
    path = shared_path("bench", "talent", "instances", f"{name}.txt")
    instance = read_talent(path.read_text(), str(path))
    result = solve_talent(instance, time_limit=30)
    assert result.optimal
    assert result.cost == _optima()[name]
