"""Why a schedule costs what it costs, and why an infeasible problem has no schedule.

Soft rules are named terms (see :func:`describe_costs`). For hard rules, fast pre-checks catch
the plain cases (a precedence cycle, a scene longer than any day, a performer never available
for a scene); otherwise the model is rebuilt with each hard-rule group behind an assumption
literal, CP-SAT returns a sufficient set of assumptions for infeasibility, and a deletion filter
shrinks it to a minimal conflicting set, reported in words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from ortools.sat.python import cp_model

from filmpark.errors import Infeasible
from filmpark.schedule.problem import Problem
from filmpark.schedule.result import Schedule
from filmpark.text import Text, compose, join, t


def describe_costs(schedule: Schedule) -> list[Text]:
    """One line per named term that cost something: what, how many, at what price."""
    lines = []
    for term in schedule.terms:
        if term.count == 0 and term.amount.amount == 0:
            continue
        if term.name == "cast_hold":
            line = t("cost.cast_hold", label=term.label, count=term.count, amount=term.amount)
        else:
            line = compose(
                "{label}: {count} × {weight:,} = {amount}",
                label=term.label,
                count=term.count,
                weight=term.weight,
                amount=term.amount,
            )
        if term.detail:
            line = compose("{line} ({detail})", line=line, detail=term.detail)
        lines.append(line)
    return lines


def _cycle(problem: Problem) -> list[Text] | None:
    graph: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rule in problem.precedences:
        graph[rule.before].append((rule.after, rule.reason))
    state: dict[str, int] = {}
    stack: list[tuple[str, str]] = []

    def visit(node: str) -> list[tuple[str, str]] | None:
        state[node] = 1
        for nxt, reason in graph[node]:
            stack.append((f"{node}>{nxt}", reason))
            if state.get(nxt) == 1:
                begin = next(i for i, (edge, _) in enumerate(stack) if edge.startswith(f"{nxt}>"))
                return stack[begin:]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
            stack.pop()
        state[node] = 2
        return None

    for node in list(graph):
        if node not in state:
            found = visit(node)
            if found:
                reasons: list[Text] = []
                for edge, reason in found:
                    before, after = edge.split(">")
                    words = t("rule.precedence", after=after, before=before)
                    if reason:
                        words = compose("{words} ({reason})", words=words, reason=reason)
                    reasons.append(words)
                return reasons
    return None


def precheck(problem: Problem, horizon: Sequence[date] | None = None) -> None:
    """Raise :class:`Infeasible` for conflicts that need no solver to see."""
    cycle = _cycle(problem)
    if cycle:
        raise Infeasible(cycle, t("schedule.precedence_cycle", path=join("; ", cycle)))
    rules = problem.rules
    cap = rules.day_minutes + rules.max_overtime_minutes_per_day
    for scene in problem.scenes:
        if scene.minutes > cap:
            hours = rules.day_minutes // 60
            overtime = rules.max_overtime_minutes_per_day // 60
            raise Infeasible(
                [
                    t("reason.scene_minutes", scene=scene.number, minutes=scene.minutes),
                    t(
                        "reason.day_cap",
                        cap=cap,
                        hours=hours,
                        overtime=overtime,
                        profile=rules.label(),
                    ),
                ],
                t(
                    "reason.scene_too_long",
                    scene=scene.number,
                    minutes=scene.minutes,
                    cap=cap,
                    hours=hours,
                    overtime=overtime,
                    profile=rules.label(),
                ),
            )
        for member_id in scene.cast:
            member = problem.member(member_id)
            limits = member.minor
            if limits is None:
                continue
            if scene.night and not limits.night_allowed:
                raise Infeasible(
                    [
                        t("reason.night_scene_with", scene=scene.number, name=member.name),
                        t(
                            "reason.minor_no_night",
                            name=member.name,
                            age=member.age,
                            source=limits.source,
                        ),
                    ]
                )
            if scene.minutes > limits.max_minutes_per_day:
                raise Infeasible(
                    [
                        t(
                            "reason.scene_with_minutes",
                            scene=scene.number,
                            name=member.name,
                            minutes=scene.minutes,
                        ),
                        t(
                            "reason.minor_day_hours",
                            name=member.name,
                            age=member.age,
                            hours=limits.max_minutes_per_day / 60,
                            source=limits.source,
                        ),
                    ]
                )
    for lock in problem.locks:
        if lock.on_date is not None and not problem.calendar.is_work_day(lock.on_date):
            why = problem.calendar.reason_off(lock.on_date) or t("reason.outside_calendar")
            raise Infeasible(
                [
                    t(
                        "reason.locked_to_day_off",
                        scene=lock.scene,
                        date=lock.on_date.isoformat(),
                        why=why,
                    )
                ]
            )
    if horizon is None:
        from filmpark.schedule.solve import full_horizon

        horizon = full_horizon(problem)
    for scene in problem.scenes:
        if any(problem.scene_allowed_on(scene, day) for day in horizon):
            continue
        span = (
            t("calendar.window", start=horizon[0].isoformat(), end=horizon[-1].isoformat())
            if horizon
            else t("reason.the_calendar")
        )
        location = problem.location(scene.location)
        at_location = t(
            "rule.location_closed",
            scene=scene.number,
            location=location.name,
            availability=location.availability.describe(),
        )
        reasons: list[Text] = []
        if not any(location.availability.allows(day) for day in horizon):
            reasons.append(at_location)
        for member_id in scene.cast:
            member = problem.member(member_id)
            if not any(member.can_work(day) for day in horizon):
                reasons.append(
                    t(
                        "reason.cast_in_scene",
                        name=member.name,
                        availability=member.describe_availability(),
                        scene=scene.number,
                    )
                )
        if not reasons:
            reasons.append(at_location)
            reasons.extend(
                t(
                    "reason.cast_availability",
                    name=problem.member(m).name,
                    availability=problem.member(m).describe_availability(),
                )
                for m in scene.cast
                if not problem.member(m).availability.unrestricted
                or problem.member(m).contract_start
                or problem.member(m).contract_finish
            )
        reasons.append(t("reason.no_date_suits", span=span))
        raise Infeasible(reasons)


def _status(
    model: cp_model.CpModel, assumptions: Sequence[cp_model.IntVar], time_limit: float
) -> int:
    model.clear_assumptions()
    model.add_assumptions(list(assumptions))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    return int(solver.solve(model))


def explain_infeasible(
    problem: Problem, horizon: Sequence[date], *, time_limit: float = 10.0
) -> Infeasible:
    """A minimal set of hard-rule groups that cannot hold together, as an :class:`Infeasible`."""
    from filmpark.schedule.model import build_model

    m = build_model(problem, horizon, guarded=True, objective=False)
    literals = [guard.literal for guard in m.guards]
    words = {guard.literal.index: guard.words for guard in m.guards}
    m.model.add_assumptions(literals)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    status = solver.solve(m.model)
    calendar_words = (
        t(
            "reason.calendar_days",
            count=len(horizon),
            start=horizon[0].isoformat(),
            end=horizon[-1].isoformat(),
        )
        if horizon
        else t("reason.calendar_empty")
    )
    if status != cp_model.INFEASIBLE:
        return Infeasible([t("reason.nothing_fits", calendar=calendar_words)])
    core_indices = list(solver.sufficient_assumptions_for_infeasibility())
    by_index = {literal.index: literal for literal in literals}
    core = [by_index[i] for i in core_indices if i in by_index]
    # Deletion filter: drop each group whose removal keeps the rest infeasible.
    step = max(0.5, time_limit / max(1, len(core)))
    for literal in list(core):
        trial = [other for other in core if other is not literal]
        if _status(m.model, trial, step) == cp_model.INFEASIBLE:
            core = trial
    reasons = [words[literal.index] for literal in core]
    if problem.calendar.end is not None or not core:
        reasons.append(calendar_words)
    return Infeasible(reasons)
