"""A fast constructive schedule: scenes in location blocks, then packed day by day.

The block order comes from the sequencing core (:func:`sequence_order`), which orders scenes to
keep performers' spans short and locations contiguous; a day-by-day list scheduler then fills
each working date with the next scenes that may be shot on it, never breaking a hard rule. The
result seeds (hints) the CP-SAT model and is the answer of last resort when a time limit ends
before the solver finds anything better.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from filmpark.errors import FilmparkError
from filmpark.schedule.evaluate import call_time, day_kind
from filmpark.schedule.problem import Problem, SceneJob


def sequence_order(problem: Problem, *, time_limit: float = 1.0, seed: int = 0) -> list[str]:
    """An order of all scenes for the packer: the sequencing core's when it is installed,
    else location blocks (day before night, shared cast together) chained by shared cast."""
    core = _sequencing_core()
    if core is not None and len(problem.scenes) > 1:
        try:
            return _core_order(core, problem, time_limit=time_limit, seed=seed)
        except (TypeError, ValueError, AttributeError, FilmparkError):
            pass  # an incompatible core: the built-in order below is always valid
    return block_order(problem)


def _sequencing_core() -> Any | None:
    try:
        return importlib.import_module("filmpark.schedule.sequencing")
    except ImportError:
        return None


def _core_order(core: Any, problem: Problem, *, time_limit: float, seed: int) -> list[str]:
    scenes = problem.scenes
    index = {scene.number: i for i, scene in enumerate(scenes)}
    members = [member for member in problem.cast if any(member.id in s.cast for s in scenes)]
    location_ids = sorted({scene.location for scene in scenes})
    day = problem.rules.day_minutes
    seq_problem = core.SequencingProblem(
        durations=tuple(scene.minutes for scene in scenes),
        actor_costs=tuple(max(1, int(member.daily_rate.amount)) for member in members),
        presence=tuple(tuple(member.id in scene.cast for scene in scenes) for member in members),
        locations=tuple(location_ids.index(scene.location) for scene in scenes),
        location_costs=(problem.weights.location_revisit * day,) * len(location_ids),
        precedences=tuple((index[r.before], index[r.after]) for r in problem.precedences),
    )
    result = core.solve_sequence(seq_problem, time_limit=time_limit, seed=seed)
    order = [scenes[i].number for i in result.order]
    if sorted(order) != sorted(index):
        raise ValueError("the sequencing core returned an incomplete order")
    return order


def block_order(problem: Problem) -> list[str]:
    """Location blocks ordered so neighbouring blocks share cast; inside a block, day scenes
    before night scenes and scenes with the same cast together."""
    blocks: dict[str, list[SceneJob]] = defaultdict(list)
    for scene in problem.scenes:
        blocks[scene.location].append(scene)
    for scenes in blocks.values():
        scenes.sort(key=lambda s: (s.night, tuple(sorted(s.cast)), _scene_key(s.number)))
    cast_of = {loc: {m for s in scenes for m in s.cast} for loc, scenes in blocks.items()}
    remaining = sorted(blocks, key=lambda loc: (-len(blocks[loc]), loc))
    chain: list[str] = []
    while remaining:
        if not chain:
            chosen = remaining[0]
        else:
            here = cast_of[chain[-1]]
            chosen = max(
                remaining,
                key=lambda loc: (
                    len(here & cast_of[loc]) / (len(here | cast_of[loc]) or 1),
                    -remaining.index(loc),
                ),
            )
        chain.append(chosen)
        remaining.remove(chosen)
    return [scene.number for loc in chain for scene in blocks[loc]]


def _scene_key(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 0, number)


@dataclass(slots=True)
class _Day:
    """The day being filled by the packer."""

    date: date
    chosen: list[SceneJob] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    load: int = 0
    minor_minutes: dict[int, int] = field(default_factory=lambda: defaultdict(int))


class _Packer:
    """The list scheduler of :func:`pack_days`: its state across days, and one day at a time."""

    def __init__(
        self, problem: Problem, dates: Sequence[date], allowed: Callable[[SceneJob, date], bool]
    ) -> None:
        self.problem = problem
        self.rules = problem.rules
        self.allowed = allowed
        self.preds: dict[str, set[str]] = defaultdict(set)
        for rule in problem.precedences:
            self.preds[rule.after].add(rule.before)
        self.lock_date: dict[str, date] = {}
        for lock in problem.locks:
            if lock.on_date is not None:
                self.lock_date[lock.scene] = lock.on_date
            elif lock.day_number is not None and lock.day_number <= len(dates):
                self.lock_date[lock.scene] = dates[lock.day_number - 1]
        self.minors = {m.id: m.minor for m in problem.cast if m.minor is not None}
        self.move = problem.min_move_minutes()
        self.cap = self.rules.day_minutes + self.rules.max_overtime_minutes_per_day
        self.placed: set[str] = set()
        self.minor_week: dict[tuple[int, tuple[int, int]], int] = defaultdict(int)
        self.month_overtime: dict[tuple[int, int], int] = defaultdict(int)
        self.previous: tuple[date, int] | None = None  # date and wrap of the last shoot day

    def extra(self, day: _Day, scene: SceneJob) -> int:
        moving = day.locations and scene.location not in day.locations
        return scene.minutes + (self.move if moving else 0)

    def fits(self, day: _Day, scene: SceneJob, forced: bool = False) -> bool:
        rules = self.rules
        if self.lock_date.get(scene.number, day.date) != day.date:
            return False
        if not self.allowed(scene, day.date):
            return False
        today = {s.number for s in day.chosen if not s.night or scene.night}
        if not self.preds[scene.number] <= self.placed | today:
            return False  # (a day scene after a night scene waits for a later day)
        if day.chosen and not forced and scene.night != day.chosen[0].night:
            return False
        extra = self.extra(day, scene)
        limit = self.cap if (forced or not day.chosen) else rules.day_minutes
        if day.load + extra > limit:
            return False
        week = day.date.isocalendar()[:2]
        for member in scene.cast:
            limits = self.minors.get(member)
            if limits is None:
                continue
            if scene.night and not limits.night_allowed:
                return False
            if day.minor_minutes[member] + scene.minutes > limits.max_minutes_per_day:
                return False
            if self.minor_week[(member, week)] + scene.minutes > limits.max_minutes_per_week:
                return False
        call = call_time(self.problem, day_kind([*day.chosen, scene]))
        if self.previous is not None:
            rest = (day.date - self.previous[0]).days * 1440 + call - self.previous[1]
            if rest < rules.turnaround_minutes:
                return False
        overtime = max(0, day.load + extra - rules.day_minutes)
        monthly = rules.max_overtime_minutes_per_month
        month = (day.date.year, day.date.month)
        return monthly is None or self.month_overtime[month] + overtime <= monthly

    def take(self, day: _Day, scene: SceneJob) -> None:
        day.load += self.extra(day, scene)
        if scene.location not in day.locations:
            day.locations.append(scene.location)
        day.chosen.append(scene)
        for member in scene.cast:
            day.minor_minutes[member] += scene.minutes

    def close(self, day: _Day) -> None:
        self.placed.update(scene.number for scene in day.chosen)
        week = day.date.isocalendar()[:2]
        for scene in day.chosen:
            for member in scene.cast:
                if member in self.minors:
                    self.minor_week[(member, week)] += scene.minutes
        month = (day.date.year, day.date.month)
        self.month_overtime[month] += max(0, day.load - self.rules.day_minutes)
        self.previous = (day.date, call_time(self.problem, day_kind(day.chosen)) + day.load)


def availability_table(problem: Problem, dates: Sequence[date]) -> Callable[[SceneJob, date], bool]:
    """``problem.scene_allowed_on`` precomputed over ``dates`` (the packer asks it often)."""
    table = {
        (scene.number, day): problem.scene_allowed_on(scene, day)
        for scene in problem.scenes
        for day in dates
    }

    def allowed(scene: SceneJob, day: date) -> bool:
        found = table.get((scene.number, day))
        return problem.scene_allowed_on(scene, day) if found is None else found

    return allowed


def latest_dates(
    problem: Problem, dates: Sequence[date], allowed: Callable[[SceneJob, date], bool]
) -> dict[str, int]:
    """For each scene, the last slot it can still be shot in (its own availability, tightened
    by the availability of every scene that must come after it)."""
    last = {}
    for scene in problem.scenes:
        slots = [i for i, day in enumerate(dates) if allowed(scene, day)]
        last[scene.number] = slots[-1] if slots else -1
    changed = True
    while changed:  # propagate along precedences (a cycle is caught before packing)
        changed = False
        for rule in problem.precedences:
            if last[rule.after] < last[rule.before]:
                last[rule.before] = last[rule.after]
                changed = True
    return last


def pack_days(
    problem: Problem,
    order: Sequence[str],
    dates: Sequence[date],
    *,
    allowed: Callable[[SceneJob, date], bool] | None = None,
    urgency: int = 2,
) -> dict[date, list[str]] | None:
    """Fill ``dates`` in turn with the next scenes of ``order`` that may be shot that day.

    Scenes whose last possible date is at most ``urgency`` slots away go first (earliest
    deadline first); then the day continues at its location in the given order. Normal hours
    are filled first (no overtime is planned); a scene longer than a normal day gets a day of its
    own with overtime. Returns None when some scene finds no date.
    """
    check = allowed or problem.scene_allowed_on
    packer = _Packer(problem, dates, check)
    scenes = {scene.number: scene for scene in problem.scenes}
    deadline = latest_dates(problem, dates, check)
    remaining = list(order)
    plan: dict[date, list[str]] = {}
    week_limit = 7 - problem.rules.weekly_rest_days
    for slot, when in enumerate(dates):
        if not remaining:
            break
        if any(deadline[n] < slot for n in remaining):
            return None
        if sum(1 for d in plan if 0 < (when - d).days < 7) >= week_limit:
            continue
        day = _Day(when)
        for number in [n for n in remaining if packer.lock_date.get(n) == when]:
            if not packer.fits(day, scenes[number], forced=True):
                return None
            packer.take(day, scenes[number])
            remaining.remove(number)
        urgent = sorted(
            (n for n in remaining if deadline[n] - slot <= urgency), key=deadline.__getitem__
        )
        for number in urgent:
            if packer.fits(day, scenes[number], forced=not day.chosen):
                packer.take(day, scenes[number])
                remaining.remove(number)
        progress = True
        while progress:
            progress = False
            here = [n for n in remaining if day.chosen and scenes[n].location in day.locations]
            for number in here + [n for n in remaining if n not in here]:
                if packer.fits(day, scenes[number]):
                    packer.take(day, scenes[number])
                    remaining.remove(number)
                    progress = True
                    break
        if day.chosen:
            plan[when] = [scene.number for scene in day.chosen]
            packer.close(day)
    return None if remaining else plan


def deadline_order(
    problem: Problem,
    order: Sequence[str],
    dates: Sequence[date],
    allowed: Callable[[SceneJob, date], bool] | None = None,
) -> list[str]:
    """``order`` re-sorted by each scene's last possible slot (ties keep ``order``)."""
    deadline = latest_dates(problem, dates, allowed or problem.scene_allowed_on)
    position = {number: i for i, number in enumerate(order)}
    return sorted(order, key=lambda n: (deadline[n], position[n]))
