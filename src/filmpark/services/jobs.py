"""Job kinds and job state, as the use cases see them.

A job body is split in three, so that a worker killed at any moment leaves no half-written
version and the job can simply be run again:

1. ``prepare(tx, job, env)`` reads what the job needs (a short read transaction);
2. ``compute(inputs, progress)`` does the long work with no transaction open, reporting
   ``progress(fraction, message)``;
3. ``store(tx, job, output)`` writes the result version in one transaction, together with the
   job's ``succeeded`` state. It is idempotent: a job that already wrote its version (the
   version rows carry a unique ``job_id``) returns that version instead of writing another.

Public functions::

    get_job(tx, actor, job_id) -> Job          # NotFound for non-members of its project
    register_job_kind(name, kind) -> None
    job_kind(name) -> JobKind
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from filmpark.config import Settings
from filmpark.errors import NotFound, ValidationError
from filmpark.services.permissions import Permission, require
from filmpark.store import FileStore, Tx
from filmpark.store.records import Job, User
from filmpark.text import Text, t

Progress = Callable[[float, Text], None]


@dataclass(frozen=True, slots=True)
class JobEnv:
    """What a job body may use besides the database: the settings and the file stores."""

    settings: Settings

    @property
    def scripts(self) -> FileStore:
        return FileStore(self.settings.scripts_dir)

    @property
    def renders(self) -> FileStore:
        return FileStore(self.settings.renders_dir)


@dataclass(frozen=True, slots=True)
class JobKind:
    prepare: Callable[[Tx, Job, JobEnv], Any]
    compute: Callable[[Any, Progress], Any]
    store: Callable[[Tx, Job, Any], dict[str, Any]]


_KINDS: dict[str, JobKind] = {}


def register_job_kind(name: str, kind: JobKind) -> None:
    """Make ``name`` runnable by every executor (call at import time of the defining module)."""
    _KINDS[name] = kind


def job_kind(name: str) -> JobKind:
    # The use-case modules register their kinds when imported.
    from filmpark.services import books, budgets, schedules  # noqa: F401

    try:
        return _KINDS[name]
    except KeyError:
        raise ValidationError("kind", t("jobs.unknown_kind", kind=repr(name))) from None


def get_job(tx: Tx, actor: User, job_id: str) -> Job:
    """A job's state, progress, result and error, for members of its project."""
    job = tx.jobs.get(job_id)
    if job is None:
        raise NotFound(t("jobs.not_found"))
    if job.project_id is not None:
        try:
            require(tx, actor, job.project_id, Permission.VIEW_PROJECT)
        except NotFound:
            raise NotFound(t("jobs.not_found")) from None
    elif job.created_by != actor.id:
        raise NotFound(t("jobs.not_found"))
    return job
