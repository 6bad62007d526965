"""Run one job by id: claim it, prepare, compute, store — each in its own transaction.

The same body runs in the in-process executor and in a Celery worker. It is safe to run twice
or to be killed at any point:

- the claim is one conditional UPDATE (``queued``, or ``running`` with a stale heartbeat), so
  a second copy of the same job stops at once;
- nothing is written before ``store``, and ``store`` writes the result version together with
  the ``succeeded`` state in one transaction (a kill before its commit leaves no trace; after
  it, a re-run finds the job finished);
- a heartbeat thread keeps ``heartbeat_at`` fresh while the job computes, so a job whose
  worker died is recognised (no beat for ``FILMPARK_JOB_STALE_SECONDS``) and re-run.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime

from filmpark.config import Settings
from filmpark.errors import ExternalServiceError, FilmparkError
from filmpark.services.jobs import JobEnv, job_kind
from filmpark.store import Database
from filmpark.store.records import JobState
from filmpark.text import Text, t

log = logging.getLogger(__name__)


def _stale_before(settings: Settings) -> datetime:
    return datetime.now(UTC) - settings.job_stale_after


class _Heartbeat:
    """Beats every third of the stale interval until stopped."""

    def __init__(self, database: Database, job_id: str, interval: float) -> None:
        self._database = database
        self._job_id = job_id
        self._interval = max(0.2, interval)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{job_id}", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                with self._database.transaction() as tx:
                    tx.jobs.beat(self._job_id)
            except FilmparkError as error:  # a busy database: the next beat will do
                log.warning("heartbeat of job %s failed: %s", self._job_id, error)


def run_job(database: Database, settings: Settings, job_id: str) -> JobState | None:
    """Run the job ``job_id`` to its end; returns its final state (None: not ours to run)."""
    with database.transaction() as tx:
        job = tx.jobs.claim(job_id, stale_before=_stale_before(settings))
    if job is None:
        return None
    env = JobEnv(settings)
    last_report = 0.0

    def progress(fraction: float, message: Text) -> None:
        nonlocal last_report
        now = time.monotonic()
        if now - last_report < 0.25 and fraction < 1.0:
            return
        last_report = now
        try:
            with database.transaction() as report_tx:
                report_tx.jobs.report(job_id, fraction, message)
        except FilmparkError as error:
            log.warning("progress of job %s not recorded: %s", job_id, error)

    try:
        kind = job_kind(job.kind)
        with database.transaction(readonly=True) as tx:
            inputs = kind.prepare(tx, job, env)
        with _Heartbeat(database, job_id, settings.job_stale_after.total_seconds() / 3):
            output = kind.compute(inputs, progress)
        with database.transaction() as tx:
            result = kind.store(tx, job, output)
            tx.jobs.finish(job_id, result)
        return JobState.SUCCEEDED
    except ExternalServiceError as error:
        # The database or an outside service failed: leave the job to be retried.
        log.warning("job %s interrupted: %s", job_id, error)
        with database.transaction() as tx:
            tx.jobs.requeue(job_id)
        raise
    except FilmparkError as error:
        with database.transaction() as tx:
            tx.jobs.fail(job_id, error.message)
        return JobState.FAILED
    except Exception as error:
        log.exception("job %s crashed", job_id)
        with database.transaction() as tx:
            tx.jobs.fail(job_id, t("jobs.internal_error", name=type(error).__name__))
        return JobState.FAILED
