"""Infeasible problems answer with the hard rules that conflict, in words; costs are named."""

from __future__ import annotations

from datetime import date

import pytest

from filmpark.errors import Infeasible
from filmpark.schedule.explain import describe_costs
from filmpark.schedule.problem import Lock
from filmpark.schedule.solve import solve
from tests.schedule.builders import MONDAY, a_cast_member, a_location, a_problem, a_scene


def test_an_availability_contradiction_names_the_performer_the_location_and_the_precedence() -> (
    None
):
    lan = a_cast_member(1, "Lan", windows=[(date(2027, 3, 3), date(2027, 3, 5))])
    river = a_location("river", name="The River", windows=[(date(2027, 3, 10), date(2027, 4, 30))])
    problem = a_problem(
        [
            a_scene("12", location="house", cast=[1]),
            a_scene("40", location="river"),
            a_scene("7", location="house"),
        ],
        cast=[lan],
        locations=[a_location("house"), river],
        precedences=[("40", "12")],
    )
    with pytest.raises(Infeasible) as caught:
        solve(problem, time_limit=5, workers=1)
    reasons = caught.value.reasons
    assert len(reasons) == 3
    text = " | ".join(reasons)
    assert "Lan" in text
    assert "2027-03-03 to 2027-03-05" in text
    assert "The River" in text
    assert "2027-03-10" in text
    assert "scene 12 must be shot after scene 40" in text
    assert "scene 7" not in text


def test_a_precedence_cycle_is_reported_as_the_cycle() -> None:
    problem = a_problem(
        [a_scene("1"), a_scene("2"), a_scene("3")], precedences=[("1", "2"), ("2", "3"), ("3", "1")]
    )
    with pytest.raises(Infeasible) as caught:
        solve(problem, time_limit=5, workers=1)
    assert "cycle" in str(caught.value)
    assert len(caught.value.reasons) == 3


def test_a_scene_longer_than_any_day_names_the_scene_and_the_day_length() -> None:
    problem = a_problem([a_scene("9", minutes=900)])
    with pytest.raises(Infeasible) as caught:
        solve(problem, time_limit=5, workers=1)
    assert "scene 9 is estimated at 900 min" in caught.value.reasons[0]
    assert "720 min" in caught.value.reasons[1]


def test_a_performer_never_available_in_the_calendar_is_named() -> None:
    lan = a_cast_member(1, "Lan", windows=[(date(2027, 1, 4), date(2027, 1, 8))])
    problem = a_problem([a_scene("3", cast=[1])], cast=[lan])
    with pytest.raises(Infeasible) as caught:
        solve(problem, time_limit=5, workers=1)
    assert any("Lan" in reason for reason in caught.value.reasons)


def test_a_strip_locked_to_a_holiday_is_refused_with_the_holiday_name() -> None:
    problem = a_problem(
        [a_scene("3")],
        holidays={MONDAY: "Women's Day"},
        locks=[Lock(scene="3", on_date=MONDAY)],
    )
    with pytest.raises(Infeasible) as caught:
        solve(problem, time_limit=5, workers=1)
    assert "Women's Day" in str(caught.value)


def test_every_cost_term_that_cost_something_is_explained_in_words() -> None:
    problem = a_problem(
        [a_scene("1", cast=[1]), a_scene("2", location="street", cast=[1], minutes=500)],
    )
    schedule = solve(problem, time_limit=5, workers=1)
    lines = describe_costs(schedule)
    assert any(line.startswith("shoot days:") for line in lines)
    assert all(" = " in line for line in lines)
