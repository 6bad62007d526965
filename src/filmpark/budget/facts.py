"""What the budget reads from a schedule: shoot days, who works when, extras, locations.

The budget costs a schedule through these plain facts rather than through the solver's own
types, so a hand-made schedule, an optimised one and a test builder are costed the same way.
:func:`filmpark.budget.from_schedule.schedule_facts` builds them from a solved schedule and the
performers' days of its day-out-of-days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from filmpark.budget.labour import DayType
from filmpark.errors import ValidationError
from filmpark.text import t
from filmpark.units import Money


@dataclass(frozen=True, slots=True)
class CastDays:
    """A performer's days from the day-out-of-days: worked, held (paid idle), travelling."""

    cast_id: int
    name: str
    daily_rate: Money
    work_days: int
    hold_days: int = 0
    travel_days: int = 0
    work_dates: tuple[date, ...] = ()
    character: str = ""
    paid: int | None = None  # the DOOD's own count of paid days, when it comes from one

    def __post_init__(self) -> None:
        if min(self.work_days, self.hold_days, self.travel_days, self.paid or 0) < 0:
            raise ValidationError(t("field.cast", name=self.name), t("budget.negative_day_counts"))

    @property
    def paid_days(self) -> int:
        """The DOOD's paid days (a combined ``SW/H`` day is paid once), else work + hold + travel."""
        if self.paid is not None:
            return self.paid
        return self.work_days + self.hold_days + self.travel_days


@dataclass(frozen=True, slots=True)
class DayFacts:
    """One shoot day: date, what the calendar calls it, when work starts and how long it runs."""

    number: int
    date: date
    day_type: DayType
    start: datetime
    hours: Decimal
    cast: tuple[int, ...] = ()
    extras: int = 0
    locations: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.hours < 0 or self.extras < 0:
            raise ValidationError(t("field.day", day=self.number), t("budget.negative_hours"))


@dataclass(frozen=True, slots=True)
class LocationFacts:
    """A location or stage the schedule uses; ``daily_fee`` overrides the rate card's fee."""

    id: str
    name: str
    stage: bool = False
    daily_fee: Money | None = None


@dataclass(frozen=True, slots=True)
class ScheduleFacts:
    days: tuple[DayFacts, ...]
    cast: tuple[CastDays, ...] = ()
    locations: tuple[LocationFacts, ...] = ()
    work_days_per_week: int = 6

    def __post_init__(self) -> None:
        if not 1 <= self.work_days_per_week <= 7:
            raise ValidationError("work_days_per_week", t("budget.days_per_week"))

    @property
    def shoot_days(self) -> int:
        return len(self.days)

    def day_on(self, when: date) -> DayFacts | None:
        for day in self.days:
            if day.date == when:
                return day
        return None

    def location_days(self, location_id: str) -> int:
        return sum(1 for day in self.days if location_id in day.locations)
