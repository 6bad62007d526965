"""Budget facts from a solved :class:`~filmpark.schedule.result.Schedule`.

Shoot days keep the schedule's call and wrap (the hours the labour premiums price) and the
calendar's word on the date (working day, weekly rest day, public holiday). Extras on a day: the largest count among the day's scenes at each
location, summed over the locations (the same crowd stays for the scenes of one set).
"""

from __future__ import annotations

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


def schedule_facts(schedule: Schedule, cast: tuple[CastDays, ...]) -> ScheduleFacts:
    """The facts the budget costs; ``cast`` are the performers' paid days from the schedule's
    day-out-of-days (:func:`filmpark.services.plan.cast_days_from_dood`), so cast cost is
    exactly the DOOD's paid days times the rates."""
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
        cast=cast,
        locations=tuple(
            LocationFacts(location.id, location.name, stage=location.stage)
            for location in problem.locations
        ),
        work_days_per_week=problem.calendar.work_days_per_week,
    )
