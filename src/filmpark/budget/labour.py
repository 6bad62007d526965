"""Labour premiums: what a day's hours cost beyond the day rate, by the rules of a rate card.

The Vietnamese rules (Labour Code No. 45/2019/QH14, art. 98; computed as Decree
145/2020/NĐ-CP art. 55-57 explains, https://thuvienphapluat.vn/van-ban/Lao-dong-Tien-luong/Bo-Luat-lao-dong-2019-333670.aspx):

* normal hours: 8 a day (art. 105); hours beyond them are overtime, paid at least 150% on a
  working day, 200% on the weekly rest day and 300% on a public holiday (art. 98.1) — on a rest
  day or a holiday every hour worked counts as overtime;
* night work, 22:00-06:00, at least 30% more (art. 98.2);
* overtime at night: a further 20% of the daytime hourly wage of that day (art. 98.3): of the
  normal wage on a working day without daytime overtime, of the daytime overtime rate when
  the person also worked overtime in daylight, of the rest-day or holiday rate on those days.

The hourly wage is the day rate divided by the hours it covers (``basis_hours``). The day rate
is always paid in full, and a person called on a weekly rest day or a holiday is paid at least
a full day at that day's rate (a short holiday call still costs 300% of a day); the *premium*
is what the hours cost above the day rate, as a fraction of it, so a budget line is
``people × premium day-rates × day rate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum


class DayType(Enum):
    """What the calendar says a shoot day is."""

    WORK_DAY = "work_day"
    REST_DAY = "rest_day"
    HOLIDAY = "holiday"


@dataclass(frozen=True, slots=True)
class LabourRules:
    """Percentages of the hourly wage, from a rate card's ``labour_rules``."""

    normal_hours: Decimal = Decimal(8)
    overtime_weekday_percent: Decimal = Decimal(150)
    rest_day_percent: Decimal = Decimal(200)
    holiday_percent: Decimal = Decimal(300)
    night_start: tuple[int, int] = (22, 0)
    night_end: tuple[int, int] = (6, 0)
    night_percent: Decimal = Decimal(30)
    night_overtime_percent: Decimal = Decimal(20)
    source: str = ""
    placeholder: bool = False

    def overtime_percent(self, kind: DayType) -> Decimal:
        if kind is DayType.HOLIDAY:
            return self.holiday_percent
        if kind is DayType.REST_DAY:
            return self.rest_day_percent
        return self.overtime_weekday_percent


VIETNAM_RULES = LabourRules(
    source="Labour Code 45/2019/QH14 art. 98",
)


def _minute_of_day(hour_minute: tuple[int, int]) -> int:
    return hour_minute[0] * 60 + hour_minute[1]


def is_night(rules: LabourRules, moment: datetime) -> bool:
    """True when ``moment`` falls in the night window (which may cross midnight)."""
    minute = moment.hour * 60 + moment.minute
    start, end = _minute_of_day(rules.night_start), _minute_of_day(rules.night_end)
    if start == end:
        return False
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end


@dataclass(frozen=True, slots=True)
class DayPay:
    """A day's hours split by kind, and what they cost in hourly wages (percent-hours / 100)."""

    normal_hours: Decimal
    overtime_hours: Decimal
    night_hours: Decimal
    night_overtime_hours: Decimal
    wage_hours: Decimal  # the pay in hourly wages, premiums included
    day_percent: Decimal = Decimal(100)  # the least a day called costs: 100, rest day, holiday

    def premium_fraction(self, basis_hours: Decimal) -> Decimal:
        """The pay above the day rate, as a fraction of the day rate (never negative)."""
        if basis_hours <= 0:
            return Decimal(0)
        paid = max(self.wage_hours, basis_hours * self.day_percent / Decimal(100))
        return max(Decimal(0), paid - basis_hours) / basis_hours


def day_pay(rules: LabourRules, kind: DayType, start: datetime, hours: Decimal) -> DayPay:
    """Split ``hours`` of work from ``start`` into normal, overtime and night minutes, and price them.

    Minutes are walked in order: the first ``normal_hours`` of a working day are normal time,
    the rest overtime; on a rest day or holiday all of it is overtime.
    """
    total_minutes = int((hours * 60).to_integral_value())
    normal_limit = int(rules.normal_hours * 60) if kind is DayType.WORK_DAY else 0
    overtime_pct = rules.overtime_percent(kind)
    base_day_pct = Decimal(100) if kind is DayType.WORK_DAY else overtime_pct
    daylight_overtime = False
    normal = overtime = night = night_overtime = 0
    percent_minutes = Decimal(0)
    moment = start
    for minute in range(total_minutes):
        at_night = is_night(rules, moment)
        if minute < normal_limit:
            normal += 1
            percent_minutes += Decimal(100)
            if at_night:
                night += 1
                percent_minutes += rules.night_percent
        else:
            overtime += 1
            if at_night:
                night_overtime += 1
                daytime_pct = (
                    rules.overtime_weekday_percent
                    if kind is DayType.WORK_DAY and daylight_overtime
                    else base_day_pct
                )
                percent_minutes += (
                    overtime_pct
                    + rules.night_percent
                    + rules.night_overtime_percent * daytime_pct / Decimal(100)
                )
            else:
                daylight_overtime = True
                percent_minutes += overtime_pct
        moment += timedelta(minutes=1)
    sixty = Decimal(60)
    return DayPay(
        normal_hours=Decimal(normal) / sixty,
        overtime_hours=Decimal(overtime) / sixty,
        night_hours=Decimal(night) / sixty,
        night_overtime_hours=Decimal(night_overtime) / sixty,
        wage_hours=percent_minutes / Decimal(100) / sixty,
        day_percent=base_day_pct,
    )
