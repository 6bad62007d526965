"""The schedule as the pages show it: strips, day and week breaks, day out of days, cost terms.

Built from the platform's stored ``Schedule.1`` document (the days and their scenes), the
script's ``Script.1`` scene facts (heading, INT/EXT, time, eighths) and the breakdown's cast.
The day out of days and the cost terms are the engine's own, stored with each version
(:func:`filmpark.reports.dood.day_out_of_days` through ``dood_document``, and the schedule's
named cost terms): the pages show them and never count them a second way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from filmpark.reports.dood import DoodTotals
from filmpark.units import CURRENCY_DECIMALS, Eighths, Money

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
class DoodColumn:
    """A calendar date of the shoot: its shoot-day number, or None when nobody shoots."""

    date: date
    shoot_day: int | None


@dataclass(frozen=True, slots=True)
class DoodRow:
    cast_id: int
    name: str
    actor: str
    codes: tuple[str, ...]
    totals: DoodTotals


@dataclass(frozen=True, slots=True)
class Dood:
    """A stored day out of days: one column per calendar date, one row per performer."""

    columns: tuple[DoodColumn, ...]
    rows: tuple[DoodRow, ...]

    @property
    def hold_days(self) -> int:
        return sum(row.totals.hold for row in self.rows)

    @property
    def paid_days(self) -> int:
        return sum(row.totals.paid for row in self.rows)


@dataclass(frozen=True, slots=True)
class CostTerm:
    """A named term of the schedule's cost: how many (days, moves, minutes) and what it costs."""

    name: str
    count: int
    amount: Money | None
    label: str


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


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def stored_dood(document: Mapping[str, Any]) -> Dood | None:
    """The day out of days stored with a schedule version (``dood``), or None without one."""
    raw = document.get("dood")
    if not isinstance(raw, Mapping):
        return None
    dates = [_parse_date(d) for d in raw.get("dates", []) or []]
    if any(d is None for d in dates):
        return None
    numbers = list(raw.get("shoot_days", []) or [])
    numbers += [None] * (len(dates) - len(numbers))
    columns = tuple(
        DoodColumn(d, n if isinstance(n, int) else None)
        for d, n in zip(dates, numbers, strict=False)
        if d is not None
    )
    rows = []
    for item in raw.get("performers", []) or []:
        if not isinstance(item, Mapping):
            continue
        codes = [str(code) for code in item.get("codes", []) or []]
        codes += [""] * (len(columns) - len(codes))
        given = item.get("totals")
        totals: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
        rows.append(
            DoodRow(
                cast_id=_int(item.get("id")),
                name=str(item.get("name", "")),
                actor=str(item.get("actor", "") or ""),
                codes=tuple(codes[: len(columns)]),
                totals=DoodTotals(
                    work=_int(totals.get("work")),
                    hold=_int(totals.get("hold")),
                    travel=_int(totals.get("travel")),
                    rehearsal=_int(totals.get("rehearsal")),
                    fitting=_int(totals.get("fitting")),
                    idle=_int(totals.get("idle")),
                    holidays=_int(totals.get("holidays")),
                    paid=_int(totals.get("paid")),
                    start=_parse_date(totals.get("start")),
                    finish=_parse_date(totals.get("finish")),
                ),
            )
        )
    return Dood(columns, tuple(rows))


def money_of(value: Any, currency: str) -> Money | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if currency not in CURRENCY_DECIMALS:
        return None
    try:
        return Money(Decimal(str(value)), currency)
    except (InvalidOperation, ValueError):
        return None


def cost_terms(document: Mapping[str, Any]) -> tuple[CostTerm, ...]:
    """The schedule's named cost terms (``cost_terms``) in the order the engine gives them."""
    currency = str(document.get("currency", ""))
    terms = []
    for item in document.get("cost_terms", []) or []:
        if not isinstance(item, Mapping) or not item.get("name"):
            continue
        terms.append(
            CostTerm(
                name=str(item["name"]),
                count=_int(item.get("count")),
                amount=money_of(item.get("amount"), currency),
                label=str(item.get("label", item["name"])),
            )
        )
    return tuple(terms)


def cost_total(document: Mapping[str, Any]) -> Money | None:
    """The schedule's total cost (``cost.total``) in its currency."""
    cost = document.get("cost")
    if not isinstance(cost, Mapping):
        return None
    return money_of(cost.get("total"), str(document.get("currency", "")))
