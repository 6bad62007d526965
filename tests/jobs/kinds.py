"""A job kind for tests: counts slowly (with progress) and stores its count as a version.

Loaded by the test process and, through ``FILMPARK_JOB_MODULES=tests.jobs.kinds``, by the
Celery workers the tests start. ``store`` is idempotent like every real job kind: the version
row carries the job id, which is unique.
"""

from __future__ import annotations

import time
from typing import Any

from filmpark.errors import ValidationError
from filmpark.services.jobs import JobEnv, JobKind, Progress, register_job_kind
from filmpark.store import Tx
from filmpark.store.records import Job
from filmpark.text import bilingual

KIND = "test.count"


def _prepare(tx: Tx, job: Job, env: JobEnv) -> dict[str, Any]:
    return dict(job.payload)


def _compute(payload: dict[str, Any], progress: Progress) -> int:
    steps = int(payload.get("steps", 3))
    if payload.get("fail"):
        raise ValidationError(
            "steps", bilingual("this job was asked to fail", "tác vụ này được yêu cầu thất bại")
        )
    for step in range(steps):
        time.sleep(float(payload.get("pause", 0.05)))
        progress(
            (step + 1) / steps,
            bilingual(f"step {step + 1} of {steps}", f"bước {step + 1} trên {steps}"),
        )
    return steps


def _store(tx: Tx, job: Job, steps: int) -> dict[str, Any]:
    done = tx.schedules.by_job(job.id)
    if done is None:
        project_id = str(job.payload["project_id"])
        done = tx.schedules.add(
            project_id=project_id,
            version=tx.schedules.latest_number(project_id) + 1,
            source="test",
            document={"steps": steps},
            config={},
            revision_id=None,
            job_id=job.id,
            created_by=job.created_by,
        )
    return {"schedule_version": done.version}


register_job_kind(KIND, JobKind(prepare=_prepare, compute=_compute, store=_store))
