from datetime import datetime
from decimal import Decimal

import pytest

from filmpark.budget.labour import VIETNAM_RULES, DayType, day_pay


def premium(kind: DayType, start: str, hours: str) -> Decimal:
    pay = day_pay(VIETNAM_RULES, kind, datetime.fromisoformat(start), Decimal(hours))
    return pay.premium_fraction(Decimal(8))


def test_an_eight_hour_working_day_in_daylight_costs_only_the_day_rate() -> None:
    assert premium(DayType.WORK_DAY, "2026-12-01T07:00", "8") == 0


def test_two_overtime_hours_on_a_working_day_are_paid_at_150_percent() -> None:
    # 8 h at 100% + 2 h at 150% = 11 wage-hours; 3 above the 8 the day rate covers.
    assert premium(DayType.WORK_DAY, "2026-12-01T07:00", "10") == Decimal(3) / 8


def test_every_hour_on_a_public_holiday_is_paid_at_300_percent() -> None:
    assert premium(DayType.HOLIDAY, "2026-12-01T07:00", "8") == 2


def test_every_hour_on_the_weekly_rest_day_is_paid_at_200_percent() -> None:
    assert premium(DayType.REST_DAY, "2026-12-01T08:00", "8") == 1


def test_normal_hours_after_22_00_earn_the_30_percent_night_premium() -> None:
    # 18:00-22:00 normal, 22:00-02:00 normal at night: 8 + 4 x 0.3 = 9.2 wage-hours.
    assert premium(DayType.WORK_DAY, "2026-12-01T18:00", "8") == Decimal("1.2") / 8


def test_overtime_at_night_adds_20_percent_of_the_daytime_wage() -> None:
    # 14:00-22:00 normal (8); 22:00-24:00 overtime at night: 150 + 30 + 20 = 200% (no daylight
    # overtime that day), 2 h x 2.0 = 4; total 12, premium (12 - 8) / 8.
    assert premium(DayType.WORK_DAY, "2026-12-01T14:00", "10") == Decimal("0.5")


def test_night_overtime_after_daylight_overtime_takes_20_percent_of_the_overtime_rate() -> None:
    # 12:00-20:00 normal; 20:00-22:00 overtime 150%; 22:00-23:00 night overtime
    # 150 + 30 + 20% x 150 = 210%. Total 8 + 3 + 2.1 = 13.1.
    assert premium(DayType.WORK_DAY, "2026-12-01T12:00", "11") == (Decimal("13.1") - 8) / 8


@pytest.mark.parametrize("hours", ["0", "4", "7.5"])
def test_a_short_day_is_still_paid_the_full_day_rate_and_no_premium(hours: str) -> None:
    assert premium(DayType.WORK_DAY, "2026-12-01T09:00", hours) == 0


def test_a_short_call_on_a_holiday_still_costs_a_full_day_at_300_percent() -> None:
    assert premium(DayType.HOLIDAY, "2026-12-01T17:00", "2.5") == 2
    assert premium(DayType.REST_DAY, "2026-12-01T09:00", "3") == 1
