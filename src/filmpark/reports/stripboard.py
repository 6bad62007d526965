"""The stripboard as data: one coloured strip per scene in shooting order, with banners.

Strip colours follow the trade (DOMAIN.md): INT·DAY white, EXT·DAY yellow, INT·NIGHT blue,
EXT·NIGHT green; day breaks black, week breaks orange, holidays red. Sources swap the two night
colours, so the :class:`Palette` is a parameter. Banners mark the end of each day (day number,
date, pages), the end of each week, days off inside the shoot (holiday, rest day, dark day) and
company moves between locations within a day. Banner texts are given in English or Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from filmpark.schedule.result import Schedule, ShootDay
from filmpark.screenplay.model import DayNight, IntExt
from filmpark.units import Eighths


class StripKind(Enum):
    SCENE = "scene"
    DAY_BREAK = "day_break"
    WEEK_BREAK = "week_break"
    DAY_OFF = "day_off"
    HOLIDAY = "holiday"
    COMPANY_MOVE = "company_move"


@dataclass(frozen=True, slots=True)
class Palette:
    """Strip and banner colours (hex)."""

    int_day: str = "#ffffff"
    ext_day: str = "#fff176"
    int_night: str = "#64b5f6"
    ext_night: str = "#81c784"
    day_break: str = "#000000"
    week_break: str = "#fb8c00"
    holiday: str = "#e53935"
    day_off: str = "#bdbdbd"
    company_move: str = "#8d6e63"

    def scene_colour(self, int_ext: IntExt | None, day_night: DayNight) -> str:
        night = day_night is DayNight.NIGHT
        exterior = int_ext is IntExt.EXT
        if night:
            return self.ext_night if exterior else self.int_night
        return self.ext_day if exterior else self.int_day


LABELS = {
    "en": {
        "end_of_day": "End of day {number} — {date} — {pages} pages",
        "end_of_week": "End of week {number}",
        "holiday": "Holiday: {name}",
        "day_off": "No shooting: {name}",
        "dark": "dark day",
        "move": "Company move: {origin} → {destination} ({minutes} min)",
    },
    "vi": {
        "end_of_day": "Hết ngày quay {number} — {date} — {pages} trang",
        "end_of_week": "Hết tuần {number}",
        "holiday": "Ngày lễ: {name}",
        "day_off": "Nghỉ quay: {name}",
        "dark": "ngày không quay",
        "move": "Di chuyển đoàn: {origin} → {destination} ({minutes} phút)",
    },
}


@dataclass(frozen=True, slots=True)
class Strip:
    """A strip or a banner of the board."""

    kind: StripKind
    colour: str
    text: str
    scene: str | None = None
    day_number: int | None = None
    date: date | None = None
    int_ext: IntExt | None = None
    day_night: DayNight | None = None
    set_name: str = ""
    location: str = ""
    eighths: Eighths | None = None
    minutes: int = 0
    cast: tuple[int, ...] = ()
    locked: bool = False


@dataclass(frozen=True, slots=True)
class Stripboard:
    title: str
    strips: tuple[Strip, ...]
    palette: Palette
    language: str

    def scenes(self) -> tuple[Strip, ...]:
        return tuple(strip for strip in self.strips if strip.kind is StripKind.SCENE)


def _labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def stripboard(
    schedule: Schedule, *, palette: Palette | None = None, language: str = "en"
) -> Stripboard:
    """The stripboard of ``schedule`` with banners, in ``language`` (``en`` or ``vi``)."""
    palette = palette or Palette()
    labels = _labels(language)
    problem = schedule.problem
    locked = {lock.scene for lock in problem.locks}
    names = {location.id: location.name for location in problem.locations}
    strips: list[Strip] = []
    week = 1
    previous: ShootDay | None = None
    for day in schedule.days:
        if previous is not None:
            if day.date.isocalendar()[:2] != previous.date.isocalendar()[:2]:
                strips.append(
                    Strip(
                        StripKind.WEEK_BREAK,
                        palette.week_break,
                        labels["end_of_week"].format(number=week),
                    )
                )
                week += 1
            gap = previous.date + timedelta(days=1)
            while gap < day.date:
                reason = problem.calendar.reason_off(gap)
                if problem.calendar.is_holiday(gap):
                    strips.append(
                        Strip(
                            StripKind.HOLIDAY,
                            palette.holiday,
                            labels["holiday"].format(name=reason),
                            date=gap,
                        )
                    )
                elif reason is None or gap in problem.calendar.days_off:
                    strips.append(
                        Strip(
                            StripKind.DAY_OFF,
                            palette.day_off,
                            labels["day_off"].format(name=reason or labels["dark"]),
                            date=gap,
                        )
                    )
                gap += timedelta(days=1)
        current_location: str | None = None
        for number in day.scenes:
            scene = problem.scene(number)
            if current_location is not None and scene.location != current_location:
                strips.append(
                    Strip(
                        StripKind.COMPANY_MOVE,
                        palette.company_move,
                        labels["move"].format(
                            origin=names.get(current_location, current_location),
                            destination=names.get(scene.location, scene.location),
                            minutes=problem.travel(current_location, scene.location),
                        ),
                        day_number=day.number,
                        date=day.date,
                    )
                )
            current_location = scene.location
            int_ext = scene.int_ext.value if scene.int_ext else ""
            strips.append(
                Strip(
                    kind=StripKind.SCENE,
                    colour=palette.scene_colour(scene.int_ext, scene.day_night),
                    text=f"{number} {int_ext} {scene.set_name} {scene.day_night.value}".strip(),
                    scene=number,
                    day_number=day.number,
                    date=day.date,
                    int_ext=scene.int_ext,
                    day_night=scene.day_night,
                    set_name=scene.set_name,
                    location=names.get(scene.location, scene.location),
                    eighths=scene.eighths,
                    minutes=scene.minutes,
                    cast=scene.cast,
                    locked=number in locked,
                )
            )
        strips.append(
            Strip(
                StripKind.DAY_BREAK,
                palette.day_break,
                labels["end_of_day"].format(
                    number=day.number, date=day.date.isoformat(), pages=str(day.eighths)
                ),
                day_number=day.number,
                date=day.date,
                eighths=day.eighths,
                minutes=day.load_minutes,
            )
        )
        previous = day
    return Stripboard(
        problem.title, tuple(strips), palette, language if language in LABELS else "en"
    )
