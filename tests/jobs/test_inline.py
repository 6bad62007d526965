from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from filmpark.errors import ValidationError
from filmpark.jobs import InlineQueue, recover, run_job, submit
from filmpark.store import Database
from filmpark.store.models import JobRow
from filmpark.store.records import JobState
from tests.jobs.helpers import a_queued_job, settings_for, versions_of, wait_for


def test_an_inline_job_runs_reports_progress_and_stores_one_version(
    database: Database, data_dir: Path
) -> None:
    job = a_queued_job(database, steps=4)
    queue = InlineQueue(database, settings_for(database, data_dir))
    try:
        queue.dispatch(job.id)
        assert queue.wait(job.id, timeout=30) is JobState.SUCCEEDED
    finally:
        queue.close()
    done = wait_for(database, job.id, {JobState.SUCCEEDED}, 5)
    assert done.progress == 1.0
    assert done.message_in("en") == "step 4 of 4"
    assert done.message_in("vi") == "bước 4 trên 4"
    assert done.attempts == 1
    assert done.result == {"schedule_version": 1}
    assert versions_of(database, job) == [1]


def test_submit_records_the_job_and_sends_it(database: Database, data_dir: Path) -> None:
    project = a_queued_job(database).project_id
    queue = InlineQueue(database, settings_for(database, data_dir))
    try:
        job_id = submit(database, queue, "test.count", {"project_id": project, "steps": 2})
        assert queue.wait(job_id, timeout=30) is JobState.SUCCEEDED
    finally:
        queue.close()
    with pytest.raises(ValidationError, match="unknown job kind"):
        submit(database, queue, "no.such.kind", {})


def test_running_a_finished_job_again_does_nothing(database: Database, data_dir: Path) -> None:
    job = a_queued_job(database)
    settings = settings_for(database, data_dir)
    assert run_job(database, settings, job.id) is JobState.SUCCEEDED
    assert run_job(database, settings, job.id) is None
    assert versions_of(database, job) == [1]


def test_a_job_that_fails_says_why_and_writes_nothing(database: Database, data_dir: Path) -> None:
    job = a_queued_job(database, fail=True)
    assert run_job(database, settings_for(database, data_dir), job.id) is JobState.FAILED
    failed = wait_for(database, job.id, {JobState.FAILED}, 1)
    assert failed.error == "steps: this job was asked to fail"
    assert failed.error_in("en") == failed.error
    assert failed.error_in("vi") == "steps: tác vụ này được yêu cầu thất bại"
    assert versions_of(database, job) == []


def test_a_running_job_whose_worker_stopped_beating_is_run_again(
    database: Database, data_dir: Path
) -> None:
    job = a_queued_job(database)
    settings = settings_for(database, data_dir)
    abandoned = datetime.now(UTC) - timedelta(minutes=5)
    with database.transaction() as tx:
        tx.session.execute(
            update(JobRow)
            .where(JobRow.id == job.id)
            .values(state="running", attempts=1, heartbeat_at=abandoned)
        )
    queue = InlineQueue(database, settings)
    try:
        assert recover(database, settings, queue) >= 1
        assert queue.wait(job.id, timeout=30) is JobState.SUCCEEDED
    finally:
        queue.close()
    done = wait_for(database, job.id, {JobState.SUCCEEDED}, 1)
    assert done.attempts == 2
    assert versions_of(database, job) == [1]


def test_a_job_that_is_beating_is_not_taken_by_a_second_worker(
    database: Database, data_dir: Path
) -> None:
    job = a_queued_job(database)
    with database.transaction() as tx:
        tx.session.execute(
            update(JobRow)
            .where(JobRow.id == job.id)
            .values(state="running", attempts=1, heartbeat_at=datetime.now(UTC))
        )
    assert run_job(database, settings_for(database, data_dir), job.id) is None
    assert versions_of(database, job) == []
