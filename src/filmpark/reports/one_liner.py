"""The one-line schedule: each shoot day with one line per scene, as a 1st AD hands it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from filmpark.schedule.result import Schedule
from filmpark.units import Eighths


@dataclass(frozen=True, slots=True)
class OneLine:
    scene: str
    int_ext: str
    set_name: str
    day_night: str
    eighths: Eighths
    minutes: int
    cast: tuple[int, ...]
    location: str
    description: str


@dataclass(frozen=True, slots=True)
class OneLinerDay:
    number: int
    date: date
    lines: tuple[OneLine, ...]
    eighths: Eighths
    minutes: int
    call: str
    locations: tuple[str, ...]
    company_moves: int


@dataclass(frozen=True, slots=True)
class OneLiner:
    title: str
    days: tuple[OneLinerDay, ...]
    total_eighths: Eighths


def _clock(minutes: int) -> str:
    hours, rest = divmod(minutes % 1440, 60)
    return f"{hours:02d}:{rest:02d}"


def one_liner(schedule: Schedule) -> OneLiner:
    """The one-liner of ``schedule``."""
    problem = schedule.problem
    names = {location.id: location.name for location in problem.locations}
    days = []
    for day in schedule.days:
        lines = []
        for number in day.scenes:
            scene = problem.scene(number)
            lines.append(
                OneLine(
                    scene=number,
                    int_ext=scene.int_ext.value if scene.int_ext else "",
                    set_name=scene.set_name,
                    day_night=scene.day_night.value,
                    eighths=scene.eighths,
                    minutes=scene.minutes,
                    cast=scene.cast,
                    location=names.get(scene.location, scene.location),
                    description=scene.description,
                )
            )
        days.append(
            OneLinerDay(
                number=day.number,
                date=day.date,
                lines=tuple(lines),
                eighths=day.eighths,
                minutes=day.load_minutes,
                call=_clock(day.call),
                locations=tuple(names.get(loc, loc) for loc in day.locations),
                company_moves=day.company_moves,
            )
        )
    total = Eighths(sum(day.eighths.value for day in schedule.days))
    return OneLiner(problem.title, tuple(days), total)
