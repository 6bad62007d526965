"""The optimiser: brute force on tiny problems, invariants on random ones, locks, time limits."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filmpark.errors import Infeasible
from filmpark.schedule.evaluate import evaluate, violations
from filmpark.schedule.problem import DropPickup, Lock, MinorLimits, Problem
from filmpark.schedule.solve import solve
from tests.schedule.builders import MONDAY, a_cast_member, a_problem, a_scene, flat_weights

WEDNESDAY = MONDAY + timedelta(days=2)


@st.composite
def tiny_problems(draw: st.DrawFn) -> Problem:
    """Up to seven scenes on three working days, at locations that are either all-day or
    all-night (so the real order of a day has one visit per location, as the model counts)."""
    count = draw(st.integers(2, 7))
    night_location = draw(st.booleans())
    scenes = []
    for index in range(count):
        location = draw(st.sampled_from(["house", "street", "river"]))
        night = night_location and location == "river"
        dawn = not night and location == "street" and draw(st.booleans())
        cast = draw(st.sets(st.integers(1, 3), max_size=3))
        minutes = draw(st.sampled_from([60, 120, 180, 300]))
        scenes.append(
            a_scene(
                str(index + 1),
                location=location,
                cast=sorted(cast),
                minutes=minutes,
                night=night,
                dawn=dawn,
            )
        )
    window_end = MONDAY + timedelta(days=draw(st.integers(0, 2)))
    cast = [
        a_cast_member(1, "Lan", rate=draw(st.sampled_from([0, 300, 2_000]))),
        a_cast_member(
            2, "Minh", rate=700, windows=[(MONDAY, window_end)] if draw(st.booleans()) else []
        ),
        a_cast_member(3, "Hoa", rate=400, drop=DropPickup(0, 1) if draw(st.booleans()) else None),
    ]
    precedences = []
    if count >= 3 and draw(st.booleans()):
        precedences.append(("1", str(count)))
    return a_problem(scenes, cast=cast, end=WEDNESDAY, precedences=precedences)


def brute_force(problem: Problem) -> int | None:
    """The cheapest valid plan over every assignment of scenes to the calendar's dates."""
    dates = list(problem.calendar.work_days())
    numbers = [scene.number for scene in problem.scenes]
    best: int | None = None
    for assignment in itertools.product(range(len(dates)), repeat=len(numbers)):
        plan: dict[date, list[str]] = {}
        for number, slot in zip(numbers, assignment, strict=True):
            plan.setdefault(dates[slot], []).append(number)
        schedule = evaluate(problem, plan)
        if violations(problem, schedule.days):
            continue
        if best is None or schedule.objective < best:
            best = schedule.objective
    return best


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_problems())
def test_on_seven_scenes_or_fewer_the_optimiser_matches_brute_force(problem: Problem) -> None:
    expected = brute_force(problem)
    if expected is None:
        return  # no valid plan in three days: the infeasible path is tested elsewhere
    schedule = solve(problem, time_limit=10, workers=1)
    assert schedule.optimal
    assert schedule.objective == expected
    assert violations(problem, schedule.days) == []


@st.composite
def random_problems(draw: st.DrawFn) -> Problem:
    """Up to 14 scenes with windows, a minor, a drop/pick-up deal, dawn and night, a lock and
    a precedence: the invariants must hold whatever the optimiser chooses."""
    count = draw(st.integers(3, 14))
    scenes = []
    for index in range(count):
        night = draw(st.booleans())
        scenes.append(
            a_scene(
                str(index + 1),
                location=draw(st.sampled_from(["house", "street", "river", "market"])),
                cast=sorted(draw(st.sets(st.integers(1, 5), max_size=3))),
                minutes=draw(st.sampled_from([45, 90, 150, 240])),
                night=night,
                dawn=not night and draw(st.booleans()),
            )
        )
    windows = []
    for _ in range(5):
        opens = MONDAY + timedelta(days=draw(st.integers(0, 6)))
        windows.append([(opens, MONDAY + timedelta(days=40))] if draw(st.booleans()) else [])
    child = MinorLimits(240, 1200, night_allowed=False, source="art. 146")
    cast = [
        a_cast_member(1, rate=draw(st.sampled_from([100, 1_000])), windows=windows[0]),
        a_cast_member(2, rate=1_000, windows=windows[1], drop=DropPickup(2, 1)),
        a_cast_member(3, rate=500, windows=windows[2]),
        a_cast_member(4, rate=300, windows=windows[3]),
        a_cast_member(5, "Bé Na", rate=200, windows=windows[4], age=9, minor=child),
    ]
    for scene in scenes:  # the minor is never written into a night scene or a long one
        if 5 in scene.cast and (scene.night or scene.minutes > 240):
            scenes[scenes.index(scene)] = replace(
                scene, cast=tuple(c for c in scene.cast if c != 5)
            )
    locks = []
    if draw(st.booleans()):
        locks.append(
            Lock(scene="1", on_date=MONDAY + timedelta(days=draw(st.sampled_from([7, 8, 9]))))
        )
    precedences = [("2", "3")] if draw(st.booleans()) else []
    return a_problem(scenes, cast=cast, locks=locks, precedences=precedences)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_problems())
def test_every_scene_is_shot_once_on_an_available_day_with_no_rule_broken(problem: Problem) -> None:
    reasons: tuple[str, ...] = ()
    try:
        schedule = solve(problem, time_limit=3, workers=1)
    except Infeasible as error:  # random windows can contradict a lock: then say which
        reasons = error.reasons
    if reasons:
        return
    shot = [number for day in schedule.days for number in day.scenes]
    assert sorted(shot) == sorted(scene.number for scene in problem.scenes)
    for day in schedule.days:
        for number in day.scenes:
            assert problem.scene_allowed_on(problem.scene(number), day.date)
    assert violations(problem, schedule.days) == []
    for lock in problem.locks:
        assert schedule.dates()[lock.scene] == lock.on_date


def test_a_strip_locked_to_a_date_stays_there_even_when_it_costs_a_day() -> None:
    friday = MONDAY + timedelta(days=4)
    problem = a_problem(
        [a_scene("1", minutes=60), a_scene("2", minutes=60)],
        locks=[Lock(scene="2", on_date=friday)],
    )
    schedule = solve(problem, time_limit=5, workers=1)
    assert schedule.dates()["2"] == friday


def test_a_strip_locked_to_a_position_opens_its_day() -> None:
    problem = a_problem(
        [a_scene("1", minutes=60), a_scene("2", minutes=60), a_scene("3", minutes=60)],
        locks=[Lock(scene="3", position=1)],
    )
    schedule = solve(problem, time_limit=5, workers=1)
    day = schedule.day_of()["3"]
    assert day.scenes[0] == "3"


def test_replanning_moves_as_few_strips_as_the_weights_ask() -> None:
    scenes = [a_scene(str(i), minutes=200, cast=[1]) for i in range(1, 5)]
    weights = flat_weights(stability_move=1_000_000)
    first = solve(a_problem(scenes, weights=weights), time_limit=5, workers=1)
    previous = first.dates()
    changed = a_problem(
        [*scenes, a_scene("5", minutes=100, cast=[1])], previous=previous, weights=weights
    )
    second = solve(changed, time_limit=5, workers=1)
    assert second.term("stability").count == 0
    assert all(second.dates()[n] == when for n, when in previous.items())


def test_a_time_limit_that_ends_early_still_returns_a_schedule_with_its_gap() -> None:
    scenes = [
        a_scene(str(i), location=f"loc{i % 6}", cast=[1 + i % 7, 1 + (i * 3) % 7], minutes=90)
        for i in range(1, 41)
    ]
    schedule = solve(a_problem(scenes), time_limit=0.5, workers=1)
    assert len([n for day in schedule.days for n in day.scenes]) == 40
    assert 0 <= schedule.lower_bound <= schedule.objective
    assert schedule.gap == 0 or not schedule.optimal


def test_the_night_shoot_is_followed_by_a_rest_before_a_day_call() -> None:
    problem = a_problem(
        [
            a_scene("1", location="street", minutes=400, night=True),
            a_scene("2", location="house", minutes=400),
        ],
        weights=None,
    )
    schedule = solve(problem, time_limit=5, workers=1)
    assert violations(problem, schedule.days) == []
    dates = schedule.dates()
    if dates["1"] < dates["2"]:
        assert (dates["2"] - dates["1"]).days >= 2 or schedule.day_of()["2"].call >= 17 * 60


def test_replanning_an_unchanged_production_keeps_every_strip_where_it_was() -> None:
    scenes = [
        a_scene(str(i), location=f"loc{i % 4}", cast=[1 + i % 3], minutes=150, night=i % 5 == 0)
        for i in range(1, 16)
    ]
    weights = flat_weights(stability_move=1_000_000)  # no saving is worth moving a strip
    first = solve(a_problem(scenes, weights=weights), time_limit=2, workers=1)
    again = solve(a_problem(scenes, weights=weights), time_limit=2, workers=1, previous=first)
    assert again.dates() == first.dates()
    assert again.term("stability").count == 0
    assert again.objective <= first.objective
