"""Shooting schedules: request a solve (a job), perform it, read versions, move and lock strips.

Public functions (take the edge's :class:`~filmpark.store.Tx`, never commit)::

    request_schedule(tx, actor, project_id, config, *, time_limit=None, ip=None) -> Job
    get_schedule(tx, actor, project_id, version=None) -> ScheduleVersion
    list_schedule_versions(tx, actor, project_id) -> list[tuple[int, str, datetime]]
    move_strip(tx, actor, project_id, *, expected_version, scene, day, position=None,
               lock=None, files=None, ip=None) -> ScheduleVersion

Every change makes a new version (numbers grow by one per project). A change names the
version it was made on (``expected_version``); when someone else saved a newer one in between,
it raises :class:`~filmpark.errors.Conflict` and nothing is overwritten. The solve itself is
the job kind ``schedule.solve``: the edge sends the returned job to the queue after commit.

A strip moved by hand is the person's decision about *where* it goes, not about the rules: a
move that would break a hard rule (turnaround, the longest day, availability, order, minors'
limits…) is refused with :class:`~filmpark.errors.Infeasible` naming each rule it breaks, and
the stored schedule stays as it was. The API and the pages both call :func:`move_strip`, so
they refuse and accept the same moves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from filmpark.errors import Conflict, Infeasible, NotFound, ValidationError
from filmpark.services import breakdowns, planning
from filmpark.services.jobs import JobEnv, JobKind, Progress, register_job_kind
from filmpark.services.permissions import Permission, require
from filmpark.store import FileStore, Tx
from filmpark.store.records import Job, LedgerStatus, ScheduleVersion, User
from filmpark.text import Text, join, t

if TYPE_CHECKING:
    from filmpark.schedule.problem import Problem

KIND = "schedule.solve"
MAX_CONFIG_BYTES = 256 * 1024


def _check_config(config: Any) -> dict[str, Any]:
    if not isinstance(config, dict):
        raise ValidationError("config", t("schedule.config_not_object"))
    if len(json.dumps(config)) > MAX_CONFIG_BYTES:
        raise ValidationError("config", t("schedule.config_too_large"))
    if config:
        from filmpark.schedule.config import load_config

        load_config(json.dumps(config, ensure_ascii=False), "config.json")  # ConfigError
    return config


def request_schedule(
    tx: Tx,
    actor: User,
    project_id: str,
    config: Any,
    *,
    time_limit: float | None = None,
    ip: str | None = None,
) -> Job:
    """Queue a solve of the project's current script with ``config`` (``{}``: the defaults)."""
    require(tx, actor, project_id, Permission.EDIT_SCHEDULE)
    revision = tx.scripts.latest(project_id)
    if revision is None:
        raise NotFound(t("script.none_yet"))
    checked = _check_config(config)
    if time_limit is not None and not 1 <= time_limit <= 600:
        raise ValidationError("time_limit", t("schedule.time_limit_range"))
    job = tx.jobs.add(
        KIND,
        {
            "project_id": project_id,
            "revision_id": revision.id,
            "config": checked,
            "time_limit": time_limit,
            "base_version": tx.schedules.latest_number(project_id),
        },
        project_id=project_id,
        created_by=actor.id,
    )
    tx.audit.add(
        "schedule.request",
        actor_id=actor.id,
        project_id=project_id,
        detail={"job_id": job.id, "revision": revision.number},
        ip=ip,
    )
    return job


@dataclass(frozen=True, slots=True)
class SolveInputs:
    plan: planning.PlanInputs
    previous: dict[str, Any] | None
    time_limit: float
    workers: int


SolveOutput = tuple[dict[str, Any], dict[str, Any], dict[str, Any]]


def _prepare(tx: Tx, job: Job, env: JobEnv) -> SolveInputs:
    project_id = str(job.payload["project_id"])
    revision = tx.scripts.get(project_id, str(job.payload["revision_id"]))
    if revision is None:
        raise NotFound(t("schedule.job_revision_gone"))
    previous = tx.schedules.get(project_id)
    limit = job.payload.get("time_limit") or env.settings.solve_seconds
    return SolveInputs(
        plan=planning.PlanInputs(
            data=env.scripts.read(revision.stored_name),
            filename=revision.filename,
            config=dict(job.payload.get("config") or {}),
            decisions=breakdowns.decisions_for_planning(tx, project_id),
        ),
        previous=previous.document if previous is not None else None,
        time_limit=float(limit),
        workers=2,
    )


def _compute(inputs: SolveInputs, progress: Progress) -> SolveOutput:
    plan, resolved, kept = planning.solve_plan(
        inputs.plan,
        previous=inputs.previous,
        time_limit=inputs.time_limit,
        workers=inputs.workers,
        progress=progress,
    )
    return planning.schedule_document(plan, kept), planning.budget_document(plan), resolved


def _store(tx: Tx, job: Job, output: SolveOutput) -> dict[str, Any]:
    document, budget, resolved = output
    project_id = str(job.payload["project_id"])
    tx.projects.lock(project_id)
    done = tx.schedules.by_job(job.id)
    if done is None:
        done = tx.schedules.add(
            project_id=project_id,
            version=tx.schedules.latest_number(project_id) + 1,
            source="solver",
            document=document,
            config=resolved,
            revision_id=str(job.payload["revision_id"]),
            job_id=job.id,
            created_by=job.created_by,
        )
        tx.ledger.add(
            project_id=project_id,
            kind="schedule",
            subject=f"schedule/v{done.version}",
            source="solver",
            confidence=None,
            proposal={
                "version": done.version,
                "days": len(document.get("days", [])),
                "optimal": document.get("optimal"),
                "lower_bound": document.get("lower_bound"),
                "status": document.get("status"),
            },
        )
    costed = tx.budgets.by_job(job.id)
    if costed is None:
        costed = tx.budgets.add(
            project_id=project_id,
            version=tx.budgets.latest_number(project_id) + 1,
            schedule_version=done.version,
            document=budget,
            job_id=job.id,
            created_by=job.created_by,
        )
    return {"schedule_version": done.version, "budget_version": costed.version}


register_job_kind(KIND, JobKind(prepare=_prepare, compute=_compute, store=_store))


def get_schedule(
    tx: Tx, actor: User, project_id: str, version: int | None = None
) -> ScheduleVersion:
    """The newest schedule version (or ``version``)."""
    require(tx, actor, project_id, Permission.VIEW_SCHEDULE)
    found = tx.schedules.get(project_id, version)
    if found is None:
        raise NotFound(
            t("schedule.none_yet") if version is None else t("schedule.no_version", version=version)
        )
    return found


def list_schedule_versions(tx: Tx, actor: User, project_id: str) -> list[tuple[int, str, datetime]]:
    require(tx, actor, project_id, Permission.VIEW_SCHEDULE)
    return tx.schedules.versions(project_id)


def _locks(document: dict[str, Any]) -> dict[str, str]:
    return planning.locks_of(document)


def _day_number(days: list[dict[str, Any]], on: str) -> int | None:
    for number, day in enumerate(days, start=1):
        if str(day.get("date")) == on:
            return number
    return None


def move_strip(
    tx: Tx,
    actor: User,
    project_id: str,
    *,
    expected_version: int,
    scene: str,
    day: int,
    position: int | None = None,
    lock: bool | None = None,
    files: FileStore | None = None,
    ip: str | None = None,
) -> ScheduleVersion:
    """Move scene ``scene`` to shoot day ``day`` (1-based) at ``position``; lock or unlock it.

    Makes a new version; raises Conflict when ``expected_version`` is not the newest or the
    strip is locked to another day. With ``files`` (the kept scripts) the moved schedule is
    re-evaluated by the engine exactly as arranged: its cost terms, its day-out-of-days and a
    new budget version follow the move, and a move that would break a hard rule is refused
    with :class:`~filmpark.errors.Infeasible` (each broken rule in its ``reasons``). Without
    ``files`` only the day totals follow and the cost stays that of the last evaluation.
    """
    require(tx, actor, project_id, Permission.EDIT_SCHEDULE)
    tx.projects.lock(project_id)
    current = tx.schedules.get(project_id)
    if current is None:
        raise NotFound(t("schedule.none_yet"))
    if current.version != expected_version:
        raise Conflict(t("schedule.stale", current=current.version, edited=expected_version))
    document = json.loads(json.dumps(current.document))
    days: list[dict[str, Any]] = list(document.get("days", []))
    if not 1 <= day <= len(days):
        raise ValidationError("day", t("schedule.day_range", last=len(days)))
    source_day = next((d for d in days if scene in d.get("scenes", [])), None)
    if source_day is None:
        raise NotFound(t("schedule.scene_not_in", scene=scene))
    locks = _locks(document)
    if scene in locks and lock is not False and locks[scene] != str(days[day - 1].get("date")):
        raise Conflict(t("schedule.scene_locked", scene=scene, date=locks[scene]))
    source_day["scenes"] = [s for s in source_day["scenes"] if s != scene]
    target = days[day - 1]
    scenes = list(target.get("scenes", []))
    at = len(scenes) if position is None else max(0, min(position, len(scenes)))
    scenes.insert(at, scene)
    target["scenes"] = scenes
    target_date = str(target.get("date", ""))
    if lock is True:
        locks[scene] = target_date
    elif lock is False:
        locks.pop(scene, None)
    elif scene in locks:
        locks[scene] = target_date
    document["days"] = days
    document["locks"] = [
        {"scene": s, "date": on, "day": _day_number(days, on)} for s, on in sorted(locks.items())
    ]
    budget: dict[str, Any] | None = None
    if planning.days_of(document) == planning.days_of(current.document):
        # Only a lock changed: the strips stand where they stood, and so do their costs.
        document["edited"] = True
        document["recosted"] = costed_as_arranged(current.document)
    elif files is not None and current.revision_id is not None:
        inputs = plan_inputs(tx, files, project_id, current)
        _refuse_broken_rules(inputs, current.document, document, scene=scene, day=day)
        document, budget = _replan(inputs, document, locks, scene=scene, day=day)
    else:
        document = _recount(tx, current, document)
    saved = tx.schedules.add(
        project_id=project_id,
        version=current.version + 1,
        source="human",
        document=document,
        config=current.config,
        revision_id=current.revision_id,
        job_id=None,
        created_by=actor.id,
    )
    if budget is not None:
        tx.budgets.add(
            project_id=project_id,
            version=tx.budgets.latest_number(project_id) + 1,
            schedule_version=saved.version,
            document=budget,
            job_id=None,
            created_by=actor.id,
        )
    if current.source == "solver":
        # A person changed the solver's proposal: the AI ledger says who, and when.
        tx.ledger.decide(
            project_id,
            f"schedule/v{current.version}",
            LedgerStatus.CHANGED,
            decided_by=actor.id,
            note=f"scene {scene} moved to day {day}",
            kind="schedule",
        )
    tx.audit.add(
        "schedule.move",
        actor_id=actor.id,
        project_id=project_id,
        detail={"scene": scene, "day": day, "lock": lock, "version": saved.version},
        ip=ip,
    )
    return saved


def costed_as_arranged(document: Mapping[str, Any]) -> bool:
    """Whether a stored schedule's cost terms and day-out-of-days are those of its own strips.

    True for what the optimiser made and for a hand-edited version the engine re-evaluated;
    False for a version edited without re-evaluation (its costs are the last optimisation's).
    """
    return not document.get("edited") or document.get("recosted") is True


def job_schedule(tx: Tx, job: Job) -> ScheduleVersion:
    """The schedule version a budget or book job was queued for."""
    project_id = str(job.payload["project_id"])
    schedule = tx.schedules.get(project_id, int(job.payload["schedule_version"]))
    if schedule is None or schedule.revision_id is None:
        raise NotFound(t("schedule.job_version_gone"))
    return schedule


def plan_inputs(
    tx: Tx, files: FileStore, project_id: str, schedule: ScheduleVersion
) -> planning.PlanInputs:
    """What the engine needs to re-plan a stored schedule: its script, config and decisions."""
    assert schedule.revision_id is not None
    revision = tx.scripts.get(project_id, schedule.revision_id)
    if revision is None:
        raise NotFound(t("schedule.revision_gone"))
    return planning.PlanInputs(
        data=files.read(revision.stored_name),
        filename=revision.filename,
        config=schedule.config,
        decisions=breakdowns.decisions_for_planning(tx, project_id),
    )


def _broken_rules(problem: Problem, document: dict[str, Any]) -> list[Text]:
    """The hard rules the stored arrangement breaks, in the engine's words."""
    from filmpark.schedule.evaluate import build_days, violations

    arranged = build_days(problem, planning.days_of(document), keep_order=True)
    return list(violations(problem, arranged))


def _refuse_broken_rules(
    inputs: planning.PlanInputs,
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    scene: str,
    day: int,
) -> None:
    """Raise Infeasible when moving ``scene`` breaks a hard rule the schedule did not break.

    A rule already broken before the move (by an older version, say) is not the mover's doing
    and does not stop the move; one the move breaks, or makes worse, does.
    """
    problem = planning.problem_of(inputs)
    try:
        known = {str(rule) for rule in _broken_rules(problem, before)}
        introduced = [rule for rule in _broken_rules(problem, after) if str(rule) not in known]
    except ValidationError:
        # A strip the problem does not know (the script lost a scene): the engine's own
        # evaluation of the arrangement reports it.
        return
    if not introduced:
        return
    on = planning.days_of(after)
    when = next((d for d, scenes in on.items() if scene in scenes), None)
    moved = problem.scene(scene)
    if when is not None and not problem.scene_allowed_on(moved, when):
        # Who or what is unavailable, in the engine's words (the rule only names the scene).
        location = problem.location(moved.location)
        if not location.availability.allows(when):
            introduced.append(
                t(
                    "rule.location_closed",
                    scene=scene,
                    location=location.name,
                    availability=location.availability.describe(),
                )
            )
        for member_id in moved.cast:
            member = problem.member(member_id)
            if not member.can_work(when):
                introduced.append(
                    t(
                        "reason.cast_availability",
                        name=member.name,
                        availability=member.describe_availability(),
                    )
                )
    raise _refusal(scene, day, when, introduced)


def _refusal(scene: str, day: int, when: date | None, reasons: Sequence[Text]) -> Infeasible:
    return Infeasible(
        reasons,
        t(
            "schedule.move_breaks_rules",
            scene=scene,
            day=day,
            date=when.isoformat() if when is not None else "?",
            rules=join("; ", reasons),
        ),
    )


# The arranged schedule is handed to the engine with every strip pinned to its date; a conflict
# then names those pins beside the rule. They are the arrangement, not a rule a person set.
_PIN = "rule.lock_date"


def _replan(
    inputs: planning.PlanInputs,
    document: dict[str, Any],
    locks: dict[str, str],
    *,
    scene: str,
    day: int,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The moved schedule evaluated by the engine as people arranged it, and its budget."""
    try:
        plan = planning.arranged_plan(inputs, document)
    except Infeasible as error:
        rules = [reason for reason in error.reasons if reason.key != _PIN]
        when = next((d for d, s in planning.days_of(document).items() if scene in s), None)
        raise _refusal(scene, day, when, rules or list(error.reasons)) from error
    replanned = planning.schedule_document(plan, locks)
    replanned["edited"] = True
    replanned["recosted"] = True
    return replanned, planning.budget_document(plan)


def _recount(tx: Tx, current: ScheduleVersion, document: dict[str, Any]) -> dict[str, Any]:
    """Day totals of the moved schedule, from the scenes' lengths in the script revision.

    The cost terms and the day out of days stay those of the last evaluation, and say so.
    """
    document["edited"] = True
    document["recosted"] = False
    if current.revision_id is None:
        return document
    try:
        script = tx.scripts.document(current.revision_id)
    except NotFound:
        return document
    eighths = {
        str(scene.get("number")): int(scene.get("eighths", 0) or 0)
        for scene in script.get("scenes", [])
        if isinstance(scene, dict)
    }
    for day in document.get("days", []):
        before = int(day.get("eighths", 0) or 0)
        after = sum(eighths.get(str(s), 0) for s in day.get("scenes", []))
        minutes = int(day.get("minutes", 0) or 0)
        if before and minutes:
            day["minutes"] = round(minutes * after / before)
        day["eighths"] = after
    return document
