"""The shoot calendar: which dates are working days, and why the others are not.

Public holidays come from the ``holidays`` package (Vietnam includes the lunar Tết and Hùng
Kings dates). The package's own "observed" days assume a Monday–Friday week, so we read the
statutory days only and apply the Labour Code rule ourselves against the production's own rest
days: a holiday that falls on a weekly rest day gives a day off on the next working day
(Labour Code 45/2019, art. 111(3),
https://thuvienphapluat.vn/van-ban/Lao-dong-Tien-luong/Bo-Luat-lao-dong-2019-333670.aspx).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

import holidays as holiday_data

from filmpark.errors import ValidationError
from filmpark.text import bilingual, t

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def public_holidays(
    country: str, years: range, rest_weekdays: frozenset[int], *, substitute: bool
) -> dict[date, str]:
    """Statutory holidays of ``country`` in ``years``; with ``substitute``, a holiday on a rest
    day adds the next working day that is not itself a holiday."""
    try:
        table = holiday_data.country_holidays(
            country, years=list(years), observed=False, language="en_US"
        )
    except NotImplementedError:
        raise ValidationError(
            "holidays", t("calendar.no_holidays", country=repr(country))
        ) from None
    # The names in Vietnamese where the package has them (Vietnam's own holidays do).
    local = table
    if "vi" in (getattr(table, "supported_languages", ()) or ()):
        local = holiday_data.country_holidays(
            country, years=list(years), observed=False, language="vi"
        )
    days: dict[date, str] = {
        day: bilingual(str(name), str(local.get(day, name))) for day, name in sorted(table.items())
    }
    if not substitute:
        return days
    extra: dict[date, str] = {}
    for day, name in sorted(days.items()):
        if day.weekday() not in rest_weekdays:
            continue
        candidate = day + timedelta(days=1)
        while candidate.weekday() in rest_weekdays or candidate in days or candidate in extra:
            candidate += timedelta(days=1)
        extra[candidate] = t("calendar.in_lieu", name=name)
    days.update(extra)
    return dict(sorted(days.items()))


@dataclass(frozen=True, slots=True)
class ShootCalendar:
    """Start date, weekly rest days, holidays and custom days off; optionally a last date."""

    start: date
    rest_weekdays: frozenset[int] = frozenset({6})
    holidays: Mapping[date, str] = field(default_factory=lambda: MappingProxyType({}))
    days_off: Mapping[date, str] = field(default_factory=lambda: MappingProxyType({}))
    end: date | None = None

    def __post_init__(self) -> None:
        if len(self.rest_weekdays) >= 7:
            raise ValidationError("calendar", t("config.every_day_rest"))
        if self.end is not None and self.end < self.start:
            raise ValidationError(
                "calendar", t("config.ends_before_start", end=self.end, start=self.start)
            )

    @property
    def work_days_per_week(self) -> int:
        return 7 - len(self.rest_weekdays)

    def reason_off(self, day: date) -> str | None:
        """Why ``day`` is not a working day (holiday name, day off, rest day) or None."""
        if day in self.holidays:
            return self.holidays[day]
        if day in self.days_off:
            return self.days_off[day]
        if day.weekday() in self.rest_weekdays:
            return t("calendar.weekly_rest", weekday=t(f"weekday.{WEEKDAY_NAMES[day.weekday()]}"))
        return None

    def is_holiday(self, day: date) -> bool:
        return day in self.holidays

    def is_work_day(self, day: date) -> bool:
        if day < self.start or (self.end is not None and day > self.end):
            return False
        return self.reason_off(day) is None

    def work_days(self) -> Iterator[date]:
        """Working dates from the start, up to the end when there is one (else without end)."""
        day = self.start
        while self.end is None or day <= self.end:
            if self.reason_off(day) is None:
                yield day
            day += timedelta(days=1)

    def first_work_days(self, count: int) -> tuple[date, ...]:
        """The first ``count`` working dates (fewer when the calendar ends first)."""
        result: list[date] = []
        for day in self.work_days():
            if len(result) >= count:
                break
            result.append(day)
        return tuple(result)

    def work_days_until(self, last: date) -> tuple[date, ...]:
        result: list[date] = []
        for day in self.work_days():
            if day > last:
                break
            result.append(day)
        return tuple(result)


def next_monday(today: date) -> date:
    """The first Monday strictly after ``today`` (the default start of a shoot)."""
    return today + timedelta(days=7 - today.weekday())
