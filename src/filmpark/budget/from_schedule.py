"""Budget facts from a solved :class:`~filmpark.schedule.result.Schedule`.

Cast days follow the day-out-of-days rules of the schedule: a performer works on the days a
scene of theirs is shot, is on paid hold on every working day between their first and last
work day that they do not work, except for gaps their drop/pick-up agreement lets the
production drop (longer than the agreement's threshold in calendar days, largest gaps first, at
most ``max_drops`` of them). Extras on a day: the largest count among the day's scenes at each
location, summed over the locations (the same crowd stays for the scenes of one set).
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from decimal import Decimal

from filmpark.budget.facts import CastDays, DayFacts, LocationFacts, ScheduleFacts
from filmpark.budget.labour import DayType
from filmpark.schedule.problem import Problem
from filmpark.schedule.result import Schedule, ShootDay


def day_type(problem: Problem, day: ShootDay) -> DayType:
    calendar = problem.calendar
    if calendar.is_holiday(day.date):
        return DayType.HOLIDAY
    if day.date.weekday() in calendar.rest_weekdays or day.date in calendar.days_off:
        return DayType.REST_DAY
    return DayType.WORK_DAY


def cast_days(schedule: Schedule) -> tuple[CastDays, ...]:
    """Work and paid hold days of each performer who works at least once."""
    problem = schedule.problem
    days = schedule.days
    if not days:
        return ()
    slots = list(problem.calendar.work_days_until(days[-1].date))
    for day in days:  # a strip locked onto a holiday or rest day is still a shoot day
        if day.date not in slots:
            slots.append(day.date)
    slots.sort()
    index = {when: i for i, when in enumerate(slots)}
    scene_cast = {scene.number: scene.cast for scene in problem.scenes}
    worked: dict[int, list[int]] = {}
    for day in days:
        for cast_id in sorted({c for number in day.scenes for c in scene_cast[number]}):
            worked.setdefault(cast_id, []).append(index[day.date])
    result: list[CastDays] = []
    for member in problem.cast:
        indices = sorted(worked.get(member.id, []))
        if not indices:
            continue
        idle = indices[-1] - indices[0] + 1 - len(indices)
        agreement = member.drop_pickup
        saved = 0
        if agreement and agreement.max_drops > 0:
            gaps = [
                b - a - 1
                for a, b in itertools.pairwise(indices)
                if b - a - 1 > 0 and (slots[b] - slots[a]).days - 1 > agreement.gap_days
            ]
            saved = sum(sorted(gaps, reverse=True)[: agreement.max_drops])
        result.append(
            CastDays(
                cast_id=member.id,
                name=member.name,
                daily_rate=member.daily_rate,
                work_days=len(indices),
                hold_days=idle - saved,
                travel_days=0,
                work_dates=tuple(slots[i] for i in indices),
            )
        )
    return tuple(result)


def schedule_facts(
    schedule: Schedule, *, cast: tuple[CastDays, ...] | None = None
) -> ScheduleFacts:
    """The facts the budget costs; ``cast`` overrides the performers' days (e.g. from a DOOD)."""
    problem = schedule.problem
    jobs = {scene.number: scene for scene in problem.scenes}
    days: list[DayFacts] = []
    for day in schedule.days:
        crowd: dict[str, int] = {}
        for number in day.scenes:
            job = jobs[number]
            crowd[job.location] = max(crowd.get(job.location, 0), job.extras)
        start = datetime.combine(day.date, datetime.min.time()) + timedelta(minutes=day.call)
        days.append(
            DayFacts(
                number=day.number,
                date=day.date,
                day_type=day_type(problem, day),
                start=start,
                hours=Decimal(max(0, day.wrap - day.call)) / Decimal(60),
                cast=tuple(sorted({c for number in day.scenes for c in jobs[number].cast})),
                extras=sum(crowd.values()),
                locations=day.locations,
            )
        )
    return ScheduleFacts(
        days=tuple(days),
        cast=cast if cast is not None else cast_days(schedule),
        locations=tuple(
            LocationFacts(location.id, location.name, stage=location.stage)
            for location in problem.locations
        ),
        work_days_per_week=problem.calendar.work_days_per_week,
    )
