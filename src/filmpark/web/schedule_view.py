"""The schedule as the pages show it: strips, day and week breaks, day out of days, one-liner.

Built from the platform's stored ``Schedule.1`` document (the days and their scenes), the
script's ``Script.1`` scene facts (heading, INT/EXT, time, eighths) and the breakdown's cast,
so a strip moved by hand shows its new day and the day-out-of-days follows at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from filmpark.units import Eighths

# Times of day that are shot as night (English and Vietnamese headings).
_NIGHT_WORDS = ("NIGHT", "ĐÊM", "TỐI", "EVENING", "MIDNIGHT", "DUSK", "HOÀNG HÔN")


@dataclass(frozen=True, slots=True)
class SceneFacts:
    number: str
    heading: str
    int_ext: str
    day_night: str  # "D" | "N"
    location: str
    eighths: int
    cast: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Strip:
    scene: str
    heading: str
    int_ext: str
    day_night: str
    css: str
    eighths: str
    cast_ids: str
    locked: bool
    position: int


@dataclass(frozen=True, slots=True)
class BoardDay:
    number: int
    date: date | None
    eighths: str
    minutes: int
    strips: tuple[Strip, ...]
    week_break_after: int | None  # the number of the week that ends after this day


@dataclass(frozen=True, slots=True)
class DoodRow:
    cast_id: int
    name: str
    codes: tuple[str, ...]
    work: int
    hold: int
    start: date | None
    finish: date | None


def _parse_date(value: Any) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def day_night(time: str | None, given: str | None = None) -> str:
    """``N`` for a night scene, else ``D`` (dawn and day light are shot as day)."""
    if given in ("N", "NIGHT"):
        return "N"
    if given in ("D", "DAY", "DAWN"):
        return "D"
    words = (time or "").upper()
    return "N" if any(word in words for word in _NIGHT_WORDS) else "D"


def strip_class(int_ext: str, night: str) -> str:
    """The industry strip colour: INT·DAY white, EXT·DAY yellow, INT·NIGHT blue, EXT·NIGHT green."""
    outside = int_ext.startswith("EXT") or int_ext in ("I/E", "INT/EXT")
    if int_ext == "INT/EXT":
        outside = True
    kind = "ext" if outside else "int"
    return f"{kind}-{'night' if night == 'N' else 'day'}"


def scene_facts(
    script: Mapping[str, Any] | None, breakdown: Mapping[str, Any] | None
) -> dict[str, SceneFacts]:
    """Each scene's strip facts, from Script.1 and (for cast and D/N) Breakdown.1."""
    facts: dict[str, SceneFacts] = {}
    broken: dict[str, Mapping[str, Any]] = {}
    if breakdown:
        for scene in breakdown.get("scenes", []) or []:
            if isinstance(scene, Mapping):
                broken[str(scene.get("number"))] = scene
    for scene in (script or {}).get("scenes", []) or []:
        if not isinstance(scene, Mapping):
            continue
        number = str(scene.get("number"))
        other = broken.get(number, {})
        elements = other.get("elements") or {}
        cast_items = elements.get("cast", []) if isinstance(elements, Mapping) else []
        cast = tuple(
            str(item.get("name")) for item in cast_items if isinstance(item, Mapping)
        ) or tuple(str(name) for name in scene.get("speaking", []) or [])
        facts[number] = SceneFacts(
            number=number,
            heading=str(scene.get("heading", "")),
            int_ext=str(scene.get("int_ext") or other.get("int_ext") or "INT"),
            day_night=day_night(scene.get("time"), other.get("day_night")),
            location=str(scene.get("location", "")),
            eighths=int(scene.get("eighths", 0) or 0),
            cast=cast,
        )
    return facts


def cast_numbers(facts: Mapping[str, SceneFacts]) -> dict[str, int]:
    """Cast ids as a 1st AD gives them: most scenes first, ties by first appearance."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for position, scene in enumerate(facts.values()):
        for name in dict.fromkeys(scene.cast):
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, position)
    ordered = sorted(counts, key=lambda n: (-counts[n], first[n], n))
    return {name: index for index, name in enumerate(ordered, start=1)}


def locks_of(document: Mapping[str, Any]) -> set[str]:
    """The scenes a person locked (to a shoot date, or to a day of an older document)."""
    return {
        str(item["scene"])
        for item in document.get("locks", []) or []
        if isinstance(item, Mapping) and "scene" in item and ("date" in item or "day" in item)
    }


def board(document: Mapping[str, Any], facts: Mapping[str, SceneFacts]) -> tuple[BoardDay, ...]:
    """The stripboard: one entry per shoot day with its strips, and where each week ends."""
    ids = cast_numbers(facts)
    locks = locks_of(document)
    raw_days = [d for d in document.get("days", []) or [] if isinstance(d, Mapping)]
    dates = [_parse_date(d.get("date")) for d in raw_days]
    days: list[BoardDay] = []
    week = 1
    for index, day in enumerate(raw_days):
        strips = []
        for position, scene in enumerate(day.get("scenes", []) or []):
            number = str(scene)
            fact = facts.get(number)
            if fact is None:
                strips.append(
                    Strip(number, "", "", "", "int-day", "", "", number in locks, position)
                )
                continue
            cast_ids = ", ".join(str(i) for i in sorted(ids[c] for c in dict.fromkeys(fact.cast)))
            strips.append(
                Strip(
                    scene=number,
                    heading=fact.heading,
                    int_ext=fact.int_ext,
                    day_night=fact.day_night,
                    css=strip_class(fact.int_ext, fact.day_night),
                    eighths=str(Eighths(fact.eighths)) if fact.eighths else "",
                    cast_ids=cast_ids,
                    locked=number in locks,
                    position=position,
                )
            )
        here, following = dates[index], dates[index + 1] if index + 1 < len(dates) else None
        week_ends = None
        if (
            here is not None
            and following is not None
            and (following.isocalendar()[:2] != here.isocalendar()[:2])
        ):
            week_ends = week
            week += 1
        eighths = day.get("eighths")
        days.append(
            BoardDay(
                number=index + 1,
                date=here,
                eighths=str(Eighths(int(eighths))) if isinstance(eighths, int) else "",
                minutes=int(day.get("minutes", 0) or 0),
                strips=tuple(strips),
                week_break_after=week_ends,
            )
        )
    return tuple(days)


def day_out_of_days(
    days: Sequence[BoardDay], facts: Mapping[str, SceneFacts]
) -> tuple[DoodRow, ...]:
    """Each performer's code per shoot day: SW, W, WF, SWF, and H for paid days between."""
    ids = cast_numbers(facts)
    working: dict[str, set[int]] = {name: set() for name in ids}
    for index, day in enumerate(days):
        for strip in day.strips:
            fact = facts.get(strip.scene)
            for name in fact.cast if fact else ():
                working[name].add(index)
    rows: list[DoodRow] = []
    for name, cast_id in sorted(ids.items(), key=lambda item: item[1]):
        worked = working[name]
        if not worked:
            continue
        first, last = min(worked), max(worked)
        codes = []
        for index in range(len(days)):
            if index in worked:
                if first == last:
                    codes.append("SWF")
                elif index == first:
                    codes.append("SW")
                elif index == last:
                    codes.append("WF")
                else:
                    codes.append("W")
            elif first < index < last:
                codes.append("H")
            else:
                codes.append("")
        rows.append(
            DoodRow(
                cast_id=cast_id,
                name=name,
                codes=tuple(codes),
                work=len(worked),
                hold=sum(1 for c in codes if c == "H"),
                start=days[first].date,
                finish=days[last].date,
            )
        )
    return tuple(rows)
