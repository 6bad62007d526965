"""Estimated shooting minutes from eighths and the breakdown's complexity."""

from __future__ import annotations

from decimal import Decimal

from filmpark.schedule.estimate import EstimateFactors, estimate_minutes
from filmpark.screenplay.model import DayNight, IntExt
from filmpark.units import Eighths


def test_a_plain_page_takes_the_minutes_per_page_plus_setup() -> None:
    estimate = estimate_minutes(Eighths(8), int_ext=IntExt.INT, day_night=DayNight.DAY)
    assert estimate.minutes == 90 + 20
    assert estimate.factors == ()


def test_stunts_and_a_night_exterior_multiply_the_time() -> None:
    estimate = estimate_minutes(Eighths(8), int_ext=IntExt.EXT, day_night=DayNight.NIGHT, stunts=1)
    assert estimate.minutes == round(90 * Decimal("1.5") * Decimal("1.25")) + 20
    assert [name for name, _ in estimate.factors] == ["stunts", "night exterior"]


def test_a_crowd_of_extras_adds_time_up_to_a_cap() -> None:
    some = estimate_minutes(Eighths(8), int_ext=IntExt.EXT, day_night=DayNight.DAY, extras=40)
    many = estimate_minutes(Eighths(8), int_ext=IntExt.EXT, day_night=DayNight.DAY, extras=4000)
    assert some.minutes == 90 * 1.2 + 20
    assert many.minutes == 90 * 1.5 + 20


def test_a_person_override_wins() -> None:
    estimate = estimate_minutes(
        Eighths(2), int_ext=IntExt.INT, day_night=DayNight.DAY, override=240
    )
    assert estimate.minutes == 240
    assert estimate.overridden


def test_the_factors_are_parameters() -> None:
    factors = EstimateFactors(minutes_per_page=60, setup_minutes=0)
    estimate = estimate_minutes(
        Eighths(4), int_ext=IntExt.INT, day_night=DayNight.DAY, factors=factors
    )
    assert estimate.minutes == 30
