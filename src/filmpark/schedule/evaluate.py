"""Pure evaluation of a schedule: order each day, count every named term, check the hard rules.

The CP-SAT model and this module share one definition of every term, so the cost a person reads
is the cost the solver minimised (moves are priced along the real order of the day, which the
model bounds from below with the shortest move).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from filmpark.schedule.problem import DayKind, Problem, SceneJob
from filmpark.schedule.result import CostTerm, Schedule, ShootDay
from filmpark.text import Text, compose, join, t
from filmpark.units import Eighths, Money


def work_dates(problem: Problem, horizon: int) -> tuple[date, ...]:
    """The first ``horizon`` working dates of the calendar: index ``d`` is shoot-day slot ``d``."""
    return problem.calendar.first_work_days(horizon)


def day_kind(scenes: Iterable[SceneJob]) -> DayKind:
    night = day = dawn = False
    for scene in scenes:
        if scene.night:
            night = True
        else:
            day = True
            dawn = dawn or scene.dawn
    if night and day:
        return DayKind.SPLIT
    if night:
        return DayKind.NIGHT
    return DayKind.DAWN if dawn else DayKind.DAY


def call_time(problem: Problem, kind: DayKind) -> int:
    rules = problem.rules
    return {
        DayKind.DAY: rules.day_call,
        DayKind.DAWN: rules.dawn_call,
        DayKind.NIGHT: rules.night_call,
        DayKind.SPLIT: rules.split_call,
    }[kind]


def order_day(
    problem: Problem, numbers: Sequence[str], start_location: str | None = None
) -> list[str]:
    """Shooting order inside a day: day light before night, one visit per location (nearest
    next), precedences kept, position locks honoured; otherwise the given order is kept."""
    scenes = [problem.scene(number) for number in numbers]
    day_locations = {scene.location for scene in scenes if not scene.night}
    night_locations = {scene.location for scene in scenes if scene.night}
    bridges = day_locations & night_locations
    ordered: list[SceneJob] = []
    current = start_location
    for night in (False, True):
        group = [scene for scene in scenes if scene.night is night]
        by_location: dict[str, list[SceneJob]] = {}
        for scene in group:
            by_location.setdefault(scene.location, []).append(scene)
        # the day ends at a location also shot at night that day (the bridge), if there is one
        bridge = (
            None
            if night or not bridges
            else min(bridges, key=lambda loc: list(by_location).index(loc))
        )
        while by_location:
            pool = [loc for loc in by_location if loc != bridge] or list(by_location)
            if current in pool:
                chosen = current
            else:
                here = current
                chosen = min(
                    pool,
                    key=lambda loc: (problem.travel(here, loc) if here else 0, pool.index(loc)),
                )
            ordered.extend(by_location.pop(chosen))
            current = chosen
    order = [scene.number for scene in ordered]
    order = _respect_precedences(problem, order)
    return _apply_positions(problem, order)


def _respect_precedences(problem: Problem, order: list[str]) -> list[str]:
    """A topological order close to ``order``: stay at the current location while possible,
    and prefer a location none of whose scenes still waits for another (one visit each)."""
    inside = set(order)
    rank = {number: i for i, number in enumerate(order)}
    preds: dict[str, set[str]] = defaultdict(set)
    for rule in problem.precedences:
        if rule.before in inside and rule.after in inside:
            preds[rule.after].add(rule.before)
    if not preds:
        return order
    where = {number: problem.scene(number) for number in order}
    result: list[str] = []
    done: set[str] = set()
    remaining = list(order)
    current: str | None = None
    while remaining:
        ready = [n for n in remaining if preds[n] <= done]
        if not ready:  # a cycle: the model never lets one through, keep the order as it is
            return result + remaining
        blocked = {where[n].location for n in remaining if not preds[n] <= done}

        _, pick = min(
            (
                (
                    int(where[n].night),
                    int(where[n].location != current),
                    int(where[n].location in blocked),
                    rank[n],
                ),
                n,
            )
            for n in ready
        )
        result.append(pick)
        done.add(pick)
        remaining.remove(pick)
        current = where[pick].location
    return result


def _apply_positions(problem: Problem, order: list[str]) -> list[str]:
    pinned = {
        lock.scene: lock.position
        for lock in problem.locks
        if lock.position is not None and lock.scene in order
    }
    if not pinned:
        return order
    free = [n for n in order if n not in pinned]
    result: list[str | None] = [None] * len(order)
    for number, position in sorted(pinned.items(), key=lambda item: item[1] or 0):
        slot = min(max((position or 1) - 1, 0), len(order) - 1)
        while result[slot] is not None and slot < len(order) - 1:
            slot += 1
        while result[slot] is not None:
            slot -= 1
        result[slot] = number
    iterator = iter(free)
    return [item if item is not None else next(iterator) for item in result]


@dataclass(frozen=True, slots=True)
class _Counts:
    dark_days: int
    hold: dict[int, int]
    dropped: dict[int, int]
    revisits: int
    flips: int


def build_days(
    problem: Problem, plan: Mapping[date, Sequence[str]], *, keep_order: bool = False
) -> tuple[ShootDay, ...]:
    """Shooting days from a plan (date -> scenes), ordered inside each day unless ``keep_order``."""
    days: list[ShootDay] = []
    previous_location: str | None = None
    for number, day in enumerate(sorted(d for d in plan if plan[d]), start=1):
        names = list(plan[day]) if keep_order else order_day(problem, plan[day], previous_location)
        scenes = [problem.scene(name) for name in names]
        visits: list[str] = []
        for scene in scenes:
            if not visits or visits[-1] != scene.location:
                visits.append(scene.location)
        travel = sum(problem.travel(a, b) for a, b in itertools.pairwise(visits))
        minutes = sum(scene.minutes for scene in scenes)
        kind = day_kind(scenes)
        call = call_time(problem, kind)
        days.append(
            ShootDay(
                number=number,
                date=day,
                scenes=tuple(names),
                eighths=Eighths(sum(scene.eighths.value for scene in scenes)),
                minutes=minutes,
                travel_minutes=travel,
                locations=tuple(dict.fromkeys(visits)),
                company_moves=len(visits) - 1,
                kind=kind,
                call=call,
                wrap=call + minutes + travel,
                overtime_minutes=max(0, minutes + travel - problem.rules.day_minutes),
            )
        )
        previous_location = visits[-1] if visits else previous_location
    return tuple(days)


def _counts(problem: Problem, days: Sequence[ShootDay]) -> _Counts:
    if not days:
        return _Counts(0, {}, {}, 0, 0)
    slots = problem.calendar.work_days_until(days[-1].date)
    index = {day: i for i, day in enumerate(slots)}
    used = {index[day.date]: day for day in days}
    dark = len(slots) - len(days)
    scene_cast = {scene.number: scene.cast for scene in problem.scenes}
    worked: dict[int, list[int]] = defaultdict(list)
    for i, day in sorted(used.items()):
        for cast_id in {c for number in day.scenes for c in scene_cast[number]}:
            worked[cast_id].append(i)
    hold: dict[int, int] = {}
    dropped: dict[int, int] = {}
    for member in problem.cast:
        indices = worked.get(member.id, [])
        if not indices:
            continue
        idle = indices[-1] - indices[0] + 1 - len(indices)
        saved = 0
        agreement = member.drop_pickup
        if agreement and agreement.max_drops > 0:
            gaps = []
            for a, b in itertools.pairwise(indices):
                inner = b - a - 1
                calendar_gap = (slots[b] - slots[a]).days - 1
                if inner > 0 and calendar_gap > agreement.gap_days:
                    gaps.append(inner)
            saved = sum(sorted(gaps, reverse=True)[: agreement.max_drops])
        hold[member.id] = idle - saved
        dropped[member.id] = saved
    revisits = 0
    for location in problem.locations:
        present = [
            location.id in used[i].locations if i in used else False for i in range(len(slots))
        ]
        starts = sum(1 for i, here in enumerate(present) if here and (i == 0 or not present[i - 1]))
        revisits += max(0, starts - 1)
    flips = sum(1 for day in days if day.kind is DayKind.SPLIT)
    for i in range(1, len(slots)):
        if i in used and i - 1 in used:
            night_now = used[i].kind.dark
            night_before = used[i - 1].kind.dark
            flips += night_now != night_before
    return _Counts(dark, hold, dropped, revisits, flips)


def cost_terms(problem: Problem, days: Sequence[ShootDay]) -> tuple[CostTerm, ...]:
    """Every named term of the objective for ``days``, with counts, weights and amounts."""
    weights = problem.weights
    currency = problem.currency
    counts = _counts(problem, days)

    def money(units: int) -> Money:
        return Money(Decimal(units), currency)

    hold_amount = Money.zero(currency)
    hold_days = 0
    details = []
    for member in problem.cast:
        held = counts.hold.get(member.id, 0)
        if held:
            hold_days += held
            hold_amount = hold_amount + member.daily_rate * held * weights.cast_hold
            details.append(compose("{name} {held}", name=member.name, held=held))
        if counts.dropped.get(member.id):
            details.append(
                t("term.dropped_unpaid", name=member.name, count=counts.dropped[member.id])
            )
    moves = sum(day.company_moves for day in days)
    overtime = sum(day.overtime_minutes for day in days)
    moved = 0
    if problem.previous:
        dates = {scene: day.date for day in days for scene in day.scenes}
        moved = sum(
            1
            for scene, before in problem.previous.items()
            if scene in dates and dates[scene] != before
        )
    rows = [
        ("shoot_days", len(days), weights.shoot_day, ""),
        ("dark_days", counts.dark_days, weights.dark_day, ""),
        ("company_moves", moves, weights.company_move, ""),
        ("location_revisits", counts.revisits, weights.location_revisit, ""),
        ("day_night_flips", counts.flips, weights.day_night_flip, ""),
        ("overtime", overtime, weights.overtime_minute, ""),
        ("stability", moved, weights.stability_move, ""),
    ]
    from filmpark.schedule.problem import TERM_LABELS

    terms = [
        CostTerm(name, TERM_LABELS[name], count, weight, money(count * weight), detail)
        for name, count, weight, detail in rows
    ]
    terms.insert(
        1,
        CostTerm(
            "cast_hold",
            TERM_LABELS["cast_hold"],
            hold_days,
            weights.cast_hold,
            hold_amount,
            join(", ", details),
        ),
    )
    return tuple(terms)


def objective_units(problem: Problem, terms: Sequence[CostTerm]) -> int:
    """The objective in whole currency units, as the model counts it (rates rounded per day)."""
    total = 0
    for term in terms:
        if term.name == "cast_hold":
            continue
        total += term.count * term.weight
    return total + _hold_units(problem, terms)


def _hold_units(problem: Problem, terms: Sequence[CostTerm]) -> int:
    for term in terms:
        if term.name == "cast_hold":
            return int(term.amount.amount.to_integral_value())
    return 0


def evaluate(
    problem: Problem,
    plan: Mapping[date, Sequence[str]],
    *,
    lower_bound: int = 0,
    optimal: bool = False,
    status: str = "HEURISTIC",
    seconds: float = 0.0,
    keep_order: bool = False,
    warnings: Sequence[str] = (),
) -> Schedule:
    """A :class:`Schedule` for ``plan`` (date -> scene numbers) with every term counted."""
    days = build_days(problem, plan, keep_order=keep_order)
    terms = cost_terms(problem, days)
    total = Money.zero(problem.currency)
    for term in terms:
        total = total + term.amount
    objective = objective_units(problem, terms)
    all_warnings = list(warnings) + violations(problem, days, soft_only=True)
    return Schedule(
        problem=problem,
        days=days,
        terms=terms,
        total=total,
        objective=objective,
        lower_bound=min(lower_bound, objective),
        optimal=optimal,
        status=status,
        seconds=seconds,
        warnings=tuple(all_warnings),
    )


def violations(
    problem: Problem, days: Sequence[ShootDay], *, soft_only: bool = False
) -> list[Text]:
    """Hard rules the days break, in words (empty for a valid schedule).

    With ``soft_only`` only the checks the model approximates are run (a day whose real travel
    pushes it past the overtime allowance, or its wrap too close to the next call) and reported
    as warnings.
    """
    found: list[Text] = []
    rules = problem.rules
    cap = rules.day_minutes + rules.max_overtime_minutes_per_day
    for day in days:
        if day.load_minutes > cap:
            found.append(
                t(
                    "violation.day_too_long",
                    day=day.number,
                    date=day.date,
                    minutes=day.load_minutes,
                    cap=cap,
                )
            )
    for before, after in itertools.pairwise(days):
        gap = (after.date - before.date).days * 1440 + after.call - before.wrap
        if gap < rules.turnaround_minutes:
            found.append(
                t(
                    "violation.turnaround",
                    hours=gap / 60,
                    wrap=before.date,
                    call=after.date,
                    turnaround=rules.turnaround_minutes / 60,
                )
            )
    if soft_only:
        return found
    seen: dict[str, int] = defaultdict(int)
    dates: dict[str, date] = {}
    for day in days:
        for number in day.scenes:
            seen[number] += 1
            dates[number] = day.date
            if not problem.calendar.is_work_day(day.date):
                found.append(t("violation.not_working_day", scene=number, date=day.date))
            if not problem.scene_allowed_on(problem.scene(number), day.date):
                found.append(t("violation.unavailable", scene=number, date=day.date))
    for scene in problem.scenes:
        if seen[scene.number] != 1:
            found.append(t("violation.shot_times", scene=scene.number, count=seen[scene.number]))
    positions = {number: (day.date, i) for day in days for i, number in enumerate(day.scenes)}
    for rule in problem.precedences:
        if rule.before not in positions or rule.after not in positions:
            continue
        if positions[rule.after] < positions[rule.before]:
            found.append(t("violation.order", after=rule.after, before=rule.before))
        elif (
            positions[rule.after][0] == positions[rule.before][0]
            and problem.scene(rule.before).night
            and not problem.scene(rule.after).night
        ):
            found.append(t("violation.day_after_night", after=rule.after, before=rule.before))
    slots = problem.calendar.work_days_until(days[-1].date) if days else ()
    for lock in problem.locks:
        if lock.scene not in dates:
            continue
        if lock.on_date and dates[lock.scene] != lock.on_date:
            found.append(
                t(
                    "violation.lock_date",
                    scene=lock.scene,
                    locked=lock.on_date,
                    actual=dates[lock.scene],
                )
            )
        if lock.day_number and (
            lock.day_number > len(slots) or slots[lock.day_number - 1] != dates[lock.scene]
        ):
            found.append(t("violation.lock_day", scene=lock.scene, day=lock.day_number))
    for member in problem.cast:
        if member.minor is None:
            continue
        weekly: dict[tuple[int, int], int] = defaultdict(int)
        for day in days:
            scenes = [problem.scene(n) for n in day.scenes if member.id in problem.scene(n).cast]
            minutes = sum(scene.minutes for scene in scenes)
            weekly[day.date.isocalendar()[:2]] += minutes
            if minutes > member.minor.max_minutes_per_day:
                found.append(
                    t("violation.minor_day", name=member.name, minutes=minutes, date=day.date)
                )
            if not member.minor.night_allowed and any(scene.night for scene in scenes):
                found.append(t("violation.minor_night", name=member.name, date=day.date))
        for week, minutes in weekly.items():
            if minutes > member.minor.max_minutes_per_week:
                found.append(
                    t("violation.minor_week", name=member.name, minutes=minutes, week=week[1])
                )
    if rules.max_overtime_minutes_per_month is not None:
        monthly: dict[tuple[int, int], int] = defaultdict(int)
        for day in days:
            monthly[(day.date.year, day.date.month)] += day.overtime_minutes
        for (year, month), minutes in monthly.items():
            if minutes > rules.max_overtime_minutes_per_month:
                found.append(
                    t("violation.monthly_overtime", minutes=minutes, month=f"{year}-{month:02d}")
                )
    used = {day.date for day in days}
    limit = 7 - rules.weekly_rest_days
    for day in days:
        window = sum(1 for other in used if 0 <= (other - day.date).days < 7)
        if window > limit:
            found.append(t("violation.weekly_rest", limit=limit, date=day.date))
    return found
