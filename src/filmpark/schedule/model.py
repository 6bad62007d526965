"""The CP-SAT model of the shooting schedule, one builder per rule (the solver module).

:class:`ScheduleModel` owns the decision variables: ``x[s, d]`` is true when scene ``s`` is shot
on shoot-day slot ``d`` (the ``d``-th working date of the calendar). Every builder below adds one
rule and can be tested alone on a tiny problem. Hard rules can be added *guarded*: behind an
assumption literal, so that :mod:`filmpark.schedule.explain` can ask the solver which of them
conflict. Soft rules register a named term of the objective, counted exactly as
:mod:`filmpark.schedule.evaluate` counts it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from filmpark.schedule.problem import MinorLimits, Problem
from filmpark.text import Text, compose, t

Literal = cp_model.IntVar
LinearExpr = cp_model.LinearExpr | int


@dataclass(slots=True)
class Guard:
    """A hard-rule group behind an assumption literal, with the rule in words."""

    literal: cp_model.IntVar
    words: Text
    kind: str


@dataclass(slots=True)
class ScheduleModel:
    """A CP-SAT model under construction: variables, named terms and guards."""

    problem: Problem
    dates: tuple[date, ...]
    guarded: bool = False
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    used: list[cp_model.IntVar] = field(default_factory=list)
    terms: dict[str, LinearExpr] = field(default_factory=dict)
    guards: list[Guard] = field(default_factory=list)
    loc_used: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    moves: list[cp_model.IntVar] = field(default_factory=list)
    has_night: list[cp_model.IntVar] = field(default_factory=list)
    dawn_only: list[cp_model.IntVar] = field(default_factory=list)
    has_day: list[cp_model.IntVar] = field(default_factory=list)
    split: list[cp_model.IntVar] = field(default_factory=list)
    load: list[cp_model.IntVar] = field(default_factory=list)
    overtime: list[cp_model.IntVar] = field(default_factory=list)

    @property
    def slots(self) -> range:
        return range(len(self.dates))

    def guard(self, kind: str, words: Text) -> list[cp_model.IntVar]:
        """The enforcement literals for one hard-rule group ([] when the model is unguarded)."""
        if not self.guarded:
            return []
        literal = self.model.new_bool_var(f"guard_{len(self.guards)}")
        self.guards.append(Guard(literal, words, kind))
        return [literal]

    def scenes_on(self, d: int) -> list[tuple[int, cp_model.IntVar]]:
        return [(s, self.x[(s, d)]) for s in range(len(self.problem.scenes))]


def add_assignment(m: ScheduleModel) -> None:
    """Every scene is shot on exactly one slot; a slot is used when it has a scene."""
    model = m.model
    for s, scene in enumerate(m.problem.scenes):
        for d in m.slots:
            m.x[(s, d)] = model.new_bool_var(f"x_{scene.number}_{d}")
        model.add_exactly_one(m.x[(s, d)] for d in m.slots)
    for d in m.slots:
        used = model.new_bool_var(f"used_{d}")
        model.add_max_equality(used, [var for _, var in m.scenes_on(d)])
        m.used.append(used)
    m.terms["shoot_days"] = sum(m.used)


def add_dark_days(m: ScheduleModel) -> None:
    """Working dates inside the shoot (up to its last day) on which nothing is shot."""
    last = m.model.new_int_var(0, len(m.dates) - 1, "last_slot")
    for d in m.slots:
        m.model.add(last >= d).only_enforce_if(m.used[d])
    m.terms["dark_days"] = last + 1 - sum(m.used)


def add_availability(m: ScheduleModel) -> None:
    """No scene on a date its location or any of its performers cannot work (one group each)."""
    problem = m.problem
    for s, scene in enumerate(problem.scenes):
        location = problem.location(scene.location)
        closed = [d for d, day in enumerate(m.dates) if not location.availability.allows(day)]
        if closed:
            enforce = m.guard(
                "location",
                t(
                    "rule.location_closed",
                    scene=scene.number,
                    location=location.name,
                    availability=location.availability.describe(),
                ),
            )
            for d in closed:
                m.model.add(m.x[(s, d)] == 0).only_enforce_if(enforce)
        for member_id in scene.cast:
            member = problem.member(member_id)
            off = [d for d, day in enumerate(m.dates) if not member.can_work(day)]
            if off:
                enforce = m.guard(
                    "cast",
                    t(
                        "rule.cast_unavailable",
                        name=member.name,
                        availability=member.describe_availability(),
                        scene=scene.number,
                    ),
                )
                for d in off:
                    m.model.add(m.x[(s, d)] == 0).only_enforce_if(enforce)


def slot_of(m: ScheduleModel, s: int) -> LinearExpr:
    return sum(d * m.x[(s, d)] for d in m.slots)


def add_precedences(m: ScheduleModel) -> None:
    """Scene ``after`` is on the same slot as ``before`` or later (the day's order keeps it
    after); a day scene that must follow a night scene goes to a later day, since a working day
    never returns from night to daylight."""
    index = {scene.number: s for s, scene in enumerate(m.problem.scenes)}
    for rule in m.problem.precedences:
        words = t("rule.precedence", after=rule.after, before=rule.before)
        if rule.reason:
            words = compose("{words} ({reason})", words=words, reason=rule.reason)
        enforce = m.guard("precedence", words)
        before = m.problem.scenes[index[rule.before]]
        after = m.problem.scenes[index[rule.after]]
        gap = 1 if before.night and not after.night else 0
        m.model.add(
            slot_of(m, index[rule.after]) >= slot_of(m, index[rule.before]) + gap
        ).only_enforce_if(enforce)


def add_locks(m: ScheduleModel) -> None:
    """Locked strips stay on their date or shoot-day number."""
    index = {scene.number: s for s, scene in enumerate(m.problem.scenes)}
    for lock in m.problem.locks:
        s = index[lock.scene]
        target: int | None = None
        if lock.on_date is not None:
            target = m.dates.index(lock.on_date) if lock.on_date in m.dates else -1
            words = t("rule.lock_date", scene=lock.scene, date=lock.on_date.isoformat())
        elif lock.day_number is not None:
            target = lock.day_number - 1 if lock.day_number <= len(m.dates) else -1
            words = t("rule.lock_day", scene=lock.scene, day=lock.day_number)
        else:
            continue
        enforce = m.guard("lock", words)
        if target < 0:
            m.model.add_bool_or([]).only_enforce_if(
                enforce
            )  # the locked date is outside the calendar
        else:
            m.model.add(m.x[(s, target)] == 1).only_enforce_if(enforce)


def add_locations(m: ScheduleModel) -> None:
    """Locations used per slot, company moves within a day and returns to a location already left.

    A day visits its day-light locations, then its night locations; one location shot both in
    daylight and at night that day is the bridge between the two (one visit saved), so the moves
    of a day are ``day locations + night locations - 1 - (a bridge exists)``.
    """
    model = m.model
    by_light: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for s, scene in enumerate(m.problem.scenes):
        by_light[(scene.location, scene.night)].append(s)
    locations = list(dict.fromkeys(location for location, _ in by_light))
    for d in m.slots:
        visits: list[cp_model.IntVar] = []
        bridges: list[cp_model.IntVar] = []
        for location in locations:
            parts = []
            for night in (False, True):
                members = by_light.get((location, night))
                if not members:
                    continue
                var = model.new_bool_var(f"at_{location}_{int(night)}_{d}")
                model.add_max_equality(var, [m.x[(s, d)] for s in members])
                parts.append(var)
            visits.extend(parts)
            if len(parts) == 1:
                m.loc_used[(location, d)] = parts[0]
            else:
                used = model.new_bool_var(f"at_{location}_{d}")
                model.add_max_equality(used, parts)
                m.loc_used[(location, d)] = used
                bridge = model.new_bool_var(f"bridge_{location}_{d}")
                model.add_bool_and(parts).only_enforce_if(bridge)
                bridges.append(bridge)
        moves = model.new_int_var(0, max(0, len(visits) - 1), f"moves_{d}")
        if bridges:
            any_bridge = model.new_bool_var(f"bridge_{d}")
            model.add_max_equality(any_bridge, bridges)
            model.add(moves >= sum(visits) - 1 - any_bridge)
        else:
            model.add(moves >= sum(visits) - 1)
        m.moves.append(moves)
    m.terms["company_moves"] = sum(m.moves)
    starts: list[cp_model.IntVar] = []
    for location in locations:
        for d in m.slots:
            start = model.new_bool_var(f"start_{location}_{d}")
            if d == 0:
                model.add(start >= m.loc_used[(location, d)])
            else:
                model.add(start >= m.loc_used[(location, d)] - m.loc_used[(location, d - 1)])
            starts.append(start)
    m.terms["location_revisits"] = sum(starts) - len(locations)


def add_light(m: ScheduleModel) -> None:
    """Whether each slot shoots day scenes, night scenes or both (a split day), and the flips."""
    model = m.model
    scenes = m.problem.scenes
    zero = model.new_constant(0)
    for d in m.slots:
        night = model.new_bool_var(f"night_{d}")
        day = model.new_bool_var(f"day_{d}")
        model.add_max_equality(
            night, [m.x[(s, d)] for s, scene in enumerate(scenes) if scene.night] or [zero]
        )
        model.add_max_equality(
            day, [m.x[(s, d)] for s, scene in enumerate(scenes) if not scene.night] or [zero]
        )
        split = model.new_bool_var(f"split_{d}")
        model.add_bool_and([night, day]).only_enforce_if(split)
        model.add_bool_or([night.negated(), day.negated()]).only_enforce_if(split.negated())
        m.has_night.append(night)
        m.has_day.append(day)
        m.split.append(split)
        dawn_scenes = [m.x[(s, d)] for s, scene in enumerate(scenes) if scene.dawn]
        dawn_only = model.new_bool_var(f"dawn_{d}")
        if dawn_scenes:
            dawn = model.new_bool_var(f"has_dawn_{d}")
            model.add_max_equality(dawn, dawn_scenes)
            model.add_bool_and([dawn, night.negated()]).only_enforce_if(dawn_only)
            model.add_bool_or([dawn.negated(), night]).only_enforce_if(dawn_only.negated())
        else:
            model.add(dawn_only == 0)
        m.dawn_only.append(dawn_only)
    flips: list[cp_model.IntVar] = []
    for d in m.slots:
        if d == 0:
            continue
        flip = model.new_bool_var(f"flip_{d}")
        both = 2 - m.used[d] - m.used[d - 1]
        model.add(flip >= m.has_night[d] - m.has_night[d - 1] - both)
        model.add(flip >= m.has_night[d - 1] - m.has_night[d] - both)
        flips.append(flip)
    m.terms["day_night_flips"] = sum(m.split) + sum(flips)


def call_of(m: ScheduleModel, d: int) -> LinearExpr:
    rules = m.problem.rules
    return (
        rules.day_call
        + (rules.night_call - rules.day_call) * (m.has_night[d] - m.split[d])
        + (rules.split_call - rules.day_call) * m.split[d]
        + (rules.dawn_call - rules.day_call) * m.dawn_only[d]
    )


def add_capacity(m: ScheduleModel) -> None:
    """Scene minutes plus travel fit the day plus its overtime.

    Travel is bounded from below without knowing the order: at least the shortest move per
    company move, and at least the shortest way *into* every location of the day but the
    farthest-reached one (a path enters each visited location but the first once).
    """
    problem = m.problem
    rules = problem.rules
    model = m.model
    move = problem.min_move_minutes()
    cap = rules.day_minutes + rules.max_overtime_minutes_per_day
    enforce = m.guard(
        "capacity",
        t(
            "rule.day_capacity",
            hours=rules.day_minutes // 60,
            overtime=rules.max_overtime_minutes_per_day // 60,
        ),
    )
    used_locations = list(dict.fromkeys(scene.location for scene in problem.scenes))
    entry = {
        loc: min(
            (problem.travel(other, loc) for other in used_locations if other != loc), default=0
        )
        for loc in used_locations
    }
    longest = max(entry.values(), default=0)
    horizon_cap = (
        sum(scene.minutes for scene in problem.scenes)
        + sum(entry.values())
        + move * len(used_locations)
    )
    for d in m.slots:
        travel = model.new_int_var(0, horizon_cap, f"travel_{d}")
        model.add(travel >= move * m.moves[d])
        if len(used_locations) > 1 and longest > move:
            farthest = model.new_int_var(0, longest, f"farthest_{d}")
            model.add_max_equality(
                farthest, [entry[loc] * m.loc_used[(loc, d)] for loc in used_locations]
            )
            model.add(
                travel
                >= sum(entry[loc] * m.loc_used[(loc, d)] for loc in used_locations) - farthest
            )
        load = model.new_int_var(0, horizon_cap, f"load_{d}")
        model.add(
            load
            == sum(scene.minutes * m.x[(s, d)] for s, scene in enumerate(problem.scenes)) + travel
        )
        model.add(load <= cap).only_enforce_if(enforce)
        overtime = model.new_int_var(0, horizon_cap, f"overtime_{d}")
        model.add(overtime >= load - rules.day_minutes)
        m.load.append(load)
        m.overtime.append(overtime)
    m.terms["overtime"] = sum(m.overtime)
    # Redundant cuts that tighten the bound: enough days for all the minutes, and overtime at
    # least what those days cannot hold in normal hours.
    total = sum(scene.minutes for scene in m.problem.scenes)
    m.model.add(sum(m.used) >= -(-total // cap)).only_enforce_if(enforce)
    m.model.add(sum(m.overtime) >= total - rules.day_minutes * sum(m.used))
    monthly = rules.max_overtime_minutes_per_month
    if monthly is not None:
        months: dict[tuple[int, int], list[int]] = defaultdict(list)
        for d, day in enumerate(m.dates):
            months[(day.year, day.month)].append(d)
        enforce = m.guard(
            "overtime",
            t("rule.monthly_overtime", hours=monthly // 60, source=rules.cite("overtime")),
        )
        for slots in months.values():
            m.model.add(sum(m.overtime[d] for d in slots) <= monthly).only_enforce_if(enforce)


def add_turnaround(m: ScheduleModel) -> None:
    """At least the turnaround between one day's wrap and the next day's call."""
    rules = m.problem.rules
    cap = rules.day_minutes + rules.max_overtime_minutes_per_day
    calls = (rules.day_call, rules.dawn_call, rules.night_call, rules.split_call)
    earliest = min(calls)
    latest = max(calls)
    enforce = m.guard(
        "turnaround",
        t(
            "rule.turnaround",
            hours=rules.turnaround_minutes / 60,
            source=rules.cite("turnaround"),
        ),
    )
    for d in m.slots:
        if d == 0:
            continue
        gap = (m.dates[d] - m.dates[d - 1]).days * 1440
        if gap + earliest - latest - cap >= rules.turnaround_minutes:
            continue
        m.model.add(
            gap + call_of(m, d) - call_of(m, d - 1) - m.load[d - 1] >= rules.turnaround_minutes
        ).only_enforce_if([m.used[d], m.used[d - 1], *enforce])


def add_weekly_rest(m: ScheduleModel) -> None:
    """At most ``7 - weekly rest days`` shoot days in any seven calendar days."""
    rules = m.problem.rules
    limit = 7 - rules.weekly_rest_days
    if m.problem.calendar.work_days_per_week <= limit:
        return  # the calendar's own rest days already keep the rule
    enforce = m.guard(
        "weekly_rest",
        t("rule.weekly_rest", count=rules.weekly_rest_days, source=rules.cite("weekly_rest")),
    )
    for day in m.dates:
        window = [e for e, other in enumerate(m.dates) if 0 <= (other - day).days < 7]
        if len(window) > limit:
            m.model.add(sum(m.used[e] for e in window) <= limit).only_enforce_if(enforce)


def _minor_words(name: str, age: int | None, limits: MinorLimits) -> Text:
    words = t(
        "rule.minor_hours",
        name=name,
        age=age,
        day=limits.max_minutes_per_day / 60,
        week=limits.max_minutes_per_week / 60,
    )
    if not limits.night_allowed:
        words = t("rule.minor_never_at_night", rule=words)
    if limits.source:
        words = compose("{words} ({source})", words=words, source=limits.source)
    return words


def add_minors(m: ScheduleModel) -> None:
    """Minors' hours per day and per week, and no night work where the rules forbid it."""
    problem = m.problem
    for member in problem.cast:
        limits = member.minor
        if limits is None:
            continue
        scenes = [(s, scene) for s, scene in enumerate(problem.scenes) if member.id in scene.cast]
        if not scenes:
            continue
        enforce = m.guard(
            "minor",
            _minor_words(member.name, member.age, limits),
        )
        weeks: dict[tuple[int, int], list[int]] = defaultdict(list)
        for d, day in enumerate(m.dates):
            weeks[day.isocalendar()[:2]].append(d)
            m.model.add(
                sum(scene.minutes * m.x[(s, d)] for s, scene in scenes)
                <= limits.max_minutes_per_day
            ).only_enforce_if(enforce)
            if not limits.night_allowed:
                for s, scene in scenes:
                    if scene.night:
                        m.model.add(m.x[(s, d)] == 0).only_enforce_if(enforce)
        for slots in weeks.values():
            m.model.add(
                sum(scene.minutes * m.x[(s, d)] for s, scene in scenes for d in slots)
                <= limits.max_minutes_per_week
            ).only_enforce_if(enforce)


def add_cast_hold(m: ScheduleModel) -> None:
    """Paid hold days per performer (span minus work days minus unpaid drop/pick-up gaps),
    priced at the daily rate."""
    problem = m.problem
    model = m.model
    horizon = len(m.dates)
    ordinals = [day.toordinal() for day in m.dates]
    total: list[LinearExpr] = []
    for member in problem.cast:
        scenes = [s for s, scene in enumerate(problem.scenes) if member.id in scene.cast]
        rate = int(member.daily_rate.amount * problem.weights.cast_hold)
        if len(scenes) < 2 or rate <= 0:
            continue
        worked = []
        first = model.new_int_var(0, horizon - 1, f"first_{member.id}")
        last = model.new_int_var(0, horizon - 1, f"last_{member.id}")
        for d in m.slots:
            var = model.new_bool_var(f"works_{member.id}_{d}")
            model.add_max_equality(var, [m.x[(s, d)] for s in scenes])
            model.add(first <= d).only_enforce_if(var)
            model.add(last >= d).only_enforce_if(var)
            worked.append(var)
        model.add(first <= last)
        gaps: list[LinearExpr] = []
        agreement = member.drop_pickup
        if agreement is not None and agreement.max_drops > 0 and horizon >= 3:
            previous_end: cp_model.IntVar | None = None
            previous_dropped: cp_model.IntVar | None = None
            for k in range(min(agreement.max_drops, 2)):
                dropped = model.new_bool_var(f"drop_{member.id}_{k}")
                start = model.new_int_var(1, horizon - 2, f"drop_start_{member.id}_{k}")
                end = model.new_int_var(1, horizon - 2, f"drop_end_{member.id}_{k}")
                model.add(end >= start).only_enforce_if(dropped)
                model.add(start > first).only_enforce_if(dropped)
                model.add(end < last).only_enforce_if(dropped)
                before = model.new_int_var(
                    min(ordinals), max(ordinals), f"drop_ord_a_{member.id}_{k}"
                )
                after = model.new_int_var(
                    min(ordinals), max(ordinals), f"drop_ord_b_{member.id}_{k}"
                )
                model.add_element(start - 1, ordinals, before)
                model.add_element(end + 1, ordinals, after)
                model.add(after - before - 1 > agreement.gap_days).only_enforce_if(dropped)
                if previous_end is not None and previous_dropped is not None:
                    model.add_implication(dropped, previous_dropped)
                    model.add(start > previous_end + 1).only_enforce_if(dropped)
                inside = []
                for d in m.slots:
                    after_start = model.new_bool_var("")
                    before_end = model.new_bool_var("")
                    model.add(start <= d).only_enforce_if(after_start)
                    model.add(start > d).only_enforce_if(after_start.negated())
                    model.add(end >= d).only_enforce_if(before_end)
                    model.add(end < d).only_enforce_if(before_end.negated())
                    gap = model.new_bool_var(f"gap_{member.id}_{k}_{d}")
                    model.add_bool_and([dropped, after_start, before_end]).only_enforce_if(gap)
                    model.add_bool_or(
                        [dropped.negated(), after_start.negated(), before_end.negated()]
                    ).only_enforce_if(gap.negated())
                    model.add_implication(gap, worked[d].negated())
                    inside.append(gap)
                gaps.append(sum(inside))
                previous_end, previous_dropped = end, dropped
        hold = model.new_int_var(0, horizon, f"hold_{member.id}")
        model.add(hold == last - first + 1 - sum(worked) - sum(gaps))
        total.append(rate * hold)
    m.terms["cast_hold"] = sum(total)


def add_stability(m: ScheduleModel) -> None:
    """Strips moved from the previous schedule's date (re-planning moves as few as possible)."""
    previous = m.problem.previous
    if not previous:
        m.terms["stability"] = 0
        return
    moved: list[LinearExpr] = []
    for s, scene in enumerate(m.problem.scenes):
        if scene.number not in previous:
            continue
        before = previous[scene.number]
        if before in m.dates:
            moved.append(1 - m.x[(s, m.dates.index(before))])
        else:
            moved.append(1)
    m.terms["stability"] = sum(moved)


WEIGHT_OF = {
    "shoot_days": "shoot_day",
    "dark_days": "dark_day",
    "company_moves": "company_move",
    "location_revisits": "location_revisit",
    "day_night_flips": "day_night_flip",
    "overtime": "overtime_minute",
    "stability": "stability_move",
}


def set_objective(m: ScheduleModel) -> None:
    """Minimise the weighted sum of every named term (cast hold is already priced)."""
    weights = m.problem.weights
    parts: list[LinearExpr] = []
    for name, expr in m.terms.items():
        factor = 1 if name == "cast_hold" else getattr(weights, WEIGHT_OF[name])
        parts.append(factor * expr)
    m.model.minimize(sum(parts))


def build_model(
    problem: Problem, dates: Sequence[date], *, guarded: bool = False, objective: bool = True
) -> ScheduleModel:
    """The full model: every hard rule and every named soft term over ``dates``."""
    m = ScheduleModel(problem, tuple(dates), guarded=guarded)
    add_assignment(m)
    add_dark_days(m)
    add_availability(m)
    add_precedences(m)
    add_locks(m)
    add_locations(m)
    add_light(m)
    add_capacity(m)
    add_turnaround(m)
    add_weekly_rest(m)
    add_minors(m)
    add_cast_hold(m)
    add_stability(m)
    if objective:
        set_objective(m)
    return m


def plan_of(
    m: ScheduleModel, value: cp_model.CpSolver | cp_model.CpSolverSolutionCallback
) -> dict[date, list[str]]:
    """The date -> scenes plan of a solution (scenes in problem order; the day is ordered later)."""
    plan: dict[date, list[str]] = {}
    for (s, d), var in m.x.items():
        if value.value(var):
            plan.setdefault(m.dates[d], []).append(m.problem.scenes[s].number)
    return plan


def hint(
    m: ScheduleModel, plan: dict[date, list[str]], *, time_limit: float = 2.0
) -> list[int] | None:
    """Seed the search with a known schedule (CP-SAT's solution hint).

    The hint is completed first (every auxiliary variable gets its value by solving the model
    with the assignment fixed), since CP-SAT starts from a complete hint far more reliably.
    Returns the value of every model variable, or None when the plan does not satisfy the model
    (then only the assignment is hinted).
    """
    where = {number: day for day, numbers in plan.items() for number in numbers}
    wanted = {
        key: int(where.get(m.problem.scenes[key[0]].number) == m.dates[key[1]]) for key in m.x
    }
    fixed = m.model.clone()
    for key, value in wanted.items():
        fixed.add(fixed.get_int_var_from_proto_index(m.x[key].index) == value)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    status = solver.solve(fixed)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        values = solver.response_proto.solution
        for index in range(len(m.model.proto.variables)):
            m.model.add_hint(m.model.get_int_var_from_proto_index(index), values[index])
        return list(values)
    for key, var in m.x.items():
        m.model.add_hint(var, wanted[key])
    return None
