"""The scheduling problem as pure, frozen data: what the solver reads and nothing else.

A :class:`Problem` is built either from a production config plus a breakdown
(:func:`filmpark.schedule.builders.build_problem`) or directly in code and tests. It holds the
shoot calendar, the work rules of a rule pack, the scenes with their estimated minutes, the cast
with rates, availability and drop/pick-up agreements, the locations with availability and
travel times, precedences, locks and the weights of the objective.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from types import MappingProxyType

from filmpark.errors import ValidationError
from filmpark.schedule.calendar import ShootCalendar
from filmpark.schedule.rules import WorkRules
from filmpark.screenplay.model import DayNight, IntExt
from filmpark.text import Text, join, t
from filmpark.units import Eighths, Money


@dataclass(frozen=True, slots=True)
class DateWindow:
    """An inclusive range of calendar dates."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                "window", t("config.ends_before_start", end=self.end, start=self.start)
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.in_("en")

    def in_(self, lang: str) -> str:
        """``2026-03-02`` or ``2026-03-02 to 2026-03-06`` (``từ ... đến ...`` in Vietnamese)."""
        if self.start == self.end:
            return self.start.isoformat()
        return t("calendar.window", start=self.start.isoformat(), end=self.end.isoformat()).in_(
            lang
        )


@dataclass(frozen=True, slots=True)
class Availability:
    """When someone or something can be used: inside any window (none = always), never on a blackout."""

    windows: tuple[DateWindow, ...] = ()
    blackouts: tuple[DateWindow, ...] = ()

    def allows(self, day: date) -> bool:
        if any(day in blackout for blackout in self.blackouts):
            return False
        return not self.windows or any(day in window for window in self.windows)

    @property
    def unrestricted(self) -> bool:
        return not self.windows and not self.blackouts

    def describe(self) -> Text:
        parts: list[Text] = []
        if self.windows:
            parts.append(t("availability.only", windows=join(", ", self.windows)))
        if self.blackouts:
            parts.append(t("availability.not", windows=join(", ", self.blackouts)))
        return join("; ", parts) if parts else t("availability.always")


ALWAYS = Availability()


@dataclass(frozen=True, slots=True)
class DropPickup:
    """A drop/pick-up agreement: the performer may be dropped and picked up again, unpaid in
    between, only when the gap between the two work days is longer than ``gap_days`` calendar
    days, and at most ``max_drops`` times (SAG-AFTRA theatrical: 10 days in the US, 14 abroad,
    once per production)."""

    gap_days: int
    max_drops: int = 1

    def __post_init__(self) -> None:
        if self.gap_days < 0 or self.max_drops < 0:
            raise ValidationError("drop_pickup", t("problem.negative_drop"))


@dataclass(frozen=True, slots=True)
class MinorLimits:
    """Hour limits of a performer under age (from the rule pack's band for their age)."""

    max_minutes_per_day: int
    max_minutes_per_week: int
    night_allowed: bool
    source: str = ""
    needs_permit: bool = False


@dataclass(frozen=True, slots=True)
class CastMember:
    """A performer: id (the breakdown's cast number), name, daily rate and constraints."""

    id: int
    name: str
    daily_rate: Money
    availability: Availability = ALWAYS
    contract_start: date | None = None
    contract_finish: date | None = None
    drop_pickup: DropPickup | None = None
    age: int | None = None
    minor: MinorLimits | None = None
    actor: str = ""
    """The performer's own name (``name`` is the character); blank until the role is cast."""
    travel: tuple[date, ...] = ()
    rehearsal: tuple[date, ...] = ()
    fitting: tuple[date, ...] = ()

    def can_work(self, day: date) -> bool:
        if self.contract_start and day < self.contract_start:
            return False
        if self.contract_finish and day > self.contract_finish:
            return False
        return self.availability.allows(day)

    def describe_availability(self) -> Text:
        parts: list[Text] = []
        if self.contract_start or self.contract_finish:
            start = (
                self.contract_start.isoformat() if self.contract_start else t("contract.the_start")
            )
            finish = (
                self.contract_finish.isoformat() if self.contract_finish else t("contract.the_end")
            )
            parts.append(t("contract.span", start=start, finish=finish))
        if not self.availability.unrestricted:
            parts.append(self.availability.describe())
        return join("; ", parts) if parts else t("availability.always")


@dataclass(frozen=True, slots=True)
class Hospital:
    """The nearest emergency hospital to a location, as the call sheet prints it."""

    name: str
    address: str = ""
    phone: str = ""

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.address, self.phone) if part)


@dataclass(frozen=True, slots=True)
class Location:
    """A place the company shoots at (a practical location or a stage), holding one or more sets."""

    id: str
    name: str
    availability: Availability = ALWAYS
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    stage: bool = False
    hospital: Hospital | None = None


class DayKind(Enum):
    """What light a shooting day works in, which sets its call time."""

    DAY = "day"
    DAWN = "dawn"
    NIGHT = "night"
    SPLIT = "split"

    @property
    def dark(self) -> bool:
        """Whether the day works into the night (its regime for day/night flips)."""
        return self in (DayKind.NIGHT, DayKind.SPLIT)


@dataclass(frozen=True, slots=True)
class SceneJob:
    """One strip to schedule: a scene with its set, location, cast and estimated minutes."""

    number: str
    set_name: str
    location: str
    int_ext: IntExt | None
    day_night: DayNight
    eighths: Eighths
    minutes: int
    cast: tuple[int, ...] = ()
    extras: int = 0
    description: str = ""
    day_for_night: bool = False

    def __post_init__(self) -> None:
        if self.minutes <= 0:
            raise ValidationError(
                t("field.scene", scene=self.number), t("problem.minutes_positive")
            )

    @property
    def night(self) -> bool:
        """Shot at night (a night scene shot day-for-night is shot in daylight hours)."""
        return self.day_night is DayNight.NIGHT and not self.day_for_night

    @property
    def dawn(self) -> bool:
        """Shot at first light, which needs a pre-dawn call."""
        return self.day_night is DayNight.DAWN


@dataclass(frozen=True, slots=True)
class Precedence:
    """Scene ``after`` is shot on the same day as ``before`` (later in the day) or on a later day."""

    before: str
    after: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Lock:
    """A strip a person pinned: to a date, to a shoot day number, and/or to a position in its day."""

    scene: str
    on_date: date | None = None
    day_number: int | None = None
    position: int | None = None


TERM_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "shoot_days": t("term.shoot_days"),
        "dark_days": t("term.dark_days"),
        "cast_hold": t("term.cast_hold"),
        "company_moves": t("term.company_moves"),
        "location_revisits": t("term.location_revisits"),
        "day_night_flips": t("term.day_night_flips"),
        "overtime": t("term.overtime"),
        "stability": t("term.stability"),
    }
)


@dataclass(frozen=True, slots=True)
class Weights:
    """Price of one unit of each named objective term, in whole units of the production currency.

    ``cast_hold`` multiplies each performer's daily rate per paid hold day (1 = the real cost).
    """

    shoot_day: int = 60_000_000
    dark_day: int = 20_000_000
    cast_hold: int = 1
    company_move: int = 8_000_000
    location_revisit: int = 5_000_000
    day_night_flip: int = 4_000_000
    overtime_minute: int = 150_000
    stability_move: int = 2_000_000

    def __post_init__(self) -> None:
        for name in self.__slots__:
            if getattr(self, name) < 0:
                raise ValidationError(f"weights.{name}", t("problem.negative_weight"))


@dataclass(frozen=True, slots=True)
class Problem:
    """Everything the optimiser needs, already validated and resolved."""

    calendar: ShootCalendar
    rules: WorkRules
    scenes: tuple[SceneJob, ...]
    cast: tuple[CastMember, ...] = ()
    locations: tuple[Location, ...] = ()
    travel_minutes: Mapping[tuple[str, str], int] = field(
        default_factory=lambda: MappingProxyType({})
    )
    default_travel_minutes: int = 30
    precedences: tuple[Precedence, ...] = ()
    locks: tuple[Lock, ...] = ()
    weights: Weights = field(default_factory=Weights)
    currency: str = "VND"
    previous: Mapping[str, date] = field(default_factory=lambda: MappingProxyType({}))
    title: str = ""
    notices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        numbers = [scene.number for scene in self.scenes]
        seen: set[str] = set()
        for number in numbers:
            if number in seen:
                raise ValidationError("scenes", t("problem.scene_twice", scene=number))
            seen.add(number)
        cast_ids = {member.id for member in self.cast}
        location_ids = {location.id for location in self.locations}
        for scene in self.scenes:
            for cast_id in scene.cast:
                if cast_id not in cast_ids:
                    raise ValidationError(
                        t("field.scene", scene=scene.number),
                        t("problem.unknown_cast_id", id=cast_id),
                    )
            if scene.location not in location_ids:
                raise ValidationError(
                    t("field.scene", scene=scene.number),
                    t("problem.unknown_location", location=repr(scene.location)),
                )
        for rule in self.precedences:
            for number in (rule.before, rule.after):
                if number not in seen:
                    raise ValidationError("precedences", t("problem.no_scene", scene=number))
        for lock in self.locks:
            if lock.scene not in seen:
                raise ValidationError("locks", t("problem.no_scene", scene=lock.scene))
        for member in self.cast:
            if member.daily_rate.currency != self.currency:
                raise ValidationError(
                    t("field.cast", name=member.name),
                    t(
                        "problem.rate_currency",
                        rate=member.daily_rate.currency,
                        production=self.currency,
                    ),
                )

    def scene(self, number: str) -> SceneJob:
        for scene in self.scenes:
            if scene.number == number:
                return scene
        raise ValidationError("scene", t("problem.no_scene", scene=number))

    def member(self, cast_id: int) -> CastMember:
        for member in self.cast:
            if member.id == cast_id:
                return member
        raise ValidationError("cast", t("problem.no_cast_id", id=cast_id))

    def location(self, location_id: str) -> Location:
        for location in self.locations:
            if location.id == location_id:
                return location
        raise ValidationError("location", t("problem.no_location", location=repr(location_id)))

    def travel(self, origin: str, destination: str) -> int:
        """Minutes to move the company from one location to another (0 when staying)."""
        if origin == destination:
            return 0
        if (origin, destination) in self.travel_minutes:
            return self.travel_minutes[(origin, destination)]
        if (destination, origin) in self.travel_minutes:
            return self.travel_minutes[(destination, origin)]
        return self.default_travel_minutes

    def min_move_minutes(self) -> int:
        """The shortest move between two different locations (a lower bound on any move)."""
        ids = [location.id for location in self.locations]
        best: int | None = None
        for i, origin in enumerate(ids):
            for destination in ids[i + 1 :]:
                minutes = self.travel(origin, destination)
                best = minutes if best is None else min(best, minutes)
        return best or 0

    def scene_allowed_on(self, scene: SceneJob, day: date) -> bool:
        """Whether every performer and the location of ``scene`` can work on ``day``."""
        if not self.location(scene.location).availability.allows(day):
            return False
        return all(self.member(member).can_work(day) for member in scene.cast)
