"""From a script, its breakdown and a production config to a scheduling :class:`Problem`.

Reads only the documented fields of the breakdown (scene number, heading facts, eighths, and
the active elements' category, name and quantity) and of the script (scene headings, omitted
scenes). Scenes whose set the config does not place at a named location get a location of
their own, named after the set.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from filmpark.breakdown.model import Breakdown, SceneBreakdown
from filmpark.errors import ConfigError
from filmpark.schedule.calendar import ShootCalendar, public_holidays
from filmpark.schedule.config import ProductionConfig
from filmpark.schedule.estimate import estimate_minutes
from filmpark.schedule.problem import (
    ALWAYS,
    CastMember,
    DropPickup,
    Location,
    Lock,
    MinorLimits,
    Precedence,
    Problem,
    SceneJob,
)
from filmpark.screenplay.model import IntExt, Script
from filmpark.text import t


def _fold(text: str) -> str:
    return " ".join(text.upper().split())


def _title(text: str) -> str:
    """``SÁU'S HOUSE`` -> ``Sáu's House`` (str.title would capitalise after the apostrophe)."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())


def set_name_of(scene: SceneBreakdown, script: Script | None) -> str:
    """The set (first part of the heading's place) a scene is shot on."""
    if script is not None:
        for candidate in script.scenes:
            if candidate.number.text == scene.number:
                return candidate.heading.set_name or candidate.heading.text
    place = scene.location or scene.heading
    return place.split(" - ")[0].strip() or scene.heading


def _count(scene: SceneBreakdown, category: str) -> int:
    return sum(element.quantity or 1 for element in scene.of(category))


def build_problem(script: Script | None, breakdown: Breakdown, config: ProductionConfig) -> Problem:
    """The scheduling problem of ``breakdown`` under ``config`` (``script`` may be None)."""
    rules = config.rules
    notices: list[str] = []
    omitted = {s.number.text for s in script.scenes if s.omitted} if script else set()
    scenes = [scene for scene in breakdown.scenes if scene.number not in omitted]
    cast_ids = breakdown.cast_ids()
    ages = {_fold(entry.name): entry.age for entry in config.cast if entry.age is not None}

    # locations: the config's, then one per set nobody placed
    set_to_location: dict[str, str] = {}
    for location in config.locations:
        for set_name in location.sets:
            set_to_location[_fold(set_name)] = location.id
        set_to_location.setdefault(_fold(location.id), location.id)
    locations: dict[str, Location] = {
        location.id: Location(
            id=location.id,
            name=location.name,
            availability=location.availability,
            address=location.address,
            latitude=location.latitude,
            longitude=location.longitude,
            stage=location.stage,
            hospital=location.hospital,
        )
        for location in config.locations
    }
    jobs: list[SceneJob] = []
    used_locations: set[str] = set()
    script_numbers = {scene.number for scene in scenes}
    for number, line in config.day_for_night:
        if number not in script_numbers:
            raise ConfigError(
                t("config.no_scene_in_script", scene=number),
                key="day_for_night",
                line=line,
                source=config.source,
            )
    day_for_night = {number for number, _ in config.day_for_night}
    for scene in scenes:
        set_name = set_name_of(scene, script)
        location_id = set_to_location.get(_fold(set_name))
        if location_id is None:
            location_id = _fold(set_name)
            locations.setdefault(location_id, Location(id=location_id, name=_title(set_name)))
        used_locations.add(location_id)
        names = scene.names("cast")
        minors = sum(1 for name in names if (ages.get(_fold(name)) or 99) < 18)
        estimate = estimate_minutes(
            scene.eighths,
            int_ext=scene.int_ext,
            day_night=scene.day_night,
            stunts=len(scene.of("stunts")),
            extras=_count(scene, "extras"),
            vehicles=len(scene.of("vehicles")),
            animals=len(scene.of("animals")),
            sfx=len(scene.of("sfx")),
            minors=minors,
            factors=config.estimate,
            override=config.scene_minutes.get(scene.number),
        )
        jobs.append(
            SceneJob(
                number=scene.number,
                set_name=set_name,
                location=location_id,
                int_ext=scene.int_ext,
                day_night=scene.day_night,
                eighths=scene.eighths,
                minutes=estimate.minutes,
                cast=tuple(sorted(cast_ids[name] for name in names if name in cast_ids)),
                extras=_count(scene, "extras"),
                description=scene.heading,
                day_for_night=scene.number in day_for_night,
            )
        )
    numbers = {job.number for job in jobs}
    for number in config.scene_minutes:
        if number not in numbers:
            notices.append(t("notice.estimate_unknown_scene", scene=number))
    for location in config.locations:
        if location.id not in used_locations:
            notices.append(
                t("notice.location_unused", location=repr(location.id), line=location.line)
            )
    unlocated = sorted(
        locations[job.location].name
        for job in jobs
        if job.int_ext in (IntExt.EXT, IntExt.INT_EXT) and locations[job.location].latitude is None
    )
    if unlocated:
        distinct = list(dict.fromkeys(unlocated))
        places: str = ", ".join(distinct[:5])
        if len(distinct) > 5:
            places = t("notice.and_more", places=places, count=len(distinct) - 5)
        notices.append(t("notice.no_coordinates", places=places))

    # cast
    default_drop = (
        DropPickup(rules.drop_gap_days, rules.drop_count)
        if rules.drop_gap_days is not None and rules.drop_count > 0
        else None
    )
    members: list[CastMember] = []
    for name, cast_id in sorted(cast_ids.items(), key=lambda item: item[1]):
        entry = config.cast_entry(name)
        minor: MinorLimits | None = None
        age = entry.age if entry else None
        if age is not None:
            band = rules.minor_band(age)
            if band is not None:
                minor = MinorLimits(
                    band.max_minutes_per_day,
                    band.max_minutes_per_week,
                    band.night_allowed,
                    band.cite(),
                    needs_permit=age < band.permit_under_age,
                )
                if minor.needs_permit:
                    notices.append(t("notice.minor_permit", name=name, age=age, source=band.cite()))
        members.append(
            CastMember(
                id=cast_id,
                name=name,
                daily_rate=(entry.rate if entry and entry.rate else config.cast_default_rate),
                availability=entry.availability if entry else ALWAYS,
                contract_start=entry.contract_start if entry else None,
                contract_finish=entry.contract_finish if entry else None,
                drop_pickup=(
                    entry.drop_pickup if entry and entry.drop_pickup_given else default_drop
                ),
                age=age,
                minor=minor,
                actor=entry.actor if entry else "",
                travel=entry.travel if entry else (),
                rehearsal=entry.rehearsal if entry else (),
                fitting=entry.fitting if entry else (),
            )
        )
    for entry in config.cast:
        if not any(_fold(entry.name) == _fold(name) for name in cast_ids):
            notices.append(t("notice.cast_unknown", name=repr(entry.name), line=entry.line))

    # precedences and locks name scenes of the script
    def known(number: str, key: str, line: int) -> str:
        if number not in numbers:
            raise ConfigError(
                t("config.no_scene_in_script", scene=number),
                key=key,
                line=line,
                source=config.source,
            )
        return number

    precedences = [
        Precedence(
            known(rule.after, "precedences.after", rule.line),
            known(rule.scene, "precedences.scene", rule.line),
            rule.reason,
        )
        for rule in config.precedences
    ]
    locks = [
        Lock(known(lock.scene, "locks.scene", lock.line), lock.on_date, lock.day, lock.position)
        for lock in config.locks
    ]
    holidays = (
        public_holidays(
            rules.holidays_country,
            range(config.start.year, (config.end or config.start).year + 3),
            config.rest_weekdays,
            substitute=rules.substitute_holidays,
        )
        if config.public_holidays
        else {}
    )
    calendar = ShootCalendar(
        start=config.start,
        rest_weekdays=config.rest_weekdays,
        holidays=MappingProxyType(holidays),
        days_off=config.days_off,
        end=config.end,
    )
    return Problem(
        calendar=calendar,
        rules=rules,
        scenes=tuple(jobs),
        cast=tuple(members),
        locations=tuple(locations[loc] for loc in _ordered(locations, used_locations)),
        travel_minutes=config.travel,
        default_travel_minutes=config.travel_default_minutes,
        precedences=tuple(precedences),
        locks=tuple(locks),
        weights=config.weights,
        currency=config.currency,
        title=config.title or (script.title if script and script.title else ""),
        notices=tuple(notices),
    )


def _ordered(locations: dict[str, Location], used: Iterable[str]) -> list[str]:
    wanted = set(used)
    return [loc for loc in locations if loc in wanted]
