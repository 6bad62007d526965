"""Call sheets as data: one per shoot day, as a 2nd AD hands them out the evening before.

Each sheet: production title, day X of Y, date, general crew call, estimated wrap, the scenes
(number, heading, D/N, eighths, cast ids, location), cast calls (pick-up, makeup, on set), the
locations with address, nearest hospital and sunrise/sunset computed offline with ``astral``
for the location's coordinates, safety notes for stunts, weapons, animals, special effects and
minors from the breakdown, and the advance schedule of the next shoot day. The weather is a
field the production fills in: we never invent a forecast.

Times: the crew call is the schedule's call; a performer is due on set when their first scene
of the day is expected to start (the crew call plus the set-up allowance plus the estimated
minutes of the scenes before it), in makeup ``makeup_minutes`` earlier, picked up
``pickup_minutes`` before that. A performer the config gives a rehearsal or fitting on a shoot
day (``cast.<name>.rehearsal`` / ``fitting``) is on that day's sheet too: with no scene to
shoot they report at the crew call (picked up ``pickup_minutes`` before it, no makeup call),
and the sheet says what they come for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from astral import Observer
from astral.sun import sun

from filmpark.breakdown.model import Breakdown
from filmpark.schedule.problem import Location, Problem
from filmpark.schedule.result import Schedule, ShootDay
from filmpark.units import Eighths

NOTE_CATEGORIES = ("stunts", "weapons", "animals", "sfx")
NOTE_LABELS = {
    "stunts": ("Stunts", "Cảnh nguy hiểm"),
    "weapons": ("Weapons", "Vũ khí"),
    "animals": ("Animals", "Động vật"),
    "sfx": ("Special effects", "Hiệu ứng đặc biệt"),
    "minors": ("Minors", "Diễn viên vị thành niên"),
}
ACTIVITY_LABELS = {
    "rehearsal": ("rehearsal", "tập dượt"),
    "fitting": ("fitting", "thử phục trang"),
}


@dataclass(frozen=True, slots=True)
class CallSheetScene:
    number: str
    heading: str
    int_ext: str
    day_night: str
    eighths: Eighths
    cast_ids: tuple[int, ...]
    location: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class CastCall:
    cast_id: int
    name: str
    character: str
    pickup: str
    makeup: str
    on_set: str
    scenes: tuple[str, ...]
    minor: bool = False
    activities: tuple[str, ...] = ()
    """Besides shooting: ``"rehearsal"`` and/or ``"fitting"`` that day (from the config)."""

    def does(self, lang: str = "en") -> str:
        """The scenes, then the day's rehearsal or fitting, as the sheet prints them."""
        parts = list(self.scenes)
        for activity in self.activities:
            en, vi = ACTIVITY_LABELS[activity]
            parts.append(vi if lang == "vi" else en)
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class CallSheetLocation:
    id: str
    name: str
    address: str
    latitude: float | None
    longitude: float | None
    hospital: str
    sunrise: str
    sunset: str
    stage: bool = False


@dataclass(frozen=True, slots=True)
class CallSheetNote:
    category: str
    scene: str
    text: str
    text_vi: str = ""

    def describe(self, lang: str = "en") -> str:
        return self.text_vi if lang == "vi" and self.text_vi else self.text

    def label(self, lang: str = "en") -> str:
        en, vi = NOTE_LABELS.get(self.category, (self.category, self.category))
        return vi if lang == "vi" else en


@dataclass(frozen=True, slots=True)
class CallSheet:
    title: str
    day_number: int
    total_days: int
    date: dt.date
    crew_call: str
    estimated_wrap: str
    scenes: tuple[CallSheetScene, ...]
    cast: tuple[CastCall, ...]
    locations: tuple[CallSheetLocation, ...]
    notes: tuple[CallSheetNote, ...]
    advance_date: dt.date | None
    advance: tuple[CallSheetScene, ...]
    eighths: Eighths
    weather: str = ""  # left for the production: never invented

    @property
    def filename(self) -> str:
        return f"day-{self.day_number:02d}-{self.date.isoformat()}"


def clock(minutes: int) -> str:
    """``HH:MM`` for minutes after midnight of the shoot day (past midnight wraps, ``+1`` shown)."""
    day, rest = divmod(minutes, 24 * 60)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{text} (+{day})" if day > 0 else text


def sun_times(
    latitude: float | None, longitude: float | None, day: dt.date, timezone: str
) -> tuple[str, str]:
    """Local sunrise and sunset (``HH:MM``), or blanks without coordinates or at polar latitudes."""
    if latitude is None or longitude is None:
        return "", ""
    try:
        times = sun(
            Observer(latitude=latitude, longitude=longitude), date=day, tzinfo=ZoneInfo(timezone)
        )
    except ValueError:  # the sun never rises or never sets that day
        return "", ""
    return times["sunrise"].strftime("%H:%M"), times["sunset"].strftime("%H:%M")


def _scene_line(problem: Problem, breakdown: Breakdown, number: str) -> CallSheetScene:
    job = problem.scene(number)
    sheet = breakdown.scene(number)
    heading = sheet.heading if sheet else f"{job.set_name}"
    return CallSheetScene(
        number=number,
        heading=heading,
        int_ext=job.int_ext.value if job.int_ext else "",
        day_night=job.day_night.value,
        eighths=job.eighths,
        cast_ids=tuple(sorted(job.cast)),
        location=problem.location(job.location).name,
        description=""
        if job.description.strip().upper() == heading.strip().upper()
        else job.description,
    )


def _location(
    location: Location, day: dt.date, timezone: str, hospitals: Mapping[str, str]
) -> CallSheetLocation:
    sunrise, sunset = sun_times(location.latitude, location.longitude, day, timezone)
    return CallSheetLocation(
        id=location.id,
        name=location.name,
        address=location.address,
        latitude=location.latitude,
        longitude=location.longitude,
        hospital=hospitals.get(location.id) or str(location.hospital or ""),
        sunrise=sunrise,
        sunset=sunset,
        stage=location.stage,
    )


def _activities(problem: Problem, day: dt.date) -> dict[int, tuple[str, ...]]:
    """Who rehearses or has a fitting on ``day``, by cast id."""
    found: dict[int, tuple[str, ...]] = {}
    for member in problem.cast:
        doing = tuple(
            name
            for name, days in (("rehearsal", member.rehearsal), ("fitting", member.fitting))
            if day in days
        )
        if doing:
            found[member.id] = doing
    return found


def call_sheets(
    schedule: Schedule,
    breakdown: Breakdown,
    *,
    title: str = "",
    timezone: str = "Asia/Ho_Chi_Minh",
    hospitals: Mapping[str, str] | None = None,
    performers: Mapping[int, str] | None = None,
    setup_minutes: int = 60,
    makeup_minutes: int = 60,
    pickup_minutes: int = 30,
) -> tuple[CallSheet, ...]:
    """One call sheet per shoot day of ``schedule``.

    The nearest hospital of a location and the actor playing a role come from the problem
    (``Location.hospital``, ``CastMember.actor``, both read from the production config);
    ``hospitals`` (location id → "name, address, phone") and ``performers`` (cast id → actor)
    override them where given. What neither gives stays blank for the production to fill in.
    """
    problem = schedule.problem
    hospitals = hospitals or {}
    performers = performers or {}
    days = schedule.days
    sheets: list[CallSheet] = []
    for index, day in enumerate(days):
        following: ShootDay | None = days[index + 1] if index + 1 < len(days) else None
        scenes = tuple(_scene_line(problem, breakdown, number) for number in day.scenes)
        first_scene_start: dict[int, int] = {}
        scenes_of: dict[int, list[str]] = {}
        elapsed = day.call + setup_minutes
        for number in day.scenes:
            job = problem.scene(number)
            for cast_id in job.cast:
                first_scene_start.setdefault(cast_id, elapsed)
                scenes_of.setdefault(cast_id, []).append(number)
            elapsed += job.minutes
        activities = _activities(problem, day.date)
        cast: list[CastCall] = []
        for member_id in sorted(first_scene_start.keys() | activities.keys()):
            performer = problem.member(member_id)
            on_set = first_scene_start.get(member_id)
            if on_set is None:  # no scene today: rehearsal or fitting only, from the crew call
                times = (clock(max(0, day.call - pickup_minutes)), "", clock(day.call))
            else:
                makeup = on_set - makeup_minutes
                times = (
                    clock(max(0, makeup - pickup_minutes)),
                    clock(max(0, makeup)),
                    clock(on_set),
                )
            cast.append(
                CastCall(
                    cast_id=member_id,
                    name=performers.get(member_id) or performer.actor,
                    character=performer.name,
                    pickup=times[0],
                    makeup=times[1],
                    on_set=times[2],
                    scenes=tuple(scenes_of.get(member_id, ())),
                    minor=performer.minor is not None,
                    activities=activities.get(member_id, ()),
                )
            )
        notes: list[CallSheetNote] = []
        for number in day.scenes:
            sheet = breakdown.scene(number)
            if sheet is None:
                continue
            for category in NOTE_CATEGORIES:
                for element in sheet.of(category):
                    quantity = (
                        f" ×{element.quantity}" if element.quantity and element.quantity > 1 else ""
                    )
                    notes.append(CallSheetNote(category, number, f"{element.name}{quantity}"))
        for call in cast:
            member = problem.member(call.cast_id)
            if member.minor is not None:
                limits = member.minor
                age = f", age {member.age}" if member.age is not None else ""
                age_vi = f", {member.age} tuổi" if member.age is not None else ""
                night = "" if limits.night_allowed else "; no night work"
                night_vi = "" if limits.night_allowed else "; không làm việc ban đêm"
                permit = "; work permit on set" if limits.needs_permit else ""
                permit_vi = "; có giấy phép lao động tại hiện trường" if limits.needs_permit else ""
                notes.append(
                    CallSheetNote(
                        "minors",
                        ", ".join(call.scenes),
                        f"{member.name}{age}: at most {limits.max_minutes_per_day // 60} h a day"
                        f"{night}{permit}; a parent or guardian on set",
                        f"{member.name}{age_vi}: tối đa {limits.max_minutes_per_day // 60} giờ/ngày"
                        f"{night_vi}{permit_vi}; cha mẹ hoặc người giám hộ có mặt",
                    )
                )
        locations = tuple(
            _location(problem.location(location_id), day.date, timezone, hospitals)
            for location_id in day.locations
        )
        sheets.append(
            CallSheet(
                title=title or problem.title,
                day_number=day.number,
                total_days=len(days),
                date=day.date,
                crew_call=clock(day.call),
                estimated_wrap=clock(day.wrap),
                scenes=scenes,
                cast=tuple(cast),
                locations=locations,
                notes=tuple(notes),
                advance_date=following.date if following else None,
                advance=tuple(_scene_line(problem, breakdown, n) for n in following.scenes)
                if following
                else (),
                eighths=day.eighths,
            )
        )
    return tuple(sheets)
