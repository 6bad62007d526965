"""The shoot calendar: Vietnamese holidays with Tết, days off in lieu, custom days off."""

from __future__ import annotations

from datetime import date

from filmpark.schedule.calendar import ShootCalendar, next_monday, public_holidays
from filmpark.schedule.rules import load_rules

SUNDAY_REST = frozenset({6})


def test_vietnamese_holidays_include_tet_and_the_hung_kings_day() -> None:
    days = public_holidays("VN", range(2027, 2028), SUNDAY_REST, substitute=True)
    assert date(2027, 2, 6) in days  # Tết: first day of the lunar year
    assert date(2027, 4, 16) in days  # Hùng Kings (10th of the 3rd lunar month)
    assert date(2027, 9, 2) in days


def test_a_holiday_on_the_weekly_rest_day_gives_the_next_working_day_off() -> None:
    days = public_holidays("VN", range(2026, 2027), SUNDAY_REST, substitute=True)
    assert date(2026, 4, 26) in days  # Hùng Kings' day falls on a Sunday
    assert "in lieu" in days[date(2026, 4, 27)]


def test_a_holiday_on_a_saturday_is_not_moved_in_a_six_day_week() -> None:
    days = public_holidays("VN", range(2027, 2028), SUNDAY_REST, substitute=True)
    assert date(2027, 5, 1) in days  # Labour Day, a Saturday: a working day in a six-day week
    assert date(2027, 5, 3) not in days


def test_tet_on_a_sunday_moves_its_day_off_past_the_other_tet_days() -> None:
    days = public_holidays("VN", range(2027, 2028), SUNDAY_REST, substitute=True)
    assert date(2027, 2, 7) in days  # second day of Tết, a Sunday
    assert "in lieu" in days[date(2027, 2, 10)]


def test_working_days_skip_rest_days_holidays_and_custom_days_off() -> None:
    calendar = ShootCalendar(
        start=date(2027, 3, 5),
        holidays={date(2027, 3, 9): "A holiday"},
        days_off={date(2027, 3, 10): "crew party"},
    )
    assert calendar.first_work_days(4) == (
        date(2027, 3, 5),
        date(2027, 3, 6),
        date(2027, 3, 8),
        date(2027, 3, 11),
    )
    assert calendar.reason_off(date(2027, 3, 7)) == "weekly rest (Sunday)"
    assert calendar.reason_off(date(2027, 3, 10)) == "crew party"


def test_a_calendar_with_an_end_stops_there() -> None:
    calendar = ShootCalendar(start=date(2027, 3, 1), end=date(2027, 3, 3))
    assert len(tuple(calendar.work_days())) == 3


def test_the_default_start_is_the_next_monday() -> None:
    assert next_monday(date(2026, 11, 25)) == date(2026, 11, 30)
    assert next_monday(date(2026, 11, 30)) == date(2026, 12, 7)


def test_the_rule_packs_carry_their_sources() -> None:
    vn = load_rules("vn")
    us = load_rules("us")
    assert vn.turnaround_minutes == 12 * 60
    assert "art. 110" in vn.source("turnaround")
    assert vn.minor_band(10) is not None
    assert vn.minor_band(10).max_minutes_per_day == 240  # type: ignore[union-attr]
    assert vn.minor_band(20) is None
    assert us.drop_gap_days == 10
    assert us.rest_weekdays == frozenset({5, 6})
