"""Benchmark of the shooting-schedule optimiser on a generated feature-size production.

A seeded generator builds 120 scenes, 25 cast members, 20 locations, availability windows,
precedences and about two weeks of night work; the run reports the time to the first feasible
schedule, then the objective, the lower bound and the gap after the time limit.

    .venv/bin/python benchmarks/schedule.py --seed 1 --time-limit 60
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from filmpark.schedule.calendar import ShootCalendar, public_holidays
from filmpark.schedule.estimate import estimate_minutes
from filmpark.schedule.evaluate import violations
from filmpark.schedule.problem import (
    ALWAYS,
    Availability,
    CastMember,
    DateWindow,
    Location,
    Precedence,
    Problem,
    SceneJob,
    Weights,
)
from filmpark.schedule.rules import load_rules
from filmpark.schedule.solve import Progress, solve
from filmpark.screenplay.model import DayNight, IntExt
from filmpark.units import Eighths, Money


def generate(seed: int, scenes: int = 120, cast: int = 25, locations: int = 20) -> Problem:
    """A feature-size production, the same for the same seed."""
    rng = random.Random(seed)
    rules = load_rules("vn")
    start = date(2027, 3, 1)
    calendar = ShootCalendar(
        start=start,
        rest_weekdays=rules.rest_weekdays,
        holidays=MappingProxyType(
            public_holidays("VN", range(2027, 2028), rules.rest_weekdays, substitute=True)
        ),
    )
    night_locations = set(range(locations - 5, locations))  # five night exteriors: ~two night weeks
    location_list = []
    for index in range(locations):
        availability = ALWAYS
        if index % 7 == 3:  # a few locations open only for a window
            opens = start + timedelta(days=rng.randint(0, 14))
            availability = Availability((DateWindow(opens, opens + timedelta(days=35)),))
        location_list.append(
            Location(id=f"L{index + 1}", name=f"Location {index + 1}", availability=availability)
        )
    members = []
    for index in range(cast):
        rate = rng.choice([2, 3, 5, 8, 12, 20, 30]) * 1_000_000 if index >= 3 else 40_000_000
        availability = ALWAYS
        if index >= 3 and index % 4 == 0:
            first = start + timedelta(days=rng.randint(0, 20))
            availability = Availability(
                (DateWindow(first, first + timedelta(days=rng.randint(20, 40))),)
            )
        members.append(
            CastMember(
                id=index + 1,
                name=f"Cast {index + 1}",
                daily_rate=Money.of(rate, "VND"),
                availability=availability,
            )
        )
    jobs = []
    for index in range(scenes):
        location = rng.randrange(locations)
        night = location in night_locations or rng.random() < 0.08
        present = {1} if rng.random() < 0.7 else set()
        if rng.random() < 0.5:
            present.add(2)
        if rng.random() < 0.35:
            present.add(3)
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            present.add(rng.randint(4, cast))
        eighths = Eighths(rng.choice([2, 3, 4, 5, 6, 7, 8, 10, 12, 16]))
        int_ext = IntExt.EXT if location in night_locations or rng.random() < 0.4 else IntExt.INT
        estimate = estimate_minutes(
            eighths,
            int_ext=int_ext,
            day_night=DayNight.NIGHT if night else DayNight.DAY,
            stunts=int(rng.random() < 0.05),
            extras=rng.choice([0, 0, 0, 10, 40]),
            vehicles=int(rng.random() < 0.1),
        )
        jobs.append(
            SceneJob(
                number=str(index + 1),
                set_name=f"SET {index % 40}",
                location=f"L{location + 1}",
                int_ext=int_ext,
                day_night=DayNight.NIGHT if night else DayNight.DAY,
                eighths=eighths,
                minutes=estimate.minutes,
                cast=tuple(sorted(present)),
            )
        )
    precedences = []
    while len(precedences) < 12:
        a, b = sorted(rng.sample(range(scenes), 2))
        precedences.append(Precedence(str(a + 1), str(b + 1), "story continuity"))
    return Problem(
        calendar=calendar,
        rules=rules,
        scenes=tuple(jobs),
        cast=tuple(members),
        locations=tuple(location_list),
        default_travel_minutes=40,
        precedences=tuple(precedences),
        weights=Weights(),
        currency="VND",
        title=f"generated feature (seed {seed})",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    problem = generate(args.seed)
    first: list[Progress] = []
    log: list[Progress] = []

    def track(step: Progress) -> None:
        if not first:
            first.append(step)
        log.append(step)

    started = time.monotonic()
    schedule = solve(
        problem, time_limit=args.time_limit, seed=args.seed, workers=args.workers, progress=track
    )
    elapsed = time.monotonic() - started
    broken = violations(problem, schedule.days)
    print(
        json.dumps(
            {
                "seed": args.seed,
                "scenes": len(problem.scenes),
                "first_feasible_seconds": round(first[0].seconds, 3) if first else None,
                "first_objective": first[0].objective if first else None,
                "objective": schedule.objective,
                "lower_bound": schedule.lower_bound,
                "gap": round(schedule.gap, 4),
                "optimal": schedule.optimal,
                "status": schedule.status,
                "shoot_days": len(schedule.days),
                "seconds": round(elapsed, 2),
                "hard_rule_violations": broken,
                "improvements": len(log),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
