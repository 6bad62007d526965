"""Job queues: where a job id goes once its row is committed.

:class:`InlineQueue` (default) runs jobs on a thread pool inside the process; the jobs are
rows in the database, so queued ones are picked up again by :meth:`recover` after a restart.
:class:`CeleryQueue` (when ``FILMPARK_BROKER_URL`` is set) sends the id to Celery workers on
Redis (``filmpark worker``). Both run :func:`filmpark.jobs.runner.run_job`.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any, Protocol

from filmpark.config import Settings
from filmpark.errors import ExternalServiceError, FilmparkError
from filmpark.jobs.runner import run_job
from filmpark.store import Database
from filmpark.store.records import JobState
from filmpark.text import t

log = logging.getLogger(__name__)


class JobQueue(Protocol):
    kind: str

    def dispatch(self, job_id: str) -> None:
        """Send a committed job to be run."""

    def close(self) -> None: ...


class InlineQueue:
    """A thread pool in this process."""

    kind = "inline"

    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.settings = settings
        self._pool = ThreadPoolExecutor(
            max_workers=settings.job_workers, thread_name_prefix="filmpark-job"
        )
        self._futures: dict[str, Future[JobState | None]] = {}

    def dispatch(self, job_id: str) -> None:
        self._futures[job_id] = self._pool.submit(self._run, job_id)

    def _run(self, job_id: str) -> JobState | None:
        try:
            return run_job(self.database, self.settings, job_id)
        except FilmparkError as error:
            log.warning("job %s left for retry: %s", job_id, error)
            return None
        finally:
            self._futures.pop(job_id, None)

    def wait(self, job_id: str, timeout: float | None = None) -> JobState | None:
        """Wait for a job dispatched here (tests and the CLI); None if it was not."""
        future = self._futures.get(job_id)
        return future.result(timeout=timeout) if future is not None else None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)


class CeleryQueue:
    """Celery on Redis: ``run_job`` executes in ``filmpark worker`` processes."""

    kind = "celery"

    def __init__(self, settings: Settings) -> None:
        from filmpark.jobs.celery_app import make_celery

        self.settings = settings
        self.app = make_celery(settings)

    def dispatch(self, job_id: str) -> None:
        try:
            self.app.send_task("filmpark.run_job", args=[job_id])
        except Exception as error:  # kombu raises its own tree, none of ours
            raise ExternalServiceError(t("jobs.not_accepted", error=str(error))) from None

    def close(self) -> None:
        self.app.close()


def make_queue(database: Database, settings: Settings) -> JobQueue:
    if settings.broker_url:
        return CeleryQueue(settings)
    return InlineQueue(database, settings)


def submit(
    database: Database,
    queue: JobQueue,
    kind: str,
    payload: dict[str, Any],
    *,
    project_id: str | None = None,
    created_by: str | None = None,
) -> str:
    """Record a job of ``kind`` (its payload holds ids, never data) and send it; its id.

    Use cases that check permissions first create the row in the request's transaction
    (``services.schedules.request_schedule``...) and the edge calls ``queue.dispatch`` after
    the commit; this is the same in one call, for jobs started by the platform itself.
    """
    from filmpark.services.jobs import job_kind

    job_kind(kind)  # an unknown kind fails here, not in a worker
    with database.transaction() as tx:
        job = tx.jobs.add(kind, payload, project_id=project_id, created_by=created_by)
    queue.dispatch(job.id)
    return job.id


def recover(database: Database, settings: Settings, queue: JobQueue) -> int:
    """Dispatch again every queued job and every running job whose worker stopped beating."""
    stale_before = datetime.now(UTC) - settings.job_stale_after
    with database.transaction(readonly=True) as tx:
        pending = tx.jobs.unfinished(stale_before=stale_before)
    for job in pending:
        queue.dispatch(job.id)
    return len(pending)
