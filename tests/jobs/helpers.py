"""Helpers of the job tests: settings, a project, a queued test job, waiting for a state."""

from __future__ import annotations

import time
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from filmpark.config import Settings
from filmpark.store import Database
from filmpark.store.records import Job, JobState, Role
from tests.jobs.kinds import KIND


def settings_for(database: Database, data_dir: Path, **overrides: Any) -> Settings:
    settings = Settings(
        data_dir=data_dir,
        database_url=database.url,
        broker_url=None,
        secret_key="s" * 48,
        job_workers=2,
        job_stale_after=timedelta(seconds=2),
    )
    return replace(settings, **overrides)


def a_queued_job(database: Database, **payload: Any) -> Job:
    with database.transaction() as tx:
        owner = tx.users.add(f"jobs-{uuid.uuid4().hex[:8]}@example.vn", "Jobs", "x")
        project = tx.projects.add("Jobs", owner.id)
        tx.members.set(project.id, owner.id, Role.OWNER)
        return tx.jobs.add(
            KIND, {"project_id": project.id, **payload}, project_id=project.id, created_by=owner.id
        )


def wait_for(database: Database, job_id: str, states: set[JobState], timeout: float) -> Job:
    deadline = time.monotonic() + timeout
    while True:
        with database.transaction(readonly=True) as tx:
            job = tx.jobs.get(job_id)
        assert job is not None
        if job.state in states:
            return job
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} still {job.state.value} after {timeout} s")
        time.sleep(0.1)


def versions_of(database: Database, job: Job) -> list[int]:
    with database.transaction(readonly=True) as tx:
        return [v for v, _s, _c in tx.schedules.versions(str(job.project_id))]
