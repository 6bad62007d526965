"""The talent DP engines: each equals brute force, the bound never overshoots, the search stops.

Instances here are already reduced: scene durations, casts as bit masks over the actors, the
actors' daily costs, and the casts of pinned scenes before (head) and after (tail) the ones to
order.
"""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from filmpark.schedule.talent import TalentInstance, solve_talent, total_cost
from filmpark.schedule.talent_dp import (
    LayeredSearch,
    order_cost,
    solve_dense,
    solve_small,
)

Problem = tuple[list[int], list[int], list[int], int, int]


def a_problem(rng: random.Random, scenes: int, actors: int, *, ends: bool = False) -> Problem:
    density = rng.choice([0.25, 0.4, 0.6])
    casts = [sum(1 << a for a in range(actors) if rng.random() < density) for _ in range(scenes)]
    costs = [rng.randint(1, 30) for _ in range(actors)]
    durations = [rng.randint(1, 3) for _ in range(scenes)]
    head = rng.randrange(1 << actors) if ends and rng.random() < 0.7 else 0
    tail = rng.randrange(1 << actors) if ends and rng.random() < 0.7 else 0
    return durations, casts, costs, head, tail


def brute_force(problem: Problem, done: int = 0) -> int:
    """Cheapest cost of shooting the scenes not in ``done`` after those in ``done``."""
    durations, casts, costs, head, tail = problem
    worked = head
    for i, cast in enumerate(casts):
        if done >> i & 1:
            worked |= cast
    rest = [i for i in range(len(casts)) if not done >> i & 1]
    # the scenes of ``done`` count as pinned in front
    return min(
        order_cost(durations, casts, costs, order, worked, tail)
        for order in itertools.permutations(rest)
    )


def test_the_order_cost_counts_holds_between_the_pinned_ends() -> None:
    # actor 0 (rate 10) in scenes 0 and 2; actor 1 (rate 3) in scene 1, and pinned at the tail
    durations, casts, costs = [1, 2, 1], [0b01, 0b10, 0b01], [10, 3]
    assert order_cost(durations, casts, costs, [0, 1, 2]) == 10 * 4 + 3 * 2
    assert order_cost(durations, casts, costs, [0, 2, 1]) == 10 * 2 + 3 * 2
    # with actor 1 also working after these scenes, they stay from scene 1 to the end
    assert order_cost(durations, casts, costs, [1, 0, 2], tail_cast=0b10) == 10 * 2 + 3 * 4


@pytest.mark.parametrize("seed", range(6))
def test_the_pure_python_dp_equals_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        problem = a_problem(rng, rng.randint(0, 7), rng.randint(1, 5), ends=True)
        cost, order = solve_small(*problem)
        assert sorted(order) == list(range(len(problem[0])))
        durations, casts, costs, head, tail = problem
        assert cost == order_cost(durations, casts, costs, order, head, tail)
        if durations:
            assert cost == brute_force(problem)


@pytest.mark.parametrize("seed", range(6))
def test_the_numpy_dp_equals_brute_force_and_the_pure_python_dp(seed: int) -> None:
    rng = random.Random(100 + seed)
    for _ in range(25):
        problem = a_problem(rng, rng.randint(1, 8), rng.randint(1, 14), ends=True)
        cost, order = solve_dense(*problem)
        durations, casts, costs, head, tail = problem
        assert sorted(order) == list(range(len(durations)))
        assert cost == order_cost(durations, casts, costs, order, head, tail)
        assert cost == brute_force(problem)
        if len(costs) <= 12:
            assert cost == solve_small(*problem)[0]


@pytest.mark.parametrize("seed", range(8))
def test_the_layered_search_proves_the_brute_force_optimum(seed: int) -> None:
    rng = random.Random(200 + seed)
    for _ in range(12):
        problem = a_problem(rng, rng.randint(1, 8), rng.randint(1, 13), ends=seed % 2 == 1)
        optimum = brute_force(problem)
        search = LayeredSearch(*problem)
        found = search.run(1 << 62)
        assert found.complete
        assert found.cost == optimum
        assert found.lower_bound == optimum
        assert found.order is not None
        assert search.order_cost(found.order) == optimum
        # nothing is cheaper than the optimum, and that is proven
        below = search.run(optimum - 1)
        assert below.complete
        assert below.order is None
        assert below.lower_bound == optimum


def test_the_layered_search_equals_the_complete_dp_on_mid_sized_problems() -> None:
    rng = random.Random(7)
    for scenes in (14, 15, 16):
        problem = a_problem(rng, scenes, 7)
        optimum, _ = solve_dense(*problem)
        search = LayeredSearch(*problem)
        beam = search.run(1 << 62, width=32)
        assert beam.cost is not None
        assert beam.cost >= optimum
        assert not beam.complete
        exact = search.run(beam.cost)
        assert exact.complete
        assert exact.cost == optimum


@pytest.mark.parametrize(
    ("actors", "tabled"),
    [(4, True), (4, False), (12, False), (20, False)],  # per-byte tables; all scenes at once
)
def test_the_lower_bound_never_exceeds_the_cheapest_completion(actors: int, tabled: bool) -> None:
    rng = random.Random(actors * 10 + tabled)
    checked = tight = 0
    for _ in range(60):
        problem = a_problem(rng, rng.randint(1, 7), actors, ends=rng.random() < 0.4)
        search = LayeredSearch(*problem)
        assert search.tabled or not tabled
        search.tabled = tabled
        done = np.array([rng.randrange(1 << len(problem[0])) for _ in range(4)], dtype=np.int64)
        for subset, bound in zip(done.tolist(), search.bound(done).tolist(), strict=True):
            best = brute_force(problem, subset) if subset != (1 << len(problem[0])) - 1 else 0
            assert bound <= best
            checked += 1
            tight += bound == best
    assert checked >= 100
    assert tight > checked // 4  # and it is not a trivial bound


def test_the_lower_bound_counts_the_holds_of_actors_already_on_location() -> None:
    # actors 0 and 1 (rate 1) worked in scene 0; each has one more scene of one day
    search = LayeredSearch([1, 1, 1], [0b11, 0b01, 0b10], [1, 1])
    # whichever goes first, the other actor waits one day: own pay 2, plus 1 hold
    assert search.bound(np.array([0b001], dtype=np.int64)).tolist() == [3]


def test_a_stopped_search_answers_with_a_lower_bound_and_no_false_proof() -> None:
    rng = random.Random(3)
    problem = a_problem(rng, 16, 8)
    optimum, _ = solve_dense(*problem)
    search = LayeredSearch(*problem)
    stopped = search.run(1 << 62, should_stop=lambda: True)
    assert not stopped.complete
    assert stopped.order is None
    assert stopped.lower_bound <= optimum
    outgrown = search.run(1 << 62, max_states=5)
    assert outgrown.outgrown
    assert not outgrown.complete
    assert outgrown.lower_bound <= optimum


def an_instance(casts: list[list[int]], durations: list[int], costs: list[int]) -> TalentInstance:
    m = len(costs)
    presence = tuple(tuple(a in cast for cast in casts) for a in range(m))
    return TalentInstance(tuple(durations), tuple(costs), presence)


def test_merging_after_dropping_an_actor_keeps_that_actors_scenes_together() -> None:
    # actor 0 plays scenes 0 and 2 only: dropped as a constant once they form one group; scene 1
    # (nobody) then has the same empty cast, and must not land between scenes 0 and 2
    instance = an_instance([[0], [], [0]], [1, 1, 1], [1])
    result = solve_talent(instance)
    assert result.cost == total_cost(instance, result.order) == 2


def test_actors_who_play_the_same_scenes_count_once_at_their_summed_rate() -> None:
    rng = random.Random(5)
    casts = [[a for a in range(4) if rng.random() < 0.5] for _ in range(7)]
    twins = [[*cast, 4] if 0 in cast else cast for cast in casts]  # actor 4 shadows actor 0
    instance = an_instance(twins, [rng.randint(1, 3) for _ in range(7)], [6, 2, 3, 4, 5])
    result = solve_talent(instance)
    best = min(total_cost(instance, order) for order in itertools.permutations(range(7)))
    assert result.optimal
    assert result.cost == best


def test_every_engine_is_reached_and_agrees_with_the_complete_dp() -> None:
    rng = random.Random(11)
    for scenes in (5, 9, 15):  # pure Python, complete numpy DP, layered search
        presence = tuple(tuple(rng.random() < 0.35 for _ in range(scenes)) for _ in range(8))
        durations = tuple(rng.randint(1, 2) for _ in range(scenes))
        instance = TalentInstance(durations, (10, 4, 5, 5, 5, 40, 4, 20), presence)
        result = solve_talent(instance, time_limit=60)
        casts = [sum(1 << a for a in range(8) if presence[a][s]) for s in range(scenes)]
        best, _ = solve_dense(list(durations), casts, list(instance.costs))
        assert result.optimal
        assert result.cost == best == total_cost(instance, result.order)


def test_more_groups_than_a_bit_mask_holds_still_get_an_order_within_the_limit() -> None:
    rng = random.Random(2)
    presence = tuple(tuple(rng.random() < 0.3 for _ in range(70)) for _ in range(14))
    instance = TalentInstance(
        tuple(rng.randint(1, 2) for _ in range(70)), tuple(range(1, 15)), presence
    )
    result = solve_talent(instance, time_limit=0.5)
    assert sorted(result.order) == list(range(70))
    assert result.cost == total_cost(instance, result.order)
    assert result.lower_bound <= result.cost
