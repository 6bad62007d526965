"""Budgets: build one from a schedule version (a job), read versions.

Public functions (take the edge's :class:`~filmpark.store.Tx`, never commit)::

    request_budget(tx, actor, project_id, *, schedule_version=None, ip=None) -> Job
    get_budget(tx, actor, project_id, version=None) -> BudgetVersion

A budget version records the schedule version it costs; versions grow by one per project.
The build is the job kind ``budget.build`` (idempotent: one version per job).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from filmpark.errors import NotFound
from filmpark.services import planning, schedules
from filmpark.services.jobs import JobEnv, JobKind, Progress, register_job_kind
from filmpark.services.permissions import Permission, require
from filmpark.store import Tx
from filmpark.store.records import BudgetVersion, Job, User
from filmpark.text import t

KIND = "budget.build"


def request_budget(
    tx: Tx,
    actor: User,
    project_id: str,
    *,
    schedule_version: int | None = None,
    ip: str | None = None,
) -> Job:
    """Queue the costing of a schedule version (default: the newest)."""
    require(tx, actor, project_id, Permission.EDIT_BUDGET)
    schedule = tx.schedules.get(project_id, schedule_version)
    if schedule is None:
        raise NotFound(t("budget.no_schedule"))
    job = tx.jobs.add(
        KIND,
        {"project_id": project_id, "schedule_version": schedule.version},
        project_id=project_id,
        created_by=actor.id,
    )
    tx.audit.add(
        "budget.request",
        actor_id=actor.id,
        project_id=project_id,
        detail={"job_id": job.id, "schedule_version": schedule.version},
        ip=ip,
    )
    return job


@dataclass(frozen=True, slots=True)
class BudgetInputs:
    plan: planning.PlanInputs
    schedule: dict[str, Any]


def _prepare(tx: Tx, job: Job, env: JobEnv) -> BudgetInputs:
    schedule = schedules.job_schedule(tx, job)
    return BudgetInputs(
        plan=schedules.plan_inputs(tx, env.scripts, str(job.payload["project_id"]), schedule),
        schedule=schedule.document,
    )


def _compute(inputs: BudgetInputs, progress: Progress) -> dict[str, Any]:
    plan = planning.arranged_plan(inputs.plan, inputs.schedule, progress)
    return planning.budget_document(plan)


def _store(tx: Tx, job: Job, document: dict[str, Any]) -> dict[str, Any]:
    done = tx.budgets.by_job(job.id)
    if done is None:
        project_id = str(job.payload["project_id"])
        tx.projects.lock(project_id)
        done = tx.budgets.add(
            project_id=project_id,
            version=tx.budgets.latest_number(project_id) + 1,
            schedule_version=int(job.payload["schedule_version"]),
            document=document,
            job_id=job.id,
            created_by=job.created_by,
        )
    return {"budget_version": done.version}


register_job_kind(KIND, JobKind(prepare=_prepare, compute=_compute, store=_store))


def get_budget(tx: Tx, actor: User, project_id: str, version: int | None = None) -> BudgetVersion:
    require(tx, actor, project_id, Permission.VIEW_BUDGET)
    found = tx.budgets.get(project_id, version)
    if found is None:
        raise NotFound(
            t("budget.none_yet") if version is None else t("budget.no_version", version=version)
        )
    return found
