"""Budget facts from a real (hand-packed) schedule: day types, hours, extras, the holiday rule."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from filmpark.budget.build import build_budget
from filmpark.budget.compute import summarise
from filmpark.budget.from_schedule import schedule_facts
from filmpark.budget.labour import DayType
from filmpark.reports.dood import day_out_of_days
from filmpark.services.plan import cast_days_from_dood
from tests.budget.builders import a_small_production, tiny_settings, vnd


def test_facts_keep_the_schedule_hours_and_the_largest_crowd_per_location() -> None:
    _, schedule, _ = a_small_production()
    facts = schedule_facts(schedule, cast_days_from_dood(schedule, day_out_of_days(schedule)))
    first = facts.days[0]
    assert first.day_type is DayType.WORK_DAY
    assert first.start.hour * 60 + first.start.minute == schedule.days[0].call
    assert first.hours == Decimal(schedule.days[0].wrap - schedule.days[0].call) / 60
    assert first.extras == 12
    assert first.cast == (1, 2)


def test_a_shoot_day_the_calendar_makes_a_holiday_raises_the_budget_by_the_holiday_premium() -> (
    None
):
    problem, schedule, _ = a_small_production()
    cast = cast_days_from_dood(schedule, day_out_of_days(schedule))
    holiday = date(2027, 3, 2)  # shoot day 2: scene 3 with LAN (3,000,000) and BÉ MINH (1,000,000)
    calendar = replace(problem.calendar, holidays=MappingProxyType({holiday: "a holiday"}))
    moved = replace(schedule, problem=replace(problem, calendar=calendar))
    settings = tiny_settings()
    before = summarise(build_budget(schedule_facts(schedule, cast), settings))
    after = summarise(build_budget(schedule_facts(moved, cast), settings))
    assert schedule_facts(moved, cast).days[1].day_type is DayType.HOLIDAY
    # A holiday call costs at least a full day at 300%: two extra day rates for each person
    # working that day (LAN, BÉ MINH and the card's two grips at 500,000); the short working
    # day it replaces had no premium at all.
    expected = 2 * 3_000_000 + 2 * 1_000_000 + 2 * 2 * 500_000
    assert after.subtotal - before.subtotal == vnd(expected)
