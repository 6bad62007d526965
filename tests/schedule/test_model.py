"""Each constraint builder of the CP-SAT model alone, on a tiny case."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from ortools.sat.python import cp_model

from filmpark.schedule import model as builders
from filmpark.schedule.model import ScheduleModel
from filmpark.schedule.problem import DropPickup, Lock, MinorLimits, Problem
from tests.schedule.builders import MONDAY, a_cast_member, a_problem, a_scene, vn_rules

DATES = tuple(MONDAY + timedelta(days=i) for i in range(6))  # Monday to Saturday


def start(problem: Problem, dates: tuple = DATES) -> ScheduleModel:
    m = ScheduleModel(problem, dates)
    builders.add_assignment(m)
    return m


def put(m: ScheduleModel, number: str, slot: int) -> None:
    index = [s.number for s in m.problem.scenes].index(number)
    m.model.add(m.x[(index, slot)] == 1)


def run(m: ScheduleModel, objective: object = None) -> tuple[int, cp_model.CpSolver]:
    if objective is not None:
        m.model.minimize(objective)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 5
    solver.parameters.num_workers = 1
    return solver.solve(m.model), solver


def optimum(m: ScheduleModel, objective: object = None) -> cp_model.CpSolver:
    status, solver = run(m, objective)
    assert status == cp_model.OPTIMAL
    return solver


def slot(m: ScheduleModel, solver: cp_model.CpSolver, number: str) -> int:
    index = [s.number for s in m.problem.scenes].index(number)
    return next(d for d in m.slots if solver.value(m.x[(index, d)]))


def test_assignment_puts_every_scene_on_exactly_one_day() -> None:
    m = start(a_problem([a_scene("1"), a_scene("2")]))
    status, solver = run(m, sum(m.used))
    assert status == cp_model.OPTIMAL
    assert sum(solver.value(m.x[(0, d)]) for d in m.slots) == 1
    assert solver.objective_value == 1


def test_availability_keeps_a_scene_on_the_days_its_performer_can_work() -> None:
    tuesday = MONDAY + timedelta(days=1)
    problem = a_problem(
        [a_scene("1", cast=[1])], cast=[a_cast_member(1, "Lan", windows=[(tuesday, tuesday)])]
    )
    m = start(problem)
    builders.add_availability(m)
    status, solver = run(m)
    assert status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    assert slot(m, solver, "1") == 1


def test_a_precedence_keeps_the_later_scene_on_the_same_day_or_after() -> None:
    m = start(a_problem([a_scene("12"), a_scene("40")], precedences=[("12", "40")]))
    builders.add_precedences(m)
    put(m, "12", 3)
    status, solver = run(m, builders.slot_of(m, 1))
    assert status == cp_model.OPTIMAL
    assert slot(m, solver, "40") == 3


def test_a_lock_to_a_date_fixes_the_strip() -> None:
    thursday = MONDAY + timedelta(days=3)
    m = start(a_problem([a_scene("5")], locks=[Lock(scene="5", on_date=thursday)]))
    builders.add_locks(m)
    solver = optimum(m)
    assert slot(m, solver, "5") == 3


def test_capacity_keeps_two_long_scenes_on_different_days() -> None:
    m = start(a_problem([a_scene("1", minutes=400), a_scene("2", minutes=400)]))
    builders.add_locations(m)
    builders.add_capacity(m)
    put(m, "1", 0)
    put(m, "2", 0)
    status, _ = run(m)
    assert status == cp_model.INFEASIBLE


def test_capacity_counts_overtime_beyond_the_normal_day() -> None:
    m = start(a_problem([a_scene("1", minutes=300), a_scene("2", minutes=300)]))
    builders.add_locations(m)
    builders.add_capacity(m)
    put(m, "1", 0)
    put(m, "2", 0)
    status, solver = run(m, sum(m.overtime))
    assert status == cp_model.OPTIMAL
    assert solver.objective_value == 600 - 480


def test_turnaround_forbids_a_day_call_the_morning_after_a_night_shoot() -> None:
    problem = a_problem([a_scene("1", minutes=300, night=True), a_scene("2", minutes=60)])
    m = start(problem)
    builders.add_locations(m)
    builders.add_light(m)
    builders.add_capacity(m)
    builders.add_turnaround(m)
    put(m, "1", 0)
    put(m, "2", 1)
    assert run(m)[0] == cp_model.INFEASIBLE
    m = start(problem)
    for build in (
        builders.add_locations,
        builders.add_light,
        builders.add_capacity,
        builders.add_turnaround,
    ):
        build(m)
    put(m, "1", 0)
    put(m, "2", 2)
    assert run(m)[0] in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def test_minors_never_work_at_night_or_past_their_daily_hours() -> None:
    limits = MinorLimits(240, 1200, night_allowed=False, source="art. 146")
    child = a_cast_member(1, "Bé Na", age=9, minor=limits)
    m = start(a_problem([a_scene("1", cast=[1], night=True, minutes=60)], cast=[child]))
    builders.add_minors(m)
    assert run(m)[0] == cp_model.INFEASIBLE
    m = start(
        a_problem(
            [a_scene("1", cast=[1], minutes=180), a_scene("2", cast=[1], minutes=180)], cast=[child]
        )
    )
    builders.add_minors(m)
    put(m, "1", 0)
    put(m, "2", 0)
    assert run(m)[0] == cp_model.INFEASIBLE


def test_weekly_rest_leaves_a_day_off_in_any_seven_days() -> None:
    rules = replace(vn_rules(), rest_weekdays=frozenset())
    problem = replace(
        a_problem([a_scene(str(i), minutes=60) for i in range(1, 8)], rules=rules),
    )
    problem = replace(problem, calendar=replace(problem.calendar, rest_weekdays=frozenset()))
    dates = tuple(MONDAY + timedelta(days=i) for i in range(7))
    m = start(problem, dates)
    builders.add_weekly_rest(m)
    for i in range(7):
        put(m, str(i + 1), i)
    assert run(m)[0] == cp_model.INFEASIBLE


def test_cast_hold_prices_each_idle_day_inside_a_performers_span() -> None:
    problem = a_problem(
        [a_scene("1", cast=[1]), a_scene("2", cast=[1])], cast=[a_cast_member(1, rate=700)]
    )
    m = start(problem)
    builders.add_cast_hold(m)
    put(m, "1", 0)
    put(m, "2", 3)
    solver = optimum(m, m.terms["cast_hold"])
    assert solver.objective_value == 2 * 700


def test_a_drop_and_pickup_makes_a_long_enough_gap_unpaid() -> None:
    problem = a_problem(
        [a_scene("1", cast=[1]), a_scene("2", cast=[1])],
        cast=[a_cast_member(1, rate=700, drop=DropPickup(gap_days=1, max_drops=1))],
    )
    m = start(problem)
    builders.add_cast_hold(m)
    put(m, "1", 0)
    put(m, "2", 3)  # two idle days, a calendar gap of two days: more than one, so dropped
    solver = optimum(m, m.terms["cast_hold"])
    assert solver.objective_value == 0
    problem = replace(
        problem, cast=(a_cast_member(1, rate=700, drop=DropPickup(gap_days=2, max_drops=1)),)
    )
    m = start(problem)
    builders.add_cast_hold(m)
    put(m, "1", 0)
    put(m, "2", 3)  # a gap of exactly two days is not more than two: paid hold
    solver = optimum(m, m.terms["cast_hold"])
    assert solver.objective_value == 2 * 700


def test_locations_count_moves_within_a_day_and_returns_to_a_location_left() -> None:
    problem = a_problem(
        [a_scene("1", location="a"), a_scene("2", location="b"), a_scene("3", location="a")]
    )
    m = start(problem)
    builders.add_locations(m)
    put(m, "1", 0)
    put(m, "2", 1)
    put(m, "3", 2)
    solver = optimum(m, m.terms["company_moves"] + m.terms["location_revisits"])
    assert solver.value(m.terms["location_revisits"]) == 1
    assert solver.value(m.terms["company_moves"]) == 0
    m = start(problem)
    builders.add_locations(m)
    for number in ("1", "2", "3"):
        put(m, number, 0)
    solver = optimum(m, m.terms["company_moves"] + m.terms["location_revisits"])
    assert solver.value(m.terms["company_moves"]) == 1


def test_light_counts_a_split_day_and_a_switch_back_to_days_as_flips() -> None:
    problem = a_problem([a_scene("1"), a_scene("2", night=True), a_scene("3")])
    m = start(problem)
    builders.add_light(m)
    put(m, "1", 0)
    put(m, "2", 0)
    put(m, "3", 1)
    solver = optimum(m, m.terms["day_night_flips"])
    assert solver.objective_value == 2  # the split day, then nights back to days


def test_dark_days_count_empty_working_days_inside_the_shoot() -> None:
    m = start(a_problem([a_scene("1"), a_scene("2")]))
    builders.add_dark_days(m)
    put(m, "1", 0)
    put(m, "2", 2)
    solver = optimum(m, m.terms["dark_days"])
    assert solver.objective_value == 1


@pytest.mark.parametrize(("kept", "expected"), [(True, 0), (False, 1)])
def test_stability_counts_strips_moved_from_the_previous_schedule(
    kept: bool, expected: int
) -> None:
    problem = a_problem([a_scene("1")], previous={"1": MONDAY})
    m = start(problem)
    builders.add_stability(m)
    put(m, "1", 0 if kept else 2)
    solver = optimum(m, m.terms["stability"])
    assert solver.objective_value == expected


def test_a_dawn_day_calls_before_first_light_and_needs_its_turnaround() -> None:
    problem = a_problem([a_scene("1", minutes=600), a_scene("2", minutes=60, dawn=True)])
    m = start(problem)
    for build in (
        builders.add_locations,
        builders.add_light,
        builders.add_capacity,
        builders.add_turnaround,
    ):
        build(m)
    put(m, "1", 0)  # 06:00 call, wraps at 16:00
    put(m, "2", 1)  # 04:00 call the next morning: 12 h after wrap
    assert run(m)[0] in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    problem = a_problem([a_scene("1", minutes=660), a_scene("2", minutes=60, dawn=True)])
    m = start(problem)
    for build in (
        builders.add_locations,
        builders.add_light,
        builders.add_capacity,
        builders.add_turnaround,
    ):
        build(m)
    put(m, "1", 0)  # wraps at 17:00: 11 h before the dawn call
    put(m, "2", 1)
    assert run(m)[0] == cp_model.INFEASIBLE


def test_capacity_counts_the_shortest_way_into_each_location_of_the_day() -> None:
    travel = {
        ("a", "b"): 10,
        ("a", "c"): 60,
        ("a", "d"): 60,
        ("b", "c"): 60,
        ("b", "d"): 60,
        ("c", "d"): 60,
    }
    scenes = [a_scene("1", location="c", minutes=340), a_scene("2", location="d", minutes=340)]
    scenes += [a_scene("3", location="a"), a_scene("4", location="b")]
    m = start(a_problem(scenes, travel=travel))
    builders.add_locations(m)
    builders.add_capacity(m)
    put(m, "1", 0)
    put(m, "2", 0)  # 680 min of scenes and a 60 min move: past the 720 min allowed
    assert run(m)[0] == cp_model.INFEASIBLE
