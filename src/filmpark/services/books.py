"""The production book: render it (a job) and read its files.

Public functions (take the edge's :class:`~filmpark.store.Tx`, never commit)::

    request_book(tx, actor, project_id, *, locale="en", ip=None) -> Job
    latest_book(tx, actor, project_id) -> RenderedBook
    book_file(tx, actor, project_id, name, *, renders) -> Path

The book is written into a new server-named folder under the data directory, and recorded
only once complete: a render that fails leaves the previous book as it was. Investors do not
receive the book (it quotes the script).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filmpark.errors import NotFound, ValidationError
from filmpark.services import planning, schedules
from filmpark.services.jobs import JobEnv, JobKind, Progress, register_job_kind
from filmpark.services.permissions import Permission, require
from filmpark.store import FileStore, Tx
from filmpark.store.records import Job, RenderedBook, User
from filmpark.text import t

KIND = "book.render"


def request_book(
    tx: Tx, actor: User, project_id: str, *, locale: str = "en", ip: str | None = None
) -> Job:
    require(tx, actor, project_id, Permission.RENDER_DOCUMENTS)
    if locale not in ("en", "vi"):
        raise ValidationError("locale", t("config.expected_language"))
    schedule = tx.schedules.get(project_id)
    if schedule is None:
        raise NotFound(t("book.no_schedule"))
    budget = tx.budgets.get(project_id)
    job = tx.jobs.add(
        KIND,
        {
            "project_id": project_id,
            "schedule_version": schedule.version,
            "budget_version": budget.version if budget else None,
            "locale": locale,
        },
        project_id=project_id,
        created_by=actor.id,
    )
    tx.audit.add(
        "book.request",
        actor_id=actor.id,
        project_id=project_id,
        detail={"job_id": job.id, "schedule_version": schedule.version},
        ip=ip,
    )
    return job


@dataclass(frozen=True, slots=True)
class BookInputs:
    plan: planning.PlanInputs
    schedule: dict[str, Any]
    locale: str
    renders: FileStore
    folder: str


def _prepare(tx: Tx, job: Job, env: JobEnv) -> BookInputs:
    schedule = schedules.job_schedule(tx, job)
    return BookInputs(
        plan=schedules.plan_inputs(tx, env.scripts, str(job.payload["project_id"]), schedule),
        schedule=schedule.document,
        locale=str(job.payload.get("locale") or "en"),
        renders=env.renders,
        # One folder per job: a re-run replaces its own half-written folder, nobody else's.
        folder=f"book-{job.id}",
    )


def _compute(inputs: BookInputs, progress: Progress) -> tuple[str, list[str]]:
    plan = planning.arranged_plan(inputs.plan, inputs.schedule, progress)
    progress(0.95, t("jobs.progress.rendering_book"))
    inputs.renders.root.mkdir(parents=True, exist_ok=True)
    final = inputs.renders.path(inputs.folder)
    if final.exists():  # a re-run of this job replaces its own unrecorded folder
        shutil.rmtree(final)
    files = planning.write_book(plan, final, lang=inputs.locale)
    return inputs.folder, files


def _store(tx: Tx, job: Job, output: tuple[str, list[str]]) -> dict[str, Any]:
    done = tx.books.by_job(job.id)
    if done is None:
        tx.projects.lock(str(job.payload["project_id"]))
        folder, files = output
        done = tx.books.add(
            project_id=str(job.payload["project_id"]),
            folder=folder,
            files=files,
            schedule_version=job.payload.get("schedule_version"),
            budget_version=job.payload.get("budget_version"),
            job_id=job.id,
        )
    return {"book_id": done.id, "files": list(done.files)}


register_job_kind(KIND, JobKind(prepare=_prepare, compute=_compute, store=_store))


def latest_book(tx: Tx, actor: User, project_id: str) -> RenderedBook:
    require(tx, actor, project_id, Permission.VIEW_DOCUMENTS)
    book = tx.books.latest(project_id)
    if book is None:
        raise NotFound(t("book.not_rendered"))
    return book


def book_file(tx: Tx, actor: User, project_id: str, name: str, *, renders: FileStore) -> Path:
    """The path of one file of the newest book (no path can leave the book's folder)."""
    book = latest_book(tx, actor, project_id)
    if name not in book.files:
        raise NotFound(t("store.no_document"))
    return renders.file_in(book.folder, name)
