"""Builders for scheduling tests: a tiny problem in a few lines, every default stated."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from types import MappingProxyType

from filmpark.schedule.calendar import ShootCalendar
from filmpark.schedule.problem import (
    ALWAYS,
    Availability,
    CastMember,
    DateWindow,
    DropPickup,
    Location,
    Lock,
    MinorLimits,
    Precedence,
    Problem,
    SceneJob,
    Weights,
)
from filmpark.schedule.rules import WorkRules, load_rules
from filmpark.screenplay.model import DayNight, IntExt
from filmpark.units import Eighths, Money

MONDAY = date(2027, 3, 1)  # a Monday with no Vietnamese holiday in the following weeks


def a_scene(
    number: str,
    *,
    location: str = "house",
    cast: Iterable[int] = (),
    minutes: int = 120,
    night: bool = False,
    eighths: int = 8,
    exterior: bool = False,
    dawn: bool = False,
) -> SceneJob:
    return SceneJob(
        number=number,
        set_name=location.upper(),
        location=location,
        int_ext=IntExt.EXT if exterior else IntExt.INT,
        day_night=DayNight.NIGHT if night else (DayNight.DAWN if dawn else DayNight.DAY),
        eighths=Eighths(eighths),
        minutes=minutes,
        cast=tuple(cast),
    )


def a_cast_member(
    cast_id: int,
    name: str | None = None,
    *,
    rate: int = 1_000,
    windows: Iterable[tuple[date, date]] = (),
    blackouts: Iterable[tuple[date, date]] = (),
    drop: DropPickup | None = None,
    age: int | None = None,
    minor: MinorLimits | None = None,
) -> CastMember:
    availability = Availability(
        tuple(DateWindow(a, b) for a, b in windows), tuple(DateWindow(a, b) for a, b in blackouts)
    )
    return CastMember(
        id=cast_id,
        name=name or f"Actor {cast_id}",
        daily_rate=Money.of(rate, "VND"),
        availability=availability if (availability.windows or availability.blackouts) else ALWAYS,
        drop_pickup=drop,
        age=age,
        minor=minor,
    )


def a_location(
    location_id: str, *, windows: Iterable[tuple[date, date]] = (), name: str | None = None
) -> Location:
    return Location(
        id=location_id,
        name=name or location_id.title(),
        availability=Availability(tuple(DateWindow(a, b) for a, b in windows)),
    )


def flat_weights(**changes: int) -> Weights:
    """Small round weights so a test can add the cost up by hand."""
    base = Weights(
        shoot_day=1_000,
        dark_day=500,
        cast_hold=1,
        company_move=100,
        location_revisit=50,
        day_night_flip=40,
        overtime_minute=1,
        stability_move=10,
    )
    return replace(base, **changes)


def vn_rules(**changes: object) -> WorkRules:
    return replace(load_rules("vn"), **changes)  # type: ignore[arg-type]


def a_problem(
    scenes: Iterable[SceneJob],
    *,
    cast: Iterable[CastMember] = (),
    locations: Iterable[Location] | None = None,
    start: date = MONDAY,
    end: date | None = None,
    rules: WorkRules | None = None,
    precedences: Iterable[tuple[str, str]] = (),
    locks: Iterable[Lock] = (),
    weights: Weights | None = None,
    travel: Mapping[tuple[str, str], int] | None = None,
    default_travel: int = 30,
    holidays: Mapping[date, str] | None = None,
    previous: Mapping[str, date] | None = None,
) -> Problem:
    scenes = tuple(scenes)
    rules = rules or vn_rules()
    if locations is None:
        locations = [a_location(loc) for loc in dict.fromkeys(s.location for s in scenes)]
    members = list(cast)
    known = {m.id for m in members}
    for scene in scenes:
        for member in scene.cast:
            if member not in known:
                members.append(a_cast_member(member))
                known.add(member)
    return Problem(
        calendar=ShootCalendar(
            start=start,
            rest_weekdays=rules.rest_weekdays,
            holidays=MappingProxyType(dict(holidays or {})),
            end=end,
        ),
        rules=rules,
        scenes=scenes,
        cast=tuple(members),
        locations=tuple(locations),
        travel_minutes=MappingProxyType(dict(travel or {})),
        default_travel_minutes=default_travel,
        precedences=tuple(Precedence(a, b) for a, b in precedences),
        locks=tuple(locks),
        weights=weights or flat_weights(),
        currency="VND",
        previous=MappingProxyType(dict(previous or {})),
    )
